/**
 * `concerto jobs run --as-of YYYY-MM-DD`: the daily jobs of ADR 0015 run as if it were that day, to
 * rehearse on a demo database what the days to come bring (a case's retention running out, its
 * destruction list, the four eyes and the proof; issue 6 scope 10) without waiting for them.
 *
 * Only on a demo database, the one `concerto demo` created and completed (its marker, as
 * demo.service.ts `state` reads it): moving the clock of the jobs forward would end the retention
 * of real cases before the day the participants agreed (bill art. 2 §3 4°, art. 3 §1 al. 1), so on
 * any other database the rehearsal is refused, audited, and nothing runs. The jobs run through the
 * same leases as every day: they never overlap a server's run, and the demo's jobs count as done up
 * to the day rehearsed.
 */
import { type Db, inTransaction } from '../../db/database.js';
import { createAuditLog, type SystemActor } from '../../kernel/audit/index.js';
import { type Clock, clockFrom, systemClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { JobOutcome } from '../../kernel/jobs/index.js';
import type { CivilDate } from '../../kernel/legal-rules/index.js';
import { startOfBrusselsDay } from '../../kernel/legal-rules/brussels-time.js';
import { createDemoRepository } from '../demo/demo.repository.js';
import { createDailyJobRunner, type DailyJobsDeps } from './daily-jobs.js';

export const NOT_A_DEMO_FOR_REHEARSAL =
  'This database was not created as a demo by concerto demo: the daily jobs run as of another day only on a demo database, so that the retention of real cases is never cut short.';

/** The command, named as such in the audit log (SPEC PEN-19: every event stays attributable). */
const COMMAND: SystemActor = { system: 'jobs-as-of' };
const NOON_MS = 12 * 60 * 60 * 1000;

export interface DailyJobsAsOfDeps extends Omit<DailyJobsDeps, 'clock'> {
  instanceId: string;
  leaseMinutes: number;
  /** The real clock the rehearsal's clock is shifted from (the system clock but in tests). */
  clock?: Clock;
}

async function isDemoDatabase(db: Db): Promise<boolean> {
  const marker = await createDemoRepository().marker(db);
  return marker?.completed_at != null;
}

/**
 * Runs the due daily jobs with a clock that reads noon in Brussels on `asOf` and runs on from there;
 * throws a `conflict` DomainError, after auditing the refusal, unless the database is a demo.
 */
export async function runDailyJobsAsOf(deps: DailyJobsAsOfDeps, asOf: CivilDate): Promise<JobOutcome[]> {
  const base = deps.clock ?? systemClock;
  const audit = createAuditLog({ clock: base });
  const day = { type: 'civil_date', id: asOf };
  if (!(await isDemoDatabase(deps.db))) {
    await inTransaction(deps.db, (tx) =>
      audit.record(tx, {
        actor: COMMAND,
        action: 'system.jobs_as_of_refused',
        outcome: 'denied',
        records: [day],
        reason: 'not_a_demo_database',
      }),
    );
    throw new DomainError('conflict', { detail: NOT_A_DEMO_FOR_REHEARSAL });
  }
  await inTransaction(deps.db, (tx) =>
    audit.record(tx, {
      actor: COMMAND,
      action: 'system.jobs_as_of',
      outcome: 'success',
      records: [day],
      reason: 'demo_rehearsal',
    }),
  );
  const clock = clockFrom(new Date(startOfBrusselsDay(asOf).getTime() + NOON_MS), base);
  return createDailyJobRunner({ ...deps, clock })();
}
