/**
 * What an own-file export says, per language (bill art. 4; CP art. 458ter §2 al. 2; SPEC FIL-07,
 * PUR-02, SEC-14): pure functions over the data the service gathers.
 */
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfPageTexts, pdfText } from '../../../../test/support/pdf-text.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { type ExportData, exportJson, exportPdfSpec } from './transfer-document.js';

const EXPORTED_AT = new Date('2026-03-02T09:30:00Z');

const data = (overrides: Partial<ExportData> = {}): ExportData => ({
  transferId: '7d1c0c54-3a0e-4f7e-9a39-2f1f4c1b9a01',
  caseId: '0b6f2f8e-51d6-4d1b-8f59-3c0c8f0b2b11',
  caseTitle: 'Gezin D., dreigend gedrag',
  purpose: 'P2',
  requester: { id: 'org-cpas', legalName: 'OCMW Gent' },
  exportedBy: 'c3d5a0f2-9d0e-4a51-b8f6-6b7b8f1d0e22',
  exportedAt: EXPORTED_AT,
  retention: { endsOn: '2031-03-02', months: 60, basis: 'bill art. 4 al. 5; art. 2 §3 4°' },
  items: [
    {
      itemId: 'a1f0c1d2-0000-4000-8000-000000000001',
      category: 'C11',
      controller: { id: 'org-police', legalName: 'Politiezone Gent' },
      version: 2,
      content: 'Signaal van dreigend gedrag tegenover de partner.',
      special: false,
      secretOfInvestigation: true,
      judicial: false,
    },
    {
      itemId: 'a1f0c1d2-0000-4000-8000-000000000002',
      category: 'C10',
      controller: { id: 'org-police', legalName: 'Politiezone Gent' },
      version: 1,
      content: 'Opgenomen na een crisis.',
      special: true,
      secretOfInvestigation: false,
      judicial: true,
    },
  ],
  registerNumbers: ['VT-2026-0001'],
  ...overrides,
});

const BANNERS = {
  fr: 'Usage limité – art. 458ter §2 al. 2 CP – finalité P2',
  nl: 'Beperkt gebruik – art. 458ter §2 lid 2 Sw – doelstelling P2',
  en: 'Limited use – art. 458ter §2 al. 2 Criminal Code – purpose P2',
} as const;

describe('the JSON export', () => {
  it.each(Object.entries(BANNERS))('PUR-02 carries the use limitation and the purpose code in %s', (language, banner) => {
    const json = exportJson(data(), language as keyof typeof BANNERS);
    expect(json.useLimitation).toMatchObject({ notice: banner, rule: 'CP art. 458ter §2 al. 2' });
    expect(json.useLimitation.text).toContain('458ter');
    expect(json.purpose).toBe('P2');
  });

  it('FIL-07 lists only the items given, each with its category, controller and the flags of art. 3 §2', () => {
    const json = exportJson(data(), 'nl');
    expect(json.items).toEqual([
      {
        itemId: 'a1f0c1d2-0000-4000-8000-000000000001',
        category: 'C11',
        categoryLabel: expect.stringMatching(/risico/i),
        controller: { id: 'org-police', legalName: 'Politiezone Gent' },
        version: 2,
        content: 'Signaal van dreigend gedrag tegenover de partner.',
        flags: { special: false, secretOfInvestigation: true, judicial: false, contested: false },
      },
      expect.objectContaining({
        itemId: 'a1f0c1d2-0000-4000-8000-000000000002',
        category: 'C10',
        flags: { special: true, secretOfInvestigation: false, judicial: true, contested: false },
      }),
    ]);
    expect(json).toMatchObject({
      format: 'concerto.own-file-transfer.v1',
      transferId: data().transferId,
      source: { caseId: data().caseId, caseTitle: 'Gezin D., dreigend gedrag' },
      recipient: { id: 'org-cpas', legalName: 'OCMW Gent' },
      exportedBy: data().exportedBy,
      exportedAt: EXPORTED_AT.toISOString(),
      retention: { endsOn: '2031-03-02', months: 60 },
    });
  });

  it('labels the categories in the reader’s language', () => {
    expect(exportJson(data(), 'fr').items[1]!.categoryLabel).toMatch(/santé/i);
    expect(exportJson(data(), 'en').items[1]!.categoryLabel).toMatch(/health/i);
    expect(exportJson(data(), 'de').items[1]!.categoryLabel).toBe('Gesundheitsdaten');
  });
});

describe('the PDF export', () => {
  it.each(Object.entries(BANNERS))('PUR-02 SEC-14 sets the banner, the watermark and the metadata in %s', (language, banner) => {
    const spec = exportPdfSpec(data(), language as keyof typeof BANNERS);
    expect(spec.language).toBe(language);
    expect(spec.banner).toBe(banner);
    expect(spec.watermark).toContain(data().exportedBy);
    expect(spec.watermark).toContain('OCMW Gent');
    expect(spec.watermark).toContain(EXPORTED_AT.toISOString());
    expect(spec.metadata).toMatchObject({ subject: banner, author: 'OCMW Gent', creationDate: EXPORTED_AT });
    expect(spec.metadata?.keywords).toContain('P2');
  });

  it('FIL-07 has one section per item with its category and flags, after the notice', () => {
    const spec = exportPdfSpec(data(), 'fr');
    expect(spec.sections).toHaveLength(3);
    const [, first, second] = spec.sections;
    expect(first!.heading).toContain(data().items[0]!.itemId);
    expect(first!.fields).toEqual(
      expect.arrayContaining([
        ['Catégorie', expect.stringMatching(/^C11 – /)],
        ['Responsable du traitement', 'Politiezone Gent'],
        ["Secret de l'instruction", 'oui'],
        ['Catégorie particulière', 'non'],
        ['Donnée contestée', 'non'],
      ]),
    );
    expect(second!.fields).toEqual(expect.arrayContaining([['Catégorie particulière', 'oui'], ['Donnée judiciaire (art. 6)', 'oui']]));
    expect(second!.paragraphs).toEqual(['Opgenomen na een crisis.']);
  });

  it('PUR-02 SEC-14 renders the banner and the watermark on every page, the purpose in the keywords', async () => {
    const long = data({
      items: [{ ...data().items[0]!, content: 'Lange vaststelling van de feiten en de context. '.repeat(200) }],
    });
    const pdf = await renderPdf(exportPdfSpec(long, 'fr'));
    const pages = pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain(BANNERS.fr);
      expect(page).toContain(long.exportedBy);
    }
    expect(pdfInfo(pdf).Keywords).toContain('P2');
    expect(pdfInfo(pdf).Lang).toBe('fr');
    expect(pdfText(pdf)).toContain('Usage limité');
  });
});
