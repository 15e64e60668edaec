/** Invitations in SQL, nothing more: the rules are the service's. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { InvitationsTable } from '../../db/schema.js';

export type InvitationRow = Selectable<InvitationsTable>;

export interface Invitee {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  active: boolean;
}

export interface InvitationRepository {
  /** Locks the user row, so that two invitations of one user are issued one after the other. */
  inviteeForUpdate(tx: Tx, userId: string): Promise<Invitee | undefined>;
  /** Ends every unredeemed, unrevoked invitation of the user; returns their ids. */
  revokeOpen(tx: Tx, userId: string, at: Date): Promise<string[]>;
  insert(tx: Tx, row: Insertable<InvitationsTable>): Promise<InvitationRow>;
  /** The invitation with this token hash and its invitee, both locked until the transaction ends. */
  byTokenHashForUpdate(
    tx: Tx,
    tokenHash: Buffer,
  ): Promise<{ invitation: InvitationRow; invitee: Invitee } | undefined>;
  markRedeemed(tx: Tx, id: string, at: Date): Promise<void>;
  /** Revokes the invitation unless it has already ended. */
  revoke(tx: Tx, id: string, at: Date): Promise<void>;
  /** The first password of the account, or a new one: `user_credentials` is shared with modules/auth. */
  storePasswordHash(tx: Tx, userId: string, passwordHash: string, at: Date): Promise<void>;
  /** Raises users.session_epoch: every session opened before ends (modules/auth checks it). */
  endSessions(tx: Tx, userId: string, at: Date): Promise<void>;
}

const INVITEE_COLUMNS = ['id', 'organisation_id', 'email', 'display_name', 'active'] as const;

export function createInvitationRepository(): InvitationRepository {
  async function inviteeForUpdate(tx: Tx, userId: string): Promise<Invitee | undefined> {
    return tx
      .selectFrom('users')
      .select(INVITEE_COLUMNS)
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
  }

  return {
    inviteeForUpdate,
    async revokeOpen(tx, userId, at) {
      const rows = await tx
        .updateTable('invitations')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('redeemed_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },
    insert: (tx, row) => tx.insertInto('invitations').values(row).returningAll().executeTakeFirstOrThrow(),
    async byTokenHashForUpdate(tx, tokenHash) {
      const invitation = await tx
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
      if (!invitation) return undefined;
      // The foreign key guarantees the user.
      const invitee = (await inviteeForUpdate(tx, invitation.user_id))!;
      return { invitation, invitee };
    },
    async markRedeemed(tx, id, at) {
      await tx.updateTable('invitations').set({ redeemed_at: at }).where('id', '=', id).execute();
    },
    async revoke(tx, id, at) {
      await tx
        .updateTable('invitations')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('redeemed_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async storePasswordHash(tx, userId, passwordHash, at) {
      await tx
        .insertInto('user_credentials')
        .values({ user_id: userId, password_hash: passwordHash, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, updated_at: at }))
        .execute();
    },
    async endSessions(tx, userId, at) {
      await tx
        .updateTable('users')
        .set((eb) => ({ session_epoch: eb('session_epoch', '+', 1), updated_at: at }))
        .where('id', '=', userId)
        .execute();
    },
  };
}
