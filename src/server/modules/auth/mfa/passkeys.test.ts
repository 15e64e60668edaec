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

let t: AuthTestApp;

beforeAll(async () => {
  // Prosecutors must use a passkey; the participants of the other tests need not.
  t = await createAuthTestApp({ env: { CONCERTO_REQUIRE_WEBAUTHN_ROLES: 'prosecutor, operator' } });
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

function post(url: string, payload: Record<string, unknown>, address: string) {
  return t.app.inject({ method: 'POST', url, payload, remoteAddress: address });
}

/** Registers a passkey from a session whose second factor is fresh. */
async function addPasskey(signed: Signed): Promise<SoftwareAuthenticator> {
  const authenticator = new SoftwareAuthenticator();
  const options = await t.request(signed, 'POST', '/api/auth/mfa/passkeys/options');
  expect(options.statusCode).toBe(200);
  const res = await t.request(signed, 'POST', '/api/auth/mfa/passkeys', {
    credential: authenticator.create(options.json()),
  });
  expect(res.statusCode).toBe(200);
  return authenticator;
}

async function passkeyOptions(account: Account, address: string) {
  const res = await post(
    '/api/auth/login/passkey/options',
    { email: account.email, password: account.password },
    address,
  );
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('passkeys (WebAuthn)', () => {
  it('SEC-01 registers a passkey and logs in with password and passkey', async () => {
    const account = await t.createAccount();
    const signed = await t.signIn(account, '198.51.100.20');
    const from = await t.auditCount();
    const authenticator = await addPasskey(signed);
    const stored = await t.db.adminDb
      .selectFrom('passkeys')
      .selectAll()
      .where('user_id', '=', account.userId)
      .executeTakeFirstOrThrow();
    expect(stored.credential_id.equals(authenticator.credentialId)).toBe(true);
    expect(stored).toMatchObject({ counter: 0, last_used_at: null });
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual([
      'auth.passkey_challenge_issued',
      'auth.passkey_registered',
    ]);

    const options = await passkeyOptions(account, '198.51.100.20');
    expect(options).toMatchObject({
      rpId: 'localhost',
      allowCredentials: [{ id: authenticator.credentialIdBase64url, type: 'public-key' }],
    });
    t.clock.advanceMs(20_000);
    const loginFrom = await t.auditCount();
    const res = await post(
      '/api/auth/login/passkey',
      { assertion: authenticator.get(options) },
      '198.51.100.20',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      userId: account.userId,
      purpose: 'full',
      mfaAt: t.clock.now().toISOString(),
    });
    const session = signedFrom(res);
    expect((await t.request(session, 'GET', '/api/sessions')).statusCode).toBe(200);
    const events = await t.auditSince(loginFrom);
    expect(events.map((e) => e.action)).toEqual(['auth.login_succeeded']);
    expect(events[0]!.raw).toContain('"passkey"');
    const used = await t.db.adminDb
      .selectFrom('passkeys')
      .select(['counter', 'last_used_at'])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(used).toEqual({ counter: 1, last_used_at: t.clock.now() });
  });

  it('SEC-01 answers an unknown account and a wrong password alike at the first passkey step, issuing no challenge', async () => {
    const account = await t.createAccount();
    await addPasskey(await t.signIn(account, '198.51.100.21'));
    const before = await t.snapshot();
    const from = await t.auditCount();
    const unknown = await post(
      '/api/auth/login/passkey/options',
      { email: 'nobody.here@politiezone.example', password: account.password },
      '198.51.100.22',
    );
    const wrong = await post(
      '/api/auth/login/passkey/options',
      { email: account.email, password: 'not-the-password-1' },
      '198.51.100.22',
    );
    for (const res of [unknown, wrong]) expect(res.statusCode).toBe(401);
    expect(problem(wrong.body)).toEqual(problem(unknown.body));
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => e.reason)).toEqual(['unknown_account', 'wrong_password']);
  });

  it('SEC-01 refuses a replayed passkey assertion, changing nothing', async () => {
    const account = await t.createAccount();
    const authenticator = await addPasskey(await t.signIn(account, '198.51.100.23'));
    const assertion = authenticator.get(await passkeyOptions(account, '198.51.100.23'));
    expect((await post('/api/auth/login/passkey', { assertion }, '198.51.100.23')).statusCode).toBe(200);
    const before = await t.snapshot();
    const from = await t.auditCount();
    const replay = await post('/api/auth/login/passkey', { assertion }, '198.51.100.23');
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      code: 'unauthenticated',
      detail: 'The passkey login failed or has expired; start again',
    });
    expect(replay.cookies).toEqual([]);
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.mfa_failed', 'challenge_closed'],
    ]);
  });

  it('SEC-01 refuses an assertion made on another origin, and an expired challenge, changing nothing', async () => {
    const account = await t.createAccount();
    const authenticator = await addPasskey(await t.signIn(account, '198.51.100.24'));
    const options = await passkeyOptions(account, '198.51.100.24');
    const before = await t.snapshot();
    const from = await t.auditCount();
    // A phishing page relays our challenge; the browser reports its own origin.
    const phished = authenticator.get(options, { origin: 'https://concerto.login-check.example' });
    const otherRp = authenticator.get(options, { rpId: 'login-check.example' });
    for (const assertion of [phished, otherRp]) {
      const res = await post('/api/auth/login/passkey', { assertion }, '198.51.100.24');
      expect(res.statusCode).toBe(401);
    }
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => e.reason)).toEqual(['passkey_rejected', 'passkey_rejected']);

    // The challenge was not used up: the real page may still answer it, until it expires.
    const late = authenticator.get(options);
    t.clock.advanceMs(5 * 60_000);
    expect((await post('/api/auth/login/passkey', { assertion: late }, '198.51.100.24')).statusCode).toBe(
      401,
    );
    const fresh = authenticator.get(await passkeyOptions(account, '198.51.100.24'));
    expect((await post('/api/auth/login/passkey', { assertion: fresh }, '198.51.100.24')).statusCode).toBe(
      200,
    );
  });

  it('refuses a malformed assertion whole, naming the field', async () => {
    const before = await t.snapshot();
    const from = await t.auditCount();
    const authenticator = new SoftwareAuthenticator();
    const assertion = authenticator.get({ challenge: 'AAAA' });
    const cases: [Record<string, unknown>, string][] = [
      [{}, '/body/assertion'],
      [{ assertion: { ...assertion, type: 'password' } }, '/body/assertion/type'],
      [
        { assertion: { ...assertion, response: { ...assertion.response, signature: 'not base64url!' } } },
        '/body/assertion/response/signature',
      ],
      [
        { assertion: { ...assertion, response: { ...assertion.response, clientDataJSON: 'bm90IGpzb24' } } },
        '/body/assertion/response/clientDataJSON',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await post('/api/auth/login/passkey', payload, '198.51.100.25');
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await t.snapshot()).toBe(before);
    expect(await t.auditCount()).toBe(from);
  });

  it('SEC-01 a role listed in CONCERTO_REQUIRE_WEBAUTHN_ROLES is refused TOTP and recovery codes once it has a passkey', async () => {
    const prosecutor = await t.createAccount({ roles: ['prosecutor'] });
    // Enrolled with TOTP before the rule applied: TOTP now leads to passkey enrolment only.
    const res = await t.login(
      { email: prosecutor.email, password: prosecutor.password, totp: code(prosecutor.totpSecret) },
      '198.51.100.26',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ purpose: 'mfa_enrolment', mfaAt: null });
    const enrolling = signedFrom(res);
    const totp = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp');
    expect(totp.statusCode).toBe(403);
    expect(totp.json()).toMatchObject({
      type: 'urn:concerto:problem:webauthn_required',
      code: 'webauthn_required',
    });
    const authenticator = new SoftwareAuthenticator();
    const options = (await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey/options')).json();
    const enrolled = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey', {
      credential: authenticator.create(options),
    });
    expect(enrolled.statusCode).toBe(200);
    // Recovery codes could never log this account in, so none are issued.
    expect(enrolled.json()).toMatchObject({ session: { purpose: 'full' }, recoveryCodes: [] });

    t.clock.advanceMs(30_000);
    const before = await t.snapshot();
    const from = await t.auditCount();
    const byTotp = await t.login(
      { email: prosecutor.email, password: prosecutor.password, totp: code(prosecutor.totpSecret) },
      '198.51.100.26',
    );
    const byRecovery = await t.login(
      { email: prosecutor.email, password: prosecutor.password, recoveryCode: prosecutor.recoveryCodes[0] },
      '198.51.100.26',
    );
    for (const refused of [byTotp, byRecovery]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'webauthn_required' });
      expect(refused.cookies).toEqual([]);
    }
    // Neither the TOTP step nor the recovery code was used up.
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.login_failed', 'webauthn_required'],
      ['auth.login_failed', 'webauthn_required'],
    ]);

    const byPasskey = await post(
      '/api/auth/login/passkey',
      { assertion: authenticator.get(await passkeyOptions(prosecutor, '198.51.100.26')) },
      '198.51.100.26',
    );
    expect(byPasskey.statusCode).toBe(200);
    const stepUp = await t.request(signedFrom(byPasskey), 'POST', '/api/auth/step-up', {
      totp: code(prosecutor.totpSecret),
    });
    expect(stepUp.statusCode).toBe(403);
    expect(stepUp.json().code).toBe('webauthn_required');
  });

  it('SEC-01 a first login of a role bound to passkeys enrols a passkey, never TOTP', async () => {
    const prosecutor = await t.createAccount({ roles: ['prosecutor'], enrolled: false });
    const enrolling = signedFrom(
      await t.login({ email: prosecutor.email, password: prosecutor.password }, '198.51.100.27'),
    );
    const before = await t.snapshot();
    const totp = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp');
    expect(totp.statusCode).toBe(403);
    expect(await t.snapshot()).toBe(before);
    const authenticator = new SoftwareAuthenticator();
    const options = (await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey/options')).json();
    const enrolled = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey', {
      credential: authenticator.create(options),
    });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().recoveryCodes).toEqual([]);
    const stored = await t.db.adminDb
      .selectFrom('user_credentials')
      .select(['mfa_enrolled_at', 'recovery_code_hashes', 'totp_secret'])
      .where('user_id', '=', prosecutor.userId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ recovery_code_hashes: [], totp_secret: null });
    expect(stored.mfa_enrolled_at).not.toBeNull();
  });

  it('refuses a registration answering another session’s challenge, or the same passkey twice', async () => {
    const account = await t.createAccount();
    const laptop = await t.signIn(account, '198.51.100.28');
    const phone = await t.signIn(account, '198.51.100.28');
    const authenticator = new SoftwareAuthenticator();
    const options = (await t.request(laptop, 'POST', '/api/auth/mfa/passkeys/options')).json();
    const credential = authenticator.create(options);
    // Each request restarts its session's idle clock: let the phone's do so before the snapshot.
    await t.request(phone, 'GET', '/api/session');
    const before = await t.snapshot();
    const elsewhere = await t.request(phone, 'POST', '/api/auth/mfa/passkeys', { credential });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].field).toBe('/body/credential/response/clientDataJSON');
    expect(await t.snapshot()).toBe(before);
    expect((await t.request(laptop, 'POST', '/api/auth/mfa/passkeys', { credential })).statusCode).toBe(200);
    const again = (await t.request(laptop, 'POST', '/api/auth/mfa/passkeys/options')).json();
    const twice = await t.request(laptop, 'POST', '/api/auth/mfa/passkeys', {
      credential: authenticator.create(again),
    });
    expect(twice.statusCode).toBe(409);
  });
});
