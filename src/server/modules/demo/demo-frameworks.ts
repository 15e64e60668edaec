/**
 * The demo's consultation frameworks (issue 4 scope 1 and 8): one of each kind the bill names,
 * under each kind of legal basis. Every instrument cited is fictional and says so ("démo"); the
 * browser journeys find the frameworks by these exact names.
 */
import type { CreateFramework, FrameworkTemplate } from '../../../contracts/frameworks.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { DemoOrganisationKey } from './demo-identities.js';

export type DemoFrameworkKey = 'veiligHuis' | 'csilR' | 'prison' | 'juvenile' | 'vulnerable';
type Party = Exclude<DemoOrganisationKey, 'host'>;

export interface DemoFramework {
  name: string;
  template: FrameworkTemplate;
  basis: Pick<CreateFramework, 'basisKind' | 'basisCitation' | 'authorisation'>;
  organiser: Party;
  /** bill arts 7-8: the prosecutor's office that gave the authorisation, for an authorisation basis. */
  authorisingOffice?: Party;
  participants: Party[];
  purposes: PurposeCode[];
  retentionMonths: number;
  modalities: string;
  ownFileExportDisabled?: boolean;
  exportFourEyes?: boolean;
}

export const DEMO_FRAMEWORKS: Record<DemoFrameworkKey, DemoFramework> = {
  veiligHuis: {
    name: 'Veilig Huis Démo – ketenaanpak intrafamiliaal geweld',
    template: 'intrafamily_violence',
    basis: {
      basisKind: 'decree',
      basisCitation: {
        title: 'Decreet van 12 mei 2023 betreffende de Veilige Huizen van de demoregio (démo)',
        date: '2023-05-12',
        article: 'art. 4',
      },
    },
    organiser: 'cpas',
    participants: ['police', 'parquet', 'cpas', 'prison', 'youthCare'],
    purposes: ['P1'],
    retentionMonths: 60,
    modalities:
      'Casusoverleg om de twee weken onder leiding van de coördinator van het Veilig Huis. De politie of het parket ' +
      'signaleert; de coördinator beslist over de aanvaarding en laat de partners toe die tot de opvolging kunnen bijdragen.',
  },
  csilR: {
    name: 'CSIL-R Démo',
    template: 'csil_r',
    basis: {
      basisKind: 'law',
      basisCitation: {
        title:
          'Loi du 3 mars 2022 relative aux cellules de sécurité intégrale locales de la commune de Démo (démo)',
        date: '2022-03-03',
        article: 'art. 3',
      },
    },
    organiser: 'cpas',
    participants: ['police', 'parquet', 'cpas', 'prison', 'youthCare'],
    purposes: ['P2'],
    retentionMonths: 120,
    modalities:
      'Réunion mensuelle présidée par le coordinateur de la cellule. Chaque membre signale les situations de ' +
      'radicalisation violente; le suivi est socio-préventif, sans finalité judiciaire.',
  },
  prison: {
    name: 'Concertation radicalisme en prison – Démo',
    template: 'prison_radicalisation',
    basis: {
      basisKind: 'prosecutor_authorisation',
      authorisation: {
        reference: 'PR-DEMO/2024/017',
        date: '2024-09-16',
        motivation:
          'Autorisation motivée du procureur du Roi (démo): la prévention d’infractions terroristes pendant la ' +
          'détention et à la libération exige que la prison, la police, le parquet et le CPAS partagent les ' +
          'informations nécessaires dans une concertation de cas.',
      },
    },
    organiser: 'prison',
    authorisingOffice: 'parquet',
    participants: ['police', 'parquet', 'prison', 'cpas'],
    purposes: ['P2'],
    retentionMonths: 120,
    exportFourEyes: true,
    modalities:
      'Concertation trimestrielle à la prison, présidée par la direction. Toute exportation vers le dossier propre ' +
      'est approuvée par un second membre de l’organisation demanderesse.',
  },
  juvenile: {
    name: 'Ketenaanpak jeugddelinquentie – Demo',
    template: 'juvenile_delinquency',
    basis: {
      basisKind: 'prosecutor_authorisation',
      authorisation: {
        reference: 'PK-DEMO/2025/004',
        date: '2025-01-20',
        motivation:
          'Met redenen omklede toestemming van de procureur des Konings (demo): een gecoördineerde aanpak van ' +
          'jongeren met herhaalde feiten vereist dat politie, parket, OCMW en jeugdhulp informatie delen.',
      },
    },
    organiser: 'parquet',
    authorisingOffice: 'parquet',
    participants: ['police', 'parquet', 'cpas', 'youthCare'],
    purposes: ['P1'],
    retentionMonths: 36,
    ownFileExportDisabled: true,
    modalities:
      'Maandelijks ketenoverleg op het parket, voorgezeten door de jeugdmagistraat. Informatie blijft in het ' +
      'gedeelde dossier: kopieën naar het eigen dossier zijn uitgesloten.',
  },
  vulnerable: {
    name: 'Casusoverleg kwetsbare personen – Demo',
    template: 'vulnerable_persons',
    basis: {
      basisKind: 'ordinance',
      basisCitation: {
        title:
          'Ordonnance du 9 février 2024 relative à la concertation de cas pour les personnes vulnérables (démo)',
        date: '2024-02-09',
        article: 'art. 2',
      },
    },
    organiser: 'cpas',
    participants: ['cpas', 'police', 'youthCare'],
    purposes: ['P1'],
    retentionMonths: 24,
    modalities:
      'Concertation à la demande de l’un des partenaires, organisée par le CPAS dans les dix jours du signalement.',
  },
};

/** The framework as the operator creates it, once the organisations exist. */
export function frameworkInput(framework: DemoFramework, idOf: (key: Party) => string): CreateFramework {
  return {
    name: framework.name,
    template: framework.template,
    ...framework.basis,
    purposes: framework.purposes,
    organiserOrganisationId: idOf(framework.organiser),
    ...(framework.authorisingOffice && { authorisingOrganisationId: idOf(framework.authorisingOffice) }),
    participantIds: framework.participants.map(idOf),
    modalities: framework.modalities,
    ownFileExportDisabled: framework.ownFileExportDisabled ?? false,
    exportFourEyes: framework.exportFourEyes ?? false,
    defaultRetention: { months: framework.retentionMonths, otherRule: null },
  };
}
