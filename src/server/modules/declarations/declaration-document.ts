/**
 * The declaration as a PDF (L2007/L1992 art. 17 §3; SPEC DCL-04..15): one section per item of §3,
 * in the declaration's language, with the processing's register number in the footer of every
 * page (L1992 art. 18 al. 4; SPEC DCL-25). Pure: the content is generated or read beforehand.
 */
import type { DeclarationContent, DeclarationMode } from '../../../contracts/declarations.js';
import type { PdfDocumentSpec, PdfSection } from '../../kernel/pdf/index.js';
import { DECLARATION_TEXTS, registerFooter } from './declaration-texts.js';

export interface DeclarationDocumentMeta {
  mode: DeclarationMode;
  registerNumbers: readonly string[];
  /** The version's number; `preview` for what the configuration gives now; `register` for the public entry. */
  version: number | 'preview' | 'register';
  /** SPEC SEC-14: who exported it (a user id, or "public register"), and when. */
  exportedBy: string;
  at: Date;
}

/** The §3 and §6 sections of `content` as PDF sections, in the order of the article. */
export function declarationSections(content: DeclarationContent): PdfSection[] {
  const texts = DECLARATION_TEXTS[content.language];
  const { labels } = texts;
  const s = content.sections;
  const list = (entries: readonly { code: string; label: string }[]) =>
    entries.map((e) => `${e.code} – ${e.label}`);
  return [
    {
      heading: texts.sections.instrument,
      fields: [
        [labels.declarationDate, content.declarationDate],
        [labels.publicRegisterExemption, labels.no],
        ...s.instrument.instruments.flatMap((instrument): [string, string][] => [
          [labels.basis, instrument.basis],
          [labels.processingBasis, instrument.processingBasis],
        ]),
      ],
    },
    {
      heading: texts.sections.controller,
      fields: [
        [labels.legalName, s.controller.legalName],
        [labels.address, s.controller.address],
        [labels.enterpriseNumber, s.controller.enterpriseNumber ?? labels.none],
        [labels.country, s.controller.establishmentCountry],
        [
          labels.representative,
          s.controller.representative
            ? `${s.controller.representative.name}, ${s.controller.representative.address}`
            : labels.none,
        ],
      ],
    },
    {
      heading: texts.sections.processor,
      fields: s.processor.host
        ? [
            [labels.legalName, s.processor.host.legalName],
            [labels.address, s.processor.host.address],
            [labels.enterpriseNumber, s.processor.host.enterpriseNumber ?? labels.none],
            [labels.processingCountry, s.processor.host.country ?? labels.none],
          ]
        : [[labels.legalName, labels.none]],
    },
    { heading: texts.sections.name, paragraphs: s.name.processings.map((p) => `FR: ${p.fr} — NL: ${p.nl}`) },
    {
      heading: texts.sections.purposes,
      paragraphs: list(s.purposes.purposes),
      fields: s.purposes.description ? [[labels.description, s.purposes.description]] : [],
    },
    {
      heading: texts.sections.categories,
      paragraphs: list(s.categories.categories),
      fields: [
        ...s.categories.special.map((special): [string, string] => [
          `${labels.special}: ${special.code} (${special.article})`,
          special.description,
        ]),
        ...(s.categories.judicialKinds.length > 0
          ? ([[labels.judicialKinds, s.categories.judicialKinds.map((kind) => kind.label).join('; ')]] as [
              string,
              string,
            ][])
          : []),
      ],
    },
    {
      heading: texts.sections.recipients,
      fields: s.recipients.categories.map((category): [string, string] => [
        category.label,
        category.organisations.join('; '),
      ]),
    },
    {
      heading: texts.sections.safeguards,
      paragraphs: s.safeguards.safeguards.map((safeguard) => safeguard.label),
    },
    {
      heading: texts.sections.rights,
      paragraphs: [s.rights.information, s.rights.routeText, s.rights.facilitation],
      fields: [
        [labels.accessService, s.rights.accessService],
        [labels.channels, s.rights.channels.map((channel) => channel.label).join(', ')],
      ],
    },
    {
      heading: texts.sections.retention,
      paragraphs: [...s.retention.frameworks.map((framework) => framework.text), ...s.retention.rules],
    },
    {
      heading: texts.sections.security,
      paragraphs: [s.security.description],
      fields: [
        [labels.planVersion, `${s.security.planDocument}, ${labels.version} ${s.security.planVersion}`],
      ],
    },
    { heading: texts.sections.journalism, paragraphs: [s.journalism.text] },
    {
      heading: texts.sections.transfers,
      // §6 2°: for each category, the countries of destination ("C02 – …: FR, PT"; the PDF's
      // standard fonts have no arrow).
      paragraphs:
        s.transfers.categories.length === 0
          ? [labels.noTransfer]
          : s.transfers.categories.map((c) => `${c.code} – ${c.label}: ${c.countries.join(', ')}`),
    },
  ];
}

export function declarationPdfSpec(
  content: DeclarationContent,
  meta: DeclarationDocumentMeta,
): PdfDocumentSpec {
  const texts = DECLARATION_TEXTS[content.language];
  const at = meta.at.toISOString();
  const numbers = registerFooter(meta.registerNumbers, content.language);
  return {
    language: content.language,
    title: texts.title,
    banner: texts.banner,
    watermark: `${meta.exportedBy} · ${content.sections.controller.legalName} · ${at}`,
    footer: [
      numbers,
      typeof meta.version === 'number'
        ? `${texts.labels.version} ${meta.version}`
        : meta.version === 'preview'
          ? 'preview'
          : null,
      content.declarationId,
    ]
      .filter((part) => part !== null)
      .join(' · '),
    metadata: {
      subject: texts.banner,
      keywords: ['L2007 art. 17', ...content.sections.purposes.purposes.map((purpose) => purpose.code)],
      author: content.sections.controller.legalName,
      creationDate: meta.at,
    },
    sections: [
      {
        heading: texts.labels.mode,
        fields: [
          [texts.labels.mode, texts.modes[meta.mode]],
          [texts.labels.registerNumber, meta.registerNumbers.join(', ') || texts.labels.none],
        ],
      },
      ...declarationSections(content),
    ],
  };
}
