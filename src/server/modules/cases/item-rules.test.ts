import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, type ItemDetails } from '../../../contracts/items.js';
import { CATEGORY_CODES, type CategoryCode } from '../../../contracts/legal-codes.js';
import { editAsItemInput, type ItemFacts, itemIssues, policeMissionOf } from './item-rules.js';

const SUBJECT = '00000000-0000-4000-8000-000000000001';
const RELATION = '00000000-0000-4000-8000-000000000002';
const STRANGER = '00000000-0000-4000-8000-000000000009';

const police: ItemFacts['controller'] = { kind: 'police_service', dpRegime: 'law2018_title2' };
const cpas: ItemFacts['controller'] = { kind: 'administrative_authority', dpRegime: 'gdpr' };
const association: ItemFacts['controller'] = { kind: 'other', dpRegime: 'gdpr' };

const facts = (overrides: Partial<ItemFacts> = {}): ItemFacts => ({
  allowedCategories: CATEGORY_CODES,
  controller: police,
  persons: new Map([
    [SUBJECT, 'subject'],
    [RELATION, 'relation'],
  ]),
  ...overrides,
});

type Input = Parameters<typeof itemIssues>[0];

/** An ordinary risk item (category 11) that breaks no rule. */
const item = (overrides: Partial<Input> = {}): Input => ({
  category: 'C11',
  personIds: [SUBJECT],
  content: 'Dreigende berichten aan de ex-partner sinds januari.',
  classification: 'non_classified',
  relevance: 'Nodig om het risico voor de ex-partner in te schatten.',
  missionConfirmed: true,
  ...overrides,
});

const special = (ground: string, extra: Record<string, string> = {}) => ({
  ground,
  justification: 'Nodig om het gevaar voor het gezin te beoordelen.',
  ...extra,
});

/** A health item under a professional's responsibility, collected from the person. */
const healthItem = (overrides: Partial<Input> = {}): Input =>
  item({
    category: 'C10',
    content: 'Volgt een behandeling voor verslaving.',
    special: special('g'),
    details: {
      healthProfessional: { name: 'Dr. L. Peeters', registration: '1-23456-78-901' },
      healthSource: 'data_subject',
    },
    ...overrides,
  });

/** A judicial-police item as the police record it. */
const judicialItem = (overrides: Partial<Input> = {}): Input =>
  item({
    category: 'C09',
    content: 'PV voor slagen en verwondingen, 2025.',
    special: special('a'),
    details: { judicialSubtype: 'judicial_police', sourceReference: 'PV GE.55.L1.004512/2025' },
    ...overrides,
  });

const fields = (input: Input, with_: ItemFacts = facts()) =>
  itemIssues(input, with_).map((issue) => issue.field);
const ruleOf = (input: Input, field: string, with_: ItemFacts = facts()) =>
  itemIssues(input, with_).find((issue) => issue.field === field)?.rule;

describe('itemIssues', () => {
  it('accepts an ordinary item, a valid health item and a valid judicial item', () => {
    expect(itemIssues(item(), facts())).toEqual([]);
    expect(itemIssues(healthItem(), facts())).toEqual([]);
    expect(itemIssues(judicialItem(), facts())).toEqual([]);
  });

  it('DAT-20 refuses anything but non-classified, and a content carrying a classification marking', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLASSIFICATIONS), (classification) => {
        const refused = fields(item({ classification })).includes('/body/classification');
        expect(refused).toBe(classification !== 'non_classified');
      }),
    );
    expect(ruleOf(item({ classification: 'secret' }), '/body/classification')).toContain('SPEC DAT-20');
    const marked = itemIssues(item({ content: 'VERTROUWELIJK\nVerslag van de zonechef.' }), facts());
    expect(marked).toEqual([
      {
        field: '/body/content',
        message: 'carries the classification marking VERTROUWELIJK',
        rule: 'bill Comm. art. 2 (SPEC DAT-20)',
      },
    ]);
    // Prose about confidentiality, or the secrecy of the investigation, is no marking.
    expect(fields(item({ content: 'Het gezin vraagt dit vertrouwelijk te behandelen.' }))).toEqual([]);
    expect(fields(item({ content: "Couvert par le SECRET DE L'INSTRUCTION." }))).toEqual([]);
  });

  it('RGT-IND-01 only the police record a police mission, and a police item without one is administrative police', () => {
    expect(fields(item({ policeMission: 'judicial_police' }))).toEqual([]);
    expect(fields(item({ policeMission: 'judicial_police' }), facts({ controller: cpas }))).toEqual(['/body/policeMission']);
    expect(fields(item({ policeMission: 'none' }), facts({ controller: cpas }))).toEqual([]);
    expect(policeMissionOf({}, police)).toBe('administrative_police');
    expect(policeMissionOf({ policeMission: 'none' }, police)).toBe('none');
    expect(policeMissionOf({ policeMission: 'judicial_police' }, cpas)).toBe('none');
  });

  it('RGT-JUD-02 only a police service or a judicial authority flags an item as part of a judicial file', () => {
    const flagged = item({ judicial: { reference: 'Notitie GE.12.L3.000123/26' } });
    expect(fields(flagged)).toEqual([]);
    expect(fields(flagged, facts({ controller: { kind: 'judicial_authority', dpRegime: 'law2018_title3' } }))).toEqual([]);
    expect(fields(flagged, facts({ controller: cpas }))).toEqual(['/body/judicial']);
    expect(ruleOf(flagged, '/body/judicial', facts({ controller: cpas }))).toBe('bill art. 6 (SPEC RGT-JUD-02)');
  });

  it('DAT-00 refuses a category the framework narrowed away', () => {
    const narrowed = facts({ allowedCategories: ['C01', 'C02', 'C11'] });
    expect(fields(item(), narrowed)).toEqual([]);
    const refused = itemIssues(item({ category: 'C06', relevance: undefined }), narrowed);
    expect(refused).toEqual([
      expect.objectContaining({ field: '/body/category', rule: 'bill art. 2 §2 al. 1 (SPEC DAT-00)' }),
    ]);
  });

  it('SCO-06 refuses an item whose processing is not confirmed to lie within the legal mission', () => {
    expect(itemIssues(item({ missionConfirmed: false }), facts())).toEqual([
      expect.objectContaining({ field: '/body/missionConfirmed', rule: 'bill Comm. art. 2 (SPEC SCO-06)' }),
    ]);
  });

  it('PUR-04 DAT-16 categories 9-16 need a relevance justification', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATEGORY_CODES), (category) => {
        const refused = fields(item({ category, relevance: undefined })).includes('/body/relevance');
        expect(refused).toBe(Number(category.slice(1)) >= 9);
      }),
    );
    expect(ruleOf(item({ category: 'C16', relevance: undefined }), '/body/relevance')).toContain(
      'PUR-04, DAT-16',
    );
    expect(fields(item({ category: 'C16' }))).toEqual([]);
  });

  it('DAT-17 refuses an item about a person who is not of the case', () => {
    expect(itemIssues(item({ personIds: [SUBJECT, STRANGER] }), facts())).toEqual([
      expect.objectContaining({ field: '/body/personIds/1', rule: 'bill art. 2 §2 al. 2 (SPEC DAT-17)' }),
    ]);
  });

  it('DAT-18 DAT-22 a special category needs the exception ground of its own article, and ordinary data none', () => {
    // Origin, beliefs, sexual life: L2007 art. 6 §2 a)-l).
    for (const category of ['C12', 'C13', 'C15'] as const) {
      const base = item({ category, special: special('l') });
      expect(fields(base)).toEqual([]);
      expect(ruleOf({ ...base, special: undefined }, '/body/special')).toBe('L2007 art. 6 §2 (SPEC DAT-22)');
    }
    // Health: art. 7 §2 a)-k), so l) is no ground; judicial: art. 8 §2 a)-e).
    expect(ruleOf(healthItem({ special: special('l') }), '/body/special/ground')).toBe(
      'L2007 art. 7 §2 (SPEC DAT-24)',
    );
    expect(fields(healthItem({ special: special('k') }))).toEqual([]);
    expect(ruleOf(judicialItem({ special: special('f') }), '/body/special/ground')).toBe(
      'L2007 art. 8 §2 (SPEC DAT-29)',
    );
    // Genetic or biometric data are special without a category of their own (SPEC A-10).
    const biometric = item({ category: 'C16', geneticOrBiometric: true });
    expect(ruleOf(biometric, '/body/special')).toBe('L2007 art. 7 §2 (SPEC DAT-24)');
    expect(fields({ ...biometric, special: special('g') })).toEqual([]);
    // … and sit under health (10°) or the catch-all (16°) only.
    expect(ruleOf(item({ category: 'C06', geneticOrBiometric: true, special: special('g') }), '/body/geneticOrBiometric')).toBe(
      'bill art. 2 §2 al. 1; SPEC DAT-18, A-10',
    );
    // An ordinary item records no exception ground.
    expect(ruleOf(item({ special: special('l') }), '/body/special')).toBe(
      'bill art. 2 §2 al. 3 (SPEC DAT-18)',
    );
  });

  it('DAT-22 DAT-24 written consent (ground a of art. 6 and 7) needs the record of the signed consent', () => {
    const belief = item({ category: 'C13', special: special('a') });
    expect(itemIssues(belief, facts())).toEqual([
      expect.objectContaining({
        field: '/body/special/consentReference',
        rule: expect.stringContaining('SPEC DAT-22'),
      }),
      // SPEC PEN-07: who collected the consent and how, so that it shows it was given freely.
      expect.objectContaining({
        field: '/body/special/consentCollectedBy',
        rule: expect.stringContaining('PEN-07'),
      }),
      expect.objectContaining({
        field: '/body/special/consentContext',
        rule: expect.stringContaining('PEN-07'),
      }),
    ]);
    expect(
      fields({
        ...belief,
        special: special('a', {
          consentReference: 'Toestemming 2026-014, dossier OCMW',
          consentCollectedBy: 'Maatschappelijk werker J. Peeters',
          consentContext: 'Gevraagd tijdens het intakegesprek, zonder voorwaarde',
        }),
      }),
    ).toEqual([]);
    expect(fields(healthItem({ special: special('a') }))).toEqual([
      '/body/special/consentReference',
      '/body/special/consentCollectedBy',
      '/body/special/consentContext',
    ]);
  });

  it('DAT-24 DAT-25 DAT-26 health items name the professional or the exception, and where the data come from', () => {
    const professional = { name: 'Dr. L. Peeters', registration: '1-23456-78-901' };
    // Neither, or both, of the professional and the exception.
    expect(fields(healthItem({ details: { healthSource: 'data_subject' } }))).toEqual([
      '/body/details/healthProfessional',
    ]);
    expect(
      ruleOf(
        healthItem({
          details: {
            healthProfessional: professional,
            healthException: 'concrete_danger',
            healthSource: 'data_subject',
          },
        }),
        '/body/details/healthProfessional',
      ),
    ).toBe('L2007 art. 7 §4 (SPEC DAT-25)');
    expect(
      fields(healthItem({ details: { healthException: 'written_consent', healthSource: 'data_subject' } })),
    ).toEqual([]);
    // The source: the person, or another source with its justification.
    expect(fields(healthItem({ details: { healthProfessional: professional } }))).toEqual([
      '/body/details/healthSource',
    ]);
    const other = { healthProfessional: professional, healthSource: 'other' } as const;
    expect(ruleOf(healthItem({ details: other }), '/body/details/healthSourceJustification')).toBe(
      'L2007 art. 7 §5 (SPEC DAT-26)',
    );
    expect(
      fields(healthItem({ details: { ...other, healthSourceJustification: 'subject_unable' } })),
    ).toEqual([]);
    expect(
      fields(
        healthItem({
          details: {
            healthProfessional: professional,
            healthSource: 'data_subject',
            healthSourceJustification: 'necessary',
          },
        }),
      ),
    ).toEqual(['/body/details/healthSourceJustification']);
    // DAT-24: no exception ground, no health item.
    expect(fields(healthItem({ special: undefined }))).toEqual(['/body/special']);
  });

  it('DAT-09 DAT-29 judicial data carry sub-type and source, and a law citation for a non-Title-2 controller', () => {
    expect(fields(judicialItem({ details: {} }))).toEqual([
      '/body/details/judicialSubtype',
      '/body/details/sourceReference',
    ]);
    expect(ruleOf(judicialItem({ details: {} }), '/body/details/judicialSubtype')).toBe(
      'bill art. 2 §2 al. 1 9° (SPEC DAT-09)',
    );
    // The police (Title 2, a public authority) process them under art. 8 §2 a): no consent, no citation.
    expect(fields(judicialItem())).toEqual([]);
    // A CPAS/OCMW (GDPR regime) cites the law that authorises it, whatever the ground.
    for (const ground of ['a', 'b']) {
      expect(
        ruleOf(
          judicialItem({ special: special(ground) }),
          '/body/special/lawCitation',
          facts({ controller: cpas }),
        ),
      ).toBe('L2007 art. 8 §2 (SPEC DAT-09, DAT-29)');
    }
    const cited = judicialItem({ special: special('b', { lawCitation: 'Organieke wet OCMW, art. 60 §1' }) });
    expect(fields(cited, facts({ controller: cpas }))).toEqual([]);
    // A participant that is no public authority cites the law for b).
    expect(fields(judicialItem({ special: special('b') }), facts({ controller: association }))).toEqual([
      '/body/special/lawCitation',
    ]);
  });

  it('DAT-29 a criminal-related risk or behaviour item records the exception of art. 8 §2, a non-authority citing the law for b)', () => {
    const criminal = (overrides: Partial<Input> = {}) =>
      item({ criminalRelated: true, content: 'Verdacht van drugshandel vanuit de woning.', ...overrides });
    const rule = 'L2007 art. 8 §2 (SPEC DAT-29)';
    // No exception, no save.
    expect(fields(criminal())).toEqual(['/body/special']);
    expect(ruleOf(criminal(), '/body/special')).toBe(rule);
    expect(fields(criminal({ category: 'C14' }))).toEqual(['/body/special']);
    // The letters of art. 8 §2, and a) is the control of a public authority, not a consent.
    expect(fields(criminal({ special: special('a') }))).toEqual([]);
    expect(fields(criminal({ special: special('f') }))).toEqual(['/body/special/ground']);
    expect(ruleOf(criminal({ special: special('f') }), '/body/special/ground')).toBe(rule);
    // b) by an organisation that is no public authority cites the law; a public authority need not.
    expect(fields(criminal({ special: special('b') }), facts({ controller: association }))).toEqual(['/body/special/lawCitation']);
    expect(ruleOf(criminal({ special: special('b') }), '/body/special/lawCitation', facts({ controller: association }))).toBe(
      'L2007 art. 8 §2 b) (SPEC DAT-29)',
    );
    const cited = criminal({ special: special('b', { lawCitation: 'Decreet van 12 juli 2013 betreffende de integrale jeugdhulp, art. 3' }) });
    expect(fields(cited, facts({ controller: association }))).toEqual([]);
    expect(fields(criminal({ special: special('b') }), facts({ controller: cpas }))).toEqual([]);
    // Judicial data of other categories belong to category 9 itself.
    expect(fields(criminal({ category: 'C06', relevance: undefined }))).toEqual(['/body/criminalRelated']);
    // One item answers one article: what it reveals under art. 6 is an item of its own.
    expect(fields(criminal({ special: special('a'), revealsSensitive: ['religious_activities'] }))).toEqual(['/body/revealsSensitive']);
  });

  it('DAT-29 ordinary risk and behaviour items are as before: no exception asked, none accepted', () => {
    for (const category of ['C11', 'C14'] as const) {
      expect(fields(item({ category }))).toEqual([]);
      expect(fields(item({ category, criminalRelated: false }))).toEqual([]);
      expect(fields(item({ category, special: special('a') }))).toEqual(['/body/special']);
      expect(ruleOf(item({ category, special: special('a') }), '/body/special')).toBe('bill art. 2 §2 al. 3 (SPEC DAT-18)');
    }
  });

  it('DAT-07 named household members are relations of the case, others are counted', () => {
    const household = (details: ItemDetails) =>
      item({ category: 'C07', relevance: undefined, content: 'Samenstelling van het gezin.', details });
    expect(fields(household({ householdPersonIds: [RELATION], adults: 2, children: 3 }))).toEqual([]);
    expect(itemIssues(household({ householdPersonIds: [RELATION, SUBJECT, STRANGER] }), facts())).toEqual([
      expect.objectContaining({
        field: '/body/details/householdPersonIds/1',
        rule: 'bill art. 2 §2 al. 2 (SPEC DAT-07)',
      }),
      expect.objectContaining({
        field: '/body/details/householdPersonIds/2',
        rule: 'bill art. 2 §2 al. 2 (SPEC DAT-07)',
      }),
    ]);
  });

  it('DAT-02 DAT-03 DAT-04 DAT-05 details belong to their category', () => {
    const examples: { [K in keyof Required<ItemDetails>]: [CategoryCode, Required<ItemDetails>[K]] } = {
      contacts: [
        'C02',
        [{ kind: 'phone', value: '+32 9 123 45 67', source: 'OCMW-dossier', date: '2026-02-01' }],
      ],
      profession: ['C03', 'Vrachtwagenchauffeur'],
      competence: ['C03', 'Rijbewijs C'],
      education: ['C03', 'Secundair onderwijs'],
      training: ['C03', 'Opleiding heftruck 2024'],
      sex: ['C04', 'male'],
      nationality: ['C04', 'BE'],
      civilStatus: ['C04', 'divorced'],
      residenceStatus: ['C04', 'belgian'],
      creditorType: ['C05', 'private'],
      amountRange: ['C05', '5000_25000'],
      tags: ['C06', ['sport']],
      householdPersonIds: ['C07', [RELATION]],
      adults: ['C07', 2],
      children: ['C07', 1],
      judicialSubtype: ['C09', 'judicial'],
      sourceReference: ['C09', 'PV 1'],
      judicialDataTags: ['C09', ['convictions_and_penalties']],
      healthProfessional: ['C10', { name: 'Dr. X', registration: '1' }],
      healthException: ['C10', 'concrete_danger'],
      healthSource: ['C10', 'data_subject'],
      healthSourceJustification: ['C10', 'necessary'],
    };
    const keys = Object.keys(examples) as (keyof ItemDetails)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...CATEGORY_CODES), (key, category) => {
        const [home, value] = examples[key];
        const issues = itemIssues(item({ category, details: { [key]: value } }), facts());
        const misplaced = issues.find((issue) => issue.field === `/body/details/${key}`);
        if (category === home) {
          expect(misplaced?.rule).not.toBe('bill art. 2 §2 al. 1 (SPEC DAT-00)');
        } else {
          expect(misplaced).toEqual({
            field: `/body/details/${key}`,
            message: `belongs to category ${home}, not ${category}`,
            rule: 'bill art. 2 §2 al. 1 (SPEC DAT-00)',
          });
        }
      }),
    );
  });

  it('reports every broken rule of one input at once, so that a refusal says all that is missing', () => {
    const issues = itemIssues(
      item({
        category: 'C10',
        classification: 'restricted',
        relevance: undefined,
        missionConfirmed: false,
        details: { tags: ['x'] },
      }),
      facts({ allowedCategories: ['C11'] }),
    );
    expect(issues.map((issue) => issue.field)).toEqual([
      '/body/classification',
      '/body/category',
      '/body/missionConfirmed',
      '/body/details/tags',
      '/body/relevance',
      '/body/special',
      '/body/details/healthProfessional',
      '/body/details/healthSource',
    ]);
  });

  it('checks an edit like a creation, without its reason', () => {
    const { missionConfirmed: _, ...fieldsOfItem } = healthItem();
    const edit = editAsItemInput({ ...fieldsOfItem, reason: 'Nieuw verslag van de arts.' });
    expect(edit).not.toHaveProperty('reason');
    expect(itemIssues(edit, facts())).toEqual([]);
  });
});
