/**
 * L2007 art. 4 §1 5° (SPEC RET-05, PUR-03): what is kept beyond the end of retention for statistics
 * is anonymised. A purged case lives on in the statistics of its framework through its tombstone
 * only: framework, final state, purposes and workflow dates, never a person, a party or content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import {
  approve,
  caseRowsLeft,
  closedCase,
  listOf,
  type RetentionCase,
  runRetention,
  sessionOf,
} from '../support/retention-steps.js';

let world: AccessWorld;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const statistics = async () => {
  const res = await world.request(
    await sessionOf(world, 'policeDpo'),
    'GET',
    `/api/statistics/frameworks/${world.frameworkId}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number | null;
    casesByState: { state: string; count: number | null }[];
    durations: { measure: string; caseCount: number }[];
  };
};

describe('statistics outlive the cases, anonymised (L2007 art. 4 §1 5°)', () => {
  it('RET-05 PUR-03 five purged cases still count in their framework’s statistics, from tombstones that hold no person, party or content', async () => {
    const cases: RetentionCase[] = [];
    for (let i = 0; i < 5; i++) cases.push(await closedCase(world, '2026-02-02T10:00:00Z', { months: 1 }));
    const before = await statistics();
    expect(before.total).toBe(5);

    world.clock.set('2026-03-03T08:00:00Z');
    await runRetention(world);
    const lists = new Set(await Promise.all(cases.map((kase) => listOf(world, kase.id))));
    for (const listId of lists) {
      await approve(world, 'coordinator', listId!, 'keeper');
      await approve(world, 'policeDpo', listId!, 'dpo');
    }
    for (const kase of cases) expect((await caseRowsLeft(world, kase.id)).cases).toBe(0);

    const after = await statistics();
    expect(after.total).toBe(5);
    expect(after.casesByState).toEqual(before.casesByState);
    expect(after.durations).toEqual(before.durations);
    expect(after.durations.find((d) => d.measure === 'signal_to_closure')?.caseCount).toBe(5);
    expect(new Set(JSON.stringify(after).match(UUID))).toEqual(new Set([world.frameworkId]));

    // What the tombstone keeps: ids of the case and of organisations, dates, codes and counts; the
    // columns are the whole list, so a column with a name or content would fail here.
    const columns = await world.db.adminDb
      .selectFrom('information_schema.columns' as never)
      .select(['column_name' as never])
      .where('table_name' as never, '=', 'case_tombstones' as never)
      .execute();
    expect((columns as { column_name: string }[]).map((c) => c.column_name).sort()).toEqual(
      [
        'case_id',
        'closed_at',
        'compartment_organisation_id',
        'controller_ids',
        'counts',
        'final_state',
        'first_consultation_at',
        'framework_id',
        'keeper_organisation_id',
        'key_audit_position',
        'key_destroyed_at',
        'list_id',
        'opened_at',
        'organiser_organisation_id',
        'purge_audit_position',
        'purged_at',
        'purposes',
        'reason',
        'retention_end',
        'retention_months',
        'retention_rule',
        'signal_decided_at',
        'signalled_at',
      ].sort(),
    );
  });
});
