import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../../contracts/compliance.js';
import { INDICATOR_OWNERS } from '../../../server/modules/compliance/indicator-source.js';
import { COMPLIANCE_SECTIONS, figureValue, indicatorTarget, isKnownModule } from './indicator-view.js';

describe('how the compliance dashboard shows an indicator', () => {
  it('SCO-12 SEC-03 SEC-04 links each indicator to the screen that shows its details, never to an API path', () => {
    expect(indicatorTarget('/api/compliance/restore-tests')).toEqual({
      kind: 'section',
      id: COMPLIANCE_SECTIONS.restoreTests,
    });
    expect(indicatorTarget('/api/compliance/security-plan-reviews')).toEqual({
      kind: 'section',
      id: COMPLIANCE_SECTIONS.planReviews,
    });
    expect(indicatorTarget('/api/compliance/norm-sets')).toEqual({
      kind: 'section',
      id: COMPLIANCE_SECTIONS.normSets,
    });
    expect(indicatorTarget('/api/rights-parts')).toEqual({ kind: 'page', to: '/rights-desk' });
    expect(indicatorTarget('/api/processors?controller=x')).toEqual({ kind: 'page', to: '/processors' });
    expect(indicatorTarget('/api/cross-border/register')).toEqual({ kind: 'page', to: '/transfer-register' });
    expect(indicatorTarget('/api/declarations')).toEqual({ kind: 'page', to: '/declarations' });
    expect(indicatorTarget('/api/retention/schedule')).toEqual({ kind: 'page', to: '/retention' });
    // A resource no screen shows yet gets no link rather than a broken one.
    expect(indicatorTarget('/api/supervision/open-items')).toBeUndefined();
    expect(indicatorTarget('/api/processorsX')).toBeUndefined();
  });

  it('SCO-12 reads dates, outcomes, grounds and unmet gate conditions as words, and a missing value as none', () => {
    expect(figureValue('overdue', 2)).toEqual({ kind: 'number', value: 2 });
    expect(figureValue('lastSucceededOn', null)).toEqual({ kind: 'none' });
    expect(figureValue('dueOn', '2026-03-31')).toEqual({ kind: 'date', value: '2026-03-31' });
    expect(figureValue('lastOutcome', 'failed')).toEqual({ kind: 'outcome', value: 'failed' });
    expect(figureValue('lawfulGround', 'e')).toEqual({ kind: 'lawfulGround', value: 'e' });
    expect(figureValue('dpRegime', 'law2018_title2')).toEqual({ kind: 'dpRegime', value: 'law2018_title2' });
    expect(figureValue('unmetConditions', 'max_retention_set,security_plan_documented')).toEqual({
      kind: 'conditions',
      value: ['max_retention_set', 'security_plan_documented'],
    });
    expect(figureValue('unmetConditions', null)).toEqual({ kind: 'conditions', value: [] });
    // An unknown code is shown as the server gives it.
    expect(figureValue('unmetConditions', 'something_new')).toEqual({ kind: 'text', value: 'something_new' });
    expect(figureValue('missionBasis', 'Décret du 7 mai 2004, art. 3')).toEqual({
      kind: 'text',
      value: 'Décret du 7 mai 2004, art. 3',
    });
  });

  it('SCO-12 names the module that owes each pending indicator', () => {
    for (const key of INDICATOR_KEYS) expect(isKnownModule(INDICATOR_OWNERS[key].module)).toBe(true);
  });
});
