/**
 * Runs the daily jobs that are due, once a Brussels day across all app instances (ADR 0015).
 * Each job is leased in the database (job-leases.ts), run with the injected clock's "now", then
 * recorded as done for the day with its audit event. A failed run records its error and leaves
 * the day undone, so that the next tick retries it; a crashed instance's lease expires and the
 * next tick of any instance takes the job over. The jobs themselves must be idempotent: a job
 * that outlives its lease may be run a second time by another instance.
 */
import { inTransaction } from '../../db/database.js';
import type { Db } from '../../db/database.js';
import { type AuditLog, runInAuditChannel } from '../audit/index.js';
import type { Clock } from '../clock.js';
import { brusselsDateOf } from '../legal-rules/index.js';
import { jobRow, recordCompleted, recordFailed, registerJobs, takeLease } from './job-leases.js';

export interface DailyJob {
  /** A short code (`[a-z][a-z0-9-]*`): the row's key and the system actor of its audit events. */
  name: string;
  /** Does the day's work as of `at`; throws to leave the day undone. */
  run(at: Date): Promise<unknown>;
}

export type JobOutcome =
  | { name: string; outcome: 'completed' }
  | { name: string; outcome: 'failed'; error: string }
  /** Completed earlier on this Brussels day. */
  | { name: string; outcome: 'done_today'; lastRunOn: string }
  /** Another instance holds an unexpired lease: it is running the job. */
  | { name: string; outcome: 'leased_elsewhere'; leasedBy: string };

export interface RunDueJobsOptions {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  jobs: readonly DailyJob[];
  /** Who holds a lease: unique per process (see instanceIdOf). */
  instanceId: string;
  /** How long a lease holds before another instance may take the job over; the longest run must fit in it. */
  leaseMinutes?: number;
}

export const DEFAULT_LEASE_MINUTES = 15;
const ERROR_CHARS = 1000;

/** The error as the row keeps it: its class and message, bounded (migration 0027). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, ERROR_CHARS);
}

export async function runDueJobs(options: RunDueJobsOptions): Promise<JobOutcome[]> {
  const { db, clock, audit, jobs, instanceId, leaseMinutes = DEFAULT_LEASE_MINUTES } = options;
  await registerJobs(
    db,
    jobs.map((job) => job.name),
  );
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    // SPEC SEC-05: what the job records, and its own run event, come through the job's channel.
    outcomes.push(await runInAuditChannel({ type: 'job', client: job.name }, () => runJob(job)));
  }
  return outcomes;

  async function runJob(job: DailyJob): Promise<JobOutcome> {
    const now = clock.now();
    const today = brusselsDateOf(now);
    const until = new Date(now.getTime() + leaseMinutes * 60_000);
    if (!(await takeLease(db, { name: job.name, instanceId, today, now, until }))) {
      // registerJobs made the row; without the lease it is either done for today or held.
      const row = (await jobRow(db, job.name))!;
      return row.last_run_on !== null && row.last_run_on >= today
        ? { name: job.name, outcome: 'done_today', lastRunOn: row.last_run_on }
        : { name: job.name, outcome: 'leased_elsewhere', leasedBy: row.leased_by ?? '' };
    }
    const event = {
      actor: { system: job.name },
      action: 'system.daily_job_run',
      records: [{ type: 'scheduled_job', id: job.name }],
    } as const;
    try {
      await job.run(now);
    } catch (error) {
      const message = describeError(error);
      await inTransaction(db, async (tx) => {
        await recordFailed(tx, { name: job.name, instanceId, finishedAt: clock.now(), error: message });
        // The error text stays in the job's row: an audit event holds codes, never free text.
        await audit.record(tx, { ...event, outcome: 'failure', reason: 'job_failed' });
      });
      return { name: job.name, outcome: 'failed', error: message };
    }
    await inTransaction(db, async (tx) => {
      await recordCompleted(tx, { name: job.name, instanceId, today, finishedAt: clock.now() });
      await audit.record(tx, { ...event, outcome: 'success' });
    });
    return { name: job.name, outcome: 'completed' };
  }
}
