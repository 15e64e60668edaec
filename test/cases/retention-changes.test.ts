/**
 * The agreed maximum retention after the first consultation and beyond thirty years, over HTTP on a
 * real database (bill art. 2 §3 4°, art. 3 §1 al. 1; SPEC RET-01, RET-02): a change proposed by the
 * organiser after the first consultation waits beside the maximum in force until every participant
 * approved it, then is in force at once (a shortening moves the end earlier); 31 years without a
 * recorded provision is refused; a maximum beyond 30 years with its provision waits for the DPO of the
 * organiser's organisation, the 30-year cap being in force until then. Every step is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessWorld,
  createAccessWorld,
  type PersonName,
  type Signed,
} from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { agreeRetention, openedConsultation } from '../support/consultation-steps.js';
import { freshSession } from '../support/item-steps.js';

let world: AccessWorld;
let coordinationDpo: Signed;

beforeAll(async () => {
  world = await createAccessWorld();
  // The DPO of the coordination, the organisation that organises the cases (and keeps the shared file).
  const dpo = await world.newcomer('coordinator');
  await world.db.adminDb
    .updateTable('users')
    .set({ roles: ['dpo'] })
    .where('id', '=', dpo.actor.userId)
    .execute();
  coordinationDpo = await freshSession(world, dpo.actor.userId, { justification: null });
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName | Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  world.request(typeof who === 'string' ? world.people[who] : who, method, url, payload);
const retentionOf = async (caseId: string) =>
  (await call('coordinator', 'GET', `/api/cases/${caseId}`)).json().retention;
const PROVISION = 'Archiefwet van 24 juni 1955, art. 5 (bewaring van archieven van blijvend belang)';

/** A case accepted with the CPAS admitted, `months` agreed by every party, and its first consultation held. */
async function consultedCase(months: number): Promise<string> {
  const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
  expect((await call('coordinator', 'PUT', `/api/cases/${kase.id}/retention`, { months })).statusCode).toBe(
    200,
  );
  await agreeRetention(world, kase.id, ['police', 'cpas']);
  await openedConsultation(world, world.frameworkId, [kase.id]);
  return kase.id;
}

describe('the agreed maximum after the first consultation (RET-02)', () => {
  it('RET-02 a change waits for every participant, the maximum in force staying; the last approval puts a shortening in force at once, each step audited', async () => {
    const caseId = await consultedCase(120);
    const from = await auditPosition(world);
    const proposed = await call('coordinator', 'PUT', `/api/cases/${caseId}/retention`, { months: 60 });
    expect(proposed.statusCode, proposed.body).toBe(200);
    let retention = await retentionOf(caseId);
    expect(retention).toMatchObject({ months: 120, agreed: true });
    expect(retention.change).toMatchObject({
      months: 60,
      approvedBy: [world.org.coordination],
      pending: expect.arrayContaining([world.org.police, world.org.cpas]),
    });
    const change = retention.change.proposal;
    // An approval of the earlier proposal does not count for the change.
    const stale = await call('policeOfficer', 'POST', `/api/cases/${caseId}/retention/approvals`, {
      proposal: change + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('policeOfficer', 'POST', `/api/cases/${caseId}/retention/approvals`, { proposal: change }))
        .statusCode,
    ).toBe(200);
    expect((await retentionOf(caseId)).months).toBe(120);
    expect(
      (await call('socialWorker', 'POST', `/api/cases/${caseId}/retention/approvals`, { proposal: change }))
        .statusCode,
    ).toBe(200);
    retention = await retentionOf(caseId);
    expect(retention).toMatchObject({
      months: 60,
      proposal: change,
      agreed: true,
      change: null,
      beyondCap: null,
    });

    // Shortening applies immediately: the end of retention at closure follows the 5 years.
    const closed = await call('coordinator', 'POST', `/api/cases/${caseId}/closure`, {
      reason: 'De opvolging is afgerond.',
    });
    expect(closed.statusCode).toBe(200);
    const detail = (await call('coordinator', 'GET', `/api/cases/${caseId}`)).json();
    const closedOn = new Date(detail.closedAt);
    expect(detail.retention.endsOn.slice(0, 4)).toBe(String(closedOn.getUTCFullYear() + 5));
    const kinds = detail.history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['retention_change_proposed', 'retention_change_approved', 'retention_changed']),
    );

    const events = (await auditEventsSince(world, from)).filter(
      (e) => e.caseId === caseId && e.action === 'organise',
    );
    expect(events.map((e) => e.reason)).toEqual([
      'retention_change_proposed',
      'retention_change_approved',
      'retention_changed',
      'closed',
    ]);
  });

  it('RET-02 31 years without a recorded provision is refused after the first consultation and changes nothing; only the organiser proposes', async () => {
    const caseId = await consultedCase(120);
    const tooLong = await call('coordinator', 'PUT', `/api/cases/${caseId}/retention`, { months: 372 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().rule).toBe('bill art. 2 §3 4°');
    expect(await retentionOf(caseId)).toMatchObject({ months: 120, change: null });
    const byParticipant = await call('policeOfficer', 'PUT', `/api/cases/${caseId}/retention`, {
      months: 60,
    });
    expect(byParticipant.statusCode).toBe(403);
    expect((await retentionOf(caseId)).change).toBeNull();
  });
});

describe('a maximum beyond 30 years (RET-01)', () => {
  it('RET-01 beyond 30 years with its provision, the 30-year cap stays in force until the organiser DPO approves; then the longer end applies', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const from = await auditPosition(world);
    const proposed = await call('coordinator', 'PUT', `/api/cases/${kase.id}/retention`, {
      months: 480,
      otherRule: PROVISION,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    let retention = await retentionOf(kase.id);
    expect(retention).toMatchObject({
      months: 360,
      otherRule: null,
      beyondCap: { months: 480, otherRule: PROVISION, approvedAt: null },
    });
    await agreeRetention(world, kase.id, ['police']);

    // Closed before the DPO approves: the end is the cap, 30 years after closure.
    expect(
      (await call('coordinator', 'POST', `/api/cases/${kase.id}/closure`, { reason: 'Afgerond.' }))
        .statusCode,
    ).toBe(200);
    const closedAt = new Date((await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json().closedAt);
    const endsIn = async () =>
      Number((await retentionOf(kase.id)).endsOn.slice(0, 4)) - closedAt.getUTCFullYear();
    expect(await endsIn()).toBe(30);
    const schedule = async () =>
      (await call('coordinator', 'GET', '/api/retention/schedule'))
        .json()
        .entries.find((e: { caseId: string }) => e.caseId === kase.id);
    expect((await schedule()).retention.endsOn).toBe((await retentionOf(kase.id)).endsOn);

    // The DPO of the coordination is told, reads the override and its provision, and approves it.
    const waiting = await call(coordinationDpo, 'GET', '/api/retention/overrides');
    expect(waiting.statusCode, waiting.body).toBe(200);
    const override = waiting.json().overrides.find((o: { caseId: string }) => o.caseId === kase.id);
    expect(override).toMatchObject({
      months: 480,
      otherRule: PROVISION,
      monthsInForce: 360,
      state: 'closed',
    });
    const notified = await world.db.adminDb
      .selectFrom('notifications')
      .select(['audience', 'organisation_id'])
      .where('case_id', '=', kase.id)
      .where('kind', '=', 'retention_override_to_approve')
      .execute();
    expect(notified).toEqual([{ audience: 'dpo', organisation_id: world.org.coordination }]);
    // The organiser without the DPO role, a DPO of another organisation, a stale proposal: refused, nothing changes.
    const byOrganiser = await call('coordinator', 'POST', `/api/retention/overrides/${kase.id}/approval`, {
      proposal: override.proposal,
    });
    expect(byOrganiser.statusCode).toBe(403);
    expect(byOrganiser.json().rule).toContain('RET-01');
    const otherDpo = await world.request(
      await freshSession(world, world.people.policeDpo.actor.userId, { justification: null }),
      'POST',
      `/api/retention/overrides/${kase.id}/approval`,
      { proposal: override.proposal },
    );
    expect(otherDpo.statusCode).toBe(404);
    const stale = await call(coordinationDpo, 'POST', `/api/retention/overrides/${kase.id}/approval`, {
      proposal: override.proposal + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(await endsIn()).toBe(30);

    const approved = await call(coordinationDpo, 'POST', `/api/retention/overrides/${kase.id}/approval`, {
      proposal: override.proposal,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().overrides.map((o: { caseId: string }) => o.caseId)).not.toContain(kase.id);
    retention = await retentionOf(kase.id);
    expect(retention).toMatchObject({
      months: 480,
      otherRule: PROVISION,
      beyondCap: { months: 480, otherRule: PROVISION },
    });
    expect(retention.beyondCap.approvedAt).not.toBeNull();
    expect(await endsIn()).toBe(40);
    expect((await schedule()).retention.endsOn).toBe(retention.endsOn);

    const events = (await auditEventsSince(world, from)).filter((e) => e.caseId === kase.id);
    expect(
      events.filter((e) => e.action === 'store' && e.reason === 'retention_override_approved'),
    ).toHaveLength(1);
    expect(events.filter((e) => e.outcome === 'denied').length).toBeGreaterThanOrEqual(1);
  });

  it('RET-01 RET-02 a change beyond 30 years after the first consultation, agreed by all, keeps the cap in force until the DPO approves', async () => {
    const caseId = await consultedCase(120);
    expect(
      (
        await call('coordinator', 'PUT', `/api/cases/${caseId}/retention`, {
          months: 420,
          otherRule: PROVISION,
        })
      ).statusCode,
    ).toBe(200);
    const change = (await retentionOf(caseId)).change.proposal;
    for (const who of ['policeOfficer', 'socialWorker'] as const) {
      expect(
        (await call(who, 'POST', `/api/cases/${caseId}/retention/approvals`, { proposal: change }))
          .statusCode,
      ).toBe(200);
    }
    expect(await retentionOf(caseId)).toMatchObject({
      months: 360,
      change: null,
      beyondCap: { months: 420, otherRule: PROVISION, approvedAt: null },
    });
    const approved = await call(coordinationDpo, 'POST', `/api/retention/overrides/${caseId}/approval`, {
      proposal: change,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await retentionOf(caseId)).toMatchObject({ months: 420, otherRule: PROVISION });
  });
});
