/** Who the prosecutor's desk is for, and which files it lists to review (bill arts 7-8; SPEC WFL-02). */
import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../contracts/cases.js';
import { filesToReview } from './files-to-review.js';
import { holdsProsecutorDesk } from './prosecutor-desk-role.js';

const kase = (id: string, relation: CaseSummary['relation'], state: CaseSummary['state']) =>
  ({ id, relation, state }) as CaseSummary;

describe("the prosecutor's desk", () => {
  it('RGT-RST-01 LST-01 is offered to a prosecutor with a full session only', () => {
    expect(holdsProsecutorDesk({ roles: ['prosecutor'], purpose: 'full' })).toBe(true);
    expect(holdsProsecutorDesk({ roles: ['prosecutor'], purpose: 'mfa_enrolment' })).toBe(false);
    expect(holdsProsecutorDesk({ roles: ['dpo', 'participant'], purpose: 'full' })).toBe(false);
  });

  it('WFL-02 lists the drafts under evaluation the office reviews, not its other cases', () => {
    const cases = [
      kase('a', 'reviewer', 'under_evaluation'),
      kase('b', 'reviewer', 'signalled'),
      kase('c', 'participant', 'under_evaluation'),
    ];
    expect(filesToReview(cases).map((c) => c.id)).toEqual(['a']);
  });
});
