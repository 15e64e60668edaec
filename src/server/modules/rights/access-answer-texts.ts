/**
 * The words of an access answer (L2007 art. 10 §1 a)-d); SPEC RGT-ACC-01), in the requester's
 * language. The German and English texts await the legal translator (the French and Dutch follow
 * the law's own words).
 */
import type { Language } from '../../../contracts/language.js';

export interface AccessAnswerTexts {
  title: string;
  banner: string;
  confirmation: { heading: string; held: string; none: string };
  purposes: string;
  categories: string;
  recipients: { heading: string; none: string; classes: Record<string, string> };
  data: string;
  origin: { heading: string; alreadyHeld: string; collectedFollowingConsultation: string; introducedBy: string; on: string };
  automated: string;
  remedies: { heading: string; paragraphs: string[] };
  register: { heading: string; text: string };
  controller: string;
  requester: string;
  received: string;
  contested: string;
}

const fr: AccessAnswerTexts = {
  title: "Réponse à une demande d'accès (art. 10 de la loi du 8 décembre 1992)",
  banner: "Communication à la personne concernée, à sa demande (art. 10 § 1er). Document personnel.",
  confirmation: {
    heading: 'a) Confirmation',
    held: 'Nous traitons des données vous concernant.',
    none: 'Nous ne traitons aucune donnée vous concernant.',
  },
  purposes: 'Finalités du traitement',
  categories: 'Catégories de données',
  recipients: {
    heading: 'Catégories de destinataires',
    none: 'Aucune communication à des destinataires.',
    classes: {
      co_participant_controller: 'participants à la concertation de cas, responsables de leur propre traitement',
      own_file_exporter: 'participants ayant repris les données dans leur propre dossier (art. 4 du projet de loi)',
      third_party: 'tiers',
      processor: 'sous-traitants',
    },
  },
  data: 'b) Les données, sous une forme intelligible',
  origin: {
    heading: 'Origine des données',
    alreadyHeld: 'déjà détenue par le participant',
    collectedFollowingConsultation: 'recueillie à la suite de la concertation de cas',
    introducedBy: 'introduite par',
    on: 'le',
  },
  automated: "c) Logique d'un traitement automatisé",
  remedies: {
    heading: 'd) Recours',
    paragraphs: [
      'Vous pouvez obtenir sans frais la rectification de toute donnée inexacte, et la suppression ou l\'interdiction d\'utilisation de toute donnée incomplète, non pertinente ou conservée au-delà de la période autorisée (art. 12). Adressez une demande datée et signée au responsable du traitement.',
      'Si votre demande est rejetée ou reste sans réponse dans le délai, vous pouvez saisir le président du tribunal de première instance siégeant comme en référé (art. 14).',
      'Vous pouvez aussi vous adresser à l\'autorité de contrôle de la protection des données.',
    ],
  },
  register: { heading: 'Registre public (art. 18)', text: 'Vous pouvez consulter le registre public des traitements automatisés.' },
  controller: 'Responsable du traitement',
  requester: 'Demandeur',
  received: 'Demande reçue le',
  contested: 'Donnée contestée',
};

const nl: AccessAnswerTexts = {
  title: 'Antwoord op een verzoek om toegang (art. 10 van de wet van 8 december 1992)',
  banner: 'Mededeling aan de betrokkene, op zijn verzoek (art. 10 § 1). Persoonlijk document.',
  confirmation: {
    heading: 'a) Bevestiging',
    held: 'Wij verwerken gegevens over u.',
    none: 'Wij verwerken geen gegevens over u.',
  },
  purposes: 'Doeleinden van de verwerking',
  categories: 'Categorieën van gegevens',
  recipients: {
    heading: 'Categorieën van ontvangers',
    none: 'Geen mededeling aan ontvangers.',
    classes: {
      co_participant_controller: 'deelnemers aan het casusoverleg, verantwoordelijk voor hun eigen verwerking',
      own_file_exporter: 'deelnemers die de gegevens in hun eigen dossier opnamen (art. 4 van het wetsontwerp)',
      third_party: 'derden',
      processor: 'verwerkers',
    },
  },
  data: 'b) De gegevens, in begrijpelijke vorm',
  origin: {
    heading: 'Oorsprong van de gegevens',
    alreadyHeld: 'reeds in het bezit van de deelnemer',
    collectedFollowingConsultation: 'ingezameld naar aanleiding van het casusoverleg',
    introducedBy: 'ingebracht door',
    on: 'op',
  },
  automated: 'c) Logica van een geautomatiseerde verwerking',
  remedies: {
    heading: 'd) Rechtsmiddelen',
    paragraphs: [
      'U kunt kosteloos de verbetering van onjuiste gegevens verkrijgen, en de verwijdering of het verbod op het gebruik van onvolledige, niet ter zake dienende of te lang bewaarde gegevens (art. 12). Richt een gedagtekend en ondertekend verzoek aan de verantwoordelijke voor de verwerking.',
      'Wordt uw verzoek afgewezen of binnen de termijn niet beantwoord, dan kunt u zich wenden tot de voorzitter van de rechtbank van eerste aanleg, zitting houdend zoals in kort geding (art. 14).',
      'U kunt zich ook wenden tot de toezichthoudende autoriteit voor gegevensbescherming.',
    ],
  },
  register: { heading: 'Openbaar register (art. 18)', text: 'U kunt het openbaar register van de geautomatiseerde verwerkingen raadplegen.' },
  controller: 'Verantwoordelijke voor de verwerking',
  requester: 'Verzoeker',
  received: 'Verzoek ontvangen op',
  contested: 'Betwist gegeven',
};

const de: AccessAnswerTexts = {
  title: 'Antwort auf einen Auskunftsantrag (Art. 10 des Gesetzes vom 8. Dezember 1992)',
  banner: 'Mitteilung an die betroffene Person, auf ihren Antrag (Art. 10 § 1). Persönliches Dokument.',
  confirmation: {
    heading: 'a) Bestätigung',
    held: 'Wir verarbeiten Daten über Sie.',
    none: 'Wir verarbeiten keine Daten über Sie.',
  },
  purposes: 'Zwecke der Verarbeitung',
  categories: 'Kategorien von Daten',
  recipients: {
    heading: 'Kategorien von Empfängern',
    none: 'Keine Mitteilung an Empfänger.',
    classes: {
      co_participant_controller: 'Teilnehmer der Fallbesprechung, verantwortlich für ihre eigene Verarbeitung',
      own_file_exporter: 'Teilnehmer, die die Daten in ihre eigene Akte übernommen haben (Art. 4 des Gesetzentwurfs)',
      third_party: 'Dritte',
      processor: 'Auftragsverarbeiter',
    },
  },
  data: 'b) Die Daten, in verständlicher Form',
  origin: {
    heading: 'Herkunft der Daten',
    alreadyHeld: 'bereits im Besitz des Teilnehmers',
    collectedFollowingConsultation: 'infolge der Fallbesprechung erhoben',
    introducedBy: 'eingebracht von',
    on: 'am',
  },
  automated: 'c) Logik einer automatisierten Verarbeitung',
  remedies: {
    heading: 'd) Rechtsbehelfe',
    paragraphs: [
      'Sie können kostenlos die Berichtigung unrichtiger Daten sowie die Löschung oder das Verbot der Verwendung unvollständiger, nicht erheblicher oder zu lange aufbewahrter Daten erwirken (Art. 12). Richten Sie einen datierten und unterzeichneten Antrag an den Verantwortlichen.',
      'Wird Ihr Antrag abgelehnt oder nicht fristgerecht beantwortet, können Sie den Präsidenten des Gerichts erster Instanz im Eilverfahren anrufen (Art. 14).',
      'Sie können sich auch an die Datenschutz-Aufsichtsbehörde wenden.',
    ],
  },
  register: { heading: 'Öffentliches Register (Art. 18)', text: 'Sie können das öffentliche Register der automatisierten Verarbeitungen einsehen.' },
  controller: 'Verantwortlicher',
  requester: 'Antragsteller',
  received: 'Antrag eingegangen am',
  contested: 'Bestrittene Angabe',
};

const en: AccessAnswerTexts = {
  title: 'Answer to a request for access (art. 10 of the law of 8 December 1992)',
  banner: 'Communication to the person concerned, at their request (art. 10 § 1). Personal document.',
  confirmation: {
    heading: 'a) Confirmation',
    held: 'We process data about you.',
    none: 'We process no data about you.',
  },
  purposes: 'Purposes of the processing',
  categories: 'Categories of data',
  recipients: {
    heading: 'Categories of recipients',
    none: 'No communication to recipients.',
    classes: {
      co_participant_controller: 'participants in the case consultation, controllers of their own processing',
      own_file_exporter: 'participants that copied the data into their own file (art. 4 of the bill)',
      third_party: 'third parties',
      processor: 'processors',
    },
  },
  data: 'b) The data, in an intelligible form',
  origin: {
    heading: 'Origin of the data',
    alreadyHeld: 'already held by the participant',
    collectedFollowingConsultation: 'collected following the case consultation',
    introducedBy: 'introduced by',
    on: 'on',
  },
  automated: 'c) Logic of automated processing',
  remedies: {
    heading: 'd) Remedies',
    paragraphs: [
      'You may have any inaccurate data rectified free of charge, and obtain the erasure or prohibition of use of data that are incomplete, irrelevant or kept beyond the authorised period (art. 12). Send a dated and signed request to the controller.',
      'If your request is rejected or not answered in time, you may apply to the president of the court of first instance sitting as in summary proceedings (art. 14).',
      'You may also apply to the data-protection supervisory authority.',
    ],
  },
  register: { heading: 'Public register (art. 18)', text: 'You may consult the public register of automated processing.' },
  controller: 'Controller',
  requester: 'Requester',
  received: 'Request received on',
  contested: 'Contested data',
};

export const ACCESS_ANSWER_TEXTS: Readonly<Record<Language, AccessAnswerTexts>> = { fr, nl, de, en };
