/**
 * A refusal decided inside a transaction: the transaction rolls back, then the denied audit
 * event commits on its own (issue 3 scope 9: every access decision that denies is audited),
 * and the caller gets the DomainError naming the rule.
 */
import { type Db, inTransaction, type Tx } from '../db/database.js';
import type { AuditEvent, AuditLog } from './audit/index.js';
import { DomainError, type ErrorCode } from './errors.js';

/** Something a refusal must leave behind besides its audit event, e.g. an alert to the DPO. */
export type RefusalFollowUp = (tx: Tx) => Promise<void>;

class Refusal extends Error {
  constructor(
    readonly error: DomainError,
    readonly event: AuditEvent,
    readonly followUp?: RefusalFollowUp,
  ) {
    super(error.message);
  }
}

export function refuse(
  code: ErrorCode,
  rule: string,
  detail: string,
  event: AuditEvent,
  followUp?: RefusalFollowUp,
): never {
  throw new Refusal(new DomainError(code, { detail, rule }), event, followUp);
}

/** The same, for a refusal that names the refused fields as well as its rule (an existing DomainError). */
export function refuseWith(error: DomainError, event: AuditEvent, followUp?: RefusalFollowUp): never {
  throw new Refusal(error, event, followUp);
}

/**
 * Runs `work` in one transaction; a `refuse` inside it leaves only its denied event behind (and
 * its follow-up, in the same transaction as the event).
 */
export async function refusable<T>(db: Db, audit: AuditLog, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(db, work);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await inTransaction(db, async (tx) => {
      await audit.record(tx, error.event);
      await error.followUp?.(tx);
    });
    throw error.error;
  }
}
