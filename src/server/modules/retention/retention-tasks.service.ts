/**
 * The tasks the retention engine gives people (ADR 0016):
 * - SCO-09: each paper part of a case going on a destruction list is a task for its holder, confirmed
 *   by a named member with the day the paper was destroyed. While the case exists the holder confirms
 *   on the paper part (the paper-parts module; migration 0030 copies it onto the task); once the case
 *   is purged, here, with ids and the date only (the task lives in the tombstone's world).
 * - RET-05: a necessity review of a closed case, decided by its keeper for one of the case's purposes
 *   (PUR-05): keep, or delete now, which puts the case on a destruction list at once (L2007 art. 4 §1
 *   5°: no longer than necessary, before the cap).
 */
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ConfirmPaperDestruction,
  ConfirmPaperDestructionSchema,
  type DecideNecessityReview,
  DecideNecessityReviewSchema,
  type NecessityReview,
  type NecessityReviews,
  type PaperDestructionTask,
  type PaperDestructionTasks,
} from '../../../contracts/retention.js';
import { inTransaction, type Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { listCase } from './destruction-listing.service.js';
import { caseRef, type RetentionDeskDeps } from './retention-deps.js';
import { presentPaperTask, presentReview } from './retention-presenter.js';
import type { NecessityReviewRow, PaperTaskRow } from './retention.repository.js';
import { NECESSITY_REVIEW_RULE, PAPER_DESTRUCTION_RULE } from './retention-rules.js';

const SHOWN = 500;
const taskRef = (id: string) => ({ type: 'paper_destruction_task', id });
const reviewRef = (id: string) => ({ type: 'necessity_review', id });

export function createRetentionTaskService(deps: RetentionDeskDeps) {
  const { db, retention, access, audit, clock, rules } = deps;

  async function presentTasks(
    tx: Tx,
    context: AccessContext,
    rows: readonly PaperTaskRow[],
  ): Promise<PaperDestructionTask[]> {
    const purged = new Set(
      (
        await retention.tombstonesOf(
          tx,
          rows.map((row) => row.case_id),
        )
      ).map((t) => t.case_id),
    );
    const [organisations, users] = await Promise.all([
      retention.organisationNames(
        tx,
        rows.map((row) => row.controller_organisation_id),
      ),
      retention.userNames(
        tx,
        rows.flatMap((row) =>
          [row.custodian_user_id, row.confirmed_by].filter((id): id is string => id !== null),
        ),
      ),
    ]);
    return rows.map((row) => {
      const casePurged = purged.has(row.case_id);
      const confirmable =
        casePurged &&
        row.destroyed_on === null &&
        decide(context.facts, { action: 'retention.paper', holderId: row.controller_organisation_id })
          .allowed;
      return presentPaperTask(row, {
        casePurged,
        names: { organisations, users },
        allowedActions: confirmable ? ['confirm'] : [],
      });
    });
  }

  async function presentReviews(
    tx: Tx,
    context: AccessContext,
    rows: readonly NecessityReviewRow[],
  ): Promise<NecessityReview[]> {
    const purposes = new Map(
      (await retention.closedCases(tx)).map((facts) => [facts.caseId, facts.purposes]),
    );
    const users = await retention.userNames(
      tx,
      rows.flatMap((row) => (row.decided_by === null ? [] : [row.decided_by])),
    );
    return rows.map((row) => {
      const decidable =
        row.decision === null &&
        decide(context.facts, {
          action: 'retention.review',
          keeper: { organisationId: row.keeper_organisation_id, relation: row.keeper_relation },
        }).allowed;
      return presentReview(row, {
        purposes: purposes.get(row.case_id) ?? [],
        names: { organisations: new Map(), users },
        allowedActions: decidable ? ['decide'] : [],
      });
    });
  }

  return {
    /** SCO-09: the paper destruction tasks of the caller's organisation, open first. */
    paperDestructionTasks(actor: Actor): Promise<PaperDestructionTasks> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const rows = await retention.paperTasks(tx, SHOWN);
        const tasks = await presentTasks(tx, context, rows);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => taskRef(row.id)),
          justification: 'retention desk: paper parts to destroy (SPEC SCO-09)',
          reason: 'paper_destruction_tasks',
        });
        return { paperDestructionTasks: tasks };
      });
    },

    /**
     * SCO-09: a named member of the holder (the caller) confirms the day the paper of a purged case
     * was destroyed: not in the future, not before the task. A confirmation is final.
     */
    confirmPaperDestruction(
      actor: Actor,
      taskId: string,
      input: ConfirmPaperDestruction,
    ): Promise<PaperDestructionTask> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'destroy');
        refuseIfAny(shapeIssues(IdSchema, taskId, 'params/taskId'));
        const row = await retention.paperTaskForUpdate(tx, taskId);
        const decision = access.require(
          context,
          { action: 'retention.paper', holderId: row?.controller_organisation_id },
          'destroy',
        );
        const task = row!;
        refuseIfAny(shapeIssues(ConfirmPaperDestructionSchema, input), PAPER_DESTRUCTION_RULE);
        if (task.destroyed_on !== null) {
          throw new DomainError('conflict', {
            detail: 'The destruction of this paper part is confirmed already',
            rule: PAPER_DESTRUCTION_RULE,
          });
        }
        if (!(await retention.tombstone(tx, task.case_id))) {
          throw new DomainError('conflict', {
            detail:
              'The case still exists: confirm the destruction on its paper part (POST /api/cases/:caseId/paper-parts/:paperPartId/destruction)',
            rule: PAPER_DESTRUCTION_RULE,
          });
        }
        const now = clock.now();
        const from = brusselsDateOf(new Date(task.created_at));
        const today = brusselsDateOf(now);
        if (input.destroyedOn > today || input.destroyedOn < from) {
          refuseIfAny(
            [
              {
                field: '/body/destroyedOn',
                message: `must be a day from ${from} (the task) to ${today} (today)`,
              },
            ],
            PAPER_DESTRUCTION_RULE,
          );
        }
        await retention.confirmPaperTask(tx, taskId, {
          destroyedOn: input.destroyedOn,
          by: actor.userId,
          at: now,
        });
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'destroy',
          outcome: 'success',
          caseId: task.case_id,
          records: [{ type: 'paper_part', id: task.paper_part_id }, taskRef(taskId)],
        });
        const [confirmed] = await presentTasks(tx, context, [
          (await retention.paperTaskForUpdate(tx, taskId))!,
        ]);
        return confirmed!;
      });
    },

    /** RET-05: the necessity reviews of the cases the caller's organisation keeps, open first. */
    necessityReviews(actor: Actor): Promise<NecessityReviews> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const rows = await retention.reviews(tx, SHOWN);
        const reviews = await presentReviews(tx, context, rows);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => reviewRef(row.id)),
          justification: 'retention desk: necessity reviews (L2007 art. 4 §1 5°)',
          reason: 'necessity_reviews',
        });
        return { necessityReviews: reviews };
      });
    },

    /**
     * RET-05, PUR-05: the keeper decides a review for one of the case's purposes: keep (the next
     * review falls due an interval later), or delete now (the case goes on a destruction list, which
     * the four eyes approve; a legal hold still stops it).
     */
    async decideNecessityReview(
      actor: Actor,
      reviewId: string,
      input: DecideNecessityReview,
    ): Promise<NecessityReview> {
      const decided = await refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'store');
        refuseIfAny(shapeIssues(IdSchema, reviewId, 'params/reviewId'));
        const row = await retention.reviewForUpdate(tx, reviewId);
        const decision = access.require(
          context,
          {
            action: 'retention.review',
            keeper: row && { organisationId: row.keeper_organisation_id, relation: row.keeper_relation },
          },
          'store',
        );
        const review = row!;
        refuseIfAny(shapeIssues(DecideNecessityReviewSchema, input), NECESSITY_REVIEW_RULE);
        if (review.decision !== null) {
          throw new DomainError('conflict', {
            detail: 'The necessity review is decided already',
            rule: NECESSITY_REVIEW_RULE,
          });
        }
        const [facts] = await retention.closedCases(tx, review.case_id);
        if (!facts) {
          throw new DomainError('conflict', {
            detail: 'The case is no longer closed (it was reopened)',
            rule: NECESSITY_REVIEW_RULE,
          });
        }
        if (!facts.purposes.includes(input.purpose)) {
          refuseIfAny(
            [
              {
                field: '/body/purpose',
                message: `must be one of the case's purposes: ${facts.purposes.join(', ')}`,
              },
            ],
            NECESSITY_REVIEW_RULE,
          );
        }
        const now = clock.now();
        await retention.decideReview(tx, reviewId, {
          decision: input.decision,
          purpose: input.purpose,
          by: actor.userId,
          at: now,
        });
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'store',
          outcome: 'success',
          caseId: review.case_id,
          records: [caseRef(review.case_id), reviewRef(reviewId)],
          reason: input.decision === 'keep' ? 'necessity_review_keep' : 'necessity_review_delete_now',
        });
        return {
          caseId: review.case_id,
          deleteNow: input.decision === 'delete_now',
          day: brusselsDateOf(now),
        };
      });
      // Delete now: the case goes on its keeper's destruction list, acting for no user as the job does
      // (should this stop, the next run of the job lists it: the decision is recorded).
      if (decided.deleteNow) {
        const [facts] = await inTransaction(db, (tx) => retention.closedCases(tx, decided.caseId));
        if (facts) {
          await listCase(deps, facts, {
            reason: 'necessity_review',
            dueOn: decided.day,
            rule: rules.necessityReviewInterval.rule,
          });
        }
      }
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const row = (await retention.reviewForUpdate(tx, reviewId))!;
        const [review] = await presentReviews(tx, context, [row]);
        return review!;
      });
    },
  };
}

export type RetentionTaskService = ReturnType<typeof createRetentionTaskService>;
