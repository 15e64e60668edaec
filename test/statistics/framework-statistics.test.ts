/**
 * Statistics per framework over HTTP (issue 6 scope 9; SPEC PUR-03: anonymised aggregates only):
 * cases by state and purpose and the workflow's durations, counts below 5 suppressed, never a
 * list of cases or persons; read by the DPOs of the framework's parties and its organiser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { activeFramework } from '../support/compliance-steps.js';

let world: AccessWorld;
const DAY_MS = 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

beforeAll(async () => {
  world = await createAccessWorld();
  const now = world.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  // 7 cases in consultation, 5 closed, 1 just signalled, and 2 drafts still in the police's compartment.
  const states = [
    ...Array(7).fill('in_consultation'),
    ...Array(5).fill('closed'),
    'signalled',
    'pre_registered',
    'pre_registered',
  ];
  for (const [i, state] of states.entries()) {
    const id = await world.policeCase(state);
    if (state === 'pre_registered') continue;
    const decided = state !== 'signalled';
    await world.db.adminDb
      .updateTable('cases')
      .set({
        signalled_at: at(40),
        signal_decided_at: decided ? at(40 - 2 - (i % 3)) : null,
        first_consultation_at: decided ? at(30) : null,
      })
      .where('id', '=', id)
      .execute();
  }
});
afterAll(async () => {
  await world?.close();
});

describe('statistics of a framework (SPEC PUR-03)', () => {
  it('PUR-03 gives cases by state and purpose and the durations as anonymised aggregates, counts below 5 suppressed and never a list', async () => {
    const res = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/statistics/frameworks/${world.frameworkId}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      framework: { id: world.frameworkId },
      smallCountThreshold: 5,
      rule: expect.stringContaining('PUR-03'),
    });
    // The drafts are the police's own until signalled: 13 cases left their compartment.
    expect(body.total).toBe(13);
    // 1 signalled is suppressed, and the 5 closed with it, or 13 − 7 − 5 would give it away.
    expect(
      Object.fromEntries(
        body.casesByState.map((s: { state: string; count: number | null }) => [s.state, s.count]),
      ),
    ).toEqual({
      signalled: null,
      accepted: 0,
      refused: 0,
      in_consultation: 7,
      follow_up: 0,
      closed: null,
    });
    expect(body.purposes).toEqual([
      { purpose: 'P1', count: 13 },
      { purpose: 'P2', count: 0 },
      { purpose: 'P3', count: 0 },
    ]);
    expect(body.durations).toEqual([
      { measure: 'signal_to_decision', caseCount: 12, medianDays: 3, meanDays: 3 },
      { measure: 'decision_to_first_consultation', caseCount: 12, medianDays: 7, meanDays: 7 },
      { measure: 'signal_to_closure', caseCount: 5, medianDays: 40, meanDays: 40 },
    ]);
    // No case, no person, no organisation: the only id in the answer is the framework's.
    expect(new Set(JSON.stringify(body).match(UUID))).toEqual(new Set([world.frameworkId]));
  });

  it('PUR-03 the DPOs of the parties and the organiser read them, audited; the host and the other members are refused', async () => {
    const { coordinator, cpasDpo, operator, policeOfficer } = world.people;
    const url = `/api/statistics/frameworks/${world.frameworkId}`;
    expect((await world.request(coordinator, 'GET', url)).statusCode).toBe(200);
    expect((await world.request(cpasDpo, 'GET', url)).statusCode).toBe(200);
    const before = await world.db.adminDb
      .selectFrom('audit_events')
      .select('position')
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    const host = await world.request(operator, 'GET', url);
    expect(host.statusCode).toBe(403);
    expect(host.json().rule).toContain('PUR-03');
    expect((await world.request(policeOfficer, 'GET', url)).statusCode).toBe(403);
    const events = await world.db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .where('position', '>', before.position)
      .orderBy('position')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      expect.objectContaining({
        action: 'admin.framework_statistics_viewed',
        outcome: 'denied',
        reason: 'not_statistics_reader',
      }),
      expect.objectContaining({
        action: 'admin.framework_statistics_viewed',
        outcome: 'denied',
        reason: 'not_statistics_reader',
      }),
    ]);
  });

  it('PUR-03 a framework the reader’s organisation neither takes part in nor organises does not exist for it', async () => {
    const { policeDpo, coordinator, cpasDpo } = world.people;
    const elsewhere = await activeFramework(world.db.adminDb, {
      organiserId: world.org.cpas,
      participantIds: [world.org.cpas],
      by: world.people.operator.actor.userId,
      at: world.clock.now(),
    });
    expect(
      (await world.request(policeDpo, 'GET', `/api/statistics/frameworks/${elsewhere}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.request(coordinator, 'GET', `/api/statistics/frameworks/${elsewhere}`)).statusCode,
    ).toBe(404);
    const empty = await world.request(cpasDpo, 'GET', `/api/statistics/frameworks/${elsewhere}`);
    expect(empty.json()).toMatchObject({
      total: 0,
      durations: [{ caseCount: 0, medianDays: null }, { caseCount: 0 }, { caseCount: 0 }],
    });

    const listed = await world.request(policeDpo, 'GET', '/api/statistics/frameworks');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().frameworks.map((f: { id: string }) => f.id)).toEqual([world.frameworkId]);
    const organiser = await world.request(coordinator, 'GET', '/api/statistics/frameworks');
    expect(organiser.json().frameworks.map((f: { id: string }) => f.id)).toEqual([world.frameworkId]);
    const both = await world.request(cpasDpo, 'GET', '/api/statistics/frameworks');
    expect(
      both
        .json()
        .frameworks.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([world.frameworkId, elsewhere].sort());
  });
});
