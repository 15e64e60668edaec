import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { createLegalRules } from '../../kernel/legal-rules/index.js';
import {
  acknowledgementState,
  type MappedFrameworkFacts,
  mappingIssues,
  modeIssues,
  paymentIssues,
  versionActionRefusal,
  versionActions,
  type VersionFacts,
} from './declaration-rules.js';
import { securityPlan } from './security-plan.js';

const submitted: VersionFacts = {
  kind: 'declaration',
  status: 'submitted',
  submittedOn: '2025-05-30',
  acknowledgedOn: null,
  paid: false,
};

describe('the life of a declaration (L2007 art. 17 §2, §9)', () => {
  it('DCL-03 submitted on Friday 2025-05-30: the acknowledgement is due Wednesday 2025-06-04, overdue from Thursday', () => {
    const clock = new ManualClock('2025-06-04T21:59:00Z');
    const rules = createLegalRules({ clock });
    expect(acknowledgementState(submitted, 'commission', rules)).toEqual({
      dueOn: '2025-06-04',
      acknowledgedOn: null,
      overdue: false,
    });
    clock.advanceMs(60_000 + 1); // 2025-06-05 00:00 in Brussels
    expect(acknowledgementState(submitted, 'commission', rules).overdue).toBe(true);
    // Acknowledged, it is not overdue; a committee or an exemption waits for no acknowledgement of the Commission.
    expect(
      acknowledgementState(
        { ...submitted, status: 'acknowledged', acknowledgedOn: '2025-06-02' },
        'commission',
        rules,
      ).overdue,
    ).toBe(false);
    expect(acknowledgementState(submitted, 'sectoral_committee', rules)).toEqual({
      dueOn: null,
      acknowledgedOn: null,
      overdue: false,
    });
  });

  it('DCL-03 a submitted version is acknowledged or found incomplete; an incomplete or completed one is closed', () => {
    expect(versionActions(submitted, 'commission')).toEqual([
      'acknowledge',
      'record_incomplete',
      'record_payment',
    ]);
    expect(versionActions({ ...submitted, status: 'acknowledged' }, 'commission')).toEqual([
      'record_incomplete',
      'record_payment',
    ]);
    expect(versionActions({ ...submitted, status: 'incomplete' }, 'commission')).toEqual([]);
    expect(versionActions({ ...submitted, status: 'completed', paid: true }, 'commission')).toEqual([]);
  });

  it('DCL-23 a declaration reaches completed only acknowledged and with a payment reference or the payment set to not required', () => {
    const acknowledged = { ...submitted, status: 'acknowledged' as const, acknowledgedOn: '2025-06-02' };
    expect(versionActionRefusal(acknowledged, 'commission', 'complete')).toContain('payment reference');
    expect(versionActionRefusal({ ...submitted, paid: true }, 'commission', 'complete')).toContain(
      'acknowledgement',
    );
    expect(versionActionRefusal({ ...acknowledged, paid: true }, 'commission', 'complete')).toBeUndefined();
    // An exempted processing is not acknowledged by the Commission: paid (or not required), it completes.
    expect(
      versionActionRefusal({ ...submitted, paid: true }, 'royal_decree_exemption', 'complete'),
    ).toBeUndefined();
  });

  it('DCL-23 the contribution may not exceed 10,000 francs, read in euro at the irrevocable rate', () => {
    const paid = (cents: number, currency: 'EUR' | 'BEF') => ({
      amount: { cents, currency },
      paidOn: '2025-06-01',
      reference: 'VT-2025-0001',
    });
    expect(paymentIssues(paid(1_000_000, 'BEF'), '2025-06-05')).toEqual([]);
    expect(paymentIssues(paid(1_000_001, 'BEF'), '2025-06-05').map((i) => i.field)).toEqual([
      '/body/amount/cents',
    ]);
    expect(paymentIssues(paid(24_789, 'EUR'), '2025-06-05')).toEqual([]);
    expect(paymentIssues(paid(24_790, 'EUR'), '2025-06-05')[0]?.message).toContain('247.89 EUR');
    expect(paymentIssues(paid(2500, 'EUR'), '2025-05-31').map((i) => i.field)).toEqual(['/body/paidOn']);
    expect(paymentIssues({ notRequired: { reason: 'Exemption' } }, '2025-06-05')).toEqual([]);
  });
});

describe('what a declaration covers (L2007 art. 17 §5)', () => {
  const facts = new Map<string, MappedFrameworkFacts>([
    ['f12', { id: 'f12', purposes: ['P1', 'P2'], partyIds: ['police'], mappedElsewhere: false }],
    ['f3', { id: 'f3', purposes: ['P3'], partyIds: ['police'], mappedElsewhere: false }],
    ['other', { id: 'other', purposes: ['P1'], partyIds: ['cpas'], mappedElsewhere: false }],
    ['taken', { id: 'taken', purposes: ['P1'], partyIds: ['police'], mappedElsewhere: true }],
  ]);

  it('DCL-17 a framework with purposes P1+P2 maps to one declaration of that set; P3 needs a new or updated declaration', () => {
    expect(mappingIssues(['f12'], ['P1', 'P2'], 'police', facts)).toEqual([]);
    expect(mappingIssues(['f12', 'f3'], ['P1', 'P2'], 'police', facts)).toEqual([
      {
        field: '/body/frameworks/1/frameworkId',
        message:
          'serves P3, which this declaration does not cover: add the purpose or declare it apart (art. 17 §5)',
      },
    ]);
    expect(mappingIssues(['f12', 'f3'], ['P1', 'P2', 'P3'], 'police', facts)).toEqual([]);
  });

  it('DCL-17 a framework the controller does not take part in, or that another of its declarations covers, is refused', () => {
    expect(
      mappingIssues(['other', 'taken', 'f12', 'f12'], ['P1', 'P2'], 'police', facts).map((i) => i.message),
    ).toEqual([
      'is not a framework your organisation takes part in',
      'is covered by another declaration of your organisation already',
      'is listed twice',
    ]);
  });

  it('DCL-22 DCL-27 the exemption cites its royal decree and the sectoral mode names its committee and authorisation', () => {
    expect(modeIssues('royal_decree_exemption', {}).map((i) => i.field)).toEqual([
      '/body/royalDecreeExemption',
    ]);
    expect(
      modeIssues('royal_decree_exemption', {
        royalDecreeExemption: { royalDecree: 'AR du 13 février 2001' },
      }),
    ).toEqual([]);
    expect(modeIssues('sectoral_committee', {}).map((i) => i.field)).toEqual(['/body/sectoralCommittee']);
    expect(
      modeIssues('commission', {
        sectoralCommittee: {
          committee: 'Comité sectoriel',
          authorisationReference: 'CSSS/22/001',
          authorisationDate: '2022-01-10',
        },
      }).map((i) => i.field),
    ).toEqual(['/body/sectoralCommittee']);
  });
});

describe('the security plan the declaration cites (SPEC DCL-14)', () => {
  it('DCL-14 reads the version and the provisions of docs/security-plan.md', () => {
    const plan = securityPlan();
    expect(plan.version).toMatch(/^[0-9]/);
    expect(plan.document).toBe('docs/security-plan.md');
    expect(plan.provisions.map((p) => p.provision)).toContain('GDPR art. 32');
  });
});
