import type { AuditEvent } from '../src/server/kernel/audit/events.js';

/** A realistic consult event (ids, category, justification; no content) for the audit benchmarks. */
export const consultEvent = (i: number): AuditEvent => ({
  actor: {
    userId: `3f1c2a9e-0b7d-4e51-9a43-${String(i % 1000).padStart(12, '0')}`,
    organisationId: 'org-police-1',
    role: 'participant',
  },
  action: 'consult',
  outcome: 'success',
  caseId: '8d0e6f2c-5a41-4b6e-b3f7-1c9d2e4a7b60',
  compartmentId: 'cmp-police-1',
  records: [{ type: 'item', id: `item-${i}`, category: 9 }],
  justification: 'Preparation of the consultation of 12 March',
});
