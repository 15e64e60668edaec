/**
 * The retention of a closed case as pure functions over its facts (SPEC RET-01, RET-02, RET-05,
 * RET-06, FIL-09; ADR 0016): who keeps it, when its retention ends and under which rule, its status,
 * which approvals its destruction list needs (four eyes), and when an own-file copy of it is due.
 * The periods are the legal rules' (kernel/legal-rules), computed from the injected clock.
 */
import type { CivilDate, Deadline, LegalRules } from '../../kernel/legal-rules/index.js';
import { months } from '../../kernel/legal-rules/index.js';
import type { DestructionListFacts, RetentionKeeper } from '../access/retention-access.js';

/** bill art. 2 §3 4°, art. 3 §1 al. 1: the rules every refusal about the end of retention cites. */
export const RETENTION_RULE = 'bill art. 2 §3 4°; art. 3 §1 al. 1 (SPEC RET-01)';
/**
 * Four eyes (issue 6; SPEC RET-01): the destruction of a case is approved by two distinct persons,
 * its keeper and the DPO of each controller of its records, against an unauthorised destruction
 * (L2007 art. 16 §4) of data each participant answers for (bill art. 3 §1 al. 2).
 */
export const FOUR_EYES_RULE = 'L2007 art. 16 §4; bill art. 3 §1 al. 2 (SPEC RET-01: four eyes)';
/** SCO-09: a paper part's destruction is confirmed by a named member of its holder. */
export const PAPER_DESTRUCTION_RULE = 'L2007 art. 3 §1; bill art. 2 §3 4° (SPEC SCO-09)';
/** RET-05, PUR-05: a necessity review decides for one of the case's purposes. */
export const NECESSITY_REVIEW_RULE = 'L2007 art. 4 §1 5°; CP art. 458ter §1 al. 2 (SPEC RET-05, PUR-05)';

export type FinalState = 'closed' | 'not_signalled' | 'refused';

/** What the retention of a closed case depends on: ids, codes and dates (migration 0030 `concerto_retention_cases`). */
export interface ClosedCaseFacts {
  caseId: string;
  state: FinalState;
  frameworkId: string;
  compartmentOrganisationId: string;
  organiserOrganisationId: string;
  purposes: readonly string[];
  createdAt: Date;
  closedAt: Date;
  retentionMonths: number | null;
  retentionOtherRule: string | null;
  /** The controllers of the case's persons, items and paper parts (bill art. 3 §1 al. 2). */
  controllerIds: readonly string[];
  /** The legal holds standing on the case, a person or an item of it (L2007 art. 14 §7). */
  standingHolds: readonly string[];
}

/**
 * The keeper of a closed case: the organiser's organisation once the case was signalled (it received
 * the signal, kept the shared file, and closed or refused it; bill art. 2 §3 1° and 4°), the
 * compartment's for a draft closed as not signalled, which no one else ever saw (bill art. 2 §3 1°).
 * Mirrors the keeper of `concerto_retention_cases` (migration 0030).
 */
export function keeperOf(
  facts: Pick<ClosedCaseFacts, 'state' | 'compartmentOrganisationId' | 'organiserOrganisationId'>,
): RetentionKeeper {
  return facts.state === 'not_signalled'
    ? { organisationId: facts.compartmentOrganisationId, relation: 'compartment' }
    : { organisationId: facts.organiserOrganisationId, relation: 'organiser' };
}

/** The controllers whose DPOs approve: those of the case's records, or its keeper when it holds none. */
export function approvingControllers(
  facts: Pick<ClosedCaseFacts, 'controllerIds'>,
  keeper: RetentionKeeper,
): string[] {
  return facts.controllerIds.length > 0 ? [...facts.controllerIds] : [keeper.organisationId];
}

export interface RetentionEnd {
  /** The last day of retention (Brussels) and the instant the destruction is due from. */
  deadline: Deadline;
  /** agreed: the participants' maximum (RET-01, RET-02); draft: a draft's configured period (RET-06); cap: none agreed, 30 years. */
  basis: 'agreed' | 'draft' | 'cap';
  months: number | null;
}

/**
 * RET-01, RET-02, RET-06: the end of retention of a closed case. A draft closed as not signalled, and
 * a refused signal, never reached the shared file's agreement (FIL-01 is agreed after acceptance):
 * the draft period applies. A closed case keeps the participants' agreed maximum, capped at thirty
 * years unless the recorded other rule says otherwise (`retentionEnd` refuses the rest); a case closed
 * with no maximum agreed falls back on the cap itself.
 */
export function retentionEndOf(facts: ClosedCaseFacts, rules: LegalRules): RetentionEnd {
  if (facts.state !== 'closed') {
    return { deadline: rules.draftRetentionEnd(facts.closedAt), basis: 'draft', months: null };
  }
  if (facts.retentionMonths === null) {
    return {
      deadline: rules.retentionEnd(facts.closedAt, rules.maxRetention.duration),
      basis: 'cap',
      months: null,
    };
  }
  return {
    deadline: rules.retentionEnd(
      facts.closedAt,
      months(facts.retentionMonths),
      facts.retentionOtherRule ?? undefined,
    ),
    basis: 'agreed',
    months: facts.retentionMonths,
  };
}

/** The destruction is due from the end (24:00 Brussels) of the last day of retention. */
export const isDue = (deadline: Deadline, at: Date): boolean => at.getTime() >= deadline.endsAt.getTime();

export type RetentionStatus = 'running' | 'due' | 'on_legal_hold' | 'on_destruction_list' | 'destroyed';

/** The dashboard's status, most final first: destroyed, listed, held (nothing is destroyed while held), due, running. */
export function retentionStatus(state: {
  destroyed: boolean;
  listed: boolean;
  held: boolean;
  due: boolean;
}): RetentionStatus {
  if (state.destroyed) return 'destroyed';
  if (state.listed) return 'on_destruction_list';
  if (state.held) return 'on_legal_hold';
  return state.due ? 'due' : 'running';
}

/**
 * RET-05: the next necessity review of a closed case is due the interval after its closure, then
 * after its last review; none once the end of retention comes first (the case goes on a list then).
 */
export function necessityReviewDue(
  closedAt: Date,
  lastReviewedAt: Date | null,
  retentionEndsOn: CivilDate,
  rules: LegalRules,
): Deadline | undefined {
  const due = rules.nextNecessityReview(lastReviewedAt ?? closedAt);
  return due.date < retentionEndsOn ? due : undefined;
}

export interface Approval {
  capacity: 'keeper' | 'dpo';
  organisationId: string;
  userId: string;
}

/** The approvals a list still needs: its keeper's, and the DPO of each controller of its records. */
export function missingApprovals(
  list: DestructionListFacts,
  approvals: readonly Approval[],
): { keeper: boolean; dpoOf: string[] } {
  return {
    keeper: !approvals.some((a) => a.capacity === 'keeper'),
    dpoOf: list.controllerIds.filter(
      (id) => !approvals.some((a) => a.capacity === 'dpo' && a.organisationId === id),
    ),
  };
}

export const fullyApproved = (list: DestructionListFacts, approvals: readonly Approval[]): boolean => {
  const missing = missingApprovals(list, approvals);
  return !missing.keeper && missing.dpoOf.length === 0;
};

/**
 * Four eyes: why `approval` may not be added to `approvals`, or undefined. One person approves a list
 * once, whatever roles it holds; a capacity is approved once per organisation.
 */
export function approvalConflict(approvals: readonly Approval[], approval: Approval): string | undefined {
  if (approvals.some((a) => a.userId === approval.userId)) {
    return 'You approved this destruction list already: a second, distinct person must approve it (four eyes)';
  }
  if (
    approvals.some((a) => a.capacity === approval.capacity && a.organisationId === approval.organisationId)
  ) {
    return approval.capacity === 'keeper'
      ? 'The keeper of the cases approved this destruction list already'
      : 'The DPO of your organisation approved this destruction list already';
  }
  return undefined;
}

/** What an own-file copy's due date depends on (migration 0030 `concerto_retention_own_file_copies`). */
export interface OwnFileCopyFacts {
  state: string;
  closedAt: Date | null;
  retentionMonths: number | null;
  retentionOtherRule: string | null;
  overrideMonths: number | null;
  overrideCitation: string | null;
}

/**
 * FIL-09 (bill art. 4 al. 5): an own-file copy is kept by the period of art. 2 (the agreed maximum,
 * at most thirty years after closure) unless the participant's organic law sets another, recorded
 * with its citation. Unknown until the case is closed. Mirrors the transfers module's `retentionOf`.
 */
export function ownFileCopyDue(
  facts: OwnFileCopyFacts,
  rules: LegalRules,
): { deadline: Deadline; rule: string } | undefined {
  const agreed = facts.overrideMonths ?? facts.retentionMonths;
  if (facts.state !== 'closed' || facts.closedAt === null || agreed === null) return undefined;
  const rule = facts.overrideCitation ?? facts.retentionOtherRule ?? undefined;
  const deadline = rules.retentionEnd(facts.closedAt, months(agreed), rule);
  return {
    deadline,
    rule: facts.overrideCitation ? facts.overrideCitation : 'bill art. 4 al. 5; art. 2 §3 4°',
  };
}
