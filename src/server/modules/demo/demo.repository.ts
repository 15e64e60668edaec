/** The demo marker, the demo logins and the demo users' credentials in SQL, nothing more. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { PlatformDemoLoginsTable, PlatformDemoTable, UserCredentialsTable } from '../../db/schema.js';

export type DemoMarker = Selectable<PlatformDemoTable>;

/** A stored demo login with its user and organisation, as `concerto demo` prints it. */
export interface DemoLoginRow {
  user_id: string;
  role: string;
  password: string;
  totp_secret: string;
  recovery_codes: string[];
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_kind: string;
  organisation_name: string;
  /** The hashes of the recovery codes not used yet. */
  recovery_code_hashes: string[];
}

// Any 64-bit constant: "concerto demo". Two runs at once (a first `serve` and `concerto demo`)
// take turns, so the second one sees the first one's complete demo.
const DEMO_LOCK = 7_344_201_818;

export function createDemoRepository() {
  return {
    /** Runs `work` while holding the demo lock on a connection of its own. */
    withDemoLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
      return db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${DEMO_LOCK})`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`SELECT pg_advisory_unlock(${DEMO_LOCK})`.execute(connection);
        }
      });
    },

    marker: (db: Db): Promise<DemoMarker | undefined> =>
      db.selectFrom('platform_demo').selectAll().executeTakeFirst(),

    async hasOrganisations(db: Db): Promise<boolean> {
      const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    async insertMarker(tx: Tx, at: Date): Promise<void> {
      await tx.insertInto('platform_demo').values({ created_at: at }).execute();
    },

    async completeMarker(tx: Tx, at: Date): Promise<void> {
      await tx.updateTable('platform_demo').set({ completed_at: at }).where('singleton', '=', true).execute();
    },

    /**
     * The one place demo credentials are written: a password hash, a TOTP secret and recovery
     * code hashes, MFA enrolled (the columns and formats of modules/auth, migration 0005).
     */
    async insertCredentials(tx: Tx, row: Insertable<UserCredentialsTable>): Promise<void> {
      await tx.insertInto('user_credentials').values(row).execute();
    },

    /** Insert only: the runtime role cannot read demo logins back (migration 0011). */
    async insertLogin(tx: Tx, row: Insertable<PlatformDemoLoginsTable>): Promise<void> {
      await tx.insertInto('platform_demo_logins').values(row).execute();
    },

    /** Needs the owner role: the runtime role has no SELECT on platform_demo_logins. */
    logins: (ownerDb: Db): Promise<DemoLoginRow[]> =>
      ownerDb
        .selectFrom('platform_demo_logins as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .innerJoin('user_credentials as c', 'c.user_id', 'l.user_id')
        .select([
          'l.user_id',
          'l.role',
          'l.password',
          'l.totp_secret',
          'l.recovery_codes',
          'u.email',
          'u.display_name',
          'o.id as organisation_id',
          'o.kind as organisation_kind',
          'o.legal_name as organisation_name',
          'c.recovery_code_hashes',
        ])
        .execute(),
  };
}

export type DemoRepository = ReturnType<typeof createDemoRepository>;
