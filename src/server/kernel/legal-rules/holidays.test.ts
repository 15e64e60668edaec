import { describe, expect, it } from 'vitest';
import { belgianPublicHolidays, easterSunday, isBelgianWorkingDay } from './holidays.js';

describe('Belgian working days', () => {
  it('computes Gregorian Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible date
  });

  it('lists the ten legal public holidays of 2025', () => {
    expect(belgianPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-09',
      '2025-07-21',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it('excludes Saturdays, Sundays and public holidays, and nothing else', () => {
    expect(isBelgianWorkingDay('2025-05-30')).toBe(true); // Friday after Ascension: a bridge day, still working
    expect(isBelgianWorkingDay('2025-05-31')).toBe(false); // Saturday
    expect(isBelgianWorkingDay('2025-06-01')).toBe(false); // Sunday
    expect(isBelgianWorkingDay('2025-05-29')).toBe(false); // Ascension
    expect(isBelgianWorkingDay('2025-07-21')).toBe(false); // National Day, a Monday
    expect(isBelgianWorkingDay('2025-07-11')).toBe(true); // Flemish Community holiday is not a legal one
  });
});
