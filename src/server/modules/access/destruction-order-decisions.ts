/**
 * Who may order and carry out the destruction of cases outside their retention (SPEC PEN-16, RET-09),
 * as pure rules over facts loaded in the transaction; `decide` applies them.
 *
 * - A court's erasure order (L1992 art. 41 §1) is the controller's to carry out: its DPO, the
 *   controller's contact for the courts and the Commission (L2007 art. 17bis; SPEC ROL-12), records
 *   it at the controller's retention desk; a second person of that desk (its DPO or a member with a
 *   case role: those who approve a destruction list, SPEC RET-01) executes it. The four eyes are the
 *   service's check (409): two distinct persons. Another organisation may not learn an order exists.
 * - An emergency destruction (L1992 art. 45) is for the accounts a royal decree designates, which
 *   the operator records; the operator itself is no such authority (the host is not a participant,
 *   ARCHITECTURE §3.6) and only designates. Two distinct designated accounts are the service's check.
 */
import type { ActorFacts } from './actor-facts.js';

/** What the rules know of an order: its kind and the organisation it belongs to. */
export interface DestructionOrderFacts {
  kind: 'court_erasure' | 'emergency';
  organisationId: string;
}

/** What the rules know of an account's designation under L1992 art. 45 (none: undefined). */
export interface EmergencyDesignationFacts {
  userId: string;
  revokedAt: Date | null;
}

export type DestructionOrderRequest =
  | { action: 'destruction_order.record' }
  | {
      action: 'destruction_order.view' | 'destruction_order.execute';
      order: DestructionOrderFacts | undefined;
    }
  | { action: 'emergency_authority.designate' }
  | { action: 'emergency_destruction.act'; designation: EmergencyDesignationFacts | undefined };

export type DestructionOrderDenyReason = 'no_such_destruction_order' | 'not_emergency_authority';

export const DESTRUCTION_ORDER_DENY_RULES: Record<DestructionOrderDenyReason, string> = {
  no_such_destruction_order:
    'ARCHITECTURE §3.7; bill art. 3 §1 al. 2 (SPEC PEN-16: the controller executes its order)',
  not_emergency_authority:
    'L1992 art. 45 al. 1 (SPEC RET-09: only accounts designated under the royal decree, recorded by the operator)',
};

export type DestructionOrderDecision =
  | { allowed: true; relation: 'acting_organisations' | 'platform'; via?: string }
  | {
      allowed: false;
      reason: DestructionOrderDenyReason | 'not_dpo' | 'not_platform_operator';
      answer: 'forbidden' | 'not_found';
    };

const allow = (organisationId: string): DestructionOrderDecision => ({
  allowed: true,
  relation: 'acting_organisations',
  via: organisationId,
});

/**
 * The gate of the retention desk (a DPO or a member with a case role, secrecy undertaking accepted:
 * access.service `enterRetentionDesk`) comes first for the court's orders; these are the rules past it.
 */
export function decideDestructionOrder(
  actor: ActorFacts,
  request: DestructionOrderRequest,
): DestructionOrderDecision {
  const own = actor.organisationId;
  switch (request.action) {
    case 'destruction_order.record':
      return actor.roles.includes('dpo')
        ? allow(own)
        : { allowed: false, reason: 'not_dpo', answer: 'forbidden' };
    case 'destruction_order.view':
    case 'destruction_order.execute':
      return request.order?.kind === 'court_erasure' && request.order.organisationId === own
        ? allow(own)
        : { allowed: false, reason: 'no_such_destruction_order', answer: 'not_found' };
    case 'emergency_authority.designate':
      return actor.roles.includes('operator')
        ? { allowed: true, relation: 'platform' }
        : { allowed: false, reason: 'not_platform_operator', answer: 'forbidden' };
    case 'emergency_destruction.act': {
      const { designation } = request;
      const designated =
        designation !== undefined &&
        designation.userId === actor.userId &&
        designation.revokedAt === null &&
        !actor.roles.includes('operator');
      return designated
        ? allow(own)
        : { allowed: false, reason: 'not_emergency_authority', answer: 'forbidden' };
    }
  }
}
