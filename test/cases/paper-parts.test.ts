/**
 * The register of a shared file's paper parts over HTTP on a real database (SPEC SCO-09, FIL-10;
 * bill Comm. art. 3: the shared file may be physical; L2007 art. 3 §1): a participant registers a
 * paper annex it holds with its content index, location and custodian; the case's readers see it
 * by the rule of records; only its holder changes it or confirms, as a named member, its destruction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const INDEX = 'Origineel PV met 4 foto’s (12 blz.); handgeschreven verklaring van de partner (3 blz.).';

/** A paper annex held by the police about `personId`, kept by the officer in the archive. */
function annex(personId: string, changes: Record<string, unknown> = {}) {
  return {
    description: 'Origineel proces-verbaal met bijlagen',
    contentIndex: INDEX,
    pageCount: 15,
    categories: ['C01', 'C11'],
    personIds: [personId],
    location: {
      building: 'Politiehuis Gent, Antonius Triestlaan 12',
      room: 'Archief 0.14',
      cabinet: 'Kast 3, map 2026/17',
    },
    custodianUserId: world.people.policeOfficer.actor.userId,
    custodianFunction: 'Archivaris gerechtelijke dossiers',
    ...changes,
  };
}

const paperPath = (caseId: string, rest = '') => `/api/cases/${caseId}/paper-parts${rest}`;

async function register(caseId: string, personId: string, who: Signed = world.people.policeOfficer) {
  const res = await world.request(
    who,
    'POST',
    paperPath(caseId),
    annex(personId, { custodianUserId: who.actor.userId }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; shared: boolean; allowedActions: string[] };
}

async function listAs(who: Signed, caseId: string) {
  const res = await world.request(who, 'GET', paperPath(caseId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().paperParts as Record<string, unknown>[];
}

describe('paper parts of the shared file', () => {
  it("SCO-09 FIL-10 registers a paper annex with its location, custodian and content index, seen by the case's participants and changed only by its holder", async () => {
    const { policeOfficer: police, socialWorker, coordinator } = world.people;
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const start = await auditPosition(world);
    const registered = await world.request(police, 'POST', paperPath(kase.id), annex(kase.subjectId));
    expect(registered.statusCode, registered.body).toBe(201);
    const part = registered.json();
    expect(part).toMatchObject({
      holder: { id: world.org.police },
      shared: true,
      categories: ['C01', 'C11'],
      personIds: [kase.subjectId],
      pageCount: 15,
      restricted: false,
      description: 'Origineel proces-verbaal met bijlagen',
      contentIndex: INDEX,
      location: {
        building: 'Politiehuis Gent, Antonius Triestlaan 12',
        room: 'Archief 0.14',
        cabinet: 'Kast 3, map 2026/17',
      },
      custodian: {
        user: { id: police.actor.userId, displayName: 'Karel Wouters' },
        function: 'Archivaris gerechtelijke dossiers',
      },
      version: 1,
      registeredBy: 'Karel Wouters',
      destruction: null,
      allowedActions: ['edit', 'confirm_destruction'],
    });
    // The texts are encrypted under the case key: nothing readable in the row.
    const row = await world.db.adminDb
      .selectFrom('paper_parts')
      .select(['content', 'custody'])
      .where('id', '=', part.id)
      .executeTakeFirstOrThrow();
    for (const column of [row.content, row.custody]) {
      expect(column.toString('latin1')).not.toContain('proces-verbaal');
      expect(column.toString('latin1')).not.toContain('Archief');
    }

    // The case's participants and its organiser see it, and may change nothing of it.
    for (const reader of [socialWorker, coordinator]) {
      const [seen] = await listAs(reader, kase.id);
      expect(seen).toMatchObject({
        id: part.id,
        contentIndex: INDEX,
        location: part.location,
        allowedActions: [],
      });
    }

    // Its holder corrects it: a new version, with the reason kept encrypted.
    const moved = await world.request(police, 'PUT', paperPath(kase.id, `/${part.id}`), {
      ...annex(kase.subjectId, { location: { building: 'Politiehuis Gent', room: 'Archief 1.02' } }),
      reason: 'Verhuisd naar het nieuwe archief.',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      version: 2,
      location: { building: 'Politiehuis Gent', room: 'Archief 1.02' },
    });
    const versions = await world.db.adminDb
      .selectFrom('paper_part_versions')
      .select(['version', 'changed_by', 'reason'])
      .where('paper_part_id', '=', part.id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.changed_by, v.reason === null])).toEqual([
      [1, police.actor.userId, true],
      [2, police.actor.userId, false],
    ]);

    // Every read a consult event with the session's justification, every change audited; no content.
    const events = await auditEventsSince(world, start);
    const onPart = events.filter((e) => e.records?.some((r) => r.type === 'paper_part' && r.id === part.id));
    expect(onPart.map((e) => [e.action, e.actor.organisationId])).toEqual([
      ['collect', world.org.police],
      ['consult', world.org.cpas],
      ['consult', world.org.coordination],
      ['adapt', world.org.police],
    ]);
    expect(
      onPart.filter((e) => e.action === 'consult').every((e) => e.justification === 'access matrix'),
    ).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Archief');
  });

  it('SCO-09 ROL-09 FIL-02 refuses another organisation the change of a paper part with 403, and changes nothing', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const part = await register(kase.id, kase.subjectId);
    const start = await auditPosition(world);
    const edit = await world.request(world.people.socialWorker, 'PUT', paperPath(kase.id, `/${part.id}`), {
      ...annex(kase.subjectId, { custodianUserId: undefined }),
      reason: 'Wij bewaren het voortaan.',
    });
    expect(edit.statusCode, edit.body).toBe(403);
    expect(edit.json().rule).toContain('ROL-09');
    const destroy = await world.request(
      world.people.socialWorker,
      'POST',
      paperPath(kase.id, `/${part.id}/destruction`),
      {
        destroyedOn: '2026-03-02',
        reason: 'Vernietigd.',
      },
    );
    expect(destroy.statusCode, destroy.body).toBe(403);
    expect(destroy.json().rule).toContain('ROL-09');
    const [seen] = await listAs(world.people.policeOfficer, kase.id);
    expect(seen).toMatchObject({ version: 1, destruction: null });
    const denied = (await auditEventsSince(world, start)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.reason, e.actor.organisationId])).toEqual([
      ['adapt', 'not_controller', world.org.cpas],
      ['destroy', 'not_controller', world.org.cpas],
    ]);
  });

  it("SCO-09 WFL-01 WFL-09 keeps a draft's paper part in the compartment: the organiser gets 404, sees nothing after acceptance until its holder shares it", async () => {
    const police = world.people.policeOfficer;
    const coordinator = world.people.coordinator;
    const draft = await newCase(world, { items: 0 });
    const part = await register(draft.id, draft.subjectId);
    expect(part).toMatchObject({ shared: false, allowedActions: ['edit', 'confirm_destruction'] });
    const hidden = await world.request(coordinator, 'GET', paperPath(draft.id));
    expect(hidden.statusCode).toBe(404);
    const early = await world.request(police, 'POST', paperPath(draft.id, `/${part.id}/sharing`));
    expect(early.statusCode).toBe(409);

    const signalled = await world.request(police, 'POST', `/api/cases/${draft.id}/signal`, {
      selection: { personIds: [draft.subjectId], itemIds: [] },
      necessityConfirmed: true,
    });
    expect(signalled.statusCode, signalled.body).toBe(200);
    const accepted = await world.request(coordinator, 'POST', `/api/cases/${draft.id}/signal-decision`, {
      decision: 'accept',
      reason: 'Ernstig risico voor de partner; ketenaanpak aangewezen.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await listAs(coordinator, draft.id)).toEqual([]);
    const byOrganiser = await world.request(coordinator, 'POST', paperPath(draft.id, `/${part.id}/sharing`));
    expect(byOrganiser.statusCode).toBe(404);
    expect((await listAs(police, draft.id))[0]).toMatchObject({
      allowedActions: ['edit', 'share', 'confirm_destruction'],
    });

    const start = await auditPosition(world);
    const shared = await world.request(police, 'POST', paperPath(draft.id, `/${part.id}/sharing`));
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().shared).toBe(true);
    expect((await listAs(coordinator, draft.id)).map((p) => p.id)).toEqual([part.id]);
    const [disclosure] = (await auditEventsSince(world, start)).filter((e) => e.action === 'disclose');
    expect(disclosure).toMatchObject({
      records: [{ type: 'paper_part', id: part.id }],
      recipients: [{ organisationId: world.org.coordination }],
    });
  });

  it('SCO-09 confirms the destruction of a paper part by a named user, audited, also once the case is closed', async () => {
    const police = world.people.policeOfficer;
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const part = await register(kase.id, kase.subjectId);
    const closed = await world.request(world.people.coordinator, 'POST', `/api/cases/${kase.id}/closure`, {
      reason: 'De opvolging is afgerond.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const start = await auditPosition(world);
    const destroyed = await world.request(police, 'POST', paperPath(kase.id, `/${part.id}/destruction`), {
      destroyedOn: '2026-03-02',
      reason: 'Vernietigd door versnippering na afloop van de bewaartermijn.',
    });
    expect(destroyed.statusCode, destroyed.body).toBe(200);
    expect(destroyed.json()).toMatchObject({
      destruction: {
        destroyedOn: '2026-03-02',
        confirmedBy: 'Karel Wouters',
        confirmedAt: world.clock.now().toISOString(),
        reason: 'Vernietigd door versnippering na afloop van de bewaartermijn.',
      },
      allowedActions: [],
    });
    const row = await world.db.adminDb
      .selectFrom('paper_parts')
      .select(['destroyed_on', 'destruction_confirmed_by'])
      .where('id', '=', part.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ destroyed_on: '2026-03-02', destruction_confirmed_by: police.actor.userId });
    const events = await auditEventsSince(world, start);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'destroy',
        outcome: 'success',
        caseId: kase.id,
        actor: expect.objectContaining({ userId: police.actor.userId, organisationId: world.org.police }),
        records: [{ type: 'paper_part', id: part.id }],
      }),
    ]);
    // The other parties learn that it is gone.
    expect((await listAs(world.people.socialWorker, kase.id))[0]).toMatchObject({
      destruction: { destroyedOn: '2026-03-02', confirmedBy: 'Karel Wouters' },
    });
    // Confirmed once: the entry is final.
    const again = await world.request(police, 'POST', paperPath(kase.id, `/${part.id}/destruction`), {
      destroyedOn: '2026-03-02',
      reason: 'Nogmaals.',
    });
    expect(again.statusCode).toBe(409);
    // Not even the owner role, acting for the holder, changes it any more.
    await expect(
      world.db.adminDb.transaction().execute(async (tx) => {
        await createAccessRepository().actFor(tx, police.actor.userId, [world.org.police]);
        await tx.updateTable('paper_parts').set({ page_count: 1 }).where('id', '=', part.id).execute();
      }),
    ).rejects.toThrow(/destroyed paper part is not changed/);
  });

  it('SCO-09 ROL-04 a permanent representative does not confirm the destruction of its authority’s paper', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const part = await register(kase.id, kase.subjectId, world.people.socialWorker);
    expect(part).toMatchObject({ shared: true, allowedActions: ['edit', 'confirm_destruction'] });
    const res = await world.request(
      world.people.representative,
      'POST',
      paperPath(kase.id, `/${part.id}/destruction`),
      {
        destroyedOn: '2026-03-02',
        reason: 'Vernietigd.',
      },
    );
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().rule).toContain('SCO-09');
  });

  it('SCO-09 refuses a destruction dated in the future or before the registration, naming the field', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const part = await register(kase.id, kase.subjectId);
    for (const destroyedOn of ['2026-03-03', '2026-03-01', '2026-02-30']) {
      const res = await world.request(
        world.people.policeOfficer,
        'POST',
        paperPath(kase.id, `/${part.id}/destruction`),
        {
          destroyedOn,
          reason: 'Vernietigd.',
        },
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/destroyedOn']);
    }
    expect((await listAs(world.people.policeOfficer, kase.id))[0]).toMatchObject({ destruction: null });
  });

  it('SCO-09 WFL-11 a closed case refuses the registration and the change of a paper part', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const part = await register(kase.id, kase.subjectId);
    await world.request(world.people.coordinator, 'POST', `/api/cases/${kase.id}/closure`, {
      reason: 'Afgerond.',
    });
    const added = await world.request(
      world.people.policeOfficer,
      'POST',
      paperPath(kase.id),
      annex(kase.subjectId),
    );
    expect(added.statusCode).toBe(403);
    expect(added.json().rule).toContain('WFL-11');
    const edited = await world.request(world.people.policeOfficer, 'PUT', paperPath(kase.id, `/${part.id}`), {
      ...annex(kase.subjectId),
      reason: 'Aanvulling.',
    });
    expect(edited.statusCode).toBe(403);
    expect(edited.json().rule).toContain('WFL-11');
    expect(await listAs(world.people.policeOfficer, kase.id)).toHaveLength(1);
  });

  it('SCO-09 DAT-00 DAT-20 refuses whole a paper part without custodian, with a classified index or a stranger as person, naming each field', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted' });
    const other = await newCase(world, { items: 0 });
    const rows = await countRows(world.db.adminDb, 'paper_parts');
    const res = await world.request(
      world.people.policeOfficer,
      'POST',
      paperPath(kase.id),
      annex(other.subjectId, {
        custodianUserId: undefined,
        custodianFunction: undefined,
        contentIndex: 'Nota CONFIDENTIEL - restreint',
      }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/personIds/0',
      '/body/contentIndex',
      '/body/custodianFunction',
    ]);
    const stranger = await world.request(
      world.people.policeOfficer,
      'POST',
      paperPath(kase.id),
      annex(kase.subjectId, { custodianUserId: world.people.socialWorker.actor.userId }),
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([
      {
        field: '/body/custodianUserId',
        message: 'is not an active member of the organisation that holds the paper',
      },
    ]);
    expect(await countRows(world.db.adminDb, 'paper_parts')).toBe(rows);
  });

  it('SCO-09 DAT-19 shows the index of a paper holding health data only to persons designated for it', async () => {
    const police = await world.newcomer('policeOfficer');
    const designated = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: police.actor.userId,
      scope: 'C10',
      function: 'Rechercheur zedenzaken',
      confidentialityConfirmed: true,
    });
    expect(designated.statusCode, designated.body).toBe(201);
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const health = annex(kase.subjectId, { categories: ['C10'], custodianUserId: police.actor.userId });
    const undesignated = await world.request(world.people.policeOfficer, 'POST', paperPath(kase.id), health);
    expect(undesignated.statusCode).toBe(403);
    const registered = await world.request(police, 'POST', paperPath(kase.id), health);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ restricted: false, contentIndex: INDEX });
    const [seen] = await listAs(world.people.socialWorker, kase.id);
    expect(seen).toMatchObject({
      restricted: true,
      description: null,
      contentIndex: null,
      categories: ['C10'],
      location: { building: 'Politiehuis Gent, Antonius Triestlaan 12' },
    });
  });
});
