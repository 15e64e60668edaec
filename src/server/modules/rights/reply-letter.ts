/**
 * The letter that tells the person concerned what became of their request (L2007 art. 12 §3 al. 2,
 * SPEC RGT-OBJ-02; art. 14 §5: a rejection is a dated decision with its reasons, RGT-CRT-02), or
 * that it goes down the judicial route (bill art. 6, RGT-JUD-01). There is none on the supervisory
 * authority's route: the Commission alone tells the person that verifications were made (L2007
 * art. 13, RGT-IND-02). Pure: the service gives the facts, this module words them.
 */
import type { Language } from '../../../contracts/language.js';
import type { ReplyLetter, RightsOutcome, RightsRequestKind } from '../../../contracts/rights.js';
import type { PdfDocumentSpec } from '../../kernel/pdf/index.js';
import { registerFooter } from '../declarations/declaration-texts.js';

interface LetterTexts {
  title: string;
  banner: string;
  outcomes: Record<RightsOutcome, string>;
  reasons: string;
  directMarketing: string;
  objectionExcluded: string;
}

const TEXTS: Readonly<Record<Language, LetterTexts>> = {
  fr: {
    title: 'Suite donnée à votre demande',
    banner: 'Réponse à la personne concernée (art. 10, 12 et 14 de la loi du 8 décembre 1992).',
    outcomes: {
      no_data: 'Nous ne traitons aucune donnée vous concernant.',
      answered: 'Votre demande a reçu la réponse jointe.',
      granted: 'Votre demande a été accueillie. Les destinataires des données ont été informés de la rectification ou de la suppression (art. 12 § 3).',
      partly_granted: 'Votre demande a été accueillie en partie. Les destinataires des données ont été informés de ce qui a été modifié (art. 12 § 3).',
      rejected: 'Votre demande a été rejetée pour les motifs suivants. Vous pouvez saisir le président du tribunal de première instance (art. 14).',
      deferred: "Votre demande suit de près une demande à laquelle il a été répondu; il y sera répondu après un délai raisonnable (art. 10 § 3).",
      routed_judicial:
        "Votre demande porte sur des données qui figurent dans une décision ou un dossier judiciaire, ou qui sont traitées dans le cadre d'une enquête et d'une procédure pénale. Vos droits s'exercent alors selon les articles 16 et 44 de la loi du 30 juillet 2018, auprès de l'autorité judiciaire compétente (article 6 du projet de loi).",
      routed_commission: '',
      not_applicable: "Le droit d'opposition ne s'applique pas à ce traitement.",
    },
    reasons: 'Motifs',
    directMarketing: "Aucune donnée n'est traitée à des fins de marketing direct.",
    objectionExcluded: "Le traitement repose sur l'article 5, b) ou c), de la loi; l'opposition n'est pas possible (art. 12 § 1er, al. 2).",
  },
  nl: {
    title: 'Gevolg gegeven aan uw verzoek',
    banner: 'Antwoord aan de betrokkene (art. 10, 12 en 14 van de wet van 8 december 1992).',
    outcomes: {
      no_data: 'Wij verwerken geen gegevens over u.',
      answered: 'Uw verzoek kreeg het bijgevoegde antwoord.',
      granted: 'Uw verzoek werd ingewilligd. De ontvangers van de gegevens werden van de verbetering of verwijdering op de hoogte gebracht (art. 12 § 3).',
      partly_granted: 'Uw verzoek werd gedeeltelijk ingewilligd. De ontvangers van de gegevens werden op de hoogte gebracht van wat werd gewijzigd (art. 12 § 3).',
      rejected: 'Uw verzoek werd afgewezen om de volgende redenen. U kunt zich wenden tot de voorzitter van de rechtbank van eerste aanleg (art. 14).',
      deferred: 'Uw verzoek volgt kort op een verzoek dat werd beantwoord; het wordt na een redelijke termijn beantwoord (art. 10 § 3).',
      routed_judicial:
        'Uw verzoek betreft gegevens die voorkomen in een rechterlijke beslissing of een gerechtelijk dossier, of die worden verwerkt in het kader van een strafonderzoek en een strafprocedure. Uw rechten worden dan uitgeoefend volgens de artikelen 16 en 44 van de wet van 30 juli 2018, bij de bevoegde gerechtelijke overheid (artikel 6 van het wetsontwerp).',
      routed_commission: '',
      not_applicable: 'Het recht van verzet is op deze verwerking niet van toepassing.',
    },
    reasons: 'Redenen',
    directMarketing: 'Er worden geen gegevens verwerkt met het oog op direct marketing.',
    objectionExcluded: 'De verwerking berust op artikel 5, b) of c), van de wet; verzet is niet mogelijk (art. 12 § 1, tweede lid).',
  },
  de: {
    title: 'Folge, die Ihrem Antrag gegeben wurde',
    banner: 'Antwort an die betroffene Person (Art. 10, 12 und 14 des Gesetzes vom 8. Dezember 1992).',
    outcomes: {
      no_data: 'Wir verarbeiten keine Daten über Sie.',
      answered: 'Ihr Antrag wurde mit der beigefügten Antwort beantwortet.',
      granted: 'Ihrem Antrag wurde stattgegeben. Die Empfänger der Daten wurden über die Berichtigung oder Löschung informiert (Art. 12 § 3).',
      partly_granted: 'Ihrem Antrag wurde teilweise stattgegeben. Die Empfänger der Daten wurden über die Änderungen informiert (Art. 12 § 3).',
      rejected: 'Ihr Antrag wurde aus den folgenden Gründen abgelehnt. Sie können den Präsidenten des Gerichts erster Instanz anrufen (Art. 14).',
      deferred: 'Ihr Antrag folgt kurz auf einen beantworteten Antrag; er wird nach einer angemessenen Frist beantwortet (Art. 10 § 3).',
      routed_judicial:
        'Ihr Antrag betrifft Daten, die in einer gerichtlichen Entscheidung oder Akte erscheinen oder im Rahmen eines Strafverfahrens verarbeitet werden. Ihre Rechte werden dann gemäß den Artikeln 16 und 44 des Gesetzes vom 30. Juli 2018 bei der zuständigen Justizbehörde ausgeübt (Artikel 6 des Gesetzentwurfs).',
      routed_commission: '',
      not_applicable: 'Das Widerspruchsrecht gilt für diese Verarbeitung nicht.',
    },
    reasons: 'Gründe',
    directMarketing: 'Es werden keine Daten für Zwecke der Direktwerbung verarbeitet.',
    objectionExcluded: 'Die Verarbeitung beruht auf Artikel 5 b) oder c) des Gesetzes; ein Widerspruch ist nicht möglich (Art. 12 § 1 Abs. 2).',
  },
  en: {
    title: 'The outcome of your request',
    banner: 'Answer to the person concerned (arts 10, 12 and 14 of the law of 8 December 1992).',
    outcomes: {
      no_data: 'We process no data about you.',
      answered: 'Your request received the answer enclosed.',
      granted: 'Your request was granted. The recipients of the data were told of the rectification or erasure (art. 12 § 3).',
      partly_granted: 'Your request was granted in part. The recipients of the data were told of what changed (art. 12 § 3).',
      rejected: 'Your request was rejected for the following reasons. You may apply to the president of the court of first instance (art. 14).',
      deferred: 'Your request closely follows one that was answered; it will be answered after a reasonable period (art. 10 § 3).',
      routed_judicial:
        'Your request concerns data that appear in a judicial decision or file, or are processed in a criminal investigation and proceedings. Your rights are then exercised under articles 16 and 44 of the Law of 30 July 2018, with the competent judicial authority (article 6 of the bill).',
      routed_commission: '',
      not_applicable: 'The right to object does not apply to this processing.',
    },
    reasons: 'Reasons',
    directMarketing: 'No data are processed for direct marketing.',
    objectionExcluded: 'The processing rests on article 5 b) or c) of the law; no objection is possible (art. 12 § 1 al. 2).',
  },
};

export interface LetterFacts {
  language: Language;
  controller: string;
  requesterName: string;
  receivedAt: Date;
  kind: RightsRequestKind;
  outcome: RightsOutcome;
  reasons: string | null;
  /** RGT-OBJ-03: the objection was to direct marketing. */
  directMarketing: boolean;
  /** RGT-OBJ-01: the objection does not apply (art. 5 b or c). */
  objectionExcluded: boolean;
  answeredAt: Date | null;
}

export function replyLetter(facts: LetterFacts): ReplyLetter {
  const texts = TEXTS[facts.language];
  const paragraphs = [texts.outcomes[facts.outcome]];
  if (facts.directMarketing) paragraphs.push(texts.directMarketing);
  else if (facts.objectionExcluded && facts.outcome === 'not_applicable') paragraphs.push(texts.objectionExcluded);
  if (facts.reasons) paragraphs.push(`${texts.reasons}: ${facts.reasons}`);
  return {
    language: facts.language,
    controller: facts.controller,
    requesterName: facts.requesterName,
    receivedAt: facts.receivedAt.toISOString(),
    kind: facts.kind,
    outcome: facts.outcome,
    paragraphs,
    answeredAt: facts.answeredAt?.toISOString() ?? null,
  };
}

export function replyLetterPdfSpec(
  letter: ReplyLetter,
  meta: { exportedBy: string; at: Date; registerNumbers: readonly string[] },
): PdfDocumentSpec {
  const texts = TEXTS[letter.language];
  return {
    language: letter.language,
    title: texts.title,
    banner: texts.banner,
    watermark: `${meta.exportedBy} · ${letter.controller} · ${meta.at.toISOString()}`,
    // SPEC DCL-25 (L1992 art. 18 al. 4): the register number of the processing on every page.
    footer: registerFooter(meta.registerNumbers, letter.language),
    metadata: { subject: texts.title, keywords: ['L1992 art. 12'], author: letter.controller, creationDate: meta.at },
    sections: [
      {
        heading: letter.controller,
        fields: [
          [letter.requesterName, letter.receivedAt.slice(0, 10)],
          ...(letter.answeredAt ? ([['→', letter.answeredAt.slice(0, 10)]] as [string, string][]) : []),
        ],
        paragraphs: letter.paragraphs,
      },
    ],
  };
}
