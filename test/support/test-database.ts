/**
 * Each test file gets its own database, cloned from the migrated template of the run
 * (see global-setup.ts). `appDb` is the runtime role (NOSUPERUSER NOBYPASSRLS), `adminDb`
 * the owner — tests use the owner only to arrange or to tamper, never to act as the app.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/server/db/database.js';

export interface TestDatabase {
  name: string;
  appDb: Db;
  adminDb: Db;
  /** Owner URL of this database. */
  adminUrl: string;
  /** URL to use with `assumeRole: 'concerto_app'` for the runtime role. */
  appUrl: string;
  drop(): Promise<void>;
}

export const RUNTIME_ROLE = 'concerto_app';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, prefix } = inject('testDb');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const adminUrl = withDatabase(serverUrl, name);
  const adminDb = createDb(adminUrl, { max: 4 });
  const appDb = createDb(adminUrl, { max: 10, assumeRole: RUNTIME_ROLE });
  return {
    name,
    adminDb,
    appDb,
    adminUrl,
    appUrl: adminUrl,
    async drop() {
      await appDb.destroy();
      await adminDb.destroy();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
