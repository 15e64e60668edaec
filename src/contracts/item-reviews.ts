/**
 * The data-quality tasks of the dashboard (L2007 art. 4 §1 4°, art. 16 §2 1°; SPEC SEC-11): per
 * case, the items of the reader's organisation due for review and those blocked as unlawfully
 * obtained that wait for their erasure review. Ids and dates only, never content.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const ItemReviewListSchema = Type.Object(
  {
    /** The configured interval (CONCERTO_ITEM_REVIEW_MONTHS) and erasure-review period (CONCERTO_ERASURE_REVIEW_DAYS). */
    reviewMonths: Type.Integer({ minimum: 1 }),
    erasureReviewDays: Type.Integer({ minimum: 1 }),
    /** Per case and controller with something to review. */
    due: Type.Array(
      Type.Object(
        {
          caseId: IdSchema,
          /** The controller: the reader's organisation, or an authority it represents. */
          organisationId: IdSchema,
          /** Items not confirmed accurate for the configured months. */
          reviewDue: Type.Array(IdSchema),
          /** Items blocked as unlawfully obtained, with the last day of their review. */
          erasureReviews: Type.Array(
            Type.Object({ itemId: IdSchema, dueOn: civilDate, overdue: Type.Boolean() }, closed),
          ),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type ItemReviewList = Static<typeof ItemReviewListSchema>;
