/** SSO flows and provider identities in SQL, nothing more: the rules are the oidc login service's. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { OidcFlowsTable } from '../../../db/schema.js';

export type OidcFlow = Selectable<OidcFlowsTable>;

/** A user as a session needs it. */
export interface SsoCandidate {
  user_id: string;
  organisation_id: string;
  roles: string[];
  active: boolean;
  session_epoch: number;
}

const CANDIDATE_COLUMNS = [
  'users.id as user_id',
  'users.organisation_id',
  'users.roles',
  'users.active',
  'users.session_epoch',
] as const;

/** Every function takes the database or the caller's transaction (`Tx` is a `Db`). */
export function createOidcRepository() {
  return {
    async insertFlow(db: Db, row: Insertable<OidcFlowsTable>): Promise<void> {
      await db.insertInto('oidc_flows').values(row).execute();
    },

    /** Flows past their expiry are useless, used or not: they are dropped. */
    async deleteExpiredFlows(db: Db, now: Date): Promise<void> {
      await db.deleteFrom('oidc_flows').where('expires_at', '<', now).execute();
    },

    /**
     * Marks the flow used and returns it as it was before. The row lock makes a second callback
     * racing with the same cookie wait, then see it used. Undefined when no such flow exists.
     */
    async consumeFlow(db: Db, idHash: Buffer, now: Date): Promise<OidcFlow | undefined> {
      const before = await db
        .selectFrom('oidc_flows')
        .selectAll()
        .where('id_hash', '=', idHash)
        .forUpdate()
        .executeTakeFirst();
      if (before && before.consumed_at === null) {
        await db.updateTable('oidc_flows').set({ consumed_at: now }).where('id_hash', '=', idHash).execute();
      }
      return before;
    },

    userByIdentity: (db: Db, issuer: string, subject: string): Promise<SsoCandidate | undefined> =>
      db
        .selectFrom('oidc_identities')
        .innerJoin('users', 'users.id', 'oidc_identities.user_id')
        .select(CANDIDATE_COLUMNS)
        .where('oidc_identities.issuer', '=', issuer)
        .where('oidc_identities.subject', '=', subject)
        .executeTakeFirst(),

    userByEmail: (db: Db, email: string): Promise<SsoCandidate | undefined> =>
      db.selectFrom('users').select(CANDIDATE_COLUMNS).where('users.email', '=', email).executeTakeFirst(),

    /** The subject this user is already bound to at `issuer`, if any. */
    async boundSubject(db: Db, issuer: string, userId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('oidc_identities')
        .select('subject')
        .where('issuer', '=', issuer)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.subject;
    },

    /** False when a concurrent first login bound the identity or the user first. */
    async bind(db: Db, issuer: string, subject: string, userId: string, now: Date): Promise<boolean> {
      const row = await db
        .insertInto('oidc_identities')
        .values({ issuer, subject, user_id: userId, bound_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('subject')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type OidcRepository = ReturnType<typeof createOidcRepository>;
