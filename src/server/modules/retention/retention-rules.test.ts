import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { createLegalRules, months } from '../../kernel/legal-rules/index.js';
import {
  approvalConflict,
  type ClosedCaseFacts,
  fullyApproved,
  isDue,
  keeperOf,
  missingApprovals,
  necessityReviewDue,
  ownFileCopyDue,
  retentionEndOf,
  retentionStatus,
} from './retention-rules.js';

const clock = new ManualClock('2025-03-01T09:00:00Z');
const rules = createLegalRules({ clock });

const closed = (facts: Partial<ClosedCaseFacts> = {}): ClosedCaseFacts => ({
  caseId: 'c1',
  state: 'closed',
  frameworkId: 'f1',
  compartmentOrganisationId: 'police',
  organiserOrganisationId: 'coordination',
  purposes: ['P1'],
  createdAt: new Date('2024-01-10T09:00:00Z'),
  closedAt: new Date('2025-03-01T10:00:00Z'),
  retentionMonths: 360,
  retentionOtherRule: null,
  controllerIds: ['police'],
  standingHolds: [],
  ...facts,
});

describe('the end of retention of a closed case (bill art. 2 §3 4°, art. 3 §1 al. 1)', () => {
  it('RET-01 closed 2025-03-01 with 360 months: kept through 2055-03-01, due from 2055-03-02 in Brussels', () => {
    const end = retentionEndOf(closed(), rules);
    expect(end).toMatchObject({ basis: 'agreed', months: 360, deadline: { date: '2055-03-01' } });
    expect(isDue(end.deadline, new Date('2055-03-01T22:59:59Z'))).toBe(false);
    expect(isDue(end.deadline, new Date('2055-03-01T23:00:00Z'))).toBe(true);
  });

  it('RET-01 beyond 30 years only under the other rule recorded, which the end then cites; none agreed falls back on the cap', () => {
    const longer = retentionEndOf(
      closed({ retentionMonths: 480, retentionOtherRule: 'Archiefwet art. 5' }),
      rules,
    );
    expect(longer.deadline).toMatchObject({ date: '2065-03-01', rule: 'Archiefwet art. 5' });
    expect(() => retentionEndOf(closed({ retentionMonths: 372 }), rules)).toThrow(/exceeds/);
    expect(retentionEndOf(closed({ retentionMonths: null }), rules)).toMatchObject({
      basis: 'cap',
      deadline: { date: '2055-03-01' },
    });
  });

  it('RET-02 a shortened maximum moves the end earlier at once: it is computed from the agreed months each time', () => {
    expect(retentionEndOf(closed({ retentionMonths: 120 }), rules).deadline.date).toBe('2035-03-01');
    expect(retentionEndOf(closed({ retentionMonths: 60 }), rules).deadline.date).toBe('2030-03-01');
  });

  it('RET-06 a draft closed as not signalled, and a refused signal, keep the draft period, whatever months were proposed', () => {
    expect(retentionEndOf(closed({ state: 'not_signalled', retentionMonths: null }), rules)).toMatchObject({
      basis: 'draft',
      months: null,
      deadline: { date: '2026-03-01' },
    });
    expect(retentionEndOf(closed({ state: 'refused', retentionMonths: 60 }), rules).deadline.date).toBe(
      '2026-03-01',
    );
    const configured = createLegalRules({
      clock,
      overrides: { draftRetention: { duration: months(6), rule: 'controllers 2025-01' } },
    });
    expect(retentionEndOf(closed({ state: 'not_signalled' }), configured).deadline).toMatchObject({
      date: '2025-09-01',
      rule: 'controllers 2025-01',
    });
  });

  it('RET-01 the keeper is the organiser once signalled, the compartment for a draft never signalled', () => {
    expect(keeperOf(closed())).toEqual({ organisationId: 'coordination', relation: 'organiser' });
    expect(keeperOf(closed({ state: 'refused' }))).toEqual({
      organisationId: 'coordination',
      relation: 'organiser',
    });
    expect(keeperOf(closed({ state: 'not_signalled' }))).toEqual({
      organisationId: 'police',
      relation: 'compartment',
    });
  });

  it('RET-08 the status: destroyed, listed, held (nothing is destroyed while a hold stands), due, running', () => {
    expect(retentionStatus({ destroyed: false, listed: false, held: false, due: false })).toBe('running');
    expect(retentionStatus({ destroyed: false, listed: false, held: false, due: true })).toBe('due');
    expect(retentionStatus({ destroyed: false, listed: false, held: true, due: true })).toBe('on_legal_hold');
    expect(retentionStatus({ destroyed: false, listed: true, held: true, due: true })).toBe(
      'on_destruction_list',
    );
    expect(retentionStatus({ destroyed: true, listed: false, held: false, due: true })).toBe('destroyed');
  });
});

describe('necessity reviews (L2007 art. 4 §1 5°)', () => {
  it('RET-05 due 12 months after closure, then 12 months after the last review, and not once the end of retention comes first', () => {
    const closedAt = new Date('2025-03-01T10:00:00Z');
    expect(necessityReviewDue(closedAt, null, '2035-03-01', rules)?.date).toBe('2026-03-01');
    expect(necessityReviewDue(closedAt, new Date('2026-03-10T10:00:00Z'), '2035-03-01', rules)?.date).toBe(
      '2027-03-10',
    );
    expect(necessityReviewDue(closedAt, null, '2026-03-01', rules)).toBeUndefined();
  });
});

describe('four eyes on a destruction list (L2007 art. 16 §4; bill art. 3 §1 al. 2)', () => {
  const list = {
    keeper: { organisationId: 'coordination', relation: 'organiser' as const },
    controllerIds: ['police', 'cpas'],
  };

  it('RET-01 the keeper and the DPO of each controller approve: the list is approved when none is missing', () => {
    const keeper = { capacity: 'keeper' as const, organisationId: 'coordination', userId: 'u1' };
    const police = { capacity: 'dpo' as const, organisationId: 'police', userId: 'u2' };
    const cpas = { capacity: 'dpo' as const, organisationId: 'cpas', userId: 'u3' };
    expect(missingApprovals(list, [keeper, police])).toEqual({ keeper: false, dpoOf: ['cpas'] });
    expect(fullyApproved(list, [keeper, police])).toBe(false);
    expect(fullyApproved(list, [keeper, police, cpas])).toBe(true);
  });

  it('RET-01 the same person approving twice is a conflict, whatever capacity it claims; a capacity is given once per organisation', () => {
    const given = [{ capacity: 'keeper' as const, organisationId: 'coordination', userId: 'u1' }];
    expect(
      approvalConflict(given, { capacity: 'dpo', organisationId: 'coordination', userId: 'u1' }),
    ).toContain('distinct person');
    expect(
      approvalConflict(given, { capacity: 'keeper', organisationId: 'coordination', userId: 'u9' }),
    ).toContain('keeper');
    expect(
      approvalConflict(given, { capacity: 'dpo', organisationId: 'police', userId: 'u2' }),
    ).toBeUndefined();
  });
});

describe('own-file copies (bill art. 4 al. 5)', () => {
  const copy = {
    state: 'closed',
    closedAt: new Date('2025-03-01T10:00:00Z'),
    retentionMonths: 60,
    retentionOtherRule: null,
    overrideMonths: null,
    overrideCitation: null,
  };

  it('FIL-09 RET-03 a copy is due at closure plus the agreed maximum, or its organic law period cited; unknown before closure', () => {
    expect(ownFileCopyDue(copy, rules)).toMatchObject({
      deadline: { date: '2030-03-01' },
      rule: 'bill art. 4 al. 5; art. 2 §3 4°',
    });
    expect(
      ownFileCopyDue({ ...copy, overrideMonths: 120, overrideCitation: 'Organic law art. 9' }, rules),
    ).toMatchObject({
      deadline: { date: '2035-03-01' },
      rule: 'Organic law art. 9',
    });
    expect(ownFileCopyDue({ ...copy, state: 'follow_up', closedAt: null }, rules)).toBeUndefined();
  });
});
