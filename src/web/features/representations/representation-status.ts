/** What a representation's row says of its state: the server's `active` decides, the rest explains why not. */
import type { Representation } from '../../../contracts/representation.js';

export type RepresentationStatus = 'active' | 'ended' | 'awaitingUndertaking' | 'outsidePeriod';

/** `today` is the civil date of Brussels (YYYY-MM-DD); a period's ends are inclusive (ROL-04). */
export function representationStatus(representation: Representation, today: string): RepresentationStatus {
  if (representation.active) return 'active';
  if (representation.endedAt !== null || representation.validTo < today) return 'ended';
  if (representation.undertakingAcceptedAt === null) return 'awaitingUndertaking';
  return 'outsidePeriod';
}

/** Today's civil date in Brussels, as the server compares periods. */
export function brusselsToday(now = new Date()): string {
  // sv-SE formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(now);
}
