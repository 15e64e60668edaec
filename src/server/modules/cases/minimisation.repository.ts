/**
 * What the organiser's minimisation review reads besides the items (SPEC PUR-04, DAT-16): when
 * each item of a case was last read, from the audit log; and the organiser's reviews of catch-all
 * items (migration 0020), under row-level security: a review is read and written by the
 * organiser organisation only.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CatchAllReviewsTable } from '../../db/schema.js';

export type CatchAllReviewRow = Selectable<CatchAllReviewsTable>;

/** The consult event of the review itself: listing an item is not reading it. */
export const MINIMISATION_REVIEW_REASON = 'minimisation_review';

export function createMinimisationRepository() {
  return {
    /**
     * The last time each item of the case was read by someone other than `reviewer`: the latest
     * successful consult event of the case naming the item (ARCHITECTURE §3.4: every read of
     * content is one, with the item and its category; the event's `at` comes from the injected
     * clock). The reviewer's own reads do not count: the case page it reviews from shows every
     * item, so its own visit would hide what the others no longer use. The audit log is the one
     * record of reads, so nothing else has to be written on every read, which the reader's
     * row-level security would not allow on another controller's item anyway. The scan is
     * bounded by the case: the case index of migration 0002 gives its events only, a few per
     * reading of the case over its life, and the review is run on demand. Should a case's log
     * grow beyond that, a summary of the last read per item kept by `audit_append` would do.
     */
    lastReadsOf: async (tx: Tx, caseId: string, reviewer: string): Promise<Map<string, Date>> => {
      const { rows } = await sql<{ item_id: string; last_read_at: Date }>`
        SELECT r.value ->> 'id' AS item_id, max((e.payload::jsonb ->> 'at')::timestamptz) AS last_read_at
        FROM audit_events e
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.payload::jsonb -> 'records', '[]'::jsonb)) r
        WHERE e.case_id = ${caseId}
          AND e.action = 'consult'
          AND e.actor_user_id IS DISTINCT FROM ${reviewer}
          AND e.payload::jsonb ->> 'outcome' = 'success'
          AND (e.payload::jsonb ->> 'reason') IS DISTINCT FROM ${MINIMISATION_REVIEW_REASON}
          AND r.value ->> 'type' = 'item'
        GROUP BY 1`.execute(tx);
      return new Map(rows.map((row) => [row.item_id, new Date(row.last_read_at)]));
    },

    /** The acting organiser's last review of each item of the case. */
    lastCatchAllReviewsOf: async (tx: Tx, caseId: string): Promise<Map<string, CatchAllReviewRow>> => {
      const rows = await tx
        .selectFrom('catch_all_reviews')
        .selectAll()
        .distinctOn('item_id')
        .where('case_id', '=', caseId)
        .orderBy('item_id')
        .orderBy('reviewed_at', 'desc')
        .orderBy('id')
        .execute();
      return new Map(rows.map((row) => [row.item_id, row]));
    },

    insertCatchAllReview: (tx: Tx, row: Insertable<CatchAllReviewsTable>): Promise<CatchAllReviewRow> =>
      tx.insertInto('catch_all_reviews').values(row).returningAll().executeTakeFirstOrThrow(),
  };
}
