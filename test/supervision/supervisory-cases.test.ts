/**
 * A controller's supervisory cases over HTTP on a real database (L1992 arts 30-31; SPEC SUP-01,
 * SUP-02): the complaint the Commission forwards, its correspondence, the settlement minutes, its
 * opinions and recommendations, the actions taken with their due dates (on the compliance dashboard
 * until done), and the controller's position before a recommendation. Kept by the controller's DPO.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import {
  actionOf,
  complaintCase,
  LETTER,
  positionOf,
  recommendationOf,
  supervisoryCaseOf,
  today,
} from '../support/supervision-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const DAY = 86_400_000;

/** Days pass: sessions do not outlive them (idle and absolute timeouts), so the DPOs sign in again. */
async function daysPass(days: number): Promise<void> {
  world.clock.advanceMs(days * DAY);
  for (const name of ['policeDpo', 'cpasDpo', 'policeOfficer'] as const)
    world.people[name] = await world.extraSession(name);
}
const casePath = (id: string, rest = '') => `/api/supervision/cases/${id}${rest}`;

async function supervisoryIndicator(who = world.people.policeDpo) {
  const res = await world.request(who, 'GET', '/api/compliance/dashboard');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().indicators as { key: string; status: string; figures: Record<string, unknown> }[]).find(
    (indicator) => indicator.key === 'supervisory_recommendations',
  )!;
}

describe('supervisory cases', () => {
  it('SUP-01 a recommendation recorded with an action and a due date appears on the compliance dashboard until the action is done', async () => {
    const before = await supervisoryIndicator();
    const caseId = await supervisoryCaseOf(world);
    const recommendation = await recommendationOf(world, caseId);
    const dueOn = new Date(world.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    const actionId = await actionOf(world, caseId, dueOn, recommendation);

    const open = await supervisoryIndicator();
    expect(open.status).toBe(before.status === 'red' ? 'red' : 'amber');
    expect(open.figures.open_actions).toBe((before.figures.open_actions as number) + 1);
    const items = (await world.request(world.people.policeDpo, 'GET', '/api/supervision/open-items')).json()
      .items;
    expect(items).toContainEqual({
      item: 'action',
      id: actionId,
      caseId,
      commissionReference: expect.any(String),
      dueOn,
      overdue: false,
    });

    // Past its due date it turns red.
    await daysPass(11);
    const late = await supervisoryIndicator();
    expect(late.status).toBe('red');
    expect(late.figures.overdue_actions).toBeGreaterThanOrEqual(1);
    const detail = (await world.request(world.people.policeDpo, 'GET', casePath(caseId))).json();
    expect(detail.actions).toEqual([
      expect.objectContaining({ id: actionId, entryId: recommendation, overdue: true, done: null }),
    ]);

    const done = await world.request(
      world.people.policeDpo,
      'POST',
      casePath(caseId, `/actions/${actionId}/completion`),
      {
        note: 'Herinneringen ingesteld in de rechtendesk.',
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actions[0]).toMatchObject({
      overdue: false,
      done: { by: 'An Peeters', note: 'Herinneringen ingesteld in de rechtendesk.' },
    });
    const after = await supervisoryIndicator();
    expect(after.figures.open_actions).toBe(before.figures.open_actions);
    expect(
      (await world.request(world.people.policeDpo, 'GET', '/api/supervision/open-items'))
        .json()
        .items.some((i: { id: string }) => i.id === actionId),
    ).toBe(false);
    // Done once: a second completion is refused.
    const again = await world.request(
      world.people.policeDpo,
      'POST',
      casePath(caseId, `/actions/${actionId}/completion`),
      { note: 'Nogmaals.' },
    );
    expect(again.statusCode).toBe(409);
  });

  it('SUP-01 the register keeps the forwarded complaint, the correspondence, the settlement minutes and the opinion, encrypted, each step audited', async () => {
    const dpo = world.people.policeDpo;
    const start = await auditPosition(world);
    const opened = await world.request(
      dpo,
      'POST',
      '/api/supervision/cases',
      complaintCase(world, { subject: 'Klacht van mevrouw Claes over haar dossier.' }),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId: string = opened.json().id;
    const entries = [
      {
        kind: 'complaint',
        summary: 'Doorgestuurde klacht van mevrouw Claes, getekend en gedateerd.',
        document: LETTER,
      },
      { kind: 'letter_sent', summary: 'Ons antwoord aan de Commissie.' },
      {
        kind: 'settlement_minutes',
        summary: 'Proces-verbaal van de minnelijke schikking.',
        document: LETTER,
      },
      { kind: 'opinion', summary: 'Advies over de gegrondheid van de klacht.' },
    ];
    for (const entry of entries) {
      const res = await world.request(dpo, 'POST', casePath(caseId, '/entries'), {
        ...entry,
        datedOn: today(world),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const detail = (await world.request(dpo, 'GET', casePath(caseId))).json();
    expect(detail).toMatchObject({
      state: 'open',
      origin: 'complaint',
      subject: 'Klacht van mevrouw Claes over haar dossier.',
    });
    expect(detail.entries.map((e: { kind: string }) => e.kind)).toEqual(entries.map((e) => e.kind));
    const sha256 = createHash('sha256').update(Buffer.from(LETTER.contentBase64, 'base64')).digest('hex');
    expect(detail.entries[0].document).toEqual({ mediaType: 'application/pdf', sha256 });

    // The letter comes back as recorded; what the case says is not in clear in the database.
    const file = await world.request(
      dpo,
      'GET',
      casePath(caseId, `/entries/${detail.entries[0].id}/document`),
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(sha256);
    const stored = await world.db.adminDb
      .selectFrom('supervisory_entries')
      .select(['summary', 'document'])
      .where('case_id', '=', caseId)
      .execute();
    for (const row of stored) {
      expect(row.summary.toString('latin1')).not.toContain('Claes');
      expect(row.document?.toString('latin1') ?? '').not.toContain('%PDF');
    }
    const subject = await world.db.adminDb
      .selectFrom('supervisory_cases')
      .select('subject')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(subject.subject.toString('latin1')).not.toContain('Claes');

    const events = await auditEventsSince(world, start);
    expect(
      events
        .filter((e) => e.records?.some((r) => r.type === 'supervisory_case' && r.id === caseId))
        .map((e) => e.reason),
    ).toEqual([
      'supervisory_case_opened',
      'supervisory_complaint',
      'supervisory_letter_sent',
      'supervisory_settlement_minutes',
      'supervisory_opinion',
      'supervisory_case',
      'supervisory_document',
    ]);
    for (const event of events.filter((e) => e.records?.some((r) => r.id === caseId))) {
      expect(JSON.stringify(event)).not.toContain('Claes');
    }

    const list = (await world.request(dpo, 'GET', '/api/supervision/cases')).json().supervisoryCases;
    expect(list).toContainEqual(expect.objectContaining({ id: caseId, openActions: 0, awaitedPositions: 0 }));
  });

  it('SUP-01 a case is its controller’s DPO’s: another controller’s DPO does not find it, anyone else is refused and audited', async () => {
    const caseId = await supervisoryCaseOf(world);
    const other = await world.request(world.people.cpasDpo, 'GET', casePath(caseId));
    expect(other.statusCode).toBe(404);
    expect(
      (await world.request(world.people.cpasDpo, 'GET', '/api/supervision/cases'))
        .json()
        .supervisoryCases.some((c: { id: string }) => c.id === caseId),
    ).toBe(false);
    const entry = await world.request(world.people.cpasDpo, 'POST', casePath(caseId, '/entries'), {
      kind: 'letter_received',
      datedOn: today(world),
      summary: 'Brief.',
    });
    expect(entry.statusCode).toBe(404);

    const start = await auditPosition(world);
    const officer = await world.request(world.people.policeOfficer, 'GET', casePath(caseId));
    expect(officer.statusCode).toBe(403);
    expect(officer.json().rule).toContain('17bis');
    const denied = await auditEventsSince(world, start);
    expect(denied).toContainEqual(expect.objectContaining({ outcome: 'denied', reason: 'not_dpo' }));
  });

  it('SUP-02 the controller’s position is attached with its submission date, against the Commission’s deadline', async () => {
    const caseId = await supervisoryCaseOf(world);
    const deadlineOn = new Date(world.clock.now().getTime() + 14 * DAY).toISOString().slice(0, 10);
    const refused = await world.request(world.people.policeDpo, 'POST', casePath(caseId, '/positions'), {
      invitedOn: today(world),
      deadlineOn: '2020-01-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      rule: 'L1992 art. 30 §2 (SPEC SUP-02)',
      errors: [{ field: '/body/deadlineOn' }],
    });
    const positionId = await positionOf(world, caseId, deadlineOn);
    const invitedOn = today(world);
    let detail = (await world.request(world.people.policeDpo, 'GET', casePath(caseId))).json();
    expect(detail.positions).toEqual([
      { id: positionId, invitedOn, deadlineOn, overdue: false, submission: null },
    ]);
    expect(
      (await world.request(world.people.policeDpo, 'GET', '/api/supervision/cases')).json().supervisoryCases,
    ).toContainEqual(expect.objectContaining({ id: caseId, awaitedPositions: 1 }));

    await daysPass(3);
    const submittedOn = today(world);
    const bad = await world.request(
      world.people.policeDpo,
      'POST',
      casePath(caseId, `/positions/${positionId}/submission`),
      {
        submittedOn,
        document: {
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('not a pdf at all').toString('base64'),
        },
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: '/body/document/mediaType', message: 'does not match the document' },
    ]);
    const sent = await world.request(
      world.people.policeDpo,
      'POST',
      casePath(caseId, `/positions/${positionId}/submission`),
      { submittedOn, document: LETTER },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    detail = sent.json();
    expect(detail.positions[0]).toMatchObject({
      overdue: false,
      submission: { submittedOn, document: { mediaType: 'application/pdf' }, submittedBy: 'An Peeters' },
    });
    const file = await world.request(
      world.people.policeDpo,
      'GET',
      casePath(caseId, `/positions/${positionId}/document`),
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(LETTER.contentBase64, 'base64'))).toBe(true);
    const twice = await world.request(
      world.people.policeDpo,
      'POST',
      casePath(caseId, `/positions/${positionId}/submission`),
      { submittedOn, document: LETTER },
    );
    expect(twice.statusCode).toBe(409);
  });

  it('SUP-02 a position not sent by the Commission’s deadline shows overdue on the dashboard', async () => {
    const caseId = await supervisoryCaseOf(world);
    const positionId = await positionOf(world, caseId, today(world));
    await daysPass(1);
    const items = (await world.request(world.people.policeDpo, 'GET', '/api/supervision/open-items')).json()
      .items;
    expect(items).toContainEqual(
      expect.objectContaining({ item: 'position', id: positionId, overdue: true }),
    );
    expect((await supervisoryIndicator()).status).toBe('red');
  });

  it('SUP-01 a case with an action still to do stays open; a closed case takes nothing more', async () => {
    const dpo = world.people.policeDpo;
    const caseId = await supervisoryCaseOf(world);
    const actionId = await actionOf(world, caseId, today(world));
    const early = await world.request(dpo, 'POST', casePath(caseId, '/closure'), { closure: 'settled' });
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toBe('L1992 arts 30-31 (SPEC SUP-01)');
    await world.request(dpo, 'POST', casePath(caseId, `/actions/${actionId}/completion`), {
      note: 'Gedaan.',
    });
    const closed = await world.request(dpo, 'POST', casePath(caseId, '/closure'), { closure: 'settled' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closure: 'settled' });
    const late = await world.request(dpo, 'POST', casePath(caseId, '/entries'), {
      kind: 'letter_received',
      datedOn: today(world),
      summary: 'Brief.',
    });
    expect(late.statusCode).toBe(409);
  });

  it('SUP-01 bad input is refused whole, naming each field, and changes nothing', async () => {
    const dpo = world.people.policeDpo;
    const cases = await countRows(world.db.adminDb, 'supervisory_cases');
    const future = new Date(world.clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
    const res = await world.request(
      dpo,
      'POST',
      '/api/supervision/cases',
      complaintCase(world, { openedOn: future }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: '/body/openedOn', message: `${future} is in the future` }]);
    const shape = await world.request(dpo, 'POST', '/api/supervision/cases', {
      ...complaintCase(world),
      origin: 'gossip',
    });
    expect(shape.statusCode).toBe(400);
    const reference = complaintCase(world).commissionReference;
    expect(
      (
        await world.request(
          dpo,
          'POST',
          '/api/supervision/cases',
          complaintCase(world, { commissionReference: reference }),
        )
      ).statusCode,
    ).toBe(201);
    const twice = await world.request(
      dpo,
      'POST',
      '/api/supervision/cases',
      complaintCase(world, { commissionReference: reference }),
    );
    expect(twice.json().errors).toEqual([
      { field: '/body/commissionReference', message: 'names a supervisory case recorded already' },
    ]);
    expect(await countRows(world.db.adminDb, 'supervisory_cases')).toBe(cases + 1);

    const caseId = await supervisoryCaseOf(world);
    const entries = await countRows(world.db.adminDb, 'supervisory_entries');
    const actions = await countRows(world.db.adminDb, 'supervisory_actions');
    const wrong = await world.request(dpo, 'POST', casePath(caseId, '/actions'), {
      entryId: '00000000-0000-4000-8000-000000000000',
      description: 'Iets.',
      dueOn: today(world),
    });
    expect(wrong.json().errors).toEqual([
      { field: '/body/entryId', message: 'is not an entry of this case' },
    ]);
    const emptyDoc = await world.request(dpo, 'POST', casePath(caseId, '/entries'), {
      kind: 'opinion',
      datedOn: future,
      summary: 'Advies.',
      document: { mediaType: 'application/pdf', contentBase64: 'AAAA' },
    });
    expect(emptyDoc.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/datedOn',
      '/body/document/mediaType',
    ]);
    expect(await countRows(world.db.adminDb, 'supervisory_entries')).toBe(entries);
    expect(await countRows(world.db.adminDb, 'supervisory_actions')).toBe(actions);
  });
});
