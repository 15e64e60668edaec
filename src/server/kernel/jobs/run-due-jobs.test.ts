/**
 * Daily jobs leased in the database (ADR 0015), on a real PostgreSQL as the runtime role: one run
 * a Brussels day across instances racing on two connection pools, a failed run retried at the
 * next tick, a crashed instance's lease taken over once it expires, every run audited.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  RUNTIME_ROLE,
  type TestDatabase,
} from '../../../../test/support/test-database.js';
import { createDb, type Db } from '../../db/database.js';
import { createAuditLog } from '../audit/index.js';
import { ManualClock } from '../clock.js';
import { takeLease } from './job-leases.js';
import { type DailyJob, runDueJobs } from './run-due-jobs.js';

let db: TestDatabase;
/** A second pool of the runtime role: another app instance. */
let other: Db;
const clock = new ManualClock('2026-12-05T08:00:00Z');
const audit = createAuditLog({ clock });

beforeAll(async () => {
  db = await createTestDatabase();
  other = createDb(db.appUrl, { max: 2, assumeRole: RUNTIME_ROLE });
});
afterAll(async () => {
  await other?.destroy();
  await db?.drop();
});

/** A job that counts its runs, slow enough for racing instances to overlap. */
function countingJob(name: string, fail = () => false): DailyJob & { runs: Date[] } {
  const runs: Date[] = [];
  return {
    name,
    runs,
    async run(at) {
      await sleep(50);
      if (fail()) throw new Error('the key provider did not answer');
      runs.push(at);
    },
  };
}

const run = (instanceId: string, jobs: DailyJob[], on: Db = db.appDb, leaseMinutes?: number) =>
  runDueJobs({ db: on, clock, audit, jobs, instanceId, leaseMinutes });

const rowOf = (name: string) =>
  db.adminDb.selectFrom('scheduled_jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

async function runEvents(name: string) {
  const rows = await db.adminDb.selectFrom('audit_events').select('payload').orderBy('position').execute();
  return rows
    .map((row) => JSON.parse(row.payload))
    .filter((event) => event.action === 'system.daily_job_run' && event.actor.system === name);
}

describe('daily jobs leased in the database', () => {
  it('LST-03 two instances racing on the same Brussels day run a daily job once, and it is audited once', async () => {
    const job = countingJob('race-once');
    for (const day of ['2026-12-05T08:00:00Z', '2026-12-06T08:00:00Z', '2026-12-07T08:00:00Z']) {
      clock.set(day);
      const [a, b] = await Promise.all([run('instance-a', [job]), run('instance-b', [job], other)]);
      expect([a[0]!.outcome, b[0]!.outcome].filter((outcome) => outcome === 'completed')).toHaveLength(1);
      // A later tick of either instance on the same day finds it done.
      expect(await run('instance-b', [job], other)).toEqual([
        { name: 'race-once', outcome: 'done_today', lastRunOn: day.slice(0, 10) },
      ]);
    }
    expect(job.runs.map((at) => at.toISOString())).toEqual([
      '2026-12-05T08:00:00.000Z',
      '2026-12-06T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
    ]);
    expect(await rowOf('race-once')).toMatchObject({
      last_run_on: '2026-12-07',
      leased_by: null,
      leased_until: null,
      last_error: null,
    });
    const events = await runEvents('race-once');
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      actor: { system: 'race-once' },
      outcome: 'success',
      records: [{ type: 'scheduled_job', id: 'race-once' }],
    });
  });

  it('LST-03 the job is due again when the Brussels day changes, not the UTC day', async () => {
    const job = countingJob('brussels-day');
    // 23:30 on 5 December in Brussels (UTC+1).
    clock.set('2026-12-05T22:30:00Z');
    expect((await run('instance-a', [job]))[0]!.outcome).toBe('completed');
    clock.set('2026-12-05T22:59:59Z');
    expect((await run('instance-a', [job]))[0]!.outcome).toBe('done_today');
    // Midnight in Brussels, still 5 December in UTC.
    clock.set('2026-12-05T23:00:00Z');
    expect((await run('instance-a', [job]))[0]!.outcome).toBe('completed');
    expect((await rowOf('brussels-day')).last_run_on).toBe('2026-12-06');
    expect(job.runs).toHaveLength(2);
  });

  it('LST-03 a failing job leaves its day undone and records the error; the next tick retries it', async () => {
    clock.set('2026-12-05T08:00:00Z');
    let failing = true;
    const job = countingJob('flaky', () => failing);
    const first = await run('instance-a', [job]);
    expect(first).toEqual([
      { name: 'flaky', outcome: 'failed', error: 'Error: the key provider did not answer' },
    ]);
    expect(await rowOf('flaky')).toMatchObject({
      last_run_on: null,
      last_error: 'Error: the key provider did not answer',
      leased_by: null,
      leased_until: null,
    });
    // The other instance's next tick retries at once: the failed run holds no lease.
    clock.advanceMs(5 * 60_000);
    failing = false;
    expect(await run('instance-b', [job], other)).toEqual([{ name: 'flaky', outcome: 'completed' }]);
    expect(await rowOf('flaky')).toMatchObject({
      last_run_on: '2026-12-05',
      last_error: null,
      leased_by: null,
    });
    const events = await runEvents('flaky');
    expect(events.map((event) => [event.outcome, event.reason])).toEqual([
      ['failure', 'job_failed'],
      ['success', undefined],
    ]);
    // The error text stays in the job's row, not in the append-only log.
    expect(JSON.stringify(events)).not.toContain('key provider');
  });

  it('LST-03 the lease of a crashed instance expires and another instance takes the job over', async () => {
    clock.set('2026-12-05T08:00:00Z');
    const job = countingJob('orphaned');
    await db.adminDb.insertInto('scheduled_jobs').values({ name: 'orphaned' }).execute();
    // An instance took the lease and died before recording anything.
    const now = clock.now();
    expect(
      await takeLease(db.appDb, {
        name: 'orphaned',
        instanceId: 'crashed',
        today: '2026-12-05',
        now,
        until: new Date(now.getTime() + 15 * 60_000),
      }),
    ).toBe(true);
    clock.advanceMs(14 * 60_000);
    expect(await run('instance-b', [job], other, 15)).toEqual([
      { name: 'orphaned', outcome: 'leased_elsewhere', leasedBy: 'crashed' },
    ]);
    expect(job.runs).toEqual([]);
    clock.advanceMs(60_000);
    expect(await run('instance-b', [job], other, 15)).toEqual([{ name: 'orphaned', outcome: 'completed' }]);
    expect(job.runs).toHaveLength(1);
    expect(await rowOf('orphaned')).toMatchObject({ last_run_on: '2026-12-05', leased_by: null });
  });

  it('LST-03 a user-facing transaction cannot see or move the jobs (row-level security)', async () => {
    const rows = await db.appDb.transaction().execute(async (tx) => {
      // What the access module sets for a signed-in user.
      await sql`SELECT set_config('concerto.user_id', ${crypto.randomUUID()}, true)`.execute(tx);
      return tx.selectFrom('scheduled_jobs').select('name').execute();
    });
    expect(rows).toEqual([]);
    expect((await db.appDb.selectFrom('scheduled_jobs').select('name').execute()).length).toBeGreaterThan(0);
  });
});
