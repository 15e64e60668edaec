/**
 * The information obligations of a controller (L2007 art. 9; L1992 arts 4 and 9; SPEC
 * RGT-INF-01..07, RGT-IND-01). Opened with each person (information-gate.ts); here the controller's
 * members list them (overdue ones for the dashboard, RGT-INF-02), record that a communication to a
 * third party is envisaged, generate the notice (JSON or PDF, four languages), and close them as
 * informed or exempted; the controller's DPO lists them and reviews the exemptions (RGT-INF-03).
 * Each use case is one transaction with its audit event; the closing user is the named decision-maker.
 */
import {
  type CloseExempted,
  CloseExemptedSchema,
  type CloseInformed,
  CloseInformedSchema,
  type InformationObligation,
  type ObligationList,
  type ObligationListQuery,
  ObligationListQuerySchema,
} from '../../../contracts/information-notices.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Language } from '../../../contracts/language.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { registerNumbersOf } from '../declarations/declared-processing.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import { type CaseDeps, caseScope } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type {
  FrameworkBasis,
  InformationObligationsRepository,
  ObligationRow,
} from './information-obligations.repository.js';
import {
  dueOn,
  EXEMPTION_RULE,
  exemptionIssues,
  INDIRECT_RULE,
  INFORMATION_RULE,
  informedIssues,
  isOverdue,
  RESTRICTION_RULE,
} from './information-rules.js';
import { restrictedPersons } from './information-gate.js';
import { type NoticeFacts, noticeJson, noticePdfSpec } from './notice-document.js';
import { hostIdentity } from '../processors/processor-facts.js';

export interface InformationServiceDeps extends CaseDeps {
  obligations: InformationObligationsRepository;
}

export interface NoticeFile {
  filename: string;
  mediaType: 'application/json' | 'application/pdf';
  content: Buffer;
}

/** The exemption's justification, encrypted under the case key (ARCHITECTURE §3.3). */
const JUSTIFICATION = (id: string) => [`information_obligation:${id}:exemption`, 1] as const;
const auditRef = (id: string) => ({ type: 'information_obligation', id });
const REVIEW_JUSTIFICATION = 'information obligations of the controller (L2007 art. 9)';

interface Entered {
  context: AccessContext;
  decision: Allowed;
}

/** The framework's legal basis as cited: the law, decree or ordinance, or the prosecutor's authorisation (SPEC SCO-03). */
function basisCitation(basis: FrameworkBasis): string {
  const act = [basis.basis_title, basis.basis_date, basis.basis_article].filter(Boolean).join(', ');
  const authorisation = basis.authorisation_reference
    ? [basis.authorisation_reference, basis.authorisation_date].filter(Boolean).join(', ')
    : '';
  return [act, authorisation, basis.processing_basis_citation ?? ''].filter((part) => part !== '').join('; ');
}

export function createInformationService(deps: InformationServiceDeps) {
  const { db, cases, obligations, access, audit, envelope, clock } = deps;
  const today = () => brusselsDateOf(clock.now());

  async function enter(
    tx: Tx,
    actor: Actor,
    action: 'information.keep' | 'information.review',
    auditAction: AuditAction,
  ): Promise<Entered> {
    const context = await access.enter(tx, actor);
    return { context, decision: access.require(context, { action }, auditAction) };
  }

  /** An obligation of the actor's own organisation, as its keeper; anyone else may not learn it exists. */
  async function ownObligation(
    tx: Tx,
    actor: Actor,
    id: string,
    auditAction: AuditAction,
    lock: boolean,
  ): Promise<Entered & { row: ObligationRow }> {
    const entered = await enter(tx, actor, 'information.keep', auditAction);
    refuseIfAny(shapeIssues(IdSchema, id, 'params/obligationId'));
    const row = lock ? await obligations.lock(tx, id) : await obligations.byId(tx, id);
    if (!row || row.controller_organisation_id !== entered.decision.via) {
      throw new DomainError('not_found', { detail: 'No such information obligation' });
    }
    return { ...entered, row };
  }

  /** RGT-INF-07: while a bill art. 7 restriction covers the person's information, no notice and no closing. */
  async function refuseRestricted(tx: Tx, row: ObligationRow): Promise<void> {
    if ((await restrictedPersons(tx, [row.person_id], clock.now())).size > 0) {
      throw new DomainError('conflict', {
        detail: "The prosecutor restricted this person's right to information: the notice is suspended",
        rule: RESTRICTION_RULE,
      });
    }
  }

  /** RGT-IND-01: an indirect-regime obligation has no notice and is not closed. */
  function requireOpen(row: ObligationRow): void {
    if (row.status === 'indirect_regime') {
      throw new DomainError('conflict', {
        detail:
          'The controller is under the indirect regime: the person exercises the rights through the Commission',
        rule: INDIRECT_RULE,
      });
    }
    if (row.status !== 'open') {
      throw new DomainError('conflict', {
        detail: 'The information obligation was closed already',
        rule: INFORMATION_RULE,
      });
    }
  }

  async function present(
    tx: Tx,
    rows: readonly ObligationRow[],
    keeperOf: string | null,
  ): Promise<InformationObligation[]> {
    const [organisations, users] = await Promise.all([
      cases.organisations(
        tx,
        rows.map((row) => row.controller_organisation_id),
      ),
      obligations.userNames(
        tx,
        rows.flatMap((row) => (row.closed_by ? [row.closed_by] : [])),
      ),
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.legal_name]));
    const ciphers = new Map<string, Awaited<ReturnType<typeof envelope.openScope>>>();
    const cipherOf = async (caseId: string) => {
      if (!ciphers.has(caseId)) ciphers.set(caseId, await envelope.openScope(tx, caseScope(caseId)));
      return ciphers.get(caseId)!;
    };
    const now = today();
    const restricted = await restrictedPersons(
      tx,
      rows.filter((row) => row.status === 'open').map((row) => row.person_id),
      clock.now(),
    );
    return Promise.all(
      rows.map(async (row): Promise<InformationObligation> => {
        const restrictionId = row.status === 'open' ? (restricted.get(row.person_id) ?? null) : null;
        const timing = {
          status: row.status,
          recordedOn: row.recorded_on,
          disclosureEnvisaged: row.disclosure_envisaged_at !== null,
        };
        // RGT-INF-07: a restriction suspends the notice; the obligation waits for its end.
        const keeps =
          keeperOf === row.controller_organisation_id && row.status !== 'indirect_regime' && !restrictionId;
        const closedBy = row.closed_by ? (users.get(row.closed_by) ?? '') : '';
        return {
          id: row.id,
          caseId: row.case_id,
          personId: row.person_id,
          personRole: row.person_role,
          controller: {
            id: row.controller_organisation_id,
            legalName: names.get(row.controller_organisation_id) ?? '',
          },
          collection: row.collection,
          status: restrictionId ? 'restricted' : row.status,
          recordedOn: row.recorded_on,
          dueOn: dueOn(timing),
          dueAtFirstDisclosure: timing.disclosureEnvisaged,
          overdue: !restrictionId && isOverdue(timing, now),
          informed:
            row.status === 'informed'
              ? {
                  noticeVersion: row.notice_version!,
                  informedOn: row.informed_on!,
                  channel: row.channel as 'letter',
                  by: closedBy,
                  at: new Date(row.closed_at!).toISOString(),
                }
              : null,
          exemption:
            row.status === 'exempted'
              ? {
                  ground: row.exemption_ground as 'legal_provision',
                  legalReference: row.exemption_reference,
                  justification: await (await cipherOf(row.case_id)).decryptText(
                    ...JUSTIFICATION(row.id),
                    row.exemption_justification!,
                  ),
                  decidedBy: closedBy,
                  decidedAt: new Date(row.closed_at!).toISOString(),
                }
              : null,
          restrictionId,
          allowedActions: keeps
            ? [
                ...(row.status === 'open' ? (['close'] as const) : []),
                ...(row.status === 'open' && !timing.disclosureEnvisaged
                  ? (['envisage_disclosure'] as const)
                  : []),
                'notice' as const,
              ]
            : [],
        };
      }),
    );
  }

  async function presentOne(tx: Tx, row: ObligationRow, keeperOf: string): Promise<InformationObligation> {
    const [presented] = await present(tx, [row], keeperOf);
    return presented!;
  }

  async function record(tx: Tx, entered: Entered, row: ObligationRow, action: AuditAction, reason: string) {
    await audit.record(tx, {
      actor: auditActorOf(entered.context, entered.decision),
      action,
      outcome: 'success',
      caseId: row.case_id,
      records: [auditRef(row.id), { type: 'person', id: row.person_id, category: 1 }],
      reason,
    });
  }

  /** The facts of the notice: controller, host, framework, purposes, categories, recipients. */
  async function noticeFacts(tx: Tx, row: ObligationRow, actor: Actor, at: Date): Promise<NoticeFacts> {
    const kase = await cases.caseById(tx, row.case_id);
    if (!kase) throw new DomainError('not_found', { detail: 'No such information obligation' });
    const [controller, host, framework, basis, categories] = await Promise.all([
      obligations.organisation(tx, row.controller_organisation_id),
      // SPEC PRC-09: the processor (host) of this controller, as the processor registry names it.
      hostIdentity(tx, row.controller_organisation_id),
      cases.frameworkOf(tx, kase.framework_id),
      obligations.frameworkBasis(tx, kase.framework_id),
      obligations.categoriesAbout(tx, row.person_id, row.controller_organisation_id),
    ]);
    const recipientIds = [framework?.organiser_organisation_id, ...(framework?.participant_ids ?? [])].filter(
      (id): id is string => typeof id === 'string',
    );
    const recipients = await cases.organisations(tx, recipientIds);
    const c = controller!;
    return {
      obligationId: row.id,
      controller: {
        legalName: c.legal_name,
        address: c.address,
        enterpriseNumber: c.enterprise_number,
        representative:
          c.be_representative_name && c.be_representative_address
            ? { name: c.be_representative_name, address: c.be_representative_address }
            : null,
        rightsContact: c.rights_contact,
        dpo: c.dpo_name && c.dpo_contact ? { name: c.dpo_name, contact: c.dpo_contact } : null,
        mission: c.mission_citation,
        processingManager:
          c.processing_manager_name && c.processing_manager_address
            ? { name: c.processing_manager_name, address: c.processing_manager_address }
            : null,
      },
      host: host ? { legalName: host.legalName, address: host.address, enterpriseNumber: host.enterpriseNumber } : null,
      purposes: kase.purposes as PurposeCode[],
      framework: basis ? basisCitation(basis) : '',
      // The identification data (bill art. 2 §2 al. 1 1°) are concerned for every person.
      categories: [...new Set(['C01', ...categories])] as CategoryCode[],
      recipients: recipients.filter((o) => o.id !== row.controller_organisation_id).map((o) => o.legal_name),
      // SPEC RGT-INF-05, DCL-24: the register number of the controller's processing in this framework.
      registerReference: (await registerNumbersOf(tx, row.controller_organisation_id, [kase.framework_id])).join(', ') || null,
      generatedBy: actor.userId,
      generatedAt: at,
    };
  }

  return {
    /**
     * RGT-INF-02, RGT-INF-03: the obligations of the actor's organisation ('overdue' for the
     * dashboard, 'exempted' for the DPO's review), for its members and its DPO.
     */
    listObligations(actor: Actor, query: ObligationListQuery): Promise<ObligationList> {
      return refusable(db, audit, async (tx) => {
        const entered = await enter(tx, actor, 'information.review', 'consult');
        refuseIfAny(shapeIssues(ObligationListQuerySchema, query, 'querystring'));
        const filter = query.filter ?? 'all';
        const controller = entered.decision.via!;
        const rows = await obligations.ofController(tx, controller, {
          ...(query.caseId && { caseId: query.caseId }),
          ...(filter === 'open' || filter === 'overdue' ? { status: 'open' as const } : {}),
          ...(filter === 'exempted' ? { status: 'exempted' as const } : {}),
        });
        const now = today();
        const chosen =
          filter === 'overdue'
            ? rows.filter((row) =>
                isOverdue(
                  {
                    status: row.status,
                    recordedOn: row.recorded_on,
                    disclosureEnvisaged: row.disclosure_envisaged_at !== null,
                  },
                  now,
                ),
              )
            : rows;
        // The DPO reviews; only the controller's keepers act on an obligation.
        const keeps = decide(entered.context.facts, { action: 'information.keep' }).allowed;
        const presented = await present(tx, chosen, keeps ? controller : null);
        // A restricted obligation waits for the restriction's end: it is not overdue (RGT-INF-07).
        const list = filter === 'overdue' ? presented.filter((o) => o.overdue) : presented;
        if (list.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(entered.context, entered.decision),
            action: 'consult',
            outcome: 'success',
            records: list.map((o) => auditRef(o.id)),
            justification: actor.justification ?? REVIEW_JUSTIFICATION,
            reason: `information_obligations_${filter}`,
          });
        }
        return { obligations: list };
      });
    },

    /** art. 9 §2 al. 1: a communication to a third party is envisaged; the information is due at the latest then. */
    envisageDisclosure(actor: Actor, obligationId: string): Promise<InformationObligation> {
      return refusable(db, audit, async (tx) => {
        const entered = await ownObligation(tx, actor, obligationId, 'organise', true);
        requireOpen(entered.row);
        if (entered.row.disclosure_envisaged_at) {
          throw new DomainError('conflict', {
            detail: 'A disclosure to a third party was recorded as envisaged already',
          });
        }
        if (await obligations.personShared(tx, entered.row.person_id)) {
          throw new DomainError('conflict', {
            detail:
              "The person was shared with the case's parties already: that was the first disclosure, and the information is due",
            rule: INFORMATION_RULE,
          });
        }
        const row = await obligations.update(tx, obligationId, {
          disclosure_envisaged_by: actor.userId,
          disclosure_envisaged_at: clock.now(),
        });
        await record(tx, entered, row, 'organise', 'information_disclosure_envisaged');
        return presentOne(tx, row, entered.decision.via!);
      });
    },

    /** RGT-INF-01, RGT-INF-02: informed, with the notice version, date, channel and the named user. */
    closeInformed(actor: Actor, obligationId: string, input: CloseInformed): Promise<InformationObligation> {
      return refusable(db, audit, async (tx) => {
        const entered = await ownObligation(tx, actor, obligationId, 'organise', true);
        requireOpen(entered.row);
        await refuseRestricted(tx, entered.row);
        refuseIfAny(shapeIssues(CloseInformedSchema, input));
        refuseIfAny(informedIssues(input, entered.row.recorded_on, today()), INFORMATION_RULE);
        const row = await obligations.update(tx, obligationId, {
          status: 'informed',
          notice_version: input.noticeVersion,
          informed_on: input.informedOn,
          channel: input.channel,
          closed_by: actor.userId,
          closed_at: clock.now(),
        });
        await record(tx, entered, row, 'organise', 'information_given');
        return presentOne(tx, row, entered.decision.via!);
      });
    },

    /** RGT-INF-03, RGT-INF-06: exempted on ground a), b) or a royal decree's collective procedure, with reasons. */
    closeExempted(actor: Actor, obligationId: string, input: CloseExempted): Promise<InformationObligation> {
      return refusable(db, audit, async (tx) => {
        const entered = await ownObligation(tx, actor, obligationId, 'organise', true);
        requireOpen(entered.row);
        refuseIfAny(shapeIssues(CloseExemptedSchema, input));
        refuseIfAny(exemptionIssues(input), EXEMPTION_RULE);
        const cipher = await envelope.openScope(tx, caseScope(entered.row.case_id));
        const row = await obligations.update(tx, obligationId, {
          status: 'exempted',
          exemption_ground: input.ground,
          exemption_reference: input.legalReference ?? null,
          exemption_justification: await cipher.encrypt(...JUSTIFICATION(obligationId), input.justification),
          closed_by: actor.userId,
          closed_at: clock.now(),
        });
        await record(tx, entered, row, 'organise', 'information_exempted');
        return presentOne(tx, row, entered.decision.via!);
      });
    },

    /** RGT-INF-01, RGT-INF-05: the controller's notice for the person, in the person's language. */
    notice(
      actor: Actor,
      obligationId: string,
      format: 'json' | 'pdf',
      language: Language,
    ): Promise<NoticeFile> {
      return refusable(db, audit, async (tx) => {
        const entered = await ownObligation(tx, actor, obligationId, 'retrieve', false);
        if (entered.row.status === 'indirect_regime') requireOpen(entered.row);
        await refuseRestricted(tx, entered.row);
        const now = clock.now();
        const facts = await noticeFacts(tx, entered.row, actor, now);
        const content =
          format === 'json'
            ? Buffer.from(`${JSON.stringify(noticeJson(facts, language), null, 2)}\n`, 'utf8')
            : await renderPdf(noticePdfSpec(facts, language));
        await record(tx, entered, entered.row, 'retrieve', `information_notice_${format}`);
        return {
          filename: `concerto-information-notice-${obligationId}-${language}.${format}`,
          mediaType: format === 'json' ? 'application/json' : 'application/pdf',
          content,
        };
      });
    },
  };
}

export type InformationService = ReturnType<typeof createInformationService>;
