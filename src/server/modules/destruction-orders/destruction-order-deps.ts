/** What the destruction orders are built from (ARCHITECTURE §3.8: dependencies passed explicitly). */
import type { Db } from '../../db/database.js';
import type { AuditLog, AuditRecordRef, SystemActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { DataKeyCache } from '../../kernel/crypto/data-key-cache.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import type { Access } from '../access/access.service.js';
import type { DestructionOrdersRepository } from './destruction-orders.repository.js';

export interface DestructionOrderDeps {
  db: Db;
  orders: DestructionOrdersRepository;
  audit: AuditLog;
  clock: Clock;
  /** Destroys the case scope keys (crypto-shredding, ADR 0006) and signs the certificates (checkpoint key). */
  keys: KeyProvider;
  /** The unwrapped data keys this process caches for case content: a destroyed case's are evicted. */
  dataKeys?: DataKeyCache;
  /** The audit log's origin: the name of the key the certificates are signed with (as the checkpoints). */
  auditOrigin: string;
}

/** The use cases a user calls also decide access. */
export interface DestructionOrderDeskDeps extends DestructionOrderDeps {
  access: Access;
}

/** The daily job that resumes what an interruption left (kernel/jobs), and its system actor. */
export const DESTRUCTION_ORDERS_JOB = 'destruction-orders';
export const ORDERS_ACTOR: SystemActor = { system: DESTRUCTION_ORDERS_JOB };

export const orderRef = (orderId: string): AuditRecordRef => ({ type: 'destruction_order', id: orderId });
export const caseRef = (caseId: string): AuditRecordRef => ({ type: 'case', id: caseId });
