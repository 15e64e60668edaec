/**
 * `concerto backup <file>` and `concerto restore <file>` (issue 6 scope 2; SPEC RET-07).
 *
 * A backup holds the database only. Case content is in it as ciphertext under case keys that
 * live in the key provider, which is backed up apart (ADR 0006): a case destroyed after the
 * backup was taken cannot be read from it, and a restore removes what is left of it before
 * anyone can use the database.
 */
import { writeBackup } from '../../server/db/backup.js';
import { BackupFileError } from '../../server/db/backup-format.js';
import { openDatabase } from '../../server/db/engine.js';
import { RestoreRefusedError, restoreBackup } from '../../server/db/restore.js';
import type { Config } from '../../server/config.js';
import { packageVersion } from '../../server/package-info.js';
import { EXIT } from '../exit-codes.js';

const KEYS_REMINDER =
  'The key provider is not in the backup: back it up apart (README, "Backups"), or restored cases cannot be read.';

export async function runBackup(config: Config, args: string[], help: string): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    console.error(`Usage: concerto backup <file>\n\n${help}`);
    return EXIT.usage;
  }
  // Beside a running server on the same embedded data directory, like `jobs run`.
  const database = await openDatabase(config, { migrate: false, attach: true });
  try {
    const summary = await writeBackup(database.adminUrl, file, {
      concertoVersion: packageVersion(),
      now: new Date(),
    });
    console.log(`Backup written to ${summary.file}: ${summary.tables} tables, ${summary.rows} rows.`);
    console.log(KEYS_REMINDER);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}

export async function runRestore(config: Config, args: string[], help: string): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    console.error(`Usage: concerto restore <file>\n\n${help}`);
    return EXIT.usage;
  }
  const database = await openDatabase(config, { migrate: false });
  try {
    const summary = await restoreBackup(database.adminUrl, file);
    console.log(
      `Restored ${summary.rows} rows in ${summary.tables} tables from the backup of ${summary.header.createdAt} ` +
        `(Concerto ${summary.header.concertoVersion}).`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof RestoreRefusedError) {
      console.error(error.message);
      return EXIT.refused;
    }
    if (error instanceof BackupFileError) {
      console.error(error.message);
      return EXIT.checkFailed;
    }
    throw error;
  } finally {
    await database.close();
  }
}
