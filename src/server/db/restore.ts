/**
 * `concerto restore`: loads a file of `concerto backup` into an empty database of the same
 * Concerto version, all or nothing (one transaction: a damaged or truncated file leaves the
 * target as it was).
 *
 * The owner loads the rows as they were, so the rules that guard the app's own writes are
 * lifted inside that transaction only: user triggers (append-only audit, immutable
 * controllers) are disabled and forced row-level security is relaxed, then both are put back
 * before the commit. Before that commit, `beforeCommit` runs in the same transaction, as the
 * owner with the triggers back: what a restore must do before anyone can read the data (RET-07:
 * the cases destroyed after the backup was taken are destroyed again, retention's
 * `reapplyDestructions`). It may refuse the restore by throwing: then nothing is restored.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type BackupHeader, BackupFileError, parseHeader, parseLine } from './backup-format.js';
import type { Tx } from './database.js';
import { migrate, readMigrations } from './migrate.js';
import type { DB } from './schema.js';

const BATCH_ROWS = 1000;

/** Tables whose rows make a database "in use": a restore never overwrites one. */
const IN_USE_TABLES = ['organisations', 'users', 'cases', 'audit_events'];

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export interface RestoreSummary<T = unknown> {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** What `beforeCommit` returned. */
  reapplied: T;
}

export interface RestoreOptions<T> {
  migrationsDir?: string;
  /**
   * Runs inside the restore's transaction once every row is loaded, before the commit (SPEC RET-07:
   * the destructions since the backup are re-applied before the data are available). Required: a
   * restore never commits data that have not been through it.
   */
  beforeCommit: (tx: Tx) => Promise<T>;
}

/**
 * Kysely over the restore's one connection: the transaction it opens is the restore's, so that what
 * `beforeCommit` writes (through the services' repositories) commits or rolls back with the rows.
 */
function overClient(client: pg.Client): Kysely<DB> {
  const pooled = Object.assign(client, { release: () => undefined });
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => pooled, end: async () => undefined } }),
  });
}

function checkSameVersion(header: BackupHeader, migrationsDir?: string): void {
  const files = readMigrations(migrationsDir);
  const same =
    files.length === header.migrations.length &&
    files.every(
      (file, i) =>
        header.migrations[i]?.version === file.version && header.migrations[i]?.checksum === file.checksum,
    );
  if (!same) {
    const last = header.migrations.at(-1);
    throw new RestoreRefusedError(
      `The backup was made at migration ${last?.name ?? '(none)'} (Concerto ${header.concertoVersion}); this Concerto is at ` +
        `${files.at(-1)?.name}. Restore with the version that made the backup, then upgrade.`,
    );
  }
}

async function refuseInUse(client: pg.ClientBase): Promise<void> {
  for (const table of IN_USE_TABLES) {
    const found = await client.query(`SELECT 1 FROM ${pg.escapeIdentifier(table)} LIMIT 1`);
    if (found.rowCount) {
      throw new RestoreRefusedError(
        `The target database already holds data (${table}): restore into a new database or data directory.`,
      );
    }
  }
}

async function insertColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const columns = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${pg.escapeIdentifier(table)}`],
  );
  return columns.rows.map((c) => pg.escapeIdentifier(c.name));
}

/** Streams the table's `expected` rows into the stage in batches, then copies them in one statement. */
async function loadTable(
  client: pg.ClientBase,
  table: string,
  expected: number,
  nextLine: () => Promise<string | undefined>,
): Promise<void> {
  const name = pg.escapeIdentifier(table);
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await client.query('INSERT INTO restore_stage (doc) SELECT json_array_elements($1::json)', [
      `[${batch.join(',')}]`,
    ]);
    batch = [];
  };
  for (let i = 0; i < expected; i += 1) {
    const row = await nextLine();
    if (row === undefined)
      throw new BackupFileError(`The backup ends inside table ${table}: the file is incomplete.`);
    batch.push(row);
    if (batch.length === BATCH_ROWS) await flush();
  }
  await flush();
  const columns = await insertColumns(client, table);
  // One statement per table: a self-reference (an item's earlier version) is checked at its end.
  await client.query(
    `INSERT INTO ${name} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE
     SELECT ${columns.map((c) => `r.${c}`).join(', ')}
       FROM restore_stage s CROSS JOIN LATERAL json_populate_record(NULL::${name}, s.doc) r`,
  );
  await client.query('TRUNCATE restore_stage');
}

/** Restores `file` into the (new or empty) database at `adminUrl`, migrating it first. */
export async function restoreBackup<T>(
  adminUrl: string,
  file: string,
  options: RestoreOptions<T>,
): Promise<RestoreSummary<T>> {
  const input = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const lines = input[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
  try {
    const header = parseHeader(await nextLine());
    checkSameVersion(header, options.migrationsDir);
    await migrate(adminUrl, options.migrationsDir);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const db = overClient(client);
    try {
      return await db.transaction().execute(async (tx) => {
        const tables = await client.query<{ name: string; forced: boolean }>(
          `SELECT relname AS name, relforcerowsecurity AS forced FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
        );
        for (const table of tables.rows) {
          const name = pg.escapeIdentifier(table.name);
          await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
          if (table.forced) await client.query(`ALTER TABLE ${name} NO FORCE ROW LEVEL SECURITY`);
        }
        await refuseInUse(client);
        await client.query(`TRUNCATE ${tables.rows.map((t) => pg.escapeIdentifier(t.name)).join(', ')}`);
        await client.query('CREATE TEMP TABLE restore_stage (doc json) ON COMMIT DROP');
        const known = new Set(tables.rows.map((t) => t.name));
        let tableCount = 0;
        let rowCount = 0;
        for (;;) {
          const line = parseLine(await nextLine(), 'next table');
          if (line.end === true) {
            if (line.tables !== tableCount || line.rows !== rowCount) {
              throw new BackupFileError(
                `The backup's trailer does not match its content: the file is damaged.`,
              );
            }
            for (const [sequence, value] of Object.entries(
              (line.sequences ?? {}) as Record<string, number>,
            )) {
              await client.query('SELECT setval($1::regclass, $2)', [sequence, value]);
            }
            break;
          }
          const table = String(line.table);
          const expected = Number(line.rows);
          if (!known.has(table) || !Number.isInteger(expected) || expected < 0) {
            throw new BackupFileError(
              `The backup names an unknown table or row count (${table}): the file is damaged.`,
            );
          }
          await loadTable(client, table, expected, nextLine);
          tableCount += 1;
          rowCount += expected;
        }
        // Deferred foreign keys are checked now: a table cannot be altered with checks pending.
        await client.query('SET CONSTRAINTS ALL IMMEDIATE');
        for (const table of tables.rows) {
          await client.query(`ALTER TABLE ${pg.escapeIdentifier(table.name)} ENABLE TRIGGER USER`);
        }
        // RET-07: with the triggers back, as the owner (row-level security is forced again only after
        // it, since the owner acts for no organisation), before anything commits.
        const reapplied = await options.beforeCommit(tx);
        await client.query('SET CONSTRAINTS ALL IMMEDIATE');
        for (const table of tables.rows) {
          if (table.forced)
            await client.query(`ALTER TABLE ${pg.escapeIdentifier(table.name)} FORCE ROW LEVEL SECURITY`);
        }
        return { header, tables: tableCount, rows: rowCount, reapplied };
      });
    } finally {
      await db.destroy().catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  } finally {
    input.close();
  }
}
