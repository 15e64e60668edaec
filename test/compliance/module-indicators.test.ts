/**
 * The dashboard indicators the other modules deliver, read over HTTP through GET
 * /api/compliance/dashboard on a real database (SPEC SCO-12; issue 6 scope 8;
 * compliance/indicator-source.ts): the processor reviews (processors, PRC-02), the transfers abroad
 * (cross-border, TRF, PEN-03) and the retention status (retention, RET-01, RET-05, SCO-09). The
 * clock travels in each test and comes back to the world's start after it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../src/contracts/compliance.js';
import { type AccessWorld, createAccessWorld, type PersonName } from '../support/access-world.js';
import {
  adequacyAssessment,
  addDenyRule,
  denyRule,
  recordAssessment,
  registerDestination,
  transferDestination,
} from '../support/cross-border-steps.js';
import {
  COMPLETE_CONTRACT,
  hostRecordOf,
  ISO_27001,
  uploadProcessorDocument,
} from '../support/processor-steps.js';
import { approve, closedCase, listOf, runRetention, sessionOf } from '../support/retention-steps.js';

let world: AccessWorld;
const START = '2026-03-02T09:00:00Z';

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  world.clock.set(START);
});

interface Indicator {
  key: string;
  status: string;
  figures: Record<string, unknown>;
  link: string;
  rule: string;
}

/** The dashboard of `person`'s organisation, read in a session opened at the clock's now. */
async function dashboard(person: PersonName = 'policeDpo') {
  const res = await world.request(await sessionOf(world, person), 'GET', '/api/compliance/dashboard');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { indicators: Indicator[]; pending: { key: string }[] };
}
const indicator = async (key: string, person: PersonName = 'policeDpo'): Promise<Indicator> =>
  (await dashboard(person)).indicators.find((i) => i.key === key)!;

describe('the processor reviews on the dashboard (SPEC PRC-02)', () => {
  it('PRC-02 an overdue review turns the processor status amber on the dashboard; the review brings it back to green', async () => {
    // The host's record of the police is approved (the world's); its security plan is linked today.
    await uploadProcessorDocument(
      world,
      world.people.operator,
      await hostRecordOf(world, 'police'),
      'security_plan',
      '2026-03-02',
    );
    const dpo = world.people.policeDpo;
    const created = await world.request(dpo, 'POST', '/api/processors', {
      controllerOrganisationId: world.org.police,
      role: 'other',
      processor: { name: 'Scan & Archief BV', address: 'Dok Noord 7, 9000 Gent', enterpriseNumber: null },
      country: 'BE',
      services: 'Digitisation of paper annexes',
      guarantees: [ISO_27001],
      contract: COMPLETE_CONTRACT,
      reviewIntervalMonths: 1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    await uploadProcessorDocument(world, dpo, id, 'contract');
    await uploadProcessorDocument(world, dpo, id, 'security_annex');
    expect((await world.request(dpo, 'POST', `/api/processors/${id}/approval`)).statusCode).toBe(200);

    expect(await indicator('processor_reviews')).toMatchObject({
      status: 'green',
      figures: { processors: 2, not_approved: 0, compliance_review_overdue: 0, next_due_on: '2026-04-02' },
      link: '/api/processors',
      rule: expect.stringContaining('PRC-02'),
    });

    // A month and a day later the review of the processor is overdue: amber, and which reason.
    world.clock.set('2026-04-03T09:00:00Z');
    expect(await indicator('processor_reviews')).toMatchObject({
      status: 'amber',
      figures: { processors: 2, compliance_review_overdue: 1, not_approved: 0 },
    });
    const reviewed = await world.request(
      await sessionOf(world, 'policeDpo'),
      'POST',
      `/api/processors/${id}/reviews`,
      {
        kind: 'compliance',
        reviewedOn: '2026-04-03',
        outcome: 'compliant',
        findings: 'Jaarlijkse controle: contract en maatregelen nageleefd.',
      },
    );
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(await indicator('processor_reviews')).toMatchObject({
      status: 'green',
      figures: { compliance_review_overdue: 0, next_due_on: '2026-05-03' },
    });

    // A processor recorded and not approved is red.
    const unapproved = await world.request(await sessionOf(world, 'policeDpo'), 'POST', '/api/processors', {
      controllerOrganisationId: world.org.police,
      role: 'other',
      processor: { name: 'Vertaalbureau NV', address: 'Kouter 1, 9000 Gent', enterpriseNumber: null },
      country: 'BE',
      services: 'Translations',
    });
    expect(unapproved.statusCode, unapproved.body).toBe(201);
    expect(await indicator('processor_reviews')).toMatchObject({
      status: 'red',
      figures: { processors: 3, not_approved: 1 },
    });
  });
});

describe('the transfers abroad on the dashboard (SPEC TRF, PEN-03)', () => {
  it('TRF-01 PEN-03 a refused transfer turns the indicator amber for 30 days; a destination a deny rule now covers turns it red', async () => {
    expect(await indicator('cross_border_transfers')).toMatchObject({
      status: 'green',
      figures: { destinations: 0, abroad: 0, without_standing_basis: 0, refused_recently: 0 },
      link: '/api/cross-border/register',
    });
    const assessmentId = await recordAssessment(world, adequacyAssessment());
    await registerDestination(world, transferDestination({ kind: 'hosting', country: 'BE' }));
    await registerDestination(
      world,
      transferDestination({
        name: 'Back-up, regio Zürich',
        country: 'CH',
        basis: { kind: 'adequacy', adequacyAssessmentId: assessmentId },
      }),
    );
    expect(await indicator('cross_border_transfers')).toMatchObject({
      status: 'green',
      figures: { destinations: 2, abroad: 1, without_standing_basis: 0 },
    });

    // A backup in the United States without a basis is blocked and logged (PEN-03).
    const refused = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/cross-border/destinations',
      transferDestination({ country: 'US' }),
    );
    expect(refused.statusCode).toBe(403);
    expect(await indicator('cross_border_transfers')).toMatchObject({
      status: 'amber',
      figures: { destinations: 2, refused_recently: 1, recent_days: 30, last_refused_on: '2026-03-02' },
    });
    // Another controller's dashboard does not count the police's refusal.
    expect(await indicator('cross_border_transfers', 'cpasDpo')).toMatchObject({
      status: 'green',
      figures: { destinations: 0, refused_recently: 0 },
    });

    // A royal decree now forbids transfers to Switzerland: the backup there has no standing basis.
    await addDenyRule(world, denyRule({ country: 'CH', circumstance: 'Elke doorgifte naar dit land.' }));
    expect(await indicator('cross_border_transfers')).toMatchObject({
      status: 'red',
      figures: { destinations: 2, without_standing_basis: 1, refused_recently: 1 },
    });

    // 31 days later the refusal is out of the window (the blocked-transfer log keeps it); the backup stays red.
    world.clock.set('2026-04-02T09:00:00Z');
    expect(await indicator('cross_border_transfers')).toMatchObject({
      status: 'red',
      figures: { without_standing_basis: 1, refused_recently: 0, last_refused_on: null },
    });
  });
});

describe('the retention status on the dashboard (SPEC SCO-12, RET-01)', () => {
  it('SCO-12 RET-01 a case past its end of retention on no list is red, a destruction list awaiting the controller is amber, its approval makes it green', async () => {
    const kase = await closedCase(world, '2026-03-05T10:00:00Z', { months: 12 });
    expect(await indicator('retention_status')).toMatchObject({
      status: 'green',
      figures: { past_end_unlisted: 0, lists_awaiting_approval: 0, paper_tasks_due: 0 },
      link: '/api/retention/schedule',
      rule: expect.stringContaining('bill art. 2 §3 4°'),
    });

    // The day after the last day of retention, before the daily job: red, the data are kept beyond the agreed maximum.
    world.clock.set('2027-03-06T08:00:00Z');
    expect(await indicator('retention_status')).toMatchObject({
      status: 'red',
      figures: { past_end_unlisted: 1, past_end_on_legal_hold: 0, lists_awaiting_approval: 0 },
    });

    // The job lists it: the list waits for the police's DPO (the controller of its records) and the keeper.
    await runRetention(world);
    const listId = (await listOf(world, kase.id))!;
    expect(await indicator('retention_status')).toMatchObject({
      status: 'amber',
      figures: { past_end_unlisted: 0, lists_awaiting_approval: 1, oldest_list_since: '2027-03-06' },
    });
    // The CPAS controls no record of the case: nothing waits on it.
    expect(await indicator('retention_status', 'cpasDpo')).toMatchObject({
      status: 'green',
      figures: { past_end_unlisted: 0, lists_awaiting_approval: 0 },
    });

    // The police's DPO approves: nothing waits on the police any more, though the keeper has yet to approve.
    const approved = await approve(world, 'policeDpo', listId, 'dpo');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'awaiting_approval', missing: { keeper: true } });
    expect(await indicator('retention_status')).toMatchObject({
      status: 'green',
      figures: { past_end_unlisted: 0, lists_awaiting_approval: 0, oldest_list_since: null },
    });
  });

  it('SCO-12 the dashboard shows purposes, lawful grounds, retention status, rights requests and declaration status, each delivered by its module, none pending', async () => {
    const body = await dashboard();
    expect(body.pending).toEqual([]);
    expect(body.indicators.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    const of = (key: string) => body.indicators.find((i) => i.key === key);
    // Each duty SCO-12 names, with its figures (the red of an overdue request: compliance-dashboard.test.ts).
    expect(of('purposes')).toMatchObject({ figures: { frameworks: 1, P1: 1, withoutPurpose: 0 } });
    expect(of('lawful_grounds')).toMatchObject({
      figures: { lawfulGround: 'c', missionBasis: 'lfp_art44_1', frameworksWithoutProcessingBasis: 0 },
    });
    expect(of('retention_status')).toMatchObject({
      figures: {
        past_end_unlisted: 0,
        lists_awaiting_approval: 0,
        paper_tasks_due: 0,
        necessity_reviews_due: 0,
      },
      link: '/api/retention/schedule',
    });
    expect(of('rights_requests')).toMatchObject({
      figures: { open: 0, overdue: 0 },
      link: '/api/rights-parts',
    });
    expect(of('declaration_status')).toMatchObject({
      figures: { framework_undeclared: 0, update_due: 0, acknowledgement_overdue: 0 },
      link: '/api/declarations',
    });
    for (const indicator of body.indicators) expect(['green', 'amber', 'red']).toContain(indicator.status);
  });
});
