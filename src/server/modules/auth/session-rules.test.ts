import { describe, expect, it } from 'vitest';
import { blockedUntil } from './login-throttle.js';
import { lastSeenDue, sessionEnd } from './session-lifetime.js';
import { csrfTokenFor, newSessionSecret, sameToken, sessionIdHash } from './session-tokens.js';
import { userAgentSummary } from './user-agent-summary.js';

const at = (iso: string) => new Date(iso);

describe('session secrets', () => {
  it('issues 256-bit cookie values, stored as their SHA-256 only', () => {
    const a = newSessionSecret();
    const b = newSessionSecret();
    expect(Buffer.from(a.cookieValue, 'base64url')).toHaveLength(32);
    expect(a.cookieValue).not.toBe(b.cookieValue);
    expect(a.idHash).toHaveLength(32);
    expect(sessionIdHash(a.cookieValue)!.equals(a.idHash)).toBe(true);
    expect(a.idHash.toString('base64url')).not.toBe(a.cookieValue);
  });

  it('knows no session for a value Concerto never issues', () => {
    for (const value of ['', 'short', `${'A'.repeat(42)}=`, 'A'.repeat(44), `${'A'.repeat(42)}/`]) {
      expect(sessionIdHash(value), value).toBeUndefined();
    }
  });

  it('derives a per-session CSRF token that reveals nothing of the cookie, and compares it exactly', () => {
    const { cookieValue } = newSessionSecret();
    const token = csrfTokenFor(cookieValue);
    expect(token).toBe(csrfTokenFor(cookieValue));
    expect(token).not.toBe(csrfTokenFor(newSessionSecret().cookieValue));
    expect(token).not.toContain(cookieValue.slice(0, 8));
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(undefined, token)).toBe(false);
    expect(sameToken(`${token}x`, token)).toBe(false);
    expect(sameToken('', token)).toBe(false);
  });
});

describe('session lifetime', () => {
  const limits = { idleMinutes: 15, absoluteHours: 8 };
  const session = { created_at: at('2026-03-02T09:00:00Z'), last_seen_at: at('2026-03-02T15:00:00Z') };

  it('runs until 15 idle minutes or 8 hours, whichever comes first', () => {
    expect(sessionEnd(session, at('2026-03-02T15:14:59Z'), limits)).toBeUndefined();
    expect(sessionEnd(session, at('2026-03-02T15:15:00Z'), limits)).toBe('idle');
    const busy = { ...session, last_seen_at: at('2026-03-02T16:59:00Z') };
    expect(sessionEnd(busy, at('2026-03-02T16:59:59Z'), limits)).toBeUndefined();
    expect(sessionEnd(busy, at('2026-03-02T17:00:00Z'), limits)).toBe('absolute');
  });

  it('records the last activity at most every 30 seconds, so the idle timeout never runs late', () => {
    const seen = at('2026-03-02T15:00:00Z');
    expect(lastSeenDue(seen, at('2026-03-02T15:00:29.999Z'))).toBe(false);
    expect(lastSeenDue(seen, at('2026-03-02T15:00:30Z'))).toBe(true);
  });

  it('follows the configured limits', () => {
    expect(sessionEnd(session, at('2026-03-02T15:05:00Z'), { idleMinutes: 5, absoluteHours: 8 })).toBe(
      'idle',
    );
    expect(sessionEnd(session, at('2026-03-02T15:01:00Z'), { idleMinutes: 15, absoluteHours: 6 })).toBe(
      'absolute',
    );
  });
});

describe('login throttle', () => {
  const last = at('2026-03-02T09:00:00Z');
  const plus = (ms: number) => new Date(last.getTime() + ms);

  it('lets the first failures through and then doubles the wait, up to 15 minutes', () => {
    expect(blockedUntil({ scope: 'account', failures: 4, last_failure_at: last }, last)).toBeUndefined();
    expect(blockedUntil({ scope: 'account', failures: 5, last_failure_at: last }, last)).toEqual(
      plus(30_000),
    );
    expect(blockedUntil({ scope: 'account', failures: 6, last_failure_at: last }, last)).toEqual(
      plus(60_000),
    );
    expect(blockedUntil({ scope: 'account', failures: 30, last_failure_at: last }, last)).toEqual(
      plus(15 * 60_000),
    );
    expect(
      blockedUntil({ scope: 'account', failures: 5, last_failure_at: last }, plus(30_000)),
    ).toBeUndefined();
  });

  it('gives an address more room than an account', () => {
    expect(blockedUntil({ scope: 'address', failures: 19, last_failure_at: last }, last)).toBeUndefined();
    expect(blockedUntil({ scope: 'address', failures: 20, last_failure_at: last }, last)).toEqual(
      plus(30_000),
    );
  });
});

describe('user agent summary', () => {
  it('keeps the browser family and the system, nothing else', () => {
    expect(
      userAgentSummary(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      userAgentSummary(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(userAgentSummary('curl/8.5.0')).toBe('Unknown device');
    expect(userAgentSummary(undefined)).toBe('Unknown device');
  });
});
