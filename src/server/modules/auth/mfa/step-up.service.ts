/**
 * Step-up: the second factor again, for sensitive actions (issue 3 scope 4, ASVS 5.0 V7.5.3).
 * A TOTP code or a passkey assertion renews `sessions.mfa_at`, which `requireFreshMfa` checks.
 * The session gets a new id, as after any authentication (ASVS V7.2.4). Failures count against
 * the account's login counter (ASVS V6.3.1), so a stolen session cannot guess TOTP codes faster
 * than a login could; the same delays apply.
 */
import type { UserRole } from '../../../../contracts/identity.js';
import type { PasskeyAssertion, PasskeyRequestOptions, StepUp } from '../../../../contracts/mfa.js';
import { type Db, inTransaction, type Tx } from '../../../db/database.js';
import type { AuditLog } from '../../../kernel/audit/index.js';
import type { Clock } from '../../../kernel/clock.js';
import { DomainError } from '../../../kernel/errors.js';
import type { AuthRepository } from '../auth.repository.js';
import { verifyTotp } from '../credentials/totp.js';
import type { TotpSecretBox } from '../credentials/totp-secret-box.js';
import { auditActor, type CurrentSession } from '../current-session.js';
import { blockedUntil, windowStart } from '../login-throttle.js';
import { throttleKey } from '../session-tokens.js';
import type { MfaRepository } from './mfa.repository.js';
import { openChallenge } from './open-challenge.js';
import { passkeyRequired } from './passkey-rule.js';
import { badField, isRefusal, type Refusal, refusal, refuse } from './refusal.js';
import { rotateToFullSession } from './session-rotation.js';
import {
  challengeHash,
  challengeIsOpen,
  challengeOf,
  credentialIdOf,
  newChallenge,
  type RelyingParty,
  requestOptions,
  verifyAssertion,
} from './webauthn-ceremony.js';

export interface StepUpServiceDeps {
  db: Db;
  auth: AuthRepository;
  mfa: MfaRepository;
  audit: AuditLog;
  clock: Clock;
  totpSecrets: TotpSecretBox;
  relyingParty: RelyingParty;
  /** CONCERTO_REQUIRE_WEBAUTHN_ROLES. */
  passkeyRoles: readonly UserRole[];
}

const CLIENT_DATA = '/body/passkey/response/clientDataJSON';

export function createStepUpService(deps: StepUpServiceDeps) {
  const { db, auth, mfa, audit, clock, totpSecrets, relyingParty, passkeyRoles } = deps;

  const failed = (session: CurrentSession, reason: string, outcome: 'denied' | 'failure' = 'failure') =>
    ({
      actor: auditActor(session.actor),
      action: 'auth.step_up_failed',
      outcome,
      reason,
      records: [{ type: 'session', id: session.publicId }],
    }) as const;

  /** The TOTP code proves the factor once: its step is stored, so it cannot be replayed. */
  async function checkTotp(
    tx: Tx,
    session: CurrentSession,
    code: string,
    now: Date,
  ): Promise<Refusal | undefined> {
    const userId = session.actor.userId;
    const credentials = await auth.credentialsForUpdate(tx, userId);
    const result = credentials?.totp_secret
      ? verifyTotp({
          secret: await totpSecrets.open(tx, userId, credentials.totp_secret),
          code,
          lastUsedStep: credentials.totp_last_step,
          now,
        })
      : { ok: false as const };
    if (!result.ok)
      return refusal(
        'totp_rejected',
        badField('/body/totp', 'is not the current code of your authenticator'),
      );
    await auth.updateCredentials(tx, userId, { totp_last_step: result.step }, now);
    return undefined;
  }

  /** The assertion must answer this session's open step-up challenge with one of the user's passkeys. */
  async function checkPasskey(
    tx: Tx,
    session: CurrentSession,
    assertion: PasskeyAssertion,
    now: Date,
  ): Promise<Refusal | undefined> {
    const challenge = challengeOf(assertion.response.clientDataJSON);
    if (!challenge)
      return refusal('client_data_malformed', badField(CLIENT_DATA, 'is not WebAuthn client data'));
    const hash = challengeHash(challenge);
    const row = await mfa.sessionChallengeForUpdate(tx, hash, 'step_up', session.idHash);
    if (!row || !challengeIsOpen(row, now)) {
      return refusal(
        'challenge_unknown',
        badField(CLIENT_DATA, 'answers no open step-up challenge of this session; ask for new options'),
      );
    }
    const passkey = await mfa.passkeyForUpdate(tx, session.actor.userId, credentialIdOf(assertion));
    const verified = passkey && (await verifyAssertion(relyingParty, assertion, challenge, passkey));
    if (!passkey || !verified) {
      return refusal(
        'passkey_rejected',
        badField('/body/passkey', 'is not a valid assertion of one of your passkeys'),
      );
    }
    await mfa.spendChallenge(tx, hash, now);
    await mfa.recordPasskeyUse(tx, passkey.id, verified.counter, now);
    return undefined;
  }

  return {
    /** Options for navigator.credentials.get(), with a challenge bound to this session. */
    async passkeyOptions(session: CurrentSession): Promise<PasskeyRequestOptions> {
      const userId = session.actor.userId;
      const passkeys = await mfa.passkeysOf(db, userId);
      if (passkeys.length === 0) {
        return refuse(
          db,
          audit,
          failed(session, 'no_passkey'),
          new DomainError('conflict', { detail: 'You have no passkey' }),
        );
      }
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const options = await requestOptions(relyingParty, { challenge: newChallenge(), passkeys });
        await openChallenge(
          tx,
          { mfa, audit },
          {
            challenge: options.challenge,
            purpose: 'step_up',
            userId: userId,
            session: session,
            actor: auditActor(session.actor),
            now: now,
          },
        );
        return options;
      });
    },

    /** Proves the second factor again; returns the session under its new id. */
    async stepUp(session: CurrentSession, input: StepUp): Promise<CurrentSession> {
      if ((input.totp === undefined) === (input.passkey === undefined)) {
        throw new DomainError('validation_failed', {
          fields: [{ field: '/body', message: 'send exactly one of totp and passkey' }],
        });
      }
      if (input.totp !== undefined && passkeyRequired(session.actor.roles, passkeyRoles)) {
        return refuse(
          db,
          audit,
          failed(session, 'webauthn_required', 'denied'),
          new DomainError('webauthn_required', { detail: 'This account must confirm with its passkey' }),
        );
      }
      const account = await mfa.account(db, session.actor.userId);
      const counter = throttleKey(`account:${account!.email}`);
      const now = clock.now();
      const [state] = await auth.throttleStates(db, [{ scope: 'account', key: counter }]);
      if (state && blockedUntil(state, now)) {
        return refuse(
          db,
          audit,
          failed(session, 'throttled'),
          new DomainError('rate_limited', { detail: 'Too many failed attempts; try again later' }),
        );
      }
      const outcome = await inTransaction(db, async (tx): Promise<Refusal | CurrentSession> => {
        const at = clock.now();
        const rejected =
          input.totp !== undefined
            ? await checkTotp(tx, session, input.totp, at)
            : await checkPasskey(tx, session, input.passkey!, at);
        if (rejected) return rejected;
        const renewed = await rotateToFullSession(tx, auth, session, at);
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.step_up',
          outcome: 'success',
          records: [
            { type: 'factor', id: input.totp !== undefined ? 'totp' : 'passkey' },
            { type: 'session', id: session.publicId },
            { type: 'session', id: renewed.publicId },
          ],
        });
        return renewed;
      });
      if (!isRefusal(outcome)) return outcome;
      return refuse(db, audit, failed(session, outcome.refused), outcome.error, (tx) =>
        auth.recordFailure(tx, 'account', counter, clock.now(), windowStart(clock.now())),
      );
    },
  };
}

export type StepUpService = ReturnType<typeof createStepUpService>;
