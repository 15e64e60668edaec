/**
 * The download of an order's signed certificate (SPEC PEN-16, RET-09), court-ordered erasure or
 * emergency destruction alike: the certificate as the retention's proofs are presented, its
 * reading audited.
 */
import type { Tx } from '../../db/database.js';
import type { AuditLog, CheckpointSigner, UserActor } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { presentProof, type SignedProof } from '../retention/destruction-proof.js';
import { orderRef } from './destruction-order-deps.js';
import type { OrderRow } from './destruction-orders.repository.js';

/**
 * The signed certificate of an order, as its reader downloads it, the reading audited as an
 * extraction; before it is issued, 409 saying what it waits for (`pending`), naming the rule.
 */
export async function readCertificate(
  tx: Tx,
  deps: { audit: AuditLog; keys: CheckpointSigner },
  actor: UserActor,
  row: Pick<OrderRow, 'id' | 'certificate_document' | 'certificate_signature'>,
  pending: { detail: string; rule: string },
): Promise<SignedProof> {
  if (row.certificate_document === null || row.certificate_signature === null) {
    throw new DomainError('conflict', pending);
  }
  await deps.audit.record(tx, {
    actor,
    action: 'retrieve',
    outcome: 'success',
    records: [orderRef(row.id)],
    reason: 'destruction_certificate',
  });
  return presentProof(
    { document: row.certificate_document, signature: row.certificate_signature },
    await deps.keys.checkpointPublicKey(),
  );
}
