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
  type CourtOrderNoticeList,
  type GenerateCourtOrderNotices,
  GenerateCourtOrderNoticesSchema,
  type RecordCourtAction,
  RecordCourtActionSchema,
  type RecordCourtOrder,
  RecordCourtOrderSchema,
} from '../../../contracts/contested.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { DisclosureList } from '../../../contracts/rights.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { startOfBrusselsDay } from '../../kernel/legal-rules/brussels-time.js';
import { brusselsDateOf, parseCivilDate } from '../../kernel/legal-rules/index.js';
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
  type CourtOrderNoticeRow,
  courtOrderNoticesOf,
  courtOrdersOf,
  insertCourtAction,
  insertCourtOrder,
  insertCourtOrderNotices,
  markForUpdate,
  marksOfItem,
  organisationNames,
} from './contested.repository.js';
import { COURT_FIELDS } from './court-fields.js';
import { disclosureLog } from './disclosure-log.js';
import { markContested } from './mark-contested.js';

/** RGT-CRT-03: L2007 art. 14 §6, the president orders the controller to inform the third parties. */
const INFORM_RULE = 'L2007 art. 14 §6 (SPEC RGT-CRT-03)';

/** Day D as the instant it starts in Brussels, or the field that is not a day of the calendar. */
function sinceOf(since: string | undefined, field: string): { at: Date | null; issues: FieldIssue[] } {
  if (since === undefined) return { at: null, issues: [] };
  try {
    return { at: startOfBrusselsDay(parseCivilDate(since)), issues: [] };
  } catch {
    return { at: null, issues: [{ field, message: 'is not a day of the calendar' }] };
  }
}

const itemRef = (item: Pick<ItemRow, 'id' | 'category'>) => ({
  type: 'item',
  id: item.id,
  category: Number(item.category.slice(1)),
});

export function createContestedService(deps: CaseDeps) {
  const { db, records, notifications, access, audit, clock } = deps;
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

  async function presentNotices(tx: Tx, rows: readonly CourtOrderNoticeRow[]): Promise<CourtOrderNoticeList> {
    const names = new Map(
      (
        await organisationNames(
          tx,
          rows.flatMap((row) => (row.recipient_organisation_id ? [row.recipient_organisation_id] : [])),
        )
      ).map((o) => [o.id, o.legal_name]),
    );
    return {
      notices: rows.map((row) => ({
        id: row.id,
        courtOrderId: row.court_order_id,
        orderReference: row.order_reference,
        recipient: row.recipient_organisation_id
          ? (names.get(row.recipient_organisation_id) ?? '')
          : (row.recipient_name ?? ''),
        recipientOrganisationId: row.recipient_organisation_id,
        recipientClass: row.recipient_class,
        itemIds: row.item_ids,
        notificationId: row.notification_id,
        createdAt: new Date(row.created_at).toISOString(),
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

    /**
     * RGT-CRT-03 (L2007 art. 14 §6): an order to inform the third parties is carried out. Every
     * recipient of the action's items since day D (all of them without it), read from the
     * disclosure log, which outlives the items' erasure and retention, is told once per order: an
     * organisation of Concerto by a notification, a recipient outside it by the controller, whose
     * duty the row records. Each row keeps the order's reference to inform third parties.
     */
    generateCourtOrderNotices(
      actor: Actor,
      caseId: string,
      courtActionId: string,
      orderId: string,
      input: GenerateCourtOrderNotices,
    ): Promise<CourtOrderNoticeList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'organise');
        refuseIfAny(shapeIssues(IdSchema, courtActionId, 'params/courtActionId'));
        refuseIfAny(shapeIssues(IdSchema, orderId, 'params/orderId'));
        // Another controller's action is hidden by row-level security: it may not learn it exists.
        const action = await courtActionById(tx, caseId, courtActionId);
        if (!action) throw new DomainError('not_found', { detail: 'No such court action' });
        const order = (await courtOrdersOf(tx, [courtActionId])).find((o) => o.id === orderId);
        if (!order) throw new DomainError('not_found', { detail: 'No such court order' });
        requireController(open, action.controller_organisation_id, 'organise');
        const reference = order.inform_third_parties_reference;
        if (reference === null) {
          throw new DomainError('conflict', {
            detail: 'The order does not tell the controller to inform third parties',
            rule: INFORM_RULE,
          });
        }
        refuseIfAny(shapeIssues(GenerateCourtOrderNoticesSchema, input));
        const since = sinceOf(input.since, '/body/since');
        refuseIfAny(since.issues, INFORM_RULE);
        const itemIds = (await courtActionItems(tx, [courtActionId])).map((i) => i.item_id);
        const log = await disclosureLog(tx, itemIds, action.controller_organisation_id, since.at);
        const told = await courtOrderNoticesOf(tx, [orderId]);
        const toldKeys = new Set(told.map((n) => n.recipient_organisation_id ?? `name:${n.recipient_name}`));
        // One notice per recipient, with every item of the action it received.
        const recipients = new Map<string, { first: (typeof log)[number]; itemIds: Set<string> }>();
        for (const entry of log) {
          const key = entry.organisation_id ?? `name:${entry.recipient_name}`;
          if (toldKeys.has(key)) continue;
          const seen = recipients.get(key);
          if (seen) seen.itemIds.add(entry.item_id);
          else recipients.set(key, { first: entry, itemIds: new Set([entry.item_id]) });
        }
        const now = clock.now();
        const rows = [];
        for (const { first, itemIds: received } of recipients.values()) {
          const id = randomUUID();
          const [notificationId] = first.organisation_id
            ? await notifications.notifyReturningIds(tx, now, [
                { organisationId: first.organisation_id, kind: 'court_ordered_notice', caseId, subjectId: id },
              ])
            : [];
          rows.push({
            id,
            court_order_id: orderId,
            order_reference: reference,
            recipient_class: first.recipient_class,
            recipient_organisation_id: first.organisation_id,
            recipient_name: first.organisation_id ? null : first.recipient_name,
            item_ids: [...received].sort(),
            notification_id: notificationId ?? null,
            created_by: actor.userId,
            created_at: now,
          });
        }
        await insertCourtOrderNotices(tx, rows);
        await audit.record(tx, {
          actor: open.who,
          action: 'organise',
          outcome: 'success',
          caseId,
          records: [
            { type: 'court_action', id: courtActionId },
            { type: 'court_order', id: orderId },
            ...rows.map((row) => ({ type: 'court_order_notice', id: row.id })),
          ],
          recipients: rows.flatMap((row) =>
            row.recipient_organisation_id ? [{ organisationId: row.recipient_organisation_id }] : [],
          ),
          reason: 'court_ordered_notices',
        });
        return presentNotices(tx, await courtOrderNoticesOf(tx, [orderId]));
      });
    },

    /**
     * RGT-CRT-03: every recipient of an item of the controller since day D (all without it), from
     * the disclosure log, also after the item's erasure or the end of its retention (RGT-REC-05).
     */
    itemDisclosures(actor: Actor, caseId: string, itemId: string, sinceDay: string | undefined): Promise<DisclosureList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'consult');
        const item = await visibleItem(tx, open, itemId);
        requireController(open, item.controller_organisation_id, 'consult');
        const since = sinceOf(sinceDay, '/querystring/since');
        refuseIfAny(since.issues, INFORM_RULE);
        const rows = await disclosureLog(tx, [itemId], item.controller_organisation_id, since.at);
        const names = new Map(
          (
            await organisationNames(
              tx,
              rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])),
            )
          ).map((o) => [o.id, o.legal_name]),
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [itemRef(item)],
          justification: actor.justification ?? 'recipients of the data (L2007 art. 14 §6)',
          reason: 'disclosure_log',
        });
        return {
          disclosures: rows.map((r) => ({
            recipient: r.organisation_id ? (names.get(r.organisation_id) ?? '') : (r.recipient_name ?? ''),
            recipientOrganisationId: r.organisation_id,
            recipientClass: r.recipient_class,
            itemId: r.item_id,
            at: r.at.toISOString(),
            reference: r.reference,
          })),
        };
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
