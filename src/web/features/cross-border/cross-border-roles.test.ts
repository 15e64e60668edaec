import { describe, expect, it } from 'vitest';
import { keepsDenyList, keepsTransferRegister } from './cross-border-roles.js';

describe('who is offered the transfer register and the deny-list', () => {
  it('TRF-01 offers the register to a DPO with a full session only', () => {
    expect(keepsTransferRegister({ roles: ['dpo'], purpose: 'full' })).toBe(true);
    expect(keepsTransferRegister({ roles: ['dpo'], purpose: 'mfa_enrolment' })).toBe(false);
    expect(keepsTransferRegister({ roles: ['participant', 'organiser'], purpose: 'full' })).toBe(false);
    expect(keepsTransferRegister({ roles: ['operator'], purpose: 'full' })).toBe(false);
  });

  it('TRF-03 offers the deny-list console to the platform operator only', () => {
    expect(keepsDenyList({ roles: ['operator'], purpose: 'full' })).toBe(true);
    expect(keepsDenyList({ roles: ['dpo'], purpose: 'full' })).toBe(false);
  });
});
