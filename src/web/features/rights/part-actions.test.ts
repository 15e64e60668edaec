import { describe, expect, it } from 'vitest';
import { answerBody, emptyAnswer } from './answer-body.js';
import { changeBody, changeFor } from './change-body.js';
import { holdsRightsDesk } from './rights-desk-role.js';

const ITEM = '00000000-0000-4000-8000-000000000001';

describe('the actions on a part (RGT-CRT-02, RGT-REC-01, RGT-ACC-05)', () => {
  it('RGT-CRT-02 RGT-ACC-05 sends the reasons when given and the health professional only when the desk chose that way', () => {
    expect(emptyAnswer('access').outcome).toBe('answered');
    expect(emptyAnswer('rectification').outcome).toBe('granted');
    expect(answerBody({ ...emptyAnswer('access'), reasons: '   ', professionalName: 'ignored' })).toEqual({
      outcome: 'answered',
    });
    expect(
      answerBody({
        ...emptyAnswer('access'),
        reasons: ' Réponse envoyée par recommandé. ',
        throughHealthProfessional: true,
        professionalName: ' Dr Anne Colin ',
        registrationNumber: '1-23456-78-901',
        professionalAddress: '',
      }),
    ).toEqual({
      outcome: 'answered',
      reasons: 'Réponse envoyée par recommandé.',
      healthProfessional: { name: 'Dr Anne Colin', registrationNumber: '1-23456-78-901', address: '' },
    });
  });

  it('RGT-REC-01 RGT-REC-02 sends the corrected text for a rectification only, and proposes the change the request asks for', () => {
    expect(changeFor('rectification')).toBe('rectify');
    expect(changeFor('erasure')).toBe('erase');
    expect(changeFor('objection')).toBe('prohibit_use');
    expect(
      changeBody({ itemId: ITEM, change: 'rectify', text: ' Payé en mars. ', reason: ' Preuve fournie. ' }),
    ).toEqual({
      itemId: ITEM,
      change: 'rectify',
      text: 'Payé en mars.',
      reason: 'Preuve fournie.',
    });
    expect(
      changeBody({ itemId: ITEM, change: 'erase', text: 'left over', reason: 'Demande fondée.' }),
    ).toEqual({
      itemId: ITEM,
      change: 'erase',
      reason: 'Demande fondée.',
    });
  });

  it('ROL-12 offers the desk to a DPO or a prosecutor with a full session only', () => {
    expect(holdsRightsDesk({ roles: ['dpo'], purpose: 'full' })).toBe(true);
    expect(holdsRightsDesk({ roles: ['prosecutor'], purpose: 'full' })).toBe(true);
    expect(holdsRightsDesk({ roles: ['participant', 'organiser'], purpose: 'full' })).toBe(false);
    expect(holdsRightsDesk({ roles: ['dpo'], purpose: 'mfa_enrolment' })).toBe(false);
  });
});
