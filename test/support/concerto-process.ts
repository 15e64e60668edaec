/**
 * Runs the real `concerto` CLI from source in a child process (node + tsx), for tests of
 * what only a process shows: start-up, signals, locks, exit codes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const running = new Set<ChildProcess>();

/** For afterAll: a failed assertion must not leave a server (and its PostgreSQL) behind. */
export async function stopAllConcertos(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

export interface ConcertoProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the URL from "Concerto is ready at …", rejects if the process exits first. */
  ready(timeoutMs?: number): Promise<string>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runConcerto(args: string[], env: Record<string, string | undefined>): ConcertoProcess {
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATABASE_ADMIN_URL', 'PORT', 'CONCERTO_DATA_DIR']) delete base[name];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), ...args], {
    cwd: ROOT,
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => out,
    exited: () => exit,
    ready(timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
        const check = () => {
          const match = /Concerto is ready at (http:\/\/\S+)/.exec(out);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout?.on('data', check);
        exit.then(({ code }) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code} before ready:\n${out}`));
        });
        check();
      });
    },
  };
}
