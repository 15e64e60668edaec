/**
 * The controller's reports, produced by its DPO (SPEC SEC-13, DCL-16, DCL-26; see
 * controller-reports.ts): the processing statement of a period, the Commission's information
 * pack, and the manual-file sheet. The DPO reads them at its controller's desk (row-level
 * security shows that controller's records only, migration 0023), behind the same secrecy gate as
 * the rights desk: counts and the location of paper parts are read, never content. Each report is
 * one transaction with its audit event.
 */
import {
  type DeclarationContent,
  type DeclarationLanguage,
  type ReportQuery,
  ReportQuerySchema,
  type StatementQuery,
  StatementQuerySchema,
} from '../../../contracts/declarations.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { startOfBrusselsDay } from '../../kernel/legal-rules/brussels-time.js';
import { addDays } from '../../kernel/legal-rules/civil-date.js';
import { brusselsDateOf, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { interconnectionStatement } from '../interconnections/interconnection-statement.js';
import type { InterconnectionsRepository } from '../interconnections/interconnections.repository.js';
import type { PaperCustody } from '../paper-parts/paper-part-presenter.js';
import { PAPER_FIELDS } from '../paper-parts/paper-part-presenter.js';
import type { ControllerReportsRepository } from './controller-reports.repository.js';
import {
  buildInformationPack,
  buildManualFileSheet,
  buildStatement,
  informationPackPdfSpec,
  manualFileSheetPdfSpec,
  statementPdfSpec,
} from './controller-reports.js';
import { dayIssues } from './declaration-rules.js';
import { declarationLifecycle } from './declaration-rules.js';
import type { DeclarationFile } from './declarations.service.js';
import type { DeclarationsRepository } from './declarations.repository.js';
import { registerNumbersOf } from './declared-processing.js';
import { securityPlan } from './security-plan.js';

export interface ControllerReportDeps {
  db: Db;
  declarations: DeclarationsRepository;
  reports: ControllerReportsRepository;
  /** INT-04: the register and exchange log of the interconnections, for the statement. */
  interconnections: InterconnectionsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  envelope: Envelope;
}

interface AtDesk {
  who: UserActor;
  organisationId: string;
  legalName: string;
  registerNumbers: string[];
  frameworkIds: string[];
}

export function createControllerReportService(deps: ControllerReportDeps) {
  const { db, declarations, reports, interconnections, access, audit, clock } = deps;

  /** The actor's controller's desk, for its DPO only (declaration.manage, then the desk's secrecy gate). */
  function atDesk<T>(
    actor: Actor,
    action: AuditAction,
    work: (tx: Tx, desk: AtDesk) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'declaration.manage' }, action);
      await access.enterControllerDesk(tx, actor, action);
      const organisationId = actor.organisationId;
      const frameworkIds = (await declarations.frameworksOfParty(tx, organisationId)).map((f) => f.id);
      const [names, registerNumbers] = await Promise.all([
        declarations.organisationNames(tx, [organisationId]),
        registerNumbersOf(tx, organisationId, frameworkIds),
      ]);
      const desk = {
        who: auditActorOf(context, decision),
        organisationId,
        legalName: names.get(organisationId) ?? '',
        registerNumbers,
        frameworkIds,
      };
      const result = await work(tx, desk);
      await audit.record(tx, {
        actor: desk.who,
        action,
        outcome: 'success',
        records: [{ type: 'organisation', id: organisationId }],
      });
      return result;
    });
  }

  function meta(desk: AtDesk, language: DeclarationLanguage) {
    return {
      language,
      controller: { id: desk.organisationId, legalName: desk.legalName },
      registerNumbers: desk.registerNumbers,
      generatedAt: clock.now(),
    };
  }

  const file = (name: string, format: 'json' | 'pdf', json: unknown, pdf: () => Promise<Buffer>) =>
    format === 'json'
      ? Promise.resolve<DeclarationFile>({
          mediaType: 'application/json',
          filename: `${name}.json`,
          content: JSON.stringify(json),
        })
      : pdf().then(
          (content): DeclarationFile => ({ mediaType: 'application/pdf', filename: `${name}.pdf`, content }),
        );

  return {
    /** SEC-13: the statement of the controller's processing over [from, to] (Brussels days). */
    processingStatement(actor: Actor, query: StatementQuery): Promise<DeclarationFile> {
      return atDesk(actor, 'admin.processing_statement_generated', async (tx, desk) => {
        refuseIfAny(shapeIssues(StatementQuerySchema, query, 'querystring'));
        const today = brusselsDateOf(clock.now());
        refuseIfAny([
          ...dayIssues('/querystring/from', query.from, today),
          ...dayIssues('/querystring/to', query.to, today, {
            day: query.from,
            what: 'the start of the period',
          }),
        ]);
        const period = {
          from: startOfBrusselsDay(parseCivilDate(query.from)),
          until: startOfBrusselsDay(addDays(parseCivilDate(query.to), 1)),
        };
        const [categories, consultations, recipients, frameworks, linked] = await Promise.all([
          reports.categoryCounts(tx, desk.organisationId, period),
          reports.consultations(tx, desk.organisationId, period),
          reports.recipients(tx, desk.organisationId, period),
          declarations.frameworks(tx, desk.frameworkIds),
          // L1992 art. 16 §1 1° (SPEC INT-04): the interconnections of the period with their volumes.
          interconnectionStatement(tx, interconnections, {
            controllerId: desk.organisationId,
            from: period.from,
            to: period.until,
          }),
        ]);
        const language = query.language ?? 'fr';
        const facts = {
          ...meta(desk, language),
          period: { from: query.from, to: query.to },
          purposes: [...new Set(frameworks.flatMap((f) => f.purposes))] as PurposeCode[],
          categories,
          consultations,
          recipients,
          interconnections: linked,
        };
        const statement = buildStatement(facts);
        return file(`processing-statement-${query.from}-${query.to}`, query.format ?? 'json', statement, () =>
          renderPdf(statementPdfSpec(statement, facts, actor.userId)),
        );
      });
    },

    /** DCL-16 (art. 17 §4): origin of the data, automation technique, security measures. */
    informationPack(actor: Actor, query: ReportQuery): Promise<DeclarationFile> {
      return atDesk(actor, 'admin.information_pack_generated', async (tx, desk) => {
        refuseIfAny(shapeIssues(ReportQuerySchema, query, 'querystring'));
        const rows = await declarations.ofOrganisation(tx, desk.organisationId);
        const latest = await declarations.latestVersions(
          tx,
          rows.map((row) => row.id),
        );
        const running = rows.filter(
          (row) => declarationLifecycle(latest.find((v) => v.declaration_id === row.id)) !== 'ceased',
        );
        const [provenance, host] = await Promise.all([
          reports.provenance(tx, desk.organisationId),
          declarations.host(tx),
        ]);
        const facts = {
          ...meta(desk, query.language ?? 'fr'),
          provenance,
          host: host ? { legalName: host.legal_name, address: host.address } : null,
          plan: securityPlan(),
          descriptions: running.map((row) => ({
            declarationId: row.id,
            description: row.security_description,
          })),
        };
        const pack = buildInformationPack(facts);
        return file('information-pack', query.format ?? 'json', pack, () =>
          renderPdf(informationPackPdfSpec(pack, facts, actor.userId)),
        );
      });
    },

    /** DCL-26 (art. 19): the art. 17 information of the paper parts, with where they are kept. */
    manualFileSheet(actor: Actor, query: ReportQuery): Promise<DeclarationFile> {
      return atDesk(actor, 'admin.manual_file_sheet_generated', async (tx, desk) => {
        refuseIfAny(shapeIssues(ReportQuerySchema, query, 'querystring'));
        const rows = await declarations.ofOrganisation(tx, desk.organisationId);
        const latest = await declarations.latestVersions(
          tx,
          rows.map((row) => row.id),
        );
        const running = latest.filter((version) => version.kind !== 'cessation');
        const parts = await reports.paperParts(tx, desk.organisationId);
        const paperParts = [];
        for (const part of parts) {
          // The location is encrypted under the case key (migration 0022): the desk opens it (migration 0031).
          const cipher = await deps.envelope.openScope(tx, `case:${part.case_id}`);
          const custody = JSON.parse(
            await cipher.decryptText(...PAPER_FIELDS.custody(part.id, part.version), part.custody),
          ) as PaperCustody;
          paperParts.push({
            id: part.id,
            caseId: part.case_id,
            frameworkId: part.framework_id,
            categories: part.categories,
            pageCount: part.page_count,
            location: custody.location,
            custodianFunction: custody.custodianFunction,
            registeredOn: brusselsDateOf(new Date(part.registered_at)),
            destroyedOn: part.destroyed_on,
          });
        }
        const facts = {
          ...meta(desk, query.language ?? 'fr'),
          declarations: running.map((version) => {
            const row = rows.find((r) => r.id === version.declaration_id)!;
            return {
              declarationId: row.id,
              registerNumber: row.register_number ?? row.sectoral_authorisation_reference,
              content: JSON.parse(version.content) as DeclarationContent,
            };
          }),
          paperParts,
        };
        const sheet = buildManualFileSheet(facts);
        return file('manual-file-sheet', query.format ?? 'json', sheet, () =>
          renderPdf(manualFileSheetPdfSpec(sheet, facts, actor.userId)),
        );
      });
    },
  };
}

export type ControllerReportService = ReturnType<typeof createControllerReportService>;
