/**
 * Journey: a restriction of rights by the procureur des Konings and a request that meets it (bill
 * arts 7-8; issue 5 scope 11; SPEC RGT-RST-01, RGT-RST-07..09, LST-01, LST-02, A-13). The demo
 * prosecutor, in Dutch, restricts on the prosecutor's desk the right to deletion of Kevin Jacobs,
 * the subject of a case of the consultation in prison that the parquet authorised: a thin
 * justification is refused first, the field named (RFC 9457); then the restriction stands with its
 * ground, its review date and its report in French, Dutch and English; the prosecutor confirms it
 * at a review, validates the proposal of Kevin Jacobs for the office's list (bill art. 8) and looks
 * him up for the restriction, a lookup without it being refused first; and the case page flags the
 * prison's item "restriction art. 7". The demo DPO of the prison, in French, takes in Kevin Jacobs's
 * signed request for erasure and records his proof of identity. The request reaches the office's
 * desk with the prosecutor's three-month clock beside the controller's; the prosecutor answers
 * it on the rights desk: rejected, with the reasons. Recovery codes: prosecutor [5], dpo [5].
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Restriction } from '../../src/contracts/restrictions.js';
import type { RightsPart } from '../../src/contracts/rights.js';
import { RESTRICTION_GROUNDS } from '../../src/server/kernel/legal-rules/index.js';
import { DEMO_FRAMEWORKS } from '../../src/server/modules/demo/demo-frameworks.js';
import { nationalRegisterNumber } from '../../src/server/modules/demo/demo-persons.js';
import { formatDate } from '../../src/web/i18n/format.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { escapeRegExp, logInToDashboard, logInToRightsDesk, watchServerErrors } from './support/case-journey.js';
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

const nl = TEXTS.nl;
const fr = TEXTS.fr;
/** The demo case of the consultation in prison (src/server/modules/demo/demo-cases-radicalisation.ts). */
const CASE_TITLE = 'Gedetineerde – contacten met een gewelddadig netwerk';
const PERSON = 'Jacobs, Kevin';
const BIRTH_DATE = '1993-03-03';
/** The prison's item about him, shared in the case: not judicial data, so art. 7 covers it. */
const PRISON_ITEM = 'Contacts par un téléphone introduit illégalement';
const REQUESTER = 'Jacobs Kevin';
const JUSTIFICATION =
  'Het netwerk van betrokkene is het voorwerp van een lopend strafonderzoek; het wissen van de vaststellingen van de gevangenis zou de opsporing ernstig schaden.';
const REASONS =
  'Uw verzoek tot verwijdering wordt afgewezen: de gegevens blijven nodig voor een lopend strafonderzoek (art. 7 van de wet).';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** The civil date `days` before today, as a date input takes it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day three calendar months later, the last day of a shorter month otherwise (bill art. 7 al. 2). */
function threeMonthsAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month + 3, 0)).getUTCDate();
  return new Date(Date.UTC(year, month + 2, Math.min(day, last))).toISOString().slice(0, 10);
}


async function officeParts(page: Page): Promise<RightsPart[]> {
  const response = await page.request.get('/api/rights-parts?open=false');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { parts: RightsPart[] }).parts.filter(
    (part) => part.requesterName === REQUESTER && part.kind === 'erasure',
  );
}

describe('a restriction by the procureur des Konings', () => {
  test('RGT-RST-01 RGT-RST-07 RGT-RST-08 RGT-RST-09 LST-01 LST-02 A-13 the prosecutor restricts deletion with a ground and its justification, reviews it and keeps the list; an erasure request reaches the office with its three-month clock and is rejected with reasons', async () => {
    const prosecutor = demoUser('prosecutor');
    const failures: string[] = [];

    // The prosecutor, in Dutch, opens the desk from the navigation.
    const page = await profiles.open('nl-BE');
    watchServerErrors(failures, page);
    await logInToDashboard(
      page,
      'nl',
      prosecutor,
      prosecutor.recoveryCodes[5]!,
      'Voorbereiding van het overleg in de gevangenis',
    );
    await page.getByRole('link', { name: nl.nav.prosecutorDesk, exact: true }).click();
    await heading(page, nl.prosecutor.title);
    await page.getByRole('region', { name: nl.prosecutor.reviews.title, exact: true }).waitFor();
    await page.getByRole('region', { name: nl.prosecutor.list.title, exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, "prosecutor's desk");

    // RGT-RST-01: the person, the right to deletion, a ground.
    const form = page.getByRole('region', { name: nl.prosecutor.form.title, exact: true });
    const f = nl.prosecutor.form;
    await form
      .getByLabel(f.case, { exact: true })
      .selectOption({ label: `${CASE_TITLE} – ${DEMO_FRAMEWORKS.prison.name}` });
    const personOption = form.getByRole('option', { name: new RegExp(`^${escapeRegExp(PERSON)} \\(`) });
    await personOption.waitFor({ state: 'attached' });
    await form
      .getByLabel(f.person, { exact: true })
      .selectOption((await personOption.getAttribute('value'))!);
    expect(await form.getByLabel(f.scope, { exact: true }).inputValue()).toBe('person');
    await form.getByRole('checkbox', { name: nl.prosecutor.rights.deletion, exact: true }).check();
    await form.getByRole('checkbox', { name: `R2 – ${nl.prosecutor.grounds.R2}`, exact: true }).check();

    // RGT-RST-07: a justification without substance is refused by the server, the field named and linked.
    await form.getByLabel(f.justification, { exact: true }).fill('Nodig.');
    await form.getByRole('button', { name: f.submit, exact: true }).click();
    await form.getByRole('alert').getByRole('link', { name: f.errors.justification }).waitFor();
    expect(await form.getByLabel(f.justification, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'justification refused');
    await form.getByLabel(f.justification, { exact: true }).fill(JUSTIFICATION);
    await form.getByRole('button', { name: f.submit, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(f.done, { name: PERSON }), { exact: true })
      .waitFor();

    // The restriction stands, its ground, review date and state said in words.
    const card = page
      .getByRole('article', { name: fill(nl.prosecutor.restrictions.itemTitle, { name: PERSON }) })
      .first();
    const restrictions = (await (await page.request.get('/api/restrictions')).json()) as {
      restrictions: Restriction[];
    };
    const restriction = restrictions.restrictions.find(
      (candidate) =>
        candidate.active && candidate.rights.join() === 'deletion' && candidate.grounds[0]?.code === 'R2',
    );
    expect(restriction).toMatchObject({
      scope: 'person',
      escalated: false,
      legalBases: [{ code: 'bill_art7' }],
    });
    await card.getByText(`R2 – ${nl.prosecutor.grounds.R2}`, { exact: false }).waitFor();
    await card
      .getByText(
        fill(nl.prosecutor.restrictions.states.active, { date: formatDate(restriction!.reviewOn, 'nl') }),
        { exact: true },
      )
      .waitFor();
    // RST-02..06: the report prints the ground in French, Dutch and English.
    await card
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(nl.prosecutor.restrictions.report)}`) })
      .click();
    const report = card.getByRole('region', { name: fill(nl.prosecutor.report.title, { name: PERSON }) });
    await report.getByText(JUSTIFICATION, { exact: true }).waitFor();
    const grounds = report.getByRole('table', { name: nl.prosecutor.report.groundsCaption });
    // The labels as the server prints them (src/server/kernel/legal-rules, SPEC §22.6).
    const r2 = RESTRICTION_GROUNDS.find((ground) => ground.code === 'R2')!;
    for (const language of ['fr', 'nl', 'en'] as const) {
      await grounds.getByRole('cell', { name: r2.label[language], exact: true }).waitFor();
    }
    await expectNoSeriousAxeViolations(page, 'restriction and its report');

    // RGT-RST-07: the office confirms the restriction at a review, with its reasons.
    await card
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(nl.prosecutor.restrictions.review)}`) })
      .click();
    const review = card.getByRole('region', { name: fill(nl.prosecutor.review.title, { name: PERSON }) });
    expect(await review.getByLabel(nl.prosecutor.review.decision, { exact: true }).inputValue()).toBe(
      'confirm',
    );
    await review
      .getByLabel(nl.prosecutor.review.reason, { exact: true })
      .fill('Het strafonderzoek naar het netwerk loopt nog: de beperking blijft noodzakelijk en evenredig.');
    await review.getByRole('button', { name: nl.prosecutor.review.submit.confirm, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(nl.prosecutor.review.done.confirm, { name: PERSON }), { exact: true })
      .waitFor();

    // LST-01: the subject of the authorised case is proposed for the office's list; the prosecutor validates.
    const list = page.getByRole('region', { name: nl.prosecutor.list.title, exact: true });
    const proposal = list.getByRole('article', { name: fill(nl.prosecutor.list.entryOf, { name: PERSON }) });
    await proposal.getByText(nl.prosecutor.list.statuses.proposed, { exact: true }).waitFor();
    await proposal
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(nl.prosecutor.list.validate)}`) })
      .click();
    await page
      .getByRole('status')
      .getByText(fill(nl.prosecutor.list.validated, { name: PERSON }), { exact: true })
      .waitFor();
    // Registered, the entry no longer shows the identity.
    expect(
      await list.getByRole('article', { name: fill(nl.prosecutor.list.entryOf, { name: PERSON }) }).count(),
    ).toBe(0);

    // LST-02: a lookup needs the restriction it serves; then it finds him by national register number.
    const lookup = list.getByRole('region', { name: nl.prosecutor.lookup.title, exact: true });
    await lookup
      .getByLabel(nl.prosecutor.lookup.nationalRegisterNumber, { exact: true })
      .fill(nationalRegisterNumber(BIRTH_DATE, 113));
    await lookup.getByRole('button', { name: nl.prosecutor.lookup.submit, exact: true }).click();
    await lookup.getByRole('alert').getByRole('link', { name: nl.prosecutor.lookup.errors.link }).waitFor();
    await expectNoSeriousAxeViolations(page, 'lookup without its restriction');
    await lookup.getByLabel(nl.prosecutor.lookup.link, { exact: true }).selectOption({
      label: fill(nl.prosecutor.lookup.forRestriction, {
        case: CASE_TITLE,
        date: formatDate(restriction!.startsOn, 'nl'),
      }),
    });
    await lookup.getByRole('button', { name: nl.prosecutor.lookup.submit, exact: true }).click();
    await lookup
      .getByRole('status')
      .getByText(new RegExp(`^${escapeRegExp(PERSON)} – `))
      .first()
      .waitFor();

    // RGT-RST-08: on the case page, the prison's item carries the neutral flag, without the ground.
    await card.getByRole('link', { name: CASE_TITLE, exact: true }).click();
    await heading(page, CASE_TITLE);
    const item = page.getByRole('article').filter({ hasText: PRISON_ITEM });
    await item
      .getByText(fill(nl.casePage.items.restrictionFlag, { rights: nl.prosecutor.rights.deletion }), {
        exact: true,
      })
      .waitFor();
    expect(await item.getByText(nl.prosecutor.grounds.R2).count()).toBe(0);

    // The DPO of the prison, in French, takes in Kevin Jacobs's signed request for erasure.
    const dpoPage = await profiles.open('fr-BE');
    watchServerErrors(failures, dpoPage);
    await logInToRightsDesk(dpoPage, demoUser('dpo'), demoUser('dpo').recoveryCodes[5]!);
    const datedOn = daysAgo(1);
    const intake = dpoPage.getByRole('region', { name: fr.rights.intake.title });
    const i = fr.rights.intake.fields;
    await intake.getByLabel(i.kind, { exact: true }).selectOption('erasure');
    await intake.getByLabel(i.channel, { exact: true }).selectOption('post');
    await intake.getByLabel(i.datedOn, { exact: true }).fill(datedOn);
    await intake.getByRole('checkbox', { name: i.signed }).check();
    await intake.getByLabel(i.name, { exact: true }).fill(REQUESTER);
    await intake.getByLabel(i.birthDate, { exact: true }).fill(BIRTH_DATE);
    await intake.getByLabel(i.nationalNumber, { exact: true }).fill(nationalRegisterNumber(BIRTH_DATE, 113));
    await intake.getByLabel(i.address, { exact: true }).fill('Chemin de la Prison 3, 5000 Namur');
    await intake
      .getByLabel(i.text, { exact: true })
      .fill('Je demande l’effacement des constatations de la prison sur mes contacts téléphoniques.');
    await intake
      .getByLabel(i.document, { exact: true })
      .setInputFiles({ name: 'demande-signee.pdf', mimeType: 'application/pdf', buffer: PDF });
    await intake
      .getByLabel(i.proof, { exact: true })
      .setInputFiles({ name: 'carte-identite.pdf', mimeType: 'application/pdf', buffer: PDF });
    await intake.getByRole('button', { name: fr.rights.intake.submit, exact: true }).click();
    await dpoPage
      .getByRole('status')
      .getByText(fill(fr.rights.intake.done, { name: REQUESTER }), { exact: true })
      .waitFor();
    const detail = dpoPage.getByRole('region', { name: fill(fr.rights.detail.title, { name: REQUESTER }) });
    await detail.getByRole('button', { name: fr.rights.identity.verify, exact: true }).click();
    await dpoPage.getByRole('status').getByText(fr.rights.identity.done, { exact: true }).waitFor();

    // RGT-RST-09, A-13: on the office's desk, the request with the prosecutor's three months from its date.
    await page.getByRole('link', { name: nl.nav.prosecutorDesk, exact: true }).click();
    await heading(page, nl.prosecutor.title);
    const [part] = await officeParts(page);
    expect(part).toMatchObject({
      route: 'prosecutor',
      identityVerified: true,
      controller: { id: demoUser('dpo').organisation.id },
      prosecutorClock: { dueOn: threeMonthsAfter(datedOn), overdue: false },
    });
    expect(part!.clock).not.toBeNull();
    const requests = page.getByRole('region', { name: nl.prosecutor.requests.title, exact: true });
    const row = requests
      .getByRole('table', { name: nl.prosecutor.requests.caption })
      .getByRole('row')
      .filter({ hasText: REQUESTER });
    await row
      .getByText(fill(nl.rights.clock.due, { date: formatDate(part!.prosecutorClock!.dueOn, 'nl') }))
      .waitFor();
    await row.getByText(nl.rights.kinds.erasure, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'request on the desk with its clock');

    // The office answers it on the rights desk: rejected, with the reasons.
    await requests.getByRole('link', { name: nl.prosecutor.requests.open, exact: true }).click();
    await heading(page, nl.rights.title);
    await page
      .getByRole('button', { name: fill(nl.rights.queue.open, { name: REQUESTER }) })
      .first()
      .click();
    const answer = page
      .getByRole('region', { name: fill(nl.rights.detail.title, { name: REQUESTER }) })
      .getByRole('region', { name: nl.rights.answerForm.title });
    await answer.getByLabel(nl.rights.answerForm.fields.outcome, { exact: true }).selectOption('rejected');
    await answer.getByLabel(nl.rights.answerForm.fields.reasons, { exact: true }).fill(REASONS);
    await answer.getByRole('button', { name: nl.rights.answerForm.submit, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(nl.rights.answerForm.done, { outcome: nl.rights.outcomes.rejected }), { exact: true })
      .waitFor();
    const [answered] = await officeParts(page);
    expect(answered).toMatchObject({ status: 'rejected', outcome: 'rejected', courtActionAdmissible: true });
    expect(answered!.answeredAt!.slice(0, 10) <= answered!.prosecutorClock!.dueOn).toBe(true);

    // Back on the desk, nothing is left for the office to answer.
    await page.getByRole('link', { name: nl.nav.prosecutorDesk, exact: true }).click();
    await heading(page, nl.prosecutor.title);
    const left = page.getByRole('region', { name: nl.prosecutor.requests.title, exact: true });
    await left.getByRole('link', { name: nl.prosecutor.requests.open, exact: true }).waitFor();
    expect(await left.getByRole('row').filter({ hasText: REQUESTER }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'request answered');
    expect(failures).toEqual([]);
  }, 300_000);
});
