/** What the retention use cases are built from (ARCHITECTURE §3.8: dependencies passed explicitly). */
import type { Db } from '../../db/database.js';
import type { AuditEvent, AuditLog, AuditRecordRef, SystemActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { DataKeyCache } from '../../kernel/crypto/data-key-cache.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import type { Access } from '../access/access.service.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import type { RetentionRepository } from './retention.repository.js';

export interface RetentionDeps {
  db: Db;
  retention: RetentionRepository;
  notifications: NotificationsRepository;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
  /** Destroys the case scope keys (crypto-shredding, ADR 0006) and signs the proofs (checkpoint key). */
  keys: KeyProvider;
  /** The unwrapped data keys this process caches for case content: a purged case's are evicted. */
  dataKeys?: DataKeyCache;
  /** The audit log's origin, the name of the key the proofs are signed with (as the checkpoints). */
  auditOrigin: string;
}

/** The use cases a user calls also decide access. */
export interface RetentionDeskDeps extends RetentionDeps {
  access: Access;
}

/** The daily job's name (kernel/jobs): also the system actor of the retention engine's audit events. */
export const RETENTION_JOB = 'retention-destruction-list';
export const RETENTION_ACTOR: SystemActor = { system: RETENTION_JOB };

export const caseRef = (caseId: string): AuditRecordRef => ({ type: 'case', id: caseId });
export const listRef = (listId: string): AuditRecordRef => ({ type: 'destruction_list', id: listId });

/**
 * RET-08 (L2007 art. 14 §7): the retention engine passed over a case because a legal hold stands on
 * it, a person or an item of it; its destruction waits for the release (SPEC: `SKIPPED_LEGAL_HOLD`).
 */
export function skippedLegalHold(caseId: string, holdIds: readonly string[], listId?: string): AuditEvent {
  return {
    actor: RETENTION_ACTOR,
    action: 'system.skipped_legal_hold',
    outcome: 'success',
    caseId,
    records: [
      caseRef(caseId),
      ...(listId ? [listRef(listId)] : []),
      ...holdIds.map((id) => ({ type: 'legal_hold', id })),
    ],
    reason: 'skipped_legal_hold',
  };
}
