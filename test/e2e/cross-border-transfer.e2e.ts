/**
 * Journey: a transfer outside the Community refused, then allowed with a recorded derogation
 * (issue 6 scope 10; L2007 arts 21-22; SPEC TRF-01, TRF-07, TRF-09). The demo DPO of the prison, in
 * French, opens the register of transborder data flows from the navigation and registers a backup
 * in the United States with two data categories and no basis: refused, the country named next to
 * its field and the rule cited, nothing listed, the attempt in the blocked-transfer log. Among the
 * derogations of art. 22, D6 is greyed out with the reason it never applies. With derogation D4 and
 * an international police-cooperation instrument the destination is accepted and listed with its
 * ground, pending declaration (DCL-21) until the DPO declares the modification, and the register
 * export downloads with it. Recovery code: dpo [7].
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { TransferRegister } from '../../src/contracts/cross-border.js';
import type { DeclarationList } from '../../src/contracts/declarations.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { acceptDueTexts, watchServerErrors } from './support/case-journey.js';
import { demoUser, fill, heading, Profiles, submitLogin, TEXTS } from './support/journey.js';

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

const fr = TEXTS.fr;
const x = fr.crossBorder;
const BACKUP = 'Sauvegarde, fournisseur Démo, région us-east';
const UNITED_STATES = 'États-Unis (US)';
const LEGAL_REFERENCE =
  'Instrument de coopération policière internationale entre la Belgique et les États-Unis (démo)';
/** The rule the server cites for a destination outside the Community without a basis. */
const REGISTER_RULE = 'L2007 art. 21 §1; L1992 art. 22 (SPEC TRF-01, TRF-11)';

async function register(page: Page): Promise<TransferRegister> {
  const response = await page.request.get('/api/cross-border/register');
  expect(response.status()).toBe(200);
  return (await response.json()) as TransferRegister;
}

/** The text of the error a control names in its aria-describedby (WCAG 3.3.1). */
async function fieldError(control: Locator): Promise<string> {
  const described = (await control.getAttribute('aria-describedby')) ?? '';
  const errorId = described.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return (await control.page().locator(`[id="${errorId}"]`).textContent()) ?? '';
}

describe('a transfer outside the European Community', () => {
  test('TRF-01 TRF-07 TRF-09 DCL-21 a backup in the United States without a basis is refused with its rule and field, D6 is greyed out with its reason, then D4 with a legal reference is registered with its ground, pending declaration until the modification is declared, and exported', async () => {
    const failures: string[] = [];
    const dpo = demoUser('dpo');
    const page = await profiles.open('fr-BE');
    watchServerErrors(failures, page);

    // The DPO goes to the register; the login and what is due come first.
    await page.goto('/transfer-register');
    await heading(page, fr.login.title);
    await submitLogin(page, 'fr', {
      email: dpo.email,
      password: dpo.password,
      recoveryCode: dpo.recoveryCodes[7]!,
    });
    await acceptDueTexts(page, 'fr', x.title);
    await heading(page, x.title);
    expect(await page.getByRole('link', { name: fr.nav.transferRegister, exact: true }).count()).toBe(1);
    const destinations = page.getByRole('region', { name: x.destinations.title });
    await destinations.getByText(x.destinations.none, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'transfer register');

    // A backup in the United States, two categories, and no basis.
    const form = page.getByRole('region', { name: x.destinationForm.title });
    await form.getByLabel(x.destination.kind, { exact: true }).selectOption('backup');
    await form.getByLabel(x.destinationForm.name, { exact: true }).fill(BACKUP);
    const country = form.getByLabel(x.destination.country, { exact: true });
    await country.selectOption('US');
    const categories = form.getByRole('group', { name: x.destination.categories });
    await categories.getByRole('checkbox', { name: `C01 – ${fr.categories.C01}` }).check();
    await categories.getByRole('checkbox', { name: `C02 – ${fr.categories.C02}` }).check();
    expect(await form.getByRole('radio', { name: x.basis.kinds.none, exact: true }).isChecked()).toBe(true);
    await form.getByText(x.basis.zoneHints.third_country, { exact: true }).waitFor();

    // TRF-01: refused; the country is named next to its field and in the summary, with the rule.
    await form.getByRole('button', { name: x.destinationForm.submit, exact: true }).click();
    const alert = form.getByRole('alert');
    await alert.getByRole('link', { name: x.destinationForm.errors.countryBlocked }).waitFor();
    await alert.getByText(fill(fr.common.rule, { rule: REGISTER_RULE }), { exact: true }).waitFor();
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(country)).toBe(x.destinationForm.errors.countryBlocked);
    // Nothing is listed; the attempt is in the blocked-transfer log (SPEC PEN-03).
    expect((await register(page)).destinations).toEqual([]);
    await destinations.getByText(x.destinations.none, { exact: true }).waitFor();
    const blocked = page.getByRole('region', { name: x.blocked.title });
    const blockedRow = blocked.getByRole('row').filter({ hasText: UNITED_STATES });
    await blockedRow.waitFor();
    expect(await blockedRow.textContent()).toContain(REGISTER_RULE);
    await expectNoSeriousAxeViolations(page, 'transfer without a basis refused');

    // TRF-09: among the derogations of art. 22, D6 is greyed out with the reason it never applies.
    await form.getByRole('radio', { name: x.basis.kinds.derogation, exact: true }).check();
    const d6 = form.getByRole('radio', { name: x.derogations.D6.label, exact: true });
    expect(await d6.isDisabled()).toBe(true);
    const d6Reason = await d6.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${d6Reason}"]`).textContent()).toBe(x.derogations.D6.unavailable);
    expect(await form.getByRole('radio', { name: x.derogations.D4.label, exact: true }).isDisabled()).toBe(
      false,
    );
    await expectNoSeriousAxeViolations(page, 'derogations offered');

    // TRF-07: D4 with an international police-cooperation instrument: registered, with its ground.
    await form.getByRole('radio', { name: x.derogations.D4.label, exact: true }).check();
    await form.getByLabel(x.basis.legalReference, { exact: true }).fill(LEGAL_REFERENCE);
    await form
      .getByLabel(x.basis.justificationOptional, { exact: true })
      .fill('Restauration de la sauvegarde à la demande des autorités judiciaires.');
    await form.getByRole('button', { name: x.destinationForm.submit, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(x.destinationForm.done, { name: BACKUP }), { exact: true })
      .waitFor();
    const card = destinations.getByRole('article', { name: BACKUP });
    // The ground: its code, then its name.
    await card.getByText(x.grounds.D4).waitFor();
    await card.getByText(LEGAL_REFERENCE, { exact: true }).waitFor();
    // DCL-21 (L1992 art. 17 §7, "préalable"): registered, it carries nothing until declared.
    await card.getByText(x.destination.standing.pendingDeclaration, { exact: true }).waitFor();
    expect(await card.textContent()).toContain(UNITED_STATES);
    const [destination] = (await register(page)).destinations;
    expect(destination).toMatchObject({
      kind: 'backup',
      name: BACKUP,
      country: 'US',
      zone: 'third_country',
      categories: ['C01', 'C02'],
      groundCode: 'D4',
      basis: { kind: 'derogation', derogation: 'D4', legalReference: LEGAL_REFERENCE },
      standing: { allowed: false, pendingDeclaration: true },
    });
    // The declaration's §6 will list both categories as sent to the United States.
    const abroad = page.getByRole('region', { name: x.abroad.title });
    expect(await abroad.getByRole('row').filter({ hasText: UNITED_STATES }).count()).toBe(2);
    // The form is emptied for the next destination.
    expect(await form.getByLabel(x.destinationForm.name, { exact: true }).inputValue()).toBe('');
    await expectNoSeriousAxeViolations(page, 'destination registered with D4');

    // The DPO declares the modification today: the declaration's §6 now lists the United States.
    await page.getByRole('link', { name: fr.nav.declarations, exact: true }).click();
    await heading(page, fr.declarations.title);
    const declarations = (await (await page.request.get('/api/declarations')).json()) as DeclarationList;
    const declared = declarations.declarations.find((candidate) => candidate.lastSubmittedOn !== null)!;
    const name = declared.frameworks.map((framework) => framework.frameworkName).join(', ');
    await page.getByRole('button', { name: fill(fr.declarations.list.open, { name }), exact: true }).click();
    const detail = page.getByRole('region', { name: fill(fr.declarations.detail.titleOf, { name }) });
    await detail.getByRole('button', { name: fr.declarations.submit.submit, exact: true }).click();
    await page.getByRole('status').getByText(fr.declarations.submit.done, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'modification declared');
    await page.getByRole('link', { name: fr.nav.transferRegister, exact: true }).click();
    await heading(page, x.title);
    await destinations
      .getByRole('article', { name: BACKUP })
      .getByText(x.destination.standing.allowed, { exact: true })
      .waitFor();
    expect((await register(page)).destinations[0]!.standing).toEqual({
      allowed: true,
      pendingDeclaration: false,
      issues: [],
    });

    // The register export downloads, the destination listed with its ground code (SPEC PEN-13).
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: x.export.button, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^transfer-register-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      destinations: { name: string; country: string; groundCode: string }[];
      blockedTransfers: { destination: { country: string }; rule: string }[];
    };
    expect(exported.format).toBe('concerto.transfer-register.v1');
    expect(exported.destinations).toEqual([
      expect.objectContaining({ name: BACKUP, country: 'US', groundCode: 'D4' }),
    ]);
    expect(exported.blockedTransfers).toEqual([
      expect.objectContaining({
        destination: expect.objectContaining({ country: 'US' }),
        rule: REGISTER_RULE,
      }),
    ]);
    await page.getByRole('status').getByText(x.export.done, { exact: true }).waitFor();
    expect(failures).toEqual([]);
  });
});
