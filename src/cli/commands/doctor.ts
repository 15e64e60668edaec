/**
 * `concerto doctor`: what an operator checks first. Each line is "ok" or "FAIL" with the
 * reason; the exit code is 1 when any check fails.
 */
import { sql } from 'kysely';
import type { Config } from '../../server/config.js';
import { dataDirOwner } from '../../server/db/data-dir-lock.js';
import { openDatabase } from '../../server/db/engine.js';
import { migrationStatus } from '../../server/db/migrate.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { packageVersion } from '../../server/package-info.js';
import { EXIT } from '../exit-codes.js';
import { describeStartupError } from '../startup-error.js';

export async function runDoctor(config: Config): Promise<number> {
  let failed = false;
  const line = (ok: boolean, what: string, detail: string) => {
    if (!ok) failed = true;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what.padEnd(12)} ${detail}`);
  };
  line(true, 'concerto', `${packageVersion()} on Node.js ${process.version}`);
  line(true, 'engine', config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`);
  if (!config.databaseUrl) {
    const owner = dataDirOwner(config.dataDir);
    line(true, 'lock', owner ? `data directory in use by a running Concerto (pid ${owner})` : 'data directory free');
  }
  try {
    const database = await openDatabase(config, { migrate: false, attach: true });
    try {
      const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(database.appDb);
      line(true, 'database', `PostgreSQL ${version.rows[0]?.v}`);
      const role = await sql<{ u: string; s: boolean; b: boolean }>`
        SELECT current_user AS u, rolsuper AS s, rolbypassrls AS b FROM pg_roles WHERE rolname = current_user`.execute(database.appDb);
      const r = role.rows[0];
      line(!!r && !r.s && !r.b, 'runtime role', r ? `${r.u} (superuser: ${r.s}, bypass RLS: ${r.b})` : 'unknown');
      const rows = await database.appDb.selectFrom('schema_migrations').select(['version', 'name', 'checksum']).execute();
      const status = migrationStatus(new Map(rows.map((m) => [m.version, { name: m.name, checksum: m.checksum }])));
      line(status.pending.length === 0, 'migrations', `${status.applied}/${status.latest} applied${status.pending.length ? `; pending: ${status.pending.join(', ')}` : ''}`);
    } finally {
      await database.close();
    }
  } catch (error) {
    line(false, 'database', describeStartupError(error));
  }
  try {
    const keys = await createKeyProvider(config);
    await keys.check();
    line(true, 'keys', `${keys.kind} key provider reachable`);
  } catch (error) {
    line(false, 'keys', (error as Error).message);
  }
  return failed ? EXIT.checkFailed : EXIT.ok;
}
