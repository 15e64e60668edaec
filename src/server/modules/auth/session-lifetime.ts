/**
 * When a session ends (ASVS 5.0 V7.3.1 idle timeout, V7.3.2 absolute lifetime). Both limits
 * come from configuration; "now" from the injected clock.
 */
export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionTimes {
  created_at: Date;
  last_seen_at: Date;
}

const MINUTE_MS = 60_000;

/**
 * How long a proven second factor counts as fresh for sensitive actions (exports, own-file
 * transfers, key operations, role changes, adding a passkey): issue 3 scope 4, ASVS 5.0 V7.5.3
 * (further authentication before highly sensitive operations). A security setting, not a legal
 * number: no article fixes it.
 */
export const FRESH_MFA_MINUTES = 5;

/** Whether the second factor proven at `mfaAt` (null: never in this session) is still fresh at `now`. */
export function mfaIsFresh(mfaAt: Date | null, now: Date): boolean {
  return mfaAt !== null && now.getTime() - mfaAt.getTime() < FRESH_MFA_MINUTES * MINUTE_MS;
}

/**
 * How often a session's last activity is written. Otherwise every request of a working session
 * writes (and, with synchronous commit, flushes to disk) its sessions row before its own work.
 * Written at most every 30 seconds, the idle timeout ends a session at most 30 seconds early:
 * stricter than the limit, never later.
 */
export const LAST_SEEN_GRANULARITY_SECONDS = 30;

/** Whether a request at `now` records itself as the session's last activity. */
export function lastSeenDue(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_SECONDS * 1000;
}

export function idleExpiry(session: SessionTimes, limits: SessionLimits): Date {
  return new Date(session.last_seen_at.getTime() + limits.idleMinutes * MINUTE_MS);
}

export function absoluteExpiry(session: SessionTimes, limits: SessionLimits): Date {
  return new Date(session.created_at.getTime() + limits.absoluteHours * 60 * MINUTE_MS);
}

/** Why the session has ended at `now`, or undefined while it runs. */
export function sessionEnd(
  session: SessionTimes,
  now: Date,
  limits: SessionLimits,
): 'absolute' | 'idle' | undefined {
  if (now >= absoluteExpiry(session, limits)) return 'absolute';
  if (now >= idleExpiry(session, limits)) return 'idle';
  return undefined;
}
