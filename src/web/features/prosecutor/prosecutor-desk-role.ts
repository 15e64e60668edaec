import type { SessionInfo } from '../../../contracts/auth.js';

/**
 * Who works the prosecutor's desk, as the server decides it (bill arts 7-8; SPEC RGT-RST-01,
 * LST-01): the prosecutors of a procureur du Roi's office. The navigation offers it to them only;
 * the server refuses everyone else anyway.
 */
export function holdsProsecutorDesk(session: Pick<SessionInfo, 'roles' | 'purpose'>): boolean {
  return session.purpose === 'full' && session.roles.includes('prosecutor');
}
