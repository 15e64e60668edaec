/**
 * What an own-file export contains (bill art. 4; SPEC FIL-05, FIL-07, PUR-02, SEC-14): only the
 * approved items, each with its origin (source case, item, controller), its category and the flags
 * the receiving system must keep (special category, secrecy of the investigation, judicial, contested),
 * the purpose code, the use-limitation notice and the watermark. Pure: the service gathers the data.
 */
import type { Language } from '../../../contracts/language.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import type { PdfDocumentSpec } from '../../kernel/pdf/index.js';
import type { ItemContestedState } from '../contested/contested-state.js';
import { registerFooter } from '../declarations/declaration-texts.js';
import { categoryLabel, EXPORT_TEXTS } from './export-texts.js';

export interface ExportedItem {
  itemId: string;
  category: CategoryCode;
  controller: { id: string; legalName: string };
  version: number;
  content: string;
  special: boolean;
  secretOfInvestigation: boolean;
  judicial: boolean;
  /** L2007 art. 15 (SPEC RGT-CON-02): contested at the export, since when and why; absent or null if not. */
  contested?: ItemContestedState | null;
}

export interface ExportData {
  transferId: string;
  caseId: string;
  caseTitle: string;
  purpose: PurposeCode;
  requester: { id: string; legalName: string };
  exportedBy: string;
  exportedAt: Date;
  retention: { endsOn: string | null; months: number | null; basis: string };
  items: readonly ExportedItem[];
  /** SPEC DCL-25 (L1992 art. 18 al. 4): the register numbers of the processing the export materialises. */
  registerNumbers: readonly string[];
}

/** The JSON export: machine-readable, with the same notice and origin metadata as the PDF. */
export function exportJson(data: ExportData, language: Language) {
  const texts = EXPORT_TEXTS[language];
  return {
    format: 'concerto.own-file-transfer.v1',
    useLimitation: { notice: texts.banner(data.purpose), text: texts.notice, rule: 'CP art. 458ter §2 al. 2' },
    purpose: data.purpose,
    transferId: data.transferId,
    source: { caseId: data.caseId, caseTitle: data.caseTitle },
    recipient: data.requester,
    exportedBy: data.exportedBy,
    exportedAt: data.exportedAt.toISOString(),
    retention: data.retention,
    registerNumbers: data.registerNumbers,
    items: data.items.map((item) => ({
      itemId: item.itemId,
      category: item.category,
      categoryLabel: categoryLabel(item.category, language),
      controller: item.controller,
      version: item.version,
      content: item.content,
      flags: {
        special: item.special,
        secretOfInvestigation: item.secretOfInvestigation,
        judicial: item.judicial,
        contested: Boolean(item.contested),
      },
      // L2007 art. 15: the receiving system is told since when and why the data are contested.
      ...(item.contested && {
        contestation: {
          label: texts.labels.contested,
          since: item.contested.since,
          causes: item.contested.causes,
        },
      }),
    })),
  };
}

/** The PDF export: banner and watermark on every page (PUR-02, SEC-14), purpose code in the metadata. */
export function exportPdfSpec(data: ExportData, language: Language): PdfDocumentSpec {
  const texts = EXPORT_TEXTS[language];
  const { labels } = texts;
  const flag = (value: boolean) => (value ? labels.yes : labels.no);
  const at = data.exportedAt.toISOString();
  return {
    language,
    title: `${texts.title} – ${data.caseTitle}`,
    banner: texts.banner(data.purpose),
    watermark: texts.watermark({ userId: data.exportedBy, organisation: data.requester.legalName, at }),
    footer: `${registerFooter(data.registerNumbers, language)} · ${data.transferId} · ${at}`,
    metadata: {
      subject: texts.banner(data.purpose),
      keywords: [data.purpose, 'art. 458ter §2 al. 2 CP', `transfer:${data.transferId}`],
      author: data.requester.legalName,
      creationDate: data.exportedAt,
    },
    sections: [
      {
        heading: texts.title,
        paragraphs: [texts.notice],
        fields: [
          [labels.case, `${data.caseTitle} (${data.caseId})`],
          [labels.purpose, data.purpose],
          [labels.requester, data.requester.legalName],
          [labels.retention, data.retention.endsOn ?? data.retention.basis],
        ],
      },
      ...data.items.map((item) => ({
        // L2007 art. 15 "indiquer clairement": the marking heads the item, not only its fields.
        heading: item.contested
          ? `${labels.item} ${item.itemId} – ${labels.contested}`
          : `${labels.item} ${item.itemId}`,
        fields: [
          [labels.category, `${item.category} – ${categoryLabel(item.category, language)}`],
          [labels.controller, item.controller.legalName],
          [labels.version, String(item.version)],
          [labels.special, flag(item.special)],
          [labels.secretOfInvestigation, flag(item.secretOfInvestigation)],
          [labels.judicial, flag(item.judicial)],
          [labels.contested, item.contested ? labels.contestedSince(item.contested.since, item.contested.causes) : labels.no],
        ] as [string, string][],
        paragraphs: [item.content],
      })),
    ],
  };
}
