/**
 * Journey: permanent representatives (bill art. 5; SPEC ROL-04, ROL-05). The demo participant
 * (a police zone: an authority that may be represented) designates the demo representative for
 * a period and for themself, a refused designation first; the representative logs in, reads the
 * undertaking of art. 5 al. 2 and accepts it, which makes the representation active; the
 * participant then ends it. Recovery codes log both in, so no journey replays a TOTP code.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RepresentationList } from '../../src/contracts/representation.js';
import type { DemoLogin } from '../../src/server/modules/demo/demo.service.js';
import { REPRESENTATIVE_TEXTS } from '../../src/server/modules/undertakings/undertaking-texts.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { demoUser, fill, heading, type Language, Profiles, submitLogin, TEXTS } from './support/journey.js';

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

/** A civil date `days` from today in Brussels, as the form's date field takes it. */
function brusselsDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(at);
}

/** Logs in with a recovery code, then opens the page from the navigation. */
async function openRepresentations(page: Page, language: Language, user: DemoLogin, code: string) {
  const t = TEXTS[language];
  await page.goto('/login');
  await submitLogin(page, language, { email: user.email, password: user.password, recoveryCode: code });
  // The secrecy undertaking (ROL-07) may be due: it gates case pages, not this one.
  const undertaking = page.getByRole('heading', { level: 1, name: t.undertaking.title, exact: true });
  const home = page.getByRole('heading', { level: 1, name: t.home.title, exact: true });
  await undertaking.or(home).waitFor();
  await page.getByRole('link', { name: t.nav.representations, exact: true }).click();
  await heading(page, t.representations.title);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
}

describe('permanent representatives', () => {
  test('ROL-04 ROL-05 designated by the authority, active once the representative accepts, ended by the authority', async () => {
    const participant = demoUser('participant');
    const representative = demoUser('representative');
    const authority = await profiles.open('en-GB');
    const t = TEXTS.en.representations;
    const f = t.form;
    // login.e2e.ts uses the participant's first recovery code.
    await openRepresentations(authority, 'en', participant, participant.recoveryCodes[1]!);
    await authority.getByText(t.none, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(authority, 'no representation');

    // A representative who is not one (the participant themself) and an end before the start.
    const form = authority.getByRole('region', { name: f.title });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field(f.representativeId).fill(participant.userId);
    await field(f.validFrom).fill(brusselsDate(0));
    await field(f.validTo).fill(brusselsDate(-1));
    await field(f.representedPersonIds).fill(participant.userId);
    await form.getByRole('button', { name: f.submit }).click();
    const summary = form.getByRole('alert');
    await summary.getByRole('link', { name: f.errors.representativeId }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      f.errors.representativeId,
      f.errors.validTo,
    ]);
    const refused = field(f.representativeId);
    expect(await refused.getAttribute('aria-invalid')).toBe('true');
    expect(await refused.evaluate((element) => element === document.activeElement)).toBe(true);
    const listed = await authority.request.get('/api/representations');
    expect(((await listed.json()) as RepresentationList).representations).toEqual([]);
    await expectNoSeriousAxeViolations(authority, 'designation refused');

    await field(f.representativeId).fill(representative.userId);
    await field(f.validTo).fill(brusselsDate(30));
    await form.getByRole('button', { name: f.submit }).click();
    await authority.getByRole('status').getByText(t.designated, { exact: true }).waitFor();
    expect(await summary.textContent()).toBe('');
    const table = authority.getByRole('table', { name: t.caption });
    const row = table.getByRole('row', { name: new RegExp(representative.userId) });
    await row.getByRole('cell', { name: t.statuses.awaitingUndertaking }).waitFor();
    await row.getByRole('cell', { name: t.yourOrganisation }).waitFor();
    expect(await row.getByRole('cell', { name: t.notAccepted, exact: true }).count()).toBe(1);
    await expectNoSeriousAxeViolations(authority, 'designated');

    // The representative, in Dutch: the text of art. 5 al. 2, then the acceptance.
    const tn = TEXTS.nl.representations;
    const held = await profiles.open('nl-BE');
    await openRepresentations(held, 'nl', representative, representative.recoveryCodes[0]!);
    const mine = held.getByRole('table', { name: tn.caption }).getByRole('row', { name: new RegExp(tn.you) });
    await mine.getByRole('cell', { name: tn.statuses.awaitingUndertaking }).waitFor();
    // A representative designates nobody and ends nothing.
    expect(await held.getByRole('region', { name: tn.form.title }).count()).toBe(0);
    expect(await held.getByRole('button', { name: new RegExp(tn.end) }).count()).toBe(0);
    const undertaking = held.getByRole('region', { name: TEXTS.nl.undertaking.kinds.representative });
    const firstParagraph = REPRESENTATIVE_TEXTS.nl.split(/\n{2,}/)[0]!;
    await undertaking.getByText(firstParagraph, { exact: true }).waitFor();
    expect(await undertaking.locator('[lang]').getAttribute('lang')).toBe('nl');
    await expectNoSeriousAxeViolations(held, 'undertaking to accept');

    await undertaking.getByRole('button', { name: tn.accept.split('{{')[0]! }).click();
    await held.getByRole('status').getByText(tn.accepted, { exact: true }).waitFor();
    // The outcome keeps the focus: the button is gone with the text.
    expect(await held.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await mine.getByRole('cell', { name: tn.statuses.active, exact: true }).waitFor();
    expect(await undertaking.count()).toBe(0);
    await expectNoSeriousAxeViolations(held, 'accepted');

    // The authority sees it active, and ends it.
    await authority.reload();
    await heading(authority, t.title);
    await row.getByRole('cell', { name: t.statuses.active, exact: true }).waitFor();
    await row.getByRole('button', { name: new RegExp(`^${t.end}`) }).click();
    await authority.getByRole('status').getByText(t.ended.split('{{')[0]!).waitFor();
    const ended = row.getByRole('cell', { name: fill(t.statuses.endedAt, { date: '' }).trim() });
    await ended.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    const [representation] = (
      (await (await authority.request.get('/api/representations')).json()) as RepresentationList
    ).representations;
    expect(representation).toMatchObject({ representativeId: representative.userId, active: false });
    expect(representation?.endedAt).not.toBeNull();
    expect(representation?.undertakingAcceptedAt).not.toBeNull();
    await expectNoSeriousAxeViolations(authority, 'ended');
  });
});
