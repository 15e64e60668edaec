/**
 * The reports as the files the DPO downloads (SPEC PEN-01..PEN-10): JSON as read on screen, and
 * CSV for the reports a row asks to be "exportable" and those a spreadsheet serves (one line per
 * listed record, ids and codes only).
 */
import type {
  AccessSlaReport,
  DeclarationConformityReport,
  DeclarationCoverageReport,
  MinimisationReport,
  OverdueInformationReport,
  TemplateInventory,
  UninformedCollections,
} from '../../../contracts/penal-evidence.js';
import { toCsv } from './csv.js';

export interface EvidenceFile {
  mediaType: string;
  filename: string;
  content: Buffer | string;
}

export const evidenceJson = (name: string, report: unknown): EvidenceFile => ({
  mediaType: 'application/json',
  filename: `${name}.json`,
  content: JSON.stringify(report),
});

const csv = (name: string, content: string): EvidenceFile => ({
  mediaType: 'text/csv; charset=utf-8',
  filename: `${name}.csv`,
  content,
});

export const uninformedCsv = (report: UninformedCollections): EvidenceFile =>
  csv(
    'uninformed-collections',
    toCsv(
      [
        'person_id',
        'case_id',
        'person_role',
        'obligation_id',
        'recorded_on',
        'status',
        'informed_on',
        'reason',
      ],
      report.missing.map((m) => [
        m.personId,
        m.caseId,
        m.personRole,
        m.obligationId,
        m.recordedOn,
        m.status,
        m.informedOn,
        m.reason,
      ]),
    ),
  );

export const minimisationCsv = (report: MinimisationReport): EvidenceFile =>
  csv(
    'minimisation-grounds',
    toCsv(
      ['item_id', 'case_id', 'category', 'missing', 'rules'],
      report.itemsMissing.map((i) => [
        i.itemId,
        i.caseId,
        i.category,
        i.missing.join(' '),
        i.rules.join(' | '),
      ]),
    ),
  );

export const overdueCsv = (report: OverdueInformationReport): EvidenceFile =>
  csv(
    'overdue-information',
    toCsv(
      [
        'section',
        'obligation_id',
        'person_id',
        'case_id',
        'person_role',
        'collection',
        'status',
        'recorded_on',
        'due_on',
        'due_at_first_disclosure',
        'days_overdue',
        'exemption_ground',
        'legal_reference',
        'decided_by',
        'decided_at',
      ],
      [
        ...report.overdue.map((line) => ['overdue', line] as const),
        ...report.exemptions.map((line) => ['exemption', line] as const),
      ].map(([section, line]) => [
        section,
        line.obligationId,
        line.personId,
        line.caseId,
        line.personRole,
        line.collection,
        line.status,
        line.recordedOn,
        line.dueOn,
        line.dueAtFirstDisclosure,
        line.daysOverdue,
        line.exemption?.ground,
        line.exemption?.legalReference,
        line.exemption?.decidedBy,
        line.exemption?.decidedAt,
      ]),
    ),
  );

export const slaCsv = (report: AccessSlaReport): EvidenceFile =>
  csv(
    'access-request-sla',
    toCsv(
      [
        'part_id',
        'request_id',
        'kind',
        'route',
        'received_on',
        'due_on',
        'limit_days',
        'answered_on',
        'days_to_reply',
        'within_limit',
        'overdue',
        'status',
        'outcome',
        'answer_sha256',
        'answer_issued_at',
      ],
      report.requests.map((r) => {
        const latest = r.answerDocuments.at(-1);
        return [
          r.partId,
          r.requestId,
          r.kind,
          r.route,
          r.receivedOn,
          r.dueOn,
          r.limitDays,
          r.answeredOn,
          r.daysToReply,
          r.withinLimit,
          r.overdue,
          r.status,
          r.outcome,
          latest?.sha256,
          latest?.issuedAt,
        ];
      }),
    ),
  );

export const coverageCsv = (report: DeclarationCoverageReport): EvidenceFile =>
  csv(
    'declaration-coverage',
    toCsv(
      [
        'framework_id',
        'framework',
        'activated_on',
        'declaration_id',
        'declared_on',
        'ceased',
        'first_record_on',
        'conforms',
      ],
      report.pairs.map((p) => [
        p.frameworkId,
        p.frameworkName,
        p.activatedOn,
        p.declarationId,
        p.declaredOn,
        p.ceased,
        p.firstRecordOn,
        p.conforms,
      ]),
    ),
  );

export const conformityCsv = (report: DeclarationConformityReport): EvidenceFile =>
  csv(
    'declaration-conformity',
    toCsv(
      [
        'declaration_id',
        'register_number',
        'compared_with_version',
        'submitted_on',
        'conforms',
        'differences',
        'missing_fields',
      ],
      report.declarations.map((d) => [
        d.declarationId,
        d.registerNumber,
        d.comparedWithVersion,
        d.submittedOn,
        d.conforms,
        d.differences.map((x) => x.item).join(' | '),
        d.missingFields.join(' | '),
      ]),
    ),
  );

export const inventoryCsv = (report: TemplateInventory): EvidenceFile =>
  csv(
    'template-inventory',
    toCsv(
      ['template', 'source', 'document', 'pages', 'register_number_present'],
      report.templates.map((t) => [
        t.template,
        t.source,
        t.document,
        t.pages,
        t.registerNumberPresent ? 'yes' : 'no',
      ]),
    ),
  );
