/**
 * The prosecutor's list over HTTP on a real database (bill art. 8; SPEC LST-01..04): a subject of
 * an authorised case is proposed to the authorising office, validated by its prosecutor, found
 * only by a lookup linked to a restriction, flagged when rectified in the case, removed with a
 * reason, and erased thirty years after its registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { createProsecutorListRepository } from '../../src/server/modules/prosecutor-list/prosecutor-list.repository.js';
import { eraseExpiredListEntries } from '../../src/server/modules/prosecutor-list/prosecutor-list.service.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';
import { type ListEntryJson, listEntriesOf, registeredListEntry } from '../support/prosecutor-list-steps.js';
import { authorisedFrameworkOf } from '../support/rights-steps.js';

let world: AccessWorld;
let frameworkId: string;

const START = '2026-03-02T09:00:00Z';
/** The subject `newCase` adds (case-steps.ts). */
const NRN = '90.04.12-123.77';

beforeAll(async () => {
  world = await createAccessWorld();
  frameworkId = await authorisedFrameworkOf(world, world.org.parquet);
});
afterAll(async () => {
  await world?.close();
});

type Entry = ListEntryJson;

const entriesOf = (caseId: string, who = world.people.prosecutor) => listEntriesOf(world, caseId, who);
const registeredEntry = () => registeredListEntry(world, frameworkId);

describe("the prosecutor's list (bill art. 8)", () => {
  it('LST-01 WFL-12 a subject of an authorised case is proposed to the authorising office, a relation is not; the prosecutor validates; police users cannot open the list', async () => {
    const decree = await newCase(world, { items: 0 });
    const kase = await newCase(world, { items: 0, frameworkId });
    const relation = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/persons`,
      {
        role: 'relation',
        subjectIds: [kase.subjectId],
        necessity: 'Partner van de betrokkene.',
        identity: { surname: 'Janssens', firstNames: 'Els', birthDate: '1991-06-01' },
      },
    );
    expect(relation.statusCode, relation.body).toBe(201);
    expect(await entriesOf(decree.id)).toEqual([]);
    const entries = await entriesOf(kase.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      personId: kase.subjectId,
      status: 'proposed',
      authorisationReference: 'PK/2026/031',
      registeredAt: null,
      identity: {
        surname: 'Dewaele',
        firstNames: 'Kevin',
        birthDate: '1990-04-12',
        nationalRegisterNumber: NRN,
      },
    });
    for (const who of [world.people.policeOfficer, world.people.coordinator, world.people.operator]) {
      expect((await world.request(who, 'GET', '/api/prosecutor-list')).statusCode).toBe(403);
    }
    const validated = await world.request(
      world.people.prosecutor,
      'POST',
      `/api/prosecutor-list/${entries[0]!.id}/validation`,
    );
    expect(validated.statusCode, validated.body).toBe(200);
    // LST-03: registered now, erased at the latest at the end of the same day thirty years on (Brussels).
    expect(validated.json()).toMatchObject({
      status: 'registered',
      registeredAt: '2026-03-02T09:00:00.000Z',
      eraseBy: '2056-03-02T23:00:00.000Z',
    });
    // Kept up to date, not browsed: a registered identity no longer shows in the list.
    expect((await entriesOf(kase.id))[0]!.identity).toBeNull();
  });

  it('LST-02 a lookup needs a linked restriction or request, and every lookup is logged with the linked id', async () => {
    const { kase, entry } = await registeredEntry();
    const restriction = await world.request(world.people.prosecutor, 'POST', '/api/restrictions', {
      caseId: kase.id,
      personId: kase.subjectId,
      scope: 'person',
      rights: ['information'],
      grounds: ['R2'],
      justification: 'Het informeren van de betrokkene zou de opsporing van lopende feiten ernstig schaden.',
    });
    expect(restriction.statusCode, restriction.body).toBe(201);
    const restrictionId: string = restriction.json().id;

    const unlinked = await world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
      nationalRegisterNumber: NRN,
    });
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json().rule).toContain('LST-02');
    const foreign = await world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
      restrictionId: crypto.randomUUID(),
      nationalRegisterNumber: NRN,
    });
    expect(foreign.statusCode).toBe(400);

    const start = await auditPosition(world);
    const found = await world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
      restrictionId,
      nationalRegisterNumber: NRN,
    });
    expect(found.statusCode, found.body).toBe(200);
    // The same person in the earlier case of this file is on the list too: both entries answer.
    expect(found.json().matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entryId: entry.id,
          status: 'registered',
          identity: expect.objectContaining({ surname: 'Dewaele' }),
        }),
      ]),
    );
    const nobody = await world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
      restrictionId,
      nationalRegisterNumber: '88.02.03-123.97',
    });
    expect(nobody.json().matches).toEqual([]);
    const byName = await world.request(world.people.prosecutor, 'POST', '/api/prosecutor-list/lookups', {
      restrictionId,
      surname: 'DEWAELE',
      firstNames: 'Kevin',
      birthDate: '1990-04-12',
    });
    expect(byName.json().matches.map((m: { entryId: string }) => m.entryId)).toContain(entry.id);
    const logged = await world.db.adminDb
      .selectFrom('prosecutor_list_lookups')
      .selectAll()
      .where('id', 'in', [found.json().lookupId, byName.json().lookupId, nobody.json().lookupId])
      .execute();
    expect(logged.map((row) => row.restriction_id)).toEqual([restrictionId, restrictionId, restrictionId]);
    const events = (await auditEventsSince(world, start)).filter(
      (e) => e.reason === 'prosecutor_list_lookup',
    );
    expect(events).toHaveLength(3);
    expect(events[0]!.records).toEqual(expect.arrayContaining([{ type: 'restriction', id: restrictionId }]));
    expect(JSON.stringify(events)).not.toContain('Dewaele');
  });

  it('LST-04 rectifying the identity in the case flags the entry update pending; an entry created in error is removed with a reason, logged', async () => {
    const { kase, entry } = await registeredEntry();
    const rectified = await world.request(
      world.people.policeOfficer,
      'PUT',
      `/api/cases/${kase.id}/persons/${kase.subjectId}`,
      {
        identity: {
          surname: 'De Waele',
          firstNames: 'Kevin',
          birthDate: '1990-04-12',
          nationalRegisterNumber: NRN,
        },
        reason: 'Schrijfwijze van de familienaam verbeterd volgens het rijksregister.',
      },
    );
    expect(rectified.statusCode, rectified.body).toBe(200);
    const [flagged] = await entriesOf(kase.id);
    expect(flagged).toMatchObject({
      updatePending: true,
      pendingIdentity: { surname: 'De Waele' },
      identity: { surname: 'Dewaele' },
    });
    const applied = await world.request(
      world.people.prosecutor,
      'POST',
      `/api/prosecutor-list/${entry.id}/identity-update`,
    );
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ updatePending: false, pendingIdentity: null, identity: null });

    expect(
      (await world.request(world.people.prosecutor, 'POST', `/api/prosecutor-list/${entry.id}/removal`, {}))
        .statusCode,
    ).toBe(400);
    const start = await auditPosition(world);
    const removed = await world.request(
      world.people.prosecutor,
      'POST',
      `/api/prosecutor-list/${entry.id}/removal`,
      {
        reason: 'Opgenomen bij vergissing: de betrokkene was geen onderwerp van het overleg.',
      },
    );
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await entriesOf(kase.id)).toEqual([]);
    const removal = await world.db.adminDb
      .selectFrom('prosecutor_list_removals')
      .selectAll()
      .where('entry_id', '=', entry.id)
      .executeTakeFirst();
    expect(removal?.removed_by).toBe(world.people.prosecutor.actor.userId);
    const [event] = await auditEventsSince(world, start);
    expect(event).toMatchObject({
      action: 'erase',
      reason: 'list_entry_removed',
      records: [{ type: 'prosecutor_list_entry', id: entry.id }],
    });
    const keys = await world.db.adminDb
      .selectFrom('data_keys')
      .select('scope')
      .where('scope', '=', `prosecutor-list:${entry.id}`)
      .execute();
    expect(keys).toEqual([]);
  });

  it('LST-03 an entry registered on 2026-03-02 is erased by the job from 2056-03-03 on, logged without identity, and its date can never be set later', async () => {
    const { entry } = await registeredEntry();
    await expect(
      world.db.adminDb
        .updateTable('prosecutor_list_entries')
        .set({ erase_by: new Date('2056-06-01T00:00:00Z') })
        .where('id', '=', entry.id)
        .execute(),
    ).rejects.toThrow(/bill art\. 8 al\. 2/);
    const audit = createAuditLog({ clock: world.clock });
    const deps = {
      db: world.db.appDb,
      list: createProsecutorListRepository(),
      audit,
      envelope: createEnvelope({ keys: world.keys }),
    };
    const present = () =>
      world.db.adminDb
        .selectFrom('prosecutor_list_entries')
        .select('id')
        .where('id', '=', entry.id)
        .execute();
    try {
      world.clock.set('2056-03-02T22:59:59Z');
      await eraseExpiredListEntries(deps, world.clock.now());
      expect(await present()).toHaveLength(1);
      world.clock.set('2056-03-03T00:00:00+01:00');
      const start = await auditPosition(world);
      expect(await eraseExpiredListEntries(deps, world.clock.now())).toBeGreaterThanOrEqual(1);
      expect(await present()).toEqual([]);
      const [event] = await auditEventsSince(world, start);
      expect(event).toMatchObject({ action: 'erase', reason: 'list_entry_expired' });
      expect(event!.records).toEqual(
        expect.arrayContaining([{ type: 'prosecutor_list_entry', id: entry.id }]),
      );
      expect(JSON.stringify(event)).not.toMatch(/Dewaele|90\.04\.12/);
      const prosecutor = await freshSession(world, world.people.prosecutor.actor.userId);
      expect(
        (await world.request(prosecutor, 'GET', '/api/prosecutor-list'))
          .json()
          .entries.map((e: Entry) => e.id),
      ).not.toContain(entry.id);
    } finally {
      world.clock.set(START);
    }
  });
});
