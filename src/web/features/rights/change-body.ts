/**
 * The change form's body (SPEC RGT-REC-01, RGT-REC-02): the corrected text is sent for a
 * rectification only; an erasure or a prohibition of use changes no text.
 */
import type { ExecuteRightsChange } from '../../../contracts/rights.js';

export interface ChangeDraft {
  itemId: string;
  change: ExecuteRightsChange['change'];
  text: string;
  reason: string;
}

/** The change a request asks for: a rectification rectifies, an erasure erases, the others block. */
export function changeFor(kind: string): ExecuteRightsChange['change'] {
  return kind === 'rectification' ? 'rectify' : kind === 'erasure' ? 'erase' : 'prohibit_use';
}

export function changeBody(draft: ChangeDraft): ExecuteRightsChange {
  const text = draft.text.trim();
  return {
    itemId: draft.itemId,
    change: draft.change,
    ...(draft.change === 'rectify' && text && { text }),
    reason: draft.reason.trim(),
  };
}
