/**
 * A restored backup re-applies the destructions made since it was taken, before the data are
 * available (SPEC RET-07; L2007 art. 12 §1 al. 5: data kept beyond the authorised period are erased;
 * art. 16 §4: security covers the whole processing, backups included; ADR 0006).
 *
 * A backup holds the database without the keys. A case purged after the backup comes back as rows
 * whose scope key the key provider no longer holds (destroyed after the purge, crypto-shredding): its
 * content does not decrypt, but its ids, dates, categories and blind indexes would be there again.
 * `reapplyDestructions` runs inside the restore's transaction (db/restore.ts `beforeCommit`), as the
 * owner acting for no user, before the commit:
 *
 * - it refuses the restore whole when the key provider holds the key of none of the restored cases
 *   (the wrong provider is configured: purging them all would destroy a good backup), and when a case
 *   destroyed since the backup was not yet closed in it (the backup is older than the rotation of the
 *   README allows: its closure and retention cannot be known);
 * - every case the provider no longer holds the key of, and every case whose tombstone is in the
 *   backup while its rows remain (an interrupted purge), is purged through the retention purge
 *   (`concerto_purge_case`, the owner-only function of migration 0030): on the pending entry of an
 *   approved list it already has, or else on a destruction list of the restore, approved by the restore
 *   itself (the destruction was approved by four eyes before the backup was lost, which the lost key
 *   proves), with the `erase`/`delete_case` audit event of the system actor `restore` and a tombstone
 *   (reason `restore`); the entry of a list the backup had unapproved is withdrawn (`restore`);
 * - a case a legal hold of the backup still covers is not purged (RET-08: the hold suspends deletion;
 *   its release was lost with the backup), audited `system.skipped_legal_hold`, and reported.
 *
 * After the commit, `completeReappliedDestructions` destroys the keys still held (an interrupted
 * purge), marks the tombstones and issues the signed proofs of the lists, as the daily job would.
 */
import type { Tx } from '../../db/database.js';
import type { AuditEvent, SystemActor } from '../../kernel/audit/index.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { caseScope } from '../cases/open-case.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import { destroyCaseKey } from './case-purge.service.js';
import type { RestoreDestructionsRepository } from './restore-destructions.repository.js';
import { caseRef, listRef, type RetentionDeps } from './retention-deps.js';
import { issueProof } from './retention-job.service.js';
import { copyDueRows } from './own-file-copies.js';
import { approvingControllers, type ClosedCaseFacts, keeperOf } from './retention-rules.js';

/** The system actor of what a restore does (ARCHITECTURE §3.4: who). */
export const RESTORE_ACTOR: SystemActor = { system: 'restore' };

/** The rule an entry of the restore's own list cites. */
export const RESTORE_RULE =
  'bill art. 2 §3 4°; L2007 art. 12 §1 al. 5, art. 16 §4: destroyed after the backup, destruction re-applied at the restore (SPEC RET-07)';

const FINAL_STATES: readonly string[] = ['closed', 'not_signalled', 'refused'];

/** The restore is refused whole: nothing is restored (the message says why, for the operator). */
export class RestoreDestructionsRefused extends Error {
  override name = 'RestoreDestructionsRefused';
}

export interface RestoreDestructionsDeps
  extends Pick<
    RetentionDeps,
    'retention' | 'notifications' | 'audit' | 'clock' | 'rules' | 'keys' | 'dataKeys'
  > {
  restored: RestoreDestructionsRepository;
}

export interface ReappliedDestructions {
  /** Restored cases with content, and how many of them the key provider holds the key of. */
  casesChecked: number;
  keysHeld: number;
  /** Cases whose rows the restore deleted: a tombstone stands for each. */
  purged: string[];
  /** Cases destroyed after the backup that a legal hold in the backup still covers: kept (RET-08). */
  heldBack: { caseId: string; holdIds: string[] }[];
  /** The lists the purges settled entries of: their proofs follow the key destructions. */
  listIds: string[];
}

interface ToPurge {
  facts: ClosedCaseFacts;
  listId: string;
  reason: 'retention_ended' | 'necessity_review' | 'restore';
  dueOn: string;
  rule: string;
  controllerIds: string[];
  tombstoned: boolean;
}

const refuse = (message: string): never => {
  throw new RestoreDestructionsRefused(`${message} Nothing was restored.`);
};

/** Inside the restore's transaction, before its commit: see the module comment. */
export async function reapplyDestructions(
  deps: RestoreDestructionsDeps,
  tx: Tx,
): Promise<ReappliedDestructions> {
  const { retention, restored, audit, clock, keys, notifications } = deps;
  const cases = await restored.restoredCases(tx);
  const withContent = cases.filter((kase) => kase.hasKeys);
  const keyGone = new Set<string>();
  for (const kase of withContent) {
    if (!(await keys.hasScope(caseScope(kase.caseId)))) keyGone.add(kase.caseId);
  }
  const outcome: ReappliedDestructions = {
    casesChecked: withContent.length,
    keysHeld: withContent.length - keyGone.size,
    purged: [],
    heldBack: [],
    listIds: [],
  };
  if (withContent.length > 0 && keyGone.size === withContent.length) {
    refuse(
      `The key provider holds the key of none of the ${withContent.length} restored cases: it is not the key provider ` +
        'of the installation the backup comes from, and the restore would destroy every case. Put that key provider in ' +
        'place first (its key directory <data dir>/keys restored from its own backup, replacing any key directory ' +
        'this attempt created, or the Vault settings of that installation).',
    );
  }
  const destroyed = cases.filter((kase) => kase.tombstoned || keyGone.has(kase.caseId));
  const open = destroyed.filter((kase) => !FINAL_STATES.includes(kase.state));
  if (open.length > 0) {
    refuse(
      `${open.length} case(s) destroyed after the backup were not closed yet in it (${open.map((k) => k.caseId).join(', ')}): ` +
        'the backup is older than the backup rotation allows (README, "Backups"); restore a more recent backup.',
    );
  }
  if (destroyed.length === 0) return outcome;

  const now = clock.now();
  const today = brusselsDateOf(now);
  const events: AuditEvent[] = [];
  const toNotify: NewNotification[] = [];
  const restoreLists = new Map<string, { id: string; controllers: Set<string> }>();
  const toPurge: ToPurge[] = [];
  for (const kase of destroyed) {
    const [facts] = await retention.closedCases(tx, kase.caseId);
    if (!facts) continue;
    // RET-08: a hold suspends deletion; the backup knows it standing, not its release since.
    if (facts.standingHolds.length > 0) {
      outcome.heldBack.push({ caseId: kase.caseId, holdIds: [...facts.standingHolds] });
      events.push({
        actor: RESTORE_ACTOR,
        action: 'system.skipped_legal_hold',
        outcome: 'success',
        caseId: kase.caseId,
        records: [caseRef(kase.caseId), ...facts.standingHolds.map((id) => ({ type: 'legal_hold', id }))],
        reason: 'skipped_legal_hold',
      });
      continue;
    }
    const entry = await retention.pendingEntryForUpdate(tx, kase.caseId);
    if (
      entry &&
      entry.approved_at !== null &&
      new Date(entry.closed_at).getTime() === facts.closedAt.getTime()
    ) {
      // Approved by four eyes before the backup: the purge goes on that list.
      toPurge.push({
        facts,
        listId: entry.list_id,
        reason: entry.reason,
        dueOn: entry.due_on,
        rule: entry.rule,
        controllerIds: [...entry.controller_ids],
        tombstoned: kase.tombstoned,
      });
      continue;
    }
    if (entry) {
      await restored.withdrawForRestore(tx, entry.list_id, kase.caseId, now);
      events.push({
        actor: RESTORE_ACTOR,
        action: 'system.destruction_withdrawn',
        outcome: 'success',
        caseId: kase.caseId,
        records: [caseRef(kase.caseId), listRef(entry.list_id)],
        reason: 'restore',
      });
    }
    const keeper = keeperOf(facts);
    const key = `${keeper.relation}:${keeper.organisationId}`;
    let list = restoreLists.get(key);
    if (!list) {
      const created = await retention.createList(tx, {
        keeper_organisation_id: keeper.organisationId,
        keeper_relation: keeper.relation,
        controller_ids: [],
        created_at: now,
      });
      list = { id: created.id, controllers: new Set() };
      restoreLists.set(key, list);
    }
    const controllerIds = approvingControllers(facts, keeper);
    for (const id of controllerIds) list.controllers.add(id);
    await retention.addEntry(tx, {
      list_id: list.id,
      case_id: kase.caseId,
      reason: 'restore',
      closed_at: facts.closedAt,
      due_on: today,
      rule: RESTORE_RULE,
      controller_ids: controllerIds,
      listed_at: now,
    });
    // SCO-09: paper parts of the case not confirmed destroyed in the backup are to be destroyed again.
    for (const part of await retention.paperPartsToDestroy(tx, kase.caseId)) {
      const id = await retention.insertPaperTask(tx, {
        paper_part_id: part.paperPartId,
        case_id: kase.caseId,
        controller_organisation_id: part.controllerOrganisationId,
        custodian_user_id: part.custodianUserId,
        categories: part.categories,
        page_count: part.pageCount,
        due_on: today,
        created_at: now,
      });
      if (id)
        toNotify.push({
          organisationId: part.controllerOrganisationId,
          kind: 'paper_destruction_due',
          subjectId: id,
        });
    }
    toPurge.push({
      facts,
      listId: list.id,
      reason: 'restore',
      dueOn: today,
      rule: RESTORE_RULE,
      controllerIds,
      tombstoned: kase.tombstoned,
    });
  }
  for (const list of restoreLists.values()) {
    await retention.setListControllers(tx, list.id, [...list.controllers].sort());
    await retention.markApproved(tx, list.id, now);
    events.push({
      actor: RESTORE_ACTOR,
      action: 'system.destruction_listed',
      outcome: 'success',
      records: [listRef(list.id)],
      reason: 'restore',
    });
  }
  if (events.length > 0) await audit.recordMany(tx, events);
  await notifications.notify(tx, now, toNotify);

  for (const item of toPurge) {
    await purgeOnEntry(deps, tx, item, now);
    outcome.purged.push(item.facts.caseId);
  }
  outcome.listIds = [...new Set(toPurge.map((item) => item.listId))];
  return outcome;
}

/**
 * The purge of one case in the restore's transaction: the same steps as the retention purge
 * (case-purge.service.ts `purgeCase`, step 1), by the system actor `restore`. A tombstone the backup
 * already holds (an interrupted purge) is kept as it was.
 */
async function purgeOnEntry(deps: RestoreDestructionsDeps, tx: Tx, item: ToPurge, now: Date): Promise<void> {
  const { retention, audit, rules } = deps;
  const { facts, listId } = item;
  const caseId = facts.caseId;
  const copies = await retention.ownFileCopies(tx, caseId);
  // RET-05: what the statistics keep of the case, anonymous, outlives it in the tombstone.
  const workflow = await retention.workflowDates(tx, caseId);
  const counts = await retention.purge(tx, caseId);
  deps.dataKeys?.forgetScope(caseScope(caseId));
  const position = await audit.record(tx, {
    actor: RESTORE_ACTOR,
    action: 'erase',
    outcome: 'success',
    caseId,
    records: [caseRef(caseId), listRef(listId)],
    reason: 'delete_case',
  });
  if (!item.tombstoned) {
    const keeper = keeperOf(facts);
    await retention.insertTombstone(tx, {
      case_id: caseId,
      list_id: listId,
      framework_id: facts.frameworkId,
      keeper_organisation_id: keeper.organisationId,
      compartment_organisation_id: facts.compartmentOrganisationId,
      organiser_organisation_id: facts.organiserOrganisationId,
      controller_ids: item.controllerIds,
      final_state: facts.state,
      purposes: [...facts.purposes],
      opened_at: facts.createdAt,
      closed_at: facts.closedAt,
      retention_months: facts.retentionMonths,
      retention_end: item.dueOn,
      retention_rule: item.rule,
      reason: item.reason,
      counts,
      purged_at: now,
      purge_audit_position: position,
      ...workflow,
    });
  }
  // FIL-09: the due dates of the own-file copies outlive the shared file (RET-03).
  await retention.insertCopyDues(tx, copyDueRows(copies, caseId, rules, now));
  await retention.settleEntry(tx, listId, caseId, { status: 'purged' }, now);
}

/**
 * After the restore committed: the key of each purged case is destroyed if the provider still holds
 * it (an interrupted purge; a no-op for a key gone already), its tombstone marked and audited, then the
 * proofs of the lists are issued. What fails here is resumed by the daily job (retention-job.service.ts).
 */
export async function completeReappliedDestructions(
  deps: RetentionDeps,
  reapplied: ReappliedDestructions,
): Promise<{ keysDestroyed: string[]; proofsIssued: string[] }> {
  const keysDestroyed: string[] = [];
  const proofsIssued: string[] = [];
  for (const caseId of reapplied.purged) {
    if (await destroyCaseKey(deps, caseId)) keysDestroyed.push(caseId);
  }
  for (const listId of reapplied.listIds) {
    if (await issueProof(deps, listId)) proofsIssued.push(listId);
  }
  return { keysDestroyed, proofsIssued };
}
