/** The audit-log kernel (ARCHITECTURE §3, law 4): what services and the CLI use. */

export {
  type AttributionFinding,
  type AttributionReport,
  attributionProblem,
  checkAttribution,
} from './attribution.js';
export {
  type AuditChannel,
  CHANNEL_TYPES,
  type ChannelType,
  currentAuditChannel,
  INTERNAL_CHANNEL,
  runInAuditChannel,
} from './channel.js';
export { type Checkpoint, type CheckpointSigner, issueCheckpoint, latestCheckpoint } from './checkpoint.js';
export { verifyCheckpointNote } from './checkpoint-note.js';
export { startCheckpointSchedule } from './checkpoint-schedule.js';
export {
  auditAttribution,
  auditCheckpoint,
  auditHistory,
  auditProof,
  auditPublicKey,
  auditVerify,
} from './cli-commands.js';
export { isAuditId, PAYLOAD_VERSION } from './event-payload.js';
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
export { describeHistoryEntry, type HistoryEntry, recordHistory } from './history.js';
export { exportInclusionProof, type InclusionProofExport } from './proof-export.js';
export { type AuditLog, createAuditLog } from './record.js';
export { verifierKey } from './signed-note.js';
export {
  readAuditPayload,
  type StoredActor,
  type StoredAuditEvent,
  UnreadablePayload,
} from './stored-event.js';
export { consistencyProofBetween, inclusionProofAt, rootAt } from './tree-store.js';
export { type AuditVerification, verifyAuditLog } from './verify.js';
