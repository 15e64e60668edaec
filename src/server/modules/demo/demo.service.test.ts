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
import { CASE_STATES } from '../../../contracts/cases.js';
import { ORGANISATION_KINDS, USER_ROLES } from '../../../contracts/identity.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { systemClock } from '../../kernel/clock.js';
import { createKeyProvider } from '../../kernel/crypto/create-key-provider.js';
import { createEnvelope } from '../../kernel/crypto/envelope.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { totpCode } from '../auth/credentials/totp.js';
import { createTotpSecretBox } from '../auth/credentials/totp-secret-box.js';
import { SESSION_COOKIE } from '../auth/session-guard.js';
import { POLICE_ZONE } from '../identity/identity-fixtures.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService } from '../identity/identity.service.js';
import { createUndertakingsRepository } from '../undertakings/undertakings.repository.js';
import { createUndertakingService } from '../undertakings/undertakings.service.js';
import { createDemo } from './create-demo.js';
import { createDemoRepository } from './demo.repository.js';
import { createDemoService, INTERRUPTED_DEMO, NOT_A_DEMO_DATABASE } from './demo.service.js';

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
  'undertaking_acceptances',
  'special_designations',
  'frameworks',
  'cases',
  'persons',
  'items',
  'consultations',
  'case_actions',
  'own_file_transfers',
  'own_file_exports',
  'platform_demo',
  'platform_demo_logins',
  'audit_events',
];

/** The names the browser journeys pick the demo frameworks by. */
const FRAMEWORK_NAMES = [
  'Veilig Huis Démo – ketenaanpak intrafamiliaal geweld',
  'CSIL-R Démo',
  'Concertation radicalisme en prison – Démo',
  'Ketenaanpak jeugddelinquentie – Demo',
  'Casusoverleg kwetsbare personen – Demo',
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

  it('holds the five frameworks, active, twenty-two cases in every state, consultations and transfers', async () => {
    await demoOf(db).ensureDemo();
    const frameworks = await db.adminDb.selectFrom('frameworks').select(['name', 'state']).execute();
    expect(frameworks.map((f) => f.name).sort()).toEqual([...FRAMEWORK_NAMES].sort());
    expect(frameworks.every((f) => f.state === 'active')).toBe(true);

    const cases = await db.adminDb.selectFrom('cases').select(['id', 'state']).execute();
    expect(cases).toHaveLength(22);
    expect(new Set(cases.map((c) => c.state))).toEqual(new Set(CASE_STATES));
    expect(await countRows(db.adminDb, 'case_reopenings')).toBe(1);

    // Special categories, introduced by the staff their DPO designated (SPEC DAT-19).
    const categories = await db.adminDb.selectFrom('items').select('category').distinct().execute();
    expect(categories.map((c) => c.category)).toEqual(expect.arrayContaining(['C09', 'C10', 'C13']));
    expect(categories.length).toBeGreaterThanOrEqual(12);
    expect(await countRows(db.adminDb, 'special_designations')).toBe(4);
    expect(await countRows(db.adminDb, 'correction_requests')).toBe(1);

    const consultations = await db.adminDb.selectFrom('consultations').select('state').execute();
    expect(consultations.map((c) => c.state).sort()).toEqual(['closed', 'open', 'open', 'scheduled']);
    const minutes = await db.adminDb
      .selectFrom('consultation_agenda')
      .select('consultation_id')
      .where('minutes', 'is not', null)
      .distinct()
      .execute();
    expect(minutes).toHaveLength(3);
    expect(await countRows(db.adminDb, 'case_decisions')).toBeGreaterThanOrEqual(3);
    const overdue = await db.adminDb
      .selectFrom('case_actions')
      .select('id')
      .where('status', '=', 'open')
      .where('due_on', '<', brusselsDateOf(systemClock.now()))
      .execute();
    expect(overdue.length).toBeGreaterThanOrEqual(1);

    // One transfer approved, attested and exported; one approved, not yet attested; one waiting
    // for its controller (bill art. 4).
    const transfers = await db.adminDb
      .selectFrom('own_file_transfers as t')
      .innerJoin('own_file_transfer_items as i', 'i.transfer_id', 't.id')
      .select(['t.attested_at', 'i.decision'])
      .execute();
    expect(transfers.map((t) => t.decision).sort()).toEqual(['approved', 'approved', 'pending']);
    expect(transfers.filter((t) => t.decision === 'approved' && t.attested_at !== null)).toHaveLength(1);
    expect(await countRows(db.adminDb, 'own_file_exports')).toBe(2);

    // SCO-09: paper parts registered by the organisations holding them, one destroyed on its holder's decision.
    const paper = await db.adminDb.selectFrom('paper_parts').select(['shared', 'destroyed_on']).execute();
    expect(paper).toHaveLength(3);
    expect(paper.every((part) => part.shared)).toBe(true);
    expect(paper.filter((part) => part.destroyed_on !== null)).toHaveLength(1);
  });

  it('leaves the printed users their undertakings to accept: the data was made by staff without logins', async () => {
    const { users } = await demoOf(db).ensureDemo();
    const printed = users.map((user) => user.userId);
    const accepted = await db.adminDb.selectFrom('undertaking_acceptances').select(['user_id']).execute();
    expect(accepted.filter((row) => printed.includes(row.user_id))).toEqual([]);
    const staff = await db.adminDb
      .selectFrom('users')
      .leftJoin('user_credentials as c', 'c.user_id', 'users.id')
      .select(['users.id', 'c.user_id as credentials'])
      .where('users.id', 'not in', printed)
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(5);
    expect(staff.every((user) => user.credentials === null)).toBe(true);
    // Every staff member accepted the secrecy undertaking and their controller's awareness module.
    for (const user of staff) expect(accepted.filter((row) => row.user_id === user.id)).toHaveLength(2);
  });

  it('lets a printed user who accepts their undertakings read their organisation’s demo cases', async () => {
    const { users } = await demoOf(db).ensureDemo();
    const participant = users.find((user) => user.role === 'participant')!;
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: participant.email,
        password: participant.password,
        totp: totpCode({ secret: participant.totpSecret, now: systemClock.now() }),
      },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': login.json().csrfToken };
    const status = await app.inject({ method: 'GET', url: '/api/undertaking?language=nl', headers });
    expect(status.json().mustAccept).toBe(true);
    for (const undertaking of status.json().undertakings) {
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/undertaking/acceptance',
        headers,
        payload: { versionId: undertaking.versionId, language: 'nl' },
      });
      expect(accepted.statusCode).toBe(201);
    }
    await app.inject({
      method: 'PUT',
      url: '/api/session/justification',
      headers,
      payload: { justification: 'Rondleiding door de demo' },
    });
    const list = await app.inject({ method: 'GET', url: '/api/cases', headers });
    expect(list.statusCode).toBe(200);
    const cases: { id: string; title: string; state: string }[] = list.json().cases;
    expect(cases.map((c) => c.title)).toContain('Gezin Verbeke – herhaald partnergeweld');
    const prepared = cases.find((c) => c.title === 'Gezin Verbeke – herhaald partnergeweld')!;
    expect(prepared.state).toBe('pre_registered');
    const detail = await app.inject({ method: 'GET', url: `/api/cases/${prepared.id}`, headers });
    expect(detail.statusCode).toBe(200);
    const items: { category: string; content: string | null; restricted: boolean }[] = detail.json().items;
    expect(items.find((i) => i.category === 'C11')?.content).toContain('Risicotaxatie');
    // Not designated for judicial data: the item shows, its content does not (SPEC DAT-19).
    expect(items.find((i) => i.category === 'C09')).toMatchObject({ restricted: true, content: null });
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

describe('a demo whose case data fails midway', () => {
  it('stays interrupted: the next run refuses it rather than completing half a demo', async () => {
    const db = await freshDatabase();
    const clock = systemClock;
    const audit = createAuditLog({ clock });
    const failing = createDemoService({
      db: db.appDb,
      ownerDb: db.adminDb,
      demo: createDemoRepository(),
      totpSecrets: createTotpSecretBox(createEnvelope({ keys })),
      identity: createIdentityService({ db: db.appDb, identity: createIdentityRepository(), audit, clock }),
      undertakings: createUndertakingService({
        db: db.appDb,
        undertakings: createUndertakingsRepository(),
        audit,
        clock,
      }),
      content: async () => {
        throw new Error('the process stopped');
      },
      audit,
      clock,
    });
    await expect(failing.ensureDemo()).rejects.toThrow('the process stopped');
    expect(await demoOf(db).state()).toBe('interrupted');
    await expect(demoOf(db).ensureDemo()).rejects.toThrow(INTERRUPTED_DEMO);
    expect(await demoOf(db).seedIfEmpty()).toBe('interrupted');
    expect(await countRows(db.adminDb, 'cases')).toBe(0);
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
