/**
 * Second-factor enrolment (SPEC SEC-01: strong MFA for every account; issue 3 scope 3).
 *
 * A user without a second factor who logs in with the right password holds an enrolment
 * session (login.service.ts). From it they enrol TOTP (the secret shown once as text, URI and QR
 * code, then confirmed with a code) or a passkey. Confirming stores the factor, issues the ten
 * recovery codes (shown once, stored hashed), marks the account enrolled and turns the session
 * into a full one under a new id (ASVS 5.0 V7.2.4). A full session adds further passkeys, with a
 * fresh second factor (the route's `requireFreshMfa`). Each call is one transaction with its
 * audit event; a refusal commits only its audit event.
 */
import type { UserRole } from '../../../../contracts/identity.js';
import type {
  Passkey,
  PasskeyAttestation,
  PasskeyCreationOptions,
  TotpConfirmation,
  TotpEnrolment,
} from '../../../../contracts/mfa.js';
import { type Db, inTransaction, type Tx } from '../../../db/database.js';
import type { AuditLog } from '../../../kernel/audit/index.js';
import type { Clock } from '../../../kernel/clock.js';
import { DomainError } from '../../../kernel/errors.js';
import type { AuthRepository } from '../auth.repository.js';
import { generateRecoveryCodes } from '../credentials/recovery-codes.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../credentials/totp.js';
import type { TotpSecretBox } from '../credentials/totp-secret-box.js';
import { auditActor, type CurrentSession } from '../current-session.js';
import type { MfaRepository } from './mfa.repository.js';
import { openChallenge } from './open-challenge.js';
import { passkeyRequired } from './passkey-rule.js';
import { qrCodeSvg } from './qr-code.js';
import { badField, isRefusal, type Refusal, refusal, refuse } from './refusal.js';
import { rotateToFullSession } from './session-rotation.js';
import {
  challengeHash,
  challengeIsOpen,
  challengeOf,
  creationOptions,
  newChallenge,
  type RelyingParty,
  verifyAttestation,
} from './webauthn-ceremony.js';

export interface EnrolmentServiceDeps {
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

/** The full session that replaced the enrolment session, and the recovery codes to show once. */
export interface Enrolled {
  session: CurrentSession;
  recoveryCodes: string[];
}

const CLIENT_DATA = '/body/credential/response/clientDataJSON';
const alreadyEnrolled = () =>
  refusal(
    'already_enrolled',
    new DomainError('conflict', { detail: 'Two-factor authentication is already set up' }),
  );

export function createEnrolmentService(deps: EnrolmentServiceDeps) {
  const { db, auth, mfa, audit, clock, totpSecrets, relyingParty, passkeyRoles } = deps;
  const boundToPasskeys = (session: CurrentSession) => passkeyRequired(session.actor.roles, passkeyRoles);

  function refuseEnrolment(session: CurrentSession, outcome: Refusal): Promise<never> {
    return refuse(
      db,
      audit,
      {
        actor: auditActor(session.actor),
        action: 'auth.mfa_enrolment_failed',
        outcome: outcome.error.code === 'webauthn_required' ? 'denied' : 'failure',
        reason: outcome.refused,
        records: [{ type: 'session', id: session.publicId }],
      },
      outcome.error,
    );
  }

  function refuseTotpForPasskeyRoles(session: CurrentSession): Promise<void> {
    if (!boundToPasskeys(session)) return Promise.resolve();
    return refuseEnrolment(
      session,
      refusal(
        'webauthn_required',
        new DomainError('webauthn_required', {
          detail: 'This account must use a passkey: register one instead',
        }),
      ),
    );
  }

  /**
   * Verifies a new passkey against the session's open registration challenge and stores it.
   * Nothing is written unless every check passed; the challenge is then used up.
   */
  async function storePasskey(
    tx: Tx,
    session: CurrentSession,
    credential: PasskeyAttestation,
    now: Date,
  ): Promise<Refusal | { id: string; created_at: Date }> {
    const challenge = challengeOf(credential.response.clientDataJSON);
    if (!challenge)
      return refusal('client_data_malformed', badField(CLIENT_DATA, 'is not WebAuthn client data'));
    const hash = challengeHash(challenge);
    const row = await mfa.sessionChallengeForUpdate(tx, hash, 'registration', session.idHash);
    if (!row || !challengeIsOpen(row, now)) {
      return refusal(
        'challenge_unknown',
        badField(CLIENT_DATA, 'answers no open registration challenge of this session; ask for new options'),
      );
    }
    const verified = await verifyAttestation(relyingParty, credential, challenge);
    if (!verified) {
      return refusal(
        'attestation_rejected',
        badField('/body/credential', 'was not created for this site and challenge by an authenticator'),
      );
    }
    const stored = await mfa.insertPasskey(tx, {
      user_id: session.actor.userId,
      credential_id: verified.credentialId,
      public_key: verified.publicKey,
      counter: verified.counter,
      transports: verified.transports,
      created_at: now,
    });
    if (!stored)
      return refusal(
        'passkey_exists',
        new DomainError('conflict', { detail: 'This passkey is already registered' }),
      );
    await mfa.spendChallenge(tx, hash, now);
    return stored;
  }

  return {
    /** A new TOTP secret for the authenticator app, kept encrypted until a code confirms it. */
    async startTotp(session: CurrentSession): Promise<TotpEnrolment> {
      await refuseTotpForPasskeyRoles(session);
      const userId = session.actor.userId;
      const secret = generateTotpSecret();
      const account = await inTransaction(db, async (tx) => {
        const facts = await mfa.account(tx, userId);
        await auth.updateCredentials(
          tx,
          userId,
          { pending_totp_secret: await totpSecrets.seal(tx, userId, secret) },
          clock.now(),
        );
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.mfa_enrolment_started',
          outcome: 'success',
          records: [
            { type: 'session', id: session.publicId },
            { type: 'factor', id: 'totp' },
          ],
        });
        return facts!;
      });
      const otpauthUri = totpUri({ secret, account: account.email });
      return { secret, otpauthUri, qrCodeSvg: await qrCodeSvg(otpauthUri) };
    },

    /** The first code from the authenticator proves it holds the secret: enrolment completes. */
    async confirmTotp(session: CurrentSession, input: TotpConfirmation): Promise<Enrolled> {
      await refuseTotpForPasskeyRoles(session);
      const userId = session.actor.userId;
      const outcome = await inTransaction(db, async (tx): Promise<Refusal | Enrolled> => {
        const now = clock.now();
        const credentials = await auth.credentialsForUpdate(tx, userId);
        if (!credentials || credentials.mfa_enrolled_at !== null) return alreadyEnrolled();
        const pending = credentials.pending_totp_secret;
        if (!pending) {
          return refusal(
            'totp_not_started',
            new DomainError('conflict', { detail: 'Start TOTP enrolment first' }),
          );
        }
        const secret = await totpSecrets.open(tx, userId, pending);
        const checked = verifyTotp({ secret, code: input.code, lastUsedStep: null, now });
        if (!checked.ok) {
          return refusal(
            'totp_rejected',
            badField('/body/code', 'is not the current code of the authenticator'),
          );
        }
        const recovery = generateRecoveryCodes();
        await auth.updateCredentials(
          tx,
          userId,
          {
            totp_secret: pending,
            pending_totp_secret: null,
            totp_last_step: checked.step,
            recovery_code_hashes: recovery.hashes,
            mfa_enrolled_at: now,
          },
          now,
        );
        const full = await rotateToFullSession(tx, auth, session, now);
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.mfa_enrolled',
          outcome: 'success',
          records: [
            { type: 'factor', id: 'totp' },
            { type: 'session', id: session.publicId },
            { type: 'session', id: full.publicId },
          ],
        });
        return { session: full, recoveryCodes: recovery.codes };
      });
      return isRefusal(outcome) ? refuseEnrolment(session, outcome) : outcome;
    },

    /** Options for navigator.credentials.create(), with a challenge bound to this session. */
    passkeyOptions(session: CurrentSession): Promise<PasskeyCreationOptions> {
      const userId = session.actor.userId;
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const account = (await mfa.account(tx, userId))!;
        const options = await creationOptions(relyingParty, {
          challenge: newChallenge(),
          userId,
          email: account.email,
          displayName: account.display_name,
          existing: await mfa.passkeysOf(tx, userId),
        });
        await openChallenge(
          tx,
          { mfa, audit },
          {
            challenge: options.challenge,
            purpose: 'registration',
            userId: userId,
            session: session,
            actor: auditActor(session.actor),
            now: now,
          },
        );
        return options;
      });
    },

    /**
     * Enrolment by passkey. Allowed before any factor is enrolled, and for an account bound to
     * passkeys that has none yet (mfa/passkey-rule.ts); such accounts get no recovery codes.
     */
    async enrolPasskey(session: CurrentSession, credential: PasskeyAttestation): Promise<Enrolled> {
      const userId = session.actor.userId;
      const bound = boundToPasskeys(session);
      const outcome = await inTransaction(db, async (tx): Promise<Refusal | Enrolled> => {
        const now = clock.now();
        const credentials = await auth.credentialsForUpdate(tx, userId);
        const firstFactor = credentials?.mfa_enrolled_at === null;
        const firstPasskey = bound && (await mfa.passkeysOf(tx, userId)).length === 0;
        if (!credentials || !(firstFactor || firstPasskey)) return alreadyEnrolled();
        const stored = await storePasskey(tx, session, credential, now);
        if (isRefusal(stored)) return stored;
        const recovery = firstFactor && !bound ? generateRecoveryCodes() : undefined;
        if (firstFactor) {
          await auth.updateCredentials(
            tx,
            userId,
            { mfa_enrolled_at: now, ...(recovery ? { recovery_code_hashes: recovery.hashes } : {}) },
            now,
          );
        }
        const full = await rotateToFullSession(tx, auth, session, now);
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.mfa_enrolled',
          outcome: 'success',
          records: [
            { type: 'factor', id: 'passkey' },
            { type: 'passkey', id: stored.id },
            { type: 'session', id: session.publicId },
            { type: 'session', id: full.publicId },
          ],
        });
        return { session: full, recoveryCodes: recovery?.codes ?? [] };
      });
      return isRefusal(outcome) ? refuseEnrolment(session, outcome) : outcome;
    },

    /** Another passkey for an account that has MFA already (a spare, or a new device). */
    async addPasskey(session: CurrentSession, credential: PasskeyAttestation): Promise<Passkey> {
      const outcome = await inTransaction(db, async (tx) => {
        const stored = await storePasskey(tx, session, credential, clock.now());
        if (isRefusal(stored)) return stored;
        await audit.record(tx, {
          actor: auditActor(session.actor),
          action: 'auth.passkey_registered',
          outcome: 'success',
          records: [
            { type: 'session', id: session.publicId },
            { type: 'passkey', id: stored.id },
          ],
        });
        return { id: stored.id, createdAt: stored.created_at.toISOString() };
      });
      if (!isRefusal(outcome)) return outcome;
      return refuse(
        db,
        audit,
        {
          actor: auditActor(session.actor),
          action: 'auth.passkey_registration_failed',
          outcome: 'failure',
          reason: outcome.refused,
          records: [{ type: 'session', id: session.publicId }],
        },
        outcome.error,
      );
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
