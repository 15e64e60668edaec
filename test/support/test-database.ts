/** Each test file gets its own database, cloned from the run's migrated template. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { cloneDatabase, type TestDatabase, withDatabase } from './postgres-cluster.js';

export type { TestDatabase } from './postgres-cluster.js';
export { APP_ROLE as RUNTIME_ROLE } from '../../src/server/db/embedded-postgres.js';

export function createTestDatabase(): Promise<TestDatabase> {
  return cloneDatabase(inject('testDb'));
}

/** Rows in a table, read as the owner: tests count rows before and after to prove "nothing changed". */
export async function countRows(db: Db, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A database with nothing in it, not even the migrations: the target of a restore. */
export async function createEmptyDatabase(): Promise<{ adminUrl: string; drop(): Promise<void> }> {
  const { serverUrl, prefix } = inject('testDb');
  const name = `${prefix}_empty_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  try {
    await server.query(`CREATE DATABASE ${name}`);
  } finally {
    await server.end();
  }
  return {
    adminUrl: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
