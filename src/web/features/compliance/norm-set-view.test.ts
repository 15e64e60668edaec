import { describe, expect, it } from 'vitest';
import type { NormControl } from '../../../contracts/compliance.js';
import { controlsByStatus, parseNormSetFile } from './norm-set-view.js';

const control = (position: number, status: NormControl['status']): NormControl => ({
  id: `c${position}`,
  position,
  code: `MR-${position}`,
  title: `Control ${position}`,
  description: null,
  status,
  note: null,
  changedAt: null,
  changedBy: null,
});

describe('a norm checklist on the compliance page', () => {
  it('SEC-04 reads a published norm set file as JSON and refuses anything else before sending it', () => {
    expect(parseNormSetFile('{"code":"CPVP-MR","controls":[]}')).toEqual({
      ok: true,
      value: { code: 'CPVP-MR', controls: [] },
    });
    expect(parseNormSetFile('code,version\nCPVP-MR,1.0')).toEqual({ ok: false });
    expect(parseNormSetFile('[1,2]')).toEqual({ ok: false });
    expect(parseNormSetFile('null')).toEqual({ ok: false });
  });

  it('SEC-04 groups the controls by status, to assess first, each group in the norm set order', () => {
    const groups = controlsByStatus([
      control(3, 'implemented'),
      control(1, 'to_assess'),
      control(4, 'not_implemented'),
      control(2, 'implemented'),
    ]);
    expect(groups.map((group) => [group.status, group.controls.map((c) => c.position)])).toEqual([
      ['to_assess', [1]],
      ['implemented', [2, 3]],
      ['not_implemented', [4]],
    ]);
  });
});
