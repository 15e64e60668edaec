import { describe, expect, it } from 'vitest';
import { COURT_ERASURE, EMERGENCY_DESTRUCTION } from '../../kernel/legal-rules/index.js';
import {
  courtReference,
  fourEyesConflict,
  fourEyesRule,
  judgmentDateIssues,
  orderState,
  sortHolds,
} from './destruction-order-rules.js';

const holds = [
  { holdId: 'h1', reference: 'Kort Ged. 26/112/C' },
  { holdId: 'h2', reference: 'Corr.  Gent 26/0789' },
];

describe('destruction order rules', () => {
  it("PEN-16 a legal hold yields only to an erasure order carrying the court's own reference (case and spacing aside)", () => {
    expect(courtReference('  Corr.  GENT 26/0789 ')).toBe('corr. gent 26/0789');
    expect(sortHolds(holds, { kind: 'court_erasure', reference: 'corr. gent 26/0789' })).toEqual({
      blocking: [holds[0]],
      overridden: [{ holdId: 'h2', courtOrderReference: 'Corr.  Gent 26/0789' }],
    });
    expect(sortHolds(holds, { kind: 'court_erasure', reference: 'Corr. Gent 26/0456' }).blocking).toEqual(
      holds,
    );
  });

  it('RET-09 an emergency destruction overrides no legal hold, whatever its reference', () => {
    expect(sortHolds(holds, { kind: 'emergency', reference: 'Kort Ged. 26/112/C' })).toEqual({
      blocking: holds,
      overridden: [],
    });
  });

  it('PEN-16 RET-09 four eyes: the person who recorded an order may not approve it, and the refusal names its rule', () => {
    expect(fourEyesConflict({ kind: 'court_erasure', recordedBy: 'u1' }, 'u2')).toBeUndefined();
    expect(fourEyesConflict({ kind: 'court_erasure', recordedBy: 'u1' }, 'u1')).toMatch(/four eyes/);
    expect(fourEyesConflict({ kind: 'emergency', recordedBy: 'u1' }, 'u1')).toMatch(/designated authority/);
    expect(fourEyesRule('court_erasure')).toBe(COURT_ERASURE.fourEyesRule);
    expect(fourEyesRule('emergency')).toBe(EMERGENCY_DESTRUCTION.fourEyesRule);
  });

  it('PEN-16 a judgment is dated on a real day, not after today', () => {
    expect(judgmentDateIssues('2026-01-15', '2026-03-01')).toEqual([]);
    expect(judgmentDateIssues('2026-03-02', '2026-03-01')).toEqual([
      expect.objectContaining({ field: '/body/judgmentDate' }),
    ]);
    expect(judgmentDateIssues('2026-02-30', '2026-03-01')).toEqual([
      { field: '/body/judgmentDate', message: 'is not a date of the calendar' },
    ]);
  });

  it('tells the state of an order', () => {
    expect(orderState({ approved_at: null, completed_at: null })).toBe('recorded');
    expect(orderState({ approved_at: new Date(), completed_at: null })).toBe('executing');
    expect(orderState({ approved_at: new Date(), completed_at: new Date() })).toBe('completed');
  });
});
