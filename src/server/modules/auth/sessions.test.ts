import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp, OPERATOR } from '../../../../test/support/auth-test-app.js';
import { SESSION_COOKIE } from './session-guard.js';

let t: AuthTestApp;

beforeAll(async () => {
  t = await createAuthTestApp();
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60_000;

describe('sessions (ASVS V7)', () => {
  it('GET /api/session says who is signed in and gives the CSRF token again', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    const res = await t.request(signed, 'GET', '/api/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      userId: account.userId,
      csrfToken: signed.csrf,
      sessionId: signed.sessionId,
    });
  });

  it('answers 401 without a cookie, with a garbage cookie and with a forged well-formed one', async () => {
    const before = await t.snapshot();
    const from = await t.auditCount();
    for (const cookie of [
      undefined,
      'garbage',
      "'; DROP TABLE sessions; --",
      'A'.repeat(43),
      'x'.repeat(5000),
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/session',
        ...(cookie === undefined ? {} : { cookies: { [SESSION_COOKIE]: cookie } }),
      });
      expect(res.statusCode, String(cookie)).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unauthenticated');
    }
    expect(await t.snapshot()).toBe(before);
    expect(await t.auditCount()).toBe(from);
  });

  it('SEC-01 ends a session after 15 idle minutes, once, with an auth.session_expired event', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    // Each request restarts the idle clock.
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMs(14 * MINUTE);
      expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(200);
    }
    t.clock.advanceMs(15 * MINUTE);
    const from = await t.auditCount();
    const expired = await t.request(signed, 'GET', '/api/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toBe('The session has expired');
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.session_expired', 'idle_timeout'],
    ]);
  });

  it('SEC-01 ends a session 8 hours after login however active it is', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    // signIn moved the clock 30 s past the login.
    for (let elapsed = 0.5; elapsed + 10 < 8 * 60; elapsed += 10) {
      t.clock.advanceMs(10 * MINUTE);
      expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(200);
    }
    t.clock.advanceMs(10 * MINUTE);
    const from = await t.auditCount();
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.auditSince(from)).map((e) => e.reason)).toEqual(['absolute_timeout']);
  });

  it('SEC-01 deactivating a user ends their open session at once', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(200);
    await t.identity.deactivateUser(OPERATOR, account.userId);
    const res = await t.request(signed, 'GET', '/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('The session has ended');
  });

  it('a role change ends the sessions opened under the old roles', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    await t.identity.changeUserRoles(OPERATOR, account.userId, { roles: ['participant', 'organiser'] });
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
    const again = await t.signIn(account);
    expect((await t.request(again, 'GET', '/api/session')).json().roles).toEqual([
      'participant',
      'organiser',
    ]);
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    const from = await t.auditCount();
    const res = await t.request(signed, 'POST', '/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual(['auth.logout']);
  });

  it('logs out everywhere: every session of the user ends, another user keeps theirs', async () => {
    const account = await t.createAccount();
    const other = await t.signIn(await t.createAccount());
    const laptop = await t.signIn(account);
    const phone = await t.signIn(account);
    const from = await t.auditCount();
    expect((await t.request(phone, 'POST', '/api/auth/logout-everywhere')).statusCode).toBe(204);
    expect((await t.request(laptop, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.request(phone, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.request(other, 'GET', '/api/session')).statusCode).toBe(200);
    const events = await t.auditSince(from);
    expect(events.map((e) => e.action)).toEqual(['auth.logout_everywhere']);
    expect(events[0]!.raw).toContain(laptop.sessionId);
  });

  it('lists my sessions by public id and revokes one of them; another user’s is not found', async () => {
    const account = await t.createAccount();
    const laptop = await t.signIn(account);
    const phone = await t.signIn(account);
    const stranger = await t.signIn(await t.createAccount());
    const list = await t.request(phone, 'GET', '/api/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean; userAgent: string }[];
    expect(sessions.map((s) => [s.id, s.current])).toEqual([
      [phone.sessionId, true],
      [laptop.sessionId, false],
    ]);
    expect(list.body).not.toContain(phone.cookie);
    expect(sessions[0]!.userAgent).toBe('Firefox on Linux');

    const before = await t.snapshot();
    const foreign = await t.request(phone, 'DELETE', `/api/sessions/${stranger.sessionId}`);
    expect(foreign.statusCode).toBe(404);
    expect(await t.snapshot()).toBe(before);

    const from = await t.auditCount();
    expect((await t.request(phone, 'DELETE', `/api/sessions/${laptop.sessionId}`)).statusCode).toBe(204);
    expect((await t.request(laptop, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.request(phone, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await t.request(stranger, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual(['auth.session_revoked']);
    expect((await t.request(phone, 'DELETE', '/api/sessions/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses a state-changing request without the right x-csrf-token with 403, changing nothing', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account);
    const other = await t.signIn(await t.createAccount());
    const before = await t.snapshot();
    const from = await t.auditCount();
    const missing = await t.request({ cookie: signed.cookie }, 'POST', '/api/auth/logout-everywhere');
    const wrong = await t.request({ cookie: signed.cookie, csrf: other.csrf }, 'POST', '/api/auth/logout');
    const truncated = await t.request(
      { cookie: signed.cookie, csrf: signed.csrf.slice(0, -1) },
      'DELETE',
      `/api/sessions/${signed.sessionId}`,
    );
    for (const res of [missing, wrong, truncated]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'Missing or wrong x-csrf-token header' });
    }
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.csrf_refused', 'csrf_token_missing'],
      ['auth.csrf_refused', 'csrf_token_wrong'],
      ['auth.csrf_refused', 'csrf_token_wrong'],
    ]);
    expect((await t.request(signed, 'POST', '/api/auth/logout')).statusCode).toBe(204);
  });
});
