/** Retention records in the contract's words (src/contracts/retention.ts): ids, codes, dates, counts and names of organisations and staff. */
import type { DestructionList, NecessityReview, PaperDestructionTask } from '../../../contracts/retention.js';
import type {
  ApprovalRow,
  DestructionEntryRow,
  DestructionListRow,
  NecessityReviewRow,
  PaperTaskRow,
  TombstoneRow,
} from './retention.repository.js';
import { missingApprovals } from './retention-rules.js';

const iso = (at: Date | string): string => new Date(at).toISOString();
const isoOrNull = (at: Date | string | null): string | null => (at === null ? null : iso(at));

export interface Names {
  organisations: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

const organisation = (names: Names, id: string) => ({ id, legalName: names.organisations.get(id) ?? '' });

export const listFacts = (row: DestructionListRow) => ({
  keeper: { organisationId: row.keeper_organisation_id, relation: row.keeper_relation },
  controllerIds: row.controller_ids,
});

export function listStatus(row: DestructionListRow): DestructionList['status'] {
  if (row.completed_at !== null) return 'completed';
  return row.approved_at !== null ? 'purging' : 'awaiting_approval';
}

function missing(
  row: DestructionListRow,
  approvals: readonly ApprovalRow[],
  names: Names,
): DestructionList['missing'] {
  const gaps = missingApprovals(
    listFacts(row),
    approvals.map((a) => ({
      capacity: a.capacity,
      organisationId: a.organisation_id,
      userId: a.approved_by,
    })),
  );
  return { keeper: gaps.keeper, dpoOf: gaps.dpoOf.map((id) => organisation(names, id)) };
}

const keeper = (
  row: { keeper_organisation_id: string; keeper_relation: 'organiser' | 'compartment' },
  names: Names,
) => ({
  ...organisation(names, row.keeper_organisation_id),
  relation: row.keeper_relation,
});

export function presentListSummary(
  row: DestructionListRow,
  entries: readonly DestructionEntryRow[],
  approvals: readonly ApprovalRow[],
  names: Names,
) {
  return {
    id: row.id,
    keeper: keeper(row, names),
    createdAt: iso(row.created_at),
    status: listStatus(row),
    pendingEntries: entries.filter((entry) => entry.status === 'pending').length,
    totalEntries: entries.length,
    missing: missing(row, approvals, names),
  };
}

const total = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

export function presentList(
  row: DestructionListRow,
  context: {
    entries: readonly DestructionEntryRow[];
    approvals: readonly ApprovalRow[];
    tombstones: ReadonlyMap<string, TombstoneRow>;
    names: Names;
    proofIssuedAt: Date | string | null;
    allowedActions: DestructionList['allowedActions'];
  },
): DestructionList {
  const { names } = context;
  return {
    id: row.id,
    keeper: keeper(row, names),
    controllers: row.controller_ids.map((id) => organisation(names, id)),
    createdAt: iso(row.created_at),
    approvedAt: isoOrNull(row.approved_at),
    completedAt: isoOrNull(row.completed_at),
    status: listStatus(row),
    entries: context.entries.map((entry) => {
      const tombstone = context.tombstones.get(entry.case_id);
      return {
        caseId: entry.case_id,
        reason: entry.reason,
        dueOn: entry.due_on,
        rule: entry.rule,
        listedAt: iso(entry.listed_at),
        status: entry.status,
        withdrawnBecause: entry.withdrawn_because,
        settledAt: isoOrNull(entry.settled_at),
        tombstone:
          entry.status === 'purged' && tombstone
            ? {
                purgedAt: iso(tombstone.purged_at),
                keyDestroyedAt: isoOrNull(tombstone.key_destroyed_at),
                persons: total(tombstone.counts.persons),
                items: tombstone.counts.items,
                paperParts: tombstone.counts.paperParts,
              }
            : null,
      };
    }),
    approvals: context.approvals.map((a) => ({
      capacity: a.capacity,
      organisation: organisation(names, a.organisation_id),
      approvedBy: names.users.get(a.approved_by) ?? '',
      approvedAt: iso(a.approved_at),
    })),
    missing: missing(row, context.approvals, names),
    proofIssuedAt: isoOrNull(context.proofIssuedAt),
    allowedActions: context.allowedActions,
  };
}

export function presentPaperTask(
  row: PaperTaskRow,
  context: { casePurged: boolean; names: Names; allowedActions: PaperDestructionTask['allowedActions'] },
): PaperDestructionTask {
  const { names } = context;
  return {
    id: row.id,
    paperPartId: row.paper_part_id,
    caseId: row.case_id,
    casePurged: context.casePurged,
    holder: organisation(names, row.controller_organisation_id),
    custodian: row.custodian_user_id === null ? null : (names.users.get(row.custodian_user_id) ?? ''),
    categories: row.categories as PaperDestructionTask['categories'],
    pageCount: row.page_count,
    dueOn: row.due_on,
    createdAt: iso(row.created_at),
    destroyedOn: row.destroyed_on,
    confirmedBy: row.confirmed_by === null ? null : (names.users.get(row.confirmed_by) ?? ''),
    confirmedAt: isoOrNull(row.confirmed_at),
    allowedActions: context.allowedActions,
  };
}

export function presentReview(
  row: NecessityReviewRow,
  context: { purposes: readonly string[]; names: Names; allowedActions: NecessityReview['allowedActions'] },
): NecessityReview {
  return {
    id: row.id,
    caseId: row.case_id,
    dueOn: row.due_on,
    createdAt: iso(row.created_at),
    purposes: context.purposes as NecessityReview['purposes'],
    decision: row.decision,
    purpose: row.purpose,
    decidedBy: row.decided_by === null ? null : (context.names.users.get(row.decided_by) ?? ''),
    decidedAt: isoOrNull(row.decided_at),
    allowedActions: context.allowedActions,
  };
}
