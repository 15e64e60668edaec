/**
 * Journey: a radicalisation-cell (CSIL-R) case from signalling to closure (issue 4 scope 9 b;
 * SPEC WFL-03..11, FIL-01). The police (the demo participant, in Dutch) pre-register a case and
 * signal it themselves with the minimum selection; the organiser (the demo CPAS, in French)
 * accepts it. The first consultation cannot open before every party approved the maximum
 * retention (bill art. 3 §1); once the police approve it, two consultations are held, each opened,
 * minuted, decided, with an action for the police, the first one overdue. The police attend the
 * second and mark both actions done; the organiser closes the case, which is then read-only.
 * Recovery codes: participant [3], organiser [3].
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { SessionInfo } from '../../src/contracts/auth.js';
import type { ActionList } from '../../src/contracts/consultations.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  addItem,
  addSubject,
  brusselsDate,
  CSIL_R,
  caseAsSeen,
  watchServerErrors,
  createCase,
  escapeRegExp,
  logInToDashboard,
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

const TITLE = 'Dossier Y. – CSIL-R';
const SUBJECT_NAME = 'Yilmaz, Deniz';
const BEHAVIOUR = 'Deelt propaganda van een gewelddadige groepering en zoekt contact met ronselaars.';
const nl = TEXTS.nl;
const fr = TEXTS.fr;

/** Opens the case from the page's own case link (dashboard or consultation). */
async function openCase(page: Page, caseId: string, title: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await heading(page, title);
}

/** The organiser schedules a consultation of this case from its page; the consultation page opens. */
async function schedule(page: Page, caseId: string, days: number): Promise<string> {
  await openCase(page, caseId, TITLE);
  await page.getByRole('link', { name: fr.workflow.schedule }).click();
  await heading(page, fr.schedule.title);
  const form = page.locator('form');
  // The case it came from is on the agenda, in its framework.
  await expect.poll(() => form.getByLabel(fr.schedule.framework, { exact: true }).inputValue()).not.toBe('');
  expect(await form.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(TITLE)}`) }).isChecked()).toBe(
    true,
  );
  await form.getByLabel(fr.schedule.scheduledFor, { exact: true }).fill(`${brusselsDate(days)}T14:00`);
  await expectNoSeriousAxeViolations(page, 'scheduling a consultation');
  await form.getByRole('button', { name: fr.schedule.submit, exact: true }).click();
  await page
    .getByRole('heading', {
      level: 1,
      name: new RegExp(`^${escapeRegExp(fill(fr.consultation.title, { date: '' }))}`),
    })
    .waitFor();
  const id = /\/consultations\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not a consultation page: ${page.url()}`);
  return id;
}

/** In an open consultation, the organiser keeps the minutes, records a decision and assigns an action to the police. */
async function hold(
  page: Page,
  police: string,
  minutes: string,
  decision: string,
  action: string,
  due: string,
) {
  const item = page.getByRole('region', { name: new RegExp(escapeRegExp(TITLE)) });
  await item.getByText(fr.caseStates.in_consultation, { exact: true }).waitFor();
  await item.getByLabel(fill(fr.consultation.minutes.label, { case: TITLE }), { exact: true }).fill(minutes);
  await item.getByRole('button', { name: fr.consultation.minutes.submit }).click();
  await page
    .getByRole('status')
    .getByText(fill(fr.consultation.minutes.saved, { case: TITLE }))
    .waitFor();
  await item
    .getByLabel(fill(fr.consultation.decisions.label, { case: TITLE }), { exact: true })
    .fill(decision);
  await item.getByRole('button', { name: fr.consultation.decisions.submit }).click();
  await page
    .getByRole('status')
    .getByText(fill(fr.consultation.decisions.saved, { case: TITLE }))
    .waitFor();
  await item.getByLabel(fr.consultation.actions.description, { exact: true }).fill(action);
  await item.getByLabel(fr.consultation.actions.assignee, { exact: true }).selectOption({ label: police });
  await item.getByLabel(fr.consultation.actions.dueOn, { exact: true }).fill(due);
  await item.getByRole('button', { name: fr.consultation.actions.submit }).click();
  await page
    .getByRole('status')
    .getByText(fill(fr.consultation.actions.assigned, { case: TITLE }))
    .waitFor();
  await item.getByRole('paragraph').filter({ hasText: minutes }).waitFor();
  await item.getByRole('listitem').filter({ hasText: decision }).waitFor();
  return item;
}

async function closeConsultation(page: Page) {
  await page.getByRole('button', { name: fr.consultation.controls.close }).click();
  await page.getByRole('status').getByText(fr.consultation.controls.closed, { exact: true }).waitFor();
  const item = page.getByRole('region', { name: new RegExp(escapeRegExp(TITLE)) });
  await item.getByText(fr.caseStates.follow_up, { exact: true }).waitFor();
}

describe('a radicalisation-cell case', () => {
  test('WFL-03 WFL-06 WFL-07 WFL-09 WFL-10 WFL-11 from signalling to closure, with two consultations and actions', async () => {
    const police = demoUser('participant');
    const organiser = demoUser('organiser');
    const policeName = police.organisation.legalName;
    const organiserName = organiser.organisation.legalName;

    // The police pre-register the case and signal it with the subject and one item.
    const policePage = await profiles.open('nl-BE');
    const failures: string[] = [];
    watchServerErrors(failures, policePage);
    await logInToDashboard(
      policePage,
      'nl',
      police,
      police.recoveryCodes[3]!,
      'Voorbereiding van de LIVC-R van december',
    );
    const caseId = await createCase(policePage, 'nl', CSIL_R, TITLE);
    await addSubject(policePage, 'nl', {
      surname: 'Yilmaz',
      firstNames: 'Deniz',
      birthDate: '1975-01-01',
      nationalRegisterNumber: '75.01.01-021.76',
    });
    await addItem(policePage, 'nl', {
      category: 'C14',
      persons: [SUBJECT_NAME],
      content: BEHAVIOUR,
      relevance: 'Signalen van gewelddadige radicalisering.',
      sourceReference: 'ANG 2024/117',
    });
    const signalPanel = policePage.getByRole('region', { name: nl.workflow.signal.title });
    await signalPanel.getByRole('button', { name: nl.workflow.signal.open }).click();
    const dialog = policePage.getByRole('dialog', { name: nl.signal.title });
    await dialog.getByRole('checkbox', { name: new RegExp(escapeRegExp(BEHAVIOUR.slice(0, 30))) }).check();
    await dialog
      .getByRole('checkbox', { name: fill(nl.signal.necessity, { organiser: organiserName }) })
      .check();
    await expectNoSeriousAxeViolations(policePage, 'police signalling dialog');
    await dialog.getByRole('button', { name: fill(nl.signal.submit, { organiser: organiserName }) }).click();
    await policePage
      .getByRole('status')
      .getByText(fill(nl.signal.done, { organiser: organiserName }))
      .waitFor();
    await policePage.getByText(nl.caseStates.signalled, { exact: true }).first().waitFor();

    // WFL-06: the organiser accepts the signalling, with reasons.
    const organiserPage = await profiles.open('fr-BE');
    watchServerErrors(failures, organiserPage);
    await logInToDashboard(
      organiserPage,
      'fr',
      organiser,
      organiser.recoveryCodes[3]!,
      'Préparation de la CSIL-R de décembre',
    );
    await organiserPage
      .getByRole('table', { name: fr.dashboard.signallings.caption })
      .getByRole('link', { name: TITLE })
      .click();
    await heading(organiserPage, TITLE);
    const decide = organiserPage.getByRole('region', { name: fr.workflow.decide.title });
    await decide.getByRole('radio', { name: fr.workflow.decide.choices.accept }).check();
    await decide
      .getByLabel(fr.workflow.decide.reason, { exact: true })
      .fill('Situation relevant de la cellule: suivi socio-préventif.');
    await expectNoSeriousAxeViolations(organiserPage, 'organiser decides the signalling');
    await decide.getByRole('button', { name: fr.workflow.decide.submit }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.workflow.decide.done.accept, { exact: true })
      .waitFor();
    await organiserPage.getByText(fr.caseStates.accepted, { exact: true }).first().waitFor();
    // FIL-01: the framework's default is proposed; the organiser approved it by accepting.
    const retention = organiserPage.getByRole('region', { name: fr.casePage.retention.title });
    await retention.getByText(fr.casePage.retention.notAgreed, { exact: true }).waitFor();
    let kase = (await caseAsSeen(organiserPage, caseId)).kase!;
    expect(kase.retention).toMatchObject({ months: 120, agreed: false, pending: [police.organisation.id] });

    // WFL-07: the first consultation cannot open before every party approved the retention.
    const first = await schedule(organiserPage, caseId, 7);
    await organiserPage.getByRole('button', { name: fr.consultation.controls.open }).click();
    const refusal = organiserPage
      .getByRole('region', { name: fr.consultation.controls.title })
      .getByRole('alert');
    await refusal
      .getByText(fill(fr.common.rule, { rule: 'bill art. 3 §1 al. 1 (SPEC WFL-07, FIL-01)' }))
      .waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'consultation refused to open without retention');

    // The police approve the maximum retention period for their organisation.
    await openCase(policePage, caseId, TITLE);
    const approve = policePage.getByRole('button', {
      name: fill(nl.casePage.retention.approve_other, { count: 120 }),
    });
    await approve.click();
    await policePage.getByRole('status').getByText(nl.casePage.retention.approved, { exact: true }).waitFor();
    await policePage.getByText(nl.casePage.retention.agreed, { exact: true }).waitFor();
    expect(await approve.count()).toBe(0);

    // First consultation: attendance, minutes, decision, and an action already overdue (WFL-10).
    await organiserPage.reload();
    await organiserPage.getByRole('button', { name: fr.consultation.attendance.attend }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.consultation.attendance.recorded, { exact: true })
      .waitFor();
    const firstAction = 'Huisbezoek door de wijkinspecteur';
    await organiserPage.getByRole('button', { name: fr.consultation.controls.open }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.consultation.controls.opened, { exact: true })
      .waitFor();
    const item = await hold(
      organiserPage,
      policeName,
      'Situation présentée par la police; le CPAS connaît la famille.',
      'Suivi socio-préventif par la cellule.',
      firstAction,
      brusselsDate(-1),
    );
    const actions = item.getByRole('table', { name: fill(fr.consultation.actions.caption, { case: TITLE }) });
    const overdueRow = actions.getByRole('row', { name: new RegExp(escapeRegExp(firstAction)) });
    // Overdue is said in words, not by colour alone.
    await overdueRow.getByText(fr.actions.overdue).waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'first consultation open, minuted, action overdue');
    await closeConsultation(organiserPage);
    expect((await caseAsSeen(organiserPage, caseId)).kase?.state).toBe('follow_up');

    // Second consultation; the police attend it.
    const second = await schedule(organiserPage, caseId, 21);
    expect(second).not.toBe(first);
    await organiserPage.getByRole('button', { name: fr.consultation.controls.open }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.consultation.controls.opened, { exact: true })
      .waitFor();
    await policePage.goto('/');
    await heading(policePage, nl.dashboard.title);
    await policePage.locator(`a[href="/consultations/${second}"]`).click();
    await policePage
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^${escapeRegExp(fill(nl.consultation.title, { date: '' }))}`),
      })
      .waitFor();
    await policePage.getByRole('button', { name: nl.consultation.attendance.attend }).click();
    await policePage
      .getByRole('status')
      .getByText(nl.consultation.attendance.recorded, { exact: true })
      .waitFor();
    // The police see the agenda, not the organiser's controls.
    expect(await policePage.getByRole('button', { name: nl.consultation.controls.close }).count()).toBe(0);
    await expectNoSeriousAxeViolations(policePage, 'police attend the second consultation');
    const secondAction = 'Gesprek met de jongere en zijn ouders';
    await organiserPage.reload();
    await organiserPage.getByRole('button', { name: fr.consultation.controls.close }).waitFor();
    await organiserPage.getByText(police.displayName, { exact: false }).first().waitFor();
    await hold(
      organiserPage,
      policeName,
      'Évolution favorable; contacts avec la famille réguliers.',
      'Poursuite du suivi pendant trois mois.',
      secondAction,
      brusselsDate(14),
    );
    await closeConsultation(organiserPage);

    // WFL-10: the police mark their actions done from the dashboard; the overdue one is marked as such.
    await policePage.goto('/');
    await heading(policePage, nl.dashboard.title);
    const overdue = policePage.getByRole('table', { name: nl.dashboard.actions.overdueCaption });
    const late = overdue.getByRole('row', { name: new RegExp(escapeRegExp(firstAction)) });
    await late.getByText(nl.actions.overdue).waitFor();
    await expectNoSeriousAxeViolations(policePage, 'police dashboard with an overdue action');
    await late.getByRole('button', { name: new RegExp(`^${escapeRegExp(nl.actions.markDone)}`) }).click();
    await policePage
      .getByRole('status')
      .getByText(fill(nl.actions.completed, { action: firstAction }))
      .waitFor();
    const mine = policePage.getByRole('table', { name: nl.dashboard.actions.mineCaption });
    await mine
      .getByRole('row', { name: new RegExp(escapeRegExp(secondAction)) })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(nl.actions.markDone)}`) })
      .click();
    await policePage
      .getByRole('status')
      .getByText(fill(nl.actions.completed, { action: secondAction }))
      .waitFor();
    const listed = (await (await policePage.request.get('/api/actions')).json()) as ActionList;
    const ours = listed.actions.filter((action) => action.caseId === caseId);
    expect(ours.map((action) => [action.description, action.status, action.overdue]).sort()).toEqual(
      [
        [firstAction, 'done', false],
        [secondAction, 'done', false],
      ].sort(),
    );

    // WFL-11: the organiser closes the case, with its reason; it is read-only from then on.
    await openCase(organiserPage, caseId, TITLE);
    const close = organiserPage.getByRole('region', { name: fr.workflow.close.title });
    await close
      .getByLabel(fr.workflow.close.reason, { exact: true })
      .fill('Suivi terminé: plus de signal de radicalisation.');
    await close.getByRole('button', { name: fr.workflow.close.submit, exact: true }).click();
    await organiserPage.getByRole('status').getByText(fr.workflow.close.done, { exact: true }).waitFor();
    await organiserPage.getByText(fr.casePage.readOnly.closed, { exact: true }).waitFor();
    expect(await organiserPage.getByRole('region', { name: fr.itemForm.title }).count()).toBe(0);
    kase = (await caseAsSeen(organiserPage, caseId)).kase!;
    expect(kase.state).toBe('closed');
    expect(kase.allowedActions).toEqual(['reopen']);
    expect(kase.retention.endsOn).not.toBeNull();
    await expectNoSeriousAxeViolations(organiserPage, 'case closed');

    await openCase(policePage, caseId, TITLE);
    await policePage.getByText(nl.casePage.readOnly.closed, { exact: true }).waitFor();
    expect(await policePage.getByRole('region', { name: nl.itemForm.title }).count()).toBe(0);
    expect(await policePage.getByRole('region', { name: nl.personForm.title }).count()).toBe(0);
    // The server refuses a change as well, naming the rule.
    const { csrfToken } = (await (await policePage.request.get('/api/session')).json()) as SessionInfo;
    const refused = await policePage.request.post(`/api/cases/${caseId}/persons`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { role: 'subject', identity: { surname: 'Nog', firstNames: 'Iemand' } },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { rule?: string }).rule).toContain('WFL-11');
    expect(failures).toEqual([]);
  }, 300_000);
});
