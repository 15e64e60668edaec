/**
 * `concerto backup <file>` and `concerto restore <file>` (issue 6 scope 2; SPEC RET-07).
 *
 * A backup holds the database only. Case content is in it as ciphertext under case keys that
 * live in the key provider, which is backed up apart (ADR 0006): a case destroyed after the
 * backup was taken cannot be read from it, and a restore removes what is left of it in its own
 * transaction, before anyone can use the database (modules/retention/restore-destructions.service.ts).
 */

import type { Config } from '../../server/config.js';
import { writeBackup } from '../../server/db/backup.js';
import { BackupFileError } from '../../server/db/backup-format.js';
import { openDatabase } from '../../server/db/engine.js';
import { RestoreRefusedError, restoreBackup } from '../../server/db/restore.js';
import { createAuditLog } from '../../server/kernel/audit/index.js';
import { systemClock } from '../../server/kernel/clock.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { createLegalRules } from '../../server/kernel/legal-rules/index.js';
import { createNotificationsRepository } from '../../server/modules/notifications/notifications.repository.js';
import { createRestoreDestructionsRepository } from '../../server/modules/retention/restore-destructions.repository.js';
import {
  completeReappliedDestructions,
  RestoreDestructionsRefused,
  reapplyDestructions,
} from '../../server/modules/retention/restore-destructions.service.js';
import { createRetentionRepository } from '../../server/modules/retention/retention.repository.js';
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
  const keys = await createKeyProvider(config);
  const database = await openDatabase(config, { migrate: false });
  try {
    const clock = systemClock;
    const deps = {
      db: database.appDb,
      retention: createRetentionRepository(),
      restored: createRestoreDestructionsRepository(),
      notifications: createNotificationsRepository(),
      audit: createAuditLog({ clock }),
      clock,
      rules: createLegalRules({ clock, ...(config.legalRules && { overrides: config.legalRules }) }),
      keys,
      auditOrigin: config.audit.origin,
    };
    // RET-07: the destructions made since the backup are re-applied in the restore's transaction.
    const summary = await restoreBackup(database.adminUrl, file, {
      beforeCommit: (tx) => reapplyDestructions(deps, tx),
    });
    console.log(
      `Restored ${summary.rows} rows in ${summary.tables} tables from the backup of ${summary.header.createdAt} ` +
        `(Concerto ${summary.header.concertoVersion}).`,
    );
    const { reapplied } = summary;
    console.log(
      `Key provider: it holds the keys of ${reapplied.keysHeld} of the ${reapplied.casesChecked} restored cases. ` +
        `Destroyed again before the commit (destroyed after the backup): ${reapplied.purged.length} case(s).`,
    );
    for (const held of reapplied.heldBack) {
      console.log(
        `Case ${held.caseId} was destroyed after the backup, but a legal hold in the backup still covers it ` +
          `(${held.holdIds.join(', ')}): kept, unreadable, until the hold is released (RET-08).`,
      );
    }
    try {
      const completed = await completeReappliedDestructions(deps, reapplied);
      if (completed.proofsIssued.length > 0) {
        console.log(`Proofs of destruction issued: ${completed.proofsIssued.join(', ')}.`);
      }
    } catch (error) {
      // The purges committed with the restore; the daily job resumes the key destructions and proofs.
      console.error(
        `The key destructions and proofs will be completed by the daily job: ${(error as Error).message}`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof RestoreDestructionsRefused) {
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
