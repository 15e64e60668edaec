import { describe, expect, it } from 'vitest';
import {
  childFocusExemption,
  type DecreePeriod,
  inForce,
  priorNoticeDecree,
  royalDecreeIssues,
  sexLifeStanding,
} from './royal-decree-rules.js';

const sexLife = (validFrom: string, validUntil: string): DecreePeriod => ({
  kind: 'sex_life_treatment',
  validFrom,
  validUntil,
});
const notice = (validFrom: string, validUntil: string | null): DecreePeriod & { id: string } => ({
  id: `${validFrom}/${validUntil}`,
  kind: 'judicial_data_prior_notice',
  validFrom,
  validUntil,
});

describe('royal decree rules', () => {
  it('DAT-32 DAT-33 a decree is in force from its first to its last day, both included', () => {
    const decree = { validFrom: '2026-01-01', validUntil: '2026-03-02' };
    expect(
      ['2025-12-31', '2026-01-01', '2026-03-02', '2026-03-03'].map((day) => inForce(decree, day)),
    ).toEqual([false, true, true, false]);
    expect(inForce({ validFrom: '2026-01-01', validUntil: null }, '2099-01-01')).toBe(true);
  });

  it('DAT-32 calls for prior written notice only under an art. 8 §5 decree in force', () => {
    const ended = notice('2025-01-01', '2025-12-31');
    const running = notice('2026-01-01', null);
    expect(priorNoticeDecree([ended], '2026-03-02')).toBeUndefined();
    expect(priorNoticeDecree([ended, running], '2026-03-02')).toBe(running);
    expect(priorNoticeDecree([sexLife('2026-01-01', '2026-12-31')], '2026-03-02')).toBeUndefined();
  });

  it('DAT-33 tells an association with no decree, in force, not yet in force, and ended since its last day', () => {
    expect(sexLifeStanding([notice('2026-01-01', null)], '2026-03-02')).toEqual({ status: 'none' });
    const first = sexLife('2025-01-01', '2026-03-02');
    expect(sexLifeStanding([first], '2026-03-02')).toEqual({ status: 'in_force' });
    expect(sexLifeStanding([first], '2026-03-03')).toEqual({ status: 'ended', endedOn: '2026-03-02' });
    expect(sexLifeStanding([sexLife('2026-04-01', '2027-03-31')], '2026-03-03')).toEqual({
      status: 'not_yet',
      from: '2026-04-01',
    });
    // A renewal takes over; a gap between two decrees is a time without authorisation.
    const renewal = sexLife('2026-04-01', '2027-03-31');
    expect(sexLifeStanding([first, renewal], '2026-03-20')).toEqual({
      status: 'ended',
      endedOn: '2026-03-02',
    });
    expect(sexLifeStanding([first, renewal], '2026-04-01')).toEqual({ status: 'in_force' });
  });

  it('DAT-33 refuses an art. 6 §3 decree without an end, or held by anyone but an association', () => {
    const decree = {
      kind: 'sex_life_treatment' as const,
      reference: 'AR 2025-06-12',
      validFrom: '2026-01-01',
      validUntil: null,
    };
    expect(royalDecreeIssues('other', decree)).toEqual([
      {
        field: '/body/validUntil',
        message: "the decree sets the authorisation's duration: give its last day",
      },
    ]);
    expect(
      royalDecreeIssues('police_service', { ...decree, validUntil: '2026-12-31' }).map(
        (issue) => issue.field,
      ),
    ).toEqual(['/body/kind']);
    expect(royalDecreeIssues('other', { ...decree, validUntil: '2026-12-31' })).toEqual([]);
  });

  it('DAT-32 checks the dates of a decree and keeps it from the host', () => {
    const decree = {
      kind: 'judicial_data_prior_notice' as const,
      reference: 'KB 2025-11-14',
      validFrom: '2026-02-30',
      validUntil: null,
    };
    expect(royalDecreeIssues('administrative_authority', decree)).toEqual([
      { field: '/body/validFrom', message: 'is not a date' },
    ]);
    expect(
      royalDecreeIssues('administrative_authority', {
        ...decree,
        validFrom: '2026-03-01',
        validUntil: '2026-02-28',
      }),
    ).toEqual([{ field: '/body/validUntil', message: 'ends before it starts' }]);
    expect(
      royalDecreeIssues('platform_operator', { ...decree, validFrom: '2026-03-01' }).map(
        (issue) => issue.field,
      ),
    ).toEqual(['/params/organisationId']);
  });

  it('SCO-17 the art. 3 §6 exemption holds only under a decree in force, held by the Centre (kind other)', () => {
    const decree: DecreePeriod = { kind: 'child_focus_exemption', validFrom: '2026-01-01', validUntil: '2026-12-31' };
    expect(childFocusExemption([decree], '2026-06-01')).toBe(true);
    expect(childFocusExemption([decree], '2027-01-01')).toBe(false);
    expect(childFocusExemption([], '2026-06-01')).toBe(false);
    const record = { kind: 'child_focus_exemption' as const, reference: 'AR 2026-01-01', validFrom: '2026-01-01', validUntil: null };
    expect(royalDecreeIssues('police_service', record).map((issue) => issue.field)).toEqual(['/body/kind']);
    expect(royalDecreeIssues('other', record)).toEqual([]);
  });
});
