/**
 * Journey: an own-file transfer from request to approved export (bill art. 4; issue 4 scope 6;
 * SPEC FIL-05..09, PUR-02, SEC-14). The police (the demo participant, in German) signal a case of
 * the Veilig Huis framework with their risk assessment; the coordinator (the demo CPAS, in
 * French) accepts it and asks for that item for its own file, with the purpose and why the shared
 * file is not enough. Nothing leaves before the police agree; once they do, the CPAS attests the
 * access limitation of art. 4 al. 2 and downloads the PDF. The export needs a second factor proven
 * in the last minutes: the journey has the server ask for it once (the login is too recent for the
 * real window to lapse) and confirms it with the authenticator code, as a user would. The export
 * is listed in the register. Recovery codes: participant [4], organiser [4].
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { TransferList } from '../../src/contracts/transfers.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import {
  addItem,
  addSubject,
  createCase,
  escapeRegExp,
  logInToDashboard,
  VEILIG_HUIS,
  watchServerErrors,
} from './support/case-journey.js';
import { currentTotp, demoUser, fill, heading, Profiles, TEXTS } from './support/journey.js';

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

const TITLE = 'Familie Peeters – eigen dossier';
const SUBJECT_NAME = 'Peeters, Lien';
const RISK = 'Risikoeinschätzung der Polizei: wiederholte Drohungen gegen die Partnerin.';
const JUSTIFICATION = 'Le CPAS doit coordonner l’aide sociale d’urgence dans son propre dossier.';
const de = TEXTS.de;
const fr = TEXTS.fr;

async function transfers(page: import('playwright-core').Page): Promise<TransferList> {
  const response = await page.request.get('/api/transfers');
  expect(response.status()).toBe(200);
  return (await response.json()) as TransferList;
}

describe('an own-file transfer', () => {
  test('FIL-05 FIL-06 FIL-07 PUR-02 requested with purpose and reasons, agreed by the controller, attested, exported as PDF and registered', async () => {
    const police = demoUser('participant');
    const organiser = demoUser('organiser');
    const organiserName = organiser.organisation.legalName;
    const failures: string[] = [];

    // The police, in German: a case with their risk assessment, signalled to the coordinator.
    const policePage = await profiles.open('de-BE');
    watchServerErrors(failures, policePage);
    await logInToDashboard(
      policePage,
      'de',
      police,
      police.recoveryCodes[4]!,
      'Vorbereitung der Fallbesprechung Veilig Huis',
    );
    const caseId = await createCase(policePage, 'de', VEILIG_HUIS, TITLE);
    await addSubject(policePage, 'de', {
      surname: 'Peeters',
      firstNames: 'Lien',
      birthDate: '1985-07-30',
      nationalRegisterNumber: '85.07.30-033.28',
    });
    await addItem(policePage, 'de', {
      category: 'C11',
      persons: [SUBJECT_NAME],
      content: RISK,
      relevance: 'Akute Gefahr für die Partnerin.',
      sourceReference: 'PV 2024/4471',
    });
    await policePage
      .getByRole('region', { name: de.workflow.signal.title })
      .getByRole('button', { name: de.workflow.signal.open })
      .click();
    const dialog = policePage.getByRole('dialog', { name: de.signal.title });
    await dialog.getByRole('checkbox', { name: new RegExp(escapeRegExp(RISK.slice(0, 30))) }).check();
    await dialog
      .getByRole('checkbox', { name: fill(de.signal.necessity, { organiser: organiserName }) })
      .check();
    await dialog.getByRole('button', { name: fill(de.signal.submit, { organiser: organiserName }) }).click();
    await policePage
      .getByRole('status')
      .getByText(fill(de.signal.done, { organiser: organiserName }))
      .waitFor();

    // The coordinator, in French, accepts the case and asks for the risk assessment for its own file.
    const organiserPage = await profiles.open('fr-BE');
    watchServerErrors(failures, organiserPage);
    await logInToDashboard(
      organiserPage,
      'fr',
      organiser,
      organiser.recoveryCodes[4]!,
      'Préparation de la concertation Veilig Huis',
    );
    await organiserPage
      .getByRole('table', { name: fr.dashboard.signallings.caption })
      .getByRole('link', { name: TITLE })
      .click();
    await heading(organiserPage, TITLE);
    const decide = organiserPage.getByRole('region', { name: fr.workflow.decide.title });
    await decide
      .getByLabel(fr.workflow.decide.reason, { exact: true })
      .fill('Danger pour la partenaire: suivi Veilig Huis.');
    await decide.getByRole('button', { name: fr.workflow.decide.submit }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.workflow.decide.done.accept, { exact: true })
      .waitFor();

    const request = organiserPage.getByRole('region', { name: fr.transferRequest.title });
    await request.getByRole('checkbox', { name: new RegExp(escapeRegExp(RISK.slice(0, 30))) }).check();
    // FIL-05 a: the purpose is one of the case's (here its only one), the reasons are required.
    expect(await request.getByLabel(fr.transferRequest.purpose, { exact: true }).inputValue()).toBe('P1');
    await request.getByRole('button', { name: fr.transferRequest.submit, exact: true }).click();
    await request
      .getByRole('alert')
      .first()
      .getByRole('link', { name: fr.transferRequest.errors.justification })
      .waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'transfer request without reasons');
    await request.getByLabel(fr.transferRequest.justification, { exact: true }).fill(JUSTIFICATION);
    await request.getByRole('button', { name: fr.transferRequest.submit, exact: true }).click();
    await organiserPage.getByRole('status').getByText(fr.transferRequest.done, { exact: true }).waitFor();
    const [requested] = (await transfers(organiserPage)).requested.filter(
      (transfer) => transfer.caseId === caseId,
    );
    expect(requested).toMatchObject({ purpose: 'P1', justification: JUSTIFICATION, attestedAt: null });
    expect(requested?.items.map((item) => [item.category, item.decision])).toEqual([['C11', 'pending']]);
    // FIL-05 b: nothing leaves before the controller agrees.
    const early = await organiserPage.request.get(`/api/transfers/${requested!.id}/export/pdf`);
    expect(early.status()).toBe(409);
    expect(((await early.json()) as { rule?: string }).rule).toContain('FIL-05');

    // The police agree, from the task on their dashboard, seeing the item and the reasons.
    await policePage.goto('/');
    await heading(policePage, de.dashboard.title);
    // The demo's own transfers may be waiting too: every such task leads to the inbox.
    const task = policePage
      .getByRole('listitem')
      .filter({ hasText: de.notifications.transfer_to_decide })
      .first();
    await task
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(de.dashboard.tasks.openTransfers)}`) })
      .click();
    await heading(policePage, de.transfers.title);
    const toDecide = policePage.getByRole('article', {
      name: fill(de.transfers.requestFrom, { organisation: organiserName }),
    });
    await toDecide.getByText(RISK, { exact: true }).waitFor();
    await toDecide.getByText(JUSTIFICATION, { exact: true }).waitFor();
    await toDecide.getByText(`P1 ${de.purposes.P1}`, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(policePage, 'transfer request to decide');
    await toDecide
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(de.transfers.toDecide.approve)}`) })
      .click();
    await policePage
      .getByRole('status')
      .getByText(fill(de.transfers.toDecide.done.approved, { item: `C11 ${de.categories.C11}` }))
      .waitFor();
    await toDecide.getByText(de.transferDecisions.approved, { exact: true }).waitFor();

    // The coordinator attests the access limitation of art. 4 al. 2 (FIL-06).
    await organiserPage.getByRole('link', { name: fr.nav.transfers, exact: true }).click();
    await heading(organiserPage, fr.transfers.title);
    const mine = organiserPage.getByRole('article', {
      name: fill(fr.transfers.requested.itemTitle, { case: TITLE }),
    });
    await mine.getByText(fr.transferDecisions.approved, { exact: true }).waitFor();
    await mine.getByText(fr.transfers.attestation.law, { exact: true }).waitFor();
    expect(await mine.getByRole('link', { name: fr.transfers.requested.download.pdf }).count()).toBe(0);
    await mine.getByRole('button', { name: fr.transfers.attestation.submit, exact: true }).click();
    // The error summary links to the checkbox to tick.
    await mine.getByRole('link', { name: fr.transfers.attestation.errors.attest }).waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'attestation missing');
    await mine.getByRole('checkbox', { name: fr.transfers.attestation.attest }).check();
    await mine.getByRole('button', { name: fr.transfers.attestation.submit, exact: true }).click();
    await organiserPage
      .getByRole('status')
      .getByText(fr.transfers.attestation.done, { exact: true })
      .waitFor();

    // The export asks for the second factor again; once confirmed, the PDF downloads.
    await organiserPage.route(
      '**/api/transfers/*/export/pdf',
      (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'urn:concerto:problem:mfa_required',
            title: 'Second factor required',
            status: 403,
            code: 'mfa_required',
          }),
        }),
      { times: 1 },
    );
    await mine.getByRole('link', { name: fr.transfers.requested.download.pdf }).click();
    const stepUp = mine.getByRole('region', { name: fr.stepUp.title });
    await stepUp.waitFor();
    expect(await organiserPage.evaluate(() => document.activeElement?.textContent)).toBe(fr.stepUp.title);
    await expectNoSeriousAxeViolations(organiserPage, 'second factor asked before the export');
    const downloading = organiserPage.waitForEvent('download');
    await stepUp.getByRole('textbox', { name: fr.stepUp.code }).fill(currentTotp(organiser));
    await stepUp.getByRole('button', { name: fr.stepUp.submit, exact: true }).click();
    // A code is accepted once: if another journey logged the organiser in with this very code,
    // the page says to wait for the next one, as the user would.
    const rejected = stepUp.getByText(fr.stepUp.errors.rejected, { exact: true });
    if (
      await Promise.race([
        downloading.then(() => false),
        rejected.waitFor().then(
          () => true,
          () => false,
        ),
      ])
    ) {
      await organiserPage.waitForTimeout(31_000 - (Date.now() % 30_000));
      await stepUp.getByRole('textbox', { name: fr.stepUp.code }).fill(currentTotp(organiser));
      await stepUp.getByRole('button', { name: fr.stepUp.submit, exact: true }).click();
    }
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`concerto-transfer-${requested!.id}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await organiserPage
      .getByRole('status')
      .getByText(fill(fr.transfers.requested.exported, { format: 'PDF' }))
      .waitFor();
    expect(await stepUp.count()).toBe(0);

    // FIL-07: the export is in the register, with its fingerprint and its one item.
    const register = mine.getByRole('table', { name: fr.transfers.register.caption });
    await register.getByRole('cell', { name: 'PDF', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(organiserPage, 'exported and registered');
    const [exported] = (await transfers(organiserPage)).requested.filter(
      (transfer) => transfer.id === requested!.id,
    );
    expect(exported?.exports).toEqual([
      expect.objectContaining({ format: 'pdf', itemCount: 1, exportedBy: organiser.displayName }),
    ]);
    expect(exported?.attestedAt).not.toBeNull();
    expect(failures).toEqual([]);
  }, 300_000);
});
