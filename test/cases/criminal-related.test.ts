/**
 * Criminal-related risk and behaviour information over HTTP (L2007 art. 8 §1-§2; SPEC DAT-29,
 * DAT-18, DAT-19): an item of category 11 or 14 about litigation, suspicions, prosecutions or
 * convictions for offences, administrative sanctions or security measures records the exception of
 * art. 8 §2, a participant that is no public authority citing the law for b); its content is shown
 * only to persons designated for judicial data (C09), like category 9. Ordinary items of those
 * categories behave as before. Here the youth service is turned into an association (no authority).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { newCase, riskItem } from '../support/case-steps.js';
import { rowCount } from '../support/item-steps.js';

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld();
  const association = await world.request(
    world.people.operator,
    'PATCH',
    `/api/admin/organisations/${world.org.youth}`,
    {
      kind: 'other',
      legalName: 'Jongerenwerking De Brug vzw',
    },
  );
  expect(association.statusCode, association.body).toBe(200);
});
afterAll(async () => {
  await world?.close();
});

const call = (who: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  world.request(who, method, url, payload);

/** A behaviour item (category 14) about a conviction, flagged criminal-related. */
const convictionItem = (personId: string, special: Record<string, string>) => ({
  ...riskItem(personId, 'Werd in 2025 veroordeeld voor vernielingen in de jeugdbeweging.'),
  category: 'C14',
  criminalRelated: true,
  special: {
    justification: 'Nodig om het risico op herhaling binnen de begeleiding in te schatten.',
    ...special,
  },
});

async function itemsOf(who: Signed, caseId: string) {
  const res = await call(who, 'GET', `/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    id: string;
    category: string;
    content: string | null;
    special: boolean;
    restricted: boolean;
    criminalRelated: boolean;
    specialGround: { ground: string; lawCitation: string | null } | null;
  }[];
}

/** DAT-19: the police DPO designates a police member; the others' DPOs are written as such a DPO would write them. */
async function designateForJudicialData(who: Signed, organisation: 'police' | 'youth'): Promise<void> {
  if (organisation === 'police') {
    const res = await call(world.people.policeDpo, 'POST', '/api/designations', {
      userId: who.actor.userId,
      scope: 'C09',
      function: 'Jeugdinspecteur',
      confidentialityConfirmed: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return;
  }
  await world.db.adminDb
    .insertInto('special_designations')
    .values({
      organisation_id: world.org[organisation],
      user_id: who.actor.userId,
      scope: 'C09',
      function: 'Jeugdwerker',
      confidentiality_confirmed: true,
      designated_by: who.actor.userId,
      designated_at: world.clock.now(),
    })
    .execute();
}

describe('criminal-related risk and behaviour information (L2007 art. 8)', () => {
  it('DAT-29 a non-authority participant adding a conviction item must cite the law for b), or the save fails and writes nothing', async () => {
    const youth = world.people.youthWorker;
    await designateForJudicialData(youth, 'youth');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['youth'] });
    const before = await rowCount(world, 'items');

    const uncited = await call(
      youth,
      'POST',
      `/api/cases/${kase.id}/items`,
      convictionItem(kase.subjectId, { ground: 'b' }),
    );
    expect(uncited.statusCode).toBe(400);
    expect(uncited.json().errors).toEqual([expect.objectContaining({ field: '/body/special/lawCitation' })]);
    expect(uncited.json().rule).toContain('DAT-29');
    const noException = { ...convictionItem(kase.subjectId, { ground: 'b' }), special: undefined };
    const refused = await call(youth, 'POST', `/api/cases/${kase.id}/items`, noException);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: '/body/special' })]);
    expect(await rowCount(world, 'items')).toBe(before);

    const citation = 'Decreet van 12 juli 2013 betreffende de integrale jeugdhulp, art. 3';
    const cited = await call(
      youth,
      'POST',
      `/api/cases/${kase.id}/items`,
      convictionItem(kase.subjectId, { ground: 'b', lawCitation: citation }),
    );
    expect(cited.statusCode, cited.body).toBe(201);
    expect(cited.json()).toMatchObject({
      category: 'C14',
      criminalRelated: true,
      special: true,
      specialGround: { ground: 'b', lawCitation: citation },
    });
    expect(await rowCount(world, 'items')).toBe(before + 1);
  });

  it('DAT-29 DAT-19 a criminal-related item is shown only to persons designated for judicial data, and an earlier version stays hidden after the flag is withdrawn', async () => {
    const officer = await world.newcomer('policeOfficer');
    await designateForJudicialData(officer, 'police');
    const colleague = await world.newcomer('policeOfficer');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const suspicion = {
      ...riskItem(kase.subjectId, 'Wordt verdacht van drugshandel vanuit de woning.'),
      criminalRelated: true,
      special: {
        ground: 'a',
        justification: 'Politionele opdracht: nodig om het risico voor de kinderen in te schatten.',
      },
    };
    // Only a person designated for judicial data records it (the police, a public authority, under a).
    const before = await rowCount(world, 'items');
    expect((await call(colleague, 'POST', `/api/cases/${kase.id}/items`, suspicion)).statusCode).toBe(403);
    expect(await rowCount(world, 'items')).toBe(before);
    const added = await call(officer, 'POST', `/api/cases/${kase.id}/items`, suspicion);
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;
    expect(added.json()).toMatchObject({
      criminalRelated: true,
      special: true,
      restricted: false,
      content: suspicion.content,
    });

    for (const reader of [colleague, world.people.coordinator, world.people.socialWorker]) {
      expect((await itemsOf(reader, kase.id)).find((i) => i.id === itemId)).toMatchObject({
        category: 'C11',
        criminalRelated: true,
        special: true,
        restricted: true,
        content: null,
      });
    }

    // The suspicion proved unfounded: the flag is withdrawn, and with it the exception.
    const {
      provenance: _p,
      missionConfirmed: _m,
      ...fields
    } = riskItem(kase.subjectId, 'Dreigend gedrag tegenover de buren.');
    const edited = await call(officer, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      ...fields,
      reason: 'Verdenking niet bevestigd.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ criminalRelated: false, special: false });
    const seen = (await itemsOf(colleague, kase.id)).find((i) => i.id === itemId)!;
    expect(seen).toMatchObject({ restricted: false, content: 'Dreigend gedrag tegenover de buren.' });
    const versions = (await call(colleague, 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`)).json()
      .versions as {
      version: number;
      content: string | null;
    }[];
    expect(versions.map((v) => [v.version, v.content])).toEqual([
      [2, 'Dreigend gedrag tegenover de buren.'],
      [1, null],
    ]);
  });

  it('DAT-29 ordinary risk and behaviour items behave as before: no exception asked or accepted, read by every participant', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [ordinary] = await itemsOf(world.people.socialWorker, kase.id);
    expect(ordinary).toMatchObject({
      category: 'C11',
      criminalRelated: false,
      special: false,
      restricted: false,
      specialGround: null,
    });
    expect(ordinary!.content).not.toBeNull();

    const before = await rowCount(world, 'items');
    const behaviour = { ...riskItem(kase.subjectId, 'Komt niet opdagen op afspraken.'), category: 'C14' };
    const withException = await call(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items`, {
      ...behaviour,
      special: { ground: 'a', justification: 'Geen bijzondere categorie.' },
    });
    expect(withException.statusCode).toBe(400);
    expect(withException.json().errors).toEqual([expect.objectContaining({ field: '/body/special' })]);
    // Only categories 11 and 14 are flagged: judicial data of other kinds are category 9 itself.
    const lifestyle = await call(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Gaat uit in het uitgaansleven.'),
      category: 'C06',
      relevance: undefined,
      criminalRelated: true,
    });
    expect(lifestyle.statusCode).toBe(400);
    expect(lifestyle.json().errors).toEqual([expect.objectContaining({ field: '/body/criminalRelated' })]);
    expect(await rowCount(world, 'items')).toBe(before);

    const plain = await call(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items`, behaviour);
    expect(plain.statusCode, plain.body).toBe(201);
    expect(
      (await itemsOf(world.people.socialWorker, kase.id)).find((i) => i.id === plain.json().id),
    ).toMatchObject({
      category: 'C14',
      criminalRelated: false,
      special: false,
      content: 'Komt niet opdagen op afspraken.',
    });
  });
});
