/**
 * Passkey ceremonies in the browser: the server's JSON options (contracts/mfa.ts, base64url
 * fields) become the binary options of navigator.credentials.create()/get(), and the
 * credential they return becomes the JSON the server accepts (W3C WebAuthn Level 3 §5.1).
 * The conversion is done here rather than with PublicKeyCredential.toJSON(), which older
 * browsers lack: the server's schemas are closed, so exactly their fields are sent.
 */
import type {
  PasskeyAssertion,
  PasskeyAttestation,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
} from '../../contracts/mfa.js';
import { base64urlToBuffer, bufferToBase64url } from './base64url.js';

/** Why a ceremony gave no credential, for the page to say. */
export type PasskeyFailureReason = 'unsupported' | 'cancelled' | 'failed';

export class PasskeyError extends Error {
  constructor(readonly reason: PasskeyFailureReason) {
    super(`passkey ceremony ${reason}`);
    this.name = 'PasskeyError';
  }
}

type Descriptor = NonNullable<PasskeyCreationOptions['excludeCredentials']>[number];
type Attachment = PasskeyAttestation['authenticatorAttachment'];

const descriptor = (credential: Descriptor): PublicKeyCredentialDescriptor => ({
  id: base64urlToBuffer(credential.id),
  type: credential.type,
  ...(credential.transports ? { transports: credential.transports as AuthenticatorTransport[] } : {}),
});

export function creationOptions(json: PasskeyCreationOptions): PublicKeyCredentialCreationOptions {
  const {
    challenge,
    user,
    excludeCredentials,
    authenticatorSelection,
    attestation,
    hints: _,
    ...rest
  } = json;
  return {
    ...rest,
    challenge: base64urlToBuffer(challenge),
    user: { ...user, id: base64urlToBuffer(user.id) },
    ...(excludeCredentials ? { excludeCredentials: excludeCredentials.map(descriptor) } : {}),
    ...(authenticatorSelection
      ? { authenticatorSelection: authenticatorSelection as AuthenticatorSelectionCriteria }
      : {}),
    ...(attestation ? { attestation: attestation as AttestationConveyancePreference } : {}),
  };
}

export function requestOptions(json: PasskeyRequestOptions): PublicKeyCredentialRequestOptions {
  const { challenge, allowCredentials, userVerification, hints: _, ...rest } = json;
  return {
    ...rest,
    challenge: base64urlToBuffer(challenge),
    ...(allowCredentials ? { allowCredentials: allowCredentials.map(descriptor) } : {}),
    ...(userVerification ? { userVerification: userVerification as UserVerificationRequirement } : {}),
  };
}

function attachmentOf(credential: PublicKeyCredential): { authenticatorAttachment?: Attachment } {
  const attachment = credential.authenticatorAttachment;
  return attachment === 'platform' || attachment === 'cross-platform'
    ? { authenticatorAttachment: attachment }
    : {};
}

export function attestationJson(credential: PublicKeyCredential): PasskeyAttestation {
  const response = credential.response as AuthenticatorAttestationResponse;
  // Level 2 accessors: the server can read the key from the attestation object without them.
  const publicKey = response.getPublicKey?.();
  const algorithm = response.getPublicKeyAlgorithm?.();
  const authenticatorData = response.getAuthenticatorData?.();
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      attestationObject: bufferToBase64url(response.attestationObject),
      ...(authenticatorData ? { authenticatorData: bufferToBase64url(authenticatorData) } : {}),
      ...(response.getTransports ? { transports: response.getTransports() } : {}),
      ...(publicKey ? { publicKey: bufferToBase64url(publicKey) } : {}),
      ...(algorithm !== undefined ? { publicKeyAlgorithm: algorithm } : {}),
    },
    ...attachmentOf(credential),
    clientExtensionResults: { ...credential.getClientExtensionResults() },
  };
}

export function assertionJson(credential: PublicKeyCredential): PasskeyAssertion {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      authenticatorData: bufferToBase64url(response.authenticatorData),
      signature: bufferToBase64url(response.signature),
      ...(response.userHandle ? { userHandle: bufferToBase64url(response.userHandle) } : {}),
    },
    ...attachmentOf(credential),
    clientExtensionResults: { ...credential.getClientExtensionResults() },
  };
}

/**
 * NotAllowedError covers both the user's refusal and the timeout, deliberately
 * indistinguishable (WebAuthn §13.4.7); anything else is a failure of the authenticator.
 */
async function ceremony(run: () => Promise<Credential | null>): Promise<PublicKeyCredential> {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials) {
    throw new PasskeyError('unsupported');
  }
  let credential: Credential | null;
  try {
    credential = await run();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError')
      throw new PasskeyError('cancelled');
    if (error instanceof DOMException && error.name === 'NotSupportedError')
      throw new PasskeyError('unsupported');
    throw new PasskeyError('failed');
  }
  if (!(credential instanceof PublicKeyCredential)) throw new PasskeyError('failed');
  return credential;
}

/** Creates a passkey with the server's options; the JSON to send back. */
export async function createPasskey(options: PasskeyCreationOptions): Promise<PasskeyAttestation> {
  const publicKey = creationOptions(options);
  return attestationJson(await ceremony(() => navigator.credentials.create({ publicKey })));
}

/** Signs the server's challenge with a passkey; the JSON to send back. */
export async function signWithPasskey(options: PasskeyRequestOptions): Promise<PasskeyAssertion> {
  const publicKey = requestOptions(options);
  return assertionJson(await ceremony(() => navigator.credentials.get({ publicKey })));
}
