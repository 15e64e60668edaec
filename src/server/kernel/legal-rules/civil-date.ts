import { DomainError } from '../errors.js';

/**
 * A civil (calendar) date, `YYYY-MM-DD`, without time or zone. Legal periods are counted in
 * civil days and months; the zone only matters when a day is turned into an instant
 * (see `brussels-time.ts`).
 */
export type CivilDate = `${number}-${number}-${number}`;

interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toYmd(date: CivilDate): Ymd {
  const match = CIVIL_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  // Years before 1900 are refused: no legal period of this product starts there, and Date.UTC
  // maps two-digit years to the 1900s.
  if (!match || year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainError('validation_failed', { detail: `not a civil date (YYYY-MM-DD): ${date}` });
  }
  return { year, month, day };
}

function fromYmd({ year, month, day }: Ymd): CivilDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CivilDate;
}

/** Validates and returns a civil date; throws `validation_failed` on `2025-02-30` and the like. */
export function parseCivilDate(value: string): CivilDate {
  return fromYmd(toYmd(value as CivilDate));
}

function toEpochDay(date: CivilDate): number {
  const { year, month, day } = toYmd(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): CivilDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return fromYmd({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months to the day-of-month; when the target month is shorter, the period ends on
 * its last day (31 Jan + 1 month = 28/29 Feb; 29 Feb 2024 + 12 months = 28 Feb 2025). This is the
 * "de quantième à veille de quantième" count of Judicial Code art. 54 (external – verify) once the
 * starting day itself is not counted (art. 52), as SPEC RGT-REC-04 states it: same day next month,
 * end of month if no such day.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = toYmd(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromYmd({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function civilDateOf(year: number, month: number, day: number): CivilDate {
  return parseCivilDate(fromYmd({ year, month, day }));
}
