/**
 * The one place where legal periods and limits live (ARCHITECTURE §3 law 5). Services take a
 * `LegalRules` from `createLegalRules({ clock, overrides })`; the constants are for display and
 * for the enumerations the UI offers.
 */

export { brusselsDateOf, endOfBrusselsDay, LEGAL_TIME_ZONE, startOfBrusselsDay } from './brussels-time.js';
export { type CivilDate, compareCivilDates, parseCivilDate } from './civil-date.js';
export {
  calendarMonths,
  type Deadline,
  type Duration,
  days,
  months,
  type StartPoint,
  workingDays,
  years,
} from './durations.js';
export * from './enumerations.js';
export * from './enumerations-1992.js';
export { isBelgianWorkingDay } from './holidays.js';
export {
  type CourtActionAdmissibility,
  createLegalRules,
  type LegalRules,
  type LegalRulesOptions,
  type RightsRequestFacts,
  type RightsRequestKind,
} from './legal-rules.js';
export type { LegalRulesOverrides } from './overrides.js';
export { REGIME_DEFAULTS, REGIMES, type Regime, type RegimeProfile, type RightsRoute } from './regimes.js';
export * from './rules.js';
