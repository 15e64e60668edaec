/** How the MFA services refuse: the audit event (and any counter) commits, then the error is thrown. */
import { type Db, inTransaction, type Tx } from '../../../db/database.js';
import type { AuditEvent, AuditLog } from '../../../kernel/audit/index.js';
import { DomainError } from '../../../kernel/errors.js';

/** A refusal decided inside a transaction that then changes nothing: its reason code and error. */
export interface Refusal {
  refused: string;
  error: DomainError;
}

export const refusal = (refused: string, error: DomainError): Refusal => ({ refused, error });

/** A refused input, named like a schema error (RFC 9457 `errors[].field`). */
export const badField = (field: string, message: string): DomainError =>
  new DomainError('validation_failed', { fields: [{ field, message }] });

export function isRefusal(value: object): value is Refusal {
  return 'refused' in value;
}

/** Commits `event` (and `alsoCommit`, e.g. a failure counter), then throws `error`: nothing else changes. */
export async function refuse(
  db: Db,
  audit: AuditLog,
  event: AuditEvent,
  error: DomainError,
  alsoCommit?: (tx: Tx) => Promise<void>,
): Promise<never> {
  await inTransaction(db, async (tx) => {
    if (alsoCommit) await alsoCommit(tx);
    await audit.record(tx, event);
  });
  throw error;
}
