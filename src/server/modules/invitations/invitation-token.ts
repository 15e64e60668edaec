/**
 * Invitation tokens (ASVS 5.0 V6.4.1): 256 random bits, handed over once in the link, kept only
 * as SHA-256. A hash lookup is enough: a 256-bit secret needs no slow hash to resist guessing.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;

/** The longest token accepted for hashing; anything longer is refused like a forged one. */
export const MAX_TOKEN_LENGTH = 128;

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A fresh token (base64url, 43 characters) and the hash to store. */
export function newInvitationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}
