/**
 * The daily job of bill art. 8 al. 2 (SPEC LST-03, RET-04) end to end on a real database: an
 * entry registered through the prosecutor's desk stays on the list for thirty years and is erased
 * by the daily jobs that `concerto serve` and `concerto jobs run` run (ADR 0015), the erasure and
 * the run audited without identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDailyJobRunner } from '../../src/server/modules/jobs/daily-jobs.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';
import { listEntriesOf, registeredListEntry } from '../support/prosecutor-list-steps.js';
import { authorisedFrameworkOf } from '../support/rights-steps.js';

let world: AccessWorld;
let frameworkId: string;

const START = '2026-03-02T09:00:00Z';

beforeAll(async () => {
  world = await createAccessWorld();
  frameworkId = await authorisedFrameworkOf(world, world.org.parquet);
});
afterAll(async () => {
  await world?.close();
});

describe("the daily erasure of the prosecutor's list (bill art. 8 al. 2)", () => {
  it('LST-03 RET-04 the daily job erases an entry 30 years after registration: kept through 2056-03-02, gone from 2056-03-03 on, audited without identity', async () => {
    const { kase, entry } = await registeredListEntry(world, frameworkId);
    expect(entry).toMatchObject({
      registeredAt: '2026-03-02T09:00:00.000Z',
      eraseBy: '2056-03-02T23:00:00.000Z',
    });
    const runDueJobs = createDailyJobRunner({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: 'concerto.test/audit',
      instanceId: 'test-instance',
      leaseMinutes: 15,
    });
    const present = async () =>
      (
        await world.db.adminDb
          .selectFrom('prosecutor_list_entries')
          .select('id')
          .where('id', '=', entry.id)
          .execute()
      ).length === 1;
    const keys = async () =>
      (
        await world.db.adminDb
          .selectFrom('data_keys')
          .select('scope')
          .where('scope', '=', `prosecutor-list:${entry.id}`)
          .execute()
      ).length;
    try {
      // The day of the registration, and the last day of the thirty years (Brussels): kept.
      expect(await runDueJobs()).toContainEqual({ name: 'prosecutor-list-erasure', outcome: 'completed' });
      world.clock.set('2056-03-02T22:59:59Z');
      expect(await runDueJobs()).toContainEqual({ name: 'prosecutor-list-erasure', outcome: 'completed' });
      expect(await present()).toBe(true);
      expect(await keys()).toBeGreaterThan(0);

      // The first tick of 3 March 2056 in Brussels erases it.
      world.clock.set('2056-03-03T00:05:00+01:00');
      const start = await auditPosition(world);
      expect(await runDueJobs()).toContainEqual({ name: 'prosecutor-list-erasure', outcome: 'completed' });
      expect(await present()).toBe(false);
      // The retention job (ADR 0016) runs on the same tick: only this job's events are looked at.
      const events = (await auditEventsSince(world, start)).filter(
        (event) => (event.actor as { system?: string }).system === 'prosecutor-list-erasure',
      );
      expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
        ['erase', 'success', 'list_entry_expired'],
        ['system.daily_job_run', 'success', undefined],
      ]);
      expect(events[0]!.actor).toEqual({ system: 'prosecutor-list-erasure' });
      expect(events[0]!.records).toEqual(
        expect.arrayContaining([{ type: 'prosecutor_list_entry', id: entry.id }]),
      );
      expect(events[1]!.records).toEqual([{ type: 'scheduled_job', id: 'prosecutor-list-erasure' }]);
      expect(JSON.stringify(events)).not.toMatch(/Dewaele|Kevin|90\.04\.12/);
      // Its key is shredded with it: nothing left to decrypt a backup with.
      expect(await keys()).toBe(0);
      const prosecutor = await freshSession(world, world.people.prosecutor.actor.userId);
      expect(await listEntriesOf(world, kase.id, prosecutor)).toEqual([]);

      // Later the same day, the job is done: a second tick neither runs nor audits it again.
      world.clock.set('2056-03-03T15:00:00+01:00');
      const later = await auditPosition(world);
      expect(await runDueJobs()).toContainEqual({
        name: 'prosecutor-list-erasure',
        outcome: 'done_today',
        lastRunOn: '2056-03-03',
      });
      expect(await auditEventsSince(world, later)).toEqual([]);
    } finally {
      world.clock.set(START);
    }
  });
});
