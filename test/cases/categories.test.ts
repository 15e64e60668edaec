/**
 * The sixteen categories of bill art. 2 §2 over HTTP, for those whose rule is only that the
 * information is kept, listed and protected under its category (SPEC DAT-06, DAT-08, DAT-10,
 * DAT-12, DAT-13, DAT-15, DAT-28), and records kept within their case (PUR-03).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { newCase } from '../support/case-steps.js';
import { healthItem } from '../support/item-steps.js';

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const ordinary = (personId: string, category: string, content: string, extra: Record<string, unknown> = {}) => ({
  category,
  personIds: [personId],
  content,
  classification: 'non_classified',
  provenance: { kind: 'already_held', sourceReference: 'Sociaal verslag 2026/31' },
  missionConfirmed: true,
  ...extra,
});

async function itemsOf(who: Signed, caseId: string) {
  const res = await world.request(who, 'GET', `/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; category: string; content: string | null; details: unknown; restricted: boolean; special: boolean }[];
}

async function designate(who: Signed, scope: string) {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
    userId: who.actor.userId,
    scope,
    function: 'Rechercheur',
    confidentialityConfirmed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('the categories of bill art. 2 §2', () => {
  it('DAT-06 DAT-08 keeps lifestyle (with its tags) and housing information under categories 6 and 8, listed as such', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const cpas = world.people.socialWorker;
    const lifestyle = await world.request(
      cpas,
      'POST',
      `/api/cases/${kase.id}/items`,
      ordinary(kase.subjectId, 'C06', 'Brengt de avonden door in een jeugdhuis; weinig contact met familie.', {
        details: { tags: ['jeugdhuis', 'sociaal isolement'] },
      }),
    );
    expect(lifestyle.statusCode, lifestyle.body).toBe(201);
    const housing = await world.request(
      cpas,
      'POST',
      `/api/cases/${kase.id}/items`,
      ordinary(kase.subjectId, 'C08', 'Woont met vier in een eenkamerappartement zonder verwarming.'),
    );
    expect(housing.statusCode, housing.body).toBe(201);
    // Tags belong to category 6 only.
    const misplaced = await world.request(
      cpas,
      'POST',
      `/api/cases/${kase.id}/items`,
      ordinary(kase.subjectId, 'C08', 'Woonst.', { details: { tags: ['woning'] } }),
    );
    expect(misplaced.statusCode).toBe(400);
    const seen = await itemsOf(world.people.coordinator, kase.id);
    expect(seen.find((i) => i.id === lifestyle.json().id)).toMatchObject({
      category: 'C06',
      details: { tags: ['jeugdhuis', 'sociaal isolement'] },
    });
    expect(seen.find((i) => i.id === housing.json().id)).toMatchObject({ category: 'C08', special: false });
  });

  it('DAT-10 DAT-12 DAT-13 DAT-15 hides health, origin, belief and sexual-life items from readers not designated for them', async () => {
    const police = await world.newcomer('policeOfficer');
    for (const scope of ['C10', 'C12', 'C13', 'C15']) await designate(police, scope);
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const special = (category: string, content: string, ground: string) =>
      ordinary(kase.subjectId, category, content, {
        relevance: 'Nodig voor de inschatting van het risico.',
        special: { ground, justification: 'Wet, decreet of ordonnantie: een zwaarwegend algemeen belang.' },
      });
    const added = [
      await world.request(police, 'POST', `/api/cases/${kase.id}/items`, healthItem(kase.subjectId)),
      await world.request(police, 'POST', `/api/cases/${kase.id}/items`, special('C12', 'Afkomstig uit een conflictgebied.', 'l')),
      await world.request(police, 'POST', `/api/cases/${kase.id}/items`, special('C13', 'Aanhanger van een extremistische beweging.', 'l')),
      await world.request(police, 'POST', `/api/cases/${kase.id}/items`, special('C15', 'Bedreigt personen om hun geaardheid.', 'l')),
    ];
    for (const res of added) expect(res.statusCode, res.body).toBe(201);
    const ids = added.map((res) => res.json().id as string);
    for (const reader of [world.people.coordinator, world.people.socialWorker]) {
      const seen = (await itemsOf(reader, kase.id))
        .filter((i) => ids.includes(i.id))
        .sort((a, b) => a.category.localeCompare(b.category));
      expect(seen.map((i) => [i.category, i.restricted, i.content])).toEqual([
        ['C10', true, null],
        ['C12', true, null],
        ['C13', true, null],
        ['C15', true, null],
      ]);
    }
    expect((await itemsOf(police, kase.id)).filter((i) => ids.includes(i.id)).every((i) => i.content !== null)).toBe(true);
  });

  it('DAT-28 lets a health item leave the shared file only to a participant whose requester was designated for health data', async () => {
    const police = await world.newcomer('policeOfficer');
    await designate(police, 'C10');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const health = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, healthItem(kase.subjectId));
    expect(health.statusCode, health.body).toBe(201);
    // The CPAS worker is not designated for health data: no copy to the CPAS's own file.
    const refused = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [health.json().id],
      purpose: 'P1',
      justification: 'Nodig voor de begeleiding door het OCMW.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain('DAT-19');
    // No route sends data elsewhere than to a participant's own file: every disclosure route is
    // a signal, an admission, a sharing or an own-file export (docs/access-matrix.md).
  });

  it('SCO-02 DAT-09 evaluates the regime per participant and per item: in one framework the police record judicial data, the CPAS only citing its law', async () => {
    const police = await world.newcomer('policeOfficer');
    await designate(police, 'C09');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const judicial = {
      ...ordinary(kase.subjectId, 'C09', 'Eerder veroordeeld voor slagen en verwondingen.'),
      relevance: 'Nodig om het risico op herhaling in te schatten.',
      special: { ground: 'a', justification: 'Verwerking onder toezicht van een openbare overheid (politie).' },
      details: { judicialSubtype: 'judicial_police', sourceReference: 'ANG 2025/4411' },
    };
    // The police (Law of 30 July 2018, Title 2) process judicial data under arts 33-34.
    const byPolice = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, judicial);
    expect(byPolice.statusCode, byPolice.body).toBe(201);
    // The CPAS (GDPR) needs the law that authorises it (L2007 art. 8 §2).
    const byCpas = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, judicial);
    expect(byCpas.statusCode).toBe(400);
    expect(byCpas.json().errors).toContainEqual(expect.objectContaining({ field: '/body/special/lawCitation' }));
    expect(byCpas.json().rule).toContain('DAT-09');
  });

  it('PUR-03 keeps records within their case: an item of one case names no person of another, nor annotates its items', async () => {
    const first = await newCase(world, { items: 1, to: 'accepted' });
    const second = await newCase(world, { items: 0, to: 'accepted' });
    const police = world.people.policeOfficer;
    const foreignPerson = await world.request(
      police,
      'POST',
      `/api/cases/${second.id}/items`,
      ordinary(first.subjectId, 'C06', 'Sociale context.'),
    );
    expect(foreignPerson.statusCode).toBe(400);
    expect(foreignPerson.json().errors[0]).toEqual({ field: '/body/personIds/0', message: 'is not a person of this case' });
    const foreignNote = await world.request(world.people.coordinator, 'POST', `/api/cases/${second.id}/items`, {
      ...ordinary(second.subjectId, 'C06', 'Opmerking.'),
      annotatesItemId: first.itemIds[0],
    });
    expect(foreignNote.statusCode).toBe(400);
    expect(foreignNote.json().errors).toContainEqual(expect.objectContaining({ field: '/body/annotatesItemId' }));
    // A sharing of the other case's item is refused too.
    const share = await world.request(police, 'POST', `/api/cases/${second.id}/sharing`, {
      personIds: [],
      itemIds: first.itemIds,
    });
    expect(share.statusCode).toBe(400);
  });
});
