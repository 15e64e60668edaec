/**
 * What an SSO login must prove before Concerto opens a session (ADR 0011). Pure functions over
 * ID token and UserInfo claims that openid-client has already validated (signature, iss, aud,
 * exp, nonce, auth_time; OIDC Core §3.1.3.7).
 */
import { normaliseEmail } from '../../identity/user-rules.js';

/** How long a started sign-in may take at the provider: a login page and a second factor. */
export const FLOW_MINUTES = 10;

/**
 * RFC 8176 §2 methods that only a second factor produces: `mfa` itself, a one-time code,
 * a hardware- or software-held key (FIDO2, passkeys), a smart card (Belgian eID with PIN).
 * A password (`pwd`) or a knowledge factor alone is not MFA (SPEC SEC-01).
 */
export const MFA_AMR: ReadonlySet<string> = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc']);

export type Claims = Readonly<Record<string, unknown>>;

/** True when the provider says it authenticated the user with more than one factor. */
export function providerAssertsMfa(claims: Claims, acceptedAcr: readonly string[]): boolean {
  const { amr, acr } = claims;
  if (Array.isArray(amr) && amr.some((method) => typeof method === 'string' && MFA_AMR.has(method)))
    return true;
  return typeof acr === 'string' && acceptedAcr.includes(acr);
}

export type MatchValue =
  | { ok: true; email: string }
  | { ok: false; reason: 'match_claim_missing' | 'email_not_verified' };

/**
 * The e-mail address to look the user up by, from the configured claim. An `email` claim
 * counts only when the provider verified it (OIDC Core §5.1 `email_verified`, the boolean
 * true, not the string): an address anyone can type into a provider proves nothing.
 */
export function matchValue(claims: Claims, claimName: string): MatchValue {
  const value = claims[claimName];
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'match_claim_missing' };
  if (claimName === 'email' && claims.email_verified !== true)
    return { ok: false, reason: 'email_not_verified' };
  return { ok: true, email: normaliseEmail(value) };
}

/**
 * When the second factor was proven: the provider's `auth_time` (the session's "fresh MFA"
 * clock must not restart because the provider still had a session), never later than now.
 */
export function mfaInstant(claims: Claims, now: Date): Date {
  const authTime = claims.auth_time;
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) return now;
  return new Date(Math.min(authTime * 1000, now.getTime()));
}
