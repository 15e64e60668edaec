/**
 * Kysely table types. Each kernel or module owns one section and keeps it in step with
 * its migration files in `migrations/`.
 */
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

// --- db (migration bookkeeping) ---------------------------------------------------------
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

// --- kernel/audit -----------------------------------------------------------------------
// (owned by src/server/kernel/audit; see migrations/0002_audit_log.sql)
/** Rows are written by the audit_append() function only; the query columns copy the payload. */
export interface AuditEventsTable {
  position: number;
  recorded_at: Generated<Timestamp>;
  payload: string;
  leaf_hash: Buffer;
  action: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  case_id: string | null;
}

export interface AuditNodesTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface AuditHeadTable {
  singleton: Generated<boolean>;
  size: number;
}

export interface AuditCheckpointsTable {
  size: number;
  root: Buffer;
  note: string;
  issued_at: Generated<Timestamp>;
}

// --- kernel/crypto ----------------------------------------------------------------------
// (owned by src/server/kernel/crypto; see migrations/0003_data_keys.sql)
export interface DataKeysTable {
  scope: string;
  key_id: number;
  key_version: number;
  wrapped: string;
  created_at: Generated<Timestamp>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  audit_events: AuditEventsTable;
  audit_nodes: AuditNodesTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  data_keys: DataKeysTable;
}
