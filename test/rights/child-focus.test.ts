/**
 * L2007 art. 3 §6 (SPEC SCO-17) over HTTP on a real database: once the European Centre for missing
 * and sexually exploited children holds its royal decree, the persons it records carry no
 * cross-case index (it may keep no file of suspects), and requests about its data go through the
 * supervisory authority (art. 13).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, riskItem } from '../support/case-steps.js';
import { intake } from '../support/rights-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the art. 3 §6 exemption (Child Focus)', () => {
  it('SCO-17 under its decree the Centre’s persons get no blind index and its data take the Commission route', async () => {
    const { operator, youthWorker } = world.people;
    // The youth organisation of this world plays the Centre: a foundation of public utility (kind other).
    const centre = world.org.youth;
    const changed = await world.request(operator, 'PATCH', `/api/admin/organisations/${centre}`, { kind: 'other' });
    expect(changed.statusCode, changed.body).toBe(200);
    const decree = await world.request(operator, 'POST', `/api/admin/organisations/${centre}/royal-decrees`, {
      kind: 'child_focus_exemption',
      reference: 'AR du 12 janvier 2026, MB 20 janvier 2026',
      validFrom: '2026-01-20',
    });
    expect(decree.statusCode, decree.body).toBe(201);

    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['youth'] });
    const suspect = await world.request(youthWorker, 'POST', `/api/cases/${kase.id}/persons`, {
      role: 'subject',
      identity: { surname: 'Janssens', firstNames: 'Dirk', birthDate: '1975-02-03', nationalRegisterNumber: '75.02.03-123.18' },
    });
    expect(suspect.statusCode, suspect.body).toBe(201);
    const stored = await world.db.adminDb
      .selectFrom('persons')
      .select(['nrn_index', 'name_dob_index'])
      .where('id', '=', suspect.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ nrn_index: null, name_dob_index: null });

    const item = await world.request(youthWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Melding van een vermissing in 2025.'),
      category: 'C06',
    });
    expect(item.statusCode, item.body).toBe(201);
    const receipt = await intake(world, world.people.cpasDpo);
    const parts = await world.db.adminDb
      .selectFrom('rights_request_parts')
      .select(['controller_organisation_id', 'route', 'route_reason'])
      .where('request_id', '=', receipt.requestId)
      .execute();
    expect(parts.find((p) => p.controller_organisation_id === centre)).toMatchObject({
      route: 'commission',
      route_reason: expect.stringContaining('art. 3 §6'),
    });
  });
});
