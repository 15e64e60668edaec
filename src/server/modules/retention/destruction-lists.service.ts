/**
 * The destruction lists at the retention desk (SPEC RET-01; issue 6 scope 1; ADR 0016): the keeper of
 * the cases and the DPO of each controller of their records see a list, approve it (four eyes: two
 * distinct persons, the same person approving twice is refused with the rule named and nothing
 * changes), and download its signed proof of destruction once it is carried out. The last approval
 * sets off the purge of the list's cases right away (each whole or not at all); the daily job
 * resumes whatever an interruption leaves. Ids, codes and dates only: the desk shows no content.
 */
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ApproveDestructionList,
  ApproveDestructionListSchema,
  type DestructionList,
  type DestructionListSummaries,
  type DestructionProofQuery,
  DestructionProofQuerySchema,
} from '../../../contracts/retention.js';
import type { Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import { registerNumbersOf } from '../declarations/declared-processing.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { presentProof, proofPdfSpec, type SignedProof } from './destruction-proof.js';
import { listRef, type RetentionDeskDeps } from './retention-deps.js';
import { settleDestructionList } from './retention-job.service.js';
import { listFacts, type Names, presentList, presentListSummary } from './retention-presenter.js';
import type { DestructionListRow } from './retention.repository.js';
import { approvalConflict, FOUR_EYES_RULE, fullyApproved } from './retention-rules.js';

/** The desk reads retention records, never content: its consult events say so. */
const DESK_JUSTIFICATION = 'retention desk: end of retention and destruction (bill art. 2 §3 4°)';
const LISTS_SHOWN = 200;

export function createDestructionListService(deps: RetentionDeskDeps) {
  const { db, retention, access, audit, clock, keys } = deps;

  async function names(tx: Tx, organisations: readonly string[], users: readonly string[]): Promise<Names> {
    const [organisationNames, userNames] = await Promise.all([
      retention.organisationNames(tx, organisations),
      retention.userNames(tx, users),
    ]);
    return { organisations: organisationNames, users: userNames };
  }

  /** A list the desk sees (its keeper's or a controller's); anyone else may not learn it exists. */
  async function visibleList(
    tx: Tx,
    context: AccessContext,
    listId: string,
    forUpdate = false,
  ): Promise<DestructionListRow> {
    refuseIfAny(shapeIssues(IdSchema, listId, 'params/listId'));
    const row = forUpdate ? await retention.listForUpdate(tx, listId) : await retention.listById(tx, listId);
    access.require(context, { action: 'retention.list', list: row && listFacts(row) }, 'consult');
    return row!;
  }

  async function view(tx: Tx, context: AccessContext, row: DestructionListRow): Promise<DestructionList> {
    const [entries, approvals, proof] = await Promise.all([
      retention.entriesOf(tx, [row.id]),
      retention.approvalsOf(tx, [row.id]),
      retention.proofOf(tx, row.id),
    ]);
    const tombstones = await retention.tombstonesOf(
      tx,
      entries.filter((entry) => entry.status === 'purged').map((entry) => entry.case_id),
    );
    const facts = listFacts(row);
    const approvable = row.approved_at === null;
    const allowedActions: DestructionList['allowedActions'] = [];
    if (
      approvable &&
      decide(context.facts, { action: 'retention.approve', capacity: 'keeper', list: facts }).allowed
    )
      allowedActions.push('approve_as_keeper');
    if (
      approvable &&
      decide(context.facts, { action: 'retention.approve', capacity: 'dpo', list: facts }).allowed
    )
      allowedActions.push('approve_as_dpo');
    return presentList(row, {
      entries,
      approvals,
      tombstones: new Map(tombstones.map((t) => [t.case_id, t])),
      names: await names(
        tx,
        [row.keeper_organisation_id, ...row.controller_ids, ...approvals.map((a) => a.organisation_id)],
        approvals.map((a) => a.approved_by),
      ),
      proofIssuedAt: proof?.issued_at ?? null,
      allowedActions,
    });
  }

  /** One list: its cases, their tombstones once purged, the approvals given and missing. */
  function destructionList(actor: Actor, listId: string): Promise<DestructionList> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enterRetentionDesk(tx, actor, 'consult');
      const row = await visibleList(tx, context, listId);
      const list = await view(tx, context, row);
      await audit.record(tx, {
        actor: auditActorOf(context),
        action: 'consult',
        outcome: 'success',
        // The list names its cases (a list may hold thousands: more than an event's records).
        records: [listRef(row.id)],
        justification: DESK_JUSTIFICATION,
        reason: 'destruction_list',
      });
      return list;
    });
  }

  return {
    /** The lists of the caller's organisation (as keeper or as a controller), newest first. */
    listDestructionLists(actor: Actor): Promise<DestructionListSummaries> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const rows = await retention.lists(tx, LISTS_SHOWN);
        const ids = rows.map((row) => row.id);
        const [entries, approvals] = await Promise.all([
          retention.entriesOf(tx, ids),
          retention.approvalsOf(tx, ids),
        ]);
        const shown = await names(
          tx,
          rows.flatMap((row) => [row.keeper_organisation_id, ...row.controller_ids]),
          [],
        );
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: ids.map(listRef),
          justification: DESK_JUSTIFICATION,
          reason: 'destruction_lists',
        });
        return {
          destructionLists: rows.map((row) =>
            presentListSummary(
              row,
              entries.filter((entry) => entry.list_id === row.id),
              approvals.filter((approval) => approval.list_id === row.id),
              shown,
            ),
          ),
        };
      });
    },

    destructionList,

    /**
     * Four eyes (SPEC RET-01): the keeper (its organiser, or for a draft a member of its compartment)
     * or the DPO of a controller approves the list in that capacity. One person approves a list
     * once: a second approval by the same person is refused (409, the rule named, audited as
     * denied) and changes nothing. With the last approval the purge runs.
     */
    async approveDestructionList(
      actor: Actor,
      listId: string,
      input: ApproveDestructionList,
    ): Promise<DestructionList> {
      const approved = await refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'store');
        refuseIfAny(shapeIssues(IdSchema, listId, 'params/listId'));
        // Locked: concurrent approvals see each other, and the job adds no case once one is given.
        const row = await retention.listForUpdate(tx, listId);
        refuseIfAny(shapeIssues(ApproveDestructionListSchema, input));
        const decision = access.require(
          context,
          { action: 'retention.approve', capacity: input.capacity, list: row && listFacts(row) },
          'store',
        );
        const list = row!;
        if (list.approved_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The destruction list is approved already',
            rule: FOUR_EYES_RULE,
          });
        }
        const approvals = (await retention.approvalsOf(tx, [listId])).map((a) => ({
          capacity: a.capacity,
          organisationId: a.organisation_id,
          userId: a.approved_by,
        }));
        const approval = {
          capacity: input.capacity,
          organisationId: actor.organisationId,
          userId: actor.userId,
        };
        const conflict = approvalConflict(approvals, approval);
        if (conflict) {
          refuse('conflict', FOUR_EYES_RULE, conflict, {
            actor: auditActorOf(context, decision),
            action: 'store',
            outcome: 'denied',
            records: [listRef(listId)],
            reason: 'four_eyes',
          });
        }
        const now = clock.now();
        const position = await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'store',
          outcome: 'success',
          records: [listRef(listId)],
          reason:
            input.capacity === 'keeper' ? 'destruction_approved_by_keeper' : 'destruction_approved_by_dpo',
        });
        await retention.insertApproval(tx, {
          list_id: listId,
          capacity: input.capacity,
          organisation_id: actor.organisationId,
          approved_by: actor.userId,
          approved_at: now,
          audit_position: position,
        });
        const complete = fullyApproved(listFacts(list), [...approvals, approval]);
        if (complete) await retention.markApproved(tx, listId, now);
        return complete;
      });
      // The purge acts for no user, each case in a transaction of its own. Should it stop half-way
      // (the key provider unreachable), the list shows its cases pending and the daily job resumes.
      if (approved) await settleDestructionList(deps, listId).catch(() => undefined);
      return destructionList(actor, listId);
    },

    /**
     * The signed proof of destruction (JSON: the document and its signature; or its PDF rendering),
     * once every case on the list is destroyed or withdrawn. Its download is an extraction, audited.
     */
    destructionProof(
      actor: Actor,
      listId: string,
      query: DestructionProofQuery,
    ): Promise<SignedProof | Buffer> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'retrieve');
        const row = await visibleList(tx, context, listId);
        refuseIfAny(shapeIssues(DestructionProofQuerySchema, query, 'querystring'));
        const stored = await retention.proofOf(tx, listId);
        if (!stored) {
          throw new DomainError('conflict', {
            detail: 'The proof is issued once every case on the list is destroyed or withdrawn',
          });
        }
        const signed = presentProof(stored, await keys.checkpointPublicKey());
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'retrieve',
          outcome: 'success',
          records: [listRef(listId)],
          reason: 'destruction_proof',
        });
        if ((query.format ?? 'json') === 'json') return signed;
        const shown = await names(tx, [row.keeper_organisation_id, ...row.controller_ids], []);
        const entries = await retention.entriesOf(tx, [listId]);
        const frameworkIds = (
          await retention.tombstonesOf(
            tx,
            entries.map((entry) => entry.case_id),
          )
        ).map((tombstone) => tombstone.framework_id);
        return renderPdf(
          proofPdfSpec(signed, query.language ?? 'en', {
            names: shown.organisations,
            exportedBy: actor.userId,
            at: clock.now(),
            registerNumbers: await registerNumbersOf(tx, row.keeper_organisation_id, [...new Set(frameworkIds)]),
          }),
        );
      });
    },
  };
}

export type DestructionListService = ReturnType<typeof createDestructionListService>;
