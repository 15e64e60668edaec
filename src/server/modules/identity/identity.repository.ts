/** Organisations and users in SQL, nothing more: the rules are the service's. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { OrganisationsTable, RoyalDecreeAuthorisationsTable, UsersTable } from '../../db/schema.js';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type RoyalDecreeRow = Selectable<RoyalDecreeAuthorisationsTable>;

export interface IdentityRepository {
  insertOrganisation(tx: Tx, row: Insertable<OrganisationsTable>): Promise<OrganisationRow>;
  /** Locks the row until the transaction ends. */
  organisationForUpdate(tx: Tx, id: string): Promise<OrganisationRow | undefined>;
  updateOrganisation(tx: Tx, id: string, patch: Updateable<OrganisationsTable>): Promise<OrganisationRow>;
  /** Every organisation, by legal name. */
  organisations(tx: Tx): Promise<OrganisationRow[]>;
  organisation(tx: Tx, id: string): Promise<OrganisationRow | undefined>;
  insertUser(tx: Tx, row: Insertable<UsersTable>): Promise<UserRow>;
  /** The users of one organisation, or of all, by name. */
  users(tx: Tx, organisationId: string | undefined): Promise<UserRow[]>;
  user(tx: Tx, id: string): Promise<UserRow | undefined>;
  /** Locks the row until the transaction ends. */
  userForUpdate(tx: Tx, id: string): Promise<UserRow | undefined>;
  emailInUse(tx: Tx, email: string): Promise<boolean>;
  /** Applies `patch` and raises the session epoch. */
  updateUserEndingSessions(tx: Tx, id: string, patch: Updateable<UsersTable>): Promise<UserRow>;
  /** The royal decrees of the organisations (all of them without `organisationId`), oldest first. */
  royalDecrees(tx: Tx, organisationId?: string): Promise<RoyalDecreeRow[]>;
  insertRoyalDecree(tx: Tx, row: Insertable<RoyalDecreeAuthorisationsTable>): Promise<RoyalDecreeRow>;
  /** Locks the row until the transaction ends. */
  royalDecreeForUpdate(tx: Tx, organisationId: string, id: string): Promise<RoyalDecreeRow | undefined>;
  updateRoyalDecree(tx: Tx, id: string, patch: Updateable<RoyalDecreeAuthorisationsTable>): Promise<RoyalDecreeRow>;
  /** Another decree of the organisation, of the kind, has this reference. */
  royalDecreeReferenceInUse(tx: Tx, organisationId: string, kind: string, reference: string, except?: string): Promise<boolean>;
}

export function createIdentityRepository(): IdentityRepository {
  return {
    insertOrganisation: (tx, row) =>
      tx.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow(),
    organisationForUpdate: (tx, id) =>
      tx.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
    updateOrganisation: (tx, id, patch) =>
      tx
        .updateTable('organisations')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    organisations: (tx) =>
      tx.selectFrom('organisations').selectAll().orderBy('legal_name').orderBy('id').execute(),
    organisation: (tx, id) => tx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
    insertUser: (tx, row) => tx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow(),
    users: (tx, organisationId) =>
      tx
        .selectFrom('users')
        .selectAll()
        .$if(organisationId !== undefined, (qb) => qb.where('organisation_id', '=', organisationId!))
        .orderBy('display_name')
        .orderBy('id')
        .execute(),
    user: (tx, id) => tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    userForUpdate: (tx, id) =>
      tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
    async emailInUse(tx, email) {
      const row = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      return row !== undefined;
    },
    updateUserEndingSessions: (tx, id, patch) =>
      tx
        .updateTable('users')
        .set((eb) => ({ ...patch, session_epoch: eb('session_epoch', '+', 1) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    royalDecrees: (tx, organisationId) =>
      tx
        .selectFrom('royal_decree_authorisations')
        .selectAll()
        .$if(organisationId !== undefined, (qb) => qb.where('organisation_id', '=', organisationId!))
        .orderBy('valid_from')
        .orderBy('recorded_at')
        .execute(),
    insertRoyalDecree: (tx, row) =>
      tx.insertInto('royal_decree_authorisations').values(row).returningAll().executeTakeFirstOrThrow(),
    royalDecreeForUpdate: (tx, organisationId, id) =>
      tx
        .selectFrom('royal_decree_authorisations')
        .selectAll()
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .forUpdate()
        .executeTakeFirst(),
    updateRoyalDecree: (tx, id, patch) =>
      tx
        .updateTable('royal_decree_authorisations')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    async royalDecreeReferenceInUse(tx, organisationId, kind, reference, except) {
      const row = await tx
        .selectFrom('royal_decree_authorisations')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', kind as RoyalDecreeRow['kind'])
        .where('reference', '=', reference)
        .$if(except !== undefined, (qb) => qb.where('id', '<>', except!))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
