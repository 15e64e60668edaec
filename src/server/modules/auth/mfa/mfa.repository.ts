/** Passkeys, WebAuthn challenges and the account facts enrolment needs, in SQL: the rules are the services'. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { PasskeysTable, WebauthnChallengePurpose, WebauthnChallengesTable } from '../../../db/schema.js';

export type PasskeyRow = Selectable<PasskeysTable>;
export type ChallengeRow = Selectable<WebauthnChallengesTable>;

/** What enrolment shows the authenticator, and what step-up needs to count failures. */
export interface AccountFacts {
  email: string;
  display_name: string;
}

/** A login challenge with the user it was issued to, as a login needs them. */
export interface LoginChallenge extends ChallengeRow {
  organisation_id: string;
  roles: string[];
  active: boolean;
  session_epoch: number;
  email: string;
}

/** Every function takes the database or the caller's transaction (`Tx` is a `Db`). */
export function createMfaRepository() {
  return {
    account: (db: Db, userId: string): Promise<AccountFacts | undefined> =>
      db.selectFrom('users').select(['email', 'display_name']).where('id', '=', userId).executeTakeFirst(),

    passkeysOf: (db: Db, userId: string): Promise<PasskeyRow[]> =>
      db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute(),

    /** Locks the row, so that two assertions cannot both move the same counter. */
    passkeyForUpdate: (db: Db, userId: string, credentialId: Buffer): Promise<PasskeyRow | undefined> =>
      db
        .selectFrom('passkeys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('credential_id', '=', credentialId)
        .forUpdate()
        .executeTakeFirst(),

    /** Undefined when the credential is already registered (to this or another account). */
    insertPasskey: (
      db: Db,
      row: Insertable<PasskeysTable>,
    ): Promise<Pick<PasskeyRow, 'id' | 'created_at'> | undefined> =>
      db
        .insertInto('passkeys')
        .values(row)
        .onConflict((oc) => oc.column('credential_id').doNothing())
        .returning(['id', 'created_at'])
        .executeTakeFirst(),

    async recordPasskeyUse(db: Db, id: string, counter: number, now: Date): Promise<void> {
      await db.updateTable('passkeys').set({ counter, last_used_at: now }).where('id', '=', id).execute();
    },

    async insertChallenge(db: Db, row: Insertable<WebauthnChallengesTable>): Promise<void> {
      await db.insertInto('webauthn_challenges').values(row).execute();
    },

    /** The challenge of a session's ceremony, locked, whatever its state: the caller checks it. */
    sessionChallengeForUpdate: (
      db: Db,
      hash: Buffer,
      purpose: Exclude<WebauthnChallengePurpose, 'login'>,
      sessionIdHash: Buffer,
    ): Promise<ChallengeRow | undefined> =>
      db
        .selectFrom('webauthn_challenges')
        .selectAll()
        .where('challenge_hash', '=', hash)
        .where('purpose', '=', purpose)
        .where('session_id_hash', '=', sessionIdHash)
        .forUpdate()
        .executeTakeFirst(),

    /** A login challenge and its user, locked, whatever its state: the caller checks it. */
    loginChallengeForUpdate: (db: Db, hash: Buffer): Promise<LoginChallenge | undefined> =>
      db
        .selectFrom('webauthn_challenges')
        .innerJoin('users', 'users.id', 'webauthn_challenges.user_id')
        .selectAll('webauthn_challenges')
        .select([
          'users.organisation_id',
          'users.roles',
          'users.active',
          'users.session_epoch',
          'users.email',
        ])
        .where('webauthn_challenges.challenge_hash', '=', hash)
        .where('webauthn_challenges.purpose', '=', 'login')
        .forUpdate(['webauthn_challenges'])
        .executeTakeFirst(),

    async spendChallenge(db: Db, hash: Buffer, now: Date): Promise<void> {
      await db
        .updateTable('webauthn_challenges')
        .set({ used_at: now })
        .where('challenge_hash', '=', hash)
        .execute();
    },
  };
}

export type MfaRepository = ReturnType<typeof createMfaRepository>;
