/**
 * The only reader of process.env (ARCHITECTURE §5). The environment is validated once,
 * at start; a bad value stops Concerto with a message that names the variable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { USER_ROLES, type UserRole } from '../contracts/identity.js';
import { DomainError } from './kernel/errors.js';
import type { LegalRulesOverrides } from './kernel/legal-rules/index.js';
import { resolvePeriods } from './kernel/legal-rules/overrides.js';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

export type KeyProviderKind = 'file' | 'vault';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** PostgreSQL server for the runtime role; undefined = embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Owner role for migrations; defaults to databaseUrl. */
  databaseAdminUrl: string | undefined;
  /** Root of everything Concerto keeps on disk in embedded mode. */
  dataDir: string;
  host: string;
  port: number;
  /** Public base URL (links in mails); https enables HSTS. */
  publicUrl: string | undefined;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Requests a minute one client address may make to the routes (anti-flood, ASVS 5.0 V2.4.1). */
  rateLimitPerMinute: number;
  /**
   * The instance's legal-rule overrides (SPEC A-02: per-regime periods; RGT-REC-06: derogations), each
   * naming its rule; none by default, so the seed-law values apply.
   */
  legalRules: LegalRulesOverrides;
  /** Data-quality settings of SPEC SEC-11: product choices, not legal periods (no text sets them). */
  itemReview: ItemReviewConfig;
  /** The processor registry and break-glass access (SPEC PRC-02, SEC-12): product choices, not legal periods. */
  processors: ProcessorConfig;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  keyProvider: KeyProviderKind;
  vault: { addr: string; token: string; mount: string; keyPrefix: string } | undefined;
  audit: { origin: string; checkpointIntervalSeconds: number };
  /** Daily jobs (ADR 0015): seconds between the ticks of `serve` (0 = none) and the lease length. */
  jobs: { intervalSeconds: number; leaseMinutes: number };
  /** Session lifetimes (ASVS 5.0 V7.3.1 idle, V7.3.2 absolute). */
  session: { idleMinutes: number; absoluteHours: number };
  /** WebAuthn relying party (from CONCERTO_PUBLIC_URL) and the roles that must use a passkey. */
  webauthn: WebauthnConfig;
  /** Outgoing mail; smtpUrl undefined = no mail is sent and invitation links go to the operator. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Whether `serve` turns an empty embedded database into a demo (never a DATABASE_URL server). */
  seedDemo: boolean;
  /** Sign-in through an OpenID Connect provider (ADR 0011); undefined = SSO off. */
  oidc: OidcConfig | undefined;
}

/**
 * SPEC SEC-11 (L2007 art. 4 §1 4°, art. 16 §2 1°: "toute diligence", no period): how long an item
 * may go without its controller confirming it accurate before it is reminded, and how many days
 * an item blocked as unlawfully obtained may wait for its erasure review before the DPO is told.
 */
export interface ItemReviewConfig {
  reviewMonths: number;
  erasureReviewDays: number;
}

/** The defaults of `ItemReviewConfig`, for builders of the services that have no configuration (the demo). */
export const ITEM_REVIEW_DEFAULTS: ItemReviewConfig = Object.freeze({ reviewMonths: 6, erasureReviewDays: 30 });

/**
 * SPEC PRC-02 (L2007 art. 16 §1 2°: the controller sees that the measures are complied with, no
 * period): the default months between compliance reviews of a processor, and between reviews of
 * its security plan. SPEC SEC-12: the longest window a controller may approve for break-glass.
 */
export interface ProcessorConfig {
  monthsBetweenReviews: number;
  breakGlassMaxHours: number;
}

/** The defaults of `ProcessorConfig`, for builders of the services that have no configuration (the demo). */
export const PROCESSOR_DEFAULTS: ProcessorConfig = Object.freeze({ monthsBetweenReviews: 12, breakGlassMaxHours: 8 });

export interface OidcConfig {
  /** Issuer identifier, exactly as the provider's metadata states it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim whose value is compared with users' e-mail addresses at the first SSO login. */
  matchClaim: string;
  /** `acr` values that prove MFA at the provider (besides an MFA `amr`). */
  mfaAcr: string[];
  /** Text of the login button; undefined = the web app's own words. */
  label: string | undefined;
  /** CONCERTO_PUBLIC_URL + /api/auth/oidc/callback, registered at the provider. */
  redirectUri: string;
}

export interface WebauthnConfig {
  /** The registrable domain passkeys are bound to: the host of the public URL. */
  rpId: string;
  /** The only origin whose ceremonies are accepted (scheme, host and port of the public URL). */
  origin: string;
  /** Users holding one of these roles get a full session only through a passkey. */
  requiredRoles: UserRole[];
}

/** Where passkeys work when CONCERTO_PUBLIC_URL is unset: the default listener on this machine. */
const DEFAULT_WEBAUTHN_URL = 'http://localhost:8080';

export const CONFIG_DOC: ReadonlyArray<{ variable: string; default: string; meaning: string }> = [
  { variable: 'DATABASE_URL', default: '(unset)', meaning: 'PostgreSQL server used at run time. Unset: Concerto starts its own embedded PostgreSQL.' },
  { variable: 'DATABASE_ADMIN_URL', default: 'DATABASE_URL', meaning: 'Owner role used to run migrations and create the runtime role.' },
  { variable: 'CONCERTO_DATA_DIR', default: './data', meaning: 'Data directory: embedded PostgreSQL in `postgres/`, file key provider in `keys/`.' },
  { variable: 'HOST', default: '127.0.0.1', meaning: 'Address the HTTP server listens on.' },
  { variable: 'PORT', default: '8080', meaning: 'HTTP port (0 = any free port).' },
  { variable: 'CONCERTO_PUBLIC_URL', default: '(unset)', meaning: 'Public base URL; an https URL turns on HSTS. Its origin is the only one accepted for passkeys and its host is the WebAuthn RP ID (unset: http://localhost:8080, RP ID `localhost`).' },
  { variable: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent. Logs never hold request bodies.' },
  { variable: 'CONCERTO_BODY_LIMIT', default: '1048576', meaning: 'Largest accepted request body, in bytes.' },
  { variable: 'CONCERTO_RATE_LIMIT', default: '1200', meaning: 'Requests a minute one client address may make (an organisation behind one proxy address shares it).' },
  { variable: 'CONCERTO_ITEM_REVIEW_MONTHS', default: '6', meaning: 'Months (1-24) after which an item its controller has not confirmed accurate since it was recorded or last confirmed is marked due for review to the controller (SPEC SEC-11). A product setting: the law asks for all diligence, not a period.' },
  { variable: 'CONCERTO_ERASURE_REVIEW_DAYS', default: '30', meaning: 'Days (1-90) within which an item blocked as unlawfully obtained must be erased or released after review; the day after, the controller\'s DPO is alerted (SPEC SEC-11). No text sets it; 30 days keeps it within the month of L2007 art. 12 §3.' },
  { variable: 'CONCERTO_PROCESSOR_REVIEW_MONTHS', default: '12', meaning: 'Default months (1-36) between a controller\'s compliance reviews of a processor and of its security plan; past the due date the processor\'s status turns amber (SPEC PRC-02, PRC-07). A product setting: the law asks the controller to see that the measures are complied with, not a period. Each processor record may set its own.' },
  { variable: 'CONCERTO_BREAK_GLASS_MAX_HOURS', default: '8', meaning: 'Longest window (1-72 hours) a controller\'s DPO may approve for a break-glass read by the host\'s staff (SPEC SEC-12).' },
  { variable: 'CONCERTO_TRUST_PROXY', default: 'false', meaning: 'Trust X-Forwarded-* headers from a reverse proxy.' },
  { variable: 'CONCERTO_SHUTDOWN_TIMEOUT_MS', default: '10000', meaning: 'Longest graceful shutdown before a forced exit.' },
  { variable: 'CONCERTO_KEY_PROVIDER', default: 'file', meaning: '`file` (keys under the data directory) or `vault` (Vault/OpenBao transit).' },
  { variable: 'VAULT_ADDR', default: '(unset)', meaning: 'Vault/OpenBao address; required with CONCERTO_KEY_PROVIDER=vault.' },
  { variable: 'VAULT_TOKEN', default: '(unset)', meaning: 'Vault/OpenBao token; required with CONCERTO_KEY_PROVIDER=vault.' },
  { variable: 'VAULT_TRANSIT_MOUNT', default: 'transit', meaning: 'Mount path of the transit secrets engine.' },
  { variable: 'CONCERTO_VAULT_KEY_PREFIX', default: 'concerto', meaning: 'Prefix of the transit key names Concerto creates.' },
  { variable: 'CONCERTO_AUDIT_ORIGIN', default: 'concerto.local/audit', meaning: 'Origin line of signed audit checkpoints (C2SP tlog-checkpoint).' },
  { variable: 'CONCERTO_LEGAL_RULES_FILE', default: '(unset)', meaning: 'A JSON file of legal-rule overrides (SPEC A-02, RGT-REC-06): e.g. `{"regimes": {"gdpr": {"accessAnswer": {"duration": {"amount": 1, "unit": "months"}, "rule": "GDPR art. 12(3)"}}}}`. Every override names its rule; caps (30 years, 3 months) may only be shortened. Checked at start.' },
  { variable: 'CONCERTO_CHECKPOINT_INTERVAL', default: '300', meaning: 'Seconds between scheduled audit checkpoints (issued only when the log grew).' },
  { variable: 'CONCERTO_JOBS_INTERVAL_SECONDS', default: '300', meaning: 'Seconds between the checks of `concerto serve` for due daily jobs (also checked at start); each job runs once a Brussels day across all instances. 0: serve runs none, run `concerto jobs run` from cron instead (see *Daily jobs*).' },
  { variable: 'CONCERTO_JOBS_LEASE_MINUTES', default: '15', meaning: 'Minutes (1-1440) an instance holds a daily job it runs; after them a crashed instance\'s job is taken over by another. Keep it longer than the longest run.' },
  { variable: 'SMTP_URL', default: '(unset)', meaning: 'Mail server, `smtp://` (STARTTLS when offered) or `smtps://`, credentials in the URL. Unset: no mail is sent and the operator receives the invitation link to hand over. Requires CONCERTO_PUBLIC_URL.' },
  { variable: 'CONCERTO_DEMO', default: 'auto', meaning: '`auto`: `concerto serve` seeds demo identities into an empty embedded database; `off`: never (a real installation on the embedded PostgreSQL). A DATABASE_URL server is never seeded.' },
  { variable: 'CONCERTO_MAIL_FROM', default: 'concerto@localhost', meaning: 'Sender address of Concerto mails (a bare address); required with SMTP_URL.' },
  { variable: 'CONCERTO_SESSION_IDLE_MINUTES', default: '15', meaning: 'A session without a request for this many minutes ends (ASVS V7.3.1).' },
  { variable: 'CONCERTO_SESSION_ABSOLUTE_HOURS', default: '8', meaning: 'A session ends this many hours after login, active or not (ASVS V7.3.2).' },
  { variable: 'CONCERTO_REQUIRE_WEBAUTHN_ROLES', default: '(empty)', meaning: 'Comma-separated roles (e.g. `operator,prosecutor`) that must use a passkey: once such a user has one, TOTP and recovery codes are refused at login and step-up; before that, they only lead to passkey enrolment.' },
  { variable: 'CONCERTO_OIDC_ISSUER', default: '(unset)', meaning: 'OpenID Connect provider (issuer URL, https; http only on a loopback address) for single sign-on. Unset: SSO is off. Requires CONCERTO_PUBLIC_URL; register CONCERTO_PUBLIC_URL + `/api/auth/oidc/callback` as the redirect URI (ADR 0011).' },
  { variable: 'CONCERTO_OIDC_CLIENT_ID', default: '(unset)', meaning: 'Client id of Concerto at the provider; required with CONCERTO_OIDC_ISSUER.' },
  { variable: 'CONCERTO_OIDC_CLIENT_SECRET', default: '(unset)', meaning: 'Client secret (HTTP Basic at the token endpoint); required with CONCERTO_OIDC_ISSUER.' },
  { variable: 'CONCERTO_OIDC_MATCH_CLAIM', default: 'email', meaning: 'Claim compared with the users\' e-mail addresses at the first SSO login (`email` must come with `email_verified: true`); later logins follow the bound (issuer, sub).' },
  { variable: 'CONCERTO_OIDC_MFA_ACR', default: '(unset)', meaning: 'Comma-separated `acr` values that prove MFA at the provider. An SSO login is accepted only when the ID token\'s `acr` is one of them or its `amr` names an MFA method (mfa, otp, hwk, swk, sc).' },
  { variable: 'CONCERTO_OIDC_LABEL', default: '(unset)', meaning: 'Text of the SSO button on the login page, e.g. the provider\'s name.' },
];

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must start with postgres:// or postgresql://');
  }
  if (url.pathname.length <= 1) throw new ConfigError(name, 'must name a database (postgres://host/dbname)');
  return raw;
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(name, 'must be an http:// or https:// URL');
  }
  return raw.replace(/\/+$/, '');
}

function smtpUrl(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The URL may hold a password: never echo it.
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(name, 'must start with smtp:// or smtps://');
  }
  if (url.hostname === '') throw new ConfigError(name, 'must name a host (smtp://host:587)');
  return raw;
}

/** A bare address, so that no display name (of a person or an organisation) reaches a mail. */
function mailAddress(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  if (!/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(raw)) {
    throw new ConfigError(name, `must be a bare mail address such as concerto@example.be, got "${raw}"`);
  }
  return raw;
}

function mailConfig(env: Env, publicUrl: string | undefined): Config['mail'] {
  const url = smtpUrl(env, 'SMTP_URL');
  const from = mailAddress(env, 'CONCERTO_MAIL_FROM');
  if (url && !from) throw new ConfigError('CONCERTO_MAIL_FROM', 'is required when SMTP_URL is set');
  // A mailed link must lead somewhere the invitee can reach.
  if (url && !publicUrl) throw new ConfigError('CONCERTO_PUBLIC_URL', 'is required when SMTP_URL is set');
  return { smtpUrl: url, from: from ?? 'concerto@localhost' };
}

const OIDC_OPTIONS = [
  'CONCERTO_OIDC_CLIENT_ID',
  'CONCERTO_OIDC_CLIENT_SECRET',
  'CONCERTO_OIDC_MATCH_CLAIM',
  'CONCERTO_OIDC_MFA_ACR',
  'CONCERTO_OIDC_LABEL',
] as const;

/** https, or http on a loopback address (development and tests); no query or fragment (OIDC Discovery §2). */
function oidcIssuer(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(name, 'must be an https:// URL (http:// only on a loopback address)');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(name, 'must have no query, fragment or credentials');
  }
  return raw;
}

function oidcConfig(env: Env, publicUrl: string | undefined): Config['oidc'] {
  const issuer = oidcIssuer(env, 'CONCERTO_OIDC_ISSUER');
  if (!issuer) {
    const stray = OIDC_OPTIONS.find((name) => optional(env, name) !== undefined);
    if (stray) throw new ConfigError(stray, 'is set but CONCERTO_OIDC_ISSUER is not');
    return undefined;
  }
  const required = (name: string): string => {
    const value = optional(env, name);
    if (!value) throw new ConfigError(name, 'is required when CONCERTO_OIDC_ISSUER is set');
    return value;
  };
  const clientId = required('CONCERTO_OIDC_CLIENT_ID');
  // Never echoed: it is a password.
  const clientSecret = required('CONCERTO_OIDC_CLIENT_SECRET');
  const matchClaim = optional(env, 'CONCERTO_OIDC_MATCH_CLAIM') ?? 'email';
  if (!/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/.test(matchClaim)) {
    throw new ConfigError(
      'CONCERTO_OIDC_MATCH_CLAIM',
      `must be a claim name such as email or upn, got "${matchClaim}"`,
    );
  }
  const mfaAcr = (optional(env, 'CONCERTO_OIDC_MFA_ACR') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (mfaAcr.some((value) => /\s/.test(value) || value.length > 256)) {
    throw new ConfigError('CONCERTO_OIDC_MFA_ACR', 'must be acr values separated by commas, without spaces');
  }
  const label = optional(env, 'CONCERTO_OIDC_LABEL');
  if (label !== undefined && label.length > 64) {
    throw new ConfigError('CONCERTO_OIDC_LABEL', 'must be at most 64 characters');
  }
  // The provider sends the browser back to a public address of Concerto.
  if (!publicUrl) {
    throw new ConfigError('CONCERTO_PUBLIC_URL', 'is required when CONCERTO_OIDC_ISSUER is set');
  }
  const redirectUri = `${publicUrl}/api/auth/oidc/callback`;
  return { issuer, clientId, clientSecret, matchClaim, mfaAcr, label, redirectUri };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function webauthnConfig(env: Env, publicUrl: string | undefined): WebauthnConfig {
  const url = new URL(publicUrl ?? DEFAULT_WEBAUTHN_URL);
  const name = 'CONCERTO_REQUIRE_WEBAUTHN_ROLES';
  const roles = (optional(env, name) ?? '').split(',').map((role) => role.trim()).filter((role) => role !== '');
  const unknown = roles.find((role) => !(USER_ROLES as readonly string[]).includes(role));
  if (unknown) throw new ConfigError(name, `must list roles among ${USER_ROLES.join(', ')}, got "${unknown}"`);
  return { rpId: url.hostname, origin: url.origin, requiredRoles: [...new Set(roles)] as UserRole[] };
}

/** CONCERTO_LEGAL_RULES_FILE: read and checked whole at start, so a bad override never reaches a deadline. */
function legalRulesOverrides(env: Env, cwd: string): LegalRulesOverrides {
  const name = 'CONCERTO_LEGAL_RULES_FILE';
  const file = optional(env, name);
  if (!file) return {};
  let overrides: LegalRulesOverrides;
  try {
    overrides = JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8')) as LegalRulesOverrides;
  } catch (error) {
    throw new ConfigError(name, `must name a readable JSON file (${(error as Error).message})`);
  }
  try {
    resolvePeriods(overrides);
  } catch (error) {
    if (error instanceof DomainError) throw new ConfigError(name, `holds ${error.details.detail ?? 'an invalid override'}`);
    throw error;
  }
  return overrides;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const databaseAdminUrl = postgresUrl(env, 'DATABASE_ADMIN_URL');
  if (databaseAdminUrl && !databaseUrl) {
    throw new ConfigError('DATABASE_ADMIN_URL', 'is set but DATABASE_URL is not; set both or neither');
  }
  const keyProvider = oneOf(env, 'CONCERTO_KEY_PROVIDER', ['file', 'vault'] as const, 'file');
  let vault: Config['vault'];
  if (keyProvider === 'vault') {
    const addr = httpUrl(env, 'VAULT_ADDR');
    if (!addr) throw new ConfigError('VAULT_ADDR', 'is required when CONCERTO_KEY_PROVIDER=vault');
    const token = optional(env, 'VAULT_TOKEN');
    if (!token) throw new ConfigError('VAULT_TOKEN', 'is required when CONCERTO_KEY_PROVIDER=vault');
    vault = {
      addr,
      token,
      mount: optional(env, 'VAULT_TRANSIT_MOUNT') ?? 'transit',
      keyPrefix: optional(env, 'CONCERTO_VAULT_KEY_PREFIX') ?? 'concerto',
    };
  }
  const origin = optional(env, 'CONCERTO_AUDIT_ORIGIN') ?? 'concerto.local/audit';
  if (/\s/.test(origin) || origin.includes('://')) {
    throw new ConfigError('CONCERTO_AUDIT_ORIGIN', 'must be a schema-less name without spaces, e.g. concerto.example.be/audit');
  }
  const publicUrl = httpUrl(env, 'CONCERTO_PUBLIC_URL');
  return Object.freeze({
    databaseUrl,
    databaseAdminUrl: databaseAdminUrl ?? databaseUrl,
    dataDir: path.resolve(cwd, optional(env, 'CONCERTO_DATA_DIR') ?? 'data'),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 8080, 0, 65535),
    publicUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimitBytes: integer(env, 'CONCERTO_BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    rateLimitPerMinute: integer(env, 'CONCERTO_RATE_LIMIT', 1200, 10, 1_000_000),
    legalRules: legalRulesOverrides(env, cwd),
    itemReview: {
      reviewMonths: integer(env, 'CONCERTO_ITEM_REVIEW_MONTHS', ITEM_REVIEW_DEFAULTS.reviewMonths, 1, 24),
      erasureReviewDays: integer(env, 'CONCERTO_ERASURE_REVIEW_DAYS', ITEM_REVIEW_DEFAULTS.erasureReviewDays, 1, 90),
    },
    processors: {
      monthsBetweenReviews: integer(env, 'CONCERTO_PROCESSOR_REVIEW_MONTHS', PROCESSOR_DEFAULTS.monthsBetweenReviews, 1, 36),
      breakGlassMaxHours: integer(env, 'CONCERTO_BREAK_GLASS_MAX_HOURS', PROCESSOR_DEFAULTS.breakGlassMaxHours, 1, 72),
    },
    trustProxy: boolean(env, 'CONCERTO_TRUST_PROXY', false),
    shutdownTimeoutMs: integer(env, 'CONCERTO_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    keyProvider,
    vault,
    audit: { origin, checkpointIntervalSeconds: integer(env, 'CONCERTO_CHECKPOINT_INTERVAL', 300, 1, 86_400) },
    jobs: {
      intervalSeconds: integer(env, 'CONCERTO_JOBS_INTERVAL_SECONDS', 300, 0, 86_400),
      leaseMinutes: integer(env, 'CONCERTO_JOBS_LEASE_MINUTES', 15, 1, 1440),
    },
    session: {
      idleMinutes: integer(env, 'CONCERTO_SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
      absoluteHours: integer(env, 'CONCERTO_SESSION_ABSOLUTE_HOURS', 8, 1, 7 * 24),
    },
    webauthn: webauthnConfig(env, publicUrl),
    mail: mailConfig(env, publicUrl),
    oidc: oidcConfig(env, publicUrl),
    seedDemo: oneOf(env, 'CONCERTO_DEMO', ['auto', 'off'] as const, 'auto') === 'auto',
  });
}
