/**
 * `concerto jobs run --as-of YYYY-MM-DD` as a real process (issue 6 scope 10): the daily jobs
 * rehearsed as of another day on a demo database, so that the end of a retention can be tried
 * without waiting for it; refused on any other database, where it would cut the retention of real
 * cases short (bill art. 2 §3 4°): exit 5, nothing run, the refusal audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/server/kernel/legal-rules/civil-date.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { NOT_A_DEMO_FOR_REHEARSAL } from '../../src/server/modules/jobs/daily-jobs-as-of.js';
import type { AuditPayload } from '../support/case-steps.js';
import { runConcerto, stopAllConcertos } from '../support/concerto-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];
const RETENTION_JOB = 'retention-destruction-list';

async function setting(): Promise<{ db: TestDatabase; env: Record<string, string> }> {
  const db = await createTestDatabase();
  databases.push(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-jobs-as-of-'));
  dirs.push(dir);
  return { db, env: { DATABASE_URL: db.adminUrl, CONCERTO_DATA_DIR: dir } };
}

async function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const concerto = runConcerto(args, env);
  const { code } = await concerto.exited();
  return { code, output: concerto.output() };
}

const jobRow = (db: TestDatabase) =>
  db.adminDb
    .selectFrom('scheduled_jobs')
    .select(['last_run_on', 'leased_by'])
    .where('name', '=', RETENTION_JOB)
    .executeTakeFirst();

async function auditEvents(db: TestDatabase, action: string): Promise<AuditPayload[]> {
  const rows = await db.adminDb.selectFrom('audit_events').select('payload').orderBy('position').execute();
  return rows
    .map((row) => JSON.parse(row.payload) as AuditPayload)
    .filter((event) => event.action === action);
}

const listedCaseIds = async (db: TestDatabase): Promise<string[]> =>
  (await db.adminDb.selectFrom('destruction_list_entries').select('case_id').execute())
    .map((row) => row.case_id)
    .sort();

afterAll(async () => {
  await stopAllConcertos();
  for (const db of databases) await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('concerto jobs run --as-of', () => {
  it('RET-01 is refused on a database that is not a demo: exit 5 with the reason, no job run, the refusal audited', async () => {
    const { db, env } = await setting();
    const refused = await run(['jobs', 'run', '--as-of', addDays(brusselsDateOf(new Date()), 400)], env);
    expect(refused.code, refused.output).toBe(5);
    expect(refused.output).toContain(NOT_A_DEMO_FOR_REHEARSAL);
    expect(await db.adminDb.selectFrom('scheduled_jobs').select('name').execute()).toEqual([]);
    expect(await auditEvents(db, 'system.daily_job_run')).toEqual([]);
    expect(await auditEvents(db, 'system.jobs_as_of_refused')).toMatchObject([
      { actor: { system: 'jobs-as-of' }, outcome: 'denied', reason: 'not_a_demo_database' },
    ]);

    // A day that does not exist, or the option on another command, is a usage error.
    const badDay = await run(['jobs', 'run', '--as-of', '2027-02-30'], env);
    expect(badDay.code).toBe(2);
    expect(badDay.output).toContain('Usage: concerto jobs run [--as-of YYYY-MM-DD]');
    const elsewhere = await run(['migrate', '--as-of', '2027-02-01'], env);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.output).toContain('--as-of is an option of jobs run only');
  }, 60_000);

  it('RET-01 RET-06 on a demo database runs the daily jobs as of the day given: nothing is due a month ahead, a year and two days ahead the drafts and refused signals go on destruction lists', async () => {
    const { db, env } = await setting();
    const demo = await run(['demo', '--json'], env);
    expect(demo.code, demo.output).toBe(0);
    const today = brusselsDateOf(new Date());
    const shortDrafts = (
      await db.adminDb
        .selectFrom('cases')
        .select('id')
        .where('state', 'in', ['not_signalled', 'refused'])
        .execute()
    )
      .map((row) => row.id)
      .sort();
    expect(shortDrafts.length).toBeGreaterThan(0);

    const monthAhead = addMonths(today, 1);
    const first = await run(['jobs', 'run', '--as-of', monthAhead], env);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`The daily jobs of this demo database as of ${monthAhead}:`);
    expect(first.output).toContain(`${RETENTION_JOB}: completed`);
    expect(await jobRow(db)).toEqual({ last_run_on: monthAhead, leased_by: null });
    expect(await listedCaseIds(db)).toEqual([]);

    // RET-06: a draft closed as not signalled, and a refused signal, are kept the draft period (a year).
    const yearAhead = addDays(addMonths(today, 12), 2);
    const second = await run(['jobs', 'run', '--as-of', yearAhead], env);
    expect(second.code, second.output).toBe(0);
    expect(await jobRow(db)).toEqual({ last_run_on: yearAhead, leased_by: null });
    expect(await listedCaseIds(db)).toEqual(shortDrafts);
    const listed = await db.adminDb.selectFrom('destruction_list_entries').select('listed_at').execute();
    for (const entry of listed) expect(brusselsDateOf(new Date(entry.listed_at))).toBe(yearAhead);
    expect((await auditEvents(db, 'system.jobs_as_of')).map((event) => event.records)).toEqual([
      [{ type: 'civil_date', id: monthAhead }],
      [{ type: 'civil_date', id: yearAhead }],
    ]);

    // The day is done: a plain run today, or the same day again, runs nothing more.
    const again = await run(['jobs', 'run', '--as-of', yearAhead], env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`${RETENTION_JOB}: already done today (${yearAhead})`);
  }, 240_000);
});
