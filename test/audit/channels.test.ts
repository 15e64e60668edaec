/**
 * SPEC SEC-05: every audit event names the channel it came through — the web app (with the
 * session), a connected system's delivery endpoint (with the interconnection), a daily job (with
 * its name) or the command line (with the command) — stamped by the audit log from the entry point
 * (ADR 0019), on the real app, database and CLI.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDailyJobRunner } from '../../src/server/modules/jobs/daily-jobs.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { type AuditPayload, auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { runConcerto, stopAllConcertos } from '../support/concerto-process.js';
import {
  activeInterconnection,
  connectedSystem,
  deliver,
  focusDelivery,
  linkFile,
} from '../support/interconnection-steps.js';
import { AUDIT_ORIGIN } from '../support/retention-steps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

type Stamped = AuditPayload & { v: number; at: string; channel?: { type: string; client?: string } };

let world: AccessWorld;
const databases: TestDatabase[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await stopAllConcertos();
  await world?.close();
  for (const db of databases) await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const since = async (position: number) => (await auditEventsSince(world, position)) as Stamped[];

describe('the channel of each audit event (SPEC SEC-05)', () => {
  it('SEC-05 reading an item over HTTP by user X is logged with user, organisation, role, case, item, time, justification and channel web with the session as client', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const itemId = kase.itemIds[0]!;
    const reader = await world.extraSession('socialWorker');
    const before = await auditPosition(world);
    const read = await world.request(reader, 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`);
    expect(read.statusCode, read.body).toBe(200);
    const events = await since(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      v: 2,
      at: world.clock.now().toISOString(),
      actor: { userId: reader.actor.userId, organisationId: world.org.cpas, role: 'participant' },
      action: 'consult',
      outcome: 'success',
      caseId: kase.id,
      records: [{ type: 'item', id: itemId, category: 11 }],
      justification: 'access matrix',
      reason: 'item_versions',
      channel: { type: 'web', client: reader.publicId },
    });
  });

  it('SEC-05 keeps each concurrent request’s session, also past the parsing of a body, and a request without a session is web without a client', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const officer = await world.extraSession('policeOfficer');
    const worker = await world.extraSession('socialWorker');
    const before = await auditPosition(world);
    const [added, read] = await Promise.all([
      world.request(officer, 'POST', `/api/cases/${kase.id}/items`, {
        category: 'C11',
        personIds: [kase.subjectId],
        content: 'Nieuwe vaststelling.',
        classification: 'non_classified',
        relevance: 'Nodig om het risico in te schatten.',
        provenance: { kind: 'already_held', sourceReference: 'PV GE.55.L1.000777/2026' },
        missionConfirmed: true,
      }),
      world.request(worker, 'GET', `/api/cases/${kase.id}`),
    ]);
    expect(added.statusCode, added.body).toBe(201);
    expect(read.statusCode, read.body).toBe(200);
    const login = await world.request(null, 'POST', '/api/auth/login', {
      email: 'nobody@nowhere.example',
      password: 'not-a-password-of-anyone',
    });
    expect(login.statusCode).toBe(401);
    const events = await since(before);
    const collect = events.find(
      (e) => e.action === 'collect' && e.records?.some((r) => r.id === added.json().id),
    );
    expect(collect?.channel).toEqual({ type: 'web', client: officer.publicId });
    const consult = events.find((e) => e.action === 'consult' && e.actor.userId === worker.actor.userId);
    expect(consult?.channel).toEqual({ type: 'web', client: worker.publicId });
    const failed = events.find((e) => e.action === 'auth.login_failed');
    expect(failed?.channel).toEqual({ type: 'web' });
    // Every event of these requests names the web channel; none was left without one.
    expect(events.every((e) => e.channel?.type === 'web')).toBe(true);
  });

  it('SEC-05 an interconnection delivery is logged with channel interconnection and the interconnection as client', async () => {
    const focus = connectedSystem();
    const interconnectionId = await activeInterconnection(world, focus);
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const reference = `PZ Gent 2026/${randomUUID().slice(0, 8)}`;
    const linked = await linkFile(world, kase.id, {
      interconnectionId,
      personIds: [kase.subjectId],
      reference,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const before = await auditPosition(world);
    const delivered = await deliver(world, focus, interconnectionId, focusDelivery(reference));
    expect(delivered.statusCode, delivered.body).toBe(201);
    const events = await since(before);
    const collect = events.find((e) => e.action === 'collect');
    expect(collect).toMatchObject({
      caseId: kase.id,
      actor: { organisationId: world.org.police, interconnection: interconnectionId },
    });
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      expect(event.channel).toEqual({ type: 'interconnection', client: interconnectionId });

    // A request signed with another key is refused by the gateway, through the same channel.
    const refusedAt = await auditPosition(world);
    const forged = await deliver(world, focus, interconnectionId, focusDelivery(reference), {
      signWith: connectedSystem().privateKey,
    });
    expect(forged.statusCode).toBe(401);
    expect(await since(refusedAt)).toEqual([
      expect.objectContaining({
        action: 'system.interconnection_refused',
        reason: 'bad_signature',
        channel: { type: 'interconnection', client: interconnectionId },
      }),
    ]);
  });

  it('SEC-05 a daily job’s events are logged with channel job and the job’s name', async () => {
    const before = await auditPosition(world);
    const run = createDailyJobRunner({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: AUDIT_ORIGIN,
      instanceId: 'channel-test',
      leaseMinutes: 15,
    });
    const outcomes = await run();
    expect(outcomes.every((o) => o.outcome === 'completed')).toBe(true);
    const runs = (await since(before)).filter((e) => e.action === 'system.daily_job_run');
    expect(runs.map((e) => [e.records?.[0]?.id, e.channel])).toEqual(
      outcomes.map((o) => [o.name, { type: 'job', client: o.name }]),
    );
  });

  it('SEC-05 a command’s events are logged with channel cli and the command’s name; the jobs it runs with their own', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-channel-'));
    dirs.push(dir);
    const env = { DATABASE_URL: db.adminUrl, CONCERTO_DATA_DIR: dir };
    // Refused on a database that is no demo: the refusal is the command's own event.
    const rehearsal = runConcerto(['jobs', 'run', '--as-of', '2030-01-01'], env);
    expect((await rehearsal.exited()).code, rehearsal.output()).toBe(5);
    const jobs = runConcerto(['jobs', 'run'], env);
    expect((await jobs.exited()).code, jobs.output()).toBe(0);
    const events = (
      await db.adminDb.selectFrom('audit_events').select('payload').orderBy('position').execute()
    ).map((row) => JSON.parse(row.payload) as Stamped);
    expect(events.find((e) => e.action === 'system.jobs_as_of_refused')?.channel).toEqual({
      type: 'cli',
      client: 'jobs',
    });
    const runs = events.filter((e) => e.action === 'system.daily_job_run');
    expect(runs.length).toBeGreaterThan(0);
    for (const event of runs) expect(event.channel).toEqual({ type: 'job', client: event.records![0]!.id });
  });
});
