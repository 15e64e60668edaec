/**
 * The retention schedule of a controller (SPEC RET-01, RET-02, RET-06, RET-08; issue 6 scope 1 and 8)
 * and the report of its own-file copies past their due date (SPEC RET-03, FIL-09): for the caller's
 * organisation, each closed case it keeps or controls records of, with the end of its retention
 * computed now by the legal rules (so that a shortened maximum reschedules it at once) and its status:
 * running, due, on legal hold, on a destruction list, destroyed. Ids, codes and dates only.
 */
import {
  type OwnFileCopyReport,
  type RetentionSchedule,
  type RetentionScheduleQuery,
  RetentionScheduleQuerySchema,
  type ScheduledCase,
} from '../../../contracts/retention.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { datedOwnFileCopies, isOverdue } from './own-file-copies.js';
import type { RetentionDeskDeps } from './retention-deps.js';
import { isDue, keeperOf, necessityReviewDue, retentionEndOf, retentionStatus } from './retention-rules.js';

const DEFAULT_LIMIT = 200;
const DESTROYED_SHOWN = 500;
const COPIES_SHOWN = 500;

export function createRetentionScheduleService(deps: RetentionDeskDeps) {
  const { db, retention, access, audit, clock, rules } = deps;

  return {
    /** The dashboard: the organisation's closed and destroyed cases, soonest end of retention first. */
    retentionSchedule(actor: Actor, query: RetentionScheduleQuery): Promise<RetentionSchedule> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        refuseIfAny(shapeIssues(RetentionScheduleQuerySchema, query, 'querystring'));
        const now = clock.now();
        const closed = await retention.closedCases(tx);
        const ids = closed.map((facts) => facts.caseId);
        const [pending, reviews, destroyed] = await Promise.all([
          retention.pendingEntriesOf(tx, ids),
          retention.reviewsOfCases(tx, ids),
          retention.tombstones(tx, DESTROYED_SHOWN),
        ]);
        const listOf = new Map(pending.map((entry) => [entry.case_id, entry.list_id]));
        const live: ScheduledCase[] = closed.map((facts) => {
          const end = retentionEndOf(facts, rules);
          const keeper = keeperOf(facts);
          const ofCase = reviews.filter((review) => review.case_id === facts.caseId);
          const open = ofCase.find((review) => review.decision === null);
          const lastDecided = ofCase
            .map((review) => (review.decided_at === null ? undefined : new Date(review.decided_at)))
            .find((at) => at !== undefined && at >= facts.closedAt);
          const next =
            facts.state === 'closed'
              ? necessityReviewDue(facts.closedAt, lastDecided ?? null, end.deadline.date, rules)
              : undefined;
          return {
            caseId: facts.caseId,
            frameworkId: facts.frameworkId,
            keeper: { id: keeper.organisationId, legalName: '', relation: keeper.relation },
            finalState: facts.state,
            closedAt: facts.closedAt.toISOString(),
            retention: {
              months: end.months,
              basis: end.basis,
              endsOn: end.deadline.date,
              rule: end.deadline.rule,
            },
            status: retentionStatus({
              destroyed: false,
              listed: listOf.has(facts.caseId),
              held: facts.standingHolds.length > 0,
              due: isDue(end.deadline, now),
            }),
            legalHolds: facts.standingHolds.length,
            destructionListId: listOf.get(facts.caseId) ?? null,
            necessityReviewId: open?.id ?? null,
            nextNecessityReviewOn: open?.due_on ?? next?.date ?? null,
            destroyedAt: null,
          };
        });
        const gone: ScheduledCase[] = destroyed.map((t) => ({
          caseId: t.case_id,
          frameworkId: t.framework_id,
          keeper: {
            id: t.keeper_organisation_id,
            legalName: '',
            relation: t.final_state === 'not_signalled' ? 'compartment' : 'organiser',
          },
          finalState: t.final_state,
          closedAt: new Date(t.closed_at).toISOString(),
          retention: {
            months: t.retention_months,
            basis: t.final_state !== 'closed' ? 'draft' : t.retention_months === null ? 'cap' : 'agreed',
            endsOn: t.retention_end,
            rule: t.retention_rule,
          },
          status: 'destroyed',
          legalHolds: 0,
          destructionListId: t.list_id,
          necessityReviewId: null,
          nextNecessityReviewOn: null,
          destroyedAt: new Date(t.purged_at).toISOString(),
        }));
        const entries = [...live, ...gone]
          .filter((entry) => query.status === undefined || entry.status === query.status)
          .sort(
            (a, b) =>
              a.retention.endsOn.localeCompare(b.retention.endsOn) || a.caseId.localeCompare(b.caseId),
          )
          .slice(0, query.limit ?? DEFAULT_LIMIT);
        const names = await retention.organisationNames(tx, [
          actor.organisationId,
          ...entries.map((entry) => entry.keeper.id),
        ]);
        for (const entry of entries) entry.keeper.legalName = names.get(entry.keeper.id) ?? '';
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: entries.map((entry) => ({ type: 'case', id: entry.caseId })),
          justification: 'retention desk: end of retention and destruction (bill art. 2 §3 4°)',
          reason: 'retention_schedule',
        });
        return {
          organisation: { id: actor.organisationId, legalName: names.get(actor.organisationId) ?? '' },
          generatedAt: now.toISOString(),
          entries,
        };
      });
    },

    /**
     * RET-03: the own-file copies the organisation made that are past their due date (FIL-09: the
     * agreed maximum after closure, or its organic law's period), the shared file purged or not.
     */
    ownFileCopyReport(actor: Actor): Promise<OwnFileCopyReport> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const now = clock.now();
        const [live, dues] = await Promise.all([retention.ownFileCopies(tx), retention.copyDues(tx)]);
        const overdue: OwnFileCopyReport['overdue'] = datedOwnFileCopies(live, dues, rules)
          .filter((copy) => isOverdue(copy, now))
          .map((copy) => ({
            transferId: copy.transferId,
            caseId: copy.caseId,
            exports: copy.exports,
            lastExportedAt: copy.lastExportedAt.toISOString(),
            dueOn: copy.dueOn,
            rule: copy.rule,
            casePurged: copy.casePurged,
          }));
        overdue.splice(COPIES_SHOWN);
        const names = await retention.organisationNames(tx, [actor.organisationId]);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: overdue.map((copy) => ({ type: 'own_file_transfer', id: copy.transferId })),
          justification: 'retention desk: own-file copies past their due date (bill art. 4 al. 5)',
          reason: 'own_file_copies_overdue',
        });
        return {
          organisation: { id: actor.organisationId, legalName: names.get(actor.organisationId) ?? '' },
          generatedAt: now.toISOString(),
          overdue,
        };
      });
    },
  };
}

export type RetentionScheduleService = ReturnType<typeof createRetentionScheduleService>;
