/**
 * The purge of a case at the end of its retention (bill art. 2 §3 4°; SPEC RET-01, RET-07; ADR 0016),
 * once its destruction list is approved by four eyes. Crash-safe in two steps:
 *
 * 1. One transaction, acting for no user: re-check the case (still closed as listed, no legal hold
 *    standing), delete every row of it and its wrapped data keys (`concerto_purge_case`), append the
 *    `erase`/`delete_case` audit event, write the tombstone with the key destruction pending, keep
 *    the due dates of its own-file copies and settle the list entry. It commits whole or not at all:
 *    the database holds either the whole case or its tombstone.
 * 2. After the commit, the key provider destroys the case's scope key (crypto-shredding: a backup
 *    of the database no longer decrypts, ADR 0006), then a second transaction marks the tombstone and
 *    appends the `destroy` audit event. An interruption leaves the tombstone with its key pending,
 *    which the daily job completes (retention-job.service.ts): the provider's destruction is idempotent.
 *
 * The data keys this process cached for the case are evicted at both steps; other processes read the
 * wrapped key row before their cache, and that row is gone (kernel/crypto/data-key-cache.ts).
 */
import { inTransaction } from '../../db/database.js';
import { caseScope } from '../cases/open-case.js';
import { caseRef, listRef, RETENTION_ACTOR, type RetentionDeps, skippedLegalHold } from './retention-deps.js';
import { copyDueRows } from './own-file-copies.js';
import { keeperOf } from './retention-rules.js';

export type PurgeOutcome =
  | { caseId: string; outcome: 'purged'; listId: string; keyDestroyed: boolean }
  | { caseId: string; outcome: 'already_purged'; keyDestroyed: boolean }
  | { caseId: string; outcome: 'withdrawn'; listId: string; because: 'legal_hold' | 'reopened' }
  /** The case is on no pending entry of an approved destruction list: nothing is done. */
  | { caseId: string; outcome: 'not_approved' };

type Settled =
  | { outcome: 'purged'; listId: string }
  | { outcome: 'already_purged'; keyPending: boolean }
  | { outcome: 'withdrawn'; listId: string; because: 'legal_hold' | 'reopened' }
  | { outcome: 'not_approved' };

/**
 * Purges `caseId` if it is on a pending entry of an approved destruction list, then destroys its key.
 * Idempotent: a purged case's pending key destruction is completed, a purged one is left alone. Throws
 * when the key provider fails after the purge committed (the tombstone then awaits the next run).
 */
export async function purgeCase(deps: RetentionDeps, caseId: string): Promise<PurgeOutcome> {
  const { db, retention, audit, clock, rules } = deps;
  const settled = await inTransaction(db, async (tx): Promise<Settled> => {
    const now = clock.now();
    const entry = await retention.pendingEntryForUpdate(tx, caseId);
    if (!entry) {
      const tombstone = await retention.tombstone(tx, caseId);
      return tombstone
        ? { outcome: 'already_purged', keyPending: tombstone.key_destroyed_at === null }
        : { outcome: 'not_approved' };
    }
    if (entry.approved_at === null) return { outcome: 'not_approved' };
    const [facts] = await retention.closedCases(tx, caseId);
    // WFL-11: a reopening suspends the retention clock; closed again, it is a new clock.
    if (!facts || facts.closedAt.getTime() !== new Date(entry.closed_at).getTime()) {
      await retention.settleEntry(
        tx,
        entry.list_id,
        caseId,
        { status: 'withdrawn', because: 'reopened' },
        now,
      );
      await audit.record(tx, {
        actor: RETENTION_ACTOR,
        action: 'system.destruction_withdrawn',
        outcome: 'success',
        caseId,
        records: [caseRef(caseId), listRef(entry.list_id)],
        reason: 'reopened',
      });
      return { outcome: 'withdrawn', listId: entry.list_id, because: 'reopened' };
    }
    // RET-08: a hold placed after the listing stops the purge; the case is listed again after its release.
    if (facts.standingHolds.length > 0) {
      await retention.settleEntry(
        tx,
        entry.list_id,
        caseId,
        { status: 'withdrawn', because: 'legal_hold' },
        now,
      );
      await audit.record(tx, skippedLegalHold(caseId, facts.standingHolds, entry.list_id));
      return { outcome: 'withdrawn', listId: entry.list_id, because: 'legal_hold' };
    }
    const copies = await retention.ownFileCopies(tx, caseId);
    // RET-05: what the statistics keep of the case, anonymous, outlives it in the tombstone.
    const workflow = await retention.workflowDates(tx, caseId);
    const counts = await retention.purge(tx, caseId);
    deps.dataKeys?.forgetScope(caseScope(caseId));
    const position = await audit.record(tx, {
      actor: RETENTION_ACTOR,
      action: 'erase',
      outcome: 'success',
      caseId,
      records: [caseRef(caseId), listRef(entry.list_id)],
      reason: 'delete_case',
    });
    const keeper = keeperOf(facts);
    await retention.insertTombstone(tx, {
      case_id: caseId,
      list_id: entry.list_id,
      framework_id: facts.frameworkId,
      keeper_organisation_id: keeper.organisationId,
      compartment_organisation_id: facts.compartmentOrganisationId,
      organiser_organisation_id: facts.organiserOrganisationId,
      controller_ids: [...entry.controller_ids],
      final_state: facts.state,
      purposes: [...facts.purposes],
      opened_at: facts.createdAt,
      closed_at: facts.closedAt,
      retention_months: facts.retentionMonths,
      retention_end: entry.due_on,
      retention_rule: entry.rule,
      reason: entry.reason,
      counts,
      purged_at: now,
      purge_audit_position: position,
      ...workflow,
    });
    // FIL-09: a copy in a participant's own file may be kept longer (its organic law) or not; its due
    // date outlives the shared file, for the report of RET-03.
    await retention.insertCopyDues(tx, copyDueRows(copies, caseId, rules, now));
    await retention.settleEntry(tx, entry.list_id, caseId, { status: 'purged' }, now);
    return { outcome: 'purged', listId: entry.list_id };
  });
  switch (settled.outcome) {
    case 'not_approved':
      return { caseId, outcome: 'not_approved' };
    case 'withdrawn':
      return { caseId, outcome: 'withdrawn', listId: settled.listId, because: settled.because };
    case 'already_purged':
      return {
        caseId,
        outcome: 'already_purged',
        keyDestroyed: settled.keyPending ? await destroyCaseKey(deps, caseId) : false,
      };
    case 'purged':
      return {
        caseId,
        outcome: 'purged',
        listId: settled.listId,
        keyDestroyed: await destroyCaseKey(deps, caseId),
      };
  }
}

/**
 * Crypto-shredding of a purged case (ADR 0006): only once its tombstone is committed (never the key
 * of a case that still exists), idempotent, audited once. True when this call completed it.
 */
export async function destroyCaseKey(deps: RetentionDeps, caseId: string): Promise<boolean> {
  const { db, retention, audit, clock, keys } = deps;
  const tombstone = await inTransaction(db, (tx) => retention.tombstone(tx, caseId));
  if (!tombstone || tombstone.key_destroyed_at !== null) return false;
  const scope = caseScope(caseId);
  await keys.destroyScope(scope);
  deps.dataKeys?.forgetScope(scope);
  return inTransaction(db, async (tx) => {
    const locked = await retention.tombstoneForUpdate(tx, caseId);
    if (!locked || locked.key_destroyed_at !== null) return false;
    const position = await audit.record(tx, {
      actor: RETENTION_ACTOR,
      action: 'destroy',
      outcome: 'success',
      caseId,
      records: [caseRef(caseId), { type: 'key_scope', id: scope }],
      reason: 'case_key_destroyed',
    });
    await retention.markKeyDestroyed(tx, caseId, clock.now(), position);
    return true;
  });
}
