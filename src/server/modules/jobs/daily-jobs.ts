/**
 * The daily jobs of Concerto and their dependencies (ADR 0015): what `concerto serve` runs on its
 * schedule and `concerto jobs run` runs once. A job the law asks to run every day registers here:
 * the prosecutor's-list erasure and the retention engine's destruction lists (SPEC RET-01, ADR 0016).
 */
import type { Db } from '../../db/database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { createEnvelope } from '../../kernel/crypto/envelope.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { type DailyJob, type JobOutcome, runDueJobs } from '../../kernel/jobs/index.js';
import { createLegalRules, type LegalRulesOverrides } from '../../kernel/legal-rules/index.js';
import { runDeclarationReview } from '../declarations/declaration-review.js';
import { createDeclarationsRepository } from '../declarations/declarations.repository.js';
import { DESTRUCTION_ORDERS_JOB } from '../destruction-orders/destruction-order-deps.js';
import { createDestructionOrdersRepository } from '../destruction-orders/destruction-orders.repository.js';
import { resumeDestructionOrders } from '../destruction-orders/order-execution.service.js';
import { createNotificationsRepository } from '../notifications/notifications.repository.js';
import { createProhibitionsRepository } from '../prohibitions/prohibitions.repository.js';
import { enforceRunningProhibitions } from '../prohibitions/prohibitions.service.js';
import { createProsecutorListRepository } from '../prosecutor-list/prosecutor-list.repository.js';
import { eraseExpiredListEntries } from '../prosecutor-list/prosecutor-list.service.js';
import { RETENTION_JOB } from '../retention/retention-deps.js';
import { runRetentionJob } from '../retention/retention-job.service.js';
import { createRetentionRepository } from '../retention/retention.repository.js';
import { closeEndedInspections } from '../supervision/inspector-access.service.js';
import { createSupervisionRepository } from '../supervision/supervision.repository.js';

export interface DailyJobsDeps {
  db: Db;
  keys: KeyProvider;
  clock: Clock;
  /** The instance's legal periods (config `legalRules`): the retention job computes with the app's. */
  legalRules?: LegalRulesOverrides;
  /** The audit log's origin (config `audit.origin`): the proofs of destruction are signed under it. */
  auditOrigin: string;
}

export function dailyJobs({ db, keys, clock, legalRules, auditOrigin }: DailyJobsDeps): DailyJob[] {
  const audit = createAuditLog({ clock });
  const listDeps = { db, list: createProsecutorListRepository(), audit, envelope: createEnvelope({ keys }) };
  const retentionDeps = {
    db,
    retention: createRetentionRepository(),
    notifications: createNotificationsRepository(),
    audit,
    clock,
    rules: createLegalRules({ clock, ...(legalRules && { overrides: legalRules }) }),
    keys,
    auditOrigin,
  };
  return [
    // bill art. 8 al. 2 (SPEC LST-03, RET-04): an identity leaves the list at the latest 30 years
    // after its registration; run daily, an entry goes on the first day past its erasure date.
    { name: 'prosecutor-list-erasure', run: (at) => eraseExpiredListEntries(listDeps, at) },
    // bill art. 2 §3 4° (SPEC RET-01, RET-05, RET-08, SCO-09): every case past the end of its
    // retention goes on a destruction list, unless a legal hold stands; approved lists are purged and
    // their proofs issued, and whatever an interruption left is finished (ADR 0016). Bill art. 4 al. 5
    // (SPEC FIL-09, RET-03): own-file copies due soon, and each month those overdue, are announced.
    { name: RETENTION_JOB, run: (at) => runRetentionJob(retentionDeps, at) },
    // L1992 arts 41 §1 and 45 (SPEC PEN-16, RET-09): what an interruption left of an approved
    // destruction order (a case, a key destruction, the certificate) is finished.
    {
      name: DESTRUCTION_ORDERS_JOB,
      run: () =>
        resumeDestructionOrders({
          db,
          orders: createDestructionOrdersRepository(),
          audit,
          clock,
          keys,
          auditOrigin,
        }),
    },
    // L1992 art. 32 §1 (SPEC SUP-03): an inspector account ends by itself; once its period is over,
    // its grant is closed and the account deactivated (the access module refused it from the end).
    {
      name: 'inspector-access-expiry',
      run: (at) => closeEndedInspections({ db, supervision: createSupervisionRepository(), audit }, at),
    },
    // L1992 art. 41 §2 (SPEC PEN-17): on each day of a prohibition, the person's accounts hold no
    // role that manages a processing, also when it was recorded before it started.
    {
      name: 'prohibition-enforcement',
      run: (at) => enforceRunningProhibitions({ db, prohibitions: createProhibitionsRepository(), audit }, at),
    },
    // L2007 art. 16 §2 4°, art. 17 §2 and §7 (SPEC SEC-10, DCL-03, DCL-21): every running declaration
    // is compared with the configuration, and a submission the Commission has not acknowledged within
    // three working days alerts the controller's DPOs.
    {
      name: 'declaration-review',
      run: (at) =>
        runDeclarationReview(
          {
            db,
            declarations: createDeclarationsRepository(),
            notifications: createNotificationsRepository(),
            rules: retentionDeps.rules,
            audit,
          },
          at,
        ),
    },
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
