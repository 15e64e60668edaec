/**
 * The daily jobs of Concerto and their dependencies (ADR 0015): what `concerto serve` runs on its
 * schedule and `concerto jobs run` runs once. A job the law asks to run every day registers here;
 * the retention purge (SPEC RET-01, issue 6) will join the prosecutor's-list erasure.
 */
import type { Db } from '../../db/database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { createEnvelope } from '../../kernel/crypto/envelope.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { type DailyJob, type JobOutcome, runDueJobs } from '../../kernel/jobs/index.js';
import { createProsecutorListRepository } from '../prosecutor-list/prosecutor-list.repository.js';
import { eraseExpiredListEntries } from '../prosecutor-list/prosecutor-list.service.js';

export interface DailyJobsDeps {
  db: Db;
  keys: KeyProvider;
  clock: Clock;
}

export function dailyJobs({ db, keys, clock }: DailyJobsDeps): DailyJob[] {
  const audit = createAuditLog({ clock });
  const listDeps = { db, list: createProsecutorListRepository(), audit, envelope: createEnvelope({ keys }) };
  return [
    // bill art. 8 al. 2 (SPEC LST-03, RET-04): an identity leaves the list at the latest 30 years
    // after its registration; run daily, an entry goes on the first day past its erasure date.
    { name: 'prosecutor-list-erasure', run: (at) => eraseExpiredListEntries(listDeps, at) },
  ];
}

/** Runs the due daily jobs once, as `instanceId`, with a lease of `leaseMinutes`. */
export function createDailyJobRunner(
  deps: DailyJobsDeps & { instanceId: string; leaseMinutes: number },
): () => Promise<JobOutcome[]> {
  const jobs = dailyJobs(deps);
  const audit = createAuditLog({ clock: deps.clock });
  return () =>
    runDueJobs({
      db: deps.db,
      clock: deps.clock,
      audit,
      jobs,
      instanceId: deps.instanceId,
      leaseMinutes: deps.leaseMinutes,
    });
}
