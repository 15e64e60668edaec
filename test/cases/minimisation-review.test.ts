/**
 * The organiser's minimisation review over HTTP on a real database (bill Comm. art. 2, art. 2 §2
 * al. 1 16°; L2007 art. 4 §1 3°; SPEC PUR-04, DAT-16): the items of categories 9 to 16 without a
 * relevance justification, the items nobody read for a chosen number of days, and the catch-all
 * items on their own with the organiser's review, which keeps an item or asks its controller to
 * correct it. The test that moves the clock by weeks comes last: it ends the world's sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { FIELDS } from '../../src/server/modules/cases/case-fields.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const DAY_MS = 86_400_000;
const REVIEW_RULE = 'bill Comm. art. 2; art. 2 §2 al. 1 16° (SPEC PUR-04, DAT-16)';
const JUSTIFICATION = 'minimalisatiecontrole van het dossier';

interface Listed {
  id: string;
  category: string;
  controller: { id: string; legalName: string };
  lastReadAt: string | null;
}
interface CatchAll extends Listed {
  restricted: boolean;
  relevance: string | null;
  lastReview: null | {
    id: string;
    decision: string;
    reason: string | null;
    correctionRequestId: string | null;
    reviewer: string;
    itemVersion: number;
  };
}
interface Report {
  notAccessedForDays: number;
  unjustified: Listed[];
  notAccessed: Listed[];
  catchAll: CatchAll[];
}

/** Behavioural data (category 14) about `personId`. */
const behaviouralItem = (
  personId: string,
  content = 'Zoekt na elk incident de school van de kinderen op.',
) => ({
  category: 'C14',
  personIds: [personId],
  content,
  classification: 'non_classified',
  relevance: 'Toont hoe het risico voor de kinderen zich ontwikkelt.',
  provenance: { kind: 'already_held', sourceReference: 'PV GE.55.L1.020202/2026' },
  missionConfirmed: true,
});

/** Other data necessary to the consultation (category 16) about `personId`. */
const catchAllItem = (personId: string, content: string, relevance: string) => ({
  category: 'C16',
  personIds: [personId],
  content,
  classification: 'non_classified',
  relevance,
  provenance: { kind: 'already_held', sourceReference: 'Interventieverslag 2026/44' },
  missionConfirmed: true,
});

/** The fields of an edit: an item as created, without what only a creation says. */
function asEdit(item: Record<string, unknown>, reason: string) {
  const { provenance: _p, missionConfirmed: _m, ...fields } = item;
  return { ...fields, reason };
}

const session = (who: Signed, justification: string | null = JUSTIFICATION) =>
  freshSession(world, who.actor.userId, { justification });

async function report(who: Signed, caseId: string, query = ''): Promise<Report> {
  const res = await world.request(who, 'GET', `/api/cases/${caseId}/minimisation-review${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
}

async function addItem(who: Signed, caseId: string, item: Record<string, unknown>): Promise<string> {
  const res = await world.request(who, 'POST', `/api/cases/${caseId}/items`, item);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/**
 * The item as one recorded before the relevance rule would be (or through a path that did not
 * check it): its payload rewritten without the justification, as the owner, under the case key.
 */
async function stripRelevance(caseId: string, itemId: string): Promise<void> {
  const envelope = createEnvelope({ keys: world.keys });
  await world.db.adminDb.transaction().execute(async (tx) => {
    await createAccessRepository().actFor(tx, world.people.policeOfficer.actor.userId, [world.org.police]);
    const row = await tx
      .selectFrom('items')
      .select(['payload', 'version'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    const cipher = await envelope.openScope(tx, `case:${caseId}`);
    const field = FIELDS.item(itemId, row.version);
    const payload = JSON.parse(await cipher.decryptText(...field, row.payload!)) as Record<string, unknown>;
    const sealed = await cipher.encrypt(...field, JSON.stringify({ ...payload, relevance: null }));
    await tx.updateTable('items').set({ payload: sealed }).where('id', '=', itemId).execute();
    await tx
      .updateTable('item_versions')
      .set({ payload: sealed })
      .where('item_id', '=', itemId)
      .where('version', '=', row.version)
      .execute();
  });
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

describe('minimisation review', () => {
  it('PUR-04 lists the items of categories 9 to 16 without a relevance justification, and none once remediated', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const police = await session(world.people.policeOfficer);
    // Saving such an item without its justification is blocked at entry…
    const { relevance: _r, ...withoutRelevance } = behaviouralItem(kase.subjectId);
    const blocked = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, withoutRelevance);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().errors).toEqual([
      { field: '/body/relevance', message: 'say why this information is relevant to the consultation' },
    ]);
    // … so an unjustified item is one recorded before the rule, simulated here.
    const legacy = await addItem(police, kase.id, behaviouralItem(kase.subjectId));
    await stripRelevance(kase.id, legacy);
    // Ordinary categories (1 to 8) need no relevance justification.
    await addItem(police, kase.id, {
      category: 'C06',
      personIds: [kase.subjectId],
      content: 'Speelt voetbal in de plaatselijke club.',
      classification: 'non_classified',
      provenance: { kind: 'already_held', sourceReference: 'dossier 2026/17' },
      missionConfirmed: true,
    });

    const coordinator = await session(world.people.coordinator);
    const before = await auditPosition(world);
    const res = await world.request(coordinator, 'GET', `/api/cases/${kase.id}/minimisation-review`);
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as Report;
    expect(first.unjustified).toEqual([
      {
        id: legacy,
        category: 'C14',
        controller: { id: world.org.police, legalName: expect.any(String) },
        blocked: false,
        version: 1,
        createdAt: world.clock.now().toISOString(),
        updatedAt: world.clock.now().toISOString(),
        lastReadAt: null,
      },
    ]);
    // The report shows no content of any item.
    expect(res.body).not.toContain('school van de kinderen');
    expect(res.body).not.toContain('voetbal');
    // Running it is a consult of what the case holds, with the working session's justification.
    const events = await auditEventsSince(world, before);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'consult',
        outcome: 'success',
        caseId: kase.id,
        reason: 'minimisation_review',
        justification: JUSTIFICATION,
        actor: expect.objectContaining({
          userId: coordinator.actor.userId,
          organisationId: world.org.coordination,
        }),
        records: expect.arrayContaining([
          { type: 'case', id: kase.id },
          { type: 'item', id: legacy, category: 14 },
        ]),
      }),
    ]);

    // The controller remediates through the edit; the review then finds no missing justification.
    const edited = await world.request(
      police,
      'PUT',
      `/api/cases/${kase.id}/items/${legacy}`,
      asEdit(behaviouralItem(kase.subjectId), 'De relevantie voor het overleg ontbrak nog.'),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await report(coordinator, kase.id)).unjustified).toEqual([]);
  });

  it('DAT-16 reports the catch-all items separately, with the organiser review kept and audited', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const police = await world.newcomer('policeOfficer');
    const designated = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: police.actor.userId,
      scope: 'genetic_biometric',
      function: 'Labo technische recherche',
      confidentialityConfirmed: true,
    });
    expect(designated.statusCode, designated.body).toBe(201);
    const refused = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, {
      ...catchAllItem(kase.subjectId, 'Houdt een pitbull in de tuin.', 'x'),
      relevance: undefined,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toContain('DAT-16');
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ field: '/body/relevance' }));
    const dog = await addItem(
      police,
      kase.id,
      catchAllItem(
        kase.subjectId,
        'Houdt een pitbull in de tuin.',
        'Hulpverleners moeten weten dat er een gevaarlijke hond is.',
      ),
    );
    const car = await addItem(
      police,
      kase.id,
      catchAllItem(
        kase.subjectId,
        'Rijdt met een grijze bestelwagen.',
        'Om de betrokkene bij een melding te herkennen.',
      ),
    );
    // A catch-all item holding biometric data: its justification is for the designated only (DAT-19).
    const fingerprint = await addItem(police, kase.id, {
      ...catchAllItem(
        kase.subjectId,
        'Vingerafdrukken afgenomen bij de aanhouding.',
        'Identificatie bij een volgende melding.',
      ),
      geneticOrBiometric: true,
      special: { ground: 'g', justification: 'Nodig om een concreet gevaar voor de partner te voorkomen.' },
    });

    const coordinator = await session(world.people.coordinator);
    const first = await report(coordinator, kase.id);
    expect(ids(first.catchAll)).toEqual([car, dog, fingerprint].sort());
    expect(first.unjustified).toEqual([]);
    expect(first.catchAll.find((item) => item.id === dog)).toMatchObject({
      category: 'C16',
      controller: { id: world.org.police },
      restricted: false,
      relevance: 'Hulpverleners moeten weten dat er een gevaarlijke hond is.',
      lastReview: null,
    });
    expect(first.catchAll.find((item) => item.id === fingerprint)).toMatchObject({
      restricted: true,
      relevance: null,
    });
    const undesignated = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${fingerprint}/catch-all-review`,
      {
        decision: 'kept',
        reason: 'Nodig voor de identificatie.',
      },
    );
    expect(undesignated.statusCode).toBe(403);
    expect(undesignated.json().rule).toContain('DAT-19');

    // Kept: the review is stored and audited.
    let position = await auditPosition(world);
    const kept = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${dog}/catch-all-review`,
      {
        decision: 'kept',
        reason: 'Noodzakelijk voor de veiligheid van wie op huisbezoek gaat.',
      },
    );
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({
      itemId: dog,
      decision: 'kept',
      reason: 'Noodzakelijk voor de veiligheid van wie op huisbezoek gaat.',
      itemVersion: 1,
      correctionRequestId: null,
      reviewer: 'Sara Claes',
    });
    expect(await auditEventsSince(world, position)).toEqual([
      expect.objectContaining({
        action: 'record',
        outcome: 'success',
        caseId: kase.id,
        reason: 'catch_all_kept',
        records: [
          { type: 'catch_all_review', id: kept.json().id },
          { type: 'item', id: dog, category: 16 },
        ],
      }),
    ]);

    // Correction requested: the controller is asked as with «request correction», and told.
    position = await auditPosition(world);
    const asked = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${car}/catch-all-review`,
      {
        decision: 'correction_requested',
        reason: 'Het voertuig is voor het overleg niet nodig: beperk het item of wis het.',
      },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const correctionRequestId: string = asked.json().correctionRequestId;
    expect(correctionRequestId).toEqual(expect.any(String));
    const events = await auditEventsSince(world, position);
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ['collect', undefined],
      ['record', 'catch_all_correction_requested'],
    ]);
    expect(events[0]!.records).toEqual([
      { type: 'correction_request', id: correctionRequestId },
      { type: 'item', id: car, category: 16 },
    ]);
    const request = await world.db.adminDb
      .selectFrom('correction_requests')
      .select(['item_id', 'organisation_id', 'requested_by'])
      .where('id', '=', correctionRequestId)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({
      item_id: car,
      organisation_id: world.org.coordination,
      requested_by: coordinator.actor.userId,
    });
    const notices = await world.request(police, 'GET', '/api/notifications');
    expect(notices.json().notifications).toContainEqual(
      expect.objectContaining({ kind: 'correction_requested', caseId: kase.id, subjectId: car }),
    );

    // The report shows each catch-all item's last review; the reasons stay out of the audit log.
    const second = await report(coordinator, kase.id);
    expect(second.catchAll.find((item) => item.id === dog)!.lastReview).toMatchObject({ decision: 'kept' });
    expect(second.catchAll.find((item) => item.id === car)!.lastReview).toMatchObject({
      decision: 'correction_requested',
      correctionRequestId,
    });
    expect(second.catchAll.find((item) => item.id === fingerprint)!.lastReview).toBeNull();
    expect(JSON.stringify(await auditEventsSince(world, 0))).not.toContain('beperk het item');
  });

  it('PUR-04 DAT-16 only the organiser runs the review: a participant and the compartment are refused, others learn nothing', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}/minimisation-review`;
    for (const who of [world.people.socialWorker, world.people.policeOfficer, world.people.representative]) {
      const refused = await world.request(who, 'GET', url);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().rule).toBe(REVIEW_RULE);
    }
    expect((await world.request(world.people.youthWorker, 'GET', url)).statusCode).toBe(404);
    expect((await world.request(world.people.policeDpo, 'GET', url)).statusCode).toBe(404);
    const review = await world.request(
      world.people.socialWorker,
      'POST',
      `/api/cases/${kase.id}/items/${kase.itemIds[0]}/catch-all-review`,
      { decision: 'kept', reason: 'Volgens mij nodig.' },
    );
    expect(review.statusCode).toBe(403);
    // Before the signal the case is the compartment's: the organiser may not know it exists.
    const draft = await newCase(world, { items: 1 });
    expect(
      (await world.request(world.people.coordinator, 'GET', `/api/cases/${draft.id}/minimisation-review`))
        .statusCode,
    ).toBe(404);
    // The report tells what the case holds and why: the working session says why it is read.
    const unjustified = await world.request(await session(world.people.coordinator, null), 'GET', url);
    expect(unjustified.statusCode).toBe(403);
    expect(unjustified.json().code).toBe('justification_required');
  });

  it('PUR-04 names the query field of a period that is not a whole number of days from 1 to 3650', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const coordinator = await session(world.people.coordinator);
    for (const value of ['0', '-3', '1.5', '1e3', 'soon', '3651', '10000']) {
      const res = await world.request(
        coordinator,
        'GET',
        `/api/cases/${kase.id}/minimisation-review?notAccessedForDays=${value}`,
      );
      expect(res.statusCode, value).toBe(400);
      expect(
        res.json().errors.map((error: { field: string }) => error.field),
        value,
      ).toContain('/querystring/notAccessedForDays');
    }
    const late = await world.request(
      coordinator,
      'GET',
      `/api/cases/${kase.id}/minimisation-review?notAccessedForDays=3651`,
    );
    expect(late.json().errors).toEqual([
      { field: '/querystring/notAccessedForDays', message: 'must be a whole number of days from 1 to 3650' },
    ]);
    expect((await report(coordinator, kase.id, '?notAccessedForDays=3650')).notAccessedForDays).toBe(3650);
    expect((await report(coordinator, kase.id, '?notAccessedForDays=1')).notAccessedForDays).toBe(1);
  });

  it('DAT-16 refuses the review of an item that is not catch-all, naming the rule, and of the organiser its own', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const coordinator = await session(world.people.coordinator);
    const risk = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${kase.itemIds[0]}/catch-all-review`,
      {
        decision: 'kept',
        reason: 'Nodig voor het overleg.',
      },
    );
    expect(risk.statusCode).toBe(409);
    expect(risk.json().rule).toBe('bill art. 2 §2 al. 1 16° (SPEC DAT-16)');
    const own = await addItem(
      coordinator,
      kase.id,
      catchAllItem(
        kase.subjectId,
        'Heeft een afspraak bij het Veilig Huis op dinsdag.',
        'Om de opvolging af te stemmen.',
      ),
    );
    const bad = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${own}/catch-all-review`,
      {
        decision: 'erased',
        reason: 'Niet nodig.',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toContain('/body/decision');
    // The organiser changes its own item instead of asking itself for a correction (ROL-09).
    const self = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${own}/catch-all-review`,
      {
        decision: 'correction_requested',
        reason: 'Beperk tot het nodige.',
      },
    );
    expect(self.statusCode).toBe(409);
    expect(self.json().rule).toBe('SPEC ROL-09');
    const missing = await world.request(
      coordinator,
      'POST',
      `/api/cases/${kase.id}/items/${crypto.randomUUID()}/catch-all-review`,
      { decision: 'kept', reason: 'Nodig.' },
    );
    expect(missing.statusCode).toBe(404);
  });

  // Last: moving the clock by weeks ends the world's sessions; fresh ones are opened after each move.
  it('PUR-04 lists the items nobody read for N days, and not one read since', async () => {
    const kase = await newCase(world, { items: 2, to: 'accepted' });
    const [read, unread] = kase.itemIds as [string, string];
    world.clock.advanceMs(40 * DAY_MS);
    const police = await session(world.people.policeOfficer);
    const versions = await world.request(police, 'GET', `/api/cases/${kase.id}/items/${read}/versions`);
    expect(versions.statusCode, versions.body).toBe(200);
    const readAt = world.clock.now().toISOString();
    world.clock.advanceMs(40 * DAY_MS);
    const police2 = await session(world.people.policeOfficer);
    // Created today: not read yet, but not forgotten either.
    const fresh = await addItem(police2, kase.id, behaviouralItem(kase.subjectId));
    const coordinator = await session(world.people.coordinator);

    const sixty = await report(coordinator, kase.id, '?notAccessedForDays=60');
    expect(sixty.notAccessedForDays).toBe(60);
    expect(sixty.notAccessed).toEqual([expect.objectContaining({ id: unread, lastReadAt: null })]);
    const thirty = await report(coordinator, kase.id, '?notAccessedForDays=30');
    expect(ids(thirty.notAccessed)).toEqual([read, unread].sort());
    expect(thirty.notAccessed.find((item) => item.id === read)!.lastReadAt).toBe(readAt);
    expect(ids(thirty.notAccessed)).not.toContain(fresh);
    // Running the review lists the items: it does not read them.
    expect(ids((await report(coordinator, kase.id, '?notAccessedForDays=60')).notAccessed)).toEqual([unread]);
    // The product default when the organiser does not choose.
    expect((await report(coordinator, kase.id)).notAccessedForDays).toBe(90);

    // The organiser's own visit to the case page it reviews from is not what the review asks about…
    const visited = await world.request(coordinator, 'GET', `/api/cases/${kase.id}`);
    expect(visited.statusCode).toBe(200);
    expect(ids((await report(coordinator, kase.id, '?notAccessedForDays=60')).notAccessed)).toEqual([unread]);
    // … a participant reading the case is: every item it showed is read now.
    const viewed = await world.request(police2, 'GET', `/api/cases/${kase.id}`);
    expect(viewed.statusCode).toBe(200);
    expect((await report(coordinator, kase.id, '?notAccessedForDays=1')).notAccessed).toEqual([]);
  });
});
