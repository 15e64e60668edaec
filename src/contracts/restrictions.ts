/**
 * Restrictions by the procureur du Roi (bill art. 7; SPEC RGT-RST-01..10): in a consultation
 * organised by his motivated authorisation, the office that authorised it may restrict the rights
 * to information, correction and deletion of a person, on one or more of five grounds, when
 * necessary and proportionate, for non-judicial data only (art. 6 covers the rest). Access is not
 * restricted by art. 7 (SPEC A-13). These schemas fix the shape; the service applies the rules.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** bill art. 7 al. 1: the rights that may be restricted – never access (SPEC A-13). */
export const RESTRICTED_RIGHTS = ['information', 'correction', 'deletion'] as const;
export type RestrictedRight = (typeof RESTRICTED_RIGHTS)[number];
/** bill art. 7 al. 1 1°-5° (SPEC RGT-RST-02..06, glossary §22.6). */
export const RESTRICTION_GROUND_CODES = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
/** What the restriction covers: all the person's non-judicial items in the case, or those listed. */
export const RESTRICTION_SCOPES = ['person', 'items'] as const;
export const REVIEW_DECISIONS = ['confirm', 'narrow', 'lift'] as const;

const RightsSchema = Type.Array(Type.Enum([...RESTRICTED_RIGHTS]), {
  minItems: 1,
  maxItems: 3,
  uniqueItems: true,
});
const ItemIdsSchema = Type.Array(IdSchema, { minItems: 1, maxItems: 500, uniqueItems: true });

export const CreateRestrictionSchema = Type.Object(
  {
    caseId: IdSchema,
    personId: IdSchema,
    scope: Type.Enum([...RESTRICTION_SCOPES]),
    /** With scope `items`: the items of the person restricted. */
    itemIds: Type.Optional(ItemIdsSchema),
    rights: RightsSchema,
    grounds: Type.Array(Type.Enum([...RESTRICTION_GROUND_CODES]), {
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
    }),
    /** Why the measure is necessary and proportionate for its grounds (RST-07); minimum length in the legal rules. */
    justification: text(8000),
    /** RST-10: the restriction also rests on art. 14 of the Law of 30 July 2018. */
    law2018Art14: Type.Optional(Type.Boolean()),
    /** Default: today (Brussels). */
    startsOn: Type.Optional(civilDate),
    /** Default and latest: the legal rules' review period after the start (RST-07). */
    reviewOn: Type.Optional(civilDate),
    endsOn: Type.Optional(civilDate),
  },
  closed,
);
export type CreateRestriction = Static<typeof CreateRestrictionSchema>;

/** RST-07: at review, the office confirms, narrows (fewer rights or items) or lifts the restriction. */
export const ReviewRestrictionSchema = Type.Object(
  {
    decision: Type.Enum([...REVIEW_DECISIONS]),
    reason: text(4000),
    /** Confirm or narrow: the next review date (default and latest: the review period from today). */
    reviewOn: Type.Optional(civilDate),
    /** Narrow: the rights kept, a subset of the current ones. */
    rights: Type.Optional(RightsSchema),
    /** Narrow: the items kept, a subset of those covered now. */
    itemIds: Type.Optional(ItemIdsSchema),
  },
  closed,
);
export type ReviewRestriction = Static<typeof ReviewRestrictionSchema>;

export const RestrictionParamsSchema = Type.Object({ restrictionId: IdSchema }, closed);
export const CaseRestrictionParamsSchema = Type.Object({ caseId: IdSchema }, closed);

const LabelSchema = Type.Object({ fr: Type.String(), nl: Type.String(), en: Type.String() }, closed);
const GroundSchema = Type.Object(
  { code: Type.Enum([...RESTRICTION_GROUND_CODES]), rule: Type.String(), label: LabelSchema },
  closed,
);
const LegalBasisSchema = Type.Object(
  { code: Type.Enum(['bill_art7', 'law_2018_art14']), citation: Type.String() },
  closed,
);

export const RestrictionReviewSchema = Type.Object(
  {
    version: Type.Integer(),
    decision: Type.Enum(['create', ...REVIEW_DECISIONS]),
    rights: Type.Array(Type.Enum([...RESTRICTED_RIGHTS])),
    itemIds: nullable(Type.Array(IdSchema)),
    reviewOn: civilDate,
    reason: nullable(Type.String()),
    decidedBy: Type.String(),
    decidedAt: instant,
  },
  closed,
);

/** A restriction as its office sees it. */
export const RestrictionSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    personId: IdSchema,
    office: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    scope: Type.Enum([...RESTRICTION_SCOPES]),
    /** The items covered now: the listed ones, or the person's non-judicial items (scope `person`). */
    itemIds: Type.Array(IdSchema),
    rights: Type.Array(Type.Enum([...RESTRICTED_RIGHTS])),
    grounds: Type.Array(GroundSchema),
    /** RST-10: bill art. 7, and art. 14 of the Law of 30 July 2018 when cited. */
    legalBases: Type.Array(LegalBasisSchema),
    /** Null in lists: read one restriction for its justification and reasons. */
    justification: nullable(Type.String()),
    startsOn: civilDate,
    reviewOn: civilDate,
    endsOn: nullable(civilDate),
    /** In force today: started, not ended, not lifted. */
    active: Type.Boolean(),
    /** RST-07: the review date has come (a reminder went to the office). */
    reviewDue: Type.Boolean(),
    /** RST-07: not confirmed after the review date – escalated, never lifted automatically. */
    escalated: Type.Boolean(),
    liftedAt: nullable(instant),
    version: Type.Integer(),
    createdAt: instant,
    reviews: Type.Array(RestrictionReviewSchema),
  },
  closed,
);
export type Restriction = Static<typeof RestrictionSchema>;

export const RestrictionListSchema = Type.Object({ restrictions: Type.Array(RestrictionSchema) }, closed);
export type RestrictionList = Static<typeof RestrictionListSchema>;

/** RST-02..06, RST-10: the restriction report, grounds labelled in FR/NL/EN and both legal bases. */
export const RestrictionReportSchema = Type.Object(
  {
    generatedAt: instant,
    restriction: RestrictionSchema,
  },
  closed,
);
export type RestrictionReport = Static<typeof RestrictionReportSchema>;

/**
 * RST-08: what the other readers of a case see on covered items: a neutral flag with the rights it
 * restricts (so that corrections and deletions go to the office, RST-09), never the grounds.
 */
export const RestrictionFlagsSchema = Type.Object(
  {
    flags: Type.Array(
      Type.Object(
        {
          itemId: IdSchema,
          label: Type.Literal('restriction art. 7'),
          rights: Type.Array(Type.Enum([...RESTRICTED_RIGHTS])),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type RestrictionFlags = Static<typeof RestrictionFlagsSchema>;
