import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, matchRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';

describe('recovery codes', () => {
  it('SEC-01 generates 10 distinct codes of 6 groups of 4 Crockford characters (120 bits)', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(hashes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
  });

  it('stores SHA-256 hashes, never the codes', () => {
    const { codes, hashes } = generateRecoveryCodes();
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = hashes.join('\n');
    for (const code of codes) expect(stored).not.toContain(code.replace(/-/g, '').toLowerCase());
  });

  it('matches each code to its own index', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes.map((code) => matchRecoveryCode(code, hashes))).toEqual([...codes.keys()]);
  });

  it('matches whatever the spacing, dashes, case and Crockford look-alikes', () => {
    const { codes, hashes } = generateRecoveryCodes();
    const code = codes[3]!;
    const plain = code.replace(/-/g, '');
    expect(matchRecoveryCode(plain.toLowerCase(), hashes)).toBe(3);
    expect(matchRecoveryCode(` ${plain.match(/.{4}/g)!.join(' ')} `, hashes)).toBe(3);
    const lookAlikes = code.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(matchRecoveryCode(lookAlikes, hashes)).toBe(3);
  });

  it('SEC-01 makes a code single use: once the caller removes its hash, it no longer matches', () => {
    const { codes, hashes } = generateRecoveryCodes();
    const index = matchRecoveryCode(codes[7]!, hashes);
    expect(index).toBe(7);
    const remaining = hashes.filter((_, i) => i !== index);
    expect(matchRecoveryCode(codes[7]!, remaining)).toBe(-1);
    // The other codes still work, at their new positions.
    expect(matchRecoveryCode(codes[8]!, remaining)).toBe(7);
  });

  it('refuses any input that is not one of the codes', () => {
    const { codes, hashes } = generateRecoveryCodes();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        fc.pre(!codes.includes(input.toUpperCase()));
        expect(matchRecoveryCode(input, hashes)).toBe(-1);
      }),
    );
    expect(matchRecoveryCode(codes[0]!.slice(0, -1), hashes)).toBe(-1);
    expect(matchRecoveryCode(codes[0]!, [])).toBe(-1);
    expect(matchRecoveryCode(codes[0]!, ['not-hex'])).toBe(-1);
  });
});
