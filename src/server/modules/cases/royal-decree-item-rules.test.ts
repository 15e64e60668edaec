import { describe, expect, it } from 'vitest';
import {
  expiredAuthorisationBlock,
  type RoyalDecreeFacts,
  royalDecreeIssues,
} from './royal-decree-item-rules.js';

const facts = (change: Partial<RoyalDecreeFacts> = {}): RoyalDecreeFacts => ({
  priorNoticeRequired: true,
  notified: new Set(['noticed']),
  persons: new Set(['noticed', 'unnoticed']),
  sexLife: { status: 'none' },
  ...change,
});

describe('royal decree item rules', () => {
  it('DAT-32 refuses a category-9 item about a person not notified yet, naming the person', () => {
    const issues = royalDecreeIssues(
      { category: 'C09', personIds: ['noticed', 'unnoticed', 'stranger'] },
      facts(),
    );
    // A stranger to the case is refused as such by DAT-17, not here.
    expect(issues).toEqual([
      {
        field: '/body/personIds/1',
        message: 'record the prior written notice your organisation gave this person first',
        rule: 'L1992 art. 8 §5 (SPEC DAT-32)',
      },
    ]);
    expect(royalDecreeIssues({ category: 'C11', personIds: ['unnoticed'] }, facts())).toEqual([]);
    expect(
      royalDecreeIssues({ category: 'C09', personIds: ['unnoticed'] }, facts({ priorNoticeRequired: false })),
    ).toEqual([]);
  });

  it('DAT-33 refuses entering or changing category-15 items outside the association decree, not the others', () => {
    const ended = facts({ sexLife: { status: 'ended', endedOn: '2026-03-02' } });
    expect(royalDecreeIssues({ category: 'C15', personIds: ['noticed'] }, ended)).toEqual([
      expect.objectContaining({ field: '/body/category', rule: 'L2007 art. 6 §3 (SPEC DAT-33)' }),
    ]);
    // Moving an item out of category 15 is changing it too.
    expect(royalDecreeIssues({ category: 'C11', personIds: ['noticed'] }, ended, 'C15')).toHaveLength(1);
    expect(
      royalDecreeIssues(
        { category: 'C15', personIds: ['noticed'] },
        facts({ sexLife: { status: 'not_yet', from: '2026-04-01' } }),
      ),
    ).toHaveLength(1);
    expect(
      royalDecreeIssues(
        { category: 'C15', personIds: ['noticed'] },
        facts({ sexLife: { status: 'in_force' } }),
      ),
    ).toEqual([]);
    expect(royalDecreeIssues({ category: 'C15', personIds: ['noticed'] }, facts())).toEqual([]);
  });

  it('DAT-33 blocks category-15 items from the first instant after the last day in Brussels', () => {
    const decrees = [
      { kind: 'sex_life_treatment' as const, validFrom: '2025-01-01', validUntil: '2026-03-02' },
    ];
    expect(expiredAuthorisationBlock('C15', decrees, '2026-03-02')).toBeNull();
    // 2026-03-03 00:00 in Brussels (CET) is 2026-03-02 23:00 UTC.
    expect(expiredAuthorisationBlock('C15', decrees, '2026-03-03')).toEqual({
      reason: 'authorisation_expired',
      at: new Date('2026-03-02T23:00:00Z'),
    });
    expect(expiredAuthorisationBlock('C13', decrees, '2026-03-03')).toBeNull();
  });
});
