/**
 * The organiser's minimisation review of a case (SPEC PUR-04, DAT-16). The bill's commentary of
 * art. 2: that the law lists a category "does not mean it may be processed in every case: it must
 * be examined case by case whether the data are adequate, relevant and not excessive" ("adéquates,
 * pertinentes et non excessives" / "toereikend, ter zake dienend en niet bovenmatig"; L2007 art. 4
 * §1 3°). The review lists, among the shared items the organiser sees, those of categories 9 to 16
 * without their relevance justification, those nobody read for a period, and the catch-all items
 * (art. 2 §2 al. 1 16°) with their necessity justification and the organiser's last review of each.
 * It shows no item content: ids, category, controller and dates, and for catch-all items the
 * justification when the reader may see the item's content.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const dateTime = Type.String({ format: 'date-time' });

/**
 * How many days unread make an item worth asking about, unless the organiser chooses otherwise.
 * A product default, not a legal period: a case's consultations meet every few weeks (SPEC
 * WFL-09), so information nobody opened over a quarter of them is worth a question.
 */
export const DEFAULT_NOT_ACCESSED_DAYS = 90;
/** About ten years: longer than a case is worked on; beyond it the question has no use. */
export const MAX_NOT_ACCESSED_DAYS = 3650;

/**
 * The period in whole days, written in digits: a query string is text, and "1.5" or "1e3" are no
 * number of days (a number schema would read them as 1 and 1000). The service checks 1 to
 * `MAX_NOT_ACCESSED_DAYS`.
 */
export const MinimisationQuerySchema = Type.Object(
  { notAccessedForDays: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })) },
  closed,
);
export type MinimisationQuery = Static<typeof MinimisationQuerySchema>;

/** The organiser keeps the catch-all item as necessary, or asks its controller to correct it. */
export const CATCH_ALL_DECISIONS = ['kept', 'correction_requested'] as const;
export type CatchAllDecision = (typeof CATCH_ALL_DECISIONS)[number];

export const ReviewCatchAllSchema = Type.Object(
  {
    decision: Type.Enum([...CATCH_ALL_DECISIONS]),
    /** Why; for a correction request, what the controller is asked (it is the request's text). */
    reason: Type.String({ minLength: 3, maxLength: 4000, pattern: '\\S' }),
  },
  closed,
);
export type ReviewCatchAll = Static<typeof ReviewCatchAllSchema>;

export const CatchAllReviewSchema = Type.Object(
  {
    id: IdSchema,
    itemId: IdSchema,
    decision: Type.Enum([...CATCH_ALL_DECISIONS]),
    /** Null for a reader who may not see the item's content (SPEC DAT-19): the reason may tell it. */
    reason: Type.Union([Type.String(), Type.Null()]),
    /** The version of the item reviewed: a later change calls for another review. */
    itemVersion: Type.Integer(),
    /** The correction request sent to the controller with a `correction_requested` decision. */
    correctionRequestId: Type.Union([IdSchema, Type.Null()]),
    reviewer: Type.String(),
    reviewedAt: dateTime,
  },
  closed,
);
export type CatchAllReview = Static<typeof CatchAllReviewSchema>;

/** An item as the review lists it: what it is and whose, and when it was last read; never its content. */
export const ReviewedItemSchema = Type.Object(
  {
    id: IdSchema,
    category: CategorySchema,
    /** The participant that introduced it and is its controller (bill art. 3 §1 al. 2). */
    controller: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    /** Blocked for every reader (SPEC DAT-22, SEC-11, DAT-33). */
    blocked: Type.Boolean(),
    version: Type.Integer(),
    createdAt: dateTime,
    updatedAt: dateTime,
    /**
     * The last time someone other than the reviewer read its content (the audit log's consult
     * events; the reviewer's own visits to the case do not count), null if never.
     */
    lastReadAt: Type.Union([dateTime, Type.Null()]),
  },
  closed,
);
export type ReviewedItem = Static<typeof ReviewedItemSchema>;

export const CatchAllItemSchema = Type.Object(
  {
    ...ReviewedItemSchema.properties,
    /** The reader was not designated for what the item holds (SPEC DAT-19): no justification shown. */
    restricted: Type.Boolean(),
    /** Its necessity justification (SPEC DAT-16), when the reader may see the item's content. */
    relevance: Type.Union([Type.String(), Type.Null()]),
    lastReview: Type.Union([CatchAllReviewSchema, Type.Null()]),
  },
  closed,
);
export type CatchAllItem = Static<typeof CatchAllItemSchema>;

export const MinimisationReviewSchema = Type.Object(
  {
    caseId: IdSchema,
    generatedAt: dateTime,
    notAccessedForDays: Type.Integer(),
    /** Items not read since this instant are listed as not accessed. */
    notAccessedSince: dateTime,
    /** Categories 9 to 16 without their relevance justification (SPEC PUR-04). */
    unjustified: Type.Array(ReviewedItemSchema),
    /** Neither read by someone else nor created since `notAccessedSince` (SPEC PUR-04). */
    notAccessed: Type.Array(ReviewedItemSchema),
    /** Category 16, reported on their own (SPEC DAT-16). */
    catchAll: Type.Array(CatchAllItemSchema),
  },
  closed,
);
export type MinimisationReview = Static<typeof MinimisationReviewSchema>;
