/**
 * Server-side sessions (ASVS 5.0 V7): who a request is, "my sessions", logout. Each use case
 * is one transaction with its audit event (ARCHITECTURE §3.1). A refusal commits only its
 * audit event, then throws: nothing else changes.
 */
import type { SessionList } from '../../../contracts/auth.js';
import { type Db, inTransaction } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { AuthRepository } from './auth.repository.js';
import { auditActor, type CurrentSession, toActor } from './current-session.js';
import { FRESH_MFA_MINUTES, lastSeenDue, mfaIsFresh, type SessionLimits, sessionEnd } from './session-lifetime.js';
import { csrfTokenFor, sameToken, sessionIdHash } from './session-tokens.js';

export interface SessionServiceDeps {
  db: Db;
  auth: AuthRepository;
  audit: AuditLog;
  clock: Clock;
  limits: SessionLimits;
}

export interface CsrfCheck {
  /** True for POST, PUT, PATCH and DELETE. */
  required: boolean;
  /** The x-csrf-token header as sent. */
  sent: string | undefined;
}

/**
 * What a route needs of the session: `full` for every ordinary route; `fresh_mfa` for sensitive
 * actions (a full session whose second factor is fresh, ASVS 5.0 V7.5.3); `enrolment` for the
 * MFA enrolment routes; `any` for reading the session and logging out.
 */
export type SessionNeed = 'full' | 'fresh_mfa' | 'enrolment' | 'any';

const noSession = (detail: string) => new DomainError('unauthenticated', { detail });

/** Why a running session does not meet the need at `now` (reason code and error), or undefined. */
function unmetNeed(
  session: { purpose: CurrentSession['purpose']; mfa_at: Date | null },
  need: SessionNeed,
  now: Date,
): { reason: string; error: DomainError } | undefined {
  if (need === 'any') return undefined;
  if (need === 'enrolment') {
    return session.purpose === 'mfa_enrolment'
      ? undefined
      : {
          reason: 'not_an_enrolment_session',
          error: new DomainError('forbidden', { detail: 'Two-factor authentication is already set up' }),
        };
  }
  if (session.purpose === 'mfa_enrolment') {
    return {
      reason: 'mfa_enrolment_pending',
      error: new DomainError('mfa_enrolment_required', {
        detail: 'Set up a second factor before using Concerto',
      }),
    };
  }
  if (need === 'fresh_mfa' && !mfaIsFresh(session.mfa_at, now)) {
    return {
      reason: 'mfa_not_fresh',
      error: new DomainError('mfa_required', {
        detail: `Confirm your second factor again (POST /api/auth/step-up): this action needs one proven within ${FRESH_MFA_MINUTES} minutes`,
      }),
    };
  }
  return undefined;
}

export function createSessionService({ db, auth, audit, clock, limits }: SessionServiceDeps) {
  return {
    /**
     * The session named by the cookie, if it still runs; its idle clock restarts. An expired
     * session is revoked with an `auth.session_expired` event, so it expires once. A session that
     * does not meet `need` is refused before its idle clock moves: the refusal changes nothing
     * but the audit log.
     */
    async authenticate(
      cookieValue: string | undefined,
      csrf: CsrfCheck,
      need: SessionNeed,
    ): Promise<CurrentSession> {
      if (cookieValue === undefined) throw noSession('No session');
      const idHash = sessionIdHash(cookieValue);
      const row = idHash && (await auth.sessionWithUser(db, idHash));
      if (!idHash || !row || row.revoked_at) throw noSession('No session');
      const actor = { ...toActor(row), justification: row.justification };
      const now = clock.now();
      const ended = sessionEnd(row, now, limits);
      if (ended) {
        await inTransaction(db, async (tx) => {
          if (await auth.revokeSession(tx, idHash, now)) {
            await audit.record(tx, {
              actor: auditActor(actor),
              action: 'auth.session_expired',
              outcome: 'success',
              reason: ended === 'idle' ? 'idle_timeout' : 'absolute_timeout',
              records: [{ type: 'session', id: row.public_id }],
            });
          }
        });
        throw noSession('The session has expired');
      }
      // Deactivation and role changes raise the epoch (audited there): older sessions are void.
      if (!row.active || row.user_epoch > row.session_epoch) throw noSession('The session has ended');
      if (csrf.required && !sameToken(csrf.sent, csrfTokenFor(cookieValue))) {
        await inTransaction(db, (tx) =>
          audit.record(tx, {
            actor: auditActor(actor),
            action: 'auth.csrf_refused',
            outcome: 'denied',
            reason: csrf.sent === undefined ? 'csrf_token_missing' : 'csrf_token_wrong',
            records: [{ type: 'session', id: row.public_id }],
          }),
        );
        throw new DomainError('forbidden', { detail: 'Missing or wrong x-csrf-token header' });
      }
      const unmet = unmetNeed(row, need, now);
      if (unmet) {
        await inTransaction(db, (tx) =>
          audit.record(tx, {
            actor: auditActor(actor),
            action: 'auth.session_refused',
            outcome: 'denied',
            reason: unmet.reason,
            records: [{ type: 'session', id: row.public_id }],
          }),
        );
        throw unmet.error;
      }
      const seen = lastSeenDue(row.last_seen_at, now);
      if (seen) await auth.touchSession(db, idHash, now);
      return {
        cookieValue,
        idHash,
        publicId: row.public_id,
        actor,
        epoch: row.session_epoch,
        created_at: row.created_at,
        last_seen_at: seen ? now : row.last_seen_at,
        mfaAt: row.mfa_at,
        purpose: row.purpose,
      };
    },

    /**
     * Why case files are consulted in this working session (issue 4 scope 7): every consult event
     * of the session carries it. Changing it is audited, so the log shows when the reason changed.
     */
    setJustification(session: CurrentSession, justification: string): Promise<void> {
      return inTransaction(db, async (tx) => {
        await auth.setJustification(tx, session.idHash, justification);
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.justification_set',
          outcome: 'success',
          records: [{ type: 'session', id: session.publicId }],
          justification,
        });
      });
    },

    logout(session: CurrentSession): Promise<void> {
      return inTransaction(db, async (tx) => {
        await auth.revokeSession(tx, session.idHash, clock.now());
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.logout',
          outcome: 'success',
          records: [{ type: 'session', id: session.publicId }],
        });
      });
    },

    /** "Log out everywhere": every open session of the user, this one included. */
    logoutEverywhere(session: CurrentSession): Promise<void> {
      return inTransaction(db, async (tx) => {
        const revoked = await auth.revokeAllUserSessions(tx, session.actor.userId, clock.now());
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.logout_everywhere',
          outcome: 'success',
          records: revoked.map((id) => ({ type: 'session', id })),
        });
      });
    },

    /** The user's running sessions, by public handle: never a cookie value or its hash. */
    async list(session: CurrentSession): Promise<SessionList> {
      const now = clock.now();
      const open = await auth.openSessions(db, session.actor.userId, session.epoch);
      return {
        sessions: open
          .filter((s) => sessionEnd(s, now, limits) === undefined)
          .map((s) => ({
            id: s.public_id,
            createdAt: s.created_at.toISOString(),
            lastSeenAt: s.last_seen_at.toISOString(),
            userAgent: s.user_agent_summary,
            current: s.id_hash.equals(session.idHash),
          })),
      };
    },

    /** Another user's session, or one already ended, is not found (ARCHITECTURE §3.7). */
    async revoke(session: CurrentSession, publicId: string): Promise<void> {
      const revoked = await inTransaction(db, async (tx) => {
        const id = await auth.revokeUserSession(tx, session.actor.userId, publicId, clock.now());
        if (id) {
          await audit.record(tx, {
            actor: auditActor(session.actor),
            action: 'auth.session_revoked',
            outcome: 'success',
            records: [{ type: 'session', id }],
          });
        }
        return id;
      });
      if (!revoked) throw new DomainError('not_found', { detail: 'No such session' });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
