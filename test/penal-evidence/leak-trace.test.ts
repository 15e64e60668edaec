/**
 * CP art. 458ter §2 al. 1 → art. 458 (SPEC PEN-21): a breach of the consultation's secrecy is punished
 * as one of professional secrecy. Given a leaked PDF, its watermark names the user and the instant of
 * its export, which match an entry of the export register and its disclose event in the audit log;
 * the controller's DPO finds them without sending the leaked file, by the watermark or by the hash.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, type TestCase } from '../support/case-steps.js';
import { getIn } from '../support/consultation-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;
let kase: TestCase;
let transferId: string;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
  const requested = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/transfers`, {
    itemIds: [kase.itemIds[0]],
    purpose: 'P1',
    justification: 'Het OCMW moet de begeleiding in het eigen sociaal dossier motiveren.',
  });
  expect(requested.statusCode, requested.body).toBe(201);
  transferId = requested.json().id;
  const decided = await world.request(world.people.policeOfficer, 'POST', `/api/transfers/${transferId}/decisions`, {
    decisions: [{ itemId: kase.itemIds[0], decision: 'approved' }],
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const attested = await world.request(world.people.socialWorker, 'POST', `/api/transfers/${transferId}/attestation`, {
    accessLimitedToParticipants: true,
  });
  expect(attested.statusCode, attested.body).toBe(200);
});
afterAll(async () => {
  await world?.close();
});

const trace = (query: string, who = world.people.policeDpo) =>
  world.request(who, 'GET', `/api/penal-evidence/leak-trace?${query}`);

describe('the trace of a leaked copy (CP art. 458)', () => {
  it('PEN-21 given a leaked PDF, its watermark identifies the user and timestamp, which match an export log entry', async () => {
    const exported = await getIn(world, world.people.socialWorker, `/api/transfers/${transferId}/export/pdf`, 'nl');
    expect(exported.statusCode, exported.body).toBe(200);
    world.clock.advanceMs(60_000);
    // A second export a minute later is another entry: the watermark tells them apart.
    expect(
      (await getIn(world, world.people.socialWorker, `/api/transfers/${transferId}/export/pdf`, 'nl')).statusCode,
    ).toBe(200);

    // The watermark as printed on the leaked pages (SEC-14), read back from the PDF itself.
    const text = pdfText(exported.rawPayload);
    const worker = world.people.socialWorker.actor.userId;
    const watermark = text.split('\n').find((line) => line.includes(worker));
    expect(watermark, text).toBeDefined();

    const res = await trace(`watermark=${encodeURIComponent(watermark!)}`);
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json();
    expect(found.watermark.userId).toBe(worker);
    expect(found.matches).toHaveLength(1);
    const [match] = found.matches;
    expect(match).toMatchObject({
      transferId,
      caseId: kase.id,
      format: 'pdf',
      exportedBy: worker,
      exportedAt: found.watermark.at,
      sha256: createHash('sha256').update(exported.rawPayload).digest('hex'),
    });
    // The export log entry: its disclose event, by the same user, at the watermark's instant.
    const event = await world.db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .where('position', '=', match.auditPosition)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({
      action: 'disclose',
      outcome: 'success',
      at: found.watermark.at,
      actor: { userId: worker },
      records: expect.arrayContaining([{ type: 'transfer', id: transferId }]),
    });

    // The whole file leaked: its hash finds the same entry.
    const byHash = await trace(`sha256=${match.sha256}`);
    expect(byHash.json().matches.map((m: { exportId: string }) => m.exportId)).toEqual([match.exportId]);
  });

  it('PEN-21 a watermark naming no user and instant, or no query, is refused naming the field; another controller finds nothing', async () => {
    const unreadable = await trace(`watermark=${encodeURIComponent('OCMW Gent · gisteren')}`);
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ errors: [{ field: '/querystring/watermark' }] });
    const empty = await trace('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ errors: [{ field: '/querystring/watermark' }] });
    // The CPAS controls no item of the export: its DPO's trace names nothing.
    const row = await world.db.adminDb
      .selectFrom('own_file_exports')
      .select('sha256')
      .where('transfer_id', '=', transferId)
      .executeTakeFirstOrThrow();
    const elsewhere = await trace(`sha256=${row.sha256}`, world.people.cpasDpo);
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    expect(elsewhere.json().matches).toEqual([]);
    // Only a DPO traces.
    expect((await trace(`sha256=${row.sha256}`, world.people.policeOfficer)).statusCode).toBe(403);
  });
});
