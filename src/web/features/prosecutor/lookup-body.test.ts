/** The purpose-bound lookup on the list (bill art. 8; SPEC LST-02). */
import { describe, expect, it } from 'vitest';
import { lookupBody } from './lookup-body.js';

const empty = { link: '', nationalRegisterNumber: '', surname: '', firstNames: '', birthDate: '' };

describe('a lookup on the list', () => {
  it('LST-02 names the one restriction or request it serves, and the person by number or by name and birth date', () => {
    expect(
      lookupBody({ ...empty, link: 'restriction:r-1', nationalRegisterNumber: ' 93.03.03-113.50 ' }),
    ).toEqual({
      restrictionId: 'r-1',
      nationalRegisterNumber: '93.03.03-113.50',
    });
    expect(
      lookupBody({
        ...empty,
        link: 'request:q-1',
        surname: 'Jacobs',
        firstNames: 'Kevin',
        birthDate: '1993-03-03',
      }),
    ).toEqual({ rightsRequestId: 'q-1', surname: 'Jacobs', firstNames: 'Kevin', birthDate: '1993-03-03' });
    // Without a link the body names none: the server refuses it (LST-02), as the form does first.
    expect(lookupBody({ ...empty, nationalRegisterNumber: '93.03.03-113.50' })).toEqual({
      nationalRegisterNumber: '93.03.03-113.50',
    });
  });
});
