/**
 * Special categories over HTTP on a real database (bill art. 2 §2 al. 3, art. 3 §2 al. 2; Law of
 * 30 July 2018 arts 9 and 10 §2; L2007 arts 6-8): an exception ground and a justification for
 * each such item, and its content shown only to the persons their own organisation's DPO
 * designated for the category, in a register the DPO exports for the supervisory authority.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { beliefItem, freshSession, healthItem, itemAs, rowCount, upload } from '../support/item-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nVerslag huisarts\n%%EOF\n', 'latin1');

/** The police DPO designates `who` for `scope`; answers the register. */
async function designate(who: Signed, scope: string, fn = 'Rechercheur intrafamiliaal geweld') {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
    userId: who.actor.userId,
    scope,
    function: fn,
    confidentialityConfirmed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    version: number;
    designations: { id: string; user: { id: string }; scope: string; revokedAt: string | null }[];
  };
}

/** A police officer of their own, so that designations made here touch no other test. */
const officer = () => world.newcomer('policeOfficer');

describe('special categories', () => {
  it('DAT-18 DAT-22 a belief item needs its exception ground and justification, and carries the special badge', async () => {
    const police = await officer();
    await designate(police, 'C13', 'Rechercheur radicalisering');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const items = await rowCount(world, 'items');
    const { special: _, ...groundless } = beliefItem(kase.subjectId);
    const refused = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, groundless);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe('L2007 art. 6 §2 (SPEC DAT-22)');
    expect(refused.json().errors).toEqual([
      {
        field: '/body/special',
        message: 'a special category needs its exception ground and a justification',
      },
    ]);
    expect(await rowCount(world, 'items')).toBe(items);
    const added = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      beliefItem(kase.subjectId),
    );
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      category: 'C13',
      special: true,
      restricted: false,
      specialGround: { ground: 'l', justification: expect.stringContaining('Bill 0485') },
    });
    // The badge shows to every reader, designated or not.
    expect(await itemAs(world, world.people.socialWorker, kase.id, added.json().id)).toMatchObject({
      special: true,
    });
  });

  it('PUR-04 DAT-16 refuses a health or a catch-all item without its relevance justification, and writes nothing', async () => {
    const police = await officer();
    await designate(police, 'C10');
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const items = await rowCount(world, 'items');
    const { relevance: _, ...health } = healthItem(kase.subjectId);
    const catchAll = {
      ...health,
      category: 'C16',
      special: undefined,
      details: undefined,
      content: 'Heeft een hond die agressief is.',
    };
    for (const body of [health, catchAll]) {
      const refused = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().rule).toContain('SPEC PUR-04, DAT-16');
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: '/body/relevance' })]);
    }
    expect(await rowCount(world, 'items')).toBe(items);
  });

  it('DAT-19 only a person their DPO designated for health data records a health item', async () => {
    const police = await officer();
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const items = await rowCount(world, 'items');
    const undesignated = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    expect(undesignated.statusCode).toBe(403);
    expect(undesignated.json().rule).toBe(
      'bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2 (SPEC DAT-19)',
    );
    expect(await rowCount(world, 'items')).toBe(items);
    // A designation for another category does not do.
    await designate(police, 'C13');
    expect(
      (await world.request(police, 'POST', `/api/cases/${kase.id}/items`, healthItem(kase.subjectId)))
        .statusCode,
    ).toBe(403);
    await designate(police, 'C10', 'Rechercheur zedenzaken');
    const designated = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    expect(designated.statusCode, designated.body).toBe(201);
    expect(designated.json()).toMatchObject({
      category: 'C10',
      special: true,
      restricted: false,
      content: 'Wordt behandeld voor een alcoholverslaving.',
    });
  });

  it('DAT-19 FIL-04 a participant not designated sees a placeholder: no content, no attachment, no versions, and no read of it logged', async () => {
    const police = await officer();
    await designate(police, 'C10');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const added = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    const itemId: string = added.json().id;
    const attached = await upload(world, police, { caseId: kase.id, itemId }, 'verslag-huisarts.pdf', PDF);
    expect(attached.statusCode, attached.body).toBe(201);
    const attachmentId: string = attached.json().id;
    world.clock.advanceMs(60_000);
    const changed = await world.request(police, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      ...(({ provenance: _p, missionConfirmed: _m, ...fields }) => fields)(
        healthItem(kase.subjectId, 'Behandeling stopgezet.'),
      ),
      reason: 'De huisarts meldt dat de behandeling voor alcoholverslaving werd stopgezet.',
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const before = await auditPosition(world);
    const read = await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`);
    expect(read.statusCode).toBe(200);
    const seen = (read.json().items as { id: string }[]).find((item) => item.id === itemId);
    expect(seen).toMatchObject({
      category: 'C10',
      controller: { id: world.org.police },
      special: true,
      restricted: true,
      content: null,
      details: null,
      specialGround: null,
      relevance: null,
      provenance: { kind: 'already_held', sourceReference: null },
      attachments: [],
    });
    expect(read.body).not.toContain('alcoholverslaving');
    expect(read.body).not.toContain('verslag-huisarts');
    const [consult] = await auditEventsSince(world, before);
    expect(consult?.records?.map((r) => r.id)).not.toContain(itemId);

    const download = await world.request(
      world.people.socialWorker,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/attachments/${attachmentId}`,
    );
    expect(download.statusCode).toBe(403);
    expect(download.json().rule).toContain('SPEC DAT-19');
    expect(download.body).not.toContain('Verslag huisarts');

    const versions = await world.request(
      world.people.socialWorker,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/versions`,
    );
    expect(versions.statusCode).toBe(200);
    expect(
      versions.json().versions.map((v: { content: unknown; reason: unknown }) => [v.content, v.reason]),
    ).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(versions.body).not.toContain('alcoholverslaving');

    // The designated controller reads it all, and its read of the item is logged with category 10.
    const mark = await auditPosition(world);
    expect(await itemAs(world, police, kase.id, itemId)).toMatchObject({
      restricted: false,
      content: 'Behandeling stopgezet.',
    });
    const [policeRead] = await auditEventsSince(world, mark);
    expect(policeRead?.records).toContainEqual({ type: 'item', id: itemId, category: 10 });
    const own = await world.request(
      police,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/attachments/${attachmentId}`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
  });

  it('DAT-19 a colleague of the controller who is not designated neither changes, erases nor adds a document to a health item', async () => {
    const police = await officer();
    await designate(police, 'C10');
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const added = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    const path = { caseId: kase.id, itemId: added.json().id as string };
    const colleague = world.people.policeOfficer;
    const before = [await rowCount(world, 'item_versions'), await rowCount(world, 'item_attachments')];
    const attempts = [
      await world.request(colleague, 'PUT', `/api/cases/${path.caseId}/items/${path.itemId}`, {
        ...(({ provenance: _p, missionConfirmed: _m, ...fields }) => fields)(
          healthItem(kase.subjectId, 'Geen verslaving meer.'),
        ),
        reason: 'Volgens de collega achterhaald.',
      }),
      await world.request(colleague, 'POST', `/api/cases/${path.caseId}/items/${path.itemId}/erasure`, {
        reason: 'Achterhaald.',
      }),
      await upload(world, colleague, path, 'attest.pdf', PDF),
    ];
    for (const attempt of attempts) {
      expect(attempt.statusCode, attempt.body).toBe(403);
      expect(attempt.json().rule).toContain('SPEC DAT-19');
    }
    expect([await rowCount(world, 'item_versions'), await rowCount(world, 'item_attachments')]).toEqual(
      before,
    );
    expect(await itemAs(world, police, kase.id, path.itemId)).toMatchObject({
      version: 1,
      erased: false,
      attachments: [],
    });
  });

  it('DAT-19 a CPAS worker designated by a DPO of the CPAS sees the health items of the police', async () => {
    const police = await officer();
    await designate(police, 'C10');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const added = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    // The operator makes a CPAS member its DPO; the change of role ends their sessions.
    const member = await world.newcomer('socialWorker');
    const promoted = await world.request(
      world.people.operator,
      'PUT',
      `/api/admin/users/${member.actor.userId}/roles`,
      { roles: ['dpo'] },
    );
    expect(promoted.statusCode, promoted.body).toBe(200);
    const cpasDpo = await freshSession(world, member.actor.userId);
    const worker = await world.newcomer('socialWorker');
    // The police DPO designates only its own staff.
    const foreign = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: worker.actor.userId,
      scope: 'C10',
      function: 'Maatschappelijk werker',
      confidentialityConfirmed: true,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: '/body/userId' })]);
    expect(await itemAs(world, worker, kase.id, added.json().id)).toMatchObject({
      restricted: true,
      content: null,
    });
    const byCpas = await world.request(cpasDpo, 'POST', '/api/designations', {
      userId: worker.actor.userId,
      scope: 'C10',
      function: 'Maatschappelijk werker schuldhulp',
      confidentialityConfirmed: true,
    });
    expect(byCpas.statusCode, byCpas.body).toBe(201);
    expect(await itemAs(world, worker, kase.id, added.json().id)).toMatchObject({
      restricted: false,
      content: 'Wordt behandeld voor een alcoholverslaving.',
    });
  });

  it('DAT-19 DAT-27 the DPO exports the designated persons as CSV with names, functions and dates; nobody else does', async () => {
    const police = await officer();
    await designate(police, 'C09', 'Rechercheur gerechtelijke politie');
    const exported = await world.request(world.people.policeDpo, 'GET', '/api/designations/export');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="designated-persons.csv"/);
    const [version, header, ...lines] = exported.body.trim().split('\n');
    expect(version).toMatch(/^# register version \d+$/);
    expect(header).toBe('name,function,category,designated_at,designated_by,revoked_at');
    expect(lines).toContainEqual(
      `"Karel Wouters","Rechercheur gerechtelijke politie","C09","${world.clock.now().toISOString()}","An Peeters",""`,
    );
    for (const who of [police, world.people.policeOfficer, world.people.operator]) {
      const refused = await world.request(who, 'GET', '/api/designations/export');
      expect(refused.statusCode).toBe(403);
    }
    // A designation needs the confidentiality undertaking.
    const unbound = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: police.actor.userId,
      scope: 'C10',
      function: 'Rechercheur',
      confidentialityConfirmed: false,
    });
    expect(unbound.statusCode).toBe(400);
    expect(unbound.json().errors).toEqual([
      expect.objectContaining({ field: '/body/confidentialityConfirmed' }),
    ]);
  });

  it('DAT-27 the register version rises with each designation and revocation, and a revoked person sees no more', async () => {
    const police = await officer();
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const start = (await world.request(world.people.policeDpo, 'GET', '/api/designations')).json()
      .version as number;
    const designated = await designate(police, 'C10');
    expect(designated.version).toBe(start + 1);
    const entry = designated.designations.find(
      (d) => d.user.id === police.actor.userId && d.scope === 'C10',
    )!;
    const added = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      healthItem(kase.subjectId),
    );
    expect(added.statusCode, added.body).toBe(201);
    world.clock.advanceMs(60_000);
    const revoked = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/designations/${entry.id}/revocation`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().version).toBe(start + 2);
    expect(revoked.json().designations).toContainEqual(
      expect.objectContaining({ id: entry.id, revokedAt: world.clock.now().toISOString() }),
    );
    expect(await itemAs(world, police, kase.id, added.json().id)).toMatchObject({
      restricted: true,
      content: null,
    });
    const again = await designate(police, 'C10');
    expect(again.version).toBe(start + 3);
    const csv = (await world.request(world.people.policeDpo, 'GET', '/api/designations/export')).body;
    expect(csv.split('\n')[0]).toBe(`# register version ${start + 3}`);
  });

  it('DAT-30 a user who has not accepted the professional-secrecy undertaking opens no case, its judicial items included', async () => {
    const police = await officer();
    await designate(police, 'C09');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const judicial = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, {
      category: 'C09',
      personIds: [kase.subjectId],
      content: 'Veroordeeld voor slagen en verwondingen (2024).',
      classification: 'non_classified',
      relevance: 'Eerdere feiten van geweld binnen het gezin.',
      special: {
        ground: 'a',
        justification: 'Verwerking onder toezicht van een openbare overheid (politie).',
      },
      details: { judicialSubtype: 'judicial', sourceReference: 'Vonnis corr. Gent 2024/1234' },
      judicial: { reference: 'Vonnis corr. Gent 2024/1234' },
      provenance: { kind: 'already_held', sourceReference: 'ANG 2024/1234' },
      missionConfirmed: true,
    });
    expect(judicial.statusCode, judicial.body).toBe(201);
    const newcomer = await world.newcomer('newSocialWorker');
    const refused = await world.request(newcomer, 'GET', `/api/cases/${kase.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toContain('ROL-07');
    expect(refused.body).not.toContain('slagen en verwondingen');
  });
});
