/**
 * Vitest global setup: one PostgreSQL for the whole run — the machine's server when
 * DATABASE_URL is set, otherwise an embedded one in a temporary directory — and one
 * migrated template database that each test file clones (`createTestDatabase`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/server/db/embedded-postgres.js';
import { migrate } from '../../src/server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { serverUrl: string; template: string; prefix: string };
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const prefix = `concerto_t${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let serverUrl: string;
  const external = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (external) {
    serverUrl = external;
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-test-'));
    // Durability is not under test here (kill -9 tests start their own server): trade it for speed.
    embedded = await startEmbeddedPostgres({ dataDir: tempDir, settings: { fsync: 'off', synchronous_commit: 'off' } });
    serverUrl = embedded.adminUrl('postgres');
  }
  await admin(serverUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(serverUrl, template));
  project.provide('testDb', { serverUrl, template, prefix });

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      return;
    }
    const { rows } = await admin(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
    for (const row of rows) await admin(serverUrl, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  };
}
