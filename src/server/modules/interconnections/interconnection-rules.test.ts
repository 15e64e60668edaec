import { describe, expect, it } from 'vitest';
import type { RegisterInterconnection } from '../../../contracts/interconnections.js';
import { admissionRefusal, interconnectionState } from '../access/interconnection-admission.js';
import {
  activeWithin,
  countByCategory,
  freshTimestamp,
  linkIssues,
  mapDelivery,
  registrationIssues,
  type StandingChange,
} from './interconnection-rules.js';

const registration = (overrides: Partial<RegisterInterconnection> = {}): RegisterInterconnection => ({
  name: 'Focus',
  frameworkId: 'f1',
  counterpart: { system: 'Focus', operator: 'Geïntegreerde politie' },
  direction: 'inbound',
  partyIds: ['coordination'],
  legalBasis: 'Decreet Veilige Huizen, art. 5',
  royalDecree: null,
  securityMeasures: 'Ondertekende verzoeken, TLS 1.3, rate limit.',
  fieldMapping: [{ field: 'situationReport', category: 'C06' }],
  personMatching: { rule: 'off' },
  rateLimitPerMinute: 10,
  publicKey: 'irrelevant here',
  ...overrides,
});

const framework = {
  state: 'active',
  organiserId: 'coordination',
  participantIds: ['police', 'cpas'],
  allowedCategories: ['C01', 'C06', 'C10', 'C11'],
};

describe('what an interconnection must say to be registered (SPEC INT-01, INT-02)', () => {
  it('INT-01 takes a registration whose parties take part in the framework, and names what is wrong field by field', () => {
    expect(registrationIssues(registration(), { ownerId: 'police', framework })).toEqual([]);
    expect(registrationIssues(registration(), { ownerId: 'police', framework: undefined })).toEqual([
      { field: '/body/frameworkId', message: 'is not a framework' },
    ]);
    const issues = registrationIssues(registration({ partyIds: ['police', 'youth'] }), {
      ownerId: 'police',
      framework: { ...framework, state: 'draft' },
    });
    expect(issues.map((i) => i.field)).toEqual(['/body/frameworkId', '/body/partyIds/0', '/body/partyIds/1']);
    expect(registrationIssues(registration(), { ownerId: 'youth', framework }).map((i) => i.message)).toEqual(
      ['your organisation does not take part in this framework'],
    );
  });

  it('INT-02 restricts the mapping to the categories the framework allows, without special categories, each field once', () => {
    const issues = registrationIssues(
      registration({
        fieldMapping: [
          { field: 'report', category: 'C06' },
          { field: 'report', category: 'C11' },
          { field: 'health', category: 'C10' },
          { field: 'beliefs', category: 'C13' },
        ],
      }),
      { ownerId: 'police', framework },
    );
    expect(issues).toEqual([
      { field: '/body/fieldMapping/1/field', message: 'is mapped twice' },
      {
        field: '/body/fieldMapping/2/category',
        message:
          'is a special category: its items need an exception ground and a designated author, item by item',
      },
      {
        field: '/body/fieldMapping/3/category',
        message: "is not among the categories this consultation's framework allows",
      },
    ]);
  });
});

describe('what passes through an interconnection (SPEC INT-02, INT-03)', () => {
  const mapping = [
    { field: 'situationReport', category: 'C06' as const },
    { field: 'riskAssessment', category: 'C11' as const },
  ];

  it('INT-02 keeps only mapped fields, in their mapped category, and names every other field it drops', () => {
    const mapped = mapDelivery(
      mapping,
      {
        records: [
          { fields: { situationReport: 'a', internalNote: 'b' } },
          { fields: { riskAssessment: 'c', officerName: 'd', situationReport: 'e' } },
        ],
      },
      false,
    );
    expect(mapped.kept).toEqual([
      { record: 0, field: 'situationReport', category: 'C06', value: 'a' },
      { record: 1, field: 'riskAssessment', category: 'C11', value: 'c' },
      { record: 1, field: 'situationReport', category: 'C06', value: 'e' },
    ]);
    expect(mapped.dropped).toEqual([
      { record: 0, field: 'internalNote' },
      { record: 1, field: 'officerName' },
    ]);
    expect(countByCategory(mapped.kept)).toEqual({ C06: 2, C11: 1 });
  });

  it('INT-03 drops a person identifier unless a matching rule is registered', () => {
    const delivery = {
      records: [{ fields: { situationReport: 'a' }, person: { nationalRegisterNumber: '90041212377' } }],
    };
    expect(mapDelivery(mapping, delivery, false).dropped).toEqual([{ record: 0, field: 'person' }]);
    expect(mapDelivery(mapping, delivery, true).dropped).toEqual([]);
  });

  it('INT-02 a link names persons of the case, confirms the mission and says why categories 9 to 16 are relevant', () => {
    const facts = { persons: new Set(['p1']), categories: ['C06', 'C11'] as const, policeOwner: false };
    const link = { interconnectionId: 'i', reference: 'r', personIds: ['p1'], missionConfirmed: true };
    expect(linkIssues({ ...link, relevance: 'Nodig voor het veiligheidsplan.' }, facts)).toEqual([]);
    expect(
      linkIssues(
        { ...link, personIds: ['p2'], missionConfirmed: false, policeMission: 'judicial_police' },
        facts,
      ).map((i) => i.field),
    ).toEqual(['/body/personIds/0', '/body/missionConfirmed', '/body/relevance', '/body/policeMission']);
    // Categories 1 to 8 need no relevance.
    expect(linkIssues(link, { ...facts, categories: ['C06'] })).toEqual([]);
  });

  it('INT-02 accepts a request signed within five minutes of now only', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(freshTimestamp('2026-03-02T09:04:59Z', now)).toBe(true);
    expect(freshTimestamp('2026-03-02T08:55:00.000Z', now)).toBe(true);
    expect(freshTimestamp('2026-03-02T08:54:59Z', now)).toBe(false);
    expect(freshTimestamp('2026-03-02T09:05:01Z', now)).toBe(false);
    expect(freshTimestamp('2 March 2026', now)).toBe(false);
  });
});

describe('when an interconnection exchanges (SPEC INT-01, INT-02, INT-04)', () => {
  const party = (approved: boolean, suspended = false) => ({ approved, suspended });

  it('INT-01 exchanges only when registered, approved by every party, switched off by none and not retired', () => {
    expect(admissionRefusal(undefined)).toBe('interconnection_unregistered');
    expect(admissionRefusal({ retired: false, parties: [party(true), party(false)] })).toBe(
      'interconnection_unapproved',
    );
    expect(admissionRefusal({ retired: false, parties: [party(true), party(true, true)] })).toBe(
      'interconnection_suspended',
    );
    expect(admissionRefusal({ retired: true, parties: [party(true)] })).toBe('interconnection_retired');
    expect(admissionRefusal({ retired: false, parties: [party(true), party(true)] })).toBeUndefined();
    expect(interconnectionState({ retired: false, parties: [] })).toBe('awaiting_approval');
  });

  it('INT-04 SEC-13 tells whether it could exchange at some moment of a period', () => {
    const at = (iso: string) => new Date(iso);
    const history: StandingChange[] = [
      { organisationId: 'police', kind: 'registered', at: at('2026-01-10T00:00:00Z') },
      { organisationId: 'police', kind: 'approved', at: at('2026-01-10T00:00:00Z') },
      { organisationId: 'cpas', kind: 'approved', at: at('2026-02-01T00:00:00Z') },
      { organisationId: 'cpas', kind: 'suspended', at: at('2026-03-01T00:00:00Z') },
      { organisationId: 'cpas', kind: 'resumed', at: at('2026-05-01T00:00:00Z') },
      { organisationId: 'police', kind: 'retired', at: at('2026-08-01T00:00:00Z') },
    ];
    const active = (from: string, to: string) =>
      activeWithin(['police', 'cpas'], history, { from: at(from), to: at(to) });
    expect(active('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).toBe(false); // awaiting the CPAS
    expect(active('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(true);
    expect(active('2026-03-15T00:00:00Z', '2026-04-30T00:00:00Z')).toBe(false); // switched off
    expect(active('2026-04-01T00:00:00Z', '2026-07-01T00:00:00Z')).toBe(true); // back on in May
    expect(active('2026-08-01T00:00:00Z', '2026-12-31T00:00:00Z')).toBe(false); // retired
  });
});
