/** The PDF kernel (ARCHITECTURE §2, ADR 0012): documents that leave Concerto, one page style for all. */

export { type PdfDocumentSpec, type PdfSection, renderPdf } from './render-pdf.js';
