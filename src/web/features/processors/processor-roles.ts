import type { SessionInfo } from '../../../contracts/auth.js';

type Session = Pick<SessionInfo, 'roles' | 'purpose'>;

/**
 * Who keeps a controller's processor registry, as the server's access module decides it (L2007
 * art. 16 §1; SPEC PRC-01): its DPO, who records and approves its processors. The host's staff
 * (the platform operator) read the host's records of every controller from the host coverage page.
 */
export function keepsProcessorRegistry(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('dpo');
}

/** Who proposes the host's record for each controller (SPEC PRC-01, PRC-06): the platform operator. */
export function watchesHostCoverage(session: Session): boolean {
  return session.purpose === 'full' && session.roles.includes('operator');
}
