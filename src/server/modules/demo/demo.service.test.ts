/**
 * `concerto demo` (issue 3 scope 11) against a real database: what a demo holds, that its
 * printed identities log in, that a second run prints the same ones, and that a database not
 * created as a demo is refused and left unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ORGANISATION_KINDS, USER_ROLES } from '../../../contracts/identity.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { systemClock } from '../../kernel/clock.js';
import { createKeyProvider } from '../../kernel/crypto/create-key-provider.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { DomainError } from '../../kernel/errors.js';
import { totpCode } from '../auth/credentials/totp.js';
import { SESSION_COOKIE } from '../auth/session-guard.js';
import { POLICE_ZONE } from '../identity/identity-fixtures.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService } from '../identity/identity.service.js';
import { createDemo } from './create-demo.js';
import { NOT_A_DEMO_DATABASE } from './demo.service.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-demo-'));
const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const databases: TestDatabase[] = [];
let keys: KeyProvider;

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

const demoOf = (db: TestDatabase) => createDemo(db.appDb, keys, { ownerDb: db.adminDb });

const TABLES: (keyof DB)[] = [
  'organisations',
  'users',
  'user_credentials',
  'undertaking_versions',
  'platform_demo',
  'platform_demo_logins',
  'audit_events',
];

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, await countRows(db.adminDb, table)]));
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  keys = await createKeyProvider(config);
});

afterAll(async () => {
  for (const db of databases) await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a demo database', () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await freshDatabase();
    app = await buildApp({
      config,
      db: db.appDb,
      keys,
      engine: 'server',
      webRoot: path.join(dataDir, 'no-web-build'),
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('holds an organisation of each kind and one user per role, MFA enrolled, with the undertakings published', async () => {
    const identities = await demoOf(db).ensureDemo();
    expect(identities.users.map((user) => user.role)).toEqual([...USER_ROLES]);
    const kinds = new Set(identities.users.map((user) => user.organisation.kind));
    expect(kinds).toEqual(new Set(ORGANISATION_KINDS.filter((kind) => kind !== 'other')));
    for (const user of identities.users) {
      expect(user.password.length).toBeGreaterThanOrEqual(12);
      expect(user.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      expect(user.recoveryCodes).toHaveLength(10);
    }
    const credentials = await db.adminDb.selectFrom('user_credentials').selectAll().execute();
    expect(credentials).toHaveLength(USER_ROLES.length);
    for (const row of credentials) {
      expect(row.mfa_enrolled_at).not.toBeNull();
      // Stored as modules/auth stores it: sealed, never the base32 secret itself.
      expect(row.totp_secret?.toString('utf8')).not.toMatch(/^[A-Z2-7]{32}$/);
    }
    const versions = await db.adminDb
      .selectFrom('undertaking_versions')
      .select(['kind', 'organisation_id'])
      .execute();
    expect(versions.filter((v) => v.kind === 'consultation_secrecy')).toHaveLength(1);
    expect(versions.filter((v) => v.kind === 'representative')).toHaveLength(1);
    // One awareness module per participant controller (SEC-09), none for the host.
    const participants = identities.users.filter((u) => u.organisation.kind !== 'platform_operator');
    expect(
      new Set(versions.filter((v) => v.kind === 'controller_awareness').map((v) => v.organisation_id)),
    ).toEqual(new Set(participants.map((u) => u.organisation.id)));
  });

  it('lets a printed user log in with the password and a code of the printed TOTP secret', async () => {
    const { users } = await demoOf(db).ensureDemo();
    const prosecutor = users.find((user) => user.role === 'prosecutor')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: prosecutor.email,
        password: prosecutor.password,
        totp: totpCode({ secret: prosecutor.totpSecret, now: systemClock.now() }),
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: prosecutor.userId, roles: ['prosecutor'], purpose: 'full' });
    expect(res.cookies.some((cookie) => cookie.name === SESSION_COOKIE)).toBe(true);
  });

  it('lets a printed user log in with a printed recovery code, which is then no longer printed', async () => {
    const before = (await demoOf(db).ensureDemo()).users.find((user) => user.role === 'organiser')!;
    const [used] = before.recoveryCodes;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: before.email, password: before.password, recoveryCode: used },
    });
    expect(res.statusCode).toBe(200);
    const after = (await demoOf(db).ensureDemo()).users.find((user) => user.role === 'organiser')!;
    expect(after.recoveryCodes).toEqual(before.recoveryCodes.slice(1));
  });

  it('is idempotent: a second run prints the same identities and creates nothing', async () => {
    const first = await demoOf(db).ensureDemo();
    const before = await counts(db);
    const second = await demoOf(db).ensureDemo();
    expect(second).toEqual(first);
    expect(await demoOf(db).seedIfEmpty()).toBe('demo');
    expect(await counts(db)).toEqual(before);
  });

  it('keeps the printed secrets from the runtime role: it may write them, never read them', async () => {
    await expect(db.appDb.selectFrom('platform_demo_logins').selectAll().execute()).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('a database that is not a demo', () => {
  it('is refused whole: nothing changes but a denied audit event', async () => {
    const db = await freshDatabase();
    const clock = systemClock;
    const identity = createIdentityService({
      db: db.appDb,
      identity: createIdentityRepository(),
      audit: createAuditLog({ clock }),
      clock,
    });
    await identity.createOrganisation(
      { userId: 'setup', organisationId: 'setup', roles: ['operator'] },
      POLICE_ZONE,
    );
    const before = await counts(db);

    const error = await demoOf(db)
      .ensureDemo()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).message).toBe(NOT_A_DEMO_DATABASE);
    expect(await counts(db)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
    const last = await db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(last.payload)).toMatchObject({
      actor: { system: 'demo' },
      action: 'system.demo_refused',
      outcome: 'denied',
      reason: 'not_a_demo_database',
    });

    // The first-run offer of `serve` leaves it alone, without a word in the log.
    expect(await demoOf(db).seedIfEmpty()).toBe('not_demo');
    expect(await counts(db)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
  });
});

describe('two demo runs at once', () => {
  it('create one demo: the second waits for the first and prints its identities', async () => {
    const db = await freshDatabase();
    const [state, identities] = await Promise.all([demoOf(db).seedIfEmpty(), demoOf(db).ensureDemo()]);
    expect(state).toBe('demo');
    expect(identities.users).toHaveLength(USER_ROLES.length);
    expect(await countRows(db.adminDb, 'organisations')).toBe(6);
    expect(await countRows(db.adminDb, 'platform_demo_logins')).toBe(USER_ROLES.length);
  });
});
