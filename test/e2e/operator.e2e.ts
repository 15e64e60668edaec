/**
 * Journey: the operator console (issue 3 scope 1–2) as the demo operator: registering an
 * organisation (a refused field first, announced and marked), creating a user in it and getting
 * the invitation link when no mail server is configured. Anyone else has no console.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DemoLogin } from '../../src/server/modules/demo/demo.service.js';
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

/**
 * Logs in and lands on the home page. The undertaking shown when due is left for its own
 * journey: neither the home page nor the console is behind it (no case information).
 */
async function logIn(page: Page, language: Language, user: DemoLogin, factor: SecondFactor) {
  const t = TEXTS[language];
  await page.goto('/login');
  await submitLogin(page, language, { email: user.email, password: user.password, ...factor });
  const undertaking = page.getByRole('heading', { level: 1, name: t.undertaking.title, exact: true });
  const home = page.getByRole('heading', { level: 1, name: t.home.title, exact: true });
  await undertaking.or(home).waitFor();
  await page.goto('/');
  await heading(page, t.home.title);
}

/** A KBO/BCE number with valid check digits (97 − the first eight mod 97), new at each run. */
function enterpriseNumber(): string {
  const base = 2_000_000 + Math.floor(Math.random() * 7_000_000);
  const digits = `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

describe('the operator console', () => {
  test('registers an organisation, a refused field first, then a user, and gives the invitation link', async () => {
    const page = await profiles.open('en-GB');
    const t = TEXTS.en;
    const o = t.operator.organisation;
    await logIn(page, 'en', demoUser('operator'), { totp: currentTotp(demoUser('operator')) });
    await page.getByRole('link', { name: t.nav.operator }).click();
    await heading(page, t.operator.title);
    await page.getByRole('table', { name: t.operator.organisations.caption }).waitFor();
    await expectNoSeriousAxeViolations(page, 'console');

    const form = page.getByRole('region', { name: o.createTitle });
    const name = `Social Services of Example ${Date.now()}`;
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field(o.fields.kind).selectOption('administrative_authority');
    await field(o.fields.missionBasis).selectOption('specific_law');
    await field(o.fields.missionCitation).fill('Organic Law of 8 July 1976, art. 1');
    await field(o.fields.legalName).fill(name);
    await field(o.fields.address).fill('Rue de la Loi 1, 1000 Brussels');
    // Wrong check digits: the server refuses the enterprise number.
    await field(o.fields.enterpriseNumber).fill('0123.456.789');
    await field(o.fields.rightsContact).fill('privacy@example.be');
    await field(o.fields.dpoName).fill('Dana Officer');
    await field(o.fields.dpoContact).fill('dpo@example.be');
    await field(o.fields.complianceOwner).fill('Chris Compliance');
    await form.getByRole('button', { name: o.submit }).click();

    const refused = `${o.fields.enterpriseNumber}: ${o.errors.enterpriseNumber}`;
    await form.getByRole('alert').getByRole('link', { name: refused }).waitFor();
    expect(await form.getByRole('alert').getByRole('link').count()).toBe(1);
    const number = field(o.fields.enterpriseNumber);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    const described = (await number.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described.split(' ').at(-1)}"]`).textContent()).toBe(
      o.errors.enterpriseNumber,
    );
    // Nothing was registered.
    const list = await page.request.get('/api/admin/organisations');
    expect(JSON.stringify(await list.json())).not.toContain(name);
    await expectNoSeriousAxeViolations(page, 'refused enterprise number');

    await number.fill(enterpriseNumber());
    await form.getByRole('button', { name: o.submit }).click();
    await page.getByRole('status').getByText(fill(o.created, { name }), { exact: true }).waitFor();
    // The page, the form and the users panel each have their live region: the form's is empty now.
    expect(await form.getByRole('alert').textContent()).toBe('');
    const organisations = page.getByRole('table', { name: t.operator.organisations.caption });
    await organisations.getByRole('rowheader', { name, exact: true }).waitFor();

    const users = page.getByRole('region', { name: fill(t.operator.users.title, { organisation: name }) });
    await users.getByRole('table', { name: t.operator.users.caption }).waitFor();
    await expectNoSeriousAxeViolations(page, 'organisation registered');

    await users
      .getByLabel(t.operator.users.email, { exact: true })
      .fill(`case.worker.${Date.now()}@example.be`);
    await users.getByLabel(t.operator.users.displayName, { exact: true }).fill('Casey Worker');
    await users.getByRole('checkbox', { name: t.operator.roles.participant }).check();
    await users.getByRole('button', { name: t.operator.users.submit }).click();
    await users
      .getByRole('status')
      .getByText(fill(t.operator.users.created, { name: 'Casey Worker' }))
      .waitFor();
    await users.getByRole('rowheader', { name: 'Casey Worker' }).waitFor();

    await users.getByRole('combobox', { name: t.operator.users.invitationLanguage }).selectOption('fr');
    await users.getByRole('button', { name: `${t.operator.users.invite}: Casey Worker` }).click();
    const link = users.locator('.link-output');
    await link.waitFor();
    expect(await link.textContent()).toMatch(new RegExp(`^${new URL(page.url()).origin}/invitation#.+`));
    expect(await users.getByRole('status').textContent()).toContain(
      t.operator.users.invitationLink.split('{{name}}')[0]!,
    );
    await expectNoSeriousAxeViolations(page, 'invitation link');

    // The link opens the invitation page in the invitee's browser.
    const invitee = await profiles.open('fr-BE');
    await invitee.goto((await link.textContent())!);
    await heading(invitee, TEXTS.fr.invitation.title);
    expect(await invitee.getByLabel(TEXTS.fr.invitation.password, { exact: true }).count()).toBe(1);
  });

  test('is not offered to others, and the server refuses them', async () => {
    const dpo = demoUser('dpo');
    const page = await profiles.open('nl-BE');
    const t = TEXTS.nl;
    await logIn(page, 'nl', dpo, { recoveryCode: dpo.recoveryCodes[0]! });
    expect(await page.getByRole('link', { name: t.nav.operator }).count()).toBe(0);
    await page.goto('/operator');
    await heading(page, t.operator.title);
    await page.getByRole('alert').getByText(t.problems.forbidden, { exact: true }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'refused');
  });
});
