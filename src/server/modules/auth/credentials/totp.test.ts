import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { generateTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from './totp.js';

/** RFC 6238 Appendix B: the ASCII secret "12345678901234567890" in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** RFC 6238 Appendix B, SHA-1 column (8 digits). */
const RFC_VECTORS: [unixSeconds: number, code: string][] = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);
const NOW = at(1_750_000_005); // 5 s into step 58,333,333

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 Appendix B SHA-1 vector at T=%i', (seconds, expected) => {
    expect(totpCode({ secret: RFC_SECRET, now: at(seconds), digits: 8 })).toBe(expected);
  });

  it('produces 6 digits in production: the low 6 digits of the RFC value', () => {
    expect(totpCode({ secret: RFC_SECRET, now: at(59) })).toBe('287082');
  });

  it('generates 20-byte base32 secrets, different each time', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits = 32 base32 characters, no padding
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('builds the otpauth:// URI an authenticator app reads from the QR code', () => {
    const uri = new URL(totpUri({ secret: RFC_SECRET, account: 'anne.dupont@example.be' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Concerto:anne.dupont@example.be');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Concerto');
    // Absent parameters mean SHA1, 6 digits and 30 s to authenticator apps, which is what we use.
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
  });

  it('SEC-01 accepts the current code and returns its step', () => {
    const code = totpCode({ secret: RFC_SECRET, now: NOW });
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: null, now: NOW })).toEqual({
      ok: true,
      step: totpStep(NOW),
    });
  });

  it('accepts a code typed with a space, as apps display it', () => {
    const code = totpCode({ secret: RFC_SECRET, now: NOW });
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(verifyTotp({ secret: RFC_SECRET, code: spaced, lastUsedStep: null, now: NOW }).ok).toBe(true);
  });

  it('SEC-01 refuses a replayed TOTP code', () => {
    const clock = new ManualClock(NOW);
    const code = totpCode({ secret: RFC_SECRET, now: clock.now() });
    const first = verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: null, now: clock.now() });
    expect(first.ok).toBe(true);
    const lastUsedStep = first.ok ? first.step : null;
    // The same code again, within the same step and in the next one (still inside the window).
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep, now: clock.now() })).toEqual({ ok: false });
    clock.advanceMs(30_000);
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep, now: clock.now() })).toEqual({ ok: false });
    // The next code is fine.
    const next = totpCode({ secret: RFC_SECRET, now: clock.now() });
    expect(verifyTotp({ secret: RFC_SECRET, code: next, lastUsedStep, now: clock.now() })).toEqual({
      ok: true,
      step: totpStep(clock.now()),
    });
  });

  it('SEC-01 refuses an older code once a later one was used', () => {
    const previous = totpCode({ secret: RFC_SECRET, now: at(1_750_000_005 - 30) });
    const result = verifyTotp({ secret: RFC_SECRET, code: previous, lastUsedStep: totpStep(NOW), now: NOW });
    expect(result).toEqual({ ok: false });
  });

  it('refuses everything when the last used step is ahead of the window (clock moved back)', () => {
    const code = totpCode({ secret: RFC_SECRET, now: NOW });
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: totpStep(NOW) + 5, now: NOW })).toEqual({
      ok: false,
    });
  });

  it.each([-1, 1])('SEC-01 accepts a code one step off (%i) for clock drift', (offset) => {
    const code = totpCode({ secret: RFC_SECRET, now: at(1_750_000_005 + offset * 30) });
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: null, now: NOW })).toEqual({
      ok: true,
      step: totpStep(NOW) + offset,
    });
  });

  it.each([-2, 2])('SEC-01 refuses a code two steps off (%i)', (offset) => {
    const code = totpCode({ secret: RFC_SECRET, now: at(1_750_000_005 + offset * 30) });
    expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: null, now: NOW })).toEqual({ ok: false });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 34 5a'])(
    'refuses the malformed code %j without throwing',
    (code) => {
      expect(verifyTotp({ secret: RFC_SECRET, code, lastUsedStep: null, now: NOW })).toEqual({ ok: false });
    },
  );

  it('refuses a wrong code', () => {
    const right = totpCode({ secret: RFC_SECRET, now: NOW });
    const wrong = `${right.slice(0, 5)}${(Number(right[5]) + 1) % 10}`;
    const window = [-1, 0, 1].map((offset) =>
      totpCode({ secret: RFC_SECRET, now: at(1_750_000_005 + offset * 30) }),
    );
    expect(window).not.toContain(wrong); // fixed inputs, so this precondition is deterministic
    expect(verifyTotp({ secret: RFC_SECRET, code: wrong, lastUsedStep: null, now: NOW })).toEqual({
      ok: false,
    });
  });
});
