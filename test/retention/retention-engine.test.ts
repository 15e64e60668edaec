/**
 * The retention engine end to end on a real database, with the injected clock (SPEC RET-01, RET-02,
 * RET-06, RET-07; issue 6 scope 1; ADR 0016): a closed case is listed the day after the end of its
 * retention, its keeper and the DPO of each controller approve the list (four eyes), its rows go in
 * one transaction with a tombstone left, its key is destroyed in the key provider, and a signed
 * proof cites the audit positions of the destruction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduledCase } from '../../src/contracts/retention.js';
import { verifierKey } from '../../src/server/kernel/audit/index.js';
import {
  type SignedProof,
  verifyDestructionProof,
} from '../../src/server/modules/retention/destruction-proof.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, riskItem } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';
import { pdfText } from '../support/pdf-text.js';
import {
  AUDIT_ORIGIN,
  agreeRetention,
  approve,
  caseRowsLeft,
  closedCase,
  listOf,
  policeDraft,
  type RetentionCase,
  runRetention,
  sessionOf,
  tombstoneOf,
} from '../support/retention-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('four eyes on the destruction (issue 6 scope 1)', () => {
  let listId: string;
  let kase: RetentionCase;
  let both: Signed;

  it('RET-01 the same person approving twice is refused naming the rule and nothing changes; two distinct persons approve', async () => {
    // The coordination adds an item of its own: it controls records of the case too (bill art. 3 §1 al. 2).
    kase = await closedCase(world, '2026-03-01T10:00:00Z', {
      months: 1,
      beforeClosure: async (open) => {
        const coordinator = await sessionOf(world, 'coordinator');
        const item = await world.request(
          coordinator,
          'POST',
          `/api/cases/${open.id}/items`,
          riskItem(open.subjectId, 'Verslag overleg.'),
        );
        expect(item.statusCode, item.body).toBe(201);
      },
    });
    // A member of the coordination who is both its organiser and its DPO.
    const dual = await world.newcomer('coordinator');
    await world.db.adminDb
      .updateTable('users')
      .set({ roles: ['organiser', 'dpo'] })
      .where('id', '=', dual.actor.userId)
      .execute();
    const coordinationDpo = await world.newcomer('coordinator');
    await world.db.adminDb
      .updateTable('users')
      .set({ roles: ['dpo'] })
      .where('id', '=', coordinationDpo.actor.userId)
      .execute();

    world.clock.set('2026-04-02T08:00:00Z');
    await runRetention(world);
    listId = (await listOf(world, kase.id))!;
    both = await freshSession(world, dual.actor.userId);
    const seen = (await world.request(both, 'GET', `/api/retention/destruction-lists/${listId}`)).json();
    expect(seen.controllers.map((c: { id: string }) => c.id).sort()).toEqual(
      [world.org.coordination, world.org.police].sort(),
    );
    expect(seen.allowedActions).toEqual(['approve_as_keeper', 'approve_as_dpo']);

    expect((await approve(world, both, listId, 'keeper')).statusCode).toBe(200);
    const approvalsBefore = await countRows(world.db.adminDb, 'destruction_approvals');
    const start = await auditPosition(world);
    const twice = await approve(world, both, listId, 'dpo');
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json()).toMatchObject({ code: 'conflict', rule: expect.stringContaining('four eyes') });
    expect(twice.json().detail).toContain('second, distinct person');
    expect(await countRows(world.db.adminDb, 'destruction_approvals')).toBe(approvalsBefore);
    const list = await world.db.adminDb
      .selectFrom('destruction_lists')
      .selectAll()
      .where('id', '=', listId)
      .executeTakeFirstOrThrow();
    expect(list.approved_at).toBeNull();
    expect(await auditEventsSince(world, start)).toEqual([
      expect.objectContaining({ action: 'store', outcome: 'denied', reason: 'four_eyes' }),
    ]);

    // Neither a member who is no DPO nor a DPO of an organisation that is no controller may approve as DPO.
    expect((await approve(world, 'policeOfficer', listId, 'dpo')).statusCode).toBe(403);
    expect((await approve(world, 'coordinator', listId, 'dpo')).statusCode).toBe(403);
    expect((await approve(world, 'cpasDpo', listId, 'dpo')).statusCode).toBe(404);

    expect((await approve(world, 'policeDpo', listId, 'dpo')).json().status).toBe('awaiting_approval');
    const last = await approve(world, await freshSession(world, coordinationDpo.actor.userId), listId, 'dpo');
    expect(last.json()).toMatchObject({
      status: 'completed',
      approvals: expect.arrayContaining([expect.objectContaining({ capacity: 'keeper' })]),
    });
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(0);
    const again = await approve(world, 'policeDpo', listId, 'dpo');
    expect(again.statusCode).toBe(409);
  });

  it('RET-01 RET-07 the proof of destruction is signed with the audit key and cites audit events that exist', async () => {
    const dpo = await sessionOf(world, 'policeDpo');
    const res = await world.request(dpo, 'GET', `/api/retention/destruction-lists/${listId}/proof`);
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json() as SignedProof;
    const publicKey = await world.keys.checkpointPublicKey();
    expect(signed.signature.verifierKey).toBe(verifierKey(AUDIT_ORIGIN, publicKey));
    expect(verifyDestructionProof(signed, publicKey)).toBe(true);
    const tampered = structuredClone(signed);
    (tampered.proof.destroyed as { retentionEnd: string }[])[0]!.retentionEnd = '2099-01-01';
    expect(verifyDestructionProof(tampered, publicKey)).toBe(false);

    const proof = signed.proof as unknown as {
      listId: string;
      approvals: { auditPosition: number; userId: string; capacity: string }[];
      destroyed: {
        caseId: string;
        counts: { items: Record<string, number> };
        auditPositions: { purge: number; keyDestruction: number };
      }[];
    };
    expect(proof.listId).toBe(listId);
    // The coordination's open list took its other cases due since (earlier tests): each is cited.
    const destroyed = proof.destroyed.find((d) => d.caseId === kase.id)!;
    expect(destroyed.counts.items).toEqual({ C11: 3 });
    const at = async (position: number) => {
      const row = await world.db.adminDb
        .selectFrom('audit_events')
        .select('payload')
        .where('position', '=', position)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.payload) as {
        action: string;
        reason?: string;
        caseId?: string;
        actor: { userId?: string };
      };
    };
    for (const { caseId, auditPositions } of proof.destroyed) {
      expect(await at(auditPositions.purge)).toMatchObject({
        action: 'erase',
        reason: 'delete_case',
        caseId,
      });
      expect(await at(auditPositions.keyDestruction)).toMatchObject({
        action: 'destroy',
        reason: 'case_key_destroyed',
        caseId,
      });
    }
    expect(proof.approvals).toHaveLength(3);
    for (const approval of proof.approvals) {
      expect(await at(approval.auditPosition)).toMatchObject({
        action: 'store',
        reason: `destruction_approved_by_${approval.capacity}`,
        actor: { userId: approval.userId },
      });
    }
    expect(JSON.stringify(signed)).not.toMatch(/Dewaele|Kevin|Vaststelling/);

    const pdf = await world.request(
      dpo,
      'GET',
      `/api/retention/destruction-lists/${listId}/proof?format=pdf&language=nl`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Bewijs van vernietiging');
    expect(text).toContain(kase.id);
    // The PDF wraps the base64 signature where a line ends (after a '/', say): compare without breaks.
    expect(text.replace(/\s+/g, '')).toContain(signed.signature.value);
    // A desk the list does not concern may not learn it exists.
    expect(
      (
        await world.request(
          await sessionOf(world, 'cpasDpo'),
          'GET',
          `/api/retention/destruction-lists/${listId}/proof`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('the end of retention (bill art. 2 §3 4°)', () => {
  it('RET-01 a case closed 2025-03-01 with 360 months is listed 30 days ahead, approved by four eyes, kept through 2055-03-01 and gone on 2055-03-02 with a delete_case event without content', async () => {
    const kase = await closedCase(world, '2025-03-01T10:00:00Z', { months: 360 });
    const keeper = await sessionOf(world, 'coordinator');
    const schedule = (await world.request(keeper, 'GET', '/api/retention/schedule')).json();
    expect(schedule.entries.find((e: { caseId: string }) => e.caseId === kase.id)).toMatchObject({
      status: 'running',
      retention: { months: 360, basis: 'agreed', endsOn: '2055-03-01' },
    });

    // 2055-01-29 in Brussels, 31 days before the end: nothing is listed.
    world.clock.set('2055-01-29T12:00:00Z');
    await runRetention(world);
    expect(await listOf(world, kase.id)).toBeUndefined();

    // 2055-01-30, 30 days before the end: the job lists it; the keeper and the police's DPO approve.
    world.clock.set('2055-01-29T23:30:00Z');
    const start = await auditPosition(world);
    const run = await runRetention(world);
    expect(run.listing.listed).toContain(kase.id);
    const listId = (await listOf(world, kase.id))!;
    expect((await approve(world, 'coordinator', listId, 'keeper')).json().status).toBe('awaiting_approval');
    const approved = await approve(world, 'policeDpo', listId, 'dpo');
    expect(approved.statusCode, approved.body).toBe(200);
    // Approved, but kept to the last day of its retention (bill art. 2 §3 4°: not beyond, and not before).
    expect(approved.json()).toMatchObject({ status: 'purging', missing: { keeper: false, dpoOf: [] } });
    world.clock.set('2055-03-01T22:59:00Z');
    await runRetention(world);
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(1);

    // 2055-03-02 00:30 in Brussels: the job purges it.
    world.clock.set('2055-03-01T23:30:00Z');
    await runRetention(world);
    const done = await world.request(
      await sessionOf(world, 'coordinator'),
      'GET',
      `/api/retention/destruction-lists/${listId}`,
    );
    expect(done.json()).toMatchObject({ status: 'completed' });

    expect(await caseRowsLeft(world, kase.id)).toEqual({
      cases: 0,
      persons: 0,
      items: 0,
      item_versions: 0,
      case_history: 0,
      case_audience: 0,
      paper_parts: 0,
      data_keys: 0,
    });
    expect(await world.keys.hasScope(`case:${kase.id}`)).toBe(false);
    const tombstone = await tombstoneOf(world, kase.id);
    expect(tombstone).toMatchObject({
      final_state: 'closed',
      retention_end: '2055-03-01',
      retention_months: 360,
    });
    expect(tombstone!.counts).toMatchObject({ persons: { subject: 1 }, items: { C11: 2 } });
    expect(tombstone!.key_destroyed_at).not.toBeNull();

    const events = await auditEventsSince(world, start);
    const erased = events.filter((e) => e.action === 'erase' && e.reason === 'delete_case');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ caseId: kase.id, actor: { system: 'retention-destruction-list' } });
    expect(JSON.stringify(events)).not.toMatch(/Dewaele|Kevin|90\.04\.12|Vaststelling/);
    // The dashboard keeps the destroyed case, from its tombstone.
    const after = (
      await world.request(
        await sessionOf(world, 'policeDpo'),
        'GET',
        '/api/retention/schedule?status=destroyed',
      )
    ).json();
    expect(after.entries.find((e: { caseId: string }) => e.caseId === kase.id)).toMatchObject({
      status: 'destroyed',
      destructionListId: listId,
      retention: { endsOn: '2055-03-01', basis: 'agreed' },
    });
  });

  it('RET-06 WFL-05 a draft closed as not signalled is kept the draft period, kept by its compartment, which approves with its DPO', async () => {
    const draft = await policeDraft(world, '2026-01-10T10:00:00Z', { to: 'not_signalled' });
    const refused = await policeDraft(world, '2026-01-10T11:00:00Z', { to: 'refused' });
    const dpo = await sessionOf(world, 'policeDpo');
    const mine = (await world.request(dpo, 'GET', '/api/retention/schedule')).json()
      .entries as ScheduledCase[];
    expect(mine.find((e) => e.caseId === draft.id)).toMatchObject({
      finalState: 'not_signalled',
      keeper: { id: world.org.police, relation: 'compartment' },
      retention: { basis: 'draft', months: null, endsOn: '2027-01-10' },
      status: 'running',
    });
    expect(mine.find((e) => e.caseId === refused.id)).toMatchObject({
      finalState: 'refused',
      keeper: { id: world.org.coordination, relation: 'organiser' },
      retention: { basis: 'draft', endsOn: '2027-01-10' },
    });
    // The organiser never saw the draft (bill art. 2 §3 1°): it is not on its schedule.
    const organiser = (
      await world.request(await sessionOf(world, 'coordinator'), 'GET', '/api/retention/schedule')
    ).json();
    expect(organiser.entries.map((e: ScheduledCase) => e.caseId)).not.toContain(draft.id);
    expect(organiser.entries.map((e: ScheduledCase) => e.caseId)).toContain(refused.id);

    // Listed 30 days ahead (RET-01): not on 2026-12-10, and purged after 2027-01-10 once approved.
    world.clock.set('2026-12-10T12:00:00Z');
    await runRetention(world);
    expect(await listOf(world, draft.id)).toBeUndefined();
    world.clock.set('2027-01-10T23:30:00Z');
    await runRetention(world);
    const listId = (await listOf(world, draft.id))!;
    const list = (
      await world.request(
        await sessionOf(world, 'policeOfficer'),
        'GET',
        `/api/retention/destruction-lists/${listId}`,
      )
    ).json();
    expect(list).toMatchObject({
      keeper: { id: world.org.police, relation: 'compartment' },
      controllers: [{ id: world.org.police }],
      allowedActions: ['approve_as_keeper'],
    });
    expect(list.entries).toEqual([
      expect.objectContaining({ caseId: draft.id, dueOn: '2027-01-10', status: 'pending' }),
    ]);
    expect((await approve(world, 'policeOfficer', listId, 'keeper')).statusCode).toBe(200);
    expect((await approve(world, 'policeDpo', listId, 'dpo')).json().status).toBe('completed');
    expect((await caseRowsLeft(world, draft.id)).cases).toBe(0);
    // The refused signal is its organiser's: another list, waiting for the coordinator.
    expect(await listOf(world, refused.id)).not.toBe(listId);
    expect((await caseRowsLeft(world, refused.id)).cases).toBe(1);
  });

  it('RET-02 shortening the agreed maximum from 10 to 5 years moves the destruction earlier; 31 years is refused and changes nothing', async () => {
    const kase = await closedCase(world, '2026-02-01T10:00:00Z', {
      months: 120,
      beforeClosure: async (open) => {
        const coordinator = await sessionOf(world, 'coordinator');
        const tooLong = await world.request(coordinator, 'PUT', `/api/cases/${open.id}/retention`, {
          months: 372,
        });
        expect(tooLong.statusCode).toBe(400);
        expect(tooLong.json().rule).toBe('bill art. 2 §3 4°');
        expect(
          (await world.request(coordinator, 'GET', `/api/cases/${open.id}`)).json().retention.months,
        ).toBe(120);
        await agreeRetention(world, open.id, 60);
      },
    });
    const entry = (
      await world.request(await sessionOf(world, 'coordinator'), 'GET', '/api/retention/schedule')
    )
      .json()
      .entries.find((e: ScheduledCase) => e.caseId === kase.id);
    expect(entry.retention).toMatchObject({ months: 60, endsOn: '2031-02-01' });
    // Listed 30 days ahead of the end of the five years (RET-01): 2031-01-02 in Brussels.
    world.clock.set('2031-01-01T12:00:00Z');
    await runRetention(world);
    expect(await listOf(world, kase.id)).toBeUndefined();
    world.clock.set('2031-01-01T23:30:00Z');
    await runRetention(world);
    expect(await listOf(world, kase.id)).toBeDefined();
  });
});

