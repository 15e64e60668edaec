/**
 * The own-file export (bill art. 4; modules/transfers) goes through the transfer check (L2007 arts
 * 21-22; L1992 art. 4 §2; SPEC TRF-01, TRF-03, TRF-12, PEN-03): every export records the country of
 * the own file it went to; where that own file is abroad, the requester's transfer register decides,
 * and a health item leaves Belgium only with its exception ground recorded. A refused export is
 * logged in the requester's blocked-transfer log and audited, and nothing is exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { FIELDS } from '../../src/server/modules/cases/case-fields.js';
import { caseScope } from '../../src/server/modules/cases/open-case.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import { getIn, stepUp } from '../support/consultation-steps.js';
import {
  addDenyRule,
  declareTransfers,
  denyRule,
  registerDestination,
  transferDestination,
} from '../support/cross-border-steps.js';
import { healthItem } from '../support/item-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;
let kase: TestCase;
let riskId: string;
let healthId: string;
let transferId: string;

const designate = async (dpo: 'policeDpo' | 'cpasDpo', who: 'policeOfficer' | 'socialWorker') => {
  const res = await world.request(world.people[dpo], 'POST', '/api/designations', {
    userId: world.people[who].actor.userId,
    scope: 'C10',
    function: 'Maatschappelijk werker gezondheid',
    confidentialityConfirmed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
};

beforeAll(async () => {
  world = await createAccessWorld();
  await designate('policeDpo', 'policeOfficer');
  await designate('cpasDpo', 'socialWorker');
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
  riskId = kase.itemIds[0]!;
  const health = await world.request(
    world.people.policeOfficer,
    'POST',
    `/api/cases/${kase.id}/items`,
    healthItem(kase.subjectId),
  );
  expect(health.statusCode, health.body).toBe(201);
  healthId = health.json().id;
  const requested = await world.request(
    world.people.socialWorker,
    'POST',
    `/api/cases/${kase.id}/transfers`,
    {
      itemIds: [riskId, healthId],
      purpose: 'P1',
      justification: 'Het OCMW moet de begeleiding in het eigen sociaal dossier motiveren.',
    },
  );
  expect(requested.statusCode, requested.body).toBe(201);
  transferId = requested.json().id;
  const decided = await world.request(
    world.people.policeOfficer,
    'POST',
    `/api/transfers/${transferId}/decisions`,
    {
      decisions: [
        { itemId: riskId, decision: 'approved' },
        { itemId: healthId, decision: 'approved' },
      ],
    },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  const attested = await world.request(
    world.people.socialWorker,
    'POST',
    `/api/transfers/${transferId}/attestation`,
    {
      accessLimitedToParticipants: true,
    },
  );
  expect(attested.statusCode, attested.body).toBe(200);
});
afterAll(async () => {
  await world?.close();
});

const exportJson = () =>
  getIn(world, world.people.socialWorker, `/api/transfers/${transferId}/export/json`, 'nl');
const exports = () => countRows(world.db.adminDb, 'own_file_exports');
const lastExport = () =>
  world.db.adminDb
    .selectFrom('own_file_exports')
    .select(['destination_country', 'transfer_destination_id'])
    .where('transfer_id', '=', transferId)
    .orderBy('exported_at', 'desc')
    .executeTakeFirstOrThrow();
/** The CPAS's own file, registered by its DPO; ends the one in force first. */
/** The CPAS's own file moved to `country`; declared (DCL-21) unless `declared` is false. */
async function ownFileIn(
  country: string,
  categories: string[],
  basis: Record<string, unknown> = { kind: 'none' },
  declared = true,
): Promise<string> {
  const view = await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/register');
  for (const destination of view.json().destinations as { id: string; kind: string; ended: unknown }[]) {
    if (destination.kind !== 'own_file' || destination.ended) continue;
    const ended = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/cross-border/destinations/${destination.id}/end`,
      {
        reason: 'Eigen dossier verhuisd.',
      },
    );
    expect(ended.statusCode, ended.body).toBe(200);
  }
  world.clock.advanceMs(60_000);
  const id = await registerDestination(
    world,
    transferDestination({
      kind: 'own_file',
      name: `Sociaal dossier OCMW (${country})`,
      country,
      categories,
      basis,
    }),
    world.people.cpasDpo,
  );
  if (declared) await declareTransfers(world, world.people.cpasDpo);
  return id;
}

describe('the own-file export abroad', () => {
  it('TRF-01 every own-file export records the country of the own file it went to: at home, where the requester is established', async () => {
    const res = await exportJson();
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastExport()).toEqual({ destination_country: 'BE', transfer_destination_id: null });
    const view = await world.request(world.people.socialWorker, 'GET', `/api/transfers/${transferId}`);
    expect(view.json().exports.at(-1)).toMatchObject({ destinationCountry: 'BE' });
  });

  it('TRF-01 PEN-03 an export to an own file abroad the register does not send these categories to is blocked, logged and audited, and nothing is exported', async () => {
    await ownFileIn('FR', ['C11']);
    const before = await exports();
    const start = await auditPosition(world);
    const refused = await exportJson();
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      rule: 'L1992 art. 17 §6 1° (SPEC TRF-01, DCL-18)',
      errors: [
        { field: '/destination/categories', message: 'C10: not registered as sent to this destination' },
      ],
    });
    expect(await exports()).toBe(before);
    expect(await auditEventsSince(world, start)).toEqual([
      expect.objectContaining({
        action: 'disclose',
        outcome: 'denied',
        reason: 'transfer_blocked',
        caseId: kase.id,
      }),
    ]);
    const log = await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/blocked-transfers');
    expect(log.json().blockedTransfers[0]).toMatchObject({
      source: 'own_file_export',
      attemptedBy: 'Fatima El Amrani',
      destination: { kind: 'own_file', country: 'FR', id: expect.any(String) },
      categories: expect.arrayContaining(['C10', 'C11']),
      caseId: kase.id,
      itemIds: expect.arrayContaining([riskId, healthId]),
      rule: 'L1992 art. 17 §6 1° (SPEC TRF-01, DCL-18)',
    });
    // The police's DPO keeps another register: the CPAS's refusals are not in its log.
    const police = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/blocked-transfers');
    expect(
      police.json().blockedTransfers.filter((b: { source: string }) => b.source === 'own_file_export'),
    ).toEqual([]);
  });

  it('TRF-03 an export to an own file in a country a royal decree forbids is blocked whatever derogation is recorded', async () => {
    const destinationId = await ownFileIn('CA', ['C10', 'C11'], {
      kind: 'derogation',
      derogation: 'D5',
      justification: 'De betrokkene verblijft in Canada en heeft dringend zorg nodig.',
    });
    const allowed = await exportJson();
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(await lastExport()).toEqual({ destination_country: 'CA', transfer_destination_id: destinationId });
    const ruleId = await addDenyRule(
      world,
      denyRule({
        royalDecreeReference: 'KB 2 maart 2026, art. 1',
        country: 'CA',
        categories: ['C10'],
        kinds: ['own_file'],
      }),
    );
    const before = await exports();
    const refused = await exportJson();
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().rule).toBe('L2007 art. 21 §2 (SPEC TRF-03); KB 2 maart 2026, art. 1');
    expect(await exports()).toBe(before);
    const repealed = await world.request(
      world.people.operator,
      'POST',
      `/api/cross-border/deny-rules/${ruleId}/repeal`,
      {
        reason: 'Testregel opgeheven.',
      },
    );
    expect(repealed.statusCode, repealed.body).toBe(200);
  });

  it('TRF-12 PEN-03 a health item leaves for an own file abroad with its exception ground recorded, and is blocked without it', async () => {
    const destinationId = await ownFileIn('FR', ['C10', 'C11']);
    const allowed = await exportJson();
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(await lastExport()).toEqual({ destination_country: 'FR', transfer_destination_id: destinationId });

    // An item whose exception ground was never recorded (e.g. kept from before the rule): its
    // payload is rewritten as its owner would have stored it, without the ground.
    const envelope = createEnvelope({ keys: world.keys });
    await world.db.adminDb.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('items')
        .select(['version', 'payload'])
        .where('id', '=', healthId)
        .executeTakeFirstOrThrow();
      const cipher = await envelope.openScope(tx, caseScope(kase.id));
      const payload = JSON.parse(
        await cipher.decryptText(...FIELDS.item(healthId, row.version), row.payload!),
      );
      const without = await cipher.encrypt(
        ...FIELDS.item(healthId, row.version),
        JSON.stringify({ ...payload, special: null }),
      );
      await tx.updateTable('items').set({ payload: without }).where('id', '=', healthId).execute();
    });
    const before = await exports();
    const refused = await exportJson();
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      rule: 'L1992 art. 4 §2 and art. 39 2° (SPEC TRF-12, PEN-03)',
      errors: [{ field: `/items/${healthId}`, message: expect.stringContaining('category C10') }],
    });
    expect(await exports()).toBe(before);
    const log = await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/blocked-transfers');
    expect(log.json().blockedTransfers[0]).toMatchObject({
      source: 'own_file_export',
      rule: expect.stringContaining('TRF-12'),
      itemIds: expect.arrayContaining([healthId]),
    });

    // At home the same item leaves: nothing is transferred abroad (L1992 art. 4 §2 speaks of processing outside Belgium).
    await ownFileIn('BE', ['C10', 'C11']);
    const home = await exportJson();
    expect(home.statusCode, home.body).toBe(200);
    expect(await lastExport()).toEqual({ destination_country: 'BE', transfer_destination_id: null });
  });
  it('DCL-21 an own file newly registered abroad is pending declaration: the export is refused naming the rule until the declaration update is submitted', async () => {
    const destinationId = await ownFileIn('NL', ['C10', 'C11'], { kind: 'none' }, false);
    // The export is a disclosure: its second factor is proven again (5 minutes, SPEC SEC-01). The
    // risk item alone: the health item was left without its exception ground above (TRF-12).
    const worker = await stepUp(world, 'socialWorker', world.people.socialWorker);
    const requested = await world.request(worker, 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [riskId],
      purpose: 'P1',
      justification: 'Het OCMW moet de begeleiding in het eigen sociaal dossier motiveren.',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const riskOnly: string = requested.json().id;
    const decided = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/transfers/${riskOnly}/decisions`,
      {
        decisions: [{ itemId: riskId, decision: 'approved' }],
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const attested = await world.request(worker, 'POST', `/api/transfers/${riskOnly}/attestation`, {
      accessLimitedToParticipants: true,
    });
    expect(attested.statusCode, attested.body).toBe(200);
    const exportNow = () => getIn(world, worker, `/api/transfers/${riskOnly}/export/json`, 'nl');
    const before = await exports();
    const pending = await exportNow();
    expect(pending.statusCode, pending.body).toBe(403);
    expect(pending.json()).toMatchObject({
      rule: 'L1992 art. 17 §6 and §7 ("préalable"); L2007 art. 17 §7 (SPEC DCL-21)',
      errors: [{ field: '/destination/country', message: expect.stringContaining('pending declaration') }],
    });
    expect(await exports()).toBe(before);
    const log = await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/blocked-transfers');
    expect(log.json().blockedTransfers[0]).toMatchObject({
      source: 'own_file_export',
      rule: expect.stringContaining('DCL-21'),
    });

    const standing = async () =>
      (
        (await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/register')).json()
          .destinations as {
          id: string;
          standing: { allowed: boolean; pendingDeclaration: boolean; issues: { rule: string }[] };
        }[]
      ).find((d) => d.id === destinationId)!.standing;
    expect(await standing()).toMatchObject({
      allowed: false,
      pendingDeclaration: true,
      issues: [{ rule: expect.stringContaining('DCL-21') }],
    });

    await declareTransfers(world, world.people.cpasDpo);
    expect(await standing()).toEqual({ allowed: true, pendingDeclaration: false, issues: [] });
    const declared = await exportNow();
    expect(declared.statusCode, declared.body).toBe(200);
    const row = await world.db.adminDb
      .selectFrom('own_file_exports')
      .select(['destination_country', 'transfer_destination_id'])
      .where('transfer_id', '=', riskOnly)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ destination_country: 'NL', transfer_destination_id: destinationId });
  });
});
