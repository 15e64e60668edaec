/**
 * Journey: the compliance screens of a controller's DPO (issue 6 scope 10; L2007 art. 16 §4; SPEC
 * SEC-03, SEC-04, SCO-12). The demo DPO of the prison, in French, opens the compliance dashboard from
 * the navigation: every indicator in words and colour, those no module delivers yet named as not
 * available with the module that owes them. A restore test without its report is refused with the
 * field named; a failed test turns the restore indicator amber, a successful one green again. The
 * Privacy Commission's reference measures (docs/norm-sets/cpvp-reference-measures-1.0.json) are
 * imported as a checklist, every control to assess; one is set to implemented with a note, which a
 * status without a note is refused. The statistics of a framework show suppressed counts as "< 5".
 * Then the processors registry (the host's approved record) and the register of connections between
 * file environments, with its JSON export. axe on every state. Recovery code: dpo [8].
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Dashboard, NormSetList } from '../../src/contracts/compliance.js';
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
const x = fr.compliance;
const NORM_SET = 'docs/norm-sets/cpvp-reference-measures-1.0.json';
const NOTE = 'Politique de sécurité adoptée par le comité de direction le 12 janvier (démo).';

async function dashboard(page: Page): Promise<Dashboard> {
  const response = await page.request.get('/api/compliance/dashboard');
  expect(response.status()).toBe(200);
  return (await response.json()) as Dashboard;
}

/** The status an indicator card shows, in words. */
async function indicatorStatus(page: Page, title: string): Promise<string> {
  const card = page.getByRole('article', { name: title, exact: true });
  return (await card.locator('.badge').first().textContent()) ?? '';
}

/** The text of the error a control names in its aria-describedby (WCAG 3.3.1). */
async function fieldError(control: Locator): Promise<string> {
  const described = (await control.getAttribute('aria-describedby')) ?? '';
  const errorId = described.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return (await control.page().locator(`[id="${errorId}"]`).textContent()) ?? '';
}

async function status(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).getByText(text, { exact: true }).waitFor();
}

describe('the compliance screens of a DPO', () => {
  test('SEC-03 SEC-04 SCO-12 the DPO records a restore test and sees its indicator turn green, imports a norm set and assesses a control, then opens the processors registry and the interconnections register', async () => {
    const failures: string[] = [];
    const dpo = demoUser('dpo');
    const page = await profiles.open('fr-BE');
    watchServerErrors(failures, page);

    // The DPO goes to the dashboard; the login and what is due come first.
    await page.goto('/compliance');
    await heading(page, fr.login.title);
    await submitLogin(page, 'fr', {
      email: dpo.email,
      password: dpo.password,
      recoveryCode: dpo.recoveryCodes[8]!,
    });
    await acceptDueTexts(page, 'fr', x.title);
    await heading(page, x.title);
    expect(await page.getByRole('link', { name: fr.nav.compliance, exact: true }).count()).toBe(1);

    // SCO-12: one card per indicator delivered, its status in words; the others named as pending.
    const served = await dashboard(page);
    const indicators = page.getByRole('region', { name: x.indicators.title });
    for (const indicator of served.indicators) {
      expect(await indicatorStatus(page, x.indicators[indicator.key])).toBe(x.status[indicator.status]);
    }
    for (const pending of served.pending) {
      const card = indicators.getByRole('listitem').filter({ hasText: x.indicators[pending.key] });
      expect(await card.textContent()).toContain(x.pending.notAvailable);
      expect(await card.textContent()).toContain(
        fill(x.pending.module, {
          module: x.modules[pending.module as keyof typeof x.modules] ?? pending.module,
        }),
      );
    }
    const owner = page.getByRole('region', { name: x.owner.title });
    expect(await owner.textContent()).toContain(served.controller.complianceOwner);
    // The demo recorded a successful restore test two weeks ago.
    expect(await indicatorStatus(page, x.indicators.restore_test)).toBe(x.status.green);
    await expectNoSeriousAxeViolations(page, 'compliance dashboard');

    // SEC-03: a restore test without its report is refused, the field named; nothing recorded.
    const tests = page.getByRole('region', { name: x.restoreTests.title });
    const before = (await tests.getByRole('row').count()) - 1;
    const reference = tests.getByLabel(x.restoreTests.reference, { exact: true });
    await tests.getByRole('button', { name: x.restoreTestForm.submit, exact: true }).click();
    await tests.getByRole('alert').getByRole('link', { name: x.restoreTestForm.errors.reference }).waitFor();
    expect(await fieldError(reference)).toBe(x.restoreTestForm.errors.reference);
    expect((await tests.getByRole('row').count()) - 1).toBe(before);
    await expectNoSeriousAxeViolations(page, 'restore test refused');

    // A failed restore test of today: the evidence stands, but the indicator turns amber.
    await tests.getByRole('radio', { name: x.restoreTests.outcomes.failed, exact: true }).check();
    await reference.fill('Restauration de la sauvegarde de la nuit: échec de la vérification (démo)');
    await tests.getByRole('button', { name: x.restoreTestForm.submit, exact: true }).click();
    await status(page, x.restoreTestForm.done);
    expect(await indicatorStatus(page, x.indicators.restore_test)).toBe(x.status.amber);
    // A successful one afterwards: the restore test indicator is green again.
    await tests.getByRole('radio', { name: x.restoreTests.outcomes.succeeded, exact: true }).check();
    await reference.fill('Restauration de la sauvegarde de la nuit dans une base vide, vérifiée (démo)');
    await tests.getByRole('button', { name: x.restoreTestForm.submit, exact: true }).click();
    await expect
      .poll(() => indicatorStatus(page, x.indicators.restore_test), { timeout: 10_000 })
      .toBe(x.status.green);
    expect((await tests.getByRole('row').count()) - 1).toBe(before + 2);
    const restore = (await dashboard(page)).indicators.find((indicator) => indicator.key === 'restore_test');
    expect(restore).toMatchObject({ status: 'green', figures: { lastOutcome: 'succeeded' } });
    await expectNoSeriousAxeViolations(page, 'restore test recorded');

    // SEC-04: the sample norm set is imported as a checklist, every control to assess.
    const published = JSON.parse(await readFile(NORM_SET, 'utf8')) as {
      code: string;
      version: string;
      title: string;
      controls: { code: string; title: string }[];
    };
    const normSets = page.getByRole('region', { name: x.normSets.title });
    await normSets.getByText(x.normSets.none, { exact: true }).waitFor();
    await normSets.getByLabel(x.normImport.file, { exact: true }).setInputFiles(NORM_SET);
    await normSets.getByRole('button', { name: x.normImport.submit, exact: true }).click();
    await status(page, fill(x.normImport.done, { code: published.code, version: published.version }));
    const checklist = normSets.getByRole('article', {
      name: `${published.code} ${published.version} – ${published.title}`,
    });
    const toAssess = `${x.controlStatuses.to_assess} (${published.controls.length})`;
    await checklist.getByRole('heading', { name: toAssess, exact: true }).waitFor();
    expect(await indicatorStatus(page, x.indicators.norm_checklist)).toBe(x.status.amber);
    await expectNoSeriousAxeViolations(page, 'norm set imported');

    // A status without a note is refused; with the note it is kept, and the control moves group.
    const first = published.controls[0]!;
    const name = `${first.code} ${first.title}`;
    // The button names the control for a screen reader (its visually hidden part reads after a space).
    await checklist
      .getByRole('button', { name: new RegExp(`^${x.controlEditor.open}\\s*: ${first.code} `) })
      .click();
    const editor = checklist
      .locator('form')
      .filter({ hasText: fill(x.controlEditor.title, { control: name }) });
    await editor.getByRole('radio', { name: x.controlStatuses.implemented, exact: true }).check();
    await editor.getByRole('button', { name: x.controlEditor.submit, exact: true }).click();
    await editor.getByRole('alert').getByRole('link', { name: x.controlEditor.errors.note }).waitFor();
    await expectNoSeriousAxeViolations(page, 'control status refused');
    await editor.getByLabel(x.controlEditor.note, { exact: true }).fill(NOTE);
    await editor.getByRole('button', { name: x.controlEditor.submit, exact: true }).click();
    await status(page, fill(x.controlEditor.done, { control: name, status: x.controlStatuses.implemented }));
    await checklist
      .getByRole('heading', { name: `${x.controlStatuses.implemented} (1)`, exact: true })
      .waitFor();
    await checklist
      .getByRole('heading', {
        name: `${x.controlStatuses.to_assess} (${published.controls.length - 1})`,
        exact: true,
      })
      .waitFor();
    await checklist.getByText(`${x.controlEditor.note}: ${NOTE}`).waitFor();
    const stored = (await (await page.request.get('/api/compliance/norm-sets')).json()) as NormSetList;
    expect(stored.normSets).toHaveLength(1);
    expect(stored.normSets[0]!.controls.find((control) => control.code === first.code)).toMatchObject({
      status: 'implemented',
      note: NOTE,
    });
    expect(stored.normSets[0]!.summary).toMatchObject({
      to_assess: published.controls.length - 1,
      implemented: 1,
    });
    await expectNoSeriousAxeViolations(page, 'control assessed');

    // Statistics of a framework: anonymised aggregates, a small count shown as below the threshold.
    const statistics = page.getByRole('region', { name: x.statistics.title });
    const picker = statistics.getByLabel(x.statistics.framework, { exact: true });
    const framework = (await picker.locator('option').nth(1).textContent()) ?? '';
    await picker.selectOption({ index: 1 });
    await statistics.getByText(fill(x.statistics.shown, { framework }), { exact: true }).waitFor();
    await statistics.getByRole('table', { name: fill(x.statistics.byState, { framework }) }).waitFor();
    await expectNoSeriousAxeViolations(page, 'framework statistics');

    // The processors registry: the host's record, approved in the demo, with its status in words.
    await page.getByRole('link', { name: fr.nav.processors, exact: true }).click();
    await heading(page, fr.processors.title);
    const records = page.getByRole('region', { name: fr.processors.list.title });
    const host = records.getByRole('row').filter({ hasText: fr.processors.roles.host });
    await host.waitFor();
    expect(await host.textContent()).toContain(fr.processors.levels.green);
    await expectNoSeriousAxeViolations(page, 'processors registry');
    await host.getByRole('button').click();
    const detail = page.getByRole('region', { name: /^Fiche de sous-traitant/ });
    await detail.getByText(fr.processors.checklist.complete, { exact: true }).waitFor();
    expect(await detail.getByText(fr.processors.checklist.missing, { exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'processor record');

    // The register of connections between file environments, and its export.
    await page.getByRole('link', { name: fr.nav.interconnections, exact: true }).click();
    await heading(page, fr.interconnections.title);
    await page.getByRole('region', { name: fr.interconnections.form.title }).waitFor();
    await expectNoSeriousAxeViolations(page, 'interconnections register');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: fr.interconnections.export.json, exact: true }).click();
    const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as {
      controller: { legalName: string };
    };
    expect(exported.controller.legalName).toBe(served.controller.legalName);
    await status(page, fr.interconnections.export.done);
    expect(failures).toEqual([]);
  });
});
