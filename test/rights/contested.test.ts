/**
 * The contested-data marking and the court actions over HTTP on a real database (L2007/L1992 arts
 * 14-15; SPEC RGT-CON-01..04, RGT-CRT-01, RGT-CRT-03, A-22): a rights request or a notified court
 * action marks items from its receipt or notification; every channel shows the mark while it
 * stands (the case view, the own-file JSON and PDF, the exporter's notice); an export keeps which
 * of its items it showed as contested; only the controller ends a mark, on a recorded basis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { createRecordsRepository } from '../../src/server/modules/cases/records.repository.js';
import { markContested } from '../../src/server/modules/contested/mark-contested.js';
import { createNotificationsRepository } from '../../src/server/modules/notifications/notifications.repository.js';
import { type AccessWorld, createAccessWorld, type PersonName } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import { getIn } from '../support/consultation-steps.js';
import { courtAction } from '../support/contested-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;
/** A police case admitted to the CPAS: item 0 gets a rectification request, item 1 a court action, item 2 is exported first. */
let kase: TestCase;
let requested: string;
let litigated: string;
let exported: string;
let courtActionId: string;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 3, to: 'accepted', admit: ['cpas'] });
  [requested, litigated, exported] = kase.itemIds as [string, string, string];
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);

/** The items of the case as `who` sees them in the case view. */
async function itemsSeenBy(who: PersonName): Promise<Map<string, { contested: unknown }>> {
  const res = await call(who, 'GET', `/api/cases/${kase.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().items as { id: string; contested: unknown }[]).map((item) => [item.id, item]));
}

/**
 * What the rights requests of issue 5 do when the police registers a request received at
 * `receivedAt`: mark in their transaction, acting for the police, and record the returned event.
 */
async function registerRequest(
  itemIds: string[],
  receivedAt: Date,
  reference: string = randomUUID(),
): Promise<string> {
  const police = world.people.policeOfficer.actor;
  await world.db.appDb.transaction().execute(async (tx) => {
    await createAccessRepository().actFor(tx, police.userId, [world.org.police]);
    const event = await markContested(
      {
        records: createRecordsRepository(),
        notifications: createNotificationsRepository(),
        clock: world.clock,
      },
      tx,
      {
        itemIds,
        cause: 'rectification_request',
        reference,
        since: receivedAt,
        userId: police.userId,
        organisationId: world.org.police,
      },
    );
    await createAuditLog({ clock: world.clock }).record(tx, event);
  });
  return reference;
}

describe('contested marking and court actions', () => {
  it('RGT-CON-01 RGT-CON-02 marks an item from the receipt of the request, not its registration, for every reader, and audits contested_set', async () => {
    const receivedAt = new Date(world.clock.now().getTime() - 3 * 3_600_000);
    const before = await auditPosition(world);
    const reference = await registerRequest([requested], receivedAt);
    // Registering the same request again marks once.
    await registerRequest([requested], receivedAt, reference);

    for (const who of ['policeOfficer', 'socialWorker', 'coordinator', 'representative'] as const) {
      const items = await itemsSeenBy(who);
      expect(items.get(requested)!.contested, who).toEqual({
        since: receivedAt.toISOString(),
        causes: ['rectification_request'],
      });
      expect(items.get(exported)!.contested, who).toBeNull();
    }
    const marks = await call(
      'socialWorker',
      'GET',
      `/api/cases/${kase.id}/items/${requested}/contested-marks`,
    );
    expect(marks.statusCode, marks.body).toBe(200);
    expect(marks.json().marks).toEqual([
      {
        id: expect.any(String),
        itemId: requested,
        cause: 'rectification_request',
        reference,
        since: receivedAt.toISOString(),
        cleared: null,
      },
    ]);
    const set = (await auditEventsSince(world, before)).filter((e) => e.reason === 'contested_set');
    expect(set).toHaveLength(2);
    expect(set[0]).toMatchObject({
      action: 'adapt',
      outcome: 'success',
      caseId: kase.id,
      actor: { userId: world.people.policeOfficer.actor.userId, organisationId: world.org.police },
      records: [
        { type: 'item', id: requested, category: 11 },
        { type: 'rights_request', id: reference },
      ],
    });
  });

  it('RGT-CON-01 refuses to mark an item of another controller, naming it, and marks nothing', async () => {
    const cpas = world.people.socialWorker.actor;
    await expect(
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actFor(tx, cpas.userId, [world.org.cpas]);
        return markContested(
          {
            records: createRecordsRepository(),
            notifications: createNotificationsRepository(),
            clock: world.clock,
          },
          tx,
          {
            itemIds: [exported],
            cause: 'erasure_request',
            reference: randomUUID(),
            since: world.clock.now(),
            userId: cpas.userId,
            organisationId: world.org.cpas,
          },
        );
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ field: '/body/itemIds/0' }], rule: expect.stringContaining('RGT-CON-01') },
    });
    expect((await itemsSeenBy('policeOfficer')).get(exported)!.contested).toBeNull();
  });

  it('RGT-CRT-01 RGT-CON-01 records a notified court action (court, roll number, notification) and marks its items from the notification', async () => {
    const notifiedAt = new Date(world.clock.now().getTime() - 86_400_000);
    const before = await auditPosition(world);
    // Another participant may not bring the police's items under its litigation; nor in the future.
    expect(
      (
        await call(
          'socialWorker',
          'POST',
          `/api/cases/${kase.id}/court-actions`,
          courtAction(litigated, notifiedAt),
        )
      ).statusCode,
    ).toBe(403);
    const future = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${kase.id}/court-actions`,
      courtAction(litigated, new Date(world.clock.now().getTime() + 60_000)),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      errors: [{ field: '/body/notifiedAt' }],
      rule: expect.stringContaining('RGT-CRT-01'),
    });

    const res = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${kase.id}/court-actions`,
      courtAction(litigated, notifiedAt),
    );
    expect(res.statusCode, res.body).toBe(201);
    courtActionId = res.json().id;
    expect(res.json()).toEqual({
      id: courtActionId,
      claim: 'rectification',
      court: 'Voorzitter van de rechtbank van eerste aanleg Oost-Vlaanderen, afdeling Gent',
      rollNumber: '26/1234/C',
      notifiedAt: notifiedAt.toISOString(),
      rightsRequestId: null,
      itemIds: [litigated],
      recordedAt: world.clock.now().toISOString(),
      orders: [],
    });
    expect((await itemsSeenBy('socialWorker')).get(litigated)!.contested).toEqual({
      since: notifiedAt.toISOString(),
      causes: ['court_action'],
    });
    // The litigation is the controller's: the other participants see the mark, not the action.
    expect(
      (await call('policeOfficer', 'GET', `/api/cases/${kase.id}/court-actions`)).json().courtActions,
    ).toHaveLength(1);
    expect(
      (await call('socialWorker', 'GET', `/api/cases/${kase.id}/court-actions`)).json().courtActions,
    ).toEqual([]);
    const events = await auditEventsSince(world, before);
    expect(events.filter((e) => e.outcome === 'success').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['court_action_recorded', 'contested_set']),
    );
    expect(events.find((e) => e.reason === 'contested_set')!.records).toContainEqual({
      type: 'court_action',
      id: courtActionId,
    });
  });

  it('RGT-CRT-01 RGT-CRT-03 records an order of the president with the reference of its order to inform third parties', async () => {
    const url = `/api/cases/${kase.id}/court-actions/${courtActionId}/orders`;
    const order = {
      orderedOn: brusselsDateOf(world.clock.now()),
      reference: 'Kort Ged. Gent 26/1234/C, beschikking 1',
      summary: 'De verwerkingsverantwoordelijke verbetert de vaststelling en licht de ontvangers in.',
      informThirdPartiesReference: 'Beschikking 1, beschikkend gedeelte punt 3',
    };
    const tomorrow = brusselsDateOf(new Date(world.clock.now().getTime() + 86_400_000));
    const early = await call('policeOfficer', 'POST', url, { ...order, orderedOn: tomorrow });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ field: '/body/orderedOn', message: 'is in the future' }]);
    // To another participant, the police's action does not exist.
    expect((await call('socialWorker', 'POST', url, order)).statusCode).toBe(404);

    const res = await call('policeOfficer', 'POST', url, order);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().orders).toEqual([
      {
        id: expect.any(String),
        orderedOn: order.orderedOn,
        reference: order.reference,
        summary: order.summary,
        informThirdParties: { reference: 'Beschikking 1, beschikkend gedeelte punt 3' },
        recordedAt: world.clock.now().toISOString(),
      },
    ]);
  });

  it('RGT-CON-02 RGT-CON-04 FIL-08 shows the mark in the own-file JSON and PDF, keeps it in the export register, and tells the exporter of a later marking', async () => {
    const requestedTransfer = await call('socialWorker', 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [requested, exported],
      purpose: 'P1',
      justification: 'Het OCMW moet de budgetbegeleiding in het eigen sociaal dossier motiveren.',
    });
    expect(requestedTransfer.statusCode, requestedTransfer.body).toBe(201);
    const transferId: string = requestedTransfer.json().id;
    const decided = await call('policeOfficer', 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [
        { itemId: requested, decision: 'approved' },
        { itemId: exported, decision: 'approved' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const attested = await call('socialWorker', 'POST', `/api/transfers/${transferId}/attestation`, {
      accessLimitedToParticipants: true,
    });
    expect(attested.statusCode, attested.body).toBe(200);

    const exportIn = (format: 'json' | 'pdf', language: string) =>
      getIn(world, world.people.socialWorker, `/api/transfers/${transferId}/export/${format}`, language);
    const json = await exportIn('json', 'fr');
    expect(json.statusCode, json.body).toBe(200);
    const items = new Map((json.json().items as { itemId: string }[]).map((item) => [item.itemId, item]));
    const since = (await itemsSeenBy('socialWorker')).get(requested)!.contested as { since: string };
    expect(items.get(requested)).toMatchObject({
      flags: { contested: true },
      contestation: { label: 'Donnée contestée', since: since.since, causes: ['rectification_request'] },
    });
    expect(items.get(exported)).toMatchObject({ flags: { contested: false } });
    expect(items.get(exported)).not.toHaveProperty('contestation');
    // The transfer's own item list, as its requester and the controller read it, shows the mark too.
    const transfer = await call('socialWorker', 'GET', `/api/transfers/${transferId}`);
    const listed = new Map((transfer.json().items as { itemId: string; contested: unknown }[]).map((item) => [item.itemId, item]));
    expect(listed.get(requested)?.contested).toMatchObject({ since: since.since, causes: ['rectification_request'] });
    expect(listed.get(exported)?.contested).toBeNull();

    for (const [language, label, value] of [
      ['fr', 'Donnée contestée', 'oui – depuis'],
      ['nl', 'Betwist gegeven', 'ja – sinds'],
      ['de', 'Bestrittene Angabe', 'ja – seit'],
      ['en', 'Contested data', 'yes – since'],
    ] as const) {
      const pdf = await exportIn('pdf', language);
      expect(pdf.statusCode, pdf.body).toBe(200);
      const text = pdfText(pdf.rawPayload);
      expect(text, language).toContain(`${requested} – ${label}`);
      expect(text, language).toContain(value);
    }

    // RGT-CON-04: every disclosure record says which of its items it showed as contested.
    const register = await world.db.adminDb
      .selectFrom('own_file_exports')
      .select(['format', 'item_ids', 'contested_item_ids'])
      .where('transfer_id', '=', transferId)
      .orderBy('exported_at')
      .execute();
    expect(register).toHaveLength(5);
    for (const entry of register) expect(entry.contested_item_ids).toEqual([requested]);

    // FIL-08: the CPAS copied `exported`; marking it later tells the CPAS, and the register shows it.
    await registerRequest([exported], world.clock.now());
    const notifications = (await call('socialWorker', 'GET', '/api/notifications')).json().notifications;
    expect(notifications).toContainEqual(
      expect.objectContaining({ kind: 'exported_item_changed', subjectId: exported }),
    );
    const changes = (await call('socialWorker', 'GET', `/api/transfers/${transferId}`)).json().exports[0]
      .changes;
    expect(changes).toContainEqual(expect.objectContaining({ itemId: exported, change: 'contested' }));
  });

  it('RGT-CON-03 A-22 refuses a clearance without a basis or a final judgment without its reference and date, naming the fields; only the controller clears, audited', async () => {
    const marksUrl = `/api/cases/${kase.id}/items/${litigated}/contested-marks`;
    const [mark] = (await call('policeOfficer', 'GET', marksUrl)).json().marks as { id: string }[];
    const clear = (who: PersonName, body: unknown) =>
      call(who, 'POST', `${marksUrl}/${mark!.id}/clearance`, body);

    const withoutBasis = await clear('policeOfficer', { date: brusselsDateOf(world.clock.now()) });
    expect(withoutBasis.statusCode).toBe(400);
    expect(withoutBasis.json()).toMatchObject({
      errors: [{ field: '/body/basis' }],
      rule: 'L2007 art. 15 (SPEC RGT-CON-03, A-22)',
    });
    const bareJudgment = await clear('policeOfficer', { basis: 'final_judgment' });
    expect(bareJudgment.statusCode).toBe(400);
    expect(bareJudgment.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/date',
      '/body/reference',
      '/body/resJudicataConfirmed',
    ]);
    // A court action is not ended by executing a request (its order is only provisionally enforceable).
    const executed = await clear('policeOfficer', {
      basis: 'request_executed',
      date: brusselsDateOf(world.clock.now()),
    });
    expect(executed.statusCode).toBe(400);
    expect(executed.json().errors[0].field).toBe('/body/basis');
    const judgment = {
      basis: 'final_judgment',
      reference: 'Kort Ged. Gent 26/1234/C, in kracht van gewijsde',
      date: brusselsDateOf(world.clock.now()),
      resJudicataConfirmed: true,
    };
    // Another participant is refused (ROL-09), the marking stands.
    expect((await clear('socialWorker', judgment)).statusCode).toBe(403);
    expect((await itemsSeenBy('socialWorker')).get(litigated)!.contested).not.toBeNull();

    const before = await auditPosition(world);
    const cleared = await clear('policeOfficer', judgment);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().marks[0].cleared).toEqual({
      at: world.clock.now().toISOString(),
      by: 'Karel Wouters',
      basis: 'final_judgment',
      reference: judgment.reference,
      date: judgment.date,
      resJudicataConfirmed: true,
    });
    expect((await itemsSeenBy('socialWorker')).get(litigated)!.contested).toBeNull();
    expect(await auditEventsSince(world, before)).toContainEqual(
      expect.objectContaining({
        action: 'adapt',
        outcome: 'success',
        reason: 'contested_cleared_final_judgment',
        records: [
          { type: 'item', id: litigated, category: 11 },
          { type: 'contested_mark', id: mark!.id },
        ],
      }),
    );
    expect((await clear('policeOfficer', judgment)).statusCode).toBe(409);
  });
});
