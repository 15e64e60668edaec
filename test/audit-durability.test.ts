/**
 * Issue 2, "Done when": a kill -9 during 1,000 acknowledged audit appends loses none of
 * them, and `concerto audit verify` catches an UPDATE of one stored event or a DELETE of
 * the last one, naming the position. Everything runs on a real embedded PostgreSQL with
 * fsync on, and the PostgreSQL server is killed with the writer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.js';
import { EMBEDDED_DATABASE } from '../src/server/db/engine.js';
import { runConcerto, stopAllConcertos } from './support/concerto-process.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-durability-'));
let writer: ChildProcess | undefined;
afterAll(async () => {
  writer?.kill('SIGKILL');
  await stopAllConcertos();
  rmSync(dataDir, { recursive: true, force: true });
});

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.DATABASE_ADMIN_URL;
  return env;
}

async function concerto(...args: string[]): Promise<{ code: number | null; output: string }> {
  const run = runConcerto(args, { CONCERTO_DATA_DIR: dataDir });
  const { code } = await run.exited();
  return { code, output: run.output() };
}

/** Runs SQL as the owner on the stopped embedded cluster (the tamperer has the owner's rights). */
async function asOwner(statement: string): Promise<pg.QueryResult> {
  const server = await startEmbeddedPostgres({ dataDir });
  const client = new pg.Client({ connectionString: server.adminUrl(EMBEDDED_DATABASE) });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
    await server.stop();
  }
}

it('PEN-20 loses no acknowledged audit append when the process and its PostgreSQL are killed -9', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/audit-writer.ts')], {
    cwd: ROOT,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  writer = child;
  const acked: number[] = [];
  let buffered = '';
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`writer exited with ${code}: ${errors}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      if (acked.length >= 1000) resolve();
    });
  });
  // Kill the PostgreSQL server first, then the writer: nothing gets a chance to flush.
  const postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(postmasterPid, 'SIGKILL');
  child.removeAllListeners('exit');
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));

  expect(acked.slice(0, 1000)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  const checkpoint = await concerto('audit', 'checkpoint');
  expect(checkpoint.code).toBe(0);
  const verify = await concerto('audit', 'verify');
  expect(verify.code).toBe(0);
  const size = Number(/verified: (\d+) events/.exec(verify.output)?.[1]);
  expect(size).toBeGreaterThanOrEqual(acked.length);
}, 180_000);

it('SEC-02 names the position of an event altered through the owner role', async () => {
  const original = await asOwner('SELECT payload FROM audit_events WHERE position = 42');
  await asOwner(`UPDATE audit_events SET payload = replace(payload, 'durability_probe', 'durability_PROBE') WHERE position = 42`);
  const verify = await concerto('audit', 'verify');
  expect(verify.code).toBe(1);
  expect(verify.output).toMatch(/FAILED at position 42\b/);
  await asOwner(`UPDATE audit_events SET payload = ${pg.escapeLiteral(original.rows[0].payload)} WHERE position = 42`);
  expect((await concerto('audit', 'verify')).code).toBe(0);
}, 120_000);

it('notices that the last event was deleted', async () => {
  const last = await asOwner('SELECT max(position) AS p FROM audit_events');
  await asOwner('DELETE FROM audit_events WHERE position = (SELECT max(position) FROM audit_events)');
  const verify = await concerto('audit', 'verify');
  expect(verify.code).toBe(1);
  expect(verify.output).toContain(`FAILED at position ${last.rows[0].p}`);
}, 120_000);
