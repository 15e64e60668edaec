import { describe, expect, it } from 'vitest';
import type { PaperPart } from '../../../../contracts/paper-parts.js';
import { draftOf, EMPTY_PAPER_PART, paperPartBody } from './paper-part-draft.js';

const ME = '00000000-0000-4000-8000-000000000001';

describe('the paper part form (SCO-09)', () => {
  it('SCO-09 sends the register entry trimmed, without empty optional fields, naming the user who keeps it', () => {
    const body = paperPartBody(
      {
        ...EMPTY_PAPER_PART,
        description: '  Origineel PV ',
        contentIndex: 'PV (12 blz.)',
        pageCount: '12',
        categories: ['C11'],
        personIds: ['p1'],
        building: ' Politiehuis Gent ',
        cabinet: '   ',
        keptByMe: true,
      },
      ME,
    );
    expect(body).toEqual({
      description: 'Origineel PV',
      contentIndex: 'PV (12 blz.)',
      pageCount: 12,
      categories: ['C11'],
      personIds: ['p1'],
      location: { building: 'Politiehuis Gent' },
      custodianUserId: ME,
    });
    expect(paperPartBody({ ...EMPTY_PAPER_PART, custodianFunction: 'Archivaris' }, ME)).not.toHaveProperty(
      'custodianUserId',
    );
  });

  it('SCO-09 fills the form again from a registered paper part, for its holder to correct', () => {
    const part = {
      description: 'Origineel PV',
      contentIndex: 'PV (12 blz.)',
      pageCount: null,
      categories: ['C01'],
      personIds: ['p1'],
      location: { building: 'Politiehuis Gent', room: 'Archief 0.14' },
      custodian: { user: { id: ME, displayName: 'Karel Wouters' }, function: null },
    } as unknown as PaperPart;
    const draft = draftOf(part, ME);
    expect(draft).toMatchObject({
      pageCount: '',
      room: 'Archief 0.14',
      cabinet: '',
      keptByMe: true,
      custodianFunction: '',
    });
    expect(paperPartBody(draft, ME)).toMatchObject({
      location: { building: 'Politiehuis Gent', room: 'Archief 0.14' },
      custodianUserId: ME,
    });
  });
});
