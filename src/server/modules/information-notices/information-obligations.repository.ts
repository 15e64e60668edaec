/**
 * The information obligations (migration 0026), as the runtime role under row-level security: a
 * controller's members and its DPO see its obligations; whoever sees a person sees whether its
 * first disclosure waits for the information (SPEC RGT-INF-02).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { InformationObligationsTable } from '../../db/schema.js';

export type ObligationRow = Selectable<InformationObligationsTable>;

export interface FrameworkBasis {
  basis_title: string | null;
  basis_date: string | null;
  basis_article: string | null;
  authorisation_reference: string | null;
  authorisation_date: string | null;
  processing_basis_citation: string | null;
}

export interface ControllerQuery {
  caseId?: string;
  status?: 'open' | 'exempted';
}

export function createInformationObligationsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<InformationObligationsTable>): Promise<ObligationRow> =>
      tx.insertInto('information_obligations').values(row).returningAll().executeTakeFirstOrThrow(),

    byId: (tx: Tx, id: string): Promise<ObligationRow | undefined> =>
      tx.selectFrom('information_obligations').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Locked for a change; row-level security grants the lock to its controller only. */
    lock: (tx: Tx, id: string): Promise<ObligationRow | undefined> =>
      tx
        .selectFrom('information_obligations')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    update: (tx: Tx, id: string, change: Updateable<InformationObligationsTable>): Promise<ObligationRow> =>
      tx
        .updateTable('information_obligations')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** A controller's obligations, oldest recording first. */
    ofController: (tx: Tx, controllerId: string, query: ControllerQuery): Promise<ObligationRow[]> => {
      let select = tx
        .selectFrom('information_obligations')
        .selectAll()
        .where('controller_organisation_id', '=', controllerId);
      if (query.caseId) select = select.where('case_id', '=', query.caseId);
      if (query.status) select = select.where('status', '=', query.status);
      return select.orderBy('recorded_on').orderBy('created_at').orderBy('id').execute();
    },

    /** RGT-INF-02: the obligations of `personIds` whose first disclosure must wait for them. */
    awaitingFirstDisclosure: (tx: Tx, personIds: readonly string[]): Promise<ObligationRow[]> =>
      personIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('information_obligations')
            .selectAll()
            .where('person_id', 'in', [...personIds])
            .where('status', '=', 'open')
            .where('disclosure_envisaged_at', 'is not', null)
            .execute(),

    /** The persons the items are about. */
    async personsOfItems(tx: Tx, itemIds: readonly string[]): Promise<string[]> {
      if (itemIds.length === 0) return [];
      const rows = await tx
        .selectFrom('item_persons')
        .select('person_id')
        .where('item_id', 'in', [...itemIds])
        .execute();
      return [...new Set(rows.map((row) => row.person_id))];
    },

    /** The items about each of `personIds` (an art. 7 restriction covers items, SPEC RGT-INF-07). */
    itemsAbout: (tx: Tx, personIds: readonly string[]) =>
      personIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('item_persons')
            .select(['person_id', 'item_id'])
            .where('person_id', 'in', [...personIds])
            .execute(),

    /** The categories of the controller's items about the person (art. 9 §2 d): categories concerned). */
    async categoriesAbout(tx: Tx, personId: string, controllerId: string): Promise<string[]> {
      const rows = await tx
        .selectFrom('items')
        .innerJoin('item_persons', 'item_persons.item_id', 'items.id')
        .select('items.category')
        .distinct()
        .where('item_persons.person_id', '=', personId)
        .where('items.controller_organisation_id', '=', controllerId)
        .where('items.erased_at', 'is', null)
        .orderBy('items.category')
        .execute();
      return rows.map((row) => row.category);
    },

    /** The controller's regime and the identity a notice names (ROL-10, ROL-14, SCO-11). */
    organisation: (tx: Tx, id: string) =>
      tx
        .selectFrom('organisations')
        .select([
          'id',
          'kind',
          'dp_regime',
          'legal_name',
          'address',
          'enterprise_number',
          'be_representative_name',
          'be_representative_address',
          'rights_contact',
          'dpo_name',
          'dpo_contact',
          'mission_citation',
          'processing_manager_name',
          'processing_manager_address',
        ])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** What a notice cites of the framework's legal basis (SPEC SCO-03, RGT-INF-05). */
    frameworkBasis: (tx: Tx, frameworkId: string): Promise<FrameworkBasis | undefined> =>
      tx
        .selectFrom('frameworks')
        .select([
          'basis_title',
          'basis_date',
          'basis_article',
          'authorisation_reference',
          'authorisation_date',
          'processing_basis_citation',
        ])
        .where('id', '=', frameworkId)
        .executeTakeFirst(),

    /** The person was shared beyond the compartment already (a first communication took place). */
    async personShared(tx: Tx, personId: string): Promise<boolean> {
      const row = await tx
        .selectFrom('persons')
        .select('shared')
        .where('id', '=', personId)
        .executeTakeFirst();
      return row?.shared ?? false;
    },

    /** Names of users (who closed an obligation). */
    async userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },
  };
}

export type InformationObligationsRepository = ReturnType<typeof createInformationObligationsRepository>;
