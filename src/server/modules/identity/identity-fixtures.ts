/** Test data for the identity tests: realistic, valid records that each test bends. */
import type { CreateOrganisation } from '../../../contracts/identity.js';

/** A local police zone: Title 2 of the Law of 30 July 2018 (SPEC SCO-07 example). */
export const POLICE_ZONE: CreateOrganisation = {
  kind: 'police_service',
  dpRegime: 'law2018_title2',
  legalMission: { basis: 'lfp_art44_1', citation: 'Police Function Act of 5 August 1992, art. 44/1 §1' },
  lawfulGround: 'c',
  legalName: 'Politiezone Gent',
  address: 'Antonius Triestlaan 12, 9000 Gent',
  enterpriseNumber: '0216.222.403',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@politiezone.example',
  dpo: { name: 'An Peeters', contact: 'dpo@politiezone.example' },
  complianceOwner: 'Marc De Smet',
};

/** A Flemish welfare agency: a federated-entity body under the GDPR. */
export const WELFARE_AGENCY: CreateOrganisation = {
  kind: 'federated_entity_body',
  dpRegime: 'gdpr',
  legalMission: {
    basis: 'gdpr_art6_1e',
    citation: 'Decreet van 12 juli 2013 betreffende de integrale jeugdhulp',
  },
  lawfulGround: 'e',
  legalName: 'Agentschap Opgroeien',
  address: 'Hallepoortlaan 27, 1060 Brussel',
  enterpriseNumber: '0417.497.106',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@opgroeien.example',
  dpo: { name: 'Sofie Janssens', contact: 'dpo@opgroeien.example' },
  complianceOwner: 'Els Maes',
};

/** The host of the platform: no mission in the consultations (bill art. 3 §1 al. 2). */
export const PLATFORM_HOST: CreateOrganisation = {
  kind: 'platform_operator',
  dpRegime: 'gdpr',
  lawfulGround: 'b',
  legalName: 'Concerto Hosting NV',
  address: 'Kunstlaan 1, 1000 Brussel',
  enterpriseNumber: '1000.000.021',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@host.example',
  complianceOwner: 'Jan Claes',
};
