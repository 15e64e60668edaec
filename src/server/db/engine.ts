/**
 * Opens Concerto's database: the embedded PostgreSQL when DATABASE_URL is unset, or the
 * given server. Migrations run as the owner; the app then works as the runtime role
 * `concerto_app` (NOSUPERUSER NOBYPASSRLS), either by logging in as it (embedded) or by
 * assuming it on every connection when the configured login is more privileged.
 */
import pg from 'pg';
import type { Config } from '../config.js';
import { createDb, type Db } from './database.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { APP_ROLE, attachToRunningEmbedded, type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';

export const EMBEDDED_DATABASE = 'concerto';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export interface DatabaseRuntime {
  engine: 'embedded' | 'server';
  /** Owner connection URL (migrations, backups, CLI maintenance). */
  adminUrl: string;
  /** The runtime-role database handle the app uses. */
  appDb: Db;
  /** Migrations applied by this open (empty when none were pending or migrate was off). */
  applied: string[];
  close(): Promise<void>;
}

function describe(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
}

async function withClient<T>(url: string, variable: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${describe(url)} (${variable}): ${(error as Error).message || (error as NodeJS.ErrnoException).code}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(embedded: EmbeddedPostgres): Promise<void> {
  await withClient(embedded.adminUrl('postgres'), 'embedded', async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  });
}

/** Decides how the runtime login becomes `concerto_app`, and refuses what cannot be made safe. */
async function runtimeRole(url: string): Promise<string | undefined> {
  return withClient(url, 'DATABASE_URL', async (client) => {
    const me = await client.query<{ user: string; rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
      `SELECT current_user AS user, r.rolsuper, r.rolbypassrls,
              pg_has_role(current_user, $1, 'MEMBER') AS member
         FROM pg_roles r WHERE r.rolname = current_user`,
      [APP_ROLE],
    );
    const row = me.rows[0];
    if (!row) throw new DatabaseUnavailableError('Cannot read the role of DATABASE_URL.');
    if (row.user === APP_ROLE) {
      if (row.rolsuper || row.rolbypassrls) {
        throw new DatabaseUnavailableError(`The role ${APP_ROLE} must be NOSUPERUSER NOBYPASSRLS.`);
      }
      return undefined;
    }
    if (!row.member) {
      throw new DatabaseUnavailableError(
        `The DATABASE_URL role "${row.user}" can neither log in as nor assume ${APP_ROLE}: GRANT ${APP_ROLE} TO "${row.user}".`,
      );
    }
    return APP_ROLE;
  });
}

export interface OpenOptions {
  migrate: boolean;
  /** CLI commands: use the embedded PostgreSQL of a running Concerto instead of refusing. */
  attach?: boolean;
}

export async function openDatabase(config: Config, options: OpenOptions): Promise<DatabaseRuntime> {
  if (!config.databaseUrl) {
    let embedded: EmbeddedPostgres;
    try {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    } catch (error) {
      const running = error instanceof DataDirLockedError && options.attach ? attachToRunningEmbedded(config.dataDir) : undefined;
      if (!running) throw error;
      const adminUrl = running.adminUrl(EMBEDDED_DATABASE);
      const applied = options.migrate ? await migrate(adminUrl) : [];
      const appDb = createDb(running.appUrl(EMBEDDED_DATABASE));
      return { engine: 'embedded', adminUrl, appDb, applied, close: () => appDb.destroy() };
    }
    try {
      await ensureDatabase(embedded);
      const adminUrl = embedded.adminUrl(EMBEDDED_DATABASE);
      const applied = options.migrate ? await migrate(adminUrl) : [];
      const appUrl = embedded.appUrl(EMBEDDED_DATABASE);
      await withClient(adminUrl, 'embedded', async (client) => {
        const password = decodeURIComponent(new URL(appUrl).password);
        const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
        // The role exists once migration 0001 ran; `doctor` on a fresh directory migrates nothing.
        if (role.rowCount) await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
      });
      const appDb = createDb(appUrl);
      return {
        engine: 'embedded',
        adminUrl,
        appDb,
        applied,
        async close() {
          await appDb.destroy();
          await embedded.stop();
        },
      };
    } catch (error) {
      await embedded.stop();
      throw error;
    }
  }
  const adminUrl = config.databaseAdminUrl ?? config.databaseUrl;
  const adminVariable = adminUrl === config.databaseUrl ? 'DATABASE_URL' : 'DATABASE_ADMIN_URL';
  await withClient(adminUrl, adminVariable, async () => undefined);
  const applied = options.migrate ? await migrate(adminUrl) : [];
  const assumeRole = await runtimeRole(config.databaseUrl);
  const appDb = createDb(config.databaseUrl, { assumeRole });
  return {
    engine: 'server',
    adminUrl,
    appDb,
    applied,
    close: () => appDb.destroy(),
  };
}
