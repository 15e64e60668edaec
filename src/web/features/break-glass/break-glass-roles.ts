import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who deals with break-glass grants, as the server's access module decides it (L2007 art. 16 §3;
 * SPEC SEC-12, PRC-06): the host's staff (the platform operator) ask and read; the controller's DPO
 * instructs, refuses or revokes and receives the report.
 */
export function dealsWithBreakGlass(session: Session): boolean {
  return session.purpose === 'full' && (session.roles.includes('operator') || session.roles.includes('dpo'));
}

/** The host's staff ask for access; a DPO decides. */
export const asksForBreakGlass = (session: Session): boolean =>
  session.purpose === 'full' && session.roles.includes('operator');
