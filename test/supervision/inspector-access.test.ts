/**
 * Inspector accounts of the Commission over HTTP on a real database (L1992 arts 32-33, 37, 39 13°;
 * SPEC SUP-03, PEN-14, PEN-22): the controller's DPO grants one the day the Commission asks; the
 * inspector sets its password through the single-use link, is shown the confidentiality duty, then
 * reads the controller's configuration, declarations, registers and audit metadata, read-only and
 * logged, never the content of a shared file; the account ends by itself (injected clock).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { closeEndedInspections } from '../../src/server/modules/supervision/inspector-access.service.js';
import { createSupervisionRepository } from '../../src/server/modules/supervision/supervision.repository.js';
import { type AccessWorld, createAccessWorld, type FixtureCase } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import { grantOf, inspectorGrant, signIn, supervisoryCaseOf } from '../support/supervision-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;
let kase: FixtureCase;

beforeAll(async () => {
  world = await createAccessWorld();
  // A police case with a person and an item: content the inspector must never be given.
  kase = await world.policeCaseWithRecords('in_consultation', { admitted: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Time passes: sessions do not outlive it (idle and absolute timeouts), so the people sign in again. */
async function timePasses(ms: number): Promise<void> {
  world.clock.advanceMs(ms);
  for (const name of ['policeDpo', 'cpasDpo', 'policeOfficer', 'operator'] as const)
    world.people[name] = await world.extraSession(name);
}

const closeEnded = () =>
  closeEndedInspections(
    {
      db: world.db.appDb,
      supervision: createSupervisionRepository(),
      audit: createAuditLog({ clock: world.clock }),
    },
    world.clock.now(),
  );

describe('inspector accounts', () => {
  it('SUP-03 PEN-14 a 5-day inspector account, granted the day the Commission asks, reads the controller read-only, every read logged, and expires by itself', async () => {
    const dpo = world.people.policeDpo;
    // The Commission's letter arrived this morning; the DPO grants the account within hours.
    const requestedAt = new Date(world.clock.now().getTime() - 2 * HOUR);
    const start = await auditPosition(world);
    const granted = await world.request(
      dpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { requestedAt: requestedAt.toISOString() }),
    );
    expect(granted.statusCode, granted.body).toBe(201);
    const { grant, invitation } = granted.json();
    expect(grant).toMatchObject({
      status: 'running',
      grantedSameDay: true,
      requestedAt: requestedAt.toISOString(),
      grantedAt: world.clock.now().toISOString(),
      validUntil: new Date(world.clock.now().getTime() + 5 * DAY).toISOString(),
      noticeAcknowledgedAt: null,
      inspector: { displayName: 'Sofie Lambrechts' },
    });
    // No mail server in the tests: the DPO hands the single-use link over.
    expect(invitation).toMatchObject({ delivery: 'dpo', link: expect.stringContaining('/invitation#') });
    const userId: string = grant.inspector.userId;
    const account = await world.db.adminDb
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ organisation_id: world.org.police, roles: ['inspector'], active: true });

    // PEN-14: the log shows the account granted the same day as the request.
    const grantedEvent = (await auditEventsSince(world, start)).find(
      (e) => e.action === 'admin.inspector_access_granted',
    )!;
    expect(grantedEvent).toMatchObject({
      outcome: 'success',
      actor: { userId: dpo.actor.userId, role: 'dpo' },
      records: expect.arrayContaining([
        { type: 'inspector_grant', id: grant.id },
        { type: 'user', id: userId },
      ]),
    });
    expect(brusselsDateOf(new Date((grantedEvent as unknown as { at: string }).at))).toBe(
      brusselsDateOf(requestedAt),
    );
    const listed = (await world.request(dpo, 'GET', '/api/supervision/inspector-grants')).json().grants;
    expect(listed).toContainEqual(
      expect.objectContaining({ id: grant.id, grantedSameDay: true, status: 'running' }),
    );

    // The inspector chooses a password with the link (then enrols a second factor at login, as everyone).
    const token = invitation.link.split('#')[1];
    const redeemed = await world.request(null, 'POST', '/api/invitations/redeem', {
      token,
      password: 'Inspectie ter plaatse maart 2026!',
    });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    const inspector = await signIn(world, userId);

    // PEN-22: nothing is read before the confidentiality duty is acknowledged.
    const early = await world.request(inspector, 'GET', '/api/inspection/export');
    expect(early.statusCode).toBe(403);
    const overview = await world.request(inspector, 'GET', '/api/inspection?language=nl');
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json()).toMatchObject({
      grantId: grant.id,
      controller: { id: world.org.police },
      noticeAcknowledgedAt: null,
    });
    const acknowledged = await world.request(inspector, 'POST', '/api/inspection/acknowledgement', {
      language: 'nl',
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json().noticeAcknowledgedAt).toBe(world.clock.now().toISOString());

    // The inspection export: configuration, declarations, registers, audit summary; no case content.
    const exported = await world.request(inspector, 'GET', '/api/inspection/export?language=nl');
    expect(exported.statusCode, exported.body).toBe(200);
    const body = exported.json();
    expect(body.controller).toMatchObject({
      id: world.org.police,
      legalName: expect.any(String),
      dpRegime: expect.any(String),
    });
    expect(body.configuration.frameworks).toContainEqual(expect.objectContaining({ id: world.frameworkId }));
    expect(body.configuration.accounts).toContainEqual(
      expect.objectContaining({ userId: dpo.actor.userId, roles: ['dpo'], mfaEnrolled: true }),
    );
    expect(body.configuration.accounts).toContainEqual(
      expect.objectContaining({ userId, roles: ['inspector'] }),
    );
    expect(body.registers.inspectorGrants).toContainEqual(
      expect.objectContaining({ id: grant.id, grantedSameDay: true }),
    );
    expect(body.auditLog.events).toBeGreaterThan(0);
    expect(body.confidentialityNotice.text).toContain('artikel 33');
    const text = exported.body;
    expect(text).not.toContain('Risico-inschatting');
    expect(text).not.toContain('Verbeke');
    expect(text).not.toContain('88.02.03');

    const page = await world.request(inspector, 'GET', '/api/inspection/audit-events?limit=1000');
    expect(page.statusCode, page.body).toBe(200);
    const events = page.json().events as { action: string; actor: { userId: string }; justified: boolean }[];
    expect(events).toContainEqual(expect.objectContaining({ action: 'admin.inspector_access_granted' }));
    expect(page.body).not.toContain('access matrix'); // no justification text, only whether one was given
    expect(events.some((event) => event.justified)).toBe(true);

    // Read-only: no write, no case, no rights desk.
    const attempts = [
      await world.request(inspector, 'POST', '/api/supervision/cases', {
        commissionReference: 'X',
        origin: 'other',
        openedOn: '2026-03-01',
        subject: 'x',
      }),
      await world.request(inspector, 'GET', '/api/supervision/cases'),
      await world.request(inspector, 'GET', '/api/cases'),
      await world.request(inspector, 'GET', '/api/rights-parts'),
      await world.request(inspector, 'GET', '/api/admin/users'),
    ];
    expect(attempts.map((res) => res.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect((await world.request(inspector, 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);

    // Every action of the inspector is in the log, refusals included.
    const logged = (await auditEventsSince(world, start)).filter((e) => e.actor.userId === userId);
    expect(logged.map((e) => `${e.action}:${e.outcome}:${e.reason ?? ''}`)).toEqual(
      expect.arrayContaining([
        'auth.invitation_redeemed:success:',
        'retrieve:denied:confidentiality_notice_unacknowledged',
        'consult:success:inspection_overview',
        'auth.confidentiality_notice_acknowledged:success:nl',
        'retrieve:success:inspection_export',
        'retrieve:success:inspection_audit_log',
        'record:denied:not_dpo',
        'consult:denied:no_case_role',
      ]),
    );
    expect(logged.every((e) => e.actor.role === 'inspector' || e.action.startsWith('auth.'))).toBe(true);

    // Five days later the access module refuses it (injected clock), then the daily job closes the account.
    await timePasses(5 * DAY);
    const later = await signIn(world, userId);
    const ended = await world.request(later, 'GET', '/api/inspection/export');
    expect(ended.statusCode).toBe(403);
    expect(ended.json()).toMatchObject({ rule: expect.stringContaining('time-limited') });
    expect((await world.request(later, 'GET', '/api/inspection')).statusCode).toBe(403);
    expect(await closeEnded()).toBe(1);
    expect((await world.request(later, 'GET', '/api/inspection')).statusCode).toBe(401);
    const closed = await world.db.adminDb
      .selectFrom('users')
      .select('active')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(closed.active).toBe(false);
    expect(await closeEnded()).toBe(0);
    const after = (
      await world.request(world.people.policeDpo, 'GET', '/api/supervision/inspector-grants')
    ).json().grants;
    expect(after).toContainEqual(expect.objectContaining({ id: grant.id, status: 'ended' }));
  });

  it('PEN-22 the inspector is shown the confidentiality duty of art. 33 in its language when it signs in', async () => {
    const { userId } = await grantOf(world);
    const inspector = await signIn(world, userId);
    const expected = { fr: "l'article 33", nl: 'artikel 33', de: 'Artikel 33', en: 'article 33' } as const;
    for (const [language, words] of Object.entries(expected)) {
      const res = await world.request(inspector, 'GET', `/api/inspection?language=${language}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().confidentialityNotice).toMatchObject({
        language,
        rule: 'L1992 art. 33; art. 37 (SPEC PEN-22)',
      });
      expect(res.json().confidentialityNotice.text).toContain(words);
    }
    const refused = await world.request(inspector, 'GET', '/api/inspection/audit-events');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toContain('art. 33');
  });

  it('SUP-03 the DPO ends an inspector account early: its sessions end at once; a later inspection reopens it', async () => {
    const { grantId, userId } = await grantOf(world);
    const inspector = await signIn(world, userId);
    expect((await world.request(inspector, 'GET', '/api/inspection')).statusCode).toBe(200);
    // Another controller's DPO does not know the grant.
    expect(
      (
        await world.request(
          world.people.cpasDpo,
          'POST',
          `/api/supervision/inspector-grants/${grantId}/revocation`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await world.request(world.people.cpasDpo, 'GET', '/api/supervision/inspector-grants')).json().grants,
    ).toEqual([]);
    const revoked = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/supervision/inspector-grants/${grantId}/revocation`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: world.clock.now().toISOString() });
    expect((await world.request(inspector, 'GET', '/api/inspection')).statusCode).toBe(401);
    expect(
      (
        await world.request(
          world.people.policeDpo,
          'POST',
          `/api/supervision/inspector-grants/${grantId}/revocation`,
        )
      ).statusCode,
    ).toBe(409);

    // The same inspector, for a new inspection: its account is reopened, not duplicated.
    const email = (
      await world.db.adminDb
        .selectFrom('users')
        .select('email')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).email;
    const again = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { inspector: { displayName: 'Sofie Lambrechts', email } }),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().grant.inspector.userId).toBe(userId);
    const reopened = await signIn(world, userId);
    expect((await world.request(reopened, 'GET', '/api/inspection')).json().grantId).toBe(
      again.json().grant.id,
    );
    // While it runs, the address is not granted twice.
    const twice = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { inspector: { displayName: 'Sofie Lambrechts', email } }),
    );
    expect(twice.json().errors).toEqual([
      { field: '/body/inspector/email', message: 'has an inspector account running already' },
    ]);
  });

  it('SUP-03 bad input is refused whole, naming each field, and makes no account; only the DPO grants', async () => {
    const grants = await countRows(world.db.adminDb, 'inspector_grants');
    const users = await countRows(world.db.adminDb, 'users');
    const future = new Date(world.clock.now().getTime() + HOUR).toISOString();
    const taken = (
      await world.db.adminDb
        .selectFrom('users')
        .select('email')
        .where('id', '=', world.people.policeOfficer.actor.userId)
        .executeTakeFirstOrThrow()
    ).email;
    const res = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { requestedAt: future, inspector: { displayName: 'Inspectie', email: taken } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/inspector/displayName',
      '/body/requestedAt',
      '/body/inspector/email',
    ]);
    const inUse = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { inspector: { displayName: 'Sofie Lambrechts', email: taken } }),
    );
    expect(inUse.json().errors).toEqual([{ field: '/body/inspector/email', message: 'is already in use' }]);
    expect(
      (
        await world.request(
          world.people.policeDpo,
          'POST',
          '/api/supervision/inspector-grants',
          inspectorGrant(world, { days: 91 }),
        )
      ).statusCode,
    ).toBe(400);
    const caseId = await supervisoryCaseOf(world, world.people.cpasDpo);
    const foreign = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/supervision/inspector-grants',
      inspectorGrant(world, { supervisoryCaseId: caseId }),
    );
    expect(foreign.json().errors).toEqual([
      { field: '/body/supervisoryCaseId', message: 'is not a supervisory case of this controller' },
    ]);
    expect(
      (
        await world.request(
          world.people.policeOfficer,
          'POST',
          '/api/supervision/inspector-grants',
          inspectorGrant(world),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await world.request(
          world.people.operator,
          'POST',
          '/api/supervision/inspector-grants',
          inspectorGrant(world),
        )
      ).statusCode,
    ).toBe(403);
    // The operator never makes an inspector: the role is not one it assigns.
    const operator = await world.request(world.people.operator, 'POST', '/api/admin/users', {
      organisationId: world.org.police,
      email: 'someone.else@politie.example',
      displayName: 'Tom Peeters',
      roles: ['inspector'],
    });
    expect(operator.statusCode).toBe(400);
    expect(await countRows(world.db.adminDb, 'inspector_grants')).toBe(grants);
    expect(await countRows(world.db.adminDb, 'users')).toBe(users);
  });

  it('SUP-03 row-level security holds the inspector’s account to its controller’s registers, and to no case record', async () => {
    const policeCase = await supervisoryCaseOf(world);
    const cpasCase = await supervisoryCaseOf(world, world.people.cpasDpo);
    const { userId } = await grantOf(world);
    // Raw SQL as the runtime role, acting as the inspector: the second net under the access module.
    const seen = await world.db.appDb.transaction().execute(async (tx) => {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true)`.execute(tx);
      return {
        cases: (await tx.selectFrom('supervisory_cases').select('id').execute()).map((row) => row.id),
        entries: await tx.selectFrom('supervisory_entries').select('id').execute(),
        grants: (await tx.selectFrom('inspector_grants').select('controller_organisation_id').execute()).map(
          (row) => row.controller_organisation_id,
        ),
        items: await tx.selectFrom('items').select('id').execute(),
        persons: await tx.selectFrom('persons').select('id').execute(),
      };
    });
    expect(seen.cases).toContain(policeCase);
    expect(seen.cases).not.toContain(cpasCase);
    expect(seen.entries).toEqual([]);
    expect(new Set(seen.grants)).toEqual(new Set([world.org.police]));
    expect(seen.items).toEqual([]);
    expect(seen.persons).toEqual([]);
  });

  it('SUP-03 the operator may not turn an inspector account into another role', async () => {
    const { userId } = await grantOf(world);
    const res = await world.request(world.people.operator, 'PUT', `/api/admin/users/${userId}/roles`, {
      roles: ['participant'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      rule: 'L1992 art. 32 §1 (SPEC SUP-03)',
      errors: [{ field: '/body/roles' }],
    });
  });
});
