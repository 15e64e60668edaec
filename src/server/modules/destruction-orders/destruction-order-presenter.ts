/** Destruction orders as the API shows them (SPEC PEN-16, RET-09): ids, references, dates, names of the two persons. */
import type { DestructionOrder } from '../../../contracts/destruction-orders.js';
import type { Tx } from '../../db/database.js';
import { legalBasisOf, orderState } from './destruction-order-rules.js';
import type { DestructionOrdersRepository, OrderRow } from './destruction-orders.repository.js';

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export async function presentOrders(
  tx: Tx,
  orders: DestructionOrdersRepository,
  rows: readonly OrderRow[],
  allowedActionsOf: (row: OrderRow) => DestructionOrder['allowedActions'],
): Promise<DestructionOrder[]> {
  const [entries, users, organisations] = await Promise.all([
    orders.casesOf(
      tx,
      rows.map((row) => row.id),
    ),
    orders.users(
      tx,
      rows.flatMap((row) => [row.recorded_by, ...(row.approved_by ? [row.approved_by] : [])]),
    ),
    orders.organisationNames(
      tx,
      rows.map((row) => row.organisation_id),
    ),
  ]);
  const personOf = (userId: string, organisationId: string) => ({
    userId,
    displayName: users.get(userId)?.displayName ?? '',
    organisationId,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    state: orderState(row),
    legalBasis: legalBasisOf(row.kind),
    reference: row.order_reference,
    court: row.court,
    judgmentDate: row.judgment_date,
    royalDecreeReference: row.royal_decree_reference,
    circumstance: row.circumstance,
    organisation: { id: row.organisation_id, legalName: organisations.get(row.organisation_id) ?? '' },
    recordedBy: personOf(row.recorded_by, users.get(row.recorded_by)?.organisationId ?? row.organisation_id),
    recordedAt: new Date(row.recorded_at).toISOString(),
    approvedBy:
      row.approved_by === null
        ? null
        : personOf(row.approved_by, row.approved_organisation_id ?? row.organisation_id),
    approvedAt: iso(row.approved_at),
    completedAt: iso(row.completed_at),
    designatedCases: entries
      .filter((entry) => entry.order_id === row.id)
      .map((entry) => ({
        caseId: entry.case_id,
        status: entry.status,
        destroyedAt: iso(entry.destroyed_at),
        keyDestroyedAt: iso(entry.key_destroyed_at),
        withheldHoldIds: entry.withheld_hold_ids ?? [],
        overriddenHolds: entry.overridden_holds ?? [],
      })),
    allowedActions: allowedActionsOf(row),
  }));
}
