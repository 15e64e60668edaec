/**
 * Persons and information items of a case (issue 4 scope 3-4; bill art. 2 §2, art. 3 §1 al. 2):
 * added by a participant that stays their controller, changed or erased by that controller only
 * (SPEC ROL-09, FIL-02) as versions, shared beyond the compartment by their controller, annotated
 * or questioned by the others. Each use case is one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import type { Selection } from '../../../contracts/cases.js';
import { SelectionSchema } from '../../../contracts/cases.js';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type BlockItem,
  BlockItemSchema,
  type CorrectionRequest,
  CorrectionRequestSchema,
  type CreateItem,
  CreateItemSchema,
  type Item,
  type UpdateItem,
  UpdateItemSchema,
} from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import {
  type CreatePerson,
  CreatePersonSchema,
  type Person,
  type UpdatePerson,
  UpdatePersonSchema,
} from '../../../contracts/persons.js';
import type { ItemReviewConfig } from '../../config.js';
import type { Tx } from '../../db/database.js';
import type { BlindIndex } from '../../kernel/crypto/blind-index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { caseAudience } from '../access/case-audience.js';
import { OPEN_STATES } from '../access/case-actions.js';
import { type DesignationScope, requireDesignated, requiredDesignations } from '../access/record-visibility.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { FIELDS } from './case-fields.js';
import { contestedState } from '../contested/contested-state.js';
import { notifyExporters } from './exported-item-notices.js';
import { flagListUpdate, proposeListEntry } from '../prosecutor-list/list-proposals.js';
import { fileCorrectionRequest } from './correction-requests.js';
import { itemRequires, presentItems, presentPersons, readItemPayload } from './case-presenter.js';
import { draftRecordsOf, selectionIssues } from './case-rules.js';
import { editAsItemInput, type ItemFacts, itemIssues, policeMissionOf, type RuledIssue } from './item-rules.js';
import { openInformationObligation, refuseUninformedDisclosure } from '../information-notices/information-gate.js';
import { INFORMATION_RULE, personInformationIssues } from '../information-notices/information-rules.js';
import {
  compartmentPersonsOf,
  decreeIssuesOf,
  itemFactsOf,
  itemPayloadOf,
  writeNewItem,
} from './collect-item.js';
import { type CaseDeps, caseOpener, type OpenCase } from './open-case.js';
import type { ItemRow } from './records.repository.js';
import { childFocusExemption } from '../identity/royal-decree-rules.js';
import { refuseErasureWhileHeld } from '../legal-holds/active-legal-hold.js';
import type { JudicialStatusListener } from './judicial-status.js';
import { decreeFactsOf, priorNoticeOf } from './royal-decree-facts.js';
import { blockedRule } from './royal-decree-item-rules.js';

export interface CaseRecordsDeps extends CaseDeps {
  blindIndex: BlindIndex;
  /** SPEC SEC-11: the review interval and the erasure-review period (configuration). */
  itemReview: ItemReviewConfig;
  /** SPEC RGT-JUD-02: told when an item enters or leaves a judicial file (the rights module listens). */
  judicialStatusChanged?: JudicialStatusListener;
}


/** Refuses `issues` whole, citing every rule they apply. */
function refuseRuled(issues: RuledIssue[]): void {
  if (issues.length === 0) return;
  const rule = [...new Set(issues.map((issue) => issue.rule))].join('; ');
  refuseIfAny(
    issues.map(({ field, message }) => ({ field, message })),
    rule,
  );
}

export function createCaseRecords(deps: CaseRecordsDeps) {
  const { db, cases, records, notifications, access, audit, clock, blindIndex } = deps;
  const openCase = caseOpener(deps);
  /** The civil date in Brussels, which royal-decree validities are counted in (SPEC DAT-32, DAT-33). */
  const today = () => brusselsDateOf(clock.now());

  /** ROL-09: the change is the controller's; anyone else learns that it is not theirs (403). */
  function requireController(
    open: OpenCase,
    controller: string,
    auditAction: 'adapt' | 'erase' | 'disclose' | 'collect' | 'block' | 'organise',
  ) {
    access.require(
      open.context,
      { action: 'case.contribute', kase: open.facts, owner: controller },
      auditAction,
      open.row.id,
    );
  }

  const itemFacts = (tx: Tx, open: OpenCase): Promise<ItemFacts> => itemFactsOf(tx, deps, open);
  const decreeIssues = (
    tx: Tx,
    open: OpenCase,
    input: { category: CategoryCode; personIds: readonly string[] },
    previous?: CategoryCode,
  ): Promise<RuledIssue[]> => decreeIssuesOf(tx, deps, open, input, previous);
  const compartmentPersons = (tx: Tx, open: OpenCase, personIds: readonly string[]): Promise<Set<string>> =>
    compartmentPersonsOf(tx, deps, open, personIds);

  /** DAT-19, DAT-23, DAT-29: only a person designated for the special category records or changes it. */
  function requireDesignation(open: OpenCase, requires: readonly DesignationScope[]): void {
    requireDesignated(open.context.facts.designations, requires, 'record such information');
  }

  /** The designations what the input records needs. */
  const inputRequires = (input: Pick<CreateItem, 'category' | 'geneticOrBiometric' | 'revealsSensitive' | 'criminalRelated'>) =>
    requiredDesignations(input.category, input.geneticOrBiometric ?? false, input.revealsSensitive, input.criminalRelated);

  async function visibleItem(tx: Tx, open: OpenCase, itemId: string): Promise<ItemRow> {
    refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
    const item = await records.itemById(tx, open.row.id, itemId, today());
    if (!item || (open.sharedOnly && !item.shared)) throw new DomainError('not_found', { detail: 'No such item' });
    return item;
  }

  /**
   * ROL-09: an item the actor changes, locked. Row-level security lets only the controller lock
   * it (FOR UPDATE applies the update policy), so the controller is checked on the plain read
   * first: another participant learns it is not theirs (403), not that it does not exist.
   */
  async function controlledItem(
    tx: Tx,
    open: OpenCase,
    itemId: string,
    auditAction: 'adapt' | 'erase' | 'block' | 'organise',
  ): Promise<ItemRow> {
    const item = await visibleItem(tx, open, itemId);
    requireController(open, item.controller_organisation_id, auditAction);
    return (await records.itemForUpdate(tx, open.row.id, itemId, today()))!;
  }

  /** The item as just written, read back with its persons. */
  async function presentItem(tx: Tx, open: OpenCase, written: ItemRow): Promise<Item> {
    const [row, attachments, organisations, userNames, contested] = await Promise.all([
      records.itemById(tx, open.row.id, written.id, today()),
      records.attachmentsOf(tx, open.row.id),
      cases.organisations(tx, [written.controller_organisation_id]),
      cases.userNames(tx, [written.created_by]),
      contestedState(tx, [written.id]),
    ]);
    const [item] = await presentItems(open.cipher, [row!], {
      attachments,
      contested,
      organisationNames: new Map(organisations.map((o) => [o.id, o.legal_name])),
      userNames,
      designations: open.context.facts.designations,
      reviews: {
        organisations: open.context.acting,
        confirms: access.allowedCaseActions(open.context, open.facts).includes('case.contribute'),
        now: clock.now(),
        settings: deps.itemReview,
      },
    });
    return item!;
  }

  async function personIssues(tx: Tx, open: OpenCase, input: CreatePerson): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    if (input.role === 'relation') {
      const subjects = new Map(
        (await records.personsOf(tx, open.row.id, open.sharedOnly)).map((p) => [p.id, p.role]),
      );
      if (!input.subjectIds?.length) issues.push({ field: '/body/subjectIds', message: 'a relation/contact relates to at least one subject' });
      input.subjectIds?.forEach((id, index) => {
        if (subjects.get(id) !== 'subject') issues.push({ field: `/body/subjectIds/${index}`, message: 'is not a subject of this case' });
      });
      if (!input.necessity) issues.push({ field: '/body/necessity', message: "say why processing this person's data is necessary" });
    } else {
      if (input.subjectIds?.length) issues.push({ field: '/body/subjectIds', message: 'only a relation/contact relates to a subject' });
      if (input.necessity) issues.push({ field: '/body/necessity', message: 'only a relation/contact records a necessity' });
    }
    return issues;
  }

  /** The blind indexes of an identity (ARCHITECTURE §3.3); invalid numbers are refused with their field. */
  async function indexesOf(identity: CreatePerson['identity']) {
    const issues: FieldIssue[] = [];
    const attempt = async (compute: () => Promise<Buffer>) => {
      try {
        return await compute();
      } catch (error) {
        if (!(error instanceof DomainError) || !error.details.fields) throw error;
        issues.push(...error.details.fields);
        return null;
      }
    };
    const nrn = identity.nationalRegisterNumber
      ? await attempt(() => blindIndex.nrn(identity.nationalRegisterNumber!, '/body/identity/nationalRegisterNumber'))
      : null;
    const nameDob = identity.birthDate
      ? await attempt(() =>
          blindIndex.nameAndBirthDate(`${identity.surname} ${identity.firstNames}`, identity.birthDate!, {
            name: '/body/identity/surname',
            birthDate: '/body/identity/birthDate',
          }),
        )
      : null;
    refuseIfAny(issues, 'bill art. 2 §2 al. 1 1° (SPEC DAT-01)');
    return { nrn_index: nrn, name_dob_index: nameDob };
  }

  /**
   * The indexes a person is found by across cases; none for a controller under L2007 art. 3 §6,
   * which may keep no file of suspects (SPEC SCO-17). The identity is checked all the same.
   */
  async function personIndexes(tx: Tx, open: OpenCase, identity: CreatePerson['identity']) {
    const indexes = await indexesOf(identity);
    const exempt = childFocusExemption(await records.decreesOf(tx, open.actingFor), today());
    return exempt ? { nrn_index: null, name_dob_index: null } : indexes;
  }

  return {
    /** DAT-01, DAT-17: a subject, or a relation/contact linked to a subject with its necessity. */
    addPerson(actor: Actor, caseId: string, input: CreatePerson): Promise<Person> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'collect');
        refuseIfAny(shapeIssues(CreatePersonSchema, input));
        refuseIfAny(await personIssues(tx, open, input), 'bill art. 2 §2 al. 2 (SPEC DAT-17)');
        const shared = OPEN_STATES.includes(open.row.state);
        refuseIfAny(personInformationIssues(input.information, today(), shared), INFORMATION_RULE);
        const indexes = await personIndexes(tx, open, input.identity);
        const id = randomUUID();
        const now = clock.now();
        const identity = await open.cipher.encrypt(...FIELDS.identity(id, 1), JSON.stringify(input.identity));
        const row = await records.insertPerson(tx, {
          id,
          case_id: caseId,
          role: input.role,
          controller_organisation_id: open.actingFor,
          shared,
          identity,
          necessity: input.necessity ? await open.cipher.encrypt(...FIELDS.necessity(id), input.necessity) : null,
          ...indexes,
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await records.personVersion(tx, { person_id: id, version: 1, identity, changed_by: actor.userId, changed_at: now, reason: null });
        await records.linkPerson(tx, id, input.subjectIds ?? []);
        // RGT-INF-01, RGT-INF-02: the controller's information obligation, in the same transaction.
        await openInformationObligation(tx, {
          caseId,
          personId: id,
          role: input.role,
          controllerId: open.actingFor,
          userId: actor.userId,
          at: now,
          information: input.information,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'collect',
          outcome: 'success',
          caseId,
          records: [{ type: 'person', id, category: 1 }],
        });
        // bill art. 8 (SPEC LST-01): a subject of an authorised consultation is proposed for the list.
        await proposeListEntry(tx, deps, { id, caseId, identity: input.identity, who: open.who, at: now });
        const names = new Map((await cases.organisations(tx, [open.actingFor])).map((o) => [o.id, o.legal_name]));
        const decrees = await decreeFactsOf(tx, records, caseId, open.actingFor, today());
        const [person] = await presentPersons(open.cipher, [{ ...row, subject_ids: input.subjectIds ?? [] }], names, now, priorNoticeOf(decrees));
        return person!;
      });
    },

    /** ROL-09: the controller rectifies a person's identification data; the earlier version stays. */
    updatePerson(actor: Actor, caseId: string, personId: string, input: UpdatePerson): Promise<Person> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'adapt');
        refuseIfAny(shapeIssues(IdSchema, personId, 'params/personId'));
        const seen = (await records.personsOf(tx, caseId, open.sharedOnly)).find((p) => p.id === personId);
        if (!seen) throw new DomainError('not_found', { detail: 'No such person' });
        // ROL-09: checked before the lock, which row-level security grants the controller only.
        requireController(open, seen.controller_organisation_id, 'adapt');
        const person = (await records.personForUpdate(tx, caseId, personId))!;
        refuseIfAny(shapeIssues(UpdatePersonSchema, input));
        const indexes = await personIndexes(tx, open, input.identity);
        const version = person.version + 1;
        const now = clock.now();
        const identity = await open.cipher.encrypt(...FIELDS.identity(personId, version), JSON.stringify(input.identity));
        const row = await records.updatePerson(tx, personId, { identity, version, ...indexes, updated_by: actor.userId, updated_at: now });
        await records.personVersion(tx, {
          person_id: personId,
          version,
          identity,
          changed_by: actor.userId,
          changed_at: now,
          reason: await open.cipher.encrypt(...FIELDS.identityReason(personId, version), input.reason),
        });
        // bill art. 8 "tient à jour" (SPEC LST-04): a listed person's entry is flagged for the office.
        await flagListUpdate(tx, deps, {
          id: personId,
          identity: input.identity,
          nrnIndex: indexes.nrn_index,
          nameDobIndex: indexes.name_dob_index,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [{ type: 'person', id: personId, category: 1 }],
        });
        const names = new Map((await cases.organisations(tx, [row.controller_organisation_id])).map((o) => [o.id, o.legal_name]));
        const decrees = await decreeFactsOf(tx, records, caseId, open.actingFor, today());
        const [presented] = await presentPersons(open.cipher, [{ ...row, subject_ids: seen.subject_ids }], names, now, priorNoticeOf(decrees));
        return presented!;
      });
    },

    /** DAT-00..33, SCO-05, SCO-06, WFL-08: one item in one category, its controller the introducer. */
    addItem(actor: Actor, caseId: string, input: CreateItem): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'collect');
        refuseIfAny(shapeIssues(CreateItemSchema, input));
        const facts = await itemFacts(tx, open);
        const issues = itemIssues(input, facts);
        issues.push(...(await decreeIssues(tx, open, input)));
        if (input.provenance.kind === 'collected_following_consultation') {
          if (!(await records.consultationDiscussed(tx, input.provenance.consultationId, caseId))) {
            issues.push({
              field: '/body/provenance/consultationId',
              message: 'is not a consultation that discussed this case',
              rule: 'bill art. 2 §2 al. 1 (SPEC SCO-05)',
            });
          }
        }
        if (input.annotatesItemId) {
          const annotated = await records.itemById(tx, caseId, input.annotatesItemId, today());
          if (!annotated || (open.sharedOnly && !annotated.shared)) {
            issues.push({ field: '/body/annotatesItemId', message: 'is not an item of this case', rule: 'SPEC ROL-09' });
          } else if (annotated.controller_organisation_id === open.actingFor) {
            issues.push({ field: '/body/annotatesItemId', message: 'is your own item: change it instead', rule: 'SPEC ROL-09' });
          }
        }
        refuseRuled(issues);
        requireDesignation(open, inputRequires(input));
        const row = await writeNewItem(tx, deps, open, input, {
          userId: actor.userId,
          at: clock.now(),
          controller: facts.controller,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'collect',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: row.id, category: Number(input.category.slice(1)) }],
        });
        return presentItem(tx, open, row);
      });
    },

    /** ROL-09: only the controller changes an item; every change is a version (who, when, why). */
    updateItem(actor: Actor, caseId: string, itemId: string, input: UpdateItem): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'adapt');
        const item = await controlledItem(tx, open, itemId, 'adapt');
        if (item.erased_at) throw new DomainError('conflict', { detail: 'The item was erased' });
        if (item.blocked_at) {
          throw new DomainError('conflict', {
            detail:
              item.blocked_reason === 'authorisation_expired'
                ? "The item is blocked: its controller's royal decree authorisation has ended"
                : 'The item is blocked: erase it, or release it after review',
            rule: blockedRule(item.blocked_reason),
          });
        }
        refuseIfAny(shapeIssues(UpdateItemSchema, input));
        const facts = await itemFacts(tx, open);
        const issues = itemIssues(editAsItemInput(input), facts);
        issues.push(...(await decreeIssues(tx, open, input, item.category as CategoryCode)));
        if (item.shared) {
          // WFL-03: a shared item may not come to be about a person still in the compartment.
          const unshared = await compartmentPersons(tx, open, input.personIds);
          input.personIds.forEach((id, index) => {
            if (unshared.has(id)) {
              issues.push({
                field: `/body/personIds/${index}`,
                message: 'is still in the compartment: share this person first',
                rule: 'bill art. 2 §3 1° (SPEC WFL-03)',
              });
            }
          });
        }
        refuseRuled(issues);
        requireDesignation(open, itemRequires(item));
        requireDesignation(open, inputRequires(input));
        const previous = await readItemPayload(open.cipher, item);
        const version = item.version + 1;
        const now = clock.now();
        const payload = await open.cipher.encrypt(
          ...FIELDS.item(itemId, version),
          JSON.stringify(itemPayloadOf(input, previous.sourceReference)),
        );
        const row = await records.updateItem(tx, itemId, {
          category: input.category,
          genetic_biometric: input.geneticOrBiometric ?? false,
          reveals_sensitive: input.revealsSensitive ?? [],
          secret_of_investigation: input.secretOfInvestigation !== undefined,
          judicial: input.judicial !== undefined,
          police_mission: policeMissionOf(input, facts.controller),
          criminal_related: input.criminalRelated ?? false,
          version,
          payload,
          updated_by: actor.userId,
          updated_at: now,
        });
        await records.setItemPersons(tx, itemId, input.personIds);
        if (
          item.judicial !== row.judicial ||
          item.secret_of_investigation !== row.secret_of_investigation ||
          item.police_mission !== row.police_mission
        ) {
          await deps.judicialStatusChanged?.(tx, open.context, { id: itemId, caseId, controllerId: item.controller_organisation_id });
        }
        await records.itemVersion(tx, {
          item_id: itemId,
          version,
          category: input.category,
          reveals_sensitive: input.revealsSensitive ?? [],
          criminal_related: input.criminalRelated ?? false,
          payload,
          changed_by: actor.userId,
          changed_at: now,
          reason: await open.cipher.encrypt(...FIELDS.itemReason(itemId, version), input.reason),
        });
        await notifyExporters(deps, tx, { caseId, itemId }, 'rectified', now);
        await audit.record(tx, {
          actor: open.who,
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(input.category.slice(1)) }],
        });
        return presentItem(tx, open, row);
      });
    },

    /** ROL-09: the controller erases an item: the content of every version and attachment goes. */
    eraseItem(actor: Actor, caseId: string, itemId: string, reason: string): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'erase');
        const item = await controlledItem(tx, open, itemId, 'erase');
        if (item.erased_at) throw new DomainError('conflict', { detail: 'The item was erased already' });
        requireDesignation(open, itemRequires(item));
        refuseIfAny(shapeIssues(CorrectionRequestSchema, { text: reason }).map((i) => ({ ...i, field: '/body/reason' })));
        // RET-08 (L2007 art. 14 §7): evidence a court ordered preserved is not erased while held.
        await refuseErasureWhileHeld(tx, { caseId, itemId });
        const version = item.version + 1;
        const now = clock.now();
        await records.wipeItem(tx, itemId, now);
        const row = await records.updateItem(tx, itemId, {
          payload: null,
          version,
          erased_by: actor.userId,
          erased_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await records.itemVersion(tx, {
          item_id: itemId,
          version,
          category: item.category,
          reveals_sensitive: item.reveals_sensitive,
          criminal_related: item.criminal_related,
          payload: null,
          changed_by: actor.userId,
          changed_at: now,
          reason: await open.cipher.encrypt(...FIELDS.itemReason(itemId, version), reason),
        });
        await notifyExporters(deps, tx, { caseId, itemId }, 'erased', now);
        // SEC-11, DAT-22: the erasure is what the erasure review asked for; its task is done.
        await notifications.acknowledgeAbout(
          tx,
          { organisationId: item.controller_organisation_id, kind: 'erasure_review', subjectId: itemId },
          actor.userId,
          now,
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'erase',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
        });
        return presentItem(tx, open, row);
      });
    },

    /**
     * DAT-22, SEC-11: the controller blocks an item whose written consent was withdrawn or which was
     * obtained unlawfully. From the next request nobody sees its content and no export takes it;
     * an erasure review is opened for the controller, and organisations that copied it hear of it.
     */
    blockItem(actor: Actor, caseId: string, itemId: string, input: BlockItem): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'block');
        const item = await controlledItem(tx, open, itemId, 'block');
        refuseIfAny(shapeIssues(BlockItemSchema, input));
        if (item.erased_at || item.blocked_at) throw new DomainError('conflict', { detail: 'The item is erased or blocked already' });
        if (input.reason === 'consent_withdrawn' && (await readItemPayload(open.cipher, item)).special?.ground !== 'a') {
          refuseIfAny(
            [{ field: '/body/reason', message: 'the item does not rest on written consent (ground a)' }],
            'L2007 art. 6 §2 a), art. 7 §2 a) (SPEC DAT-22)',
          );
        }
        const now = clock.now();
        const row = await records.updateItem(tx, itemId, {
          blocked_reason: input.reason,
          blocked_by: actor.userId,
          blocked_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await notifications.notify(tx, now, [
          { organisationId: item.controller_organisation_id, kind: 'erasure_review', caseId, subjectId: itemId },
        ]);
        await notifyExporters(deps, tx, { caseId, itemId }, 'blocked', now);
        await audit.record(tx, {
          actor: open.who,
          action: 'block',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
          reason: input.reason,
        });
        return presentItem(tx, open, row);
      });
    },

    /** SEC-11: after its review, an item found lawfully obtained is released by its controller. */
    releaseItem(actor: Actor, caseId: string, itemId: string, reason: string): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'adapt');
        const item = await controlledItem(tx, open, itemId, 'adapt');
        refuseIfAny(shapeIssues(CorrectionRequestSchema, { text: reason }).map((i) => ({ ...i, field: '/body/reason' })));
        if (item.blocked_reason !== 'unlawfully_obtained') {
          // A withdrawn consent is not given back by a review: the item can only be erased.
          throw new DomainError('conflict', {
            detail: 'Only an item blocked as unlawfully obtained is released after review',
            rule: 'L2007 art. 6 §2 a) (SPEC DAT-22)',
          });
        }
        const now = clock.now();
        const row = await records.updateItem(tx, itemId, {
          blocked_reason: null,
          blocked_by: null,
          blocked_at: null,
          updated_by: actor.userId,
          updated_at: now,
        });
        // SEC-11: the review found it lawfully obtained; its task is done.
        await notifications.acknowledgeAbout(
          tx,
          { organisationId: item.controller_organisation_id, kind: 'erasure_review', subjectId: itemId },
          actor.userId,
          now,
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
          reason: 'released_after_review',
        });
        return presentItem(tx, open, row);
      });
    },

    /** SEC-11: the controller confirms the item is accurate and up to date. */
    verifyItem(actor: Actor, caseId: string, itemId: string): Promise<Item> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'organise');
        const item = await controlledItem(tx, open, itemId, 'organise');
        if (item.erased_at || item.blocked_at) throw new DomainError('conflict', { detail: 'The item is erased or blocked' });
        const now = clock.now();
        const row = await records.updateItem(tx, itemId, { last_verified_at: now, last_verified_by: actor.userId });
        await audit.record(tx, {
          actor: open.who,
          action: 'organise',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
          reason: 'verified',
        });
        return presentItem(tx, open, row);
      });
    },

    /**
     * WFL-09: a controller shares more of its compartment's records with the shared file once the
     * case is accepted; the disclosure names every organisation that now sees them.
     */
    shareRecords(actor: Actor, caseId: string, selection: Selection): Promise<{ personIds: string[]; itemIds: string[] }> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'disclose');
        refuseIfAny(shapeIssues(SelectionSchema, selection, 'body'));
        if (!OPEN_STATES.includes(open.row.state)) {
          throw new DomainError('conflict', { detail: 'Records are shared with the signal first (bill art. 2 §3 1°)', rule: 'bill art. 2 §3 1° (SPEC WFL-03)' });
        }
        const [persons, items] = await Promise.all([
          records.personsOf(tx, caseId, open.sharedOnly),
          records.itemsOf(tx, caseId, open.sharedOnly, today()),
        ]);
        const own = (row: { controller_organisation_id: string }) => row.controller_organisation_id === open.actingFor;
        const issues = selectionIssues(selection, draftRecordsOf(persons, items), { requireSubject: false });
        selection.personIds.forEach((id, index) => {
          const person = persons.find((p) => p.id === id);
          if (person && !own(person)) issues.push({ field: `/body/personIds/${index}`, message: 'only its controller shares a record' });
        });
        selection.itemIds.forEach((id, index) => {
          const item = items.find((i) => i.id === id);
          if (item && !own(item)) issues.push({ field: `/body/itemIds/${index}`, message: 'only its controller shares a record' });
        });
        refuseIfAny(issues, 'bill art. 3 §1 al. 2 (SPEC WFL-09, ROL-09)');
        // L2007 art. 9 §2 al. 1: the other parties are third parties to the controller's data.
        await refuseUninformedDisclosure(tx, selection, clock.now());
        const personIds = await records.share(tx, 'persons', caseId, selection.personIds);
        const itemIds = await records.share(tx, 'items', caseId, selection.itemIds);
        const recipients = caseAudience(open.facts)
          .map((entry) => entry.organisationId)
          .filter((organisationId, index, all) => organisationId !== open.actingFor && all.indexOf(organisationId) === index);
        if (personIds.length + itemIds.length > 0 && recipients.length > 0) {
          const category = new Map(items.map((i) => [i.id, Number(i.category.slice(1))]));
          await audit.record(tx, {
            actor: open.who,
            action: 'disclose',
            outcome: 'success',
            caseId,
            records: [
              ...personIds.map((id) => ({ type: 'person', id, category: 1 })),
              ...itemIds.map((id) => ({ type: 'item', id, category: category.get(id)! })),
            ],
            recipients: recipients.map((organisationId) => ({ organisationId })),
            justification: actor.justification ?? 'shared with the case consultation',
          });
        }
        return { personIds, itemIds };
      });
    },

    /** ROL-09: a participant that is not the controller asks it to correct an item. */
    requestCorrection(actor: Actor, caseId: string, itemId: string, input: CorrectionRequest): Promise<{ id: string }> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'collect');
        const item = await visibleItem(tx, open, itemId);
        refuseIfAny(shapeIssues(CorrectionRequestSchema, input));
        const { id, event } = await fileCorrectionRequest(deps, tx, open, item, input.text);
        await audit.record(tx, event);
        return { id };
      });
    },
  };
}

export type CaseRecords = ReturnType<typeof createCaseRecords>;
