import type { SessionInfo } from '../../../contracts/auth.js';

/**
 * Who works a rights desk, as the server's access module decides it (SPEC RGT-GEN-01, ROL-12):
 * the controller's DPO, or the prosecutor for the requests bill art. 7 al. 2 sends to the office.
 * The navigation offers the desk to them only; the server refuses everyone else anyway.
 */
export function holdsRightsDesk(session: Pick<SessionInfo, 'roles' | 'purpose'>): boolean {
  return session.purpose === 'full' && session.roles.some((role) => role === 'dpo' || role === 'prosecutor');
}
