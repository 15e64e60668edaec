/**
 * SSO end to end: Concerto in-process (app.inject) against a real `oidc-provider` over HTTP.
 * The test is the browser: it starts at /api/auth/oidc/start, follows the redirect to the
 * provider with its own cookie jar, and brings the provider's redirect back to the callback
 * with the flow cookie. The app's clock starts at the real time, which the provider uses.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp, OPERATOR } from '../../../../../test/support/auth-test-app.js';
import { type IdpAccount, startTestIdp, type TestIdp } from '../../../../../test/support/oidc-provider.js';
import { countRows } from '../../../../../test/support/test-database.js';
import { SESSION_COOKIE } from '../session-guard.js';
import { FLOW_COOKIE } from './oidc.routes.js';

const PUBLIC_URL = 'https://concerto.example.be';
const MFA_ACR = 'urn:concerto:test:mfa';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

let idp: TestIdp;
let t: AuthTestApp;

beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback` });
  t = await createAuthTestApp({
    clockStart: new Date(),
    env: {
      CONCERTO_PUBLIC_URL: PUBLIC_URL,
      CONCERTO_OIDC_ISSUER: idp.issuer,
      CONCERTO_OIDC_CLIENT_ID: idp.clientId,
      CONCERTO_OIDC_CLIENT_SECRET: idp.clientSecret,
      CONCERTO_OIDC_MFA_ACR: MFA_ACR,
      CONCERTO_OIDC_LABEL: 'CSAM',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** A provider identity for `email`, verified, authenticated with password + one-time code. */
const identityFor = (email: string, extra: Partial<IdpAccount> = {}): IdpAccount => ({
  sub: randomUUID(),
  email,
  emailVerified: true,
  amr: ['pwd', 'otp'],
  ...extra,
});

interface Started {
  flow: string;
  authorizationUrl: URL;
}

async function start(): Promise<Started> {
  const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(res.statusCode).toBe(302);
  return {
    flow: res.cookies.find((c) => c.name === FLOW_COOKIE)!.value,
    authorizationUrl: new URL(res.headers.location as string),
  };
}

/** The callback path and query the provider sends the browser to. */
async function atProvider(started: Started, account: IdpAccount): Promise<string> {
  const url = await idp.authorize(started.authorizationUrl.href, account);
  expect(url.origin + url.pathname).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
  return url.pathname + url.search;
}

function callback(url: string, cookies: Record<string, string>) {
  return t.app.inject({ method: 'GET', url, cookies, headers: { 'user-agent': USER_AGENT } });
}

/** Start, sign in at the provider as `account`, come back: the callback's response. */
async function sso(account: IdpAccount, sessionCookie?: string) {
  const started = await start();
  const url = await atProvider(started, account);
  return callback(url, {
    [FLOW_COOKIE]: started.flow,
    ...(sessionCookie ? { [SESSION_COOKIE]: sessionCookie } : {}),
  });
}

const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')?.value;

const session = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: cookie } });

const bindings = () => t.db.adminDb.selectFrom('oidc_identities').selectAll().execute();

/** Everything a refused callback must leave as it was: users, credentials, sessions, bindings. */
async function snapshot(): Promise<string> {
  return JSON.stringify({ auth: await t.snapshot(), bindings: await bindings() });
}

async function expectRefused(
  res: Awaited<ReturnType<typeof callback>>,
  status: number,
  before: string,
  from: number,
  reason: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(sessionCookieOf(res)).toBeUndefined();
  expect(await snapshot()).toBe(before);
  const events = await t.auditSince(from);
  expect(events.map((e) => [e.action, e.reason])).toEqual([['auth.login_failed', reason]]);
  return res.json() as { code: string; detail: string; rule?: string };
}

describe('single sign-on with OpenID Connect', () => {
  it('offers the SSO button with its configured label', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ label: 'CSAM' });
  });

  it('starts the code flow with PKCE S256, state and nonce, kept server-side behind a __Host- Lax cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: idp.clientId,
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email',
      max_age: String(8 * 3600),
      acr_values: MFA_ACR,
    });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === FLOW_COOKIE)!;
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 600 });
    expect(cookie.domain).toBeUndefined();
    // The browser holds only the random handle; state, nonce and verifier stay in the database.
    const flows = await t.db.adminDb
      .selectFrom('oidc_flows')
      .selectAll()
      .where('state', '=', params.state!)
      .execute();
    expect(flows).toHaveLength(1);
    expect(flows[0]!.nonce).toBe(params.nonce);
    expect(flows[0]!.code_verifier).not.toBe(params.code_challenge);
    expect(JSON.stringify(flows[0])).not.toContain(cookie.value);
  });

  it('SEC-01 signs a matched user in when the provider asserts MFA, binding the identity and opening a working session', async () => {
    const account = await t.createAccount();
    const identity = identityFor(account.email.toUpperCase());
    const from = await t.auditCount();
    const res = await sso(identity);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(res.cookies.find((c) => c.name === FLOW_COOKIE)?.value).toBe('');

    const me = await session(cookie.value);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ userId: account.userId, roles: ['participant'] });

    expect(await bindings()).toContainEqual(
      expect.objectContaining({ issuer: idp.issuer, subject: identity.sub, user_id: account.userId }),
    );
    const events = await t.auditSince(from);
    expect(events.map((e) => e.action)).toEqual(['auth.sso_identity_bound', 'auth.login_succeeded']);
    expect(events[1]!.raw).toContain('"oidc"');
    // Neither the address nor the provider's subject reaches the audit log.
    for (const event of events) {
      expect(event.raw).not.toContain(account.email.split('@')[0]);
      expect(event.raw).not.toContain(identity.sub);
    }
  });

  it('follows the binding at later logins, whatever the e-mail claim, and replaces the browser’s previous session', async () => {
    const account = await t.createAccount();
    const identity = identityFor(account.email);
    const first = sessionCookieOf(await sso(identity))!;
    // The provider now says another address: the binding (issuer, sub), not the claim, decides.
    const res = await sso({ ...identity, email: 'renamed.person@elsewhere.example' }, first);
    expect(res.statusCode).toBe(303);
    const second = sessionCookieOf(res)!;
    expect((await session(second)).json()).toMatchObject({ userId: account.userId });
    expect((await session(first)).statusCode).toBe(401);
  });

  it('refuses a second identity that carries the e-mail of a user already bound to another one', async () => {
    const account = await t.createAccount();
    expect((await sso(identityFor(account.email))).statusCode).toBe(303);
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await sso(identityFor(account.email));
    await expectRefused(res, 401, before, from, 'bound_to_other_identity');
  });

  it('refuses an e-mail that matches no user: no session, nothing changed but the audit event', async () => {
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await sso(identityFor('nobody.known@politiezone.example'));
    const problem = await expectRefused(res, 401, before, from, 'unknown_account');
    expect(problem.detail).toBe('No active Concerto account matches this identity.');
    expect((await t.auditSince(from))[0]!.raw).not.toContain('nobody.known');
  });

  it('refuses an e-mail claim the provider has not verified', async () => {
    const account = await t.createAccount();
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await sso(identityFor(account.email, { emailVerified: false }));
    await expectRefused(res, 401, before, from, 'email_not_verified');
  });

  it('refuses a deactivated user', async () => {
    const account = await t.createAccount();
    await t.identity.deactivateUser(OPERATOR, account.userId);
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await sso(identityFor(account.email));
    const problem = await expectRefused(res, 401, before, from, 'inactive_account');
    expect(problem.detail).toBe('No active Concerto account matches this identity.');
  });

  it('SEC-01 refuses an SSO login whose provider asserts no second factor (amr pwd only, no accepted acr)', async () => {
    const account = await t.createAccount();
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await sso(identityFor(account.email, { amr: ['pwd'], acr: 'urn:concerto:test:password' }));
    const problem = await expectRefused(res, 401, before, from, 'mfa_not_asserted');
    expect(problem.detail).toContain('second factor');
    expect(problem.rule).toContain('SEC-01');
    // The refusal is attributed to the matched user, for the DPO's review.
    expect((await t.auditSince(from))[0]!.raw).toContain(account.userId);
  });

  it('SEC-01 accepts the configured acr as the provider’s proof of MFA', async () => {
    const account = await t.createAccount();
    const res = await sso(identityFor(account.email, { amr: ['pwd'], acr: MFA_ACR }));
    expect(res.statusCode).toBe(303);
    expect((await session(sessionCookieOf(res)!)).json()).toMatchObject({ userId: account.userId });
  });

  it('refuses a callback whose state was tampered with, and the flow is then spent', async () => {
    const account = await t.createAccount();
    const started = await start();
    const url = await atProvider(started, identityFor(account.email));
    const tampered = url.replace(/state=[^&]+/, `state=${'A'.repeat(43)}`);
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await callback(tampered, { [FLOW_COOKIE]: started.flow });
    const problem = await expectRefused(res, 400, before, from, 'state_mismatch');
    expect(problem.code).toBe('bad_request');
    const genuine = await callback(url, { [FLOW_COOKIE]: started.flow });
    expect(genuine.statusCode).toBe(400);
    expect(sessionCookieOf(genuine)).toBeUndefined();
  });

  it('refuses the same callback replayed, and the same code under a new flow', async () => {
    const account = await t.createAccount();
    const started = await start();
    const url = await atProvider(started, identityFor(account.email));
    expect((await callback(url, { [FLOW_COOKIE]: started.flow })).statusCode).toBe(303);

    let before = await snapshot();
    let from = await t.auditCount();
    await expectRefused(await callback(url, { [FLOW_COOKIE]: started.flow }), 400, before, from, 'flow_used');

    // An attacker who captured the code starts a flow of their own and presents the code with
    // their state: PKCE binds the code to the first verifier, and the provider spent it anyway.
    const other = await start();
    const replayed = url.replace(/state=[^&]+/, `state=${other.authorizationUrl.searchParams.get('state')}`);
    before = await snapshot();
    from = await t.auditCount();
    await expectRefused(
      await callback(replayed, { [FLOW_COOKIE]: other.flow }),
      401,
      before,
      from,
      'code_rejected',
    );
  });

  it('refuses a flow older than ten minutes', async () => {
    const account = await t.createAccount();
    const started = await start();
    const url = await atProvider(started, identityFor(account.email));
    t.clock.advanceMs(10 * 60_000 + 1);
    const before = await snapshot();
    const from = await t.auditCount();
    await expectRefused(
      await callback(url, { [FLOW_COOKIE]: started.flow }),
      400,
      before,
      from,
      'flow_expired',
    );
  });

  it('refuses a callback without the flow cookie, or with a forged one', async () => {
    const account = await t.createAccount();
    const started = await start();
    const url = await atProvider(started, identityFor(account.email));
    let before = await snapshot();
    let from = await t.auditCount();
    await expectRefused(await callback(url, {}), 400, before, from, 'flow_missing');
    before = await snapshot();
    from = await t.auditCount();
    await expectRefused(
      await callback(url, { [FLOW_COOKIE]: 'B'.repeat(43) }),
      400,
      before,
      from,
      'flow_missing',
    );
  });

  it('refuses the provider’s error answer (the user cancelled at the provider)', async () => {
    const started = await start();
    const state = started.authorizationUrl.searchParams.get('state')!;
    const query = new URLSearchParams({ error: 'access_denied', state, iss: idp.issuer });
    const before = await snapshot();
    const from = await t.auditCount();
    const res = await callback(`/api/auth/oidc/callback?${query}`, { [FLOW_COOKIE]: started.flow });
    await expectRefused(res, 401, before, from, 'provider_error');
  });
});

describe('single sign-on when not configured', () => {
  let off: AuthTestApp;
  beforeAll(async () => {
    off = await createAuthTestApp();
  });
  afterAll(async () => {
    await off?.close();
  });

  it('answers 404 problems on every SSO route and keeps no flow', async () => {
    for (const url of ['/api/auth/oidc', '/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await off.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    expect(await countRows(off.db.adminDb, 'oidc_flows')).toBe(0);
  });
});
