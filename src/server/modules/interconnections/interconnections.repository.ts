/**
 * The register of interconnections, the links of cases to files of connected systems and the
 * exchange log (migration 0033). The register and the log name no person and have no row-level
 * security; the links belong to a case and are read under its policies, or, by an authenticated
 * interconnection, its own open links only (`concerto.interconnection`).
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  InterconnectionEventsTable,
  InterconnectionExchangesTable,
  InterconnectionLinksTable,
  InterconnectionPartiesTable,
  InterconnectionsTable,
} from '../../db/schema.js';

export type InterconnectionRow = Selectable<InterconnectionsTable>;
export type PartyRow = Selectable<InterconnectionPartiesTable>;
export type InterconnectionEventRow = Selectable<InterconnectionEventsTable>;
export type LinkRow = Selectable<InterconnectionLinksTable>;
export type ExchangeRow = Selectable<InterconnectionExchangesTable>;

export function createInterconnectionsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<InterconnectionsTable>): Promise<InterconnectionRow> =>
      tx.insertInto('interconnections').values(row).returningAll().executeTakeFirstOrThrow(),

    async insertParties(tx: Tx, rows: readonly Insertable<InterconnectionPartiesTable>[]): Promise<void> {
      await tx
        .insertInto('interconnection_parties')
        .values([...rows])
        .execute();
    },

    /** Appends a line to the register's history. */
    async event(tx: Tx, row: Insertable<InterconnectionEventsTable>): Promise<void> {
      await tx.insertInto('interconnection_events').values(row).execute();
    },

    byId: (tx: Tx, id: string): Promise<InterconnectionRow | undefined> =>
      tx.selectFrom('interconnections').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The active frameworks `organisationId` organises or takes part in, by name. */
    frameworksOf: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('frameworks')
        .select([
          'id',
          'name',
          'allowed_categories',
          'organiser_organisation_id',
          sql<string[]>`array(SELECT p.organisation_id FROM framework_participants p
            WHERE p.framework_id = frameworks.id AND p.removed_at IS NULL ORDER BY p.organisation_id)`.as(
            'participant_ids',
          ),
        ])
        .where('state', '=', 'active')
        .where((eb) =>
          eb.or([
            eb('organiser_organisation_id', '=', organisationId),
            eb.exists(
              eb
                .selectFrom('framework_participants as p')
                .select('p.organisation_id')
                .whereRef('p.framework_id', '=', 'frameworks.id')
                .where('p.organisation_id', '=', organisationId)
                .where('p.removed_at', 'is', null),
            ),
          ]),
        )
        .orderBy('name')
        .orderBy('id')
        .execute(),

    /** The interconnection a connected system's key is registered for (one key, one interconnection). */
    byFingerprint: (tx: Tx, fingerprint: string): Promise<{ id: string } | undefined> =>
      tx
        .selectFrom('interconnections')
        .select('id')
        .where('key_fingerprint', '=', fingerprint)
        .executeTakeFirst(),

    /** Locked: its parties' approvals and switches, and the exchanges, wait for one another. */
    forUpdate: (tx: Tx, id: string): Promise<InterconnectionRow | undefined> =>
      tx.selectFrom('interconnections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    /** The interconnections `organisationId` is a party to, newest first. */
    ofParty: (tx: Tx, organisationId: string): Promise<InterconnectionRow[]> =>
      tx
        .selectFrom('interconnections')
        .selectAll()
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('interconnection_parties as p')
              .select('p.organisation_id')
              .whereRef('p.interconnection_id', '=', 'interconnections.id')
              .where('p.organisation_id', '=', organisationId),
          ),
        )
        .orderBy('registered_at', 'desc')
        .orderBy('id')
        .execute(),

    partiesOf: (tx: Tx, ids: readonly string[]): Promise<PartyRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('interconnection_parties')
            .selectAll()
            .where('interconnection_id', 'in', [...ids])
            .orderBy('interconnection_id')
            .orderBy('organisation_id')
            .execute(),

    async updateParty(
      tx: Tx,
      id: string,
      organisationId: string,
      change: Updateable<InterconnectionPartiesTable>,
    ): Promise<void> {
      await tx
        .updateTable('interconnection_parties')
        .set(change)
        .where('interconnection_id', '=', id)
        .where('organisation_id', '=', organisationId)
        .execute();
    },

    update: (tx: Tx, id: string, change: Updateable<InterconnectionsTable>): Promise<InterconnectionRow> =>
      tx
        .updateTable('interconnections')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    historyOf: (tx: Tx, ids: readonly string[]): Promise<InterconnectionEventRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('interconnection_events')
            .selectAll()
            .where('interconnection_id', 'in', [...ids])
            .orderBy('id')
            .execute(),

    /** The last `limit` exchanges, newest first. */
    exchangesOf: (tx: Tx, id: string, limit: number): Promise<ExchangeRow[]> =>
      tx
        .selectFrom('interconnection_exchanges')
        .selectAll()
        .where('interconnection_id', '=', id)
        .orderBy('position', 'desc')
        .limit(limit)
        .execute(),

    /** Exchanges accepted and refused, and items written, per interconnection, all time. */
    totalsOf: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('interconnection_exchanges')
            .select((eb) => [
              'interconnection_id',
              eb.fn.countAll<string>().filterWhere('outcome', '=', 'accepted').as('accepted'),
              eb.fn.countAll<string>().filterWhere('outcome', '=', 'refused').as('refused'),
              eb.fn.coalesce(eb.fn.sum<string>('items'), sql<string>`0`).as('items'),
            ])
            .where('interconnection_id', 'in', [...ids])
            .groupBy('interconnection_id')
            .execute(),

    /** The exchanges of [from, to), for the processing statement's volumes (SPEC SEC-13). */
    exchangesWithin: (tx: Tx, ids: readonly string[], from: Date, to: Date) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('interconnection_exchanges')
            .select([
              'interconnection_id',
              'outcome',
              'records',
              'items',
              'categories',
              'dropped_fields',
              'matched_persons',
            ])
            .where('interconnection_id', 'in', [...ids])
            .where('received_at', '>=', from)
            .where('received_at', '<', to)
            .execute(),

    /**
     * Authenticated requests received since `since`, which the rate limit counts; those it refused
     * do not count, so a system that waits as told (Retry-After) is served again.
     */
    async receivedSince(tx: Tx, id: string, since: Date): Promise<number> {
      const row = await tx
        .selectFrom('interconnection_exchanges')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('interconnection_id', '=', id)
        .where('received_at', '>', since)
        .where((eb) => eb.or([eb('reason', 'is', null), eb('reason', '!=', 'rate_limited')]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async nonceUsed(tx: Tx, id: string, nonce: string): Promise<boolean> {
      const row = await tx
        .selectFrom('interconnection_exchanges')
        .select('id')
        .where('interconnection_id', '=', id)
        .where('nonce', '=', nonce)
        .executeTakeFirst();
      return row !== undefined;
    },

    insertExchange: (tx: Tx, row: Insertable<InterconnectionExchangesTable>): Promise<ExchangeRow> =>
      tx.insertInto('interconnection_exchanges').values(row).returningAll().executeTakeFirstOrThrow(),

    /** For this transaction, the interconnection whose verified request it serves (migration 0033). */
    async actForInterconnection(tx: Tx, id: string): Promise<void> {
      await sql`SELECT set_config('concerto.interconnection', ${id}, true)`.execute(tx);
    },

    /** The member who linked a case, whose standing instruction a delivery carries out. */
    linkingUser: (tx: Tx, userId: string) =>
      tx
        .selectFrom('users')
        .select(['id', 'organisation_id', 'roles', 'active'])
        .where('id', '=', userId)
        .executeTakeFirst(),

    // --- links -------------------------------------------------------------------------------

    insertLink: (tx: Tx, row: Insertable<InterconnectionLinksTable>): Promise<LinkRow> =>
      tx.insertInto('interconnection_links').values(row).returningAll().executeTakeFirstOrThrow(),

    async insertLinkPersons(tx: Tx, linkId: string, personIds: readonly string[]): Promise<void> {
      await tx
        .insertInto('interconnection_link_persons')
        .values(personIds.map((personId) => ({ link_id: linkId, person_id: personId })))
        .execute();
    },

    linksOfCase: (tx: Tx, caseId: string): Promise<LinkRow[]> =>
      tx
        .selectFrom('interconnection_links')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('linked_at')
        .orderBy('id')
        .execute(),

    linkById: (tx: Tx, caseId: string, id: string): Promise<LinkRow | undefined> =>
      tx
        .selectFrom('interconnection_links')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst(),

    /** Locked for its end; row-level security grants the lock to the owner's members only. */
    linkForUpdate: (tx: Tx, id: string): Promise<LinkRow | undefined> =>
      tx.selectFrom('interconnection_links').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    updateLink: (tx: Tx, id: string, change: Updateable<InterconnectionLinksTable>): Promise<LinkRow> =>
      tx
        .updateTable('interconnection_links')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The open link of the interconnection to the file whose reference hashes to `index`. */
    openLinkByIndex: (tx: Tx, interconnectionId: string, index: Buffer): Promise<LinkRow | undefined> =>
      tx
        .selectFrom('interconnection_links')
        .selectAll()
        .where('interconnection_id', '=', interconnectionId)
        .where('reference_index', '=', index)
        .where('ended_at', 'is', null)
        .executeTakeFirst(),

    async linkPersons(tx: Tx, linkIds: readonly string[]): Promise<Map<string, string[]>> {
      if (linkIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom('interconnection_link_persons')
        .select(['link_id', 'person_id'])
        .where('link_id', 'in', [...linkIds])
        .orderBy('person_id')
        .execute();
      const persons = new Map<string, string[]>();
      for (const row of rows) persons.set(row.link_id, [...(persons.get(row.link_id) ?? []), row.person_id]);
      return persons;
    },

    /** Items delivered through each link. */
    async deliveredItems(tx: Tx, linkIds: readonly string[]): Promise<Map<string, number>> {
      if (linkIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom('interconnection_exchanges')
        .select((eb) => ['link_id', eb.fn.sum<string>('items').as('items')])
        .where('link_id', 'in', [...linkIds])
        .where('outcome', '=', 'accepted')
        .groupBy('link_id')
        .execute();
      return new Map(rows.map((row) => [row.link_id!, Number(row.items)]));
    },
  };
}

export type InterconnectionsRepository = ReturnType<typeof createInterconnectionsRepository>;
