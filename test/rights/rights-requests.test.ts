/**
 * The rights desks over HTTP on a real database (L2007 arts 10, 12, 13, 15; SPEC §9): a request
 * taken in by the CPAS's DPO reaches every controller holding data on the person, each on its
 * route with its clock; the access answer holds the controller's own data only; a rectification
 * is carried out as a version and reaches every recipient of the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { deskQueue, intake as intakeAs, KEVIN, rightsRequest } from '../support/rights-steps.js';

const request = (overrides: Record<string, unknown> = {}) => rightsRequest(world, overrides);
const intake = (who: Signed, overrides: Record<string, unknown> = {}) => intakeAs(world, who, overrides);
const queue = (who: Signed) => deskQueue(world, who);


let world: AccessWorld;
let kase: TestCase;
let cpasItemId: string;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
  const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
    ...riskItem(kase.subjectId, 'Huurachterstand van drie maanden; leefloon sinds januari.'),
    category: 'C06',
  });
  expect(added.statusCode, added.body).toBe(201);
  cpasItemId = added.json().id;
  // The police reads the case: the CPAS item is disclosed to a co-participant (ROL-11).
  const read = await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}`);
  expect(read.statusCode, read.body).toBe(200);
});
afterAll(async () => {
  await world?.close();
});

describe('intake and routing', () => {
  it('RGT-GEN-01 an unsigned request, or one dated after its receipt, is refused with the field named and nothing kept', async () => {
    const before = await world.db.adminDb.selectFrom('rights_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const unsigned = await world.request(world.people.cpasDpo, 'POST', '/api/rights-requests', request({ signed: false, datedOn: '2026-03-09' }));
    expect(unsigned.statusCode).toBe(400);
    const fields = unsigned.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/body/signed', '/body/datedOn']));
    expect(unsigned.json().rule).toContain('art. 10 §1 al. 2');
    const after = await world.db.adminDb.selectFrom('rights_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('RGT-GEN-02 RGT-IND-01 SCO-15 a person held by the police and the CPAS gives two parts: the CPAS answers directly, the police part goes to the supervisory authority', async () => {
    const receipt = await intake(world.people.cpasDpo);
    expect(receipt.ownPart).toMatchObject({ route: 'standard', controller: { id: world.org.cpas }, status: 'received' });
    expect(receipt.ownPart.records).toEqual([{ type: 'item', id: cpasItemId, caseId: kase.id }]);
    // The intake learns nothing of the police part.
    expect(JSON.stringify(receipt)).not.toContain(world.org.police);
    const police = (await queue(world.people.policeDpo)).filter((p) => p.requestId === receipt.requestId);
    expect(police).toHaveLength(1);
    expect(police[0]).toMatchObject({ route: 'commission', status: 'routed', outcome: 'routed_commission', clock: null, receivedHere: false });
    expect(receipt.ownPart.receivedHere).toBe(true);
    expect(police[0]!.routeReason).toContain('art. 3 §5');
    expect(police[0]!.records.map((r: { id: string }) => r.id).sort()).toEqual([kase.subjectId, ...kase.itemIds].sort());
    const cpasQueue = await queue(world.people.cpasDpo);
    expect(cpasQueue.every((p) => p.controller.id === world.org.cpas)).toBe(true);
  });

  it('RGT-GEN-02 a request about a person nobody holds answers no data, in the same words, without naming anyone searched', async () => {
    const receipt = await intake(world.people.cpasDpo, { requester: { ...KEVIN, name: 'Janssens Ann', nationalNumber: '85.01.01-001.15' } });
    expect(receipt.ownPart.records).toEqual([]);
    expect(receipt.ownPart.routeReason).toContain('no data held');
    expect(Object.keys(receipt)).toEqual(['requestId', 'receivedAt', 'ownPart']);
    const police = (await queue(world.people.policeDpo)).filter((p) => p.requestId === receipt.requestId);
    expect(police).toEqual([]);
  });

  it('RGT-ACC-02 ROL-12 only a DPO or prosecutor works a desk; a participant is refused', async () => {
    const res = await world.request(world.people.socialWorker, 'POST', '/api/rights-requests', request());
    expect(res.statusCode).toBe(403);
    const list = await world.request(world.people.socialWorker, 'GET', '/api/rights-parts');
    expect(list.statusCode).toBe(403);
  });
});

describe('the access answer', () => {
  it('RGT-ACC-02 RGT-ACC-01 ROL-11 ADM-03 the answer waits for the identity, then holds the CPAS data only, with purposes, categories, recipients and remedies', async () => {
    const receipt = await intake(world.people.cpasDpo);
    const partId = receipt.ownPart.id;
    const early = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${partId}/access-answer`);
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toContain('RGT-ACC-02');
    const verified = await world.request(world.people.cpasDpo, 'POST', `/api/rights-requests/${receipt.requestId}/identity-verification`);
    expect(verified.statusCode, verified.body).toBe(200);

    // An authority receiving the item in a particular inquiry is logged but is no recipient (L2007 art. 1 §7).
    const judge = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items/${cpasItemId}/external-disclosures`, {
      recipientName: 'Onderzoeksrechter Gent, dossier 2026/123',
      recipientClass: 'inquiry_authority',
      disclosedAt: world.clock.now().toISOString(),
    });
    expect(judge.statusCode, judge.body).toBe(201);

    const position = await auditPosition(world);
    const res = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${partId}/access-answer`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer.confirmation).toBe(true);
    expect(answer.data.map((d: { content: string }) => d.content)).toEqual(['Huurachterstand van drie maanden; leefloon sinds januari.']);
    expect(JSON.stringify(answer)).not.toContain('Vaststelling');
    expect(answer.purposes.map((p: { code: string }) => p.code)).toEqual(['P1']);
    expect(answer.categories).toEqual([{ code: 'C06', label: expect.stringContaining('') }]);
    expect(answer.recipients.map((r: { class: string }) => r.class)).toEqual(['co_participant_controller']);
    expect(answer.automatedDecisions).not.toBe('');
    expect(answer.remedies.join(' ')).toContain('art. 14');
    const events = await auditEventsSince(world, position);
    expect(events.find((e) => e.action === 'retrieve')?.records).toEqual(
      expect.arrayContaining([{ type: 'item', id: cpasItemId }]),
    );

    const disclosures = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${partId}/disclosures`);
    expect(disclosures.json().disclosures.map((d: { recipientClass: string }) => d.recipientClass).sort()).toEqual([
      'co_participant_controller',
      'inquiry_authority',
    ]);

    const pdf = await world.request(world.people.cpasDpo, 'GET', `/api/rights-parts/${partId}/access-answer?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Antwoord op een verzoek om toegang');
    expect(text).toContain('Huurachterstand');
  });

  it('RGT-ACC-03 RGT-CRT-02 the 45-day clock reminds on day 30 and 40, is overdue from day 46 and then opens the court action', async () => {
    const receivedDaysAgo = async (days: number) => {
      const receivedAt = new Date(world.clock.now().getTime() - days * 86_400_000);
      const receipt = await intake(world.people.cpasDpo, { receivedAt: receivedAt.toISOString(), datedOn: '2026-01-02' });
      return receipt.ownPart;
    };
    const fresh = await receivedDaysAgo(0);
    expect(fresh.clock).toMatchObject({ overdue: false, reminder: null, rule: expect.stringContaining('art. 10 §1 al. 3') });
    expect(fresh.courtActionAdmissible).toBe(false);
    expect((await receivedDaysAgo(29)).clock.reminder).toBe(null);
    expect((await receivedDaysAgo(30)).clock.reminder).toBe('first');
    expect((await receivedDaysAgo(40)).clock.reminder).toBe('second');
    const due = await receivedDaysAgo(45);
    expect(due.clock.overdue).toBe(false);
    expect(due.courtActionAdmissible).toBe(false);
    const late = await receivedDaysAgo(46);
    expect(late.clock).toMatchObject({ overdue: true });
    expect(late.courtActionAdmissible).toBe(true);
  });
});

describe('rectification', () => {
  it('RGT-REC-01 RGT-REC-03 RGT-REC-04 RGT-CON-01 RGT-CON-04 a rectification marks the item contested from receipt, is carried out as a version and reaches the police that read it', async () => {
    const receipt = await intake(world.people.cpasDpo, { kind: 'rectification', text: 'De huurachterstand is betaald.' });
    const partId = receipt.ownPart.id;
    expect(receipt.ownPart.clock.rule).toContain('art. 12 §3');
    const marks = await world.db.adminDb.selectFrom('contested_marks').selectAll().where('reference', '=', receipt.requestId).execute();
    // Every controller's items are contested, the police's too (art. 15 is not among the exemptions of art. 3 §5).
    expect(marks.map((m) => m.item_id).sort()).toEqual([cpasItemId, ...kase.itemIds].sort());
    expect(new Date(marks[0]!.started_at).toISOString()).toBe(receipt.ownPart.receivedAt);
    // RGT-CON-04: the consult event of a reader of the case keeps that the item was shown contested.
    const shown = await auditPosition(world);
    expect((await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(200);
    const view = (await auditEventsSince(world, shown)).find((e) => e.action === 'consult' && e.caseId === kase.id);
    expect(view?.records).toEqual(expect.arrayContaining([{ type: 'contested_item', id: cpasItemId }]));

    await world.request(world.people.cpasDpo, 'POST', `/api/rights-requests/${receipt.requestId}/identity-verification`);
    const early = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/answer`, { outcome: 'granted' });
    expect(early.statusCode).toBe(400);
    const wrong = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/changes`, {
      itemId: kase.itemIds[0],
      change: 'rectify',
      text: 'x',
      reason: 'Op verzoek van de betrokkene.',
    });
    expect(wrong.statusCode).toBe(400);
    const done = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/changes`, {
      itemId: cpasItemId,
      change: 'rectify',
      text: 'De huurachterstand werd in maart volledig betaald.',
      reason: 'Betalingsbewijs voorgelegd door de betrokkene.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('in_progress');
    const version = await world.db.adminDb.selectFrom('items').select('version').where('id', '=', cpasItemId).executeTakeFirstOrThrow();
    expect(version.version).toBe(2);

    const answered = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/answer`, { outcome: 'granted' });
    expect(answered.statusCode, answered.body).toBe(200);
    const notices = await world.db.adminDb.selectFrom('rights_recipient_notices').selectAll().where('part_id', '=', partId).execute();
    expect(notices.map((n) => n.recipient_kind).sort()).toEqual(['co_participant', 'data_subject', 'external']);
    const police = notices.find((n) => n.recipient_kind === 'co_participant')!;
    expect(police.recipient_organisation_id).toBe(world.org.police);
    const notification = await world.db.adminDb.selectFrom('notifications').selectAll().where('id', '=', police.notification_id!).executeTakeFirstOrThrow();
    expect(notification).toMatchObject({ kind: 'disclosed_item_changed', subject_id: cpasItemId, organisation_id: world.org.police });
  });

  it('RGT-OBJ-01 RGT-CRT-02 a rejection without reasons is refused; with them it is recorded and the court action is open', async () => {
    const receipt = await intake(world.people.cpasDpo, {
      kind: 'objection',
      objectionGround: 'particular_situation',
      text: 'Ik maak bezwaar tegen de verwerking.',
    });
    // CPAS processing rests on art. 5 e): the objection applies and its reasons are weighed.
    expect(receipt.ownPart.objection).toEqual({ lawfulGround: 'e', applies: true, rule: 'L2007 art. 12 §1 al. 2' });
    await world.request(world.people.cpasDpo, 'POST', `/api/rights-requests/${receipt.requestId}/identity-verification`);
    const excluded = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/answer`, { outcome: 'not_applicable' });
    expect(excluded.statusCode).toBe(400);
    const bare = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/answer`, { outcome: 'rejected' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('/body/reasons');
    const reasoned = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/answer`, {
      outcome: 'rejected',
      reasons: 'De verwerking berust op een wettelijke verplichting (art. 5 c)).',
    });
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    expect(reasoned.json()).toMatchObject({ status: 'rejected', courtActionAdmissible: true });
  });
});
