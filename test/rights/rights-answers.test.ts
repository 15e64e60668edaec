/**
 * What a desk answers, over HTTP on a real database (L2007 arts 10, 12, 13; SPEC §9): repeat
 * requests, health data through a professional, the prohibition of use, the disclosure log that
 * outlives an erasure, the reply letter, the Commission's package, and direct marketing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeRightsRequestSchema } from '../../src/contracts/rights.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { pdfText } from '../support/pdf-text.js';
import { deskQueue, intake, verified } from '../support/rights-steps.js';

let world: AccessWorld;
let kase: TestCase;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

/** A CPAS item about the case's subject, read by the police (a co-participant). */
async function cpasItem(content: string): Promise<string> {
  const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
    ...riskItem(kase.subjectId, content),
    category: 'C06',
  });
  expect(added.statusCode, added.body).toBe(201);
  const read = await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}`);
  expect(read.statusCode).toBe(200);
  return added.json().id;
}

const answer = (partId: string, body: Record<string, unknown>) =>
  world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/answer`, body);

describe('access', () => {
  it('RGT-ACC-04 access is free: the intake has no fee or payment step', () => {
    const fields = Object.keys(IntakeRightsRequestSchema.properties);
    expect(fields.filter((field) => /fee|pay|cost/i.test(field))).toEqual([]);
  });

  it('RGT-ACC-06 a second request within the interval is flagged repeat, and answer recommended once the data changed', async () => {
    const itemId = await cpasItem('Schuldbemiddeling gestart in februari.');
    const first = await intake(world, world.people.cpasDpo);
    await verified(world, world.people.cpasDpo, first.requestId);
    expect((await answer(first.ownPart.id, { outcome: 'answered' })).statusCode).toBe(200);

    world.clock.advanceMs(60_000);
    const second = await intake(world, world.people.cpasDpo);
    expect(second.ownPart.repeat).toEqual({ previousRequestId: first.requestId, recommendation: 'repeat' });
    await verified(world, world.people.cpasDpo, second.requestId);
    const deferred = await answer(second.ownPart.id, { outcome: 'deferred' });
    expect(deferred.statusCode).toBe(400);

    world.clock.advanceMs(60_000);
    const changed = await world.request(world.people.socialWorker, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      ...(({ missionConfirmed: _, provenance: __, ...fields }) => fields)(riskItem(kase.subjectId, 'Schuldbemiddeling afgerond.')),
      category: 'C06',
      reason: 'Nieuwe stand van zaken.',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const part = (await deskQueue(world, world.people.cpasDpo)).find((p) => p.id === second.ownPart.id)!;
    expect(part.repeat.recommendation).toBe('answer_recommended');
  });

  it('RGT-ACC-05 health data may go through a health professional chosen by the person, who is named in the answer', async () => {
    const receipt = await intake(world, world.people.cpasDpo);
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const answered = await answer(receipt.ownPart.id, {
      outcome: 'answered',
      healthProfessional: { name: 'Dr. An Vermeulen', registrationNumber: '1-23456-78-901', address: 'Zuidstraat 5, 9000 Gent' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const json = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/access-answer`);
    expect(json.json().healthProfessional).toMatchObject({ name: 'Dr. An Vermeulen', registrationNumber: '1-23456-78-901' });
    const objection = await intake(world, world.people.cpasDpo, { kind: 'objection', objectionGround: 'particular_situation' });
    await verified(world, world.people.cpasDpo, objection.requestId);
    const refused = await answer(objection.ownPart.id, {
      outcome: 'rejected',
      reasons: 'Geen bijzondere omstandigheden.',
      healthProfessional: { name: 'Dr. X', registrationNumber: '1', address: 'Gent' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('/body/healthProfessional');
  });

  it('RGT-GEN-02 SCO-09 a paper part registered about the person is part of the answer, with its index and categories', async () => {
    const paper = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/paper-parts`, {
      description: 'Sociaal verslag op papier',
      contentIndex: 'Verslag huisbezoek van 3 februari (4 blz.)',
      categories: ['C06'],
      personIds: [kase.subjectId],
      location: { building: 'OCMW Gent, Onderbergen 86', room: 'Archief 1' },
      custodianFunction: 'Maatschappelijk werker',
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const receipt = await intake(world, world.people.cpasDpo);
    expect(receipt.ownPart.records).toEqual(expect.arrayContaining([{ type: 'paper_part', id: paper.json().id, caseId: kase.id }]));
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const res = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/access-answer`);
    expect(res.json().data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'paper_part', category: 'C06', content: 'Sociaal verslag op papier: Verslag huisbezoek van 3 februari (4 blz.)' }),
      ]),
    );
  });
});

describe('police data (L2007 art. 3 §5)', () => {
  it('RGT-IND-01 a police item outside any police mission is answered by the police desk directly; one for a mission goes to the Commission', async () => {
    const outside = await world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Slachtofferbejegening: doorverwezen naar slachtofferhulp.'),
      policeMission: 'none',
    });
    expect(outside.statusCode, outside.body).toBe(201);
    expect(outside.json().policeMission).toBe('none');
    const receipt = await intake(world, world.people.cpasDpo);
    const police = (await deskQueue(world, world.people.policeDpo)).filter((p) => p.requestId === receipt.requestId);
    const standard = police.find((p) => p.route === 'standard');
    const commission = police.find((p) => p.route === 'commission');
    expect(standard?.records).toEqual([{ type: 'item', id: outside.json().id, caseId: kase.id }]);
    expect(commission?.records.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([kase.itemIds[0], kase.subjectId]));
  });
});

describe('contested data in an answer (L2007 art. 15)', () => {
  it('RGT-CON-02 an item under a rectification request is shown contested in the access answer, in the requester’s language', async () => {
    await cpasItem('Woont sinds maart bij zijn moeder.');
    await intake(world, world.people.cpasDpo, { kind: 'rectification', text: 'Ik woon niet bij mijn moeder.' });
    const access = await intake(world, world.people.cpasDpo);
    await verified(world, world.people.cpasDpo, access.requestId);
    const res = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${access.ownPart.id}/access-answer`);
    const shown = res.json().data.find((d: { content: string }) => d.content === 'Woont sinds maart bij zijn moeder.');
    expect(shown.contested).toMatchObject({ label: 'Betwist gegeven', since: expect.any(String) });
    const others = res.json().data.filter((d: { content: string; contested: unknown }) => d.contested === null);
    expect(others.length).toBeGreaterThan(0);
  });
});

describe('erasure and prohibition of use', () => {
  it('RGT-REC-02 a prohibition of use blocks the item: the case view no longer shows its content, and it leaves the answer', async () => {
    const itemId = await cpasItem('Verblijft soms bij zijn broer.');
    const receipt = await intake(world, world.people.cpasDpo, { kind: 'prohibition', text: 'Deze gegevens zijn niet ter zake dienend.' });
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const blocked = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/changes`, {
      itemId,
      change: 'prohibit_use',
      reason: 'Niet ter zake dienend voor de doeleinden.',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    const view = await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}`);
    const item = view.json().items.find((i: { id: string }) => i.id === itemId);
    expect(item.blocked).toMatchObject({ reason: 'prohibited_use' });
    expect(JSON.stringify(view.json())).not.toContain('Verblijft soms');
  });

  it('RGT-REC-05 CRT-03 after its erasure the item’s recipients are still in the disclosure log', async () => {
    const itemId = await cpasItem('Tijdelijk dakloos in januari.');
    const receipt = await intake(world, world.people.cpasDpo, { kind: 'erasure', text: 'Wis dit gegeven.' });
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const erased = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/changes`, {
      itemId,
      change: 'erase',
      reason: 'Bewaard na de toegestane termijn.',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const payload = await world.db.adminDb.selectFrom('items').select('payload').where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(payload.payload).toBeNull();
    const log = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/disclosures`);
    expect(log.json().disclosures).toEqual(
      expect.arrayContaining([expect.objectContaining({ itemId, recipientOrganisationId: world.org.police, recipientClass: 'co_participant_controller' })]),
    );
  });
});

describe('letters and packages', () => {
  it('RGT-OBJ-02 RGT-CRT-02 the reply letter states the outcome and its reasons in the requester’s language, as JSON and PDF', async () => {
    const receipt = await intake(world, world.people.cpasDpo, {
      kind: 'objection',
      objectionGround: 'particular_situation',
      language: 'fr',
    });
    const early = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/reply`);
    expect(early.statusCode).toBe(409);
    await verified(world, world.people.cpasDpo, receipt.requestId);
    expect((await answer(receipt.ownPart.id, { outcome: 'rejected', reasons: 'Aucune raison sérieuse et légitime invoquée.' })).statusCode).toBe(200);
    const letter = (await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/reply`)).json();
    expect(letter).toMatchObject({ language: 'fr', outcome: 'rejected', answeredAt: expect.any(String) });
    expect(letter.paragraphs.join(' ')).toContain('Aucune raison sérieuse');
    const pdf = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/reply?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Suite donn');
  });

  it('RGT-IND-02 on the police part the desk compiles a package for the supervisory authority, and no letter goes to the person', async () => {
    const receipt = await intake(world, world.people.cpasDpo);
    const police = (await deskQueue(world, world.people.policeDpo)).find(
      (p) => p.requestId === receipt.requestId && p.route === 'commission',
    )!;
    expect(police.records.length).toBeGreaterThan(0);
    const letter = await world.request(world.people.policeDpo, 'GET', `/api/rights-parts/${police.id}/reply`);
    expect(letter.statusCode).toBe(409);
    expect(letter.json().rule).toContain('art. 13');
    const pack = await world.request(world.people.policeDpo, 'GET', `/api/rights-parts/${police.id}/commission-package`);
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json()).toMatchObject({ addressee: 'supervisory_authority', rule: expect.stringContaining('art. 13') });
    expect(pack.json().answer.data.length).toBeGreaterThan(0);
    const own = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/commission-package`);
    expect(own.statusCode).toBe(409);
  });

  it('RGT-OBJ-03 an objection to direct marketing is closed at once with the standard reply, and reaches no other desk', async () => {
    const receipt = await intake(world, world.people.cpasDpo, { kind: 'objection', objectionGround: 'direct_marketing', language: 'en' });
    expect(receipt.ownPart).toMatchObject({ status: 'answered', outcome: 'not_applicable', records: [] });
    expect((await deskQueue(world, world.people.policeDpo)).some((p) => p.requestId === receipt.requestId)).toBe(false);
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const letter = (await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${receipt.ownPart.id}/reply`)).json();
    expect(letter.paragraphs).toContain('No data are processed for direct marketing.');
  });
});
