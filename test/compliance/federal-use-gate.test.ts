/**
 * SPEC SCO-08 over HTTP: the operator console onboards no federal participant (police, federal
 * service, prosecutor's office) while the instance's federal-use compliance gate is red, and says
 * why in the RFC 9457 problem; the gate turns green once its four conditions hold.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICE_ZONE } from '../../src/server/modules/identity/identity-fixtures.js';
import { type ApiTestApp, createApiTestApp, type Session } from '../support/api-test-app.js';
import { activeFramework, recordPlanReview } from '../support/compliance-steps.js';

let t: ApiTestApp;
let operator: Session;
const TABLES = ['organisations', 'users'] as const;
const DAY_MS = 86_400_000;

const policeUser = (n: number) => ({
  organisationId: t.policeId,
  email: `inspecteur.${n}@politiezone.example`,
  displayName: 'Karel Wouters',
  roles: ['participant'],
});
const policeZone = (n: number) => ({
  ...POLICE_ZONE,
  legalName: `Politiezone ${n}`,
  enterpriseNumber: ['0202239951', '0207.437.468', '0216.618.024'][n]!,
});

beforeAll(async () => {
  t = await createApiTestApp();
  operator = await t.signedIn(t.hostId, ['operator']);
});
afterAll(async () => {
  await t.close();
});

const asOperator = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.call(operator, method, url, payload);

describe('the federal-use compliance gate (SPEC SCO-08)', () => {
  it('SCO-08 on an instance without a retention period, onboarding a police user is refused with the gate status, changing nothing', async () => {
    const gate = await asOperator('GET', '/api/compliance/federal-use-gate');
    expect(gate.statusCode).toBe(200);
    expect(gate.json()).toMatchObject({
      status: 'red',
      federalKinds: ['police_service', 'federal_service', 'judicial_authority'],
    });
    const conditions = Object.fromEntries(
      (gate.json().conditions as { key: string; met: boolean }[]).map((c) => [c.key, c.met]),
    );
    expect(conditions).toEqual({
      max_retention_set: false,
      access_management_active: true,
      security_plan_documented: false,
      controller_attribution_active: true,
    });

    const before = await t.snapshot(TABLES);
    const from = await t.auditCount();
    const user = await asOperator('POST', '/api/admin/users', policeUser(1));
    expect(user.statusCode).toBe(409);
    expect(user.headers['content-type']).toContain('application/problem+json');
    const problem = user.json();
    expect(problem).toMatchObject({ code: 'conflict', rule: expect.stringContaining('SCO-08') });
    expect(problem.detail).toContain('federal-use compliance gate is red');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      '/federalUseGate/max_retention_set',
      '/federalUseGate/security_plan_documented',
    ]);
    expect(problem.errors[0].message).toContain('no active framework sets a maximum retention');
    // The refused onboarding stays in the audit log, without the refused person's name.
    expect(await t.eventsSince(from)).toEqual([
      expect.objectContaining({
        action: 'admin.user_created',
        outcome: 'denied',
        reason: 'federal_use_gate_red',
        records: [{ type: 'organisation', id: t.policeId }],
      }),
    ]);
    const organisation = await asOperator('POST', '/api/admin/organisations', policeZone(0));
    expect(organisation.statusCode).toBe(409);
    // An agency of a federated entity is no federal participant: the gate does not hold it back.
    const agencyUser = await asOperator('POST', '/api/admin/users', {
      organisationId: t.agencyId,
      email: 'els.maes@opgroeien.example',
      displayName: 'Els Maes',
      roles: ['participant'],
    });
    expect(agencyUser.statusCode).toBe(201);
    // Turning it into a police service would onboard a federal participant: refused as well.
    const turned = await asOperator('PATCH', `/api/admin/organisations/${t.agencyId}`, {
      kind: 'police_service',
      dpRegime: 'law2018_title2',
    });
    expect(turned.statusCode).toBe(409);
    const after = JSON.parse(await t.snapshot(TABLES)) as [string, string[]][];
    const users = after.find(([table]) => table === 'users')![1];
    expect(users.filter((row) => row.includes('politiezone.example'))).toEqual([]);
    expect(after.find(([table]) => table === 'organisations')![1]).toEqual(
      (JSON.parse(before) as [string, string[]][]).find(([table]) => table === 'organisations')![1],
    );
  });

  it('SCO-08 turns green with an active framework that sets a maximum retention and a reviewed security plan, and then onboards the police', async () => {
    await activeFramework(t.db.adminDb, {
      organiserId: t.agencyId,
      participantIds: [t.agencyId],
      by: operator.account.userId,
      at: t.clock.now(),
    });
    const halfway = await asOperator('POST', '/api/admin/users', policeUser(2));
    expect(halfway.statusCode).toBe(409);
    expect(halfway.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/federalUseGate/security_plan_documented',
    ]);

    await recordPlanReview(asOperator, '2025-05-20');
    const gate = await asOperator('GET', '/api/compliance/federal-use-gate');
    expect(gate.json().status).toBe('green');
    expect(gate.json().conditions.every((c: { met: boolean }) => c.met)).toBe(true);

    const user = await asOperator('POST', '/api/admin/users', policeUser(3));
    expect(user.statusCode).toBe(201);
    const organisation = await asOperator('POST', '/api/admin/organisations', policeZone(1));
    expect(organisation.statusCode).toBe(201);
  });

  it('SCO-08 SEC-03 a plan review older than 12 months turns the gate red again', async () => {
    // The review of 2025-05-20 counts until the end of 2026-05-20 (Brussels time).
    t.clock.set('2026-05-20T21:00:00Z');
    operator = await t.signIn(operator.account);
    expect((await asOperator('GET', '/api/compliance/federal-use-gate')).json().status).toBe('green');
    t.clock.advanceMs(DAY_MS);
    operator = await t.signIn(operator.account);
    const gate = await asOperator('GET', '/api/compliance/federal-use-gate');
    expect(gate.json().status).toBe('red');
    const plan = gate.json().conditions.find((c: { key: string }) => c.key === 'security_plan_documented');
    expect(plan).toMatchObject({ met: false, detail: expect.stringContaining('due again on 2026-05-20') });
    const refused = await asOperator('POST', '/api/admin/organisations', policeZone(2));
    expect(refused.statusCode).toBe(409);
    await recordPlanReview(asOperator, '2026-05-21');
    expect((await asOperator('GET', '/api/compliance/federal-use-gate')).json().status).toBe('green');
  });

  it('SCO-08 SEC-01 FIL-02 a shared mailbox account or a disabled attribution trigger turns the gate red', async () => {
    // An account created outside the console's rules (a legacy import) breaks SEC-01.
    const shared = await t.db.adminDb
      .insertInto('users')
      .values({
        organisation_id: t.agencyId,
        email: 'info@opgroeien.example',
        display_name: 'Secretariaat',
        roles: ['participant'],
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const access = (await asOperator('GET', '/api/compliance/federal-use-gate')).json();
    expect(access.status).toBe('red');
    expect(
      access.conditions.find((c: { key: string }) => c.key === 'access_management_active'),
    ).toMatchObject({
      met: false,
      detail: '1 active accounts are shared mailboxes',
    });
    await t.db.adminDb
      .updateTable('users')
      .set({ active: false, deactivated_at: t.clock.now() })
      .where('id', '=', shared.id)
      .execute();

    await sql`ALTER TABLE items DISABLE TRIGGER items_controller_immutable`.execute(t.db.adminDb);
    try {
      const attribution = (await asOperator('GET', '/api/compliance/federal-use-gate')).json();
      expect(
        attribution.conditions.find((c: { key: string }) => c.key === 'controller_attribution_active'),
      ).toMatchObject({
        met: false,
        detail: 'missing or disabled: items_controller_immutable',
      });
    } finally {
      await sql`ALTER TABLE items ENABLE TRIGGER items_controller_immutable`.execute(t.db.adminDb);
    }
    const restored = (await asOperator('GET', '/api/compliance/federal-use-gate')).json();
    const met = (key: string) => restored.conditions.find((c: { key: string }) => c.key === key).met;
    expect([met('access_management_active'), met('controller_attribution_active')]).toEqual([true, true]);
  });

  it('SCO-08 only the operator and the DPOs read the gate; a participant is refused 403, audited', async () => {
    const dpo = await t.signedIn(t.policeId, ['dpo']);
    expect((await t.call(dpo, 'GET', '/api/compliance/federal-use-gate')).statusCode).toBe(200);
    const member = await t.signedIn(t.agencyId, ['participant']);
    const from = await t.auditCount();
    const refused = await t.call(member, 'GET', '/api/compliance/federal-use-gate');
    expect(refused.statusCode).toBe(403);
    expect(await t.eventsSince(from)).toEqual([
      expect.objectContaining({
        action: 'admin.federal_use_gate_viewed',
        outcome: 'denied',
        reason: 'not_compliance_reader',
      }),
    ]);
  });
});
