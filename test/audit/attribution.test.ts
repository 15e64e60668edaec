/**
 * SPEC PEN-19 (L1992 art. 42): every audit event names an individual user and that user's
 * organisation (the controller), except the named system jobs and refused anonymous attempts.
 * `audit attribution` walks the log of a realistic workload — the access world's set-up, a case
 * taken through the workflow and a consultation, sign-in and invitation attempts by strangers, a
 * connected system that cannot authenticate, the daily jobs — and finds nothing; an event forged
 * by the database owner without a user is reported by its position.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/server/kernel/audit/canonical-json.js';
import {
  auditAttribution,
  checkAttribution,
  issueCheckpoint,
  verifyAuditLog,
} from '../../src/server/kernel/audit/index.js';
import { createDailyJobRunner, dailyJobs } from '../../src/server/modules/jobs/daily-jobs.js';
import { SYSTEM_ACTORS } from '../../src/server/modules/jobs/system-actors.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { connectedSystem, deliver, focusDelivery } from '../support/interconnection-steps.js';
import { agreeRetention, consultation } from '../support/item-steps.js';
import { AUDIT_ORIGIN } from '../support/retention-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const check = () => checkAttribution(world.db.appDb, { systemActors: SYSTEM_ACTORS });

/** Appends `payloads` through the log's own function, as the database owner can. */
async function forge(payloads: object[]): Promise<number> {
  const texts = payloads.map((payload) => canonicalJson(payload as never));
  const { rows } = await sql<{ first: number }>`SELECT audit_append(${texts}::text[]) AS first`.execute(
    world.db.adminDb,
  );
  return Number(rows[0]!.first);
}

describe('audit attribution (SPEC PEN-19)', () => {
  it('PEN-19 names every daily job as a system actor, and nothing else acts without a user', () => {
    const jobs = dailyJobs({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: AUDIT_ORIGIN,
    });
    for (const job of jobs) expect(SYSTEM_ACTORS.has(job.name), job.name).toBe(true);
  });

  it('PEN-19 every audit event of a realistic workload has an individual user and organisation, or is a named system job’s', async () => {
    const kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas', 'youth'] });
    const read = await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const { policeOfficer, socialWorker, youthWorker } = world.people;
    await agreeRetention(world, kase.id, [policeOfficer, socialWorker, youthWorker]);
    await consultation(world, [kase.id], { open: true, close: true });
    const erased = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/items/${kase.itemIds[1]}/erasure`,
      { reason: 'Onjuist ingevoerd; gewist op verzoek van de betrokkene.' },
    );
    expect(erased.statusCode, erased.body).toBe(200);
    // Strangers: a sign-in with an unknown e-mail, an invitation token nobody was given, a
    // connected system nobody registered.
    expect(
      (
        await world.request(null, 'POST', '/api/auth/login', {
          email: 'stranger@nowhere.example',
          password: 'a guess of a password',
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await world.request(null, 'POST', '/api/invitations/redeem', {
          token: 'not-a-token-anyone-was-given',
          password: 'Een lang genoeg wachtwoord 2026!',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await deliver(world, connectedSystem(), randomUUID(), focusDelivery('PZ Gent 2026/0001'))).statusCode,
    ).toBe(403);
    const outcomes = await createDailyJobRunner({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: AUDIT_ORIGIN,
      instanceId: 'attribution-test',
      leaseMinutes: 15,
    })();
    expect(outcomes.every((o) => o.outcome === 'completed')).toBe(true);

    const size = await auditPosition(world);
    const actions = new Set((await auditEventsSince(world, 0)).map((event) => event.action));
    for (const action of [
      'admin.organisation_created',
      'collect',
      'consult',
      'erase',
      'disclose',
      'auth.login_failed',
      'auth.invitation_refused',
      'system.interconnection_refused',
      'system.daily_job_run',
    ]) {
      expect(actions.has(action), action).toBe(true);
    }
    expect(await check()).toEqual({ size, findings: [] });
    const lines: string[] = [];
    expect(
      await auditAttribution({
        db: world.db.appDb,
        out: (line) => lines.push(line),
        systemActors: SYSTEM_ACTORS,
      }),
    ).toBe(0);
    expect(lines).toEqual([
      `audit attribution: each of the ${size} events names a user and an organisation, or a named system job`,
    ]);
  });

  it('PEN-19 reports by position an event forged by the database owner without a user, or by a system actor no job is named for', async () => {
    const at = world.clock.now().toISOString();
    const common = { v: 2, at, outcome: 'success', channel: { type: 'web' } };
    const first = await forge([
      // A consultation by nobody in particular: the organisation is named, no individual.
      {
        ...common,
        action: 'consult',
        actor: { organisationId: world.org.police, role: 'participant' },
        caseId: randomUUID(),
        records: [{ type: 'item', id: randomUUID(), category: 11 }],
        justification: 'Opvolging',
      },
      // A "system" that no job is named for, erasing.
      { ...common, action: 'erase', actor: { system: 'cleanup-script' }, caseId: randomUUID() },
      // A named job doing what only a user may do.
      { ...common, action: 'consult', actor: { system: 'declaration-review' }, justification: 'Controle' },
      // A success claimed by an unidentified actor.
      {
        ...common,
        action: 'admin.user_created',
        actor: { userId: 'unknown', organisationId: 'unknown', role: 'anonymous' },
      },
    ]);
    // The log itself is intact: the forgery went through audit_append, so only this check finds it.
    await issueCheckpoint(world.db.appDb, world.keys, AUDIT_ORIGIN);
    expect(
      (await verifyAuditLog(world.db.appDb, await world.keys.checkpointPublicKey(), AUDIT_ORIGIN)).ok,
    ).toBe(true);

    expect((await check()).findings).toEqual([
      { position: first, action: 'consult', problem: 'no individual user' },
      {
        position: first + 1,
        action: 'erase',
        problem: 'system actor "cleanup-script" is no named system job',
      },
      {
        position: first + 2,
        action: 'consult',
        problem: 'system actor "declaration-review" cannot consult: a user must be accountable',
      },
      {
        position: first + 3,
        action: 'admin.user_created',
        problem: 'an unidentified actor cannot admin.user_created (success)',
      },
    ]);
    const lines: string[] = [];
    expect(
      await auditAttribution({
        db: world.db.appDb,
        out: (line) => lines.push(line),
        systemActors: SYSTEM_ACTORS,
      }),
    ).toBe(1);
    expect(lines[0]).toBe(`position ${first} (consult): no individual user`);
    expect(lines.at(-1)).toMatch(/^audit attribution FAILED: 4 of \d+ events are not attributable$/);
  });
});
