/**
 * Journey: logging in (issue 3 scope 10) as the demo participant, in the four languages, with
 * the mistakes people make: a wrong password, missing fields, too many attempts. Every state
 * of the page passes axe, and no state needs an inline script or style.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  alertText,
  currentTotp,
  demoUser,
  heading,
  type Language,
  Profiles,
  submitLogin,
  TEXTS,
} from './support/journey.js';

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

/** The login page in `language`: heading, title, labels and the pressed language button. */
async function expectLoginPage(page: Page, language: Language): Promise<void> {
  const t = TEXTS[language];
  await heading(page, t.login.title);
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await page.title()).toBe(`${t.login.title} – ${t.app.documentTitle}`);
  for (const name of [t.login.email, t.login.totp.label]) {
    expect(await page.getByRole('textbox', { name, exact: true }).count()).toBe(1);
  }
  expect(await page.getByLabel(t.login.password, { exact: true }).getAttribute('type')).toBe('password');
  expect(await page.getByRole('group', { name: t.login.factor.legend }).count()).toBe(1);
  expect(await page.getByRole('button', { name: t.login.submit, exact: true }).count()).toBe(1);
  expect(await page.getByRole('button', { name: t.languageName }).getAttribute('aria-pressed')).toBe('true');
  await expectNoSeriousAxeViolations(page, `login page in ${language}`);
}

describe('the login page', () => {
  test('is in the browser’s language, switches between the four, and keeps the choice', async () => {
    const page = await profiles.open('nl-BE');
    await page.goto('/');
    await page.getByRole('link', { name: TEXTS.nl.nav.login, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectLoginPage(page, 'nl');
    // After a client-side navigation, focus is on the new page's heading, as after a page load.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    for (const language of ['fr', 'de', 'en'] as const) {
      await page.getByRole('button', { name: TEXTS[language].languageName }).click();
      await expectLoginPage(page, language);
    }
    await page.reload();
    await expectLoginPage(page, 'en');
  });

  test('names each missing field in the announced summary and on the field itself', async () => {
    const page = await profiles.open('fr-BE');
    await page.goto('/login');
    await expectLoginPage(page, 'fr');
    const t = TEXTS.fr.login;
    await page.getByRole('button', { name: t.submit, exact: true }).click();

    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: t.errors.emailMissing }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      t.errors.emailMissing,
      t.errors.passwordMissing,
      t.errors.totpMissing,
    ]);
    const email = page.getByRole('textbox', { name: t.email, exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe(t.errors.emailMissing);
    // The first field to correct has the focus.
    expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'missing fields');

    await page.getByRole('textbox', { name: t.totp.label }).fill('12345');
    await page.getByRole('button', { name: t.submit, exact: true }).click();
    await summary.getByRole('link', { name: t.errors.totpFormat }).waitFor();
  });

  test('announces a wrong password, then logs in with the right one and the TOTP code', async () => {
    const participant = demoUser('participant');
    const page = await profiles.open('fr-BE');
    await page.goto('/login');
    await expectLoginPage(page, 'fr');
    // The live region is in the page before the error, so that its arrival is announced.
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await alertText(page)).toBe('');

    await submitLogin(page, 'fr', { email: participant.email, password: 'not-the-password', totp: '000000' });
    await page.getByRole('alert').getByText(TEXTS.fr.login.errors.invalid, { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // A code is used once, right or wrong: the field is emptied for the next one.
    expect(await page.getByRole('textbox', { name: TEXTS.fr.login.totp.label }).inputValue()).toBe('');
    await expectNoSeriousAxeViolations(page, 'wrong password');

    await submitLogin(page, 'fr', {
      email: participant.email,
      password: participant.password,
      totp: currentTotp(participant),
    });
    // A new user accepts the secrecy undertaking before anything else (SPEC ROL-07).
    await heading(page, TEXTS.fr.undertaking.title);
    expect(new URL(page.url()).pathname).toBe('/undertaking');
    expect(await page.getByRole('button', { name: TEXTS.fr.nav.logout, exact: true }).count()).toBe(1);
    const session = await page.request.get('/api/session');
    expect(session.status()).toBe(200);
    expect(await session.json()).toMatchObject({ userId: participant.userId, roles: ['participant'] });
  });

  test('logs in with a recovery code, and logs out from the navigation', async () => {
    const participant = demoUser('participant');
    const page = await profiles.open('de-BE');
    await page.goto('/login');
    await expectLoginPage(page, 'de');
    await submitLogin(page, 'de', {
      email: participant.email,
      password: participant.password,
      recoveryCode: participant.recoveryCodes[0]!,
    });
    await heading(page, TEXTS.de.undertaking.title);

    await page.getByRole('button', { name: TEXTS.de.nav.logout, exact: true }).click();
    await heading(page, TEXTS.de.login.title);
    await page.getByRole('status').getByText(TEXTS.de.login.loggedOut, { exact: true }).waitFor();
    expect((await page.request.get('/api/session')).status()).toBe(401);
    await expectNoSeriousAxeViolations(page, 'logged out');
  });

  test('says when to try again after too many attempts', async () => {
    const page = await profiles.open('en-GB');
    // The server's throttle needs many failures; its answer is what matters to the page.
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '300' },
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:concerto:problem:rate_limited',
          title: 'Too many requests',
          status: 429,
          code: 'rate_limited',
        }),
      }),
    );
    await page.goto('/login');
    await expectLoginPage(page, 'en');
    await submitLogin(page, 'en', {
      email: 'someone@example.org',
      password: 'whatever-it-is',
      totp: '123456',
    });
    const prefix = TEXTS.en.login.errors.throttled.split('{{time}}')[0]!;
    await page.getByRole('alert').getByText(prefix).waitFor();
    expect(await alertText(page)).toMatch(/Try again after \d{1,2}:\d{2}/);
    await expectNoSeriousAxeViolations(page, 'throttled');
  });
});
