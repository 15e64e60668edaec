/**
 * SPEC SCO-12 and SEC-03 over HTTP: each controller's compliance dashboard (purposes, lawful
 * grounds, retention, open and overdue rights requests, the instance's security evidence), read
 * by its DPO and its named compliance owner; the instance's plan reviews and restore tests
 * recorded by the operator or a DPO.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../src/contracts/compliance.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { planReview } from '../support/compliance-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

interface Indicator {
  key: string;
  status: string;
  figures: Record<string, unknown>;
  link: string;
  rule: string;
}
const indicatorOf = (body: { indicators: Indicator[] }, key: string): Indicator =>
  body.indicators.find((indicator) => indicator.key === key)!;

const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const accessRequest = () => ({
  kind: 'access',
  channel: 'post',
  receivedAt: world.clock.now().toISOString(),
  datedOn: '2026-03-01',
  signed: true,
  language: 'nl',
  requester: { name: 'Peeters Jan', birthDate: '1970-05-05', address: 'Veldstraat 1, 9000 Gent' },
  text: 'Welke gegevens verwerkt u over mij?',
  document: { mediaType: 'application/pdf', contentBase64: PDF_BASE64 },
  identity: { method: 'in_person' },
});

describe('the security evidence of the instance (SPEC SEC-03)', () => {
  it('SEC-03 evidence of a restore test and a plan review dated within the last 12 months is available in the compliance dashboard', async () => {
    const { operator, policeDpo } = world.people;
    // The world's operator reviewed the plan today (test/support/access-world.ts); the host restores a backup.
    const from = await countRows(world.db.adminDb, 'audit_events');
    const restore = await world.request(operator, 'POST', '/api/compliance/restore-tests', {
      testedOn: '2026-03-01',
      outcome: 'succeeded',
      reference: 'Restore of the backup of 2026-02-28 into an empty database, report OPS-2026-117',
    });
    expect(restore.statusCode, restore.body).toBe(201);
    expect(restore.json()).toMatchObject({
      status: { current: true, dueOn: '2027-03-01' },
      restoreTests: [
        {
          testedOn: '2026-03-01',
          outcome: 'succeeded',
          recordedBy: { organisation: { id: world.org.host } },
        },
      ],
    });
    const events = await world.db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .where('position', '>=', from)
      .orderBy('position')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      expect.objectContaining({
        action: 'admin.restore_test_recorded',
        outcome: 'success',
        records: [{ type: 'restore_test', id: restore.json().restoreTests[0].id }],
      }),
    ]);

    const reviews = await world.request(policeDpo, 'GET', '/api/compliance/security-plan-reviews');
    expect(reviews.statusCode).toBe(200);
    expect(reviews.json().status).toMatchObject({ current: true, dueOn: '2027-03-02' });

    const dashboard = await world.request(policeDpo, 'GET', '/api/compliance/dashboard');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(indicatorOf(dashboard.json(), 'security_plan')).toMatchObject({
      status: 'green',
      figures: { planVersion: '2', reviewedOn: '2026-03-02', dueOn: '2027-03-02' },
      link: '/api/compliance/security-plan-reviews',
    });
    expect(indicatorOf(dashboard.json(), 'restore_test')).toMatchObject({
      status: 'green',
      figures: { lastSucceededOn: '2026-03-01', lastOutcome: 'succeeded', dueOn: '2027-03-01' },
    });

    // A DPO who witnessed a later, failed attempt records it: the evidence stands, the indicator turns amber.
    const failed = await world.request(policeDpo, 'POST', '/api/compliance/restore-tests', {
      testedOn: '2026-03-02',
      outcome: 'failed',
      reference: 'OPS-2026-121: the key provider backup was missing',
    });
    expect(failed.statusCode).toBe(201);
    const after = await world.request(policeDpo, 'GET', '/api/compliance/dashboard');
    expect(indicatorOf(after.json(), 'restore_test')).toMatchObject({
      status: 'amber',
      figures: { lastSucceededOn: '2026-03-01', lastTestedOn: '2026-03-02', lastOutcome: 'failed' },
    });
  });

  it('SEC-03 refuses a review that leaves out an area, is dated tomorrow or names no significant change, naming each field and changing nothing', async () => {
    const { operator, socialWorker } = world.people;
    const before = await countRows(world.db.adminDb, 'security_plan_reviews');
    const bad = await world.request(operator, 'POST', '/api/compliance/security-plan-reviews', {
      ...planReview('2026-03-03'),
      occasion: 'significant_change',
      areas: ['encryption', 'backup_restore', 'tenant_segregation'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/reviewedOn',
      '/body/areas',
      '/body/changeDescription',
    ]);
    expect(bad.json().rule).toContain('SEC-03');
    const shape = await world.request(operator, 'POST', '/api/compliance/restore-tests', {
      testedOn: 'yesterday',
      outcome: 'maybe',
      reference: '',
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['/body/outcome', '/body/reference', '/body/testedOn']);
    // A participant keeps no instance evidence (403), audited.
    const refused = await world.request(
      socialWorker,
      'POST',
      '/api/compliance/security-plan-reviews',
      planReview('2026-03-02'),
    );
    expect(refused.statusCode).toBe(403);
    expect(await countRows(world.db.adminDb, 'security_plan_reviews')).toBe(before);
  });
});

describe('the compliance dashboard of a controller (SPEC SCO-12)', () => {
  it('SCO-12 the DPO designates the account of the named compliance owner, who then reads the dashboard; others are refused', async () => {
    const { policeDpo, policeOfficer, cpasDpo, operator } = world.people;
    const before = await world.request(policeOfficer, 'GET', '/api/compliance/dashboard');
    expect(before.statusCode).toBe(403);
    expect(before.json().rule).toContain('SCO-12');
    expect((await world.request(operator, 'GET', '/api/compliance/dashboard')).statusCode).toBe(403);

    const byOtherDpo = await world.request(cpasDpo, 'PUT', '/api/compliance/owner', {
      userId: policeOfficer.actor.userId,
    });
    expect(byOtherDpo.statusCode).toBe(400);
    expect(byOtherDpo.json().errors).toEqual([
      { field: '/body/userId', message: 'is not an active member of your organisation' },
    ]);
    const byMember = await world.request(policeOfficer, 'PUT', '/api/compliance/owner', {
      userId: policeOfficer.actor.userId,
    });
    expect(byMember.statusCode).toBe(403);

    const designated = await world.request(policeDpo, 'PUT', '/api/compliance/owner', {
      userId: policeOfficer.actor.userId,
    });
    expect(designated.statusCode, designated.body).toBe(200);
    expect(designated.json()).toMatchObject({
      organisationId: world.org.police,
      userId: policeOfficer.actor.userId,
    });

    const read = await world.request(policeOfficer, 'GET', '/api/compliance/dashboard');
    expect(read.statusCode).toBe(200);
    expect(read.json().controller).toEqual({
      id: world.org.police,
      legalName: 'Politiezone Gent',
      complianceOwner: 'Marc De Smet',
      complianceOwnerAccount: { userId: policeOfficer.actor.userId, displayName: 'Karel Wouters' },
    });
    // The compliance owner reads the dashboard, but designates no one.
    expect(
      (
        await world.request(policeOfficer, 'PUT', '/api/compliance/owner', {
          userId: policeOfficer.actor.userId,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('SCO-12 the dashboard for a test controller shows all indicators, and overdue requests are highlighted', async () => {
    const intake = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/rights-requests',
      accessRequest(),
    );
    expect(intake.statusCode, intake.body).toBe(201);

    const today = await world.request(world.people.policeDpo, 'GET', '/api/compliance/dashboard');
    expect(today.statusCode).toBe(200);
    const body = today.json();
    const delivered: string[] = body.indicators.map((i: Indicator) => i.key);
    expect(delivered).toEqual(
      expect.arrayContaining([
        'purposes',
        'lawful_grounds',
        'retention_agreement',
        'rights_requests',
        'security_plan',
        'restore_test',
        'norm_checklist',
        'federal_use_gate',
      ]),
    );
    // Every indicator SCO-12 asks for is on the dashboard once: delivered by its module, or listed as
    // pending with the module that will deliver it (retention, declarations, processors, ...), never invented.
    const pending: { key: string; module: string }[] = body.pending;
    expect([...delivered, ...pending.map((p) => p.key)].sort()).toEqual([...INDICATOR_KEYS].sort());
    expect(pending.every((p) => p.module !== 'compliance')).toBe(true);
    for (const indicator of body.indicators as Indicator[]) {
      expect(['green', 'amber', 'red']).toContain(indicator.status);
      expect(indicator.link).toMatch(/^\/api\//);
    }
    // The police take part in one active framework (the world's), with its purposes and a maximum retention.
    expect(indicatorOf(body, 'purposes')).toMatchObject({
      status: 'green',
      figures: { frameworks: 1, withoutPurpose: 0 },
    });
    expect(indicatorOf(body, 'lawful_grounds')).toMatchObject({
      status: 'green',
      figures: { lawfulGround: 'c', missionBasis: 'lfp_art44_1', dpRegime: 'law2018_title2' },
    });
    expect(indicatorOf(body, 'retention_agreement')).toMatchObject({
      status: 'green',
      figures: { withoutMaximumRetention: 0 },
    });
    expect(indicatorOf(body, 'rights_requests')).toMatchObject({
      status: 'green',
      figures: { open: 1, overdue: 0 },
    });
    expect(indicatorOf(body, 'federal_use_gate')).toMatchObject({ status: 'green', figures: { unmet: 0 } });
    expect(indicatorOf(body, 'norm_checklist')).toMatchObject({ status: 'amber', figures: { normSets: 0 } });
    // Figures and codes only: no requester, no case, no person.
    expect(JSON.stringify(body)).not.toContain('Peeters Jan');

    // Day 31 of the 45: the first reminder is due (RGT-ACC-03), the indicator turns amber.
    world.clock.advanceMs(31 * DAY_MS);
    const reminded = await world.request(
      await world.newcomer('policeDpo'),
      'GET',
      '/api/compliance/dashboard',
    );
    expect(indicatorOf(reminded.json(), 'rights_requests')).toMatchObject({
      status: 'amber',
      figures: { reminderDue: 1 },
    });
    // The 45 days are over: the request is overdue and the indicator is red.
    world.clock.advanceMs(15 * DAY_MS);
    const overdue = await world.request(
      await world.newcomer('policeDpo'),
      'GET',
      '/api/compliance/dashboard',
    );
    expect(indicatorOf(overdue.json(), 'rights_requests')).toMatchObject({
      status: 'red',
      figures: { open: 1, overdue: 1 },
    });
    // Another controller's dashboard does not count the police's request.
    const cpas = await world.request(await world.newcomer('cpasDpo'), 'GET', '/api/compliance/dashboard');
    expect(indicatorOf(cpas.json(), 'rights_requests')).toMatchObject({
      status: 'green',
      figures: { open: 0 },
    });
  });
});
