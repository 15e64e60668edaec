/**
 * The words of the art. 38 evidence pack as a PDF (SPEC PEN-01), in the languages of the
 * declarations it cites (French and Dutch, the languages of the Commission's file).
 */
import type { DeclarationLanguage } from '../../../contracts/declarations.js';

export interface EvidencePackTexts {
  title: string;
  banner: string;
  headings: {
    pack: string;
    contested: string;
    statement: string;
    conformity: string;
    permissions: string;
    refused: string;
  };
  labels: {
    controller: string;
    period: string;
    rule: string;
    registerNumbers: string;
    none: string;
    disclosures: string;
    withContested: string;
    unflagged: string;
    kinds: Record<'own_file_export' | 'consultation' | 'external_disclosure', string>;
    items: string;
    contested: string;
    flagged: string;
    notRendered: string;
    purposes: string;
    categories: string;
    consultations: string;
    recipients: string;
    interconnections: string;
    declaration: string;
    conforms: string;
    differs: string;
    nothingToCompare: string;
    mismatches: string;
    takenAt: string;
    member: string;
    representative: string;
    caseLabel: string;
    noEvent: string;
  };
}

export const EVIDENCE_PACK_TEXTS: Readonly<Record<DeclarationLanguage, EvidencePackTexts>> = {
  fr: {
    title: 'Dossier de preuve – article 38 de la loi du 8 décembre 1992',
    banner:
      'Preuve du responsable du traitement (art. 15 et 16 § 1er de la loi du 8 décembre 1992) – identifiants et comptages, sans contenu des dossiers.',
    headings: {
      pack: 'Objet',
      contested: '1. Mention des données contestées à chaque communication (art. 15)',
      statement: '2. État du traitement (art. 16 § 1er, 1°)',
      conformity: '3. Conformité des programmes à la déclaration (art. 16 § 1er, 2°)',
      permissions: "4. Limitation de l'accès (art. 16 § 1er, 4°)",
      refused: '5. Communications refusées (art. 16 § 1er, 5°)',
    },
    labels: {
      controller: 'Responsable du traitement',
      period: 'Période',
      rule: 'Disposition',
      registerNumbers: "Numéros d'identification au registre",
      none: 'aucun',
      disclosures: 'Communications',
      withContested: 'dont avec des données contestées',
      unflagged: 'Données contestées communiquées sans la mention',
      kinds: {
        own_file_export: 'Exportation vers un dossier propre',
        consultation: 'Consultation par un autre participant',
        external_disclosure: 'Communication hors Concerto',
      },
      items: 'Données',
      contested: 'contestées',
      flagged: 'mentionnées comme contestées',
      notRendered: 'non rendue par Concerto',
      purposes: 'Finalités',
      categories: 'Catégories (enregistrées / consultées)',
      consultations: 'Consultations (personnel propre / autres)',
      recipients: 'Destinataires',
      interconnections: 'Interconnexions',
      declaration: 'Déclaration',
      conforms: 'conforme',
      differs: 'diffère',
      nothingToCompare: 'rien à comparer',
      mismatches: 'Déclarations non conformes',
      takenAt: 'Relevé au',
      member: 'Compte',
      representative: 'Représentant permanent',
      caseLabel: 'Dossier',
      noEvent: 'Aucune.',
    },
  },
  nl: {
    title: 'Bewijsdossier – artikel 38 van de wet van 8 december 1992',
    banner:
      'Bewijs van de verantwoordelijke voor de verwerking (art. 15 en 16 § 1 van de wet van 8 december 1992) – identificaties en tellingen, zonder inhoud van dossiers.',
    headings: {
      pack: 'Voorwerp',
      contested: '1. Vermelding van betwiste gegevens bij elke mededeling (art. 15)',
      statement: '2. Staat van de verwerking (art. 16 § 1, 1°)',
      conformity: '3. Overeenstemming van de programma’s met de aangifte (art. 16 § 1, 2°)',
      permissions: '4. Beperking van de toegang (art. 16 § 1, 4°)',
      refused: '5. Geweigerde mededelingen (art. 16 § 1, 5°)',
    },
    labels: {
      controller: 'Verantwoordelijke voor de verwerking',
      period: 'Periode',
      rule: 'Bepaling',
      registerNumbers: 'Identificatienummers in het register',
      none: 'geen',
      disclosures: 'Mededelingen',
      withContested: 'waarvan met betwiste gegevens',
      unflagged: 'Betwiste gegevens meegedeeld zonder de vermelding',
      kinds: {
        own_file_export: 'Uitvoer naar een eigen dossier',
        consultation: 'Raadpleging door een andere deelnemer',
        external_disclosure: 'Mededeling buiten Concerto',
      },
      items: 'Gegevens',
      contested: 'betwist',
      flagged: 'als betwist vermeld',
      notRendered: 'niet door Concerto weergegeven',
      purposes: 'Doeleinden',
      categories: 'Categorieën (geregistreerd / geraadpleegd)',
      consultations: 'Raadplegingen (eigen personeel / anderen)',
      recipients: 'Ontvangers',
      interconnections: 'Onderlinge koppelingen',
      declaration: 'Aangifte',
      conforms: 'in overeenstemming',
      differs: 'wijkt af',
      nothingToCompare: 'niets te vergelijken',
      mismatches: 'Aangiften die niet overeenstemmen',
      takenAt: 'Opgemaakt op',
      member: 'Account',
      representative: 'Vaste vertegenwoordiger',
      caseLabel: 'Dossier',
      noEvent: 'Geen.',
    },
  },
};
