/**
 * The purge of a case deletes its rows, and PostgreSQL checks each foreign key pointing at a deleted
 * row by looking up the referencing column: unindexed, that reads the whole referencing table for
 * each row, and the purge grows with the installation instead of with the case (migration 0043).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('the purge deletes in time proportional to the case', () => {
  it('every foreign key to a row deleted with its case is indexed on its referencing column', async () => {
    const { rows } = await sql<{ key: string }>`
      WITH deleted_with_a_case AS (
        SELECT DISTINCT conrelid AS rel FROM pg_constraint WHERE contype = 'f' AND confrelid = 'cases'::regclass
        UNION SELECT 'cases'::regclass UNION SELECT 'item_versions'::regclass UNION SELECT 'person_versions'::regclass
      )
      SELECT c.conrelid::regclass || '.' || a.attname || ' -> ' || c.confrelid::regclass AS key
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid IN (SELECT rel FROM deleted_with_a_case)
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1`.execute(db.adminDb);
    expect(rows.map((row) => row.key)).toEqual([]);
  });
});
