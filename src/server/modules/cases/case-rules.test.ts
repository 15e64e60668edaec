import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../db/schema.js';
import type { CaseFacts } from '../access/case-audience.js';
import {
  type DraftRecords,
  phaseOf,
  retentionParties,
  retentionStatus,
  selectionIssues,
} from './case-rules.js';

const POLICE = 'org-police';
const COORDINATION = 'org-coordination';
const CPAS = 'org-cpas';
const YOUTH = 'org-youth';

const STATES: CaseState[] = [
  'pre_registered',
  'under_evaluation',
  'not_signalled',
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
];

const kase = (participants: CaseFacts['participants'] = []): CaseFacts => ({
  id: 'case-1',
  state: 'accepted',
  compartmentOrganisationId: POLICE,
  reviewerOrganisationId: null,
  organiserOrganisationId: COORDINATION,
  participants,
});

describe('phaseOf', () => {
  it('WFL-08 stamps preparation before the first consultation, consultation while one runs, follow-up after', () => {
    expect(phaseOf('pre_registered')).toBe('preparation');
    expect(phaseOf('accepted')).toBe('preparation');
    expect(phaseOf('in_consultation')).toBe('consultation');
    expect(phaseOf('follow_up')).toBe('follow_up');
    fc.assert(
      fc.property(fc.constantFrom(...STATES), (state) => {
        const phase = phaseOf(state);
        expect(['preparation', 'consultation', 'follow_up']).toContain(phase);
        expect(phase === 'consultation').toBe(state === 'in_consultation');
        expect(phase === 'follow_up').toBe(state === 'follow_up');
      }),
    );
  });
});

describe('retentionStatus', () => {
  it('FIL-01 counts the compartment, the organiser and every admitted participant as parties, each once', () => {
    const facts = kase([
      { organisationId: CPAS, revoked: false },
      { organisationId: YOUTH, revoked: true },
    ]);
    expect(retentionParties(facts)).toEqual([POLICE, COORDINATION, CPAS]);
    // A police case organised by the police itself has one party less, not a duplicate.
    expect(retentionParties({ ...facts, organiserOrganisationId: POLICE })).toEqual([POLICE, CPAS]);
  });

  it('FIL-01 WFL-07 agrees the retention only when every party approved the current proposal', () => {
    const facts = kase([
      { organisationId: CPAS, revoked: false },
      { organisationId: YOUTH, revoked: false },
    ]);
    expect(retentionStatus(facts, 120, [COORDINATION, POLICE])).toEqual({
      approvedBy: [POLICE, COORDINATION],
      pending: [CPAS, YOUTH],
      agreed: false,
    });
    expect(retentionStatus(facts, 120, [COORDINATION, POLICE, CPAS, YOUTH]).agreed).toBe(true);
    // No period proposed is no agreement, whoever approved.
    expect(retentionStatus(facts, null, [COORDINATION, POLICE, CPAS, YOUTH]).agreed).toBe(false);
    // An approval by an organisation that is no party (a revoked participant) counts for nothing.
    const revoked = kase([{ organisationId: YOUTH, revoked: true }]);
    expect(retentionStatus(revoked, 60, [YOUTH])).toEqual({
      approvedBy: [],
      pending: [POLICE, COORDINATION],
      agreed: false,
    });
  });

  it('FIL-01 agreed means exactly: a period, and no party pending', () => {
    const organisations = [POLICE, COORDINATION, CPAS, YOUTH, 'org-other'];
    fc.assert(
      fc.property(
        fc.subarray(organisations),
        fc.subarray([CPAS, YOUTH]),
        fc.option(fc.integer({ min: 1, max: 360 }), { nil: null }),
        (approvals, admitted, months) => {
          const facts = kase(admitted.map((organisationId) => ({ organisationId, revoked: false })));
          const status = retentionStatus(facts, months, approvals);
          const parties = retentionParties(facts);
          expect([...status.approvedBy, ...status.pending].sort()).toEqual([...parties].sort());
          expect(status.agreed).toBe(months !== null && parties.every((party) => approvals.includes(party)));
        },
      ),
    );
  });
});

describe('selectionIssues', () => {
  const SUBJECT = 'person-subject';
  const RELATION = 'person-relation';
  const ITEM_ON_SUBJECT = 'item-subject';
  const ITEM_ON_RELATION = 'item-relation';
  const records = (shared: { subject?: boolean } = {}): DraftRecords => ({
    persons: new Map([
      [SUBJECT, { role: 'subject' as const, subjectIds: [], shared: shared.subject ?? false }],
      [RELATION, { role: 'relation' as const, subjectIds: [SUBJECT], shared: false }],
    ]),
    items: new Map([
      [ITEM_ON_SUBJECT, { personIds: [SUBJECT], shared: false }],
      [ITEM_ON_RELATION, { personIds: [RELATION], shared: false }],
    ]),
  });
  const signal = { requireSubject: true };

  it('WFL-03 accepts a minimum set that holds the subject and the persons of each selected item', () => {
    expect(selectionIssues({ personIds: [SUBJECT], itemIds: [ITEM_ON_SUBJECT] }, records(), signal)).toEqual(
      [],
    );
    expect(
      selectionIssues(
        { personIds: [SUBJECT, RELATION], itemIds: [ITEM_ON_SUBJECT, ITEM_ON_RELATION] },
        records(),
        signal,
      ),
    ).toEqual([]);
  });

  it('WFL-03 refuses a signal without a subject, a relation without its subject, and an item without its person', () => {
    expect(selectionIssues({ personIds: [], itemIds: [] }, records(), signal)).toEqual([
      { field: '/body/selection/personIds', message: 'select at least the subject of the consultation' },
    ]);
    expect(selectionIssues({ personIds: [RELATION], itemIds: [] }, records(), signal)).toEqual([
      {
        field: '/body/selection/personIds/0',
        message: 'select the subject this relation relates to as well',
      },
      { field: '/body/selection/personIds', message: 'select at least the subject of the consultation' },
    ]);
    expect(selectionIssues({ personIds: [SUBJECT], itemIds: [ITEM_ON_RELATION] }, records(), signal)).toEqual(
      [{ field: '/body/selection/itemIds/0', message: 'select the persons this item is about as well' }],
    );
  });

  it('WFL-03 refuses records that are not of the case', () => {
    expect(
      selectionIssues({ personIds: [SUBJECT, 'elsewhere'], itemIds: ['other-item'] }, records(), signal),
    ).toEqual([
      { field: '/body/selection/personIds/1', message: 'is not a person of this case' },
      { field: '/body/selection/itemIds/0', message: 'is not an item of this case' },
    ]);
  });

  it('WFL-03 WFL-09 sharing more later needs no subject again: the shared subject covers its relations and items', () => {
    const later = { requireSubject: false };
    expect(
      selectionIssues(
        { personIds: [RELATION], itemIds: [ITEM_ON_SUBJECT] },
        records({ subject: true }),
        later,
      ),
    ).toEqual([]);
    expect(selectionIssues({ personIds: [RELATION], itemIds: [] }, records(), later)).toEqual([
      {
        field: '/body/selection/personIds/0',
        message: 'select the subject this relation relates to as well',
      },
    ]);
  });

  it('WFL-03 whatever is selected, no selected item is about a person the organiser would not see', () => {
    const persons = [SUBJECT, RELATION];
    const items = [ITEM_ON_SUBJECT, ITEM_ON_RELATION];
    fc.assert(
      fc.property(fc.subarray(persons), fc.subarray(items), (personIds, itemIds) => {
        const draft = records();
        const issues = selectionIssues({ personIds, itemIds }, draft, signal);
        if (issues.length > 0) return;
        const seen = new Set(personIds);
        expect(seen.has(SUBJECT)).toBe(true);
        for (const id of itemIds) expect(draft.items.get(id)!.personIds.every((p) => seen.has(p))).toBe(true);
        for (const id of personIds)
          expect(draft.persons.get(id)!.subjectIds.every((s) => seen.has(s))).toBe(true);
      }),
    );
  });
});
