import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp } from '../../../../test/support/api-test-app.js';
import { totpCode } from './credentials/totp.js';

let t: ApiTestApp;

beforeAll(async () => {
  t = await createApiTestApp();
});
afterAll(async () => {
  await t.close();
});

it('SEC-01 tells a throttled client when to try again: 429 with Retry-After in seconds (RFC 9110 §10.2.3)', async () => {
  const account = await t.account(t.policeId, ['participant']);
  const attempt = (password: string, address: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      payload: {
        email: account.email,
        password,
        totp: totpCode({ secret: account.totpSecret, now: t.clock.now() }),
      },
    });
  for (let i = 0; i < 5; i++) {
    const failed = await attempt('not-the-password-1', `198.51.100.${i}`);
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['retry-after']).toBeUndefined();
  }
  // The fifth failure starts a 30 s delay for the account (login-throttle.ts).
  const blocked = await attempt(account.password, '198.51.100.50');
  expect(blocked.statusCode).toBe(429);
  expect(blocked.json().code).toBe('rate_limited');
  expect(blocked.headers['retry-after']).toBe('30');
  t.clock.advanceMs(12_500);
  expect((await attempt(account.password, '198.51.100.51')).headers['retry-after']).toBe('18');
  t.clock.advanceMs(17_500);
  const allowed = await attempt(account.password, '198.51.100.52');
  expect(allowed.statusCode).toBe(200);
  expect(allowed.headers['retry-after']).toBeUndefined();
});
