/**
 * The daily retention job `retention-destruction-list` (ADR 0015 leases it: N instances run it once
 * a Brussels day; SPEC RET-01, RET-03, RET-05, RET-08, SCO-09, FIL-09; ADR 0016). Each run first
 * finishes what an interruption left (key destructions pending, purges of approved lists, proofs),
 * then lists the cases that fell due, then reminds the holders of own-file copies. Every step is
 * idempotent and commits on its own, so a run taken over by another instance, or run twice, does each
 * thing once. A step that fails does not stop the others; the run then fails as a whole, so that the
 * runner records the error and the next tick retries.
 */
import { inTransaction } from '../../db/database.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { destroyCaseKey, type PurgeOutcome, purgeCase } from './case-purge.service.js';
import { type ListingRun, listDueCases } from './destruction-listing.service.js';
import { signedProof } from './destruction-proof.js';
import { type ReminderRun, remindOwnFileCopies } from './own-file-copy-reminders.js';
import { listRef, RETENTION_ACTOR, type RetentionDeps } from './retention-deps.js';

export interface RetentionRun {
  keysDestroyed: string[];
  purges: PurgeOutcome[];
  proofsIssued: string[];
  listing: ListingRun;
  reminders: ReminderRun;
}

export class RetentionRunFailed extends Error {
  override name = 'RetentionRunFailed';
  constructor(
    readonly run: RetentionRun,
    readonly failures: readonly string[],
  ) {
    super(`retention: ${failures.length} step(s) failed and will be retried: ${failures.join('; ')}`);
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Issues the signed proof of an approved list once every case on it is settled and every purged
 * case's key destroyed; marks the list completed. False while something is still pending.
 */
export async function issueProof(deps: RetentionDeps, listId: string): Promise<boolean> {
  const { db, retention, audit, clock, keys, auditOrigin } = deps;
  return inTransaction(db, async (tx) => {
    const list = await retention.listForUpdate(tx, listId);
    if (!list || list.approved_at === null || list.completed_at !== null) return false;
    const entries = await retention.entriesOf(tx, [listId]);
    if (entries.some((entry) => entry.status === 'pending')) return false;
    const purged = entries.filter((entry) => entry.status === 'purged');
    const tombstones = await retention.tombstonesOf(
      tx,
      purged.map((entry) => entry.case_id),
    );
    if (tombstones.length !== purged.length || tombstones.some((t) => t.key_destroyed_at === null))
      return false;
    const approvals = await retention.approvalsOf(tx, [listId]);
    const now = clock.now();
    const { document, signature } = await signedProof(
      {
        listId,
        keeper: { organisationId: list.keeper_organisation_id, relation: list.keeper_relation },
        controllerIds: list.controller_ids,
        createdAt: new Date(list.created_at),
        approvedAt: new Date(list.approved_at),
        approvals: approvals.map((a) => ({
          capacity: a.capacity,
          organisationId: a.organisation_id,
          userId: a.approved_by,
          approvedAt: new Date(a.approved_at),
          auditPosition: a.audit_position,
        })),
        destroyed: tombstones
          .sort(
            (a, b) =>
              new Date(a.purged_at).getTime() - new Date(b.purged_at).getTime() ||
              a.case_id.localeCompare(b.case_id),
          )
          .map((t) => ({
            caseId: t.case_id,
            frameworkId: t.framework_id,
            finalState: t.final_state,
            closedAt: new Date(t.closed_at),
            retentionEnd: t.retention_end,
            retentionRule: t.retention_rule,
            reason: t.reason,
            purgedAt: new Date(t.purged_at),
            keyDestroyedAt: new Date(t.key_destroyed_at!),
            counts: t.counts,
            purgeAuditPosition: t.purge_audit_position,
            keyAuditPosition: t.key_audit_position!,
          })),
        withdrawn: entries
          .filter((entry) => entry.status === 'withdrawn')
          .map((entry) => ({
            caseId: entry.case_id,
            because: entry.withdrawn_because!,
            settledAt: new Date(entry.settled_at!),
          })),
        issuedAt: now,
      },
      keys,
      auditOrigin,
    );
    const position = await audit.record(tx, {
      actor: RETENTION_ACTOR,
      action: 'system.destruction_proof_issued',
      outcome: 'success',
      records: [listRef(listId)],
    });
    await retention.insertProof(tx, {
      list_id: listId,
      document,
      signature,
      issued_at: now,
      audit_position: position,
    });
    await retention.markCompleted(tx, listId, now);
    return true;
  });
}

/**
 * Carries out an approved list: purges its pending cases (each one whole or not at all, then its
 * key), then issues the proof. Called when the last approval is given, and by the job to resume.
 */
export async function settleDestructionList(deps: RetentionDeps, listId: string): Promise<PurgeOutcome[]> {
  const today = brusselsDateOf(deps.clock.now());
  const caseIds = await inTransaction(deps.db, (tx) => deps.retention.approvedPendingCaseIds(tx, today, listId));
  const outcomes: PurgeOutcome[] = [];
  for (const caseId of caseIds) outcomes.push(await purgeCase(deps, caseId));
  await issueProof(deps, listId);
  return outcomes;
}

/** One run of the daily job as of `at`. */
export async function runRetentionJob(deps: RetentionDeps, at: Date): Promise<RetentionRun> {
  const failures: string[] = [];
  const attempt = async <T>(what: string, step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      failures.push(`${what}: ${describe(error)}`);
      return undefined;
    }
  };
  const run: RetentionRun = {
    keysDestroyed: [],
    purges: [],
    proofsIssued: [],
    listing: { listed: [], skippedLegalHold: [], reviewsOpened: [] },
    reminders: { dueSoon: [], monthlyReports: [] },
  };
  // An interruption between a purge's commit and its key destruction left the tombstone pending.
  const pendingKeys = await inTransaction(deps.db, (tx) => deps.retention.pendingKeyDestructions(tx));
  for (const caseId of pendingKeys) {
    if (await attempt(`key destruction of case ${caseId}`, () => destroyCaseKey(deps, caseId)))
      run.keysDestroyed.push(caseId);
  }
  const approved = await inTransaction(deps.db, (tx) =>
    deps.retention.approvedPendingCaseIds(tx, brusselsDateOf(at)),
  );
  for (const caseId of approved) {
    const outcome = await attempt(`purge of case ${caseId}`, () => purgeCase(deps, caseId));
    if (outcome) run.purges.push(outcome);
  }
  const unsettled = await inTransaction(deps.db, (tx) => deps.retention.unsettledApprovedListIds(tx));
  for (const listId of unsettled) {
    if (await attempt(`proof of list ${listId}`, () => issueProof(deps, listId)))
      run.proofsIssued.push(listId);
  }
  run.listing = (await attempt('listing', () => listDueCases(deps, at))) ?? run.listing;
  run.reminders =
    (await attempt('own-file copy reminders', () => remindOwnFileCopies(deps, at))) ?? run.reminders;
  if (failures.length > 0) throw new RetentionRunFailed(run, failures);
  return run;
}
