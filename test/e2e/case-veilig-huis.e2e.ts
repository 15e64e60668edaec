/**
 * Journey: the bill's Veilige Huizen example (Comm. art. 2; SPEC WFL-01..04, WFL-02, ROL-13,
 * DAT-20). The police (the demo participant, in Dutch) pre-register a case in their sealed-off
 * section of the Veilig Huis framework with the subject, their risk assessment and a situation
 * sketch, and ask the parquet to evaluate it. The coordinator (the demo organiser, in French)
 * does not see it. The parquet (the demo prosecutor, in English) evaluates it and signals it,
 * choosing the subject and the risk assessment only; only then does the coordinator see the case,
 * with exactly that selection. Recovery codes log everyone in: participant [2], organiser [2],
 * prosecutor [0]; each meets the secrecy undertaking at this first case access.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CaseList } from '../../src/contracts/cases.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  addItem,
  addSubject,
  caseAsSeen,
  createCase,
  logInToDashboard,
  VEILIG_HUIS,
} from './support/case-journey.js';
import { demoUser, fill, heading, Profiles, TEXTS } from './support/journey.js';

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

const TITLE = 'Familie Janssens – Veilig Huis';
const SUBJECT = {
  surname: 'Janssens',
  firstNames: 'Kevin',
  birthDate: '1990-02-12',
  nationalRegisterNumber: '90.02.12-145.41',
};
const SUBJECT_NAME = 'Janssens, Kevin';
const RISK = 'Risico-inschatting politie: herhaald fysiek geweld tegen partner, dreigementen met een wapen.';
const SKETCH = 'Situatieschets: drie interventies in zes maanden, twee kinderen in het gezin.';

async function caseListed(page: Page, caseId: string): Promise<boolean> {
  const response = await page.request.get('/api/cases');
  expect(response.status()).toBe(200);
  return ((await response.json()) as CaseList).cases.some((kase) => kase.id === caseId);
}

describe('the Veilige Huizen example', () => {
  test('WFL-01 WFL-02 WFL-03 WFL-04 the police prepare, the parquet signals, and only then the coordinator sees exactly the selection', async () => {
    const police = demoUser('participant');
    const organiser = demoUser('organiser');
    const prosecutor = demoUser('prosecutor');
    const parquetName = prosecutor.organisation.legalName;
    const organiserName = organiser.organisation.legalName;

    // The police, in Dutch: a new case in their sealed-off section.
    const nl = TEXTS.nl;
    const policePage = await profiles.open('nl-BE');
    await logInToDashboard(
      policePage,
      'nl',
      police,
      police.recoveryCodes[2]!,
      'Voorbereiding van het casusoverleg van het Veilig Huis',
    );
    await expectNoSeriousAxeViolations(policePage, 'police dashboard');
    const caseId = await createCase(policePage, 'nl', VEILIG_HUIS, TITLE);
    await policePage.getByText(nl.caseStates.pre_registered, { exact: true }).waitFor();
    await addSubject(policePage, 'nl', SUBJECT);

    // DAT-20: classified information is refused, field named, nothing recorded.
    const itemForm = policePage.getByRole('region', { name: nl.itemForm.title });
    await itemForm.getByLabel(nl.itemForm.category, { exact: true }).selectOption('C11');
    await itemForm.getByRole('checkbox', { name: new RegExp(`^${SUBJECT_NAME} \\(`) }).check();
    await itemForm.getByLabel(nl.itemForm.classification, { exact: true }).selectOption('confidential');
    await itemForm.getByLabel(nl.itemForm.content, { exact: true }).fill(RISK);
    await itemForm.getByLabel(nl.itemForm.relevance, { exact: true }).fill('Acuut gevaar voor de partner.');
    await itemForm
      .getByLabel(nl.itemForm.provenance.reference, { exact: true })
      .fill('PV GE.12.L5.004512/2024');
    await itemForm.getByRole('checkbox', { name: nl.itemForm.missionConfirmed }).check();
    await itemForm.getByRole('button', { name: nl.itemForm.submit, exact: true }).click();
    const summary = itemForm.getByRole('alert').first();
    await summary.getByRole('link', { name: nl.itemForm.errors.classification }).waitFor();
    expect(await summary.textContent()).toContain('SPEC DAT-20');
    expect(await policePage.evaluate(() => document.activeElement?.textContent)).toBe(
      nl.itemForm.errors.classification,
    );
    expect((await caseAsSeen(policePage, caseId)).kase?.items).toEqual([]);
    await expectNoSeriousAxeViolations(policePage, 'classified information refused');
    await itemForm.getByLabel(nl.itemForm.classification, { exact: true }).selectOption('non_classified');
    await itemForm.getByRole('button', { name: nl.itemForm.submit, exact: true }).click();
    await policePage
      .getByRole('status')
      .getByText(fill(nl.itemForm.added, { category: nl.categories.C11 }))
      .waitFor();

    await addItem(policePage, 'nl', {
      category: 'C16',
      persons: [SUBJECT_NAME],
      content: SKETCH,
      relevance: 'Nodig om de gezinssituatie te begrijpen.',
      sourceReference: 'Focus dossier 2024/0815',
    });
    const items = policePage.getByRole('region', { name: nl.casePage.items.title, exact: true });
    await items.getByText(RISK, { exact: true }).waitFor();
    await items.getByText(SKETCH, { exact: true }).waitFor();
    // The national register number is shown masked.
    await policePage.getByText('90.02.12-***.**', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(policePage, 'police case with subject and two items');

    // WFL-02: the parquet is asked to evaluate it.
    const review = policePage.getByRole('region', { name: nl.workflow.review.requestTitle });
    await review
      .getByLabel(nl.workflow.review.reviewer, { exact: true })
      .selectOption({ label: parquetName });
    await review.getByRole('button', { name: nl.workflow.review.request, exact: true }).click();
    await policePage
      .getByRole('status')
      .getByText(fill(nl.workflow.review.requested, { reviewer: parquetName }))
      .waitFor();
    await policePage.getByText(nl.caseStates.under_evaluation, { exact: true }).first().waitFor();

    // WFL-01: the coordinator, in French, does not see the case: not on the dashboard, not in the API.
    const fr = TEXTS.fr;
    const organiserPage = await profiles.open('fr-BE');
    await logInToDashboard(
      organiserPage,
      'fr',
      organiser,
      organiser.recoveryCodes[2]!,
      'Préparation de la concertation Veilig Huis',
    );
    await organiserPage.getByRole('heading', { level: 2, name: fr.dashboard.cases.sectionTitle }).waitFor();
    expect(await organiserPage.getByRole('link', { name: TITLE }).count()).toBe(0);
    expect(await caseListed(organiserPage, caseId)).toBe(false);
    expect((await caseAsSeen(organiserPage, caseId)).status).toBe(404);
    await expectNoSeriousAxeViolations(organiserPage, 'organiser dashboard before the signalling');

    // The parquet, in English: the draft waits for its evaluation on the dashboard.
    const en = TEXTS.en;
    const parquetPage = await profiles.open('en-GB');
    await logInToDashboard(
      parquetPage,
      'en',
      prosecutor,
      prosecutor.recoveryCodes[0]!,
      'Evaluating a signalling of the police',
    );
    const reviews = parquetPage.getByRole('table', { name: en.dashboard.reviews.caption });
    await reviews.getByRole('link', { name: TITLE }).click();
    await heading(parquetPage, TITLE);
    const parquetItems = parquetPage.getByRole('region', { name: en.casePage.items.title, exact: true });
    await parquetItems.getByText(SKETCH, { exact: true }).waitFor();
    // ROL-13: the reviewer reads and decides, nothing else.
    expect(await parquetPage.getByRole('region', { name: en.itemForm.title }).count()).toBe(0);
    await expectNoSeriousAxeViolations(parquetPage, 'parquet evaluates the draft');

    const decision = parquetPage.getByRole('region', { name: en.workflow.review.decideTitle });
    await decision.getByRole('radio', { name: en.reviewDecisions.signal }).check();
    await decision
      .getByLabel(en.workflow.review.reason, { exact: true })
      .fill('Acute danger for the partner: the Veilig Huis must follow up.');
    await decision.getByRole('button', { name: en.workflow.review.chooseSelection }).click();

    // WFL-03: the signalling dialog; checking the risk assessment checks its person.
    const dialog = parquetPage.getByRole('dialog', { name: en.signal.title });
    await dialog.waitFor();
    expect(await parquetPage.evaluate(() => document.activeElement?.textContent)).toBe(en.signal.title);
    const preview = dialog.getByRole('region', {
      name: fill(en.signal.preview, { organiser: organiserName }),
    });
    await preview.getByText(en.signal.nothing, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(parquetPage, 'signalling dialog, nothing chosen');
    await dialog.getByRole('checkbox', { name: new RegExp(RISK.slice(0, 30)) }).check();
    expect(await dialog.getByRole('checkbox', { name: new RegExp(`^${SUBJECT_NAME}`) }).isChecked()).toBe(
      true,
    );
    expect(await dialog.getByRole('checkbox', { name: new RegExp(SKETCH.slice(0, 30)) }).isChecked()).toBe(
      false,
    );
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([
      `${SUBJECT_NAME} (${en.personRoles.subject})`,
      `C11 ${en.categories.C11}: ${RISK}`,
    ]);
    // Without the confirmation of necessity nothing is sent.
    await dialog.getByRole('button', { name: fill(en.signal.submit, { organiser: organiserName }) }).click();
    await dialog.getByRole('alert').first().getByRole('link', { name: en.signal.errors.necessity }).waitFor();
    await expectNoSeriousAxeViolations(parquetPage, 'signalling dialog, necessity not confirmed');
    await dialog
      .getByRole('checkbox', { name: fill(en.signal.necessity, { organiser: organiserName }) })
      .check();
    await dialog.getByRole('button', { name: fill(en.signal.submit, { organiser: organiserName }) }).click();
    await parquetPage
      .getByRole('status')
      .getByText(fill(en.signal.done, { organiser: organiserName }))
      .waitFor();
    expect(await dialog.count()).toBe(0);
    // WFL-02: once signalled, the evaluation is over: the parquet no longer sees the case.
    expect((await caseAsSeen(parquetPage, caseId)).status).toBe(404);

    // WFL-04: the coordinator now sees the case, with exactly the selection.
    await organiserPage.reload();
    await heading(organiserPage, fr.dashboard.title);
    const signallings = organiserPage.getByRole('table', { name: fr.dashboard.signallings.caption });
    await signallings.getByRole('link', { name: TITLE }).click();
    await heading(organiserPage, TITLE);
    await organiserPage.getByText(fr.caseStates.signalled, { exact: true }).first().waitFor();
    const seenItems = organiserPage.getByRole('region', { name: fr.casePage.items.title, exact: true });
    await seenItems.getByText(RISK, { exact: true }).waitFor();
    expect(await seenItems.getByText(SKETCH).count()).toBe(0);
    const seen = (await caseAsSeen(organiserPage, caseId)).kase!;
    expect(seen.state).toBe('signalled');
    expect(seen.relation).toBe('organiser');
    expect(seen.items.map((item) => [item.category, item.content])).toEqual([['C11', RISK]]);
    expect(seen.persons.map((person) => `${person.identity.surname}, ${person.identity.firstNames}`)).toEqual(
      [SUBJECT_NAME],
    );
    expect(seen.allowedActions).toContain('decide_signal');
    expect(await caseListed(organiserPage, caseId)).toBe(true);
    await expectNoSeriousAxeViolations(organiserPage, 'organiser sees the signalled case');

    // The police keep seeing everything they recorded, the sketch marked as not shared.
    await policePage.reload();
    await heading(policePage, TITLE);
    await policePage.getByText(nl.caseStates.signalled, { exact: true }).first().waitFor();
    const police_ = (await caseAsSeen(policePage, caseId)).kase!;
    expect(police_.items.map((item) => [item.category, item.shared])).toEqual(
      expect.arrayContaining([
        ['C11', true],
        ['C16', false],
      ]),
    );
  }, 300_000);
});
