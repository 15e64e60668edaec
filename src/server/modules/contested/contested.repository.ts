/**
 * The contested marks, court actions and court orders (migration 0025), as the runtime role under
 * row-level security: a mark is seen with its item, a court action by its controller only.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ContestedMarksTable,
  CourtActionsTable,
  CourtOrderNoticesTable,
  CourtOrdersTable,
} from '../../db/schema.js';

export type ContestedMarkRow = Selectable<ContestedMarksTable>;
export type CourtActionRow = Selectable<CourtActionsTable>;
export type CourtOrderRow = Selectable<CourtOrdersTable>;

/** What a clearance writes (RGT-CON-03). */
export interface Clearance {
  cleared_at: Date;
  cleared_by: string;
  clear_basis: NonNullable<ContestedMarkRow['clear_basis']>;
  clear_reference: string | null;
  clear_date: string;
  res_judicata_confirmed: boolean;
}

/** The items the marker sees, with what a mark copies from them. */
export function itemsToMark(tx: Tx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('items')
    .select(['id', 'case_id', 'controller_organisation_id', 'category'])
    .where('id', 'in', itemIds)
    .execute();
}

/** Registering the same request or action twice marks once (the standing index). */
export async function insertMarks(tx: Tx, rows: readonly Insertable<ContestedMarksTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('contested_marks')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['item_id', 'cause', 'reference']).where('cleared_at', 'is', null).doNothing(),
    )
    .execute();
}

/** The standing marks of `itemIds`, in one query (the case view asks for all its items at once). */
export function standingMarks(tx: Tx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('contested_marks')
    .select(['item_id', 'cause', 'started_at'])
    .where('item_id', 'in', itemIds)
    .where('cleared_at', 'is', null)
    .orderBy('started_at')
    .execute();
}

/** Every mark of an item, standing or cleared, with who cleared it. */
export function marksOfItem(tx: Tx, itemId: string) {
  return tx
    .selectFrom('contested_marks as m')
    .leftJoin('users as u', 'u.id', 'm.cleared_by')
    .selectAll('m')
    .select('u.display_name as cleared_by_name')
    .where('m.item_id', '=', itemId)
    .orderBy('m.started_at')
    .orderBy('m.id')
    .execute();
}

/** A mark of `itemId`, locked for its clearance. */
export function markForUpdate(tx: Tx, itemId: string, markId: string): Promise<ContestedMarkRow | undefined> {
  return tx
    .selectFrom('contested_marks')
    .selectAll()
    .where('id', '=', markId)
    .where('item_id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function clearMark(tx: Tx, markId: string, clearance: Clearance): Promise<void> {
  await tx.updateTable('contested_marks').set(clearance).where('id', '=', markId).execute();
}

/** The organisation and the role the audit log names for a user (its first role, as `auditActorOf` does). */
export async function userOf(tx: Tx, userId: string): Promise<{ organisationId: string; role: string }> {
  const row = await tx
    .selectFrom('users')
    .select(['organisation_id', 'roles'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { organisationId: row.organisation_id, role: row.roles[0] ?? 'none' };
}

export function insertCourtAction(tx: Tx, row: Insertable<CourtActionsTable>): Promise<CourtActionRow> {
  return tx.insertInto('court_actions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function courtActionById(tx: Tx, caseId: string, id: string): Promise<CourtActionRow | undefined> {
  return tx
    .selectFrom('court_actions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The court actions of the case its reader's organisations are the controller in (row-level security). */
export function courtActionsOf(tx: Tx, caseId: string): Promise<CourtActionRow[]> {
  return tx
    .selectFrom('court_actions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('notified_at')
    .orderBy('id')
    .execute();
}

/** The items each court action marked (its marks are its link to them, cleared or not). */
export function courtActionItems(tx: Tx, actionIds: readonly string[]) {
  if (actionIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('contested_marks')
    .select(['reference', 'item_id'])
    .distinct()
    .where('cause', '=', 'court_action')
    .where('reference', 'in', actionIds)
    .orderBy('reference')
    .orderBy('item_id')
    .execute();
}

export function insertCourtOrder(tx: Tx, row: Insertable<CourtOrdersTable>): Promise<CourtOrderRow> {
  return tx.insertInto('court_orders').values(row).returningAll().executeTakeFirstOrThrow();
}

export function courtOrdersOf(tx: Tx, actionIds: readonly string[]): Promise<CourtOrderRow[]> {
  if (actionIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('court_orders')
    .selectAll()
    .where('court_action_id', 'in', actionIds)
    .orderBy('ordered_on')
    .orderBy('recorded_at')
    .execute();
}

/** The court actions that follow the rights request `requestId` (art. 14 §5), visible to the reader. */
export function courtActionsOfRequest(tx: Tx, requestId: string): Promise<CourtActionRow[]> {
  return tx
    .selectFrom('court_actions')
    .selectAll()
    .where('rights_request_id', '=', requestId)
    .orderBy('notified_at')
    .orderBy('id')
    .execute();
}

export type CourtOrderNoticeRow = Selectable<CourtOrderNoticesTable>;

export async function insertCourtOrderNotices(
  tx: Tx,
  rows: readonly Insertable<CourtOrderNoticesTable>[],
): Promise<void> {
  if (rows.length > 0) await tx.insertInto('court_order_notices').values([...rows]).execute();
}

/** The notices generated under the orders `orderIds`, oldest first. */
export function courtOrderNoticesOf(tx: Tx, orderIds: readonly string[]): Promise<CourtOrderNoticeRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('court_order_notices')
    .selectAll()
    .where('court_order_id', 'in', orderIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The legal names of the recipient organisations (no personal data, no row-level security). */
export function organisationNames(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('organisations').select(['id', 'legal_name']).where('id', 'in', ids).execute();
}
