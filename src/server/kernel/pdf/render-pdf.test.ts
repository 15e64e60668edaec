import { afterEach, describe, expect, it, vi } from 'vitest';
import { pdfInfo, pdfPageTexts, pdfText } from '../../../../test/support/pdf-text.js';
import { type PdfDocumentSpec, renderPdf } from './index.js';

const BANNER = 'Usage limité – art. 458ter §2 al. 2 CP – finalité P2';
const WATERMARK = 'user 7f3c · Zone de police Liège · 2025-03-01 10:00 UTC';
const FOOTER = 'Concerto – extrait du registre';

function spec(overrides: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec {
  return {
    language: 'fr',
    title: 'Extrait du registre des traitements',
    banner: BANNER,
    watermark: WATERMARK,
    footer: FOOTER,
    metadata: {
      subject: 'Registre – loi du 8 décembre 1992, art. 17',
      keywords: ['P2', 'registre'],
      author: 'Zone de police Liège',
      creationDate: new Date('2025-03-01T10:00:00Z'),
    },
    sections: [{ heading: 'Responsable du traitement', fields: [['Nom', 'Zone de police Liège']] }],
    ...overrides,
  };
}

/** Enough text for several A4 pages: each paragraph wraps over a dozen lines. */
function longSections(count: number): PdfDocumentSpec['sections'] {
  const sentence =
    'Les données sont traitées pour la concertation de cas et ne sont pas communiquées à des tiers. ';
  return Array.from({ length: count }, (_, index) => ({
    heading: `Traitement ${index + 1}`,
    paragraphs: [sentence.repeat(15), sentence.repeat(10)],
    fields: [
      ['Finalité', 'P2'],
      ['Catégories de données', 'identification, situation familiale'],
    ],
  }));
}

/** Text as read, with line breaks from wrapping folded back into single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function occurrences(text: string, part: string): number {
  return flat(text).split(part).length - 1;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderPdf', () => {
  it('prints the banner, the watermark and the footer on every page of a long document', async () => {
    const pdf = await renderPdf(spec({ sections: longSections(12) }));
    const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    const pages = pdfPageTexts(pdf);
    expect(pageObjects.length).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(pageObjects.length);
    for (const page of pages) {
      expect(occurrences(page, BANNER)).toBe(1);
      expect(occurrences(page, WATERMARK)).toBe(1);
      expect(occurrences(page, FOOTER)).toBe(1);
    }
    expect(occurrences(pdfText(pdf), BANNER)).toBe(pageObjects.length);
    // Nothing is lost across page breaks: every section is there, in order.
    const headings = flat(pages.join('\n')).match(/Traitement \d+/g);
    expect(headings).toEqual(Array.from({ length: 12 }, (_, index) => `Traitement ${index + 1}`));
  });

  it('starts the first page with the banner, then the title', async () => {
    const pdf = await renderPdf(spec());
    const first = flat(pdfPageTexts(pdf)[0]!);
    expect(first.indexOf(BANNER)).toBeGreaterThanOrEqual(0);
    expect(first.indexOf('Extrait du registre des traitements')).toBeGreaterThan(first.indexOf(BANNER));
  });

  it('writes the title, subject, keywords (purpose code), author and dates into the info dictionary', async () => {
    const pdf = await renderPdf(spec());
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: 'Extrait du registre des traitements',
      Subject: 'Registre – loi du 8 décembre 1992, art. 17',
      Author: 'Zone de police Liège',
      Creator: 'Concerto',
      Producer: 'Concerto',
      CreationDate: 'D:20250301100000Z',
      ModDate: 'D:20250301100000Z',
    });
    expect(info.Keywords!.split(', ')).toContain('P2');
  });

  it('sets the document language as the catalog /Lang', async () => {
    expect(pdfInfo(await renderPdf(spec())).Lang).toBe('fr');
    expect(pdfInfo(await renderPdf(spec({ language: 'nl' }))).Lang).toBe('nl');
  });

  it('keeps French, Dutch and German letters', async () => {
    const lines = [
      'Français : élève, très, garçon, Noël, « guillemets », l’article, 10 €',
      'Nederlands : coöperatie, geëvalueerd, België, ’s avonds',
      'Deutsch : Größe, schön, Übermaß, „Anführungszeichen“',
    ];
    const pdf = await renderPdf(spec({ sections: [{ heading: 'Überblick', paragraphs: lines }] }));
    const text = pdfText(pdf);
    for (const line of lines) expect(text).toContain(line);
    expect(text).toContain('Überblick');
  });

  it('composes accents typed as a letter and a combining mark', async () => {
    const pdf = await renderPdf(spec({ sections: [{ heading: 'Nom', paragraphs: ['Ele\u0301onore'] }] }));
    expect(pdfText(pdf)).toContain('El\u00e9onore');
  });

  it('prints characters that the standard fonts cannot show as "?", without garbling the rest', async () => {
    const pdf = await renderPdf(
      spec({
        sections: [{ heading: 'Ω 😀', paragraphs: ['avant Ω après 😀 fin'], fields: [['Δ', 'x\ty']] }],
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain('avant ? après ? fin');
    expect(text).toContain('? ?');
    expect(text).toContain('x y');
  });

  it('renders the same spec to the same bytes, whatever the wall clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = await renderPdf(spec({ sections: longSections(3) }));
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = await renderPdf(spec({ sections: longSections(3) }));
    expect(second.equals(first)).toBe(true);
  });

  it('gives a different file identifier to a document exported at another time', async () => {
    const trailerId = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    const first = await renderPdf(spec());
    const later = spec();
    later.metadata = { ...later.metadata, creationDate: new Date('2025-03-01T10:00:01Z') };
    const second = await renderPdf(later);
    expect(trailerId(first)).toMatch(/^[0-9a-f]{32}$/);
    expect(trailerId(second)).not.toBe(trailerId(first));
  });

  it('refuses a banner too long to leave room for the content', async () => {
    await expect(renderPdf(spec({ banner: BANNER.repeat(40) }))).rejects.toThrow(/banner must fit/);
  });
});
