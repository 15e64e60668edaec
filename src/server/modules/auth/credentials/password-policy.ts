/**
 * Password policy for local accounts (issue 3, ASVS 5.0 V6.2). Length, a breached-password list
 * and context words only: ASVS 6.2.5 forbids composition rules, and 6.2.8 forbids truncating or
 * case-folding what the user typed (the case-insensitive list check only refuses, it never
 * changes the stored secret).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldIssue } from '../../../kernel/errors.js';

/** ASVS 6.2.1 asks for at least 8 and recommends 15; issue 3 settles on 12. */
export const PASSWORD_MIN_LENGTH = 12;
/** ASVS 6.2.9 asks to allow at least 64; 128 bounds the argon2 input and the request body. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Words a guesser tries first against this service (ASVS 6.2.11, "context-specific words").
 * Callers add the account's own e-mail local part and names.
 */
const SERVICE_WORDS = ['concerto', '458ter'];
/** Shorter context words ("jan", "ocmw") would refuse too many good passphrases. */
const MIN_CONTEXT_WORD_LENGTH = 4;

const FIELD = '/body/password';

let breached: ReadonlySet<string> | undefined;

/**
 * The bundled list (ASVS 6.2.4 and 6.2.12: at least the top 3,000 passwords that fit the policy
 * — the file holds over 11,000 of 12+ characters; no network, so that choosing a password never
 * discloses anything to a third party). Read from `src/` even when running from `dist/`, like the
 * migrations, because the build copies no data files.
 */
function breachedPasswords(): ReadonlySet<string> {
  if (!breached) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    // Five levels up from src/… or dist/server/modules/auth/credentials is the repository root.
    const file = path.resolve(
      here,
      '../../../../../src/server/modules/auth/credentials/breached-passwords.txt',
    );
    const lines = readFileSync(file, 'utf8').split('\n');
    breached = new Set(lines.map((line) => line.trim().toLowerCase()).filter((line) => line.length > 0));
  }
  return breached;
}

/**
 * NFC first, so that "é" typed as one or two code points is the same password on every device
 * (NIST SP 800-63B §5.1.1.2 recommends it; unlike truncation or case folding, which ASVS 6.2.8
 * forbids, it merges no two passwords a user could tell apart).
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

export interface PasswordContext {
  /** Words tied to the account (e-mail local part, given name, family name). */
  contextWords?: readonly string[];
}

/**
 * The reasons `password` is refused, as field issues for
 * `DomainError('validation_failed', { fields })`; empty when it is acceptable.
 */
export function checkPassword(password: string, context: PasswordContext = {}): FieldIssue[] {
  const normalised = normalisePassword(password);
  // Code points, not UTF-16 units: an emoji or a CJK character counts as one character.
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [{ field: FIELD, message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` }];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [{ field: FIELD, message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` }];
  }
  const lower = normalised.toLowerCase();
  if (breachedPasswords().has(lower)) {
    return [{ field: FIELD, message: 'is too common: it appears in lists of breached passwords' }];
  }
  const words = [...SERVICE_WORDS, ...(context.contextWords ?? [])]
    .map((word) => word.normalize('NFC').toLowerCase())
    .filter((word) => [...word].length >= MIN_CONTEXT_WORD_LENGTH);
  if (words.some((word) => lower.includes(word))) {
    return [{ field: FIELD, message: 'must not contain the name of the service or of the account' }];
  }
  return [];
}
