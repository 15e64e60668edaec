/**
 * The execution of an approved destruction order (SPEC PEN-16, RET-09), acting for no user, crash-safe
 * as the retention purge it reuses (modules/retention/case-purge.service.ts; ADR 0016):
 *
 * 1. One transaction per case: re-check it (a legal hold of another court placed since the approval
 *    withholds it), delete every row of it and its wrapped data keys through `concerto_purge_case`
 *    (migration 0030, which accepts a case an approved order designates: migration 0039), append the
 *    `erase` event, attributed to the person who executed the order (SPEC PEN-19), and settle the
 *    case on the order with its counts. All or nothing: the database holds the whole case, or its
 *    settled entry.
 * 2. After the commit, the key provider destroys the case's scope key (crypto-shredding: backups no
 *    longer decrypt, ADR 0006); a second transaction marks the entry and appends `destroy`.
 * 3. Once every case is settled and every key destroyed, the signed certificate is issued.
 *
 * The daily job `destruction-orders` resumes whatever an interruption left; every step is idempotent.
 */
import { inTransaction } from '../../db/database.js';
import type { UserActor } from '../../kernel/audit/index.js';
import { caseScope } from '../cases/open-case.js';
import { type CertificateFacts, signedCertificate } from './destruction-certificate.js';
import { caseRef, type DestructionOrderDeps, ORDERS_ACTOR, orderRef } from './destruction-order-deps.js';
import { sortHolds } from './destruction-order-rules.js';

export type OrderedCaseOutcome = 'destroyed' | 'withheld' | 'gone' | 'settled_already';

/** Destroys one case of an approved order (step 1, then step 2); what became of it. */
export async function destroyOrderedCase(
  deps: DestructionOrderDeps,
  orderId: string,
  caseId: string,
): Promise<OrderedCaseOutcome> {
  const { db, orders, audit, clock } = deps;
  const outcome = await inTransaction(db, async (tx): Promise<OrderedCaseOutcome> => {
    const entry = await orders.approvedEntryForUpdate(tx, orderId, caseId);
    if (!entry) return 'settled_already';
    const now = clock.now();
    const facts = await orders.caseFacts(tx, caseId);
    if (!facts) {
      await orders.settleUndestroyed(tx, orderId, caseId, { status: 'gone', at: now });
      return 'gone';
    }
    const { blocking, overridden } = sortHolds(facts.holds, {
      kind: entry.kind,
      reference: entry.order_reference,
    });
    // RET-08: a hold of another court placed after the approval stops the destruction of this case.
    if (blocking.length > 0) {
      await orders.settleUndestroyed(tx, orderId, caseId, {
        status: 'withheld',
        holdIds: blocking.map((hold) => hold.holdId),
        at: now,
      });
      await audit.record(tx, {
        actor: ORDERS_ACTOR,
        action: 'system.skipped_legal_hold',
        outcome: 'success',
        caseId,
        records: [
          caseRef(caseId),
          orderRef(orderId),
          ...blocking.map((hold) => ({ type: 'legal_hold', id: hold.holdId })),
        ],
        reason: 'skipped_legal_hold',
      });
      return 'withheld';
    }
    const counts = await orders.purge(tx, caseId);
    deps.dataKeys?.forgetScope(caseScope(caseId));
    // SPEC PEN-19: the erasure is the act of the person who executed (approved) the order.
    const executor: UserActor = {
      userId: entry.approved_by!,
      organisationId: entry.approved_organisation_id!,
      role: entry.approved_role!,
    };
    const position = await audit.record(tx, {
      actor: executor,
      action: 'erase',
      outcome: 'success',
      caseId,
      records: [
        caseRef(caseId),
        orderRef(orderId),
        ...overridden.map((hold) => ({ type: 'legal_hold', id: hold.holdId })),
      ],
      reason: entry.kind === 'court_erasure' ? 'court_ordered_erasure' : 'emergency_destruction',
    });
    await orders.settleDestroyed(tx, orderId, caseId, {
      frameworkId: facts.frameworkId,
      state: facts.state,
      controllerIds: facts.controllerIds,
      overriddenHolds: overridden,
      counts,
      at: now,
      auditPosition: position,
    });
    return 'destroyed';
  });
  if (outcome === 'destroyed') await destroyOrderedCaseKey(deps, orderId, caseId);
  return outcome;
}

/**
 * Crypto-shredding of a destroyed case (ADR 0006): only once its destruction is committed, idempotent,
 * audited once. True when this call completed it.
 */
export async function destroyOrderedCaseKey(
  deps: DestructionOrderDeps,
  orderId: string,
  caseId: string,
): Promise<boolean> {
  const { db, orders, audit, clock, keys } = deps;
  const entry = await inTransaction(db, (tx) => orders.entryForUpdate(tx, orderId, caseId));
  if (entry?.status !== 'destroyed' || entry.key_destroyed_at !== null) return false;
  const scope = caseScope(caseId);
  await keys.destroyScope(scope);
  deps.dataKeys?.forgetScope(scope);
  return inTransaction(db, async (tx) => {
    const locked = await orders.entryForUpdate(tx, orderId, caseId);
    if (!locked || locked.key_destroyed_at !== null) return false;
    const position = await audit.record(tx, {
      actor: ORDERS_ACTOR,
      action: 'destroy',
      outcome: 'success',
      caseId,
      records: [caseRef(caseId), orderRef(orderId), { type: 'key_scope', id: scope }],
      reason: 'case_key_destroyed',
    });
    await orders.markKeyDestroyed(tx, orderId, caseId, clock.now(), position);
    return true;
  });
}

/** Issues the signed certificate once every case is settled and every destroyed case's key is gone. */
export async function issueCertificate(deps: DestructionOrderDeps, orderId: string): Promise<boolean> {
  const { db, orders, audit, clock, keys, auditOrigin } = deps;
  return inTransaction(db, async (tx) => {
    const order = await orders.orderForUpdate(tx, orderId);
    if (!order || order.approved_at === null || order.completed_at !== null) return false;
    const entries = await orders.casesOf(tx, [orderId]);
    if (
      entries.some((e) => e.status === 'pending' || (e.status === 'destroyed' && e.key_destroyed_at === null))
    )
      return false;
    const now = clock.now();
    const facts: CertificateFacts = {
      orderId,
      kind: order.kind,
      order:
        order.kind === 'court_erasure'
          ? {
              court: order.court!,
              judgmentDate: order.judgment_date!,
              judgmentReference: order.order_reference,
            }
          : {
              orderReference: order.order_reference,
              circumstance: order.circumstance!,
              royalDecreeReference: order.royal_decree_reference!,
            },
      recordedBy: {
        userId: order.recorded_by,
        organisationId: order.organisation_id,
        role: order.recorded_role,
        at: new Date(order.recorded_at),
        auditPosition: order.record_audit_position,
      },
      executedBy: {
        userId: order.approved_by!,
        organisationId: order.approved_organisation_id!,
        role: order.approved_role!,
        at: new Date(order.approved_at),
        auditPosition: order.approve_audit_position!,
      },
      destroyed: entries
        .filter((e) => e.status === 'destroyed')
        .map((e) => ({
          caseId: e.case_id,
          frameworkId: e.framework_id!,
          stateAtDestruction: e.state_at_destruction!,
          controllerIds: e.controller_ids ?? [],
          destroyedAt: new Date(e.destroyed_at!),
          keyDestroyedAt: new Date(e.key_destroyed_at!),
          counts: e.counts!,
          overriddenHolds: e.overridden_holds ?? [],
          eraseAuditPosition: e.purge_audit_position!,
          keyAuditPosition: e.key_audit_position!,
        })),
      withheld: entries
        .filter((e) => e.status === 'withheld')
        .map((e) => ({
          caseId: e.case_id,
          holdIds: e.withheld_hold_ids ?? [],
          settledAt: new Date(e.settled_at!),
        })),
      gone: entries
        .filter((e) => e.status === 'gone')
        .map((e) => ({ caseId: e.case_id, settledAt: new Date(e.settled_at!) })),
      issuedAt: now,
    };
    const { document, signature } = await signedCertificate(facts, keys, auditOrigin);
    const position = await audit.record(tx, {
      actor: ORDERS_ACTOR,
      action: 'system.destruction_certificate_issued',
      outcome: 'success',
      records: [orderRef(orderId)],
    });
    await orders.markCompleted(tx, orderId, { document, signature, at: now, auditPosition: position });
    return true;
  });
}

/** Carries out an approved order: each pending case, then the certificate. Called on approval and by the job. */
export async function settleOrder(
  deps: DestructionOrderDeps,
  orderId: string,
): Promise<OrderedCaseOutcome[]> {
  const pending = await inTransaction(deps.db, (tx) => deps.orders.approvedPendingCases(tx, orderId));
  const outcomes: OrderedCaseOutcome[] = [];
  for (const { case_id } of pending) outcomes.push(await destroyOrderedCase(deps, orderId, case_id));
  await issueCertificate(deps, orderId);
  return outcomes;
}

export class DestructionOrdersRunFailed extends Error {
  override name = 'DestructionOrdersRunFailed';
  constructor(readonly failures: readonly string[]) {
    super(
      `destruction orders: ${failures.length} step(s) failed and will be retried: ${failures.join('; ')}`,
    );
  }
}

/** The daily job: finishes the key destructions, purges and certificates an interruption left. */
export async function resumeDestructionOrders(
  deps: DestructionOrderDeps,
): Promise<{ keysDestroyed: number; casesSettled: number; certificatesIssued: number }> {
  const failures: string[] = [];
  const attempt = async <T>(what: string, step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const done = { keysDestroyed: 0, casesSettled: 0, certificatesIssued: 0 };
  const keysPending = await inTransaction(deps.db, (tx) => deps.orders.pendingKeyDestructions(tx));
  for (const { order_id, case_id } of keysPending) {
    if (await attempt(`key of case ${case_id}`, () => destroyOrderedCaseKey(deps, order_id, case_id)))
      done.keysDestroyed++;
  }
  const pending = await inTransaction(deps.db, (tx) => deps.orders.approvedPendingCases(tx));
  for (const { order_id, case_id } of pending) {
    const outcome = await attempt(`case ${case_id}`, () => destroyOrderedCase(deps, order_id, case_id));
    if (outcome && outcome !== 'settled_already') done.casesSettled++;
  }
  const unsettled = await inTransaction(deps.db, (tx) => deps.orders.unsettledOrderIds(tx));
  for (const orderId of unsettled) {
    if (await attempt(`certificate of order ${orderId}`, () => issueCertificate(deps, orderId)))
      done.certificatesIssued++;
  }
  if (failures.length > 0) throw new DestructionOrdersRunFailed(failures);
  return done;
}
