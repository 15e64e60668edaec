import { describe, expect, it } from 'vitest';
import { dealsWithBreakGlass } from '../break-glass/break-glass-roles.js';
import { keepsInterconnectionRegister } from '../interconnections/interconnection-roles.js';
import { keepsProcessorRegistry, watchesHostCoverage } from './processor-roles.js';

describe('who is offered the processor, break-glass and interconnection screens', () => {
  it('PRC-01 PRC-06 SEC-12 INT-01 offers each screen to the roles the server lets act there', () => {
    const dpo = { roles: ['dpo'] as const, purpose: 'full' as const };
    const operator = { roles: ['operator'] as const, purpose: 'full' as const };
    const participant = { roles: ['participant'] as const, purpose: 'full' as const };
    const enrolling = { roles: ['dpo', 'operator'] as const, purpose: 'mfa_enrolment' as const };
    const offered = (session: {
      roles: readonly ('dpo' | 'operator' | 'participant')[];
      purpose: 'full' | 'mfa_enrolment';
    }) => {
      const s = { roles: [...session.roles], purpose: session.purpose };
      return [
        keepsProcessorRegistry(s),
        watchesHostCoverage(s),
        dealsWithBreakGlass(s),
        keepsInterconnectionRegister(s),
      ];
    };
    expect(offered(dpo)).toEqual([true, false, true, true]);
    expect(offered(operator)).toEqual([false, true, true, false]);
    expect(offered(participant)).toEqual([false, false, false, false]);
    expect(offered(enrolling)).toEqual([false, false, false, false]);
  });
});
