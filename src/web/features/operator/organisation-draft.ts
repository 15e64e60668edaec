/**
 * The organisation form as typed (every field text) and the body it sends
 * (CreateOrganisationSchema): empty optional blocks become null, the server checks the rules.
 */
import type {
  CreateOrganisation,
  DP_REGIMES,
  LAWFUL_GROUNDS,
  MISSION_BASES,
  OrganisationKind,
} from '../../../contracts/identity.js';

export interface OrganisationDraft {
  kind: OrganisationKind;
  dpRegime: (typeof DP_REGIMES)[number];
  missionBasis: (typeof MISSION_BASES)[number] | '';
  missionCitation: string;
  lawfulGround: (typeof LAWFUL_GROUNDS)[number];
  legalName: string;
  address: string;
  enterpriseNumber: string;
  establishmentCountry: string;
  representativeName: string;
  representativeAddress: string;
  rightsContact: string;
  dpoName: string;
  dpoContact: string;
  complianceOwner: string;
}

export type DraftField = keyof OrganisationDraft;

export const EMPTY_DRAFT: OrganisationDraft = {
  kind: 'administrative_authority',
  dpRegime: 'gdpr',
  missionBasis: 'specific_law',
  missionCitation: '',
  lawfulGround: 'e',
  legalName: '',
  address: '',
  enterpriseNumber: '',
  establishmentCountry: 'BE',
  representativeName: '',
  representativeAddress: '',
  rightsContact: '',
  dpoName: '',
  dpoContact: '',
  complianceOwner: '',
};

export function organisationBody(draft: OrganisationDraft): CreateOrganisation {
  const representative = draft.representativeName.trim() || draft.representativeAddress.trim();
  const dpo = draft.dpoName.trim() || draft.dpoContact.trim();
  return {
    kind: draft.kind,
    dpRegime: draft.dpRegime,
    legalMission: draft.missionBasis
      ? { basis: draft.missionBasis, citation: draft.missionCitation.trim() }
      : null,
    lawfulGround: draft.lawfulGround,
    legalName: draft.legalName.trim(),
    address: draft.address.trim(),
    enterpriseNumber: draft.enterpriseNumber.trim() || null,
    establishmentCountry: draft.establishmentCountry.trim().toUpperCase(),
    belgianRepresentative: representative
      ? { name: draft.representativeName.trim(), address: draft.representativeAddress.trim() }
      : null,
    rightsContact: draft.rightsContact.trim(),
    dpo: dpo ? { name: draft.dpoName.trim(), contact: draft.dpoContact.trim() } : null,
    complianceOwner: draft.complianceOwner.trim(),
  };
}

/** The form field that shows a refused body field ("legalMission.citation" → missionCitation). */
const FIELD_OF: Record<string, DraftField> = {
  legalMission: 'missionBasis',
  'legalMission.basis': 'missionBasis',
  'legalMission.citation': 'missionCitation',
  belgianRepresentative: 'representativeName',
  'belgianRepresentative.name': 'representativeName',
  'belgianRepresentative.address': 'representativeAddress',
  dpo: 'dpoName',
  'dpo.name': 'dpoName',
  'dpo.contact': 'dpoContact',
};

export function draftField(bodyField: string): DraftField | undefined {
  if (bodyField in FIELD_OF) return FIELD_OF[bodyField];
  return bodyField in EMPTY_DRAFT ? (bodyField as DraftField) : undefined;
}
