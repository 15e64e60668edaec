/**
 * The retention status of the controller's compliance dashboard (SPEC SCO-12, issue 6 scopes 1 and
 * 8; compliance/indicator-source.ts): bill art. 2 §3 4° keeps the data of a case no longer than the
 * agreed maximum, L2007 art. 4 §1 5° no longer than necessary. For the controller, as its retention
 * desk sees them (the cases it keeps or controls records of):
 * - red: a case past its end of retention is on no destruction list and under no legal hold.
 *   Nothing is under way to destroy data the law no longer allows to keep; the daily job lists such
 *   a case on its next run, so red that lasts says the job does not run (RET-01);
 * - amber: work waiting on the controller itself: a destruction list awaiting its approval (its
 *   keeper's or its DPO's, four eyes), a paper destruction task due (SCO-09) or a necessity review
 *   due (RET-05). The oldest list's date says how long the destruction has waited; no threshold
 *   turns it red, because the law sets none and a made-up one would be a legal number nobody
 *   enacted. A case past its end under a legal hold is counted, not coloured: its destruction is
 *   suspended by law (L2007 art. 14 §7; RET-08);
 * - green otherwise.
 * Counts and dates only, never a case id.
 */
import type { Indicator } from '../../../contracts/compliance.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { AccessRepository } from '../access/access.repository.js';
import type { IndicatorSource } from '../compliance/indicator-source.js';
import { listFacts } from './retention-presenter.js';
import { isDue, missingApprovals, retentionEndOf } from './retention-rules.js';
import type { RetentionRepository } from './retention.repository.js';

export function retentionIndicator({
  access,
  retention,
  rules,
}: {
  access: AccessRepository;
  retention: RetentionRepository;
  rules: LegalRules;
}): IndicatorSource {
  return {
    key: 'retention_status',
    async read(tx, { controllerId, now }): Promise<Indicator> {
      const today = brusselsDateOf(now);
      const facts = await access.readAsRetentionDeskOf(tx, controllerId, async () => {
        const closed = await retention.closedCases(tx);
        const listed = new Set(
          (
            await retention.pendingEntriesOf(
              tx,
              closed.map((c) => c.caseId),
            )
          ).map((entry) => entry.case_id),
        );
        const lists = await retention.awaitingApproval(tx);
        const approvals = await retention.approvalsOf(
          tx,
          lists.map((list) => list.id),
        );
        return {
          closed,
          listed,
          lists,
          approvals,
          paperTasksDue: await retention.paperTasksDue(tx, controllerId, today),
          necessityReviewsDue: await retention.necessityReviewsDue(tx, controllerId, today),
        };
      });
      const past = facts.closed.filter(
        (c) => !facts.listed.has(c.caseId) && isDue(retentionEndOf(c, rules).deadline, now),
      );
      const unlisted = past.filter((c) => c.standingHolds.length === 0).length;
      const waiting = facts.lists.filter((list) => {
        const missing = missingApprovals(
          listFacts(list),
          facts.approvals
            .filter((a) => a.list_id === list.id)
            .map((a) => ({ capacity: a.capacity, organisationId: a.organisation_id, userId: a.approved_by })),
        );
        return (
          (missing.keeper && list.keeper_organisation_id === controllerId) ||
          missing.dpoOf.includes(controllerId)
        );
      });
      const work = waiting.length + facts.paperTasksDue + facts.necessityReviewsDue;
      return {
        key: 'retention_status',
        status: unlisted > 0 ? 'red' : work > 0 ? 'amber' : 'green',
        figures: {
          past_end_unlisted: unlisted,
          past_end_on_legal_hold: past.length - unlisted,
          lists_awaiting_approval: waiting.length,
          oldest_list_since: waiting[0] ? brusselsDateOf(new Date(waiting[0].created_at)) : null,
          paper_tasks_due: facts.paperTasksDue,
          necessity_reviews_due: facts.necessityReviewsDue,
        },
        link: '/api/retention/schedule',
        rule: 'bill art. 2 §3 4°; L2007 arts 4 §1 5° and 14 §7 (SPEC SCO-12, RET-01, RET-05, RET-08, SCO-09)',
      };
    },
  };
}
