import { describe, expect, it } from 'vitest';
import { emptyPlanReview, planReviewBody } from './plan-review-draft.js';

describe('the security plan review form', () => {
  it('SEC-03 sends the areas in the order SEC-03 names them and a change only for a significant change', () => {
    const draft = {
      ...emptyPlanReview(),
      planVersion: ' 2.1 ',
      reviewedOn: '2026-01-15',
      planReference: ' docs/security-plan.md ',
      riskAssessmentReference: 'RA-2026',
      areas: ['secure_development', 'encryption'] as const,
      changeDescription: 'New host',
    };
    const annual = planReviewBody({ ...draft, areas: [...draft.areas], occasion: 'annual' });
    expect(annual).toEqual({
      planVersion: '2.1',
      reviewedOn: '2026-01-15',
      occasion: 'annual',
      planReference: 'docs/security-plan.md',
      riskAssessmentReference: 'RA-2026',
      areas: ['encryption', 'secure_development'],
    });
    const change = planReviewBody({ ...draft, areas: [...draft.areas], occasion: 'significant_change' });
    expect(change.changeDescription).toBe('New host');
    // Left empty, the server names the missing description.
    expect(
      planReviewBody({ ...draft, areas: [], occasion: 'significant_change', changeDescription: '  ' }),
    ).not.toHaveProperty('changeDescription');
  });

  it('SEC-03 starts on the day of today in Brussels', () => {
    expect(emptyPlanReview().reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
