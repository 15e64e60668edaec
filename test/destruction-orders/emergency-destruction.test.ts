/**
 * The emergency destruction procedure in a drill (L1992 art. 45; SPEC RET-09): the operator records
 * the accounts a royal decree designates; one designated account proposes the destruction of two
 * cases, the same account may not approve it too (409 naming the rule), an account not designated is
 * refused (403), a second designated account approves; the cases are destroyed through the purge and
 * a signed destruction certificate is issued. Every step is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGENCY_DESTRUCTION } from '../../src/server/kernel/legal-rules/index.js';
import { verifyDestructionProof } from '../../src/server/modules/retention/destruction-proof.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { caseRowsLeft } from '../support/retention-steps.js';

let world: AccessWorld;
/** Two accounts the decree designates: the police's DPO and the CPAS's DPO (new users, with fresh sessions). */
let first: Signed;
let second: Signed;

const DECREE = 'KB 12 maart 2026 tot aanwijzing van de overheden bedoeld in art. 45 (BS 2026-03-20)';

const designate = (userId: string) =>
  world.request(world.people.operator, 'POST', '/api/admin/emergency-authorities', {
    userId,
    royalDecreeReference: DECREE,
  });

beforeAll(async () => {
  world = await createAccessWorld();
  first = await world.newcomer('policeDpo');
  second = await world.newcomer('cpasDpo');
  for (const who of [first, second]) {
    const res = await designate(who.actor.userId);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await world?.close();
});

const propose = (who: Signed, caseIds: string[]) =>
  world.request(who, 'POST', '/api/emergency-destructions', {
    orderReference: 'OEFENING-2026-01',
    circumstance: 'drill',
    caseIds,
  });
const approve = (who: Signed, orderId: string) =>
  world.request(who, 'POST', `/api/emergency-destructions/${orderId}/approvals`);

describe('the emergency destruction procedure', () => {
  it('RET-09 in a drill, emergency destruction needs 2 distinct authorised approvers and produces a destruction certificate', async () => {
    const one = await newCase(world, { items: 1, to: 'accepted' });
    const two = await newCase(world, { items: 2 });
    const position = await auditPosition(world);
    const proposed = await propose(first, [one.id, two.id]);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const orderId: string = proposed.json().id;
    expect(proposed.json()).toMatchObject({
      kind: 'emergency',
      state: 'recorded',
      circumstance: 'drill',
      royalDecreeReference: DECREE,
      legalBasis: EMERGENCY_DESTRUCTION.rule,
      allowedActions: [],
    });

    // The same person twice is refused, naming the rule; an account not designated is refused.
    const twice = await approve(first, orderId);
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conflict', rule: EMERGENCY_DESTRUCTION.fourEyesRule });
    const outsider = await approve(world.people.socialWorker, orderId);
    expect(outsider.statusCode, outsider.body).toBe(403);
    expect(outsider.json()).toMatchObject({
      code: 'forbidden',
      rule: expect.stringContaining('L1992 art. 45'),
    });
    expect((await caseRowsLeft(world, one.id)).cases).toBe(1);

    const approved = await approve(second, orderId);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'completed',
      approvedBy: { userId: second.actor.userId, organisationId: world.org.cpas },
    });
    expect(approved.json().designatedCases.map((c: { status: string }) => c.status)).toEqual([
      'destroyed',
      'destroyed',
    ]);
    for (const kase of [one, two]) {
      expect(Object.values(await caseRowsLeft(world, kase.id)).every((n) => n === 0)).toBe(true);
      expect(await world.keys.hasScope(`case:${kase.id}`)).toBe(false);
    }

    const certificate = await world.request(
      second,
      'GET',
      `/api/emergency-destructions/${orderId}/certificate`,
    );
    expect(certificate.statusCode, certificate.body).toBe(200);
    expect(verifyDestructionProof(certificate.json(), await world.keys.checkpointPublicKey())).toBe(true);
    expect(certificate.json().proof).toMatchObject({
      format: 'concerto-destruction-certificate/1',
      kind: 'emergency',
      legalBasis: EMERGENCY_DESTRUCTION.rule,
      order: { orderReference: 'OEFENING-2026-01', circumstance: 'drill', royalDecreeReference: DECREE },
      recordedBy: { userId: first.actor.userId },
      executedBy: { userId: second.actor.userId },
      backups: { method: 'crypto_shredding' },
    });
    expect(
      certificate
        .json()
        .proof.scope.destroyed.map((d: { caseId: string }) => d.caseId)
        .sort(),
    ).toEqual([one.id, two.id].sort());

    // Fully logged: the proposal, both refusals, the approval, each erasure and key destruction, the certificate.
    const events = await auditEventsSince(world, position);
    const summary = events.map((e) => `${e.action}:${e.outcome}:${e.reason ?? ''}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'store:success:emergency_destruction_proposed',
        'store:denied:four_eyes',
        'store:denied:not_emergency_authority',
        'store:success:emergency_destruction_approved',
        'erase:success:emergency_destruction',
        'destroy:success:case_key_destroyed',
        'system.destruction_certificate_issued:success:',
        'retrieve:success:destruction_certificate',
      ]),
    );
    expect(summary.filter((s) => s.startsWith('erase:success'))).toHaveLength(2);
  });

  it('RET-09 only designated accounts act: a participant is refused, a revoked designation ends, the operator designates but is no authority', async () => {
    const kase = await newCase(world, { items: 1 });
    const refused = await propose(world.people.socialWorker, [kase.id]);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(
      (await world.request(world.people.policeOfficer, 'GET', '/api/emergency-destructions')).statusCode,
    ).toBe(403);
    expect((await designate(world.people.operator.actor.userId)).statusCode).toBe(400);
    expect((await designate(first.actor.userId)).statusCode).toBe(409);
    // Bad input is refused whole, naming the field; nothing is proposed.
    const bad = await world.request(first, 'POST', '/api/emergency-destructions', {
      orderReference: ' ',
      circumstance: 'peacetime',
      caseIds: [crypto.randomUUID()],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['/body/orderReference', '/body/circumstance']),
    );
    const unknown = await propose(first, [kase.id, crypto.randomUUID()]);
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: '/body/caseIds/1', message: 'is not a case' }]);

    const listed = await world.request(world.people.operator, 'GET', '/api/admin/emergency-authorities');
    const designation = listed
      .json()
      .authorities.find((a: { userId: string }) => a.userId === second.actor.userId);
    const proposed = await propose(first, [kase.id]);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const revoked = await world.request(
      world.people.operator,
      'POST',
      `/api/admin/emergency-authorities/${designation.id}/revocation`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await approve(second, proposed.json().id)).statusCode).toBe(403);
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(1);
  });
});
