/**
 * A passkey in software, for tests: what a browser and an authenticator return from
 * navigator.credentials.create() and .get() (W3C WebAuthn Level 3), built by hand so that the
 * server's verification runs for real. One ES256 (P-256) key per authenticator; attestation
 * format "none" (§8.7); authenticator data as in §6.1; the signature counter grows by one at
 * each assertion. `origin` and `rpId` can be overridden per ceremony to play a phishing site.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
  PasskeyAssertion,
  PasskeyAttestation,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
} from '../../src/contracts/mfa.js';

/** Where the ceremony runs, as the browser reports it. */
export interface Ceremony {
  origin?: string;
  rpId?: string;
}

/** Authenticator data flags (§6.1): user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;
/** COSE (RFC 9053): key type EC2, algorithm ES256, curve P-256. */
const COSE_KTY_EC2 = 2;
const COSE_ALG_ES256 = -7;
const COSE_CRV_P256 = 1;

/** What the CBOR encoder takes; maps must be typed with its own key and value types. */
type Cbor = Parameters<typeof isoCBOR.encode>[0];
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Buffer | Uint8Array) => Buffer.from(data).toString('base64url');

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  #counter = 0;

  constructor(
    readonly origin = 'http://localhost:8080',
    readonly rpId = 'localhost',
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = pair.privateKey;
    this.#publicKey = pair.publicKey;
  }

  get credentialIdBase64url(): string {
    return b64url(this.credentialId);
  }

  /** navigator.credentials.create(): a new credential, attested with format "none". */
  create(options: PasskeyCreationOptions, ceremony: Ceremony = {}): PasskeyAttestation {
    const jwk = this.#publicKey.export({ format: 'jwk' });
    const coseKey = isoCBOR.encode(
      new Map<string | number, Cbor>([
        [1, COSE_KTY_EC2],
        [3, COSE_ALG_ES256],
        [-1, COSE_CRV_P256],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.#header(ceremony, UP | UV | AT, 0),
      Buffer.alloc(16), // AAGUID: zeros, as a "none" attestation reports it
      idLength,
      this.credentialId,
      Buffer.from(coseKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string | number, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.credentialIdBase64url,
      rawId: this.credentialIdBase64url,
      type: 'public-key',
      response: {
        clientDataJSON: this.#clientData('webauthn.create', options.challenge, ceremony).toString(
          'base64url',
        ),
        attestationObject: b64url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(): an assertion signed with this credential's key. */
  get(options: PasskeyRequestOptions, ceremony: Ceremony = {}): PasskeyAssertion {
    const allowed = options.allowCredentials?.map((c) => c.id);
    if (allowed && !allowed.includes(this.credentialIdBase64url)) {
      throw new Error('The server did not offer this credential: a browser would not find it');
    }
    this.#counter += 1;
    const authenticatorData = this.#header(ceremony, UP | UV, this.#counter);
    const clientData = this.#clientData('webauthn.get', options.challenge, ceremony);
    // §6.3.3 step 11: the signature covers authenticatorData ‖ SHA-256(clientDataJSON); ECDSA in DER.
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, sha256(clientData)]),
      this.#privateKey,
    );
    return {
      id: this.credentialIdBase64url,
      rawId: this.credentialIdBase64url,
      type: 'public-key',
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian). */
  #header(ceremony: Ceremony, flags: number, counter: number): Buffer {
    const tail = Buffer.alloc(5);
    tail.writeUInt8(flags, 0);
    tail.writeUInt32BE(counter, 1);
    return Buffer.concat([sha256(ceremony.rpId ?? this.rpId), tail]);
  }

  #clientData(type: string, challenge: string, ceremony: Ceremony): Buffer {
    return Buffer.from(
      JSON.stringify({ type, challenge, origin: ceremony.origin ?? this.origin, crossOrigin: false }),
    );
  }
}
