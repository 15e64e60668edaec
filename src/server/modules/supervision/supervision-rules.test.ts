import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { createLegalRules } from '../../kernel/legal-rules/index.js';
import type { ActorFacts } from '../access/actor-facts.js';
import { decide } from '../access/decide.js';
import type { InspectorGrantFacts } from '../access/supervision-decisions.js';
import { grantEnd, grantStatus, overdueOn, positionIssues, submissionIssues } from './supervision-rules.js';

const actor = (roles: ActorFacts['roles'], organisationId = 'police', userId = 'u1'): ActorFacts => ({
  userId,
  organisationId,
  roles,
  representedAuthorities: [],
  lapsedAuthorities: [],
  secrecyAccepted: false,
  awarenessAcknowledged: false,
  justified: false,
  designations: [],
  crossCaseSearch: false,
});

const grantedAt = new Date('2026-03-02T09:00:00Z');
const grant = (overrides: Partial<InspectorGrantFacts> = {}): InspectorGrantFacts => ({
  controllerId: 'police',
  inspectorUserId: 'u1',
  validUntil: grantEnd(grantedAt, 5),
  revokedAt: null,
  noticeAcknowledged: true,
  ...overrides,
});

describe('the Commission inspector in the access module (SPEC SUP-03, PEN-22)', () => {
  const inspector = actor(['inspector']);

  it('SUP-03 an inspector reads its granting controller within the five days of its grant, and nothing from their end', () => {
    const read = (now: string, facts = grant()) =>
      decide(inspector, { action: 'inspection.read', grant: facts, now: new Date(now) });
    expect(read('2026-03-02T09:00:00Z')).toMatchObject({ allowed: true, via: 'police' });
    expect(read('2026-03-07T08:59:59Z')).toMatchObject({ allowed: true });
    expect(read('2026-03-07T09:00:00Z')).toEqual({
      allowed: false,
      reason: 'inspection_ended',
      answer: 'forbidden',
    });
    expect(
      read('2026-03-03T09:00:00Z', grant({ revokedAt: new Date('2026-03-03T08:00:00Z') })),
    ).toMatchObject({
      allowed: false,
      reason: 'inspection_ended',
    });
  });

  it('SUP-03 only the inspector of the grant, on its own controller, and no other role, is let in', () => {
    const now = new Date('2026-03-03T10:00:00Z');
    expect(decide(actor(['dpo']), { action: 'inspection.read', grant: grant(), now })).toMatchObject({
      reason: 'not_inspector',
    });
    expect(decide(actor(['operator']), { action: 'inspection.enter', grant: grant(), now })).toMatchObject({
      reason: 'not_inspector',
    });
    expect(decide(inspector, { action: 'inspection.read', grant: undefined, now })).toMatchObject({
      reason: 'not_inspector',
    });
    expect(
      decide(inspector, { action: 'inspection.read', grant: grant({ inspectorUserId: 'u2' }), now }),
    ).toMatchObject({
      reason: 'not_inspector',
    });
    expect(
      decide(actor(['inspector'], 'cpas'), { action: 'inspection.read', grant: grant(), now }),
    ).toMatchObject({
      reason: 'not_inspector',
    });
    // The inspector acts for no case: every case rule refuses it.
    expect(decide(inspector, { action: 'case.list' })).toMatchObject({
      allowed: false,
      reason: 'no_case_role',
    });
  });

  it('PEN-22 the inspector reads nothing before acknowledging the confidentiality duty, but may see the notice', () => {
    const now = new Date('2026-03-03T10:00:00Z');
    const unacknowledged = grant({ noticeAcknowledged: false });
    expect(decide(inspector, { action: 'inspection.enter', grant: unacknowledged, now })).toMatchObject({
      allowed: true,
    });
    expect(decide(inspector, { action: 'inspection.read', grant: unacknowledged, now })).toEqual({
      allowed: false,
      reason: 'confidentiality_notice_unacknowledged',
      answer: 'forbidden',
    });
  });

  it('SUP-01 a controller’s supervisory cases are its DPO’s', () => {
    expect(decide(actor(['dpo']), { action: 'supervision.manage' })).toMatchObject({
      allowed: true,
      via: 'police',
    });
    expect(decide(actor(['participant']), { action: 'supervision.manage' })).toMatchObject({
      allowed: false,
      reason: 'not_dpo',
    });
    expect(decide(actor(['inspector']), { action: 'supervision.manage' })).toMatchObject({
      allowed: false,
      reason: 'not_dpo',
    });
  });

  it('SUP-03 a grant is running, ended or revoked', () => {
    const validUntil = grantEnd(grantedAt, 5);
    expect(validUntil.toISOString()).toBe('2026-03-07T09:00:00.000Z');
    expect(grantStatus({ validUntil, revokedAt: null }, new Date('2026-03-06T09:00:00Z'))).toBe('running');
    expect(grantStatus({ validUntil, revokedAt: null }, validUntil)).toBe('ended');
    expect(grantStatus({ validUntil, revokedAt: grantedAt }, new Date('2026-03-03T09:00:00Z'))).toBe(
      'revoked',
    );
  });
});

describe('positions and actions (SPEC SUP-01, SUP-02)', () => {
  it('SUP-02 the Commission’s deadline comes after its invitation, and the position is sent after it', () => {
    expect(positionIssues({ invitedOn: '2026-03-02', deadlineOn: '2026-03-16' }, '2026-03-02')).toEqual([]);
    expect(positionIssues({ invitedOn: '2026-03-02', deadlineOn: '2026-03-01' }, '2026-03-02')).toEqual([
      { field: '/body/deadlineOn', message: 'comes before the invitation' },
    ]);
    expect(
      positionIssues({ invitedOn: '2026-03-03', deadlineOn: '2026-03-16' }, '2026-03-02')[0]?.field,
    ).toBe('/body/invitedOn');
    expect(submissionIssues('2026-03-01', '2026-03-02', '2026-03-05')[0]?.field).toBe('/body/submittedOn');
    expect(submissionIssues('2026-03-06', '2026-03-02', '2026-03-05')[0]?.message).toContain('future');
  });

  it('SUP-01 an action is overdue from the day after its due date', () => {
    expect(overdueOn('2026-03-10', '2026-03-10')).toBe(false);
    expect(overdueOn('2026-03-10', '2026-03-11')).toBe(true);
  });
});

describe('the Commission’s repeat interval (SPEC SUP-05; L1992 art. 10 §2 al. 2)', () => {
  const rules = createLegalRules({ clock: new ManualClock('2026-03-02T09:00:00Z') });

  it('SUP-05 with the Commission’s shorter interval a request is a repeat only within it; with none, never', () => {
    expect(rules.isRepeatAccessRequest('gdpr', '2026-01-10', '2026-03-10')).toBe(true);
    expect(rules.isRepeatAccessRequest('gdpr', '2026-01-10', '2026-03-10', 0)).toBe(false);
    expect(rules.isRepeatAccessRequest('gdpr', '2026-01-10', '2026-03-10', 1)).toBe(false);
    expect(rules.isRepeatAccessRequest('gdpr', '2026-01-10', '2026-02-10', 1)).toBe(true);
    expect(rules.isRepeatAccessRequest('gdpr', '2026-01-10', '2026-02-11', 1)).toBe(false);
    // The instruction only shortens: after the law's interval nothing is a repeat.
    expect(rules.isRepeatAccessRequest('gdpr', '2025-01-10', '2026-03-10', 6)).toBe(false);
  });

  it('SUP-05 the Commission imposes an interval shorter than twelve months, or none: twelve is refused naming the field', () => {
    expect(() => rules.assertCommissionRepeatInterval(0)).not.toThrow();
    expect(() => rules.assertCommissionRepeatInterval(11)).not.toThrow();
    let refused: unknown;
    try {
      rules.assertCommissionRepeatInterval(12);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details).toMatchObject({
      rule: 'L1992 art. 10 §2 al. 2',
      fields: [{ field: '/body/intervalMonths' }],
    });
  });
});
