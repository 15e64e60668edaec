/**
 * Time-based one-time passwords (RFC 6238) for the second factor every account has (issue 3,
 * SEC-01). Parameters are the ones every authenticator app supports, so enrolment is a QR code.
 * Time always comes from the caller's injected clock (ASVS 5.0 V6.5.8: a trusted time source,
 * never the client's), and a code is accepted at most once (ASVS 5.0 V6.5.1).
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 §4 default; the only algorithm all common authenticator apps implement. */
export const TOTP_ALGORITHM = 'sha1';
export const TOTP_DIGITS = 6;
/** RFC 6238 §5.2 recommends 30 s; ASVS 5.0 V6.5.5 caps a TOTP's lifetime at 30 s. */
export const TOTP_STEP_SECONDS = 30;
/** RFC 6238 §5.2: accept one step either side for clock drift and typing time, no more. */
export const TOTP_TOLERANCE_STEPS = 1;
/** RFC 4226 §4 (R6) requires at least 128 bits and recommends 160. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Concerto';

const TOLERANCE_SECONDS = TOTP_TOLERANCE_STEPS * TOTP_STEP_SECONDS;

/** Base32 (RFC 4648, no padding) of 20 CSPRNG bytes (ASVS 5.0 V6.5.3). */
export function generateTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

/** The `otpauth://` URI to show as a QR code at enrolment (Key Uri Format of Google Authenticator). */
export function totpUri(input: { secret: string; account: string; issuer?: string }): string {
  return generateURI({
    issuer: input.issuer ?? TOTP_ISSUER,
    label: input.account,
    secret: input.secret,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
  });
}

const epochSeconds = (now: Date): number => Math.floor(now.getTime() / 1000);

/** The RFC 6238 counter T = floor(unix time / 30 s) at `now`. */
export function totpStep(now: Date): number {
  return Math.floor(epochSeconds(now) / TOTP_STEP_SECONDS);
}

/**
 * The code an authenticator shows at `now` — what demo identities and tests type in.
 * `digits` is 8 only to check the RFC 6238 Appendix B vectors.
 */
export function totpCode(input: { secret: string; now: Date; digits?: 6 | 8 }): string {
  return generateSync({
    secret: input.secret,
    algorithm: TOTP_ALGORITHM,
    digits: input.digits ?? TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
    epoch: epochSeconds(input.now),
  });
}

export type TotpResult = { ok: true; step: number } | { ok: false };

/**
 * Checks `code` at `now` within ±1 step. `lastUsedStep` is the step of the last code this
 * account used (null before the first): any code of that step or earlier is refused, so a
 * code seen by a shoulder-surfer or a proxy cannot be replayed (ASVS 5.0 V6.5.1). On success
 * the caller stores `step` as the new `lastUsedStep` in the same transaction as the login.
 */
export function verifyTotp(input: {
  secret: string;
  code: string;
  lastUsedStep: number | null;
  now: Date;
}): TotpResult {
  // Authenticator apps show "123 456"; anything else than six digits cannot match.
  const code = input.code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return { ok: false };
  const lastUsed = input.lastUsedStep;
  // Every step in the window is already used: refuse before otplib, which throws in that case.
  if (lastUsed !== null && lastUsed >= totpStep(input.now) + TOTP_TOLERANCE_STEPS) return { ok: false };
  const result = verifySync({
    secret: input.secret,
    token: code,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
    epoch: epochSeconds(input.now),
    epochTolerance: TOLERANCE_SECONDS,
    // otplib skips the steps ≤ afterTimeStep, so an old step never matches even by collision.
    ...(lastUsed === null ? {} : { afterTimeStep: lastUsed }),
  });
  // `delta` is the matched step relative to now (the functional API's type does not narrow to `timeStep`).
  return result.valid ? { ok: true, step: totpStep(input.now) + result.delta } : { ok: false };
}
