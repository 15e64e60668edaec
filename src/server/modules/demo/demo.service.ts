/**
 * Demo identities (issue 3 scope 11): on a database created as a demo, an organisation of each
 * kind and one user per role, each with a password, a TOTP secret and recovery codes, MFA
 * enrolled, and the current undertaking texts published, so that every screen can be tried;
 * then the demo's case data (issue 4 scope 8, seed-content.ts).
 *
 * Only on a demo database: the marker is written first, and only when the database holds no
 * organisation; a database with organisations and no marker is refused, so real accounts never
 * sit beside accounts whose secrets are printed. The organisations, users and undertakings are
 * created through their own services (each call one transaction with its audit event); the
 * demo's own steps are audited as `system.demo_*` events of the `demo` command.
 */
import {
  type CreateOrganisation,
  type OrganisationKind,
  USER_ROLES,
  type UserRole,
} from '../../../contracts/identity.js';
import { type Db, inTransaction } from '../../db/database.js';
import type { AuditLog, SystemActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { hashPassword } from '../auth/credentials/password-hash.js';
import type { TotpSecretBox } from '../auth/credentials/totp-secret-box.js';
import { matchRecoveryCode } from '../auth/credentials/recovery-codes.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { Actor } from '../identity/platform-access.js';
import { CONSULTATION_SECRECY_TEXTS, REPRESENTATIVE_TEXTS } from '../undertakings/undertaking-texts.js';
import type { UndertakingService } from '../undertakings/undertakings.service.js';
import {
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  type DemoOrganisationKey,
  demoAwarenessTexts,
} from './demo-identities.js';
import { generateDemoSecrets } from './demo-secrets.js';
import type { DemoLoginRow, DemoRepository } from './demo.repository.js';
import type { DemoContentSeeder } from './seed-content.js';

export interface DemoServiceDeps {
  /** The runtime role: everything the demo creates goes through it. */
  db: Db;
  /** The owner role, needed only to read the stored logins back (`concerto demo`). */
  ownerDb?: Db;
  demo: DemoRepository;
  /** How modules/auth keeps TOTP secrets at rest (sealed under a platform key). */
  totpSecrets: TotpSecretBox;
  identity: IdentityService;
  undertakings: UndertakingService;
  /** Frameworks, cases, consultations and transfers, once the identities exist. */
  content: DemoContentSeeder;
  audit: AuditLog;
  clock: Clock;
}

/** One demo user as `concerto demo --json` prints it. */
export interface DemoLogin {
  role: UserRole;
  email: string;
  password: string;
  totpSecret: string;
  /** The recovery codes not used yet: each logs in once instead of a TOTP code. */
  recoveryCodes: string[];
  displayName: string;
  userId: string;
  organisation: { id: string; kind: OrganisationKind; legalName: string };
}

export interface DemoIdentities {
  createdAt: string;
  users: DemoLogin[];
}

/** empty: no organisation and no marker · demo: a complete demo · not_demo: organisations, no marker. */
export type DemoState = 'empty' | 'demo' | 'not_demo' | 'interrupted';

const COMMAND: SystemActor = { system: 'demo' };

/**
 * Before the demo operator exists, someone must create the host and that operator: the demo
 * command itself, named as such in the audit log (SPEC PEN-19: every event stays attributable).
 */
const BOOTSTRAP: Actor = { userId: 'demo-command', organisationId: 'demo-command', roles: ['operator'] };

export const NOT_A_DEMO_DATABASE =
  'This database holds organisations and was not created as a demo: concerto demo adds demo identities only to an empty database or to one it created.';
export const INTERRUPTED_DEMO =
  'An earlier concerto demo on this database did not finish: start again with an empty database (a new CONCERTO_DATA_DIR).';

function toLogin(row: DemoLoginRow): DemoLogin {
  return {
    role: row.role as UserRole,
    email: row.email,
    password: row.password,
    totpSecret: row.totp_secret,
    recoveryCodes: row.recovery_codes.filter(
      (code) => matchRecoveryCode(code, row.recovery_code_hashes) !== -1,
    ),
    displayName: row.display_name,
    userId: row.user_id,
    organisation: {
      id: row.organisation_id,
      kind: row.organisation_kind as OrganisationKind,
      legalName: row.organisation_name,
    },
  };
}

export function createDemoService({
  db,
  ownerDb,
  demo,
  totpSecrets,
  identity,
  undertakings,
  content,
  audit,
  clock,
}: DemoServiceDeps) {
  async function state(): Promise<DemoState> {
    const marker = await demo.marker(db);
    if (marker) return marker.completed_at ? 'demo' : 'interrupted';
    return (await demo.hasOrganisations(db)) ? 'not_demo' : 'empty';
  }

  async function refuse(reason: 'not_a_demo_database' | 'interrupted_demo'): Promise<never> {
    await inTransaction(db, (tx) =>
      audit.record(tx, { actor: COMMAND, action: 'system.demo_refused', outcome: 'denied', reason }),
    );
    throw new DomainError('conflict', {
      detail: reason === 'not_a_demo_database' ? NOT_A_DEMO_DATABASE : INTERRUPTED_DEMO,
    });
  }

  /** Creates the whole demo on an empty database; the caller holds the demo lock. */
  async function create(): Promise<void> {
    await inTransaction(db, async (tx) => {
      await demo.insertMarker(tx, clock.now());
      await audit.record(tx, { actor: COMMAND, action: 'system.demo_started', outcome: 'success' });
    });
    const host = await identity.createOrganisation(BOOTSTRAP, DEMO_ORGANISATIONS.host);
    const operatorUser = DEMO_USERS.find((user) => user.role === 'operator')!;
    const { id: operatorId } = await identity.createUser(BOOTSTRAP, {
      organisationId: host.id,
      email: operatorUser.email,
      displayName: operatorUser.displayName,
      roles: ['operator'],
    });
    const operator: Actor = { userId: operatorId, organisationId: host.id, roles: ['operator'] };

    const organisations = new Map<DemoOrganisationKey, { id: string; legalName: string }>([['host', host]]);
    for (const [key, input] of Object.entries(DEMO_ORGANISATIONS) as [
      DemoOrganisationKey,
      CreateOrganisation,
    ][]) {
      if (key !== 'host') organisations.set(key, await identity.createOrganisation(operator, input));
    }
    for (const user of DEMO_USERS) {
      const userId =
        user.role === 'operator'
          ? operatorId
          : (
              await identity.createUser(operator, {
                organisationId: organisations.get(user.organisation)!.id,
                email: user.email,
                displayName: user.displayName,
                roles: [user.role],
              })
            ).id;
      await issueCredentials(userId, user.role);
    }

    const secrecy = await undertakings.publishUndertakingVersion(operator, {
      kind: 'consultation_secrecy',
      texts: CONSULTATION_SECRECY_TEXTS,
    });
    await undertakings.publishUndertakingVersion(operator, {
      kind: 'representative',
      texts: REPRESENTATIVE_TEXTS,
    });
    const awarenessVersionIds = new Map<string, string>();
    for (const [key, organisation] of organisations) {
      if (key === 'host') continue;
      const awareness = await undertakings.publishUndertakingVersion(operator, {
        kind: 'controller_awareness',
        organisationId: organisation.id,
        texts: demoAwarenessTexts(organisation.legalName),
      });
      awarenessVersionIds.set(organisation.id, awareness.id);
    }
    await content({ operator, organisations, secrecyVersionId: secrecy.id, awarenessVersionIds });
    await inTransaction(db, async (tx) => {
      await demo.completeMarker(tx, clock.now());
      await audit.record(tx, { actor: COMMAND, action: 'system.demo_completed', outcome: 'success' });
    });
  }

  /** A password, a TOTP secret and recovery codes, MFA enrolled, and their clear text kept for printing. */
  async function issueCredentials(userId: string, role: UserRole): Promise<void> {
    const secrets = generateDemoSecrets();
    const passwordHash = await hashPassword(secrets.password);
    await inTransaction(db, async (tx) => {
      const now = clock.now();
      await demo.insertCredentials(tx, {
        user_id: userId,
        password_hash: passwordHash,
        totp_secret: await totpSecrets.seal(tx, userId, secrets.totpSecret),
        recovery_code_hashes: secrets.recoveryCodeHashes,
        mfa_enrolled_at: now,
        created_at: now,
        updated_at: now,
      });
      await demo.insertLogin(tx, {
        user_id: userId,
        role,
        password: secrets.password,
        totp_secret: secrets.totpSecret,
        recovery_codes: secrets.recoveryCodes,
      });
      await audit.record(tx, {
        actor: COMMAND,
        action: 'system.demo_credentials_issued',
        outcome: 'success',
        records: [{ type: 'user', id: userId }],
      });
    });
  }

  async function identities(): Promise<DemoIdentities> {
    if (!ownerDb)
      throw new DomainError('internal', { detail: 'Reading the demo logins needs the owner role' });
    const marker = (await demo.marker(db))!;
    const rows = await demo.logins(ownerDb);
    const users = rows.map(toLogin).sort((a, b) => USER_ROLES.indexOf(a.role) - USER_ROLES.indexOf(b.role));
    return { createdAt: new Date(marker.created_at).toISOString(), users };
  }

  return {
    state,

    /**
     * The first-run offer of `concerto serve` on the embedded database: seeds an empty database,
     * leaves any other alone. Returns the state the database is in afterwards.
     */
    seedIfEmpty(): Promise<DemoState> {
      return demo.withDemoLock(db, async () => {
        const now = await state();
        if (now !== 'empty') return now;
        await create();
        return 'demo';
      });
    },

    /**
     * `concerto demo`: creates the demo on an empty database, or returns the identities of the
     * demo it created earlier (the same ones on every run); refuses any other database.
     */
    ensureDemo(): Promise<DemoIdentities> {
      return demo.withDemoLock(db, async () => {
        const now = await state();
        if (now === 'not_demo') return refuse('not_a_demo_database');
        if (now === 'interrupted') return refuse('interrupted_demo');
        if (now === 'empty') await create();
        return identities();
      });
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
