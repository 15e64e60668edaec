/**
 * A PostgreSQL for tests and benchmarks: the server of DATABASE_URL when set, otherwise
 * an embedded one in a temporary directory; plus a migrated template database that each
 * test file (or benchmark) clones into a database of its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/server/db/database.js';
import { APP_ROLE, startEmbeddedPostgres } from '../../src/server/db/embedded-postgres.js';
import { migrate } from '../../src/server/db/migrate.js';

export interface ClusterInfo {
  /** Owner/superuser URL of the server (any database). */
  serverUrl: string;
  template: string;
  prefix: string;
}

export interface TestCluster extends ClusterInfo {
  stop(): Promise<void>;
}

export interface TestDatabase {
  name: string;
  /** The runtime role (NOSUPERUSER NOBYPASSRLS), as the app uses it. */
  appDb: Db;
  /** The owner: tests use it to arrange or to tamper, never to act as the app. */
  adminDb: Db;
  /** Owner URL of this database. */
  adminUrl: string;
  /** The same URL: connect with `assumeRole: 'concerto_app'` to act as the runtime role. */
  appUrl: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(serverUrl: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function startTestCluster(): Promise<TestCluster> {
  const prefix = `concerto_t${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  const external = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => {};
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-test-'));
    // Durability is not under test here (the kill -9 test runs its own server): trade it for speed.
    const embedded = await startEmbeddedPostgres({ dataDir: dir, settings: { fsync: 'off', synchronous_commit: 'off' } });
    serverUrl = embedded.adminUrl('postgres');
    stopServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await onServer(serverUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(serverUrl, template));
  return {
    serverUrl,
    template,
    prefix,
    async stop() {
      if (!external) return stopServer();
      const { rows } = await onServer(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
      for (const row of rows) await onServer(serverUrl, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    },
  };
}

export async function cloneDatabase({ serverUrl, template, prefix }: ClusterInfo): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const adminUrl = withDatabase(serverUrl, name);
  const adminDb = createDb(adminUrl, { max: 4 });
  const appDb = createDb(adminUrl, { max: 10, assumeRole: APP_ROLE });
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
