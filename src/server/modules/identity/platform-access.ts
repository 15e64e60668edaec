/**
 * Who administers the platform (organisations and users): the operator, never a case role
 * (ARCHITECTURE §3.6). The rule itself is the access module's.
 */
import type { AccountRole } from '../../../contracts/identity.js';
import { administersPlatform } from '../access/decide.js';

/** The acting user, as the session will provide it. */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly AccountRole[];
  /** Why case files are consulted in this working session (issue 4 scope 7), when given. */
  justification?: string | null;
}

export function canAdministerPlatform(actor: Actor): boolean {
  return administersPlatform(actor);
}
