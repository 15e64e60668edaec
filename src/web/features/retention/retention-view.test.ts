import { describe, expect, it } from 'vitest';
import { RETENTION_STATUSES } from '../../../contracts/retention.js';
import {
  approvalCapacities,
  proofFilename,
  retentionTarget,
  STATUS_TONES,
  tombstoneTotals,
} from './retention-view.js';

const LIST = '0b7f7c1e-3a52-4f0e-9a51-6f7f1f0c2d11';

describe('the retention desk in words and links', () => {
  it('RET-01 gives every status a tone that only repeats its words, due the one that calls for action', () => {
    expect(Object.keys(STATUS_TONES).sort()).toEqual([...RETENTION_STATUSES].sort());
    expect(STATUS_TONES.due).toBe('red');
    expect(STATUS_TONES.destroyed).toBe('muted');
  });

  it('RET-01 sums what a destroyed case kept per category, and offers the approvals the server allows, keeper first', () => {
    expect(
      tombstoneTotals({
        purgedAt: '2026-05-02T10:00:00Z',
        keyDestroyedAt: '2026-05-02T10:00:01Z',
        persons: 1,
        items: { C14: 2, C03: 1 },
        paperParts: {},
      }),
    ).toEqual({ persons: 1, items: 3, paperParts: 0 });
    expect(approvalCapacities({ allowedActions: ['approve_as_dpo', 'approve_as_keeper'] })).toEqual([
      'keeper',
      'dpo',
    ]);
    expect(approvalCapacities({ allowedActions: [] })).toEqual([]);
    expect(proofFilename(LIST, 'json')).toBe(`destruction-proof-${LIST}.json`);
  });

  it('RET-01 RET-03 RET-05 SCO-09 FIL-09 leads each notification of the retention engine to its page, and no other', () => {
    expect(retentionTarget({ kind: 'destruction_list_to_approve', subjectId: LIST })).toBe(
      `/retention/destruction-lists/${LIST}`,
    );
    expect(retentionTarget({ kind: 'paper_destruction_due', subjectId: LIST })).toBe(
      '/retention#paper-destruction-tasks',
    );
    expect(retentionTarget({ kind: 'necessity_review_due', subjectId: LIST })).toBe(
      '/retention#necessity-reviews',
    );
    expect(retentionTarget({ kind: 'own_file_copy_due_soon', subjectId: LIST })).toBe(
      '/retention#own-file-copies',
    );
    expect(retentionTarget({ kind: 'own_file_copies_overdue', subjectId: null })).toBe(
      '/retention#own-file-copies',
    );
    expect(retentionTarget({ kind: 'case_signalled', subjectId: null })).toBeUndefined();
  });
});
