/**
 * The data-quality tasks of the dashboard (L2007 art. 4 §1 4°, art. 16 §2 1°; SPEC SEC-11): per
 * case, the items of the reader's organisations not confirmed accurate for the configured months,
 * and those blocked as unlawfully obtained with the last day of their erasure review. Both are
 * derived at each read from the items (no scheduler): confirming an item, erasing or releasing it
 * removes its task. An erasure review past its day alerts the controller's DPOs; the alert is
 * written by the first such read, dated when the day passed, and never twice (migration 0021).
 */
import type { ItemReviewList } from '../../../contracts/item-reviews.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import { CASE_ACTION_RULES } from '../access/case-actions.js';
import type { Actor } from '../identity/platform-access.js';
import type { CaseRecordsDeps } from './case-records.service.js';
import {
  erasureReviewDueOn,
  erasureReviewOverdue,
  erasureReviewOverdueAt,
  reviewCandidatesBefore,
  reviewDue,
} from './item-review-rules.js';

/** Largest number of items of each kind the dashboard lists. */
const LIST_LIMIT = 1000;

export function createCaseItemReviews(deps: CaseRecordsDeps) {
  const { db, records, notifications, access, audit, clock } = deps;
  const settings = deps.itemReview;

  return {
    listItemReviews(actor: Actor): Promise<ItemReviewList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        const now = clock.now();
        const candidates = await records.reviewCandidates(
          tx,
          context.acting,
          CASE_ACTION_RULES['case.contribute'].grants,
          reviewCandidatesBefore(now, settings),
          brusselsDateOf(now),
          LIST_LIMIT,
        );
        const due = candidates.filter((row) => reviewDue(new Date(row.checked_at), now, settings));
        const blocked = await records.erasureReviews(tx, context.acting, LIST_LIMIT);
        const overdue = blocked.filter((row) => erasureReviewOverdue(row.blocked_at, now, settings));
        await notifications.notifyOnce(
          tx,
          overdue.map((row) => ({
            organisationId: row.controller_organisation_id,
            kind: 'erasure_review_overdue' as const,
            audience: 'dpo' as const,
            caseId: row.case_id,
            subjectId: row.id,
            at: erasureReviewOverdueAt(row.blocked_at, settings),
          })),
        );

        const cases = new Map<string, ItemReviewList['due'][number]>();
        const entry = (caseId: string, organisationId: string) => {
          const key = `${caseId}/${organisationId}`;
          if (!cases.has(key)) cases.set(key, { caseId, organisationId, reviewDue: [], erasureReviews: [] });
          return cases.get(key)!;
        };
        for (const row of blocked) {
          entry(row.case_id, row.controller_organisation_id).erasureReviews.push({
            itemId: row.id,
            dueOn: erasureReviewDueOn(row.blocked_at, settings),
            overdue: erasureReviewOverdue(row.blocked_at, now, settings),
          });
        }
        for (const row of due) entry(row.case_id, row.controller_organisation_id).reviewDue.push(row.id);

        const list = [...cases.values()];
        if (list.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: [...new Set(list.map((kase) => kase.caseId))].map((id) => ({ type: 'case', id })),
            justification: actor.justification!,
            reason: 'item_reviews_due',
          });
        }
        return {
          reviewMonths: settings.reviewMonths,
          erasureReviewDays: settings.erasureReviewDays,
          due: list,
        };
      });
    },
  };
}
