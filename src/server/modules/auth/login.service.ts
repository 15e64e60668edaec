/**
 * Password + second-factor login (issue 3 scope 3, ASVS 5.0 V6; SPEC SEC-01 strong MFA).
 *
 * - No enumeration (V6.3.8): unknown account, wrong password and deactivated account give the
 *   same 401 body, and each costs one argon2 verification (`dummyVerify` when there is no hash).
 * - "second factor required" is said only after the password was right, so it reveals nothing
 *   to someone who does not know the password.
 * - Throttling (V6.3.1) per typed account and per client address, before any password work.
 * - A new session id at every login (V7.2.4): the session the browser held before is revoked.
 * The password is verified outside the transaction so that no row lock is held during argon2.
 */
import type { Login, SessionInfo } from '../../../contracts/auth.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditEvent, AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { normaliseEmail } from '../identity/user-rules.js';
import type { AuthRepository, CredentialsRow, LoginCandidate } from './auth.repository.js';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './credentials/password-hash.js';
import { matchRecoveryCode } from './credentials/recovery-codes.js';
import { verifyTotp } from './credentials/totp.js';
import { auditActor, sessionInfo, toActor } from './current-session.js';
import { blockedUntil, type ThrottleScope, windowStart } from './login-throttle.js';
import type { SessionLimits } from './session-lifetime.js';
import { newSessionSecret, sessionIdHash, throttleKey } from './session-tokens.js';

export interface LoginServiceDeps {
  db: Db;
  auth: AuthRepository;
  audit: AuditLog;
  clock: Clock;
  limits: SessionLimits;
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
function checkSecondFactor(factor: SecondFactor, credentials: CredentialsRow | undefined, now: Date) {
  if (!credentials) return undefined;
  if (factor.kind === 'totp') {
    if (!credentials.totp_secret) return undefined;
    const result = verifyTotp({
      secret: credentials.totp_secret,
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

export function createLoginService({ db, auth, audit, clock, limits }: LoginServiceDeps) {
  /** Commits the failure's audit event (and its counters), then throws: nothing else changes. */
  async function fail(
    event: AuditEvent,
    error: DomainError,
    counted: { scope: ThrottleScope; key: Buffer }[] = [],
  ): Promise<never> {
    const now = clock.now();
    await inTransaction(db, async (tx) => {
      for (const { scope, key } of counted) await auth.recordFailure(tx, scope, key, now, windowStart(now));
      await audit.record(tx, event);
    });
    throw error;
  }

  async function openSession(
    tx: Tx,
    candidate: LoginCandidate,
    context: LoginContext,
    now: Date,
  ): Promise<{ cookieValue: string; publicId: string }> {
    const previous = context.previousCookie && sessionIdHash(context.previousCookie);
    if (previous) await auth.revokeSession(tx, previous, now);
    const secret = newSessionSecret();
    const { public_id } = await auth.insertSession(tx, {
      id_hash: secret.idHash,
      user_id: candidate.user_id,
      session_epoch: candidate.session_epoch,
      created_at: now,
      last_seen_at: now,
      mfa_at: now,
      user_agent_summary: context.userAgentSummary,
    });
    return { cookieValue: secret.cookieValue, publicId: public_id };
  }

  return {
    async login(input: Login, context: LoginContext): Promise<LoginResult> {
      const factor = secondFactorOf(input);
      const counters = [
        { scope: 'account' as const, key: throttleKey(`account:${normaliseEmail(input.email)}`) },
        { scope: 'address' as const, key: throttleKey(`address:${context.address}`) },
      ];
      const candidate = await auth.loginCandidate(db, normaliseEmail(input.email));
      const who = candidate ? auditActor(toActor(candidate)) : NOBODY;
      const failed = (reason: string) =>
        ({ actor: who, action: 'auth.login_failed', outcome: 'failure', reason }) as const;

      const now = clock.now();
      const states = await auth.throttleStates(db, counters);
      if (states.some((state) => blockedUntil(state, now))) {
        return fail(
          failed('throttled'),
          new DomainError('rate_limited', { detail: 'Too many failed logins; try again later' }),
        );
      }

      const passwordOk = candidate?.password_hash
        ? await verifyPassword(candidate.password_hash, input.password)
        : await dummyVerify();
      if (!candidate || !passwordOk || !candidate.active) {
        const reason = !candidate ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive_account';
        return fail(
          failed(reason),
          new DomainError('unauthenticated', { detail: INVALID_CREDENTIALS }),
          counters,
        );
      }
      const user = candidate;
      if (!factor) {
        return fail(
          failed('second_factor_missing'),
          new DomainError('unauthenticated', { detail: 'second factor required' }),
        );
      }

      const outcome = await inTransaction(db, async (tx) => {
        const at = clock.now();
        const credentials = await auth.credentialsForUpdate(tx, user.user_id);
        const change = checkSecondFactor(factor, credentials, at);
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
        await auth.resetThrottle(tx, 'account', counters[0]!.key);
        const session = await openSession(tx, user, context, at);
        await audit.record(tx, {
          actor: who,
          action: 'auth.login_succeeded',
          outcome: 'success',
          records: [
            { type: 'session', id: session.publicId },
            { type: 'factor', id: factor.kind },
          ],
        });
        return { ...session, at };
      });
      if (!outcome) {
        // TOTP replayed or wrong, recovery code unknown or already used: counted like a wrong password.
        return fail(
          { actor: who, action: 'auth.mfa_failed', outcome: 'failure', reason: `${factor.kind}_rejected` },
          new DomainError('unauthenticated', { detail: 'The second factor is not correct' }),
          counters,
        );
      }
      const { cookieValue, publicId, at } = outcome;
      const info = sessionInfo(
        {
          cookieValue,
          idHash: sessionIdHash(cookieValue)!,
          publicId,
          actor: toActor(user),
          epoch: user.session_epoch,
          created_at: at,
          last_seen_at: at,
          mfaAt: at,
        },
        limits,
      );
      return { cookieValue, info };
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
