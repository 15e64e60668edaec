/**
 * The process-level promises of the foundation (issue 2): two commands give a running
 * Concerto on its embedded PostgreSQL; a signal stops it cleanly; the next start reuses
 * the data; bad environments fail with one clear message and a non-zero exit, and leave
 * nothing damaged.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConcerto, stopAllConcertos } from './support/concerto-process.js';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-proc-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await stopAllConcertos();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('concerto serve on the embedded PostgreSQL', () => {
  const dataDir = tempDataDir();

  it('starts, is ready, refuses a second process, stops on SIGTERM and restarts on the same data', async () => {
    const first = runConcerto(['serve'], { CONCERTO_DATA_DIR: dataDir, PORT: '0' });
    const url = await first.ready();
    expect(first.output()).toContain('Applied migrations: 0001_runtime_role.sql');
    const ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);

    const second = runConcerto(['serve'], { CONCERTO_DATA_DIR: dataDir, PORT: '0' });
    const secondExit = await second.exited();
    expect(secondExit.code).toBe(4);
    expect(second.output()).toMatch(/Another Concerto process \(pid \d+\) is already using the data directory/);
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);

    const started = Date.now();
    first.child.kill('SIGTERM');
    const firstExit = await first.exited();
    expect(firstExit.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'concerto.lock'))).toBe(false);

    const again = runConcerto(['serve'], { CONCERTO_DATA_DIR: dataDir, PORT: '0' });
    const url2 = await again.ready();
    expect(again.output()).not.toContain('Applied migrations');
    expect((await fetch(new URL('/readyz', url2))).status).toBe(200);
    again.child.kill('SIGINT');
    expect((await again.exited()).code).toBe(0);
  });

  it('takes over after a kill -9, shutting down the orphaned PostgreSQL first', async () => {
    const dir = tempDataDir();
    const crashed = runConcerto(['serve'], { CONCERTO_DATA_DIR: dir, PORT: '0' });
    await crashed.ready();
    crashed.child.kill('SIGKILL');
    await crashed.exited();
    const next = runConcerto(['serve'], { CONCERTO_DATA_DIR: dir, PORT: '0' });
    const url = await next.ready();
    expect((await fetch(new URL('/readyz', url))).status).toBe(200);
    next.child.kill('SIGTERM');
    expect((await next.exited()).code).toBe(0);
  });
});

describe('concerto doctor', () => {
  it('checks engine, runtime role, migrations, keys and lock, beside a running Concerto too', async () => {
    const dir = tempDataDir();
    const server = runConcerto(['serve'], { CONCERTO_DATA_DIR: dir, PORT: '0' });
    await server.ready();
    const doctor = runConcerto(['doctor'], { CONCERTO_DATA_DIR: dir });
    expect((await doctor.exited()).code).toBe(0);
    const out = doctor.output();
    expect(out).toMatch(/ok\s+lock\s+data directory in use by a running Concerto \(pid \d+\)/);
    expect(out).toMatch(/ok\s+runtime role\s+concerto_app \(superuser: false, bypass RLS: false\)/);
    expect(out).toMatch(/ok\s+migrations\s+(\d+)\/\1 applied/);
    expect(out).toContain('file key provider reachable');
    server.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
  });
});

describe('bad environments fail with one clear message and change nothing', () => {
  it('refuses a data directory that is not a PostgreSQL cluster', async () => {
    const dir = tempDataDir();
    mkdirSync(path.join(dir, 'postgres'));
    writeFileSync(path.join(dir, 'postgres', 'notes.txt'), 'precious');
    const run = runConcerto(['serve'], { CONCERTO_DATA_DIR: dir, PORT: '0' });
    expect((await run.exited()).code).toBe(4);
    expect(run.output()).toContain('is not a PostgreSQL data directory');
    expect(readFileSync(path.join(dir, 'postgres', 'notes.txt'), 'utf8')).toBe('precious');
    expect(existsSync(path.join(dir, 'concerto.lock'))).toBe(false);
  });

  it('reports a port in use and stops its embedded PostgreSQL', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = tempDataDir();
    const run = runConcerto(['serve'], { CONCERTO_DATA_DIR: dir, PORT: String(port) });
    const exit = await run.exited();
    blocker.close();
    expect(exit.code).toBe(4);
    expect(run.output()).toContain('The HTTP port is already in use');
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('reports an unreachable DATABASE_URL', async () => {
    const run = runConcerto(['migrate'], { DATABASE_URL: 'postgres://concerto@127.0.0.1:1/concerto' });
    expect((await run.exited()).code).toBe(4);
    expect(run.output()).toContain('Cannot reach PostgreSQL at 127.0.0.1:1/concerto (DATABASE_URL)');
  });

  it('names the invalid variable and exits 3', async () => {
    const run = runConcerto(['serve'], { PORT: 'http' });
    expect((await run.exited()).code).toBe(3);
    expect(run.output()).toContain('PORT must be a whole number');
  });

  it('exits 2 on an unknown command', async () => {
    const run = runConcerto(['frobnicate'], {});
    expect((await run.exited()).code).toBe(2);
    expect(run.output()).toContain('Unknown command "frobnicate"');
  });
});
