/**
 * The words of an own-file export, in the four languages of the platform. The use-limitation
 * notice quotes CP art. 458ter §2 al. 2 (quoted in the bill's Développements; SPEC PUR-02); the
 * category labels are the glossary's (SPEC §22.4, kernel/legal-rules/enumerations.ts), with a
 * German working translation to be checked by a legal translator, like the web app's.
 */
import type { ContestedCause } from '../../../contracts/contested.js';
import type { Language } from '../../../contracts/language.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import { DATA_CATEGORIES } from '../../kernel/legal-rules/index.js';

interface ExportTexts {
  /** SPEC PUR-02: "Usage limité – art. 458ter §2 al. 2 CP – finalité P2". */
  banner: (purpose: PurposeCode) => string;
  notice: string;
  title: string;
  watermark: (who: { userId: string; organisation: string; at: string }) => string;
  labels: {
    case: string;
    purpose: string;
    requester: string;
    retention: string;
    item: string;
    category: string;
    controller: string;
    special: string;
    secretOfInvestigation: string;
    judicial: string;
    contested: string;
    /** L2007 art. 15: "yes – since … (why)", for an item contested at the export. */
    contestedSince: (since: string, causes: readonly ContestedCause[]) => string;
    version: string;
    content: string;
    yes: string;
    no: string;
    untilClosure: (months: number) => string;
  };
}

const GERMAN_CATEGORIES: Record<CategoryCode, string> = {
  C01: 'Identifikationsdaten',
  C02: 'Kontaktdaten',
  C03: 'Daten über Beruf, berufliche Befähigung, Ausbildung und Weiterbildung',
  C04: 'Alter, Geschlecht, Staatsangehörigkeit, Personenstand und Aufenthaltsstatus',
  C05: 'Daten über Schulden und Zahlungsfähigkeit',
  C06: 'Daten über Lebensweise, Freizeitaktivitäten und soziales Umfeld',
  C07: 'Daten über die Zusammensetzung des Haushalts',
  C08: 'Daten über die Wohnverhältnisse',
  C09: 'Daten der Verwaltungs- oder Gerichtspolizei und Gerichtsdaten',
  C10: 'Gesundheitsdaten',
  C11: 'Daten über Risikosituationen und Risikoverhalten',
  C12: 'Daten, aus denen die Herkunft hervorgeht',
  C13: 'Daten, aus denen politische, religiöse oder weltanschauliche Überzeugungen hervorgehen',
  C14: 'Verhaltensdaten',
  C15: 'Daten über das Sexualverhalten oder die sexuelle Orientierung',
  C16: 'Andere Daten, die zur Erreichung des Ziels der Fallkonzertierung notwendig sind',
};

/** Why an item is contested (L2007 art. 15), in the words of each language. */
const CONTESTED_CAUSES: Record<Language, Record<ContestedCause, string>> = {
  fr: {
    rectification_request: 'demande de rectification',
    erasure_request: 'demande de suppression',
    prohibition_request: "demande d'interdiction d'utilisation",
    court_action: 'action en justice (art. 14)',
  },
  nl: {
    rectification_request: 'verzoek tot verbetering',
    erasure_request: 'verzoek tot verwijdering',
    prohibition_request: 'verzoek tot verbod van gebruik',
    court_action: 'rechtsvordering (art. 14)',
  },
  de: {
    rectification_request: 'Antrag auf Berichtigung',
    erasure_request: 'Antrag auf Löschung',
    prohibition_request: 'Antrag auf Nutzungsverbot',
    court_action: 'Klage (Art. 14)',
  },
  en: {
    rectification_request: 'request for rectification',
    erasure_request: 'request for erasure',
    prohibition_request: 'request to prohibit use',
    court_action: 'court action (art. 14)',
  },
};

const contestedSince =
  (language: Language, prefix: string) =>
  (since: string, causes: readonly ContestedCause[]): string =>
    `${prefix} ${since} (${causes.map((cause) => CONTESTED_CAUSES[language][cause]).join(', ')})`;

export const EXPORT_TEXTS: Record<Language, ExportTexts> = {
  fr: {
    banner: (purpose) => `Usage limité – art. 458ter §2 al. 2 CP – finalité ${purpose}`,
    notice:
      "Les secrets communiqués pendant la concertation ne peuvent donner lieu à des poursuites pénales que pour les délits en vue desquels la concertation a été organisée (art. 458ter, § 2, al. 2, du Code pénal). Seuls les participants à la concertation de cas ou leurs représentants ont accès à ces données dans le dossier propre (art. 4, al. 2, de la proposition de loi).",
    title: 'Transfert vers le dossier propre',
    watermark: ({ userId, organisation, at }) => `${organisation} · ${userId} · ${at}`,
    labels: {
      case: 'Dossier commun',
      purpose: 'Finalité',
      requester: 'Participant destinataire',
      retention: 'Conservation maximale',
      item: 'Donnée',
      category: 'Catégorie',
      controller: 'Responsable du traitement',
      special: 'Catégorie particulière',
      secretOfInvestigation: "Secret de l'instruction",
      judicial: 'Donnée judiciaire (art. 6)',
      contested: 'Donnée contestée',
      contestedSince: contestedSince('fr', 'oui – depuis'),
      version: 'Version',
      content: 'Contenu',
      yes: 'oui',
      no: 'non',
      untilClosure: (months) => `${months} mois après la clôture du dossier`,
    },
  },
  nl: {
    banner: (purpose) => `Beperkt gebruik – art. 458ter §2 lid 2 Sw – doelstelling ${purpose}`,
    notice:
      'Geheimen die tijdens het overleg worden meegedeeld, kunnen slechts aanleiding geven tot strafvervolging voor de misdrijven met het oog waarop het overleg werd georganiseerd (art. 458ter, § 2, tweede lid, van het Strafwetboek). Enkel personen die aan het casusoverleg hebben deelgenomen, of hun vertegenwoordigers, hebben in de eigen dossieromgeving toegang tot deze gegevens (art. 4, tweede lid, van het wetsvoorstel).',
    title: 'Overdracht naar de eigen dossieromgeving',
    watermark: ({ userId, organisation, at }) => `${organisation} · ${userId} · ${at}`,
    labels: {
      case: 'Gezamenlijke dossieromgeving',
      purpose: 'Doelstelling',
      requester: 'Ontvangende deelnemer',
      retention: 'Maximale bewaartermijn',
      item: 'Gegeven',
      category: 'Categorie',
      controller: 'Verwerkingsverantwoordelijke',
      special: 'Bijzondere categorie',
      secretOfInvestigation: 'Geheim van het onderzoek',
      judicial: 'Gerechtelijk gegeven (art. 6)',
      contested: 'Betwist gegeven',
      contestedSince: contestedSince('nl', 'ja – sinds'),
      version: 'Versie',
      content: 'Inhoud',
      yes: 'ja',
      no: 'nee',
      untilClosure: (months) => `${months} maanden na afsluiting van het dossier`,
    },
  },
  de: {
    banner: (purpose) => `Eingeschränkte Nutzung – Art. 458ter § 2 Abs. 2 StGB – Zweck ${purpose}`,
    notice:
      'Während der Konzertierung mitgeteilte Geheimnisse können nur für die Straftaten, zu deren Verhütung die Konzertierung organisiert wurde, zu einer Strafverfolgung führen (Art. 458ter § 2 Abs. 2 des Strafgesetzbuches). Nur Personen, die an der Fallkonzertierung teilgenommen haben, oder ihre Vertreter haben in der eigenen Akte Zugang zu diesen Daten (Art. 4 Abs. 2 des Gesetzesvorschlags).',
    title: 'Übertragung in die eigene Akte',
    watermark: ({ userId, organisation, at }) => `${organisation} · ${userId} · ${at}`,
    labels: {
      case: 'Gemeinsame Akte',
      purpose: 'Zweck',
      requester: 'Empfangender Teilnehmer',
      retention: 'Höchstaufbewahrungsdauer',
      item: 'Angabe',
      category: 'Kategorie',
      controller: 'Verantwortlicher',
      special: 'Besondere Kategorie',
      secretOfInvestigation: 'Ermittlungsgeheimnis',
      judicial: 'Gerichtliche Angabe (Art. 6)',
      contested: 'Bestrittene Angabe',
      contestedSince: contestedSince('de', 'ja – seit'),
      version: 'Version',
      content: 'Inhalt',
      yes: 'ja',
      no: 'nein',
      untilClosure: (months) => `${months} Monate nach Abschluss der Akte`,
    },
  },
  en: {
    banner: (purpose) => `Limited use – art. 458ter §2 al. 2 Criminal Code – purpose ${purpose}`,
    notice:
      'Secrets communicated during the consultation may give rise to criminal prosecution only for the offences for which the consultation was organised (art. 458ter §2 al. 2 of the Criminal Code). In the own file, only persons who took part in the case consultation, or their representatives, may access these data (art. 4 al. 2 of the bill).',
    title: 'Transfer to the own file',
    watermark: ({ userId, organisation, at }) => `${organisation} · ${userId} · ${at}`,
    labels: {
      case: 'Shared case file',
      purpose: 'Purpose',
      requester: 'Receiving participant',
      retention: 'Maximum retention',
      item: 'Information',
      category: 'Category',
      controller: 'Controller',
      special: 'Special category',
      secretOfInvestigation: 'Secrecy of the judicial investigation',
      judicial: 'Judicial data (art. 6)',
      contested: 'Contested data',
      contestedSince: contestedSince('en', 'yes – since'),
      version: 'Version',
      content: 'Content',
      yes: 'yes',
      no: 'no',
      untilClosure: (months) => `${months} months after the closure of the case`,
    },
  },
};

/** The glossary's label of a category in `language` (SPEC §22.4; German: working translation). */
export function categoryLabel(code: CategoryCode, language: Language): string {
  if (language === 'de') return GERMAN_CATEGORIES[code];
  return DATA_CATEGORIES.find((category) => category.code === code)!.label[language];
}
