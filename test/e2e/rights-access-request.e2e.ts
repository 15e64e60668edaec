/**
 * Journey: a request for access at the rights desk (L2007 art. 10; issue 5 scope 11; SPEC
 * RGT-GEN-01, RGT-ACC-01, RGT-ACC-02, RGT-ACC-03). The demo DPO of the prison, in French, takes in
 * the dated and signed request of Yannick Leroy, whom the prison signalled to the CSIL-R of the
 * demo (a framework founded on a law: the prison answers itself, on the standard route), with
 * the scanned request and the copy of his identity document. A request left unsigned is refused
 * first, the field named. The DPO records that the identity is proven, downloads the answer as a
 * PDF, reads what it says, records the answer and sees the part answered within its time limit.
 * Recovery code: dpo [1].
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RightsPart } from '../../src/contracts/rights.js';
import { nationalRegisterNumber } from '../../src/server/modules/demo/demo-persons.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { escapeRegExp, logInToRightsDesk, watchServerErrors } from './support/case-journey.js';
import { demoUser, fill, Profiles, TEXTS } from './support/journey.js';

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
const REQUESTER = 'Leroy Yannick';
/** The demo person (src/server/modules/demo/demo-persons.ts) and one of the prison's items about him. */
const BIRTH_DATE = '1995-04-14';
const PRISON_ITEM = 'Depuis six mois, tient en détention des propos qui légitiment la violence politique';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A template of the translation file with `{{date}}` left open, as a pattern. */
const withAnyDate = (template: string): RegExp =>
  new RegExp(template.split('{{date}}').map(escapeRegExp).join('.+'));

/** The civil date `days` before today, as a date input takes it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}


async function partsOf(page: Page, requestId: string): Promise<RightsPart[]> {
  const response = await page.request.get('/api/rights-parts?open=false');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { parts: RightsPart[] }).parts.filter(
    (part) => part.requestId === requestId,
  );
}

describe('a request for access at the rights desk', () => {
  test('RGT-GEN-01 RGT-ACC-01 RGT-ACC-02 RGT-ACC-03 taken in dated and signed, identity proven, answered with the PDF within the time limit', async () => {
    const failures: string[] = [];
    const page = await profiles.open('fr-BE');
    watchServerErrors(failures, page);
    await logInToRightsDesk(page, demoUser('dpo'), demoUser('dpo').recoveryCodes[1]!);
    expect(await page.getByRole('link', { name: fr.nav.rightsDesk, exact: true }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'rights desk');

    // The intake: the request, the requester as he wrote, and the two scans.
    const intake = page.getByRole('region', { name: fr.rights.intake.title });
    const f = fr.rights.intake.fields;
    await intake.getByLabel(f.kind, { exact: true }).selectOption('access');
    await intake.getByLabel(f.channel, { exact: true }).selectOption('registered_post');
    await intake.getByLabel(f.datedOn, { exact: true }).fill(daysAgo(2));
    await intake.getByLabel(f.name, { exact: true }).fill(REQUESTER);
    await intake.getByLabel(f.birthDate, { exact: true }).fill(BIRTH_DATE);
    await intake.getByLabel(f.nationalNumber, { exact: true }).fill(nationalRegisterNumber(BIRTH_DATE, 89));
    await intake.getByLabel(f.address, { exact: true }).fill('Chemin de la Prison 3, 5000 Namur');
    await intake
      .getByLabel(f.text, { exact: true })
      .fill('Je souhaite savoir quelles données la prison traite à mon sujet dans la concertation.');
    await intake
      .getByLabel(f.document, { exact: true })
      .setInputFiles({ name: 'demande-signee.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect(await intake.getByLabel(f.identityMethod, { exact: true }).inputValue()).toBe('id_document_copy');
    await intake
      .getByLabel(f.proof, { exact: true })
      .setInputFiles({ name: 'carte-identite.pdf', mimeType: 'application/pdf', buffer: PDF });

    // RGT-GEN-01: an unsigned request is refused, the field named and linked (RFC 9457 errors).
    await intake.getByRole('button', { name: fr.rights.intake.submit, exact: true }).click();
    await intake.getByRole('alert').getByRole('link', { name: fr.rights.intake.errors.signed }).waitFor();
    await expectNoSeriousAxeViolations(page, 'unsigned request refused');
    await intake.getByRole('checkbox', { name: f.signed }).check();
    await intake.getByRole('button', { name: fr.rights.intake.submit, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(fr.rights.intake.done, { name: REQUESTER }), { exact: true })
      .waitFor();

    // The part opens: the prison's own, on the standard route, waiting for the proof of identity.
    const detail = page.getByRole('region', { name: fill(fr.rights.detail.title, { name: REQUESTER }) });
    await detail.getByText(fr.rights.detail.identityPending, { exact: true }).waitFor();
    await detail.getByText(fr.rights.answer.waitsForIdentity, { exact: true }).waitFor();
    const open = (await (await page.request.get('/api/rights-parts?open=true')).json()) as {
      parts: RightsPart[];
    };
    const part = open.parts.find(
      (candidate) => candidate.requesterName === REQUESTER && !candidate.identityVerified,
    );
    expect(part).toMatchObject({
      kind: 'access',
      route: 'standard',
      status: 'received',
      controller: { id: demoUser('dpo').organisation.id },
      clock: { overdue: false, reminder: null },
    });
    expect(part!.records.some((record) => record.type === 'item')).toBe(true);
    await expectNoSeriousAxeViolations(page, 'request taken in');

    // RGT-ACC-02: the intake desk records the proof of identity.
    await detail.getByRole('button', { name: fr.rights.identity.verify, exact: true }).click();
    await page.getByRole('status').getByText(fr.rights.identity.done, { exact: true }).waitFor();
    await detail.getByText(fr.rights.detail.identityVerified, { exact: true }).waitFor();

    // RGT-ACC-01: the answer as a PDF, and what it says: the prison's data about him.
    const downloading = page.waitForEvent('download');
    await detail.getByRole('link', { name: fr.rights.answer.downloadPdf, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`access-answer-${part!.id}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByRole('status').getByText(fr.rights.answer.downloaded, { exact: true }).waitFor();
    await detail.getByRole('button', { name: fr.rights.answer.showSummary, exact: true }).click();
    const data = detail.getByRole('table', { name: fr.rights.answer.summary.data });
    await data.getByText(new RegExp(`^${escapeRegExp(PRISON_ITEM)}`)).waitFor();
    await expectNoSeriousAxeViolations(page, 'access answer shown');

    // The answer is recorded, and the part is answered within its time limit (RGT-ACC-03).
    const answer = detail.getByRole('region', { name: fr.rights.answerForm.title });
    expect(await answer.getByLabel(fr.rights.answerForm.fields.outcome, { exact: true }).inputValue()).toBe(
      'answered',
    );
    await answer.getByRole('button', { name: fr.rights.answerForm.submit, exact: true }).click();
    await page
      .getByRole('status')
      .getByText(fill(fr.rights.answerForm.done, { outcome: fr.rights.outcomes.answered }), { exact: true })
      .waitFor();
    await detail.getByText(withAnyDate(fr.rights.clock.answered_in_time)).waitFor();
    expect(await detail.getByRole('region', { name: fr.rights.answerForm.title }).count()).toBe(0);

    // Among all the requests, the row says so in words.
    await page.getByLabel(fr.rights.queue.filter, { exact: true }).selectOption('all');
    const row = page
      .getByRole('table', { name: fr.rights.queue.caption })
      .getByRole('row')
      .filter({ hasText: REQUESTER })
      .filter({ hasText: `${fr.rights.statuses.answered} – ${fr.rights.outcomes.answered}` });
    await row.getByText(withAnyDate(fr.rights.clock.answered_in_time)).waitFor();
    await expectNoSeriousAxeViolations(page, 'request answered');

    const [answered] = await partsOf(page, part!.requestId);
    expect(answered).toMatchObject({ status: 'answered', outcome: 'answered', courtActionAdmissible: false });
    expect(answered!.answeredAt!.slice(0, 10) <= answered!.clock!.dueOn).toBe(true);
    expect(failures).toEqual([]);
  }, 300_000);
});
