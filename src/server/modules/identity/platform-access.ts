/**
 * Who administers the platform (organisations and users): the operator, never a case role
 * (ARCHITECTURE §3.6). The access module will take this decision over.
 */
import type { UserRole } from '../../../contracts/identity.js';

/** The acting user, as the session will provide it. */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly UserRole[];
}

export function canAdministerPlatform(actor: Actor): boolean {
  return actor.roles.includes('operator');
}
