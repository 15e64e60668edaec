import { addDays, type CivilDate, civilDateOf, isoWeekday } from './civil-date.js';

/**
 * The ten Belgian legal public holidays (law of 4 January 1974 and royal decree of 18 April 1974
 * – external, verify; not in the seeds): New Year, Easter Monday, Labour Day, Ascension, Whit
 * Monday, National Day, Assumption, All Saints, Armistice, Christmas. Regional and community
 * holidays (e.g. 11 July, 27 September) and bridge days are not legal holidays and are not listed.
 */
export function belgianPublicHolidays(year: number): CivilDate[] {
  const easter = easterSunday(year);
  return [
    civilDateOf(year, 1, 1),
    addDays(easter, 1),
    civilDateOf(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    civilDateOf(year, 7, 21),
    civilDateOf(year, 8, 15),
    civilDateOf(year, 11, 1),
    civilDateOf(year, 11, 11),
    civilDateOf(year, 12, 25),
  ];
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDateOf(year, month, day);
}

/** 2007/1992 art. 17 §2 "jours ouvrables": Monday to Friday, except Belgian public holidays. */
export function isBelgianWorkingDay(date: CivilDate): boolean {
  if (isoWeekday(date) >= 6) return false;
  const year = Number(date.slice(0, 4));
  return !belgianPublicHolidays(year).includes(date);
}
