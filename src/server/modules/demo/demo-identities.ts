/**
 * The demo platform (issue 3 scope 11): one organisation of each kind a case consultation
 * brings together (bill art. 2 §1, SPEC SCO-01) plus the host, and one user per role. Every
 * name, address and mailbox is invented (`.example` domains, RFC 2606); enterprise numbers
 * only have valid check digits.
 */
import type { CreateOrganisation, UserRole } from '../../../contracts/identity.js';
import type { UndertakingTexts } from '../../../contracts/undertakings.js';

/** A key of the demo organisations, stable across runs. */
export type DemoOrganisationKey = 'host' | 'police' | 'parquet' | 'cpas' | 'prison' | 'youthCare';

/** The host of the platform: no mission in the consultations (bill art. 3 §1 al. 2). */
const HOST: CreateOrganisation = {
  kind: 'platform_operator',
  dpRegime: 'gdpr',
  lawfulGround: 'b',
  legalName: 'Concerto Demo Hosting',
  address: "Rue de l'Exemple 1, 1000 Bruxelles",
  enterpriseNumber: '1000.001.011',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@hosting.demo.example',
  complianceOwner: 'Nadia Lambert',
};

const POLICE: CreateOrganisation = {
  kind: 'police_service',
  dpRegime: 'law2018_title2',
  legalMission: { basis: 'lfp_art44_1', citation: 'Police Function Act of 5 August 1992, art. 44/1 §1' },
  lawfulGround: 'c',
  legalName: 'Politiezone Demo',
  address: 'Voorbeeldstraat 10, 9000 Gent',
  enterpriseNumber: '0899.100.126',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@politiezone.demo.example',
  dpo: { name: 'Ann Peeters', contact: 'dpo@politiezone.demo.example' },
  complianceOwner: 'Karel Wouters',
};

/** The public prosecutor's office (parquet / parket). */
const PARQUET: CreateOrganisation = {
  kind: 'judicial_authority',
  dpRegime: 'law2018_title2',
  legalMission: {
    basis: 'specific_law',
    citation: 'Criminal Code, art. 458ter; Code of Criminal Procedure, art. 22',
  },
  lawfulGround: 'e',
  legalName: 'Parquet du procureur du Roi de Démo',
  address: 'Place de la Justice 5, 5000 Namur',
  enterpriseNumber: '0212.002.309',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@parquet.demo.example',
  dpo: { name: 'Claire Dumont', contact: 'dpo@parquet.demo.example' },
  complianceOwner: 'Pieter De Vos',
};

/** A public social welfare centre (CPAS / OCMW): an administrative authority. */
const CPAS: CreateOrganisation = {
  kind: 'administrative_authority',
  dpRegime: 'gdpr',
  legalMission: {
    basis: 'gdpr_art6_1e',
    citation: 'Organic Law of 8 July 1976 on public social welfare centres, art. 1 and 57',
  },
  lawfulGround: 'e',
  legalName: "Centre public d'action sociale de Démo",
  address: 'Rue du Centre 20, 5000 Namur',
  enterpriseNumber: '0207.000.473',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@cpas.demo.example',
  dpo: { name: 'Julie Renard', contact: 'dpo@cpas.demo.example' },
  complianceOwner: 'Sophie Dubois',
};

/** A prison: a service of the federal public service Justice. */
const PRISON: CreateOrganisation = {
  kind: 'federal_service',
  dpRegime: 'gdpr',
  legalMission: {
    basis: 'gdpr_art6_1e',
    citation: 'Law of 12 January 2005 on the prison system and the legal status of detainees',
  },
  lawfulGround: 'e',
  legalName: 'Prison de Démo (SPF Justice)',
  address: 'Chemin de la Prison 3, 5000 Namur',
  enterpriseNumber: '0216.030.480',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@prison.demo.example',
  dpo: { name: 'Marc Lejeune', contact: 'dpo@prison.demo.example' },
  complianceOwner: 'Luc Martin',
};

/** Youth care of a federated entity (French Community). */
const YOUTH_CARE: CreateOrganisation = {
  kind: 'federated_entity_body',
  dpRegime: 'gdpr',
  legalMission: {
    basis: 'gdpr_art6_1e',
    citation:
      'Decree of the French Community of 18 January 2018 on the prevention, aid and protection of young people',
  },
  lawfulGround: 'e',
  legalName: "Service de l'aide à la jeunesse de Démo",
  address: 'Avenue des Jeunes 8, 5000 Namur',
  enterpriseNumber: '0316.000.363',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@aidejeunesse.demo.example',
  dpo: { name: 'Emma Willems', contact: 'dpo@aidejeunesse.demo.example' },
  complianceOwner: 'Lotte Peeters',
};

export const DEMO_ORGANISATIONS: Record<DemoOrganisationKey, CreateOrganisation> = {
  host: HOST,
  police: POLICE,
  parquet: PARQUET,
  cpas: CPAS,
  prison: PRISON,
  youthCare: YOUTH_CARE,
};

export interface DemoUser {
  role: UserRole;
  organisation: DemoOrganisationKey;
  email: string;
  displayName: string;
}

/** One user per role (ARCHITECTURE §1), in the order of USER_ROLES. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    role: 'operator',
    organisation: 'host',
    email: 'nadia.lambert@hosting.demo.example',
    displayName: 'Nadia Lambert',
  },
  {
    role: 'organiser',
    organisation: 'cpas',
    email: 'sophie.dubois@cpas.demo.example',
    displayName: 'Sophie Dubois',
  },
  {
    role: 'participant',
    organisation: 'police',
    email: 'karel.wouters@politiezone.demo.example',
    displayName: 'Karel Wouters',
  },
  {
    role: 'prosecutor',
    organisation: 'parquet',
    email: 'pieter.devos@parquet.demo.example',
    displayName: 'Pieter De Vos',
  },
  {
    role: 'dpo',
    organisation: 'prison',
    email: 'marc.lejeune@prison.demo.example',
    displayName: 'Marc Lejeune',
  },
  {
    role: 'representative',
    organisation: 'youthCare',
    email: 'lotte.peeters@aidejeunesse.demo.example',
    displayName: 'Lotte Peeters',
  },
];

/**
 * A demo controller's awareness module (L2007 art. 16 §2 3°, SPEC SEC-09): every participant
 * user must acknowledge their controller's module before case access, so a demo without one
 * would block every demo user. Marked as a demo text in each language.
 */
export function demoAwarenessTexts(controller: string): UndertakingTexts {
  return {
    fr:
      `Module de sensibilisation – ${controller} (texte de démonstration).\n\n` +
      `En tant que personne agissant sous l'autorité du responsable du traitement, ${controller}, vous êtes informé(e) ` +
      'des dispositions de la loi du 8 décembre 1992 relative à la protection de la vie privée à l’égard des traitements ' +
      'de données à caractère personnel, de ses arrêtés d’exécution et de toute prescription relative à la protection de ' +
      'la vie privée applicable à vos traitements (article 16, § 2, 3°).\n\n' +
      'Vous ne traitez les données à caractère personnel que sur instruction du responsable du traitement et pour les ' +
      'finalités de la concertation de cas.',
    nl:
      `Bewustmakingsmodule – ${controller} (demotekst).\n\n` +
      `Als persoon die handelt onder het gezag van de verwerkingsverantwoordelijke, ${controller}, wordt u op de hoogte ` +
      'gebracht van de bepalingen van de wet van 8 december 1992 tot bescherming van de persoonlijke levenssfeer ten ' +
      'opzichte van de verwerking van persoonsgegevens, van haar uitvoeringsbesluiten en van alle relevante voorschriften ' +
      'inzake de bescherming van de persoonlijke levenssfeer (artikel 16, § 2, 3°).\n\n' +
      'U verwerkt persoonsgegevens alleen in opdracht van de verwerkingsverantwoordelijke en voor de doeleinden van het ' +
      'casusoverleg.',
    de:
      `Sensibilisierungsmodul – ${controller} (Demotext).\n\n` +
      `Als Person, die unter der Weisungsbefugnis des für die Verarbeitung Verantwortlichen, ${controller}, handelt, ` +
      'werden Sie über die Bestimmungen des Gesetzes vom 8. Dezember 1992 über den Schutz des Privatlebens hinsichtlich ' +
      'der Verarbeitung personenbezogener Daten, seine Ausführungserlasse und alle einschlägigen Vorschriften zum Schutz ' +
      'des Privatlebens informiert (Artikel 16 § 2 Nr. 3).\n\n' +
      'Sie verarbeiten personenbezogene Daten nur auf Anweisung des Verantwortlichen und für die Zwecke der ' +
      'Fallkonzertierung.',
    en:
      `Awareness module – ${controller} (demo text).\n\n` +
      `As a person acting under the authority of the controller, ${controller}, you are informed of the provisions of ` +
      'the Law of 8 December 1992 on the protection of privacy in relation to the processing of personal data, of its ' +
      'implementing decrees and of every relevant privacy rule (Article 16 §2 3°).\n\n' +
      "You process personal data only on the controller's instructions and for the purposes of the case consultation.",
  };
}
