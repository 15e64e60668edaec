/** Designations for special categories (migration 0014; SPEC DAT-19). */
import type { Tx } from '../../db/database.js';

export function createDesignationsRepository() {
  return {
    insert: (tx: Tx, row: { organisation_id: string; user_id: string; scope: string; function: string; designated_by: string; designated_at: Date }) =>
      tx
        .insertInto('special_designations')
        .values({ ...row, confidentiality_confirmed: true })
        .onConflict((oc) => oc.columns(['user_id', 'scope']).where('revoked_at', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst(),

    async revoke(tx: Tx, organisationId: string, id: string, by: string, at: Date): Promise<boolean> {
      const result = await tx
        .updateTable('special_designations')
        .set({ revoked_by: by, revoked_at: at })
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** The organisation's register, current and revoked, oldest first. */
    ofOrganisation: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('special_designations as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .innerJoin('users as by', 'by.id', 'd.designated_by')
        .select([
          'd.id',
          'd.user_id',
          'u.display_name',
          'd.scope',
          'd.function',
          'd.designated_at',
          'by.display_name as designated_by_name',
          'd.revoked_at',
        ])
        .where('d.organisation_id', '=', organisationId)
        .orderBy('d.designated_at')
        .orderBy('d.id')
        .execute(),

    /** An active member of the organisation. */
    memberOf: (tx: Tx, organisationId: string, userId: string) =>
      tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('organisation_id', '=', organisationId)
        .where('active', '=', true)
        .executeTakeFirst(),
  };
}

export type DesignationsRepository = ReturnType<typeof createDesignationsRepository>;
