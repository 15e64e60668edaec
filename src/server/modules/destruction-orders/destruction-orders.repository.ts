/**
 * The destruction orders (migration 0039) as the runtime role: the unattended purge sees them all, a
 * court's order its controller's retention desk, an emergency order the designated authorities (row-
 * level security). The facts of a case and its purge go through the SECURITY DEFINER functions of
 * migrations 0039 and 0030: those who order act for no case, and the runtime role deletes nothing.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  DestructionOrderCasesTable,
  DestructionOrdersTable,
  EmergencyDestructionAuthoritiesTable,
  OverriddenHold,
  TombstoneCounts,
} from '../../db/schema.js';
import type { StandingHoldRef } from './destruction-order-rules.js';
import { purgeCaseRows } from '../retention/retention.repository.js';

export type OrderRow = Selectable<DestructionOrdersTable>;
export type OrderedCaseRow = Selectable<DestructionOrderCasesTable>;
export type DesignationRow = Selectable<EmergencyDestructionAuthoritiesTable>;

/** What an order needs to know of a case (ids, codes and references; no content). */
export interface OrderCaseFacts {
  caseId: string;
  state: string;
  frameworkId: string;
  compartmentOrganisationId: string;
  organiserOrganisationId: string;
  audienceIds: string[];
  controllerIds: string[];
  holds: StandingHoldRef[];
  onPendingOrder: boolean;
}

export interface UserFacts {
  id: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  active: boolean;
}

export function createDestructionOrdersRepository() {
  return {
    /** The case as the caller may see it for an order (migration 0039), or undefined. */
    async caseFacts(tx: Tx, caseId: string): Promise<OrderCaseFacts | undefined> {
      const { rows } = await sql<{
        case_id: string;
        state: string;
        framework_id: string;
        compartment_organisation_id: string;
        organiser_organisation_id: string;
        audience_ids: string[];
        controller_ids: string[];
        hold_ids: string[];
        hold_references: string[];
        on_pending_order: boolean;
      }>`SELECT * FROM concerto_destruction_order_case(${caseId}::uuid)`.execute(tx);
      const row = rows[0];
      if (!row) return undefined;
      return {
        caseId: row.case_id,
        state: row.state,
        frameworkId: row.framework_id,
        compartmentOrganisationId: row.compartment_organisation_id,
        organiserOrganisationId: row.organiser_organisation_id,
        audienceIds: row.audience_ids,
        controllerIds: row.controller_ids,
        holds: row.hold_ids.map((holdId, index) => ({ holdId, reference: row.hold_references[index]! })),
        onPendingOrder: row.on_pending_order,
      };
    },

    /** The retention's purge (it accepts a case an approved order designates, migration 0039); the counts. */
    purge: purgeCaseRows,

    // --- orders -----------------------------------------------------------------------------

    insertOrder: (tx: Tx, row: Insertable<DestructionOrdersTable>): Promise<OrderRow> =>
      tx.insertInto('destruction_orders').values(row).returningAll().executeTakeFirstOrThrow(),

    async insertCases(tx: Tx, orderId: string, caseIds: readonly string[]): Promise<void> {
      await tx
        .insertInto('destruction_order_cases')
        .values(caseIds.map((caseId) => ({ order_id: orderId, case_id: caseId })))
        .execute();
    },

    orderById: (tx: Tx, orderId: string): Promise<OrderRow | undefined> =>
      tx.selectFrom('destruction_orders').selectAll().where('id', '=', orderId).executeTakeFirst(),

    orderForUpdate: (tx: Tx, orderId: string): Promise<OrderRow | undefined> =>
      tx
        .selectFrom('destruction_orders')
        .selectAll()
        .where('id', '=', orderId)
        .forUpdate()
        .executeTakeFirst(),

    /** The orders of `kind` the transaction sees, newest first. */
    orders: (tx: Tx, kind: OrderRow['kind'], limit: number): Promise<OrderRow[]> =>
      tx
        .selectFrom('destruction_orders')
        .selectAll()
        .where('kind', '=', kind)
        .orderBy('recorded_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute(),

    casesOf: (tx: Tx, orderIds: readonly string[]): Promise<OrderedCaseRow[]> =>
      orderIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('destruction_order_cases')
            .selectAll()
            .where('order_id', 'in', orderIds)
            .orderBy('case_id')
            .execute(),

    async markApproved(
      tx: Tx,
      orderId: string,
      approval: {
        userId: string;
        organisationId: string;
        role: string;
        designationId: string | null;
        at: Date;
        auditPosition: number;
      },
    ): Promise<void> {
      await tx
        .updateTable('destruction_orders')
        .set({
          approved_by: approval.userId,
          approved_organisation_id: approval.organisationId,
          approved_role: approval.role,
          approved_designation_id: approval.designationId,
          approved_at: approval.at,
          approve_audit_position: approval.auditPosition,
        })
        .where('id', '=', orderId)
        .execute();
    },

    async markCompleted(
      tx: Tx,
      orderId: string,
      certificate: { document: string; signature: string; at: Date; auditPosition: number },
    ): Promise<void> {
      await tx
        .updateTable('destruction_orders')
        .set({
          completed_at: certificate.at,
          certificate_document: certificate.document,
          certificate_signature: certificate.signature,
          certificate_audit_position: certificate.auditPosition,
        })
        .where('id', '=', orderId)
        .execute();
    },

    // --- the cases of approved orders (the unattended side) ---------------------------------

    /** The case's pending entry on an approved order, locked, with its order. */
    approvedEntryForUpdate: (tx: Tx, orderId: string, caseId: string) =>
      tx
        .selectFrom('destruction_order_cases as e')
        .innerJoin('destruction_orders as o', 'o.id', 'e.order_id')
        .select([
          'e.case_id',
          'o.kind',
          'o.order_reference',
          'o.approved_by',
          'o.approved_organisation_id',
          'o.approved_role',
        ])
        .where('e.order_id', '=', orderId)
        .where('e.case_id', '=', caseId)
        .where('e.status', '=', 'pending')
        .where('o.approved_at', 'is not', null)
        .forUpdate('e')
        .executeTakeFirst(),

    entryForUpdate: (tx: Tx, orderId: string, caseId: string): Promise<OrderedCaseRow | undefined> =>
      tx
        .selectFrom('destruction_order_cases')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    async settleDestroyed(
      tx: Tx,
      orderId: string,
      caseId: string,
      settled: {
        frameworkId: string;
        state: string;
        controllerIds: readonly string[];
        overriddenHolds: readonly OverriddenHold[];
        counts: TombstoneCounts;
        at: Date;
        auditPosition: number;
      },
    ): Promise<void> {
      await tx
        .updateTable('destruction_order_cases')
        .set({
          status: 'destroyed',
          framework_id: settled.frameworkId,
          state_at_destruction: settled.state,
          controller_ids: [...settled.controllerIds],
          overridden_holds: JSON.stringify(settled.overriddenHolds),
          counts: JSON.stringify(settled.counts),
          destroyed_at: settled.at,
          purge_audit_position: settled.auditPosition,
          settled_at: settled.at,
        })
        .where('order_id', '=', orderId)
        .where('case_id', '=', caseId)
        .execute();
    },

    async settleUndestroyed(
      tx: Tx,
      orderId: string,
      caseId: string,
      settled: { status: 'withheld'; holdIds: readonly string[]; at: Date } | { status: 'gone'; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('destruction_order_cases')
        .set({
          status: settled.status,
          withheld_hold_ids: settled.status === 'withheld' ? [...settled.holdIds] : null,
          settled_at: settled.at,
        })
        .where('order_id', '=', orderId)
        .where('case_id', '=', caseId)
        .execute();
    },

    async markKeyDestroyed(
      tx: Tx,
      orderId: string,
      caseId: string,
      at: Date,
      auditPosition: number,
    ): Promise<void> {
      await tx
        .updateTable('destruction_order_cases')
        .set({ key_destroyed_at: at, key_audit_position: auditPosition })
        .where('order_id', '=', orderId)
        .where('case_id', '=', caseId)
        .execute();
    },

    /** Destroyed cases whose key the provider has not destroyed yet (an interruption to resume). */
    pendingKeyDestructions: (tx: Tx) =>
      tx
        .selectFrom('destruction_order_cases')
        .select(['order_id', 'case_id'])
        .where('status', '=', 'destroyed')
        .where('key_destroyed_at', 'is', null)
        .orderBy('destroyed_at')
        .execute(),

    /** Pending cases of approved orders (of one order, or all): the purges to run or to resume. */
    async approvedPendingCases(tx: Tx, orderId?: string): Promise<{ order_id: string; case_id: string }[]> {
      let query = tx
        .selectFrom('destruction_order_cases as e')
        .innerJoin('destruction_orders as o', 'o.id', 'e.order_id')
        .select(['e.order_id', 'e.case_id'])
        .where('e.status', '=', 'pending')
        .where('o.approved_at', 'is not', null);
      if (orderId !== undefined) query = query.where('o.id', '=', orderId);
      return query.orderBy('o.approved_at').orderBy('e.case_id').execute();
    },

    /** Approved orders without their certificate yet. */
    async unsettledOrderIds(tx: Tx): Promise<string[]> {
      const rows = await tx
        .selectFrom('destruction_orders')
        .select('id')
        .where('approved_at', 'is not', null)
        .where('completed_at', 'is', null)
        .orderBy('approved_at')
        .execute();
      return rows.map((row) => row.id);
    },

    // --- designated authorities (RET-09) ------------------------------------------------------

    runningDesignationOf: (tx: Tx, userId: string): Promise<DesignationRow | undefined> =>
      tx
        .selectFrom('emergency_destruction_authorities')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),

    designationForUpdate: (tx: Tx, id: string): Promise<DesignationRow | undefined> =>
      tx
        .selectFrom('emergency_destruction_authorities')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    insertDesignation: (
      tx: Tx,
      row: Insertable<EmergencyDestructionAuthoritiesTable>,
    ): Promise<DesignationRow> =>
      tx.insertInto('emergency_destruction_authorities').values(row).returningAll().executeTakeFirstOrThrow(),

    async revokeDesignation(tx: Tx, id: string, by: string, at: Date): Promise<void> {
      await tx
        .updateTable('emergency_destruction_authorities')
        .set({ revoked_by: by, revoked_at: at })
        .where('id', '=', id)
        .execute();
    },

    designations: (tx: Tx): Promise<DesignationRow[]> =>
      tx
        .selectFrom('emergency_destruction_authorities')
        .selectAll()
        .orderBy('designated_at', 'desc')
        .orderBy('id')
        .execute(),

    // --- names for the views ------------------------------------------------------------------

    async users(tx: Tx, ids: readonly string[]): Promise<Map<string, UserFacts>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name', 'organisation_id', 'roles', 'active'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            displayName: row.display_name,
            organisationId: row.organisation_id,
            roles: [...row.roles],
            active: row.active,
          },
        ]),
      );
    },

    async organisationNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('organisations')
        .select(['id', 'legal_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.legal_name]));
    },
  };
}

export type DestructionOrdersRepository = ReturnType<typeof createDestructionOrdersRepository>;
