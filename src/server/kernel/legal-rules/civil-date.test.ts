import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type CivilDate,
  compareCivilDates,
  isoWeekday,
  parseCivilDate,
} from './civil-date.js';

const civilDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as CivilDate);

const monthIndex = (date: CivilDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

describe('civil dates', () => {
  it('refuses dates that are not on the calendar', () => {
    for (const bad of [
      '2025-02-29',
      '2100-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-1-01',
      '1899-12-31',
      'x',
    ]) {
      expect(() => parseCivilDate(bad), bad).toThrow(/not a civil date/);
    }
    expect(parseCivilDate('2024-02-29')).toBe('2024-02-29');
    expect(parseCivilDate('2000-02-29')).toBe('2000-02-29');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('clamps to the end of a shorter month (31 Jan, 30 Apr, 31 Dec)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-30', 1)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonths('2025-04-30', 1)).toBe('2025-05-30');
    expect(addMonths('2025-04-30', 10)).toBe('2026-02-28');
    expect(addMonths('2025-12-31', 1)).toBe('2026-01-31');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
  });

  it('handles 29 February: +1 month, +1 year, +4 years, +30 years, and 2100 is not a leap year', () => {
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 360)).toBe('2054-02-28');
    expect(addMonths('2096-02-29', 48)).toBe('2100-02-28');
    expect(addMonths('2096-02-29', 48 * 2)).toBe('2104-02-29');
    expect(addMonths('2000-02-29', 12 * 100)).toBe('2100-02-28');
  });

  it('knows the weekday', () => {
    expect(isoWeekday('2025-05-30')).toBe(5); // Friday
    expect(isoWeekday('2025-06-01')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('property: adding n months lands in exactly the n-th month, never skipping one', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 0, max: 400 }), (start, n) => {
        const end = addMonths(start, n);
        expect(monthIndex(end) - monthIndex(start)).toBe(n);
        expect(Number(end.slice(8))).toBeLessThanOrEqual(Number(start.slice(8)));
        expect(compareCivilDates(end, start)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('property: months add up monotonically (a later start never ends earlier)', () => {
    fc.assert(
      fc.property(civilDate, civilDate, fc.integer({ min: 0, max: 400 }), (a, b, n) => {
        const [early, late] = compareCivilDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareCivilDates(addMonths(early, n), addMonths(late, n))).toBeLessThanOrEqual(0);
      }),
    );
  });
});
