/**
 * Statistics per framework (issue 6 scope 9; SPEC PUR-03, RET-05: anonymised aggregates only):
 * cases by state, their purposes and the durations of the workflow. Never a list of cases or of
 * persons: counts and whole days only, and a count below the threshold is suppressed (null).
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { PurposeSchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
/** null: fewer cases than the threshold (or a count that would reveal one), suppressed. */
const count = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const wholeDays = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);

/** The states a case has once it left its compartment (bill art. 2 §3), as the statistics count them. */
export const STATISTICS_STATES = [
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
] as const;

/** The workflow's durations: signal → organiser's decision, decision → first consultation, signal → closure. */
export const DURATION_MEASURES = [
  'signal_to_decision',
  'decision_to_first_consultation',
  'signal_to_closure',
] as const;

export const FrameworkStatisticsSchema = Type.Object(
  {
    framework: Type.Object({ id: IdSchema, name: Type.String() }, closed),
    /** Counts below this are suppressed. */
    smallCountThreshold: Type.Integer(),
    rule: Type.String(),
    /** Cases that left their compartment; drafts are the preparing organisation's own. */
    total: count,
    casesByState: Type.Array(Type.Object({ state: Type.Enum([...STATISTICS_STATES]), count }, closed)),
    /** A case may serve several purposes: these counts may add up to more than the total. */
    purposes: Type.Array(Type.Object({ purpose: PurposeSchema, count }, closed)),
    durations: Type.Array(
      Type.Object(
        {
          measure: Type.Enum([...DURATION_MEASURES]),
          caseCount: count,
          medianDays: wholeDays,
          meanDays: wholeDays,
        },
        closed,
      ),
    ),
  },
  closed,
);
export type FrameworkStatistics = Static<typeof FrameworkStatisticsSchema>;

export const StatisticsFrameworkListSchema = Type.Object(
  { frameworks: Type.Array(Type.Object({ id: IdSchema, name: Type.String() }, closed)) },
  closed,
);
export type StatisticsFrameworkList = Static<typeof StatisticsFrameworkListSchema>;
