/** The secrets of a demo user, generated once and printed by `concerto demo` on every run. */
import { randomBytes } from 'node:crypto';
import { generateRecoveryCodes } from '../auth/credentials/recovery-codes.js';
import { generateTotpSecret } from '../auth/credentials/totp.js';

export interface DemoSecrets {
  password: string;
  totpSecret: string;
  recoveryCodes: string[];
  recoveryCodeHashes: string[];
}

// Crockford's alphabet: a password read off a terminal survives being typed by hand.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** 20 characters of a 32-letter alphabet (100 bits) in dashed groups: within the 12–128 policy. */
function demoPassword(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  const letters = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return letters.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

export function generateDemoSecrets(): DemoSecrets {
  const recovery = generateRecoveryCodes();
  return {
    password: demoPassword(),
    totpSecret: generateTotpSecret(),
    recoveryCodes: recovery.codes,
    recoveryCodeHashes: recovery.hashes,
  };
}
