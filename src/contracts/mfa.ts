/**
 * Second factors (issue 3 scope 3–4, SPEC SEC-01): TOTP and passkey enrolment, passkey login
 * and step-up. WebAuthn bodies are the JSON forms of W3C WebAuthn Level 3 (§5.1 `toJSON()`):
 * binary fields are base64url strings, bounded so that an oversized body is refused before any
 * decoding.
 */
import { type Static, Type } from 'typebox';
import { SessionInfoSchema } from './auth.js';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const base64url = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' });
/** Authenticator apps show "123 456": six digits, perhaps with a space. */
const totpCode = Type.String({ minLength: 6, maxLength: 9 });
/** Browsers may add extension outputs we do not use; they are ignored, not refused. */
const extensionResults = Type.Object({}, { additionalProperties: true });
const attachment = Type.Enum(['platform', 'cross-platform']);
/** A credential id is at most 1023 bytes (WebAuthn §4), 1364 base64url characters. */
const credentialId = base64url(1364);

export const TotpEnrolmentSchema = Type.Object(
  {
    secret: Type.String({ description: 'Base32, for typing into an authenticator app by hand' }),
    otpauthUri: Type.String({ description: 'otpauth:// URI (Key Uri Format)' }),
    qrCodeSvg: Type.String({ description: 'The URI as a QR code, an SVG document' }),
  },
  closed,
);
export type TotpEnrolment = Static<typeof TotpEnrolmentSchema>;

export const TotpConfirmationSchema = Type.Object({ code: totpCode }, closed);
export type TotpConfirmation = Static<typeof TotpConfirmationSchema>;

/** The full session that replaces the enrolment session, and the recovery codes, shown this once. */
export const MfaEnrolledSchema = Type.Object(
  {
    session: SessionInfoSchema,
    recoveryCodes: Type.Array(Type.String(), {
      description: 'Single-use codes, shown only now; empty when none are issued',
    }),
  },
  closed,
);
export type MfaEnrolled = Static<typeof MfaEnrolledSchema>;

const CredentialDescriptorSchema = Type.Object(
  {
    id: credentialId,
    type: Type.Literal('public-key'),
    transports: Type.Optional(Type.Array(Type.String())),
  },
  closed,
);

/** For navigator.credentials.create() (PublicKeyCredentialCreationOptionsJSON). */
export const PasskeyCreationOptionsSchema = Type.Object(
  {
    challenge: Type.String(),
    rp: Type.Object({ name: Type.String(), id: Type.Optional(Type.String()) }, closed),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }, closed),
    pubKeyCredParams: Type.Array(
      Type.Object({ alg: Type.Integer(), type: Type.Literal('public-key') }, closed),
    ),
    timeout: Type.Optional(Type.Integer()),
    excludeCredentials: Type.Optional(Type.Array(CredentialDescriptorSchema)),
    authenticatorSelection: Type.Optional(
      Type.Object(
        {
          authenticatorAttachment: Type.Optional(Type.String()),
          residentKey: Type.Optional(Type.String()),
          requireResidentKey: Type.Optional(Type.Boolean()),
          userVerification: Type.Optional(Type.String()),
        },
        closed,
      ),
    ),
    attestation: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(extensionResults),
  },
  closed,
);
export type PasskeyCreationOptions = Static<typeof PasskeyCreationOptionsSchema>;

/** For navigator.credentials.get() (PublicKeyCredentialRequestOptionsJSON). */
export const PasskeyRequestOptionsSchema = Type.Object(
  {
    challenge: Type.String(),
    timeout: Type.Optional(Type.Integer()),
    rpId: Type.Optional(Type.String()),
    allowCredentials: Type.Optional(Type.Array(CredentialDescriptorSchema)),
    userVerification: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(extensionResults),
  },
  closed,
);
export type PasskeyRequestOptions = Static<typeof PasskeyRequestOptionsSchema>;

/** What navigator.credentials.create() returned (RegistrationResponseJSON). */
export const PasskeyAttestationSchema = Type.Object(
  {
    id: credentialId,
    rawId: credentialId,
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: base64url(8192),
        attestationObject: base64url(65_536),
        authenticatorData: Type.Optional(base64url(65_536)),
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 16 })),
        publicKeyAlgorithm: Type.Optional(Type.Integer()),
        publicKey: Type.Optional(base64url(8192)),
      },
      closed,
    ),
    authenticatorAttachment: Type.Optional(attachment),
    clientExtensionResults: extensionResults,
  },
  closed,
);
export type PasskeyAttestation = Static<typeof PasskeyAttestationSchema>;

/** What navigator.credentials.get() returned (AuthenticationResponseJSON). */
export const PasskeyAssertionSchema = Type.Object(
  {
    id: credentialId,
    rawId: credentialId,
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: base64url(8192),
        authenticatorData: base64url(8192),
        signature: base64url(2048),
        userHandle: Type.Optional(base64url(128)),
      },
      closed,
    ),
    authenticatorAttachment: Type.Optional(attachment),
    clientExtensionResults: extensionResults,
  },
  closed,
);
export type PasskeyAssertion = Static<typeof PasskeyAssertionSchema>;

export const PasskeyRegistrationSchema = Type.Object({ credential: PasskeyAttestationSchema }, closed);
export type PasskeyRegistration = Static<typeof PasskeyRegistrationSchema>;

export const PasskeySchema = Type.Object({ id: IdSchema, createdAt: instant }, closed);
export type Passkey = Static<typeof PasskeySchema>;

/** Step one of a passkey login: the password, checked before any challenge is issued. */
export const PasskeyLoginStartSchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 512 }),
  },
  closed,
);
export type PasskeyLoginStart = Static<typeof PasskeyLoginStartSchema>;

export const PasskeyLoginSchema = Type.Object({ assertion: PasskeyAssertionSchema }, closed);
export type PasskeyLogin = Static<typeof PasskeyLoginSchema>;

/** A second factor again, for sensitive actions: exactly one of the two. */
export const StepUpSchema = Type.Object(
  { totp: Type.Optional(totpCode), passkey: Type.Optional(PasskeyAssertionSchema) },
  closed,
);
export type StepUp = Static<typeof StepUpSchema>;
