import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsDateOf, endOfBrusselsDay, startOfBrusselsDay } from './brussels-time.js';

const HOUR = 3_600_000;

describe('Brussels legal days', () => {
  it('reads an instant as the Brussels civil date, not the UTC one', () => {
    expect(brusselsDateOf(new Date('2025-01-10T22:59:59.999Z'))).toBe('2025-01-10');
    expect(brusselsDateOf(new Date('2025-01-10T23:00:00Z'))).toBe('2025-01-11'); // CET, UTC+1
    expect(brusselsDateOf(new Date('2025-07-10T21:59:59Z'))).toBe('2025-07-10');
    expect(brusselsDateOf(new Date('2025-07-10T22:00:00Z'))).toBe('2025-07-11'); // CEST, UTC+2
    expect(brusselsDateOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('ends a winter day at 23:00 UTC and a summer day at 22:00 UTC', () => {
    expect(endOfBrusselsDay('2025-02-24').toISOString()).toBe('2025-02-24T23:00:00.000Z');
    expect(endOfBrusselsDay('2025-04-15').toISOString()).toBe('2025-04-15T22:00:00.000Z');
  });

  it('last Sunday of March (30 March 2025): the day has 23 hours', () => {
    expect(endOfBrusselsDay('2025-03-29').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfBrusselsDay('2025-03-30').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(endOfBrusselsDay('2025-03-30').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(endOfBrusselsDay('2025-03-30').getTime() - startOfBrusselsDay('2025-03-30').getTime()).toBe(
      23 * HOUR,
    );
    // 01:30 UTC is 03:30 CEST, after the 02:00 → 03:00 jump.
    expect(brusselsDateOf(new Date('2025-03-30T01:30:00Z'))).toBe('2025-03-30');
  });

  it('last Sunday of October (26 October 2025): the day has 25 hours', () => {
    expect(endOfBrusselsDay('2025-10-25').toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(endOfBrusselsDay('2025-10-26').toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect(endOfBrusselsDay('2025-10-26').getTime() - startOfBrusselsDay('2025-10-26').getTime()).toBe(
      25 * HOUR,
    );
  });

  it('property: every instant lies within its own Brussels day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2150-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const day = brusselsDateOf(instant);
          expect(startOfBrusselsDay(day).getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(endOfBrusselsDay(day).getTime()).toBeGreaterThan(instant.getTime());
        },
      ),
    );
  });
});
