/** Between the contract's shapes and the table rows. */
import type {
  CreateOrganisation,
  Organisation,
  OrganisationKind,
  RoyalDecree,
  User,
  UserRole,
} from '../../../contracts/identity.js';
import type { OrganisationRow, RoyalDecreeRow, UserRow } from './identity.repository.js';
import { bill0485Applies, formatEnterpriseNumber } from './organisation-rules.js';

type MissionBasis = NonNullable<CreateOrganisation['legalMission']>['basis'];
type OrganisationColumns = Omit<OrganisationRow, 'id' | 'active' | 'created_at' | 'updated_at'>;

/** The record as stored: absent optional fields are null, the enterprise number dotted. */
export function normaliseOrganisation(record: CreateOrganisation): Required<CreateOrganisation> {
  return {
    ...record,
    legalMission: record.legalMission ?? null,
    enterpriseNumber: record.enterpriseNumber ? formatEnterpriseNumber(record.enterpriseNumber) : null,
    belgianRepresentative: record.belgianRepresentative ?? null,
    processingManager: record.processingManager ?? null,
    dpo: record.dpo ?? null,
  };
}

export function organisationColumns(record: Required<CreateOrganisation>): OrganisationColumns {
  return {
    kind: record.kind,
    dp_regime: record.dpRegime,
    mission_basis: record.legalMission?.basis ?? null,
    mission_citation: record.legalMission?.citation ?? null,
    lawful_ground: record.lawfulGround,
    legal_name: record.legalName,
    address: record.address,
    enterprise_number: record.enterpriseNumber,
    establishment_country: record.establishmentCountry,
    be_representative_name: record.belgianRepresentative?.name ?? null,
    be_representative_address: record.belgianRepresentative?.address ?? null,
    rights_contact: record.rightsContact,
    dpo_name: record.dpo?.name ?? null,
    dpo_contact: record.dpo?.contact ?? null,
    compliance_owner: record.complianceOwner,
    processing_manager_name: record.processingManager?.name ?? null,
    processing_manager_address: record.processingManager?.address ?? null,
  };
}

/** The stored record in the contract's words; the check constraints guarantee the pairs. */
export function organisationRecord(row: OrganisationRow): Required<CreateOrganisation> {
  return {
    kind: row.kind as OrganisationKind,
    dpRegime: row.dp_regime as CreateOrganisation['dpRegime'],
    legalMission: row.mission_basis
      ? { basis: row.mission_basis as MissionBasis, citation: row.mission_citation! }
      : null,
    lawfulGround: row.lawful_ground as CreateOrganisation['lawfulGround'],
    legalName: row.legal_name,
    address: row.address,
    enterpriseNumber: row.enterprise_number,
    establishmentCountry: row.establishment_country,
    belgianRepresentative: row.be_representative_name
      ? { name: row.be_representative_name, address: row.be_representative_address! }
      : null,
    rightsContact: row.rights_contact,
    dpo: row.dpo_name ? { name: row.dpo_name, contact: row.dpo_contact! } : null,
    complianceOwner: row.compliance_owner,
    processingManager: row.processing_manager_name
      ? { name: row.processing_manager_name, address: row.processing_manager_address! }
      : null,
  };
}

export function toRoyalDecree(row: RoyalDecreeRow): RoyalDecree {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The organisation with its royal decrees (those of other organisations among `decrees` are left out). */
export function toOrganisation(row: OrganisationRow, decrees: readonly RoyalDecreeRow[]): Organisation {
  const record = organisationRecord(row);
  return {
    ...record,
    id: row.id,
    bill0485Applies: bill0485Applies(record.kind),
    royalDecrees: decrees.filter((decree) => decree.organisation_id === row.id).map(toRoyalDecree),
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles as UserRole[],
    healthProfessional: row.health_professional,
    crossCaseSearch: row.cross_case_search,
    staffType: row.staff_type,
    active: row.active,
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
    sessionEpoch: row.session_epoch,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
