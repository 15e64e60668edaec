/**
 * The only source of "now" for domain code. Legal deadlines are computed from an
 * injected clock so that tests can move time (ARCHITECTURE §3.5).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that tests set and advance by hand. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date | string) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(at: Date | string): void {
    this.#now = new Date(at);
  }

  advanceMs(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/**
 * A clock that reads `start` now and then runs at the pace of `base`: the daily jobs rehearsed as
 * of another day on a demo database (`concerto jobs run --as-of`), their events still in order.
 */
export function clockFrom(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
