/**
 * Journey: the end of a case's retention (issue 6 scope 10; SPEC RET-01; bill art. 2 §3 4°, art. 3
 * §1 al. 1; ADR 0016). The demo's prison signalled a case to the CSIL-R of the CPAS, whose parties
 * agreed a maximum retention of two months. The organiser (the demo CPAS, in French) reads its
 * information, closes it and sees at the retention desk the last day it may be kept. The two months then
 * pass: `concerto jobs run --as-of` runs the daily jobs beside the server as of the day after, on
 * this demo database only, and the case goes on the CPAS's destruction list. The organiser follows
 * the notification and approves as keeper; approving a second time is refused under the four-eyes
 * rule, with its detail and rule. The prison's DPO (the demo DPO, in English), the controller of the
 * case's records, approves in turn; the server's clock still reads today, before the end the
 * rehearsal jumped past, so the case waits for the day after its retention ends (RET-01), and the
 * next day's jobs destroy it. The DPO downloads the signed proof
 * (JSON, verified, naming the case with its counts) and its PDF in Dutch; the organiser finds the
 * case gone, the list and the schedule saying it was destroyed. Recovery codes: organiser [7], dpo [9].
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DestructionList, RetentionSchedule, ScheduledCase } from '../../src/contracts/retention.js';
import { addDays } from '../../src/server/kernel/legal-rules/civil-date.js';
import type { CivilDate } from '../../src/server/kernel/legal-rules/index.js';
import {
  type SignedProof,
  verifyDestructionProof,
} from '../../src/server/modules/retention/destruction-proof.js';
import { FOUR_EYES_RULE } from '../../src/server/modules/retention/retention-rules.js';
import { pdfText } from '../support/pdf-text.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  acceptDueTexts,
  caseAsSeen,
  caseIdOf,
  logInToDashboard,
  watchServerErrors,
} from './support/case-journey.js';
import { runConcertoBeside } from './support/concerto-cli.js';
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
const en = TEXTS.en;
/** The demo case of src/server/modules/demo/demo-cases-radicalisation.ts (`csilShortRetention`). */
const TITLE = 'Détenu transféré – signalement sans suite';
const ITEM =
  'Refuse les activités de groupe depuis son transfert; aucun propos violent relevé par le personnel.';

async function scheduledCase(page: Page, caseId: string): Promise<ScheduledCase | undefined> {
  const response = await page.request.get('/api/retention/schedule');
  expect(response.status()).toBe(200);
  return ((await response.json()) as RetentionSchedule).entries.find((entry) => entry.caseId === caseId);
}

async function destructionList(page: Page, listId: string): Promise<DestructionList> {
  const response = await page.request.get(`/api/retention/destruction-lists/${listId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as DestructionList;
}

const listHeading = (page: Page, language: 'fr' | 'en') =>
  page
    .getByRole('heading', {
      level: 1,
      name: new RegExp(`^${TEXTS[language].retention.list.title.replace('{{date}}', '')}`),
    })
    .waitFor();

describe('the end of retention of a case', () => {
  test('RET-01 a case closed, its retention passed, its destruction list approved by two people, the signed proof produced and the content gone', async () => {
    const failures: string[] = [];
    const organiser = demoUser('organiser');
    const dpo = demoUser('dpo');
    const cpas = organiser.organisation.legalName;
    const prison = dpo.organisation.legalName;

    // The organiser, in French, reads the case and its information, then closes it.
    const organiserPage = await profiles.open('fr-BE');
    watchServerErrors(failures, organiserPage);
    await logInToDashboard(
      organiserPage,
      'fr',
      organiser,
      organiser.recoveryCodes[7]!,
      'Clôture des cas de la CSIL-R sans suite',
    );
    await organiserPage.getByRole('link', { name: TITLE, exact: true }).first().click();
    await heading(organiserPage, TITLE);
    const caseId = caseIdOf(organiserPage);
    const items = organiserPage.getByRole('region', { name: fr.casePage.items.title, exact: true });
    await items.getByText(ITEM, { exact: true }).waitFor();
    let kase = (await caseAsSeen(organiserPage, caseId)).kase!;
    expect(kase.retention).toMatchObject({ months: 2, agreed: true, endsOn: null });
    const close = organiserPage.getByRole('region', { name: fr.workflow.close.title });
    await close
      .getByLabel(fr.workflow.close.reason, { exact: true })
      .fill('Évaluation commune terminée: aucun suivi par la cellule.');
    await close.getByRole('button', { name: fr.workflow.close.submit, exact: true }).click();
    await organiserPage.getByRole('status').getByText(fr.workflow.close.done, { exact: true }).waitFor();
    kase = (await caseAsSeen(organiserPage, caseId)).kase!;
    expect(kase.state).toBe('closed');
    const endsOn = kase.retention.endsOn as CivilDate;
    expect(endsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The retention desk: the case kept for the two months agreed, the last day shown.
    await organiserPage.getByRole('link', { name: fr.nav.retention, exact: true }).click();
    await heading(organiserPage, fr.retention.title);
    const schedule = organiserPage.getByRole('table', { name: fr.retention.schedule.caption });
    const row = schedule.getByRole('row').filter({ hasText: caseId });
    await row.getByText(fr.retention.statuses.running, { exact: true }).waitFor();
    await row.getByText(fill(fr.retention.bases.agreedMonths_other, { count: 2 })).waitFor();
    expect(await scheduledCase(organiserPage, caseId)).toMatchObject({
      status: 'running',
      retention: { endsOn, basis: 'agreed', months: 2 },
      keeper: { legalName: cpas, relation: 'organiser' },
      legalHolds: 0,
      destructionListId: null,
    });
    await expectNoSeriousAxeViolations(organiserPage, 'retention desk, case kept');

    // The two months pass: the daily jobs run as of the day after the last day, on this demo database.
    const asOf = addDays(endsOn, 1);
    const jobs = await runConcertoBeside(['jobs', 'run', '--as-of', asOf]);
    expect(jobs.code, `${jobs.stdout}\n${jobs.stderr}`).toBe(0);
    expect(jobs.stdout).toContain(`The daily jobs of this demo database as of ${asOf}:`);
    expect(jobs.stdout).toContain('retention-destruction-list: completed');
    const listed = await scheduledCase(organiserPage, caseId);
    expect(listed?.status).toBe('on_destruction_list');
    const listId = listed!.destructionListId!;

    // The keeper is told; the notification leads to the list.
    await organiserPage.goto('/');
    await heading(organiserPage, fr.dashboard.title);
    const tasks = organiserPage.getByRole('region', { name: fr.dashboard.tasks.title });
    const toList = tasks.locator(`a[href="/retention/destruction-lists/${listId}"]`);
    expect(await toList.textContent()).toContain(fr.dashboard.tasks.openDestructionList);
    await toList.click();
    await listHeading(organiserPage, 'fr');
    const entries = organiserPage.getByRole('table', {
      name: fill(fr.retention.list.entries.caption_one, { count: 1 }),
    });
    await entries
      .getByRole('row')
      .filter({ hasText: caseId })
      .getByText(fr.retention.list.entries.pending, { exact: true })
      .waitFor();
    const approvals = organiserPage.getByRole('region', { name: fr.retention.list.approvals.title });
    await approvals
      .getByText(fill(fr.retention.missing.keeper, { organisation: cpas }), { exact: true })
      .waitFor();
    await approvals
      .getByText(fill(fr.retention.missing.dpo, { organisation: prison }), { exact: true })
      .waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'destruction list awaiting approval');

    // The keeper approves; approving again is refused under the four-eyes rule, and nothing changes.
    const asKeeper = approvals.getByRole('button', {
      name: fr.retention.list.approve.as.keeper,
      exact: true,
    });
    expect(await approvals.getByRole('button', { name: fr.retention.list.approve.as.dpo }).count()).toBe(0);
    await asKeeper.click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.retention.list.approve.done.keeper, { exact: true })
      .waitFor();
    expect(await approvals.getByText(fill(fr.retention.missing.keeper, { organisation: cpas })).count()).toBe(
      0,
    );
    await asKeeper.click();
    const refusal = approvals.getByRole('alert');
    await refusal.getByText(fr.retention.list.approve.refused, { exact: true }).waitFor();
    expect(await refusal.textContent()).toContain(
      'You approved this destruction list already: a second, distinct person must approve it (four eyes)',
    );
    await refusal.getByText(fill(fr.common.rule, { rule: FOUR_EYES_RULE }), { exact: true }).waitFor();
    const afterRefusal = await destructionList(organiserPage, listId);
    expect(afterRefusal.status).toBe('awaiting_approval');
    expect(
      afterRefusal.approvals.map((approval) => [approval.capacity, approval.organisation.legalName]),
    ).toEqual([['keeper', cpas]]);
    expect(afterRefusal.missing.dpoOf.map((organisation) => organisation.legalName)).toEqual([prison]);
    await expectNoSeriousAxeViolations(organiserPage, 'second approval by the same person refused');

    // The prison's DPO, in English, finds the list at the retention desk and approves: it is destroyed.
    const dpoPage = await profiles.open('en-GB');
    watchServerErrors(failures, dpoPage);
    await dpoPage.goto('/retention');
    await heading(dpoPage, en.login.title);
    await submitLogin(dpoPage, 'en', {
      email: dpo.email,
      password: dpo.password,
      recoveryCode: dpo.recoveryCodes[9]!,
    });
    await acceptDueTexts(dpoPage, 'en', en.retention.title);
    await heading(dpoPage, en.retention.title);
    const lists = dpoPage.getByRole('table', { name: en.retention.lists.caption });
    const listRow = lists
      .getByRole('row')
      .filter({ has: dpoPage.locator(`a[href="/retention/destruction-lists/${listId}"]`) });
    await listRow
      .getByText(fill(en.retention.missing.dpo, { organisation: prison }), { exact: true })
      .waitFor();
    await listRow
      .getByText(fill(en.retention.lists.pendingOf, { pending: 1, total: 1 }), { exact: true })
      .waitFor();
    await expectNoSeriousAxeViolations(dpoPage, 'retention desk of the DPO');
    await listRow.getByRole('link').click();
    await listHeading(dpoPage, 'en');
    const dpoApprovals = dpoPage.getByRole('region', { name: en.retention.list.approvals.title });
    expect(
      await dpoApprovals.getByRole('button', { name: en.retention.list.approve.as.keeper }).count(),
    ).toBe(0);
    await dpoApprovals.getByRole('button', { name: en.retention.list.approve.as.dpo, exact: true }).click();
    // The server's clock is today's, before the end the rehearsal jumped past: approved, the case waits
    // for the day after its retention ends (RET-01), which the next day's jobs reach.
    await dpoPage
      .getByRole('status')
      .getByText(en.retention.list.approve.scheduled, { exact: true })
      .waitFor();
    await dpoPage.getByText(en.retention.listStatuses.purging, { exact: true }).waitFor();
    const nextDay = addDays(endsOn, 2);
    const purge = await runConcertoBeside(['jobs', 'run', '--as-of', nextDay]);
    expect(purge.code, `${purge.stdout}\n${purge.stderr}`).toBe(0);
    expect(purge.stdout).toContain('retention-destruction-list: completed');
    await dpoPage.reload();
    await listHeading(dpoPage, 'en');
    const destroyedRow = dpoPage
      .getByRole('table', { name: fill(en.retention.list.entries.caption_one, { count: 1 }) })
      .getByRole('row')
      .filter({ hasText: caseId });
    await destroyedRow.getByText(en.retention.statuses.destroyed, { exact: true }).waitFor();
    await destroyedRow
      .getByText(
        fill(en.retention.list.entries.kept, {
          persons: fill(en.retention.list.entries.persons_one, { count: 1 }),
          items: fill(en.retention.list.entries.items_one, { count: 1 }),
          paperParts: fill(en.retention.list.entries.paperParts_other, { count: 0 }),
        }),
        { exact: true },
      )
      .waitFor();
    await dpoPage.getByText(en.retention.listStatuses.completed, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(dpoPage, 'destruction list approved by four eyes, case destroyed');

    // The signed proof: the JSON verifies and names the case with its counts; the PDF in Dutch.
    const proof = dpoPage.getByRole('region', { name: en.retention.proof.title });
    await proof.getByLabel(en.retention.proof.language, { exact: true }).selectOption('nl');
    const json = dpoPage.waitForEvent('download');
    await proof.getByRole('button', { name: en.retention.proof.json, exact: true }).click();
    const jsonFile = await json;
    expect(jsonFile.suggestedFilename()).toBe(`destruction-proof-${listId}.json`);
    const signed = JSON.parse(await readFile(await jsonFile.path(), 'utf8')) as SignedProof;
    expect(verifyDestructionProof(signed)).toBe(true);
    expect(signed.proof).toMatchObject({
      listId,
      keeper: { organisationId: organiser.organisation.id, relation: 'organiser' },
      controllerIds: [dpo.organisation.id],
      destroyed: [
        {
          caseId,
          finalState: 'closed',
          retentionEnd: endsOn,
          reason: 'retention_ended',
          counts: { items: { C14: 1 }, paperParts: {} },
        },
      ],
      withdrawn: [],
    });
    const approvedBy = (signed.proof.approvals as { capacity: string; userId: string }[]).map((a) => [
      a.capacity,
      a.userId,
    ]);
    expect(approvedBy).toEqual([
      ['keeper', organiser.userId],
      ['dpo', dpo.userId],
    ]);
    await dpoPage.getByRole('status').getByText(en.retention.proof.saved.json, { exact: true }).waitFor();
    const pdf = dpoPage.waitForEvent('download');
    await proof.getByRole('button', { name: en.retention.proof.pdf, exact: true }).click();
    const pdfFile = await pdf;
    expect(pdfFile.suggestedFilename()).toBe(`destruction-proof-${listId}.pdf`);
    const pdfBytes = await readFile(await pdfFile.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdfBytes);
    expect(text).toContain('Bewijs van vernietiging');
    expect(text).toContain(caseId);
    await expectNoSeriousAxeViolations(dpoPage, 'proof downloaded');

    // The content is gone: the case answers not found, the list and the schedule say it was destroyed.
    expect((await caseAsSeen(organiserPage, caseId)).status).toBe(404);
    await organiserPage.goto(`/cases/${caseId}`);
    await organiserPage.getByRole('alert').getByText(fr.problems.not_found, { exact: true }).waitFor();
    expect(await organiserPage.getByText(ITEM).count()).toBe(0);
    await organiserPage.goto(`/retention/destruction-lists/${listId}`);
    await listHeading(organiserPage, 'fr');
    await organiserPage.getByText(fr.retention.listStatuses.completed, { exact: true }).waitFor();
    expect((await destructionList(organiserPage, listId)).entries).toMatchObject([
      { caseId, status: 'purged', tombstone: { persons: 1, items: { C14: 1 } } },
    ]);
    await organiserPage.getByRole('link', { name: fr.retention.list.back, exact: true }).click();
    await heading(organiserPage, fr.retention.title);
    await organiserPage
      .getByLabel(fr.retention.schedule.filter, { exact: true })
      .selectOption({ label: fr.retention.statuses.destroyed });
    await schedule
      .getByRole('row')
      .filter({ hasText: caseId })
      .getByText(fr.retention.statuses.destroyed, { exact: true })
      .waitFor();
    expect(await scheduledCase(organiserPage, caseId)).toMatchObject({ status: 'destroyed' });
    await expectNoSeriousAxeViolations(organiserPage, 'retention desk, case destroyed');
    expect(failures).toEqual([]);
  }, 300_000);
});
