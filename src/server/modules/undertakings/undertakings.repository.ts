/** Undertaking texts and acceptances in SQL, nothing more: the rules are the services'. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  UndertakingAcceptancesTable,
  UndertakingTextsTable,
  UndertakingVersionsTable,
} from '../../db/schema.js';
import type { UndertakingKind } from './undertakings.rules.js';

export type VersionRow = Selectable<UndertakingVersionsTable>;
export type TextRow = Selectable<UndertakingTextsTable>;
export type AcceptanceRow = Selectable<UndertakingAcceptancesTable>;

export interface UserFacts {
  id: string;
  organisation_id: string;
  roles: string[];
  active: boolean;
}

export interface UndertakingsRepository {
  /** The highest version of `kind` (of one controller for `controller_awareness`). */
  currentVersion(
    tx: Tx,
    kind: UndertakingKind,
    organisationId: string | null,
  ): Promise<VersionRow | undefined>;
  versionById(tx: Tx, id: string): Promise<VersionRow | undefined>;
  insertVersion(tx: Tx, row: Insertable<UndertakingVersionsTable>): Promise<VersionRow>;
  insertTexts(tx: Tx, rows: Insertable<UndertakingTextsTable>[]): Promise<void>;
  textsOf(tx: Tx, versionId: string): Promise<TextRow[]>;
  /** The user's latest acceptance of the version, in one representation or outside any. */
  latestAcceptance(
    tx: Tx,
    userId: string,
    versionId: string,
    representationId: string | null,
  ): Promise<AcceptanceRow | undefined>;
  insertAcceptance(tx: Tx, row: Insertable<UndertakingAcceptancesTable>): Promise<AcceptanceRow>;
  userFacts(tx: Tx, id: string): Promise<UserFacts | undefined>;
  organisationFacts(tx: Tx, id: string): Promise<{ kind: string; active: boolean } | undefined>;
}

export function createUndertakingsRepository(): UndertakingsRepository {
  return {
    currentVersion: (tx, kind, organisationId) =>
      tx
        .selectFrom('undertaking_versions')
        .selectAll()
        .where('kind', '=', kind)
        .where((eb) =>
          organisationId === null
            ? eb('organisation_id', 'is', null)
            : eb('organisation_id', '=', organisationId),
        )
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    versionById: (tx, id) =>
      tx.selectFrom('undertaking_versions').selectAll().where('id', '=', id).executeTakeFirst(),
    insertVersion: (tx, row) =>
      tx.insertInto('undertaking_versions').values(row).returningAll().executeTakeFirstOrThrow(),
    async insertTexts(tx, rows) {
      await tx.insertInto('undertaking_texts').values(rows).execute();
    },
    textsOf: (tx, versionId) =>
      tx.selectFrom('undertaking_texts').selectAll().where('version_id', '=', versionId).execute(),
    latestAcceptance: (tx, userId, versionId, representationId) =>
      tx
        .selectFrom('undertaking_acceptances')
        .selectAll()
        .where('user_id', '=', userId)
        .where('version_id', '=', versionId)
        .where((eb) =>
          representationId === null
            ? eb('representation_id', 'is', null)
            : eb('representation_id', '=', representationId),
        )
        .orderBy('accepted_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    insertAcceptance: (tx, row) =>
      tx.insertInto('undertaking_acceptances').values(row).returningAll().executeTakeFirstOrThrow(),
    userFacts: (tx, id) =>
      tx
        .selectFrom('users')
        .select(['id', 'organisation_id', 'roles', 'active'])
        .where('id', '=', id)
        .executeTakeFirst(),
    organisationFacts: (tx, id) =>
      tx.selectFrom('organisations').select(['kind', 'active']).where('id', '=', id).executeTakeFirst(),
  };
}
