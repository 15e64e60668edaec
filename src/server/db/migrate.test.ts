import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { MigrationError, migrate, readMigrations } from './migrate.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-migrations-'));
  for (const m of readMigrations()) writeFileSync(path.join(dir, m.name), m.sql);
  return dir;
}

describe('migrations', () => {
  it('records every applied file with its checksum and is idempotent', async () => {
    const rows = await db.adminDb.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(db.adminUrl)).toEqual([]);
  });

  it('refuses an applied migration whose file changed', async () => {
    const dir = copyMigrations();
    const first = readMigrations(dir)[0]!;
    writeFileSync(path.join(dir, first.name), `${first.sql}\n-- edited`);
    await expect(migrate(db.adminUrl, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration whole and reports it', async () => {
    const dir = copyMigrations();
    writeFileSync(
      path.join(dir, '9999_broken.sql'),
      'CREATE TABLE half_applied (id int); SELECT no_such_function();',
    );
    await expect(migrate(db.adminUrl, dir)).rejects.toThrow(MigrationError);
    const table = await sql<{ t: string | null }>`SELECT to_regclass('public.half_applied')::text AS t`.execute(db.adminDb);
    expect(table.rows[0]?.t).toBeNull();
    const recorded = await db.adminDb.selectFrom('schema_migrations').select('version').where('version', '=', 9999).execute();
    expect(recorded).toEqual([]);
  });

  it('creates the runtime role without superuser or RLS bypass', async () => {
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'concerto_app'`.execute(db.adminDb);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const who = await sql<{ u: string }>`SELECT current_user AS u`.execute(db.appDb);
    expect(who.rows[0]?.u).toBe('concerto_app');
  });
});
