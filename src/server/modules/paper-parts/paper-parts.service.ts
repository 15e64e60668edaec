/**
 * The register of the paper parts of a shared file (SPEC SCO-09, FIL-10; bill Comm. art. 3: the
 * shared file may be physical; L2007 art. 3 §1: non-automated processing of data in a file is
 * processing too). A participant registers a paper annex it holds, with its content index, place
 * and custodian; it stays the paper's controller (bill art. 3 §1 al. 2) and alone changes, shares
 * or confirms the destruction of it (SPEC ROL-09). Readers follow the rule of the case's records:
 * the compartment before signalling, the shared file's parties once shared. Each use case is one
 * transaction with its audit event; every read is a consult event.
 */
import { randomUUID } from 'node:crypto';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ConfirmDestruction,
  ConfirmDestructionSchema,
  type PaperPart,
  type PaperPartList,
  type RegisterPaperPart,
  RegisterPaperPartSchema,
  type UpdatePaperPart,
  UpdatePaperPartSchema,
} from '../../../contracts/paper-parts.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { OPEN_STATES } from '../access/case-actions.js';
import { caseAudience } from '../access/case-audience.js';
import { decide } from '../access/decide.js';
import { requireDesignated } from '../access/record-visibility.js';
import { type CaseDeps, caseOpener, type OpenCase } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { destructionIssues, PAPER_PART_RULE, paperPartIssues, type RuledIssue } from './paper-part-rules.js';
import { PAPER_FIELDS, paperRequires, presentPaperPart, usersNamedBy } from './paper-part-presenter.js';
import type { LinkedPaperPartRow, PaperPartRow, PaperPartsRepository } from './paper-parts.repository.js';

export interface PaperPartServiceDeps extends CaseDeps {
  paperParts: PaperPartsRepository;
}

const SHARE_RULE = 'bill art. 2 §3 1° (SPEC WFL-03, WFL-09)';

/** Refuses `issues` whole, citing every rule they apply. */
function refuseRuled(issues: readonly RuledIssue[]): void {
  if (issues.length === 0) return;
  refuseIfAny(
    issues.map(({ field, message }) => ({ field, message })),
    [...new Set(issues.map((issue) => issue.rule))].join('; '),
  );
}

const auditRef = (id: string) => ({ type: 'paper_part', id });

export function createPaperPartService(deps: PaperPartServiceDeps) {
  const { db, cases, records, paperParts, access, audit, clock } = deps;
  const openCase = caseOpener(deps);

  /** ROL-09 (by analogy): only the holder's members change the register of its paper. */
  function requireHolder(
    open: OpenCase,
    row: PaperPartRow,
    action: 'case.contribute' | 'case.confirm_destruction',
    auditAction: AuditAction,
  ): void {
    access.require(
      open.context,
      { action, kase: open.facts, owner: row.controller_organisation_id },
      auditAction,
      open.row.id,
    );
  }

  /** What the reader may do to `row` now, as `decide` says (for the web app). */
  function actionsFor(open: OpenCase) {
    const allowed = (row: LinkedPaperPartRow, action: 'case.contribute' | 'case.confirm_destruction') =>
      decide(open.context.facts, { action, kase: open.facts, owner: row.controller_organisation_id }).allowed;
    return (row: LinkedPaperPartRow): PaperPart['allowedActions'] => {
      if (row.destroyed_on !== null) return [];
      const edit = allowed(row, 'case.contribute');
      return [
        ...(edit ? (['edit'] as const) : []),
        ...(edit && !row.shared && OPEN_STATES.includes(open.row.state) ? (['share'] as const) : []),
        ...(allowed(row, 'case.confirm_destruction') ? (['confirm_destruction'] as const) : []),
      ];
    };
  }

  async function present(tx: Tx, open: OpenCase, rows: readonly LinkedPaperPartRow[]): Promise<PaperPart[]> {
    const [organisations, userNames] = await Promise.all([
      cases.organisations(
        tx,
        rows.map((row) => row.controller_organisation_id),
      ),
      cases.userNames(tx, usersNamedBy(rows)),
    ]);
    const context = {
      cipher: open.cipher,
      organisationNames: new Map(organisations.map((o) => [o.id, o.legal_name])),
      userNames,
      designations: open.context.facts.designations,
      actionsOf: actionsFor(open),
    };
    return Promise.all(rows.map((row) => presentPaperPart(row, context)));
  }

  /** The paper part as it is now, read back with its persons. */
  async function presentOne(tx: Tx, open: OpenCase, id: string): Promise<PaperPart> {
    const [part] = await present(tx, open, [(await paperParts.byId(tx, open.row.id, id))!]);
    return part!;
  }

  /** A paper part the reader sees; anyone else may not learn it exists. */
  async function visiblePart(tx: Tx, open: OpenCase, id: string): Promise<LinkedPaperPartRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/paperPartId'));
    const row = await paperParts.byId(tx, open.row.id, id);
    if (!row || (open.sharedOnly && !row.shared))
      throw new DomainError('not_found', { detail: 'No such paper part' });
    return row;
  }

  /**
   * A paper part its holder changes, locked. The holder is checked on the plain read first: another
   * participant learns it is not theirs (403); row-level security then grants the lock to the holder only.
   */
  async function heldPart(
    tx: Tx,
    open: OpenCase,
    id: string,
    action: 'case.contribute' | 'case.confirm_destruction',
    auditAction: AuditAction,
  ): Promise<LinkedPaperPartRow> {
    requireHolder(open, await visiblePart(tx, open, id), action, auditAction);
    await paperParts.lock(tx, open.row.id, id);
    // Read again under the lock: a concurrent change or destruction has committed by now.
    const row = (await paperParts.byId(tx, open.row.id, id))!;
    if (row.destroyed_on !== null) {
      throw new DomainError('conflict', {
        detail: 'The paper part was destroyed: its register entry is final',
        rule: PAPER_PART_RULE,
      });
    }
    return row;
  }

  /** DAT-19: only a person designated for every special category the paper holds records it. */
  function requireDesignation(open: OpenCase, categories: readonly string[]): void {
    requireDesignated(open.context.facts.designations, paperRequires(categories), 'record such information');
  }

  /** The input checked whole against the case, then its persons still in the compartment (WFL-03). */
  async function checked(tx: Tx, open: OpenCase, input: RegisterPaperPart): Promise<Set<string>> {
    const [framework, persons, custodian] = await Promise.all([
      cases.frameworkOf(tx, open.row.framework_id),
      records.personsOf(tx, open.row.id, open.sharedOnly),
      input.custodianUserId ? paperParts.activeMember(tx, open.actingFor, input.custodianUserId) : undefined,
    ]);
    refuseRuled(
      paperPartIssues(input, {
        allowedCategories: (framework?.allowed_categories ?? []) as CategoryCode[],
        persons: new Set(persons.map((person) => person.id)),
        custodianIsMember: custodian !== undefined,
      }),
    );
    requireDesignation(open, input.categories);
    return new Set(persons.filter((p) => !p.shared && input.personIds.includes(p.id)).map((p) => p.id));
  }

  async function sealed(open: OpenCase, id: string, version: number, input: RegisterPaperPart) {
    return {
      content: await open.cipher.encrypt(
        ...PAPER_FIELDS.content(id, version),
        JSON.stringify({ description: input.description, contentIndex: input.contentIndex }),
      ),
      custody: await open.cipher.encrypt(
        ...PAPER_FIELDS.custody(id, version),
        JSON.stringify({ location: input.location, custodianFunction: input.custodianFunction ?? null }),
      ),
    };
  }

  return {
    /** The paper parts of the case the reader sees, with what it may do to each. */
    listPaperParts(actor: Actor, caseId: string): Promise<PaperPartList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const rows = await paperParts.ofCase(tx, caseId, open.sharedOnly);
        const list = await present(tx, open, rows);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'case', id: caseId }, ...rows.map((row) => auditRef(row.id))],
          justification: actor.justification!,
          reason: 'paper_parts',
        });
        return { paperParts: list };
      });
    },

    /**
     * SCO-09: the acting organisation registers a paper annex it holds and becomes its controller.
     * Before signalling it stays in the compartment; once the case is accepted it is shared, unless
     * it is about a person still in the compartment (WFL-03).
     */
    registerPaperPart(actor: Actor, caseId: string, input: RegisterPaperPart): Promise<PaperPart> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'collect');
        refuseIfAny(shapeIssues(RegisterPaperPartSchema, input));
        const withCompartmentPersons = (await checked(tx, open, input)).size > 0;
        const id = randomUUID();
        const now = clock.now();
        const texts = await sealed(open, id, 1, input);
        const row = await paperParts.insert(tx, {
          id,
          case_id: caseId,
          controller_organisation_id: open.actingFor,
          shared: OPEN_STATES.includes(open.row.state) && !withCompartmentPersons,
          categories: input.categories,
          page_count: input.pageCount ?? null,
          custodian_user_id: input.custodianUserId ?? null,
          ...texts,
          registered_by: actor.userId,
          registered_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await paperParts.setPersons(tx, id, input.personIds);
        await paperParts.version(tx, {
          paper_part_id: id,
          version: 1,
          categories: row.categories,
          page_count: row.page_count,
          custodian_user_id: row.custodian_user_id,
          ...texts,
          changed_by: actor.userId,
          changed_at: now,
          reason: null,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'collect',
          outcome: 'success',
          caseId,
          records: [auditRef(id)],
        });
        return presentOne(tx, open, id);
      });
    },

    /** ROL-09: the holder corrects the register (moved, other custodian, index completed); each change a version with its reason. */
    updatePaperPart(
      actor: Actor,
      caseId: string,
      paperPartId: string,
      input: UpdatePaperPart,
    ): Promise<PaperPart> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'adapt');
        const part = await heldPart(tx, open, paperPartId, 'case.contribute', 'adapt');
        refuseIfAny(shapeIssues(UpdatePaperPartSchema, input));
        const unshared = await checked(tx, open, input);
        // WFL-03: a shared paper part may not come to be about a person still in the compartment.
        refuseRuled(
          part.shared
            ? input.personIds.flatMap((id, index) =>
                unshared.has(id)
                  ? [
                      {
                        field: `/body/personIds/${index}`,
                        message: 'is still in the compartment: share this person first',
                        rule: SHARE_RULE,
                      },
                    ]
                  : [],
              )
            : [],
        );
        requireDesignation(open, part.categories);
        const version = part.version + 1;
        const now = clock.now();
        const texts = await sealed(open, paperPartId, version, input);
        await paperParts.update(tx, paperPartId, {
          categories: input.categories,
          page_count: input.pageCount ?? null,
          custodian_user_id: input.custodianUserId ?? null,
          ...texts,
          version,
          updated_by: actor.userId,
          updated_at: now,
        });
        await paperParts.setPersons(tx, paperPartId, input.personIds);
        await paperParts.version(tx, {
          paper_part_id: paperPartId,
          version,
          categories: input.categories,
          page_count: input.pageCount ?? null,
          custodian_user_id: input.custodianUserId ?? null,
          ...texts,
          changed_by: actor.userId,
          changed_at: now,
          reason: await open.cipher.encrypt(...PAPER_FIELDS.reason(paperPartId, version), input.reason),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'adapt',
          outcome: 'success',
          caseId,
          records: [auditRef(paperPartId)],
        });
        return presentOne(tx, open, paperPartId);
      });
    },

    /**
     * WFL-09: the holder shares a paper part it registered in the compartment with the shared file
     * once the case is accepted; the disclosure names every organisation that now sees it.
     */
    sharePaperPart(actor: Actor, caseId: string, paperPartId: string): Promise<PaperPart> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'disclose');
        const part = await heldPart(tx, open, paperPartId, 'case.contribute', 'disclose');
        if (!OPEN_STATES.includes(open.row.state)) {
          throw new DomainError('conflict', {
            detail: 'Records are shared with the signal first (bill art. 2 §3 1°)',
            rule: SHARE_RULE,
          });
        }
        if (part.shared)
          throw new DomainError('conflict', { detail: 'The paper part is shared already', rule: SHARE_RULE });
        const persons = await records.personsOf(tx, caseId, open.sharedOnly);
        if (persons.some((person) => !person.shared && part.person_ids.includes(person.id))) {
          throw new DomainError('conflict', {
            detail: 'It is about a person still in the compartment: share that person first',
            rule: SHARE_RULE,
          });
        }
        await paperParts.update(tx, paperPartId, {
          shared: true,
          updated_by: actor.userId,
          updated_at: clock.now(),
        });
        const recipients = [...new Set(caseAudience(open.facts).map((entry) => entry.organisationId))].filter(
          (organisationId) => organisationId !== open.actingFor,
        );
        if (recipients.length > 0) {
          await audit.record(tx, {
            actor: open.who,
            action: 'disclose',
            outcome: 'success',
            caseId,
            records: [auditRef(paperPartId)],
            recipients: recipients.map((organisationId) => ({ organisationId })),
            justification: actor.justification ?? 'shared with the case consultation',
          });
        }
        return presentOne(tx, open, paperPartId);
      });
    },

    /**
     * SCO-09: a named member of the holder confirms that the paper was destroyed, on a day between
     * its registration and today, and why: at the end of retention (the task issue 6's retention
     * job generates) or on the holder's decision. Also on a closed case (WFL-11 leaves this open).
     */
    confirmDestruction(
      actor: Actor,
      caseId: string,
      paperPartId: string,
      input: ConfirmDestruction,
    ): Promise<PaperPart> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.confirm_destruction', 'destroy');
        const part = await heldPart(tx, open, paperPartId, 'case.confirm_destruction', 'destroy');
        refuseIfAny(shapeIssues(ConfirmDestructionSchema, input));
        const now = clock.now();
        refuseRuled(
          destructionIssues(input, brusselsDateOf(new Date(part.registered_at)), brusselsDateOf(now)),
        );
        await paperParts.update(tx, paperPartId, {
          destroyed_on: input.destroyedOn,
          destruction_confirmed_by: actor.userId,
          destruction_confirmed_at: now,
          destruction_reason: await open.cipher.encrypt(
            ...PAPER_FIELDS.destruction(paperPartId),
            input.reason,
          ),
          updated_by: actor.userId,
          updated_at: now,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'destroy',
          outcome: 'success',
          caseId,
          records: [auditRef(paperPartId)],
        });
        return presentOne(tx, open, paperPartId);
      });
    },
  };
}

export type PaperPartService = ReturnType<typeof createPaperPartService>;
