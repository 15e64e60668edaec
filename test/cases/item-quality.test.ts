/**
 * Blocking and verifying an item over HTTP (L2007 art. 4 §1, art. 6 §2 a), art. 16 §2 1°; SPEC
 * DAT-22, SEC-11, FIL-08): a withdrawn written consent or an unlawfully obtained item is shown to
 * nobody and leaves in no export from the next request, opens an erasure review for its
 * controller and tells those who copied it; the controller records when it last checked an item.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type PersonName, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { beliefItem, freshSession } from '../support/item-steps.js';

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const call = (who: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  world.request(who, method, url, payload);

async function item(who: Signed, caseId: string, itemId: string) {
  const res = await call(who, 'GET', `/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json().items as {
      id: string;
      content: string | null;
      blocked: unknown;
      lastVerifiedAt: string | null;
      review: unknown;
      erasureReview: unknown;
    }[]
  ).find((i) => i.id === itemId)!;
}

describe('blocking and verifying an item', () => {
  it('SEC-11 FIL-08 blocks an item obtained unlawfully for every reader and export, opens an erasure review and tells the exporter', async () => {
    const { policeOfficer: police, coordinator, socialWorker } = world.people;
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const itemId = kase.itemIds[0]!;
    // The CPAS copied the item to its own file (bill art. 4).
    const requested = await call(socialWorker, 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [itemId],
      purpose: 'P1',
      justification: 'Nodig voor het sociaal dossier van het gezin.',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const transferId = requested.json().id;
    await call(police, 'POST', `/api/transfers/${transferId}/decisions`, { decisions: [{ itemId, decision: 'approved' }] });
    await call(socialWorker, 'POST', `/api/transfers/${transferId}/attestation`, { accessLimitedToParticipants: true });
    expect((await call(socialWorker, 'GET', `/api/transfers/${transferId}/export/json`)).statusCode).toBe(200);

    // Only the controller blocks (ROL-09).
    const byOther = await call(socialWorker, 'POST', `/api/cases/${kase.id}/items/${itemId}/blocking`, {
      reason: 'unlawfully_obtained',
    });
    expect(byOther.statusCode).toBe(403);
    const before = await auditPosition(world);
    const blocked = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/blocking`, {
      reason: 'unlawfully_obtained',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json()).toMatchObject({ content: null, blocked: { reason: 'unlawfully_obtained' } });
    expect((await auditEventsSince(world, before)).map((e) => [e.action, e.reason])).toContainEqual(['block', 'unlawfully_obtained']);

    for (const who of [police, coordinator, socialWorker]) {
      expect(await item(who, kase.id, itemId)).toMatchObject({ content: null, blocked: { reason: 'unlawfully_obtained' } });
    }
    const versions = await call(coordinator, 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`);
    expect(versions.json().versions.every((v: { content: string | null }) => v.content === null)).toBe(true);
    // Hidden from export: neither a new copy nor the existing transfer takes it any more.
    expect((await call(socialWorker, 'GET', `/api/transfers/${transferId}/export/json`)).statusCode).toBe(409);
    const again = await call(socialWorker, 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [itemId],
      purpose: 'P1',
      justification: 'Nodig voor het sociaal dossier van het gezin.',
    });
    expect(again.statusCode).toBe(400);
    // Nor is it edited while blocked.
    const edit = await call(police, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      category: 'C11',
      personIds: [kase.subjectId],
      content: 'Gewijzigd.',
      classification: 'non_classified',
      relevance: 'Nodig.',
      reason: 'Poging tot wijziging.',
    });
    expect(edit.statusCode).toBe(409);

    const policeTasks = (await call(police, 'GET', '/api/notifications')).json().notifications;
    expect(policeTasks).toContainEqual(expect.objectContaining({ kind: 'erasure_review', subjectId: itemId }));
    const cpasNotes = (await call(socialWorker, 'GET', '/api/notifications')).json().notifications;
    expect(cpasNotes).toContainEqual(expect.objectContaining({ kind: 'exported_item_changed', subjectId: itemId }));

    // After review the controller releases it, and readers see it again.
    const released = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/release`, {
      reason: 'Het proces-verbaal is rechtmatig opgesteld.',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect((await item(coordinator, kase.id, itemId)).content).not.toBeNull();
  });

  it('DAT-22 blocks an item resting on written consent once the consent is withdrawn; it is erased, never released', async () => {
    const police = await world.newcomer('policeOfficer');
    const designated = await call(world.people.policeDpo, 'POST', '/api/designations', {
      userId: police.actor.userId,
      scope: 'C13',
      function: 'Rechercheur radicalisering',
      confidentialityConfirmed: true,
    });
    expect(designated.statusCode).toBe(201);
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const onConsent = {
      ...beliefItem(kase.subjectId),
      special: {
        ground: 'a',
        justification: 'De betrokkene stemde schriftelijk in met het delen van zijn overtuiging.',
        consentReference: 'Toestemming ondertekend op 2026-02-20, dossier 17',
        consentCollectedBy: 'Rechercheur K. Wouters',
        consentContext: 'Gevraagd bij het verhoor, zonder voorwaarde; de betrokkene kon weigeren.',
      },
    };
    const added = await call(police, 'POST', `/api/cases/${kase.id}/items`, onConsent);
    expect(added.statusCode, added.body).toBe(201);
    const itemId = added.json().id;
    // An item that does not rest on consent cannot be blocked for a withdrawn consent.
    const other = await call(police, 'POST', `/api/cases/${kase.id}/items`, beliefItem(kase.subjectId));
    const wrongReason = await call(police, 'POST', `/api/cases/${kase.id}/items/${other.json().id}/blocking`, {
      reason: 'consent_withdrawn',
    });
    expect(wrongReason.statusCode).toBe(400);
    expect(wrongReason.json().rule).toContain('DAT-22');

    const blocked = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/blocking`, { reason: 'consent_withdrawn' });
    expect(blocked.json()).toMatchObject({ content: null, blocked: { reason: 'consent_withdrawn' } });
    expect((await item(police, kase.id, itemId)).content).toBeNull();
    const release = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/release`, { reason: 'Vergissing.' });
    expect(release.statusCode).toBe(409);
    const erased = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/erasure`, {
      reason: 'Toestemming ingetrokken op 2026-03-02.',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ erased: true, content: null });
  });

  it('SEC-11 records when the controller last confirmed an item accurate, and only the controller does', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const itemId = kase.itemIds[0]!;
    expect((await item(world.people.coordinator, kase.id, itemId!)).lastVerifiedAt).toBeNull();
    expect(
      (await call(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items/${itemId}/verification`)).statusCode,
    ).toBe(403);
    const verified = await call(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items/${itemId}/verification`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().lastVerifiedAt).toBe(world.clock.now().toISOString());
    expect((await item(world.people.coordinator, kase.id, itemId!)).lastVerifiedAt).toBe(world.clock.now().toISOString());
  });
});

/** The world's first instant, which the tests that move the clock return to. */
const START = '2026-03-02T09:00:00Z';

/** A new session of `name` at the clock's time (the world's sessions idle out after 15 minutes). */
const fresh = (name: PersonName) => freshSession(world, world.people[name].actor.userId);

interface ReviewList {
  reviewMonths: number;
  erasureReviewDays: number;
  due: { caseId: string; organisationId: string; reviewDue: string[]; erasureReviews: { itemId: string; dueOn: string; overdue: boolean }[] }[];
}

async function reviewsOf(who: Signed, caseId: string) {
  const res = await call(who, 'GET', '/api/item-reviews');
  expect(res.statusCode, res.body).toBe(200);
  const list = res.json() as ReviewList;
  return list.due.filter((entry) => entry.caseId === caseId);
}

async function dpoAlerts(itemId: string) {
  const res = await call(await fresh('policeDpo'), 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().notifications as { kind: string; subjectId: string }[]).filter(
    (n) => n.kind === 'erasure_review_overdue' && n.subjectId === itemId,
  );
}

const openNotifications = async (who: Signed, kind: string, itemId: string) =>
  ((await call(who, 'GET', '/api/notifications')).json().notifications as { kind: string; subjectId: string }[]).filter(
    (n) => n.kind === kind && n.subjectId === itemId,
  );

describe('review reminders and erasure reviews (configured: 6 months, 30 days)', () => {
  afterEach(() => {
    world.clock.set(START);
  });

  it('SEC-11 marks an item due for review to its controller only, from the day 6 months after its recording or last confirmation, and lists it for the dashboard', async () => {
    world.clock.set(START);
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const itemId = kase.itemIds[0]!;
    expect((await item(world.people.policeOfficer, kase.id, itemId)).review).toEqual({ dueOn: '2026-09-02', due: false });
    expect((await item(world.people.coordinator, kase.id, itemId)).review).toBeNull();
    const listed = await call(world.people.policeOfficer, 'GET', '/api/item-reviews');
    expect(listed.json()).toMatchObject({ reviewMonths: 6, erasureReviewDays: 30 });
    expect(await reviewsOf(world.people.policeOfficer, kase.id)).toEqual([]);

    // The last second of 1 September in Brussels: not yet due.
    world.clock.set('2026-09-01T21:59:59Z');
    let police = await fresh('policeOfficer');
    expect((await item(police, kase.id, itemId)).review).toEqual({ dueOn: '2026-09-02', due: false });
    expect(await reviewsOf(police, kase.id)).toEqual([]);

    // From 2 September, 00:00 in Brussels, it is due: to the controller, not to the others.
    world.clock.set('2026-09-01T22:00:00Z');
    police = await fresh('policeOfficer');
    const cpas = await fresh('socialWorker');
    expect((await item(police, kase.id, itemId)).review).toEqual({ dueOn: '2026-09-02', due: true });
    expect((await item(await fresh('coordinator'), kase.id, itemId)).review).toBeNull();
    expect(await reviewsOf(police, kase.id)).toEqual([
      { caseId: kase.id, organisationId: world.org.police, reviewDue: [itemId], erasureReviews: [] },
    ]);
    expect(await reviewsOf(cpas, kase.id)).toEqual([]);

    // Only the controller confirms it: the CPAS's attempt changes nothing.
    expect((await call(cpas, 'POST', `/api/cases/${kase.id}/items/${itemId}/verification`)).statusCode).toBe(403);
    expect((await item(police, kase.id, itemId)).review).toEqual({ dueOn: '2026-09-02', due: true });
    const verified = await call(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/verification`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().review).toEqual({ dueOn: '2027-03-02', due: false });
    expect(await reviewsOf(police, kase.id)).toEqual([]);
  });

  it('SEC-11 gives the erasure review 30 days, alerts the DPO once from the day after, and the erasure or the release after review ends it', async () => {
    world.clock.set(START);
    const kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
    const [erasedId, releasedId] = kase.itemIds as [string, string];
    const blocked = await call(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items/${erasedId}/blocking`, {
      reason: 'unlawfully_obtained',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json().erasureReview).toEqual({ dueOn: '2026-04-01', overdue: false });
    expect(blocked.json().review).toBeNull();
    expect((await item(world.people.coordinator, kase.id, erasedId)).erasureReview).toBeNull();
    expect(await reviewsOf(world.people.policeOfficer, kase.id)).toEqual([
      {
        caseId: kase.id,
        organisationId: world.org.police,
        reviewDue: [],
        erasureReviews: [{ itemId: erasedId, dueOn: '2026-04-01', overdue: false }],
      },
    ]);

    // The last second of 1 April in Brussels: within the deadline, no alert.
    world.clock.set('2026-04-01T21:59:59Z');
    let police = await fresh('policeOfficer');
    expect((await reviewsOf(police, kase.id))[0]!.erasureReviews).toEqual([{ itemId: erasedId, dueOn: '2026-04-01', overdue: false }]);
    expect(await dpoAlerts(erasedId)).toEqual([]);

    // From 2 April it is overdue: the police DPO is alerted once, however often it is read.
    world.clock.set('2026-04-01T22:00:00Z');
    police = await fresh('policeOfficer');
    expect((await item(police, kase.id, erasedId)).erasureReview).toEqual({ dueOn: '2026-04-01', overdue: true });
    expect((await reviewsOf(police, kase.id))[0]!.erasureReviews).toEqual([{ itemId: erasedId, dueOn: '2026-04-01', overdue: true }]);
    await reviewsOf(police, kase.id);
    expect(await dpoAlerts(erasedId)).toEqual([
      {
        id: expect.any(String),
        kind: 'erasure_review_overdue',
        caseId: kase.id,
        subjectId: erasedId,
        audience: 'dpo',
        createdAt: '2026-04-01T22:00:00.000Z',
      },
    ]);
    expect(await openNotifications(police, 'erasure_review_overdue', erasedId)).toEqual([]);

    // Only the controller erases it: the CPAS's attempt changes nothing.
    const byOther = await call(await fresh('socialWorker'), 'POST', `/api/cases/${kase.id}/items/${erasedId}/erasure`, {
      reason: 'Onrechtmatig verkregen.',
    });
    expect(byOther.statusCode).toBe(403);
    expect((await reviewsOf(police, kase.id))[0]!.erasureReviews).toHaveLength(1);
    expect(await openNotifications(police, 'erasure_review', erasedId)).toHaveLength(1);

    const erased = await call(police, 'POST', `/api/cases/${kase.id}/items/${erasedId}/erasure`, {
      reason: 'Onrechtmatig verkregen: gewist na beoordeling.',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().erasureReview).toBeNull();
    expect(await reviewsOf(police, kase.id)).toEqual([]);
    expect(await openNotifications(police, 'erasure_review', erasedId)).toEqual([]);
    // The DPO's alert stays for the DPO to acknowledge.
    expect(await dpoAlerts(erasedId)).toHaveLength(1);

    // A review that finds the item lawfully obtained releases it, which ends its review too.
    await call(police, 'POST', `/api/cases/${kase.id}/items/${releasedId}/blocking`, { reason: 'unlawfully_obtained' });
    expect((await reviewsOf(police, kase.id))[0]!.erasureReviews).toEqual([{ itemId: releasedId, dueOn: '2026-05-02', overdue: false }]);
    const released = await call(police, 'POST', `/api/cases/${kase.id}/items/${releasedId}/release`, {
      reason: 'Het verslag werd rechtmatig opgesteld.',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().erasureReview).toBeNull();
    expect(await reviewsOf(police, kase.id)).toEqual([]);
    expect(await openNotifications(police, 'erasure_review', releasedId)).toEqual([]);
  });
});
