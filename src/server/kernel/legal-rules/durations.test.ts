import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CivilDate, compareCivilDates } from './civil-date.js';
import { type Duration, days, deadlineAfter, lastDayOf, months, workingDays, years } from './durations.js';

const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 0, max: 500 }).map(days),
  fc.integer({ min: 0, max: 60 }).map(workingDays),
  fc.integer({ min: 0, max: 400 }).map(months),
  fc.integer({ min: 0, max: 40 }).map(years),
);
const instant = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('legal periods', () => {
  it('does not count the starting day: 45 days from 10 January end on 24 February', () => {
    expect(lastDayOf('2025-01-10', days(45))).toBe('2025-02-24');
  });

  it('a year is twelve calendar months, clamped on 29 February', () => {
    expect(lastDayOf('2024-02-29', years(1))).toBe('2025-02-28');
    expect(lastDayOf('2024-02-29', years(30))).toBe('2054-02-28');
    expect(lastDayOf('2096-02-29', years(4))).toBe('2100-02-28');
  });

  it('counts working days from the next day, skipping weekends and holidays', () => {
    expect(lastDayOf('2025-05-30', workingDays(3))).toBe('2025-06-04'); // Fri → Mon, Tue, Wed
    expect(lastDayOf('2025-05-27', workingDays(3))).toBe('2025-06-02'); // Tue → Wed, (Ascension), Fri, Mon
    expect(lastDayOf('2025-12-24', workingDays(1))).toBe('2025-12-26');
  });

  it('starts from the Brussels date of an instant: 23:30 UTC on 10 January is 11 January', () => {
    expect(deadlineAfter(new Date('2025-01-10T23:30:00Z'), days(45), 'r').date).toBe('2025-02-25');
  });

  it('ends at 24:00 Brussels time of the last day, across DST changes', () => {
    // Start in winter, end in summer time and the reverse.
    expect(deadlineAfter('2025-01-15', months(3), 'r').endsAt.toISOString()).toBe('2025-04-15T22:00:00.000Z');
    expect(deadlineAfter('2025-08-15', months(3), 'r').endsAt.toISOString()).toBe('2025-11-15T23:00:00.000Z');
    // The last day is the DST change day itself.
    expect(deadlineAfter('2025-02-28', days(30), 'r')).toMatchObject({ date: '2025-03-30' });
    expect(deadlineAfter('2025-02-28', days(30), 'r').endsAt.toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(deadlineAfter('2025-09-26', months(1), 'r').endsAt.toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('property: a deadline never ends before its start, and its instant closes its date', () => {
    fc.assert(
      fc.property(instant, duration, (start, d) => {
        const deadline = deadlineAfter(start, d, 'r');
        expect(deadline.endsAt.getTime()).toBeGreaterThan(start.getTime());
        expect(deadlineAfter(deadline.date, days(0), 'r').endsAt).toEqual(deadline.endsAt);
      }),
    );
  });

  it('property: a longer period never ends earlier', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (start, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          for (const unit of [days, months, workingDays]) {
            const end = (n: number): CivilDate => lastDayOf(start, unit(n));
            expect(compareCivilDates(end(short), end(long))).toBeLessThanOrEqual(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
