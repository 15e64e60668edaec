/**
 * `concerto jobs run`: runs the due daily jobs once and exits (ADR 0015), for a cron beside or
 * instead of the schedule of `concerto serve` (CONCERTO_JOBS_INTERVAL_SECONDS=0). The database
 * leases make it safe next to running servers: each job still runs once a Brussels day.
 * `--as-of YYYY-MM-DD` rehearses them as of that day on a demo database only (daily-jobs-as-of.ts).
 */
import type { Config } from '../../server/config.js';
import { openDatabase } from '../../server/db/engine.js';
import { systemClock } from '../../server/kernel/clock.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { DomainError } from '../../server/kernel/errors.js';
import { instanceIdOf, type JobOutcome } from '../../server/kernel/jobs/index.js';
import { type CivilDate, parseCivilDate } from '../../server/kernel/legal-rules/index.js';
import { createDailyJobRunner } from '../../server/modules/jobs/daily-jobs.js';
import { runDailyJobsAsOf } from '../../server/modules/jobs/daily-jobs-as-of.js';
import { EXIT } from '../exit-codes.js';

function describe(outcome: JobOutcome): string {
  switch (outcome.outcome) {
    case 'completed':
      return `${outcome.name}: completed`;
    case 'failed':
      return `${outcome.name}: FAILED (${outcome.error}); the next run retries it`;
    case 'done_today':
      return `${outcome.name}: already done today (${outcome.lastRunOn})`;
    case 'leased_elsewhere':
      return `${outcome.name}: running in another instance (${outcome.leasedBy || 'lease being taken'})`;
  }
}

/** The day of `--as-of`, or undefined when it is not a real calendar day written YYYY-MM-DD. */
function dayOf(value: string): CivilDate | undefined {
  try {
    return parseCivilDate(value);
  } catch {
    return undefined;
  }
}

export async function runJobs(
  config: Config,
  args: string[],
  help: string,
  options: { asOf?: string | undefined } = {},
): Promise<number> {
  const asOf = options.asOf === undefined ? undefined : dayOf(options.asOf);
  if (args.length !== 1 || args[0] !== 'run' || (options.asOf !== undefined && asOf === undefined)) {
    console.error(`Usage: concerto jobs run [--as-of YYYY-MM-DD]\n\n${help}`);
    return EXIT.usage;
  }
  const keys = await createKeyProvider(config);
  // Beside a running server on the same embedded data directory; migrated like `serve` would.
  const database = await openDatabase(config, { migrate: true, attach: true });
  try {
    const deps = {
      db: database.appDb,
      keys,
      legalRules: config.legalRules,
      auditOrigin: config.audit.origin,
      instanceId: instanceIdOf('cli'),
      leaseMinutes: config.jobs.leaseMinutes,
    };
    const outcomes = asOf
      ? await runDailyJobsAsOf(deps, asOf)
      : await createDailyJobRunner({ ...deps, clock: systemClock })();
    if (asOf) console.log(`The daily jobs of this demo database as of ${asOf}:`);
    for (const outcome of outcomes) console.log(describe(outcome));
    return outcomes.some((outcome) => outcome.outcome === 'failed') ? EXIT.checkFailed : EXIT.ok;
  } catch (error) {
    // --as-of on a database that is not a demo (daily-jobs-as-of.ts): refused, nothing run.
    if (error instanceof DomainError && error.code === 'conflict') {
      console.error(error.message);
      return EXIT.refused;
    }
    throw error;
  } finally {
    await database.close();
  }
}
