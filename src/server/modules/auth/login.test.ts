import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from './credentials/totp.js';
import { type AuthTestApp, createAuthTestApp } from '../../../../test/support/auth-test-app.js';
import { SESSION_COOKIE } from './session-guard.js';

let t: AuthTestApp;

beforeAll(async () => {
  t = await createAuthTestApp();
});
afterAll(async () => {
  await t.close();
});

const code = (secret: string) => totpCode({ secret, now: t.clock.now() });
/** The problem body without its per-request instance. */
const problem = (body: string) => {
  const { instance: _instance, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const HOUR = 3_600_000;

describe('POST /api/auth/login', () => {
  it('SEC-01 logs in with password and TOTP, setting a __Host- cookie that is Secure, HttpOnly and SameSite=Strict', async () => {
    const account = await t.createAccount();
    const from = await t.auditCount();
    const res = await t.login({
      email: account.email.toUpperCase(),
      password: account.password,
      totp: code(account.totpSecret),
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.domain).toBeUndefined();
    const body = res.json();
    expect(body).toMatchObject({ userId: account.userId, roles: ['participant'] });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.sessionId).not.toBe(cookie.value);
    expect(body.idleExpiresAt).toBe('2026-03-02T09:15:00.000Z');
    expect(body.absoluteExpiresAt).toBe('2026-03-02T17:00:00.000Z');
    // The database keeps a hash of the cookie value, never the value itself.
    const stored = await t.db.adminDb
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', account.userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash.toString('base64url')).not.toBe(cookie.value);
    expect(stored[0]!.user_agent_summary).toBe('Firefox on Linux');
    const events = await t.auditSince(from);
    expect(events.map((e) => e.action)).toEqual(['auth.login_succeeded']);
    expect(events[0]!.raw).not.toContain(account.email.split('@')[0]);
  });

  it('SEC-01 gives the same status and body for an unknown account, a wrong password and a deactivated account', async () => {
    const account = await t.createAccount();
    const inactive = await t.createAccount();
    await t.identity.deactivateUser(
      { userId: 'x', organisationId: 'x', roles: ['operator'] },
      inactive.userId,
    );
    const before = await t.snapshot();
    const from = await t.auditCount();
    const unknown = await t.login(
      { email: 'nobody.here@politiezone.example', password: account.password },
      '192.0.2.10',
    );
    const wrong = await t.login({ email: account.email, password: 'not-the-password-1' }, '192.0.2.10');
    const deactivated = await t.login(
      { email: inactive.email, password: inactive.password, totp: code(inactive.totpSecret) },
      '192.0.2.10',
    );
    for (const res of [unknown, wrong, deactivated]) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toEqual([]);
    }
    expect(problem(wrong.body)).toEqual(problem(unknown.body));
    expect(problem(deactivated.body)).toEqual(problem(unknown.body));
    expect(problem(unknown.body)).toMatchObject({ code: 'unauthenticated' });
    // Nothing changed but one audit event each, with a reason code and never the typed e-mail.
    expect(await t.snapshot()).toBe(before);
    const events = await t.auditSince(from);
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['auth.login_failed', 'unknown_account'],
      ['auth.login_failed', 'wrong_password'],
      ['auth.login_failed', 'inactive_account'],
    ]);
    expect(events[0]!.raw).not.toContain('nobody');
  });

  it('SEC-01 takes, within noise, the same time for an unknown account as for a wrong password', async () => {
    const account = await t.createAccount();
    const timed = async (email: string) => {
      // Past the counters' window, so that throttling never shortens an attempt.
      t.clock.advanceMs(2 * HOUR);
      const start = performance.now();
      const res = await t.login({ email, password: 'not-the-password-1' }, '192.0.2.11');
      expect(res.statusCode).toBe(401);
      return performance.now() - start;
    };
    await timed(account.email);
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let run = 0; run < 10; run++) {
      unknown.push(await timed('nobody.here@politiezone.example'));
      wrong.push(await timed(account.email));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('says "second factor required" only once the password is right', async () => {
    const account = await t.createAccount();
    const right = await t.login({ email: account.email, password: account.password }, '192.0.2.12');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toMatchObject({ code: 'unauthenticated', detail: 'second factor required' });
    const wrong = await t.login({ email: account.email, password: 'not-the-password-1' }, '192.0.2.12');
    expect(wrong.json().detail).not.toMatch(/second factor/);
    expect(right.cookies).toEqual([]);
  });

  it('SEC-01 refuses a replayed TOTP code, changing nothing but the audit log', async () => {
    const account = await t.createAccount();
    const used = code(account.totpSecret);
    expect(
      (await t.login({ email: account.email, password: account.password, totp: used }, '192.0.2.13'))
        .statusCode,
    ).toBe(200);
    const before = await t.snapshot();
    const from = await t.auditCount();
    const replay = await t.login(
      { email: account.email, password: account.password, totp: used },
      '192.0.2.13',
    );
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      code: 'unauthenticated',
      detail: 'The second factor is not correct',
    });
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.mfa_failed', 'totp_rejected'],
    ]);
    // The code of the next step is accepted.
    t.clock.advanceMs(30_000);
    const next = await t.login(
      { email: account.email, password: account.password, totp: code(account.totpSecret) },
      '192.0.2.13',
    );
    expect(next.statusCode).toBe(200);
  });

  it('SEC-01 accepts a recovery code once', async () => {
    const account = await t.createAccount();
    const recoveryCode = account.recoveryCodes[3]!;
    const first = await t.login(
      { email: account.email, password: account.password, recoveryCode },
      '192.0.2.14',
    );
    expect(first.statusCode).toBe(200);
    const stored = await t.db.adminDb
      .selectFrom('user_credentials')
      .select('recovery_code_hashes')
      .where('user_id', '=', account.userId)
      .executeTakeFirstOrThrow();
    expect(stored.recovery_code_hashes).toHaveLength(9);
    const again = await t.login(
      { email: account.email, password: account.password, recoveryCode },
      '192.0.2.14',
    );
    expect(again.statusCode).toBe(401);
    const another = account.recoveryCodes[4]!.toLowerCase();
    expect(
      (
        await t.login(
          { email: account.email, password: account.password, recoveryCode: another },
          '192.0.2.14',
        )
      ).statusCode,
    ).toBe(200);
  });

  it('refuses both a TOTP and a recovery code, or an unknown field, whole and without an audit event', async () => {
    const account = await t.createAccount();
    const before = await t.snapshot();
    const from = await t.auditCount();
    const both = await t.login(
      {
        email: account.email,
        password: account.password,
        totp: code(account.totpSecret),
        recoveryCode: account.recoveryCodes[0],
      },
      '192.0.2.15',
    );
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([
      { field: '/body/recoveryCode', message: 'send either totp or recoveryCode, not both' },
    ]);
    const extra = await t.login(
      { email: account.email, password: account.password, admin: true },
      '192.0.2.15',
    );
    expect(extra.statusCode).toBe(400);
    const huge = await t.login({ email: account.email, password: 'x'.repeat(600) }, '192.0.2.15');
    expect(huge.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/password']);
    expect(await t.snapshot()).toBe(before);
    expect(await t.auditCount()).toBe(from);
  });

  it('SEC-01 slows an account down after 5 failures, then by doubling delays, even for the right password', async () => {
    const account = await t.createAccount();
    const attempt = (password: string, address: string) =>
      t.login({ email: account.email, password, totp: code(account.totpSecret) }, address);
    for (let i = 0; i < 5; i++)
      expect((await attempt('not-the-password-1', `198.51.100.${i}`)).statusCode).toBe(401);
    const from = await t.auditCount();
    const blocked = await attempt(account.password, '198.51.100.50');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect((await t.auditSince(from)).map((e) => e.reason)).toEqual(['throttled']);
    t.clock.advanceMs(31_000);
    expect((await attempt('not-the-password-1', '198.51.100.51')).statusCode).toBe(401);
    // The sixth failure doubles the wait: 31 s is no longer enough.
    t.clock.advanceMs(31_000);
    expect((await attempt(account.password, '198.51.100.52')).statusCode).toBe(429);
    t.clock.advanceMs(30_000);
    expect((await attempt(account.password, '198.51.100.53')).statusCode).toBe(200);
  });

  it('SEC-01 slows an address down after 20 failures, whatever the accounts tried', async () => {
    const account = await t.createAccount();
    for (let i = 0; i < 20; i++) {
      const res = await t.login(
        { email: `guess${i}@politiezone.example`, password: 'not-the-password-1' },
        '203.0.113.7',
      );
      expect(res.statusCode).toBe(401);
    }
    const fromThere = await t.login(
      { email: account.email, password: account.password, totp: code(account.totpSecret) },
      '203.0.113.7',
    );
    expect(fromThere.statusCode).toBe(429);
    const elsewhere = await t.login(
      { email: account.email, password: account.password, totp: code(account.totpSecret) },
      '203.0.113.8',
    );
    expect(elsewhere.statusCode).toBe(200);
  });

  it('issues a new session id at login and revokes the one the browser held', async () => {
    const account = await t.createAccount();
    const first = await t.signIn(account, '192.0.2.16');
    const res = await t.login(
      { email: account.email, password: account.password, totp: code(account.totpSecret) },
      '192.0.2.16',
      first.cookie,
    );
    expect(res.statusCode).toBe(200);
    const second = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(second).not.toBe(first.cookie);
    expect((await t.request(first, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.request({ cookie: second }, 'GET', '/api/session')).statusCode).toBe(200);
  });
});
