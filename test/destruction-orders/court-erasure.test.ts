/**
 * A court's erasure order over HTTP on a real database (L1992 art. 41 §1; SPEC PEN-16): the police's
 * DPO records the order of the criminal court for a case still in consultation; the same DPO may not
 * execute it (four eyes), a police officer does; the case is destroyed whole with its key (backups:
 * crypto-shredding), a person search by national number finds nothing any more, and the signed
 * destruction certificate names the scope, dates, executor and order reference. A legal hold of
 * another court blocks the execution; a hold under the ordering court's own reference yields to it.
 * Bad input is refused whole, naming each field.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/server/db/database.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { COURT_ERASURE } from '../../src/server/kernel/legal-rules/index.js';
import type { DestructionOrderDeps } from '../../src/server/modules/destruction-orders/destruction-order-deps.js';
import { createDestructionOrdersRepository } from '../../src/server/modules/destruction-orders/destruction-orders.repository.js';
import {
  resumeDestructionOrders,
  settleOrder,
} from '../../src/server/modules/destruction-orders/order-execution.service.js';
import { verifyDestructionProof } from '../../src/server/modules/retention/destruction-proof.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, riskItem } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';
import { legalHoldOrder, placeLegalHoldOn } from '../support/legal-hold-steps.js';
import { AUDIT_ORIGIN, caseRowsLeft } from '../support/retention-steps.js';

let world: AccessWorld;
/** A police officer allowed to search persons across cases (SPEC SEC-07). */
let searcher: Signed;

/** A national register number no other case of the world holds. */
const NRN = '85.07.30-033.28';

beforeAll(async () => {
  world = await createAccessWorld();
  const officer = await world.newcomer('policeOfficer');
  const granted = await world.request(
    world.people.operator,
    'PUT',
    `/api/admin/users/${officer.actor.userId}/permissions`,
    {
      crossCaseSearch: true,
    },
  );
  expect(granted.statusCode, granted.body).toBe(200);
  searcher = await freshSession(world, officer.actor.userId, { justification: 'erasure order tests' });
});
afterAll(async () => {
  await world?.close();
});

/** A police case signalled and accepted (in consultation: an order erases a case in any state), its subject with `nrn`. */
async function caseInConsultation(nrn = '77.01.01-155.81'): Promise<{ id: string; subjectId: string }> {
  const police = world.people.policeOfficer;
  const created = await world.request(police, 'POST', '/api/cases', {
    frameworkId: world.frameworkId,
    title: 'Gezin V., bedreigingen',
    purposes: ['P1'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const subject = await world.request(police, 'POST', `/api/cases/${id}/persons`, {
    role: 'subject',
    identity: {
      surname: 'Verstraete',
      firstNames: 'Jonas',
      birthDate: '1985-07-30',
      nationalRegisterNumber: nrn,
    },
  });
  expect(subject.statusCode, subject.body).toBe(201);
  const subjectId: string = subject.json().id;
  const item = await world.request(police, 'POST', `/api/cases/${id}/items`, riskItem(subjectId));
  expect(item.statusCode, item.body).toBe(201);
  const signalled = await world.request(police, 'POST', `/api/cases/${id}/signal`, {
    selection: { personIds: [subjectId], itemIds: [item.json().id] },
    necessityConfirmed: true,
  });
  expect(signalled.statusCode, signalled.body).toBe(200);
  const accepted = await world.request(world.people.coordinator, 'POST', `/api/cases/${id}/signal-decision`, {
    decision: 'accept',
    reason: 'Ernstig risico; ketenaanpak aangewezen.',
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { id, subjectId };
}

const order = (caseIds: string[], judgmentReference = 'Corr. Gent 26/0456') => ({
  court: 'Correctionele rechtbank Oost-Vlaanderen, afdeling Gent',
  judgmentDate: '2026-01-15',
  judgmentReference,
  caseIds,
});

const record = (body: unknown, who: Signed = world.people.policeDpo) =>
  world.request(who, 'POST', '/api/destruction-orders', body);
const execute = (orderId: string, who: Signed) =>
  world.request(who, 'POST', `/api/destruction-orders/${orderId}/execution`);

async function orderCount(): Promise<number> {
  const row = await world.db.adminDb
    .selectFrom('destruction_orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("a court's erasure order", () => {
  it('PEN-16 executing an order on a test case produces a signed certificate, and a person search by national number then returns nothing', async () => {
    const kase = await caseInConsultation(NRN);
    const before = await world.request(searcher, 'POST', '/api/persons/search', {
      nationalRegisterNumber: NRN,
    });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().matches.map((m: { caseId: string }) => m.caseId)).toEqual([kase.id]);

    const recorded = await record(order([kase.id]));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const orderId: string = recorded.json().id;
    expect(recorded.json()).toMatchObject({
      kind: 'court_erasure',
      state: 'recorded',
      legalBasis: COURT_ERASURE.rule,
      reference: 'Corr. Gent 26/0456',
      designatedCases: [{ caseId: kase.id, status: 'pending' }],
      allowedActions: [],
    });

    // Four eyes: the DPO who recorded it may not execute it; nothing is destroyed.
    const alone = await execute(orderId, world.people.policeDpo);
    expect(alone.statusCode, alone.body).toBe(409);
    expect(alone.json()).toMatchObject({ code: 'conflict', rule: COURT_ERASURE.fourEyesRule });
    expect((await caseRowsLeft(world, kase.id)).persons).toBe(1);

    const position = await auditPosition(world);
    const officer = world.people.policeOfficer;
    const executed = await execute(orderId, officer);
    expect(executed.statusCode, executed.body).toBe(200);
    expect(executed.json()).toMatchObject({
      state: 'completed',
      approvedBy: { userId: officer.actor.userId, organisationId: world.org.police },
      designatedCases: [{ caseId: kase.id, status: 'destroyed' }],
    });
    expect(executed.json().designatedCases[0].keyDestroyedAt).not.toBeNull();

    // Everything of the case is gone, and its key with it: the backups hold ciphertext only.
    expect(Object.values(await caseRowsLeft(world, kase.id)).every((n) => n === 0)).toBe(true);
    expect(await world.keys.hasScope(`case:${kase.id}`)).toBe(false);
    const after = await world.request(searcher, 'POST', '/api/persons/search', {
      nationalRegisterNumber: NRN,
    });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().matches).toEqual([]);

    // The erasure is the executor's act (SPEC PEN-19); the key destruction and certificate follow.
    const events = await auditEventsSince(world, position);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'erase',
        outcome: 'success',
        caseId: kase.id,
        reason: 'court_ordered_erasure',
        actor: expect.objectContaining({ userId: officer.actor.userId }),
      }),
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['store', 'erase', 'destroy', 'system.destruction_certificate_issued']),
    );
    expect(JSON.stringify(events)).not.toContain('Verstraete');

    const certificate = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/destruction-orders/${orderId}/certificate`,
    );
    expect(certificate.statusCode, certificate.body).toBe(200);
    const signed = certificate.json();
    expect(verifyDestructionProof(signed, await world.keys.checkpointPublicKey())).toBe(true);
    expect(signed.proof).toMatchObject({
      format: 'concerto-destruction-certificate/1',
      orderId,
      kind: 'court_erasure',
      legalBasis: COURT_ERASURE.rule,
      order: {
        court: 'Correctionele rechtbank Oost-Vlaanderen, afdeling Gent',
        judgmentDate: '2026-01-15',
        judgmentReference: 'Corr. Gent 26/0456',
      },
      recordedBy: { userId: world.people.policeDpo.actor.userId, role: 'dpo' },
      executedBy: { userId: officer.actor.userId, organisationId: world.org.police },
      scope: { destroyed: [{ caseId: kase.id, overriddenLegalHolds: [] }], withheld: [] },
      backups: { method: 'crypto_shredding' },
    });
    expect(signed.proof.scope.destroyed[0].counts.persons).toEqual({ subject: 1 });
    // A certificate altered after signing no longer verifies.
    const forged = { ...signed, proof: { ...signed.proof, orderId: crypto.randomUUID() } };
    expect(verifyDestructionProof(forged, await world.keys.checkpointPublicKey())).toBe(false);
  });

  it("PEN-16 a legal hold of another court blocks the execution; a hold under the ordering court's own reference yields to it", async () => {
    const held = await caseInConsultation();
    const otherCourtHold = await placeLegalHoldOn(world, held.id, legalHoldOrder());
    const blocked = await record(order([held.id]));
    expect(blocked.statusCode, blocked.body).toBe(201);
    const refused = await execute(blocked.json().id, world.people.policeOfficer);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', rule: COURT_ERASURE.legalHoldRule });
    expect(refused.json().detail).toContain('Kort Ged. 26/112/C');
    expect((await caseRowsLeft(world, held.id)).cases).toBe(1);
    const list = await world.request(world.people.policeDpo, 'GET', '/api/destruction-orders');
    expect(list.json().orders.find((o: { id: string }) => o.id === blocked.json().id)).toMatchObject({
      state: 'recorded',
      designatedCases: [{ caseId: held.id, status: 'pending' }],
    });
    expect(otherCourtHold).toBeTruthy();

    // The criminal court that placed the hold orders the erasure: its reference overrides its own hold.
    const own = await caseInConsultation();
    const ownHold = await placeLegalHoldOn(world, own.id, {
      ...legalHoldOrder(),
      courtOrderReference: 'Corr. Gent 26/0789',
      issuer: 'Correctionele rechtbank Oost-Vlaanderen, afdeling Gent',
    });
    const overriding = await record(order([own.id], '  corr. gent   26/0789 '));
    expect(overriding.statusCode, overriding.body).toBe(201);
    const done = await execute(overriding.json().id, world.people.policeOfficer);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().designatedCases).toEqual([
      expect.objectContaining({
        caseId: own.id,
        status: 'destroyed',
        overriddenHolds: [{ holdId: ownHold, courtOrderReference: 'Corr. Gent 26/0789' }],
      }),
    ]);
    const certificate = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/destruction-orders/${overriding.json().id}/certificate`,
    );
    expect(certificate.json().proof.scope.destroyed[0].overriddenLegalHolds).toEqual([
      { holdId: ownHold, courtOrderReference: 'Corr. Gent 26/0789' },
    ]);
  });

  it('PEN-16 bad input is refused whole, naming each field, and records nothing', async () => {
    const count = await orderCount();
    const shape = await record({
      court: '',
      judgmentDate: '15/01/2026',
      judgmentReference: 'Corr. Gent 26/1',
      caseIds: [],
    });
    expect(shape.statusCode, shape.body).toBe(400);
    expect(shape.json().errors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['/body/court', '/body/judgmentDate', '/body/caseIds']),
    );

    const mine = await caseInConsultation();
    // A case the police takes no part in (a CPAS draft) is refused like an unknown one.
    const cpasDraft = await world.request(world.people.socialWorker, 'POST', '/api/cases', {
      frameworkId: world.frameworkId,
      title: 'Gezin K.',
      purposes: ['P1'],
    });
    expect(cpasDraft.statusCode, cpasDraft.body).toBe(201);
    const meaning = await record({
      ...order([mine.id, crypto.randomUUID(), cpasDraft.json().id]),
      judgmentDate: '2999-01-01',
    });
    expect(meaning.statusCode, meaning.body).toBe(400);
    expect(meaning.json()).toMatchObject({ code: 'validation_failed', rule: COURT_ERASURE.rule });
    expect(
      meaning
        .json()
        .errors.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['/body/caseIds/1', '/body/caseIds/2', '/body/judgmentDate']);
    expect(meaning.body).not.toContain(cpasDraft.json().id);
    expect(await orderCount()).toBe(count);

    // A case on an order not executed yet is not designated twice.
    expect((await record(order([mine.id]))).statusCode).toBe(201);
    const twice = await record(order([mine.id], 'Corr. Gent 26/0999'));
    expect(twice.statusCode, twice.body).toBe(400);
    expect(twice.json().errors).toEqual([
      { field: '/body/caseIds/0', message: expect.stringContaining('another order') },
    ]);
  });

  it('PEN-16 the DPO records, a second person of its organisation executes; another organisation may not learn an order exists', async () => {
    const kase = await caseInConsultation();
    const byOfficer = await record(order([kase.id]), world.people.policeOfficer);
    expect(byOfficer.statusCode, byOfficer.body).toBe(403);
    const recorded = await record(order([kase.id]));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const orderId: string = recorded.json().id;
    const listed = await world.request(world.people.policeOfficer, 'GET', '/api/destruction-orders');
    expect(listed.json().orders.find((o: { id: string }) => o.id === orderId).allowedActions).toEqual([
      'execute',
    ]);
    // The CPAS takes part in no such order: 404, and its list does not show it.
    expect((await execute(orderId, world.people.cpasDpo)).statusCode).toBe(404);
    expect(
      (await world.request(world.people.cpasDpo, 'GET', `/api/destruction-orders/${orderId}/certificate`))
        .statusCode,
    ).toBe(404);
    const cpasList = await world.request(world.people.cpasDpo, 'GET', '/api/destruction-orders');
    expect(cpasList.json().orders.map((o: { id: string }) => o.id)).not.toContain(orderId);
    // The host is not a participant (ARCHITECTURE §3.6).
    expect((await execute(orderId, world.people.operator)).statusCode).toBe(403);
    // Before its execution, there is no certificate yet.
    const early = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/destruction-orders/${orderId}/certificate`,
    );
    expect(early.statusCode, early.body).toBe(409);
  });

  it('PEN-16 the database purges a designated case only once its order is approved, and an interrupted execution is finished by the daily job', async () => {
    const kase = await caseInConsultation();
    const recorded = await record(order([kase.id]));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const orderId: string = recorded.json().id;
    // The purge's own net (migration 0039): an order not approved by its second person purges nothing.
    await expect(
      inTransaction(world.db.appDb, (tx) => sql`SELECT concerto_purge_case(${kase.id}::uuid)`.execute(tx)),
    ).rejects.toThrow(/not closed|no approved/);

    // Approved, then the key provider fails: the case is gone, its key pending, no certificate yet.
    await world.db.adminDb
      .updateTable('destruction_orders')
      .set({
        approved_by: world.people.policeOfficer.actor.userId,
        approved_organisation_id: world.org.police,
        approved_role: 'participant',
        approved_at: world.clock.now(),
        approve_audit_position: 0,
      })
      .where('id', '=', orderId)
      .execute();
    const deps = (keys: KeyProvider): DestructionOrderDeps => ({
      db: world.db.appDb,
      orders: createDestructionOrdersRepository(),
      audit: createAuditLog({ clock: world.clock }),
      clock: world.clock,
      keys,
      auditOrigin: AUDIT_ORIGIN,
    });
    const unreachable = new Proxy(world.keys, {
      get(target, property) {
        if (property === 'destroyScope')
          return async () => Promise.reject(new Error('key provider unreachable (injected)'));
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(settleOrder(deps(unreachable), orderId)).rejects.toThrow('unreachable');
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(0);
    expect(await world.keys.hasScope(`case:${kase.id}`)).toBe(true);
    const pending = await world.db.adminDb
      .selectFrom('destruction_orders')
      .select('completed_at')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(pending.completed_at).toBeNull();

    const run = await resumeDestructionOrders(deps(world.keys));
    expect(run).toMatchObject({ keysDestroyed: 1, certificatesIssued: 1 });
    expect(await world.keys.hasScope(`case:${kase.id}`)).toBe(false);
    const certificate = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/destruction-orders/${orderId}/certificate`,
    );
    expect(certificate.statusCode, certificate.body).toBe(200);
    expect(certificate.json().proof.scope.destroyed[0].caseId).toBe(kase.id);
    // Run again, it has nothing left to do.
    expect(await resumeDestructionOrders(deps(world.keys))).toEqual({
      keysDestroyed: 0,
      casesSettled: 0,
      certificatesIssued: 0,
    });
  });
});
