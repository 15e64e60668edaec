import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppliedMigrations } from '../../db/migrate.js';

export interface SystemRepository {
  serverVersion(): Promise<string>;
  appliedMigrations(): Promise<AppliedMigrations>;
}

export function createSystemRepository(db: Db): SystemRepository {
  return {
    async serverVersion() {
      const result = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
      return result.rows[0]?.v ?? 'unknown';
    },
    async appliedMigrations() {
      const rows = await db.selectFrom('schema_migrations').select(['version', 'name', 'checksum']).execute();
      return new Map(rows.map((r) => [r.version, { name: r.name, checksum: r.checksum }]));
    },
  };
}
