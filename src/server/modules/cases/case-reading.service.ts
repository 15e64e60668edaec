/**
 * Reading the shared file (issue 4 scope 2-4, 7): the cases one may see, one case with what the
 * reader may see of it, an item's versions, and the audited reveal of a national register number.
 * Every read of content is a consult event carrying the working session's justification
 * (SPEC SEC-05); a reader without one is asked for it first (`justification_required`).
 */
import type { CaseDetail, CaseList, CaseSummary } from '../../../contracts/cases.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { ItemVersionList } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { type PersonSearch, type PersonSearchResult, PersonSearchSchema } from '../../../contracts/persons.js';
import type { Tx } from '../../db/database.js';
import type { AuditRecordRef } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf, months } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import type { CaseAction } from '../access/case-actions.js';
import { caseAudience } from '../access/case-audience.js';
import { contentVisible, requiredDesignations } from '../access/record-visibility.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { contestedState } from '../contested/contested-state.js';
import { FIELDS } from './case-fields.js';
import { isoOf, itemRequires, presentItems, presentPersons, readIdentity, revealedBy } from './case-presenter.js';
import { retentionStatus } from './case-rules.js';
import type { CaseListRow } from './cases.repository.js';
import type { CaseRecordsDeps } from './case-records.service.js';
import { caseOpener, type OpenCase } from './open-case.js';
import { decreeFactsOf, priorNoticeOf } from './royal-decree-facts.js';

/** Largest page of the case list. */
const LIST_LIMIT = 200;

const ACTION_NAMES: Partial<Record<CaseAction, CaseDetail['allowedActions'][number]>> = {
  'case.contribute': 'contribute',
  'case.request_review': 'request_review',
  'case.review': 'review',
  'case.signal': 'signal',
  'case.close_draft': 'close_draft',
  'case.decide_signal': 'decide_signal',
  'case.admit': 'admit',
  'case.propose_retention': 'propose_retention',
  'case.approve_retention': 'approve_retention',
  'case.organise': 'organise',
  'case.close': 'close',
  'case.reopen': 'reopen',
  'case.request_transfer': 'request_transfer',
  'case.review_minimisation': 'review_minimisation',
};

export function createCaseReading(deps: CaseRecordsDeps) {
  const { db, cases, records, notifications, access, audit, clock, rules, blindIndex } = deps;
  const openCase = caseOpener(deps);

  async function summaryOf(tx: Tx, row: CaseListRow): Promise<CaseSummary> {
    const cipher = await deps.envelope.openScope(tx, `case:${row.id}`);
    return {
      id: row.id,
      state: row.state,
      title: await cipher.decryptText(...FIELDS.title, row.title),
      relation: row.relation as CaseSummary['relation'],
      frameworkId: row.framework_id,
      frameworkName: row.framework_name,
      purposes: row.purposes as CaseSummary['purposes'],
      compartmentOrganisationId: row.compartment_organisation_id,
      reviewerOrganisationId: row.reviewer_organisation_id,
      organiserOrganisationId: row.organiser_organisation_id,
      createdAt: isoOf(row.created_at),
      updatedAt: isoOf(row.updated_at),
    };
  }

  async function detailOf(tx: Tx, open: OpenCase): Promise<{ detail: CaseDetail; refs: AuditRecordRef[] }> {
    const { row, cipher, facts, context } = open;
    const [framework, participants, approvals, changeApprovals, persons, items, attachments, history] =
      await Promise.all([
        cases.frameworkOf(tx, row.framework_id),
        cases.participantsOf(tx, row.id),
        cases.approvalsOf(tx, row.id, row.retention_proposal),
        // RET-02: the approvals of a change waiting beside the maximum in force.
        row.retention_change_proposal === null ? [] : cases.approvalsOf(tx, row.id, row.retention_change_proposal),
        records.personsOf(tx, row.id, open.sharedOnly),
        records.itemsOf(tx, row.id, open.sharedOnly, brusselsDateOf(clock.now())),
        records.attachmentsOf(tx, row.id),
        cases.historyOf(tx, row.id),
      ]);
    const whitelist = framework?.participant_ids ?? [];
    const audience = caseAudience(facts);
    const organisations = await cases.organisations(tx, [
      ...audience.map((a) => a.organisationId),
      ...whitelist,
      ...participants.map((p) => p.organisation_id),
      ...persons.map((p) => p.controller_organisation_id),
      ...items.map((i) => i.controller_organisation_id),
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.legal_name]));
    const ref = (id: string) => ({ id, legalName: names.get(id) ?? '' });
    const [userNames, contested] = await Promise.all([
      cases.userNames(tx, items.map((i) => i.created_by)),
      // RGT-CON-02: the standing marks of all the case's items, in one query.
      contestedState(tx, items.map((i) => i.id)),
    ]);
    const now = clock.now();
    const decrees = await decreeFactsOf(tx, records, row.id, open.actingFor, brusselsDateOf(now));
    const status = retentionStatus(facts, row.retention_months, approvals);
    const changeStatus =
      row.retention_change_proposal === null
        ? undefined
        : retentionStatus(facts, row.retention_change_months, changeApprovals);
    const allowedActions = access.allowedCaseActions(context, facts);
    const presentedItems = await presentItems(cipher, items, {
      attachments,
      contested,
      organisationNames: names,
      userNames,
      designations: context.facts.designations,
      reviews: { organisations: context.acting, confirms: allowedActions.includes('case.contribute'), now, settings: deps.itemReview },
    });
    const detail: CaseDetail = {
      id: row.id,
      state: row.state,
      title: await cipher.decryptText(...FIELDS.title, row.title),
      relation: open.decision.relation as CaseDetail['relation'],
      frameworkId: row.framework_id,
      frameworkName: framework?.name ?? '',
      purposes: row.purposes as CaseDetail['purposes'],
      compartmentOrganisationId: row.compartment_organisation_id,
      reviewerOrganisationId: row.reviewer_organisation_id,
      organiserOrganisationId: row.organiser_organisation_id,
      createdAt: isoOf(row.created_at),
      updatedAt: isoOf(row.updated_at),
      framework: {
        id: row.framework_id,
        name: framework?.name ?? '',
        basisKind: framework?.basis_kind ?? null,
        ownFileExportDisabled: framework?.own_file_export_disabled ?? false,
        exportFourEyes: framework?.export_four_eyes ?? false,
        allowedCategories: framework?.allowed_categories ?? [],
        purposes: (framework?.purposes ?? []) as CaseDetail['purposes'],
        participants: whitelist.map(ref),
      },
      audience: audience.map((entry) => ({ organisation: ref(entry.organisationId), relation: entry.relation })),
      participants: await Promise.all(
        participants.map(async (p) => ({
          organisation: ref(p.organisation_id),
          ground: p.ground,
          justification: await cipher.decryptText(...FIELDS.admission(p.organisation_id), p.justification),
          admittedAt: isoOf(p.admitted_at),
          revokedAt: p.revoked_at ? isoOf(p.revoked_at) : null,
        })),
      ),
      signalledAt: row.signalled_at ? isoOf(row.signalled_at) : null,
      review:
        row.review_decision && row.review_reason && row.reviewed_at
          ? {
              decision: row.review_decision,
              reason: await cipher.decryptText(...FIELDS.reviewReason, row.review_reason),
              at: isoOf(row.reviewed_at),
            }
          : null,
      signalDecision:
        row.signal_decided_at && row.signal_decision_reason
          ? {
              decision: row.state === 'refused' ? 'refuse' : 'accept',
              reason: await cipher.decryptText(...FIELDS.signalDecisionReason, row.signal_decision_reason),
              at: isoOf(row.signal_decided_at),
            }
          : null,
      retention: {
        months: row.retention_months,
        otherRule: row.retention_other_rule,
        proposal: row.retention_proposal,
        approvedBy: status.approvedBy,
        pending: status.pending,
        agreed: status.agreed,
        endsOn:
          row.closed_at && row.retention_months
            ? rules.retentionEnd(new Date(row.closed_at), months(row.retention_months), row.retention_other_rule ?? undefined).date
            : null,
        change:
          row.retention_change_proposal === null
            ? null
            : {
                months: row.retention_change_months!,
                otherRule: row.retention_change_other_rule,
                proposal: row.retention_change_proposal,
                proposedAt: isoOf(row.retention_change_proposed_at!),
                approvedBy: changeStatus!.approvedBy,
                pending: changeStatus!.pending,
              },
        beyondCap:
          row.retention_override_months !== null
            ? {
                months: row.retention_override_months,
                otherRule: row.retention_override_rule!,
                approvedAt: null,
              }
            : row.retention_override_approved_at !== null
              ? {
                  months: row.retention_months!,
                  otherRule: row.retention_other_rule ?? '',
                  approvedAt: isoOf(row.retention_override_approved_at),
                }
              : null,
      },
      firstConsultationAt: row.first_consultation_at ? isoOf(row.first_consultation_at) : null,
      closedAt: row.closed_at ? isoOf(row.closed_at) : null,
      closureReason: row.closure_reason ? await cipher.decryptText(...FIELDS.closureReason, row.closure_reason) : null,
      persons: await presentPersons(cipher, persons, names, now, priorNoticeOf(decrees)),
      items: presentedItems,
      history: history.map((h) => ({
        at: isoOf(h.at),
        kind: h.kind,
        state: h.state,
        user: h.user_name,
        organisation: h.organisation_name,
      })),
      allowedActions: allowedActions.flatMap((action) => (ACTION_NAMES[action] ? [ACTION_NAMES[action]] : [])),
    };
    // What the reader saw: each person (identification data, category 1) and each item whose
    // content was shown (SPEC SEC-05, DAT-19: every read of a special category is logged).
    const refs: AuditRecordRef[] = [
      { type: 'case', id: row.id },
      ...persons.map((p) => ({ type: 'person', id: p.id, category: 1 })),
      ...items
        .filter((i) => i.erased_at === null && contentVisible(context.facts.designations, { requires: itemRequires(i) }))
        .map((i) => ({ type: 'item', id: i.id, category: Number(i.category.slice(1)) })),
      // RGT-CON-04 (L1992 art. 38): the evidence that each contested item was shown as contested.
      ...[...contested.keys()].map((id) => ({ type: 'contested_item', id })),
    ];
    return { detail, refs };
  }

  return {
    /** The cases the actor's organisations are in the audience of (ARCHITECTURE §3.2). */
    listCases(actor: Actor): Promise<CaseList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        const rows = await cases.casesOf(tx, context.acting, LIST_LIMIT);
        const list = await Promise.all(rows.map((row) => summaryOf(tx, row)));
        if (list.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: list.map((kase) => ({ type: 'case', id: kase.id })),
            justification: actor.justification!,
          });
        }
        return { cases: list };
      });
    },

    /** One case, to its audience only; anyone else learns nothing, not even that it exists. */
    viewCase(actor: Actor, caseId: string): Promise<CaseDetail> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const { detail, refs } = await detailOf(tx, open);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: refs,
          justification: actor.justification!,
        });
        return detail;
      });
    },

    /** Every version of an item: who changed it, when and why (issue 4 scope 4). */
    itemVersions(actor: Actor, caseId: string, itemId: string): Promise<ItemVersionList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
        const item = await records.itemById(tx, caseId, itemId, brusselsDateOf(clock.now()));
        if (!item || (open.sharedOnly && !item.shared)) throw new DomainError('not_found', { detail: 'No such item' });
        // DAT-19: not designated; DAT-22, SEC-11: blocked for everyone.
        const shown = !item.blocked_at && contentVisible(open.context.facts.designations, { requires: itemRequires(item) });
        const versions = await records.versionsOf(tx, itemId);
        const list = await Promise.all(
          versions.map(async (v) => {
            // DAT-19, DAT-23: each version is read under its own category and declaration as well,
            // so that an edit withdrawing them does not uncover what an earlier version held.
            const own = requiredDesignations(v.category as CategoryCode, item.genetic_biometric, revealedBy(v), v.criminal_related);
            const visible = shown && contentVisible(open.context.facts.designations, { requires: own });
            return {
              version: v.version,
              category: v.category as ItemVersionList['versions'][number]['category'],
              content:
                visible && v.payload
                  ? (JSON.parse(await open.cipher.decryptText(...FIELDS.item(itemId, v.version), v.payload)) as { content: string }).content
                  : null,
              changedBy: v.display_name,
              changedAt: isoOf(v.changed_at),
              // DAT-19: why a special-category item changed tells what it holds; the reason is its content too.
              reason:
                visible && v.reason ? await open.cipher.decryptText(...FIELDS.itemReason(itemId, v.version), v.reason) : null,
            };
          }),
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
          justification: actor.justification!,
          reason: 'item_versions',
        });
        return { versions: list };
      });
    },

    /**
     * SEC-07: exact search for a person across the cases the actor may see, through the blind
     * index only (ARCHITECTURE §3.3), for users granted it. A refused attempt alerts the DPO of
     * the user's organisation.
     */
    searchPersons(actor: Actor, input: PersonSearch): Promise<PersonSearchResult> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        // An attempt without the permission is the unauthorised matching to report; a granted user
        // asked for the session's justification first is not.
        const alertDpo = context.facts.crossCaseSearch
          ? undefined
          : (alertTx: Tx) =>
              notifications.notify(alertTx, clock.now(), [
                { organisationId: actor.organisationId, kind: 'security_alert', audience: 'dpo', subjectId: actor.userId },
              ]);
        const decision = access.require(context, { action: 'person.search' }, 'match', undefined, alertDpo);
        refuseIfAny(shapeIssues(PersonSearchSchema, input));
        const matches =
          'nationalRegisterNumber' in input
            ? await records.personsByIndex(tx, 'nrn_index', await blindIndex.nrn(input.nationalRegisterNumber, '/body/nationalRegisterNumber'))
            : await records.personsByIndex(
                tx,
                'name_dob_index',
                await blindIndex.nameAndBirthDate(`${input.surname} ${input.firstNames}`, input.birthDate, {
                  name: '/body/surname',
                  birthDate: '/body/birthDate',
                }),
              );
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'match',
          outcome: 'success',
          records: matches.map((m) => ({ type: 'person', id: m.id, category: 1 })),
          justification: actor.justification!,
          reason: 'cross_case_search',
        });
        return { matches: matches.map((m) => ({ caseId: m.case_id, personId: m.id, role: m.role })) };
      });
    },

    /** DAT-01: the national register number in full, once, each reveal audited. */
    revealNationalNumber(actor: Actor, caseId: string, personId: string): Promise<{ nationalRegisterNumber: string }> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        refuseIfAny(shapeIssues(IdSchema, personId, 'params/personId'));
        const person = (await records.personsOf(tx, caseId, open.sharedOnly)).find((p) => p.id === personId);
        if (!person) throw new DomainError('not_found', { detail: 'No such person' });
        const identity = await readIdentity(open.cipher, person);
        if (!identity.nationalRegisterNumber) {
          throw new DomainError('not_found', { detail: 'No national register number is recorded for this person' });
        }
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'person', id: personId, category: 1 }],
          justification: actor.justification!,
          reason: 'reveal_nrn',
        });
        return { nationalRegisterNumber: identity.nationalRegisterNumber };
      });
    },
  };
}

export type CaseReading = ReturnType<typeof createCaseReading>;
