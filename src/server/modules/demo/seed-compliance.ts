/**
 * The demo instance's security evidence (SPEC SEC-03): the operator recorded a review of the
 * instance's security plan and risk assessment, and a successful restore test, so that the demo's
 * federal-use compliance gate (SCO-08) is green like a live instance's and its operator console
 * onboards members of the police and of the prosecutor's office.
 */
import { SECURITY_PLAN_AREAS } from '../../../contracts/compliance.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { daysFrom, type SeedContext } from './seed-context.js';

export async function seedComplianceEvidence(context: SeedContext): Promise<void> {
  const { securityEvidence } = context.services;
  await securityEvidence.recordSecurityPlanReview(context.operator, {
    planVersion: '2',
    reviewedOn: brusselsDateOf(daysFrom(context, -20)),
    occasion: 'annual',
    planReference: 'docs/security-plan.md, version 2, with the hosting annex of the demo host',
    riskAssessmentReference: 'Demo risk assessment of the shared file (fictional)',
    areas: [...SECURITY_PLAN_AREAS],
  });
  await securityEvidence.recordRestoreTest(context.operator, {
    testedOn: brusselsDateOf(daysFrom(context, -14)),
    outcome: 'succeeded',
    reference: 'Demo restore of the nightly backup into an empty database (fictional report)',
  });
}
