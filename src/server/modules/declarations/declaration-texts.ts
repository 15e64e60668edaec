/**
 * The words of the declaration (L2007/L1992 art. 17 §3) in the two languages it is made in to the
 * Commission. Legal terms follow the glossary (SPEC §22.7-22.8: "déclaration"/"aangifte",
 * "catégories de destinataires", "registre public", "numéro d'identification du traitement");
 * the data categories and purposes are the glossary's labels (kernel/legal-rules/enumerations.ts).
 * Periods are formatted from the legal rules, never written here.
 */
import type { DeclarationLanguage, DeclarationSection } from '../../../contracts/declarations.js';
import type { OrganisationKind } from '../../../contracts/identity.js';
import type { Language } from '../../../contracts/language.js';
import type { Duration } from '../../kernel/legal-rules/index.js';

/** The item of art. 17 each section fills (§3 3° is the 1992 text's, repealed in 2007 and kept). */
export const SECTION_ITEMS: Record<DeclarationSection, string> = {
  instrument: '§3 1°',
  controller: '§3 2°',
  processor: '§3 3° (L1992)',
  name: '§3 4°',
  purposes: '§3 5°',
  categories: '§3 6°',
  recipients: '§3 7°',
  safeguards: '§3 8°',
  rights: '§3 9°',
  retention: '§3 10°',
  security: '§3 11°',
  journalism: '§3 12°',
  transfers: '§6',
};

/** English names of the sections, for update items and problems (the API's language). */
export const SECTION_NAMES: Record<DeclarationSection, string> = {
  instrument: 'date and legal instrument',
  controller: 'controller',
  processor: 'processor (host)',
  name: 'name of the processing',
  purposes: 'purposes',
  categories: 'data categories',
  recipients: 'recipient categories',
  safeguards: 'safeguards of communication',
  rights: 'information and right of access',
  retention: 'retention period',
  security: 'security measures',
  journalism: 'art. 3 §3 grounds',
  transfers: 'transfers abroad',
};

export const SAFEGUARD_CODES = [
  'secrecy_undertaking',
  'need_to_know',
  'encryption',
  'audit_log',
  'export_watermark',
  'special_category_designations',
  'own_file_consent',
  'own_file_export_disabled',
  'export_four_eyes',
] as const;
export type SafeguardCode = (typeof SAFEGUARD_CODES)[number];

type RecipientKind = Exclude<OrganisationKind, 'platform_operator'>;

export interface DeclarationTexts {
  title: string;
  banner: string;
  sections: Record<DeclarationSection, string>;
  labels: {
    declarationDate: string;
    publicRegisterExemption: string;
    no: string;
    basis: string;
    processingBasis: string;
    legalName: string;
    address: string;
    enterpriseNumber: string;
    country: string;
    representative: string;
    none: string;
    description: string;
    special: string;
    judicialKinds: string;
    accessService: string;
    channels: string;
    planVersion: string;
    registerNumber: string;
    mode: string;
    version: string;
    /** §3 3° (1992): where the host processes the data. */
    processingCountry: string;
    /** §6: nothing is transmitted abroad. */
    noTransfer: string;
  };
  basisKinds: Record<'law' | 'decree' | 'ordinance' | 'prosecutor_authorisation', string>;
  recipientKinds: Record<RecipientKind, string>;
  safeguards: Record<SafeguardCode, string>;
  /** The particular description of the data of arts 6 to 8 (§3 6°), per special category. */
  special: Record<'C09' | 'C10' | 'C12' | 'C13' | 'C15', string>;
  channels: Record<'post' | 'registered_post' | 'email' | 'desk', string>;
  information: string;
  routes: Record<'direct' | 'commission', string>;
  facilitation: string;
  retention: {
    framework: (agreed: string, cap: string) => string;
    beyondCap: (agreed: string, rule: string) => string;
    ownFile: (cap: string) => string;
    list: (period: string) => string;
    drafts: (period: string) => string;
  };
  journalism: string;
  defaultSecurity: string;
  modes: Record<'commission' | 'sectoral_committee' | 'royal_decree_exemption', string>;
  duration: (duration: Duration) => string;
}

function durationIn(
  units: Record<'day' | 'days' | 'month' | 'months' | 'year' | 'years' | 'workingDays', string>,
) {
  return (duration: Duration): string => {
    const { amount, unit } = duration;
    if (unit === 'workingDays') return `${amount} ${units.workingDays}`;
    // A whole number of years reads as years, however the rule counts it.
    if (unit === 'months' && amount % 12 === 0) {
      const y = amount / 12;
      return `${y} ${y === 1 ? units.year : units.years}`;
    }
    const singular = { days: units.day, months: units.month, years: units.year }[unit];
    const plural = { days: units.days, months: units.months, years: units.years }[unit];
    return `${amount} ${amount === 1 ? singular : plural}`;
  };
}

export const DECLARATION_TEXTS: Record<DeclarationLanguage, DeclarationTexts> = {
  fr: {
    title: 'Déclaration préalable d’un traitement automatisé (loi du 8 décembre 1992, art. 17)',
    banner:
      'Déclaration à la Commission de la protection de la vie privée (art. 17 §3) – contenu généré par Concerto depuis la configuration',
    sections: {
      instrument: '1° Date de la déclaration et acte décidant la création du traitement',
      controller: '2° Responsable du traitement',
      processor: '3° Gestionnaire du traitement automatisé (texte de 1992)',
      name: '4° Dénomination du traitement automatisé',
      purposes: '5° Finalité ou ensemble des finalités liées',
      categories:
        '6° Catégories de données traitées et description particulière des données visées aux articles 6 à 8',
      recipients: '7° Catégories de destinataires à qui les données peuvent être fournies',
      safeguards: '8° Garanties dont doit être entourée la communication de données aux tiers',
      rights: '9° Information des personnes concernées et exercice du droit d’accès',
      retention:
        '10° Période au-delà de laquelle les données ne peuvent plus être gardées, utilisées ou diffusées',
      security: '11° Description générale des mesures de sécurité (art. 16)',
      journalism: '12° Motifs d’application de l’article 3, § 3',
      transfers:
        '§ 6. Transmission à l’étranger: catégories de données transmises et, pour chacune, pays de destination',
    },
    labels: {
      declarationDate: 'Date de la déclaration',
      publicRegisterExemption:
        'Traitement ayant pour seul objet la tenue d’un registre public (art. 17 §1 al. 2)',
      no: 'non',
      basis: 'Acte',
      processingBasis: 'Base légale du traitement',
      legalName: 'Dénomination',
      address: 'Siège',
      enterpriseNumber: 'Numéro d’entreprise',
      country: 'Pays d’établissement',
      representative: 'Représentant en Belgique',
      none: 'aucun',
      description: 'Description',
      special: 'Données visées aux articles 6 à 8',
      judicialKinds: 'Nature des données judiciaires (art. 8 §1, texte de 1992)',
      accessService: 'Service auprès duquel s’exerce le droit d’accès',
      channels: 'Moyens de saisine',
      planVersion: 'Plan de sécurité',
      registerNumber: 'Numéro d’identification du traitement (registre public, art. 18)',
      mode: 'Régime de déclaration',
      version: 'Version',
      processingCountry: 'Pays où les données sont traitées',
      noTransfer: 'Aucune donnée n’est destinée à être transmise à l’étranger',
    },
    basisKinds: {
      law: 'Loi',
      decree: 'Décret',
      ordinance: 'Ordonnance',
      prosecutor_authorisation: 'Autorisation motivée du procureur du Roi',
    },
    recipientKinds: {
      administrative_authority: 'autorités administratives participant à la concertation de cas',
      judicial_authority: 'autorités judiciaires (parquet) participant à la concertation de cas',
      federal_service: 'services publics fédéraux participant à la concertation de cas',
      police_service: 'services de police participant à la concertation de cas',
      federated_entity_body: 'organismes des entités fédérées participant à la concertation de cas',
      other: 'autres participants désignés par l’acte organisant la concertation de cas',
    },
    safeguards: {
      secrecy_undertaking:
        'Engagement de secret (art. 458ter §2 du Code pénal) de chaque participant avant tout accès',
      need_to_know:
        'Accès limité aux participants admis au dossier, selon le besoin d’en connaître, contrôlé aussi au niveau de la base de données',
      encryption: 'Contenu chiffré par dossier (AES-256-GCM), clés conservées hors de la base de données',
      audit_log: 'Journal inaltérable de chaque consultation et communication, avec motif et destinataires',
      export_watermark:
        'Exports et impressions marqués de leur usage limité (art. 458ter §2 al. 2 du Code pénal) et de qui les a faits',
      special_category_designations:
        'Données des articles 6 à 8 lisibles par les seules personnes désignées, tenues au secret (loi du 30 juillet 2018, arts 9 et 10 §2)',
      own_file_consent:
        'Copie vers le dossier propre d’un participant seulement avec l’accord de celui qui a partagé l’information (projet de loi, art. 4)',
      own_file_export_disabled:
        'Copie vers le dossier propre d’un participant désactivée pour au moins un cadre',
      export_four_eyes: 'Export soumis au principe des quatre yeux pour au moins un cadre',
    },
    special: {
      C09: 'Données judiciaires et de police (art. 8): accès réservé aux personnes désignées; nature détaillée ci-dessous',
      C10: 'Données relatives à la santé (art. 7): accès réservé aux personnes désignées',
      C12: 'Données révélant l’origine (art. 6): accès réservé aux personnes désignées',
      C13: 'Données révélant les convictions politiques, religieuses ou philosophiques (art. 6): accès réservé aux personnes désignées',
      C15: 'Données relatives à la vie sexuelle (art. 6): accès réservé aux personnes désignées',
    },
    channels: {
      post: 'par courrier',
      registered_post: 'par courrier recommandé',
      email: 'par courrier électronique',
      desk: 'au guichet',
    },
    information:
      'Notice d’information (art. 9) remise à la personne concernée lors de la collecte ou, au plus tard, lors de la première communication, en français, néerlandais, allemand ou anglais',
    routes: {
      direct: 'Le droit d’accès s’exerce directement auprès du responsable du traitement',
      commission:
        'Pour les données de police et des services visés à l’article 3 §§4 et 5, le droit d’accès s’exerce par l’intermédiaire de la Commission (art. 13)',
    },
    facilitation:
      'Demande datée et signée reçue par tout canal; un guichet des droits tenu par le délégué à la protection des données enregistre chaque demande et en suit le délai légal',
    retention: {
      framework: (agreed, cap) => `≤ ${agreed} après la clôture du dossier, au maximum ${cap}`,
      beyondCap: (agreed, rule) => `≤ ${agreed} après la clôture du dossier, en vertu de ${rule}`,
      ownFile: (cap) =>
        `Dossier propre d’un participant: même délai, au maximum ${cap} après la clôture, sauf délai fixé par sa loi organique (projet de loi, art. 4 al. 5)`,
      list: (period) =>
        `Liste du procureur du Roi: chaque identité est effacée au plus tard ${period} après son enregistrement (projet de loi, art. 8 al. 2)`,
      drafts: (period) => `Dossier préparé mais jamais signalé: ${period} après sa clôture`,
    },
    journalism:
      'Non applicable: le traitement ne sert pas de fins journalistiques, artistiques ou littéraires',
    defaultSecurity:
      'Le contenu de chaque dossier est chiffré (AES-256-GCM) sous une clé propre au dossier, elle-même protégée par une clé conservée hors de la base de données; la destruction de cette clé rend le dossier illisible, y compris dans les sauvegardes. Chaque utilisateur est nommé et s’authentifie avec un second facteur. L’accès suit le besoin d’en connaître, décidé par un seul module et doublé par la sécurité au niveau des lignes de PostgreSQL. Chaque opération est inscrite dans un journal inaltérable (arbre de Merkle, points de contrôle signés). L’hébergeur n’accède pas au contenu. Le plan de sécurité cité ci-dessous détaille ces mesures.',
    modes: {
      commission: 'Déclaration à la Commission (art. 17)',
      sectoral_committee: 'Autorisation préalable d’un comité sectoriel (art. 20)',
      royal_decree_exemption: 'Exemption de déclaration par arrêté royal (art. 17 §8)',
    },
    duration: durationIn({
      day: 'jour',
      days: 'jours',
      month: 'mois',
      months: 'mois',
      year: 'an',
      years: 'ans',
      workingDays: 'jours ouvrables',
    }),
  },
  nl: {
    title: 'Voorafgaande aangifte van een geautomatiseerde verwerking (wet van 8 december 1992, art. 17)',
    banner:
      'Aangifte bij de Commissie voor de bescherming van de persoonlijke levenssfeer (art. 17 §3) – inhoud door Concerto uit de configuratie gegenereerd',
    sections: {
      instrument: '1° Datum van de aangifte en akte waarbij de verwerking wordt ingesteld',
      controller: '2° Verwerkingsverantwoordelijke',
      processor: '3° Bewerker van de geautomatiseerde verwerking (tekst van 1992)',
      name: '4° Benaming van de geautomatiseerde verwerking',
      purposes: '5° Doeleinde of geheel van samenhangende doeleinden',
      categories:
        '6° Categorieën van verwerkte gegevens en bijzondere beschrijving van de gegevens bedoeld in de artikelen 6 tot 8',
      recipients: '7° Categorieën van ontvangers aan wie de gegevens kunnen worden verstrekt',
      safeguards: '8° Waarborgen die aan de mededeling van gegevens aan derden verbonden moeten zijn',
      rights: '9° Kennisgeving aan de betrokkenen en uitoefening van het recht op toegang',
      retention: '10° Termijn waarna de gegevens niet meer mogen bewaard, gebruikt of verspreid worden',
      security: '11° Algemene beschrijving van de beveiligingsmaatregelen (art. 16)',
      journalism: '12° Gronden voor de toepassing van artikel 3, § 3',
      transfers:
        '§ 6. Doorzending naar het buitenland: categorieën van doorgezonden gegevens en, per categorie, het land van bestemming',
    },
    labels: {
      declarationDate: 'Datum van de aangifte',
      publicRegisterExemption:
        'Verwerking met als enig doel het bijhouden van een openbaar register (art. 17 §1 lid 2)',
      no: 'neen',
      basis: 'Akte',
      processingBasis: 'Rechtsgrond van de verwerking',
      legalName: 'Benaming',
      address: 'Zetel',
      enterpriseNumber: 'Ondernemingsnummer',
      country: 'Land van vestiging',
      representative: 'Vertegenwoordiger in België',
      none: 'geen',
      description: 'Beschrijving',
      special: 'Gegevens bedoeld in de artikelen 6 tot 8',
      judicialKinds: 'Aard van de gerechtelijke gegevens (art. 8 §1, tekst van 1992)',
      accessService: 'Dienst waarbij het recht op toegang kan worden uitgeoefend',
      channels: 'Wijze van indienen',
      planVersion: 'Beveiligingsplan',
      registerNumber: 'Identificatienummer van de verwerking (openbaar register, art. 18)',
      mode: 'Aangifteregeling',
      version: 'Versie',
      processingCountry: 'Land waar de gegevens worden verwerkt',
      noTransfer: 'Geen gegevens zijn bestemd om naar het buitenland te worden doorgezonden',
    },
    basisKinds: {
      law: 'Wet',
      decree: 'Decreet',
      ordinance: 'Ordonnantie',
      prosecutor_authorisation: 'Gemotiveerde machtiging van de procureur des Konings',
    },
    recipientKinds: {
      administrative_authority: 'bestuurlijke overheden die deelnemen aan het casusoverleg',
      judicial_authority: 'gerechtelijke overheden (parket) die deelnemen aan het casusoverleg',
      federal_service: 'federale overheidsdiensten die deelnemen aan het casusoverleg',
      police_service: 'politiediensten die deelnemen aan het casusoverleg',
      federated_entity_body: 'instellingen van de deelstaten die deelnemen aan het casusoverleg',
      other: 'andere deelnemers aangewezen door de akte die het casusoverleg organiseert',
    },
    safeguards: {
      secrecy_undertaking:
        'Geheimhoudingsverbintenis (art. 458ter §2 van het Strafwetboek) van elke deelnemer vóór elke toegang',
      need_to_know:
        'Toegang beperkt tot de deelnemers die tot het dossier zijn toegelaten, volgens de noodzaak om te kennen, ook op het niveau van de databank afgedwongen',
      encryption: 'Inhoud per dossier versleuteld (AES-256-GCM), sleutels buiten de databank bewaard',
      audit_log: 'Onveranderlijk logboek van elke raadpleging en mededeling, met reden en ontvangers',
      export_watermark:
        'Exporten en afdrukken gemerkt met hun beperkt gebruik (art. 458ter §2 lid 2 van het Strafwetboek) en wie ze maakte',
      special_category_designations:
        'Gegevens van de artikelen 6 tot 8 enkel leesbaar voor de aangewezen personen, gebonden aan geheimhouding (wet van 30 juli 2018, art. 9 en 10 §2)',
      own_file_consent:
        'Kopie naar de eigen dossieromgeving van een deelnemer enkel met de instemming van wie de informatie deelde (wetsontwerp, art. 4)',
      own_file_export_disabled: 'Kopie naar de eigen dossieromgeving uitgeschakeld voor minstens één kader',
      export_four_eyes: 'Export onderworpen aan het vier-ogenprincipe voor minstens één kader',
    },
    special: {
      C09: 'Gerechtelijke en politiegegevens (art. 8): toegang voorbehouden aan de aangewezen personen; aard hieronder beschreven',
      C10: 'Gegevens over de gezondheid (art. 7): toegang voorbehouden aan de aangewezen personen',
      C12: 'Gegevens waaruit de herkomst blijkt (art. 6): toegang voorbehouden aan de aangewezen personen',
      C13: 'Gegevens waaruit politieke, religieuze of levensbeschouwelijke overtuigingen blijken (art. 6): toegang voorbehouden aan de aangewezen personen',
      C15: 'Gegevens over het seksuele leven (art. 6): toegang voorbehouden aan de aangewezen personen',
    },
    channels: {
      post: 'per brief',
      registered_post: 'per aangetekende brief',
      email: 'per e-mail',
      desk: 'aan het loket',
    },
    information:
      'Informatieblad (art. 9) aan de betrokkene bezorgd bij de verkrijging of uiterlijk bij de eerste mededeling, in het Nederlands, Frans, Duits of Engels',
    routes: {
      direct: 'Het recht op toegang wordt rechtstreeks bij de verwerkingsverantwoordelijke uitgeoefend',
      commission:
        'Voor politiegegevens en gegevens van de diensten bedoeld in artikel 3 §§4 en 5 wordt het recht op toegang uitgeoefend via de Commissie (art. 13)',
    },
    facilitation:
      'Gedagtekend en ondertekend verzoek langs elk kanaal; een loket voor de rechten, gehouden door de functionaris voor gegevensbescherming, registreert elk verzoek en volgt de wettelijke termijn op',
    retention: {
      framework: (agreed, cap) => `≤ ${agreed} na de afsluiting van het dossier, ten hoogste ${cap}`,
      beyondCap: (agreed, rule) => `≤ ${agreed} na de afsluiting van het dossier, krachtens ${rule}`,
      ownFile: (cap) =>
        `Eigen dossieromgeving van een deelnemer: dezelfde termijn, ten hoogste ${cap} na de afsluiting, tenzij zijn organieke wet een andere termijn bepaalt (wetsontwerp, art. 4 lid 5)`,
      list: (period) =>
        `Lijst van de procureur des Konings: elke identiteit wordt uiterlijk ${period} na de registratie gewist (wetsontwerp, art. 8 lid 2)`,
      drafts: (period) => `Voorbereid maar nooit aangemeld dossier: ${period} na de afsluiting`,
    },
    journalism:
      'Niet van toepassing: de verwerking dient geen journalistieke, artistieke of literaire doeleinden',
    defaultSecurity:
      'De inhoud van elk dossier is versleuteld (AES-256-GCM) met een eigen sleutel per dossier, die zelf beschermd wordt door een sleutel buiten de databank; wordt die sleutel vernietigd, dan is het dossier onleesbaar, ook in de back-ups. Elke gebruiker is bij naam gekend en meldt zich aan met een tweede factor. De toegang volgt de noodzaak om te kennen, beslist door één module en ondersteund door beveiliging op rijniveau in PostgreSQL. Elke handeling staat in een onveranderlijk logboek (Merkle-boom, ondertekende controlepunten). De hostingpartner heeft geen toegang tot de inhoud. Het hieronder vermelde beveiligingsplan beschrijft deze maatregelen in detail.',
    modes: {
      commission: 'Aangifte bij de Commissie (art. 17)',
      sectoral_committee: 'Voorafgaande machtiging van een sectoraal comité (art. 20)',
      royal_decree_exemption: 'Vrijstelling van aangifte bij koninklijk besluit (art. 17 §8)',
    },
    duration: durationIn({
      day: 'dag',
      days: 'dagen',
      month: 'maand',
      months: 'maanden',
      year: 'jaar',
      years: 'jaar',
      workingDays: 'werkdagen',
    }),
  },
};

/**
 * DCL-25 (L1992 art. 18 al. 4): the footer line that gives the processing's identification number
 * in the register on a document that materialises its use, in the document's language.
 */
const REGISTER_FOOTER: Record<Language, { numbers: (list: string) => string; none: string }> = {
  fr: {
    numbers: (list) => `Registre public des traitements (art. 18): ${list}`,
    none: 'Registre public des traitements (art. 18): numéro non encore attribué',
  },
  nl: {
    numbers: (list) => `Openbaar register van de verwerkingen (art. 18): ${list}`,
    none: 'Openbaar register van de verwerkingen (art. 18): nummer nog niet toegekend',
  },
  de: {
    numbers: (list) => `Öffentliches Register der Verarbeitungen (Art. 18): ${list}`,
    none: 'Öffentliches Register der Verarbeitungen (Art. 18): Nummer noch nicht vergeben',
  },
  en: {
    numbers: (list) => `Public register of processing (art. 18): ${list}`,
    none: 'Public register of processing (art. 18): number not yet assigned',
  },
};

export function registerFooter(numbers: readonly string[], language: Language): string {
  const texts = REGISTER_FOOTER[language];
  return numbers.length > 0 ? texts.numbers(numbers.join(', ')) : texts.none;
}
