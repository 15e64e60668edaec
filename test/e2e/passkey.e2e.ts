/**
 * Journey: passkeys (issue 3 scope 3–4, SPEC SEC-01). An invited user's first login opens the
 * enrolment, where they create a passkey instead of setting up an authenticator app; after
 * logging out they log in with their password and that passkey. Chromium's virtual
 * authenticator (DevTools protocol, WebAuthn domain) plays the passkey, for the origin the
 * server accepts (the journeys' CONCERTO_PUBLIC_URL, global-setup.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { SessionInfo } from '../../src/contracts/auth.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { alertText, demoUser, heading, Profiles, TEXTS } from './support/journey.js';
import { operatorApi } from './support/operator-api.js';

let browser: Browser;
let profiles: Profiles;

beforeAll(async () => {
  browser = await launchBrowser();
  profiles = new Profiles(browser);
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await profiles.close();
});

describe('a passkey', () => {
  test('SEC-01 is enrolled at the first login, then logs in with the password', async () => {
    const admin = await profiles.open('en-GB');
    const operator = await operatorApi(admin.request, 1);
    const email = `passkey-${Date.now()}@example.org`;
    const user = await operator.createUser({
      organisationId: demoUser('participant').organisation.id,
      email,
      displayName: 'Passkey Participant',
      roles: ['participant'],
    });
    const invitation = await operator.invite(user.id, 'fr');

    const page = await profiles.open('fr-BE');
    const t = TEXTS.fr;
    const password = 'a long sentence to go with my key';
    const redeemed = await page.request.post('/api/invitations/redeem', {
      data: { token: new URL(invitation.link!).hash.slice(1), password },
    });
    expect(redeemed.status(), await redeemed.text()).toBe(200);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const passkeys = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    const session = async () => (await (await page.request.get('/api/session')).json()) as SessionInfo;
    const loginForm = async (factor: string) => {
      await page.getByRole('textbox', { name: t.login.email, exact: true }).fill(email);
      await page.getByLabel(t.login.password, { exact: true }).fill(password);
      await page.getByRole('radio', { name: factor }).check();
    };

    // The password alone, at the first login, opens only the enrolment.
    await page.goto('/login');
    await heading(page, t.login.title);
    await loginForm(t.login.factor.none);
    await page.getByRole('button', { name: t.login.submit, exact: true }).click();
    await heading(page, t.mfaEnrolment.title);
    await page.getByRole('button', { name: t.mfaEnrolment.passkeyStart }).waitFor();
    await expectNoSeriousAxeViolations(page, 'enrolment choices');

    await page.getByRole('button', { name: t.mfaEnrolment.passkeyStart }).click();
    const codes = page.getByRole('list', { name: t.mfaEnrolment.recovery.listLabel });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await page.getByText(t.mfaEnrolment.recovery.passkeyInstruction, { exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(t.mfaEnrolment.recovery.title);
    expect(await alertText(page)).toBe('');
    await expectNoSeriousAxeViolations(page, 'passkey enrolled, recovery codes');

    // The authenticator holds one passkey, for the server's RP ID; the session is a full one.
    const [created] = await passkeys();
    expect(created).toMatchObject({ rpId: 'localhost', isResidentCredential: true });
    expect(await session()).toMatchObject({ userId: user.id, purpose: 'full' });
    await page.getByRole('button', { name: t.mfaEnrolment.recovery.continue }).click();
    await heading(page, t.undertaking.title);

    await page.getByRole('button', { name: t.nav.logout }).click();
    await heading(page, t.login.title);
    await page.getByRole('status').getByText(t.login.loggedOut, { exact: true }).waitFor();
    expect((await page.request.get('/api/session')).status()).toBe(401);

    // A wrong password is refused before the browser is asked for the passkey.
    await loginForm(t.login.factor.passkey);
    await page.getByText(t.login.passkey.hint, { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: t.login.totp.label }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'passkey chosen');
    await page.getByLabel(t.login.password, { exact: true }).fill(`${password}!`);
    await page.getByRole('button', { name: t.login.submit, exact: true }).click();
    await page.getByRole('alert').getByText(t.login.errors.invalid, { exact: true }).waitFor();
    expect((await passkeys())[0]?.signCount).toBe(created?.signCount);
    await expectNoSeriousAxeViolations(page, 'wrong password');

    // Password and passkey: signed in.
    await page.getByLabel(t.login.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: t.login.submit, exact: true }).click();
    await heading(page, t.undertaking.title);
    expect((await passkeys())[0]?.signCount).toBeGreaterThan(created?.signCount ?? 0);
    expect(await session()).toMatchObject({ userId: user.id, purpose: 'full' });
    await page.getByRole('button', { name: t.nav.logout }).waitFor();
    await expectNoSeriousAxeViolations(page, 'signed in with a passkey');
  });
});
