/**
 * The processor registry in the contract's words: a record with its processor's identity (the
 * host's read from the platform operator organisation, SPEC PRC-09), its documents and reviews,
 * what approval still needs and its status. Pure over the facts the registry loaded.
 */
import type {
  ContractTerms,
  Guarantee,
  ProcessorAction,
  ProcessorDocumentKind,
  ProcessorRecord,
} from '../../../contracts/processors.js';
import type { CivilDate } from '../../kernel/legal-rules/civil-date.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { type ApprovalFacts, approvalIssues, processorStatus, type StatusFacts } from './processor-rules.js';
import type {
  OrganisationFacts,
  ProcessorDocumentMeta,
  ProcessorRecordRow,
  ProcessorReviewRow,
} from './processors.repository.js';

/** Every record of some controllers with what belongs to them. */
export interface Registry {
  records: readonly ProcessorRecordRow[];
  documents: readonly ProcessorDocumentMeta[];
  reviews: readonly ProcessorReviewRow[];
  organisations: ReadonlyMap<string, OrganisationFacts>;
  userNames: ReadonlyMap<string, string>;
}

const iso = (at: Date | string): string => new Date(at).toISOString();

export const contractOf = (
  row: ProcessorRecordRow,
): Required<{ [K in keyof ContractTerms]: Exclude<ContractTerms[K], undefined> }> => ({
  reference: row.contract_reference,
  signedOn: row.contract_signed_on,
  securityAnnexReference: row.security_annex_reference,
  liabilityClause: row.liability_clause,
  instructionClause: row.instruction_clause,
  securityObligationsClause: row.security_obligations_clause,
});

export const guaranteesOf = (row: ProcessorRecordRow): Guarantee[] => row.guarantees as Guarantee[];

/** The host's record, or a sub-processor down its chain: the host's side, which the operator documents. */
export function isHostSide(row: ProcessorRecordRow, records: readonly ProcessorRecordRow[]): boolean {
  const byId = new Map(records.map((r) => [r.id, r]));
  const seen = new Set<string>();
  let current: ProcessorRecordRow | undefined = row;
  while (current && !seen.has(current.id)) {
    if (current.role === 'host') return true;
    seen.add(current.id);
    current = current.sub_processor_of ? byId.get(current.sub_processor_of) : undefined;
  }
  return false;
}

export function approvalFactsOf(
  row: ProcessorRecordRow,
  documents: readonly ProcessorDocumentMeta[],
): ApprovalFacts {
  return {
    role: row.role,
    guarantees: guaranteesOf(row),
    contract: contractOf(row),
    documents: new Set(
      documents.filter((d) => d.record_id === row.id).map((d) => d.kind as ProcessorDocumentKind),
    ),
  };
}

export function statusFactsOf(
  row: ProcessorRecordRow,
  documents: readonly ProcessorDocumentMeta[],
  reviews: readonly ProcessorReviewRow[],
): StatusFacts {
  const own = reviews.filter((r) => r.record_id === row.id);
  const compliance = own.filter((r) => r.kind === 'compliance').at(-1);
  const plan = documents.filter((d) => d.record_id === row.id && d.kind === 'security_plan').at(-1);
  // A review of an older plan version does not review the current one.
  const planReview = plan
    ? own.filter((r) => r.kind === 'security_plan' && r.document_id === plan.id).at(-1)
    : undefined;
  return {
    role: row.role,
    approvedOn: row.approved_at ? brusselsDateOf(new Date(row.approved_at)) : null,
    reviewIntervalMonths: row.review_interval_months,
    guarantees: guaranteesOf(row),
    lastCompliance: compliance
      ? { reviewedOn: compliance.reviewed_on as CivilDate, outcome: compliance.outcome }
      : null,
    securityPlanDated: plan ? (plan.document_date as CivilDate) : null,
    lastSecurityPlanReview: planReview ? (planReview.reviewed_on as CivilDate) : null,
  };
}

/** The processor's identity: the platform operator organisation's for the host (SPEC PRC-09). */
export function identityOf(row: ProcessorRecordRow, organisations: ReadonlyMap<string, OrganisationFacts>) {
  const host = row.host_organisation_id ? organisations.get(row.host_organisation_id) : undefined;
  return host
    ? { name: host.legal_name, address: host.address, enterpriseNumber: host.enterprise_number }
    : { name: row.name ?? '', address: row.address ?? '', enterpriseNumber: row.enterprise_number };
}

export function presentRecord(
  row: ProcessorRecordRow,
  registry: Registry,
  today: CivilDate,
  allowedActions: ProcessorAction[],
): ProcessorRecord {
  const { documents, reviews, organisations, userNames } = registry;
  const own = documents.filter((d) => d.record_id === row.id);
  const latest = new Map<string, number>();
  for (const d of own) latest.set(d.kind, Math.max(latest.get(d.kind) ?? 0, d.version));
  return {
    id: row.id,
    controller: {
      id: row.controller_organisation_id,
      legalName: organisations.get(row.controller_organisation_id)?.legal_name ?? '',
    },
    role: row.role,
    subProcessorOf: row.sub_processor_of,
    hostSide: isHostSide(row, registry.records),
    hostOrganisationId: row.host_organisation_id,
    processor: identityOf(row, organisations),
    country: row.country,
    services: row.services,
    guarantees: guaranteesOf(row),
    contract: contractOf(row),
    reviewIntervalMonths: row.review_interval_months,
    approval:
      row.approved_at && row.approved_by
        ? { approvedBy: userNames.get(row.approved_by) ?? '', approvedAt: iso(row.approved_at) }
        : null,
    missingForApproval: approvalIssues(approvalFactsOf(row, documents)),
    documents: own.map((d) => ({
      id: d.id,
      kind: d.kind,
      version: d.version,
      current: latest.get(d.kind) === d.version,
      filename: d.filename,
      mediaType: d.media_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      documentDate: d.document_date,
      uploadedBy: userNames.get(d.uploaded_by) ?? '',
      uploadedAt: iso(d.uploaded_at),
    })),
    reviews: reviews
      .filter((r) => r.record_id === row.id)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        reviewedOn: r.reviewed_on,
        outcome: r.outcome,
        findings: r.findings,
        documentId: r.document_id,
        recordedBy: userNames.get(r.recorded_by) ?? '',
        recordedAt: iso(r.recorded_at),
      })),
    status: processorStatus(statusFactsOf(row, documents, reviews), today),
    allowedActions,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The users a registry names: approvers, uploaders and reviewers. */
export function usersNamedBy(registry: Pick<Registry, 'records' | 'documents' | 'reviews'>): string[] {
  return [
    ...registry.records.map((r) => r.approved_by).filter((id): id is string => id !== null),
    ...registry.documents.map((d) => d.uploaded_by),
    ...registry.reviews.map((r) => r.recorded_by),
  ];
}
