/**
 * Progressive delay after failed logins (ASVS 5.0 V6.3.1), per typed account and per client
 * address. Counters live in PostgreSQL so that every app instance sees the same ones. A
 * blocked attempt is refused before any password work, and unknown accounts are counted
 * like real ones, so the delay reveals nothing about which accounts exist.
 */
export type ThrottleScope = 'account' | 'address';

/** Failures tolerated before the first delay: a person mistyping, not a guesser. */
export const THROTTLE_THRESHOLD: Record<ThrottleScope, number> = {
  account: 5,
  // An address may be a whole organisation behind one NAT: more room before it is slowed.
  address: 20,
};
/** Failures older than this are forgotten; longer than the longest delay, so a patient guesser stays slow. */
export const THROTTLE_WINDOW_MS = 60 * 60_000;
const FIRST_DELAY_MS = 30_000;
const LONGEST_DELAY_MS = 15 * 60_000;

export interface ThrottleState {
  scope: ThrottleScope;
  failures: number;
  last_failure_at: Date;
}

/** Until when a new attempt is refused, or undefined when it may go ahead. */
export function blockedUntil(state: ThrottleState, now: Date): Date | undefined {
  if (now.getTime() - state.last_failure_at.getTime() > THROTTLE_WINDOW_MS) return undefined;
  const over = state.failures - THROTTLE_THRESHOLD[state.scope];
  if (over < 0) return undefined;
  // 30 s, 1 min, 2 min, … up to 15 min: each further failure doubles the wait.
  const delay = Math.min(FIRST_DELAY_MS * 2 ** over, LONGEST_DELAY_MS);
  const until = new Date(state.last_failure_at.getTime() + delay);
  return now < until ? until : undefined;
}

/** The start of the window: failures before it restart the count at one. */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}
