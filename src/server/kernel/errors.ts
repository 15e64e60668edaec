/**
 * Typed domain errors (ARCHITECTURE §3.7). Services throw `DomainError(code, details)`;
 * `problemFor` turns a code into an RFC 9457 problem. The table below is the only place
 * where a code meets an HTTP status.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** An enrolment session may only enrol a second factor (SPEC SEC-01). */
  mfa_enrolment_required: 403,
  /** The action needs a second factor proven within the last minutes (ASVS 5.0 V7.5.3): step up. */
  mfa_required: 403,
  /** The account's role must use a passkey, not TOTP or a recovery code (CONCERTO_REQUIRE_WEBAUTHN_ROLES). */
  webauthn_required: 403,
  /** Reading case content needs the working session's justification (issue 4 scope 7): give one. */
  justification_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One offending input, named by a JSON pointer-like path ("/body/name"). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface DomainErrorDetails {
  /** Human-readable explanation specific to this occurrence (no personal data). */
  detail?: string;
  /** The inputs that were refused. */
  fields?: FieldIssue[];
  /** The legal rule that refused the action, e.g. "bill art. 3 §1". */
  rule?: string;
  /** For `rate_limited`: when to try again, sent as the Retry-After header (RFC 9110 §10.2.3). */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: ErrorCode, details: DomainErrorDetails = {}) {
    super(details.detail ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
