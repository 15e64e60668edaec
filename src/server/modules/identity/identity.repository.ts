/** Organisations and users in SQL, nothing more: the rules are the service's. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { OrganisationsTable, UsersTable } from '../../db/schema.js';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;

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
  };
}
