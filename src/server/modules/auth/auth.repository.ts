/** Credentials, sessions and login counters in SQL, nothing more: the rules are the services'. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SessionPurpose, SessionsTable, UserCredentialsTable } from '../../db/schema.js';
import type { ThrottleScope, ThrottleState } from './login-throttle.js';

export type CredentialsRow = Selectable<UserCredentialsTable>;

/** A login candidate: the user as the session needs it, and the password hash if any. */
export interface LoginCandidate {
  user_id: string;
  organisation_id: string;
  roles: string[];
  active: boolean;
  session_epoch: number;
  password_hash: string | null;
  /** Null until a second factor is enrolled: the password then opens an enrolment session. */
  mfa_enrolled_at: Date | null;
}

export interface SessionWithUser {
  id_hash: Buffer;
  public_id: string;
  user_id: string;
  session_epoch: number;
  created_at: Date;
  last_seen_at: Date;
  mfa_at: Date | null;
  purpose: SessionPurpose;
  revoked_at: Date | null;
  justification: string | null;
  organisation_id: string;
  roles: string[];
  active: boolean;
  user_epoch: number;
}

export type OpenSession = Pick<
  Selectable<SessionsTable>,
  'public_id' | 'id_hash' | 'created_at' | 'last_seen_at' | 'user_agent_summary'
>;

/** Every function takes the database or the caller's transaction (`Tx` is a `Db`). */
export function createAuthRepository() {
  return {
    loginCandidate: (db: Db, email: string): Promise<LoginCandidate | undefined> =>
      db
        .selectFrom('users')
        .leftJoin('user_credentials', 'user_credentials.user_id', 'users.id')
        .select([
          'users.id as user_id',
          'users.organisation_id',
          'users.roles',
          'users.active',
          'users.session_epoch',
          'user_credentials.password_hash',
          'user_credentials.mfa_enrolled_at',
        ])
        .where('users.email', '=', email)
        .executeTakeFirst(),

    /** Locks the row, so that two logins cannot both use the same TOTP step or recovery code. */
    credentialsForUpdate: (db: Db, userId: string): Promise<CredentialsRow | undefined> =>
      db
        .selectFrom('user_credentials')
        .selectAll()
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst(),

    async updateCredentials(
      db: Db,
      userId: string,
      patch: Partial<
        Pick<
          CredentialsRow,
          | 'password_hash'
          | 'totp_secret'
          | 'pending_totp_secret'
          | 'totp_last_step'
          | 'recovery_code_hashes'
          | 'mfa_enrolled_at'
        >
      >,
      now: Date,
    ): Promise<void> {
      await db
        .updateTable('user_credentials')
        .set({ ...patch, updated_at: now })
        .where('user_id', '=', userId)
        .execute();
    },

    throttleStates: (db: Db, keys: { scope: ThrottleScope; key: Buffer }[]): Promise<ThrottleState[]> =>
      db
        .selectFrom('login_throttle')
        .select(['scope', 'failures', 'last_failure_at'])
        .where((eb) =>
          eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('key_hash', '=', k.key)]))),
        )
        .execute(),

    /** One more failure, atomically, so that N instances counting at once lose none. */
    async recordFailure(
      db: Db,
      scope: ThrottleScope,
      key: Buffer,
      now: Date,
      windowStart: Date,
    ): Promise<void> {
      await db
        .insertInto('login_throttle')
        .values({ scope, key_hash: key, failures: 1, last_failure_at: now })
        .onConflict((oc) =>
          oc.columns(['scope', 'key_hash']).doUpdateSet((eb) => ({
            failures: sql<number>`CASE WHEN login_throttle.last_failure_at < ${windowStart}
              THEN 1 ELSE login_throttle.failures + 1 END`,
            last_failure_at: eb.ref('excluded.last_failure_at'),
          })),
        )
        .execute();
    },

    async resetThrottle(db: Db, scope: ThrottleScope, key: Buffer): Promise<void> {
      await db
        .updateTable('login_throttle')
        .set({ failures: 0 })
        .where('scope', '=', scope)
        .where('key_hash', '=', key)
        .execute();
    },

    insertSession: (db: Db, row: Insertable<SessionsTable>): Promise<{ public_id: string }> =>
      db.insertInto('sessions').values(row).returning('public_id').executeTakeFirstOrThrow(),

    sessionWithUser: (db: Db, idHash: Buffer): Promise<SessionWithUser | undefined> =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id_hash',
          'sessions.public_id',
          'sessions.user_id',
          'sessions.session_epoch',
          'sessions.created_at',
          'sessions.last_seen_at',
          'sessions.mfa_at',
          'sessions.purpose',
          'sessions.revoked_at',
          'sessions.justification',
          'users.organisation_id',
          'users.roles',
          'users.active',
          'users.session_epoch as user_epoch',
        ])
        .where('sessions.id_hash', '=', idHash)
        .executeTakeFirst(),

    /**
     * A new session id for an open session (ASVS V7.2.4): a copy under `newIdHash` keeping its
     * user, epoch, login time (so the absolute lifetime does not restart) and device summary.
     * The caller revokes the old one in the same transaction. Undefined when it was not open.
     */
    async copySession(
      db: Db,
      oldIdHash: Buffer,
      newIdHash: Buffer,
      change: { mfa_at: Date; purpose: SessionPurpose },
      now: Date,
    ): Promise<string | undefined> {
      const row = await db
        .insertInto('sessions')
        .columns([
          'id_hash',
          'user_id',
          'session_epoch',
          'created_at',
          'last_seen_at',
          'mfa_at',
          'purpose',
          'user_agent_summary',
          'justification',
        ])
        .expression((eb) =>
          eb
            .selectFrom('sessions')
            .select([
              sql<Buffer>`${newIdHash}::bytea`.as('id_hash'),
              'user_id',
              'session_epoch',
              'created_at',
              sql<Date>`${now}::timestamptz`.as('last_seen_at'),
              sql<Date>`${change.mfa_at}::timestamptz`.as('mfa_at'),
              sql<SessionPurpose>`${change.purpose}::text`.as('purpose'),
              'user_agent_summary',
              'justification',
            ])
            .where('id_hash', '=', oldIdHash)
            .where('revoked_at', 'is', null),
        )
        .returning('public_id')
        .executeTakeFirst();
      return row?.public_id;
    },

    async setJustification(tx: Db, idHash: Buffer, justification: string): Promise<void> {
      await tx.updateTable('sessions').set({ justification }).where('id_hash', '=', idHash).execute();
    },

    async touchSession(db: Db, idHash: Buffer, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
    },

    /** Revokes one open session; returns its public id, or undefined when it was not open. */
    async revokeSession(db: Db, idHash: Buffer, now: Date): Promise<string | undefined> {
      const row = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id_hash', '=', idHash)
        .where('revoked_at', 'is', null)
        .returning('public_id')
        .executeTakeFirst();
      return row?.public_id;
    },

    async revokeUserSession(
      db: Db,
      userId: string,
      publicId: string,
      now: Date,
    ): Promise<string | undefined> {
      const row = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .where('revoked_at', 'is', null)
        .returning('public_id')
        .executeTakeFirst();
      return row?.public_id;
    },

    async revokeAllUserSessions(db: Db, userId: string, now: Date): Promise<string[]> {
      const rows = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('public_id')
        .execute();
      return rows.map((row) => row.public_id);
    },

    /** Not revoked and of the user's current epoch; the caller drops those past their lifetime. */
    openSessions: (db: Db, userId: string, epoch: number): Promise<OpenSession[]> =>
      db
        .selectFrom('sessions')
        .select(['public_id', 'id_hash', 'created_at', 'last_seen_at', 'user_agent_summary'])
        .where('user_id', '=', userId)
        .where('session_epoch', '=', epoch)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute(),
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
