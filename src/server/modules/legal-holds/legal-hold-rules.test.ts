import { describe, expect, it } from 'vitest';
import { coveringHold, holdTargetIssues, type StandingHold } from './legal-hold-rules.js';

const hold = (
  scope: StandingHold['scope'],
  target: { personId?: string; itemId?: string } = {},
): StandingHold => ({
  holdId: `hold-${scope}-${target.personId ?? target.itemId ?? 'case'}`,
  scope,
  personId: target.personId ?? null,
  itemId: target.itemId ?? null,
  reference: 'Kort Ged. 26/112/C',
});

const order = {
  courtOrderReference: 'Kort Ged. 26/112/C',
  issuer: 'Voorzitter rechtbank Gent',
  reason: 'Bewaring als bewijs.',
} as const;

describe('what a legal hold covers (SPEC RET-08)', () => {
  it('RET-08 a hold on the case covers every item and person in it', () => {
    const onCase = hold('case');
    expect(coveringHold([onCase], { itemId: 'i1' })).toBe(onCase);
    expect(coveringHold([onCase], { personIds: ['p1'] })).toBe(onCase);
    expect(coveringHold([onCase], {})).toBe(onCase);
  });

  it('RET-08 a hold on an item covers that item only', () => {
    const onItem = hold('item', { itemId: 'i1' });
    expect(coveringHold([onItem], { itemId: 'i1', personIds: ['p1'] })).toBe(onItem);
    expect(coveringHold([onItem], { itemId: 'i2', personIds: ['p1'] })).toBeUndefined();
    expect(coveringHold([onItem], {})).toBeUndefined();
  });

  it('RET-08 a hold on a person covers that person and the items about it', () => {
    const onPerson = hold('person', { personId: 'p1' });
    expect(coveringHold([onPerson], { personIds: ['p1'] })).toBe(onPerson);
    expect(coveringHold([onPerson], { itemId: 'i1', personIds: ['p2', 'p1'] })).toBe(onPerson);
    expect(coveringHold([onPerson], { itemId: 'i1', personIds: ['p2'] })).toBeUndefined();
  });

  it('RET-08 of several holds, the oldest covering one is named', () => {
    const first = hold('item', { itemId: 'i9' });
    const second = hold('person', { personId: 'p1' });
    const third = hold('case');
    expect(coveringHold([first, second, third], { itemId: 'i1', personIds: ['p1'] })).toBe(second);
  });
});

describe('what a legal hold is placed on (SPEC RET-08)', () => {
  const facts = {
    persons: new Set(['p1']),
    items: new Map([
      ['i1', { erased: false }],
      ['i2', { erased: true }],
    ]),
  };

  it('RET-08 a hold names the record of its scope, and no other', () => {
    expect(holdTargetIssues({ scope: 'case', ...order }, facts)).toEqual([]);
    expect(holdTargetIssues({ scope: 'person', personId: 'p1', ...order }, facts)).toEqual([]);
    expect(holdTargetIssues({ scope: 'item', itemId: 'i1', ...order }, facts)).toEqual([]);
    expect(holdTargetIssues({ scope: 'item', ...order }, facts).map((i) => i.field)).toEqual([
      '/body/itemId',
    ]);
    expect(
      holdTargetIssues({ scope: 'case', personId: 'p1', itemId: 'i1', ...order }, facts).map((i) => i.field),
    ).toEqual(['/body/personId', '/body/itemId']);
  });

  it('RET-08 the record is one of the case the placing organisation sees, and an erased item holds nothing', () => {
    expect(holdTargetIssues({ scope: 'person', personId: 'p9', ...order }, facts)).toEqual([
      { field: '/body/personId', message: 'is not a person of this case' },
    ]);
    expect(holdTargetIssues({ scope: 'item', itemId: 'i9', ...order }, facts)).toEqual([
      { field: '/body/itemId', message: 'is not an item of this case' },
    ]);
    expect(holdTargetIssues({ scope: 'item', itemId: 'i2', ...order }, facts)[0]?.message).toContain(
      'erased already',
    );
  });
});
