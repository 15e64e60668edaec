/**
 * The retention tables (migration 0030) as the runtime role: the unattended job sees them all, a
 * user the records of its retention desk (row-level security). The facts of the cases and the
 * purge go through the SECURITY DEFINER functions of the migration: the job and the desks act for
 * no case, and the runtime role has no DELETE on case tables.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CivilDate } from '../../kernel/legal-rules/index.js';
import type {
  CaseTombstonesTable,
  DestructionApprovalsTable,
  DestructionListEntriesTable,
  DestructionListsTable,
  DestructionProofsTable,
  KeeperRelation,
  NecessityReviewsTable,
  OwnFileCopyDuesTable,
  PaperDestructionTasksTable,
  TombstoneCounts,
} from '../../db/schema.js';
import type { ClosedCaseFacts, FinalState, OwnFileCopyFacts } from './retention-rules.js';

export type DestructionListRow = Selectable<DestructionListsTable>;
export type DestructionEntryRow = Selectable<DestructionListEntriesTable>;
export type ApprovalRow = Selectable<DestructionApprovalsTable>;
export type TombstoneRow = Selectable<CaseTombstonesTable>;
export type ProofRow = Selectable<DestructionProofsTable>;
export type PaperTaskRow = Selectable<PaperDestructionTasksTable>;
export type NecessityReviewRow = Selectable<NecessityReviewsTable>;
export type CopyDueRow = Selectable<OwnFileCopyDuesTable>;

export interface OwnFileCopyRow extends OwnFileCopyFacts {
  transferId: string;
  caseId: string;
  requesterOrganisationId: string;
  exports: number;
  lastExportedAt: Date;
}

export interface PaperPartToDestroy {
  paperPartId: string;
  controllerOrganisationId: string;
  custodianUserId: string | null;
  categories: string[];
  pageCount: number | null;
}

const date = (value: Date | string): Date => new Date(value);

/**
 * Every row of one case, children first, through the owner-only `concerto_purge_case` (migration 0030,
 * redefined by 0039), in the caller's transaction; the counts per category and table for its tombstone.
 * The retention purge, a restore and a destruction order all delete through it.
 */
export async function purgeCaseRows(tx: Tx, caseId: string): Promise<TombstoneCounts> {
  const { rows } = await sql<{
    counts: TombstoneCounts;
  }>`SELECT concerto_purge_case(${caseId}::uuid) AS counts`.execute(tx);
  return rows[0]!.counts;
}

export function createRetentionRepository() {
  return {
    /** The closed cases the transaction may see (the job: all; a desk: its keeper's and controller's), or one. */
    async closedCases(tx: Tx, onlyCase?: string): Promise<ClosedCaseFacts[]> {
      const { rows } = await sql<{
        case_id: string;
        state: FinalState;
        framework_id: string;
        compartment_organisation_id: string;
        organiser_organisation_id: string;
        purposes: string[];
        created_at: Date;
        closed_at: Date;
        retention_months: number | null;
        retention_other_rule: string | null;
        controller_ids: string[];
        standing_holds: string[];
      }>`${onlyCase === undefined ? sql`SELECT * FROM concerto_retention_cases()` : sql`SELECT * FROM concerto_retention_case(${onlyCase}::uuid)`}`.execute(
        tx,
      );
      return rows.map((row) => ({
        caseId: row.case_id,
        state: row.state,
        frameworkId: row.framework_id,
        compartmentOrganisationId: row.compartment_organisation_id,
        organiserOrganisationId: row.organiser_organisation_id,
        purposes: row.purposes,
        createdAt: date(row.created_at),
        closedAt: date(row.closed_at),
        retentionMonths: row.retention_months,
        retentionOtherRule: row.retention_other_rule,
        controllerIds: row.controller_ids,
        standingHolds: row.standing_holds,
      }));
    },

    async paperPartsToDestroy(tx: Tx, caseId: string): Promise<PaperPartToDestroy[]> {
      const { rows } = await sql<{
        paper_part_id: string;
        controller_organisation_id: string;
        custodian_user_id: string | null;
        categories: string[];
        page_count: number | null;
      }>`SELECT * FROM concerto_retention_paper_parts(${caseId}::uuid)`.execute(tx);
      return rows.map((row) => ({
        paperPartId: row.paper_part_id,
        controllerOrganisationId: row.controller_organisation_id,
        custodianUserId: row.custodian_user_id,
        categories: row.categories,
        pageCount: row.page_count,
      }));
    },

    /** Exported own-file transfers (of one case, or those the desk requested). */
    async ownFileCopies(tx: Tx, onlyCase?: string): Promise<OwnFileCopyRow[]> {
      const { rows } = await sql<{
        transfer_id: string;
        case_id: string;
        requester_organisation_id: string;
        state: string;
        closed_at: Date | null;
        retention_months: number | null;
        retention_other_rule: string | null;
        override_months: number | null;
        override_citation: string | null;
        exports: number;
        last_exported_at: Date;
      }>`${
        onlyCase === undefined
          ? sql`SELECT * FROM concerto_retention_own_file_copies()`
          : sql`SELECT * FROM concerto_retention_own_file_copies_of(${onlyCase}::uuid)`
      }`.execute(tx);
      return rows.map((row) => ({
        transferId: row.transfer_id,
        caseId: row.case_id,
        requesterOrganisationId: row.requester_organisation_id,
        state: row.state,
        closedAt: row.closed_at === null ? null : date(row.closed_at),
        retentionMonths: row.retention_months,
        retentionOtherRule: row.retention_other_rule,
        overrideMonths: row.override_months,
        overrideCitation: row.override_citation,
        exports: row.exports,
        lastExportedAt: date(row.last_exported_at),
      }));
    },

    /** Deletes every row of the case and its data keys (migration 0030); the counts for the tombstone. */
    purge: purgeCaseRows,

    // --- destruction lists ---------------------------------------------------------------

    /** The keeper's list still taking cases (no approval yet), locked. */
    openListFor: (
      tx: Tx,
      keeperId: string,
      relation: KeeperRelation,
    ): Promise<DestructionListRow | undefined> =>
      tx
        .selectFrom('destruction_lists as l')
        .selectAll('l')
        .where('l.keeper_organisation_id', '=', keeperId)
        .where('l.keeper_relation', '=', relation)
        .where('l.approved_at', 'is', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('destruction_approvals as a')
                .select('a.list_id')
                .whereRef('a.list_id', '=', 'l.id'),
            ),
          ),
        )
        .orderBy('l.created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst(),

    createList: (tx: Tx, row: Insertable<DestructionListsTable>): Promise<DestructionListRow> =>
      tx.insertInto('destruction_lists').values(row).returningAll().executeTakeFirstOrThrow(),

    /** Adds the case unless it is on a pending entry already (the job is idempotent); true when added. */
    async addEntry(tx: Tx, row: Insertable<DestructionListEntriesTable>): Promise<boolean> {
      const added = await tx
        .insertInto('destruction_list_entries')
        .values(row)
        .onConflict((oc) => oc.column('case_id').where('status', '=', 'pending').doNothing())
        .returning('case_id')
        .executeTakeFirst();
      return added !== undefined;
    },

    async setListControllers(tx: Tx, listId: string, controllerIds: readonly string[]): Promise<void> {
      await tx
        .updateTable('destruction_lists')
        .set({ controller_ids: [...controllerIds] })
        .where('id', '=', listId)
        .execute();
    },

    listById: (tx: Tx, listId: string): Promise<DestructionListRow | undefined> =>
      tx.selectFrom('destruction_lists').selectAll().where('id', '=', listId).executeTakeFirst(),

    listForUpdate: (tx: Tx, listId: string): Promise<DestructionListRow | undefined> =>
      tx.selectFrom('destruction_lists').selectAll().where('id', '=', listId).forUpdate().executeTakeFirst(),

    /** The lists the transaction sees (a desk: those of which it is the keeper or a controller), newest first. */
    lists: (tx: Tx, limit: number): Promise<DestructionListRow[]> =>
      tx
        .selectFrom('destruction_lists')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute(),

    entriesOf: (tx: Tx, listIds: readonly string[]): Promise<DestructionEntryRow[]> =>
      listIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('destruction_list_entries')
            .selectAll()
            .where('list_id', 'in', listIds)
            .orderBy('listed_at')
            .orderBy('case_id')
            .execute(),

    /** The pending entries of the given cases (which list each one is on). */
    pendingEntriesOf: (tx: Tx, caseIds: readonly string[]): Promise<DestructionEntryRow[]> =>
      caseIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('destruction_list_entries')
            .selectAll()
            .where('status', '=', 'pending')
            .where('case_id', 'in', caseIds)
            .execute(),

    /** Every case on a pending entry (the job lists a case once). */
    async pendingCaseIds(tx: Tx): Promise<Set<string>> {
      const rows = await tx
        .selectFrom('destruction_list_entries')
        .select('case_id')
        .where('status', '=', 'pending')
        .execute();
      return new Set(rows.map((row) => row.case_id));
    },

    /** The case's pending entry, locked, with whether its list is approved. */
    pendingEntryForUpdate: (tx: Tx, caseId: string) =>
      tx
        .selectFrom('destruction_list_entries as e')
        .innerJoin('destruction_lists as l', 'l.id', 'e.list_id')
        .selectAll('e')
        .select('l.approved_at')
        .where('e.case_id', '=', caseId)
        .where('e.status', '=', 'pending')
        .forUpdate('e')
        .executeTakeFirst(),

    /** Cases on pending entries of approved lists: the purges to run or to resume. */
    /**
     * The approved entries to purge on `today` (a Brussels day): a case listed ahead of the end of
     * its retention waits for the day after it (RET-01); a deletion decided now does not wait.
     */
    async approvedPendingCaseIds(tx: Tx, today: CivilDate, listId?: string): Promise<string[]> {
      let query = tx
        .selectFrom('destruction_list_entries as e')
        .innerJoin('destruction_lists as l', 'l.id', 'e.list_id')
        .select('e.case_id')
        .where('e.status', '=', 'pending')
        .where('l.approved_at', 'is not', null)
        .where((eb) => eb.or([eb('e.reason', '<>', 'retention_ended'), eb('e.due_on', '<', today)]));
      if (listId !== undefined) query = query.where('l.id', '=', listId);
      return (await query.orderBy('e.listed_at').orderBy('e.case_id').execute()).map((row) => row.case_id);
    },

    async settleEntry(
      tx: Tx,
      listId: string,
      caseId: string,
      settled: { status: 'purged' } | { status: 'withdrawn'; because: 'legal_hold' | 'reopened' },
      at: Date,
    ): Promise<void> {
      await tx
        .updateTable('destruction_list_entries')
        .set({
          status: settled.status,
          withdrawn_because: settled.status === 'withdrawn' ? settled.because : null,
          settled_at: at,
        })
        .where('list_id', '=', listId)
        .where('case_id', '=', caseId)
        .execute();
    },

    /** Approved lists not completed yet: their proofs may be due. */
    async unsettledApprovedListIds(tx: Tx): Promise<string[]> {
      const rows = await tx
        .selectFrom('destruction_lists')
        .select('id')
        .where('approved_at', 'is not', null)
        .where('completed_at', 'is', null)
        .orderBy('approved_at')
        .execute();
      return rows.map((row) => row.id);
    },

    async markApproved(tx: Tx, listId: string, at: Date): Promise<void> {
      await tx.updateTable('destruction_lists').set({ approved_at: at }).where('id', '=', listId).execute();
    },

    async markCompleted(tx: Tx, listId: string, at: Date): Promise<void> {
      await tx.updateTable('destruction_lists').set({ completed_at: at }).where('id', '=', listId).execute();
    },

    approvalsOf: (tx: Tx, listIds: readonly string[]): Promise<ApprovalRow[]> =>
      listIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('destruction_approvals')
            .selectAll()
            .where('list_id', 'in', listIds)
            .orderBy('approved_at')
            .orderBy('capacity', 'desc')
            .execute(),

    async insertApproval(tx: Tx, row: Insertable<DestructionApprovalsTable>): Promise<void> {
      await tx.insertInto('destruction_approvals').values(row).execute();
    },

    // --- tombstones and key destruction ---------------------------------------------------

    async insertTombstone(
      tx: Tx,
      row: Omit<Insertable<CaseTombstonesTable>, 'counts'> & { counts: TombstoneCounts },
    ): Promise<void> {
      await tx
        .insertInto('case_tombstones')
        .values({ ...row, counts: JSON.stringify(row.counts) })
        .execute();
    },

    /** RET-05: the workflow dates the statistics keep of a case about to be purged (migration 0042). */
    async workflowDates(
      tx: Tx,
      caseId: string,
    ): Promise<{ signalled_at: Date | null; signal_decided_at: Date | null; first_consultation_at: Date | null }> {
      const { rows } = await sql<{
        signalled_at: Date | null;
        signal_decided_at: Date | null;
        first_consultation_at: Date | null;
      }>`SELECT * FROM concerto_case_workflow_dates(${caseId}::uuid)`.execute(tx);
      return rows[0] ?? { signalled_at: null, signal_decided_at: null, first_consultation_at: null };
    },

    tombstone: (tx: Tx, caseId: string): Promise<TombstoneRow | undefined> =>
      tx.selectFrom('case_tombstones').selectAll().where('case_id', '=', caseId).executeTakeFirst(),

    tombstoneForUpdate: (tx: Tx, caseId: string): Promise<TombstoneRow | undefined> =>
      tx
        .selectFrom('case_tombstones')
        .selectAll()
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    tombstonesOf: (tx: Tx, caseIds: readonly string[]): Promise<TombstoneRow[]> =>
      caseIds.length === 0
        ? Promise.resolve([])
        : tx.selectFrom('case_tombstones').selectAll().where('case_id', 'in', caseIds).execute(),

    /** The tombstones the transaction sees (a desk: its keeper's and controller's), newest first. */
    tombstones: (tx: Tx, limit: number): Promise<TombstoneRow[]> =>
      tx
        .selectFrom('case_tombstones')
        .selectAll()
        .orderBy('purged_at', 'desc')
        .orderBy('case_id')
        .limit(limit)
        .execute(),

    /** Purged cases whose key the provider has not destroyed yet (an interrupted purge to resume). */
    async pendingKeyDestructions(tx: Tx): Promise<string[]> {
      const rows = await tx
        .selectFrom('case_tombstones')
        .select('case_id')
        .where('key_destroyed_at', 'is', null)
        .orderBy('purged_at')
        .execute();
      return rows.map((row) => row.case_id);
    },

    async markKeyDestroyed(tx: Tx, caseId: string, at: Date, auditPosition: number): Promise<void> {
      await tx
        .updateTable('case_tombstones')
        .set({ key_destroyed_at: at, key_audit_position: auditPosition })
        .where('case_id', '=', caseId)
        .execute();
    },

    // --- proofs ---------------------------------------------------------------------------

    async insertProof(tx: Tx, row: Insertable<DestructionProofsTable>): Promise<void> {
      await tx.insertInto('destruction_proofs').values(row).execute();
    },

    proofOf: (tx: Tx, listId: string): Promise<ProofRow | undefined> =>
      tx.selectFrom('destruction_proofs').selectAll().where('list_id', '=', listId).executeTakeFirst(),

    // --- paper destruction tasks (SCO-09) ------------------------------------------------

    async insertPaperTask(tx: Tx, row: Insertable<PaperDestructionTasksTable>): Promise<string | undefined> {
      const added = await tx
        .insertInto('paper_destruction_tasks')
        .values(row)
        .onConflict((oc) => oc.column('paper_part_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return added?.id;
    },

    /** The tasks the transaction sees (a desk: its own paper), open first. */
    paperTasks: (tx: Tx, limit: number): Promise<PaperTaskRow[]> =>
      tx
        .selectFrom('paper_destruction_tasks')
        .selectAll()
        .orderBy(sql`destroyed_on IS NOT NULL`)
        .orderBy('due_on')
        .orderBy('id')
        .limit(limit)
        .execute(),

    paperTaskForUpdate: (tx: Tx, taskId: string): Promise<PaperTaskRow | undefined> =>
      tx
        .selectFrom('paper_destruction_tasks')
        .selectAll()
        .where('id', '=', taskId)
        .forUpdate()
        .executeTakeFirst(),

    async confirmPaperTask(
      tx: Tx,
      taskId: string,
      change: { destroyedOn: string; by: string; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('paper_destruction_tasks')
        .set({ destroyed_on: change.destroyedOn, confirmed_by: change.by, confirmed_at: change.at })
        .where('id', '=', taskId)
        .execute();
    },

    // --- necessity reviews (RET-05) -------------------------------------------------------

    async insertReview(tx: Tx, row: Insertable<NecessityReviewsTable>): Promise<string | undefined> {
      const added = await tx
        .insertInto('necessity_reviews')
        .values(row)
        .onConflict((oc) => oc.column('case_id').where('decision', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      return added?.id;
    },

    /** The reviews of the given cases (open ones and decided ones), newest first. */
    reviewsOfCases: (tx: Tx, caseIds: readonly string[]): Promise<NecessityReviewRow[]> =>
      caseIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('necessity_reviews')
            .selectAll()
            .where('case_id', 'in', caseIds)
            .orderBy('created_at', 'desc')
            .execute(),

    /** The reviews the transaction sees (a desk: those it keeps), open first. */
    reviews: (tx: Tx, limit: number): Promise<NecessityReviewRow[]> =>
      tx
        .selectFrom('necessity_reviews')
        .selectAll()
        .orderBy(sql`decision IS NOT NULL`)
        .orderBy('due_on')
        .orderBy('id')
        .limit(limit)
        .execute(),

    reviewForUpdate: (tx: Tx, reviewId: string): Promise<NecessityReviewRow | undefined> =>
      tx
        .selectFrom('necessity_reviews')
        .selectAll()
        .where('id', '=', reviewId)
        .forUpdate()
        .executeTakeFirst(),

    async decideReview(
      tx: Tx,
      reviewId: string,
      change: { decision: 'keep' | 'delete_now'; purpose: 'P1' | 'P2' | 'P3'; by: string; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('necessity_reviews')
        .set({
          decision: change.decision,
          purpose: change.purpose,
          decided_by: change.by,
          decided_at: change.at,
        })
        .where('id', '=', reviewId)
        .execute();
    },

    /** Cases whose review decided "delete now" and that are on no pending entry (a listing to resume). */
    async deleteNowUnlisted(tx: Tx): Promise<{ caseId: string; decidedAt: Date }[]> {
      const rows = await tx
        .selectFrom('necessity_reviews as r')
        .select(['r.case_id', 'r.decided_at'])
        .where('r.decision', '=', 'delete_now')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('destruction_list_entries as e')
                .select('e.case_id')
                .whereRef('e.case_id', '=', 'r.case_id')
                .where('e.status', '=', 'pending'),
            ),
          ),
        )
        .execute();
      return rows.map((row) => ({ caseId: row.case_id, decidedAt: date(row.decided_at!) }));
    },

    // --- own-file copies (FIL-09, RET-03) -------------------------------------------------

    async insertCopyDues(tx: Tx, rows: Insertable<OwnFileCopyDuesTable>[]): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto('own_file_copy_dues')
        .values(rows)
        .onConflict((oc) => oc.column('transfer_id').doNothing())
        .execute();
    },

    /** The dues of copies of purged cases the transaction sees (a desk: its own requests). */
    copyDues: (tx: Tx): Promise<CopyDueRow[]> =>
      tx.selectFrom('own_file_copy_dues').selectAll().orderBy('due_on').orderBy('transfer_id').execute(),

    // --- the compliance dashboard (SCO-12) ------------------------------------------------

    /** The lists the transaction sees that still wait for an approval, oldest first. */
    awaitingApproval: (tx: Tx): Promise<DestructionListRow[]> =>
      tx
        .selectFrom('destruction_lists')
        .selectAll()
        .where('approved_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** SCO-09: the organisation's paper destruction tasks not confirmed whose due date is reached. */
    async paperTasksDue(tx: Tx, organisationId: string, today: string): Promise<number> {
      const row = await tx
        .selectFrom('paper_destruction_tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('controller_organisation_id', '=', organisationId)
        .where('destroyed_on', 'is', null)
        .where('due_on', '<=', today)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** RET-05: the open necessity reviews the organisation keeps whose due date is reached. */
    async necessityReviewsDue(tx: Tx, organisationId: string, today: string): Promise<number> {
      const row = await tx
        .selectFrom('necessity_reviews')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('keeper_organisation_id', '=', organisationId)
        .where('decision', 'is', null)
        .where('due_on', '<=', today)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    // --- names for the views -------------------------------------------------------------

    async organisationNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('organisations')
        .select(['id', 'legal_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.legal_name]));
    },

    async userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
