/**
 * The access answer as JSON and as a PDF in the requester's language (L2007 art. 10 §1 a)-d);
 * SPEC RGT-ACC-01, ADM-03, ROL-11). Pure: the service gathers what the controller holds on the
 * person; this module only words it.
 */
import type { Language } from '../../../contracts/language.js';
import type { AccessAnswer } from '../../../contracts/rights.js';
import { DATA_CATEGORIES, PURPOSES } from '../../kernel/legal-rules/index.js';
import type { PdfDocumentSpec, PdfSection } from '../../kernel/pdf/index.js';
import { AUTOMATED_LOGIC_STATEMENT } from '../information-notices/automated-decisions.js';
import { ACCESS_ANSWER_TEXTS } from './access-answer-texts.js';
import { registerFooter } from '../declarations/declaration-texts.js';

/** The law's labels exist in French, Dutch and English; German readers get the French (SPEC A-18). */
const labelOf = (label: { fr: string; nl: string; en: string }, language: Language): string =>
  label[language === 'de' ? 'fr' : language];

export interface AnswerRecord {
  kind: 'person' | 'item' | 'paper_part';
  categories: string[];
  content: string;
  provenance: 'already_held' | 'collected_following_consultation' | null;
  recordedAt: Date;
  contestedSince: string | null;
}

export interface AnswerData {
  language: Language;
  controller: { legalName: string; address: string; rightsContact: string; dpo: string | null };
  requesterName: string;
  receivedAt: Date;
  purposes: readonly string[];
  /** Recipient classes of the disclosure log; authorities in a particular inquiry are left out before (ROL-11). */
  recipientClasses: readonly string[];
  records: readonly AnswerRecord[];
  healthProfessional: { name: string; registrationNumber: string; address: string } | null;
}

export function accessAnswerJson(data: AnswerData): AccessAnswer {
  const texts = ACCESS_ANSWER_TEXTS[data.language];
  const categories = [...new Set(data.records.flatMap((record) => record.categories))].sort();
  return {
    language: data.language,
    controller: data.controller,
    requesterName: data.requesterName,
    receivedAt: data.receivedAt.toISOString(),
    confirmation: data.records.length > 0,
    purposes: data.purposes.map((code) => ({ code, label: labelOf(PURPOSES.find((p) => p.code === code)!.label, data.language) })),
    categories: categories.map((code) => ({
      code,
      label: labelOf(DATA_CATEGORIES.find((c) => c.code === code)!.label, data.language),
    })),
    recipients: data.recipientClasses.map((recipientClass) => ({
      class: recipientClass,
      label: texts.recipients.classes[recipientClass] ?? recipientClass,
    })),
    data: data.records.map((record) => ({
      kind: record.kind,
      category: record.categories.join(', '),
      content: record.content,
      origin:
        record.provenance === null
          ? null
          : record.provenance === 'already_held'
            ? texts.origin.alreadyHeld
            : texts.origin.collectedFollowingConsultation,
      recordedOn: record.recordedAt.toISOString().slice(0, 10),
      contested: record.contestedSince === null ? null : { since: record.contestedSince, label: texts.contested },
    })),
    automatedDecisions: AUTOMATED_LOGIC_STATEMENT[data.language],
    remedies: texts.remedies.paragraphs,
    register: texts.register.text,
    healthProfessional: data.healthProfessional,
  };
}

export function accessAnswerPdfSpec(
  answer: AccessAnswer,
  meta: { exportedBy: string; organisation: string; at: Date; registerNumbers: readonly string[] },
): PdfDocumentSpec {
  const texts = ACCESS_ANSWER_TEXTS[answer.language];
  const sections: PdfSection[] = [
    {
      heading: texts.controller,
      fields: [
        [texts.controller, `${answer.controller.legalName}, ${answer.controller.address}`],
        ['Contact', answer.controller.rightsContact],
        ...(answer.controller.dpo ? ([['DPO', answer.controller.dpo]] as [string, string][]) : []),
        [texts.requester, answer.requesterName],
        [texts.received, answer.receivedAt.slice(0, 10)],
        ...(answer.healthProfessional
          ? ([['→', `${answer.healthProfessional.name} (${answer.healthProfessional.registrationNumber}), ${answer.healthProfessional.address}`]] as [string, string][])
          : []),
      ],
    },
    {
      heading: texts.confirmation.heading,
      paragraphs: [answer.confirmation ? texts.confirmation.held : texts.confirmation.none],
      fields: [
        ...answer.purposes.map((p): [string, string] => [`${texts.purposes} (${p.code})`, p.label]),
        ...answer.categories.map((c): [string, string] => [`${texts.categories} (${c.code})`, c.label]),
      ],
    },
    {
      heading: texts.recipients.heading,
      paragraphs: answer.recipients.length === 0 ? [texts.recipients.none] : answer.recipients.map((r) => r.label),
    },
    {
      heading: texts.data,
      fields: answer.data.map((record): [string, string] => [
        `${record.category} · ${record.recordedOn}${record.origin ? ` · ${record.origin}` : ''}`,
        `${record.contested ? `[${record.contested.label}] ` : ''}${record.content}`,
      ]),
    },
    { heading: texts.automated, paragraphs: [answer.automatedDecisions] },
    { heading: texts.remedies.heading, paragraphs: answer.remedies },
    { heading: texts.register.heading, paragraphs: [answer.register] },
  ];
  return {
    language: answer.language,
    title: texts.title,
    banner: texts.banner,
    watermark: `${meta.exportedBy} · ${meta.organisation} · ${meta.at.toISOString()}`,
    // SPEC DCL-25 (L1992 art. 18 al. 4): the register number of the processing on every page.
    footer: registerFooter(meta.registerNumbers, answer.language),
    metadata: { subject: texts.title, keywords: ['L1992 art. 10'], author: answer.controller.legalName, creationDate: meta.at },
    sections,
  };
}
