/**
 * Prohibitions from managing a processing over HTTP on a real database (L1992 art. 41 §2-3; SPEC
 * PEN-17, PEN-18): the operator records the court's prohibition (at most two years) and the
 * person's accounts; while it runs none of them holds or is given a role that manages a processing
 * (operator, DPO), and the audit query of role assignments to prohibited persons shows refused
 * attempts only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../src/contracts/identity.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { inTransaction } from '../../src/server/db/database.js';
import { createProhibitionsRepository } from '../../src/server/modules/prohibitions/prohibitions.repository.js';
import { enforceRunningProhibitions } from '../../src/server/modules/prohibitions/prohibitions.service.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import { prohibitionOrder, today } from '../support/supervision-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const RULE = 'L1992 art. 41 §2 (SPEC PEN-17)';
let serial = 0;

async function account(organisation: 'cpas' | 'police' | 'host', roles: UserRole[]): Promise<string> {
  const res = await world.request(world.people.operator, 'POST', '/api/admin/users', {
    organisationId: world.org[organisation],
    email: `dirk.vermeulen.${serial++}@${organisation}.example`,
    displayName: 'Dirk Vermeulen',
    roles,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const setRoles = (userId: string, roles: string[]) =>
  world.request(world.people.operator, 'PUT', `/api/admin/users/${userId}/roles`, { roles });

const userRow = (userId: string) =>
  world.db.adminDb
    .selectFrom('users')
    .select(['roles', 'active'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

async function record(userIds: string[], overrides: Record<string, unknown> = {}) {
  const res = await world.request(
    world.people.operator,
    'POST',
    '/api/admin/management-prohibitions',
    prohibitionOrder(world, userIds, overrides),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const attemptsFor = async (prohibitionId: string) =>
  (
    (
      await world.request(
        world.people.operator,
        'GET',
        '/api/admin/management-prohibitions/role-assignment-attempts',
      )
    ).json().attempts as {
      prohibitionId: string;
      outcome: string;
      roles: string[];
      userId: string;
      action: string;
    }[]
  ).filter((attempt) => attempt.prohibitionId === prohibitionId);

describe('prohibitions from managing a processing', () => {
  it('PEN-17 a DPO or operator role is refused to a person under a running prohibition, naming the rule; the managing roles held are withdrawn', async () => {
    const dpoAndParticipant = await account('cpas', ['dpo', 'participant']);
    const dpoOnly = await account('police', ['dpo']);
    const operator = await account('host', ['operator']);
    const start = await auditPosition(world);
    const prohibition = await record([dpoAndParticipant, dpoOnly, operator]);
    expect(prohibition).toMatchObject({
      running: true,
      personName: 'Vermeulen Dirk',
      endsOn: expect.any(String),
    });
    expect(prohibition.accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: dpoAndParticipant, roles: ['participant'], active: true }),
        expect.objectContaining({ userId: dpoOnly, active: false }),
        expect.objectContaining({ userId: operator, active: false }),
      ]),
    );
    // The person's name is judicial data: not in clear in the database.
    const stored = await world.db.adminDb
      .selectFrom('management_prohibitions')
      .select('person_name')
      .where('id', '=', prohibition.id)
      .executeTakeFirstOrThrow();
    expect(stored.person_name.toString('latin1')).not.toContain('Vermeulen');

    const refused = await setRoles(dpoAndParticipant, ['participant', 'dpo']);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: RULE, detail: expect.stringContaining(prohibition.endsOn) });
    expect((await userRow(dpoAndParticipant)).roles).toEqual(['participant']);
    // A role that manages nothing stays the operator's to give.
    const allowed = await setRoles(dpoAndParticipant, ['participant', 'organiser']);
    expect(allowed.statusCode, allowed.body).toBe(200);

    const events = await auditEventsSince(world, start);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'admin.user_roles_changed',
        outcome: 'denied',
        reason: 'management_prohibited',
        records: expect.arrayContaining([
          { type: 'user', id: dpoAndParticipant },
          { type: 'management_prohibition', id: prohibition.id },
          { type: 'role', id: 'dpo' },
        ]),
      }),
    );
    expect(
      events
        .filter((e) => e.reason === 'management_prohibition')
        .map((e) => e.action)
        .sort(),
    ).toEqual(['admin.user_deactivated', 'admin.user_deactivated', 'admin.user_roles_changed']);
    expect(JSON.stringify(events)).not.toContain('Vermeulen');
  });

  it('PEN-17 an end date beyond two years after the start is rejected naming the field, and nothing is recorded', async () => {
    const userId = await account('cpas', ['participant']);
    const before = await countRows(world.db.adminDb, 'management_prohibitions');
    const startsOn = today(world);
    const [year, rest] = [Number(startsOn.slice(0, 4)), startsOn.slice(4)];
    const tooLong = await world.request(
      world.people.operator,
      'POST',
      '/api/admin/management-prohibitions',
      prohibitionOrder(world, [userId], {
        endsOn: `${year + 2}${rest}`.replace(
          /-(\d\d)$/,
          (_, day) => `-${String(Number(day) + 1).padStart(2, '0')}`,
        ),
      }),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({
      rule: RULE,
      errors: [{ field: '/body/endsOn', message: expect.stringContaining('must end between') }],
    });
    const wrong = await world.request(
      world.people.operator,
      'POST',
      '/api/admin/management-prohibitions',
      prohibitionOrder(world, ['00000000-0000-4000-8000-000000000000'], {
        judgmentDate: startsOn,
        startsOn: '2020-01-01',
        endsOn: '2020-06-01',
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/startsOn',
      '/body/endsOn',
      '/body/userIds/0',
    ]);
    expect(await countRows(world.db.adminDb, 'management_prohibitions')).toBe(before);
    // Exactly two years is the maximum the court may order.
    await record([userId], { endsOn: `${year + 2}${rest}` });
    expect(await countRows(world.db.adminDb, 'management_prohibitions')).toBe(before + 1);
  });

  it('PEN-18 the audit query role assignments to prohibited persons returns only refused attempts', async () => {
    const userId = await account('cpas', ['participant']);
    // Before the court's prohibition was known, the person was made DPO: not a breach.
    expect((await setRoles(userId, ['participant', 'dpo'])).statusCode).toBe(200);
    world.clock.advanceMs(60_000);
    const prohibition = await record([userId]);
    expect((await userRow(userId)).roles).toEqual(['participant']);
    world.clock.advanceMs(60_000);
    expect((await setRoles(userId, ['dpo'])).statusCode).toBe(409);
    expect((await setRoles(userId, ['participant', 'dpo'])).statusCode).toBe(409);
    expect((await setRoles(userId, ['participant', 'organiser'])).statusCode).toBe(200);

    const attempts = await attemptsFor(prohibition.id);
    expect(attempts).toHaveLength(2);
    expect(
      attempts.every(
        (attempt) =>
          attempt.outcome === 'denied' && attempt.roles.includes('dpo') && attempt.userId === userId,
      ),
    ).toBe(true);
    // The others may not run it.
    expect(
      (
        await world.request(
          world.people.policeDpo,
          'GET',
          '/api/admin/management-prohibitions/role-assignment-attempts',
        )
      ).statusCode,
    ).toBe(403);
  });

  it('PEN-18 a managing role given to a prohibited account outside the console would show in the query as granted', async () => {
    const userId = await account('cpas', ['participant']);
    const prohibition = await record([userId]);
    // A change written past the identity service (e.g. by hand in the database, then logged).
    await inTransaction(world.db.appDb, (tx) =>
      createAuditLog({ clock: world.clock }).record(tx, {
        actor: {
          userId: world.people.operator.actor.userId,
          organisationId: world.org.host,
          role: 'operator',
        },
        action: 'admin.user_roles_changed',
        outcome: 'success',
        records: [
          { type: 'user', id: userId },
          { type: 'role', id: 'dpo' },
        ],
      }),
    );
    expect(await attemptsFor(prohibition.id)).toEqual([
      expect.objectContaining({ outcome: 'success', roles: ['dpo'], userId }),
    ]);
  });

  it('PEN-17 a prohibition recorded before it starts forbids the assignment at once and withdraws the roles held on its first day', async () => {
    const userId = await account('police', ['dpo']);
    const tomorrow = new Date(world.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const prohibition = await record([userId], { startsOn: tomorrow });
    expect(prohibition.running).toBe(false);
    expect(await userRow(userId)).toEqual({ roles: ['dpo'], active: true });
    const other = await account('cpas', ['participant']);
    const linked = await world.request(
      world.people.operator,
      'POST',
      `/api/admin/management-prohibitions/${prohibition.id}/accounts`,
      { userId: other },
    );
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await setRoles(other, ['dpo'])).statusCode).toBe(409);

    const deps = {
      db: world.db.appDb,
      prohibitions: createProhibitionsRepository(),
      audit: createAuditLog({ clock: world.clock }),
    };
    expect(await enforceRunningProhibitions(deps, world.clock.now())).toBe(0);
    world.clock.advanceMs(86_400_000);
    // A day passes: sessions do not outlive it, so the people sign in again.
    world.people.operator = await world.extraSession('operator');
    world.people.policeDpo = await world.extraSession('policeDpo');
    const start = await auditPosition(world);
    expect(await enforceRunningProhibitions(deps, world.clock.now())).toBe(1);
    expect(await userRow(userId)).toEqual({ roles: ['dpo'], active: false });
    expect(await auditEventsSince(world, start)).toContainEqual(
      expect.objectContaining({
        actor: { system: 'prohibition-enforcement' },
        action: 'system.prohibited_account_deactivated',
        records: [
          { type: 'user', id: userId },
          { type: 'management_prohibition', id: prohibition.id },
        ],
      }),
    );
    expect(await enforceRunningProhibitions(deps, world.clock.now())).toBe(0);
  });

  it('PEN-17 only the platform operator records a prohibition, and the refusal is audited', async () => {
    const start = await auditPosition(world);
    const res = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/admin/management-prohibitions',
      prohibitionOrder(world, [world.people.policeDpo.actor.userId]),
    );
    expect(res.statusCode).toBe(403);
    expect(await auditEventsSince(world, start)).toContainEqual(
      expect.objectContaining({
        action: 'admin.management_prohibition_recorded',
        outcome: 'denied',
        reason: 'not_platform_operator',
      }),
    );
    const listed = await world.request(world.people.operator, 'GET', '/api/admin/management-prohibitions');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().prohibitions.length).toBeGreaterThan(0);
  });
});
