/**
 * SPEC RGT-JUD-02 over HTTP on a real database: an item of the parquet in a judicial file sends a
 * request down the judicial route; once its flag is lifted the open request follows it to the
 * parquet's standard part, and the move is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { deskQueue, intake } from '../support/rights-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('an item leaving a judicial file (bill art. 6)', () => {
  it('RGT-JUD-02 RGT-JUD-01 re-routes the open request from the judicial part to the standard part, and logs route_changed', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['parquet', 'cpas'] });
    const { missionConfirmed: _, provenance: __, ...fields } = riskItem(kase.subjectId, 'Gerechtelijk dossier wegens bedreigingen.');
    const added = await world.request(world.people.prosecutor, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Gerechtelijk dossier wegens bedreigingen.'),
      judicial: { reference: 'Notitie GE.12.L3.000777/26' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;

    const receipt = await intake(world, world.people.cpasDpo);
    const parquetParts = async () =>
      (await deskQueue(world, world.people.prosecutor)).filter((p) => p.requestId === receipt.requestId);
    const before = await parquetParts();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ route: 'judicial', status: 'routed', records: [{ type: 'item', id: itemId, caseId: kase.id }] });

    const position = await auditPosition(world);
    const lifted = await world.request(world.people.prosecutor, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      ...fields,
      reason: 'Het dossier werd zonder gevolg geklasseerd.',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);

    const after = await parquetParts();
    const judicial = after.find((p) => p.route === 'judicial')!;
    const standard = after.find((p) => p.route === 'standard')!;
    expect(judicial.records).toEqual([]);
    expect(standard).toMatchObject({ status: 'received', records: [{ type: 'item', id: itemId, caseId: kase.id }] });
    expect(standard.clock.rule).toContain('art. 10 §1 al. 3');
    const moved = (await auditEventsSince(world, position)).find((e) => e.reason === 'route_changed');
    expect(moved?.records).toEqual(
      expect.arrayContaining([
        { type: 'item', id: itemId },
        { type: 'rights_part', id: judicial.id },
        { type: 'rights_part', id: standard.id },
      ]),
    );
  });
});
