/**
 * Journey: an invited user's first steps (issue 3 scope 2–3, SPEC SEC-01). The demo operator
 * creates and invites an account; the invitee opens the link, chooses a password (the mistakes
 * first), logs in with the password alone, and that opens only the enrolment of a second
 * factor: QR code and key, the first code, the recovery codes once, then a full session.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { SessionInfo } from '../../src/contracts/auth.js';
import { totpCode } from '../../src/server/modules/auth/credentials/totp.js';
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

describe('an invited user', () => {
  test('SEC-01 sets a password from the invitation link, then enrols TOTP before anything else', async () => {
    const admin = await profiles.open('en-GB');
    const operator = await operatorApi(admin.request, 0);
    const email = `invitee-${Date.now()}@example.org`;
    const user = await operator.createUser({
      organisationId: demoUser('participant').organisation.id,
      email,
      displayName: 'Invited Participant',
      roles: ['participant'],
    });
    const invitation = await operator.invite(user.id, 'nl');
    expect(invitation.delivery).toBe('operator');
    // The journeys' server knows its public URL: the link is absolute, for this server.
    expect(invitation.link).toMatch(new RegExp(`^${inject('baseUrl')}invitation#.+`));

    const page = await profiles.open('nl-BE');
    const t = TEXTS.nl;
    await page.goto(invitation.link!);
    await heading(page, t.invitation.title);
    await expectNoSeriousAxeViolations(page, 'invitation form');

    // Two different passwords: announced, the field marked and focused.
    const password = page.getByLabel(t.invitation.password, { exact: true });
    const confirmation = page.getByLabel(t.invitation.confirmation, { exact: true });
    await password.fill('a long sentence to remember');
    await confirmation.fill('a long sentence to forget');
    await page.getByRole('button', { name: t.invitation.submit }).click();
    await page.getByRole('alert').getByRole('link', { name: t.invitation.errors.mismatch }).waitFor();
    expect(await confirmation.getAttribute('aria-invalid')).toBe('true');
    expect(await confirmation.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'passwords differ');

    // The server's password policy refuses the name of the service: its field problem is shown.
    await password.fill('my concerto password');
    await confirmation.fill('my concerto password');
    await page.getByRole('button', { name: t.invitation.submit }).click();
    await page.getByRole('alert').getByRole('link', { name: t.invitation.errors.passwordName }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    const chosen = 'correct horse battery staple 42';
    await password.fill(chosen);
    await confirmation.fill(chosen);
    await page.getByRole('button', { name: t.invitation.submit }).click();
    await page.getByRole('status').getByText(t.invitation.done, { exact: true }).waitFor();
    expect(await alertText(page)).toBe('');
    await expectNoSeriousAxeViolations(page, 'password set');

    // The link works once.
    const again = await page.request.post('/api/invitations/redeem', {
      data: { token: invitation.link!.split('#')[1], password: chosen },
    });
    expect(again.status()).toBe(404);

    await page.getByRole('link', { name: t.invitation.toLogin }).click();
    await heading(page, t.login.title);
    await page.getByRole('textbox', { name: t.login.email, exact: true }).fill(email);
    await page.getByLabel(t.login.password, { exact: true }).fill(chosen);
    await page.getByRole('radio', { name: t.login.factor.none }).check();
    expect(await page.getByRole('textbox', { name: t.login.totp.label }).count()).toBe(0);
    await page.getByRole('button', { name: t.login.submit, exact: true }).click();

    // The password alone opens only the enrolment.
    await heading(page, t.mfaEnrolment.title);
    expect(((await (await page.request.get('/api/session')).json()) as SessionInfo).purpose).toBe(
      'mfa_enrolment',
    );
    expect((await page.request.get('/api/sessions')).status()).not.toBe(200);
    await expectNoSeriousAxeViolations(page, 'enrolment start');

    await page.getByRole('button', { name: t.mfaEnrolment.start }).click();
    const qr = page.getByRole('img', { name: t.mfaEnrolment.scan.qrAlt });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(t.mfaEnrolment.scan.title);
    const secret = ((await page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousAxeViolations(page, 'QR code');

    // A wrong code first: the field says so.
    const code = page.getByRole('textbox', { name: t.mfaEnrolment.scan.codeLabel });
    const right = totpCode({ secret, now: new Date() });
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: t.mfaEnrolment.scan.confirm }).click();
    await page.getByRole('alert').getByRole('link', { name: t.mfaEnrolment.errors.codeRejected }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'wrong code');

    await code.fill(totpCode({ secret, now: new Date() }));
    await page.getByRole('button', { name: t.mfaEnrolment.scan.confirm }).click();
    const codes = page.getByRole('list', { name: t.mfaEnrolment.recovery.listLabel });
    await codes.waitFor();
    const recoveryCodes = await codes.getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByText(t.mfaEnrolment.recovery.instruction, { exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(t.mfaEnrolment.recovery.title);
    await expectNoSeriousAxeViolations(page, 'recovery codes');

    // The server replaced the enrolment session with a full one.
    const session = (await (await page.request.get('/api/session')).json()) as SessionInfo;
    expect(session).toMatchObject({ userId: user.id, purpose: 'full' });
    await page.getByRole('button', { name: t.mfaEnrolment.recovery.continue }).click();
    await heading(page, t.undertaking.title);
    // The app took the new session: its CSRF token works for the first state-changing request.
    await page.getByRole('button', { name: t.undertaking.accept.consultation_secrecy }).click();
    await page.getByRole('status').getByText(t.undertaking.recorded, { exact: true }).waitFor();
  });

  test('an invitation link without its token says it is not valid', async () => {
    const page = await profiles.open('fr-BE');
    await page.goto('/invitation');
    await heading(page, TEXTS.fr.invitation.title);
    await page.getByRole('alert').getByText(TEXTS.fr.invitation.errors.invalidLink).waitFor();
    expect(await page.getByLabel(TEXTS.fr.invitation.password, { exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'no token');
  });
});
