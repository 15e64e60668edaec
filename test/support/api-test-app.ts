/**
 * What the HTTP API tests of the operator console, invitations, undertakings and representation
 * share: the real app on a real test database with a ManualClock, the host, a police zone and a
 * welfare agency, accounts of any role with real sessions (password + TOTP login), and readings
 * of what the API wrote.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { UserRole } from '../../src/contracts/identity.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { inTransaction } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { ManualClock } from '../../src/server/kernel/clock.js';
import { createKeyProvider } from '../../src/server/kernel/crypto/create-key-provider.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hash.js';
import { generateTotpSecret, totpCode } from '../../src/server/modules/auth/credentials/totp.js';
import { createTotpSecretBox } from '../../src/server/modules/auth/credentials/totp-secret-box.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/modules/auth/session-guard.js';
import {
  PLATFORM_HOST,
  POLICE_ZONE,
  WELFARE_AGENCY,
} from '../../src/server/modules/identity/identity-fixtures.js';
import { createIdentityRepository } from '../../src/server/modules/identity/identity.repository.js';
import { createIdentityService } from '../../src/server/modules/identity/identity.service.js';
import type { Actor } from '../../src/server/modules/identity/platform-access.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface ApiAccount {
  userId: string;
  organisationId: string;
  roles: UserRole[];
  email: string;
  password: string;
  totpSecret: string;
  /** The client address of this account's requests (the global rate limit counts per address). */
  address: string;
}

/** What the browser keeps after login. */
export interface Session {
  account: ApiAccount;
  cookie: string;
  csrf: string;
}

export interface AuditPayload {
  action: string;
  outcome: string;
  reason?: string;
  actor: { userId: string; organisationId: string; role: string; representing?: string };
  records?: { type: string; id: string }[];
  recipients?: { organisationId: string; userId?: string }[];
}

export interface ApiTestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock;
  hostId: string;
  policeId: string;
  agencyId: string;
  /** A new active user with a password and an enrolled TOTP secret. */
  account(organisationId: string, roles: UserRole[]): Promise<ApiAccount>;
  /** POST /api/auth/login with the account's current TOTP code. */
  signIn(account: ApiAccount): Promise<Session>;
  /** A new account of `roles`, signed in. */
  signedIn(organisationId: string, roles: UserRole[]): Promise<Session>;
  /**
   * A request as the browser sends it: the session cookie, and the CSRF header unless
   * `csrf: false`. Without a session, no cookie at all.
   */
  call(
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    options?: { csrf?: boolean },
  ): Promise<LightMyRequestResponse>;
  /** Every row of `tables`, serialised, to prove that a refusal changed nothing. */
  snapshot(tables: readonly (keyof DB)[]): Promise<string>;
  auditCount(): Promise<number>;
  /** The audit events from position `from` on (the count before the request). */
  eventsSince(from: number): Promise<AuditPayload[]>;
  close(): Promise<void>;
}

const START = '2025-06-02T08:00:00Z';

/** `env` adds to the test configuration, e.g. SMTP_URL and CONCERTO_PUBLIC_URL. */
export async function createApiTestApp(env: Record<string, string> = {}): Promise<ApiTestApp> {
  const db = await createTestDatabase();
  const clock = new ManualClock(START);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-api-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const keys = await createKeyProvider(config);
  const app = await buildApp({
    config,
    db: db.appDb,
    keys,
    engine: 'server',
    clock,
    webRoot: path.join(dataDir, 'no-web-build'),
  });
  await app.ready();
  // The first operator cannot be created through the API: the platform is bootstrapped like this.
  const bootstrap: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
  const identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  const hostId = (await identity.createOrganisation(bootstrap, PLATFORM_HOST)).id;
  const policeId = (await identity.createOrganisation(bootstrap, POLICE_ZONE)).id;
  const agencyId = (await identity.createOrganisation(bootstrap, WELFARE_AGENCY)).id;
  const totpSecrets = createTotpSecretBox(createEnvelope({ keys }));
  let accounts = 0;

  async function account(organisationId: string, roles: UserRole[]): Promise<ApiAccount> {
    const n = ++accounts;
    const email = `user${n}.${randomUUID().slice(0, 6)}@example.be`;
    const user = await identity.createUser(bootstrap, {
      organisationId,
      email,
      displayName: `Person Number${n}`,
      roles,
    });
    const password = `harbour-${randomUUID().slice(0, 8)}-violet`;
    const totpSecret = generateTotpSecret();
    const now = clock.now();
    const passwordHash = await hashPassword(password);
    await inTransaction(db.appDb, async (tx) =>
      tx
        .insertInto('user_credentials')
        .values({
          user_id: user.id,
          password_hash: passwordHash,
          totp_secret: await totpSecrets.seal(tx, user.id, totpSecret),
          mfa_enrolled_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    );
    return {
      userId: user.id,
      organisationId,
      roles,
      email,
      password,
      totpSecret,
      address: `10.${(n >> 8) & 255}.${n & 255}.1`,
    };
  }

  async function signIn(who: ApiAccount): Promise<Session> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: who.address,
      payload: {
        email: who.email,
        password: who.password,
        totp: totpCode({ secret: who.totpSecret, now: clock.now() }),
      },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    // A TOTP code is single use: the next login of this account needs a later step.
    clock.advanceMs(30_000);
    return {
      account: who,
      cookie: res.cookies.find((c) => c.name === SESSION_COOKIE)!.value,
      csrf: res.json().csrfToken,
    };
  }

  async function auditCount(): Promise<number> {
    const row = await db.adminDb
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    app,
    db,
    clock,
    hostId,
    policeId,
    agencyId,
    account,
    signIn,
    async signedIn(organisationId, roles) {
      return signIn(await account(organisationId, roles));
    },
    call(session, method, url, payload, options = {}) {
      const headers: Record<string, string> = {};
      if (session && options.csrf !== false) headers[CSRF_HEADER] = session.csrf;
      return app.inject({
        method,
        url,
        remoteAddress: session?.account.address ?? '10.255.255.1',
        headers,
        ...(session ? { cookies: { [SESSION_COOKIE]: session.cookie } } : {}),
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    },
    async snapshot(tables) {
      const rows: Record<string, unknown[]> = {};
      for (const table of tables) rows[table] = await db.adminDb.selectFrom(table).selectAll().execute();
      // Row order of a plain SELECT may change after an update: sort the serialised rows.
      return JSON.stringify(
        Object.entries(rows).map(([table, list]) => [table, list.map((row) => JSON.stringify(row)).sort()]),
      );
    },
    auditCount,
    async eventsSince(from) {
      const rows = await db.adminDb
        .selectFrom('audit_events')
        .select('payload')
        .where('position', '>=', from)
        .orderBy('position')
        .execute();
      return rows.map((row) => JSON.parse(row.payload) as AuditPayload);
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
