import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

const GOOD = 'violet-harbour-tractor';

describe('password policy', () => {
  it('SEC-01 accepts a 12-character password and refuses 11 characters', () => {
    expect(checkPassword('kq7#vmz-Wt2p')).toEqual([]);
    expect(checkPassword('kq7#vmz-Wt2')).toEqual([
      { field: '/body/password', message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` },
    ]);
  });

  it('counts Unicode code points, not UTF-16 units or bytes', () => {
    // 11 emoji are 22 UTF-16 units and 44 UTF-8 bytes, yet only 11 characters.
    expect(checkPassword('🔒'.repeat(11))).toHaveLength(1);
    expect(checkPassword('🔒'.repeat(12))).toEqual([]);
    expect(checkPassword('🔒'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(checkPassword('🔒'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([
      { field: '/body/password', message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` },
    ]);
  });

  it('normalises to NFC before counting: a decomposed "é" is one character', () => {
    const decomposed = 'e\u0301'.repeat(11); // 22 code points before NFC, 11 after
    expect(checkPassword(decomposed)).toHaveLength(1);
    expect(checkPassword(`${decomposed}x`)).toEqual([]);
  });

  it('accepts 128 and refuses 129 ASCII characters', () => {
    expect(checkPassword('a1b2c3d4'.repeat(16))).toEqual([]);
    expect(checkPassword(`${'a1b2c3d4'.repeat(16)}x`)).toHaveLength(1);
  });

  it('SEC-01 refuses a breached password whatever its case', () => {
    for (const password of [
      'wachtwoord123',
      'WachtWoord123',
      'MOTDEPASSE2024',
      'Qwertyuiop123',
      'Password2024!',
    ]) {
      const [issue] = checkPassword(password);
      expect(issue?.message, password).toMatch(/breached/);
    }
  });

  it('ships at least 3,000 lower-case breached passwords that the length rule would let through (ASVS 6.2.4)', () => {
    const lines = readFileSync(new URL('./breached-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(lines.every((line) => line === line.toLowerCase().trim())).toBe(true);
    expect(lines.filter((line) => [...line].length >= PASSWORD_MIN_LENGTH).length).toBeGreaterThanOrEqual(
      3000,
    );
  });

  it('refuses the service name and account words, but not an unrelated passphrase', () => {
    expect(checkPassword('my-Concerto-pass!')[0]?.message).toMatch(/name of the service/);
    expect(checkPassword('dupontanne-rocks', { contextWords: ['Dupont', 'anne'] })[0]?.message).toMatch(
      /account/,
    );
    // Context words shorter than four characters would refuse too much.
    expect(checkPassword(GOOD, { contextWords: ['vio'] })).toEqual([]);
  });

  it('returns issues that a validation_failed DomainError carries as is', () => {
    const error = new DomainError('validation_failed', { fields: checkPassword('short') });
    expect(error.status).toBe(400);
    expect(error.details.fields?.[0]?.field).toBe('/body/password');
  });
});
