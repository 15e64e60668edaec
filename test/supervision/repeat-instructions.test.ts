/**
 * The Commission and the rights of the persons concerned, over HTTP on a real database: its
 * instruction shortening the interval between a person's access requests (L1992 art. 10 §2 al. 2;
 * SPEC SUP-05, on the repeat check of RGT-ACC-06), and the indirect exercise of rights through it
 * (L2007/L1992 art. 13; SPEC SUP-04, delivered as RGT-IND-02).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { deskQueue, intake, verified } from '../support/rights-steps.js';
import { supervisoryCaseOf, today } from '../support/supervision-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;
let kase: TestCase;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
  // The CPAS holds data on the case's subject too, so its desk answers him directly.
  const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
    ...riskItem(kase.subjectId, 'Schuldbemiddeling gestart in februari.'),
    category: 'C06',
  });
  expect(added.statusCode, added.body).toBe(201);
});
afterAll(async () => {
  await world?.close();
});

const instruct = (body: Record<string, unknown>, who = world.people.cpasDpo) =>
  world.request(who, 'POST', '/api/supervision/repeat-instructions', {
    commissionReference: 'CO-A-2026-0331',
    issuedOn: today(world),
    ...body,
  });

const repeatOf = async (partId: string) =>
  (await deskQueue(world, world.people.cpasDpo)).find((part) => part.id === partId)!.repeat;

describe('the Commission and the rights desk', () => {
  it('SUP-05 with a Commission instruction recorded for the person, a repeat access request is no longer flagged', async () => {
    const dpo = world.people.cpasDpo;
    const first = await intake(world, dpo);
    await verified(world, dpo, first.requestId);
    const answered = await world.request(dpo, 'POST', `/api/rights-parts/${first.ownPart.id}/answer`, {
      outcome: 'answered',
    });
    expect(answered.statusCode, answered.body).toBe(200);

    world.clock.advanceMs(60_000);
    const second = await intake(world, dpo);
    expect(second.ownPart.repeat).toEqual({ previousRequestId: first.requestId, recommendation: 'repeat' });

    // A one-month interval: the request a minute after the answered one is still a repeat.
    const caseId = await supervisoryCaseOf(world, dpo);
    const start = await auditPosition(world);
    const month = await instruct({ partId: second.ownPart.id, intervalMonths: 1, supervisoryCaseId: caseId });
    expect(month.statusCode, month.body).toBe(201);
    expect(month.json()).toMatchObject({
      partId: second.ownPart.id,
      intervalMonths: 1,
      supervisoryCaseId: caseId,
    });
    expect(await repeatOf(second.ownPart.id)).toEqual({
      previousRequestId: first.requestId,
      recommendation: 'repeat',
    });

    // The Commission lifts the interval for this person: the request is answered like a first one.
    world.clock.advanceMs(60_000);
    const none = await instruct({ partId: second.ownPart.id, intervalMonths: 0 });
    expect(none.statusCode, none.body).toBe(201);
    expect(await repeatOf(second.ownPart.id)).toBeNull();
    const third = await intake(world, dpo);
    expect(third.ownPart.repeat).toBeNull();

    const listed = (await world.request(dpo, 'GET', '/api/supervision/repeat-instructions')).json()
      .instructions;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([none.json().id, month.json().id]);
    const events = await auditEventsSince(world, start);
    expect(events.filter((e) => e.reason === 'commission_repeat_instruction')).toHaveLength(2);
    // The person is named by blind indexes only: nothing of him in clear.
    const stored = await world.db.adminDb.selectFrom('commission_repeat_instructions').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('Dewaele');
    // Another controller's desk is not bound by it: the police DPO sees none.
    expect(
      (await world.request(world.people.policeDpo, 'GET', '/api/supervision/repeat-instructions')).json()
        .instructions,
    ).toEqual([]);
  });

  it('SUP-05 an interval of twelve months or more, a part of another desk or of another kind is refused naming the field, and nothing is recorded', async () => {
    const dpo = world.people.cpasDpo;
    const receipt = await intake(world, dpo);
    const before = await countRows(world.db.adminDb, 'commission_repeat_instructions');
    const long = await instruct({ partId: receipt.ownPart.id, intervalMonths: 12 });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({
      rule: 'L1992 art. 10 §2 al. 2 (SPEC SUP-05)',
      errors: [{ field: '/body/intervalMonths', message: expect.stringContaining('shorter than 12 months') }],
    });
    const police = (await deskQueue(world, world.people.policeDpo)).find(
      (p) => p.requestId === receipt.requestId,
    )!;
    const foreign = await instruct({ partId: police.id, intervalMonths: 0 });
    expect(foreign.json().errors).toEqual([
      { field: '/body/partId', message: 'is not a part of a request at this desk' },
    ]);
    const rectification = await intake(world, dpo, { kind: 'rectification', text: 'Mijn adres is fout.' });
    const kind = await instruct({ partId: rectification.ownPart.id, intervalMonths: 0 });
    expect(kind.json().errors).toEqual([
      { field: '/body/partId', message: 'is not a part of an access request (art. 10)' },
    ]);
    // Only the DPO: the office's prosecutor works a rights desk but keeps no supervisory register.
    expect(
      (await instruct({ partId: receipt.ownPart.id, intervalMonths: 0 }, world.people.prosecutor)).statusCode,
    ).toBe(403);
    expect(await countRows(world.db.adminDb, 'commission_repeat_instructions')).toBe(before);
  });

  it('SUP-04 indirect exercise through the Commission is the RGT-IND-02 workflow: a package for the Commission, no letter to the person', async () => {
    const receipt = await intake(world, world.people.cpasDpo);
    const police = (await deskQueue(world, world.people.policeDpo)).find(
      (p) => p.requestId === receipt.requestId && p.route === 'commission',
    )!;
    expect(police).toBeDefined();
    const letter = await world.request(world.people.policeDpo, 'GET', `/api/rights-parts/${police.id}/reply`);
    expect(letter.statusCode).toBe(409);
    const pack = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/rights-parts/${police.id}/commission-package`,
    );
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json()).toMatchObject({
      addressee: 'supervisory_authority',
      rule: expect.stringContaining('art. 13'),
    });
  });
});
