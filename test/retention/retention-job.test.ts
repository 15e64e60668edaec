/**
 * The daily retention job and the tasks it gives (SPEC RET-01, RET-03, RET-05, RET-08, RGT-CRT-04,
 * SCO-09, FIL-09; ADR 0015, 0016), on a real database with the injected clock: registered among the
 * daily jobs and leased so that N instances list a case once; a legal hold skips a case until its
 * release; paper parts get destruction tasks confirmed by a named member; necessity reviews fall due
 * twelve months after closure; own-file copies past their due date are reported to their requester.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NecessityReview, PaperDestructionTask, ScheduledCase } from '../../src/contracts/retention.js';
import { createDailyJobRunner } from '../../src/server/modules/jobs/daily-jobs.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import { legalHoldOrder, placeLegalHoldOn } from '../support/legal-hold-steps.js';
import { paperAnnex } from '../support/paper-part-steps.js';
import {
  AUDIT_ORIGIN,
  approve,
  caseRowsLeft,
  closedCase,
  listOf,
  type RetentionCase,
  runRetention,
  sessionOf,
} from '../support/retention-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const runner = (instanceId: string) =>
  createDailyJobRunner({
    db: world.db.appDb,
    keys: world.keys,
    clock: world.clock,
    auditOrigin: AUDIT_ORIGIN,
    instanceId,
    leaseMinutes: 15,
  });

const pendingEntries = async (caseId: string): Promise<number> =>
  (
    await world.db.adminDb
      .selectFrom('destruction_list_entries')
      .select('list_id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .execute()
  ).length;

const scheduled = async (
  person: 'coordinator' | 'policeDpo',
  caseId: string,
): Promise<ScheduledCase | undefined> =>
  (
    (await world.request(await sessionOf(world, person), 'GET', '/api/retention/schedule')).json()
      .entries as ScheduledCase[]
  ).find((entry) => entry.caseId === caseId);

describe('the daily job retention-destruction-list (ADR 0015)', () => {
  it('RET-01 is registered among the daily jobs: two instances on the same day list a case once, and another run adds nothing', async () => {
    const kase = await closedCase(world, '2026-03-01T10:00:00Z', { months: 1 });
    world.clock.set('2026-04-02T06:00:00Z');
    const outcomes = (await Promise.all([runner('instance-a')(), runner('instance-b')()])).flat();
    const retention = outcomes.filter((outcome) => outcome.name === 'retention-destruction-list');
    expect(retention.filter((outcome) => outcome.outcome === 'completed')).toHaveLength(1);
    expect(
      retention.filter((outcome) => outcome.outcome !== 'completed').map((outcome) => outcome.outcome),
    ).toEqual([expect.stringMatching(/^(done_today|leased_elsewhere)$/)]);
    expect(await pendingEntries(kase.id)).toBe(1);
    // Run again (a lease taken over, a manual run): the case is on a pending list already.
    const again = await runRetention(world);
    expect(again.listing.listed).not.toContain(kase.id);
    expect(await pendingEntries(kase.id)).toBe(1);
    expect(await scheduled('coordinator', kase.id)).toMatchObject({
      status: 'on_destruction_list',
      destructionListId: await listOf(world, kase.id),
    });
    // The keeper and the controller's DPOs are told there is a list to approve (kinds and ids only).
    const notified = await world.db.adminDb
      .selectFrom('notifications')
      .select(['organisation_id', 'audience'])
      .where('kind', '=', 'destruction_list_to_approve')
      .where('subject_id', '=', (await listOf(world, kase.id))!)
      .execute();
    expect(notified).toEqual(
      expect.arrayContaining([
        { organisation_id: world.org.coordination, audience: 'members' },
        { organisation_id: world.org.police, audience: 'dpo' },
      ]),
    );
  });
});

describe('legal holds (L2007 art. 14 §7)', () => {
  it('RET-08 RGT-CRT-04 a hold on an item of a case past its retention skips it with SKIPPED_LEGAL_HOLD; released, the case is listed the next day', async () => {
    const kase = await closedCase(world, '2026-05-01T10:00:00Z', { months: 1 });
    const police = await sessionOf(world, 'policeOfficer');
    const holdId = await placeLegalHoldOn(
      world,
      kase.id,
      legalHoldOrder({ itemId: kase.itemIds[0]! }),
      police,
    );

    world.clock.set('2026-06-02T06:00:00Z');
    const start = await auditPosition(world);
    expect(await runner('instance-a')()).toContainEqual({
      name: 'retention-destruction-list',
      outcome: 'completed',
    });
    expect(await listOf(world, kase.id)).toBeUndefined();
    const skipped = (await auditEventsSince(world, start)).filter(
      (e) => e.action === 'system.skipped_legal_hold',
    );
    expect(skipped).toEqual([
      expect.objectContaining({
        caseId: kase.id,
        reason: 'skipped_legal_hold',
        actor: { system: 'retention-destruction-list' },
        records: [
          { type: 'case', id: kase.id },
          { type: 'legal_hold', id: holdId },
        ],
      }),
    ]);
    expect(await scheduled('policeDpo', kase.id)).toMatchObject({ status: 'on_legal_hold', legalHolds: 1 });

    // Released in the afternoon: that day's run is done; the next day's lists the case.
    world.clock.set('2026-06-02T13:00:00Z');
    const release = await world.request(
      await sessionOf(world, 'policeOfficer'),
      'POST',
      `/api/cases/${kase.id}/legal-holds/${holdId}/release`,
      {
        reason: 'De vordering werd ingetrokken.',
      },
    );
    expect(release.statusCode, release.body).toBe(200);
    expect(await runner('instance-a')()).toContainEqual({
      name: 'retention-destruction-list',
      outcome: 'done_today',
      lastRunOn: '2026-06-02',
    });
    expect(await listOf(world, kase.id)).toBeUndefined();
    expect(await scheduled('policeDpo', kase.id)).toMatchObject({ status: 'due', legalHolds: 0 });
    world.clock.set('2026-06-02T22:05:00Z');
    expect(await runner('instance-a')()).toContainEqual({
      name: 'retention-destruction-list',
      outcome: 'completed',
    });
    expect(await listOf(world, kase.id)).toBeDefined();
  });

  it('RET-08 a hold on a person placed once the case is listed stops its purge at the approval; released, it is listed again and destroyed', async () => {
    const kase = await closedCase(world, '2026-07-01T10:00:00Z', { months: 1 });
    world.clock.set('2026-08-02T08:00:00Z');
    await runRetention(world);
    const first = (await listOf(world, kase.id))!;
    const holdId = await placeLegalHoldOn(
      world,
      kase.id,
      legalHoldOrder({ personId: kase.subjectId }),
      await sessionOf(world, 'policeOfficer'),
    );
    expect((await approve(world, 'coordinator', first, 'keeper')).statusCode).toBe(200);
    const start = await auditPosition(world);
    const approved = (await approve(world, 'policeDpo', first, 'dpo')).json();
    expect(approved.entries.find((e: { caseId: string }) => e.caseId === kase.id)).toMatchObject({
      status: 'withdrawn',
      withdrawnBecause: 'legal_hold',
    });
    expect((await caseRowsLeft(world, kase.id)).items).toBe(2);
    expect((await auditEventsSince(world, start)).map((e) => e.action)).toContain(
      'system.skipped_legal_hold',
    );

    world.clock.set('2026-08-03T08:00:00Z');
    await world.request(
      await sessionOf(world, 'policeOfficer'),
      'POST',
      `/api/cases/${kase.id}/legal-holds/${holdId}/release`,
      {
        reason: 'Het bevel werd opgeheven.',
      },
    );
    world.clock.set('2026-08-04T08:00:00Z');
    await runRetention(world);
    const second = (await listOf(world, kase.id))!;
    expect(second).not.toBe(first);
    await approve(world, 'coordinator', second, 'keeper');
    await approve(world, 'policeDpo', second, 'dpo');
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(0);
  });
});

describe('paper parts at the end of retention (L2007 art. 3 §1)', () => {
  it('SCO-09 each paper part gets a destruction task at the retention deadline, confirmed by a named member of its holder on the case, then at the retention desk once purged', async () => {
    const parts: string[] = [];
    const kase: RetentionCase = await closedCase(world, '2026-09-01T10:00:00Z', {
      months: 1,
      beforeClosure: async (open) => {
        const police = await sessionOf(world, 'policeOfficer');
        for (const _ of [1, 2]) {
          const res = await world.request(
            police,
            'POST',
            `/api/cases/${open.id}/paper-parts`,
            paperAnnex(open.subjectId),
          );
          expect(res.statusCode, res.body).toBe(201);
          parts.push(res.json().id);
        }
      },
    });
    world.clock.set('2026-10-02T08:00:00Z');
    await runRetention(world);
    const tasksOf = async (person: 'policeOfficer' | 'policeDpo' | 'coordinator') =>
      (
        (
          await world.request(await sessionOf(world, person), 'GET', '/api/retention/paper-destruction-tasks')
        ).json().paperDestructionTasks as PaperDestructionTask[]
      ).filter((task) => task.caseId === kase.id);
    const open = await tasksOf('policeOfficer');
    expect(open.map((task) => task.paperPartId).sort()).toEqual([...parts].sort());
    expect(open[0]).toMatchObject({
      holder: { id: world.org.police },
      dueOn: '2026-10-01',
      categories: ['C11'],
      casePurged: false,
      destroyedOn: null,
      allowedActions: [],
    });
    expect(JSON.stringify(open)).not.toMatch(/Politiehuis|Archief|PV met/);
    expect(await tasksOf('coordinator')).toEqual([]);

    // Before the purge the holder confirms on the paper part itself; the task follows.
    const police = await sessionOf(world, 'policeOfficer');
    const onCase = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/paper-parts/${parts[0]}/destruction`,
      {
        destroyedOn: '2026-10-02',
        reason: 'Vernietigd na afloop van de bewaartermijn.',
      },
    );
    expect(onCase.statusCode, onCase.body).toBe(200);
    const taskOf = async (partId: string, person: 'policeOfficer' | 'policeDpo' = 'policeOfficer') =>
      (await tasksOf(person)).find((task) => task.paperPartId === partId)!;
    expect(await taskOf(parts[0]!)).toMatchObject({
      destroyedOn: '2026-10-02',
      confirmedBy: 'Karel Wouters',
    });
    const early = await world.request(
      police,
      'POST',
      `/api/retention/paper-destruction-tasks/${(await taskOf(parts[1]!)).id}/confirmation`,
      {
        destroyedOn: '2026-10-02',
      },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toContain('SCO-09');

    const listId = (await listOf(world, kase.id))!;
    await approve(world, 'coordinator', listId, 'keeper');
    await approve(world, 'policeDpo', listId, 'dpo');
    expect((await caseRowsLeft(world, kase.id)).paper_parts).toBe(0);

    // The task outlives the case: its holder's named member confirms it here.
    world.clock.set('2026-10-05T08:00:00Z');
    const task = await taskOf(parts[1]!);
    expect(task).toMatchObject({ casePurged: true, destroyedOn: null, allowedActions: ['confirm'] });
    expect((await taskOf(parts[1]!, 'policeDpo')).allowedActions).toEqual([]);
    const url = `/api/retention/paper-destruction-tasks/${task.id}/confirmation`;
    expect(
      (await world.request(await sessionOf(world, 'policeDpo'), 'POST', url, { destroyedOn: '2026-10-04' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await world.request(await sessionOf(world, 'coordinator'), 'POST', url, { destroyedOn: '2026-10-04' }))
        .statusCode,
    ).toBe(404);
    const future = await world.request(await sessionOf(world, 'policeOfficer'), 'POST', url, {
      destroyedOn: '2026-10-06',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: '/body/destroyedOn' })]);
    const confirmed = await world.request(await sessionOf(world, 'policeOfficer'), 'POST', url, {
      destroyedOn: '2026-10-04',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      destroyedOn: '2026-10-04',
      confirmedBy: 'Karel Wouters',
      allowedActions: [],
    });
    expect(
      (
        await world.request(await sessionOf(world, 'policeOfficer'), 'POST', url, {
          destroyedOn: '2026-10-04',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('necessity reviews (L2007 art. 4 §1 5°)', () => {
  it('RET-05 PUR-05 a review opens 12 months after closure for the keeper; keep names a purpose of the case, delete now puts the case on a destruction list', async () => {
    const kase = await closedCase(world, '2025-01-15T10:00:00Z', { months: 120 });
    world.clock.set('2026-01-14T08:00:00Z');
    await runRetention(world);
    const reviewsOf = async (person: 'coordinator' | 'policeDpo' | 'policeOfficer') =>
      (
        (
          await world.request(await sessionOf(world, person), 'GET', '/api/retention/necessity-reviews')
        ).json().necessityReviews as NecessityReview[]
      ).filter((review) => review.caseId === kase.id);
    expect(await reviewsOf('coordinator')).toEqual([]);

    world.clock.set('2026-01-15T08:00:00Z');
    const run = await runRetention(world);
    expect(run.listing.reviewsOpened).toHaveLength(1);
    const [review] = await reviewsOf('coordinator');
    expect(review).toMatchObject({
      dueOn: '2026-01-15',
      purposes: ['P1'],
      decision: null,
      allowedActions: ['decide'],
    });
    expect(await reviewsOf('policeDpo')).toEqual([]);
    const url = `/api/retention/necessity-reviews/${review!.id}/decision`;
    const coordinator = await sessionOf(world, 'coordinator');
    const otherPurpose = await world.request(coordinator, 'POST', url, { decision: 'keep', purpose: 'P2' });
    expect(otherPurpose.statusCode).toBe(400);
    expect(otherPurpose.json()).toMatchObject({
      rule: expect.stringContaining('PUR-05'),
      errors: [{ field: '/body/purpose' }],
    });
    expect(
      (
        await world.request(await sessionOf(world, 'policeOfficer'), 'POST', url, {
          decision: 'keep',
          purpose: 'P1',
        })
      ).statusCode,
    ).toBe(404);
    const kept = await world.request(coordinator, 'POST', url, { decision: 'keep', purpose: 'P1' });
    expect(kept.json()).toMatchObject({
      decision: 'keep',
      purpose: 'P1',
      decidedBy: 'Sara Claes',
      allowedActions: [],
    });
    expect(await scheduled('coordinator', kase.id)).toMatchObject({
      status: 'running',
      nextNecessityReviewOn: '2027-01-15',
    });

    world.clock.set('2027-01-15T08:00:00Z');
    await runRetention(world);
    const next = (await reviewsOf('coordinator')).find((r) => r.decision === null)!;
    expect(next.dueOn).toBe('2027-01-15');
    const deleted = await world.request(
      await sessionOf(world, 'coordinator'),
      'POST',
      `/api/retention/necessity-reviews/${next.id}/decision`,
      {
        decision: 'delete_now',
        purpose: 'P1',
      },
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    const listId = (await listOf(world, kase.id))!;
    const list = (
      await world.request(
        await sessionOf(world, 'coordinator'),
        'GET',
        `/api/retention/destruction-lists/${listId}`,
      )
    ).json();
    expect(list.entries.find((e: { caseId: string }) => e.caseId === kase.id)).toMatchObject({
      reason: 'necessity_review',
      dueOn: '2027-01-15',
      status: 'pending',
    });
    expect(await scheduled('coordinator', kase.id)).toMatchObject({ status: 'on_destruction_list' });
  });
});

describe('own-file copies (bill art. 4 al. 5)', () => {
  it('RET-03 FIL-09 the report lists the own-file copies of a participant past their due date, also once the shared file is purged', async () => {
    const kase = await closedCase(world, '2027-03-01T10:00:00Z', { months: 12, admit: ['cpas'] });
    const fixture = { id: kase.id, personId: kase.subjectId, itemId: kase.itemIds[0]!, attachmentId: '' };
    const [plain, organic] = [
      await world.transferOf(fixture, 'cpas'),
      await world.transferOf(fixture, 'cpas'),
    ];
    await world.db.adminDb
      .updateTable('own_file_transfers')
      .set({
        retention_override_months: 36,
        retention_override_citation: 'Organieke wet OCMW, art. 60 (3 jaar)',
      })
      .where('id', '=', organic)
      .execute();
    for (const transferId of [plain, organic]) {
      await world.db.adminDb
        .insertInto('own_file_exports')
        .values({
          transfer_id: transferId,
          format: 'json',
          item_ids: [kase.itemIds[0]!],
          exported_by: world.people.socialWorker.actor.userId,
          exported_at: new Date('2027-03-01T10:00:00Z'),
          sha256: 'a'.repeat(64),
        })
        .execute();
    }
    const report = async (person: 'cpasDpo' | 'policeDpo') =>
      (await world.request(await sessionOf(world, person), 'GET', '/api/retention/own-file-copies')).json()
        .overdue as {
        transferId: string;
        dueOn: string;
        casePurged: boolean;
        rule: string;
      }[];
    world.clock.set('2028-03-01T12:00:00Z');
    expect((await report('cpasDpo')).map((copy) => copy.transferId)).not.toContain(plain);
    world.clock.set('2028-03-02T08:00:00Z');
    expect(await report('cpasDpo')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ transferId: plain, dueOn: '2028-03-01', casePurged: false }),
      ]),
    );
    expect((await report('cpasDpo')).map((copy) => copy.transferId)).not.toContain(organic);
    expect((await report('policeDpo')).map((copy) => copy.transferId)).not.toContain(plain);

    // The shared file is purged; the copies in the CPAS's own file are still its to delete.
    await runRetention(world);
    const listId = (await listOf(world, kase.id))!;
    await approve(world, 'coordinator', listId, 'keeper');
    await approve(world, 'policeDpo', listId, 'dpo');
    expect((await caseRowsLeft(world, kase.id)).cases).toBe(0);
    expect(await report('cpasDpo')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ transferId: plain, dueOn: '2028-03-01', casePurged: true }),
      ]),
    );
    world.clock.set('2030-03-02T08:00:00Z');
    expect(await report('cpasDpo')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          transferId: organic,
          dueOn: '2030-03-01',
          rule: 'Organieke wet OCMW, art. 60 (3 jaar)',
          casePurged: true,
        }),
      ]),
    );
  });
});
