/**
 * The interconnections in the controller's processing statement, over HTTP on a real database
 * (L1992 art. 16 §1 1°: the "état" records the interconnections; SPEC SEC-13, INT-04): Focus
 * delivers to a police case, and the police DPO's statement of the period lists the
 * interconnection with its legal basis and its volumes, as JSON and as PDF, naming no person.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase } from '../support/case-steps.js';
import {
  activeInterconnection,
  connectedSystem,
  deliver,
  focusDelivery,
  linkFile,
} from '../support/interconnection-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the processing statement lists the interconnections (L1992 art. 16 §1 1°)', () => {
  it('SEC-13 INT-04 the statement of a period lists each active interconnection with its legal basis and its volumes', async () => {
    const from = brusselsDateOf(world.clock.now());
    const system = connectedSystem();
    const interconnectionId = await activeInterconnection(world, system, { name: 'Focus staat' });
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const reference = `PZ Gent 2026/${randomUUID().slice(0, 8)}`;
    const linked = await linkFile(world, kase.id, {
      interconnectionId,
      personIds: [kase.subjectId],
      reference,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    world.clock.advanceMs(1_000);
    expect((await deliver(world, system, interconnectionId, focusDelivery(reference))).statusCode).toBe(201);
    world.clock.advanceMs(1_000);
    expect(
      (await deliver(world, system, interconnectionId, focusDelivery('PZ Gent 2026/onbekend'))).statusCode,
    ).toBe(404);
    const to = brusselsDateOf(world.clock.now());

    const res = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/processing-statement?from=${from}&to=${to}&language=fr`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json().interconnections.find((i: { id: string }) => i.id === interconnectionId);
    expect(entry).toMatchObject({
      name: 'Focus staat',
      legalBasis: expect.stringContaining('Veilige Huizen'),
      royalDecree: expect.stringContaining('KB 12 januari 2026'),
      activeInPeriod: true,
      exchanges: { accepted: 1, refused: 1 },
      records: 1,
      items: 2,
      itemsByCategory: [
        expect.objectContaining({ code: 'C06', count: 1 }),
        expect.objectContaining({ code: 'C11', count: 1 }),
      ],
    });
    expect(entry.categories.map((c: { code: string }) => c.code)).toEqual(['C06', 'C11']);
    // Counts only: the file reference delivered is not in the statement.
    expect(res.body).not.toContain(reference);

    // A period before it existed lists it not.
    const before = await world.request(
      world.people.policeDpo,
      'GET',
      '/api/processing-statement?from=2020-01-01&to=2020-01-31',
    );
    expect(before.json().interconnections.map((i: { id: string }) => i.id)).not.toContain(interconnectionId);

    const pdf = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/processing-statement?from=${from}&to=${to}&format=pdf`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Interconnexions');
    expect(text).toContain('Focus staat');
    expect(text).toContain('1 échanges acceptés, 1 refusés');
  });
});
