/**
 * A new session id when the session's privilege changes (ASVS 5.0 V7.2.4: a new token on
 * authentication, re-authentication included): completing MFA enrolment turns an enrolment
 * session into a full one, and a step-up renews the proof of the second factor. The old id is
 * revoked in the same transaction, and the login time is kept, so the absolute lifetime runs on.
 */
import type { Tx } from '../../../db/database.js';
import { DomainError } from '../../../kernel/errors.js';
import type { AuthRepository } from '../auth.repository.js';
import type { CurrentSession } from '../current-session.js';
import { newSessionSecret } from '../session-tokens.js';

export async function rotateToFullSession(
  tx: Tx,
  auth: AuthRepository,
  session: CurrentSession,
  now: Date,
): Promise<CurrentSession> {
  const secret = newSessionSecret();
  const publicId = await auth.copySession(
    tx,
    session.idHash,
    secret.idHash,
    { mfa_at: now, purpose: 'full' },
    now,
  );
  // The guard saw it open a moment ago; a logout racing this request ends it first.
  if (!publicId) throw new DomainError('unauthenticated', { detail: 'The session has ended' });
  await auth.revokeSession(tx, session.idHash, now);
  return {
    ...session,
    cookieValue: secret.cookieValue,
    idHash: secret.idHash,
    publicId,
    last_seen_at: now,
    mfaAt: now,
    purpose: 'full',
  };
}
