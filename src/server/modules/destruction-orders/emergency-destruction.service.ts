/**
 * The emergency destruction procedure (L1992 art. 45; SPEC RET-09, a MAY row, for a drill
 * environment). The King may designate the authorities that order or carry out the destruction of
 * processings in wartime, in the periods assimilated to it and under enemy occupation; misusing that
 * right is an offence (al. 3). So:
 * - the operator records which accounts a royal decree designates (and revokes a designation); the
 *   operator is no such authority itself (ARCHITECTURE §3.6);
 * - a designated account proposes the destruction of named cases, with its own order reference and
 *   the circumstance of art. 45 (or a drill); a second, distinct designated account approves it (four
 *   eyes: the same account twice is refused 409 naming the rule; an account not designated, 403);
 * - the cases are destroyed through the same purge as a court's order (order-execution.service.ts),
 *   and the same signed destruction certificate is issued. Every step is in the audit log.
 */
import { randomUUID } from 'node:crypto';
import {
  type DesignateEmergencyAuthority,
  DesignateEmergencyAuthoritySchema,
  type DestructionOrder,
  type DestructionOrderList,
  type EmergencyAuthority,
  type EmergencyAuthorityList,
  type ProposeEmergencyDestruction,
  ProposeEmergencyDestructionSchema,
} from '../../../contracts/destruction-orders.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction, AuditActor, AuditRecordRef } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { EMERGENCY_DESTRUCTION } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { SignedProof } from '../retention/destruction-proof.js';
import { readCertificate } from './certificate-download.js';
import { caseRef, type DestructionOrderDeskDeps, orderRef } from './destruction-order-deps.js';
import { presentOrders } from './destruction-order-presenter.js';
import type { DesignationRow, OrderRow } from './destruction-orders.repository.js';
import { approveOrder, designatedCaseIssues } from './order-approval.js';
import { settleOrder } from './order-execution.service.js';

const ORDERS_SHOWN = 200;
const designationRef = (id: string): AuditRecordRef => ({ type: 'emergency_authority', id });

export function createEmergencyDestructionService(deps: DestructionOrderDeskDeps) {
  const { db, orders, access, audit, clock, keys } = deps;

  /** The operator's use case: the access module decides (ARCHITECTURE §3.6); a refusal is audited. */
  function administer<T>(actor: Actor, action: AuditAction, work: (tx: Tx, who: AuditActor) => Promise<T>) {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'emergency_authority.designate' }, action);
      return work(tx, auditActorOf(context, decision));
    });
  }

  /** RET-09: the caller acts as a designated authority, or is refused (403, audited). */
  async function asAuthority(
    tx: Tx,
    actor: Actor,
    action: AuditAction,
  ): Promise<{ context: AccessContext; designation: DesignationRow }> {
    const designation = await orders.runningDesignationOf(tx, actor.userId);
    const context = await access.enterEmergencyAuthority(
      tx,
      actor,
      designation && {
        id: designation.id,
        userId: designation.user_id,
        revokedAt: designation.revoked_at === null ? null : new Date(designation.revoked_at),
      },
      action,
    );
    return { context, designation: designation! };
  }

  async function presentDesignations(tx: Tx, rows: readonly DesignationRow[]): Promise<EmergencyAuthority[]> {
    const users = await orders.users(
      tx,
      rows.map((row) => row.user_id),
    );
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      displayName: users.get(row.user_id)?.displayName ?? '',
      organisationId: users.get(row.user_id)?.organisationId ?? '',
      royalDecreeReference: row.royal_decree_reference,
      designatedAt: new Date(row.designated_at).toISOString(),
      revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
    }));
  }

  const actionsFor =
    (userId: string) =>
    (row: OrderRow): DestructionOrder['allowedActions'] =>
      row.approved_at === null && row.recorded_by !== userId ? ['approve'] : [];

  /** The emergency orders a designated authority sees, or one of them. */
  async function ordersView(tx: Tx, userId: string, rows: readonly OrderRow[]): Promise<DestructionOrder[]> {
    return presentOrders(tx, orders, rows, actionsFor(userId));
  }

  return {
    /** RET-09: the operator records that a royal decree of art. 45 designates an account. */
    designateEmergencyAuthority(
      actor: Actor,
      input: DesignateEmergencyAuthority,
    ): Promise<EmergencyAuthority> {
      return administer(actor, 'admin.emergency_authority_designated', async (tx, who) => {
        refuseIfAny(
          shapeIssues(DesignateEmergencyAuthoritySchema, input),
          EMERGENCY_DESTRUCTION.designationRule,
        );
        const user = (await orders.users(tx, [input.userId])).get(input.userId);
        if (!user?.active) {
          refuseIfAny(
            [{ field: '/body/userId', message: 'is not an active account' }],
            EMERGENCY_DESTRUCTION.designationRule,
          );
        } else if (user.roles.includes('operator')) {
          refuseIfAny(
            [
              {
                field: '/body/userId',
                message: "is the host's operator: the host is not an authority of art. 45",
              },
            ],
            EMERGENCY_DESTRUCTION.designationRule,
          );
        }
        if (await orders.runningDesignationOf(tx, input.userId)) {
          throw new DomainError('conflict', {
            detail: 'The account is designated already',
            rule: EMERGENCY_DESTRUCTION.designationRule,
          });
        }
        const row = await orders.insertDesignation(tx, {
          user_id: input.userId,
          royal_decree_reference: input.royalDecreeReference.trim(),
          designated_by: actor.userId,
          designated_at: clock.now(),
        });
        await audit.record(tx, {
          actor: who,
          action: 'admin.emergency_authority_designated',
          outcome: 'success',
          records: [designationRef(row.id), { type: 'user', id: input.userId }],
        });
        const [presented] = await presentDesignations(tx, [row]);
        return presented!;
      });
    },

    /** Every designation, running and revoked. Reading is a privileged act: audited. */
    listEmergencyAuthorities(actor: Actor): Promise<EmergencyAuthorityList> {
      return administer(actor, 'admin.emergency_authorities_listed', async (tx, who) => {
        const rows = await orders.designations(tx);
        await audit.record(tx, {
          actor: who,
          action: 'admin.emergency_authorities_listed',
          outcome: 'success',
          records: rows.map((row) => designationRef(row.id)),
        });
        return { authorities: await presentDesignations(tx, rows) };
      });
    },

    /** The designation ends (the decree repealed, the person gone); it stays as the record. */
    revokeEmergencyAuthority(actor: Actor, designationId: string): Promise<EmergencyAuthority> {
      return administer(actor, 'admin.emergency_authority_revoked', async (tx, who) => {
        refuseIfAny(shapeIssues(IdSchema, designationId, 'params/designationId'));
        const row = await orders.designationForUpdate(tx, designationId);
        if (!row) throw new DomainError('not_found', { detail: 'No such designation' });
        if (row.revoked_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The designation was revoked already',
            rule: EMERGENCY_DESTRUCTION.designationRule,
          });
        }
        const now = clock.now();
        await orders.revokeDesignation(tx, row.id, actor.userId, now);
        await audit.record(tx, {
          actor: who,
          action: 'admin.emergency_authority_revoked',
          outcome: 'success',
          records: [designationRef(row.id), { type: 'user', id: row.user_id }],
        });
        const [presented] = await presentDesignations(tx, [
          { ...row, revoked_by: actor.userId, revoked_at: now },
        ]);
        return presented!;
      });
    },

    /**
     * RET-09: a designated authority proposes the destruction of named cases; the proposal is its own
     * approval, the first of the two. Bad input is refused whole, naming each field.
     */
    proposeEmergencyDestruction(actor: Actor, input: ProposeEmergencyDestruction): Promise<DestructionOrder> {
      return refusable(db, audit, async (tx) => {
        const { context, designation } = await asAuthority(tx, actor, 'store');
        refuseIfAny(shapeIssues(ProposeEmergencyDestructionSchema, input), EMERGENCY_DESTRUCTION.rule);
        refuseIfAny(
          await designatedCaseIssues(tx, orders, input.caseIds, 'is not a case'),
          EMERGENCY_DESTRUCTION.rule,
        );
        const id = randomUUID();
        const who = auditActorOf(context);
        const now = clock.now();
        const position = await audit.record(tx, {
          actor: who,
          action: 'store',
          outcome: 'success',
          records: [orderRef(id), designationRef(designation.id), ...input.caseIds.map(caseRef)],
          reason: 'emergency_destruction_proposed',
        });
        const row = await orders.insertOrder(tx, {
          id,
          kind: 'emergency',
          organisation_id: actor.organisationId,
          order_reference: input.orderReference.trim(),
          royal_decree_reference: designation.royal_decree_reference,
          circumstance: input.circumstance,
          recorded_by: actor.userId,
          recorded_role: who.role,
          recorded_designation_id: designation.id,
          recorded_at: now,
          record_audit_position: position,
        });
        await orders.insertCases(tx, id, input.caseIds);
        const [presented] = await ordersView(tx, actor.userId, [row]);
        return presented!;
      });
    },

    /** The emergency destructions, newest first (designated authorities only). */
    listEmergencyDestructions(actor: Actor): Promise<DestructionOrderList> {
      return refusable(db, audit, async (tx) => {
        const { context } = await asAuthority(tx, actor, 'consult');
        const rows = await orders.orders(tx, 'emergency', ORDERS_SHOWN);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => orderRef(row.id)),
          justification: 'emergency destruction (L1992 art. 45)',
          reason: 'emergency_destructions',
        });
        return { orders: await ordersView(tx, actor.userId, rows) };
      });
    },

    /**
     * RET-09: the second, distinct designated authority approves; the cases are destroyed through the
     * same purge as a court's order, and the certificate is issued.
     */
    async approveEmergencyDestruction(actor: Actor, orderId: string): Promise<DestructionOrder> {
      await refusable(db, audit, async (tx) => {
        const { context, designation } = await asAuthority(tx, actor, 'store');
        refuseIfAny(shapeIssues(IdSchema, orderId, 'params/orderId'));
        const row = await orders.orderForUpdate(tx, orderId);
        if (row?.kind !== 'emergency')
          throw new DomainError('not_found', { detail: 'No such emergency destruction' });
        await approveOrder(deps, tx, {
          order: row,
          who: auditActorOf(context),
          designationId: designation.id,
        });
      });
      await settleOrder(deps, orderId).catch(() => undefined);
      return refusable(db, audit, async (tx) => {
        await asAuthority(tx, actor, 'consult');
        const row = (await orders.orderById(tx, orderId))!;
        const [presented] = await ordersView(tx, actor.userId, [row]);
        return presented!;
      });
    },

    /** The signed destruction certificate of an emergency destruction, once carried out. Audited. */
    emergencyDestructionCertificate(actor: Actor, orderId: string): Promise<SignedProof> {
      return refusable(db, audit, async (tx) => {
        const { context } = await asAuthority(tx, actor, 'retrieve');
        refuseIfAny(shapeIssues(IdSchema, orderId, 'params/orderId'));
        const row = await orders.orderById(tx, orderId);
        if (row?.kind !== 'emergency')
          throw new DomainError('not_found', { detail: 'No such emergency destruction' });
        return readCertificate(tx, { audit, keys }, auditActorOf(context), row, {
          detail: 'The certificate is issued once the destruction is approved and carried out',
          rule: EMERGENCY_DESTRUCTION.rule,
        });
      });
    },
  };
}

export type EmergencyDestructionService = ReturnType<typeof createEmergencyDestructionService>;
