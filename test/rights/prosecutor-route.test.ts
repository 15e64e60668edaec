/**
 * Requests about data of a consultation organised by motivated authorisation of the procureur du
 * Roi (bill art. 7; SPEC RGT-RST-08, RGT-RST-09, A-13), over HTTP on a real database: they go to the
 * office's desk with its three months, beside the controller's own clock; a deletion the office
 * restricted waits for its answer, and the item stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, riskItem } from '../support/case-steps.js';
import { authorisedFrameworkOf, deskQueue, intake, KEVIN, verified } from '../support/rights-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the prosecutor route (bill art. 7 al. 2)', () => {
  it('RGT-RST-08 RGT-RST-09 WFL-12 A-13 a deletion request on a restricted CPAS item lands with the office, both clocks shown; the CPAS cannot erase it, the prosecutor answers', async () => {
    const frameworkId = await authorisedFrameworkOf(world, world.org.parquet);
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['parquet', 'cpas'], frameworkId });
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Broer verdacht van mensenhandel.'),
      category: 'C06',
    });
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;
    const restricted = await world.request(world.people.prosecutor, 'POST', '/api/restrictions', {
      caseId: kase.id,
      personId: kase.subjectId,
      scope: 'items',
      itemIds: [itemId],
      rights: ['deletion'],
      grounds: ['R1'],
      justification: 'Het gezin is betrokken in een lopend strafonderzoek; wissen zou dat onderzoek schaden.',
    });
    expect(restricted.statusCode, restricted.body).toBe(201);

    const receipt = await intake(world, world.people.cpasDpo, { kind: 'erasure', text: 'Wis wat u over mij bijhoudt.' });
    const own = receipt.ownPart;
    expect(own).toMatchObject({ route: 'prosecutor', routeReason: expect.stringContaining('bill art. 7 al. 2') });
    expect(own.clock.rule).toContain('art. 12 §3');
    expect(own.prosecutorClock).toMatchObject({ rule: 'bill art. 7 al. 2', dueOn: '2026-06-01' });
    const office = (await deskQueue(world, world.people.prosecutor)).find((p) => p.id === own.id);
    expect(office).toMatchObject({ route: 'prosecutor', controller: { id: world.org.cpas } });

    await verified(world, world.people.cpasDpo, receipt.requestId);
    const erase = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${own.id}/changes`, {
      itemId,
      change: 'erase',
      reason: 'Op verzoek van de betrokkene.',
    });
    expect(erase.statusCode).toBe(409);
    expect(erase.json().rule).toContain('RGT-RST-08');
    const item = await world.db.adminDb.selectFrom('items').select(['payload', 'erased_at']).where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(item.erased_at).toBeNull();

    const byController = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${own.id}/answer`, {
      outcome: 'rejected',
      reasons: 'Beperking art. 7.',
    });
    expect(byController.statusCode).toBe(403);
    const answered = await world.request(world.people.prosecutor, 'POST', `/api/rights-parts/${own.id}/answer`, {
      outcome: 'rejected',
      reasons: 'De beperking van art. 7, 1° is nodig om het lopende onderzoek niet te hinderen.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'rejected', answeredAt: expect.any(String) });
  });

  it('LST-02 a list lookup may be linked to a rights request on the office route, not to one it does not handle', async () => {
    const frameworkId = await authorisedFrameworkOf(world, world.org.parquet);
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['parquet', 'cpas'], frameworkId });
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Begeleiding door het OCMW sinds 2025.'),
      category: 'C06',
    });
    expect(added.statusCode, added.body).toBe(201);
    const routed = await intake(world, world.people.cpasDpo);
    expect(routed.ownPart.route).toBe('prosecutor');
    const lookup = (rightsRequestId: string) =>
      world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
        rightsRequestId,
        nationalRegisterNumber: KEVIN.nationalNumber,
      });
    const linked = await lookup(routed.requestId);
    expect(linked.statusCode, linked.body).toBe(200);
    const logged = await world.db.adminDb.selectFrom('prosecutor_list_lookups').select('rights_request_id').where('id', '=', linked.json().lookupId).executeTakeFirstOrThrow();
    expect(logged.rights_request_id).toBe(routed.requestId);
    const elsewhere = await intake(world, world.people.policeDpo, { requester: { ...KEVIN, name: 'Peeters Jan', nationalNumber: undefined } });
    const refused = await lookup(elsewhere.requestId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('/body/rightsRequestId');
  });
});
