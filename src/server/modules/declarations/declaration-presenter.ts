/** Declarations in the contract's words (SPEC DCL-01..28): rows and what the rules say of them. */
import type {
  Conformity,
  Declaration,
  DeclarationVersion,
  UpdateItem,
} from '../../../contracts/declarations.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import {
  acknowledgementState,
  declarationLifecycle,
  declarationStatus,
  versionActions,
  type VersionFacts,
} from './declaration-rules.js';
import type {
  DeclarationRow,
  DeclarationsRepository,
  MappingRow,
  UpdateItemRow,
  VersionRow,
} from './declarations.repository.js';

const iso = (at: Date | string): string => new Date(at).toISOString();

export const versionFacts = (row: VersionRow): VersionFacts => ({
  kind: row.kind,
  status: row.status,
  submittedOn: row.submitted_on,
  acknowledgedOn: row.acknowledged_on,
  paid: row.payment_reference !== null || row.payment_not_required_reason !== null,
});

export function presentVersion(
  row: VersionRow,
  mode: DeclarationRow['mode'],
  rules: LegalRules,
): DeclarationVersion {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    submittedOn: row.submitted_on,
    recordedAt: iso(row.recorded_at),
    status: row.status,
    acknowledgement: acknowledgementState(versionFacts(row), mode, rules),
    incomplete:
      row.incomplete_on && row.incomplete_reason
        ? { notifiedOn: row.incomplete_on, reason: row.incomplete_reason }
        : null,
    payment:
      row.payment_reference !== null
        ? {
            amount: { cents: row.contribution_cents!, currency: row.contribution_currency! },
            paidOn: row.paid_on!,
            reference: row.payment_reference,
          }
        : row.payment_not_required_reason !== null
          ? { notRequired: { reason: row.payment_not_required_reason } }
          : null,
    completedOn: row.completed_on,
    contentSha256: row.content_sha256,
    allowedActions: versionActions(versionFacts(row), mode),
  };
}

export function presentUpdateItem(row: UpdateItemRow): UpdateItem {
  return {
    id: row.id,
    cause: row.cause,
    differences: row.differences,
    openedAt: iso(row.opened_at),
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    resolvedByVersionId: row.resolved_by_version_id,
  };
}

export interface DeclarationView {
  row: DeclarationRow;
  controllerName: string;
  mappings: readonly MappingRow[];
  /** Newest first. */
  versions: readonly VersionRow[];
  items: readonly UpdateItemRow[];
  conditions: Awaited<ReturnType<DeclarationsRepository['riskConditions']>>;
  sheetRequests: Awaited<ReturnType<DeclarationsRepository['sheetRequests']>>;
  userNames: ReadonlyMap<string, string>;
  generationIssues: readonly FieldIssue[];
  conformity: Conformity;
}

export function presentDeclaration(view: DeclarationView, rules: LegalRules): Declaration {
  const { row } = view;
  const latest = view.versions[0];
  const lifecycle = declarationLifecycle(latest);
  const declared = new Set(latest && latest.kind !== 'cessation' ? latest.framework_ids : []);
  const running = lifecycle !== 'ceased';
  const actions: Declaration['allowedActions'] = [];
  if (running) {
    actions.push('edit');
    // A submission declares the first version, a change (art. 17 §7), or completes an incomplete one.
    const somethingToSubmit = !latest || view.conformity.conforms !== true || latest.status === 'incomplete';
    if (view.generationIssues.length === 0 && somethingToSubmit) actions.push('submit');
    if (lifecycle === 'declared') actions.push('cease', 'check_conformity');
    if (latest && row.mode !== 'royal_decree_exemption') actions.push('set_register_number');
    if (latest && row.mode === 'royal_decree_exemption') actions.push('record_sheet_request');
  }
  return {
    id: row.id,
    controller: { id: row.organisation_id, legalName: view.controllerName },
    purposes: row.purposes as PurposeCode[],
    language: row.language,
    mode: row.mode,
    sectoralCommittee:
      row.sectoral_committee && row.sectoral_authorisation_reference && row.sectoral_authorisation_date
        ? {
            committee: row.sectoral_committee,
            authorisationReference: row.sectoral_authorisation_reference,
            authorisationDate: row.sectoral_authorisation_date,
          }
        : null,
    royalDecreeExemption: row.exemption_royal_decree ? { royalDecree: row.exemption_royal_decree } : null,
    purposeDescription: row.purpose_description,
    securityDescription: row.security_description,
    publicRegisterExemption: 'no',
    journalismGround: 'not_applicable',
    frameworks: view.mappings.map((mapping) => ({
      frameworkId: mapping.framework_id,
      frameworkName: mapping.framework_name,
      frameworkState: mapping.framework_state,
      processingName: { fr: mapping.name_fr, nl: mapping.name_nl },
      declared: declared.has(mapping.framework_id),
    })),
    specificRisk: row.specific_risk_royal_decree
      ? {
          royalDecree: row.specific_risk_royal_decree,
          conditions: view.conditions.map((condition) => ({
            id: condition.id,
            condition: condition.condition,
            fulfilledAt: condition.fulfilled_at ? iso(condition.fulfilled_at) : null,
            fulfilledBy: condition.fulfilled_by ? (view.userNames.get(condition.fulfilled_by) ?? '') : null,
            note: condition.fulfilment_note,
          })),
        }
      : null,
    registerNumber: row.register_number,
    status: declarationStatus(latest),
    lifecycle,
    generation: { ready: view.generationIssues.length === 0, issues: [...view.generationIssues] },
    conformity: view.conformity,
    updateItems: view.items.map(presentUpdateItem),
    versions: view.versions.map((version) => presentVersion(version, row.mode, rules)),
    sheetRequests: view.sheetRequests.map((request) => ({
      id: request.id,
      channel: request.channel,
      receivedOn: request.received_on,
      servedAt: iso(request.served_at),
    })),
    allowedActions: actions,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
