/**
 * What the 1992 text of the law adds to the item rules: the sensitive data of art. 6 al. 1 that
 * any item may reveal (SPEC DAT-23) and the sixteen kinds of judicial data of art. 8 §1 (DAT-31).
 */
import { describe, expect, it } from 'vitest';
import { SENSITIVE_REVELATIONS } from '../../../contracts/items.js';
import { CATEGORY_CODES } from '../../../contracts/legal-codes.js';
import { SPECIAL_CATEGORIES } from '../access/record-visibility.js';
import { type ItemFacts, itemIssues } from './item-rules.js';

const SUBJECT = '00000000-0000-4000-8000-000000000001';
const REVELATION_RULE = 'L1992 art. 6 al. 1; L2007 art. 6 §2 (SPEC DAT-22, DAT-23)';

const facts: ItemFacts = {
  allowedCategories: CATEGORY_CODES,
  controller: { kind: 'police_service', dpRegime: 'law2018_title2' },
  persons: new Map([[SUBJECT, 'subject']]),
};

type Input = Parameters<typeof itemIssues>[0];

/** An item of `category` that breaks no rule of its category (health and judicial details given). */
const item = (category: Input['category'], overrides: Partial<Input> = {}): Input => ({
  category,
  personIds: [SUBJECT],
  content: 'Is aangesloten bij een socialistisch ziekenfonds en militeert in een vakbond.',
  classification: 'non_classified',
  relevance: 'Nodig om het netwerk van de betrokkene te begrijpen.',
  missionConfirmed: true,
  ...(category === 'C09' ? { details: { judicialSubtype: 'judicial_police', sourceReference: 'PV 2026/17' } } : {}),
  ...(category === 'C10' ? { details: { healthException: 'concrete_danger', healthSource: 'data_subject' } } : {}),
  ...overrides,
});
const ground = (letter: string, extra: Record<string, string> = {}) => ({
  ground: letter,
  justification: 'Bill 0485, art. 2 §2 al. 3: nodig om de dreiging in te schatten.',
  ...extra,
});
const issues = (input: Input) => itemIssues(input, facts).map(({ field, rule }) => ({ field, rule }));

describe('item rules of the 1992 law', () => {
  it('DAT-23 a revelation makes an ordinary item special, under the exceptions of art. 6 §2 a)-l) with written consent recorded', () => {
    const ordinary = CATEGORY_CODES.filter((category) => !SPECIAL_CATEGORIES.includes(category));
    for (const category of ordinary) {
      // Without the declaration the item is ordinary and records no ground (as before).
      expect(issues(item(category))).toEqual([]);
      for (const revealed of SENSITIVE_REVELATIONS) {
        const declared = item(category, { revealsSensitive: [revealed] });
        expect(issues(declared)).toEqual([{ field: '/body/special', rule: REVELATION_RULE }]);
        expect(issues({ ...declared, special: ground('l') })).toEqual([]);
      }
    }
    const consent = item('C06', { revealsSensitive: ['religious_activities'], special: ground('a') });
    expect(issues(consent)).toEqual([
      { field: '/body/special/consentReference', rule: expect.stringContaining('SPEC DAT-22') },
      { field: '/body/special/consentCollectedBy', rule: expect.stringContaining('SPEC PEN-07') },
      { field: '/body/special/consentContext', rule: expect.stringContaining('SPEC PEN-07') },
    ]);
    const recorded = ground('a', {
      consentReference: 'Toestemming 2026-03, OCMW',
      consentCollectedBy: 'Maatschappelijk werker J. Peeters',
      consentContext: 'Gevraagd tijdens het intakegesprek, zonder voorwaarde',
    });
    expect(issues({ ...consent, special: recorded })).toEqual([]);
    // Art. 6 §2 has twelve letters, a) to l); m) is none.
    expect(issues(item('C06', { revealsSensitive: ['political_activities'], special: ground('m') }))).toContainEqual({
      field: '/body/special/ground',
      rule: REVELATION_RULE,
    });
  });

  it('DAT-23 origin, beliefs and sexual life declare it under their own ground; judicial, health, genetic or biometric data record it as an item of its own', () => {
    for (const category of ['C12', 'C13', 'C15'] as const) {
      expect(issues(item(category, { revealsSensitive: ['philosophical_activities'], special: ground('l') }))).toEqual([]);
    }
    const elsewhere = [
      item('C09', { revealsSensitive: ['political_activities'], special: ground('a') }),
      item('C10', { revealsSensitive: ['mutual_fund_membership'], special: ground('g') }),
      item('C16', { geneticOrBiometric: true, revealsSensitive: ['mutual_fund_membership'], special: ground('g') }),
    ];
    for (const input of elsewhere) {
      expect(issues(input)).toEqual([{ field: '/body/revealsSensitive', rule: REVELATION_RULE }]);
      expect(issues({ ...input, revealsSensitive: [] })).toEqual([]);
    }
  });

  it('DAT-31 judicial-data tags belong to category 9', () => {
    const tags = ['suspected_offences', 'pretrial_detention'] as const;
    const judicial = item('C09', { special: ground('a') });
    expect(issues({ ...judicial, details: { ...judicial.details, judicialDataTags: [...tags] } })).toEqual([]);
    expect(issues(item('C11', { details: { judicialDataTags: [...tags] } }))).toEqual([
      { field: '/body/details/judicialDataTags', rule: 'bill art. 2 §2 al. 1 (SPEC DAT-00)' },
    ]);
  });
});
