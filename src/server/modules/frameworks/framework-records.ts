/** Between the framework rows and the contract's shapes. */
import type { Updateable } from 'kysely';
import type { CreateFramework, Framework, UpdateFramework } from '../../../contracts/frameworks.js';
import type { FrameworksTable } from '../../db/schema.js';
import type { FrameworkFacts } from '../access/decide.js';
import type { FrameworkRecord } from './framework-rules.js';
import type { FrameworkRow } from './frameworks.repository.js';

type Fields = Omit<UpdateFramework, 'name'>;

/** The columns `fields` set; absent fields are left as they are, null clears. */
export function frameworkColumns(fields: Fields): Updateable<FrameworksTable> {
  const columns: Updateable<FrameworksTable> = {};
  if (fields.template !== undefined) columns.template = fields.template;
  if (fields.basisKind !== undefined) columns.basis_kind = fields.basisKind;
  if (fields.basisCitation !== undefined) {
    columns.basis_title = fields.basisCitation?.title ?? null;
    columns.basis_date = fields.basisCitation?.date ?? null;
    columns.basis_article = fields.basisCitation?.article ?? null;
  }
  if (fields.authorisation !== undefined) {
    columns.authorisation_reference = fields.authorisation?.reference ?? null;
    columns.authorisation_date = fields.authorisation?.date ?? null;
    columns.authorisation_motivation = fields.authorisation?.motivation ?? null;
  }
  if (fields.processingBasis !== undefined) {
    columns.processing_basis_kind = fields.processingBasis?.kind ?? null;
    columns.processing_basis_citation = fields.processingBasis?.citation ?? null;
  }
  if (fields.authorisingOrganisationId !== undefined)
    columns.authorising_organisation_id = fields.authorisingOrganisationId;
  if (fields.purposes !== undefined) columns.purposes = [...fields.purposes].sort();
  if (fields.organiserOrganisationId !== undefined) columns.organiser_organisation_id = fields.organiserOrganisationId;
  if (fields.modalities !== undefined) columns.modalities = fields.modalities;
  if (fields.ownFileExportDisabled !== undefined) columns.own_file_export_disabled = fields.ownFileExportDisabled;
  if (fields.exportFourEyes !== undefined) columns.export_four_eyes = fields.exportFourEyes;
  if (fields.allowedCategories !== undefined) columns.allowed_categories = [...fields.allowedCategories].sort();
  if (fields.defaultRetention !== undefined) {
    columns.default_retention_months = fields.defaultRetention?.months ?? null;
    columns.default_retention_other_rule = fields.defaultRetention?.otherRule ?? null;
  }
  if (fields.designatedControllers !== undefined) columns.designated_controllers = fields.designatedControllers;
  return columns;
}

export function frameworkRecord(row: FrameworkRow, participantIds: readonly string[]): FrameworkRecord {
  return {
    name: row.name,
    template: row.template as CreateFramework['template'],
    basisKind: row.basis_kind as CreateFramework['basisKind'],
    basisCitation:
      row.basis_title && row.basis_date && row.basis_article
        ? { title: row.basis_title, date: row.basis_date, article: row.basis_article }
        : null,
    authorisation:
      row.authorisation_reference && row.authorisation_date && row.authorisation_motivation
        ? {
            reference: row.authorisation_reference,
            date: row.authorisation_date,
            motivation: row.authorisation_motivation,
            documentSha256: row.authorisation_document_sha256,
          }
        : null,
    processingBasis:
      row.processing_basis_kind && row.processing_basis_citation
        ? {
            kind: row.processing_basis_kind as NonNullable<CreateFramework['processingBasis']>['kind'],
            citation: row.processing_basis_citation,
          }
        : null,
    authorisingOrganisationId: row.authorising_organisation_id,
    purposes: row.purposes as FrameworkRecord['purposes'],
    organiserOrganisationId: row.organiser_organisation_id,
    participantIds,
    modalities: row.modalities,
    ownFileExportDisabled: row.own_file_export_disabled,
    exportFourEyes: row.export_four_eyes,
    allowedCategories: row.allowed_categories as FrameworkRecord['allowedCategories'],
    defaultRetention: row.default_retention_months
      ? { months: row.default_retention_months, otherRule: row.default_retention_other_rule }
      : null,
    designatedControllers: row.designated_controllers,
  };
}

export function frameworkFacts(row: FrameworkRow, participantIds: readonly string[]): FrameworkFacts {
  return {
    id: row.id,
    state: row.state,
    organiserOrganisationId: row.organiser_organisation_id,
    participantIds,
  };
}

export function toFramework(
  row: FrameworkRow,
  participants: readonly { id: string; legalName: string }[],
  organiserName: string | undefined,
  authorisingOfficeName?: string,
): Framework {
  const record = frameworkRecord(
    row,
    participants.map((p) => p.id),
  );
  return {
    id: row.id,
    name: row.name,
    template: record.template ?? null,
    state: row.state,
    basisKind: record.basisKind ?? null,
    basisCitation: record.basisCitation ?? null,
    authorisation: record.authorisation,
    processingBasis: record.processingBasis ?? null,
    purposes: record.purposes,
    organiser:
      row.organiser_organisation_id && organiserName
        ? { id: row.organiser_organisation_id, legalName: organiserName }
        : null,
    authorisingOffice:
      row.authorising_organisation_id && authorisingOfficeName
        ? { id: row.authorising_organisation_id, legalName: authorisingOfficeName }
        : null,
    participants: participants.map((p) => ({ id: p.id, legalName: p.legalName })),
    modalities: record.modalities,
    ownFileExportDisabled: record.ownFileExportDisabled,
    exportFourEyes: record.exportFourEyes,
    allowedCategories: record.allowedCategories,
    defaultRetention: record.defaultRetention
      ? { months: record.defaultRetention.months, otherRule: record.defaultRetention.otherRule ?? null }
      : null,
    designatedControllers: record.designatedControllers,
    createdAt: new Date(row.created_at).toISOString(),
    activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null,
  };
}
