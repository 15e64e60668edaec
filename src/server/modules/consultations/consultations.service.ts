/**
 * Consultations (issue 4 scope 5; bill art. 2 §3, art. 3 §1; SPEC WFL-07..10): the organiser
 * schedules a meeting with an agenda of its cases, opens it only when every case on it has its
 * maximum retention agreed (bill art. 3 §1 al. 1), records minutes, decisions and actions per
 * agenda item, and closes it, which moves its cases to follow-up. Attendees record their own
 * presence, a permanent representative naming the authority represented. Minutes, decisions and
 * action descriptions are content of their case, encrypted under its key.
 */
import { randomUUID } from 'node:crypto';
import {
  type Action,
  type ActionList,
  type AgendaAddition,
  AgendaAdditionSchema,
  type Attendance,
  AttendanceSchema,
  type Consultation,
  type ConsultationList,
  type CreateAction,
  CreateActionSchema,
  type DecisionInput,
  DecisionInputSchema,
  type Minutes,
  MinutesSchema,
  type ScheduleConsultation,
  ScheduleConsultationSchema,
  type UpdateAction,
  UpdateActionSchema,
} from '../../../contracts/consultations.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import { type CaseFacts, caseAudience } from '../access/case-audience.js';
import { OPEN_STATES } from '../access/case-actions.js';
import { decide } from '../access/decide.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { FIELDS } from '../cases/case-fields.js';
import { isoOf } from '../cases/case-presenter.js';
import { retentionStatus } from '../cases/case-rules.js';
import { type CaseDeps, caseScope } from '../cases/open-case.js';
import type { ActionRow, ConsultationRow, ConsultationsRepository } from './consultations.repository.js';

export interface ConsultationServiceDeps extends CaseDeps {
  consultations: ConsultationsRepository;
}

const LIST_LIMIT = 100;
const RETENTION_FIRST_RULE = 'bill art. 3 §1 al. 1 (SPEC WFL-07, FIL-01)';

export function createConsultationService(deps: ConsultationServiceDeps) {
  const { db, consultations, cases, notifications, access, audit, envelope, clock } = deps;

  /** Enters the access module for the consultation: its row and the facts of its agenda's cases. */
  async function openConsultation(
    tx: Tx,
    actor: Actor,
    id: string,
    action: 'consultation.view' | 'consultation.attend' | 'consultation.organise',
    auditAction: AuditAction,
    lock = false,
  ): Promise<{ context: AccessContext; decision: Allowed; row: ConsultationRow; agenda: CaseFacts[] }> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/consultationId'));
    const context = await access.enter(tx, actor);
    const row = await consultations.byId(tx, id, lock);
    const agenda = row ? await factsOf(tx, await consultations.agendaCaseIds(tx, id)) : [];
    const decision = access.require(
      context,
      { action, consultation: row && { id, organiserOrganisationId: row.organiser_organisation_id, agenda } },
      auditAction,
    );
    return { context, decision, row: row!, agenda };
  }

  async function factsOf(tx: Tx, caseIds: readonly string[]): Promise<CaseFacts[]> {
    const facts = await Promise.all(caseIds.map((id) => access.caseFacts(tx, id)));
    return facts.filter((f): f is CaseFacts => f !== undefined);
  }

  const cipherOf = (tx: Tx, caseId: string) => envelope.openScope(tx, caseScope(caseId));

  /** The agenda case the organiser works on: on this consultation's agenda and open for organising. */
  function organisedCase(context: AccessContext, agenda: CaseFacts[], caseId: string, auditAction: AuditAction) {
    refuseIfAny(shapeIssues(IdSchema, caseId, 'params/caseId'));
    const kase = agenda.find((facts) => facts.id === caseId);
    if (!kase) throw new DomainError('not_found', { detail: 'The case is not on this consultation’s agenda' });
    return access.require(context, { action: 'case.organise', kase }, auditAction, caseId);
  }

  function notClosed(row: ConsultationRow): void {
    if (row.state === 'closed') throw new DomainError('conflict', { detail: 'The consultation is closed' });
  }

  async function presentActions(tx: Tx, rows: readonly (ActionRow & { title?: Buffer })[], now: Date): Promise<Action[]> {
    const names = new Map((await cases.organisations(tx, rows.map((r) => r.assignee_organisation_id))).map((o) => [o.id, o.legal_name]));
    const today = brusselsDateOf(now);
    const ciphers = new Map<string, ScopeCipher>();
    const out: Action[] = [];
    for (const row of rows) {
      let cipher = ciphers.get(row.case_id);
      if (!cipher) {
        cipher = await cipherOf(tx, row.case_id);
        ciphers.set(row.case_id, cipher);
      }
      const title = row.title ?? (await cases.caseById(tx, row.case_id))?.title;
      out.push({
        id: row.id,
        caseId: row.case_id,
        caseTitle: title ? await cipher.decryptText(...FIELDS.title, title) : '',
        consultationId: row.consultation_id,
        assignee: { id: row.assignee_organisation_id, legalName: names.get(row.assignee_organisation_id) ?? '' },
        dueOn: row.due_on,
        status: row.status,
        description: await cipher.decryptText(...FIELDS.action(row.id), row.description),
        overdue: row.status === 'open' && row.due_on < today,
        createdAt: isoOf(row.created_at),
      });
    }
    return out;
  }

  async function present(tx: Tx, context: AccessContext, row: ConsultationRow, agendaFacts: CaseFacts[]): Promise<Consultation> {
    const now = clock.now();
    const [agenda, attendance, decisions, actions, collected, frameworkRow] = await Promise.all([
      consultations.agenda(tx, row.id),
      consultations.attendance(tx, row.id),
      consultations.decisionsOf(tx, row.id),
      consultations.actionsOfConsultation(tx, row.id),
      consultations.itemsCollectedAt(tx, row.id),
      cases.frameworkOf(tx, row.framework_id),
    ]);
    // SPEC WFL-09: only the agenda items of cases the reader's organisation may see (the rule, then RLS).
    const visible = agenda.filter((item) => {
      const kase = agendaFacts.find((f) => f.id === item.case_id);
      return kase !== undefined && decide(context.facts, { action: 'case.view', kase }).allowed;
    });
    const partyIds = visible.flatMap((item) => caseAudience(agendaFacts.find((f) => f.id === item.case_id)!).map((e) => e.organisationId));
    const organisations = await cases.organisations(tx, [
      row.organiser_organisation_id,
      ...partyIds,
      ...attendance.flatMap((a) => [a.organisation_id, ...(a.representing_organisation_id ? [a.representing_organisation_id] : [])]),
      ...collected.map((i) => i.controller_organisation_id),
    ]);
    const ref = (id: string) => ({ id, legalName: organisations.find((o) => o.id === id)?.legal_name ?? '' });
    const presentedActions = await presentActions(tx, actions.filter((a) => visible.some((v) => v.case_id === a.case_id)), now);
    const items = await Promise.all(
      visible.map(async (item) => {
        const cipher = await cipherOf(tx, item.case_id);
        const kase = (await cases.caseById(tx, item.case_id))!;
        return {
          caseId: item.case_id,
          caseTitle: await cipher.decryptText(...FIELDS.title, kase.title),
          caseState: kase.state,
          position: item.position,
          minutes: item.minutes ? await cipher.decryptText(...FIELDS.minutes(row.id, item.minutes_version), item.minutes) : null,
          minutesVersion: item.minutes_version,
          decisions: await Promise.all(
            decisions
              .filter((d) => d.case_id === item.case_id)
              .map(async (d) => ({
                id: d.id,
                text: await cipher.decryptText(...FIELDS.decision(d.id), d.text),
                recordedAt: isoOf(d.recorded_at),
                recordedBy: d.display_name,
              })),
          ),
          actions: presentedActions.filter((a) => a.caseId === item.case_id),
          shared: collected
            .filter((c) => c.case_id === item.case_id)
            .map((c) => ({ itemId: c.id, category: c.category as CategoryCode, controller: ref(c.controller_organisation_id) })),
          parties: [...new Set(caseAudience(agendaFacts.find((f) => f.id === item.case_id)!).filter((e) => e.relation !== 'reviewer').map((e) => e.organisationId))].map(ref),
        };
      }),
    );
    return {
      id: row.id,
      framework: { id: row.framework_id, name: frameworkRow?.name ?? '' },
      organiser: ref(row.organiser_organisation_id),
      scheduledFor: isoOf(row.scheduled_for),
      state: row.state,
      agendaSize: items.length,
      caseIds: items.map((item) => item.caseId),
      openedAt: row.opened_at ? isoOf(row.opened_at) : null,
      closedAt: row.closed_at ? isoOf(row.closed_at) : null,
      agenda: items,
      // WFL-09: the attendees the reader may know of: the organiser's, and those of the parties of
      // the agenda items it sees (an attendee who came only for a hidden case stays hidden).
      attendance: attendance
        .filter((a) =>
          [a.organisation_id, a.representing_organisation_id].some(
            (org) => org !== null && (org === row.organiser_organisation_id || partyIds.includes(org)),
          ),
        )
        .map((a) => ({
        userId: a.user_id,
        displayName: a.display_name,
        organisation: ref(a.organisation_id),
        representing: a.representing_organisation_id ? ref(a.representing_organisation_id) : null,
        recordedAt: isoOf(a.recorded_at),
        })),
      canOrganise: decide(context.facts, {
        action: 'consultation.organise',
        consultation: { id: row.id, organiserOrganisationId: row.organiser_organisation_id, agenda: agendaFacts },
      }).allowed,
    };
  }

  /**
   * WFL-07, FIL-01: a case is discussed only while open, and at its first consultation only with
   * its maximum retention agreed by every party (bill art. 3 §1 al. 1).
   */
  async function readyForConsultation(tx: Tx, kase: CaseFacts): Promise<void> {
    const row = (await cases.caseById(tx, kase.id))!;
    if (!OPEN_STATES.includes(row.state)) {
      throw new DomainError('conflict', { detail: 'A case on the agenda is not accepted or is closed', rule: 'bill art. 2 §3 (SPEC WFL-06)' });
    }
    if (row.first_consultation_at) return;
    const status = retentionStatus(kase, row.retention_months, await cases.approvalsOf(tx, kase.id, row.retention_proposal));
    if (!status.agreed) {
      throw new DomainError('conflict', {
        detail: `A case on the agenda has no maximum retention agreed by every participant (${status.pending.length} still to approve): bill art. 3 §1 requires it before the first consultation`,
        rule: RETENTION_FIRST_RULE,
      });
    }
  }

  /** Moves every agenda case in `from` to `to`, with its history and audience (the one rule). */
  async function moveCases(tx: Tx, context: AccessContext, agenda: CaseFacts[], from: readonly string[], to: 'in_consultation' | 'follow_up', kind: string, now: Date) {
    for (const kase of agenda) {
      if (!from.includes(kase.state)) continue;
      const row = (await cases.caseForUpdate(tx, kase.id))!;
      await cases.updateCase(tx, kase.id, {
        state: to,
        updated_at: now,
        ...(to === 'in_consultation' && !row.first_consultation_at && { first_consultation_at: now }),
      });
      await cases.history(tx, { case_id: kase.id, at: now, kind, user_id: context.facts.userId, organisation_id: context.facts.organisationId, subject_id: null, state: to });
      await access.writeAudience(tx, { ...kase, state: to }, new Date(row.created_at));
    }
  }

  async function record(tx: Tx, context: AccessContext, decision: Allowed, action: AuditAction, consultationId: string, extra: { caseId?: string; reason: string }) {
    await audit.record(tx, {
      actor: auditActorOf(context, decision),
      action,
      outcome: 'success',
      ...(extra.caseId && { caseId: extra.caseId }),
      records: [{ type: 'consultation', id: consultationId }],
      reason: extra.reason,
    });
  }

  return {
    /** WFL-09: the organiser convenes a consultation with an agenda of the framework's cases it organises. */
    scheduleConsultation(actor: Actor, input: ScheduleConsultation): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(ScheduleConsultationSchema, input));
        const context = await access.enter(tx, actor);
        const agenda = await factsOf(tx, input.caseIds);
        const issues: FieldIssue[] = [];
        let allowed: Allowed | undefined;
        for (const [index, caseId] of input.caseIds.entries()) {
          const kase = agenda.find((f) => f.id === caseId);
          allowed = access.require(context, { action: 'case.organise', kase }, 'organise', caseId);
          const row = await cases.caseById(tx, caseId);
          if (row?.framework_id !== input.frameworkId) issues.push({ field: `/body/caseIds/${index}`, message: 'is a case of another framework' });
        }
        refuseIfAny(issues, 'CP art. 458ter §1 al. 3 (SPEC WFL-09)');
        const now = clock.now();
        const row = await consultations.insert(tx, {
          framework_id: input.frameworkId,
          organiser_organisation_id: actor.organisationId,
          scheduled_for: input.scheduledFor,
          created_by: actor.userId,
          created_at: now,
        });
        for (const caseId of input.caseIds) {
          await consultations.addToAgenda(tx, { consultation_id: row.id, case_id: caseId, added_by: actor.userId, added_at: now });
        }
        for (const caseId of input.caseIds) {
          await record(tx, context, allowed!, 'organise', row.id, { caseId, reason: 'consultation_scheduled' });
        }
        return present(tx, context, row, agenda);
      });
    },

    addToAgenda(actor: Actor, consultationId: string, input: AgendaAddition): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'organise', true);
        refuseIfAny(shapeIssues(AgendaAdditionSchema, input));
        notClosed(open.row);
        const [kase] = await factsOf(tx, [input.caseId]);
        const decision = access.require(open.context, { action: 'case.organise', kase }, 'organise', input.caseId);
        if ((await cases.caseById(tx, input.caseId))?.framework_id !== open.row.framework_id) {
          refuseIfAny([{ field: '/body/caseId', message: 'is a case of another framework' }], 'SPEC WFL-09');
        }
        // WFL-07: joining an open consultation is a consultation of the case, with the same precondition.
        if (open.row.state === 'open') await readyForConsultation(tx, kase!);
        const now = clock.now();
        await consultations.addToAgenda(tx, { consultation_id: consultationId, case_id: input.caseId, added_by: actor.userId, added_at: now });
        const agenda = [...open.agenda.filter((f) => f.id !== kase!.id), kase!];
        if (open.row.state === 'open') await moveCases(tx, open.context, [kase!], ['accepted', 'follow_up'], 'in_consultation', 'consultation_opened', now);
        await record(tx, open.context, decision, 'organise', consultationId, { caseId: input.caseId, reason: 'agenda_item_added' });
        return present(tx, open.context, open.row, await factsOf(tx, agenda.map((f) => f.id)));
      });
    },

    /**
     * WFL-07, FIL-01: the consultation opens only when every case on its agenda had its maximum
     * retention agreed by every party before its first consultation (bill art. 3 §1 al. 1).
     */
    openConsultation(actor: Actor, consultationId: string): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'organise', true);
        if (open.row.state !== 'scheduled') throw new DomainError('conflict', { detail: 'The consultation is already open or closed' });
        for (const kase of open.agenda) await readyForConsultation(tx, kase);
        const now = clock.now();
        const row = await consultations.setState(tx, consultationId, { state: 'open', opened_at: now, opened_by: actor.userId });
        await moveCases(tx, open.context, open.agenda, ['accepted', 'follow_up'], 'in_consultation', 'consultation_opened', now);
        await record(tx, open.context, open.decision, 'organise', consultationId, { reason: 'consultation_opened' });
        return present(tx, open.context, row, await factsOf(tx, open.agenda.map((f) => f.id)));
      });
    },

    /** WFL-08: closing moves the cases to follow-up; items added after it are stamped so. */
    closeConsultation(actor: Actor, consultationId: string): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'organise', true);
        if (open.row.state !== 'open') throw new DomainError('conflict', { detail: 'Only an open consultation is closed' });
        const now = clock.now();
        const row = await consultations.setState(tx, consultationId, { state: 'closed', closed_at: now, closed_by: actor.userId });
        // A case still discussed at another open consultation stays in consultation until that one closes.
        const stillDiscussed = await consultations.casesInOtherOpenConsultations(tx, consultationId, open.agenda.map((f) => f.id));
        const done = open.agenda.filter((kase) => !stillDiscussed.includes(kase.id));
        await moveCases(tx, open.context, done, ['in_consultation'], 'follow_up', 'consultation_closed', now);
        await record(tx, open.context, open.decision, 'organise', consultationId, { reason: 'consultation_closed' });
        return present(tx, open.context, row, await factsOf(tx, open.agenda.map((f) => f.id)));
      });
    },

    /** WFL-09: an attendee records their presence; a representative names the authority (bill art. 5). */
    recordAttendance(actor: Actor, consultationId: string, input: Attendance): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.attend', 'record');
        refuseIfAny(shapeIssues(AttendanceSchema, input));
        const representing = input.representingOrganisationId ?? null;
        if (representing && !open.context.facts.representedAuthorities.includes(representing)) {
          refuseIfAny(
            [{ field: '/body/representingOrganisationId', message: 'is not an authority you represent today' }],
            'bill art. 5 (SPEC ROL-04)',
          );
        }
        if (open.row.state === 'closed') throw new DomainError('conflict', { detail: 'The consultation is closed' });
        await consultations.attend(tx, {
          consultation_id: consultationId,
          user_id: actor.userId,
          organisation_id: actor.organisationId,
          representing_organisation_id: representing,
          recorded_at: clock.now(),
        });
        // bill art. 5: the event names the authority the attendee represents.
        const decision = representing ? { ...open.decision, via: representing } : open.decision;
        await record(tx, open.context, decision, 'record', consultationId, { reason: 'attendance_recorded' });
        return present(tx, open.context, open.row, open.agenda);
      });
    },

    viewConsultation(actor: Actor, consultationId: string): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.view', 'consult');
        const consultation = await present(tx, open.context, open.row, open.agenda);
        await audit.record(tx, {
          actor: auditActorOf(open.context, open.decision),
          action: 'consult',
          outcome: 'success',
          records: [{ type: 'consultation', id: consultationId }, ...consultation.agenda.map((a) => ({ type: 'case', id: a.caseId }))],
          justification: actor.justification!,
        });
        return consultation;
      });
    },

    listConsultations(actor: Actor): Promise<ConsultationList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        access.require(context, { action: 'case.list' }, 'consult');
        const rows = await consultations.listFor(tx, context.acting, LIST_LIMIT);
        return {
          consultations: rows.map((row) => ({
            id: row.id,
            framework: { id: row.framework_id, name: row.framework_name },
            organiser: { id: row.organiser_organisation_id, legalName: row.organiser_name },
            scheduledFor: isoOf(row.scheduled_for),
            state: row.state,
            agendaSize: row.case_ids.length,
            caseIds: row.case_ids,
          })),
        };
      });
    },

    /** WFL-09: the minutes of one agenda item (each change a new version, encrypted under the case key). */
    setMinutes(actor: Actor, consultationId: string, caseId: string, input: Minutes): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'record', true);
        const decision = organisedCase(open.context, open.agenda, caseId, 'record');
        refuseIfAny(shapeIssues(MinutesSchema, input));
        if (open.row.state === 'scheduled') throw new DomainError('conflict', { detail: 'Minutes are kept once the consultation is open' });
        const item = (await consultations.agenda(tx, consultationId)).find((a) => a.case_id === caseId)!;
        const version = item.minutes_version + 1;
        const cipher = await cipherOf(tx, caseId);
        await consultations.setMinutes(tx, consultationId, caseId, await cipher.encrypt(...FIELDS.minutes(consultationId, version), input.text), version, actor.userId, clock.now());
        await record(tx, open.context, decision, 'record', consultationId, { caseId, reason: 'minutes_recorded' });
        return present(tx, open.context, open.row, open.agenda);
      });
    },

    recordDecision(actor: Actor, consultationId: string, caseId: string, input: DecisionInput): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'record', true);
        const decision = organisedCase(open.context, open.agenda, caseId, 'record');
        refuseIfAny(shapeIssues(DecisionInputSchema, input));
        if (open.row.state !== 'open') throw new DomainError('conflict', { detail: 'Decisions are taken while the consultation is open' });
        const id = randomUUID();
        const cipher = await cipherOf(tx, caseId);
        await consultations.decision(tx, {
          id,
          consultation_id: consultationId,
          case_id: caseId,
          text: await cipher.encrypt(...FIELDS.decision(id), input.text),
          recorded_by: actor.userId,
          recorded_at: clock.now(),
        });
        await record(tx, open.context, decision, 'record', consultationId, { caseId, reason: 'decision_recorded' });
        return present(tx, open.context, open.row, open.agenda);
      });
    },

    /** WFL-10: an action for a party of the case, with a due date; a link to the case, not a copy. */
    assignAction(actor: Actor, consultationId: string, caseId: string, input: CreateAction): Promise<Consultation> {
      return refusable(db, audit, async (tx) => {
        const open = await openConsultation(tx, actor, consultationId, 'consultation.organise', 'record', true);
        const decision = organisedCase(open.context, open.agenda, caseId, 'record');
        refuseIfAny(shapeIssues(CreateActionSchema, input));
        notClosed(open.row);
        const kase = open.agenda.find((f) => f.id === caseId)!;
        const parties = caseAudience(kase).filter((e) => e.relation !== 'reviewer').map((e) => e.organisationId);
        const issues: FieldIssue[] = [];
        if (!parties.includes(input.assigneeOrganisationId)) issues.push({ field: '/body/assigneeOrganisationId', message: 'is not a participant of this case' });
        try {
          parseCivilDate(input.dueOn);
        } catch {
          issues.push({ field: '/body/dueOn', message: 'is not a date' });
        }
        refuseIfAny(issues, 'bill art. 2 §3 2° (SPEC WFL-10)');
        const id = randomUUID();
        const now = clock.now();
        const cipher = await cipherOf(tx, caseId);
        await consultations.insertAction(tx, {
          id,
          case_id: caseId,
          consultation_id: consultationId,
          assignee_organisation_id: input.assigneeOrganisationId,
          due_on: input.dueOn,
          description: await cipher.encrypt(...FIELDS.action(id), input.description),
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await notifications.notify(tx, now, [{ organisationId: input.assigneeOrganisationId, kind: 'action_assigned', caseId, subjectId: id }]);
        await record(tx, open.context, decision, 'record', consultationId, { caseId, reason: 'action_assigned' });
        return present(tx, open.context, open.row, open.agenda);
      });
    },

    /** WFL-10: the assignee (or the organiser) records progress on an action. */
    updateAction(actor: Actor, caseId: string, actionId: string, input: UpdateAction): Promise<Action> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny([...shapeIssues(IdSchema, caseId, 'params/caseId'), ...shapeIssues(IdSchema, actionId, 'params/actionId')]);
        const context = await access.enter(tx, actor);
        const kase = await access.caseFacts(tx, caseId);
        // The case must be visible at all before the action is looked up (404 otherwise).
        access.require(context, { action: 'case.view', kase }, 'adapt', caseId);
        const row = await consultations.actionForUpdate(tx, caseId, actionId);
        if (!row) throw new DomainError('not_found', { detail: 'No such action' });
        const organiser = decide(context.facts, { action: 'case.organise', kase });
        const decision = organiser.allowed
          ? organiser
          : access.require(context, { action: 'case.follow_up', kase, owner: row.assignee_organisation_id }, 'adapt', caseId);
        refuseIfAny(shapeIssues(UpdateActionSchema, input));
        const now = clock.now();
        const updated = await consultations.updateActionStatus(tx, actionId, input.status, actor.userId, now);
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [{ type: 'action', id: actionId }],
          reason: `action_${input.status}`,
        });
        const [presented] = await presentActions(tx, [updated], now);
        return presented!;
      });
    },

    /** WFL-10: my organisation's tasks, and the actions of the cases it organises, overdue ones flagged. */
    listActions(actor: Actor): Promise<ActionList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        const rows = await consultations.actionsFor(tx, context.acting, LIST_LIMIT);
        const actions = await presentActions(tx, rows, clock.now());
        if (actions.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: actions.map((a) => ({ type: 'action', id: a.id })),
            justification: actor.justification!,
          });
        }
        return { actions };
      });
    },
  };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
