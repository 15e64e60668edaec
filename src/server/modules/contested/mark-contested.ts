/**
 * RGT-CON-01 (L2007/L1992 art. 15): the marking that follows the receipt of a request to rectify,
 * erase or prohibit the use of data, or the notification of a court action. Called inside the
 * caller's transaction by the rights requests (issue 5) and the court actions of this module: it
 * writes the marks from the receipt or notification (never from the moment it is typed), tells
 * every organisation that copied an item into its own file (SPEC FIL-08), and returns the audit
 * event (`contested_set`) for the caller to record last, when the audit log's lock is short.
 */
import type { ContestedCause } from '../../../contracts/contested.js';
import type { Tx } from '../../db/database.js';
import type { AuditEvent, UserActor } from '../../kernel/audit/index.js';
import { notifyExporters } from '../cases/exported-item-notices.js';
import type { CaseDeps } from '../cases/open-case.js';
import { refuseIfAny } from '../identity/input.js';
import { CONTESTED_RULE, markableIssues } from './contested-rules.js';
import { insertMarks, itemsToMark, userOf } from './contested.repository.js';

export type MarkContestedDeps = Pick<CaseDeps, 'records' | 'notifications' | 'clock'>;

export interface MarkContestedInput {
  itemIds: readonly string[];
  cause: ContestedCause;
  /** The rights request id, or the court action id. */
  reference: string;
  /** The receipt of the request or the notification of the action (art. 15 "dès la réception"). */
  since: Date;
  /** Who registers it. */
  userId: string;
  /** The controller of the items, which the user acts for. */
  organisationId: string;
}

export async function markContested(
  deps: MarkContestedDeps,
  tx: Tx,
  input: MarkContestedInput,
): Promise<AuditEvent> {
  const items = await itemsToMark(tx, input.itemIds);
  const byId = new Map(items.map((item) => [item.id, item]));
  refuseIfAny(
    markableIssues(
      input.itemIds,
      new Map(items.map((item) => [item.id, item.controller_organisation_id])),
      input.organisationId,
    ),
    CONTESTED_RULE,
  );
  const marked = input.itemIds.map((id) => byId.get(id)!);
  const now = deps.clock.now();
  await insertMarks(
    tx,
    marked.map((item) => ({
      item_id: item.id,
      case_id: item.case_id,
      controller_organisation_id: item.controller_organisation_id,
      cause: input.cause,
      reference: input.reference,
      started_at: input.since,
      set_by: input.userId,
      set_at: now,
    })),
  );
  // FIL-08: every own file that holds a copy hears that it is contested, in this transaction.
  for (const item of marked) {
    await notifyExporters(deps, tx, { caseId: item.case_id, itemId: item.id }, 'contested', now);
  }
  const user = await userOf(tx, input.userId);
  const actor: UserActor = {
    userId: input.userId,
    organisationId: user.organisationId,
    role: user.role,
    // bill art. 5: a representative marks for the authority it represents.
    ...(user.organisationId !== input.organisationId && { representing: input.organisationId }),
  };
  const caseIds = [...new Set(marked.map((item) => item.case_id))];
  return {
    actor,
    action: 'adapt',
    outcome: 'success',
    ...(caseIds.length === 1 && { caseId: caseIds[0] }),
    records: [
      ...marked.map((item) => ({ type: 'item', id: item.id, category: Number(item.category.slice(1)) })),
      { type: input.cause === 'court_action' ? 'court_action' : 'rights_request', id: input.reference },
    ],
    reason: 'contested_set',
  };
}
