/**
 * Journey: the secrecy undertaking (CP art. 458ter §2, SPEC ROL-07) and the controller's
 * awareness module (SEC-09) before any page behind them, as the demo prosecutor: shown after
 * login in the user's language, accepted one by one, recorded, and not asked again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CONSULTATION_SECRECY_TEXTS } from '../../src/server/modules/undertakings/undertaking-texts.js';
import type { UndertakingStatus } from '../../src/contracts/undertakings.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
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

/** The section of one text to accept, named by its heading. */
function section(page: Page, language: Language, kind: 'consultation_secrecy' | 'controller_awareness') {
  return page.getByRole('region', { name: TEXTS[language].undertaking.kinds[kind] });
}

/** The first sentence of the quoted law, as published in `language`. */
function lawSentence(language: Language): string {
  return CONSULTATION_SECRECY_TEXTS[language].split('\n\n')[1]!.slice(0, 60);
}

describe('the secrecy undertaking', () => {
  test('ROL-07 is shown after login, follows the language, and once accepted opens the page asked for', async () => {
    const prosecutor = demoUser('prosecutor');
    const page = await profiles.open('fr-BE');
    await page.goto('/sessions');
    // No session: the page asked for waits behind the login.
    await heading(page, TEXTS.fr.login.title);
    expect(new URL(page.url()).search).toBe('?next=%2Fsessions');
    await submitLogin(page, 'fr', {
      email: prosecutor.email,
      password: prosecutor.password,
      totp: currentTotp(prosecutor),
    });

    await heading(page, TEXTS.fr.undertaking.title);
    const secrecy = section(page, 'fr', 'consultation_secrecy');
    await secrecy.getByText(lawSentence('fr')).waitFor();
    expect(await secrecy.locator('[lang]').getAttribute('lang')).toBe('fr');
    const awareness = section(page, 'fr', 'controller_awareness');
    expect(await awareness.textContent()).toContain(prosecutor.organisation.legalName);
    await expectNoSeriousAxeViolations(page, 'undertaking due, fr');

    // The user reads and accepts the text in the language they chose.
    await page.getByRole('button', { name: TEXTS.nl.languageName }).click();
    await heading(page, TEXTS.nl.undertaking.title);
    const secrecyNl = section(page, 'nl', 'consultation_secrecy');
    await secrecyNl.getByText(lawSentence('nl')).waitFor();
    expect(await secrecyNl.locator('[lang]').getAttribute('lang')).toBe('nl');
    await expectNoSeriousAxeViolations(page, 'undertaking due, nl');

    await secrecyNl.getByRole('button', { name: TEXTS.nl.undertaking.accept.consultation_secrecy }).click();
    await page.getByRole('status').getByText(TEXTS.nl.undertaking.recorded, { exact: true }).waitFor();
    // The accepted text leaves the list of texts to accept; the awareness module is still due.
    const acceptSecrecy = page.getByRole('button', {
      name: TEXTS.nl.undertaking.accept.consultation_secrecy,
    });
    expect(await acceptSecrecy.count()).toBe(0);
    await secrecyNl.getByText(TEXTS.nl.undertaking.accepted.split('{{date}}')[0]!).waitFor();
    const awarenessNl = section(page, 'nl', 'controller_awareness');
    expect(
      await awarenessNl
        .getByRole('button', { name: TEXTS.nl.undertaking.accept.controller_awareness })
        .count(),
    ).toBe(1);
    // The keyboard focus stays on the outcome, not on the body.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expectNoSeriousAxeViolations(page, 'secrecy accepted');

    await awarenessNl.getByRole('button', { name: TEXTS.nl.undertaking.accept.controller_awareness }).click();
    await page.getByText(TEXTS.nl.undertaking.allDone, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'all accepted');
    await page.getByRole('link', { name: TEXTS.nl.undertaking.continue }).click();
    await heading(page, TEXTS.nl.sessions.title);

    // Recorded on the server, with the time; the gate does not come back after a reload.
    const status = (await (
      await page.request.get('/api/undertaking?language=nl')
    ).json()) as UndertakingStatus;
    expect(status.mustAccept).toBe(false);
    const accepted = status.undertakings.find((item) => item.kind === 'consultation_secrecy');
    expect(accepted?.acceptedAt).not.toBeNull();
    await page.reload();
    await heading(page, TEXTS.nl.sessions.title);
  });
});
