import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors.js';
import {
  ATTRIBUTION_TABLES,
  ATTRIBUTION_TRIGGERS,
  federalUseGate,
  type GateFacts,
  isFederalKind,
  federalOnboardingRefusal,
} from './federal-use-gate-rules.js';

const green: GateFacts = {
  activeFrameworks: [{ retentionProblem: undefined }],
  runtimeRoleBypassesRls: false,
  operatorsWithSecondFactor: 1,
  sharedMailboxAccounts: 0,
  planReview: { current: true, dueOn: '2026-06-01', rule: 'L2007 art. 16 §4' },
  enabledTriggers: [...ATTRIBUTION_TRIGGERS],
  rlsForcedTables: [...ATTRIBUTION_TABLES],
};

const unmet = (facts: GateFacts) =>
  federalUseGate(facts)
    .conditions.filter((c) => !c.met)
    .map((c) => c.key);

describe('the federal-use compliance gate (SPEC SCO-08)', () => {
  it('SCO-08 is green only when its four conditions are met', () => {
    expect(federalUseGate(green)).toMatchObject({ status: 'green' });
    expect(unmet(green)).toEqual([]);
    expect(unmet({ ...green, activeFrameworks: [] })).toEqual(['max_retention_set']);
    expect(
      unmet({
        ...green,
        activeFrameworks: [{ retentionProblem: undefined }, { retentionProblem: 'no maximum retention' }],
      }),
    ).toEqual(['max_retention_set']);
    expect(unmet({ ...green, operatorsWithSecondFactor: 0 })).toEqual(['access_management_active']);
    expect(unmet({ ...green, sharedMailboxAccounts: 2 })).toEqual(['access_management_active']);
    expect(unmet({ ...green, runtimeRoleBypassesRls: true })).toEqual(['access_management_active']);
    expect(unmet({ ...green, planReview: { current: false, dueOn: null, rule: 'r' } })).toEqual([
      'security_plan_documented',
    ]);
    expect(unmet({ ...green, enabledTriggers: ['items_controller_immutable'] })).toEqual([
      'controller_attribution_active',
    ]);
    expect(unmet({ ...green, rlsForcedTables: ['items'] })).toEqual(['controller_attribution_active']);
    expect(federalUseGate({ ...green, activeFrameworks: [] }).status).toBe('red');
  });

  it('SCO-08 holds back the police, the federal services and the prosecutors’ offices, not the others', () => {
    expect(['police_service', 'federal_service', 'judicial_authority'].every(isFederalKind)).toBe(true);
    expect(
      ['administrative_authority', 'federated_entity_body', 'other', 'platform_operator'].some(isFederalKind),
    ).toBe(false);
    const red = federalUseGate({ ...green, activeFrameworks: [] });
    expect(federalOnboardingRefusal(red, 'federated_entity_body')).toBeUndefined();
    expect(federalOnboardingRefusal(federalUseGate(green), 'police_service')).toBeUndefined();
  });

  it('SCO-08 refuses a federal onboarding on a red gate with each unmet condition in the problem', () => {
    const red = federalUseGate({
      ...green,
      activeFrameworks: [],
      planReview: { current: false, dueOn: null, rule: 'r' },
    });
    const refusal = federalOnboardingRefusal(red, 'police_service')!;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe('conflict');
    expect(refusal.details.rule).toContain('SCO-08');
    expect(refusal.details.detail).toContain('federal-use compliance gate is red');
    expect(refusal.details.fields?.map((f) => f.field)).toEqual([
      '/federalUseGate/max_retention_set',
      '/federalUseGate/security_plan_documented',
    ]);
    expect(refusal.details.fields?.[0]?.message).toContain('bill art. 3 §1 al. 1');
  });
});
