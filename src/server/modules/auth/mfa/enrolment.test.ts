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
  t = await createAuthTestApp();
});
afterAll(async () => {
  await t.close();
});

const code = (secret: string) => totpCode({ secret, now: t.clock.now() });

/** Password-only login of an account without a second factor: an enrolment session. */
async function enrolmentSession(account: Account, address = '192.0.2.40'): Promise<Signed> {
  const res = await t.login({ email: account.email, password: account.password }, address);
  expect(res.statusCode).toBe(200);
  return signedFrom(res);
}

async function storedCredentials(userId: string) {
  return t.db.adminDb
    .selectFrom('user_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

describe('first-login MFA enrolment', () => {
  it('SEC-01 a first login without a second factor opens an enrolment session that reaches only the session, logout and enrolment', async () => {
    const account = await t.createAccount({ enrolled: false });
    const from = await t.auditCount();
    const res = await t.login({ email: account.email, password: account.password }, '192.0.2.41');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: account.userId, purpose: 'mfa_enrolment', mfaAt: null });
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual(['auth.enrolment_session_opened']);
    const signed = signedFrom(res);

    const session = await t.request(signed, 'GET', '/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().purpose).toBe('mfa_enrolment');

    const before = await t.snapshot();
    const refusedFrom = await t.auditCount();
    const list = await t.request(signed, 'GET', '/api/sessions');
    const everywhere = await t.request(signed, 'POST', '/api/auth/logout-everywhere');
    const stepUp = await t.request(signed, 'POST', '/api/auth/step-up', { totp: '123456' });
    const passkeys = await t.request(signed, 'POST', '/api/auth/mfa/passkeys/options');
    for (const refused of [list, everywhere, stepUp, passkeys]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        type: 'urn:concerto:problem:mfa_enrolment_required',
        code: 'mfa_enrolment_required',
      });
    }
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(refusedFrom)).map((e) => [e.action, e.reason])).toEqual(
      Array(4).fill(['auth.session_refused', 'mfa_enrolment_pending']),
    );

    expect((await t.request(signed, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await t.request(signed, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('SEC-01 enrols TOTP from a QR code, shows 10 recovery codes once and rotates the session id', async () => {
    const account = await t.createAccount({ enrolled: false });
    const enrolling = await enrolmentSession(account);
    const start = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp');
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeSvg } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=Concerto');
    expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // A wrong code names the field and changes nothing.
    const before = await t.snapshot();
    const from = await t.auditCount();
    const wrong = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp/confirm', {
      code: code(secret) === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: '/body/code', message: 'is not the current code of the authenticator' },
    ]);
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.mfa_enrolment_failed', 'totp_rejected'],
    ]);

    const confirmed = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp/confirm', {
      code: code(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json();
    expect(body.session).toMatchObject({
      userId: account.userId,
      purpose: 'full',
      mfaAt: t.clock.now().toISOString(),
    });
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    const full = signedFrom(confirmed, body.session);
    // ASVS V7.2.4: a new session id on the privilege change; the enrolment session is over.
    expect(full.cookie).not.toBe(enrolling.cookie);
    expect(full.sessionId).not.toBe(enrolling.sessionId);
    expect((await t.request(enrolling, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await t.request(full, 'GET', '/api/sessions')).statusCode).toBe(200);

    const stored = await storedCredentials(account.userId);
    expect(stored.mfa_enrolled_at).not.toBeNull();
    expect(stored.pending_totp_secret).toBeNull();
    expect(stored.recovery_code_hashes).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(body.recoveryCodes[0].replace(/-/g, ''));
    expect((await t.auditSince(from)).map((e) => e.action)).toContain('auth.mfa_enrolled');

    // The code used to confirm cannot log in again; the next step's code and a recovery code can.
    const replay = await t.login(
      { email: account.email, password: account.password, totp: code(secret) },
      '192.0.2.42',
    );
    expect(replay.statusCode).toBe(401);
    t.clock.advanceMs(30_000);
    const next = await t.login(
      { email: account.email, password: account.password, totp: code(secret) },
      '192.0.2.42',
    );
    expect(next.statusCode).toBe(200);
    expect(next.json().purpose).toBe('full');
    const recovery = await t.login(
      { email: account.email, password: account.password, recoveryCode: body.recoveryCodes[0] },
      '192.0.2.42',
    );
    expect(recovery.statusCode).toBe(200);
  });

  it('SEC-02 stores the TOTP secret encrypted under a platform key, bound to its user', async () => {
    const account = await t.createAccount({ enrolled: false });
    const other = await t.createAccount();
    const enrolling = await enrolmentSession(account, '192.0.2.43');
    const { secret } = (await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp')).json();
    const pending = (await storedCredentials(account.userId)).pending_totp_secret!;
    expect(pending.toString('latin1')).not.toContain(secret);
    const confirmed = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp/confirm', {
      code: code(secret),
    });
    expect(confirmed.statusCode).toBe(200);

    const stored = (await storedCredentials(account.userId)).totp_secret!;
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.toString('latin1')).not.toContain(secret);
    expect(stored.toString('latin1')).not.toContain(secret.toLowerCase());
    await t.db.adminDb.transaction().execute(async (tx) => {
      expect(await t.totpSecrets.open(tx, account.userId, stored)).toBe(secret);
      // Copied onto another account, the ciphertext does not decrypt.
      await expect(t.totpSecrets.open(tx, other.userId, stored)).rejects.toThrow(
        'ciphertext failed authentication',
      );
    });
    // The account created by the test app is stored the same way.
    const seeded = (await storedCredentials(other.userId)).totp_secret!;
    expect(seeded.toString('latin1')).not.toContain(other.totpSecret);
  });

  it('SEC-01 enrols a passkey as the first factor', async () => {
    const account = await t.createAccount({ enrolled: false });
    const enrolling = await enrolmentSession(account, '192.0.2.44');
    const options = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey/options');
    expect(options.statusCode).toBe(200);
    expect(options.json()).toMatchObject({
      rp: { name: 'Concerto', id: 'localhost' },
      user: { name: account.email, displayName: 'Karel Wouters' },
      attestation: 'none',
      timeout: 300_000,
    });
    const authenticator = new SoftwareAuthenticator();
    const enrolled = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey', {
      credential: authenticator.create(options.json()),
    });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().session.purpose).toBe('full');
    expect(enrolled.json().recoveryCodes).toHaveLength(10);
    expect((await t.request(enrolling, 'GET', '/api/session')).statusCode).toBe(401);
    const passkeys = await t.db.adminDb
      .selectFrom('passkeys')
      .selectAll()
      .where('user_id', '=', account.userId)
      .execute();
    expect(passkeys).toHaveLength(1);
    expect(passkeys[0]!.credential_id.equals(authenticator.credentialId)).toBe(true);
    expect(passkeys[0]!.transports).toEqual(['internal', 'hybrid']);
    expect((await storedCredentials(account.userId)).mfa_enrolled_at).not.toBeNull();
  });

  it('refuses the enrolment routes to a full session, and a confirmation before the start, changing nothing', async () => {
    const full = await t.signIn(await t.createAccount(), '192.0.2.45');
    const enrolling = await enrolmentSession(await t.createAccount({ enrolled: false }), '192.0.2.45');
    const before = await t.snapshot();
    const from = await t.auditCount();
    const notEnrolling = await t.request(full, 'POST', '/api/auth/mfa/enrolment/totp');
    expect(notEnrolling.statusCode).toBe(403);
    expect(notEnrolling.json()).toMatchObject({
      code: 'forbidden',
      detail: 'Two-factor authentication is already set up',
    });
    const early = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/totp/confirm', {
      code: '123456',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Start TOTP enrolment first');
    expect(await t.snapshot()).toBe(before);
    expect((await t.auditSince(from)).map((e) => [e.action, e.reason])).toEqual([
      ['auth.session_refused', 'not_an_enrolment_session'],
      ['auth.mfa_enrolment_failed', 'totp_not_started'],
    ]);
  });

  it('refuses malformed enrolment bodies whole, naming the field', async () => {
    const enrolling = await enrolmentSession(await t.createAccount({ enrolled: false }), '192.0.2.46');
    const before = await t.snapshot();
    const from = await t.auditCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, '/api/auth/mfa/enrolment/totp/confirm', '/body/code'],
      [{ code: '1' }, '/api/auth/mfa/enrolment/totp/confirm', '/body/code'],
      [
        { code: '123456', secret: 'JBSWY3DPEHPK3PXP' },
        '/api/auth/mfa/enrolment/totp/confirm',
        '/body/secret',
      ],
      [{ credential: { id: 'x' } }, '/api/auth/mfa/enrolment/passkey', '/body/credential/rawId'],
    ];
    for (const [payload, url, field] of cases) {
      const res = await t.request(enrolling, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Well-formed, but client data that is not WebAuthn's.
    const authenticator = new SoftwareAuthenticator();
    const options = (await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey/options')).json();
    const afterOptions = await t.snapshot();
    const credential = authenticator.create(options);
    credential.response.clientDataJSON = Buffer.from('not json').toString('base64url');
    const garbled = await t.request(enrolling, 'POST', '/api/auth/mfa/enrolment/passkey', { credential });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().errors).toEqual([
      { field: '/body/credential/response/clientDataJSON', message: 'is not WebAuthn client data' },
    ]);
    expect(await t.snapshot()).toBe(afterOptions);
    expect(before).not.toBe(afterOptions);
    expect((await t.auditSince(from)).map((e) => e.action)).toEqual([
      'auth.passkey_challenge_issued',
      'auth.mfa_enrolment_failed',
    ]);
  });

  it('a second enrolment session cannot replace the factor once enrolment is done', async () => {
    const account = await t.createAccount({ enrolled: false });
    const first = await enrolmentSession(account, '192.0.2.47');
    const second = await enrolmentSession(account, '192.0.2.48');
    const { secret } = (await t.request(first, 'POST', '/api/auth/mfa/enrolment/totp')).json();
    expect(
      (await t.request(first, 'POST', '/api/auth/mfa/enrolment/totp/confirm', { code: code(secret) }))
        .statusCode,
    ).toBe(200);
    t.clock.advanceMs(30_000);
    const started = (await t.request(second, 'POST', '/api/auth/mfa/enrolment/totp')).json();
    const before = await t.snapshot();
    const late = await t.request(second, 'POST', '/api/auth/mfa/enrolment/totp/confirm', {
      code: code(started.secret),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Two-factor authentication is already set up');
    expect(await t.snapshot()).toBe(before);
    // The factor enrolled first is still the one that logs in.
    const login = await t.login(
      { email: account.email, password: account.password, totp: code(secret) },
      '192.0.2.48',
    );
    expect(login.statusCode).toBe(200);
  });
});
