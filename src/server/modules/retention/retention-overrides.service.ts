/**
 * RET-01 (bill art. 2 §3 4° in fine): a maximum retention beyond thirty years needs the other provision
 * in force recorded (the case's proposal cites it) and the approval of the DPO of the controller that
 * keeps the shared file, the organiser's organisation. Until then the cases module keeps the 30-year
 * cap in force (case-rules.ts `retentionInForce`). The DPO acts for no case (SPEC ROL-12): it reads the
 * overrides awaiting it and approves one at the retention desk of its organisation, seeing the retention
 * figures and the provision, never the case content. One transaction per call, audited.
 */
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ApproveRetentionOverride,
  ApproveRetentionOverrideSchema,
  type RetentionOverrides,
} from '../../../contracts/retention.js';
import type { Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { caseRef, type RetentionDeskDeps } from './retention-deps.js';
import {
  createRetentionOverridesRepository,
  type RetentionOverrideRow,
  type RetentionOverridesRepository,
} from './retention-overrides.repository.js';

const OVERRIDE_RULE = 'bill art. 2 §3 4° in fine (SPEC RET-01)';

const present = (rows: readonly RetentionOverrideRow[]): RetentionOverrides => ({
  overrides: rows.map((row) => ({
    caseId: row.caseId,
    state: row.state,
    closedAt: row.closedAt === null ? null : row.closedAt.toISOString(),
    proposal: row.proposal,
    monthsInForce: row.monthsInForce,
    months: row.months,
    otherRule: row.otherRule,
  })),
});

export function createRetentionOverrideService(
  deps: RetentionDeskDeps,
  overrides: RetentionOverridesRepository = createRetentionOverridesRepository(),
) {
  const { db, access, audit, clock } = deps;

  /** The DPO of the actor's organisation at its retention desk, or the refusal. */
  async function enterAsDpo(tx: Tx, actor: Actor, action: 'consult' | 'store') {
    const context = await access.enterRetentionDesk(tx, actor, action);
    access.require(context, { action: 'retention.override', organiserId: actor.organisationId }, action);
    return context;
  }

  return {
    /** RET-01: the overrides beyond 30 years of the cases the DPO's organisation organises. */
    retentionOverrides(actor: Actor): Promise<RetentionOverrides> {
      return refusable(db, audit, async (tx) => {
        const context = await enterAsDpo(tx, actor, 'consult');
        const rows = await overrides.overrides(tx);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => caseRef(row.caseId)),
          justification:
            'retention desk: maximum retention beyond 30 years awaiting the DPO (bill art. 2 §3 4°)',
          reason: 'retention_overrides',
        });
        return present(rows);
      });
    },

    /** RET-01: the DPO approves the override of the proposal it read; the longer maximum is in force at once. */
    approveRetentionOverride(
      actor: Actor,
      caseId: string,
      input: ApproveRetentionOverride,
    ): Promise<RetentionOverrides> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'store');
        refuseIfAny(shapeIssues(IdSchema, caseId, 'params/caseId'));
        const row = (await overrides.overrides(tx)).find((candidate) => candidate.caseId === caseId);
        // A case of another organiser, or none awaiting: not found (ARCHITECTURE §3.7).
        const decision = access.require(
          context,
          { action: 'retention.override', organiserId: row ? actor.organisationId : undefined },
          'store',
          caseId,
        );
        refuseIfAny(shapeIssues(ApproveRetentionOverrideSchema, input), OVERRIDE_RULE);
        const now = clock.now();
        if (
          row!.proposal !== input.proposal ||
          !(await overrides.approve(tx, caseId, input.proposal, actor.userId, now))
        ) {
          throw new DomainError('conflict', {
            detail: 'This is not the proposal awaiting your approval any more: read the overrides again',
            rule: OVERRIDE_RULE,
          });
        }
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'store',
          outcome: 'success',
          caseId,
          records: [caseRef(caseId)],
          reason: 'retention_override_approved',
        });
        return present(await overrides.overrides(tx));
      });
    },
  };
}

export type RetentionOverrideService = ReturnType<typeof createRetentionOverrideService>;
