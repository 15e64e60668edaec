/**
 * Global setup of the browser journeys: builds Concerto when the build is missing, starts
 * the real server (`concerto serve`) on its own embedded PostgreSQL in a fresh data
 * directory, and provides its base URL to the tests. The server listens on a port chosen here
 * and is told its public URL (http://localhost:<port>, a secure context for Chromium): that
 * URL's origin is the only one the server accepts for passkeys. That first start seeds the demo
 * identities; `concerto demo --json`, run beside the server as a newcomer would, provides
 * their logins. Teardown stops the server with SIGTERM, as an operator would, and fails the
 * run if it does not exit cleanly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { DemoIdentities } from '../../../src/server/modules/demo/demo.service.js';
import { concertoEnv } from './concerto-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demo: DemoIdentities;
    /** Where the server keeps its data, for a command a journey runs beside it (concerto-cli.ts). */
    concertoServer: { dataDir: string; port: number };
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILD_OUTPUTS = ['dist/web/index.html', 'dist/cli/main.js'];
const READY_LINE = /Concerto is ready at http:\/\/\S+/;
const READY_TIMEOUT_MS = 120_000;
const EXIT_TIMEOUT_MS = 15_000;

function buildIfMissing(): void {
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length === 0) return;
  console.log(`e2e: ${missing.join(', ')} missing, running npm run build`);
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed with exit code ${result.status}`);
}

/** A port free now: the system picks it for a throwaway listener, which is closed again. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no free port found');
  return address.port;
}

function startServer(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, ['bin/concerto.js', 'serve'], {
    cwd: REPO_ROOT,
    env: concertoEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The demo logins, as `npm run concerto -- demo --json` prints them beside the running server. */
function demoIdentities(dataDir: string, port: number): DemoIdentities {
  const result = spawnSync(process.execPath, ['bin/concerto.js', 'demo', '--json'], {
    cwd: REPO_ROOT,
    env: concertoEnv(dataDir, port),
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`concerto demo --json failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as DemoIdentities;
}

/** Resolves once the ready line is printed; rejects, quoting the output, on exit or timeout. */
function waitUntilReady(server: ChildProcess): Promise<void> {
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`Concerto did not start: ${reason}\n--- server output ---\n${output.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`no ready line within ${READY_TIMEOUT_MS / 1000} s`),
      READY_TIMEOUT_MS,
    );
    server.once('error', (error) => fail(error.message));
    // 'close' rather than 'exit': by then every line of output has been read.
    server.once('close', (code, signal) => {
      if (!ready) fail(`it exited with ${signal ?? `code ${code}`}`);
    });
    // Both streams are read to the end so that the server never blocks on a full pipe.
    createInterface({ input: server.stdout! }).on('line', (line) => {
      if (ready) {
        console.log(`[concerto] ${line}`);
        return;
      }
      output.push(line);
      if (READY_LINE.test(line)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    createInterface({ input: server.stderr! }).on('line', (line) => {
      if (ready) console.error(`[concerto] ${line}`);
      else output.push(line);
    });
  });
}

/** SIGTERM, then the exit status; SIGKILL only if the graceful shutdown hangs. */
async function stopServer(server: ChildProcess): Promise<string | undefined> {
  if (server.exitCode !== null || server.signalCode !== null) {
    return `Concerto had already exited (${server.signalCode ?? `code ${server.exitCode}`})`;
  }
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    server.kill('SIGKILL');
  }, EXIT_TIMEOUT_MS);
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (killed) return `Concerto ignored SIGTERM for ${EXIT_TIMEOUT_MS / 1000} s and was killed`;
  if (code !== 0) return `Concerto exited with ${signal ?? `code ${code}`} after SIGTERM`;
  return undefined;
}

export default async function setup(project: TestProject) {
  buildIfMissing();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-e2e-'));
  const port = await freePort();
  const server = startServer(dataDir, port);
  const teardown = async () => {
    const problem = await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (problem) throw new Error(problem);
  };
  try {
    await waitUntilReady(server);
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  project.provide('baseUrl', `http://localhost:${port}/`);
  project.provide('concertoServer', { dataDir, port });
  try {
    project.provide('demo', demoIdentities(dataDir, port));
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  return teardown;
}
