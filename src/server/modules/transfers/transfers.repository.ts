/** Own-file transfers, their items and the export register (migration 0017), under row-level security. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { OwnFileTransfersTable } from '../../db/schema.js';

export type TransferRow = Selectable<OwnFileTransfersTable>;

export function createTransfersRepository() {
  return {
    insert: (tx: Tx, row: Insertable<OwnFileTransfersTable>): Promise<TransferRow> =>
      tx.insertInto('own_file_transfers').values(row).returningAll().executeTakeFirstOrThrow(),

    async insertItems(
      tx: Tx,
      transferId: string,
      items: readonly { itemId: string; controllerOrganisationId: string }[],
    ): Promise<void> {
      await tx
        .insertInto('own_file_transfer_items')
        .values(
          items.map((item) => ({
            transfer_id: transferId,
            item_id: item.itemId,
            controller_organisation_id: item.controllerOrganisationId,
          })),
        )
        .execute();
    },

    byId: (tx: Tx, id: string, lock = false): Promise<TransferRow | undefined> => {
      const query = tx.selectFrom('own_file_transfers').selectAll().where('id', '=', id);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    items: (tx: Tx, transferIds: readonly string[]) => {
      if (transferIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('own_file_transfer_items')
        .selectAll()
        .where('transfer_id', 'in', transferIds)
        .orderBy('item_id')
        .execute();
    },

    /** True when the item was pending and is now decided. */
    async decide(tx: Tx, transferId: string, itemId: string, decision: 'approved' | 'refused', by: string, at: Date) {
      const result = await tx
        .updateTable('own_file_transfer_items')
        .set({ decision, decided_by: by, decided_at: at })
        .where('transfer_id', '=', transferId)
        .where('item_id', '=', itemId)
        .where('decision', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    update: (tx: Tx, id: string, change: Partial<Omit<TransferRow, 'id'>>): Promise<TransferRow> =>
      tx.updateTable('own_file_transfers').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    async recordExport(
      tx: Tx,
      row: {
        transfer_id: string;
        format: 'json' | 'pdf';
        item_ids: string[];
        /** SPEC RGT-CON-04: the items shown as contested in this export. */
        contested_item_ids: string[];
        exported_by: string;
        exported_at: Date;
        sha256: string;
        /** SPEC TRF-01: the country of the own file it goes to, and the register's destination abroad. */
        destination_country: string;
        transfer_destination_id: string | null;
      },
    ): Promise<void> {
      await tx.insertInto('own_file_exports').values(row).execute();
    },

    exports: (tx: Tx, transferIds: readonly string[]) => {
      if (transferIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('own_file_exports as e')
        .innerJoin('users as u', 'u.id', 'e.exported_by')
        .select(['e.id', 'e.transfer_id', 'e.format', 'e.item_ids', 'e.exported_at', 'e.sha256', 'e.destination_country', 'u.display_name'])
        .where('e.transfer_id', 'in', transferIds)
        .orderBy('e.exported_at')
        .orderBy('e.id')
        .execute();
    },

    /**
     * FIL-08: what `organisationId` was told of the changes of `itemIds` since it exported them,
     * with the acknowledgement of each notification (who, when), oldest first.
     */
    changeNotices: (tx: Tx, organisationId: string, itemIds: readonly string[]) => {
      if (itemIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('exported_item_notices as x')
        .innerJoin('notifications as n', 'n.id', 'x.notification_id')
        .leftJoin('users as u', 'u.id', 'n.acknowledged_by')
        .select(['x.item_id', 'x.change', 'n.created_at', 'n.acknowledged_at', 'u.display_name as acknowledged_by'])
        .where('n.organisation_id', '=', organisationId)
        .where('x.item_id', 'in', itemIds)
        .orderBy('n.created_at')
        .orderBy('x.notification_id')
        .execute();
    },

    /** The transfers in which `organisations` decide an item, or which they requested (row-level security applies). */
    inbox: (tx: Tx, organisations: readonly string[], limit: number) => {
      if (organisations.length === 0) return Promise.resolve({ toDecide: [], requested: [] });
      return Promise.all([
        tx
          .selectFrom('own_file_transfers as t')
          .selectAll('t')
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('own_file_transfer_items as i')
                .select('i.item_id')
                .whereRef('i.transfer_id', '=', 't.id')
                .where('i.controller_organisation_id', 'in', organisations),
            ),
          )
          .orderBy('t.created_at', 'desc')
          .limit(limit)
          .execute(),
        tx
          .selectFrom('own_file_transfers')
          .selectAll()
          .where('requester_organisation_id', 'in', organisations)
          .orderBy('created_at', 'desc')
          .limit(limit)
          .execute(),
      ]).then(([toDecide, requested]) => ({ toDecide, requested }));
    },
  };
}

export type TransfersRepository = ReturnType<typeof createTransfersRepository>;
