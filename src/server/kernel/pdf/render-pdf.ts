/**
 * PDF documents that leave Concerto: register extracts (1992 law art. 17 §3, §6) and answers to
 * access requests (1992 law art. 10), ARCHITECTURE §2, ADR 0012. The renderer is generic: callers
 * pass sections of text already written in the reader's language, and it knows nothing of cases.
 *
 * Every page carries the use-limitation banner (SPEC PUR-02: art. 458ter §2 al. 2 CP) and the
 * watermark naming who exported it and when (SPEC SEC-14), so that a single page, printed or
 * separated from the others, still says what it may be used for and whose copy it is (PEN-21).
 *
 * The output depends only on the spec: the dates come from `metadata.creationDate`, and pdfkit
 * derives the file identifier from the info dictionary, so the same spec gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { toWinAnsi } from './win-ansi.js';

export interface PdfSection {
  heading: string;
  paragraphs?: string[];
  /** Label and value pairs, e.g. the fields of a register entry. */
  fields?: [label: string, value: string][];
}

export interface PdfDocumentSpec {
  /** The PDF /Lang of the document, read by screen readers. */
  language: 'fr' | 'nl' | 'de' | 'en';
  /** The info /Title, and the first heading of the first page. */
  title: string;
  /** Use-limitation notice, shown prominently at the top of every page (SPEC PUR-02). */
  banner: string;
  /** Diagonal, light grey, on every page: user id, organisation, timestamp (SPEC SEC-14). */
  watermark: string;
  /** Small text at the bottom of every page. */
  footer?: string;
  /** The info dictionary; `keywords` carry e.g. the case purpose code, which PUR-02 wants in the metadata. */
  metadata: { subject: string; keywords: string[]; author: string; creationDate: Date };
  sections: PdfSection[];
}

interface TextStyle {
  readonly font: 'Helvetica' | 'Helvetica-Bold';
  readonly size: number;
  readonly color: string;
}

const STYLES = {
  title: { font: 'Helvetica-Bold', size: 18, color: '#000000' },
  heading: { font: 'Helvetica-Bold', size: 13, color: '#000000' },
  label: { font: 'Helvetica-Bold', size: 10, color: '#000000' },
  body: { font: 'Helvetica', size: 10, color: '#000000' },
  banner: { font: 'Helvetica-Bold', size: 10, color: '#000000' },
  footer: { font: 'Helvetica', size: 8, color: '#555555' },
  watermark: { font: 'Helvetica', size: 40, color: '#b0b0b0' },
} as const satisfies Record<string, TextStyle>;

/** 2 cm; the footer is printed inside the bottom margin, the banner inside the top one. */
const MARGIN = 57;
const BANNER_PADDING = 6;
const BANNER_FILL = '#d9d9d9';
const BANNER_BORDER = '#000000';
/** A notice taller than this would leave little room for content: the caller must shorten it. */
const BANNER_MAX_HEIGHT = 120;
const FOOTER_MAX_LINES = 2;
/** The part of the page's diagonal the watermark may take, leaving the corners clear. */
const WATERMARK_SPAN = 0.7;
/** A long watermark still has to be read: below this size it runs off the page instead. */
const WATERMARK_MIN_SIZE = 10;
const WATERMARK_OPACITY = 0.35;
const PARAGRAPH_GAP = 6;
const SECTION_GAP = 14;
/** pdfkit rounds its line positions to 32-bit floats: a text bounded to exactly n lines could lose the last. */
const ROUNDING_SLACK = 1;

type Document = PDFKit.PDFDocument;

export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    // The first page is added below, once the handler that decorates every page is attached.
    autoFirstPage: false,
    // No `pdfVersion`: from 1.4 on, pdfkit adds an XMP packet into which it pastes the title,
    // subject and keywords unescaped, so an "&" or "<" in them would make malformed XML.
    lang: spec.language,
    displayTitle: true,
    info: {
      Title: spec.title,
      Subject: spec.metadata.subject,
      Keywords: spec.metadata.keywords.join(', '),
      Author: spec.metadata.author,
      Creator: 'Concerto',
      Producer: 'Concerto',
      CreationDate: spec.metadata.creationDate,
      ModDate: spec.metadata.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const rendered = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const banner = toWinAnsi(spec.banner);
  const watermark = toWinAnsi(spec.watermark).replace(/\s+/g, ' ').trim();
  const footer = spec.footer === undefined ? undefined : toWinAnsi(spec.footer);
  let current: TextStyle = STYLES.body;
  const use = (style: TextStyle): void => {
    current = style;
    applyStyle(doc, style);
  };

  // Runs for every page, also when pdfkit breaks a long paragraph onto a new one: the page is
  // decorated, then the paragraph goes on below the banner in its own style.
  doc.on('pageAdded', () => {
    drawWatermark(doc, watermark);
    if (footer !== undefined) drawFooter(doc, footer);
    drawBanner(doc, banner);
    applyStyle(doc, current);
  });
  doc.addPage();

  use(STYLES.title);
  doc.text(toWinAnsi(spec.title));
  for (const section of spec.sections) {
    doc.y += SECTION_GAP;
    use(STYLES.heading);
    keepWithNext(doc, toWinAnsi(section.heading));
    doc.text(toWinAnsi(section.heading));
    doc.y += PARAGRAPH_GAP;
    for (const paragraph of section.paragraphs ?? []) {
      use(STYLES.body);
      doc.text(toWinAnsi(paragraph));
      doc.y += PARAGRAPH_GAP;
    }
    for (const [label, value] of section.fields ?? []) {
      use(STYLES.label);
      keepWithNext(doc, toWinAnsi(label));
      doc.text(toWinAnsi(label));
      use(STYLES.body);
      doc.text(toWinAnsi(value), { indent: 12 });
      doc.y += PARAGRAPH_GAP;
    }
  }
  doc.end();
  return rendered;
}

function applyStyle(doc: Document, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

function contentWidth(doc: Document): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A heading or label at the foot of a page, with what it introduces on the next, goes to the next page. */
function keepWithNext(doc: Document, text: string): void {
  const needed = doc.heightOfString(text, { width: contentWidth(doc) }) + 2 * doc.currentLineHeight(true);
  if (doc.y + needed > doc.page.maxY()) doc.addPage();
}

function bannerHeight(doc: Document, banner: string): number {
  return doc.heightOfString(banner, { width: contentWidth(doc) - 2 * BANNER_PADDING }) + 2 * BANNER_PADDING;
}

/** Bold on a shaded box, from the top margin; the page's content starts below it. */
function drawBanner(doc: Document, banner: string): void {
  const { left, top } = doc.page.margins;
  applyStyle(doc, STYLES.banner);
  const height = bannerHeight(doc, banner);
  if (height > BANNER_MAX_HEIGHT) {
    throw new Error(`the banner must fit in ${BANNER_MAX_HEIGHT} points at the top of a page`);
  }
  doc
    .save()
    .lineWidth(1)
    .rect(left, top, contentWidth(doc), height)
    .fillAndStroke(BANNER_FILL, BANNER_BORDER)
    .restore();
  applyStyle(doc, STYLES.banner); // the fill left pdfkit's fill colour grey
  // With a `height`, pdfkit stops at the box's end instead of breaking onto a new page.
  doc.text(banner, left + BANNER_PADDING, top + BANNER_PADDING, {
    width: contentWidth(doc) - 2 * BANNER_PADDING,
    height: height - 2 * BANNER_PADDING + ROUNDING_SLACK,
  });
  doc.x = left;
  doc.y = top + height + SECTION_GAP;
}

/** One line along the page's diagonal, as large as fits, under the content. */
function drawWatermark(doc: Document, watermark: string): void {
  if (watermark === '') return;
  const { width, height } = doc.page;
  const diagonal = Math.hypot(width, height);
  applyStyle(doc, STYLES.watermark);
  const fitting = (STYLES.watermark.size * WATERMARK_SPAN * diagonal) / doc.widthOfString(watermark);
  const size = Math.max(WATERMARK_MIN_SIZE, Math.min(STYLES.watermark.size, fitting));
  doc.fontSize(size);
  const textWidth = doc.widthOfString(watermark);
  const angle = (Math.atan2(height, width) * 180) / Math.PI;
  doc
    .save()
    .rotate(-angle, { origin: [width / 2, height / 2] })
    .fillOpacity(WATERMARK_OPACITY)
    .text(watermark, width / 2 - textWidth / 2, height / 2 - doc.currentLineHeight() / 2, {
      lineBreak: false,
    })
    .restore();
}

/** Inside the bottom margin, at most two lines, so that it never starts a page of its own. */
function drawFooter(doc: Document, footer: string): void {
  const { left, bottom } = doc.page.margins;
  applyStyle(doc, STYLES.footer);
  doc.text(footer, left, doc.page.height - bottom + BANNER_PADDING, {
    width: contentWidth(doc),
    height: FOOTER_MAX_LINES * doc.currentLineHeight(true) + ROUNDING_SLACK,
    ellipsis: true,
  });
}
