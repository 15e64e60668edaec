/** The audit-log kernel (ARCHITECTURE §3, law 4): what services and the CLI use. */

export { type Checkpoint, type CheckpointSigner, issueCheckpoint, latestCheckpoint } from './checkpoint.js';
export { verifyCheckpointNote } from './checkpoint-note.js';
export { startCheckpointSchedule } from './checkpoint-schedule.js';
export { auditCheckpoint, auditProof, auditPublicKey, auditVerify } from './cli-commands.js';
export type {
  AuditAction,
  AuditActor,
  AuditEvent,
  AuditOutcome,
  AuditRecipient,
  AuditRecordRef,
} from './events.js';
export {
  PROCESSING_OPERATIONS,
  type ProcessingOperation,
  type SystemActor,
  type UserActor,
} from './events.js';
export { exportInclusionProof, type InclusionProofExport } from './proof-export.js';
export { type AuditLog, createAuditLog } from './record.js';
export { verifierKey } from './signed-note.js';
export { consistencyProofBetween, inclusionProofAt, rootAt } from './tree-store.js';
export { type AuditVerification, verifyAuditLog } from './verify.js';
