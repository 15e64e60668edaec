/**
 * Where a processor processes the data, over HTTP on a real database (L2007 arts 21-22; L1992 art.
 * 17 §6; SPEC TRF-01, DCL-20): every processor's country goes through the transfer check of
 * modules/cross-border against its controller's transfer register, as an export does. A location
 * the register does not carry is a blocked transfer: 403 naming the rule, a line in the
 * blocked-transfer log, a denied audit event, and no processor record written or changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import {
  adequacyAssessment,
  declareTransfers,
  recordAssessment,
  registerDestination,
  royalDecreeDestination,
  transferDestination,
} from '../support/cross-border-steps.js';
import { COMPLETE_CONTRACT, ISO_27001, uploadProcessorDocument } from '../support/processor-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const REGISTER_RULE = 'L2007 art. 21 §1; L1992 art. 22 (SPEC TRF-01, TRF-11)';
let serial = 0;

/** A backup provider the police's DPO records itself, in `country`, complete enough to approve. */
const backupProvider = (country: string) => ({
  controllerOrganisationId: world.org.police,
  role: 'backup',
  processor: { name: `Offsite Vault ${++serial} Inc.`, address: 'Somewhere 1' },
  country,
  services: 'Encrypted off-site copies of the Concerto database',
  guarantees: [ISO_27001],
  contract: COMPLETE_CONTRACT,
});
const createProcessor = (body: unknown) =>
  world.request(world.people.policeDpo, 'POST', '/api/processors', body);
const processors = () => countRows(world.db.adminDb, 'processor_records');
const blockedLog = async () => {
  const res = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/blocked-transfers');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().blockedTransfers as {
    source: string;
    destination: { kind: string; country: string };
    rule: string;
    issues: { field: string }[];
  }[];
};

describe('processor locations through the transfer check', () => {
  it('TRF-01 configuring a backup region outside the EU without a record is rejected: 403 naming the rule, logged, no processor written', async () => {
    const before = await processors();
    const logged = (await blockedLog()).length;
    const start = await auditPosition(world);
    const refused = await createProcessor(backupProvider('US'));
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'forbidden',
      rule: REGISTER_RULE,
      errors: [{ field: '/body/country', message: expect.stringContaining('no backup destination') }],
    });
    expect(await processors()).toBe(before);
    const log = await blockedLog();
    expect(log).toHaveLength(logged + 1);
    // The test clock stands still: the log is read by what it holds, not by its order.
    expect(log.filter((line) => line.destination.country === 'US')).toEqual([
      expect.objectContaining({
        source: 'processor_location',
        destination: expect.objectContaining({ kind: 'backup', country: 'US' }),
        rule: REGISTER_RULE,
        issues: [expect.objectContaining({ field: '/body/country' })],
      }),
    ]);
    expect(
      (await auditEventsSince(world, start)).filter((e) => e.action === 'admin.processor_record_created'),
    ).toEqual([expect.objectContaining({ outcome: 'denied', reason: 'transfer_blocked' })]);

    // A register entry of another kind there carries no backup; one without a basis carries nothing outside the Community.
    await registerDestination(
      world,
      royalDecreeDestination({ kind: 'hosting', name: 'Hosting, region Virginia' }),
    );
    expect((await createProcessor(backupProvider('US'))).statusCode).toBe(403);
    expect(await processors()).toBe(before);
  });

  it('TRF-01 a backup outside the Community is accepted once its destination is registered with an adequacy assessment or a derogation', async () => {
    const assessmentId = await recordAssessment(world, adequacyAssessment());
    await registerDestination(
      world,
      transferDestination({
        name: 'Back-up, regio Zürich',
        country: 'CH',
        basis: { kind: 'adequacy', adequacyAssessmentId: assessmentId },
      }),
    );
    await declareTransfers(world);
    const swiss = await createProcessor(backupProvider('CH'));
    expect(swiss.statusCode, swiss.body).toBe(201);
    expect(swiss.json()).toMatchObject({ role: 'backup', country: 'CH' });

    await registerDestination(
      world,
      royalDecreeDestination({ kind: 'backup', name: 'Back-up, region Oregon' }),
    );
    await declareTransfers(world);
    const american = await createProcessor(backupProvider('US'));
    expect(american.statusCode, american.body).toBe(201);
    expect(american.json()).toMatchObject({ role: 'backup', country: 'US' });
  });

  it('TRF-01 a processor moved to a country its register does not carry, or approved after its destination ended, is refused and nothing changes', async () => {
    const destinationId = await registerDestination(
      world,
      transferDestination({ name: 'Back-up, regio Frankfurt', country: 'DE' }),
    );
    await declareTransfers(world);
    const created = await createProcessor(backupProvider('DE'));
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;

    const moved = await world.request(world.people.policeDpo, 'PATCH', `/api/processors/${id}`, {
      country: 'JP',
    });
    expect(moved.statusCode, moved.body).toBe(403);
    expect(moved.json()).toMatchObject({ rule: REGISTER_RULE, errors: [{ field: '/body/country' }] });
    const unchanged = await world.request(world.people.policeDpo, 'GET', `/api/processors/${id}`);
    expect(unchanged.json()).toMatchObject({ country: 'DE' });

    await uploadProcessorDocument(world, world.people.policeDpo, id, 'contract');
    await uploadProcessorDocument(world, world.people.policeDpo, id, 'security_annex');
    const ended = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/cross-border/destinations/${destinationId}/end`,
      { reason: 'Contract met de dienstverlener beëindigd.' },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    const approval = await world.request(world.people.policeDpo, 'POST', `/api/processors/${id}/approval`);
    expect(approval.statusCode, approval.body).toBe(403);
    expect(approval.json()).toMatchObject({ rule: REGISTER_RULE, errors: [{ field: '/record/country' }] });
    const moves = (await blockedLog()).filter((line) => line.destination.country !== 'US');
    expect(moves).toHaveLength(2);
    expect(moves).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'processor_location',
          destination: expect.objectContaining({ kind: 'backup', country: 'JP' }),
          issues: [expect.objectContaining({ field: '/body/country' })],
        }),
        expect.objectContaining({
          source: 'processor_location',
          destination: expect.objectContaining({ kind: 'backup', country: 'DE' }),
          issues: [expect.objectContaining({ field: '/record/country' })],
        }),
      ]),
    );
    const still = await world.request(world.people.policeDpo, 'GET', `/api/processors/${id}`);
    expect(still.json().approval).toBeNull();
  });
});
