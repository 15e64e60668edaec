/** Each test file gets its own database, cloned from the run's migrated template. */
import { inject } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { cloneDatabase, type TestDatabase } from './postgres-cluster.js';

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
