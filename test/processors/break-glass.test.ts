/**
 * Break-glass access of the host's staff over HTTP and in the database (L2007 art. 16 §3; SPEC
 * SEC-12, PRC-06): no standing access, a support ticket reads nothing without the controller's
 * instruction, the approved grantee reads that controller's records of that case only, within the
 * window, every read audited and reported to the controller, and row-level security agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WELFARE_AGENCY } from '../../src/server/modules/identity/identity-fixtures.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { admit, auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';
import { approvedBreakGlass, pendingBreakGlass } from '../support/processor-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const START = '2026-03-02T09:00:00Z';
const content = (grantId: string, who = world.people.operator) =>
  world.request(who, 'GET', `/api/break-glass/${grantId}/content`);

/** An accepted police case shared with the CPAS, which added an item of its own. */
async function sharedCase() {
  const kase = await newCase(world, { items: 2, to: 'accepted' });
  await admit(world, kase.id, 'cpas');
  const cpasItem = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
    ...riskItem(kase.subjectId, 'Vaststelling van het OCMW.'),
  });
  expect(cpasItem.statusCode, cpasItem.body).toBe(201);
  return { ...kase, cpasItemId: cpasItem.json().id as string };
}

describe('break-glass access', () => {
  it("SEC-12 PRC-06 a support ticket without the controller's instruction reads nothing: the read is denied and audited, and the DPO is asked", async () => {
    const kase = await newCase(world, { items: 1 });
    const grantId = await pendingBreakGlass(world, kase.id);
    const asked = await world.request(world.people.policeDpo, 'GET', '/api/notifications');
    expect(asked.json().notifications).toContainEqual(
      expect.objectContaining({ kind: 'break_glass_requested', subjectId: grantId, audience: 'dpo' }),
    );
    const start = await auditPosition(world);
    const denied = await content(grantId);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().rule).toContain('art. 16 §3');
    expect(denied.json().detail).toBe('Refused: instruction missing');
    const events = await auditEventsSince(world, start);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'consult',
        outcome: 'denied',
        reason: 'instruction_missing',
        actor: expect.objectContaining({ userId: world.people.operator.actor.userId, role: 'operator' }),
        records: [{ type: 'break_glass', id: grantId }],
      }),
    ]);
    // And without any grant the host still reads no case (its standing access is none).
    expect((await world.request(world.people.operator, 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);
    // The host's support cannot even ask for a controller that has not approved the host's record.
    const stranger = await world.request(world.people.operator, 'POST', '/api/admin/organisations', {
      ...WELFARE_AGENCY,
      legalName: 'Dienst zonder verwerkersovereenkomst',
    });
    const unbound = await world.request(world.people.operator, 'POST', '/api/break-glass', {
      controllerOrganisationId: stranger.json().id,
      caseId: kase.id,
      supportTicket: 'SUP-2026-900',
      reason: 'Nazicht van een probleem bij het openen van een dossier.',
      hours: 1,
    });
    expect(unbound.statusCode).toBe(409);
    expect(unbound.json().rule).toContain('PRC-06');
  });

  it("SEC-12 once the controller's DPO instructs, the named grantee reads that controller's records of that case only; each read is audited and reported to the controller", async () => {
    const kase = await sharedCase();
    // A special category item of the police: its content needs a designation the host's staff never hold.
    await world.db.adminDb
      .updateTable('items')
      .set({ category: 'C10' })
      .where('id', '=', kase.itemIds[1]!)
      .execute();
    const grantId = await pendingBreakGlass(world, kase.id);
    const view = await world.request(world.people.policeDpo, 'GET', `/api/break-glass/${grantId}`);
    expect(view.json()).toMatchObject({
      status: 'requested',
      controllerRecords: { persons: 1, items: 2 },
      allowedActions: ['approve', 'refuse'],
    });
    // Another controller's DPO does not know the grant; the DPO does not read under it.
    expect((await world.request(world.people.cpasDpo, 'GET', `/api/break-glass/${grantId}`)).statusCode).toBe(
      404,
    );
    const approved = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/break-glass/${grantId}/approval`,
      {
        instructionReference: 'DPO-PZ-2026-017',
        hours: 1,
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decision: { decision: 'approved', decidedBy: 'An Peeters', instructionReference: 'DPO-PZ-2026-017' },
      window: { validFrom: '2026-03-02T09:00:00.000Z', expiresAt: '2026-03-02T10:00:00.000Z' },
    });
    expect((await content(grantId, world.people.policeDpo)).statusCode).toBe(403);

    const start = await auditPosition(world);
    const read = await content(grantId);
    expect(read.statusCode, read.body).toBe(200);
    const shown = read.json();
    expect(shown.persons).toEqual([
      expect.objectContaining({ id: kase.subjectId, role: 'subject', surname: expect.any(String) }),
    ]);
    expect(shown.items.map((i: { id: string }) => i.id).sort()).toEqual([...kase.itemIds].sort());
    expect(shown.items.find((i: { id: string }) => i.id === kase.itemIds[0])).toMatchObject({
      content: 'Vaststelling 1.',
      withheld: null,
    });
    expect(shown.items.find((i: { id: string }) => i.id === kase.itemIds[1])).toMatchObject({
      content: null,
      withheld: 'designation_required',
    });
    // The CPAS's item of the same case is no part of the police's instruction.
    expect(JSON.stringify(shown)).not.toContain(kase.cpasItemId);
    expect(JSON.stringify(shown)).not.toContain('OCMW');

    const [event] = await auditEventsSince(world, start);
    expect(event).toMatchObject({
      action: 'consult',
      outcome: 'success',
      caseId: kase.id,
      reason: 'break_glass',
      actor: { userId: world.people.operator.actor.userId, organisationId: world.org.host, role: 'operator' },
      justification: expect.stringContaining('DPO-PZ-2026-017'),
    });
    expect(event!.records).toEqual(
      expect.arrayContaining([
        { type: 'break_glass', id: grantId },
        { type: 'person', id: kase.subjectId },
        { type: 'item', id: kase.itemIds[0], category: 11 },
        { type: 'item', id: kase.itemIds[1], category: 10 },
      ]),
    );
    expect(JSON.stringify(event)).not.toContain('Vaststelling');

    // The report: the controller's DPOs are told at once, and the grant lists every read.
    const report = await world.request(world.people.policeDpo, 'GET', '/api/notifications');
    expect(report.json().notifications).toContainEqual(
      expect.objectContaining({ kind: 'break_glass_report', subjectId: grantId, audience: 'dpo' }),
    );
    const listed = await world.request(world.people.policeDpo, 'GET', `/api/break-glass/${grantId}`);
    const positions = (
      await world.db.adminDb
        .selectFrom('audit_events')
        .select('position')
        .where('action', '=', 'consult')
        .orderBy('position', 'desc')
        .limit(1)
        .execute()
    ).map((r) => r.position);
    expect(listed.json().reads).toEqual([
      { readAt: '2026-03-02T09:00:00.000Z', persons: 1, items: 2, withheld: 1, auditPosition: positions[0] },
    ]);
    expect(listed.json().reportedAt).toBe('2026-03-02T09:00:00.000Z');

    // Another member of the host's staff reads nothing under it.
    const colleague = await world.newcomer('operator');
    expect((await content(grantId, colleague)).statusCode).toBe(403);
    // The grantee closes it: the read ends, and the closure is reported too.
    const closed = await world.request(world.people.operator, 'POST', `/api/break-glass/${grantId}/closure`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'ended',
      ended: { reason: 'closed', endedBy: 'Jan Claes' },
    });
    const after = await content(grantId);
    expect(after.statusCode).toBe(403);
    expect(after.json().detail).toBe('Refused: break glass ended');
  });

  it('SEC-12 the grant is time-limited: after its window the read is refused and the grant records its end', async () => {
    const kase = await newCase(world, { items: 1 });
    const grantId = await approvedBreakGlass(world, kase.id);
    const operator = world.people.operator;
    try {
      world.clock.set('2026-03-02T10:59:59Z');
      const inTime = await freshSession(world, operator.actor.userId);
      expect((await content(grantId, inTime)).statusCode).toBe(200);
      world.clock.set('2026-03-02T11:00:00Z');
      const late = await freshSession(world, operator.actor.userId);
      const refused = await content(grantId, late);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toBe('Refused: break glass ended');
      const grant = await world.db.adminDb
        .selectFrom('break_glass_grants')
        .selectAll()
        .where('id', '=', grantId)
        .executeTakeFirstOrThrow();
      expect(grant).toMatchObject({ end_reason: 'expired', ended_by: null });
      expect(new Date(grant.ended_at!).toISOString()).toBe('2026-03-02T11:00:00.000Z');
    } finally {
      world.clock.set(START);
    }
  });

  it('SEC-12 row-level security is the second net: no record and no case key under a grant not approved, ended, or held by another user', async () => {
    const kase = await sharedCase();
    const pending = await pendingBreakGlass(world, kase.id);
    const approved = await approvedBreakGlass(world, kase.id);
    const operatorId = world.people.operator.actor.userId;
    const title = await world.db.adminDb
      .selectFrom('cases')
      .select('title')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    const envelope = createEnvelope({ keys: world.keys });
    const under = (grantId: string, userId: string) =>
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actUnderBreakGlass(tx, userId, grantId);
        const items = await tx
          .selectFrom('items')
          .select(['id', 'controller_organisation_id'])
          .where('case_id', '=', kase.id)
          .execute();
        const keys = await tx
          .selectFrom('data_keys')
          .select('scope')
          .where('scope', '=', `case:${kase.id}`)
          .execute();
        const cases = await tx.selectFrom('cases').select('id').where('id', '=', kase.id).execute();
        return { items, keys: keys.length, cases: cases.length };
      });
    // Approved, its grantee: the police's items and the case's keys, not the CPAS's item, not the case row.
    const granted = await under(approved, operatorId);
    expect(granted.items.map((i) => i.id).sort()).toEqual([...kase.itemIds].sort());
    expect(granted.items.every((i) => i.controller_organisation_id === world.org.police)).toBe(true);
    expect(granted.keys).toBeGreaterThan(0);
    expect(granted.cases).toBe(0);
    // Not approved, or another user: nothing, so nothing decrypts.
    expect(await under(pending, operatorId)).toEqual({ items: [], keys: 0, cases: 0 });
    expect(await under(approved, world.people.policeDpo.actor.userId)).toEqual({
      items: [],
      keys: 0,
      cases: 0,
    });
    await expect(
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actUnderBreakGlass(tx, operatorId, pending);
        return envelope.decrypt(tx, { scope: `case:${kase.id}`, record: 'title', version: 1 }, title.title);
      }),
    ).rejects.toThrow();
    // Revoked by the controller's DPO: ended, so nothing either.
    const revoked = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/break-glass/${approved}/closure`,
    );
    expect(revoked.json()).toMatchObject({
      status: 'ended',
      ended: { reason: 'revoked', endedBy: 'An Peeters' },
    });
    expect(await under(approved, operatorId)).toEqual({ items: [], keys: 0, cases: 0 });
  });

  it('SEC-12 the DPO approves only for a case its organisation holds records in, within the hours asked; a refusal closes the request', async () => {
    const nowhere = await pendingBreakGlass(world, crypto.randomUUID());
    const refusedApproval = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/break-glass/${nowhere}/approval`,
      {
        instructionReference: 'DPO-PZ-2026-018',
      },
    );
    expect(refusedApproval.statusCode).toBe(409);
    const kase = await newCase(world, { items: 1 });
    const grantId = await pendingBreakGlass(world, kase.id);
    const tooLong = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/break-glass/${grantId}/approval`,
      {
        instructionReference: 'DPO-PZ-2026-019',
        hours: 3,
      },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([
      { field: '/body/hours', message: expect.stringContaining('2 hours') },
    ]);
    const refused = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/break-glass/${grantId}/refusal`,
      {
        reason: 'Geen instructie: de politie lost dit zelf op.',
      },
    );
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      status: 'refused',
      decision: { decision: 'refused', refusalReason: expect.any(String) },
    });
    expect((await content(grantId)).json().detail).toBe('Refused: instruction missing');
    expect(
      (
        await world.request(world.people.policeDpo, 'POST', `/api/break-glass/${grantId}/approval`, {
          instructionReference: 'X-1',
        })
      ).statusCode,
    ).toBe(409);
  });
});
