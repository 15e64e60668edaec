import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../../contracts/compliance.js';
import { type IndicatorSource, orderedSources, pendingIndicators } from './indicator-source.js';
import {
  controlCounts,
  lawfulGroundsIndicator,
  normChecklistIndicator,
  purposesIndicator,
  restoreTestIndicator,
  retentionAgreementIndicator,
  rightsRequestsIndicator,
} from './indicator-rules.js';

const framework = {
  purposes: ['P1', 'P3'],
  processingBasisKind: 'federated_decree',
  retentionProblem: undefined,
};

describe('the indicators of the compliance dashboard (SPEC SCO-12)', () => {
  it('SCO-12 an overdue request turns the rights indicator red, a reminder day amber', () => {
    expect(rightsRequestsIndicator([])).toMatchObject({ status: 'green', figures: { open: 0, overdue: 0 } });
    expect(
      rightsRequestsIndicator([
        { overdue: false, reminderDue: true },
        { overdue: false, reminderDue: false },
      ]),
    ).toMatchObject({
      status: 'amber',
      figures: { open: 2, overdue: 0, reminderDue: 1 },
    });
    expect(
      rightsRequestsIndicator([
        { overdue: true, reminderDue: true },
        { overdue: false, reminderDue: true },
      ]),
    ).toMatchObject({
      status: 'red',
      figures: { open: 2, overdue: 1, reminderDue: 1 },
    });
  });

  it('SCO-12 purposes, lawful grounds and retention come from the active frameworks, amber without any', () => {
    expect(purposesIndicator([framework])).toMatchObject({
      status: 'green',
      figures: { frameworks: 1, P1: 1, P2: 0, P3: 1 },
    });
    expect(purposesIndicator([]).status).toBe('amber');
    expect(purposesIndicator([{ ...framework, purposes: [] }]).status).toBe('red');
    const controller = { lawfulGround: 'c', missionBasis: 'lfp_art44_1', dpRegime: 'law2018_title2' };
    expect(lawfulGroundsIndicator(controller, [framework])).toMatchObject({
      status: 'green',
      figures: { lawfulGround: 'c', missionBasis: 'lfp_art44_1', frameworksWithoutProcessingBasis: 0 },
    });
    expect(lawfulGroundsIndicator(controller, [{ ...framework, processingBasisKind: null }]).status).toBe(
      'red',
    );
    expect(
      retentionAgreementIndicator([framework, { ...framework, retentionProblem: 'no maximum retention' }]),
    ).toMatchObject({
      status: 'red',
      figures: { frameworks: 2, withoutMaximumRetention: 1 },
    });
  });

  it('SEC-03 SEC-04 a failed last restore test is amber; a control to assess amber, one not implemented red', () => {
    const current = { current: true, dueOn: '2027-01-10', rule: 'r' };
    expect(
      restoreTestIndicator(current, '2026-01-10', { testedOn: '2026-02-01', outcome: 'failed' }).status,
    ).toBe('amber');
    expect(
      restoreTestIndicator(current, '2026-01-10', { testedOn: '2026-01-10', outcome: 'succeeded' }).status,
    ).toBe('green');
    expect(restoreTestIndicator({ ...current, current: false }, undefined, undefined).status).toBe('red');
    expect(normChecklistIndicator(0, controlCounts([])).status).toBe('amber');
    expect(normChecklistIndicator(1, controlCounts(['implemented', 'to_assess'])).status).toBe('amber');
    expect(normChecklistIndicator(1, controlCounts(['implemented', 'not_applicable'])).status).toBe('green');
    expect(normChecklistIndicator(1, controlCounts(['implemented', 'not_implemented'])).status).toBe('red');
  });

  it('SCO-12 an indicator no module delivers yet is listed as pending, never invented, and each is delivered once', () => {
    const source = (key: IndicatorSource['key']): IndicatorSource => ({
      key,
      read: () => Promise.reject(new Error('unused')),
    });
    const pending = pendingIndicators([source('purposes'), source('rights_requests')]);
    expect(pending.map((p) => p.key)).toEqual(
      INDICATOR_KEYS.filter((key) => key !== 'purposes' && key !== 'rights_requests'),
    );
    expect(pending.find((p) => p.key === 'declaration_status')?.module).toBe('declarations');
    expect(orderedSources([source('rights_requests'), source('purposes')]).map((s) => s.key)).toEqual([
      'purposes',
      'rights_requests',
    ]);
    expect(() => orderedSources([source('purposes'), source('purposes')])).toThrow(
      'two dashboard indicators for purposes',
    );
  });
});
