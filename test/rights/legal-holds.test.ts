/**
 * Legal holds over HTTP on a real database (L2007/L1992 art. 14 §7; SPEC RET-08, RGT-CRT-04): the
 * president of the court orders a measure preserving evidence; a party of the case places a hold
 * on the case, a person or an item; nothing it covers is erased by hand (the case route, the rights
 * desk) until the organisation that placed it releases it. Every placement and release is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { legalHoldOrder, placeLegalHoldOn } from '../support/legal-hold-steps.js';
import { intake, verified } from '../support/rights-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const HOLD_RULE = 'L2007 art. 14 §7 (SPEC RET-08)';
const holdsPath = (caseId: string, rest = '') => `/api/cases/${caseId}/legal-holds${rest}`;

const eraseOnCase = (caseId: string, itemId: string) =>
  world.request(world.people.policeOfficer, 'POST', `/api/cases/${caseId}/items/${itemId}/erasure`, {
    reason: 'Niet langer nodig voor de doeleinden.',
  });

const release = (who: keyof AccessWorld['people'], caseId: string, holdId: string) =>
  world.request(world.people[who], 'POST', holdsPath(caseId, `/${holdId}/release`), {
    reason: 'De voorzitter heeft de maatregel opgeheven.',
  });

describe('legal holds', () => {
  it('RET-08 RGT-CRT-04 a hold on an item blocks its erasure on the case route until the organisation that placed it releases it; another may not release it; each step is audited', async () => {
    const { policeOfficer: police, socialWorker } = world.people;
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const itemId = kase.itemIds[0]!;
    const start = await auditPosition(world);

    const placed = await world.request(police, 'POST', holdsPath(kase.id), legalHoldOrder({ itemId }));
    expect(placed.statusCode, placed.body).toBe(201);
    const hold = placed.json();
    expect(hold).toMatchObject({
      scope: 'item',
      itemId,
      personId: null,
      placedFor: { id: world.org.police },
      courtOrderReference: 'Kort Ged. 26/112/C',
      issuer: 'Voorzitter van de rechtbank van eerste aanleg Oost-Vlaanderen, afdeling Gent',
      reason: legalHoldOrder().reason,
      release: null,
      allowedActions: ['release'],
    });
    // The measure's text may describe the person: it is stored encrypted.
    const stored = await world.db.adminDb
      .selectFrom('legal_holds')
      .select('reason')
      .where('id', '=', hold.id)
      .executeTakeFirstOrThrow();
    expect(stored.reason.toString('latin1')).not.toContain('huisbezoek');

    const refused = await eraseOnCase(kase.id, itemId);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ rule: HOLD_RULE });
    expect(refused.json().detail).toContain('Kort Ged. 26/112/C');

    // The CPAS sees the hold but may not release it: it did not place it.
    const seen = await world.request(socialWorker, 'GET', holdsPath(kase.id));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().legalHolds).toEqual([expect.objectContaining({ id: hold.id, allowedActions: [] })]);
    expect((await release('socialWorker', kase.id, hold.id)).statusCode).toBe(403);
    expect((await eraseOnCase(kase.id, itemId)).statusCode).toBe(409);

    world.clock.advanceMs(60_000);
    const released = await release('policeOfficer', kase.id, hold.id);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({
      release: {
        reason: 'De voorzitter heeft de maatregel opgeheven.',
        releasedAt: world.clock.now().toISOString(),
      },
      allowedActions: [],
    });
    expect((await release('policeOfficer', kase.id, hold.id)).statusCode).toBe(409);
    const erased = await eraseOnCase(kase.id, itemId);
    expect(erased.statusCode, erased.body).toBe(200);

    const events = (await auditEventsSince(world, start)).filter((e) => e.action === 'store');
    expect(events).toEqual([
      expect.objectContaining({
        outcome: 'success',
        caseId: kase.id,
        reason: 'legal_hold_placed',
        actor: expect.objectContaining({ organisationId: world.org.police }),
        records: [
          { type: 'legal_hold', id: hold.id },
          { type: 'item', id: itemId, category: 11 },
        ],
      }),
      expect.objectContaining({ outcome: 'denied', reason: 'not_controller', caseId: kase.id }),
      expect.objectContaining({
        outcome: 'success',
        reason: 'legal_hold_released',
        records: [{ type: 'legal_hold', id: hold.id }],
      }),
    ]);
  });

  it('RET-08 RGT-CRT-04 a hold on a person stops the rights desk erasing the items about that person, while a prohibition of use stays allowed; after release the desk erases', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Huurachterstand sinds maart.'),
      category: 'C06',
    });
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;
    const holdId = await placeLegalHoldOn(world, kase.id, legalHoldOrder({ personId: kase.subjectId }));

    const dpo = world.people.cpasDpo;
    const receipt = await intake(world, dpo, { kind: 'erasure', text: 'Wis mijn gegevens.' });
    await verified(world, dpo, receipt.requestId);
    const change = (body: Record<string, unknown>) =>
      world.request(dpo, 'POST', `/api/rights-parts/${receipt.ownPart.id}/changes`, { itemId, ...body });

    const erase = { change: 'erase', reason: 'Verzoek tot uitwissing ingewilligd.' };
    const refused = await change(erase);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ rule: HOLD_RULE });
    const payload = await world.db.adminDb
      .selectFrom('items')
      .select('payload')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(payload.payload).not.toBeNull();

    // The prohibition of use keeps the evidence: it is not an erasure.
    const blocked = await change({
      change: 'prohibit_use',
      reason: 'Gebruik verboden tot het einde van het geding.',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);

    expect((await release('policeOfficer', kase.id, holdId)).statusCode).toBe(200);
    const erased = await change(erase);
    expect(erased.statusCode, erased.body).toBe(200);
  });

  it('RET-08 a hold on the case covers every item in it, whoever placed it', async () => {
    const kase = await newCase(world, { items: 2, to: 'accepted' });
    await placeLegalHoldOn(world, kase.id, legalHoldOrder(), world.people.coordinator);
    for (const itemId of kase.itemIds) {
      const refused = await eraseOnCase(kase.id, itemId);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ rule: HOLD_RULE });
    }
  });

  it('RET-08 a hold without its court order reference or issuer, or without the item its scope names, is refused naming the fields, and nothing is written', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const before = await countRows(world.db.adminDb, 'legal_holds');
    const start = await auditPosition(world);
    const { courtOrderReference: _, issuer: __, ...bare } = legalHoldOrder();
    const missing = await world.request(world.people.policeOfficer, 'POST', holdsPath(kase.id), bare);
    expect(missing.statusCode, missing.body).toBe(400);
    const fields = missing.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/body/courtOrderReference']));
    const blank = await world.request(world.people.policeOfficer, 'POST', holdsPath(kase.id), {
      ...legalHoldOrder(),
      issuer: '   ',
    });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toContain('/body/issuer');
    const noItem = await world.request(world.people.policeOfficer, 'POST', holdsPath(kase.id), {
      ...legalHoldOrder(),
      scope: 'item',
    });
    expect(noItem.statusCode, noItem.body).toBe(400);
    expect(noItem.json()).toMatchObject({ rule: HOLD_RULE, errors: [{ field: '/body/itemId' }] });
    const notOfCase = await world.request(
      world.people.policeOfficer,
      'POST',
      holdsPath(kase.id),
      legalHoldOrder({ personId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(notOfCase.statusCode, notOfCase.body).toBe(400);
    expect(notOfCase.json().errors).toEqual([
      { field: '/body/personId', message: 'is not a person of this case' },
    ]);
    expect(await countRows(world.db.adminDb, 'legal_holds')).toBe(before);
    expect((await auditEventsSince(world, start)).filter((e) => e.action === 'store')).toEqual([]);
  });
});
