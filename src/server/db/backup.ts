/**
 * `concerto backup`: a consistent logical copy of the database in the format of
 * backup-format.ts. It reads every table of the `public` schema in one REPEATABLE READ
 * snapshot as the owner, so the copy is the database at one instant while the app keeps
 * working. It needs no pg_dump: the client tools of the machine rarely match the embedded
 * PostgreSQL's major version.
 *
 * The key provider is not in the backup (ADR 0006, RET-07): it is backed up apart, on a shorter
 * rotation than the retention periods, so that a destroyed case key never comes back.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupMigration,
  type BackupTrailer,
} from './backup-format.js';
import { tablesParentsFirst } from './table-order.js';

const FETCH_ROWS = 2000;

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

export class BackupTargetExistsError extends Error {
  override name = 'BackupTargetExistsError';
}

async function* backupLines(
  client: pg.ClientBase,
  header: BackupHeader,
  tables: string[],
  written: { rows: number },
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const table of tables) {
    const name = pg.escapeIdentifier(table);
    const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ONLY ${name}`);
    const rows = Number(count.rows[0]?.n ?? 0);
    yield `${JSON.stringify({ table, rows })}\n`;
    await client.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ONLY ${name} t`,
    );
    for (;;) {
      const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (batch.rows.length === 0) break;
      yield `${batch.rows.map((row) => row.j).join('\n')}\n`;
    }
    await client.query('CLOSE backup_rows');
    total += rows;
  }
  written.rows = total;
  const sequences = await client.query<{ name: string; last_value: string | null }>(
    `SELECT schemaname || '.' || sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`,
  );
  const trailer: BackupTrailer = {
    end: true,
    tables: tables.length,
    rows: total,
    sequences: Object.fromEntries(
      sequences.rows.filter((s) => s.last_value !== null).map((s) => [s.name, Number(s.last_value)]),
    ),
  };
  yield `${JSON.stringify(trailer)}\n`;
}

/**
 * Writes the backup of the database at `adminUrl` to `file` (never over an existing file): first
 * to `<file>.partial`, renamed when complete, so a crash leaves no file that looks whole.
 */
export async function writeBackup(
  adminUrl: string,
  file: string,
  meta: { concertoVersion: string; now: Date },
): Promise<BackupSummary> {
  if (existsSync(file))
    throw new BackupTargetExistsError(`${file} exists: a backup never overwrites a file.`);
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await client.query<BackupMigration>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const tables = await tablesParentsFirst(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      concertoVersion: meta.concertoVersion,
      createdAt: meta.now.toISOString(),
      migrations: migrations.rows,
    };
    const out = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
    await once(out, 'open');
    const written = { rows: 0 };
    await pipeline(backupLines(client, header, tables, written), createGzip(), out);
    await client.query('COMMIT');
    renameSync(partial, file);
    return { file, tables: tables.length, rows: written.rows };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
