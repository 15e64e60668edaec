/**
 * The life of a case (bill art. 2 §3, art. 3 §1; issue 4 scope 2; SPEC WFL-01..13): pre-registered
 * in the creator's compartment, optionally reviewed by a named organisation, signalled to the
 * organiser with the minimum set of records, accepted or refused, participants admitted one by
 * one, the maximum retention agreed, closed, reopened. One function per use case, each one
 * transaction: access decision, change, history, audience, audit event, notifications.
 */
import { randomUUID } from 'node:crypto';
import {
  type Admission,
  AdmissionSchema,
  type CaseStateResult,
  type CaseSummary,
  type CreateCase,
  CreateCaseSchema,
  type Reason,
  ReasonSchema,
  type RetentionApproval,
  RetentionApprovalSchema,
  type RetentionProposal,
  RetentionProposalSchema,
  type Review,
  type ReviewRequest,
  ReviewRequestSchema,
  ReviewSchema,
  type Selection,
  type Signal,
  type SignalDecision,
  SignalDecisionSchema,
  SignalSchema,
} from '../../../contracts/cases.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { CaseState } from '../../db/schema.js';
import type { AuditAction, AuditRecordRef } from '../../kernel/audit/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, calendarMonths, months } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import type { CaseFacts } from '../access/case-audience.js';
import type { CaseAction } from '../access/case-actions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import { FIELDS } from './case-fields.js';
import { isoOf } from './case-presenter.js';
import {
  type DraftRecords,
  draftRecordsOf,
  type RetentionInForce,
  retentionInForce,
  retentionParties,
  selectionIssues,
} from './case-rules.js';
import type { CaseRow } from './cases.repository.js';
import { type CaseDeps, caseOpener, type OpenCase, recordTransition } from './open-case.js';
import { refuseUninformedDisclosure } from '../information-notices/information-gate.js';
import { refuseUndeclaredProcessing } from '../declarations/declared-processing.js';

const signalRule = 'bill art. 2 §3 1° (SPEC WFL-03)';

export function createCaseLifecycle(deps: CaseDeps) {
  const { db, cases, records, notifications, access, audit, clock, rules } = deps;
  const openCase = caseOpener(deps);

  /** Runs one transition: open the case for `action`, apply `change`, then record it. */
  function transition(
    actor: Actor,
    caseId: string,
    action: CaseAction,
    auditAction: AuditAction,
    change: (tx: Tx, open: OpenCase, now: Date) => Promise<{
      state: CaseState;
      history: string;
      subjectId?: string;
      records?: AuditRecordRef[];
      recipients?: string[];
      notify?: NewNotification[];
      reason?: string;
    }>,
  ): Promise<CaseStateResult> {
    return refusable(db, audit, async (tx) => {
      const open = await openCase(tx, actor, caseId, action, auditAction, { forUpdate: true });
      const now = clock.now();
      const done = await change(tx, open, now);
      await notifications.notify(tx, now, done.notify ?? []);
      await audit.record(tx, {
        actor: open.who,
        action: auditAction,
        outcome: 'success',
        caseId,
        records: [{ type: 'case', id: caseId }, ...(done.records ?? [])],
        ...(done.recipients && { recipients: done.recipients.map((organisationId) => ({ organisationId })) }),
        ...(auditAction === 'disclose' && { justification: actor.justification ?? done.history }),
        reason: done.reason ?? done.history,
      });
      await recordTransition(deps, tx, open, {
        kind: done.history,
        at: now,
        state: done.state,
        ...(done.subjectId && { subjectId: done.subjectId }),
      });
      return { id: caseId, state: done.state };
    });
  }

  /** The compartment's records as the selection rules see them (all of them: the reader sees the compartment). */
  async function draftRecords(tx: Tx, caseId: string): Promise<DraftRecords> {
    const [persons, items] = await Promise.all([records.personsOf(tx, caseId, false), records.itemsOf(tx, caseId, false, brusselsDateOf(clock.now()))]);
    return draftRecordsOf(persons, items);
  }

  /** The thirty-year cap in months (bill art. 2 §3 4°), from the legal rules. */
  const capMonths = (): number => calendarMonths(rules.maxRetention.duration)!;

  /** RET-01: the override columns of a maximum put in force (a new one waits for the DPO again). */
  function overrideColumns(inForce: RetentionInForce) {
    return {
      retention_override_months: inForce.override?.months ?? null,
      retention_override_rule: inForce.override?.rule ?? null,
      retention_override_approved_by: null,
      retention_override_approved_at: null,
    };
  }

  /** RET-01: the DPO of the organiser's organisation is told that an override awaits it. */
  function overrideNotice(open: OpenCase, inForce: RetentionInForce): NewNotification[] {
    if (!inForce.override) return [];
    return [
      {
        organisationId: organiserOf(open.row),
        kind: 'retention_override_to_approve',
        caseId: open.row.id,
        audience: 'dpo',
      },
    ];
  }

  /**
   * RET-02: once every party approved change `proposal`, it replaces the maximum in force at once
   * (a shortening reschedules the destruction, the end being computed from the maximum in force);
   * undefined while a party has not approved.
   */
  async function applyAgreedChange(
    tx: Tx,
    open: OpenCase,
    proposal: number,
    now: Date,
  ): Promise<{ notify: NewNotification[] } | undefined> {
    const approvals = await cases.approvalsOf(tx, open.row.id, proposal);
    if (retentionParties(open.facts).some((party) => !approvals.includes(party))) return undefined;
    const row = (await cases.caseForUpdate(tx, open.row.id))!;
    const inForce = retentionInForce(
      row.retention_change_months!,
      row.retention_change_other_rule,
      capMonths(),
    );
    await cases.updateCase(tx, open.row.id, {
      retention_months: inForce.months,
      retention_other_rule: inForce.otherRule,
      retention_proposal: proposal,
      ...overrideColumns(inForce),
      retention_change_months: null,
      retention_change_other_rule: null,
      retention_change_proposal: null,
      retention_change_proposed_by: null,
      retention_change_proposed_at: null,
      updated_at: now,
    });
    return { notify: overrideNotice(open, inForce) };
  }

  /** The audit references of a selection: persons are identification data (category 1). */
  async function selectionRefs(tx: Tx, caseId: string, selection: Selection): Promise<AuditRecordRef[]> {
    const items = await records.itemsOf(tx, caseId, false, brusselsDateOf(clock.now()));
    const category = new Map(items.map((i) => [i.id, Number(i.category.slice(1))]));
    return [
      ...selection.personIds.map((id) => ({ type: 'person', id, category: 1 })),
      // The selection was checked against the case's items: each has its category.
      ...selection.itemIds.map((id) => ({ type: 'item', id, category: category.get(id)! })),
    ];
  }

  async function checkSelection(tx: Tx, caseId: string, signal: Partial<Signal>): Promise<Selection> {
    const issues: FieldIssue[] = [];
    if (!signal.selection) issues.push({ field: '/body/selection', message: 'select what the organiser will see' });
    if (signal.necessityConfirmed !== true) {
      issues.push({ field: '/body/necessityConfirmed', message: 'confirm that sharing this selection is necessary to signal the case' });
    }
    if (signal.selection) {
      issues.push(...selectionIssues(signal.selection, await draftRecords(tx, caseId), { requireSubject: true }));
    }
    refuseIfAny(issues, signalRule);
    // L2007 art. 9 §2 al. 1: the signal communicates the selection to the organiser, a third party.
    await refuseUninformedDisclosure(tx, signal.selection!, clock.now());
    return signal.selection!;
  }

  async function participatingOrganisation(tx: Tx, id: string, field: string, frameworkId: string): Promise<FieldIssue[]> {
    const [organisation] = await cases.organisations(tx, [id]);
    const whitelist = (await cases.frameworkOf(tx, frameworkId))?.participant_ids ?? [];
    if (!organisation?.active || organisation.kind === 'platform_operator' || !whitelist.includes(id)) {
      return [{ field, message: "is not a participant of this consultation's framework" }];
    }
    return [];
  }

  const encrypt = (open: OpenCase, field: readonly [string, number], text: string) => open.cipher.encrypt(field[0], field[1], text);

  function organiserOf(row: CaseRow): string {
    return row.organiser_organisation_id;
  }

  return {
    /** WFL-01: a new case lives in the creator's compartment, invisible to everyone else. */
    createCase(actor: Actor, input: CreateCase): Promise<CaseSummary> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(CreateCaseSchema, input));
        const context = await access.enter(tx, actor);
        const framework = await cases.frameworkOf(tx, input.frameworkId);
        const decision = access.require(
          context,
          {
            action: 'case.create',
            framework: framework && {
              id: framework.id,
              state: framework.state,
              organiserOrganisationId: framework.organiser_organisation_id,
              participantIds: framework.participant_ids,
            },
          },
          'collect',
        );
        // PUR-01: a case serves purposes its framework allows, among the three of art. 458ter.
        refuseIfAny(
          input.purposes.flatMap((purpose, index) =>
            framework!.purposes.includes(purpose)
              ? []
              : [{ field: `/body/purposes/${index}`, message: "is not among the framework's purposes" }],
          ),
          'CP art. 458ter §1 al. 2 (SPEC PUR-01)',
        );
        // SPEC DCL-01 (L2007 art. 17 §1): the controller's go-live: no case is opened in a processing it has not declared.
        await refuseUndeclaredProcessing(tx, {
          organisationId: actor.organisationId,
          frameworkId: framework!.id,
          purposes: input.purposes,
        });
        const id = randomUUID();
        const now = clock.now();
        const facts: CaseFacts = {
          id,
          state: 'pre_registered',
          compartmentOrganisationId: actor.organisationId,
          reviewerOrganisationId: null,
          organiserOrganisationId: framework!.organiser_organisation_id!,
          participants: [],
        };
        // The audience first: row-level security lets the creator write the case's data key only then.
        await access.writeAudience(tx, facts, now);
        const cipher = await deps.envelope.openScope(tx, `case:${id}`);
        const row = await cases.insertCase(tx, {
          id,
          state: facts.state,
          framework_id: framework!.id,
          purposes: [...input.purposes].sort(),
          compartment_organisation_id: facts.compartmentOrganisationId,
          reviewer_organisation_id: null,
          organiser_organisation_id: facts.organiserOrganisationId,
          title: await cipher.encrypt(...FIELDS.title, input.title),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await cases.history(tx, {
          case_id: id,
          at: now,
          kind: 'created',
          user_id: actor.userId,
          organisation_id: actor.organisationId,
          subject_id: null,
          state: facts.state,
        });
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'collect',
          outcome: 'success',
          caseId: id,
          compartmentId: actor.organisationId,
          records: [{ type: 'case', id }],
        });
        return {
          id,
          state: row.state,
          title: input.title,
          relation: 'compartment',
          frameworkId: framework!.id,
          frameworkName: framework!.name,
          purposes: input.purposes,
          compartmentOrganisationId: row.compartment_organisation_id,
          reviewerOrganisationId: null,
          organiserOrganisationId: row.organiser_organisation_id,
          createdAt: isoOf(row.created_at),
          updatedAt: isoOf(row.updated_at),
        };
      });
    },

    /** WFL-02: the creator shares its draft read-only with a named reviewer (the parquet). */
    requestReview(actor: Actor, caseId: string, input: ReviewRequest): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.request_review', 'disclose', async (tx, open, now) => {
        refuseIfAny(shapeIssues(ReviewRequestSchema, input));
        const reviewer = input.reviewerOrganisationId;
        const issues = await participatingOrganisation(tx, reviewer, '/body/reviewerOrganisationId', open.row.framework_id);
        if (reviewer === open.row.compartment_organisation_id || reviewer === organiserOf(open.row)) {
          // The organiser sees a case only once it is signalled (bill art. 2 §3 1°).
          issues.push({ field: '/body/reviewerOrganisationId', message: 'the reviewer is neither the compartment nor the organiser' });
        }
        refuseIfAny(issues, 'bill Comm. art. 2 (SPEC WFL-02)');
        const draft = await draftRecords(tx, caseId);
        await cases.updateCase(tx, caseId, { state: 'under_evaluation', reviewer_organisation_id: reviewer, updated_at: now });
        return {
          state: 'under_evaluation',
          history: 'review_requested',
          subjectId: reviewer,
          recipients: [reviewer],
          records: await selectionRefs(tx, caseId, { personIds: [...draft.persons.keys()], itemIds: [...draft.items.keys()] }),
          notify: [{ organisationId: reviewer, kind: 'review_requested', caseId }],
        };
      });
    },

    /**
     * WFL-02, ROL-13: the reviewer records its decision with reasons. "Signal" signals the case
     * with the minimum set the reviewer selects (WFL-03); "do not signal" ends the draft as not
     * signalled, which starts its own retention clock (WFL-05, RET-06); "more information" gives
     * it back to the compartment.
     */
    reviewCase(actor: Actor, caseId: string, input: Review): Promise<CaseStateResult> {
      const action = input?.decision === 'signal' ? 'disclose' : 'organise';
      return transition(actor, caseId, 'case.review', action, async (tx, open, now) => {
        refuseIfAny(shapeIssues(ReviewSchema, input));
        const compartment = open.row.compartment_organisation_id;
        const reviewed = {
          review_decision: input.decision,
          review_reason: await encrypt(open, FIELDS.reviewReason, input.reason),
          reviewed_at: now,
          reviewed_by: actor.userId,
          updated_at: now,
        };
        const toCompartment: NewNotification = { organisationId: compartment, kind: 'case_reviewed', caseId };
        if (input.decision === 'signal') {
          const selection = await checkSelection(tx, caseId, input);
          await records.shareForReviewerSignal(tx, caseId, selection.personIds, selection.itemIds);
          await cases.updateCase(tx, caseId, {
            ...reviewed,
            state: 'signalled',
            signalled_at: now,
            signalled_by: actor.userId,
            signalled_by_organisation_id: open.actingFor,
          });
          return {
            state: 'signalled',
            history: 'signalled',
            records: await selectionRefs(tx, caseId, selection),
            recipients: [organiserOf(open.row)],
            notify: [{ organisationId: organiserOf(open.row), kind: 'case_signalled', caseId }, toCompartment],
          };
        }
        if (input.decision === 'do_not_signal') {
          await cases.updateCase(tx, caseId, {
            ...reviewed,
            state: 'not_signalled',
            closed_at: now,
            closed_by: actor.userId,
            closure_reason: await encrypt(open, FIELDS.closureReason, input.reason),
          });
          return { state: 'not_signalled', history: 'not_signalled', notify: [toCompartment] };
        }
        await cases.updateCase(tx, caseId, { ...reviewed, state: 'pre_registered' });
        return { state: 'pre_registered', history: 'more_information_requested', notify: [toCompartment] };
      });
    },

    /** WFL-03, WFL-04: signalled to the organiser with exactly the records selected, each logged. */
    signalCase(actor: Actor, caseId: string, input: Signal): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.signal', 'disclose', async (tx, open, now) => {
        refuseIfAny(shapeIssues(SignalSchema, input));
        const selection = await checkSelection(tx, caseId, input);
        await records.share(tx, 'persons', caseId, selection.personIds);
        await records.share(tx, 'items', caseId, selection.itemIds);
        await cases.updateCase(tx, caseId, {
          state: 'signalled',
          signalled_at: now,
          signalled_by: actor.userId,
          signalled_by_organisation_id: open.actingFor,
          updated_at: now,
        });
        return {
          state: 'signalled',
          history: 'signalled',
          records: await selectionRefs(tx, caseId, selection),
          recipients: [organiserOf(open.row)],
          notify: [{ organisationId: organiserOf(open.row), kind: 'case_signalled', caseId }],
        };
      });
    },

    /** WFL-05: a draft that will not be signalled is closed as such, with its date and reason. */
    closeDraft(actor: Actor, caseId: string, input: Reason): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.close_draft', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(ReasonSchema, input));
        await cases.updateCase(tx, caseId, {
          state: 'not_signalled',
          closed_at: now,
          closed_by: actor.userId,
          closure_reason: await encrypt(open, FIELDS.closureReason, input.reason),
          updated_at: now,
        });
        return { state: 'not_signalled', history: 'not_signalled' };
      });
    },

    /**
     * WFL-06, ROL-03: the organiser accepts or refuses the signal, with reasons. On acceptance the
     * framework's default maximum retention is the first proposal, which the organiser approves by
     * accepting (bill art. 3 §1 al. 1; SPEC FIL-01, A-12).
     */
    decideSignal(actor: Actor, caseId: string, input: SignalDecision): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.decide_signal', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(SignalDecisionSchema, input));
        const decided = {
          signal_decided_at: now,
          signal_decided_by: actor.userId,
          signal_decision_reason: await encrypt(open, FIELDS.signalDecisionReason, input.reason),
          updated_at: now,
        };
        const notify: NewNotification[] = [
          { organisationId: open.row.compartment_organisation_id, kind: 'signal_decided', caseId },
        ];
        if (input.decision === 'refuse') {
          await cases.updateCase(tx, caseId, {
            ...decided,
            state: 'refused',
            closed_at: now,
            closed_by: actor.userId,
            closure_reason: decided.signal_decision_reason,
          });
          return { state: 'refused', history: 'refused', notify };
        }
        const framework = await cases.frameworkOf(tx, open.row.framework_id);
        const proposal = framework?.default_retention_months ? 1 : 0;
        await cases.updateCase(tx, caseId, {
          ...decided,
          state: 'accepted',
          retention_months: framework?.default_retention_months ?? null,
          retention_other_rule: framework?.default_retention_other_rule ?? null,
          retention_proposal: proposal,
        });
        if (proposal > 0) await cases.approve(tx, caseId, proposal, open.actingFor, actor.userId, now);
        return { state: 'accepted', history: 'accepted', notify };
      });
    },

    /** ROL-01, ROL-02, WFL-06: one participant at a time, whitelisted, with the ground of art. 2 §3 2°. */
    admitParticipant(actor: Actor, caseId: string, input: Admission): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.admit', 'disclose', async (tx, open, now) => {
        refuseIfAny(shapeIssues(AdmissionSchema, input));
        const { organisationId } = input;
        const issues = await participatingOrganisation(tx, organisationId, '/body/organisationId', open.row.framework_id);
        if (organisationId === open.row.compartment_organisation_id || organisationId === organiserOf(open.row)) {
          issues.push({ field: '/body/organisationId', message: 'already takes part in this case' });
        }
        if (open.facts.participants.some((p) => p.organisationId === organisationId && !p.revoked)) {
          issues.push({ field: '/body/organisationId', message: 'is already admitted' });
        }
        refuseIfAny(issues, 'CP art. 458ter §1 al. 3; bill art. 2 §3 2° (SPEC ROL-01, ROL-02)');
        await cases.admit(tx, {
          case_id: caseId,
          organisation_id: organisationId,
          ground: input.ground,
          justification: await encrypt(open, FIELDS.admission(organisationId), input.justification),
          admitted_by: actor.userId,
          admitted_at: now,
        });
        await cases.updateCase(tx, caseId, { updated_at: now });
        return {
          state: open.row.state,
          history: 'participant_admitted',
          subjectId: organisationId,
          recipients: [organisationId],
          notify: [{ organisationId, kind: 'case_admission', caseId }],
        };
      });
    },

    /** ROL-02: an admission ends; the organisation sees nothing of the case from then on. */
    revokeParticipant(actor: Actor, caseId: string, organisationId: string, input: Reason): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.admit', 'organise', async (tx, open, now) => {
        refuseIfAny([...shapeIssues(IdSchema, organisationId, 'params/organisationId'), ...shapeIssues(ReasonSchema, input)]);
        const reason = await encrypt(open, FIELDS.revocation(organisationId), input.reason);
        if (!(await cases.revoke(tx, caseId, organisationId, actor.userId, now, reason))) {
          throw new DomainError('not_found', { detail: 'The organisation is not an admitted participant of this case' });
        }
        await cases.updateCase(tx, caseId, { updated_at: now });
        return {
          state: open.row.state,
          history: 'participant_revoked',
          subjectId: organisationId,
          notify: [{ organisationId, kind: 'admission_revoked', caseId }],
        };
      });
    },

    /**
     * FIL-01: the organiser proposes the maximum retention after closure (at most 30 years unless
     * another provision is cited, bill art. 2 §3 4°); every party approves it before the first
     * consultation (bill art. 3 §1 al. 1). The organiser's proposal is its own approval.
     *
     * RET-02: after the first consultation the maximum in force stays until every party approved a
     * change: the proposal waits beside it (`retention_change_*`), and the last approval puts it in
     * force, a shortening as a lengthening (the participants determine the maximum, bill art. 3 §1
     * al. 1; each is the controller of what it introduced, art. 3 §1 al. 2). RET-01: a maximum beyond
     * 30 years, with its provision, waits for the DPO of the organiser's organisation.
     */
    proposeRetention(actor: Actor, caseId: string, input: RetentionProposal): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.propose_retention', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(RetentionProposalSchema, input));
        try {
          rules.assertAgreedRetention(months(input.months), input.otherRule ?? undefined);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          throw new DomainError('validation_failed', {
            ...error.details,
            fields: (error.details.fields ?? []).map((issue) => ({ ...issue, field: '/body/months' })),
          });
        }
        const others = retentionParties(open.facts)
          .filter((party) => party !== open.actingFor)
          .map((organisationId) => ({ organisationId, kind: 'retention_to_approve' as const, caseId }));
        if (open.row.first_consultation_at) {
          // RET-02: a change after the first consultation; the maximum in force stays until all agree.
          const proposal = Math.max(open.row.retention_proposal, open.row.retention_change_proposal ?? 0) + 1;
          await cases.updateCase(tx, caseId, {
            retention_change_months: input.months,
            retention_change_other_rule: input.otherRule ?? null,
            retention_change_proposal: proposal,
            retention_change_proposed_by: actor.userId,
            retention_change_proposed_at: now,
            updated_at: now,
          });
          await cases.approve(tx, caseId, proposal, open.actingFor, actor.userId, now);
          const applied = await applyAgreedChange(tx, open, proposal, now);
          return {
            state: open.row.state,
            history: applied ? 'retention_changed' : 'retention_change_proposed',
            notify: applied ? applied.notify : others,
          };
        }
        const proposal = open.row.retention_proposal + 1;
        const inForce = retentionInForce(input.months, input.otherRule ?? null, capMonths());
        await cases.updateCase(tx, caseId, {
          retention_months: inForce.months,
          retention_other_rule: inForce.otherRule,
          retention_proposal: proposal,
          ...overrideColumns(inForce),
          updated_at: now,
        });
        await cases.approve(tx, caseId, proposal, open.actingFor, actor.userId, now);
        return {
          state: open.row.state,
          history: 'retention_proposed',
          notify: [...others, ...overrideNotice(open, inForce)],
        };
      });
    },

    /**
     * FIL-01: a party approves the current proposal (a newer one needs a new approval). RET-02: or the
     * change proposed after the first consultation; the last party's approval puts it in force.
     */
    approveRetention(actor: Actor, caseId: string, input: RetentionApproval): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.approve_retention', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(RetentionApprovalSchema, input));
        const change = open.row.retention_change_proposal;
        if (change !== null && input.proposal === change) {
          await cases.approve(tx, caseId, change, open.actingFor, actor.userId, now);
          const applied = await applyAgreedChange(tx, open, change, now);
          return {
            state: open.row.state,
            history: applied ? 'retention_changed' : 'retention_change_approved',
            subjectId: open.actingFor,
            ...(applied && { notify: applied.notify }),
          };
        }
        if (open.row.retention_months === null || input.proposal !== open.row.retention_proposal) {
          throw new DomainError('conflict', {
            detail: 'This is not the current retention proposal: read the case again',
            rule: 'bill art. 3 §1 al. 1 (SPEC FIL-01, RET-02)',
          });
        }
        await cases.approve(tx, caseId, input.proposal, open.actingFor, actor.userId, now);
        return { state: open.row.state, history: 'retention_approved', subjectId: open.actingFor };
      });
    },

    /** WFL-11, ROL-03: the organiser closes the case: date and reason; from then on it is read-only. */
    closeCase(actor: Actor, caseId: string, input: Reason): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.close', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(ReasonSchema, input));
        await cases.updateCase(tx, caseId, {
          state: 'closed',
          closed_at: now,
          closed_by: actor.userId,
          closure_reason: await encrypt(open, FIELDS.closureReason, input.reason),
          updated_at: now,
        });
        return { state: 'closed', history: 'closed' };
      });
    },

    /** WFL-11: a reopening is logged and suspends the retention clock until the next closure. */
    reopenCase(actor: Actor, caseId: string, input: Reason): Promise<CaseStateResult> {
      return transition(actor, caseId, 'case.reopen', 'organise', async (tx, open, now) => {
        refuseIfAny(shapeIssues(ReasonSchema, input));
        await cases.reopening(tx, {
          case_id: caseId,
          reopened_at: now,
          reopened_by: actor.userId,
          previous_closed_at: new Date(open.row.closed_at!),
          reason: await encrypt(open, FIELDS.reopening(now), input.reason),
        });
        const state: CaseState = open.row.first_consultation_at ? 'follow_up' : 'accepted';
        await cases.updateCase(tx, caseId, {
          state,
          closed_at: null,
          closed_by: null,
          closure_reason: null,
          updated_at: now,
        });
        return { state, history: 'reopened' };
      });
    },
  };
}

export type CaseLifecycle = ReturnType<typeof createCaseLifecycle>;
