/**
 * The rows of `scheduled_jobs` (migration 0027): the lease that lets one app instance run a daily
 * job while the others skip it, and the outcome of each run. Instances coordinate through the
 * database, never through process memory (ARCHITECTURE §2).
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { CivilDate } from '../legal-rules/index.js';

export interface LeaseRequest {
  name: string;
  instanceId: string;
  /** The Brussels day the run is for: a job that completed it is not due any more. */
  today: CivilDate;
  now: Date;
  until: Date;
}

export interface JobRow {
  name: string;
  last_run_on: string | null;
  leased_by: string | null;
  leased_until: Date | null;
}

/** Makes sure every job has its row; an existing row (and its history) is left as it is. */
export async function registerJobs(db: Db, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .insertInto('scheduled_jobs')
    .values(names.map((name) => ({ name })))
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
}

/**
 * Takes the lease of a due job in one statement: the row is due (not completed today) and free
 * (no lease, or an expired one: its instance crashed). Of instances asking at the same moment, the
 * one that locks the row wins; the others skip it (SKIP LOCKED) or, once it is committed, no
 * longer find it free. Returns whether this instance holds the lease.
 */
export async function takeLease(db: Db, request: LeaseRequest): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`
    UPDATE scheduled_jobs
    SET leased_by = ${request.instanceId}, leased_until = ${request.until}, last_started_at = ${request.now}
    WHERE name = (
      SELECT name FROM scheduled_jobs
      WHERE name = ${request.name}
        AND (last_run_on IS NULL OR last_run_on < ${request.today}::date)
        AND (leased_until IS NULL OR leased_until <= ${request.now})
      FOR UPDATE SKIP LOCKED)
    RETURNING name`.execute(db);
  return rows.length === 1;
}

/**
 * Records the day as done and frees the lease. Only while this instance still holds it: if the
 * lease expired and another instance took the job over, that instance records its own run.
 */
export async function recordCompleted(
  tx: Tx,
  run: { name: string; instanceId: string; today: CivilDate; finishedAt: Date },
): Promise<boolean> {
  const result = await tx
    .updateTable('scheduled_jobs')
    .set({
      last_run_on: run.today,
      last_finished_at: run.finishedAt,
      last_error: null,
      leased_by: null,
      leased_until: null,
    })
    .where('name', '=', run.name)
    .where('leased_by', '=', run.instanceId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records the error and frees the lease; the day stays undone, so the next tick retries it. */
export async function recordFailed(
  tx: Tx,
  run: { name: string; instanceId: string; finishedAt: Date; error: string },
): Promise<void> {
  await tx
    .updateTable('scheduled_jobs')
    .set({ last_finished_at: run.finishedAt, last_error: run.error, leased_by: null, leased_until: null })
    .where('name', '=', run.name)
    .where('leased_by', '=', run.instanceId)
    .execute();
}

export async function jobRow(db: Db, name: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('scheduled_jobs')
    .select(['name', 'last_run_on', 'leased_by', 'leased_until'])
    .where('name', '=', name)
    .executeTakeFirst();
}
