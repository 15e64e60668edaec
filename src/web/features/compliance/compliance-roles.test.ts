import { describe, expect, it } from 'vitest';
import { keepsComplianceDashboard, keepsSecurityEvidence } from './compliance-roles.js';

describe('who is offered the compliance screens', () => {
  it('SCO-12 offers the dashboard to a DPO with a full session, the security evidence to the operator', () => {
    expect(keepsComplianceDashboard({ roles: ['dpo'], purpose: 'full' })).toBe(true);
    expect(keepsComplianceDashboard({ roles: ['dpo'], purpose: 'mfa_enrolment' })).toBe(false);
    expect(keepsComplianceDashboard({ roles: ['operator'], purpose: 'full' })).toBe(false);
    expect(keepsSecurityEvidence({ roles: ['operator'], purpose: 'full' })).toBe(true);
    expect(keepsSecurityEvidence({ roles: ['dpo', 'participant'], purpose: 'full' })).toBe(false);
  });
});
