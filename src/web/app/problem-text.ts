import type { TFunction } from 'i18next';
import { ApiError } from './api.js';

const KNOWN = [
  'network',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'validation_failed',
  'internal',
  'not_ready',
  'bad_request',
  'justification_required',
  'mfa_required',
  'webauthn_required',
  'payload_too_large',
  'unsupported_media_type',
] as const;
type KnownCode = (typeof KNOWN)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);

/**
 * What a failed request means, in the user's language. The server's `detail` is English and
 * written for developers, so the page says it from the stable `code` (RFC 9457 `code` member).
 */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('problems.internal');
  const code = error.code;
  if (isKnown(code)) return t(`problems.${code}`);
  return t('problems.generic', { status: error.status });
}

/** The request id of a server error, for the user to quote to support; none for the user's own mistakes. */
export function problemReference(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status < 500) return undefined;
  return error.problem?.instance?.replace(/^urn:concerto:request:/, '');
}

/**
 * The legal rule that refused the action (RFC 9457 `rule` member, e.g. "bill art. 3 §1 al. 1
 * (SPEC WFL-07)"): a citation, shown as the server gives it, so that every refusal names its rule.
 */
export function problemRule(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem?.rule : undefined;
}

/** The second factor must be proven again (ASVS 5.0 V7.5.3): the page asks for a step-up. */
export function needsFreshFactor(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'mfa_required';
}
