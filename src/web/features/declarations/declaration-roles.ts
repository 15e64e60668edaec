import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who keeps a controller's declarations of processing, as the server's access module decides it
 * (L2007 art. 17; SPEC DCL): its DPO.
 */
export function keepsDeclarations(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('dpo');
}
