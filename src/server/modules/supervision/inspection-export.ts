/**
 * The inspection export of one controller (SPEC SUP-03; L1992 art. 32 §1: "tout document pouvant
 * leur être utile dans leur enquête"): its configuration (the controller's identity, royal decrees,
 * frameworks, accounts and their permissions), its declarations as filed, its registers (rights
 * requests by date and outcome, supervisory cases with their actions and positions, the Commission's
 * repeat instructions, inspector grants) and the summary of its audit log, whose events are read page
 * by page. Every field is listed here by name: nothing of a shared file's content, nothing encrypted,
 * no justification text of the audit log.
 */
import type { AccountRole } from '../../../contracts/identity.js';
import type {
  ConfidentialityNotice,
  InspectionAuditPage,
  InspectionExport,
} from '../../../contracts/supervision.js';
import type { Tx } from '../../db/database.js';
import type { AuditEventRow, InspectionRepository } from './inspection.repository.js';
import { presentGrant } from './supervision-presenter.js';
import type { SupervisionRepository } from './supervision.repository.js';

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export async function buildInspectionExport(
  { inspection, supervision }: { inspection: InspectionRepository; supervision: SupervisionRepository },
  tx: Tx,
  controllerId: string,
  now: Date,
  notice: ConfidentialityNotice,
): Promise<InspectionExport> {
  const organisation = await inspection.organisation(tx, controllerId);
  const [decrees, frameworks, accounts, declarations, rights, cases, instructions, grants, auditLog] =
    await Promise.all([
      inspection.royalDecrees(tx, controllerId),
      inspection.frameworks(tx, controllerId),
      inspection.accounts(tx, controllerId),
      inspection.declarationVersions(tx, controllerId),
      inspection.rightsRequests(tx, controllerId),
      supervision.casesOf(tx, controllerId),
      supervision.instructionsOf(tx, controllerId),
      supervision.grantsOf(tx, controllerId),
      inspection.auditSummary(tx, controllerId),
    ]);
  const caseIds = cases.map((row) => row.id);
  const [actions, positions, inspectors] = await Promise.all([
    supervision.actionsOf(tx, caseIds),
    supervision.positionsOf(tx, caseIds),
    supervision.users(
      tx,
      grants.map((row) => row.inspector_user_id),
    ),
  ]);
  return {
    generatedAt: now.toISOString(),
    confidentialityNotice: notice,
    controller: {
      id: organisation.id,
      kind: organisation.kind,
      dpRegime: organisation.dp_regime,
      legalName: organisation.legal_name,
      address: organisation.address,
      enterpriseNumber: organisation.enterprise_number,
      establishmentCountry: organisation.establishment_country,
      missionBasis: organisation.mission_basis,
      missionCitation: organisation.mission_citation,
      lawfulGround: organisation.lawful_ground,
      belgianRepresentative: organisation.be_representative_name,
      rightsContact: organisation.rights_contact,
      dpo: organisation.dpo_name,
      dpoContact: organisation.dpo_contact,
      complianceOwner: organisation.compliance_owner,
      active: organisation.active,
    },
    configuration: {
      royalDecrees: decrees.map((row) => ({
        id: row.id,
        kind: row.kind,
        reference: row.reference,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
      })),
      frameworks: frameworks.map((row) => ({
        id: row.id,
        name: row.name,
        state: row.state,
        basisKind: row.basis_kind,
        basisTitle: row.basis_title,
        basisArticle: row.basis_article,
        authorisationReference: row.authorisation_reference,
        processingBasisKind: row.processing_basis_kind,
        purposes: row.purposes,
        organiser: row.organiser_organisation_id === controllerId,
        allowedCategories: row.allowed_categories,
        defaultRetentionMonths: row.default_retention_months,
        activatedAt: iso(row.activated_at),
      })),
      accounts: accounts.map((row) => ({
        userId: row.id,
        displayName: row.display_name,
        roles: row.roles as AccountRole[],
        active: row.active,
        mfaEnrolled: row.mfa_enrolled_at !== null,
        crossCaseSearch: row.cross_case_search,
        designations: row.designations ?? [],
      })),
    },
    declarations: declarations.map((row) => ({
      declarationId: row.declaration_id,
      registerNumber: row.register_number,
      version: row.number,
      kind: row.kind,
      status: row.status,
      submittedOn: row.submitted_on,
      acknowledgedOn: row.acknowledged_on,
      completedOn: row.completed_on,
      contentSha256: row.content_sha256,
      // The declaration as filed with the Commission: generated from the configuration, no person in it.
      content: JSON.parse(row.content) as unknown,
    })),
    registers: {
      rightsRequests: rights.map((row) => ({
        partId: row.id,
        kind: row.kind,
        channel: row.channel,
        receivedAt: iso(row.received_at),
        datedOn: row.dated_on,
        route: row.route,
        status: row.status,
        outcome: row.outcome,
        answeredAt: iso(row.answered_at),
      })),
      supervisoryCases: cases.map((row) => ({
        id: row.id,
        commissionReference: row.commission_reference,
        origin: row.origin,
        openedOn: row.opened_on,
        state: row.state,
        closure: row.closure,
        closedAt: iso(row.closed_at),
        actions: actions
          .filter((action) => action.case_id === row.id)
          .map((action) => ({ id: action.id, dueOn: action.due_on, doneAt: iso(action.done_at) })),
        positions: positions
          .filter((position) => position.case_id === row.id)
          .map((position) => ({
            id: position.id,
            invitedOn: position.invited_on,
            deadlineOn: position.deadline_on,
            submittedOn: position.submitted_on,
            documentSha256: position.document_sha256,
          })),
      })),
      repeatInstructions: instructions.map((row) => ({
        id: row.id,
        commissionReference: row.commission_reference,
        issuedOn: row.issued_on,
        intervalMonths: row.interval_months,
        recordedAt: iso(row.recorded_at),
      })),
      inspectorGrants: grants.map((row) => {
        const { inspector: _, ...grant } = presentGrant(
          row,
          inspectors.find((user) => user.id === row.inspector_user_id),
          now,
        );
        return { ...grant, inspectorUserId: row.inspector_user_id };
      }),
    },
    auditLog,
  };
}

/** A page of audit events as the inspector reads them: metadata only, never the justification's text. */
export function presentAuditPage(rows: readonly AuditEventRow[], limit: number): InspectionAuditPage {
  return {
    events: rows.map(({ position, payload }) => {
      const event = JSON.parse(payload) as {
        at: string;
        action: string;
        outcome: string;
        actor: { userId?: string; role?: string; system?: string };
        caseId?: string;
        records?: { type: string; id: string }[];
        reason?: string;
        justification?: string;
      };
      return {
        position,
        at: event.at,
        action: event.action,
        outcome: event.outcome,
        actor: { userId: event.actor.userId ?? event.actor.system ?? '', role: event.actor.role ?? 'system' },
        caseId: event.caseId ?? null,
        records: (event.records ?? []).map((record) => ({ type: record.type, id: record.id })),
        reason: event.reason ?? null,
        justified: event.justification !== undefined,
      };
    }),
    next: rows.length === limit ? rows[rows.length - 1]!.position : null,
  };
}
