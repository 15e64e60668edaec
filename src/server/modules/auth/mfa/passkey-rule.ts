/**
 * Which accounts must use a passkey (issue 3 scope 3: "operator and prosecutor accounts can be
 * required to use WebAuthn"; CONCERTO_REQUIRE_WEBAUTHN_ROLES). For a user holding one of the
 * listed roles:
 *
 * - with at least one passkey, login and step-up accept only the passkey: TOTP and recovery
 *   codes are refused with 403 `webauthn_required` before they are checked, so none is used up.
 *   Phishing resistance holds only if no phishable factor can stand in for the passkey.
 * - without a passkey yet (first login, or the role was added later), the password alone at
 *   first login, or the password with the enrolled TOTP or a recovery code, opens only an
 *   enrolment session, in which TOTP enrolment is refused: the way out is registering a passkey.
 * - no recovery codes are issued to them, since they could never be used: they keep a second
 *   passkey for the day one is lost (resetting an account's factors is an operator task not
 *   built yet).
 */
import type { UserRole } from '../../../../contracts/identity.js';

export function passkeyRequired(roles: readonly string[], requiredRoles: readonly UserRole[]): boolean {
  return roles.some((role) => (requiredRoles as readonly string[]).includes(role));
}
