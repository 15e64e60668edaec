import { describe, expect, it } from 'vitest';
import type { RegisterDestination } from '../../../contracts/cross-border.js';
import { countryZone, EEA_EFTA_STATES, EU_MEMBER_STATES } from '../../kernel/legal-rules/countries.js';
import {
  abroadByCategory,
  assessmentIssues,
  type DenyRuleFacts,
  type DestinationFacts,
  denyRuleIssues,
  destinationIssues,
  groundCodeOf,
  matchingDenyRules,
  TRANSFER_RULES,
  transferIssues,
} from './cross-border-rules.js';

const FIELDS = { country: '/destination/country', categories: '/destination/categories', items: '/items' };

const destination = (overrides: Partial<RegisterDestination> = {}): RegisterDestination => ({
  kind: 'export_system',
  name: 'Analyseplatform',
  country: 'US',
  categories: ['C02', 'C06'],
  basis: { kind: 'none' },
  ...overrides,
});

const derogation = (basis: RegisterDestination['basis']) => destination({ basis });
const fieldsOf = (issues: readonly { field: string }[]) => issues.map((i) => i.field);

const entry = (overrides: Partial<DestinationFacts> = {}): DestinationFacts => ({
  kind: 'export_system',
  country: 'US',
  categories: ['C02', 'C06'],
  basis: 'derogation',
  derogation: 'D4',
  ...overrides,
});

const ADEQUATE = { conclusion: 'adequate', finalDestinationCountry: 'US', withdrawn: false } as const;

const rule = (overrides: Partial<DenyRuleFacts> = {}): DenyRuleFacts => ({
  royalDecreeReference: 'KB 14 april 2026, art. 1',
  country: 'US',
  categories: [],
  kinds: [],
  circumstance: 'gerechtelijke gegevens',
  ...overrides,
});

describe('where a country stands (L2007 art. 21 §1)', () => {
  it('TRF-11 SCO-10 tells Belgium, the member states of the Community and every other country apart, Greece as GR', () => {
    expect(countryZone('BE')).toBe('domestic');
    expect(EU_MEMBER_STATES.codes).toHaveLength(27);
    for (const code of EU_MEMBER_STATES.codes.filter((c) => c !== 'BE'))
      expect(countryZone(code)).toBe('community');
    expect(countryZone('GR')).toBe('community');
    expect(EU_MEMBER_STATES.codes).not.toContain('EL');
    expect(EU_MEMBER_STATES.codes).not.toContain('GB');
    expect(['US', 'CH', 'GB', 'KP'].map(countryZone)).toEqual([
      'third_country',
      'third_country',
      'third_country',
      'third_country',
    ]);
    expect(EU_MEMBER_STATES.source).toContain('TEU art. 52');
  });

  it('TRF-01 treats the EEA states as outside the Community, as the text says: a transfer there needs a basis', () => {
    expect(EEA_EFTA_STATES.codes.map(countryZone)).toEqual([
      'third_country',
      'third_country',
      'third_country',
    ]);
    const issues = transferIssues(
      { kind: 'backup', country: 'NO', categories: ['C02'] },
      entry({ country: 'NO', basis: 'none', derogation: null }),
      [],
      FIELDS,
    );
    expect(issues).toEqual([
      expect.objectContaining({ field: '/destination/country', rule: TRANSFER_RULES.register }),
    ]);
  });
});

describe('what a transfer needs (L2007 arts 21-22; L1992 art. 4 §2)', () => {
  it('TRF-01 TRF-11 checks nothing at home, wants a foreign destination in the register, and a basis outside the Community', () => {
    expect(
      transferIssues(
        { kind: 'own_file', country: 'BE', categories: ['C10'] },
        undefined,
        [rule({ country: null })],
        FIELDS,
      ),
    ).toEqual([]);
    // Inside the Community: registered is enough (TRF-11), unregistered is refused.
    expect(
      transferIssues(
        { kind: 'backup', country: 'DE', categories: ['C02'] },
        entry({ country: 'DE', basis: 'none', derogation: null }),
        [],
        FIELDS,
      ),
    ).toEqual([]);
    const unregistered = transferIssues(
      { kind: 'backup', country: 'DE', categories: ['C02'] },
      undefined,
      [],
      FIELDS,
    );
    expect(unregistered).toEqual([
      expect.objectContaining({ field: '/destination/country', rule: TRANSFER_RULES.register }),
    ]);
    expect(unregistered[0]!.message).toContain('registers it first');
    // Outside it: no basis is refused, a derogation carries it.
    const bare = transferIssues(
      { kind: 'export_system', country: 'US', categories: ['C02'] },
      entry({ basis: 'none', derogation: null }),
      [],
      FIELDS,
    );
    expect(bare[0]!.message).toContain('outside the European Community');
    expect(
      transferIssues({ kind: 'export_system', country: 'US', categories: ['C02'] }, entry(), [], FIELDS),
    ).toEqual([]);
    // A category the register does not send there is refused (the declaration's §6 must be true).
    const more = transferIssues(
      { kind: 'export_system', country: 'US', categories: ['C02', 'C10'] },
      entry(),
      [],
      FIELDS,
    );
    expect(more).toEqual([
      expect.objectContaining({ field: '/destination/categories', rule: TRANSFER_RULES.categories }),
    ]);
    expect(more[0]!.message).toContain('C10');
  });

  it('TRF-02 an adequacy basis carries a transfer only while its assessment concludes to adequate protection in that country', () => {
    const asked = { kind: 'export_system', country: 'US', categories: ['C02'] } as const;
    const adequacy = (assessment: DestinationFacts['assessment']) =>
      transferIssues(
        asked,
        entry({ basis: 'adequacy', derogation: null, ...(assessment && { assessment }) }),
        [],
        FIELDS,
      );
    expect(adequacy(ADEQUATE)).toEqual([]);
    expect(adequacy({ ...ADEQUATE, withdrawn: true })[0]).toMatchObject({ rule: TRANSFER_RULES.adequacy });
    expect(adequacy({ ...ADEQUATE, conclusion: 'not_adequate' })[0]!.message).toContain('not adequate');
    expect(adequacy({ ...ADEQUATE, finalDestinationCountry: 'CA' })[0]!.message).toContain(
      'to CA, not to US',
    );
  });

  it('TRF-03 a deny rule blocks a transfer whatever adequacy assessment or derogation is recorded', () => {
    const asked = { kind: 'export_system', country: 'US', categories: ['C09'] } as const;
    const withAdequacy = entry({
      categories: ['C09'],
      basis: 'adequacy',
      derogation: null,
      assessment: ADEQUATE,
    });
    expect(transferIssues(asked, withAdequacy, [], FIELDS)).toEqual([]);
    const denied = transferIssues(asked, withAdequacy, [rule()], FIELDS);
    expect(denied).toEqual([
      expect.objectContaining({
        field: '/destination/country',
        rule: `${TRANSFER_RULES.denyList}; KB 14 april 2026, art. 1`,
      }),
    ]);
    expect(transferIssues(asked, entry({ categories: ['C09'] }), [rule()], FIELDS)).toHaveLength(1);
  });

  it('TRF-03 a deny rule reaches its country, categories and kinds, every country outside the Community when it names none, and never one inside', () => {
    const transfer = { kind: 'backup', country: 'US', categories: ['C02', 'C09'] };
    expect(matchingDenyRules([rule()], transfer)).toHaveLength(1);
    expect(matchingDenyRules([rule({ country: 'CN' })], transfer)).toHaveLength(0);
    expect(matchingDenyRules([rule({ country: null })], transfer)).toHaveLength(1);
    expect(matchingDenyRules([rule({ categories: ['C09'] })], transfer)).toHaveLength(1);
    expect(matchingDenyRules([rule({ categories: ['C10'] })], transfer)).toHaveLength(0);
    expect(matchingDenyRules([rule({ kinds: ['webhook'] })], transfer)).toHaveLength(0);
    expect(matchingDenyRules([rule({ kinds: ['backup'] })], transfer)).toHaveLength(1);
    expect(matchingDenyRules([rule({ country: null })], { ...transfer, country: 'FR' })).toHaveLength(0);
    expect(denyRuleIssues({ country: 'FR' })).toEqual([expect.objectContaining({ field: '/body/country' })]);
    expect(denyRuleIssues({ country: null })).toEqual([]);
    expect(denyRuleIssues({ country: 'KP' })).toEqual([]);
  });

  it('TRF-12 an item under L2007 arts 6-8 without its exception ground may not leave Belgium, inside the Community too', () => {
    const items = [
      { id: 'health', category: 'C10', special: true, exceptionGround: null },
      { id: 'judicial', category: 'C09', special: true, exceptionGround: 'a' },
      { id: 'plain', category: 'C06', special: false, exceptionGround: null },
    ] as const;
    const asked = (country: string) =>
      ({ kind: 'own_file', country, categories: ['C06', 'C09', 'C10'], items }) as const;
    const registered = (country: string) =>
      entry({
        kind: 'own_file',
        country,
        categories: ['C06', 'C09', 'C10'],
        basis: 'none',
        derogation: null,
      });
    expect(transferIssues(asked('BE'), undefined, [], FIELDS)).toEqual([]);
    const fr = transferIssues(asked('FR'), registered('FR'), [], FIELDS);
    expect(fr).toEqual([
      expect.objectContaining({ field: '/items/health', rule: TRANSFER_RULES.foreignItems }),
    ]);
    expect(fr[0]!.message).toContain('C10');
    expect(
      fieldsOf(
        transferIssues(
          asked('US'),
          { ...registered('US'), basis: 'derogation', derogation: 'D4' },
          [],
          FIELDS,
        ),
      ),
    ).toEqual(['/items/health']);
  });
});

describe('what a register entry holds (L2007 arts 21-22)', () => {
  it('TRF-11 SCO-10 a destination at home or in a member state needs no basis, and is refused one', () => {
    expect(destinationIssues(destination({ country: 'BE', kind: 'hosting' }), {})).toEqual([]);
    expect(destinationIssues(destination({ country: 'LU', kind: 'backup' }), {})).toEqual([]);
    const based = destinationIssues(
      destination({ country: 'FR', basis: { kind: 'derogation', derogation: 'D4', legalReference: 'x' } }),
      {},
    );
    expect(fieldsOf(based)).toEqual(['/body/basis/kind']);
    expect(fieldsOf(destinationIssues(destination({ country: 'ZZ' }), {}))).toEqual(['/body/country']);
  });

  it('TRF-02 an adequacy basis names an assessment in force of that country concluding to adequate protection', () => {
    const basis = { kind: 'adequacy', adequacyAssessmentId: '00000000-0000-4000-8000-000000000001' } as const;
    expect(destinationIssues(destination({ basis }), { assessment: ADEQUATE })).toEqual([]);
    expect(fieldsOf(destinationIssues(destination({ basis: { kind: 'adequacy' } }), {}))).toEqual([
      '/body/basis/adequacyAssessmentId',
    ]);
    expect(destinationIssues(destination({ basis }), {})[0]!.message).toContain(
      'not an adequacy assessment in force',
    );
    expect(
      destinationIssues(destination({ basis }), {
        assessment: { ...ADEQUATE, finalDestinationCountry: 'CH' },
      })[0],
    ).toMatchObject({
      field: '/body/basis/adequacyAssessmentId',
      rule: TRANSFER_RULES.adequacy,
    });
  });

  it('TRF-02 an adequacy assessment is of a country outside the Community', () => {
    const input = {
      dataNature: 'n',
      purpose: 'p',
      duration: 'd',
      originCountry: 'BE',
      finalDestinationCountry: 'CH',
      legalFramework: 'l',
      professionalRules: 'r',
      securityMeasures: 's',
      conclusion: 'adequate',
      reviewer: 'An Peeters',
      reviewedOn: '2026-02-20',
    } as const;
    expect(assessmentIssues(input)).toEqual([]);
    expect(fieldsOf(assessmentIssues({ ...input, finalDestinationCountry: 'NL' }))).toEqual([
      '/body/finalDestinationCountry',
    ]);
    expect(fieldsOf(assessmentIssues({ ...input, originCountry: 'XX' }))).toEqual(['/body/originCountry']);
  });

  it('TRF-04 D1 needs the unambiguous consent record, with who collected it and in what context', () => {
    const consent = {
      reference: 'OCMW Gent, dossier 2026/118, stuk 4',
      collectedBy: 'Fatima El Amrani',
      context: 'Gesprek op het OCMW, vrij gegeven, zonder voorwaarde.',
      givenOn: '2026-02-27',
      unambiguous: true,
    };
    expect(destinationIssues(derogation({ kind: 'derogation', derogation: 'D1', consent }), {})).toEqual([]);
    const missing = destinationIssues(derogation({ kind: 'derogation', derogation: 'D1' }), {});
    expect(missing).toEqual([
      expect.objectContaining({
        field: '/body/basis/consent',
        rule: 'L2007 art. 22 §1 al. 1 1° (SPEC TRF-04, PEN-07)',
      }),
    ]);
    const doubtful = destinationIssues(
      derogation({ kind: 'derogation', derogation: 'D1', consent: { ...consent, unambiguous: false } }),
      {},
    );
    expect(fieldsOf(doubtful)).toEqual(['/body/basis/consent/unambiguous']);
  });

  it('TRF-05 TRF-06 D2 and D3 need a contract reference', () => {
    for (const code of ['D2', 'D3'] as const) {
      expect(fieldsOf(destinationIssues(derogation({ kind: 'derogation', derogation: code }), {}))).toEqual([
        '/body/basis/contractReference',
      ]);
      expect(
        destinationIssues(
          derogation({ kind: 'derogation', derogation: code, contractReference: 'Overeenkomst 2026/7' }),
          {},
        ),
      ).toEqual([]);
    }
  });

  it('TRF-07 D4 needs a legal reference, and may say why', () => {
    expect(fieldsOf(destinationIssues(derogation({ kind: 'derogation', derogation: 'D4' }), {}))).toEqual([
      '/body/basis/legalReference',
    ]);
    const basis = {
      kind: 'derogation',
      derogation: 'D4',
      legalReference: 'Verdrag van Prüm, art. 3',
      justification: 'Politiële samenwerking.',
    } as const;
    expect(destinationIssues(derogation(basis), {})).toEqual([]);
  });

  it('TRF-08 D5 needs a justification', () => {
    const issues = destinationIssues(derogation({ kind: 'derogation', derogation: 'D5' }), {});
    expect(issues).toEqual([
      expect.objectContaining({
        field: '/body/basis/justification',
        rule: 'L2007 art. 22 §1 al. 1 5° (SPEC TRF-08)',
      }),
    ]);
    expect(
      destinationIssues(
        derogation({ kind: 'derogation', derogation: 'D5', justification: 'Levensbedreigende toestand.' }),
        {},
      ),
    ).toEqual([]);
  });

  it('TRF-09 D6 is never available: the shared file is not a public register', () => {
    const issues = destinationIssues(derogation({ kind: 'derogation', derogation: 'D6' }), {});
    expect(issues).toEqual([
      expect.objectContaining({
        field: '/body/basis/derogation',
        rule: 'L2007 art. 22 §1 al. 1 6° (SPEC TRF-09)',
      }),
    ]);
    expect(issues[0]!.message).toContain('not a public register');
  });

  it('TRF-10 D7 needs the royal decree and the contractual clauses', () => {
    expect(fieldsOf(destinationIssues(derogation({ kind: 'derogation', derogation: 'D7' }), {}))).toEqual([
      '/body/basis/royalDecreeReference',
      '/body/basis/clauses',
    ]);
    const clauses = { mediaType: 'application/pdf', contentBase64: 'JVBERi0=' } as const;
    expect(
      destinationIssues(
        derogation({
          kind: 'derogation',
          derogation: 'D7',
          royalDecreeReference: 'KB 14 april 2026',
          clauses,
        }),
        {},
      ),
    ).toEqual([]);
  });

  it('TRF-01 a basis carries only its own fields, and a derogation is named', () => {
    const mixed = destinationIssues(
      derogation({ kind: 'derogation', derogation: 'D5', justification: 'j', contractReference: 'c' }),
      {},
    );
    expect(fieldsOf(mixed)).toEqual(['/body/basis/contractReference']);
    expect(fieldsOf(destinationIssues(derogation({ kind: 'derogation' }), {}))).toEqual([
      '/body/basis/derogation',
    ]);
    expect(fieldsOf(destinationIssues(derogation({ kind: 'none', legalReference: 'x' }), {}))).toEqual([
      '/body/basis/legalReference',
    ]);
  });

  it('DCL-20 an onward processor works for a destination in force and receives no more than it', () => {
    const parent = { name: 'Hosting Brussel', categories: ['C02', 'C06'], inForce: true };
    const onward = destination({
      kind: 'sub_processor',
      country: 'FR',
      viaDestinationId: 'p',
      categories: ['C02'],
    });
    expect(destinationIssues(onward, { parent })).toEqual([]);
    expect(fieldsOf(destinationIssues({ ...onward, categories: ['C02', 'C10'] }, { parent }))).toEqual([
      '/body/categories/1',
    ]);
    expect(fieldsOf(destinationIssues(onward, { parent: { ...parent, inForce: false } }))).toEqual([
      '/body/viaDestinationId',
    ]);
    expect(fieldsOf(destinationIssues({ ...onward, kind: 'webhook' }, { parent }))).toEqual(['/body/kind']);
  });
});

describe('what the register says (L1992 art. 17 §6; SPEC DCL-18, DCL-20, PEN-13)', () => {
  it('DCL-20 TRF-11 lists per category the countries abroad, onward processors included, Belgium left out', () => {
    expect(
      abroadByCategory([
        { country: 'BE', categories: ['C02', 'C06'] },
        { country: 'US', categories: ['C02'] },
        { country: 'FR', categories: ['C06', 'C02'] },
      ]),
    ).toEqual([
      { category: 'C02', countries: ['FR', 'US'] },
      { category: 'C06', countries: ['FR'] },
    ]);
    expect(abroadByCategory([{ country: 'BE', categories: ['C02'] }])).toEqual([]);
  });

  it('PEN-13 gives each destination its legal ground code', () => {
    expect(groundCodeOf({ country: 'BE', basis: 'none', derogation: null })).toBe('domestic');
    expect(groundCodeOf({ country: 'DE', basis: 'none', derogation: null })).toBe('intra_community');
    expect(groundCodeOf({ country: 'CH', basis: 'adequacy', derogation: null })).toBe('adequacy');
    expect(groundCodeOf({ country: 'US', basis: 'derogation', derogation: 'D7' })).toBe('D7');
  });
});
