/**
 * Single-use recovery codes ("lookup secrets", ASVS 5.0 V6.5), shown once at MFA enrolment so
 * that a lost phone does not lock a professional out of a running case consultation (issue 3).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/**
 * 15 CSPRNG bytes = 120 bits = 24 Crockford base32 characters. ASVS 5.0 V6.5.2 allows a plain
 * hash only for lookup secrets of at least 112 bits (below that it asks for a salted password
 * hash, i.e. ten argon2 runs per attempt): at 120 bits a SHA-256 of the code is as strong as the
 * code itself, so a stolen table of hashes yields nothing.
 */
const CODE_BYTES = 15;
const GROUP_LENGTH = 4;

/** Crockford's alphabet: no I, L, O or U, so codes survive being read aloud or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = (CODE_BYTES * 8) / 5;
const CANONICAL = new RegExp(`^[${ALPHABET}]{${CODE_CHARS}}$`);

function crockford(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** What the user typed, in canonical form: no spaces or dashes, upper case, Crockford's look-alikes mapped. */
function canonical(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

const digest = (canonicalCode: string): Buffer =>
  createHash('sha256').update(canonicalCode, 'ascii').digest();

export interface RecoveryCodes {
  /** Shown to the user once, e.g. "7K3M-Q9XD-…", never stored. */
  codes: string[];
  /** Hex SHA-256 of each code, index for index: what the account stores. */
  hashes: string[];
}

export function generateRecoveryCodes(): RecoveryCodes {
  const codes: string[] = [];
  const hashes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const plain = crockford(randomBytes(CODE_BYTES));
    codes.push(plain.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-'));
    hashes.push(digest(plain).toString('hex'));
  }
  return { codes, hashes };
}

/**
 * The index in `hashes` of the code the user typed, or -1. Single use (ASVS 5.0 V6.5.1) is the
 * caller's part: it removes `hashes[index]` in the same transaction as the login, so a code
 * never matches twice.
 */
export function matchRecoveryCode(input: string, hashes: readonly string[]): number {
  const code = canonical(input);
  // The format is public, so refusing a malformed input early reveals nothing.
  if (!CANONICAL.test(code)) return -1;
  const candidate = digest(code);
  let found = -1;
  // Compare with every stored hash, without stopping early, so the time does not tell which matched.
  hashes.forEach((stored, index) => {
    const bytes = Buffer.from(stored, 'hex');
    if (bytes.length === candidate.length && timingSafeEqual(bytes, candidate) && found === -1) found = index;
  });
  return found;
}
