/**
 * Password + second-factor login (issue 3 scope 3, ASVS 5.0 V6; SPEC SEC-01 strong MFA).
 *
 * - No enumeration (V6.3.8): unknown account, wrong password and deactivated account give the
 *   same 401 body, and each costs one argon2 verification (`dummyVerify` when there is no hash).
 * - "second factor required" is said only after the password was right, so it reveals nothing
 *   to someone who does not know the password.
 * - Throttling (V6.3.1) per typed account and per client address, before any password work.
 * - A new session id at every login (V7.2.4): the session the browser held before is revoked.
 * - MFA for every account (SEC-01): without an enrolled factor, the right password opens only an
 *   enrolment session (mfa/enrolment.service.ts); roles bound to passkeys follow mfa/passkey-rule.ts.
 * - A passkey login has two steps: the password first, exactly as above, and only then a
 *   single-use challenge bound to that user; the assertion answering it is the second factor.
 * The password is verified outside the transaction so that no row lock is held during argon2.
 */
import type { Login, SessionInfo, SessionPurpose } from '../../../contracts/auth.js';
import type { UserRole } from '../../../contracts/identity.js';
import type { PasskeyLogin, PasskeyLoginStart, PasskeyRequestOptions } from '../../../contracts/mfa.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditEvent, AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { normaliseEmail } from '../identity/user-rules.js';
import type { AuthRepository, CredentialsRow, LoginCandidate } from './auth.repository.js';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './credentials/password-hash.js';
import { matchRecoveryCode } from './credentials/recovery-codes.js';
import { verifyTotp } from './credentials/totp.js';
import type { TotpSecretBox } from './credentials/totp-secret-box.js';
import { auditActor, sessionInfo, toActor } from './current-session.js';
import { blockedUntil, type ThrottleScope, windowStart } from './login-throttle.js';
import type { MfaRepository } from './mfa/mfa.repository.js';
import { openChallenge } from './mfa/open-challenge.js';
import { passkeyRequired } from './mfa/passkey-rule.js';
import {
  challengeHash,
  challengeIsOpen,
  challengeOf,
  credentialIdOf,
  newChallenge,
  type RelyingParty,
  requestOptions,
  verifyAssertion,
} from './mfa/webauthn-ceremony.js';
import type { SessionLimits } from './session-lifetime.js';
import { newSessionSecret, sessionIdHash, throttleKey } from './session-tokens.js';

export interface LoginServiceDeps {
  db: Db;
  auth: AuthRepository;
  audit: AuditLog;
  clock: Clock;
  limits: SessionLimits;
  mfa: MfaRepository;
  totpSecrets: TotpSecretBox;
  relyingParty: RelyingParty;
  /** CONCERTO_REQUIRE_WEBAUTHN_ROLES. */
  passkeyRoles: readonly UserRole[];
}

/** Where the attempt comes from, as the HTTP layer sees it. */
export interface LoginContext {
  address: string;
  userAgentSummary: string;
  /** The session cookie the browser already held, if any: it is replaced. */
  previousCookie: string | undefined;
}

export interface LoginResult {
  cookieValue: string;
  info: SessionInfo;
}

/** One body for every password failure, whatever the reason (ASVS V6.3.8). */
const INVALID_CREDENTIALS = 'The e-mail address or the password is not correct';
/** The audit actor of an attempt on an account that does not exist: the typed e-mail is never logged. */
const NOBODY: UserActor = { userId: 'unknown', organisationId: 'unknown', role: 'anonymous' };

type SecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery_code'; code: string };
type Counter = { scope: ThrottleScope; key: Buffer };

const accountCounter = (email: string): Counter => ({
  scope: 'account',
  key: throttleKey(`account:${normaliseEmail(email)}`),
});
const addressCounter = (address: string): Counter => ({
  scope: 'address',
  key: throttleKey(`address:${address}`),
});

function secondFactorOf(input: Login): SecondFactor | undefined {
  if (input.totp !== undefined && input.recoveryCode !== undefined) {
    throw new DomainError('validation_failed', {
      fields: [{ field: '/body/recoveryCode', message: 'send either totp or recoveryCode, not both' }],
    });
  }
  if (input.totp !== undefined) return { kind: 'totp', code: input.totp };
  if (input.recoveryCode !== undefined) return { kind: 'recovery_code', code: input.recoveryCode };
  return undefined;
}

/** The credential change a correct second factor makes (single use), or undefined when it is wrong. */
async function checkSecondFactor(
  tx: Tx,
  totpSecrets: TotpSecretBox,
  factor: SecondFactor,
  credentials: CredentialsRow | undefined,
  now: Date,
) {
  if (!credentials) return undefined;
  if (factor.kind === 'totp') {
    if (!credentials.totp_secret) return undefined;
    const result = verifyTotp({
      secret: await totpSecrets.open(tx, credentials.user_id, credentials.totp_secret),
      code: factor.code,
      lastUsedStep: credentials.totp_last_step,
      now,
    });
    return result.ok ? { totp_last_step: result.step } : undefined;
  }
  const index = matchRecoveryCode(factor.code, credentials.recovery_code_hashes);
  if (index === -1) return undefined;
  return { recovery_code_hashes: credentials.recovery_code_hashes.filter((_, i) => i !== index) };
}

export function createLoginService(deps: LoginServiceDeps) {
  const { db, auth, audit, clock, limits, mfa, totpSecrets, relyingParty, passkeyRoles } = deps;
  const loginFailed = (who: UserActor, reason: string) =>
    ({ actor: who, action: 'auth.login_failed', outcome: 'failure', reason }) as const;

  /** Commits the failure's audit event (and its counters), then throws: nothing else changes. */
  async function fail(event: AuditEvent, error: DomainError, counted: Counter[] = []): Promise<never> {
    const now = clock.now();
    await inTransaction(db, async (tx) => {
      for (const { scope, key } of counted) await auth.recordFailure(tx, scope, key, now, windowStart(now));
      await audit.record(tx, event);
    });
    throw error;
  }

  /** Refuses, before any password or signature work, while a counter imposes a delay (V6.3.1). */
  async function refuseWhileThrottled(counters: Counter[], who: UserActor): Promise<void> {
    const now = clock.now();
    const states = await auth.throttleStates(db, counters);
    const until = Math.max(...states.map((state) => blockedUntil(state, now)?.getTime() ?? 0));
    if (until > now.getTime()) {
      // Unknown accounts are counted like real ones, so the wait says nothing about which exist.
      await fail(
        loginFailed(who, 'throttled'),
        new DomainError('rate_limited', {
          detail: 'Too many failed logins; try again later',
          retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000),
        }),
      );
    }
  }

  /**
   * Opens the session a login earned and records it: `full` after a second factor, or
   * `mfa_enrolment` when there is none to check yet. The account's failure counter restarts.
   */
  async function openSession(
    tx: Tx,
    opening: {
      user: Pick<LoginCandidate, 'user_id' | 'organisation_id' | 'roles' | 'session_epoch'>;
      purpose: SessionPurpose;
      factor: SecondFactor['kind'] | 'passkey' | 'password';
      account: Counter;
      context: LoginContext;
      now: Date;
    },
  ): Promise<LoginResult> {
    const { user, purpose, context, now } = opening;
    await auth.resetThrottle(tx, 'account', opening.account.key);
    const previous = context.previousCookie && sessionIdHash(context.previousCookie);
    if (previous) await auth.revokeSession(tx, previous, now);
    const secret = newSessionSecret();
    const mfaAt = purpose === 'full' ? now : null;
    const { public_id } = await auth.insertSession(tx, {
      id_hash: secret.idHash,
      user_id: user.user_id,
      session_epoch: user.session_epoch,
      created_at: now,
      last_seen_at: now,
      mfa_at: mfaAt,
      purpose,
      user_agent_summary: context.userAgentSummary,
    });
    const actor = toActor(user);
    await audit.record(tx, {
      actor: auditActor(actor),
      action: purpose === 'full' ? 'auth.login_succeeded' : 'auth.enrolment_session_opened',
      outcome: 'success',
      records: [
        { type: 'session', id: public_id },
        { type: 'factor', id: opening.factor },
      ],
    });
    const current = {
      cookieValue: secret.cookieValue,
      idHash: secret.idHash,
      publicId: public_id,
      actor,
      epoch: user.session_epoch,
      created_at: now,
      last_seen_at: now,
      mfaAt,
      purpose,
    };
    return { cookieValue: secret.cookieValue, info: sessionInfo(current, limits) };
  }

  /**
   * The first step of every login: throttling, then one argon2 verification whatever the account,
   * and one refusal for an unknown account, a wrong password and a deactivated account alike.
   */
  async function passwordStep(email: string, password: string, context: LoginContext) {
    const counters = [accountCounter(email), addressCounter(context.address)];
    const candidate = await auth.loginCandidate(db, normaliseEmail(email));
    const who = candidate ? auditActor(toActor(candidate)) : NOBODY;
    await refuseWhileThrottled(counters, who);
    const passwordOk = candidate?.password_hash
      ? await verifyPassword(candidate.password_hash, password)
      : await dummyVerify();
    if (!candidate || !passwordOk || !candidate.active) {
      const reason = !candidate ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive_account';
      return fail(
        loginFailed(who, reason),
        new DomainError('unauthenticated', { detail: INVALID_CREDENTIALS }),
        counters,
      );
    }
    return { user: candidate, who, counters: counters as [Counter, Counter] };
  }

  return {
    async login(input: Login, context: LoginContext): Promise<LoginResult> {
      const factor = secondFactorOf(input);
      const { user, who, counters } = await passwordStep(input.email, input.password, context);
      if (!factor) {
        if (user.mfa_enrolled_at === null) {
          // First login (SEC-01): the password alone opens only the way to enrol a second factor.
          return inTransaction(db, (tx) =>
            openSession(tx, {
              user,
              purpose: 'mfa_enrolment',
              factor: 'password',
              account: counters[0],
              context,
              now: clock.now(),
            }),
          );
        }
        return fail(
          loginFailed(who, 'second_factor_missing'),
          new DomainError('unauthenticated', { detail: 'second factor required' }),
        );
      }

      const outcome = await inTransaction(db, async (tx) => {
        const at = clock.now();
        const bound = passkeyRequired(user.roles, passkeyRoles);
        // Refused before the factor is checked, so that no TOTP step or recovery code is used up.
        if (bound && (await mfa.passkeysOf(tx, user.user_id)).length > 0) return 'webauthn_required' as const;
        const credentials = await auth.credentialsForUpdate(tx, user.user_id);
        const change = await checkSecondFactor(tx, totpSecrets, factor, credentials, at);
        if (!change) return undefined;
        // Rare (only after the argon2 parameters changed), so holding the row lock during it is acceptable.
        const rehash = needsRehash(credentials!.password_hash)
          ? await hashPassword(input.password)
          : undefined;
        await auth.updateCredentials(
          tx,
          user.user_id,
          rehash ? { ...change, password_hash: rehash } : change,
          at,
        );
        // A role bound to passkeys without one yet: the factor leads to passkey enrolment only.
        return openSession(tx, {
          user,
          purpose: bound ? 'mfa_enrolment' : 'full',
          factor: factor.kind,
          account: counters[0],
          context,
          now: at,
        });
      });
      if (outcome === 'webauthn_required') {
        return fail(
          { actor: who, action: 'auth.login_failed', outcome: 'denied', reason: 'webauthn_required' },
          new DomainError('webauthn_required', {
            detail: 'This account must log in with its passkey (POST /api/auth/login/passkey/options)',
          }),
        );
      }
      if (!outcome) {
        // TOTP replayed or wrong, recovery code unknown or already used: counted like a wrong password.
        return fail(
          { actor: who, action: 'auth.mfa_failed', outcome: 'failure', reason: `${factor.kind}_rejected` },
          new DomainError('unauthenticated', { detail: 'The second factor is not correct' }),
          counters,
        );
      }
      return outcome;
    },

    /**
     * Passkey login, step one: the password, checked exactly as by `login`, then a challenge
     * bound to that user for the assertion. Only a caller who knows the password learns whether
     * the account has a passkey.
     */
    async startPasskeyLogin(input: PasskeyLoginStart, context: LoginContext): Promise<PasskeyRequestOptions> {
      const { user, who } = await passwordStep(input.email, input.password, context);
      const passkeys = await mfa.passkeysOf(db, user.user_id);
      if (passkeys.length === 0) {
        return fail(
          loginFailed(who, 'no_passkey'),
          new DomainError('unauthenticated', { detail: 'This account has no passkey' }),
        );
      }
      return inTransaction(db, async (tx) => {
        const at = clock.now();
        const options = await requestOptions(relyingParty, { challenge: newChallenge(), passkeys });
        await openChallenge(
          tx,
          { mfa, audit },
          {
            challenge: options.challenge,
            purpose: 'login',
            userId: user.user_id,
            session: null,
            actor: who,
            now: at,
          },
        );
        return options;
      });
    },

    /**
     * Passkey login, step two: the assertion must answer an open login challenge (so the password
     * was right moments ago), with a passkey of that user, for our origin. The challenge is then
     * used up: the same assertion sent again is refused.
     */
    async loginWithPasskey(input: PasskeyLogin, context: LoginContext): Promise<LoginResult> {
      const { assertion } = input;
      const challenge = challengeOf(assertion.response.clientDataJSON);
      if (!challenge) {
        throw new DomainError('validation_failed', {
          fields: [
            { field: '/body/assertion/response/clientDataJSON', message: 'is not WebAuthn client data' },
          ],
        });
      }
      const address = addressCounter(context.address);
      await refuseWhileThrottled([address], NOBODY);
      const outcome = await inTransaction(db, async (tx) => {
        const at = clock.now();
        const found = await mfa.loginChallengeForUpdate(tx, challengeHash(challenge));
        if (!found) return { refused: 'challenge_unknown', who: NOBODY, counted: [address] };
        const who = auditActor(toActor(found));
        const counted = [accountCounter(found.email), address];
        if (!challengeIsOpen(found, at)) return { refused: 'challenge_closed', who, counted };
        if (!found.active) return { refused: 'inactive_account', who, counted };
        const passkey = await mfa.passkeyForUpdate(tx, found.user_id, credentialIdOf(assertion));
        const verified = passkey && (await verifyAssertion(relyingParty, assertion, challenge, passkey));
        if (!passkey || !verified) return { refused: 'passkey_rejected', who, counted };
        await mfa.spendChallenge(tx, found.challenge_hash, at);
        await mfa.recordPasskeyUse(tx, passkey.id, verified.counter, at);
        return openSession(tx, {
          user: found,
          purpose: 'full',
          factor: 'passkey',
          account: counted[0]!,
          context,
          now: at,
        });
      });
      if ('refused' in outcome) {
        return fail(
          { actor: outcome.who, action: 'auth.mfa_failed', outcome: 'failure', reason: outcome.refused },
          new DomainError('unauthenticated', {
            detail: 'The passkey login failed or has expired; start again',
          }),
          outcome.counted,
        );
      }
      return outcome;
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
