/**
 * `audit attribution` (SPEC PEN-19; L1992 art. 42: the controller answers for the fines of its
 * agents, so every action must be attributable to an individual user and that user's
 * organisation). Walks the whole log from its stored payloads and reports each event that names
 * no individual user and organisation and is not one of the two exceptions the log admits:
 *
 * - an unattended system job, *named* (the caller passes the names the installation knows) and
 *   doing what a job may do without a user: a `system.*` event, or `erase`/`destroy` at the end of a
 *   retention (bill art. 2 §3 4°);
 * - a refused sign-in or invitation attempt by someone the platform could not identify (`unknown`,
 *   role `anonymous`): nothing was done, and nobody can be named.
 *
 * Writing already refuses such events (event-payload.ts); this check covers what was written by
 * other means (a row forged by the database owner, an earlier version) and proves the property.
 */
import type { Db, Tx } from '../../db/database.js';
import { readAuditPayload, type StoredAuditEvent, UnreadablePayload } from './stored-event.js';

export interface AttributionFinding {
  position: number;
  action: string;
  problem: string;
}

export interface AttributionReport {
  /** How many events were checked. */
  size: number;
  findings: AttributionFinding[];
}

export interface AttributionOptions {
  /** The names of the installation's unattended jobs and commands that may act without a user. */
  systemActors: ReadonlySet<string>;
  /** Events per query (keyset pagination). */
  batchSize?: number;
}

const UNKNOWN = 'unknown';
const SYSTEM_PROCESSING = new Set(['erase', 'destroy']);

/** Why `event` is not attributable, or undefined when it is. */
export function attributionProblem(
  event: StoredAuditEvent,
  systemActors: ReadonlySet<string>,
): string | undefined {
  const { actor, action } = event;
  if (actor.system !== undefined && actor.userId === undefined && actor.organisationId === undefined) {
    if (!systemActors.has(actor.system)) return `system actor "${actor.system}" is no named system job`;
    if (!action.startsWith('system.') && !SYSTEM_PROCESSING.has(action)) {
      return `system actor "${actor.system}" cannot ${action}: a user must be accountable`;
    }
    return undefined;
  }
  if (actor.system !== undefined) return 'the actor is both a user and a system job';
  const user = actor.userId !== undefined && actor.userId !== '';
  const organisation = actor.organisationId !== undefined && actor.organisationId !== '';
  if (!user && !organisation) return 'no individual user and no organisation';
  if (!user) return 'no individual user';
  if (!organisation) return 'no organisation (controller)';
  if (actor.userId === UNKNOWN || actor.organisationId === UNKNOWN) {
    const refusedAttempt = action.startsWith('auth.') && event.outcome !== 'success';
    return refusedAttempt ? undefined : `an unidentified actor cannot ${action} (${event.outcome})`;
  }
  return undefined;
}

function page(tx: Tx, after: number, limit: number) {
  return tx
    .selectFrom('audit_events')
    .select(['position', 'payload'])
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
}

/** Checks every event of the log in one consistent snapshot, while the app keeps appending. */
export async function checkAttribution(db: Db, options: AttributionOptions): Promise<AttributionReport> {
  const batchSize = options.batchSize ?? 10_000;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const findings: AttributionFinding[] = [];
      let size = 0;
      let after = -1;
      for (;;) {
        const rows = await page(tx, after, batchSize);
        for (const row of rows) {
          size += 1;
          let event: StoredAuditEvent;
          try {
            event = readAuditPayload(row.payload);
          } catch (error) {
            if (!(error instanceof UnreadablePayload)) throw error;
            findings.push({ position: Number(row.position), action: '', problem: error.message });
            continue;
          }
          const problem = attributionProblem(event, options.systemActors);
          if (problem) findings.push({ position: Number(row.position), action: event.action, problem });
        }
        if (rows.length < batchSize) break;
        after = Number(rows[rows.length - 1]!.position);
      }
      return { size, findings };
    });
}
