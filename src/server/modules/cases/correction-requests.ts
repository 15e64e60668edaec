/**
 * ROL-09: a participant that is not the controller of an item asks the controller to correct it.
 * Asked from the item («request correction») and by the organiser reviewing a catch-all item
 * (SPEC DAT-16); both write the same request, tell the controller the same way and log the same
 * event, which the caller records last in its transaction (the audit log's lock is short).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.js';
import type { AuditEvent } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { FIELDS } from './case-fields.js';
import { notifyExporters } from './exported-item-notices.js';
import type { CaseDeps, OpenCase } from './open-case.js';
import type { ItemRow } from './records.repository.js';

/** The request for `item` with `text` (encrypted under the case key), its notification, and its audit event. */
export async function fileCorrectionRequest(
  { records, notifications, clock }: Pick<CaseDeps, 'records' | 'notifications' | 'clock'>,
  tx: Tx,
  open: OpenCase,
  item: ItemRow,
  text: string,
): Promise<{ id: string; event: AuditEvent }> {
  if (item.controller_organisation_id === open.actingFor) {
    throw new DomainError('conflict', {
      detail: 'This is your own item: change it instead',
      rule: 'SPEC ROL-09',
    });
  }
  const id = randomUUID();
  const now = clock.now();
  const caseId = open.row.id;
  await records.correctionRequest(tx, {
    id,
    case_id: caseId,
    item_id: item.id,
    organisation_id: open.actingFor,
    requested_by: open.context.facts.userId,
    text: await open.cipher.encrypt(...FIELDS.correction(id), text),
    created_at: now,
  });
  await notifications.notify(tx, now, [
    {
      organisationId: item.controller_organisation_id,
      kind: 'correction_requested',
      caseId,
      subjectId: item.id,
    },
  ]);
  // FIL-08: the item is contested (marked inaccurate, SEC-11); those who copied it hear of it too.
  await notifyExporters({ records, notifications }, tx, { caseId, itemId: item.id }, 'contested', now);
  return {
    id,
    event: {
      actor: open.who,
      action: 'collect',
      outcome: 'success',
      caseId,
      records: [
        { type: 'correction_request', id },
        { type: 'item', id: item.id, category: Number(item.category.slice(1)) },
      ],
    },
  };
}
