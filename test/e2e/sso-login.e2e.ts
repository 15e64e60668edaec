/**
 * Journey: the single sign-on button of the login page (ADR 0011). The journeys' server has no
 * identity provider: the button is absent. Where the server offers SSO (its answer stubbed
 * here), the button carries the configured text and is a plain link to the start of the flow.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { heading, Profiles, TEXTS } from './support/journey.js';

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

describe('single sign-on on the login page', () => {
  test('is not offered when the server has no SSO', async () => {
    const page = await profiles.open('fr-BE');
    const answered = page.waitForResponse('**/api/auth/oidc');
    await page.goto('/login');
    await heading(page, TEXTS.fr.login.title);
    expect((await answered).status()).toBe(404);
    expect(await page.getByRole('region', { name: TEXTS.fr.login.sso.title }).count()).toBe(0);
    expect(await page.locator('a[href="/api/auth/oidc/start"]').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'no SSO');
  });

  test('is a link to the start of the flow, with the configured text, when SSO is offered', async () => {
    const page = await profiles.open('nl-BE');
    await page.route('**/api/auth/oidc', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"label":"Aanmelden met Demo ID"}',
      }),
    );
    await page.goto('/login');
    await heading(page, TEXTS.nl.login.title);
    const sso = page.getByRole('region', { name: TEXTS.nl.login.sso.title });
    const link = sso.getByRole('link', { name: 'Aanmelden met Demo ID', exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/api/auth/oidc/start');
    await expectNoSeriousAxeViolations(page, 'SSO offered');
  });

  test('says “Log in with SSO” when the server names no text', async () => {
    const page = await profiles.open('en-GB');
    await page.route('**/api/auth/oidc', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
    );
    await page.goto('/login');
    await heading(page, TEXTS.en.login.title);
    await page.getByRole('link', { name: TEXTS.en.login.sso.button, exact: true }).waitFor();
  });
});
