import { addDays, type CivilDate, civilDateOf } from './civil-date.js';

/**
 * Legal days are Belgian days: a request received at 00:30 in Brussels on 11 January was received
 * on 11 January even though it is still 10 January in UTC. Offsets (CET/CEST) come from the
 * platform's time-zone database through `Intl`, so DST changes need no table of ours.
 */
export const LEGAL_TIME_ZONE = 'Europe/Brussels';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LEGAL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClockFields(instant: Date): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

/** Offset of Brussels wall-clock time from UTC at `instant`, in milliseconds (+1 h or +2 h). */
function offsetMs(instant: Date): number {
  const f = wallClockFields(instant);
  const wallAsUtc = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return wallAsUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/** The civil date in Brussels at `instant`. */
export function brusselsDateOf(instant: Date): CivilDate {
  const f = wallClockFields(instant);
  return civilDateOf(f.year!, f.month!, f.day!);
}

/** The first instant (00:00) of `date` in Brussels. Midnight never falls in a DST gap there. */
export function startOfBrusselsDay(date: CivilDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const firstGuess = midnightAsUtc - offsetMs(new Date(midnightAsUtc));
  return new Date(midnightAsUtc - offsetMs(new Date(firstGuess)));
}

/** The end (24:00) of `date` in Brussels, i.e. the first instant of the next day. */
export function endOfBrusselsDay(date: CivilDate): Date {
  return startOfBrusselsDay(addDays(date, 1));
}
