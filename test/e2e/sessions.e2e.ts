/**
 * Journey: "my sessions" (issue 3 scope 4) as the demo organiser, logged in in two browsers:
 * the list shows both, ending the other one logs that browser out at its next request, and
 * "log out everywhere" ends them all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionList } from '../../src/contracts/auth.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  currentTotp,
  demoUser,
  fill,
  heading,
  type Language,
  Profiles,
  type SecondFactor,
  submitLogin,
  TEXTS,
} from './support/journey.js';

let browser: Browser;
let profiles: Profiles;
/** The organiser in a French and in an English browser. */
let here: Page;
let there: Page;
const organiser = () => demoUser('organiser');

beforeAll(async () => {
  browser = await launchBrowser();
  profiles = new Profiles(browser);
});

afterAll(async () => {
  await profiles?.close();
  await browser?.close();
});

/** Opens "my sessions", logs in on the way and accepts what is due, until the list shows. */
async function openMySessions(page: Page, language: Language, factor: SecondFactor): Promise<void> {
  const t = TEXTS[language];
  await page.goto('/sessions');
  await heading(page, t.login.title);
  await submitLogin(page, language, { email: organiser().email, password: organiser().password, ...factor });
  const undertaking = page.getByRole('heading', { level: 1, name: t.undertaking.title, exact: true });
  const sessions = page.getByRole('heading', { level: 1, name: t.sessions.title, exact: true });
  await undertaking.or(sessions).waitFor();
  if (await undertaking.isVisible()) {
    for (const kind of ['consultation_secrecy', 'controller_awareness'] as const) {
      const accept = page.getByRole('button', { name: t.undertaking.accept[kind] });
      await accept.click();
      await accept.waitFor({ state: 'detached' });
    }
    await page.getByRole('link', { name: t.undertaking.continue }).click();
  }
  await heading(page, t.sessions.title);
}

async function sessionRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: TEXTS.fr.sessions.caption });
  await table.waitFor();
  return (await table.locator('tbody tr th').allTextContents()).sort();
}

describe('my sessions', () => {
  test('lists the sessions of both browsers, the current one marked', async () => {
    here = await profiles.open('fr-BE');
    await openMySessions(here, 'fr', { totp: currentTotp(organiser()) });
    there = await profiles.open('en-GB');
    await openMySessions(there, 'en', { recoveryCode: organiser().recoveryCodes[0]! });

    await here.reload();
    await heading(here, TEXTS.fr.sessions.title);
    const device = fill(TEXTS.fr.sessions.deviceName, { browser: 'Chrome', system: 'Linux' });
    expect(await sessionRows(here)).toEqual([device, `${device}${TEXTS.fr.sessions.current}`].sort());
    expect(await here.getByRole('button', { name: TEXTS.fr.sessions.end }).count()).toBe(1);
    await expectNoSeriousAxeViolations(here, 'two sessions');
  });

  test('ends the other session: its browser is logged out at its next request', async () => {
    const list = (await (await here.request.get('/api/sessions')).json()) as SessionList;
    const other = list.sessions.find((session) => !session.current)!;

    await here.getByRole('button', { name: TEXTS.fr.sessions.end }).click();
    const device = fill(TEXTS.fr.sessions.deviceName, { browser: 'Chrome', system: 'Linux' });
    await here
      .getByRole('status')
      .getByText(fill(TEXTS.fr.sessions.ended, { device }), { exact: true })
      .waitFor();
    expect(await sessionRows(here)).toEqual([`${device}${TEXTS.fr.sessions.current}`]);
    expect(await here.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expectNoSeriousAxeViolations(here, 'other session ended');
    const after = (await (await here.request.get('/api/sessions')).json()) as SessionList;
    expect(after.sessions.map((session) => session.id)).not.toContain(other.id);

    // The other browser still shows the page; its next request finds the session gone.
    // The organiser holds a case role: the first link leads to the dashboard.
    await there.getByRole('link', { name: TEXTS.en.nav.dashboard }).click();
    await there.getByRole('link', { name: TEXTS.en.nav.sessions }).click();
    await heading(there, TEXTS.en.login.title);
    await there.getByRole('status').getByText(TEXTS.en.login.sessionEnded, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(there, 'session ended elsewhere');
  });

  test('logs out everywhere', async () => {
    await openMySessions(there, 'en', { recoveryCode: organiser().recoveryCodes[1]! });
    await here.reload();
    expect(await sessionRows(here)).toHaveLength(2);

    await here.getByRole('button', { name: TEXTS.fr.sessions.everywhere.button }).click();
    await heading(here, TEXTS.fr.login.title);
    await here.getByRole('status').getByText(TEXTS.fr.login.loggedOutEverywhere, { exact: true }).waitFor();
    expect((await here.request.get('/api/session')).status()).toBe(401);
    expect((await there.request.get('/api/session')).status()).toBe(401);
    await expectNoSeriousAxeViolations(here, 'logged out everywhere');
  });
});
