/**
 * A controller's supervisory cases (L1992 arts 30-31; SPEC SUP-01, SUP-02), kept by its DPO: the
 * complaints the Commission forwards (art. 31 §1), its correspondence, the settlement minutes and
 * its opinions (art. 31 §3), its recommendations (art. 30), and what the controller does about
 * them by when; before a recommendation, the controller's position by the Commission's deadline
 * (art. 30 §2). A case is closed once nothing is left to do. Each use case is one transaction: the
 * access decision (`supervision.manage`: the DPO), the whole input checked, the write, its audit
 * event. Row-level security shows the DPO its own controller's cases only (concerto_is_dpo_of).
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type AddSupervisoryAction,
  AddSupervisoryActionSchema,
  type CloseSupervisoryCase,
  CloseSupervisoryCaseSchema,
  type CompleteSupervisoryAction,
  CompleteSupervisoryActionSchema,
  type InvitePosition,
  InvitePositionSchema,
  type OpenSupervisoryCase,
  OpenSupervisoryCaseSchema,
  type OpenSupervisoryItems,
  type RecordSupervisoryEntry,
  RecordSupervisoryEntrySchema,
  type SubmitPosition,
  SubmitPositionSchema,
  type SupervisoryCase,
  type SupervisoryCaseList,
} from '../../../contracts/supervision.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope, ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf, type CivilDate } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import {
  presentCase,
  presentCaseSummaries,
  SUPERVISION_FIELDS,
  supervisionScope,
  usersNamedBy,
} from './supervision-presenter.js';
import {
  decodeDocument,
  overdueOn,
  pastDateIssues,
  positionIssues,
  SUPERVISION_RULES,
  submissionIssues,
} from './supervision-rules.js';
import type { SupervisionRepository, SupervisoryCaseRow } from './supervision.repository.js';

export interface SupervisoryCaseServiceDeps {
  db: Db;
  supervision: SupervisionRepository;
  access: Access;
  audit: AuditLog;
  envelope: Envelope;
  clock: Clock;
}

/** What the DPO reads is the register of its dealings with the Commission (consult needs a why). */
const REGISTER_READ = 'supervisory case register of the controller (L1992 arts 30-31)';

const caseRef = (id: string): AuditRecordRef => ({ type: 'supervisory_case', id });

interface Desk {
  tx: Tx;
  who: UserActor;
  controllerId: string;
  today: CivilDate;
  now: Date;
}

export function createSupervisoryCaseService(deps: SupervisoryCaseServiceDeps) {
  const { db, supervision, access, audit, envelope, clock } = deps;

  /** The DPO's desk for its controller; anyone else is refused with a denied audit event. */
  function asDpo<T>(actor: Actor, action: AuditAction, work: (desk: Desk) => Promise<T>): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'supervision.manage' }, action);
      const now = clock.now();
      return work({
        tx,
        who: auditActorOf(context, decision),
        controllerId: decision.via ?? actor.organisationId,
        today: brusselsDateOf(now),
        now,
      });
    });
  }

  /** A case of the DPO's controller; another controller's does not exist for it (404). */
  async function caseOf(desk: Desk, caseId: string, lock = false): Promise<SupervisoryCaseRow> {
    refuseIfAny(shapeIssues(IdSchema, caseId, 'params/caseId'));
    const row = lock
      ? await supervision.caseForUpdate(desk.tx, desk.controllerId, caseId)
      : await supervision.caseById(desk.tx, desk.controllerId, caseId);
    if (!row) throw new DomainError('not_found', { detail: 'No such supervisory case' });
    return row;
  }

  function refuseIfClosed(row: SupervisoryCaseRow): void {
    if (row.state === 'closed') {
      throw new DomainError('conflict', {
        detail: 'The supervisory case is closed',
        rule: SUPERVISION_RULES.cases,
      });
    }
  }

  const cipherOf = (tx: Tx, caseId: string): Promise<ScopeCipher> =>
    envelope.openScope(tx, supervisionScope(caseId));

  async function detail(desk: Desk, row: SupervisoryCaseRow): Promise<SupervisoryCase> {
    const [entries, actions, positions] = await Promise.all([
      supervision.entriesOf(desk.tx, row.id),
      supervision.actionsOf(desk.tx, [row.id]),
      supervision.positionsOf(desk.tx, [row.id]),
    ]);
    const names = await supervision.userNames(desk.tx, usersNamedBy({ entries, actions, positions }));
    return presentCase(
      { row, entries, actions, positions },
      await cipherOf(desk.tx, row.id),
      names,
      desk.today,
    );
  }

  const event = (desk: Desk, action: AuditAction, reason: string, records: AuditRecordRef[]) =>
    audit.record(desk.tx, { actor: desk.who, action, outcome: 'success', records, reason });

  return {
    /** SUP-01: the register of the controller's supervisory cases, with what is still to do. */
    listCases(actor: Actor): Promise<SupervisoryCaseList> {
      return asDpo(actor, 'consult', async (desk) => {
        const rows = await supervision.casesOf(desk.tx, desk.controllerId);
        const ids = rows.map((row) => row.id);
        const [actions, positions] = await Promise.all([
          supervision.actionsOf(desk.tx, ids),
          supervision.positionsOf(desk.tx, ids),
        ]);
        await audit.record(desk.tx, {
          actor: desk.who,
          action: 'consult',
          outcome: 'success',
          records: ids.map(caseRef),
          justification: REGISTER_READ,
          reason: 'supervisory_cases',
        });
        return presentCaseSummaries(rows, actions, positions, desk.today);
      });
    },

    /** SUP-01: a complaint forwarded, a recommendation announced, an inspection or another dealing opens a case. */
    openCase(actor: Actor, input: OpenSupervisoryCase): Promise<SupervisoryCase> {
      return asDpo(actor, 'record', async (desk) => {
        refuseIfAny(shapeIssues(OpenSupervisoryCaseSchema, input), SUPERVISION_RULES.cases);
        const reference = input.commissionReference.trim();
        const issues = pastDateIssues({ openedOn: input.openedOn }, desk.today);
        if (await supervision.referenceInUse(desk.tx, desk.controllerId, reference)) {
          issues.push({
            field: '/body/commissionReference',
            message: 'names a supervisory case recorded already',
          });
        }
        refuseIfAny(issues, SUPERVISION_RULES.cases);
        const id = randomUUID();
        const cipher = await cipherOf(desk.tx, id);
        const row = await supervision.insertCase(desk.tx, {
          id,
          controller_organisation_id: desk.controllerId,
          commission_reference: reference,
          origin: input.origin,
          opened_on: input.openedOn,
          subject: await cipher.encrypt(...SUPERVISION_FIELDS.subject(id), input.subject),
          state: 'open',
          created_by: actor.userId,
          created_at: desk.now,
        });
        await event(desk, 'record', 'supervisory_case_opened', [caseRef(id)]);
        return detail(desk, row);
      });
    },

    getCase(actor: Actor, caseId: string): Promise<SupervisoryCase> {
      return asDpo(actor, 'consult', async (desk) => {
        const row = await caseOf(desk, caseId);
        const presented = await detail(desk, row);
        await audit.record(desk.tx, {
          actor: desk.who,
          action: 'consult',
          outcome: 'success',
          records: [caseRef(row.id)],
          justification: REGISTER_READ,
          reason: 'supervisory_case',
        });
        return presented;
      });
    },

    /** SUP-01: a letter either way, the minutes of a settlement, an opinion, a recommendation, a decision. */
    recordEntry(actor: Actor, caseId: string, input: RecordSupervisoryEntry): Promise<SupervisoryCase> {
      return asDpo(actor, 'record', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfClosed(row);
        refuseIfAny(shapeIssues(RecordSupervisoryEntrySchema, input), SUPERVISION_RULES.cases);
        const document = input.document ? decodeDocument(input.document, '/body/document') : undefined;
        refuseIfAny(
          [...pastDateIssues({ datedOn: input.datedOn }, desk.today), ...(document?.issues ?? [])],
          SUPERVISION_RULES.cases,
        );
        const id = randomUUID();
        const cipher = await cipherOf(desk.tx, row.id);
        await supervision.insertEntry(desk.tx, {
          id,
          case_id: row.id,
          controller_organisation_id: desk.controllerId,
          kind: input.kind,
          dated_on: input.datedOn,
          summary: await cipher.encrypt(...SUPERVISION_FIELDS.summary(id), input.summary),
          document: document
            ? await cipher.encrypt(...SUPERVISION_FIELDS.entryDocument(id), document.bytes)
            : null,
          document_media_type: input.document?.mediaType ?? null,
          document_sha256: document?.sha256 ?? null,
          recorded_by: actor.userId,
          recorded_at: desk.now,
        });
        await event(desk, 'record', `supervisory_${input.kind}`, [
          caseRef(row.id),
          { type: 'supervisory_entry', id },
        ]);
        return detail(desk, row);
      });
    },

    /** The document of an entry or of a submitted position, as it was recorded (its hash is in the case). */
    document(
      actor: Actor,
      caseId: string,
      owner: { entryId: string } | { positionId: string },
    ): Promise<{ mediaType: string; content: Buffer }> {
      return asDpo(actor, 'consult', async (desk) => {
        const row = await caseOf(desk, caseId);
        const [field, id] =
          'entryId' in owner
            ? (['params/entryId', owner.entryId] as const)
            : (['params/positionId', owner.positionId] as const);
        refuseIfAny(shapeIssues(IdSchema, id, field));
        const cipher = await cipherOf(desk.tx, row.id);
        let found: { mediaType: string; content: Buffer } | undefined;
        if ('entryId' in owner) {
          const entry = (await supervision.entriesOf(desk.tx, row.id)).find((e) => e.id === id);
          if (entry?.document) {
            found = {
              mediaType: entry.document_media_type!,
              content: await cipher.decrypt(...SUPERVISION_FIELDS.entryDocument(id), entry.document),
            };
          }
        } else {
          const position = (await supervision.positionsOf(desk.tx, [row.id])).find((p) => p.id === id);
          if (position?.document) {
            found = {
              mediaType: position.document_media_type!,
              content: await cipher.decrypt(...SUPERVISION_FIELDS.positionDocument(id), position.document),
            };
          }
        }
        if (!found) throw new DomainError('not_found', { detail: 'No such document' });
        await audit.record(desk.tx, {
          actor: desk.who,
          action: 'consult',
          outcome: 'success',
          records: [
            caseRef(row.id),
            { type: 'entryId' in owner ? 'supervisory_entry' : 'supervisory_position', id },
          ],
          justification: REGISTER_READ,
          reason: 'supervisory_document',
        });
        return found;
      });
    },

    /** SUP-01: what the controller will do about a recommendation, an opinion or a settlement, by when. */
    addAction(actor: Actor, caseId: string, input: AddSupervisoryAction): Promise<SupervisoryCase> {
      return asDpo(actor, 'record', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfClosed(row);
        refuseIfAny(shapeIssues(AddSupervisoryActionSchema, input), SUPERVISION_RULES.cases);
        if (input.entryId !== undefined) {
          const entries = await supervision.entriesOf(desk.tx, row.id);
          if (!entries.some((entry) => entry.id === input.entryId)) {
            refuseIfAny(
              [{ field: '/body/entryId', message: 'is not an entry of this case' }],
              SUPERVISION_RULES.cases,
            );
          }
        }
        const id = randomUUID();
        const cipher = await cipherOf(desk.tx, row.id);
        await supervision.insertAction(desk.tx, {
          id,
          case_id: row.id,
          controller_organisation_id: desk.controllerId,
          entry_id: input.entryId ?? null,
          description: await cipher.encrypt(...SUPERVISION_FIELDS.description(id), input.description),
          due_on: input.dueOn,
          created_by: actor.userId,
          created_at: desk.now,
        });
        await event(desk, 'record', 'supervisory_action_added', [
          caseRef(row.id),
          { type: 'supervisory_action', id },
        ]);
        return detail(desk, row);
      });
    },

    /** SUP-01: the action is done, with what was done; it leaves the dashboard. */
    completeAction(
      actor: Actor,
      caseId: string,
      actionId: string,
      input: CompleteSupervisoryAction,
    ): Promise<SupervisoryCase> {
      return asDpo(actor, 'adapt', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfAny(shapeIssues(IdSchema, actionId, 'params/actionId'));
        const action = await supervision.actionForUpdate(desk.tx, row.id, actionId);
        if (!action) throw new DomainError('not_found', { detail: 'No such action' });
        if (action.done_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The action is done already',
            rule: SUPERVISION_RULES.cases,
          });
        }
        refuseIfAny(shapeIssues(CompleteSupervisoryActionSchema, input), SUPERVISION_RULES.cases);
        const cipher = await cipherOf(desk.tx, row.id);
        await supervision.updateAction(desk.tx, action.id, {
          done_by: actor.userId,
          done_at: desk.now,
          done_note: await cipher.encrypt(...SUPERVISION_FIELDS.doneNote(action.id), input.note),
        });
        await event(desk, 'adapt', 'supervisory_action_done', [
          caseRef(row.id),
          { type: 'supervisory_action', id: action.id },
        ]);
        return detail(desk, row);
      });
    },

    /** SUP-02 (art. 30 §2): the Commission invites the controller's point of view by a deadline. */
    invitePosition(actor: Actor, caseId: string, input: InvitePosition): Promise<SupervisoryCase> {
      return asDpo(actor, 'record', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfClosed(row);
        refuseIfAny(shapeIssues(InvitePositionSchema, input), SUPERVISION_RULES.position);
        refuseIfAny(positionIssues(input, desk.today), SUPERVISION_RULES.position);
        const id = randomUUID();
        await supervision.insertPosition(desk.tx, {
          id,
          case_id: row.id,
          controller_organisation_id: desk.controllerId,
          invited_on: input.invitedOn,
          deadline_on: input.deadlineOn,
          created_by: actor.userId,
          created_at: desk.now,
        });
        await event(desk, 'record', 'supervisory_position_invited', [
          caseRef(row.id),
          { type: 'supervisory_position', id },
        ]);
        return detail(desk, row);
      });
    },

    /** SUP-02: the position the controller sent, with the day it was sent; kept as sent. */
    submitPosition(
      actor: Actor,
      caseId: string,
      positionId: string,
      input: SubmitPosition,
    ): Promise<SupervisoryCase> {
      return asDpo(actor, 'record', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfClosed(row);
        refuseIfAny(shapeIssues(IdSchema, positionId, 'params/positionId'));
        const position = await supervision.positionForUpdate(desk.tx, row.id, positionId);
        if (!position) throw new DomainError('not_found', { detail: 'No such position request' });
        if (position.submitted_on !== null) {
          throw new DomainError('conflict', {
            detail: 'The position was submitted already',
            rule: SUPERVISION_RULES.position,
          });
        }
        refuseIfAny(shapeIssues(SubmitPositionSchema, input), SUPERVISION_RULES.position);
        const document = decodeDocument(input.document, '/body/document');
        refuseIfAny(
          [...submissionIssues(input.submittedOn, position.invited_on, desk.today), ...document.issues],
          SUPERVISION_RULES.position,
        );
        const cipher = await cipherOf(desk.tx, row.id);
        await supervision.updatePosition(desk.tx, position.id, {
          submitted_on: input.submittedOn,
          document: await cipher.encrypt(...SUPERVISION_FIELDS.positionDocument(position.id), document.bytes),
          document_media_type: input.document.mediaType,
          document_sha256: document.sha256,
          submitted_by: actor.userId,
          submitted_at: desk.now,
        });
        await event(desk, 'record', 'supervisory_position_submitted', [
          caseRef(row.id),
          { type: 'supervisory_position', id: position.id },
        ]);
        return detail(desk, row);
      });
    },

    /** The case ends, with how it ended; an action still to do keeps it open (it stays on the dashboard). */
    closeCase(actor: Actor, caseId: string, input: CloseSupervisoryCase): Promise<SupervisoryCase> {
      return asDpo(actor, 'adapt', async (desk) => {
        const row = await caseOf(desk, caseId, true);
        refuseIfClosed(row);
        refuseIfAny(shapeIssues(CloseSupervisoryCaseSchema, input), SUPERVISION_RULES.cases);
        const open = (await supervision.actionsOf(desk.tx, [row.id])).filter(
          (action) => action.done_at === null,
        );
        if (open.length > 0) {
          throw new DomainError('conflict', {
            detail: `${open.length} action(s) of the case are still to do`,
            rule: SUPERVISION_RULES.cases,
          });
        }
        const closed = await supervision.updateCase(desk.tx, row.id, {
          state: 'closed',
          closure: input.closure,
          closed_by: actor.userId,
          closed_at: desk.now,
        });
        await event(desk, 'adapt', `supervisory_case_${input.closure}`, [caseRef(row.id)]);
        return detail(desk, closed);
      });
    },

    /** SUP-01: what is still to do for the Commission, soonest first: the list behind the dashboard's indicator. */
    openItems(actor: Actor): Promise<OpenSupervisoryItems> {
      return asDpo(actor, 'consult', async (desk) => {
        const rows = await supervision.openItems(desk.tx, desk.controllerId);
        await audit.record(desk.tx, {
          actor: desk.who,
          action: 'consult',
          outcome: 'success',
          records: [...new Set(rows.map((row) => row.case_id))].map(caseRef),
          justification: REGISTER_READ,
          reason: 'supervisory_open_items',
        });
        return {
          items: rows.map((row) => ({
            item: row.item,
            id: row.item_id,
            caseId: row.case_id,
            commissionReference: row.commission_reference,
            dueOn: row.due_on,
            overdue: overdueOn(row.due_on, desk.today),
          })),
        };
      });
    },
  };
}

export type SupervisoryCaseService = ReturnType<typeof createSupervisoryCaseService>;
