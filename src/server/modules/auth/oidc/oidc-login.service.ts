/**
 * Single sign-on through an OpenID Connect provider (issue 3 scope 3; ADR 0011; SPEC SEC-01).
 *
 * `start` keeps the flow (state, nonce, PKCE verifier) in the database under the SHA-256 of a
 * random value that only the browser's flow cookie holds, and sends the browser to the provider.
 *
 * `finish` handles the callback in three steps, because the code exchange is a network call
 * that must not hold a transaction open:
 *  1. the flow is consumed (single use) in one transaction; a missing, used or expired flow, or
 *     a state that is not the flow's, is refused there with its audit event;
 *  2. the code is exchanged with the PKCE verifier and the ID token validated (openid-client);
 *  3. one transaction decides and acts: the user is found through the binding (issuer, sub),
 *     or at the first login through the configured claim; an unknown, inactive or differently
 *     bound account, or a login without MFA at the provider, commits only its audit event.
 *     Otherwise the binding is stored, the browser's previous session revoked, a new one opened
 *     (ASVS 5.0 V7.2.4) and `auth.login_succeeded` recorded with factor `oidc`.
 * A refused callback changes nothing but its audit event and the (single-use) flow.
 * No token of the provider is kept: Concerto's own session replaces them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { SsoOptions } from '../../../../contracts/oidc.js';
import type { OidcConfig } from '../../../config.js';
import { type Db, inTransaction, type Tx } from '../../../db/database.js';
import type { AuditEvent, AuditLog, UserActor } from '../../../kernel/audit/index.js';
import type { Clock } from '../../../kernel/clock.js';
import { DomainError, type ErrorCode } from '../../../kernel/errors.js';
import type { AuthRepository } from '../auth.repository.js';
import { auditActor, toActor } from '../current-session.js';
import type { SessionLimits } from '../session-lifetime.js';
import { newSessionSecret, sessionIdHash } from '../session-tokens.js';
import type { OidcRepository, SsoCandidate } from './oidc.repository.js';
import {
  type AuthorizationRequest,
  createOidcClient,
  type OidcFailure,
  OidcProtocolError,
  type ProviderIdentity,
} from './oidc-client.js';
import { FLOW_MINUTES, matchValue, mfaInstant, providerAssertsMfa } from './oidc-rules.js';

export interface OidcLoginServiceDeps {
  db: Db;
  auth: AuthRepository;
  oidc: OidcRepository;
  audit: AuditLog;
  clock: Clock;
  limits: SessionLimits;
  /** Undefined when SSO is off: every use case then answers 404. */
  settings: OidcConfig | undefined;
}

export interface SsoStart {
  /** The provider's authorization endpoint, with the request's parameters. */
  location: string;
  /** What the flow cookie holds; never stored. */
  flowCookie: string;
}

export interface SsoCallbackContext {
  /** The raw query string of the callback, as the provider sent it. */
  query: string;
  state: string | undefined;
  flowCookie: string | undefined;
  userAgentSummary: string;
  /** The session cookie the browser already held, if any: it is replaced. */
  previousCookie: string | undefined;
}

export interface SsoLoginResult {
  /** What the session cookie holds; never stored. */
  cookieValue: string;
}

/** The audit actor of an attempt that names no Concerto user: the identity is never logged. */
const NOBODY: UserActor = { userId: 'unknown', organisationId: 'unknown', role: 'anonymous' };

type Refusal =
  | 'flow_missing'
  | 'flow_used'
  | 'flow_expired'
  | 'state_mismatch'
  | OidcFailure
  | 'match_claim_missing'
  | 'email_not_verified'
  | 'unknown_account'
  | 'inactive_account'
  | 'bound_to_other_identity'
  | 'mfa_not_asserted';

const START_AGAIN = 'Start the sign-in with the identity provider again.';
const NO_ACCOUNT = 'No active Concerto account matches this identity.';

/** One problem per refusal; none of them says more than the person at the provider already knows. */
const REFUSALS: Record<Refusal, { code: ErrorCode; detail: string; rule?: string }> = {
  flow_missing: { code: 'bad_request', detail: `No sign-in is running in this browser. ${START_AGAIN}` },
  flow_used: { code: 'bad_request', detail: `This sign-in was already used. ${START_AGAIN}` },
  flow_expired: { code: 'bad_request', detail: `This sign-in took too long. ${START_AGAIN}` },
  state_mismatch: {
    code: 'bad_request',
    detail: `The answer does not belong to this sign-in. ${START_AGAIN}`,
  },
  provider_unreachable: { code: 'not_ready', detail: 'The identity provider cannot be reached.' },
  provider_error: { code: 'unauthenticated', detail: 'The identity provider did not sign you in.' },
  code_rejected: {
    code: 'unauthenticated',
    detail: `The identity provider refused the sign-in code. ${START_AGAIN}`,
  },
  response_invalid: {
    code: 'unauthenticated',
    detail: "The identity provider's answer could not be verified.",
  },
  match_claim_missing: { code: 'unauthenticated', detail: 'The identity provider did not say who you are.' },
  email_not_verified: {
    code: 'unauthenticated',
    detail: 'The identity provider has not verified your e-mail address.',
  },
  unknown_account: { code: 'unauthenticated', detail: NO_ACCOUNT },
  inactive_account: { code: 'unauthenticated', detail: NO_ACCOUNT },
  bound_to_other_identity: { code: 'unauthenticated', detail: NO_ACCOUNT },
  mfa_not_asserted: {
    code: 'unauthenticated',
    detail: 'The identity provider must authenticate you with a second factor (multi-factor authentication).',
    rule: 'bill art. 3 §2 al. 1 (SPEC SEC-01)',
  },
};

function refusal(reason: Refusal): DomainError {
  const { code, ...details } = REFUSALS[reason];
  return new DomainError(code, details);
}

type Resolution =
  | { user: SsoCandidate; bound: boolean; refused?: undefined }
  | { user?: SsoCandidate; refused: Refusal };

const ssoOff = () => new DomainError('not_found', { detail: 'Single sign-on is not configured' });

function sameState(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createOidcLoginService(deps: OidcLoginServiceDeps) {
  const { db, auth, oidc, audit, clock, limits, settings } = deps;
  // ASVS 5.0 V7.6.1: the provider's authentication may not be older than one Concerto session.
  const client = settings && createOidcClient(settings, { maxAgeSeconds: limits.absoluteHours * 3600 });

  const failed = (actor: UserActor, reason: Refusal): AuditEvent => ({
    actor,
    action: 'auth.login_failed',
    outcome: 'failure',
    reason,
    records: [{ type: 'factor', id: 'oidc' }],
  });

  /** Commits the failure's audit event alone, then throws. */
  async function fail(reason: Refusal): Promise<never> {
    await inTransaction(db, (tx) => audit.record(tx, failed(NOBODY, reason)));
    throw refusal(reason);
  }

  /** Step 1: the flow, consumed whatever comes next, and checked. */
  async function consumeFlow(context: SsoCallbackContext) {
    // The flow cookie has the shape of a session secret: 256 random bits, only their SHA-256 stored.
    const idHash = context.flowCookie === undefined ? undefined : sessionIdHash(context.flowCookie);
    if (!idHash) return fail('flow_missing');
    const outcome = await inTransaction(db, async (tx) => {
      const now = clock.now();
      const flow = await oidc.consumeFlow(tx, idHash, now);
      const problem: Refusal | undefined = !flow
        ? 'flow_missing'
        : flow.consumed_at
          ? 'flow_used'
          : flow.expires_at <= now
            ? 'flow_expired'
            : !sameState(context.state, flow.state)
              ? 'state_mismatch'
              : undefined;
      if (problem) await audit.record(tx, failed(NOBODY, problem));
      return { flow, problem };
    });
    if (outcome.problem) throw refusal(outcome.problem);
    return outcome.flow!;
  }

  /** Who this identity is in Concerto, or why nobody is. */
  async function resolveUser(tx: Tx, identity: ProviderIdentity): Promise<Resolution> {
    const { issuer, subject, claims } = identity;
    const bound = await oidc.userByIdentity(tx, issuer, subject);
    if (bound) return { user: bound, bound: true };
    const match = matchValue(claims, settings!.matchClaim);
    if (!match.ok) return { refused: match.reason };
    const user = await oidc.userByEmail(tx, match.email);
    if (!user) return { refused: 'unknown_account' };
    // A user bound to another identity of this provider is not taken over by a new one that
    // happens to carry the same address (e.g. an address reassigned at the provider).
    if ((await oidc.boundSubject(tx, issuer, user.user_id)) !== undefined) {
      return { refused: 'bound_to_other_identity', user };
    }
    return { user, bound: false };
  }

  return {
    options(): SsoOptions {
      if (!settings) throw ssoOff();
      return settings.label === undefined ? {} : { label: settings.label };
    },

    async start(): Promise<SsoStart> {
      if (!settings || !client) throw ssoOff();
      let request: AuthorizationRequest;
      try {
        request = await client.authorizationRequest();
      } catch (error) {
        if (error instanceof OidcProtocolError) throw refusal(error.reason);
        throw error;
      }
      const secret = newSessionSecret();
      await inTransaction(db, async (tx) => {
        const now = clock.now();
        await oidc.deleteExpiredFlows(tx, now);
        await oidc.insertFlow(tx, {
          id_hash: secret.idHash,
          state: request.state,
          nonce: request.nonce,
          code_verifier: request.codeVerifier,
          created_at: now,
          expires_at: new Date(now.getTime() + FLOW_MINUTES * 60_000),
        });
      });
      return { location: request.url.href, flowCookie: secret.cookieValue };
    },

    async finish(context: SsoCallbackContext): Promise<SsoLoginResult> {
      if (!settings || !client) throw ssoOff();
      const flow = await consumeFlow(context);

      let identity: ProviderIdentity;
      try {
        identity = await client.exchange(context.query, {
          state: flow.state,
          nonce: flow.nonce,
          codeVerifier: flow.code_verifier,
        });
      } catch (error) {
        if (error instanceof OidcProtocolError) return fail(error.reason);
        throw error;
      }

      const outcome = await inTransaction(db, async (tx) => {
        const now = clock.now();
        const refuse = async (user: SsoCandidate | undefined, reason: Refusal) => {
          await audit.record(tx, failed(user ? auditActor(toActor(user)) : NOBODY, reason));
          return { refused: reason };
        };
        const found = await resolveUser(tx, identity);
        if (found.refused) return refuse(found.user, found.refused);
        const { user } = found;
        if (!user.active) return refuse(user, 'inactive_account');
        // SPEC SEC-01: every account needs MFA; for SSO, the provider must have done it.
        if (!providerAssertsMfa(identity.claims, settings.mfaAcr)) return refuse(user, 'mfa_not_asserted');
        const who = auditActor(toActor(user));
        if (!found.bound) {
          // A concurrent first login bound this identity or this user first: the next try follows that binding.
          if (!(await oidc.bind(tx, identity.issuer, identity.subject, user.user_id, now))) {
            return refuse(user, 'bound_to_other_identity');
          }
          await audit.record(tx, {
            actor: who,
            action: 'auth.sso_identity_bound',
            outcome: 'success',
            records: [{ type: 'user', id: user.user_id }],
          });
        }
        const previous = context.previousCookie && sessionIdHash(context.previousCookie);
        if (previous) await auth.revokeSession(tx, previous, now);
        const secret = newSessionSecret();
        const { public_id } = await auth.insertSession(tx, {
          id_hash: secret.idHash,
          user_id: user.user_id,
          session_epoch: user.session_epoch,
          created_at: now,
          last_seen_at: now,
          mfa_at: mfaInstant(identity.claims, now),
          // A full session: the provider asserted the second factor (not an enrolment session).
          purpose: 'full',
          user_agent_summary: context.userAgentSummary,
        });
        await audit.record(tx, {
          actor: who,
          action: 'auth.login_succeeded',
          outcome: 'success',
          records: [
            { type: 'session', id: public_id },
            { type: 'factor', id: 'oidc' },
          ],
        });
        return { cookieValue: secret.cookieValue };
      });
      if ('refused' in outcome) throw refusal(outcome.refused);
      return outcome;
    },
  };
}

export type OidcLoginService = ReturnType<typeof createOidcLoginService>;
