import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who keeps a controller's transfer register, as the server's access module decides it (L2007
 * art. 17bis, arts 21-22; SPEC ROL-12, TRF-01): its DPO. The navigation offers the register to them
 * only; the server refuses everyone else anyway.
 */
export function keepsTransferRegister(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('dpo');
}

/**
 * Who keeps the deny-list of the royal decrees of L2007 art. 21 §2 (SPEC TRF-03): it binds every
 * controller, so the platform operator records it (the DPOs read it on their register).
 */
export function keepsDenyList(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('operator');
}
