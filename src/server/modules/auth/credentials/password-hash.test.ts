import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2_MEMORY_KIB,
  ARGON2_PARALLELISM,
  ARGON2_TIME_COST,
  DUMMY_HASH,
  dummyVerify,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './password-hash.js';

const PASSWORD = 'violet-harbour-tractor';

const RUNS = 15;

async function elapsedMs(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('password hashing', () => {
  it('stores an argon2id PHC string with the OWASP parameters and a fresh salt', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(
      new RegExp(
        `^\\$argon2id\\$v=19\\$m=${ARGON2_MEMORY_KIB},t=${ARGON2_TIME_COST},p=${ARGON2_PARALLELISM}\\$`,
      ),
    );
    expect(first).not.toBe(second);
    expect(first).not.toContain(PASSWORD);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, 'violet-harbour-tractoR')).toBe(false);
  });

  it('verifies the same password typed in another Unicode normal form', async () => {
    const stored = await hashPassword('café-crème-brûlée');
    expect(await verifyPassword(stored, 'cafe\u0301-cre\u0300me-bru\u0302le\u0301e')).toBe(true);
  });

  it('asks for a rehash only when the parameters differ from today’s', async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    const weaker = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(needsRehash(weaker)).toBe(true);
    const argon2i = await hash(PASSWORD, { algorithm: 1 });
    expect(needsRehash(argon2i)).toBe(true);
  });

  it('SEC-01 spends the time of a failed verification for an unknown user (no enumeration by timing)', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await dummyVerify()).toBe(false);
    await verifyPassword(stored, 'warm-up-attempt');
    // Interleaved, so that load from the rest of the machine hits both series alike.
    const real: number[] = [];
    const dummy: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      real.push(await elapsedMs(() => verifyPassword(stored, 'wrong-password-here')));
      dummy.push(await elapsedMs(() => dummyVerify()));
    }
    const ratio = median(real) / median(dummy);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
