/**
 * What the two kinds of order share at the desk (SPEC PEN-16, RET-09): the cases an order may
 * designate, and the second person's approval: four eyes (409 naming the rule, audited, nothing
 * changes), no legal hold of another court standing on a designated case (409), then the approval is
 * recorded with its audit event. The destruction itself follows the commit (order-execution.service.ts).
 */
import type { Tx } from '../../db/database.js';
import type { AuditLog, UserActor } from '../../kernel/audit/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { COURT_ERASURE, EMERGENCY_DESTRUCTION } from '../../kernel/legal-rules/index.js';
import { refuse } from '../../kernel/refusal.js';
import { caseRef, orderRef } from './destruction-order-deps.js';
import { fourEyesConflict, fourEyesRule, sortHolds } from './destruction-order-rules.js';
import type { DestructionOrdersRepository, OrderRow } from './destruction-orders.repository.js';

/**
 * The cases an order designates, each known to the caller (a court's order: a case its organisation
 * takes part in or controls records of; an emergency: any case) and on no other pending order. An
 * unknown case and another organisation's are refused alike, naming the field.
 */
export async function designatedCaseIssues(
  tx: Tx,
  orders: DestructionOrdersRepository,
  caseIds: readonly string[],
  unknown: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [index, caseId] of caseIds.entries()) {
    const facts = await orders.caseFacts(tx, caseId);
    const field = `/body/caseIds/${index}`;
    if (!facts) issues.push({ field, message: unknown });
    else if (facts.onPendingOrder)
      issues.push({ field, message: 'is designated by another order not executed yet' });
  }
  return issues;
}

/**
 * The second person approves `order` (a court's: executes it): refused when it is approved already,
 * when the same person recorded it, or while a legal hold of another court stands on one of its
 * cases. Records the approval and its audit event; returns its audit position.
 */
export async function approveOrder(
  deps: { orders: DestructionOrdersRepository; audit: AuditLog; clock: { now(): Date } },
  tx: Tx,
  step: { order: OrderRow; who: UserActor; designationId: string | null },
): Promise<number> {
  const { orders, audit, clock } = deps;
  const { order, who } = step;
  const rule = fourEyesRule(order.kind);
  if (order.approved_at !== null) {
    throw new DomainError('conflict', {
      detail:
        order.kind === 'court_erasure'
          ? 'The erasure order was executed already'
          : 'The emergency destruction was approved already',
      rule,
    });
  }
  const conflict = fourEyesConflict({ kind: order.kind, recordedBy: order.recorded_by }, who.userId);
  if (conflict) {
    refuse('conflict', rule, conflict, {
      actor: who,
      action: 'store',
      outcome: 'denied',
      records: [orderRef(order.id)],
      reason: 'four_eyes',
    });
  }
  const pending = (await orders.casesOf(tx, [order.id])).filter((entry) => entry.status === 'pending');
  const blocked: string[] = [];
  for (const entry of pending) {
    const facts = await orders.caseFacts(tx, entry.case_id);
    if (!facts) continue;
    const { blocking } = sortHolds(facts.holds, { kind: order.kind, reference: order.order_reference });
    for (const hold of blocking) blocked.push(`case ${entry.case_id} (court order ${hold.reference})`);
  }
  if (blocked.length > 0) {
    refuse(
      'conflict',
      order.kind === 'court_erasure' ? COURT_ERASURE.legalHoldRule : EMERGENCY_DESTRUCTION.rule,
      `A legal hold stands on ${blocked.join('; ')}: ${
        order.kind === 'court_erasure'
          ? "only the ordering court's own reference overrides a hold"
          : 'an emergency destruction waits for its release'
      }; nothing was destroyed`,
      {
        actor: who,
        action: 'store',
        outcome: 'denied',
        records: [orderRef(order.id), ...pending.map((entry) => caseRef(entry.case_id))],
        reason: 'legal_hold',
      },
    );
  }
  const position = await audit.record(tx, {
    actor: who,
    action: 'store',
    outcome: 'success',
    records: [orderRef(order.id), ...pending.map((entry) => caseRef(entry.case_id))],
    reason:
      order.kind === 'court_erasure' ? 'court_erasure_order_executed' : 'emergency_destruction_approved',
  });
  await orders.markApproved(tx, order.id, {
    userId: who.userId,
    organisationId: who.organisationId,
    role: who.role,
    designationId: step.designationId,
    at: clock.now(),
    auditPosition: position,
  });
  return position;
}
