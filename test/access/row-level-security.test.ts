/**
 * Row-level security, the second net of need-to-know (ARCHITECTURE §3.2; issue 3 scope 7):
 * raw SQL as the runtime role sees no case row unless the transaction says whom it acts for,
 * and then exactly the cases `access.decide` allows. The operator cannot decrypt case content.
 */
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState, DB } from '../../src/server/db/schema.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { decide } from '../../src/server/modules/access/decide.js';
import { caseScope } from '../../src/server/modules/cases/open-case.js';
import { type AccessWorld, createAccessWorld, type OrganisationName } from '../support/access-world.js';

let world: AccessWorld;
const CASE_TABLES = ['cases', 'case_participants'] as const;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

async function visibleAs(organisations: readonly string[], table: string): Promise<number> {
  return world.db.appDb.transaction().execute(async (tx) => {
    if (organisations.length > 0) await createAccessRepository().actFor(tx, 'u', organisations);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(tx);
    return Number(rows[0]!.n);
  });
}

describe('row-level security', () => {
  it('SEC-06 shows raw SQL as the runtime role no case row without the transaction settings', async () => {
    const id = await world.policeCase('in_consultation', { admitted: ['cpas'], revoked: ['youth'] });
    // The owner sees the rows: they exist.
    expect(
      await world.db.adminDb.selectFrom('cases').select('id').where('id', '=', id).execute(),
    ).toHaveLength(1);
    for (const table of CASE_TABLES) expect(await visibleAs([], table)).toBe(0);
    const keys = await world.db.appDb
      .selectFrom('data_keys')
      .select('scope')
      .where('scope', '=', caseScope(id))
      .execute();
    expect(keys).toEqual([]);
    // The role really is subject to it: no superuser, no BYPASSRLS, and the tables force it.
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(world.db.appDb);
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const forced = await sql<{ relname: string }>`
      SELECT relname FROM pg_class WHERE relforcerowsecurity AND relname IN ('cases', 'case_participants', 'data_keys')
      ORDER BY relname`.execute(world.db.appDb);
    expect(forced.rows.map((r) => r.relname)).toEqual(['case_participants', 'cases', 'data_keys']);
  });

  it('WFL-01 hides a police draft from the coordinator even in raw SQL', async () => {
    const draft = await world.policeCase('pre_registered');
    const seen = (org: OrganisationName) =>
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actFor(tx, 'u', [world.org[org]]);
        return tx.selectFrom('cases').select('id').where('id', '=', draft).execute();
      });
    expect(await seen('police')).toHaveLength(1);
    expect(await seen('coordination')).toHaveLength(0);
    expect(await seen('parquet')).toHaveLength(0);
  });

  it('SEC-12 WFL-13 the operator cannot decrypt case content: its transactions cannot even read the case key', async () => {
    const id = await world.policeCase('in_consultation', { admitted: ['cpas'] });
    const row = await world.db.adminDb
      .selectFrom('cases')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const envelope = createEnvelope({ keys: world.keys });
    const aad = { scope: caseScope(id), record: 'title', version: 1 };
    const decryptActingFor = (organisations: string[]) =>
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actFor(tx, 'u', organisations);
        return (await envelope.decrypt(tx, aad, row.title)).toString('utf8');
      });
    // The same key provider and code decrypt for the case's audience ...
    expect(await decryptActingFor([world.org.cpas])).toBe('Situatieschets gezin V.');
    // ... but the operator's transactions act for no organisation (actingOrganisations is
    // empty), so row-level security hides the case's wrapped data key and nothing decrypts.
    await expect(decryptActingFor([])).rejects.toThrow();
    await expect(decryptActingFor([world.org.host])).rejects.toThrow();
    expect(row.title.toString('utf8')).not.toContain('gezin');
    // Over HTTP the operator learns nothing either.
    expect((await world.request(world.people.operator, 'GET', `/api/cases/${id}`)).statusCode).toBe(404);
    expect((await world.request(world.people.operator, 'GET', '/api/cases')).statusCode).toBe(403);
    // And a participant of the case reads the title through the same path.
    const read = await world.request(world.people.socialWorker, 'GET', `/api/cases/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().title).toBe('Situatieschets gezin V.');
  });

  it('SEC-06 row-level security and access.decide agree on every case and organisation', async () => {
    const states: CaseState[] = [
      'pre_registered',
      'under_evaluation',
      'not_signalled',
      'signalled',
      'accepted',
      'refused',
      'in_consultation',
      'follow_up',
      'closed',
    ];
    const orgs: OrganisationName[] = ['police', 'parquet', 'coordination', 'cpas', 'youth'];
    const ids: string[] = [];
    for (const [i, state] of states.entries()) {
      ids.push(
        await world.policeCase(state, {
          reviewer: 'parquet',
          admitted: ['cpas'],
          revoked: i % 2 ? ['youth'] : [],
        }),
      );
    }
    const repository = createAccessRepository();
    for (const org of orgs) {
      const orgId = world.org[org];
      const visible = await world.db.appDb.transaction().execute(async (tx) => {
        await repository.actFor(tx, 'u', [orgId]);
        return (await tx.selectFrom('cases').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
      });
      const allowed: string[] = [];
      for (const id of ids) {
        const facts = await world.db.adminDb.transaction().execute((tx) => repository.caseFacts(tx, id));
        const actor = {
          userId: 'u',
          organisationId: orgId,
          roles: ['participant'] as const,
          representedAuthorities: [],
          lapsedAuthorities: [],
          secrecyAccepted: true,
          awarenessAcknowledged: true,
          justified: true,
          designations: [],
          crossCaseSearch: false,
        };
        if (decide(actor, { action: 'case.view', kase: facts }).allowed) allowed.push(id);
      }
      expect(visible.sort(), org).toEqual(allowed.sort());
    }
  });

  it('SEC-06 lists each visible case once, newest first, with the closest relation', async () => {
    world.clock.advanceMs(60_000);
    const older = await world.policeCase('in_consultation', { admitted: ['police', 'cpas'] });
    world.clock.advanceMs(60_000);
    const newer = await world.policeCase('pre_registered');
    const res = await world.request(world.people.policeOfficer, 'GET', '/api/cases');
    const listed = (res.json().cases as { id: string; relation: string }[]).filter((c) =>
      [older, newer].includes(c.id),
    );
    // The police zone is in the older case's audience twice (compartment and admitted): one row.
    expect(listed).toEqual([
      expect.objectContaining({ id: newer, relation: 'compartment' }),
      expect.objectContaining({ id: older, relation: 'compartment' }),
    ]);
    const social = await world.request(world.people.socialWorker, 'GET', '/api/cases');
    const seen = (social.json().cases as { id: string; relation: string }[]).filter((c) =>
      [older, newer].includes(c.id),
    );
    expect(seen).toEqual([expect.objectContaining({ id: older, relation: 'participant' })]);
  });

  it('SCO-09 SEC-06 shows a paper part in raw SQL by the rule of records, and lets only its holder change it', async () => {
    const police = world.people.policeOfficer;
    const annex = (personId: string) => ({
      description: 'Origineel proces-verbaal',
      contentIndex: 'PV met foto’s (12 blz.).',
      categories: ['C11'],
      personIds: [personId],
      location: { building: 'Politiehuis Gent' },
      custodianFunction: 'Archivaris',
    });
    const register = async (kase: { id: string; personId: string }) => {
      const res = await world.request(police, 'POST', `/api/cases/${kase.id}/paper-parts`, annex(kase.personId));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const withPerson = async (id: string) => {
      const res = await world.request(police, 'POST', `/api/cases/${id}/persons`, {
        role: 'subject',
        identity: { surname: 'Verbeke', firstNames: 'Jonas' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return { id, personId: res.json().id as string };
    };
    const draft = await withPerson(await world.policeCase('pre_registered'));
    const shared = await withPerson(await world.policeCase('in_consultation', { admitted: ['cpas'] }));
    const ids = [await register(draft), await register(shared)];
    const repository = createAccessRepository();
    const asOrg = <T>(org: OrganisationName, work: (tx: Transaction<DB>) => Promise<T>) =>
      world.db.appDb.transaction().execute(async (tx) => {
        await repository.actFor(tx, 'u', [world.org[org]]);
        return work(tx);
      });
    const seen = (org: OrganisationName) =>
      asOrg(org, async (tx) => (await tx.selectFrom('paper_parts').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    expect(await visibleAs([], 'paper_parts')).toBe(0);
    expect((await seen('police')).sort()).toEqual([...ids].sort());
    expect(await seen('cpas')).toEqual([ids[1]]);
    expect(await seen('coordination')).toEqual([ids[1]]);
    expect(await seen('parquet')).toEqual([]);
    const change = (org: OrganisationName) =>
      asOrg(org, async (tx) =>
        Number((await tx.updateTable('paper_parts').set({ page_count: 3 }).where('id', '=', ids[1]!).executeTakeFirst()).numUpdatedRows),
      );
    expect(await change('cpas')).toBe(0);
    expect(await change('police')).toBe(1);
  });
});
