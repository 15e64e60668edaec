/**
 * Court actions and the end of contested markings (L2007/L1992 arts 14-15; SPEC RGT-CRT-01,
 * RGT-CRT-03, RGT-CON-01, RGT-CON-03, A-22). The controller records a court action notified to it
 * about items it controls, which marks them contested from the notification; it records the orders
 * of the president, with the reference of an order to inform third parties (art. 14 §6); and it
 * ends a mark on a recorded basis. Who may: the controller's own members with a case role (the
 * case action `case.contest`), not a representative and not another participant (SPEC ROL-09).
 * A DPO has no access to case content (SPEC ROL-12): its part is the rights requests of issue 5,
 * which mark through `markContested`. Each use case is one transaction with its audit events.
 */
import { randomUUID } from 'node:crypto';
import {
  type ClearContestedMark,
  ClearContestedMarkSchema,
  type ContestedMarkList,
  type CourtAction,
  type CourtActionList,
  type RecordCourtAction,
  RecordCourtActionSchema,
  type RecordCourtOrder,
  RecordCourtOrderSchema,
} from '../../../contracts/contested.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type CaseDeps, caseOpener, type OpenCase } from '../cases/open-case.js';
import type { ItemRow } from '../cases/records.repository.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import {
  CLEARANCE_RULE,
  clearanceIssues,
  COURT_ACTION_RULE,
  markableIssues,
  notificationIssues,
  orderIssues,
} from './contested-rules.js';
import {
  clearMark,
  type CourtActionRow,
  courtActionById,
  courtActionItems,
  courtActionsOf,
  courtOrdersOf,
  insertCourtAction,
  insertCourtOrder,
  markForUpdate,
  marksOfItem,
} from './contested.repository.js';
import { markContested } from './mark-contested.js';

/** What the ciphertexts of this module are bound to (ARCHITECTURE §3.3), under the case key. */
const COURT_FIELDS = {
  action: (id: string) => [`court_action:${id}`, 1] as const,
  order: (id: string) => [`court_order:${id}`, 1] as const,
};

const itemRef = (item: Pick<ItemRow, 'id' | 'category'>) => ({
  type: 'item',
  id: item.id,
  category: Number(item.category.slice(1)),
});

export function createContestedService(deps: CaseDeps) {
  const { db, records, access, audit, clock } = deps;
  const openCase = caseOpener(deps);
  const today = () => brusselsDateOf(clock.now());

  /** SPEC ROL-09: the item's controller acts; another participant learns it is not theirs (403). */
  function requireController(open: OpenCase, controller: string, auditAction: AuditAction): void {
    access.require(
      open.context,
      { action: 'case.contest', kase: open.facts, owner: controller },
      auditAction,
      open.row.id,
    );
  }

  async function visibleItem(tx: Tx, open: OpenCase, itemId: string): Promise<ItemRow> {
    refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
    const item = await records.itemById(tx, open.row.id, itemId, today());
    if (!item || (open.sharedOnly && !item.shared))
      throw new DomainError('not_found', { detail: 'No such item' });
    return item;
  }

  async function presentActions(
    open: OpenCase,
    tx: Tx,
    rows: readonly CourtActionRow[],
  ): Promise<CourtAction[]> {
    const ids = rows.map((row) => row.id);
    const [items, orders] = await Promise.all([courtActionItems(tx, ids), courtOrdersOf(tx, ids)]);
    return Promise.all(
      rows.map(async (row) => {
        const details = JSON.parse(
          await open.cipher.decryptText(...COURT_FIELDS.action(row.id), row.details),
        ) as {
          court: string;
          rollNumber: string;
        };
        return {
          id: row.id,
          claim: row.claim,
          court: details.court,
          rollNumber: details.rollNumber,
          notifiedAt: new Date(row.notified_at).toISOString(),
          rightsRequestId: row.rights_request_id,
          itemIds: items.filter((i) => i.reference === row.id).map((i) => i.item_id),
          recordedAt: new Date(row.recorded_at).toISOString(),
          orders: await Promise.all(
            orders
              .filter((order) => order.court_action_id === row.id)
              .map(async (order) => ({
                id: order.id,
                orderedOn: order.ordered_on,
                reference: order.reference,
                summary: await open.cipher.decryptText(...COURT_FIELDS.order(order.id), order.summary),
                informThirdParties:
                  order.inform_third_parties_reference === null
                    ? null
                    : { reference: order.inform_third_parties_reference },
                recordedAt: new Date(order.recorded_at).toISOString(),
              })),
          ),
        };
      }),
    );
  }

  async function presentMarks(tx: Tx, itemId: string): Promise<ContestedMarkList> {
    const rows = await marksOfItem(tx, itemId);
    return {
      marks: rows.map((row) => ({
        id: row.id,
        itemId: row.item_id,
        cause: row.cause,
        reference: row.reference,
        since: new Date(row.started_at).toISOString(),
        cleared:
          row.cleared_at && row.clear_basis && row.clear_date
            ? {
                at: new Date(row.cleared_at).toISOString(),
                by: row.cleared_by_name ?? '',
                basis: row.clear_basis,
                reference: row.clear_reference,
                date: row.clear_date,
                resJudicataConfirmed: row.res_judicata_confirmed,
              }
            : null,
      })),
    };
  }

  return {
    /**
     * RGT-CRT-01, RGT-CON-01: the controller records the court action notified to it (court, roll
     * number, notification) about items it controls; they are contested from the notification.
     */
    recordCourtAction(actor: Actor, caseId: string, input: RecordCourtAction): Promise<CourtAction> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'collect');
        refuseIfAny(shapeIssues(RecordCourtActionSchema, input));
        const seen = new Map(
          (await records.itemsOf(tx, caseId, open.sharedOnly, today())).map((item) => [item.id, item]),
        );
        // ROL-09: an item of another controller is not this organisation's to mark (403).
        for (const id of input.itemIds) {
          const item = seen.get(id);
          if (item && item.controller_organisation_id !== open.actingFor)
            requireController(open, item.controller_organisation_id, 'collect');
        }
        const now = clock.now();
        const notifiedAt = new Date(input.notifiedAt);
        const controllers = new Map(
          [...seen.values()].map((item) => [item.id, item.controller_organisation_id]),
        );
        refuseIfAny(
          [
            ...notificationIssues(notifiedAt, now),
            ...markableIssues(input.itemIds, controllers, open.actingFor),
          ],
          COURT_ACTION_RULE,
        );
        const id = randomUUID();
        const row = await insertCourtAction(tx, {
          id,
          case_id: caseId,
          controller_organisation_id: open.actingFor,
          claim: input.claim,
          details: await open.cipher.encrypt(
            ...COURT_FIELDS.action(id),
            JSON.stringify({ court: input.court, rollNumber: input.rollNumber }),
          ),
          notified_at: notifiedAt,
          rights_request_id: input.rightsRequestId ?? null,
          recorded_by: actor.userId,
          recorded_at: now,
        });
        const contestedSet = await markContested(deps, tx, {
          itemIds: input.itemIds,
          cause: 'court_action',
          reference: id,
          since: notifiedAt,
          userId: actor.userId,
          organisationId: open.actingFor,
        });
        await audit.recordMany(tx, [
          {
            actor: open.who,
            action: 'collect',
            outcome: 'success',
            caseId,
            records: [{ type: 'court_action', id }],
            reason: 'court_action_recorded',
          },
          contestedSet,
        ]);
        const [action] = await presentActions(open, tx, [row]);
        return action!;
      });
    },

    /** RGT-CRT-01: the court actions of the case brought against the reader's organisation. */
    listCourtActions(actor: Actor, caseId: string): Promise<CourtActionList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        // Row-level security keeps another controller's litigation out of this list.
        const rows = await courtActionsOf(tx, caseId);
        const courtActions = await presentActions(open, tx, rows);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [
            { type: 'case', id: caseId },
            ...rows.map((row) => ({ type: 'court_action', id: row.id })),
          ],
          justification: actor.justification!,
          reason: 'court_actions',
        });
        return { courtActions };
      });
    },

    /**
     * RGT-CRT-01, RGT-CRT-03: an order of the president in the action; when it orders the controller
     * to inform the third parties the data went to (art. 14 §6), its reference is kept for the
     * notifications that are generated for it.
     */
    recordCourtOrder(
      actor: Actor,
      caseId: string,
      courtActionId: string,
      input: RecordCourtOrder,
    ): Promise<CourtAction> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'record');
        refuseIfAny(shapeIssues(IdSchema, courtActionId, 'params/courtActionId'));
        // Another controller's action is hidden by row-level security: it may not learn it exists.
        const action = await courtActionById(tx, caseId, courtActionId);
        if (!action) throw new DomainError('not_found', { detail: 'No such court action' });
        refuseIfAny(shapeIssues(RecordCourtOrderSchema, input));
        refuseIfAny(orderIssues(input.orderedOn, today()), COURT_ACTION_RULE);
        const id = randomUUID();
        await insertCourtOrder(tx, {
          id,
          court_action_id: courtActionId,
          ordered_on: input.orderedOn,
          reference: input.reference,
          summary: await open.cipher.encrypt(...COURT_FIELDS.order(id), input.summary),
          inform_third_parties_reference: input.informThirdPartiesReference ?? null,
          recorded_by: actor.userId,
          recorded_at: clock.now(),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'record',
          outcome: 'success',
          caseId,
          records: [
            { type: 'court_action', id: courtActionId },
            { type: 'court_order', id },
          ],
          reason: 'court_order_recorded',
        });
        const [presented] = await presentActions(open, tx, [action]);
        return presented!;
      });
    },

    /** RGT-CON-01, RGT-CON-03: the marks of an item, standing and cleared, for those who see it. */
    listMarks(actor: Actor, caseId: string, itemId: string): Promise<ContestedMarkList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const item = await visibleItem(tx, open, itemId);
        const marks = await presentMarks(tx, itemId);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [itemRef(item)],
          justification: actor.justification!,
          reason: 'contested_marks',
        });
        return marks;
      });
    },

    /**
     * RGT-CON-03, A-22: a member of the item's controller ends a mark by recording its end event:
     * a final judgment (reference, date, res judicata confirmed), or the request executed in full
     * or withdrawn in writing. The clearance and its basis are logged; the mark stays as history.
     */
    clearMark(
      actor: Actor,
      caseId: string,
      itemId: string,
      markId: string,
      input: ClearContestedMark,
    ): Promise<ContestedMarkList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'adapt');
        const item = await visibleItem(tx, open, itemId);
        requireController(open, item.controller_organisation_id, 'adapt');
        refuseIfAny(shapeIssues(IdSchema, markId, 'params/markId'));
        const mark = await markForUpdate(tx, itemId, markId);
        if (!mark) throw new DomainError('not_found', { detail: 'No such contested mark' });
        if (mark.cleared_at)
          throw new DomainError('conflict', { detail: 'The mark was cleared already', rule: CLEARANCE_RULE });
        refuseIfAny(shapeIssues(ClearContestedMarkSchema, input));
        refuseIfAny(
          clearanceIssues(
            input,
            { cause: mark.cause, startedOn: brusselsDateOf(new Date(mark.started_at)) },
            today(),
          ),
          CLEARANCE_RULE,
        );
        const basis = input.basis!;
        await clearMark(tx, markId, {
          cleared_at: clock.now(),
          cleared_by: actor.userId,
          clear_basis: basis,
          clear_reference: input.reference ?? null,
          clear_date: input.date!,
          res_judicata_confirmed: basis === 'final_judgment',
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [itemRef(item), { type: 'contested_mark', id: markId }],
          reason: `contested_cleared_${basis}`,
        });
        return presentMarks(tx, itemId);
      });
    },
  };
}

export type ContestedService = ReturnType<typeof createContestedService>;
