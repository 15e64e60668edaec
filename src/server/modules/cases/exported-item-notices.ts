/**
 * SPEC FIL-08 (bill art. 4 al. 4: each participant answers for the quality of its own file): every
 * organisation that copied an item into its own file hears, in the transaction of the change, that
 * the item was rectified, erased, blocked or contested; the export register keeps what it heard,
 * and the notification its acknowledgement.
 */
import type { ExportedItemChange } from '../../../contracts/transfers.js';
import type { Tx } from '../../db/database.js';
import type { CaseDeps } from './open-case.js';

export async function notifyExporters(
  { records, notifications }: Pick<CaseDeps, 'records' | 'notifications'>,
  tx: Tx,
  item: { caseId: string; itemId: string },
  change: ExportedItemChange,
  at: Date,
): Promise<void> {
  const exporters = await records.exportersOf(tx, item.itemId);
  const ids = await notifications.notifyReturningIds(
    tx,
    at,
    exporters.map((organisationId) => ({
      organisationId,
      kind: 'exported_item_changed' as const,
      caseId: item.caseId,
      subjectId: item.itemId,
    })),
  );
  await records.exportedItemNotices(
    tx,
    ids.map((id) => ({ notification_id: id, item_id: item.itemId, change })),
  );
}
