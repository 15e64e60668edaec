/**
 * An inclusion proof that another organisation can check on its own: the leaf, the proof
 * and the signed checkpoint it leads to (`concerto audit proof <position>`).
 */
import type { Db } from '../../db/database.js';
import { DomainError } from '../errors.js';
import { latestCheckpoint } from './checkpoint.js';
import { inclusionProofAt } from './tree-store.js';

export interface InclusionProofExport {
  position: number;
  treeSize: number;
  /** base64 of SHA-256(0x00 ‖ payload). */
  leafHash: string;
  /** base64 hashes, leaf side first (RFC 9162 §2.1.3.1). */
  proof: string[];
  /** The C2SP signed note of the tree of `treeSize` events. */
  checkpoint: string;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The proof of `position` against the latest checkpoint. */
export async function exportInclusionProof(db: Db, position: number): Promise<InclusionProofExport> {
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint || position >= checkpoint.size) {
    throw new DomainError('not_found', { detail: `No checkpoint covers position ${position} yet` });
  }
  const { leafHash, proof } = await inclusionProofAt(db, position, checkpoint.size);
  return {
    position,
    treeSize: checkpoint.size,
    leafHash: base64(leafHash),
    proof: proof.map(base64),
    checkpoint: checkpoint.note,
  };
}
