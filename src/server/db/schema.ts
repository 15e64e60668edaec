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

// --- kernel/crypto ----------------------------------------------------------------------
// (owned by src/server/kernel/crypto; see migrations/0003_data_keys.sql)

export interface DB {
  schema_migrations: SchemaMigrationsTable;
}
