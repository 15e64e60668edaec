/**
 * A `concerto` command run beside the journeys' server, on its data directory, as an operator would
 * (the global setup runs `concerto demo --json` the same way): e.g. `jobs run --as-of` on the demo.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { concertoEnv } from './concerto-env.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runConcertoBeside(args: string[]): Promise<CommandResult> {
  const { dataDir, port } = inject('concertoServer');
  const child = spawn(process.execPath, ['bin/concerto.js', ...args], {
    cwd: REPO_ROOT,
    env: concertoEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
