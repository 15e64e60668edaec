import { describe, expect, it } from 'vitest';
import type { Guarantee } from '../../../contracts/processors.js';
import {
  type ApprovalFacts,
  approvalIssues,
  processorStatus,
  type StatusFacts,
  worstLevel,
} from './processor-rules.js';

const ISO: Guarantee = {
  kind: 'certification',
  title: 'ISO/IEC 27001:2022',
  issuer: 'BSI',
  reference: 'IS 1',
  issuedOn: '2025-06-01',
  validUntil: '2028-05-31',
};

const CONTRACT = {
  reference: 'DPA-1',
  signedOn: '2026-01-20',
  securityAnnexReference: 'Annex 2',
  liabilityClause: 'Art. 9',
  instructionClause: 'Art. 4',
  securityObligationsClause: 'Art. 5',
};

const complete = (over: Partial<ApprovalFacts> = {}): ApprovalFacts => ({
  role: 'backup',
  guarantees: [ISO],
  contract: CONTRACT,
  documents: new Set(['contract', 'security_annex']),
  ...over,
});

const fields = (facts: ApprovalFacts) => approvalIssues(facts).map((issue) => issue.field);

describe('what approving a processor needs (L2007 art. 16 §1)', () => {
  it('PRC-01 PRC-02 a complete record may be approved; guarantees, the contract and its annex are required', () => {
    expect(approvalIssues(complete())).toEqual([]);
    expect(
      fields(
        complete({
          guarantees: [],
          contract: { ...CONTRACT, reference: null, securityAnnexReference: null },
        }),
      ),
    ).toEqual([
      '/record/guarantees',
      '/record/contract/reference',
      '/record/contract/securityAnnexReference',
    ]);
  });

  it('PRC-03 a record without a liability clause cannot be approved', () => {
    const issues = approvalIssues(complete({ contract: { ...CONTRACT, liabilityClause: null } }));
    expect(issues).toEqual([
      { field: '/record/contract/liabilityClause', message: expect.stringContaining('art. 16 §1 3°') },
    ]);
  });

  it('PRC-04 approval is blocked when the instruction-only or the security-obligations clause is missing', () => {
    expect(fields(complete({ contract: { ...CONTRACT, instructionClause: null } }))).toEqual([
      '/record/contract/instructionClause',
    ]);
    expect(fields(complete({ contract: { ...CONTRACT, securityObligationsClause: undefined } }))).toEqual([
      '/record/contract/securityObligationsClause',
    ]);
  });

  it('PRC-05 PRC-07 the signed contract and annex are uploaded, and the host links its security plan', () => {
    expect(fields(complete({ documents: new Set() }))).toEqual([
      '/record/documents/contract',
      '/record/documents/security_annex',
    ]);
    expect(fields(complete({ role: 'host' }))).toEqual(['/record/documents/security_plan']);
    expect(
      fields(complete({ role: 'host', documents: new Set(['contract', 'security_annex', 'security_plan']) })),
    ).toEqual([]);
  });
});

describe('the status of a processor (SPEC PRC-02)', () => {
  const approved: StatusFacts = {
    role: 'backup',
    approvedOn: '2026-01-15',
    reviewIntervalMonths: 12,
    guarantees: [ISO],
    lastCompliance: null,
    securityPlanDated: null,
    lastSecurityPlanReview: null,
  };

  it('PRC-02 an overdue compliance review turns the processor amber; a review in time keeps it green', () => {
    expect(processorStatus(approved, '2027-01-15')).toEqual({
      level: 'green',
      reasons: [],
      nextComplianceReviewDue: '2027-01-15',
      nextSecurityPlanReviewDue: null,
    });
    expect(processorStatus(approved, '2027-01-16')).toMatchObject({
      level: 'amber',
      reasons: ['compliance_review_overdue'],
    });
    const reviewed = {
      ...approved,
      lastCompliance: { reviewedOn: '2027-01-10' as const, outcome: 'compliant' },
    };
    expect(processorStatus(reviewed, '2027-01-16')).toMatchObject({
      level: 'green',
      nextComplianceReviewDue: '2028-01-10',
    });
  });

  it('PRC-02 not approved, or found non-compliant, is red; a lapsed certificate is amber', () => {
    expect(processorStatus({ ...approved, approvedOn: null }, '2026-02-01')).toMatchObject({
      level: 'red',
      reasons: ['not_approved'],
      nextComplianceReviewDue: null,
    });
    const failed = {
      ...approved,
      lastCompliance: { reviewedOn: '2026-06-01' as const, outcome: 'non_compliant' },
    };
    expect(processorStatus(failed, '2026-07-01').level).toBe('red');
    expect(
      processorStatus({ ...approved, guarantees: [{ ...ISO, validUntil: '2026-01-31' }] }, '2026-02-01'),
    ).toMatchObject({
      level: 'amber',
      reasons: ['guarantee_expired'],
    });
    expect(worstLevel(['green', 'amber', 'green'])).toBe('amber');
    expect(worstLevel([])).toBe('green');
  });

  it('PRC-07 the host without a security plan, or with its plan review overdue, is amber', () => {
    const host: StatusFacts = { ...approved, role: 'host' };
    expect(processorStatus(host, '2026-02-01')).toMatchObject({
      level: 'amber',
      reasons: ['security_plan_missing'],
    });
    const planned = { ...host, securityPlanDated: '2026-01-10' as const };
    expect(processorStatus(planned, '2026-02-01')).toMatchObject({
      level: 'green',
      nextSecurityPlanReviewDue: '2027-01-10',
    });
    expect(processorStatus({ ...planned, lastSecurityPlanReview: '2026-03-01' }, '2027-01-11')).toMatchObject(
      {
        level: 'green',
        nextSecurityPlanReviewDue: '2027-03-01',
      },
    );
    expect(processorStatus(planned, '2027-01-11').reasons).toEqual(['security_plan_review_overdue']);
  });
});
