/** The compliance evidence in the contract's words (no case content: references, dates, statuses). */
import type { NormSet, RestoreTest, SecurityPlanReview } from '../../../contracts/compliance.js';
import type {
  NormControlRow,
  NormSetRow,
  RestoreTestRow,
  SecurityPlanReviewRow,
} from './compliance.repository.js';
import { controlCounts } from './indicator-rules.js';

const iso = (at: Date | string): string => new Date(at).toISOString();

const recorder = (row: {
  recorder_name: string;
  recorder_organisation: string;
  recorded_by_organisation_id: string;
}) => ({
  displayName: row.recorder_name,
  organisation: { id: row.recorded_by_organisation_id, legalName: row.recorder_organisation },
});

export function presentPlanReview(row: SecurityPlanReviewRow): SecurityPlanReview {
  return {
    id: row.id,
    planVersion: row.plan_version,
    reviewedOn: row.reviewed_on,
    occasion: row.occasion,
    changeDescription: row.change_description,
    planReference: row.plan_reference,
    riskAssessmentReference: row.risk_assessment_reference,
    areas: row.areas,
    recordedBy: recorder(row),
    recordedAt: iso(row.recorded_at),
  };
}

export function presentRestoreTest(row: RestoreTestRow): RestoreTest {
  return {
    id: row.id,
    testedOn: row.tested_on,
    outcome: row.outcome,
    reference: row.reference,
    recordedBy: recorder(row),
    recordedAt: iso(row.recorded_at),
  };
}

export function presentNormSet(row: NormSetRow, controls: readonly NormControlRow[]): NormSet {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    issuer: row.issuer,
    source: row.source,
    importedAt: iso(row.imported_at),
    importedBy: row.importer_name,
    summary: controlCounts(controls.map((control) => control.status)),
    controls: controls.map((control) => ({
      id: control.id,
      position: control.position,
      code: control.code,
      title: control.title,
      description: control.description,
      status: control.status,
      note: control.status_note,
      changedAt: control.status_changed_at ? iso(control.status_changed_at) : null,
      changedBy: control.changer_name,
    })),
  };
}
