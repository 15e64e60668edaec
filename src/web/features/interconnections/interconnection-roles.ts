import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who keeps the register of interconnections, as the server's access module decides it (L1992
 * art. 21; SPEC INT-01, PEN-12): each party's DPO registers, approves, switches off and exports.
 */
export function keepsInterconnectionRegister(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('dpo');
}
