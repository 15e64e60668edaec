/**
 * A refusal decided inside a transaction: the transaction rolls back, then the denied audit
 * event commits on its own (issue 3 scope 9: every access decision that denies is audited),
 * and the caller gets the DomainError naming the rule.
 */
import { type Db, inTransaction, type Tx } from '../db/database.js';
import type { AuditEvent, AuditLog } from './audit/index.js';
import { DomainError, type ErrorCode } from './errors.js';

class Refusal extends Error {
  constructor(
    readonly error: DomainError,
    readonly event: AuditEvent,
  ) {
    super(error.message);
  }
}

export function refuse(code: ErrorCode, rule: string, detail: string, event: AuditEvent): never {
  throw new Refusal(new DomainError(code, { detail, rule }), event);
}

/** Runs `work` in one transaction; a `refuse` inside it leaves only its denied event behind. */
export async function refusable<T>(db: Db, audit: AuditLog, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(db, work);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await inTransaction(db, (tx) => audit.record(tx, error.event));
    throw error.error;
  }
}
