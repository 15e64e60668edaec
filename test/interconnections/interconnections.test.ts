/**
 * Interconnections over HTTP on a real database (L1992 art. 21, art. 39 11°; bill DOC 56 0485/001
 * Comm. art. 2; SPEC INT-01..04, PEN-12; ADR 0017): the police's DPO registers the connection of
 * Focus to the shared file, the CPAS's DPO approves its side; Focus then delivers, signed with its
 * own key, the records of a police file a police officer linked to a case: only mapped fields
 * become the police's items, the rest is dropped and logged; each controller's kill switch stops
 * the next delivery; an unregistered, unapproved or switched-off interconnection gets 403 and a
 * security event.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/server/db/database.js';
import { interconnectionStatement } from '../../src/server/modules/interconnections/interconnection-statement.js';
import { createInterconnectionsRepository } from '../../src/server/modules/interconnections/interconnections.repository.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import {
  activeInterconnection,
  type ConnectedSystem,
  connectedSystem,
  deliver,
  focusDelivery,
  focusRegistration,
  linkFile,
  registerInterconnection,
} from '../support/interconnection-steps.js';
import { activeFramework } from '../support/consultation-steps.js';
import { pdfText } from '../support/pdf-text.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const INTERCONNECTION_RULE = 'L1992 art. 21; bill Comm. art. 2 (SPEC INT-01, INT-02)';

/** An accepted case of the police with the CPAS admitted, linked to a Focus file; the reference. */
async function linkedCase(
  interconnectionId: string,
): Promise<{ kase: TestCase; reference: string; linkId: string }> {
  const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
  const reference = `PZ Gent 2026/${randomUUID().slice(0, 8)}`;
  const linked = await linkFile(world, kase.id, {
    interconnectionId,
    personIds: [kase.subjectId],
    reference,
  });
  expect(linked.statusCode, linked.body).toBe(201);
  return { kase, reference, linkId: linked.json().id };
}

async function dpoAlerts(who: 'policeDpo' | 'cpasDpo', interconnectionId: string) {
  const res = await world.request(world.people[who], 'GET', '/api/notifications');
  return (res.json().notifications as { kind: string; subjectId: string | null }[]).filter(
    (n) => n.kind === 'interconnection_refused' && n.subjectId === interconnectionId,
  );
}

async function exchangeLog(interconnectionId: string) {
  const res = await world.request(
    world.people.policeDpo,
    'GET',
    `/api/interconnections/${interconnectionId}/exchanges`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().exchanges as Record<string, unknown>[];
}

describe('the register of interconnections', () => {
  it('INT-01 registers an interconnection with its parties, direction, legal basis, royal decree, mapping and security measures, and exchanges only once every controller approved', async () => {
    const focus = connectedSystem();
    const registered = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/interconnections',
      focusRegistration(world, focus),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    const interconnection = registered.json();
    expect(interconnection).toMatchObject({
      owner: { id: world.org.police },
      counterpart: { system: 'Focus' },
      direction: 'inbound',
      royalDecree: { reference: expect.stringContaining('KB 12 januari 2026') },
      categories: ['C06', 'C11'],
      personMatching: { rule: 'off' },
      credential: { algorithm: 'ed25519', fingerprint: expect.stringMatching(/^SHA256:/) },
      endpoint: `/api/interconnections/${interconnection.id}/deliveries`,
      state: 'awaiting_approval',
      allowedActions: ['suspend', 'retire'],
    });
    expect(interconnection.parties).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id: world.org.police }),
        owner: true,
        approval: expect.objectContaining({ by: 'An Peeters' }),
      }),
      expect.objectContaining({
        organisation: expect.objectContaining({ id: world.org.cpas }),
        owner: false,
        approval: null,
      }),
    ]);
    // A link needs an active interconnection: refused while the CPAS has not approved.
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const reference = 'PZ Gent 2026/0001';
    const early = await linkFile(world, kase.id, {
      interconnectionId: interconnection.id,
      personIds: [kase.subjectId],
      reference,
    });
    expect(early.statusCode).toBe(409);

    // Unapproved: 403, a security event, an alert to each party's DPO.
    const before = await auditPosition(world);
    const refused = await deliver(world, focus, interconnection.id, focusDelivery(reference));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', rule: INTERCONNECTION_RULE });
    expect(await auditEventsSince(world, before)).toEqual([
      expect.objectContaining({
        actor: { system: 'interconnections' },
        action: 'system.interconnection_refused',
        outcome: 'denied',
        reason: 'interconnection_unapproved',
        records: [{ type: 'interconnection', id: interconnection.id }],
      }),
    ]);
    expect(await dpoAlerts('policeDpo', interconnection.id)).toHaveLength(1);
    expect(await dpoAlerts('cpasDpo', interconnection.id)).toHaveLength(1);

    // The CPAS's DPO sees it and approves its side: it is active.
    const seen = await world.request(world.people.cpasDpo, 'GET', '/api/interconnections');
    expect(seen.json().interconnections.map((i: { id: string }) => i.id)).toContain(interconnection.id);
    expect(
      seen.json().interconnections.find((i: { id: string }) => i.id === interconnection.id).allowedActions,
    ).toEqual(['approve', 'suspend']);
    const approved = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/interconnections/${interconnection.id}/approval`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('active');
    const again = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/interconnections/${interconnection.id}/approval`,
    );
    expect(again.statusCode).toBe(409);
    // The police officer now sees that it may link cases through it; the CPAS member does not.
    const forOfficer = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/interconnections/${interconnection.id}`,
    );
    expect(forOfficer.json().allowedActions).toEqual(['link']);
    const linked = await linkFile(world, kase.id, {
      interconnectionId: interconnection.id,
      personIds: [kase.subjectId],
      reference,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const delivered = await deliver(world, focus, interconnection.id, focusDelivery(reference));
    expect(delivered.statusCode, delivered.body).toBe(201);
  });

  it('INT-01 answers 403 to a connector that is not registered, and logs a security event', async () => {
    const stranger = connectedSystem();
    const unknown = randomUUID();
    const before = await auditPosition(world);
    const res = await deliver(world, stranger, unknown, focusDelivery('PZ Gent 2026/9999'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'forbidden',
      detail: 'This interconnection may not exchange data',
    });
    expect(await auditEventsSince(world, before)).toEqual([
      expect.objectContaining({
        action: 'system.interconnection_refused',
        outcome: 'denied',
        reason: 'interconnection_unregistered',
        records: [{ type: 'interconnection', id: unknown }],
      }),
    ]);
    // Whatever it sends: a body that is not even a delivery gets the same answer.
    expect((await deliver(world, stranger, unknown, { nonsense: true })).statusCode).toBe(403);
  });

  it('INT-01 offers the DPO the frameworks its organisation takes part in, the categories a mapping may use and the possible parties', async () => {
    const res = await world.request(
      world.people.policeDpo,
      'GET',
      '/api/interconnections/registration-options',
    );
    expect(res.statusCode, res.body).toBe(200);
    const framework = res.json().frameworks.find((f: { id: string }) => f.id === world.frameworkId);
    expect(framework.mappableCategories).toEqual([
      'C01',
      'C02',
      'C03',
      'C04',
      'C05',
      'C06',
      'C07',
      'C08',
      'C11',
      'C14',
      'C16',
    ]);
    expect(framework.parties.map((p: { id: string }) => p.id).sort()).toEqual(
      [world.org.coordination, world.org.parquet, world.org.cpas, world.org.youth].sort(),
    );
    expect(
      (await world.request(world.people.policeOfficer, 'GET', '/api/interconnections/registration-options'))
        .statusCode,
    ).toBe(403);
  });

  it('INT-01 refuses a registration whole, naming each field, and changes nothing', async () => {
    const focus = connectedSystem();
    const { publicKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const before = await countRows(world.db.adminDb, 'interconnections');
    const res = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/interconnections',
      focusRegistration(world, focus, {
        partyIds: [world.org.host],
        fieldMapping: [
          { field: 'healthNote', category: 'C10' },
          { field: 'situationReport', category: 'C06' },
          { field: 'situationReport', category: 'C11' },
        ],
        publicKey: rsa.export({ format: 'pem', type: 'spki' }).toString(),
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().rule).toBe('L1992 art. 21; bill Comm. art. 2 (SPEC INT-01, INT-02)');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/partyIds/0',
      '/body/fieldMapping/0/category',
      '/body/fieldMapping/2/field',
      '/body/publicKey',
    ]);
    expect(await countRows(world.db.adminDb, 'interconnections')).toBe(before);
    // A key registered for another interconnection is not a credential of its own.
    const first = focusRegistration(world, focus);
    await registerInterconnection(world, first);
    const twice = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/interconnections',
      focusRegistration(world, focus),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      { field: '/body/publicKey', message: 'is the key of another interconnection' },
    ]);
    // Only a DPO registers.
    const officer = await world.request(
      world.people.policeOfficer,
      'POST',
      '/api/interconnections',
      focusRegistration(world, connectedSystem()),
    );
    expect(officer.statusCode).toBe(403);
  });
});

describe('deliveries through an interconnection', () => {
  let focus: ConnectedSystem;
  let interconnectionId: string;

  beforeAll(async () => {
    focus = connectedSystem();
    interconnectionId = await activeInterconnection(world, focus);
  });

  it('INT-02 FIL-02 transfers only mapped fields as the owner’s items; a field not in the mapping is dropped and logged', async () => {
    const { kase, reference, linkId } = await linkedCase(interconnectionId);
    const before = await auditPosition(world);
    const items = await countRows(world.db.adminDb, 'items');
    const res = await deliver(world, focus, interconnectionId, focusDelivery(reference));
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.items.map((i: { field: string; category: string }) => [i.field, i.category])).toEqual([
      ['situationReport', 'C06'],
      ['riskAssessment', 'C11'],
    ]);
    expect(receipt.dropped).toEqual([{ record: 0, field: 'internalNote' }]);
    expect(await countRows(world.db.adminDb, 'items')).toBe(items + 2);

    // The police's items, about the linked person, in the case the CPAS shares; the note is nowhere.
    const view = await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`);
    const delivered = (
      view.json().items as {
        id: string;
        content: string;
        controller: { id: string };
        personIds: string[];
        category: string;
      }[]
    ).filter((item) => receipt.items.some((r: { itemId: string }) => r.itemId === item.id));
    expect(delivered).toHaveLength(2);
    for (const item of delivered) {
      expect(item.controller.id).toBe(world.org.police);
      expect(item.personIds).toEqual([kase.subjectId]);
    }
    expect(delivered.find((i) => i.category === 'C11')?.content).toContain('Verhoogd risico');
    expect(view.body).not.toContain('Collega X');

    // Audited as a collect by the linking officer through the interconnection; the drop as denied.
    const events = await auditEventsSince(world, before);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'collect',
        outcome: 'success',
        reason: 'interconnection_delivery',
        caseId: kase.id,
        actor: expect.objectContaining({
          userId: world.people.policeOfficer.actor.userId,
          organisationId: world.org.police,
          interconnection: interconnectionId,
        }),
        records: [
          { type: 'interconnection_exchange', id: receipt.exchangeId },
          { type: 'item', id: receipt.items[0].itemId, category: 6 },
          { type: 'item', id: receipt.items[1].itemId, category: 11 },
        ],
      }),
      expect.objectContaining({
        action: 'collect',
        outcome: 'denied',
        reason: 'field_not_mapped',
        records: [
          { type: 'interconnection_exchange', id: receipt.exchangeId },
          { type: 'unmapped_field', id: 'internalNote' },
        ],
      }),
      // The case view above.
      expect.objectContaining({ action: 'consult' }),
    ]);
    const [logged] = await exchangeLog(interconnectionId);
    expect(logged).toMatchObject({
      id: receipt.exchangeId,
      sentBy: 'focus-user-81234',
      outcome: 'accepted',
      caseId: kase.id,
      records: 1,
      items: 2,
      categories: { C06: 1, C11: 1 },
      droppedFields: ['internalNote'],
    });
    // The link counts what came through it.
    const links = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/cases/${kase.id}/interconnection-links`,
    );
    expect(links.json().links).toEqual([
      expect.objectContaining({
        id: linkId,
        reference,
        deliveredItems: 2,
        personIds: [kase.subjectId],
        allowedActions: ['end'],
      }),
    ]);
  });

  it('INT-02 the kill switch of any party stops the next delivery at once, and only that party switches it back on', async () => {
    const { reference } = await linkedCase(interconnectionId);
    const off = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/interconnections/${interconnectionId}/suspension`,
      {
        reason: 'Onderzoek naar een mogelijk datalek bij de koppeling.',
      },
    );
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().state).toBe('suspended');
    // No time passes: the very next request is refused.
    const before = await auditPosition(world);
    const refused = await deliver(world, focus, interconnectionId, focusDelivery(reference));
    expect(refused.statusCode).toBe(403);
    expect((await auditEventsSince(world, before))[0]).toMatchObject({ reason: 'interconnection_suspended' });
    // The police cannot switch the CPAS's switch back on; the CPAS can.
    expect(
      (
        await world.request(
          world.people.policeDpo,
          'POST',
          `/api/interconnections/${interconnectionId}/resumption`,
        )
      ).statusCode,
    ).toBe(409);
    const on = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/interconnections/${interconnectionId}/resumption`,
    );
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().state).toBe('active');
    expect((await deliver(world, focus, interconnectionId, focusDelivery(reference))).statusCode).toBe(201);
  });

  it('INT-02 authenticates the connected system: unsigned, foreign-key, stale, tampered or replayed requests are refused and raised to the DPOs', async () => {
    const { reference } = await linkedCase(interconnectionId);
    const alerts = (await dpoAlerts('policeDpo', interconnectionId)).length;
    const body = focusDelivery(reference);
    expect((await deliver(world, focus, interconnectionId, body, { unsigned: true })).statusCode).toBe(401);
    expect(
      (await deliver(world, focus, interconnectionId, body, { signWith: connectedSystem().privateKey }))
        .statusCode,
    ).toBe(401);
    const stale = new Date(world.clock.now().getTime() - 10 * 60_000).toISOString();
    expect((await deliver(world, focus, interconnectionId, body, { timestamp: stale })).statusCode).toBe(401);
    const tampered = JSON.stringify({ ...body, sentBy: 'someone-else' });
    expect((await deliver(world, focus, interconnectionId, body, { sentBody: tampered })).statusCode).toBe(
      401,
    );
    const nonce = randomUUID();
    expect((await deliver(world, focus, interconnectionId, body, { nonce })).statusCode).toBe(201);
    const replay = await deliver(world, focus, interconnectionId, body, { nonce });
    expect(replay.statusCode).toBe(409);
    expect(await dpoAlerts('policeDpo', interconnectionId)).toHaveLength(alerts + 5);
  });

  it('INT-02 rate-limits the deliveries of an interconnection to its registered rate per minute', async () => {
    const system = connectedSystem();
    const limited = await activeInterconnection(world, system, { rateLimitPerMinute: 2 });
    const { reference } = await linkedCase(limited);
    expect((await deliver(world, system, limited, focusDelivery(reference))).statusCode).toBe(201);
    expect((await deliver(world, system, limited, focusDelivery(reference))).statusCode).toBe(201);
    const third = await deliver(world, system, limited, focusDelivery(reference));
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('60');
    world.clock.advanceMs(61_000);
    expect((await deliver(world, system, limited, focusDelivery(reference))).statusCode).toBe(201);
    const log = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/interconnections/${limited}/exchanges`,
    );
    expect(log.json().exchanges.map((e: { outcome: string; reason: string | null }) => e.reason)).toEqual([
      null,
      'rate_limited',
      null,
      null,
    ]);
  });

  it('INT-02 refuses a bad delivery whole, naming the fields, writes nothing, and logs the refusal', async () => {
    const { reference } = await linkedCase(interconnectionId);
    const items = await countRows(world.db.adminDb, 'items');
    const classified = focusDelivery(reference, {
      records: [
        { fields: { situationReport: 'Verslag.' } },
        { fields: { riskAssessment: 'VERTROUWELIJK - Risicotaxatie van de politie.' } },
      ],
    });
    const res = await deliver(world, focus, interconnectionId, classified);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: '/body/records/1/fields/riskAssessment',
        message: expect.stringContaining('classification marking'),
      }),
    ]);
    expect(await countRows(world.db.adminDb, 'items')).toBe(items);
    const shapeless = await deliver(world, focus, interconnectionId, {
      reference,
      sentBy: 'focus-user-81234',
      records: [],
    });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/records']);
    const unlinked = await deliver(world, focus, interconnectionId, focusDelivery('PZ Gent 2026/onbekend'));
    expect(unlinked.statusCode).toBe(404);
    expect((await exchangeLog(interconnectionId)).slice(0, 3).map((e) => [e.outcome, e.reason])).toEqual([
      ['refused', 'no_link'],
      ['refused', 'invalid_delivery'],
      ['refused', 'invalid_delivery'],
    ]);
  });

  it('INT-02 PEN-19 carries out the linking member’s standing instruction only while that member may still add to the case', async () => {
    // A newcomer of the police links the case; once deactivated, nothing arrives through the link.
    const officer = await world.newcomer('policeOfficer');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const reference = `PZ Gent 2026/${randomUUID().slice(0, 8)}`;
    const linked = await linkFile(
      world,
      kase.id,
      { interconnectionId, personIds: [kase.subjectId], reference },
      officer,
    );
    expect(linked.statusCode, linked.body).toBe(201);
    const delivered = await deliver(world, focus, interconnectionId, focusDelivery(reference));
    expect(delivered.statusCode, delivered.body).toBe(201);
    const log = await exchangeLog(interconnectionId);
    expect(log[0]).toMatchObject({ outcome: 'accepted', caseId: kase.id });
    const deactivated = await world.request(
      world.people.operator,
      'POST',
      `/api/admin/users/${officer.actor.userId}/deactivate`,
    );
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const refused = await deliver(world, focus, interconnectionId, focusDelivery(reference));
    expect(refused.statusCode).toBe(403);
    expect((await exchangeLog(interconnectionId))[0]).toMatchObject({
      outcome: 'refused',
      reason: 'link_holder_inactive',
      caseId: kase.id,
    });

    // A closed case is read-only (SPEC WFL-11): the member's access decides, audited as its denial.
    const other = await linkedCase(interconnectionId);
    await world.db.adminDb
      .updateTable('cases')
      .set({
        state: 'closed',
        closed_at: world.clock.now(),
        closed_by: world.people.coordinator.actor.userId,
      })
      .where('id', '=', other.kase.id)
      .execute();
    const before = await auditPosition(world);
    const closed = await deliver(world, focus, interconnectionId, focusDelivery(other.reference));
    expect(closed.statusCode).toBe(403);
    expect(await auditEventsSince(world, before)).toEqual([
      expect.objectContaining({
        action: 'collect',
        outcome: 'denied',
        caseId: other.kase.id,
        actor: expect.objectContaining({ userId: world.people.policeOfficer.actor.userId }),
      }),
    ]);
    expect((await exchangeLog(interconnectionId))[0]).toMatchObject({
      outcome: 'refused',
      reason: 'case_refused',
    });
  });

  it('INT-02 stops carrying a file once its link is ended, and links only the owner’s cases to persons of the case', async () => {
    const { kase, reference, linkId } = await linkedCase(interconnectionId);
    // The CPAS member may not end the police's link; the police officer may.
    expect(
      (
        await world.request(
          world.people.socialWorker,
          'POST',
          `/api/cases/${kase.id}/interconnection-links/${linkId}/end`,
        )
      ).statusCode,
    ).toBe(403);
    const ended = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/interconnection-links/${linkId}/end`,
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().ended).toMatchObject({ by: 'Karel Wouters' });
    expect((await deliver(world, focus, interconnectionId, focusDelivery(reference))).statusCode).toBe(404);
    // A link names persons of the case, confirms the mission and says why risk information is relevant.
    const other = await newCase(world, { items: 0 });
    const bad = await linkFile(world, kase.id, {
      interconnectionId,
      personIds: [other.subjectId],
      missionConfirmed: false,
      relevance: undefined,
      policeMission: 'judicial_police',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/personIds/0',
      '/body/missionConfirmed',
      '/body/relevance',
    ]);
    // The CPAS may not link the police's interconnection: what arrives would be the police's.
    const cpas = await linkFile(
      world,
      kase.id,
      { interconnectionId, personIds: [kase.subjectId] },
      world.people.socialWorker,
    );
    expect(cpas.statusCode).toBe(403);
  });
});

describe('person matching', () => {
  it('INT-03 matches a person only under a registered rule, within the linked case only, as a match event', async () => {
    // Without a rule, a person identifier is dropped like any unmapped field.
    const plain = connectedSystem();
    const plainId = await activeInterconnection(world, plain);
    const first = await linkedCase(plainId);
    const withPerson = focusDelivery(first.reference, {
      records: [
        { fields: { situationReport: 'Verslag.' }, person: { nationalRegisterNumber: '90.04.12-123.77' } },
      ],
    });
    const before = await auditPosition(world);
    const unmatched = await deliver(world, plain, plainId, withPerson);
    expect(unmatched.statusCode, unmatched.body).toBe(201);
    expect(unmatched.json().dropped).toEqual([{ record: 0, field: 'person' }]);
    expect((await auditEventsSince(world, before)).map((e) => e.action)).not.toContain('match');

    // Under a registered rule: the partner of the linked case is found by number, in that case only.
    const matcher = connectedSystem();
    const matcherId = await activeInterconnection(world, matcher, {
      personMatching: {
        rule: 'national_register_number',
        basis: 'KB 12 januari 2026, art. 4: koppeling op rijksregisternummer',
      },
    });
    const { kase, reference } = await linkedCase(matcherId);
    const partner = await world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/persons`, {
      role: 'relation',
      subjectIds: [kase.subjectId],
      necessity: 'Partner van de betrokkene, slachtoffer van de feiten.',
      identity: {
        surname: 'Claes',
        firstNames: 'Sofie',
        birthDate: '1992-07-01',
        nationalRegisterNumber: '92.07.01-246.56',
      },
    });
    expect(partner.statusCode, partner.body).toBe(201);
    const start = await auditPosition(world);
    const matched = await deliver(
      world,
      matcher,
      matcherId,
      focusDelivery(reference, {
        records: [
          {
            fields: { situationReport: 'Verklaring van de partner.' },
            person: { nationalRegisterNumber: '92070124656' },
          },
        ],
      }),
    );
    expect(matched.statusCode, matched.body).toBe(201);
    const item = matched.json().items[0];
    const view = await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}`);
    expect(
      (view.json().items as { id: string; personIds: string[] }[]).find((i) => i.id === item.itemId)
        ?.personIds,
    ).toEqual([partner.json().id]);
    const [match] = await auditEventsSince(world, start);
    expect(match).toMatchObject({
      action: 'match',
      outcome: 'success',
      reason: 'interconnection_person_match',
      actor: expect.objectContaining({ interconnection: matcherId }),
      records: [
        expect.objectContaining({ type: 'interconnection_exchange' }),
        { type: 'person', id: partner.json().id, category: 1 },
      ],
    });
    // The subject of another case has that number too: it is never matched from this file.
    const elsewhere = await deliver(
      world,
      matcher,
      matcherId,
      focusDelivery(reference, {
        records: [
          {
            fields: { situationReport: 'Ander dossier.' },
            person: { nationalRegisterNumber: '88.02.03-123.97' },
          },
        ],
      }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([
      expect.objectContaining({
        field: '/body/records/0/person',
        message: expect.stringContaining('matches no single person of the linked case'),
      }),
    ]);
  });

  it('INT-03 creating a person with a national register number already in another framework reveals nothing of the other case', async () => {
    // The police's case in the Veilig Huis framework holds Kevin Dewaele, 90.04.12-123.77.
    const veiligHuis = await newCase(world, { items: 1, to: 'accepted' });
    // A youth-care framework the CPAS takes part in, its parties' processing declared (SPEC DCL-01).
    const youthFramework = await activeFramework(world, {
      name: 'Casusoverleg jeugd Gent',
      basisCitation: { title: 'Decreet integrale jeugdhulp', date: '2013-07-12', article: 'art. 10' },
      organiserOrganisationId: world.org.youth,
      participantIds: [world.org.cpas],
    });
    const created = await world.request(world.people.socialWorker, 'POST', '/api/cases', {
      frameworkId: youthFramework,
      title: 'Gezin D.',
      purposes: ['P1'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    const before = await auditPosition(world);
    const notifications = await countRows(world.db.adminDb, 'notifications');
    const person = (nationalRegisterNumber: string) =>
      world.request(world.people.socialWorker, 'POST', `/api/cases/${caseId}/persons`, {
        role: 'subject',
        identity: {
          surname: 'Dewaele',
          firstNames: 'Kevin',
          birthDate: '1990-04-12',
          nationalRegisterNumber,
        },
      });
    const known = await person('90.04.12-123.77');
    expect(known.statusCode, known.body).toBe(201);
    // Nothing in the answer points to the other case or its person, and it has the shape of any other.
    expect(known.body).not.toContain(veiligHuis.id);
    expect(known.body).not.toContain(veiligHuis.subjectId);
    const fresh = await person('85.07.30-033.28');
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    // No matching ran: only the two collections are audited; nobody was told of anything.
    const events = await auditEventsSince(world, before);
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ['collect', 'success'],
      ['collect', 'success'],
    ]);
    expect(JSON.stringify(events)).not.toContain(veiligHuis.id);
    expect(await countRows(world.db.adminDb, 'notifications')).toBe(notifications);
    // The case and its list stay unknown to the CPAS, which was not admitted to it.
    expect(
      (await world.request(world.people.socialWorker, 'GET', `/api/cases/${veiligHuis.id}`)).statusCode,
    ).toBe(404);
    const listed = await world.request(world.people.socialWorker, 'GET', `/api/cases/${caseId}`);
    expect(listed.body).not.toContain(veiligHuis.id);
    // The cross-case search that could find it is a permission of its own, off by default (SEC-07).
    expect(
      (
        await world.request(world.people.socialWorker, 'POST', '/api/persons/search', {
          nationalRegisterNumber: '90041212377',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the processing statement and the register export', () => {
  it('INT-04 SEC-13 lists the interconnections active in a period with their volumes, and leaves out those that were not', async () => {
    const police = world.org.police;
    const opened = world.clock.now();
    const system = connectedSystem();
    const focusId = await activeInterconnection(world, system, { name: 'Focus periode' });
    const { reference } = await linkedCase(focusId);
    world.clock.advanceMs(1_000);
    expect((await deliver(world, system, focusId, focusDelivery(reference))).statusCode).toBe(201);
    world.clock.advanceMs(1_000);
    expect((await deliver(world, system, focusId, focusDelivery('PZ Gent 2026/onbekend'))).statusCode).toBe(
      404,
    );
    // Registered but never approved by the CPAS: never active, never listed.
    await registerInterconnection(
      world,
      focusRegistration(world, connectedSystem(), { name: 'Focus nooit goedgekeurd' }),
    );
    world.clock.advanceMs(1_000);
    const statement = (controllerId: string, from: Date, to: Date) =>
      inTransaction(world.db.appDb, (tx) =>
        interconnectionStatement(tx, createInterconnectionsRepository(), { controllerId, from, to }),
      );
    const period = await statement(police, opened, world.clock.now());
    expect(period.find((e) => e.interconnectionId === focusId)).toMatchObject({
      name: 'Focus periode',
      activeInPeriod: true,
      legalBasis: expect.stringContaining('Veilige Huizen'),
      royalDecree: { reference: expect.stringContaining('KB 12 januari 2026') },
      categories: ['C06', 'C11'],
      exchanges: { accepted: 1, refused: 1 },
      records: 1,
      items: 2,
      itemsByCategory: { C06: 1, C11: 1 },
      droppedFields: ['internalNote'],
    });
    expect(period.map((e) => e.name)).not.toContain('Focus nooit goedgekeurd');
    // Before its registration it did not exist; the CPAS's statement lists it as well (a party).
    const earlier = await statement(police, new Date('2026-01-01T00:00:00Z'), opened);
    expect(earlier.map((e) => e.interconnectionId)).not.toContain(focusId);
    const cpas = await statement(world.org.cpas, opened, world.clock.now());
    expect(cpas.find((e) => e.interconnectionId === focusId)?.items).toBe(2);
    // Switched off for the whole of a later period, without traffic: not active then.
    const off = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/interconnections/${focusId}/suspension`,
      {
        reason: 'Stilgelegd in afwachting van een nieuw KB.',
      },
    );
    expect(off.statusCode).toBe(200);
    const suspendedFrom = world.clock.now();
    world.clock.advanceMs(60_000);
    const later = await statement(police, new Date(suspendedFrom.getTime() + 1), world.clock.now());
    expect(later.map((e) => e.interconnectionId)).not.toContain(focusId);
  });

  it('PEN-12 exports the register of interconnections with each one’s royal decree or legal reference, as JSON and as PDF, audited', async () => {
    const system = connectedSystem();
    const withDecree = await activeInterconnection(world, system, { name: 'Focus met KB' });
    const { id: withoutDecree } = await registerInterconnection(
      world,
      focusRegistration(world, connectedSystem(), {
        name: 'Focus zonder KB',
        royalDecree: null,
        partyIds: [],
      }),
    );
    const suspended = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/interconnections/${withoutDecree}/suspension`,
      {
        reason: 'Tijdelijk stilgelegd voor een audit.',
      },
    );
    expect(suspended.statusCode).toBe(200);
    const before = await auditPosition(world);
    const res = await world.request(world.people.policeDpo, 'GET', '/api/interconnections/register');
    expect(res.statusCode, res.body).toBe(200);
    const register = res.json();
    expect(register.controller).toEqual({ id: world.org.police, legalName: expect.any(String) });
    const byId = (id: string) =>
      register.interconnections.find((e: { interconnection: { id: string } }) => e.interconnection.id === id);
    expect(byId(withDecree).interconnection).toMatchObject({
      legalBasis: expect.stringContaining('Veilige Huizen'),
      royalDecree: {
        reference: expect.stringContaining('KB 12 januari 2026'),
        conditions: expect.any(String),
      },
      state: 'active',
    });
    expect(byId(withDecree).history.map((h: { kind: string }) => h.kind)).toEqual([
      'registered',
      'approved',
      'approved',
    ]);
    expect(byId(withoutDecree).interconnection).toMatchObject({
      royalDecree: null,
      legalBasis: expect.any(String),
      state: 'suspended',
    });
    expect(
      byId(withoutDecree).history.map((h: { kind: string; reason: string | null }) => [h.kind, h.reason]),
    ).toContainEqual(['suspended', 'Tijdelijk stilgelegd voor een audit.']);
    const [exported] = await auditEventsSince(world, before);
    expect(exported).toMatchObject({ action: 'admin.interconnection_register_exported', outcome: 'success' });
    expect(exported?.records).toContainEqual({ type: 'interconnection', id: withDecree });

    const pdf = await world.request(
      world.people.policeDpo,
      'GET',
      '/api/interconnections/register?format=pdf&language=nl',
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Register van de onderlinge verbindingen');
    expect(text).toContain('Focus met KB');
    expect(text).toContain('KB 12 januari 2026 betreffende de koppeling van Focus');
    expect(text).toContain('Focus zonder KB');
    // The CPAS's DPO exports its own register; a member without the DPO role may not.
    expect(
      (await world.request(world.people.policeOfficer, 'GET', '/api/interconnections/register')).statusCode,
    ).toBe(403);
  });
});
