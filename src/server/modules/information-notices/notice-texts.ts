/**
 * The words of the information notice in the four languages of the platform (L2007 art. 9 §1-§2
 * a)-e); L1992 art. 4 §1 1°-5°; SPEC RGT-INF-01, RGT-INF-05, PUR-07). Legal terms follow the
 * glossary (SPEC §22); the German text is a working translation, as elsewhere.
 */
import type { Language } from '../../../contracts/language.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import { PURPOSES } from '../../kernel/legal-rules/index.js';

export interface NoticeTexts {
  title: string;
  intro: string;
  banner: string;
  headings: {
    controller: string;
    processor: string;
    purposes: string;
    legalBasis: string;
    directMarketing: string;
    categories: string;
    recipients: string;
    rights: string;
    register: string;
    automated: string;
    royalDecree: string;
  };
  labels: {
    name: string;
    address: string;
    enterpriseNumber: string;
    representative: string;
    rightsContact: string;
    dpo: string;
    host: string;
    processingManager: string;
    framework: string;
    mission: string;
    version: string;
  };
  /** PUR-07: no direct marketing (art. 9 §1 c), §2 c)). */
  directMarketing: string;
  recipients: string;
  rights: string;
  registerNotDeclared: string;
  royalDecree: string;
  none: string;
}

const GERMAN_PURPOSES: Record<PurposeCode, string> = {
  P1: 'die physische und psychische Unversehrtheit der Person oder Dritter schützen',
  P2: 'die in Titel Iter von Buch II des Strafgesetzbuches erwähnten Straftaten verhindern (terroristische Straftaten)',
  P3: 'die im Rahmen einer kriminellen Organisation im Sinne von Artikel 324bis des Strafgesetzbuches begangenen Straftaten verhindern',
};

/** The glossary's label of a purpose (SPEC §22.3). */
export function purposeLabel(code: PurposeCode, language: Language): string {
  if (language === 'de') return GERMAN_PURPOSES[code];
  return PURPOSES.find((purpose) => purpose.code === code)!.label[language];
}

export const NOTICE_TEXTS: Record<Language, NoticeTexts> = {
  fr: {
    title: 'Information sur le traitement de vos données à caractère personnel',
    intro:
      "Des données vous concernant sont traitées dans le dossier commun d'une concertation de cas (article 458ter du Code pénal). Cette information vous est donnée en application de l'article 9 de la loi du 8 décembre 1992 relative à la protection de la vie privée.",
    banner: 'Information de la personne concernée – art. 9 loi du 8 décembre 1992',
    headings: {
      controller: 'a) Responsable du traitement',
      processor: 'Sous-traitant (hébergeur) et gestionnaire du traitement',
      purposes: 'b) Finalités du traitement',
      legalBasis: 'Base légale de la collecte',
      directMarketing: 'c) Direct marketing',
      categories: 'd) Catégories de données concernées',
      recipients: 'd) Destinataires',
      rights: "d) Droits d'accès et de rectification",
      register: 'Registre public (art. 18)',
      automated: 'Décisions automatisées',
      royalDecree: 'e) Autres informations déterminées par le Roi',
    },
    labels: {
      name: 'Nom',
      address: 'Adresse',
      enterpriseNumber: "Numéro d'entreprise",
      representative: 'Représentant en Belgique',
      rightsContact: 'Point de contact pour vos droits',
      dpo: 'Délégué à la protection des données',
      host: 'Hébergeur de la plateforme (sous-traitant)',
      processingManager: 'Gestionnaire du traitement',
      framework: 'Cadre de la concertation',
      mission: 'Mission légale du responsable',
      version: 'Version de la notice',
    },
    directMarketing:
      'Vos données ne sont pas traitées à des fins de direct marketing et ne sont communiquées à personne à ces fins. Vous pouvez néanmoins vous y opposer, gratuitement et sans justification.',
    recipients:
      'Les participants à la concertation de cas admis par son organisateur, tenus au secret professionnel (article 458ter, § 2, du Code pénal).',
    rights:
      "Vous avez le droit d'obtenir communication des données vous concernant et d'en demander la rectification (articles 10 et 12 de la loi), en vous adressant au point de contact ci-dessus. Vous pouvez saisir la Commission de la protection de la vie privée et le président du tribunal de première instance (article 14).",
    registerNotDeclared:
      "Le traitement n'est pas encore déclaré au registre public de la Commission de la protection de la vie privée ; la référence sera indiquée ici dès la déclaration.",
    royalDecree: "Aucune information supplémentaire n'a été déterminée par le Roi pour ce traitement.",
    none: '—',
  },
  nl: {
    title: 'Informatie over de verwerking van uw persoonsgegevens',
    intro:
      'Gegevens over u worden verwerkt in het gezamenlijk dossier van een casusoverleg (artikel 458ter van het Strafwetboek). Deze informatie wordt u gegeven met toepassing van artikel 9 van de wet van 8 december 1992 tot bescherming van de persoonlijke levenssfeer.',
    banner: 'Informatie aan de betrokkene – art. 9 wet van 8 december 1992',
    headings: {
      controller: 'a) Verantwoordelijke voor de verwerking',
      processor: 'Verwerker (hostingpartij) en bewerker',
      purposes: 'b) Doeleinden van de verwerking',
      legalBasis: 'Wettelijke grondslag van de inzameling',
      directMarketing: 'c) Direct marketing',
      categories: 'd) Betrokken categorieën van gegevens',
      recipients: 'd) Ontvangers',
      rights: 'd) Recht op toegang en verbetering',
      register: 'Openbaar register (art. 18)',
      automated: 'Geautomatiseerde beslissingen',
      royalDecree: 'e) Andere door de Koning bepaalde informatie',
    },
    labels: {
      name: 'Naam',
      address: 'Adres',
      enterpriseNumber: 'Ondernemingsnummer',
      representative: 'Vertegenwoordiger in België',
      rightsContact: 'Contactpunt voor uw rechten',
      dpo: 'Functionaris voor gegevensbescherming',
      host: 'Hostingpartij van het platform (verwerker)',
      processingManager: 'Bewerker',
      framework: 'Kader van het overleg',
      mission: 'Wettelijke opdracht van de verantwoordelijke',
      version: 'Versie van de kennisgeving',
    },
    directMarketing:
      'Uw gegevens worden niet verwerkt voor direct marketing en aan niemand voor dat doel meegedeeld. U kunt zich er niettemin kosteloos en zonder motivering tegen verzetten.',
    recipients:
      'De deelnemers aan het casusoverleg die door de organisator zijn toegelaten, gebonden door het beroepsgeheim (artikel 458ter, § 2, van het Strafwetboek).',
    rights:
      'U hebt het recht op mededeling van de gegevens over u en op verbetering ervan (artikelen 10 en 12 van de wet), via het contactpunt hierboven. U kunt zich wenden tot de Commissie voor de bescherming van de persoonlijke levenssfeer en tot de voorzitter van de rechtbank van eerste aanleg (artikel 14).',
    registerNotDeclared:
      'De verwerking is nog niet aangegeven in het openbaar register van de Commissie voor de bescherming van de persoonlijke levenssfeer; de referentie wordt hier vermeld zodra ze is aangegeven.',
    royalDecree: 'De Koning heeft voor deze verwerking geen bijkomende informatie bepaald.',
    none: '—',
  },
  de: {
    title: 'Information über die Verarbeitung Ihrer personenbezogenen Daten',
    intro:
      'Daten über Sie werden in der gemeinsamen Akte einer Fallbesprechung (Artikel 458ter des Strafgesetzbuches) verarbeitet. Diese Information wird Ihnen in Anwendung von Artikel 9 des Gesetzes vom 8. Dezember 1992 über den Schutz des Privatlebens gegeben.',
    banner: 'Information der betroffenen Person – Art. 9 Gesetz vom 8. Dezember 1992',
    headings: {
      controller: 'a) Für die Verarbeitung Verantwortlicher',
      processor: 'Auftragsverarbeiter (Hosting) und Verwalter der Verarbeitung',
      purposes: 'b) Zwecke der Verarbeitung',
      legalBasis: 'Rechtsgrundlage der Erhebung',
      directMarketing: 'c) Direktwerbung',
      categories: 'd) Betroffene Datenkategorien',
      recipients: 'd) Empfänger',
      rights: 'd) Recht auf Zugang und Berichtigung',
      register: 'Öffentliches Register (Art. 18)',
      automated: 'Automatisierte Entscheidungen',
      royalDecree: 'e) Weitere vom König bestimmte Informationen',
    },
    labels: {
      name: 'Name',
      address: 'Adresse',
      enterpriseNumber: 'Unternehmensnummer',
      representative: 'Vertreter in Belgien',
      rightsContact: 'Kontaktstelle für Ihre Rechte',
      dpo: 'Datenschutzbeauftragter',
      host: 'Hosting-Anbieter der Plattform (Auftragsverarbeiter)',
      processingManager: 'Verwalter der Verarbeitung',
      framework: 'Rahmen der Besprechung',
      mission: 'Gesetzlicher Auftrag des Verantwortlichen',
      version: 'Version der Information',
    },
    directMarketing:
      'Ihre Daten werden nicht für Direktwerbung verarbeitet und zu diesem Zweck an niemanden weitergegeben. Sie können dem dennoch kostenlos und ohne Begründung widersprechen.',
    recipients:
      'Die vom Organisator zugelassenen Teilnehmer der Fallbesprechung, die an das Berufsgeheimnis gebunden sind (Artikel 458ter § 2 des Strafgesetzbuches).',
    rights:
      'Sie haben das Recht, die Daten über Sie mitgeteilt zu bekommen und ihre Berichtigung zu verlangen (Artikel 10 und 12 des Gesetzes), über die obige Kontaktstelle. Sie können sich an den Ausschuss für den Schutz des Privatlebens und an den Präsidenten des Gerichts erster Instanz wenden (Artikel 14).',
    registerNotDeclared:
      'Die Verarbeitung ist noch nicht im öffentlichen Register des Ausschusses für den Schutz des Privatlebens erklärt; die Referenz wird hier angegeben, sobald sie erklärt ist.',
    royalDecree: 'Der König hat für diese Verarbeitung keine weiteren Informationen bestimmt.',
    none: '—',
  },
  en: {
    title: 'Information on the processing of your personal data',
    intro:
      'Data concerning you are processed in the shared file of a case consultation (article 458ter of the Criminal Code). You receive this information under article 9 of the Law of 8 December 1992 on the protection of privacy.',
    banner: 'Information of the data subject – art. 9 Law of 8 December 1992',
    headings: {
      controller: 'a) Controller',
      processor: 'Processor (host) and processing manager',
      purposes: 'b) Purposes of the processing',
      legalBasis: 'Legal basis of the collection',
      directMarketing: 'c) Direct marketing',
      categories: 'd) Categories of data concerned',
      recipients: 'd) Recipients',
      rights: 'd) Rights of access and rectification',
      register: 'Public register (art. 18)',
      automated: 'Automated decisions',
      royalDecree: 'e) Other information set by the King',
    },
    labels: {
      name: 'Name',
      address: 'Address',
      enterpriseNumber: 'Enterprise number',
      representative: 'Representative in Belgium',
      rightsContact: 'Contact point for your rights',
      dpo: 'Data protection officer',
      host: 'Host of the platform (processor)',
      processingManager: 'Processing manager (gestionnaire)',
      framework: 'Framework of the consultation',
      mission: "Controller's legal mission",
      version: 'Notice version',
    },
    directMarketing:
      'Your data are not processed for direct marketing and are disclosed to no one for that purpose. You may nevertheless object to it, free of charge and without giving reasons.',
    recipients:
      'The participants in the case consultation admitted by its organiser, bound by professional secrecy (article 458ter §2 of the Criminal Code).',
    rights:
      'You have the right to obtain the data concerning you and to have them rectified (articles 10 and 12 of the Law), through the contact point above. You may apply to the Privacy Protection Commission and to the president of the court of first instance (article 14).',
    registerNotDeclared:
      'The processing is not yet declared in the public register of the Privacy Protection Commission; its reference will be shown here once declared.',
    royalDecree: 'No further information has been set by the King for this processing.',
    none: '—',
  },
};
