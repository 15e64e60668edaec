import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who keeps a controller's compliance dashboard, as the server's access module decides it (SPEC
 * SCO-12, SEC-04): its DPO (and the compliance owner's account the DPO designates, which the session
 * does not name: the server lets it in). The navigation offers it to the DPO; the server decides.
 */
export function keepsComplianceDashboard(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('dpo');
}

/**
 * Who records the instance's security evidence and reads the federal-use gate from the operator's
 * side (SPEC SEC-03, SCO-08): the platform operator. The DPOs see both on their dashboard.
 */
export function keepsSecurityEvidence(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('operator');
}
