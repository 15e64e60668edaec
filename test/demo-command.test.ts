/**
 * `concerto demo` and the first-run offer of `concerto serve` as real processes (issue 3
 * scope 11): printed logins that work, the same ones on every run, exit code 5 on a database
 * that is not a demo, and no seeding on a PostgreSQL server (DATABASE_URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_STATES } from '../src/contracts/cases.js';
import type { DB } from '../src/server/db/schema.js';
import { createAuditLog } from '../src/server/kernel/audit/index.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { totpCode } from '../src/server/modules/auth/credentials/totp.js';
import type { DemoIdentities } from '../src/server/modules/demo/demo.service.js';
import { POLICE_ZONE } from '../src/server/modules/identity/identity-fixtures.js';
import { createIdentityRepository } from '../src/server/modules/identity/identity.repository.js';
import { createIdentityService } from '../src/server/modules/identity/identity.service.js';
import { runConcerto, stopAllConcertos } from './support/concerto-process.js';
import { countRows, createTestDatabase, type TestDatabase } from './support/test-database.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-demo-proc-'));
  dirs.push(dir);
  return dir;
}

const DEMO_TABLES: (keyof DB)[] = [
  'users',
  'frameworks',
  'cases',
  'items',
  'consultations',
  'own_file_transfers',
  'audit_events',
];

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const entries = await Promise.all(
    DEMO_TABLES.map(async (table) => [table, await countRows(db.adminDb, table)]),
  );
  return Object.fromEntries(entries);
}

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

afterAll(async () => {
  await stopAllConcertos();
  for (const db of databases) await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `concerto demo --json` on a PostgreSQL server; keys in their own data directory. */
async function demoJson(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const run = runConcerto(['demo', '--json'], env);
  const { code } = await run.exited();
  return { code, output: run.output() };
}

function login(url: string, user: DemoIdentities['users'][number], second: Record<string, string>) {
  return fetch(new URL('/api/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password, ...second }),
  });
}

describe('concerto demo on a PostgreSQL server (DATABASE_URL)', () => {
  it('creates the demo on an empty database and prints the same identities on the next run', async () => {
    const db = await database();
    const env = { DATABASE_URL: db.adminUrl, CONCERTO_DATA_DIR: tempDir() };
    const first = await demoJson(env);
    expect(first.code).toBe(0);
    const identities = JSON.parse(first.output) as DemoIdentities;
    expect(identities.users.map((user) => user.role)).toEqual([
      'operator',
      'organiser',
      'participant',
      'prosecutor',
      'dpo',
      'representative',
    ]);
    // The printed users, and the demo's case data made by staff who have no login (issue 4 scope 8).
    expect(await countRows(db.adminDb, 'platform_demo_logins')).toBe(6);
    const cases = await db.adminDb.selectFrom('cases').select('state').execute();
    expect(new Set(cases.map((c) => c.state))).toEqual(new Set(CASE_STATES));
    expect(await countRows(db.adminDb, 'consultations')).toBeGreaterThanOrEqual(2);
    expect(await countRows(db.adminDb, 'own_file_transfers')).toBe(3);
    const before = await counts(db);

    const second = await demoJson(env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.output)).toEqual(identities);
    expect(await counts(db)).toEqual(before);
  });

  it('exits 5 on a database with organisations that was not created as a demo, and adds nothing', async () => {
    const db = await database();
    const identity = createIdentityService({
      db: db.appDb,
      identity: createIdentityRepository(),
      audit: createAuditLog({ clock: systemClock }),
      clock: systemClock,
    });
    await identity.createOrganisation(
      { userId: 'setup', organisationId: 'setup', roles: ['operator'] },
      POLICE_ZONE,
    );
    const run = runConcerto(['demo'], { DATABASE_URL: db.adminUrl, CONCERTO_DATA_DIR: tempDir() });
    expect((await run.exited()).code).toBe(5);
    expect(run.output()).toContain('This database holds organisations and was not created as a demo');
    expect(await countRows(db.adminDb, 'organisations')).toBe(1);
    expect(await countRows(db.adminDb, 'users')).toBe(0);
  });

  it('serve never seeds a server database, even an empty one', async () => {
    const db = await database();
    const server = runConcerto(['serve'], {
      DATABASE_URL: db.adminUrl,
      CONCERTO_DATA_DIR: tempDir(),
      PORT: '0',
    });
    await server.ready();
    expect(server.output()).not.toContain('demo --json');
    expect(await countRows(db.adminDb, 'organisations')).toBe(0);
    server.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
  });
});

describe('CONCERTO_DEMO=off', () => {
  it('keeps a real installation on the embedded PostgreSQL free of demo identities', async () => {
    const dataDir = tempDir();
    const server = runConcerto(['serve'], { CONCERTO_DATA_DIR: dataDir, PORT: '0', CONCERTO_DEMO: 'off' });
    await server.ready();
    expect(server.output()).not.toContain('demo --json');
    server.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
    const stoppedAt = Date.now();
    // The database stayed empty: a demo made on purpose now is created now, not by serve.
    const printed = await demoJson({ CONCERTO_DATA_DIR: dataDir });
    expect(printed.code).toBe(0);
    expect(Date.parse((JSON.parse(printed.output) as DemoIdentities).createdAt)).toBeGreaterThanOrEqual(
      stoppedAt,
    );
  });
});

describe('the --json option', () => {
  it('belongs to demo: another command with it is a usage error (exit 2)', async () => {
    const run = runConcerto(['migrate', '--json'], {});
    expect((await run.exited()).code).toBe(2);
    expect(run.output()).toContain('--json is an option of demo only');
  });
});

describe('the first run of concerto serve on the embedded PostgreSQL', () => {
  it('seeds demo identities, says how to print them, and a printed user logs in', async () => {
    const dataDir = tempDir();
    const server = runConcerto(['serve'], { CONCERTO_DATA_DIR: dataDir, PORT: '0' });
    const url = await server.ready();
    expect(server.output()).toContain('npm run concerto -- demo --json');

    // Beside the running server, on the same data directory.
    const printed = await demoJson({ CONCERTO_DATA_DIR: dataDir });
    expect(printed.code).toBe(0);
    const { users } = JSON.parse(printed.output) as DemoIdentities;
    const participant = users.find((user) => user.role === 'participant')!;

    const wrong = await login(url, participant, { totp: '000000' });
    expect(wrong.status).toBe(401);
    const ok = await login(url, participant, {
      totp: totpCode({ secret: participant.totpSecret, now: new Date() }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ userId: participant.userId, roles: ['participant'] });

    server.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
  });
});
