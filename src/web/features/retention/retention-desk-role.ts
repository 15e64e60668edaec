import type { SessionInfo } from '../../../contracts/auth.js';
import { holdsCaseRole } from '../../app/case-roles.js';

/**
 * Who works the retention desk of their own organisation, as the server's access module decides it
 * (SPEC RET-01, ROL-12; modules/access/retention-access.ts): its DPO, or a member with a case role.
 * The navigation offers the desk to them only; the server refuses everyone else anyway.
 */
export function holdsRetentionDesk(session: Pick<SessionInfo, 'roles' | 'purpose'>): boolean {
  return session.purpose === 'full' && (session.roles.includes('dpo') || holdsCaseRole(session));
}
