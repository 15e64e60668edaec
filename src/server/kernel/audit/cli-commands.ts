/**
 * `concerto audit verify | proof | checkpoint | public-key | history | attribution`, as plain
 * functions that the CLI wires up; each returns its exit code.
 */
import type { Db } from '../../db/database.js';
import { isDomainError } from '../errors.js';
import { checkAttribution } from './attribution.js';
import { type CheckpointSigner, issueCheckpoint, latestCheckpoint } from './checkpoint.js';
import { isAuditId } from './event-payload.js';
import { describeHistoryEntry, recordHistory } from './history.js';
import { exportInclusionProof } from './proof-export.js';
import { verifierKey } from './signed-note.js';
import { verifyAuditLog } from './verify.js';

// The numbers of src/cli/exit-codes.ts, which the kernel may not import (law 8).
const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

export interface AuditCliContext {
  db: Db;
  keys: CheckpointSigner;
  /** The log's origin line, also the name of its signing key. */
  origin: string;
  out: (line: string) => void;
}

export async function auditVerify({ db, keys, origin, out }: AuditCliContext): Promise<number> {
  const result = await verifyAuditLog(db, await keys.checkpointPublicKey(), origin);
  if (result.ok) {
    out(`audit log verified: ${result.size} events`);
    return EXIT.ok;
  }
  out(`audit log verification FAILED at position ${result.position}: ${result.reason}`);
  return EXIT.checkFailed;
}

export async function auditProof({
  db,
  out,
  position,
}: AuditCliContext & { position: number }): Promise<number> {
  if (!Number.isSafeInteger(position) || position < 0) {
    out('position must be a non-negative integer');
    return EXIT.usage;
  }
  try {
    out(JSON.stringify(await exportInclusionProof(db, position), null, 2));
    return EXIT.ok;
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') {
      out(error.message);
      return EXIT.checkFailed;
    }
    throw error;
  }
}

/** Issues a checkpoint now when the log grew, and prints the latest signed note. */
export async function auditCheckpoint({ db, keys, origin, out }: AuditCliContext): Promise<number> {
  const checkpoint = (await issueCheckpoint(db, keys, origin)) ?? (await latestCheckpoint(db));
  if (!checkpoint) {
    out('no checkpoint: the audit log is empty');
    return EXIT.checkFailed;
  }
  out(checkpoint.note);
  return EXIT.ok;
}

/** Prints the C2SP verifier key other organisations configure to check the checkpoints. */
export async function auditPublicKey({ keys, origin, out }: AuditCliContext): Promise<number> {
  out(verifierKey(origin, await keys.checkpointPublicKey()));
  return EXIT.ok;
}

/** SPEC PEN-20: the history of one record from the log alone, one event a line, oldest first. */
export async function auditHistory({
  db,
  out,
  recordId,
}: Pick<AuditCliContext, 'db' | 'out'> & { recordId: string }): Promise<number> {
  if (!isAuditId(recordId)) {
    out('record id must be an id (letters, digits, _ . : -)');
    return EXIT.usage;
  }
  const entries = await recordHistory(db, recordId);
  if (entries.length === 0) {
    out(`no audit event concerns record ${recordId}`);
    return EXIT.checkFailed;
  }
  for (const entry of entries) out(describeHistoryEntry(entry));
  out(`${entries.length} events concern record ${recordId}`);
  return EXIT.ok;
}

/**
 * SPEC PEN-19: every event not attributable to an individual user and organisation (outside the
 * named system jobs and refused anonymous attempts), by position; exit 1 when there is one.
 */
export async function auditAttribution({
  db,
  out,
  systemActors,
}: Pick<AuditCliContext, 'db' | 'out'> & { systemActors: ReadonlySet<string> }): Promise<number> {
  const report = await checkAttribution(db, { systemActors });
  for (const finding of report.findings) {
    out(`position ${finding.position}${finding.action ? ` (${finding.action})` : ''}: ${finding.problem}`);
  }
  if (report.findings.length === 0) {
    out(
      `audit attribution: each of the ${report.size} events names a user and an organisation, or a named system job`,
    );
    return EXIT.ok;
  }
  out(`audit attribution FAILED: ${report.findings.length} of ${report.size} events are not attributable`);
  return EXIT.checkFailed;
}
