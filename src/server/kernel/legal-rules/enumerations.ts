/**
 * Closed enumerations of the bill with their FR/NL/EN labels, copied verbatim from SPEC §22.3,
 * §22.4 and §22.6 (the glossary; the UI never paraphrases them). The only edit: the P1 Dutch label
 * drops SPEC's note on the explanatory memorandum's variant "psychologische" – the statutory
 * "psychische" is used (SPEC A-27). The C09 ellipsis "…" stands for the title of the Law of
 * 30 July 2018, as in the glossary.
 */
export interface LegalLabel {
  readonly fr: string;
  readonly nl: string;
  readonly en: string;
}

/** CP art. 458ter §1 al. 2 (quoted in the bill's Développements): exactly three purposes. SPEC PUR-01. */
export const PURPOSE_COUNT = 3;

export const PURPOSES = [
  {
    code: 'P1',
    rule: 'CP art. 458ter §1 al. 2 (quoted in bill Dév.)',
    label: {
      fr: "protéger l'intégrité physique et psychique de la personne ou de tiers",
      nl: 'de bescherming van de fysieke en psychische integriteit van de persoon of van derden',
      en: 'protect the physical and psychological integrity of the person or of third parties',
    },
  },
  {
    code: 'P2',
    rule: 'CP art. 458ter §1 al. 2 (quoted in bill Dév.)',
    label: {
      fr: 'prévenir les délits visés au Titre Iter du Livre II du Code pénal (infractions terroristes)',
      nl: 'ter voorkoming van de misdrijven bedoeld in Titel Iter van Boek II van het Strafwetboek (terroristische misdrijven)',
      en: 'prevent the offences referred to in Title I ter of Book II of the Criminal Code (terrorist offences)',
    },
  },
  {
    code: 'P3',
    rule: 'CP art. 458ter §1 al. 2 (quoted in bill Dév.)',
    label: {
      fr: "prévenir les délits commis dans le cadre d'une organisation criminelle, telle qu'elle est définie à l'article 324bis du Code pénal",
      nl: 'ter voorkoming van de misdrijven gepleegd in het raam van een criminele organisatie, zoals bepaald in artikel 324bis (van het Strafwetboek)',
      en: 'prevent offences committed in the context of a criminal organisation as defined in art. 324bis of the Criminal Code',
    },
  },
] as const;

export type PurposeCode = (typeof PURPOSES)[number]['code'];

/** bill art. 2 §2 al. 1 1°-16°: exactly sixteen data categories. SPEC DAT-00…16. */
export const DATA_CATEGORY_COUNT = 16;

export const DATA_CATEGORIES = [
  {
    code: 'C01',
    rule: 'bill art. 2 §2 al. 1 1°',
    label: {
      fr: "les données d'identification, à savoir le nom, les prénoms, l'adresse, la date de naissance, le lieu de naissance et le numéro de registre national",
      nl: 'de identificatiegegevens, met name de naam, de voornamen, het adres, de geboortedatum, de geboorteplaats en het rijksregisternummer',
      en: 'identification data, namely surname, first names, address, date of birth, place of birth and national register number',
    },
  },
  {
    code: 'C02',
    rule: 'bill art. 2 §2 al. 1 2°',
    label: {
      fr: 'les coordonnées',
      nl: 'de contactgegevens',
      en: 'contact details',
    },
  },
  {
    code: 'C03',
    rule: 'bill art. 2 §2 al. 1 3°',
    label: {
      fr: "les données sur la profession, la compétence professionnelle, l'éducation et la formation",
      nl: 'de gegevens over beroep, beroepsbekwaamheid, opleiding en vorming',
      en: 'data on profession, professional competence, education and training',
    },
  },
  {
    code: 'C04',
    rule: 'bill art. 2 §2 al. 1 4°',
    label: {
      fr: "l'âge, le sexe, la nationalité, l'état civil et le statut de séjour",
      nl: 'de leeftijd, het geslacht, de nationaliteit, de burgerlijke staat en het verblijfsstatuut',
      en: 'age, sex, nationality, civil status and residence status',
    },
  },
  {
    code: 'C05',
    rule: 'bill art. 2 §2 al. 1 5°',
    label: {
      fr: 'les données relatives aux dettes et à la solvabilité',
      nl: 'de gegevens over schulden en solvabiliteit',
      en: 'data on debts and solvency',
    },
  },
  {
    code: 'C06',
    rule: 'bill art. 2 §2 al. 1 6°',
    label: {
      fr: 'les données relatives au mode de vie, aux activités de loisir et au contexte social',
      nl: 'de gegevens over de levensstijl, de vrijetijdsbesteding en de sociale context',
      en: 'data on lifestyle, leisure activities and social context',
    },
  },
  {
    code: 'C07',
    rule: 'bill art. 2 §2 al. 1 7°',
    label: {
      fr: 'les données relatives à la composition du ménage',
      nl: 'de gegevens over de gezinssamenstelling',
      en: 'data on household composition',
    },
  },
  {
    code: 'C08',
    rule: 'bill art. 2 §2 al. 1 8°',
    label: {
      fr: 'les données relatives aux conditions de logement',
      nl: 'de gegevens over de woonomstandigheden',
      en: 'data on housing conditions',
    },
  },
  {
    code: 'C09',
    rule: 'bill art. 2 §2 al. 1 9°',
    label: {
      fr: "les données de police administrative ou judiciaire et les données judiciaires conformément aux articles 33 et 34 de la loi du 30 juillet 2018 … et à l'article 44/1, § 1er, de la loi du 5 août 1992 sur la fonction de police",
      nl: 'de gegevens van bestuurlijke of gerechtelijke politie en de gerechtelijke gegevens overeenkomstig artikel 33 en 34 van de wet van 30 juli 2018 … en artikel 44/1, § 1, van de wet van 5 augustus 1992 op het politieambt',
      en: 'administrative or judicial police data and judicial data under arts 33 and 34 of the Law of 30 July 2018 and art. 44/1 §1 of the Police Function Act of 5 August 1992',
    },
  },
  {
    code: 'C10',
    rule: 'bill art. 2 §2 al. 1 10°',
    label: {
      fr: 'les données relatives à la santé',
      nl: 'de gegevens over de gezondheid',
      en: 'health data',
    },
  },
  {
    code: 'C11',
    rule: 'bill art. 2 §2 al. 1 11°',
    label: {
      fr: 'les données relatives aux situations et comportements à risque',
      nl: 'de gegevens over risicosituaties en gedragingen',
      en: 'data on risk situations and risk behaviour',
    },
  },
  {
    code: 'C12',
    rule: 'bill art. 2 §2 al. 1 12°',
    label: {
      fr: "les données indiquant l'origine ou la provenance",
      nl: 'de gegevens waaruit herkomst of afkomst blijkt',
      en: 'data revealing origin or provenance',
    },
  },
  {
    code: 'C13',
    rule: 'bill art. 2 §2 al. 1 13°',
    label: {
      fr: 'les données indiquant les convictions politiques, religieuses ou philosophiques',
      nl: 'de gegevens waaruit politieke, religieuze of levensbeschouwelijke overtuigingen blijken',
      en: 'data revealing political, religious or philosophical beliefs',
    },
  },
  {
    code: 'C14',
    rule: 'bill art. 2 §2 al. 1 14°',
    label: {
      fr: 'les données comportementales',
      nl: 'de gedragsgegevens',
      en: 'behavioural data',
    },
  },
  {
    code: 'C15',
    rule: 'bill art. 2 §2 al. 1 15°',
    label: {
      fr: "les données relatives au comportement sexuel ou à l'orientation sexuelle",
      nl: 'gegevens over seksueel gedrag of seksuele gerichtheid',
      en: 'data on sexual behaviour or sexual orientation',
    },
  },
  {
    code: 'C16',
    rule: 'bill art. 2 §2 al. 1 16°',
    label: {
      fr: "d'autres données nécessaires pour atteindre l'objectif de la concertation de cas",
      nl: 'andere gegevens die noodzakelijk zijn om de doelstelling van het casusoverleg te realiseren',
      en: 'other data necessary to achieve the objective of the case consultation',
    },
  },
] as const;

export type DataCategoryCode = (typeof DATA_CATEGORIES)[number]['code'];

/** bill art. 7 al. 1 1°-5°: exactly five grounds for a prosecutor's restriction. SPEC RGT-RST-02…06. */
export const RESTRICTION_GROUND_COUNT = 5;

export const RESTRICTION_GROUNDS = [
  {
    code: 'R1',
    rule: 'bill art. 7 al. 1 1°',
    label: {
      fr: "éviter de gêner d'autres enquêtes et procédures pénales, ainsi que d'autres enquêtes et procédures réglementées",
      nl: 'het belemmeren van andere strafonderzoeken en -procedures en andere gereglementeerde onderzoeken en procedures te voorkomen',
      en: 'avoid obstructing other criminal investigations and proceedings, and other regulated investigations and procedures',
    },
  },
  {
    code: 'R2',
    rule: 'bill art. 7 al. 1 2°',
    label: {
      fr: "éviter de nuire à la prévention, à la détection, à l'instruction et à la poursuite d'infractions ou à l'exécution de sanctions pénales",
      nl: 'nadelige gevolgen voor de preventie, de opsporing, het onderzoek en de vervolging van strafbare feiten of de tenuitvoerlegging van straffen te voorkomen',
      en: 'avoid prejudicing the prevention, detection, investigation and prosecution of offences or the execution of criminal penalties',
    },
  },
  {
    code: 'R3',
    rule: 'bill art. 7 al. 1 3°',
    label: {
      fr: 'protéger la sécurité publique',
      nl: 'de openbare veiligheid te beschermen',
      en: 'protect public security',
    },
  },
  {
    code: 'R4',
    rule: 'bill art. 7 al. 1 4°',
    label: {
      fr: 'protéger la sécurité nationale',
      nl: 'de nationale veiligheid te beschermen',
      en: 'protect national security',
    },
  },
  {
    code: 'R5',
    rule: 'bill art. 7 al. 1 5°',
    label: {
      fr: "protéger les droits et libertés d'autrui",
      nl: 'de rechten en vrijheden van anderen te beschermen',
      en: 'protect the rights and freedoms of others',
    },
  },
] as const;

export type RestrictionGroundCode = (typeof RESTRICTION_GROUNDS)[number]['code'];

/**
 * The 1992 roles and the 2007 roles they map to (SPEC ROL-14, glossary G-56/G-57, V-01): the UI
 * speaks the 2007 terms; 1992-format notices and declarations print the 1992 ones.
 */
export const LEGACY_ROLES_1992 = [
  {
    code: 'maitre_du_fichier',
    rule: 'law of 8 December 1992 art. 1 §6 (as published)',
    mapsTo: 'controller',
    label: {
      fr: 'maître du fichier',
      nl: 'houder van het bestand',
      en: 'controller of the file (1992 term)',
    },
  },
  {
    code: 'gestionnaire_du_traitement',
    rule: 'law of 8 December 1992 art. 1 §7 (as published)',
    mapsTo: 'processor',
    label: {
      fr: 'gestionnaire du traitement',
      nl: 'bewerker',
      en: 'processing manager (1992 term ≈ processor)',
    },
  },
] as const satisfies readonly { code: string; rule: string; mapsTo: string; label: LegalLabel }[];
