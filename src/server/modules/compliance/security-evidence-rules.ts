/**
 * The instance's security evidence (SPEC SEC-03; L2007 art. 16 §4 al. 1-2, L1992 art. 16 §3): a
 * documented risk assessment and security plan covering the areas SEC-03 names, reviewed at least
 * annually and on each significant change, and a restore test within the last 12 months. Pure
 * checks over the input and the latest evidence, with the intervals of the legal-rules module.
 */
import {
  type RecordRestoreTest,
  type RecordSecurityPlanReview,
  SECURITY_PLAN_AREAS,
} from '../../../contracts/compliance.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import {
  type CivilDate,
  type LegalRules,
  parseCivilDate,
  RESTORE_TEST_INTERVAL,
  SECURITY_PLAN_REVIEW_INTERVAL,
} from '../../kernel/legal-rules/index.js';

export const SECURITY_EVIDENCE_RULE = 'L2007 art. 16 §4 (SPEC SEC-03)';

export type EvidenceKind = 'plan_review' | 'restore_test';

export interface EvidenceStatus {
  /** The latest evidence is dated within its interval. */
  current: boolean;
  /** The last day it counts; null without any. */
  dueOn: string | null;
  rule: string;
}

/** The latest evidence of `kind` counts until the end of its interval (SPEC SEC-03). */
export function evidenceStatus(
  rules: LegalRules,
  kind: EvidenceKind,
  latestOn: string | undefined,
): EvidenceStatus {
  if (latestOn === undefined) {
    const { rule } = kind === 'plan_review' ? SECURITY_PLAN_REVIEW_INTERVAL : RESTORE_TEST_INTERVAL;
    return { current: false, dueOn: null, rule };
  }
  const due = rules.securityEvidenceDue(kind, parseCivilDate(latestOn));
  return { current: !rules.isOverdue(due), dueOn: due.date, rule: due.rule };
}

/** A date of the evidence: a real calendar day, not after today (evidence of the future is none). */
function dateIssue(field: string, value: string, today: CivilDate): FieldIssue | undefined {
  let date: CivilDate;
  try {
    date = parseCivilDate(value);
  } catch (error) {
    if (error instanceof DomainError) return { field, message: 'is not a calendar date (YYYY-MM-DD)' };
    throw error;
  }
  return date > today ? { field, message: 'cannot be later than today' } : undefined;
}

/** Every reason a review cannot be recorded as the evidence SEC-03 asks for, one per field. */
export function securityPlanReviewIssues(input: RecordSecurityPlanReview, today: CivilDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const date = dateIssue('/body/reviewedOn', input.reviewedOn, today);
  if (date) issues.push(date);
  const missing = SECURITY_PLAN_AREAS.filter((area) => !input.areas.includes(area));
  if (missing.length > 0) {
    issues.push({
      field: '/body/areas',
      message: `the security plan must also cover ${missing.join(', ')} (SPEC SEC-03)`,
    });
  }
  const change = input.changeDescription ?? null;
  if (input.occasion === 'significant_change' && change === null) {
    issues.push({
      field: '/body/changeDescription',
      message: 'describe the significant change that called for the review',
    });
  }
  if (input.occasion !== 'significant_change' && change !== null) {
    issues.push({
      field: '/body/changeDescription',
      message: 'is given for a review on a significant change only',
    });
  }
  return issues;
}

export function restoreTestIssues(input: RecordRestoreTest, today: CivilDate): FieldIssue[] {
  const date = dateIssue('/body/testedOn', input.testedOn, today);
  return date ? [date] : [];
}
