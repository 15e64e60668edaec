import { describe, expect, it } from 'vitest';
import { years } from '../../kernel/legal-rules/index.js';
import {
  type CoveredFramework,
  type DeclarationFacts,
  generateDeclarationContent,
} from './declaration-content.js';
import { differingSections } from './declaration-conformity.js';

const CONTROLLER = 'a0000000-0000-4000-8000-000000000001';
const FRAMEWORK = 'f0000000-0000-4000-8000-000000000001';

const framework = (overrides: Partial<CoveredFramework> = {}): CoveredFramework => ({
  id: FRAMEWORK,
  name: 'Veilig Huis – ketenaanpak',
  state: 'active',
  processingName: { fr: 'Concertation de cas Maison sûre', nl: 'Casusoverleg Veilig Huis' },
  basisKind: 'decree',
  basisCitation: { title: 'Decreet betreffende de Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
  authorisation: null,
  processingBasis: 'Decreet van 30 juni 2023, art. 3',
  purposes: ['P1'],
  allowedCategories: ['C01', 'C02', 'C11'],
  defaultRetention: { months: 60, otherRule: null },
  ownFileExportDisabled: false,
  exportFourEyes: false,
  parties: [
    { id: CONTROLLER, legalName: 'Politiezone Gent', kind: 'police_service' },
    { id: 'b0000000-0000-4000-8000-000000000002', legalName: 'OCMW Gent', kind: 'administrative_authority' },
    {
      id: 'b0000000-0000-4000-8000-000000000003',
      legalName: 'Parket Oost-Vlaanderen',
      kind: 'judicial_authority',
    },
  ],
  ...overrides,
});

const facts = (overrides: Partial<DeclarationFacts> = {}): DeclarationFacts => ({
  declarationId: 'd0000000-0000-4000-8000-000000000001',
  language: 'fr',
  date: '2026-03-02',
  purposes: ['P1'],
  purposeDescription: null,
  securityDescription: 'Chiffrement par dossier, journal inaltérable.',
  securityPlan: { version: '1', document: 'docs/security-plan.md' },
  controller: {
    id: CONTROLLER,
    kind: 'police_service',
    dpRegime: 'law2018_title2',
    legalName: 'Politiezone Gent',
    address: 'Antwerpsesteenweg 1, 9000 Gent',
    enterpriseNumber: '0207.393.025',
    establishmentCountry: 'BE',
    representative: null,
    rightsContact: 'privacy@politiegent.example',
  },
  frameworks: [framework()],
  periods: { maxRetention: years(30), draftRetention: years(1), prosecutorListErasure: years(30) },
  host: {
    legalName: 'Concerto Hosting NV',
    address: 'Kortrijksesteenweg 1, 9000 Gent',
    enterpriseNumber: '0123.456.789',
    country: 'BE',
  },
  abroad: [],
  ...overrides,
});

const content = (overrides: Partial<DeclarationFacts> = {}) => {
  const generated = generateDeclarationContent(facts(overrides));
  if (!generated.content) throw new Error(JSON.stringify(generated.issues));
  return generated.content;
};

describe('the content of a declaration, generated from the configuration (L2007 art. 17 §3)', () => {
  it('DCL-02 DCL-04 states the date, the instruments deciding the processing, and that it is no public register', () => {
    const generated = content();
    expect(generated.declarationDate).toBe('2026-03-02');
    expect(generated.publicRegisterExemption).toBe('no');
    expect(generated.sections.instrument.instruments).toEqual([
      {
        frameworkId: FRAMEWORK,
        basis: 'Décret: Decreet betreffende de Veilige Huizen (2023-06-30), art. 5',
        processingBasis: 'Decreet van 30 juni 2023, art. 3',
      },
    ]);
    const authorised = content({
      frameworks: [
        framework({
          basisKind: 'prosecutor_authorisation',
          basisCitation: null,
          authorisation: { reference: 'PK/2026/031', date: '2026-01-20', office: 'Parket Oost-Vlaanderen' },
        }),
      ],
    });
    expect(authorised.sections.instrument.instruments[0]!.basis).toBe(
      'Autorisation motivée du procureur du Roi PK/2026/031 (2026-01-20), Parket Oost-Vlaanderen',
    );
  });

  it('DCL-05 SCO-11 a missing controller address blocks the generation, naming the field; outside the EU/EEA the representative is needed', () => {
    const noAddress = generateDeclarationContent(
      facts({ controller: { ...facts().controller, address: '  ' } }),
    );
    expect(noAddress.content).toBeNull();
    expect(noAddress.issues.map((issue) => issue.field)).toEqual(['/controller/address']);
    const swiss = generateDeclarationContent(
      facts({ controller: { ...facts().controller, establishmentCountry: 'CH' } }),
    );
    expect(swiss.issues.map((issue) => issue.field)).toEqual(['/controller/representative']);
    const represented = content({
      controller: {
        ...facts().controller,
        establishmentCountry: 'CH',
        representative: { name: 'Maître Janssens', address: 'Rue Haute 1, 1000 Bruxelles' },
      },
    });
    expect(represented.sections.controller).toMatchObject({
      legalName: 'Politiezone Gent',
      address: 'Antwerpsesteenweg 1, 9000 Gent',
      representative: { name: 'Maître Janssens', address: 'Rue Haute 1, 1000 Bruxelles' },
    });
  });

  it('DCL-05 names every field a framework lacks at once', () => {
    const generated = generateDeclarationContent(
      facts({
        frameworks: [
          framework({
            basisCitation: null,
            processingBasis: null,
            defaultRetention: null,
            purposes: ['P1', 'P3'],
          }),
        ],
      }),
    );
    expect(generated.issues.map((issue) => issue.field)).toEqual([
      '/frameworks/0/basisCitation',
      '/frameworks/0/processingBasis',
      '/frameworks/0/purposes',
      '/frameworks/0/defaultRetention',
    ]);
  });

  it('DCL-07 DCL-08 gives the processing names in French and Dutch and the purposes with their glossary labels and description', () => {
    const generated = content({
      purposes: ['P1', 'P2'],
      purposeDescription: 'Aanpak van intrafamiliaal geweld.',
    });
    expect(generated.sections.name.processings).toEqual([
      { frameworkId: FRAMEWORK, fr: 'Concertation de cas Maison sûre', nl: 'Casusoverleg Veilig Huis' },
    ]);
    expect(generated.sections.purposes.purposes.map((p) => p.code)).toEqual(['P1', 'P2']);
    expect(generated.sections.purposes.purposes[0]!.label).toContain("protéger l'intégrité physique");
    expect(generated.sections.purposes.description).toBe('Aanpak van intrafamiliaal geweld.');
  });

  it('DCL-09 enabling category 15 adds it to the arts 6-8 section; category 9 brings the kinds of judicial data', () => {
    expect(content().sections.categories.special).toEqual([]);
    const generated = content({ frameworks: [framework({ allowedCategories: ['C01', 'C09', 'C15'] })] });
    expect(generated.sections.categories.categories.map((c) => c.code)).toEqual(['C01', 'C09', 'C15']);
    expect(generated.sections.categories.special.map((s) => [s.code, s.article])).toEqual([
      ['C09', 'L2007 art. 8'],
      ['C15', 'L2007 art. 6'],
    ]);
    expect(generated.sections.categories.judicialKinds).toHaveLength(16);
  });

  it('DCL-10 lists the recipient categories of the other parties, not the controller itself', () => {
    const generated = content();
    expect(generated.sections.recipients.categories.map((c) => [c.code, c.organisations])).toEqual([
      ['administrative_authority', ['OCMW Gent']],
      ['judicial_authority', ['Parket Oost-Vlaanderen']],
    ]);
  });

  it('DCL-11 lists the active safeguards, following the frameworks and the special categories', () => {
    const codes = (generated: ReturnType<typeof content>) =>
      generated.sections.safeguards.safeguards.map((s) => s.code);
    expect(codes(content())).toEqual([
      'secrecy_undertaking',
      'need_to_know',
      'encryption',
      'audit_log',
      'export_watermark',
      'own_file_consent',
    ]);
    expect(
      codes(
        content({
          frameworks: [
            framework({ allowedCategories: ['C10'], ownFileExportDisabled: true, exportFourEyes: true }),
          ],
        }),
      ),
    ).toEqual([
      'secrecy_undertaking',
      'need_to_know',
      'encryption',
      'audit_log',
      'export_watermark',
      'special_category_designations',
      'own_file_export_disabled',
      'export_four_eyes',
    ]);
  });

  it('DCL-12 shows the rights contact point and the channels; police data go through the Commission', () => {
    const rights = content().sections.rights;
    expect(rights.accessService).toBe('privacy@politiegent.example');
    expect(rights.channels.map((c) => c.code)).toEqual(['post', 'registered_post', 'email', 'desk']);
    expect(rights.route).toBe('commission');
    const cpas = content({
      controller: { ...facts().controller, kind: 'administrative_authority', dpRegime: 'gdpr' },
    });
    expect(cpas.sections.rights.route).toBe('direct');
  });

  it('DCL-13 shows the agreed maximum after closure, capped at 30 years, and the own-file, list and draft rules', () => {
    const retention = content().sections.retention;
    expect(retention.frameworks[0]!.text).toBe('≤ 5 ans après la clôture du dossier, au maximum 30 ans');
    expect(retention.rules).toHaveLength(2);
    const nl = content({
      language: 'nl',
      frameworks: [
        framework({
          basisKind: 'prosecutor_authorisation',
          basisCitation: null,
          authorisation: { reference: 'PK/1', date: '2026-01-20', office: null },
          defaultRetention: { months: 18, otherRule: null },
        }),
      ],
    }).sections.retention;
    expect(nl.frameworks[0]!.text).toBe('≤ 18 maanden na de afsluiting van het dossier, ten hoogste 30 jaar');
    expect(nl.rules.some((rule) => rule.includes('Lijst van de procureur des Konings'))).toBe(true);
  });

  it('DCL-14 DCL-15 describes the security measures with the plan version, and states the art. 3 §3 ground as not applicable', () => {
    const generated = content();
    expect(generated.sections.security).toEqual({
      description: 'Chiffrement par dossier, journal inaltérable.',
      planVersion: '1',
      planDocument: 'docs/security-plan.md',
    });
    expect(generated.sections.journalism.ground).toBe('not_applicable');
    expect(
      generateDeclarationContent(facts({ securityDescription: ' ' })).issues.map((i) => i.field),
    ).toEqual(['/securityDescription']);
  });
});

describe('the conformity of the configuration with the declaration (SPEC SEC-10)', () => {
  it('SEC-10 a new recipient category differs in §3 7° only; the date of the declaration is not compared', () => {
    const declared = content();
    expect(differingSections(declared, content({ date: '2026-04-01' }))).toEqual([]);
    const widened = content({
      frameworks: [
        framework({
          parties: [
            ...framework().parties,
            {
              id: 'b0000000-0000-4000-8000-000000000009',
              legalName: 'FOD Justitie',
              kind: 'federal_service',
            },
          ],
        }),
      ],
    });
    expect(differingSections(declared, widened)).toEqual([
      { section: 'recipients', item: '§3 7°', label: 'recipient categories' },
    ]);
    expect(differingSections(declared, content({ language: 'nl' })).map((d) => d.section)).toContain(
      'controller',
    );
  });

  it('DCL-06 DCL-19 names the host in 3° and, per category sent abroad, its countries in §6; each is a section the check compares', () => {
    const generated = content({
      abroad: [
        { category: 'C06', countries: ['PT'] },
        { category: 'C02', countries: ['NL', 'FR'] },
      ],
    });
    expect(generated.sections.processor.host).toEqual({
      legalName: 'Concerto Hosting NV',
      address: 'Kortrijksesteenweg 1, 9000 Gent',
      enterpriseNumber: '0123.456.789',
      country: 'BE',
    });
    expect(generated.sections.transfers.categories.map((c) => [c.code, c.countries])).toEqual([
      ['C02', ['FR', 'NL']],
      ['C06', ['PT']],
    ]);
    expect(content({ host: null }).sections.processor.host).toBeNull();
    expect(differingSections(content(), generated)).toEqual([
      { section: 'transfers', item: '§6', label: 'transfers abroad' },
    ]);
  });
});
