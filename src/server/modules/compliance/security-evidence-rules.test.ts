import { describe, expect, it } from 'vitest';
import type { RecordSecurityPlanReview } from '../../../contracts/compliance.js';
import { SECURITY_PLAN_AREAS } from '../../../contracts/compliance.js';
import { ManualClock } from '../../kernel/clock.js';
import { createLegalRules, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { evidenceStatus, restoreTestIssues, securityPlanReviewIssues } from './security-evidence-rules.js';

const review: RecordSecurityPlanReview = {
  planVersion: '2',
  reviewedOn: '2026-03-02',
  occasion: 'annual',
  planReference: 'DMS 2026/041',
  riskAssessmentReference: 'DMS 2026/042',
  areas: [...SECURITY_PLAN_AREAS],
};
const today = parseCivilDate('2026-03-02');

describe('the security evidence of the instance (SPEC SEC-03)', () => {
  it('SEC-03 a review or a restore test counts for 12 months: current on its last day, due the day after', () => {
    const clock = new ManualClock('2027-03-02T21:00:00Z');
    const rules = createLegalRules({ clock });
    expect(evidenceStatus(rules, 'plan_review', '2026-03-02')).toMatchObject({
      current: true,
      dueOn: '2027-03-02',
    });
    // 2027-03-02 23:00 Brussels time is still its last day; one hour later it is over.
    clock.set('2027-03-02T23:00:00Z');
    expect(evidenceStatus(rules, 'restore_test', '2026-03-02').current).toBe(false);
    expect(evidenceStatus(rules, 'plan_review', undefined)).toMatchObject({ current: false, dueOn: null });
    expect(evidenceStatus(rules, 'plan_review', undefined).rule).toContain('L2007 art. 16 §4');
  });

  it('SEC-03 a review covers every area SEC-03 names, is not dated in the future, and a significant change is described', () => {
    expect(securityPlanReviewIssues(review, today)).toEqual([]);
    const issues = securityPlanReviewIssues(
      {
        ...review,
        reviewedOn: '2026-03-03',
        occasion: 'significant_change',
        areas: ['encryption', 'backup_restore'],
      },
      today,
    );
    expect(issues.map((issue) => issue.field)).toEqual([
      '/body/reviewedOn',
      '/body/areas',
      '/body/changeDescription',
    ]);
    expect(issues[1]!.message).toContain(
      'malware_protection, vulnerability_management, tenant_segregation, secure_development',
    );
    expect(securityPlanReviewIssues({ ...review, changeDescription: 'New hosting.' }, today)[0]?.field).toBe(
      '/body/changeDescription',
    );
    expect(securityPlanReviewIssues({ ...review, reviewedOn: '2026-02-30' }, today)[0]?.message).toContain(
      'calendar date',
    );
    expect(
      restoreTestIssues({ testedOn: '2026-03-03', outcome: 'succeeded', reference: 'T-1' }, today),
    ).toHaveLength(1);
    expect(restoreTestIssues({ testedOn: '2026-03-02', outcome: 'failed', reference: 'T-1' }, today)).toEqual(
      [],
    );
  });
});
