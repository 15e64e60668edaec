/**
 * AES-256-GCM sealing shared by the key providers and the envelope (ARCHITECTURE §3.3).
 *
 * Layout of a sealed value: iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext. The IV is random per
 * call: NIST SP 800-38D §8.2.2 allows 2^32 random-IV messages per key, far above what one
 * data key or key-encryption key ever seals (the envelope rotates data keys long before).
 */
import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a sealed value was altered, or opened with the wrong key or AAD. */
export class AuthenticationFailedError extends Error {
  constructor() {
    super('AES-GCM authentication failed (wrong key, wrong associated data or altered ciphertext)');
    this.name = 'AuthenticationFailedError';
  }
}

export function seal(key: KeyObject | Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function open(key: KeyObject | Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new AuthenticationFailedError();
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AuthenticationFailedError();
  }
}
