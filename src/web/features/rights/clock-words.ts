/**
 * What a part's legal clock says, in words and not only in colour (WCAG 1.4.1; SPEC RGT-ACC-03,
 * RGT-RST-09, A-13): due on a day, a reminder due, overdue since the day after, or answered in
 * time or late. The page words each state from its translation key.
 */
import type { Clock, RightsPart } from '../../../contracts/rights.js';

export type ClockState =
  | { state: 'answered_in_time' | 'answered_late'; answeredOn: string }
  | { state: 'overdue' | 'first_reminder' | 'second_reminder' | 'running' };

/** The civil day of `instant` in Brussels (the clocks count Belgian days), as YYYY-MM-DD. */
export function brusselsDay(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function clockState(clock: Clock, part: Pick<RightsPart, 'answeredAt'>): ClockState {
  if (part.answeredAt) {
    const answeredOn = brusselsDay(part.answeredAt);
    return { state: answeredOn <= clock.dueOn ? 'answered_in_time' : 'answered_late', answeredOn };
  }
  if (clock.overdue) return { state: 'overdue' };
  if (clock.reminder === 'second') return { state: 'second_reminder' };
  if (clock.reminder === 'first') return { state: 'first_reminder' };
  return { state: 'running' };
}
