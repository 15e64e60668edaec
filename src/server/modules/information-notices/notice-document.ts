/**
 * The information notice of a controller for a person of a case (L2007 art. 9 §1-§2 a), b), d),
 * e), with c) as "no direct marketing", SPEC PUR-07; the 1992 content kept by SPEC RGT-INF-05: the
 * legal basis, the processor and processing manager, the public register). Pure: the service
 * gathers the facts. The version names the template and the content, so that the version recorded
 * when a person is informed says exactly which text was given.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../../contracts/language.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import type { PdfDocumentSpec } from '../../kernel/pdf/index.js';
import { registerFooter } from '../declarations/declaration-texts.js';
import { categoryLabel } from '../transfers/export-texts.js';
import { AUTOMATED_LOGIC_STATEMENT } from './automated-decisions.js';
import { NOTICE_TEXTS, purposeLabel } from './notice-texts.js';

const TEMPLATE = 'inf-1';

export interface NoticeParty {
  legalName: string;
  address: string;
  enterpriseNumber: string | null;
}

export interface NoticeFacts {
  obligationId: string;
  controller: NoticeParty & {
    representative: { name: string; address: string } | null;
    rightsContact: string;
    dpo: { name: string; contact: string } | null;
    mission: string | null;
    processingManager: { name: string; address: string } | null;
  };
  /** The platform operator: the processor hosting the file (SPEC PRC-09). */
  host: NoticeParty | null;
  purposes: readonly PurposeCode[];
  /** The framework's legal basis, as cited (SPEC SCO-03). */
  framework: string;
  categories: readonly CategoryCode[];
  recipients: readonly string[];
  /** The public-register reference of the controller's processing (SPEC DCL-24), when it has one. */
  registerReference: string | null;
  generatedBy: string;
  generatedAt: Date;
}

function content(facts: NoticeFacts, language: Language) {
  const texts = NOTICE_TEXTS[language];
  return {
    format: 'concerto.information-notice.v1',
    language,
    title: texts.title,
    intro: texts.intro,
    controller: facts.controller,
    processor: facts.host,
    purposes: facts.purposes.map((code) => ({ code, label: purposeLabel(code, language) })),
    legalBasis: { framework: facts.framework, mission: facts.controller.mission },
    directMarketing: texts.directMarketing,
    categories: facts.categories.map((code) => ({ code, label: categoryLabel(code, language) })),
    recipients: { description: texts.recipients, organisations: facts.recipients },
    rights: { text: texts.rights, contact: facts.controller.rightsContact },
    publicRegister: {
      reference: facts.registerReference,
      text: facts.registerReference ?? texts.registerNotDeclared,
    },
    automatedDecisions: AUTOMATED_LOGIC_STATEMENT[language],
    royalDecree: texts.royalDecree,
  };
}

/** The notice's version: the template and a digest of what it says. */
export function noticeVersion(facts: NoticeFacts, language: Language): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(content(facts, language)))
    .digest('hex');
  return `${TEMPLATE}-${language}-${digest.slice(0, 12)}`;
}

export function noticeJson(facts: NoticeFacts, language: Language) {
  return {
    version: noticeVersion(facts, language),
    obligationId: facts.obligationId,
    ...content(facts, language),
  };
}

export function noticePdfSpec(facts: NoticeFacts, language: Language): PdfDocumentSpec {
  const texts = NOTICE_TEXTS[language];
  const { labels, headings } = texts;
  const notice = noticeJson(facts, language);
  const party = (p: NoticeParty): [string, string][] => [
    [labels.name, p.legalName],
    [labels.address, p.address],
    [labels.enterpriseNumber, p.enterpriseNumber ?? texts.none],
  ];
  const { controller } = facts;
  const at = facts.generatedAt.toISOString();
  return {
    language,
    title: texts.title,
    banner: texts.banner,
    watermark: `${facts.generatedBy} · ${controller.legalName} · ${at}`,
    // SPEC DCL-25 (L1992 art. 18 al. 4): the processing's register number on every page.
    footer: `${registerFooter(facts.registerReference ? [facts.registerReference] : [], language)} · ${
      labels.version
    } ${notice.version} · ${facts.obligationId}`,
    metadata: {
      subject: texts.banner,
      keywords: ['L2007 art. 9', notice.version, ...facts.purposes],
      author: controller.legalName,
      creationDate: facts.generatedAt,
    },
    sections: [
      { heading: texts.title, paragraphs: [texts.intro], fields: [[labels.version, notice.version]] },
      {
        heading: headings.controller,
        fields: [
          ...party(controller),
          ...(controller.representative
            ? ([
                [
                  labels.representative,
                  `${controller.representative.name}, ${controller.representative.address}`,
                ],
              ] as [string, string][])
            : []),
          [labels.rightsContact, controller.rightsContact],
          [labels.dpo, controller.dpo ? `${controller.dpo.name} (${controller.dpo.contact})` : texts.none],
        ],
      },
      {
        heading: headings.processor,
        fields: [
          [labels.host, facts.host ? `${facts.host.legalName}, ${facts.host.address}` : texts.none],
          [
            labels.processingManager,
            controller.processingManager
              ? `${controller.processingManager.name}, ${controller.processingManager.address}`
              : texts.none,
          ],
        ],
      },
      { heading: headings.purposes, paragraphs: notice.purposes.map((p) => `${p.code} – ${p.label}`) },
      {
        heading: headings.legalBasis,
        fields: [
          [labels.framework, facts.framework],
          [labels.mission, controller.mission ?? texts.none],
        ],
      },
      { heading: headings.directMarketing, paragraphs: [texts.directMarketing] },
      { heading: headings.categories, paragraphs: notice.categories.map((c) => `${c.code} – ${c.label}`) },
      { heading: headings.recipients, paragraphs: [texts.recipients, ...facts.recipients] },
      {
        heading: headings.rights,
        paragraphs: [texts.rights],
        fields: [[labels.rightsContact, controller.rightsContact]],
      },
      { heading: headings.register, paragraphs: [notice.publicRegister.text] },
      { heading: headings.automated, paragraphs: [notice.automatedDecisions] },
      { heading: headings.royalDecree, paragraphs: [texts.royalDecree] },
    ],
  };
}
