import { describe, expect, it } from 'vitest';
import { approvalIssues } from '../../../server/modules/processors/processor-rules.js';
import { approvalChecklist } from './processor-view.js';

describe('what approval of a processor record needs, as a checklist', () => {
  it('PRC-01 PRC-04 marks each missing element the server names, and the host alone needs its security plan', () => {
    const missingForApproval = approvalIssues({
      role: 'host',
      guarantees: [],
      contract: { reference: 'DPA-1', securityAnnexReference: 'Annex 2', liabilityClause: 'Art. 11' },
      documents: new Set(['contract'] as const),
    });
    const host = approvalChecklist({ role: 'host', missingForApproval });
    const missing = host
      .filter((entry) => entry.kind === 'element' && !entry.met)
      .map((entry) => entry.kind === 'element' && entry.element);
    expect(missing).toEqual([
      'guarantees',
      'contract/instructionClause',
      'contract/securityObligationsClause',
      'documents/security_annex',
      'documents/security_plan',
    ]);
    expect(host.filter((entry) => entry.kind === 'element' && entry.met)).toHaveLength(4);
    const backup = approvalChecklist({ role: 'backup', missingForApproval: [] });
    expect(backup.every((entry) => entry.kind === 'element' && entry.met)).toBe(true);
    expect(
      backup.some((entry) => entry.kind === 'element' && entry.element === 'documents/security_plan'),
    ).toBe(false);
  });

  it('PRC-01 lists an element it does not know with the server words rather than leaving it out', () => {
    const entries = approvalChecklist({
      role: 'other',
      missingForApproval: [{ field: '/record/contract/governingLaw', message: 'is required' }],
    });
    expect(entries.at(-1)).toEqual({ kind: 'other', field: 'contract/governingLaw', message: 'is required' });
  });
});
