/**
 * Resolves the session cookie into `request.actor` for the routes that declare one of the
 * guards below, e.g. `onRequest: guard.requireSession` (ASVS 5.0 V7.2.1: every decision is made
 * on the server).
 * It also enforces the CSRF synchroniser token on every state-changing request with a
 * session (ASVS V3.5.1), before the body is even parsed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../kernel/errors.js';
import type { Actor } from '../identity/platform-access.js';
import type { CurrentSession } from './current-session.js';
import type { SessionNeed, SessionService } from './session.service.js';

/** `__Host-`: Secure, Path=/ and no Domain, so no sibling host can set or read it (V3.3.1). */
export const SESSION_COOKIE = '__Host-concerto_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    currentSession: CurrentSession | null;
  }
}

/** Called once on the root instance, so that every module's routes see the same request shape. */
export function decorateSessionRequest(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('currentSession', null);
}

export function setSessionCookie(reply: FastifyReply, cookieValue: string): void {
  // No Max-Age: the browser drops it when closed; the server enforces idle and absolute ends.
  reply.setCookie(SESSION_COOKIE, cookieValue, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
}

/** The session of a route that declared it needs one. */
export function sessionOf(request: FastifyRequest): CurrentSession {
  if (!request.currentSession)
    throw new DomainError('internal', { detail: 'Route without the session guard' });
  return request.currentSession;
}

/** The signed-in actor of a route behind the session guard. */
export function actorOf(request: FastifyRequest): Actor {
  return sessionOf(request).actor;
}

export function createSessionGuard(sessions: SessionService) {
  const guard =
    (need: SessionNeed) =>
    async (request: FastifyRequest): Promise<void> => {
      const header = request.headers[CSRF_HEADER];
      const session = await sessions.authenticate(
        request.cookies[SESSION_COOKIE],
        {
          required: !SAFE_METHODS.has(request.method),
          sent: typeof header === 'string' ? header : undefined,
        },
        need,
      );
      request.currentSession = session;
      request.actor = session.actor;
    };
  return {
    /** Every ordinary route: a full session. An enrolment session gets 403 `mfa_enrolment_required`. */
    requireSession: guard('full'),
    /**
     * Sensitive actions (exports, own-file transfers, key operations, role changes, adding a
     * passkey): a full session whose second factor was proven within FRESH_MFA_MINUTES, else
     * 403 `mfa_required` and the UI asks for POST /api/auth/step-up (ASVS 5.0 V7.5.3).
     */
    requireFreshMfa: guard('fresh_mfa'),
    /** The MFA enrolment routes: an enrolment session only (SPEC SEC-01). */
    requireEnrolmentSession: guard('enrolment'),
    /** Reading the session and logging out: a full or an enrolment session. */
    requireAnySession: guard('any'),
  };
}

export type SessionGuard = ReturnType<typeof createSessionGuard>;
