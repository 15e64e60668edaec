/**
 * The compliance module (issue 6 scope 8): the instance's security evidence and federal-use gate
 * (security-evidence.service.ts; SPEC SEC-03, SCO-08) and each controller's dashboard, norm
 * checklists and compliance owner (controller-compliance.service.ts; SPEC SCO-12, SEC-04).
 */
import {
  type ControllerComplianceDeps,
  createControllerComplianceService,
} from './controller-compliance.service.js';
import { createSecurityEvidenceService, type SecurityEvidenceDeps } from './security-evidence.service.js';

export type ComplianceServiceDeps = SecurityEvidenceDeps & ControllerComplianceDeps;

export function createComplianceService(deps: ComplianceServiceDeps) {
  return { ...createSecurityEvidenceService(deps), ...createControllerComplianceService(deps) };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
