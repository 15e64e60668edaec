/**
 * The daily jobs as real processes (ADR 0015): `concerto jobs run` for a cron runs the due jobs
 * once and exits, and `concerto serve` checks them at start on its schedule, which
 * CONCERTO_JOBS_INTERVAL_SECONDS=0 turns off; both on a PostgreSQL server (DATABASE_URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { runConcerto, stopAllConcertos } from '../support/concerto-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];

async function setting(): Promise<{ db: TestDatabase; env: Record<string, string> }> {
  const db = await createTestDatabase();
  databases.push(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-jobs-'));
  dirs.push(dir);
  return { db, env: { DATABASE_URL: db.adminUrl, CONCERTO_DATA_DIR: dir } };
}

const erasureRow = (db: TestDatabase) =>
  db.adminDb
    .selectFrom('scheduled_jobs')
    .select(['last_run_on', 'leased_by'])
    .where('name', '=', 'prosecutor-list-erasure')
    .executeTakeFirst();

afterAll(async () => {
  await stopAllConcertos();
  for (const db of databases) await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('concerto jobs run', () => {
  it('LST-03 runs the due daily jobs once and exits; a second run the same day finds them done; a bad subcommand is a usage error', async () => {
    const { db, env } = await setting();
    const first = runConcerto(['jobs', 'run'], env);
    expect((await first.exited()).code, first.output()).toBe(0);
    expect(first.output()).toContain('prosecutor-list-erasure: completed');
    const today = brusselsDateOf(new Date());
    expect(await erasureRow(db)).toEqual({ last_run_on: today, leased_by: null });

    const second = runConcerto(['jobs', 'run'], env);
    expect((await second.exited()).code, second.output()).toBe(0);
    expect(second.output()).toContain(`prosecutor-list-erasure: already done today (${today})`);

    const wrong = runConcerto(['jobs'], env);
    expect((await wrong.exited()).code).toBe(2);
    expect(wrong.output()).toContain('Usage: concerto jobs run');
  });
});

describe('concerto serve', () => {
  it('LST-03 checks the daily jobs at start and stops cleanly; with CONCERTO_JOBS_INTERVAL_SECONDS=0 it runs none', async () => {
    const { db, env } = await setting();
    const server = runConcerto(['serve'], { ...env, PORT: '0' });
    await server.ready();
    for (let i = 0; i < 100 && !(await erasureRow(db))?.last_run_on; i++) await sleep(100);
    expect(await erasureRow(db)).toEqual({ last_run_on: brusselsDateOf(new Date()), leased_by: null });
    server.child.kill('SIGTERM');
    expect((await server.exited()).code, server.output()).toBe(0);

    const off = await setting();
    const quiet = runConcerto(['serve'], { ...off.env, PORT: '0', CONCERTO_JOBS_INTERVAL_SECONDS: '0' });
    await quiet.ready();
    await sleep(1000);
    quiet.child.kill('SIGTERM');
    expect((await quiet.exited()).code, quiet.output()).toBe(0);
    expect(await erasureRow(off.db)).toBeUndefined();
  });
});
