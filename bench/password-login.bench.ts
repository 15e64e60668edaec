/**
 * Password login cost (issue 3): argon2id verifications per second on one core, against the
 * Keycloak sizing anchor of 15 password logins/s per vCPU, and against a raw SHA-256 of the
 * same input measured in the same run (how much work argon2id adds by design, ASVS 5.0 V11.4.2).
 */
import { createHash } from 'node:crypto';
import { hashPassword, verifyPassword } from '../src/server/modules/auth/credentials/password-hash.js';
import type { BenchRow } from './types.js';

/** Keycloak's published sizing guide: 15 password-based logins per second per vCPU. */
const KEYCLOAK_LOGINS_PER_VCPU = 15;
const ARGON2_SECONDS = 6;
const SHA256_SECONDS = 1;
const WARM_UP = 5;
const PASSWORD = 'violet-harbour-tractor';

/** Operations per second of `one`, run one after the other (one core) for about `seconds`. */
async function perSecond(seconds: number, one: () => unknown): Promise<number> {
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await one();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

export async function run(): Promise<BenchRow[]> {
  const stored = await hashPassword(PASSWORD);
  for (let i = 0; i < WARM_UP; i++) await verifyPassword(stored, PASSWORD);
  const argon2 = await perSecond(ARGON2_SECONDS, () => verifyPassword(stored, PASSWORD));
  const sha256 = await perSecond(SHA256_SECONDS, () => createHash('sha256').update(PASSWORD).digest());
  return [
    {
      scenario: 'password verification (argon2id, 1 core)',
      unit: 'verifications/s',
      value: argon2,
      baseline: KEYCLOAK_LOGINS_PER_VCPU,
      ratio: argon2 / KEYCLOAK_LOGINS_PER_VCPU,
      note: `${(1000 / argon2).toFixed(1)} ms each; baseline is Keycloak's published sizing figure (15 password logins/s per vCPU), not measured here`,
    },
    {
      scenario: 'argon2id verification vs raw SHA-256 of the same input (1 core)',
      unit: 'hashes/s',
      value: argon2,
      baseline: sha256,
      ratio: argon2 / sha256,
      note: 'the gap is the work factor an offline guesser must pay for every guess',
    },
  ];
}
