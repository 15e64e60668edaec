import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../contracts/cases.js';
import { checkItem, checkPerson } from './selection.js';

const person = (id: string, subjectIds: string[] = []) =>
  ({ id, subjectIds }) as CaseDetail['persons'][number];
const item = (id: string, personIds: string[]) => ({ id, personIds }) as CaseDetail['items'][number];
const records = {
  persons: [person('subject'), person('relation', ['subject']), person('other')],
  items: [item('risk', ['subject']), item('sketch', ['relation'])],
};
const none = { personIds: [], itemIds: [] };

describe('the signalling selection (WFL-03)', () => {
  it('WFL-03 checks the persons of a checked item, and the subjects of a relation', () => {
    expect(checkItem(records, none, 'risk', true)).toEqual({ personIds: ['subject'], itemIds: ['risk'] });
    const sketch = checkItem(records, none, 'sketch', true);
    expect(new Set(sketch.personIds)).toEqual(new Set(['relation', 'subject']));
    expect(checkPerson(records, none, 'relation', true).personIds.sort()).toEqual(['relation', 'subject']);
  });

  it('WFL-03 unchecks what needs an unchecked person, and nothing else', () => {
    const all = { personIds: ['subject', 'relation', 'other'], itemIds: ['risk', 'sketch'] };
    expect(checkPerson(records, all, 'subject', false)).toEqual({ personIds: ['other'], itemIds: [] });
    expect(checkPerson(records, all, 'relation', false)).toEqual({
      personIds: ['subject', 'other'],
      itemIds: ['risk'],
    });
    expect(checkItem(records, all, 'risk', false).itemIds).toEqual(['sketch']);
  });
});
