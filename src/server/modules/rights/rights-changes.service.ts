/**
 * What a desk changes (L2007 art. 12; SPEC RGT-REC-01..04, RGT-OBJ-01, ROL-11): the controller's
 * items rectified, erased or blocked as versions, the answer that tells every recipient, and the
 * record of a communication outside Concerto.
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type AnswerRightsPart,
  AnswerRightsPartSchema,
  type ExecuteRightsChange,
  ExecuteRightsChangeSchema,
  type RecordExternalDisclosure,
  RecordExternalDisclosureSchema,
  type RightsPart,
} from '../../../contracts/rights.js';
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { RightsRecipientNoticesTable } from '../../db/schema.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, type Regime } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { caseOpener, caseScope } from '../cases/open-case.js';
import { activeRestrictions } from '../restrictions/active-restrictions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { objectionOf } from './objection-rules.js';
import { applyChange, EXECUTION_RULE, refuseChangeFor } from './rights-execution.js';
import { RIGHTS_FIELDS, rightsScope } from './rights-fields.js';
import type { RightsServiceDeps } from './rights.service.js';
import { rightsDeskView } from './rights-desk-view.js';
import type { DeskPartRow } from './rights.repository.js';



export function createRightsChanges(deps: RightsServiceDeps) {
  const { db, rights, records, notifications, access, audit, envelope, clock, rules } = deps;
  const openCase = caseOpener(deps);
  const { presentPart, deskPart, requirePart, requireVerified, partEvent } = rightsDeskView(deps);


  return {
    /** RGT-REC-01, RGT-REC-02, RGT-OBJ-01: the controller carries out a change for the part, as a version. */
    execute(actor: Actor, partId: string, input: ExecuteRightsChange): Promise<RightsPart> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'adapt');
        const row = await deskPart(tx, partId);
        requirePart(context, row, 'controller', 'adapt');
        refuseIfAny(shapeIssues(ExecuteRightsChangeSchema, input));
        refuseChangeFor(row.kind, input);
        requireVerified(row);
        if (row.answered_at) throw new DomainError('conflict', { detail: 'The request was answered already', rule: EXECUTION_RULE });
        // RGT-JUD-01: data of a judicial file are changed under the rules of criminal procedure only.
        if (row.route === 'judicial') {
          throw new DomainError('conflict', { detail: 'These data are rectified on the judicial route', rule: row.route_reason });
        }
        const ref = row.records.find((r) => r.type === 'item' && r.id === input.itemId);
        if (!ref) refuseIfAny([{ field: '/body/itemId', message: 'is not among the data of this request' }], EXECUTION_RULE);
        // RGT-RST-08 (bill art. 7): a correction or deletion the procureur du Roi restricted waits for his answer.
        const restriction = (await activeRestrictions(tx, [input.itemId], clock.now())).get(input.itemId);
        const right = input.change === 'rectify' ? 'correction' : 'deletion';
        if (restriction?.rights.includes(right)) {
          throw new DomainError('conflict', {
            detail: `The ${right} of this item is restricted by the procureur du Roi (art. 7): the office answers the request`,
            rule: 'bill art. 7 al. 1 (SPEC RGT-RST-08)',
          });
        }
        const caseId = ref!.caseId;
        const item = await records.itemForUpdate(tx, caseId, input.itemId, brusselsDateOf(clock.now()));
        if (!item) throw new DomainError('not_found', { detail: 'No such item' });
        const now = clock.now();
        const cipher = await envelope.openScope(tx, caseScope(caseId));
        const version = await applyChange(deps, tx, cipher, item, input, { userId: actor.userId, at: now });
        await rights.recordChange(tx, { part_id: row.id, item_id: item.id, case_id: caseId, change: input.change, version, changed_by: actor.userId, changed_at: now });
        if (row.status === 'received') await rights.answerPart(tx, row.id, { status: 'in_progress', outcome: null, answer: null, answered_by: null, answered_at: null, health_professional: null });
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: input.change === 'rectify' ? 'adapt' : input.change === 'erase' ? 'erase' : 'block',
          outcome: 'success',
          caseId,
          records: [
            { type: 'item', id: item.id, category: Number(item.category.slice(1)) },
            { type: 'rights_part', id: row.id },
          ],
          reason: 'rights_request',
        });
        return presentPart(tx, context, (await rights.partById(tx, row.id))!);
      });
    },
    /**
     * The answer of a part (RGT-CRT-02: a rejection or deferral gives reasons; RGT-ACC-05: health
     * data through a professional); for a granted rectification, erasure, prohibition or objection,
     * every recipient of the changed items is told, or the exception recorded (RGT-REC-04).
     */
    answer(actor: Actor, partId: string, input: AnswerRightsPart): Promise<RightsPart> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'organise');
        const row = await deskPart(tx, partId);
        requirePart(context, row, 'answerer', 'organise');
        refuseIfAny(shapeIssues(AnswerRightsPartSchema, input));
        await rights.lockPart(tx, row.id);
        const current = (await rights.partById(tx, row.id))!;
        if (current.answered_at) throw new DomainError('conflict', { detail: 'The request was answered already' });
        requireVerified(current);
        const granted = input.outcome === 'granted' || input.outcome === 'partly_granted';
        const changes = await rights.changesOf(tx, row.id);
        const issues: FieldIssue[] = [];
        if ((input.outcome === 'rejected' || input.outcome === 'deferred') && !input.reasons) {
          issues.push({ field: '/body/reasons', message: 'a rejection or deferral gives its reasons' });
        }
        if (granted && row.kind !== 'access' && row.kind !== 'information' && row.route === 'standard' && changes.length === 0) {
          issues.push({ field: '/body/outcome', message: 'carry out the change first: nothing was rectified, erased or blocked' });
        }
        if (row.kind === 'objection' && input.outcome === 'not_applicable' && objectionOf(row.lawful_ground)?.applies) {
          issues.push({ field: '/body/outcome', message: "the processing does not rest on art. 5 b) or c): weigh the person's reasons" });
        }
        if (input.healthProfessional && row.kind !== 'access') {
          issues.push({ field: '/body/healthProfessional', message: 'only an access answer goes through a health professional' });
        }
        refuseIfAny(issues, 'L2007 arts 10, 12 and 14 §5 (SPEC RGT-CRT-02, RGT-REC-04)');
        const now = clock.now();
        const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
        await rights.answerPart(tx, row.id, {
          status: input.outcome === 'rejected' ? 'rejected' : input.outcome === 'deferred' ? 'deferred' : 'answered',
          outcome: input.outcome,
          answer: input.reasons ? await cipher.encrypt(...RIGHTS_FIELDS.answer(row.id), input.reasons) : null,
          answered_by: actor.userId,
          answered_at: now,
          health_professional: input.healthProfessional
            ? await cipher.encrypt(...RIGHTS_FIELDS.healthProfessional(row.id), JSON.stringify(input.healthProfessional))
            : null,
        });
        if (changes.length > 0) await notifyRecipients(tx, context, row, changes, input.recipientExceptions ?? [], now);
        await audit.record(tx, partEvent(auditActorOf(context), 'organise', row, `answered_${input.outcome}`));
        return presentPart(tx, context, (await rights.partById(tx, row.id))!);
      });
    },
    /** ROL-11: the controller records a communication of its item outside Concerto. */
    recordExternalDisclosure(actor: Actor, caseId: string, itemId: string, input: RecordExternalDisclosure): Promise<{ id: string }> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'record');
        refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
        refuseIfAny(shapeIssues(RecordExternalDisclosureSchema, input));
        const item = await records.itemById(tx, caseId, itemId, brusselsDateOf(clock.now()));
        if (!item || (open.sharedOnly && !item.shared)) throw new DomainError('not_found', { detail: 'No such item' });
        access.require(open.context, { action: 'case.contribute', kase: open.facts, owner: item.controller_organisation_id }, 'record', caseId);
        const now = clock.now();
        const disclosedAt = new Date(input.disclosedAt);
        if (disclosedAt.getTime() > now.getTime()) refuseIfAny([{ field: '/body/disclosedAt', message: 'cannot be in the future' }]);
        const id = randomUUID();
        await rights.externalDisclosure(tx, {
          id,
          item_id: itemId,
          case_id: caseId,
          controller_organisation_id: item.controller_organisation_id,
          recipient_name: input.recipientName.trim(),
          recipient_class: input.recipientClass,
          reference: input.reference?.trim() ?? null,
          disclosed_at: disclosedAt,
          created_by: actor.userId,
          created_at: now,
        });
        // The communication happened outside Concerto: what is audited here is its recording.
        await audit.record(tx, {
          actor: open.who,
          action: 'record',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }, { type: 'external_disclosure', id }],
          reason: input.recipientClass,
        });
        return { id };
      });
    },
  };

  /** RGT-REC-04: tells each recipient of the changed items, and the person, within the month. */
  async function notifyRecipients(
    tx: Tx,
    context: AccessContext,
    row: DeskPartRow,
    changes: readonly { item_id: string; case_id: string }[],
    exceptions: readonly { organisationId: string; justification: string }[],
    now: Date,
  ): Promise<void> {
    const itemIds = [...new Set(changes.map((c) => c.item_id))];
    const disclosures = await rights.disclosuresOf(tx, itemIds, row.controller_organisation_id);
    const excepted = new Map(exceptions.map((e) => [e.organisationId, e.justification]));
    // RGT-REC-06: a royal decree may spare this regime's controllers from telling recipients.
    const derogation = rules.recipientNoticeDerogations[row.regime as Regime];
    const caseOf = new Map(changes.map((c) => [c.item_id, c.case_id]));
    const seen = new Set<string>();
    const notices: Insertable<RightsRecipientNoticesTable>[] = [];
    for (const d of disclosures) {
      const key = `${d.organisation_id ?? d.recipient_name}|${d.item_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = d.recipient_class === 'own_file_exporter' ? 'own_file_exporter' : d.organisation_id ? 'co_participant' : 'external';
      const exception = derogation
        ? `L1992 art. 12 §3 al. 3: ${derogation}`
        : d.organisation_id
          ? excepted.get(d.organisation_id)
          : undefined;
      // Own-file exporters heard of it when the change was made (FIL-08); the others hear of it now.
      const [notificationId] =
        kind === 'co_participant' && !exception
          ? await notifications.notifyReturningIds(tx, now, [
              { organisationId: d.organisation_id!, kind: 'disclosed_item_changed', caseId: caseOf.get(d.item_id)!, subjectId: d.item_id },
            ])
          : [];
      notices.push({
        id: randomUUID(),
        part_id: row.id,
        recipient_kind: kind,
        recipient_organisation_id: d.organisation_id,
        recipient_name: d.recipient_name,
        notification_id: notificationId ?? null,
        exception: exception ?? null,
        created_by: context.facts.userId,
        created_at: now,
      });
    }
    // The person concerned is told with the answer itself.
    notices.push({
      id: randomUUID(),
      part_id: row.id,
      recipient_kind: 'data_subject',
      recipient_organisation_id: null,
      recipient_name: null,
      notification_id: null,
      exception: null,
      created_by: context.facts.userId,
      created_at: now,
    });
    await rights.recipientNotices(tx, notices);
  }
}
