import { describe, expect, it } from 'vitest';
import { matchValue, mfaInstant, providerAssertsMfa } from './oidc-rules.js';

describe('what an SSO login must prove', () => {
  it.each([
    [{ amr: ['pwd', 'otp'] }, true],
    [{ amr: ['mfa'] }, true],
    [{ amr: ['hwk', 'user'] }, true],
    [{ amr: ['sc', 'pin'] }, true],
    [{ amr: ['pwd'] }, false],
    [{ amr: 'otp' }, false],
    [{}, false],
    [{ amr: ['pwd'], acr: 'urn:be:fedict:iam:fas:Level500' }, true],
    [{ amr: ['pwd'], acr: 'urn:be:fedict:iam:fas:Level100' }, false],
  ])('SEC-01 counts %j as MFA at the provider: %s', (claims, expected) => {
    expect(providerAssertsMfa(claims, ['urn:be:fedict:iam:fas:Level500'])).toBe(expected);
  });

  it('matches on a verified e-mail claim, normalised, and on another claim as given', () => {
    expect(matchValue({ email: ' A.Peeters@CPAS.example ', email_verified: true }, 'email')).toEqual({
      ok: true,
      email: 'a.peeters@cpas.example',
    });
    expect(matchValue({ email: 'a@b.example', email_verified: 'true' }, 'email')).toEqual({
      ok: false,
      reason: 'email_not_verified',
    });
    expect(matchValue({ upn: 'A@B.example' }, 'upn')).toEqual({ ok: true, email: 'a@b.example' });
    expect(matchValue({ email: 'a@b.example', email_verified: true }, 'upn')).toEqual({
      ok: false,
      reason: 'match_claim_missing',
    });
  });

  it('dates the second factor at the provider’s auth_time, never in the future', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(mfaInstant({ auth_time: Date.parse('2026-11-23T09:30:00Z') / 1000 }, now)).toEqual(
      new Date('2026-11-23T09:30:00Z'),
    );
    expect(mfaInstant({ auth_time: Date.parse('2026-11-23T10:05:00Z') / 1000 }, now)).toEqual(now);
    expect(mfaInstant({}, now)).toEqual(now);
  });
});
