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

// --- modules/identity -------------------------------------------------------------------
// (owned by src/server/modules/identity; see migrations/0004_organisations_users.sql)
export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  dp_regime: string;
  mission_basis: string | null;
  mission_citation: string | null;
  lawful_ground: string;
  legal_name: string;
  address: string;
  enterprise_number: string | null;
  establishment_country: string;
  be_representative_name: string | null;
  be_representative_address: string | null;
  rights_contact: string;
  dpo_name: string | null;
  dpo_contact: string | null;
  compliance_owner: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  roles: string[];
  health_professional: Generated<boolean>;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  session_epoch: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  audit_events: AuditEventsTable;
  audit_nodes: AuditNodesTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  data_keys: DataKeysTable;
  organisations: OrganisationsTable;
  users: UsersTable;
}
