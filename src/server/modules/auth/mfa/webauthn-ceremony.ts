/**
 * WebAuthn ceremonies (W3C WebAuthn Level 3) through `@simplewebauthn/server`: options for the
 * browser, and verification of what the authenticator signed. The relying party is fixed by
 * configuration (CONCERTO_PUBLIC_URL): an origin or RP ID other than ours is refused, which is
 * what makes a passkey phishing-resistant. Challenges are 32 random bytes (§13.4.3: at least
 * 16), used once, and known to the database only by their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { COSEALG, decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import type {
  PasskeyAssertion,
  PasskeyAttestation,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
} from '../../../../contracts/mfa.js';
import type { WebauthnConfig } from '../../../config.js';

export type RelyingParty = Pick<WebauthnConfig, 'rpId' | 'origin'>;

/** The name authenticators show next to the account. */
const RP_NAME = 'Concerto';
const CHALLENGE_BYTES = 32;
/** WebAuthn L3 §15.1 recommends 300 000 ms as the default ceremony timeout; the server holds the challenge as long. */
export const CHALLENGE_LIFETIME_MS = 300_000;
/** EdDSA, ES256 and RS256: what passkeys and security keys implement; the same list at creation and verification. */
const ALGORITHMS = [COSEALG.EdDSA, COSEALG.ES256, COSEALG.RS256];
/** AuthenticatorTransport values of WebAuthn L3 §5.8.4; others are dropped, not stored. */
const TRANSPORTS = new Set(['ble', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
/**
 * A passkey is the second factor after the password, so user presence is enough and
 * verification (PIN, biometrics) is asked for but not required: security keys without a PIN work.
 */
const USER_VERIFICATION = 'preferred';

/** A stored passkey as the ceremonies need it. */
export interface StoredPasskey {
  credential_id: Buffer;
  public_key: Buffer;
  counter: number;
  transports: string[];
}

export interface NewPasskey {
  credentialId: Buffer;
  publicKey: Buffer;
  counter: number;
  transports: string[];
}

export function newChallenge(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(CHALLENGE_BYTES));
}

/** How the database knows a challenge: SHA-256 of its base64url form, as the client data carries it. */
export function challengeHash(challenge: string): Buffer {
  return createHash('sha256').update(challenge, 'ascii').digest();
}

/** The challenge the client data names, or undefined when it is not WebAuthn client data. */
export function challengeOf(clientDataJSON: string): string | undefined {
  try {
    const { challenge } = decodeClientDataJSON(clientDataJSON);
    return typeof challenge === 'string' && challenge !== '' ? challenge : undefined;
  } catch {
    return undefined;
  }
}

const descriptor = (passkey: StoredPasskey) => ({
  id: isoBase64URL.fromBuffer(new Uint8Array(passkey.credential_id)),
  transports: passkey.transports,
});

export function creationOptions(
  rp: RelyingParty,
  input: {
    challenge: Uint8Array<ArrayBuffer>;
    userId: string;
    email: string;
    displayName: string;
    existing: StoredPasskey[];
  },
): Promise<PasskeyCreationOptions> {
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpId,
    userName: input.email,
    // The user handle is the account's UUID, never personal data (WebAuthn §14.6.1).
    userID: new Uint8Array(Buffer.from(input.userId.replace(/-/g, ''), 'hex')),
    userDisplayName: input.displayName,
    challenge: input.challenge,
    timeout: CHALLENGE_LIFETIME_MS,
    attestationType: 'none',
    excludeCredentials: input.existing.map(descriptor),
    authenticatorSelection: { residentKey: 'preferred', userVerification: USER_VERIFICATION },
    supportedAlgorithmIDs: ALGORITHMS,
  }) as Promise<PasskeyCreationOptions>;
}

export function requestOptions(
  rp: RelyingParty,
  input: { challenge: Uint8Array<ArrayBuffer>; passkeys: StoredPasskey[] },
): Promise<PasskeyRequestOptions> {
  return generateAuthenticationOptions({
    rpID: rp.rpId,
    challenge: input.challenge,
    timeout: CHALLENGE_LIFETIME_MS,
    allowCredentials: input.passkeys.map(descriptor),
    userVerification: USER_VERIFICATION,
  }) as Promise<PasskeyRequestOptions>;
}

/** The new passkey when the attestation answers `challenge` for our origin and RP ID; else undefined. */
export async function verifyAttestation(
  rp: RelyingParty,
  attestation: PasskeyAttestation,
  challenge: string,
): Promise<NewPasskey | undefined> {
  try {
    const result = await verifyRegistrationResponse({
      response: attestation,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    if (!result.verified) return undefined;
    const { credential } = result.registrationInfo;
    return {
      credentialId: Buffer.from(isoBase64URL.toBuffer(credential.id)),
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: (attestation.response.transports ?? []).filter((t) => TRANSPORTS.has(t)),
    };
  } catch {
    // Wrong origin, RP ID, type or challenge, malformed CBOR, unsupported algorithm: all a refusal.
    return undefined;
  }
}

/**
 * The authenticator's new signature counter when the assertion answers `challenge` for our
 * origin and RP ID with `passkey`'s key; undefined otherwise, including a counter that did not
 * grow (a cloned authenticator, WebAuthn §6.1.1).
 */
export async function verifyAssertion(
  rp: RelyingParty,
  assertion: PasskeyAssertion,
  challenge: string,
  passkey: StoredPasskey,
): Promise<{ counter: number } | undefined> {
  try {
    const result = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      credential: {
        id: isoBase64URL.fromBuffer(new Uint8Array(passkey.credential_id)),
        publicKey: new Uint8Array(passkey.public_key),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: false,
    });
    return result.verified ? { counter: result.authenticationInfo.newCounter } : undefined;
  } catch {
    return undefined;
  }
}

/** The credential id an assertion names, as stored. */
export function credentialIdOf(assertion: PasskeyAssertion): Buffer {
  return Buffer.from(isoBase64URL.toBuffer(assertion.rawId));
}

/** A challenge can be answered once, before it expires (WebAuthn §13.4.3). */
export function challengeIsOpen(row: { used_at: Date | null; expires_at: Date }, now: Date): boolean {
  return row.used_at === null && now < row.expires_at;
}

export function challengeExpiry(now: Date): Date {
  return new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
}
