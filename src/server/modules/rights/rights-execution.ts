/**
 * What a controller does to one of its items for a granted request (L2007 art. 12 §1; SPEC
 * RGT-REC-01, RGT-REC-02, RGT-OBJ-01): a rectification is a new version (the old one stays in the
 * history its DPO reads), an erasure wipes the content of every version and attachment, a
 * prohibition of use blocks the item for every reader and export. Organisations that copied it to
 * their own file hear of it at once (SPEC FIL-08); the recipients of the disclosure log hear of it
 * with the answer (RGT-REC-04).
 */
import type { ExecuteRightsChange } from '../../../contracts/rights.js';
import type { Tx } from '../../db/database.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import { FIELDS } from '../cases/case-fields.js';
import { readItemPayload } from '../cases/case-presenter.js';
import { notifyExporters } from '../cases/exported-item-notices.js';
import type { CaseDeps } from '../cases/open-case.js';
import type { ItemRow } from '../cases/records.repository.js';
import { refuseIfAny } from '../identity/input.js';
import { refuseErasureWhileHeld } from '../legal-holds/active-legal-hold.js';

export const EXECUTION_RULE = 'L2007 art. 12 §1 (SPEC RGT-REC-01, RGT-REC-02)';

/** The change a request of `kind` may bring about (an objection upheld blocks or erases, RGT-OBJ-01). */
const CHANGES_BY_KIND: Readonly<Record<string, readonly ExecuteRightsChange['change'][]>> = {
  rectification: ['rectify'],
  erasure: ['erase', 'prohibit_use'],
  prohibition: ['prohibit_use', 'erase'],
  objection: ['prohibit_use', 'erase'],
};

export function refuseChangeFor(kind: string, input: ExecuteRightsChange): void {
  const allowed = CHANGES_BY_KIND[kind] ?? [];
  refuseIfAny(
    [
      ...(allowed.includes(input.change) ? [] : [{ field: '/body/change', message: `a request of kind ${kind} does not lead to ${input.change}` }]),
      ...(input.change === 'rectify' && !input.text ? [{ field: '/body/text', message: 'a rectification gives the corrected text' }] : []),
    ],
    EXECUTION_RULE,
  );
}

/** Applies `input` to `item` as its controller; returns the item's new version. */
export async function applyChange(
  { records, notifications }: Pick<CaseDeps, 'records' | 'notifications'>,
  tx: Tx,
  cipher: ScopeCipher,
  item: ItemRow,
  input: ExecuteRightsChange,
  by: { userId: string; at: Date },
): Promise<number> {
  if (item.erased_at) throw new DomainError('conflict', { detail: 'The item was erased already', rule: EXECUTION_RULE });
  if (item.blocked_at && input.change !== 'erase') {
    throw new DomainError('conflict', { detail: 'The item is blocked: only its erasure remains', rule: EXECUTION_RULE });
  }
  const stamp = { updated_by: by.userId, updated_at: by.at };
  const caseId = item.case_id;
  // RET-08 (L2007 art. 14 §7): no erasure while a legal hold stands; a prohibition of use preserves the evidence.
  if (input.change === 'erase') await refuseErasureWhileHeld(tx, { caseId, itemId: item.id });
  if (input.change === 'prohibit_use') {
    await records.updateItem(tx, item.id, { blocked_reason: 'prohibited_use', blocked_by: by.userId, blocked_at: by.at, ...stamp });
    await notifyExporters({ records, notifications }, tx, { caseId, itemId: item.id }, 'blocked', by.at);
    return item.version;
  }
  const version = item.version + 1;
  let payload: Buffer | null = null;
  if (input.change === 'rectify') {
    const previous = await readItemPayload(cipher, item);
    payload = await cipher.encrypt(...FIELDS.item(item.id, version), JSON.stringify({ ...previous, content: input.text }));
    await records.updateItem(tx, item.id, { version, payload, ...stamp });
  } else {
    await records.wipeItem(tx, item.id, by.at);
    await records.updateItem(tx, item.id, { payload: null, version, erased_by: by.userId, erased_at: by.at, ...stamp });
  }
  await records.itemVersion(tx, {
    item_id: item.id,
    version,
    category: item.category,
    reveals_sensitive: item.reveals_sensitive,
    criminal_related: item.criminal_related,
    payload,
    changed_by: by.userId,
    changed_at: by.at,
    reason: await cipher.encrypt(...FIELDS.itemReason(item.id, version), input.reason),
  });
  await notifyExporters(
    { records, notifications },
    tx,
    { caseId, itemId: item.id },
    input.change === 'rectify' ? 'rectified' : 'erased',
    by.at,
  );
  return version;
}
