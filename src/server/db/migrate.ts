/**
 * Forward-only migrations: numbered `.sql` files, each applied in its own transaction and
 * recorded with its SHA-256. An applied file that changed is refused; a failing file rolls
 * back and the caller exits non-zero. An advisory lock keeps N instances from migrating
 * at once.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: number;
  latest: number;
  pending: string[];
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any 64-bit constant shared by all instances: "concerto migrations".
const LOCK_KEY = 7_344_201_817;

/** `src/server/db/migrations` whether running from `src/` (tsx, vitest) or from `dist/`. */
export function defaultMigrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', '..', 'src', 'server', 'db', 'migrations');
}

export function readMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations: MigrationFile[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`Migration file name "${file}" must look like 0001_what_it_does.sql`);
    const sql = readFileSync(path.join(dir, file), 'utf8');
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new MigrationError(`Two migrations are numbered ${match[1]}`);
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

const BOOKKEEPING = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

async function appliedRows(client: pg.ClientBase): Promise<AppliedMigrations> {
  const exists = await client.query(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return new Map();
  const rows = await client.query<{ version: number; name: string; checksum: string }>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return new Map(rows.rows.map((r) => [r.version, { name: r.name, checksum: r.checksum }]));
}

export type AppliedMigrations = Map<number, { name: string; checksum: string }>;

/** The files not yet applied; throws when an applied file changed or is unknown. */
export function pendingMigrations(files: MigrationFile[], applied: AppliedMigrations): MigrationFile[] {
  for (const [version, row] of applied) {
    const file = files.find((f) => f.version === version);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.name} applied, which this version of Concerto does not know. Is the database newer than the code?`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
          `${file.checksum.slice(0, 12)}… on disk). Applied migrations are never edited: add a new one.`,
      );
    }
  }
  return files.filter((f) => !applied.has(f.version));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(adminUrl: string, dir?: string): Promise<string[]> {
  const files = readMigrations(dir);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(BOOKKEEPING);
    const pending = pendingMigrations(files, await appliedRows(client));
    for (const file of pending) {
      try {
        await client.query('BEGIN');
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return pending.map((f) => f.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Read-only comparison of the database with the files (for /readyz and `doctor`). */
export function migrationStatus(applied: AppliedMigrations, dir?: string): MigrationStatus {
  const files = readMigrations(dir);
  const pending = pendingMigrations(files, applied);
  return { applied: files.length - pending.length, latest: files.length, pending: pending.map((f) => f.name) };
}
