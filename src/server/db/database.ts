/**
 * Kysely over node-postgres. A service call is one transaction (ARCHITECTURE §3.1):
 * `inTransaction` is how services open it.
 */
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

// BIGINT (int8) as JS number: audit positions and counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// DATE as its 'yyyy-mm-dd' text: a civil date has no time zone, and a JS Date would give it one.
pg.types.setTypeParser(1082, (value) => value);

export interface DbOptions {
  /** Pool size per app instance. */
  max?: number;
  /** Role to assume on every new connection (used when the login role is privileged). */
  assumeRole?: string;
}

export function createPool(url: string, options: DbOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  if (options.assumeRole) {
    const statement = `SET SESSION ROLE ${pg.escapeIdentifier(options.assumeRole)}`;
    pool.on('connect', (client) => {
      client.query(statement).catch(() => client.release(true));
    });
  }
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

export function createDb(url: string, options: DbOptions = {}): Db {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(url, options) }) });
}

export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
