import type { SessionInfo } from '../../contracts/auth.js';

/**
 * Roles that take part in case consultations for the user's own organisation, as the server's
 * access module counts them: their home page is the dashboard. A permanent representative acts
 * only for the authorities represented, at consultations (bill art. 5).
 */
const CASE_ROLES: readonly SessionInfo['roles'][number][] = ['organiser', 'participant', 'prosecutor'];

export function holdsCaseRole(session: Pick<SessionInfo, 'roles' | 'purpose'>): boolean {
  return session.purpose === 'full' && session.roles.some((role) => CASE_ROLES.includes(role));
}
