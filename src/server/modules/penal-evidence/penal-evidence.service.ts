/**
 * The controller's penal evidence (L1992 arts 38-39; SPEC PEN-01, PEN-02, PEN-04..PEN-10): the
 * reports its DPO produces to show that the duties whose breach those articles punish were met.
 * Each report is one transaction: the access module allows the controller's DPO
 * (`penal_evidence.read`), the controller's desk is entered (row-level security then shows that
 * controller's records only, migration 0023, behind the secrecy gate of the rights desk), the
 * report is read, and its reading is audited as a consultation (JSON) or an extraction (CSV, PDF)
 * naming the controller and the items a report lists, never their content.
 */

import type { PurposeCode } from '../../../contracts/legal-codes.js';
import {
  type EvidencePack,
  type EvidencePackQuery,
  EvidencePackQuerySchema,
  type EvidenceReportQuery,
  EvidenceReportQuerySchema,
  type LeakTrace,
  type LeakTraceQuery,
  LeakTraceQuerySchema,
  type SlaReportQuery,
  SlaReportQuerySchema,
} from '../../../contracts/penal-evidence.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { startOfBrusselsDay } from '../../kernel/legal-rules/brussels-time.js';
import { addDays } from '../../kernel/legal-rules/civil-date.js';
import { brusselsDateOf, type LegalRules, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { FIELDS } from '../cases/case-fields.js';
import type { ItemPayload } from '../cases/case-presenter.js';
import { caseScope } from '../cases/open-case.js';
import { buildStatement } from '../declarations/controller-reports.js';
import type { ControllerReportsRepository } from '../declarations/controller-reports.repository.js';
import { dayIssues } from '../declarations/declaration-rules.js';
import type { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { controllerRegisterNumbers } from '../declarations/declared-processing.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { restrictedPersons } from '../information-notices/information-gate.js';
import { interconnectionStatement } from '../interconnections/interconnection-statement.js';
import type { InterconnectionsRepository } from '../interconnections/interconnections.repository.js';
import { accessPermissionSnapshot, PERMISSIONS_RULE } from './access-permissions.js';
import { accessRequestSla, SLA_RULE } from './access-request-sla.js';
import { CONTESTED_RULE, contestedDisclosures } from './contested-flags.js';
import { declarationConformityReport } from './declaration-conformity-report.js';
import { COVERAGE_RULE, declarationCoverage } from './declaration-coverage.js';
import {
  conformityCsv,
  coverageCsv,
  type EvidenceFile,
  evidenceJson,
  inventoryCsv,
  minimisationCsv,
  overdueCsv,
  slaCsv,
  uninformedCsv,
} from './evidence-files.js';
import { evidencePackPdfSpec } from './evidence-pack-document.js';
import { LEAK_TRACE_RULE, readWatermark } from './leak-trace.js';
import { MINIMISATION_RULE, missingGrounds } from './minimisation-grounds.js';
import { OVERDUE_RULE, overdueInformation } from './overdue-information.js';
import type { PenalEvidenceRepository, Period } from './penal-evidence.repository.js';
import { presentRefusedDisclosures, RECIPIENTS_RULE } from './refused-disclosures.js';
import { inventoryTemplates, TEMPLATE_RULE } from './template-inventory.js';
import { UNINFORMED_RULE, uninformedCollections } from './uninformed-collections.js';

export interface PenalEvidenceDeps {
  db: Db;
  evidence: PenalEvidenceRepository;
  declarations: DeclarationsRepository;
  /** SEC-13: the processing statement is read as the declarations module reads it. */
  reports: ControllerReportsRepository;
  interconnections: InterconnectionsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
  envelope: Envelope;
}

export const PACK_RULE = 'L1992 art. 38: arts 15 and 16 §1 (SPEC PEN-01)';
/** Why the controller's records are read: the audit log's justification (ARCHITECTURE §3.4). */
const JUSTIFICATION = 'penal evidence of the controller (L1992 arts 38-39)';

interface Desk {
  controller: { id: string; legalName: string };
  kind: string;
  dpRegime: string;
  registerNumbers: string[];
  now: Date;
  /** Records a report names beyond the controller (the items it lists), for the audit event. */
  named: AuditRecordRef[];
}

const head = (desk: Desk, rule: string) => ({
  controller: desk.controller,
  generatedAt: desk.now.toISOString(),
  registerNumbers: desk.registerNumbers,
  rule,
});

/** A period of Brussels days, from its first day's start to the start of the day after its last. */
function periodOf(from: string, to: string): Period {
  return {
    from: startOfBrusselsDay(parseCivilDate(from)),
    until: startOfBrusselsDay(addDays(parseCivilDate(to), 1)),
  };
}

export function createPenalEvidenceService(deps: PenalEvidenceDeps) {
  const { db, evidence, declarations, reports, interconnections, access, audit, clock, rules, envelope } =
    deps;

  /** The actor's controller's desk, for its DPO only; `report` names the audit event's reason. */
  function atDesk<T>(
    actor: Actor,
    report: string,
    format: string,
    work: (tx: Tx, desk: Desk) => Promise<T>,
  ): Promise<T> {
    const action: AuditAction = format === 'json' ? 'consult' : 'retrieve';
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'penal_evidence.read' }, action);
      await access.enterControllerDesk(tx, actor, action);
      const controllerId = actor.organisationId;
      const organisation = await evidence.organisation(tx, controllerId);
      const desk: Desk = {
        controller: { id: organisation.id, legalName: organisation.legal_name },
        kind: organisation.kind,
        dpRegime: organisation.dp_regime,
        registerNumbers: await controllerRegisterNumbers(tx, controllerId),
        now: clock.now(),
        named: [],
      };
      const result = await work(tx, desk);
      await audit.record(tx, {
        actor: auditActorOf(context, decision),
        action,
        outcome: 'success',
        records: [{ type: 'organisation', id: controllerId }, ...desk.named.slice(0, 900)],
        justification: JUSTIFICATION,
        reason: `penal_evidence_${report}`,
      });
      return result;
    });
  }

  const formatOf = (query: EvidenceReportQuery | SlaReportQuery) => query.format ?? 'json';

  /** SEC-13 over the period, as the declarations module states it (controller-reports.service.ts). */
  async function statementOf(tx: Tx, desk: Desk, query: EvidencePackQuery, period: Period) {
    const controllerId = desk.controller.id;
    const frameworkIds = (await declarations.frameworksOfParty(tx, controllerId)).map((f) => f.id);
    const [categories, consultations, recipients, frameworks, linked] = await Promise.all([
      reports.categoryCounts(tx, controllerId, period),
      reports.consultations(tx, controllerId, period),
      reports.recipients(tx, controllerId, period),
      declarations.frameworks(tx, frameworkIds),
      interconnectionStatement(tx, interconnections, { controllerId, from: period.from, to: period.until }),
    ]);
    return buildStatement({
      language: query.language ?? 'fr',
      controller: desk.controller,
      registerNumbers: desk.registerNumbers,
      generatedAt: desk.now,
      period: { from: query.from, to: query.to },
      purposes: [...new Set(frameworks.flatMap((f) => f.purposes))] as PurposeCode[],
      categories,
      consultations,
      recipients,
      interconnections: linked,
    });
  }

  async function conformity(tx: Tx, desk: Desk) {
    return declarationConformityReport({ declarations, rules }, tx, head(desk, ''));
  }

  return {
    /** PEN-01 (and PEN-09 within): the five kinds of evidence of art. 38 for a period. */
    art38Pack(actor: Actor, query: EvidencePackQuery): Promise<EvidenceFile> {
      const format = query.format ?? 'json';
      return atDesk(actor, 'art_38_pack', format, async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidencePackQuerySchema, query, 'querystring'));
        const today = brusselsDateOf(desk.now);
        refuseIfAny([
          ...dayIssues('/querystring/from', query.from, today),
          ...dayIssues('/querystring/to', query.to, today, {
            day: query.from,
            what: 'the start of the period',
          }),
        ]);
        const period = periodOf(query.from, query.to);
        const controllerId = desk.controller.id;
        const [exports, consultations, externals] = await Promise.all([
          evidence.exportsOf(tx, controllerId, period),
          evidence.consultationsOf(tx, controllerId, period),
          evidence.externalDisclosuresOf(tx, controllerId, period),
        ]);
        const itemIds = [
          ...new Set([
            ...exports.flatMap((e) => e.item_ids),
            ...consultations.flatMap((c) => c.item_ids),
            ...externals.map((e) => e.item_id),
          ]),
        ];
        const flags = contestedDisclosures(
          { exports, consultations, externals },
          await evidence.marksOf(tx, itemIds),
        );
        const statement = await statementOf(tx, desk, query, period);
        const declared = await conformity(tx, desk);
        const snapshot = await accessPermissionSnapshot(evidence, tx, controllerId, desk.now);
        const refused = presentRefusedDisclosures(
          await evidence.refusedDisclosures(tx, controllerId, period),
        );
        const pack: EvidencePack = {
          format: 'concerto.art-38-evidence-pack/1',
          ...head(desk, PACK_RULE),
          language: query.language ?? 'fr',
          period: { from: query.from, to: query.to },
          contestedFlags: { rule: CONTESTED_RULE, ...flags },
          processingStatement: statement,
          declarationConformity: declared,
          accessPermissions: { rule: PERMISSIONS_RULE, snapshot },
          refusedDisclosures: { rule: RECIPIENTS_RULE, events: refused },
        };
        const name = `art-38-evidence-pack-${query.from}-${query.to}`;
        if (format === 'json') return evidenceJson(name, pack);
        return {
          mediaType: 'application/pdf',
          filename: `${name}.pdf`,
          content: await renderPdf(evidencePackPdfSpec(pack, actor.userId)),
        };
      });
    },

    /** PEN-02: persons collected from the data subject without the notice delivered. */
    uninformedCollections(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'uninformed_collections', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const found = uninformedCollections(await evidence.personsWithObligations(tx, desk.controller.id));
        desk.named.push(...found.missing.map((m) => ({ type: 'person', id: m.personId, category: 1 })));
        const report = {
          format: 'concerto.uninformed-collections/1' as const,
          ...head(desk, UNINFORMED_RULE),
          ...found,
        };
        return formatOf(query) === 'json'
          ? evidenceJson('uninformed-collections', report)
          : uninformedCsv(report);
      });
    },

    /** PEN-04: the items without their purpose, justification or exception ground. */
    minimisation(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'minimisation', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const rows = await evidence.itemsWithPurposes(tx, desk.controller.id);
        const persons = await evidence.personIdsOfItems(
          tx,
          rows.map((row) => row.id),
        );
        const ciphers = new Map<string, Awaited<ReturnType<Envelope['openScope']>>>();
        const itemsMissing = [];
        const missingByGround: Record<string, number> = {};
        for (const row of rows) {
          if (!ciphers.has(row.case_id))
            ciphers.set(row.case_id, await envelope.openScope(tx, caseScope(row.case_id)));
          // Opened to see whether a ground is there; nothing of it leaves this function.
          const payload = JSON.parse(
            await ciphers.get(row.case_id)!.decryptText(...FIELDS.item(row.id, row.version), row.payload!),
          ) as ItemPayload;
          const { missing, rules: cited } = missingGrounds({
            ...row,
            personIds: persons.get(row.id) ?? [],
            payload,
            controller: { kind: desk.kind, dpRegime: desk.dpRegime },
          });
          if (missing.length === 0) continue;
          for (const ground of missing) missingByGround[ground] = (missingByGround[ground] ?? 0) + 1;
          itemsMissing.push({
            itemId: row.id,
            caseId: row.case_id,
            category: row.category,
            missing,
            rules: cited,
          });
          desk.named.push({ type: 'item', id: row.id, category: Number(row.category.slice(1)) });
        }
        const report = {
          format: 'concerto.minimisation-grounds/1' as const,
          ...head(desk, MINIMISATION_RULE),
          items: rows.length,
          missingByGround,
          missing: itemsMissing.length,
          itemsMissing,
        };
        return formatOf(query) === 'json'
          ? evidenceJson('minimisation-grounds', report)
          : minimisationCsv(report);
      });
    },

    /** PEN-05: the information obligations overdue, with their statuses and exemptions. */
    overdueInformation(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'overdue_information', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const rows = await evidence.obligations(tx, desk.controller.id);
        const restricted = await restrictedPersons(
          tx,
          rows.filter((row) => row.status === 'open').map((row) => row.person_id),
          desk.now,
        );
        const found = overdueInformation(rows, new Set(restricted.keys()), brusselsDateOf(desk.now));
        const report = {
          format: 'concerto.overdue-information/1' as const,
          ...head(desk, OVERDUE_RULE),
          ...found,
        };
        return formatOf(query) === 'json' ? evidenceJson('overdue-information', report) : overdueCsv(report);
      });
    },

    /** PEN-06: the access requests against the 45 days, with the hash of each answer issued. */
    accessRequestSla(actor: Actor, query: SlaReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'access_request_sla', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(SlaReportQuerySchema, query, 'querystring'));
        const today = brusselsDateOf(desk.now);
        refuseIfAny([
          ...(query.from ? dayIssues('/querystring/from', query.from, today) : []),
          ...(query.to
            ? dayIssues(
                '/querystring/to',
                query.to,
                today,
                query.from ? { day: query.from, what: 'the start of the period' } : undefined,
              )
            : []),
        ]);
        const bounds: Partial<Period> = {
          ...(query.from ? { from: startOfBrusselsDay(parseCivilDate(query.from)) } : {}),
          ...(query.to ? { until: startOfBrusselsDay(addDays(parseCivilDate(query.to), 1)) } : {}),
        };
        const parts = await evidence.accessParts(tx, desk.controller.id, bounds);
        const documents = await evidence.answerDocuments(
          tx,
          parts.map((part) => part.id),
        );
        desk.named.push(...parts.map((part) => ({ type: 'rights_part', id: part.id })));
        const report = {
          format: 'concerto.access-request-sla/1' as const,
          ...head(desk, SLA_RULE),
          period: { from: query.from ?? null, to: query.to ?? null },
          limit: { rule: SLA_RULE },
          ...accessRequestSla(rules, parts, documents),
        };
        return formatOf(query) === 'json' ? evidenceJson('access-request-sla', report) : slaCsv(report);
      });
    },

    /** PEN-08: every active framework of the controller declared on or before its start. */
    declarationCoverage(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'declaration_coverage', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const controllerId = desk.controller.id;
        const [frameworks, versions, firstRecords] = await Promise.all([
          evidence.activeFrameworks(tx, controllerId),
          evidence.versionsOf(tx, controllerId),
          evidence.firstRecords(tx, controllerId),
        ]);
        const report = {
          format: 'concerto.declaration-coverage/1' as const,
          ...head(desk, COVERAGE_RULE),
          ...declarationCoverage({ dpRegime: desk.dpRegime, frameworks, versions, firstRecords }),
        };
        return formatOf(query) === 'json'
          ? evidenceJson('declaration-coverage', report)
          : coverageCsv(report);
      });
    },

    /** PEN-09: the configuration against the latest declarations (SEC-10), 0 mismatches expected. */
    declarationConformity(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'declaration_conformity', formatOf(query), async (tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const report = await conformity(tx, desk);
        return formatOf(query) === 'json'
          ? evidenceJson('declaration-conformity', report)
          : conformityCsv(report);
      });
    },

    /**
     * PEN-21: the exports of the controller's items a leaked copy names — by the user and instant its
     * watermark shows, or by the file's SHA-256 — each with its disclose event in the audit log.
     */
    leakTrace(actor: Actor, query: LeakTraceQuery): Promise<LeakTrace> {
      return atDesk(actor, 'leak_trace', 'json', async (tx, desk) => {
        refuseIfAny(shapeIssues(LeakTraceQuerySchema, query, 'querystring'), LEAK_TRACE_RULE);
        const watermark = query.watermark === undefined ? undefined : readWatermark(query.watermark);
        refuseIfAny(
          [
            ...(query.watermark === undefined && query.sha256 === undefined
              ? [{ field: '/querystring/watermark', message: 'give the watermark read off the copy, or its SHA-256' }]
              : []),
            ...(query.watermark !== undefined && !watermark
              ? [{ field: '/querystring/watermark', message: 'names no user id and instant (ISO 8601, UTC)' }]
              : []),
          ],
          LEAK_TRACE_RULE,
        );
        const rows = await evidence.exportsMatching(tx, desk.controller.id, {
          userId: watermark?.userId ?? null,
          at: watermark?.at ?? null,
          sha256: query.sha256 ?? null,
        });
        desk.named.push(...rows.map((row) => ({ type: 'own_file_export', id: row.id })));
        return {
          format: 'concerto.leak-trace/1' as const,
          ...head(desk, LEAK_TRACE_RULE),
          watermark: watermark ? { userId: watermark.userId, at: watermark.at.toISOString() } : null,
          matches: rows.map((row) => ({
            exportId: row.id,
            transferId: row.transfer_id,
            caseId: row.case_id,
            requesterOrganisationId: row.requester_organisation_id,
            format: row.format,
            exportedBy: row.exported_by,
            exportedAt: row.exported_at.toISOString(),
            sha256: row.sha256,
            auditPosition: row.audit_position,
          })),
        };
      });
    },

    /** PEN-10: each document template, rendered, with whether its footer carries the register number. */
    templateInventory(actor: Actor, query: EvidenceReportQuery): Promise<EvidenceFile> {
      return atDesk(actor, 'template_inventory', formatOf(query), async (_tx, desk) => {
        refuseIfAny(shapeIssues(EvidenceReportQuerySchema, query, 'querystring'));
        const report = {
          format: 'concerto.template-inventory/1' as const,
          ...head(desk, TEMPLATE_RULE),
          ...(await inventoryTemplates()),
        };
        return formatOf(query) === 'json' ? evidenceJson('template-inventory', report) : inventoryCsv(report);
      });
    },
  };
}

export type PenalEvidenceService = ReturnType<typeof createPenalEvidenceService>;
