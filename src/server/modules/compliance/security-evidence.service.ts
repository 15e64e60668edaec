/**
 * The instance's security evidence and its federal-use gate (SPEC SEC-03, SCO-08): the reviews of
 * the documented risk assessment and security plan, the restore tests, and the gate's status. The
 * host's operator and the controllers' DPOs read and record them (compliance-decisions.ts); none of
 * it is case content. Each use case is one transaction: the access decision, the whole input
 * checked, the write, its audit event; a refusal leaves its denied event only.
 */
import {
  type FederalUseGate,
  type RecordRestoreTest,
  RecordRestoreTestSchema,
  type RecordSecurityPlanReview,
  RecordSecurityPlanReviewSchema,
  type RestoreTestList,
  type SecurityPlanReviewList,
} from '../../../contracts/compliance.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { brusselsDateOf, type LegalRules } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { presentPlanReview, presentRestoreTest } from './compliance-presenter.js';
import type { ComplianceRepository } from './compliance.repository.js';
import { readFederalUseGate } from './federal-use-gate.js';
import {
  evidenceStatus,
  restoreTestIssues,
  SECURITY_EVIDENCE_RULE,
  securityPlanReviewIssues,
} from './security-evidence-rules.js';

export interface SecurityEvidenceDeps {
  db: Db;
  compliance: ComplianceRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
}

export function createSecurityEvidenceService(deps: SecurityEvidenceDeps) {
  const { db, compliance, access, audit, clock, rules } = deps;

  /** The operator or a controller's DPO, then `work` with a recorder of the success event. */
  function onInstance<T>(
    actor: Actor,
    action: AuditAction,
    work: (
      tx: Tx,
      context: AccessContext,
      record: (records: AuditRecordRef[]) => Promise<number>,
    ) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'compliance.instance' }, action);
      return work(tx, context, (records) =>
        audit.record(tx, { actor: auditActorOf(context, decision), action, outcome: 'success', records }),
      );
    });
  }

  async function planReviews(tx: Tx): Promise<SecurityPlanReviewList> {
    const rows = await compliance.planReviews(tx);
    return {
      status: evidenceStatus(rules, 'plan_review', rows[0]?.reviewed_on),
      reviews: rows.map(presentPlanReview),
    };
  }

  async function restoreTests(tx: Tx): Promise<RestoreTestList> {
    const rows = await compliance.restoreTests(tx);
    const success = rows.find((row) => row.outcome === 'succeeded');
    return {
      status: evidenceStatus(rules, 'restore_test', success?.tested_on),
      restoreTests: rows.map(presentRestoreTest),
    };
  }

  return {
    listSecurityPlanReviews(actor: Actor): Promise<SecurityPlanReviewList> {
      return onInstance(actor, 'admin.security_plan_reviews_listed', async (tx, _context, record) => {
        const list = await planReviews(tx);
        await record(list.reviews.map((review) => ({ type: 'security_plan_review', id: review.id })));
        return list;
      });
    },

    /** SEC-03: a review of the plan and the risk assessment, covering every area SEC-03 names. */
    recordSecurityPlanReview(actor: Actor, input: RecordSecurityPlanReview): Promise<SecurityPlanReviewList> {
      return onInstance(actor, 'admin.security_plan_review_recorded', async (tx, context, record) => {
        refuseIfAny(shapeIssues(RecordSecurityPlanReviewSchema, input), SECURITY_EVIDENCE_RULE);
        refuseIfAny(securityPlanReviewIssues(input, brusselsDateOf(clock.now())), SECURITY_EVIDENCE_RULE);
        const { id } = await compliance.insertPlanReview(tx, {
          plan_version: input.planVersion.trim(),
          reviewed_on: input.reviewedOn,
          occasion: input.occasion,
          change_description: input.changeDescription?.trim() ?? null,
          plan_reference: input.planReference.trim(),
          risk_assessment_reference: input.riskAssessmentReference.trim(),
          areas: [...input.areas],
          recorded_by: actor.userId,
          recorded_by_organisation_id: context.facts.organisationId,
          recorded_at: clock.now(),
        });
        await record([{ type: 'security_plan_review', id }]);
        return planReviews(tx);
      });
    },

    listRestoreTests(actor: Actor): Promise<RestoreTestList> {
      return onInstance(actor, 'admin.restore_tests_listed', async (tx, _context, record) => {
        const list = await restoreTests(tx);
        await record(list.restoreTests.map((test) => ({ type: 'restore_test', id: test.id })));
        return list;
      });
    },

    /** SEC-03: the evidence of a restore of a backup (`concerto restore`), succeeded or failed. */
    recordRestoreTest(actor: Actor, input: RecordRestoreTest): Promise<RestoreTestList> {
      return onInstance(actor, 'admin.restore_test_recorded', async (tx, context, record) => {
        refuseIfAny(shapeIssues(RecordRestoreTestSchema, input), SECURITY_EVIDENCE_RULE);
        refuseIfAny(restoreTestIssues(input, brusselsDateOf(clock.now())), SECURITY_EVIDENCE_RULE);
        const { id } = await compliance.insertRestoreTest(tx, {
          tested_on: input.testedOn,
          outcome: input.outcome,
          reference: input.reference.trim(),
          recorded_by: actor.userId,
          recorded_by_organisation_id: context.facts.organisationId,
          recorded_at: clock.now(),
        });
        await record([{ type: 'restore_test', id }]);
        return restoreTests(tx);
      });
    },

    /** SCO-08: the gate and each of its conditions, as the operator console applies it. */
    federalUseGate(actor: Actor): Promise<FederalUseGate> {
      return onInstance(actor, 'admin.federal_use_gate_viewed', async (tx, _context, record) => {
        const gate = await readFederalUseGate(tx, { compliance, rules });
        await record([]);
        return gate;
      });
    },
  };
}

export type SecurityEvidenceService = ReturnType<typeof createSecurityEvidenceService>;
