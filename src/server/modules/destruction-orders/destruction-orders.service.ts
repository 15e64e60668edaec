/**
 * A court's erasure orders at the controller's retention desk (L1992 art. 41 §1; SPEC PEN-16). On a
 * conviction under art. 39 the judge may order the erasure of the data, even where the media do not
 * belong to the convicted person. The controller's DPO records the order (court, date and reference
 * of the judgment, the cases it designates); a second, distinct person of the controller's desk
 * executes it (four eyes, as the retention purge); the cases are then destroyed whole, their keys
 * destroyed in the key provider (which covers the backups: crypto-shredding, SPEC RET-07), and the
 * signed destruction certificate is issued. A legal hold yields only to the ordering court's own
 * reference. One transaction per use case, with its audit events; the destruction follows the commit.
 */
import { randomUUID } from 'node:crypto';
import {
  type DestructionOrder,
  type DestructionOrderList,
  type RecordCourtErasureOrder,
  RecordCourtErasureOrderSchema,
} from '../../../contracts/destruction-orders.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import { brusselsDateOf, COURT_ERASURE } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { SignedProof } from '../retention/destruction-proof.js';
import { readCertificate } from './certificate-download.js';
import { caseRef, type DestructionOrderDeskDeps, orderRef } from './destruction-order-deps.js';
import { presentOrders } from './destruction-order-presenter.js';
import { judgmentDateIssues } from './destruction-order-rules.js';
import type { OrderRow } from './destruction-orders.repository.js';
import { approveOrder, designatedCaseIssues } from './order-approval.js';
import { settleOrder } from './order-execution.service.js';

/** The desk reads orders (ids, references, dates), never content: its consult events say so. */
const DESK_JUSTIFICATION = "destruction orders: a court's erasure order (L1992 art. 41 §1)";
const ORDERS_SHOWN = 200;

const factsOf = (row: OrderRow) => ({ kind: row.kind, organisationId: row.organisation_id });

export function createDestructionOrderService(deps: DestructionOrderDeskDeps) {
  const { db, orders, access, audit, clock, keys } = deps;

  /** An order of the desk's organisation; anyone else may not learn it exists (404). */
  async function visibleOrder(tx: Tx, context: AccessContext, orderId: string, forUpdate = false) {
    refuseIfAny(shapeIssues(IdSchema, orderId, 'params/orderId'));
    const row = forUpdate ? await orders.orderForUpdate(tx, orderId) : await orders.orderById(tx, orderId);
    const decision = access.require(
      context,
      { action: 'destruction_order.view', order: row && factsOf(row) },
      'consult',
    );
    return { row: row!, decision };
  }

  const actionsFor =
    (context: AccessContext) =>
    (row: OrderRow): DestructionOrder['allowedActions'] =>
      row.approved_at === null &&
      row.recorded_by !== context.facts.userId &&
      decide(context.facts, { action: 'destruction_order.execute', order: factsOf(row) }).allowed
        ? ['execute']
        : [];

  /** One order as the desk sees it, its consultation audited. */
  function destructionOrder(actor: Actor, orderId: string): Promise<DestructionOrder> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enterRetentionDesk(tx, actor, 'consult');
      const { row } = await visibleOrder(tx, context, orderId);
      const [presented] = await presentOrders(tx, orders, [row], actionsFor(context));
      await audit.record(tx, {
        actor: auditActorOf(context),
        action: 'consult',
        outcome: 'success',
        records: [orderRef(row.id)],
        justification: DESK_JUSTIFICATION,
        reason: 'destruction_order',
      });
      return presented!;
    });
  }

  return {
    /**
     * PEN-16: the controller's DPO records the court's order and the cases it designates (cases its
     * organisation takes part in or controls records of). Bad input is refused whole, naming each
     * field; nothing is destroyed before a second person executes the order.
     */
    recordCourtErasureOrder(actor: Actor, input: RecordCourtErasureOrder): Promise<DestructionOrder> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'store');
        const decision = access.require(context, { action: 'destruction_order.record' }, 'store');
        refuseIfAny(shapeIssues(RecordCourtErasureOrderSchema, input), COURT_ERASURE.rule);
        const now = clock.now();
        refuseIfAny(
          [
            ...judgmentDateIssues(input.judgmentDate, brusselsDateOf(now)),
            ...(await designatedCaseIssues(
              tx,
              orders,
              input.caseIds,
              'is not a case your organisation takes part in or controls records of',
            )),
          ],
          COURT_ERASURE.rule,
        );
        const id = randomUUID();
        const who = auditActorOf(context, decision);
        const position = await audit.record(tx, {
          actor: who,
          action: 'store',
          outcome: 'success',
          records: [orderRef(id), ...input.caseIds.map(caseRef)],
          reason: 'court_erasure_order_recorded',
        });
        const row = await orders.insertOrder(tx, {
          id,
          kind: 'court_erasure',
          organisation_id: actor.organisationId,
          order_reference: input.judgmentReference.trim(),
          court: input.court.trim(),
          judgment_date: input.judgmentDate,
          recorded_by: actor.userId,
          recorded_role: who.role,
          recorded_at: now,
          record_audit_position: position,
        });
        await orders.insertCases(tx, id, input.caseIds);
        const [presented] = await presentOrders(tx, orders, [row], actionsFor(context));
        return presented!;
      });
    },

    /** The court's orders of the caller's organisation, newest first, with what it may do to each. */
    listDestructionOrders(actor: Actor): Promise<DestructionOrderList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'consult');
        const rows = await orders.orders(tx, 'court_erasure', ORDERS_SHOWN);
        const list = await presentOrders(tx, orders, rows, actionsFor(context));
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => orderRef(row.id)),
          justification: DESK_JUSTIFICATION,
          reason: 'destruction_orders',
        });
        return { orders: list };
      });
    },

    destructionOrder,

    /**
     * PEN-16: a second, distinct person of the controller's desk (its DPO or a member with a case
     * role) executes the order: the same person is refused (409, the rule named, audited), and so is
     * the execution while a legal hold of another court stands on a designated case (nothing is
     * destroyed). Then every case is destroyed and the certificate issued.
     */
    async executeCourtErasureOrder(actor: Actor, orderId: string): Promise<DestructionOrder> {
      await refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'store');
        refuseIfAny(shapeIssues(IdSchema, orderId, 'params/orderId'));
        // Locked: two executions at once see each other.
        const row = await orders.orderForUpdate(tx, orderId);
        const decision = access.require(
          context,
          { action: 'destruction_order.execute', order: row && factsOf(row) },
          'store',
        );
        await approveOrder(deps, tx, {
          order: row!,
          who: auditActorOf(context, decision),
          designationId: null,
        });
      });
      // The destruction acts for no user, each case in a transaction of its own. Should it stop
      // half-way (the key provider unreachable), the order shows what is pending and the job resumes.
      await settleOrder(deps, orderId).catch(() => undefined);
      return destructionOrder(actor, orderId);
    },

    /**
     * The signed destruction certificate (the retention's proof format: document and Ed25519
     * signature), once every designated case is destroyed or withheld. Its download is audited.
     */
    destructionCertificate(actor: Actor, orderId: string): Promise<SignedProof> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterRetentionDesk(tx, actor, 'retrieve');
        const { row } = await visibleOrder(tx, context, orderId);
        return readCertificate(tx, { audit, keys }, auditActorOf(context), row, {
          detail:
            'The certificate is issued once the order is executed and every designated case destroyed or withheld',
          rule: COURT_ERASURE.rule,
        });
      });
    },
  };
}

export type DestructionOrderService = ReturnType<typeof createDestructionOrderService>;
