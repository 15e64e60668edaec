/**
 * Keeps a WebAuthn challenge server-side (by its SHA-256, single use, expiring) and records
 * that it was issued: the one step every passkey ceremony starts with (login, registration,
 * step-up).
 */
import type { Tx } from '../../../db/database.js';
import type { WebauthnChallengePurpose } from '../../../db/schema.js';
import type { AuditLog, UserActor } from '../../../kernel/audit/index.js';
import type { MfaRepository } from './mfa.repository.js';
import { challengeExpiry, challengeHash } from './webauthn-ceremony.js';

export interface ChallengeToOpen {
  challenge: string;
  purpose: WebauthnChallengePurpose;
  userId: string;
  /** The session the ceremony belongs to; none for a login. */
  session: { idHash: Buffer; publicId: string } | null;
  actor: UserActor;
  now: Date;
}

export async function openChallenge(
  tx: Tx,
  { mfa, audit }: { mfa: MfaRepository; audit: AuditLog },
  c: ChallengeToOpen,
): Promise<void> {
  await mfa.insertChallenge(tx, {
    challenge_hash: challengeHash(c.challenge),
    purpose: c.purpose,
    user_id: c.userId,
    session_id_hash: c.session?.idHash ?? null,
    created_at: c.now,
    expires_at: challengeExpiry(c.now),
  });
  await audit.record(tx, {
    actor: c.actor,
    action: 'auth.passkey_challenge_issued',
    outcome: 'success',
    records: [
      ...(c.session ? [{ type: 'session', id: c.session.publicId }] : []),
      { type: 'ceremony', id: c.purpose },
    ],
  });
}
