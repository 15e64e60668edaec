/** The session a request was authenticated with, and how it is shown to its holder. */
import type { SessionInfo, SessionPurpose } from '../../../contracts/auth.js';
import type { AccountRole } from '../../../contracts/identity.js';
import type { UserActor } from '../../kernel/audit/index.js';
import type { Actor } from '../identity/platform-access.js';
import { absoluteExpiry, idleExpiry, type SessionLimits } from './session-lifetime.js';
import { csrfTokenFor } from './session-tokens.js';

export interface CurrentSession {
  cookieValue: string;
  idHash: Buffer;
  publicId: string;
  actor: Actor;
  /** users.session_epoch the session was opened under. */
  epoch: number;
  created_at: Date;
  last_seen_at: Date;
  /** When a second factor was last proven; null in an enrolment session. */
  mfaAt: Date | null;
  purpose: SessionPurpose;
}

export function toActor(row: { user_id: string; organisation_id: string; roles: string[] }): Actor {
  return { userId: row.user_id, organisationId: row.organisation_id, roles: row.roles as AccountRole[] };
}

/** The audit log's "who": one role, the first held (role codes are not personal data). */
export function auditActor(actor: Actor): UserActor {
  return { userId: actor.userId, organisationId: actor.organisationId, role: actor.roles[0] ?? 'none' };
}

export function sessionInfo(session: CurrentSession, limits: SessionLimits): SessionInfo {
  return {
    sessionId: session.publicId,
    userId: session.actor.userId,
    organisationId: session.actor.organisationId,
    roles: [...session.actor.roles],
    csrfToken: csrfTokenFor(session.cookieValue),
    purpose: session.purpose,
    createdAt: session.created_at.toISOString(),
    mfaAt: session.mfaAt?.toISOString() ?? null,
    idleExpiresAt: idleExpiry(session, limits).toISOString(),
    absoluteExpiresAt: absoluteExpiry(session, limits).toISOString(),
    justification: session.actor.justification ?? null,
  };
}
