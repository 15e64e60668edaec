import { brusselsDateOf, endOfBrusselsDay } from './brussels-time.js';
import { addDays, addMonths, type CivilDate, parseCivilDate } from './civil-date.js';
import { isBelgianWorkingDay } from './holidays.js';

/**
 * Calendar arithmetic for legal periods. Decisions (ARCHITECTURE §3 law 5):
 * - A period runs from the civil date, in Brussels, of the event that starts it (receipt of the
 *   request, closure, registration); that day itself is not counted (Judicial Code art. 52 –
 *   external, verify), so "45 days from 10 January" ends on 24 February (SPEC RGT-ACC-03).
 * - Days are calendar days. Months and years are calendar months added to the day of the month,
 *   clamped to the end of a shorter month (see `addMonths`); a year is 12 months.
 * - Working days skip Saturdays, Sundays and Belgian legal public holidays (`holidays.ts`).
 * - A period ends at the end (24:00) of its last day in Brussels, whatever the UTC offset.
 * - No roll-over to the next working day when the last day is a weekend or holiday (Judicial Code
 *   art. 53 al. 2 is not applied; SPEC's examples do not apply it either).
 */
export type DurationUnit = 'days' | 'workingDays' | 'months' | 'years';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export const days = (amount: number): Duration => ({ amount, unit: 'days' });
export const workingDays = (amount: number): Duration => ({ amount, unit: 'workingDays' });
export const months = (amount: number): Duration => ({ amount, unit: 'months' });
export const years = (amount: number): Duration => ({ amount, unit: 'years' });

/** A legal period ends at the end of `date` in Brussels; `endsAt` is that instant (exclusive). */
export interface Deadline {
  /** Last day of the period, Brussels civil date. */
  readonly date: CivilDate;
  /** End (24:00) of `date` in Brussels as a UTC instant: the period is over from this instant on. */
  readonly endsAt: Date;
  /** The article that sets the period, e.g. "bill art. 7 al. 2". */
  readonly rule: string;
}

/** When a period starts: an instant (read in Brussels) or a civil date. */
export type StartPoint = Date | CivilDate;

export function startDateOf(start: StartPoint): CivilDate {
  return start instanceof Date ? brusselsDateOf(start) : parseCivilDate(start);
}

/** Calendar months in a month- or year-based duration; undefined for day-based durations. */
export function calendarMonths(duration: Duration): number | undefined {
  if (duration.unit === 'months') return duration.amount;
  if (duration.unit === 'years') return duration.amount * 12;
  return undefined;
}

function addWorkingDays(date: CivilDate, count: number): CivilDate {
  let current = date;
  for (let counted = 0; counted < count; ) {
    current = addDays(current, 1);
    if (isBelgianWorkingDay(current)) counted += 1;
  }
  return current;
}

/** The last day of `duration` counted from `start`. */
export function lastDayOf(start: StartPoint, duration: Duration): CivilDate {
  const from = startDateOf(start);
  switch (duration.unit) {
    case 'days':
      return addDays(from, duration.amount);
    case 'workingDays':
      return addWorkingDays(from, duration.amount);
    case 'months':
    case 'years':
      return addMonths(from, calendarMonths(duration)!);
  }
}

export function deadlineAfter(start: StartPoint, duration: Duration, rule: string): Deadline {
  const date = lastDayOf(start, duration);
  return { date, endsAt: endOfBrusselsDay(date), rule };
}

export function formatDuration(duration: Duration): string {
  const unit = duration.unit === 'workingDays' ? 'working days' : duration.unit;
  return `${duration.amount} ${duration.amount === 1 ? unit.replace(/s$/, '') : unit}`;
}
