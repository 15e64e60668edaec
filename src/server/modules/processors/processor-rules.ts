/**
 * The processor registry's rules as pure functions over facts loaded in the transaction (L2007
 * art. 16 §1; SPEC PRC-01..PRC-05, PRC-07): what a record must hold before its controller may
 * approve it, and its status for the compliance dashboard.
 */
import type {
  ContractTerms,
  Guarantee,
  ProcessorDocumentKind,
  ProcessorStatus,
  ProcessorStatusReason,
} from '../../../contracts/processors.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { addMonths, type CivilDate, compareCivilDates } from '../../kernel/legal-rules/civil-date.js';

/** The rule every refusal of the registry cites. */
export const PROCESSOR_RULE = 'L2007 art. 16 §1 (SPEC PRC-01..PRC-05)';

/** What approval needs to know of a record. */
export interface ApprovalFacts {
  role: 'host' | 'backup' | 'other';
  guarantees: readonly Guarantee[];
  contract: ContractTerms;
  /** The kinds of document uploaded (any version). */
  documents: ReadonlySet<ProcessorDocumentKind>;
}

const missing = (field: string, message: string): FieldIssue => ({ field: `/record/${field}`, message });

/**
 * Every element art. 16 §1 asks for that the record lacks, one issue per field, in the order of
 * the article: the guarantees (1°), the contract and its security annex (2°), the liability (3°),
 * the instruction-only and security clauses (4°), the written record of them (5°), and for the
 * host its security plan (art. 16 §4; SPEC PRC-07). Empty when the controller may approve it.
 */
export function approvalIssues(facts: ApprovalFacts): FieldIssue[] {
  const { contract, documents } = facts;
  const issues: FieldIssue[] = [];
  if (facts.guarantees.length === 0) {
    issues.push(
      missing(
        'guarantees',
        'needs a certification or an audit report: sufficient guarantees (L2007 art. 16 §1 1°; SPEC PRC-01)',
      ),
    );
  }
  if (!contract.reference) {
    issues.push(
      missing(
        'contract/reference',
        'is required: the contract binds the processor (L2007 art. 16 §1 2°; SPEC PRC-02)',
      ),
    );
  }
  if (!contract.securityAnnexReference) {
    issues.push(
      missing(
        'contract/securityAnnexReference',
        'is required: the security annex (L2007 art. 16 §1 2°; SPEC PRC-02)',
      ),
    );
  }
  if (!contract.liabilityClause) {
    issues.push(
      missing(
        'contract/liabilityClause',
        "is required: the processor's liability towards the controller (L2007 art. 16 §1 3°; SPEC PRC-03)",
      ),
    );
  }
  if (!contract.instructionClause) {
    issues.push(
      missing(
        'contract/instructionClause',
        "is required: the processor acts only on the controller's instructions (L2007 art. 16 §1 4°; SPEC PRC-04)",
      ),
    );
  }
  if (!contract.securityObligationsClause) {
    issues.push(
      missing(
        'contract/securityObligationsClause',
        'is required: the processor is bound by the same security obligations (L2007 art. 16 §1 4°; SPEC PRC-04)',
      ),
    );
  }
  if (!documents.has('contract')) {
    issues.push(
      missing('documents/contract', 'the signed contract is uploaded (L2007 art. 16 §1 5°; SPEC PRC-05)'),
    );
  }
  if (!documents.has('security_annex')) {
    issues.push(
      missing(
        'documents/security_annex',
        'the security annex is uploaded (L2007 art. 16 §1 5°; SPEC PRC-05)',
      ),
    );
  }
  if (facts.role === 'host' && !documents.has('security_plan')) {
    issues.push(
      missing(
        'documents/security_plan',
        "the host's security plan is linked (L2007 art. 16 §4; SPEC PRC-07, SEC-03)",
      ),
    );
  }
  return issues;
}

/** What the status needs to know of a record. */
export interface StatusFacts {
  role: 'host' | 'backup' | 'other';
  approvedOn: CivilDate | null;
  reviewIntervalMonths: number;
  guarantees: readonly Guarantee[];
  /** The latest compliance review. */
  lastCompliance: { reviewedOn: CivilDate; outcome: string } | null;
  /** The date of the current security plan version. */
  securityPlanDated: CivilDate | null;
  lastSecurityPlanReview: CivilDate | null;
}

const later = (a: CivilDate, b: CivilDate | null | undefined): CivilDate =>
  b !== null && b !== undefined && compareCivilDates(b, a) > 0 ? b : a;
const isPast = (due: CivilDate, today: CivilDate) => compareCivilDates(today, due) > 0;

/**
 * SPEC PRC-02: red while not approved or after a non-compliant review; amber when a review is
 * overdue (the interval counted from the approval or the last review, whichever is later), a
 * certificate has lapsed, or the host's security plan is missing or its review overdue (PRC-07);
 * green otherwise. The compliance dashboard reads it (processor-facts.ts).
 */
export function processorStatus(facts: StatusFacts, today: CivilDate): ProcessorStatus {
  const red: ProcessorStatusReason[] = [];
  const amber: ProcessorStatusReason[] = [];
  if (facts.approvedOn === null) red.push('not_approved');
  if (facts.lastCompliance?.outcome === 'non_compliant') red.push('found_non_compliant');
  const nextComplianceReviewDue =
    facts.approvedOn === null
      ? null
      : addMonths(later(facts.approvedOn, facts.lastCompliance?.reviewedOn), facts.reviewIntervalMonths);
  if (nextComplianceReviewDue && isPast(nextComplianceReviewDue, today))
    amber.push('compliance_review_overdue');
  const nextSecurityPlanReviewDue =
    facts.securityPlanDated === null
      ? null
      : addMonths(later(facts.securityPlanDated, facts.lastSecurityPlanReview), facts.reviewIntervalMonths);
  if (facts.role === 'host' && facts.securityPlanDated === null) amber.push('security_plan_missing');
  if (nextSecurityPlanReviewDue && isPast(nextSecurityPlanReviewDue, today))
    amber.push('security_plan_review_overdue');
  if (facts.guarantees.some((g) => g.validUntil && isPast(g.validUntil as CivilDate, today)))
    amber.push('guarantee_expired');
  return {
    level: red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : 'green',
    reasons: [...red, ...amber],
    nextComplianceReviewDue,
    nextSecurityPlanReviewDue,
  };
}

const LEVELS = ['green', 'amber', 'red'] as const;

/** The worst of `levels` (green for none). */
export function worstLevel(levels: readonly ProcessorStatus['level'][]): ProcessorStatus['level'] {
  return levels.reduce<ProcessorStatus['level']>(
    (worst, level) => (LEVELS.indexOf(level) > LEVELS.indexOf(worst) ? level : worst),
    'green',
  );
}
