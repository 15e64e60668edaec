/**
 * Session secrets (ASVS 5.0 V7.2). The cookie carries 256 random bits; the database keeps only
 * their SHA-256, so a leaked `sessions` table cannot be replayed as cookies (V7.2.4 "stored
 * hashed"). The CSRF synchroniser token is an HMAC keyed by the session secret: the holder of
 * the cookie can always be given it again (`GET /api/session`), while a page that only learns
 * the token learns nothing about the cookie (HMAC is one-way).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 bytes = 256 bits, twice the 128 bits that ASVS V7.2.3 asks for. */
const SECRET_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const CSRF_LABEL = 'concerto-csrf-v1';

export interface SessionSecret {
  /** What the cookie holds; never stored. */
  cookieValue: string;
  /** The sessions primary key. */
  idHash: Buffer;
}

export function newSessionSecret(): SessionSecret {
  const cookieValue = randomBytes(SECRET_BYTES).toString('base64url');
  return { cookieValue, idHash: sessionIdHash(cookieValue)! };
}

/** The primary key of the session the cookie names; undefined for a value Concerto never issues. */
export function sessionIdHash(cookieValue: string): Buffer | undefined {
  if (!SECRET_FORMAT.test(cookieValue)) return undefined;
  return createHash('sha256').update(cookieValue, 'ascii').digest();
}

export function csrfTokenFor(cookieValue: string): string {
  return createHmac('sha256', cookieValue).update(CSRF_LABEL).digest('base64url');
}

/** Constant-time comparison, so that the response time does not reveal a matching prefix. */
export function sameToken(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** SHA-256 of a throttling key (typed e-mail or client address): counted without being kept. */
export function throttleKey(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
