import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp, type Session } from '../../../../test/support/api-test-app.js';
import { openForFederalUse } from '../../../../test/support/compliance-steps.js';
import type { UserRole } from '../../../contracts/identity.js';
import type { DB } from '../../db/schema.js';
import { POLICE_ZONE, WELFARE_AGENCY } from './identity-fixtures.js';

let t: ApiTestApp;
let operator: Session;

const TABLES: (keyof DB)[] = ['organisations', 'users', 'user_credentials', 'invitations'];
const NOT_OPERATOR: UserRole[][] = [
  ['organiser'],
  ['participant'],
  ['prosecutor'],
  ['dpo'],
  ['representative'],
];

beforeAll(async () => {
  t = await createApiTestApp();
  operator = await t.signedIn(t.hostId, ['operator']);
  // SPEC SCO-08: the police zone is onboarded on an instance whose federal-use gate is green.
  await openForFederalUse(t);
});
afterAll(async () => {
  await t.close();
});

const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
/** Role changes and deactivation need a second factor proven within 5 minutes: sign the operator in again. */
async function freshOperator(): Promise<Session> {
  operator = await t.signIn(operator.account);
  return operator;
}

/** Every console route, with a body that would succeed for the operator. */
function consoleRoutes(userId: string, organisationId: string) {
  return [
    ['GET', '/api/admin/organisations', undefined],
    ['POST', '/api/admin/organisations', { ...WELFARE_AGENCY, legalName: 'OCMW Brugge' }],
    ['GET', `/api/admin/organisations/${organisationId}`, undefined],
    ['PATCH', `/api/admin/organisations/${organisationId}`, { rightsContact: 'rights@pz.example' }],
    ['GET', `/api/admin/users?organisationId=${organisationId}`, undefined],
    [
      'POST',
      '/api/admin/users',
      {
        organisationId,
        email: `${randomUUID().slice(0, 6)}@pz.example`,
        displayName: 'Lies Peeters',
        roles: ['participant'],
      },
    ],
    ['GET', `/api/admin/users/${userId}`, undefined],
    ['PUT', `/api/admin/users/${userId}/roles`, { roles: ['organiser'] }],
    ['POST', `/api/admin/users/${userId}/deactivate`, undefined],
    ['POST', `/api/admin/users/${userId}/invitation`, { language: 'fr' }],
    [
      'POST',
      '/api/admin/undertakings',
      { kind: 'consultation_secrecy', texts: { fr: 'a', nl: 'b', de: 'c', en: 'd' } },
    ],
  ] as const;
}

describe('organisations over HTTP (operator console)', () => {
  it('SCO-01 SCO-05 SCO-07 ROL-10 ROL-12 the operator registers, reads, lists and edits an organisation, each step audited', async () => {
    const from = await t.auditCount();
    const created = await t.call(operator, 'POST', '/api/admin/organisations', {
      ...POLICE_ZONE,
      legalName: 'Politiezone Brussel-Noord',
      enterpriseNumber: '0202239951',
    });
    expect(created.statusCode).toBe(201);
    const organisation = created.json();
    // SCO-01 derived from the kind; SCO-05 basis, SCO-07 regime, ROL-10 identity, ROL-12 DPO as stored.
    expect(organisation).toMatchObject({
      kind: 'police_service',
      bill0485Applies: true,
      dpRegime: 'law2018_title2',
      legalMission: POLICE_ZONE.legalMission,
      enterpriseNumber: '0202.239.951',
      dpo: POLICE_ZONE.dpo,
      active: true,
    });

    const read = await t.call(operator, 'GET', `/api/admin/organisations/${organisation.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(organisation);
    const list = await t.call(operator, 'GET', '/api/admin/organisations');
    expect(list.statusCode).toBe(200);
    expect(list.json().organisations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([t.hostId, t.policeId, t.agencyId, organisation.id]),
    );

    const patched = await t.call(operator, 'PATCH', `/api/admin/organisations/${organisation.id}`, {
      kind: 'administrative_authority',
      dpRegime: 'gdpr',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      kind: 'administrative_authority',
      dpRegime: 'gdpr',
      bill0485Applies: true,
    });

    const events = await t.eventsSince(from);
    expect(events.map((e) => [e.action, e.outcome, e.actor.userId])).toEqual([
      ['admin.organisation_created', 'success', operator.account.userId],
      ['admin.organisation_viewed', 'success', operator.account.userId],
      ['admin.organisations_listed', 'success', operator.account.userId],
      ['admin.organisation_updated', 'success', operator.account.userId],
    ]);
    // The update names the changed fields, never their values.
    expect(events[3]!.records).toEqual([
      { type: 'organisation', id: organisation.id },
      { type: 'changed_field', id: 'kind' },
      { type: 'changed_field', id: 'dpRegime' },
    ]);
  });

  it('SCO-05 SCO-07 refuses a bad organisation whole, naming each field, and changes nothing', async () => {
    const before = await t.snapshot(TABLES);
    const badShape = await t.call(operator, 'POST', '/api/admin/organisations', {
      ...WELFARE_AGENCY,
      dpRegime: 'gdpr2',
      colour: 'blue',
    });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.headers['content-type']).toContain('application/problem+json');
    expect(fields(badShape.json()).sort()).toEqual(['/body/colour', '/body/dpRegime']);

    // A participant without a legal-mission basis (SCO-05) and a KBO number with wrong check digits.
    const badRules = await t.call(operator, 'POST', '/api/admin/organisations', {
      ...WELFARE_AGENCY,
      legalMission: null,
      enterpriseNumber: '0216.222.404',
    });
    expect(badRules.statusCode).toBe(400);
    expect(fields(badRules.json()).sort()).toEqual(['/body/enterpriseNumber', '/body/legalMission']);

    const emptyPatch = await t.call(operator, 'PATCH', `/api/admin/organisations/${t.policeId}`, {});
    expect(emptyPatch.statusCode).toBe(400);
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('answers 404 for an unknown organisation or user, and 400 naming a malformed id', async () => {
    await freshOperator();
    const unknown = randomUUID();
    for (const [method, url, body] of [
      ['GET', `/api/admin/organisations/${unknown}`, undefined],
      ['PATCH', `/api/admin/organisations/${unknown}`, { rightsContact: 'x@y.example' }],
      ['GET', `/api/admin/users/${unknown}`, undefined],
      ['PUT', `/api/admin/users/${unknown}/roles`, { roles: ['participant'] }],
      ['POST', `/api/admin/users/${unknown}/deactivate`, undefined],
    ] as const) {
      const res = await t.call(operator, method, url, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const malformed = await t.call(operator, 'GET', '/api/admin/users/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(fields(malformed.json())).toEqual(['/params/userId']);
    const badQuery = await t.call(operator, 'GET', '/api/admin/users?organisationId=42');
    expect(badQuery.statusCode).toBe(400);
    expect(fields(badQuery.json())).toEqual(['/querystring/organisationId']);
  });
});

describe('users over HTTP (operator console)', () => {
  it('SEC-01 creates named users only, lists them per organisation and reads one', async () => {
    const created = await t.call(operator, 'POST', '/api/admin/users', {
      organisationId: t.agencyId,
      email: 'Sofie.Claes@Opgroeien.example',
      displayName: 'Sofie Claes',
      roles: ['participant', 'dpo'],
      healthProfessional: true,
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      organisationId: t.agencyId,
      email: 'sofie.claes@opgroeien.example',
      roles: ['participant', 'dpo'],
      healthProfessional: true,
      active: true,
      deactivatedAt: null,
    });

    const before = await t.snapshot(TABLES);
    const generic = await t.call(operator, 'POST', '/api/admin/users', {
      organisationId: t.agencyId,
      email: 'info@opgroeien.example',
      displayName: 'Secretariaat',
      roles: ['participant'],
    });
    expect(generic.statusCode).toBe(400);
    expect(fields(generic.json()).sort()).toEqual(['/body/displayName', '/body/email']);
    const operatorInAgency = await t.call(operator, 'POST', '/api/admin/users', {
      organisationId: t.agencyId,
      email: 'jan.peeters@opgroeien.example',
      displayName: 'Jan Peeters',
      roles: ['operator'],
    });
    expect(operatorInAgency.statusCode).toBe(400);
    expect(fields(operatorInAgency.json())).toEqual(['/body/roles']);
    expect(await t.snapshot(TABLES)).toBe(before);

    const agencyUsers = await t.call(operator, 'GET', `/api/admin/users?organisationId=${t.agencyId}`);
    expect(agencyUsers.statusCode).toBe(200);
    const listed = agencyUsers.json().users as { id: string; organisationId: string }[];
    expect(listed.map((u) => u.id)).toContain(user.id);
    expect(listed.every((u) => u.organisationId === t.agencyId)).toBe(true);
    const everyone = await t.call(operator, 'GET', '/api/admin/users');
    expect(everyone.json().users.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([user.id, operator.account.userId]),
    );
    const one = await t.call(operator, 'GET', `/api/admin/users/${user.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(user);
  });

  it('SEC-01 a role change over HTTP ends the user’s open sessions and is audited with the new roles', async () => {
    const member = await t.signedIn(t.policeId, ['participant']);
    expect((await t.call(member, 'GET', '/api/session')).statusCode).toBe(200);
    await freshOperator();
    const from = await t.auditCount();
    const changed = await t.call(operator, 'PUT', `/api/admin/users/${member.account.userId}/roles`, {
      roles: ['organiser', 'participant'],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ roles: ['organiser', 'participant'], sessionEpoch: 1 });
    const after = await t.call(member, 'GET', '/api/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toBe('The session has ended');
    const [event] = await t.eventsSince(from);
    expect(event).toMatchObject({ action: 'admin.user_roles_changed', outcome: 'success' });
    expect(event!.records).toEqual([
      { type: 'user', id: member.account.userId },
      { type: 'role', id: 'organiser' },
      { type: 'role', id: 'participant' },
    ]);
    // A new login carries the new roles.
    const again = await t.signIn(member.account);
    expect((await t.call(again, 'GET', '/api/session')).json().roles).toEqual(['organiser', 'participant']);
  });

  it('SEC-01 deactivating over HTTP ends every session of the user at once and keeps the account', async () => {
    const leaver = await t.account(t.policeId, ['participant']);
    const first = await t.signIn(leaver);
    const second = await t.signIn(leaver);
    await freshOperator();
    const res = await t.call(operator, 'POST', `/api/admin/users/${leaver.userId}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: leaver.userId, active: false, deactivatedAt: expect.any(String) });
    for (const session of [first, second])
      expect((await t.call(session, 'GET', '/api/session')).statusCode).toBe(401);
    // Deactivated, not deleted (SPEC PEN-19): still readable, no longer changeable.
    expect((await t.call(operator, 'GET', `/api/admin/users/${leaver.userId}`)).json().active).toBe(false);
    const roles = await t.call(operator, 'PUT', `/api/admin/users/${leaver.userId}/roles`, {
      roles: ['organiser'],
    });
    expect(roles.statusCode).toBe(409);
  });

  it('refuses a bad roles body whole, naming the field, and keeps the operator role to the host', async () => {
    const member = await t.account(t.policeId, ['participant']);
    await freshOperator();
    const before = await t.snapshot(TABLES);
    for (const [body, field] of [
      [{ roles: [] }, '/body/roles'],
      [{ roles: ['participant', 'participant'] }, '/body/roles'],
      [{ roles: ['boss'] }, '/body/roles/0'],
      [{ roles: ['operator'] }, '/body/roles'],
      [{ roles: ['participant'], why: 'x' }, '/body/why'],
    ] as const) {
      const res = await t.call(operator, 'PUT', `/api/admin/users/${member.userId}/roles`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res.json()), JSON.stringify(body)).toEqual([field]);
    }
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});

describe('who may use the console', () => {
  it('SEC-01 asks the operator for a second factor proven within 5 minutes before a role change or a deactivation', async () => {
    const member = await t.account(t.policeId, ['participant']);
    const stale = await freshOperator();
    t.clock.advanceMs(5 * 60_000 + 1_000);
    // Still signed in (idle for less than 15 minutes), but the second factor is no longer fresh.
    expect((await t.call(stale, 'GET', `/api/admin/users/${member.userId}`)).statusCode).toBe(200);
    const before = await t.snapshot(TABLES);
    for (const [method, url, body] of [
      ['PUT', `/api/admin/users/${member.userId}/roles`, { roles: ['organiser'] }],
      ['POST', `/api/admin/users/${member.userId}/deactivate`, undefined],
    ] as const) {
      const res = await t.call(stale, method, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('mfa_required');
    }
    expect(await t.snapshot(TABLES)).toBe(before);
    const renewed = await freshOperator();
    expect(
      (await t.call(renewed, 'PUT', `/api/admin/users/${member.userId}/roles`, { roles: ['organiser'] }))
        .statusCode,
    ).toBe(200);
  });

  it.each(NOT_OPERATOR)(
    'refuses a %s every console route with 403, audits each refusal as denied, and changes nothing',
    async (role) => {
      const member = await t.account(t.policeId, ['participant']);
      const caller = await t.signedIn(t.policeId, [role]);
      const before = await t.snapshot([...TABLES, 'undertaking_versions']);
      const from = await t.auditCount();
      const routes = consoleRoutes(member.userId, t.policeId);
      for (const [method, url, body] of routes) {
        const res = await t.call(caller, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
      expect(await t.snapshot([...TABLES, 'undertaking_versions'])).toBe(before);
      const events = await t.eventsSince(from);
      expect(events).toHaveLength(routes.length);
      for (const event of events) {
        expect(event).toMatchObject({ outcome: 'denied', reason: 'not_platform_operator' });
        expect(event.actor).toMatchObject({ userId: caller.account.userId, role });
      }
    },
  );

  it('answers 401 to every console route without a session, and 403 to a change without the CSRF token', async () => {
    const member = await t.account(t.policeId, ['participant']);
    const before = await t.snapshot(TABLES);
    for (const [method, url, body] of consoleRoutes(member.userId, t.policeId)) {
      const res = await t.call(undefined, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
      if (method !== 'GET') {
        const noCsrf = await t.call(operator, method, url, body, { csrf: false });
        expect(noCsrf.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('documents each route of issue 3 scope 1, 2, 5 and 6 with its operationId, summary and tag', async () => {
    const spec = (await t.call(undefined, 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>>;
    };
    const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods));
    const documented = new Map(operations.map((op) => [op.operationId, op]));
    for (const id of [
      'listOrganisations',
      'createOrganisation',
      'getOrganisation',
      'updateOrganisation',
      'listUsers',
      'createUser',
      'getUser',
      'changeUserRoles',
      'deactivateUser',
      'inviteUser',
      'redeemInvitation',
      'publishUndertakingVersion',
      'getUndertaking',
      'acceptUndertaking',
      'listRepresentations',
      'designateRepresentative',
      'getRepresentation',
      'acceptRepresentativeUndertaking',
      'endRepresentation',
      'recordBriefing',
      'recordDebriefing',
      'acknowledgeDebriefSecrecy',
    ]) {
      const op = documented.get(id);
      expect(op, id).toBeDefined();
      expect(op!.summary, id).toBeTruthy();
      expect(op!.tags?.length, id).toBeGreaterThan(0);
    }
  });
});
