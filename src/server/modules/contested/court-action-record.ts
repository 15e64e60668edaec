/**
 * The court actions that follow a rights request, as the litigation evidence pack of that request
 * holds them (L2007 art. 14; SPEC RGT-CRT-01): the court, roll number and notification of each, its
 * orders and the notices generated under them (RGT-CRT-03). Read at the controller's desk, which
 * sees its own controller's actions (migration 0028) and the keys of their cases.
 */
import type { Tx } from '../../db/database.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import {
  courtActionItems,
  courtActionsOfRequest,
  courtOrderNoticesOf,
  courtOrdersOf,
} from './contested.repository.js';
import { COURT_FIELDS } from './court-fields.js';

export interface CourtActionRecord {
  id: string;
  caseId: string;
  claim: string;
  court: string;
  rollNumber: string;
  notifiedAt: string;
  itemIds: string[];
  recordedAt: string;
  orders: {
    id: string;
    orderedOn: string;
    reference: string;
    summary: string;
    informThirdPartiesReference: string | null;
    recordedAt: string;
    notices: {
      recipientOrganisationId: string | null;
      recipientName: string | null;
      recipientClass: string;
      itemIds: string[];
      notificationId: string | null;
      orderReference: string;
      createdAt: string;
    }[];
  }[];
}

export async function courtActionsFollowing(
  tx: Tx,
  requestId: string,
  cipherOf: (caseId: string) => Promise<ScopeCipher>,
): Promise<CourtActionRecord[]> {
  const actions = await courtActionsOfRequest(tx, requestId);
  const ids = actions.map((action) => action.id);
  const [items, orders] = await Promise.all([courtActionItems(tx, ids), courtOrdersOf(tx, ids)]);
  const notices = await courtOrderNoticesOf(
    tx,
    orders.map((order) => order.id),
  );
  const out: CourtActionRecord[] = [];
  for (const action of actions) {
    const cipher = await cipherOf(action.case_id);
    const details = JSON.parse(
      await cipher.decryptText(...COURT_FIELDS.action(action.id), action.details),
    ) as {
      court: string;
      rollNumber: string;
    };
    const own = orders.filter((order) => order.court_action_id === action.id);
    out.push({
      id: action.id,
      caseId: action.case_id,
      claim: action.claim,
      court: details.court,
      rollNumber: details.rollNumber,
      notifiedAt: new Date(action.notified_at).toISOString(),
      itemIds: items.filter((i) => i.reference === action.id).map((i) => i.item_id),
      recordedAt: new Date(action.recorded_at).toISOString(),
      orders: await Promise.all(
        own.map(async (order) => ({
          id: order.id,
          orderedOn: order.ordered_on,
          reference: order.reference,
          summary: await cipher.decryptText(...COURT_FIELDS.order(order.id), order.summary),
          informThirdPartiesReference: order.inform_third_parties_reference,
          recordedAt: new Date(order.recorded_at).toISOString(),
          notices: notices
            .filter((notice) => notice.court_order_id === order.id)
            .map((notice) => ({
              recipientOrganisationId: notice.recipient_organisation_id,
              recipientName: notice.recipient_name,
              recipientClass: notice.recipient_class,
              itemIds: notice.item_ids,
              notificationId: notice.notification_id,
              orderReference: notice.order_reference,
              createdAt: new Date(notice.created_at).toISOString(),
            })),
        })),
      ),
    });
  }
  return out;
}
