/** Representations, represented persons and briefings in SQL, nothing more. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { RepresentationBriefingsTable, RepresentationsTable } from '../../db/schema.js';

export type RepresentationRow = Selectable<RepresentationsTable>;
export type BriefingRow = Selectable<RepresentationBriefingsTable>;

export interface PartyFacts {
  id: string;
  organisation_id: string;
  roles: string[];
  active: boolean;
}

export interface RepresentationRepository {
  insertRepresentation(tx: Tx, row: Insertable<RepresentationsTable>): Promise<RepresentationRow>;
  /** Locks the row until the transaction ends. */
  representationForUpdate(tx: Tx, id: string): Promise<RepresentationRow | undefined>;
  representation(tx: Tx, id: string): Promise<RepresentationRow | undefined>;
  /**
   * The representations `userId` holds or is represented by, and, when `authorityId` is given,
   * every representation of that authority; the latest designation first.
   */
  listFor(tx: Tx, userId: string, authorityId: string | null): Promise<RepresentationRow[]>;
  endRepresentation(tx: Tx, id: string, endedAt: Date, endedBy: string): Promise<RepresentationRow>;
  /** Marks every open representation whose period ended before `today` as ended at its term. */
  expireBefore(tx: Tx, today: string, timeZone: string): Promise<{ id: string; authority_id: string }[]>;
  insertRepresentedPersons(tx: Tx, representationId: string, userIds: readonly string[]): Promise<void>;
  representedPersonIds(tx: Tx, representationId: string): Promise<string[]>;
  insertBriefing(
    tx: Tx,
    row: Insertable<RepresentationBriefingsTable>,
    recipientIds: readonly string[],
  ): Promise<BriefingRow>;
  parties(tx: Tx, userIds: readonly string[]): Promise<PartyFacts[]>;
  organisationKind(tx: Tx, id: string): Promise<string | undefined>;
}

// `date` columns as text: node-postgres would turn them into local-midnight Dates.
export const representationColumns = [
  'id',
  'authority_id',
  'representative_id',
  'designated_by',
  'designated_at',
  sql<string>`valid_from::text`.as('valid_from'),
  sql<string>`valid_to::text`.as('valid_to'),
  'ended_at',
  'end_reason',
  'ended_by',
] as const;

export function createRepresentationRepository(): RepresentationRepository {
  return {
    insertRepresentation: (tx, row) =>
      tx.insertInto('representations').values(row).returning(representationColumns).executeTakeFirstOrThrow(),
    representationForUpdate: (tx, id) =>
      tx
        .selectFrom('representations')
        .select(representationColumns)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),
    representation: (tx, id) =>
      tx.selectFrom('representations').select(representationColumns).where('id', '=', id).executeTakeFirst(),
    listFor: (tx, userId, authorityId) =>
      tx
        .selectFrom('representations')
        .select(representationColumns)
        .where((eb) =>
          eb.or([
            eb('representative_id', '=', userId),
            eb.exists(
              eb
                .selectFrom('represented_persons')
                .select('user_id')
                .whereRef('represented_persons.representation_id', '=', 'representations.id')
                .where('represented_persons.user_id', '=', userId),
            ),
            ...(authorityId === null ? [] : [eb('authority_id', '=', authorityId)]),
          ]),
        )
        .orderBy('designated_at', 'desc')
        .orderBy('id')
        .execute(),
    endRepresentation: (tx, id, endedAt, endedBy) =>
      tx
        .updateTable('representations')
        .set({ ended_at: endedAt, end_reason: 'ended_by_authority', ended_by: endedBy })
        .where('id', '=', id)
        .returning(representationColumns)
        .executeTakeFirstOrThrow(),
    expireBefore: (tx, today, timeZone) =>
      tx
        .updateTable('representations')
        // The first instant after valid_to in the legal time zone.
        .set({
          ended_at: sql<Date>`((valid_to + 1)::timestamp AT TIME ZONE ${timeZone})`,
          end_reason: 'period_over',
        })
        .where('ended_at', 'is', null)
        .where('valid_to', '<', sql<string>`${today}::date`)
        .returning(['id', 'authority_id'])
        .execute(),
    async insertRepresentedPersons(tx, representationId, userIds) {
      await tx
        .insertInto('represented_persons')
        .values(userIds.map((user_id) => ({ representation_id: representationId, user_id })))
        .execute();
    },
    async representedPersonIds(tx, representationId) {
      const rows = await tx
        .selectFrom('represented_persons')
        .select('user_id')
        .where('representation_id', '=', representationId)
        .orderBy('user_id')
        .execute();
      return rows.map((row) => row.user_id);
    },
    async insertBriefing(tx, row, recipientIds) {
      const briefing = await tx
        .insertInto('representation_briefings')
        .values(row)
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('representation_briefing_recipients')
        .values(recipientIds.map((user_id) => ({ briefing_id: briefing.id, user_id })))
        .execute();
      return briefing;
    },
    async parties(tx, userIds) {
      if (userIds.length === 0) return [];
      return tx
        .selectFrom('users')
        .select(['id', 'organisation_id', 'roles', 'active'])
        .where('id', 'in', userIds)
        .execute();
    },
    async organisationKind(tx, id) {
      const row = await tx.selectFrom('organisations').select('kind').where('id', '=', id).executeTakeFirst();
      return row?.kind;
    },
  };
}
