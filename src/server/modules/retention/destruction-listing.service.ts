/**
 * Putting cases on destruction lists, and the tasks that come with it (SPEC RET-01, RET-05, RET-06,
 * RET-08, SCO-09; ADR 0016), as the retention job does it every day, acting for no user:
 *
 * - every closed case past the end of its retention goes on the open list of its keeper, unless a
 *   legal hold stands on the case, a person or an item of it: then it is skipped and
 *   `system.skipped_legal_hold` is audited (L2007 art. 14 §7); after the release, the next day's run
 *   lists it. A case is on one pending entry at most (a unique index), so a second run adds nothing;
 * - at that date each of its paper parts not yet destroyed gets a destruction task for its holder;
 * - a closed case whose necessity review is due gets one (L2007 art. 4 §1 5°), for its keeper.
 *
 * Each case is listed in a transaction of its own with its audit event and notifications.
 */
import { inTransaction } from '../../db/database.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import { caseRef, listRef, RETENTION_ACTOR, type RetentionDeps, skippedLegalHold } from './retention-deps.js';
import {
  approvingControllers,
  type ClosedCaseFacts,
  isDue,
  keeperOf,
  necessityReviewDue,
  retentionEndOf,
} from './retention-rules.js';

export interface Listing {
  reason: 'retention_ended' | 'necessity_review';
  dueOn: string;
  rule: string;
}

export type ListingOutcome =
  | { listed: true; listId: string }
  | { listed: false; because: 'legal_hold' | 'listed_already' };

/** Puts one closed case on its keeper's open destruction list (a new list when none takes cases). */
export async function listCase(
  deps: RetentionDeps,
  facts: ClosedCaseFacts,
  listing: Listing,
): Promise<ListingOutcome> {
  const { db, retention, notifications, audit, clock } = deps;
  if (facts.standingHolds.length > 0) {
    await inTransaction(db, (tx) => audit.record(tx, skippedLegalHold(facts.caseId, facts.standingHolds)));
    return { listed: false, because: 'legal_hold' };
  }
  return inTransaction(db, async (tx): Promise<ListingOutcome> => {
    const now = clock.now();
    const keeper = keeperOf(facts);
    const controllers = approvingControllers(facts, keeper);
    const open = await retention.openListFor(tx, keeper.organisationId, keeper.relation);
    const list =
      open ??
      (await retention.createList(tx, {
        keeper_organisation_id: keeper.organisationId,
        keeper_relation: keeper.relation,
        controller_ids: [],
        created_at: now,
      }));
    const added = await retention.addEntry(tx, {
      list_id: list.id,
      case_id: facts.caseId,
      reason: listing.reason,
      closed_at: facts.closedAt,
      due_on: listing.dueOn,
      rule: listing.rule,
      controller_ids: controllers,
      listed_at: now,
    });
    if (!added) return { listed: false, because: 'listed_already' };
    const newControllers = controllers.filter((id) => !list.controller_ids.includes(id));
    if (newControllers.length > 0)
      await retention.setListControllers(tx, list.id, [...list.controller_ids, ...newControllers]);

    // SCO-09: the paper parts still to destroy get their task at the same date, for their holder.
    const tasks: { id: string; holderId: string }[] = [];
    for (const part of await retention.paperPartsToDestroy(tx, facts.caseId)) {
      const id = await retention.insertPaperTask(tx, {
        paper_part_id: part.paperPartId,
        case_id: facts.caseId,
        controller_organisation_id: part.controllerOrganisationId,
        custodian_user_id: part.custodianUserId,
        categories: part.categories,
        page_count: part.pageCount,
        due_on: listing.dueOn,
        created_at: now,
      });
      if (id) tasks.push({ id, holderId: part.controllerOrganisationId });
    }

    // Who has something to do: the keeper and the controllers' DPOs for a new list (or a new
    // controller joining it), each holder for its paper. Kinds and ids only (ARCHITECTURE §2).
    const toNotify: NewNotification[] = [
      ...(open
        ? []
        : [
            {
              organisationId: keeper.organisationId,
              kind: 'destruction_list_to_approve' as const,
              subjectId: list.id,
            },
          ]),
      ...(open ? newControllers : controllers).map((organisationId) => ({
        organisationId,
        kind: 'destruction_list_to_approve' as const,
        subjectId: list.id,
        audience: 'dpo' as const,
      })),
      ...tasks.map((task) => ({
        organisationId: task.holderId,
        kind: 'paper_destruction_due' as const,
        subjectId: task.id,
      })),
    ];
    await notifications.notify(tx, now, toNotify);
    await audit.record(tx, {
      actor: RETENTION_ACTOR,
      action: 'system.destruction_listed',
      outcome: 'success',
      caseId: facts.caseId,
      records: [
        caseRef(facts.caseId),
        listRef(list.id),
        ...tasks.map((task) => ({ type: 'paper_destruction_task', id: task.id })),
      ],
      reason: listing.reason,
    });
    return { listed: true, listId: list.id };
  });
}

export interface ListingRun {
  listed: string[];
  skippedLegalHold: string[];
  reviewsOpened: string[];
}

/**
 * The day's listing as of `at`: cases whose retention ends within the listing lead (or has ended;
 * they are purged only after the end, see `approvedPendingCaseIds`), cases a review decided to
 * delete now (listed again when their first listing was withdrawn, e.g. for a hold since released),
 * and the necessity reviews that fell due.
 */
export async function listDueCases(deps: RetentionDeps, at: Date): Promise<ListingRun> {
  const { db, retention, rules } = deps;
  const run: ListingRun = { listed: [], skippedLegalHold: [], reviewsOpened: [] };
  const { closed, pending, deleteNow, reviews } = await inTransaction(db, async (tx) => {
    const closed = await retention.closedCases(tx);
    return {
      closed,
      pending: await retention.pendingCaseIds(tx),
      deleteNow: new Map((await retention.deleteNowUnlisted(tx)).map((row) => [row.caseId, row.decidedAt])),
      reviews: await retention.reviewsOfCases(
        tx,
        closed.map((facts) => facts.caseId),
      ),
    };
  });
  const today = brusselsDateOf(at);
  for (const facts of closed) {
    if (pending.has(facts.caseId)) continue;
    const end = retentionEndOf(facts, rules);
    // A decision taken before the current closure concerned an earlier clock (a reopening, WFL-11).
    const decided = deleteNow.get(facts.caseId);
    const decidedAt = decided && decided >= facts.closedAt ? decided : undefined;
    // RET-01: listed ahead of the end, for the four eyes to approve in time; purged after it.
    const listing: Listing | undefined =
      isDue(end.deadline, at) || rules.destructionListingOn(end.deadline.date) <= today
      ? { reason: 'retention_ended', dueOn: end.deadline.date, rule: end.deadline.rule }
      : decidedAt
        ? {
            reason: 'necessity_review',
            dueOn: brusselsDateOf(decidedAt),
            rule: rules.necessityReviewInterval.rule,
          }
        : undefined;
    if (listing) {
      const outcome = await listCase(deps, facts, listing);
      if (outcome.listed) run.listed.push(facts.caseId);
      else if (outcome.because === 'legal_hold') run.skippedLegalHold.push(facts.caseId);
      continue;
    }
    // RET-05: a review is opened on the day it falls due, when none is open.
    const ofCase = reviews.filter((review) => review.case_id === facts.caseId);
    if (facts.state !== 'closed' || ofCase.some((review) => review.decision === null)) continue;
    const lastDecided = ofCase
      .map((review) => (review.decided_at === null ? undefined : new Date(review.decided_at)))
      .find((decidedOn) => decidedOn !== undefined && decidedOn >= facts.closedAt);
    const due = necessityReviewDue(facts.closedAt, lastDecided ?? null, end.deadline.date, rules);
    if (due && due.date <= today) {
      const reviewId = await openNecessityReview(deps, facts, due.date);
      if (reviewId) run.reviewsOpened.push(reviewId);
    }
  }
  return run;
}

async function openNecessityReview(
  deps: RetentionDeps,
  facts: ClosedCaseFacts,
  dueOn: string,
): Promise<string | undefined> {
  const { db, retention, notifications, audit, clock } = deps;
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const keeper = keeperOf(facts);
    const id = await retention.insertReview(tx, {
      case_id: facts.caseId,
      keeper_organisation_id: keeper.organisationId,
      keeper_relation: keeper.relation,
      due_on: dueOn,
      created_at: now,
    });
    if (!id) return undefined;
    await notifications.notify(tx, now, [
      {
        organisationId: keeper.organisationId,
        kind: 'necessity_review_due',
        caseId: facts.caseId,
        subjectId: id,
      },
    ]);
    await audit.record(tx, {
      actor: RETENTION_ACTOR,
      action: 'system.necessity_review_due',
      outcome: 'success',
      caseId: facts.caseId,
      records: [caseRef(facts.caseId), { type: 'necessity_review', id }],
    });
    return id;
  });
}
