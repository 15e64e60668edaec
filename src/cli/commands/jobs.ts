/**
 * `concerto jobs run`: runs the due daily jobs once and exits (ADR 0015), for a cron beside or
 * instead of the schedule of `concerto serve` (CONCERTO_JOBS_INTERVAL_SECONDS=0). The database
 * leases make it safe next to running servers: each job still runs once a Brussels day.
 */
import type { Config } from '../../server/config.js';
import { openDatabase } from '../../server/db/engine.js';
import { systemClock } from '../../server/kernel/clock.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { instanceIdOf, type JobOutcome } from '../../server/kernel/jobs/index.js';
import { createDailyJobRunner } from '../../server/modules/jobs/daily-jobs.js';
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

export async function runJobs(config: Config, args: string[], help: string): Promise<number> {
  if (args.length !== 1 || args[0] !== 'run') {
    console.error(`Usage: concerto jobs run\n\n${help}`);
    return EXIT.usage;
  }
  const keys = await createKeyProvider(config);
  // Beside a running server on the same embedded data directory; migrated like `serve` would.
  const database = await openDatabase(config, { migrate: true, attach: true });
  try {
    const outcomes = await createDailyJobRunner({
      db: database.appDb,
      keys,
      clock: systemClock,
      instanceId: instanceIdOf('cli'),
      leaseMinutes: config.jobs.leaseMinutes,
    })();
    for (const outcome of outcomes) console.log(describe(outcome));
    return outcomes.some((outcome) => outcome.outcome === 'failed') ? EXIT.checkFailed : EXIT.ok;
  } finally {
    await database.close();
  }
}
