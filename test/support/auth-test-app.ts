/**
 * What the auth tests share: an app on a real test database with a ManualClock, accounts with
 * a password, a TOTP secret (stored encrypted, as the app stores it) and recovery codes, or
 * without any second factor yet, and a snapshot of everything auth writes.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { UserRole } from '../../src/contracts/identity.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { ManualClock } from '../../src/server/kernel/clock.js';
import { createKeyProvider } from '../../src/server/kernel/crypto/create-key-provider.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { POLICE_ZONE } from '../../src/server/modules/identity/identity-fixtures.js';
import { createIdentityRepository } from '../../src/server/modules/identity/identity.repository.js';
import { createIdentityService, type IdentityService } from '../../src/server/modules/identity/identity.service.js';
import type { Actor } from '../../src/server/modules/identity/platform-access.js';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hash.js';
import { generateRecoveryCodes } from '../../src/server/modules/auth/credentials/recovery-codes.js';
import { generateTotpSecret, totpCode } from '../../src/server/modules/auth/credentials/totp.js';
import {
  createTotpSecretBox,
  type TotpSecretBox,
} from '../../src/server/modules/auth/credentials/totp-secret-box.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/modules/auth/session-guard.js';

export interface Account {
  userId: string;
  email: string;
  password: string;
  /** Empty for an account created without a second factor. */
  totpSecret: string;
  recoveryCodes: string[];
}

export interface AccountOptions {
  /** Default: participant. */
  roles?: UserRole[];
  /** False: a password only, as an invitation leaves it; the first login is an enrolment session. */
  enrolled?: boolean;
}

export interface Signed {
  cookie: string;
  csrf: string;
  sessionId: string;
}

/** What the browser keeps from a response that set a new session cookie and told its session. */
export function signedFrom(
  res: LightMyRequestResponse,
  info: { csrfToken: string; sessionId: string } = res.json(),
): Signed {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in: ${res.body}`);
  return { cookie: cookie.value, csrf: info.csrfToken, sessionId: info.sessionId };
}

/** A platform operator as the identity service sees one (the session module is under test). */
export const OPERATOR: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };

export interface AuthTestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock;
  identity: IdentityService;
  /** The app's encryption of TOTP secrets, under the same key provider. */
  totpSecrets: TotpSecretBox;
  createAccount(options?: AccountOptions): Promise<Account>;
  /** POST /api/auth/login from `address` (each test uses its own, so address counters stay apart). */
  login(body: Record<string, unknown>, address?: string, cookie?: string): Promise<LightMyRequestResponse>;
  /** Logs `account` in with its current TOTP code and returns what the browser keeps. */
  signIn(account: Account, address?: string): Promise<Signed>;
  request(
    signed: Pick<Signed, 'cookie'> & { csrf?: string },
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  /** Every row auth writes, except the audit log and the login counters. */
  snapshot(): Promise<string>;
  auditCount(): Promise<number>;
  /** Actions and reasons of the audit events after position `from`, raw payloads too. */
  auditSince(from: number): Promise<{ action: string; reason?: string; raw: string }[]>;
  close(): Promise<void>;
}

export interface AuthTestAppOptions {
  /** More configuration, e.g. the CONCERTO_OIDC_* variables. */
  env?: Record<string, string>;
  /** Where the clock starts; SSO tests start at the real time, which the identity provider uses. */
  clockStart?: Date | string;
}

export async function createAuthTestApp(options: AuthTestAppOptions = {}): Promise<AuthTestApp> {
  const db = await createTestDatabase();
  const clock = new ManualClock(options.clockStart ?? '2026-03-02T09:00:00Z');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-auth-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const keys = await createKeyProvider(config);
  const totpSecrets = createTotpSecretBox(createEnvelope({ keys }));
  const app = await buildApp({
    config,
    db: db.appDb,
    keys,
    engine: 'server',
    clock,
    webRoot: path.join(dataDir, 'no-web-build'),
  });
  await app.ready();
  const identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  const organisationId = (await identity.createOrganisation(OPERATOR, POLICE_ZONE)).id;

  async function login(body: Record<string, unknown>, address = '192.0.2.1', cookie?: string) {
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: body,
      remoteAddress: address,
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' },
      ...(cookie ? { cookies: { [SESSION_COOKIE]: cookie } } : {}),
    });
  }

  return {
    app,
    db,
    clock,
    identity,
    totpSecrets,
    login,
    async createAccount({ roles = ['participant'], enrolled = true }: AccountOptions = {}) {
      const email = `${randomUUID().slice(0, 8)}.agent@politiezone.example`;
      const user = await identity.createUser(OPERATOR, {
        organisationId,
        email,
        displayName: 'Karel Wouters',
        roles,
      });
      const password = `harbour-${randomUUID().slice(0, 8)}-violet`;
      const passwordHash = await hashPassword(password);
      const totpSecret = enrolled ? generateTotpSecret() : '';
      const recovery = enrolled ? generateRecoveryCodes() : { codes: [], hashes: [] };
      const now = clock.now();
      await db.adminDb.transaction().execute(async (tx) =>
        tx
          .insertInto('user_credentials')
          .values({
            user_id: user.id,
            password_hash: passwordHash,
            totp_secret: enrolled ? await totpSecrets.seal(tx, user.id, totpSecret) : null,
            recovery_code_hashes: recovery.hashes,
            mfa_enrolled_at: enrolled ? now : null,
            created_at: now,
            updated_at: now,
          })
          .execute(),
      );
      return { userId: user.id, email, password, totpSecret, recoveryCodes: recovery.codes };
    },
    async signIn(account, address) {
      const res = await login(
        {
          email: account.email,
          password: account.password,
          totp: totpCode({ secret: account.totpSecret, now: clock.now() }),
        },
        address,
      );
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      const body = res.json();
      // The next TOTP code of this account is of a later step: move past the used one.
      clock.advanceMs(30_000);
      return { cookie, csrf: body.csrfToken, sessionId: body.sessionId };
    },
    request(signed, method, url, payload) {
      return app.inject({
        method,
        url,
        cookies: { [SESSION_COOKIE]: signed.cookie },
        headers: signed.csrf === undefined ? {} : { [CSRF_HEADER]: signed.csrf },
        ...(payload === undefined ? {} : { payload }),
      });
    },
    async snapshot() {
      const sessions = await db.adminDb.selectFrom('sessions').selectAll().orderBy('public_id').execute();
      const credentials = await db.adminDb
        .selectFrom('user_credentials')
        .selectAll()
        .orderBy('user_id')
        .execute();
      const users = await db.adminDb.selectFrom('users').selectAll().orderBy('id').execute();
      const passkeys = await db.adminDb.selectFrom('passkeys').selectAll().orderBy('id').execute();
      const challenges = await db.adminDb
        .selectFrom('webauthn_challenges')
        .selectAll()
        .orderBy('challenge_hash')
        .execute();
      return JSON.stringify({ sessions, credentials, users, passkeys, challenges });
    },
    async auditCount() {
      const row = await db.adminDb
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async auditSince(from) {
      const rows = await db.adminDb
        .selectFrom('audit_events')
        .select('payload')
        .where('position', '>=', from)
        .orderBy('position')
        .execute();
      return rows.map((row) => {
        const event = JSON.parse(row.payload) as { action: string; reason?: string };
        return { action: event.action, ...(event.reason ? { reason: event.reason } : {}), raw: row.payload };
      });
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
