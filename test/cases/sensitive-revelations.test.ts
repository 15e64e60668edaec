/**
 * What the 1992 text of the law adds to the sensitive and judicial data, over HTTP on a real
 * database: an item of any category that reveals a mutual-health-fund or trade-union membership,
 * or political, philosophical or religious activities (L1992 art. 6 al. 1; SPEC DAT-23) is special,
 * with the exception ground of L2007 art. 6 §2 and shown only to persons designated for beliefs;
 * a category-9 item may name which of the sixteen kinds of judicial data of L1992 art. 8 §1 it
 * holds (SPEC DAT-31).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { healthItem, itemAs, rowCount } from '../support/item-steps.js';

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const REVELATION_RULE = 'L1992 art. 6 al. 1; L2007 art. 6 §2 (SPEC DAT-22, DAT-23)';
const DESIGNATION_RULE = 'bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2 (SPEC DAT-19)';
const ARTICLE_6_L = {
  ground: 'l',
  justification: 'Bill 0485, art. 2 §2 al. 3: nodig om het netwerk rond de betrokkene in te schatten.',
};

/** A social-context item (category 6) telling the person's mutual health fund. */
const affiliation = (personId: string, extra: Record<string, unknown> = {}) => ({
  category: 'C06',
  personIds: [personId],
  content: 'Is sinds 2019 aangesloten bij de Socialistische Mutualiteit en haalt er wekelijks zijn uitkering af.',
  classification: 'non_classified',
  revealsSensitive: ['mutual_fund_membership'],
  provenance: { kind: 'already_held', sourceReference: 'Sociaal verslag 2026/31' },
  missionConfirmed: true,
  ...extra,
});

/** A judicial-police item (category 9) as the police record it. */
const judicialItem = (personId: string, details: Record<string, unknown> = {}) => ({
  category: 'C09',
  personIds: [personId],
  content: 'Aangehouden en onder aanhoudingsbevel geplaatst wegens bedreigingen.',
  classification: 'non_classified',
  relevance: 'Nodig om het risico op herhaling in te schatten.',
  special: { ground: 'a', justification: 'Verwerking onder toezicht van een openbare overheid (politie).' },
  details: { judicialSubtype: 'judicial_police', sourceReference: 'PV GE.55.L1.004512/2026', ...details },
  provenance: { kind: 'already_held', sourceReference: 'ANG 2026/118' },
  missionConfirmed: true,
});

/** The police DPO designates `who` for `scope`. */
async function designate(who: Signed, scope: string) {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
    userId: who.actor.userId,
    scope,
    function: 'Rechercheur radicalisering',
    confidentialityConfirmed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** A police officer of their own, so that designations made here touch no other test. */
const officer = () => world.newcomer('policeOfficer');

const counts = async () => [await rowCount(world, 'items'), await rowCount(world, 'item_versions')];

/** The edit body of a created item: the same fields, a reason, none of the creation's own. */
const edit = (body: Record<string, unknown>, reason: string): Record<string, unknown> => {
  const { provenance: _p, missionConfirmed: _m, ...fields } = body;
  return { ...fields, reason };
};

describe('what the 1992 law adds to the sensitive and judicial data', () => {
  it('DAT-23 a mutual-health-fund membership makes an item special: refused without its exception ground, then shown only to designated persons', async () => {
    const police = await officer();
    await designate(police, 'C13');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}/items`;
    const before = await counts();

    // Declared, the membership asks for the exception of art. 6 §2 and a justification …
    const groundless = await world.request(police, 'POST', url, affiliation(kase.subjectId));
    expect(groundless.statusCode).toBe(400);
    expect(groundless.json()).toMatchObject({
      rule: REVELATION_RULE,
      errors: [{ field: '/body/special', message: 'a special category needs its exception ground and a justification' }],
    });
    // … and written consent (a) the record of the signed consent, as for a belief item.
    const consent = await world.request(
      police,
      'POST',
      url,
      affiliation(kase.subjectId, { special: { ground: 'a', justification: 'De betrokkene stemde schriftelijk in.' } }),
    );
    expect(consent.statusCode).toBe(400);
    expect(consent.json().errors).toEqual([
      expect.objectContaining({ field: '/body/special/consentReference' }),
      expect.objectContaining({ field: '/body/special/consentCollectedBy' }),
      expect.objectContaining({ field: '/body/special/consentContext' }),
    ]);
    // A colleague whom the DPO did not designate for beliefs does not record it.
    const colleague = await officer();
    const undesignated = await world.request(colleague, 'POST', url, affiliation(kase.subjectId, { special: ARTICLE_6_L }));
    expect(undesignated.statusCode).toBe(403);
    expect(undesignated.json().rule).toBe(DESIGNATION_RULE);
    expect(await counts()).toEqual(before);

    const added = await world.request(police, 'POST', url, affiliation(kase.subjectId, { special: ARTICLE_6_L }));
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;
    expect(added.json()).toMatchObject({
      category: 'C06',
      special: true,
      restricted: false,
      revealsSensitive: ['mutual_fund_membership'],
      specialGround: { ground: 'l', justification: ARTICLE_6_L.justification },
      content: expect.stringContaining('Socialistische Mutualiteit'),
    });

    // The CPAS, and a colleague designated for health data only, see the placeholder: that the
    // item exists and what kind of data it reveals, never its content; their reads log no read of it.
    await designate(colleague, 'C10');
    for (const reader of [world.people.socialWorker, colleague]) {
      const mark = await auditPosition(world);
      const res = await world.request(reader, 'GET', `/api/cases/${kase.id}`);
      expect(res.statusCode).toBe(200);
      expect((res.json().items as { id: string }[]).find((item) => item.id === itemId)).toMatchObject({
        special: true,
        restricted: true,
        content: null,
        details: null,
        specialGround: null,
        revealsSensitive: ['mutual_fund_membership'],
      });
      expect(res.body).not.toContain('Mutualiteit');
      const [consult] = await auditEventsSince(world, mark);
      expect(consult?.records?.map((r) => r.id)).not.toContain(itemId);
      const versions = await world.request(reader, 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`);
      expect(versions.json().versions.map((v: { content: unknown }) => v.content)).toEqual([null]);
    }
    // Once designated for beliefs, the colleague reads it.
    await designate(colleague, 'C13');
    expect(await itemAs(world, colleague, kase.id, itemId)).toMatchObject({
      restricted: false,
      content: expect.stringContaining('Socialistische Mutualiteit'),
    });
  });

  it('DAT-23 DAT-22 activities and memberships make an item of any category special under art. 6 §2; judicial or health data record them as an item of their own', async () => {
    const police = await officer();
    for (const scope of ['C09', 'C10', 'C13']) await designate(police, scope);
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}/items`;
    const declared = [
      { ...riskItem(kase.subjectId, 'Ronselt jongeren op bijeenkomsten van een extremistische partij.'), revealsSensitive: ['political_activities'] },
      { ...affiliation(kase.subjectId), category: 'C03', content: 'Syndicaal afgevaardigde in de haven.', revealsSensitive: ['trade_union_membership'] },
      {
        ...affiliation(kase.subjectId),
        category: 'C13',
        content: 'Leidt gebedsbijeenkomsten in een garage.',
        relevance: 'Onderdeel van de inschatting van radicalisering.',
        revealsSensitive: ['religious_activities', 'philosophical_activities'],
      },
    ];
    for (const body of declared) {
      const added = await world.request(police, 'POST', url, { ...body, special: ARTICLE_6_L });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ special: true, revealsSensitive: body.revealsSensitive });
      expect(await itemAs(world, world.people.socialWorker, kase.id, added.json().id)).toMatchObject({
        restricted: true,
        content: null,
      });
    }

    const before = await counts();
    const refused = [
      { ...judicialItem(kase.subjectId), revealsSensitive: ['political_activities'] },
      { ...healthItem(kase.subjectId), revealsSensitive: ['mutual_fund_membership'] },
    ];
    for (const body of refused) {
      const res = await world.request(police, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ rule: REVELATION_RULE, errors: [{ field: '/body/revealsSensitive' }] });
    }
    // Only the listed data, each once.
    for (const revealsSensitive of [['sport_club'], ['political_activities', 'political_activities']]) {
      const res = await world.request(police, 'POST', url, affiliation(kase.subjectId, { revealsSensitive, special: ARTICLE_6_L }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
        expect.stringMatching(/^\/body\/revealsSensitive/),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('DAT-23 DAT-22 a religious activity recorded on written consent is blocked for everyone once the consent is withdrawn, with an erasure review', async () => {
    const police = await officer();
    await designate(police, 'C13');
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const onConsent = affiliation(kase.subjectId, {
      content: 'Geeft catechese in de parochie.',
      revealsSensitive: ['religious_activities'],
      special: {
        ground: 'a',
        justification: 'De betrokkene stemde schriftelijk in met het delen van zijn engagement.',
        consentReference: 'Toestemming ondertekend op 2026-02-20, dossier 17',
        consentCollectedBy: 'Wijkagent K. Wouters',
        consentContext: 'Gevraagd bij het huisbezoek, zonder voorwaarde; de betrokkene kon weigeren.',
      },
    });
    const added = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, onConsent);
    expect(added.statusCode, added.body).toBe(201);
    const itemId: string = added.json().id;
    const blocked = await world.request(police, 'POST', `/api/cases/${kase.id}/items/${itemId}/blocking`, {
      reason: 'consent_withdrawn',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    for (const reader of [police, world.people.coordinator]) {
      expect(await itemAs(world, reader, kase.id, itemId)).toMatchObject({
        content: null,
        blocked: { reason: 'consent_withdrawn' },
      });
    }
    const tasks = (await world.request(police, 'GET', '/api/notifications')).json().notifications;
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'erasure_review', subjectId: itemId }));
  });

  it('DAT-23 an item without the declaration behaves as before: ordinary, read by every participant, and refusing an exception ground', async () => {
    const police = await officer();
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}/items`;
    for (const body of [riskItem(kase.subjectId), { ...riskItem(kase.subjectId), revealsSensitive: [] }]) {
      const added = await world.request(police, 'POST', url, body);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ special: false, revealsSensitive: [] });
      expect(await itemAs(world, world.people.socialWorker, kase.id, added.json().id)).toMatchObject({
        restricted: false,
        content: body.content,
      });
      const row = await world.db.adminDb
        .selectFrom('items')
        .select('reveals_sensitive')
        .where('id', '=', added.json().id)
        .executeTakeFirstOrThrow();
      expect(row.reveals_sensitive).toEqual([]);
    }
    const grounded = await world.request(police, 'POST', url, { ...riskItem(kase.subjectId), special: ARTICLE_6_L });
    expect(grounded.statusCode).toBe(400);
    expect(grounded.json().rule).toBe('bill art. 2 §2 al. 3 (SPEC DAT-18)');
  });

  it('DAT-23 DAT-19 an edit withdrawing the declaration leaves the earlier version behind the designation, and adding it needs the designation', async () => {
    const police = await officer();
    await designate(police, 'C13');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const body = affiliation(kase.subjectId, { special: ARTICLE_6_L });
    const added = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, body);
    expect(added.statusCode, added.body).toBe(201);
    const itemPath = `/api/cases/${kase.id}/items/${added.json().id}`;
    const { revealsSensitive: _r, special: _s, ...plain } = edit(body, 'Het ziekenfonds doet niet ter zake; enkel de uitkering blijft.');
    const withdrawn = await world.request(police, 'PUT', itemPath, { ...plain, content: 'Ontvangt wekelijks een uitkering.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ special: false, revealsSensitive: [], version: 2 });

    const seen = await world.request(world.people.socialWorker, 'GET', `${itemPath}/versions`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().versions.map((v: { version: number; content: unknown }) => [v.version, v.content])).toEqual([
      [2, 'Ontvangt wekelijks een uitkering.'],
      [1, null],
    ]);
    expect(seen.body).not.toContain('Mutualiteit');
    const own = await world.request(police, 'GET', `${itemPath}/versions`);
    expect(own.json().versions[1].content).toContain('Socialistische Mutualiteit');

    // A colleague of the controller not designated for beliefs may change the ordinary item, not declare it.
    const colleague = await officer();
    const before = await counts();
    const declaring = await world.request(colleague, 'PUT', itemPath, edit(body, 'Toch relevant: het ziekenfonds.'));
    expect(declaring.statusCode).toBe(403);
    expect(declaring.json().rule).toBe(DESIGNATION_RULE);
    expect(await counts()).toEqual(before);
    expect(await itemAs(world, police, kase.id, added.json().id)).toMatchObject({ version: 2, revealsSensitive: [] });
  });

  it('DAT-31 judicial-data tags of the 1992 law round-trip on a category-9 item, and are refused outside the list or outside category 9, naming the field and changing nothing', async () => {
    const police = await officer();
    await designate(police, 'C09');
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const url = `/api/cases/${kase.id}/items`;
    const tagged = judicialItem(kase.subjectId, { judicialDataTags: ['suspected_offences', 'pretrial_detention'] });
    const added = await world.request(police, 'POST', url, tagged);
    expect(added.statusCode, added.body).toBe(201);
    const itemPath = `${url}/${added.json().id}`;
    expect(added.json().details.judicialDataTags).toEqual(['suspected_offences', 'pretrial_detention']);
    const changed = await world.request(
      police,
      'PUT',
      itemPath,
      edit(judicialItem(kase.subjectId, { judicialDataTags: ['convictions_and_penalties'] }), 'Inmiddels veroordeeld.'),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await itemAs(world, police, kase.id, added.json().id)).toMatchObject({
      version: 2,
      details: { judicialDataTags: ['convictions_and_penalties'] },
    });

    const before = await counts();
    const refusals: [string, 'POST' | 'PUT', string, unknown, string][] = [
      ['a tag outside the list', 'POST', url, judicialItem(kase.subjectId, { judicialDataTags: ['parking_fines'] }), '/body/details/judicialDataTags/0'],
      ['a tag twice', 'POST', url, judicialItem(kase.subjectId, { judicialDataTags: ['litigation', 'litigation'] }), '/body/details/judicialDataTags'],
      ['outside category 9', 'POST', url, { ...riskItem(kase.subjectId), details: { judicialDataTags: ['litigation'] } }, '/body/details/judicialDataTags'],
      [
        'an edit outside the list',
        'PUT',
        itemPath,
        edit(judicialItem(kase.subjectId, { judicialDataTags: ['parking_fines'] }), 'Andere soort.'),
        '/body/details/judicialDataTags/0',
      ],
    ];
    for (const [what, method, path, body, field] of refusals) {
      const res = await world.request(police, method, path, body);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), what).toEqual([field]);
    }
    expect(await counts()).toEqual(before);
    expect(await itemAs(world, police, kase.id, added.json().id)).toMatchObject({
      version: 2,
      details: { judicialDataTags: ['convictions_and_penalties'] },
    });
  });
});
