/**
 * Journey: a rectification that reaches two recipients and an own-file copy (L2007 art. 12 §§1 and
 * 3; bill art. 4 al. 4; issue 5; SPEC RGT-REC-01, RGT-REC-04, FIL-08). In the demo's CSIL-R case
 * "Libération prochaine" the prison holds an item about Renaud Delhaye; the CPAS organises the
 * case, the police were admitted to it, and the prison agreed that the CPAS copy the item to its
 * own file (demo seed). The police, in Dutch, and the CPAS, in French, read the case; the CPAS
 * attests the access limitation and exports the copy. The prison's DPO then takes in his dated
 * and signed request for rectification, records that his identity is proven, rectifies the item,
 * records the answer "granted" and sees its recipients: the two organisations that read it and the
 * CPAS's own-file copy. The police and the CPAS each have their notice of the change, and the
 * CPAS's export register shows the item rectified. Recovery codes: participant [6], organiser [6],
 * dpo [6].
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CaseDetail } from '../../src/contracts/cases.js';
import type { NotificationList } from '../../src/contracts/notifications.js';
import type { DisclosureList, RightsPart } from '../../src/contracts/rights.js';
import type { TransferList } from '../../src/contracts/transfers.js';
import { nationalRegisterNumber } from '../../src/server/modules/demo/demo-persons.js';
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

const fr = TEXTS.fr;
const nl = TEXTS.nl;
/** The demo case, its subject and the prison's item (src/server/modules/demo/demo-cases-radicalisation.ts). */
const TITLE = 'Libération prochaine – accompagnement de la sortie';
const ITEM = 'Sanctionné à trois reprises en 2026 pour des menaces envers le personnel pénitentiaire.';
const RECTIFIED = 'Sanctionné une fois en 2026 pour des menaces envers le personnel pénitentiaire.';
const REQUESTER = 'Delhaye Renaud';
const BIRTH_DATE = '1990-10-08';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** The civil date `days` before today, as a date input takes it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Opens the case from the dashboard's list, as its reader would; returns the case as the server shows it. */
async function readCase(page: Page, caption: string): Promise<CaseDetail> {
  await page.getByRole('table', { name: caption }).getByRole('link', { name: TITLE, exact: true }).click();
  await heading(page, TITLE);
  await page.getByText(ITEM, { exact: true }).waitFor();
  const caseId = /\/cases\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  return getJson<CaseDetail>(page, `/api/cases/${caseId}`);
}


describe('a rectification at the rights desk', () => {
  test('RGT-REC-01 RGT-REC-04 FIL-08 carried out on the prison item, answered granted, and told to the two organisations that read it and to its own-file copy', async () => {
    const police = demoUser('participant');
    const cpas = demoUser('organiser');
    const prison = demoUser('dpo');
    const failures: string[] = [];

    // The police, in Dutch, read the case: the prison's item is among what they see.
    const policePage = await profiles.open('nl-BE');
    watchServerErrors(failures, policePage);
    await logInToDashboard(
      policePage,
      'nl',
      police,
      police.recoveryCodes[6]!,
      'Voorbereiding van de LIVC-R over de vrijlating',
    );
    const kase = await readCase(policePage, nl.dashboard.cases.caption);
    const item = kase.items.find((candidate) => candidate.content === ITEM);
    expect(item?.controller.id).toBe(prison.organisation.id);
    const itemId = item!.id;

    // The CPAS, in French, reads it too, then attests and exports the copy the prison agreed to.
    const cpasPage = await profiles.open('fr-BE');
    watchServerErrors(failures, cpasPage);
    await logInToDashboard(
      cpasPage,
      'fr',
      cpas,
      cpas.recoveryCodes[6]!,
      'Préparation de l’accompagnement social à la sortie',
    );
    expect((await readCase(cpasPage, fr.dashboard.cases.caption)).id).toBe(kase.id);
    await cpasPage.getByRole('link', { name: fr.nav.transfers, exact: true }).click();
    await heading(cpasPage, fr.transfers.title);
    const copy = cpasPage.getByRole('article', {
      name: fill(fr.transfers.requested.itemTitle, { case: TITLE }),
    });
    await copy.getByText(fr.transferDecisions.approved, { exact: true }).waitFor();
    await copy.getByRole('checkbox', { name: fr.transfers.attestation.attest }).check();
    await copy.getByRole('button', { name: fr.transfers.attestation.submit, exact: true }).click();
    await cpasPage.getByRole('status').getByText(fr.transfers.attestation.done, { exact: true }).waitFor();
    // The login is minutes old at most: the second factor is fresh enough for the export.
    const downloading = cpasPage.waitForEvent('download');
    await copy.getByRole('link', { name: fr.transfers.requested.download.pdf }).click();
    await downloading;
    await cpasPage
      .getByRole('status')
      .getByText(fill(fr.transfers.requested.exported, { format: 'PDF' }))
      .waitFor();
    const [transfer] = (await getJson<TransferList>(cpasPage, '/api/transfers')).requested.filter(
      (candidate) => candidate.caseId === kase.id,
    );
    expect(transfer?.items.map((copied) => [copied.itemId, copied.decision])).toEqual([[itemId, 'approved']]);
    expect(transfer?.exports).toHaveLength(1);

    // The prison's DPO takes in the dated and signed request, with the copy of the identity document.
    const deskPage = await profiles.open('fr-BE');
    watchServerErrors(failures, deskPage);
    await logInToRightsDesk(deskPage, demoUser('dpo'), demoUser('dpo').recoveryCodes[6]!);
    await expectNoSeriousAxeViolations(deskPage, 'rights desk');
    const intake = deskPage.getByRole('region', { name: fr.rights.intake.title });
    const f = fr.rights.intake.fields;
    await intake.getByLabel(f.kind, { exact: true }).selectOption('rectification');
    await intake.getByLabel(f.channel, { exact: true }).selectOption('registered_post');
    await intake.getByLabel(f.datedOn, { exact: true }).fill(daysAgo(1));
    await intake.getByLabel(f.name, { exact: true }).fill(REQUESTER);
    await intake.getByLabel(f.birthDate, { exact: true }).fill(BIRTH_DATE);
    await intake.getByLabel(f.nationalNumber, { exact: true }).fill(nationalRegisterNumber(BIRTH_DATE, 127));
    await intake.getByLabel(f.address, { exact: true }).fill('Chemin de la Prison 3, 5000 Namur');
    await intake
      .getByLabel(f.text, { exact: true })
      .fill('Je n’ai été sanctionné qu’une fois en 2026 : deux des trois sanctions ont été annulées.');
    await intake.getByRole('checkbox', { name: f.signed }).check();
    await intake
      .getByLabel(f.document, { exact: true })
      .setInputFiles({ name: 'demande-rectification.pdf', mimeType: 'application/pdf', buffer: PDF });
    await intake
      .getByLabel(f.proof, { exact: true })
      .setInputFiles({ name: 'carte-identite.pdf', mimeType: 'application/pdf', buffer: PDF });
    await intake.getByRole('button', { name: fr.rights.intake.submit, exact: true }).click();
    await deskPage
      .getByRole('status')
      .getByText(fill(fr.rights.intake.done, { name: REQUESTER }), { exact: true })
      .waitFor();
    const open = await getJson<{ parts: RightsPart[] }>(deskPage, '/api/rights-parts?open=true');
    const part = open.parts.find((candidate) => candidate.requesterName === REQUESTER);
    expect(part).toMatchObject({
      kind: 'rectification',
      route: 'standard',
      controller: { id: prison.organisation.id },
      records: expect.arrayContaining([expect.objectContaining({ type: 'item', id: itemId })]),
    });

    const detail = deskPage.getByRole('region', { name: fill(fr.rights.detail.title, { name: REQUESTER }) });
    await detail.getByRole('button', { name: fr.rights.identity.verify, exact: true }).click();
    await deskPage.getByRole('status').getByText(fr.rights.identity.done, { exact: true }).waitFor();
    await detail.getByText(fr.rights.detail.identityVerified, { exact: true }).waitFor();

    // RGT-REC-01: the rectification, a new version of the item with its reason.
    const change = detail.getByRole('region', { name: fr.rights.change.title });
    await change.getByLabel(fr.rights.change.fields.itemId, { exact: true }).selectOption(itemId);
    expect(await change.getByLabel(fr.rights.change.fields.change, { exact: true }).inputValue()).toBe(
      'rectify',
    );
    await change.getByLabel(fr.rights.change.fields.text, { exact: true }).fill(RECTIFIED);
    await change
      .getByLabel(fr.rights.change.fields.reason, { exact: true })
      .fill('Deux des trois sanctions ont été annulées par la direction (décision jointe à la demande).');
    await expectNoSeriousAxeViolations(deskPage, 'rectification filled in');
    await change.getByRole('button', { name: fr.rights.change.submit, exact: true }).click();
    await deskPage.getByRole('status').getByText(fr.rights.change.done.rectify, { exact: true }).waitFor();

    // The answer "granted", recorded: the recipients hear of the change with it (RGT-REC-04).
    const answer = detail.getByRole('region', { name: fr.rights.answerForm.title });
    expect(await answer.getByLabel(fr.rights.answerForm.fields.outcome, { exact: true }).inputValue()).toBe(
      'granted',
    );
    await answer.getByRole('button', { name: fr.rights.answerForm.submit, exact: true }).click();
    await deskPage
      .getByRole('status')
      .getByText(fill(fr.rights.answerForm.done, { outcome: fr.rights.outcomes.granted }), { exact: true })
      .waitFor();
    expect(await detail.getByRole('region', { name: fr.rights.answerForm.title }).count()).toBe(0);

    // The recipients of the item: the police and the CPAS, which read it, and the CPAS's own-file copy.
    const recipients = detail.getByRole('region', { name: fr.rights.disclosures.title });
    await recipients.getByRole('button', { name: fr.rights.disclosures.show, exact: true }).click();
    const log = recipients.getByRole('table', { name: fr.rights.disclosures.caption });
    const classes = fr.rights.recipientClasses;
    for (const [organisation, recipientClass] of [
      [police.organisation.legalName, classes.co_participant_controller],
      [cpas.organisation.legalName, classes.co_participant_controller],
      [cpas.organisation.legalName, classes.own_file_exporter],
    ] as const) {
      await log
        .getByRole('row')
        .filter({ has: deskPage.getByRole('rowheader', { name: organisation, exact: true }) })
        .filter({ hasText: recipientClass })
        .filter({ hasText: itemId })
        .waitFor();
    }
    await expectNoSeriousAxeViolations(deskPage, 'request answered, recipients shown');
    const { disclosures } = await getJson<DisclosureList>(
      deskPage,
      `/api/rights-parts/${part!.id}/disclosures`,
    );
    expect(
      disclosures
        .filter((disclosure) => disclosure.itemId === itemId)
        .map((disclosure) => `${disclosure.recipientOrganisationId} ${disclosure.recipientClass}`)
        .sort(),
    ).toEqual(
      [
        `${police.organisation.id} co_participant_controller`,
        `${cpas.organisation.id} co_participant_controller`,
        `${cpas.organisation.id} own_file_exporter`,
      ].sort(),
    );
    const [answered] = (
      await getJson<{ parts: RightsPart[] }>(deskPage, '/api/rights-parts?open=false')
    ).parts.filter((candidate) => candidate.id === part!.id);
    expect(answered).toMatchObject({ status: 'answered', outcome: 'granted' });

    // The police were told of the change with the answer, and now read the rectified text.
    const policeNotices = await getJson<NotificationList>(policePage, '/api/notifications');
    expect(policeNotices.notifications).toContainEqual(
      expect.objectContaining({ kind: 'disclosed_item_changed', caseId: kase.id, subjectId: itemId }),
    );
    const reread = await getJson<CaseDetail>(policePage, `/api/cases/${kase.id}`);
    expect(reread.items.find((candidate) => candidate.id === itemId)?.content).toBe(RECTIFIED);

    // FIL-08: the CPAS, which exported it, was told at the change; its register shows it rectified.
    const cpasNotices = await getJson<NotificationList>(cpasPage, '/api/notifications');
    expect(cpasNotices.notifications).toContainEqual(
      expect.objectContaining({ kind: 'exported_item_changed', caseId: kase.id, subjectId: itemId }),
    );
    await cpasPage.reload();
    await heading(cpasPage, fr.transfers.title);
    const register = copy.getByRole('table', { name: fr.transfers.register.caption });
    const rectified = fill(fr.transfers.register.change, {
      change: fr.exportedItemChanges.rectified,
      date: '',
    });
    await register.getByText(new RegExp(escapeRegExp(rectified))).waitFor();
    await expectNoSeriousAxeViolations(cpasPage, 'export register after the rectification');
    const [registered] = (await getJson<TransferList>(cpasPage, '/api/transfers')).requested.filter(
      (candidate) => candidate.id === transfer!.id,
    );
    expect(registered?.exports[0]?.changes).toContainEqual(
      expect.objectContaining({ itemId, change: 'rectified', acknowledged: null }),
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
