import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  type AuthTestApp,
  createAuthTestApp,
  type Signed,
  signedFrom,
} from '../../../../../test/support/auth-test-app.js';
import { SoftwareAuthenticator } from '../../../../../test/support/software-authenticator.js';
import { totpCode } from '../credentials/totp.js';
import { FRESH_MFA_MINUTES } from '../session-lifetime.js';

let t: AuthTestApp;

beforeAll(async () => {
  t = await createAuthTestApp();
});
afterAll(async () => {
  await t.close();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const code = (secret: string) => totpCode({ secret, now: t.clock.now() });
/** A route behind `requireFreshMfa`: adding a passkey is a sensitive action. */
const SENSITIVE = '/api/auth/mfa/passkeys/options';

/** Signs in and returns the session with the instant its second factor was proven. */
async function signedIn(account: Account, address: string): Promise<Signed & { mfaAt: Date }> {
  const signed = await t.signIn(account, address);
  const { mfaAt } = (await t.request(signed, 'GET', '/api/session')).json();
  return { ...signed, mfaAt: new Date(mfaAt) };
}

describe('fresh MFA for sensitive actions (ASVS V7.5.3)', () => {
  it('SEC-01 a sensitive action accepts a second factor proven 4:59 ago and refuses one proven 5:01 ago', async () => {
    expect(FRESH_MFA_MINUTES).toBe(5);
    const account = await t.createAccount();
    const signed = await signedIn(account, '203.0.113.30');
    t.clock.set(new Date(signed.mfaAt.getTime() + 4 * MINUTE + 59 * SECOND));
    expect((await t.request(signed, 'POST', SENSITIVE)).statusCode).toBe(200);

    t.clock.set(new Date(signed.mfaAt.getTime() + 5 * MINUTE + 1 * SECOND));
    const before = await t.snapshot();
    const from = await t.auditCount();
    const stale = await t.request(signed, 'POST', SENSITIVE);
    expect(stale.statusCode).toBe(403);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ type: 'urn:concerto:problem:mfa_required', code: 'mfa_required' });
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.session_refused', 'mfa_not_fresh'],
    ]);
    // Ordinary routes do not ask for it.
    expect((await t.request(signed, 'GET', '/api/sessions')).statusCode).toBe(200);
  });

  it('SEC-01 a TOTP step-up renews the second factor under a new session id, keeping the login time', async () => {
    const account = await t.createAccount();
    const signed = await signedIn(account, '203.0.113.31');
    t.clock.advanceMs(6 * MINUTE);
    expect((await t.request(signed, 'POST', SENSITIVE)).statusCode).toBe(403);
    const from = await t.auditCount();
    const res = await t.request(signed, 'POST', '/api/auth/step-up', { totp: code(account.totpSecret) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mfaAt).toBe(t.clock.now().toISOString());
    expect(body.purpose).toBe('full');
    const renewed = signedFrom(res);
    expect(renewed.cookie).not.toBe(signed.cookie);
    expect(renewed.csrf).not.toBe(signed.csrf);
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
    const session = (await t.request(renewed, 'GET', '/api/session')).json();
    // The absolute lifetime runs from the login, not from the step-up.
    expect(session.createdAt).toBe(new Date(signed.mfaAt).toISOString());
    expect((await t.request(renewed, 'POST', SENSITIVE)).statusCode).toBe(200);
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual([
      'auth.step_up',
      'auth.passkey_challenge_issued',
    ]);
  });

  it('SEC-01 refuses a wrong or replayed TOTP code at step-up, naming the field and changing nothing', async () => {
    const account = await t.createAccount();
    const loginCode = code(account.totpSecret);
    const res = await t.login(
      { email: account.email, password: account.password, totp: loginCode },
      '203.0.113.32',
    );
    const signed = signedFrom(res);
    await t.request(signed, 'GET', '/api/session');
    const before = await t.snapshot();
    const from = await t.auditCount();
    const replayed = await t.request(signed, 'POST', '/api/auth/step-up', { totp: loginCode });
    const wrong = await t.request(signed, 'POST', '/api/auth/step-up', {
      totp: loginCode === '000000' ? '111111' : '000000',
    });
    for (const refused of [replayed, wrong]) {
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        { field: '/body/totp', message: 'is not the current code of your authenticator' },
      ]);
      expect(refused.cookies).toEqual([]);
    }
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.step_up_failed', 'totp_rejected'],
      ['auth.step_up_failed', 'totp_rejected'],
    ]);
  });

  it('slows step-up guesses down like login guesses, even with the right code', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account, '203.0.113.33');
    for (let i = 0; i < 5; i++) {
      const guess = await t.request(signed, 'POST', '/api/auth/step-up', { totp: String(100000 + i) });
      expect(guess.statusCode).toBe(400);
    }
    const blocked = await t.request(signed, 'POST', '/api/auth/step-up', { totp: code(account.totpSecret) });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    // The account's login is slowed down too: the counter is the same.
    const login = await t.login(
      { email: account.email, password: account.password, totp: code(account.totpSecret) },
      '203.0.113.34',
    );
    expect(login.statusCode).toBe(429);
  });

  it('SEC-01 steps up with a passkey; its assertion cannot be used twice', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account, '203.0.113.35');
    const authenticator = new SoftwareAuthenticator();
    const creation = (await t.request(signed, 'POST', SENSITIVE)).json();
    const registered = await t.request(signed, 'POST', '/api/auth/mfa/passkeys', {
      credential: authenticator.create(creation),
    });
    expect(registered.statusCode).toBe(200);
    t.clock.advanceMs(10 * MINUTE);

    const options = await t.request(signed, 'POST', '/api/auth/step-up/passkey/options');
    expect(options.statusCode).toBe(200);
    const assertion = authenticator.get(options.json());
    const res = await t.request(signed, 'POST', '/api/auth/step-up', { passkey: assertion });
    expect(res.statusCode).toBe(200);
    const renewed = signedFrom(res);
    expect((await t.request(renewed, 'POST', SENSITIVE)).statusCode).toBe(200);

    const before = await t.snapshot();
    const replay = await t.request(renewed, 'POST', '/api/auth/step-up', { passkey: assertion });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0].field).toBe('/body/passkey/response/clientDataJSON');
    expect(await t.snapshot()).toBe(before);
  });

  it('refuses a step-up with both factors or none, and passkey options without a passkey', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account, '203.0.113.36');
    await t.request(signed, 'GET', '/api/session');
    const before = await t.snapshot();
    const none = await t.request(signed, 'POST', '/api/auth/step-up', {});
    const both = await t.request(signed, 'POST', '/api/auth/step-up', {
      totp: code(account.totpSecret),
      passkey: new SoftwareAuthenticator().get({ challenge: 'AAAA' }),
    });
    for (const refused of [none, both]) {
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        { field: '/body', message: 'send exactly one of totp and passkey' },
      ]);
    }
    const noPasskey = await t.request(signed, 'POST', '/api/auth/step-up/passkey/options');
    expect(noPasskey.statusCode).toBe(409);
    expect(await t.snapshot()).toBe(before);
  });
});
