/** Undertaking texts and acceptances in SQL, nothing more: the rules are the services'. */
import { type Insertable, type Selectable, sql } from 'kysely';
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
  /**
   * When the user last accepted the current version of `kind` (of `organisationId`), in one
   * representation or outside any; null when never, or when no version is published. One query:
   * the access module asks it on every request.
   */
  acceptanceOfCurrent(
    tx: Tx,
    userId: string,
    kind: UndertakingKind,
    organisationId: string | null,
    representationId: string | null,
  ): Promise<Date | null>;
  /**
   * The gate before any case (SPEC ROL-07, SEC-09) in one query: when the user last accepted the
   * current consultation-secrecy text and the current awareness module of `organisationId`,
   * outside any representation; null when never or when none is published.
   */
  gateAcceptances(
    tx: Tx,
    userId: string,
    organisationId: string,
  ): Promise<{ secrecy: Date | null; awareness: Date | null }>;
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
    async acceptanceOfCurrent(tx, userId, kind, organisationId, representationId) {
      const row = await tx
        .selectFrom('undertaking_acceptances as a')
        .select((eb) => eb.fn.max('a.accepted_at').as('accepted_at'))
        .where('a.user_id', '=', userId)
        .where((eb) =>
          representationId === null ? eb('a.representation_id', 'is', null) : eb('a.representation_id', '=', representationId),
        )
        .where('a.version_id', '=', (eb) =>
          eb
            .selectFrom('undertaking_versions')
            .select('id')
            .where('kind', '=', kind)
            .where((inner) =>
              organisationId === null ? inner('organisation_id', 'is', null) : inner('organisation_id', '=', organisationId),
            )
            .orderBy('version', 'desc')
            .limit(1),
        )
        .executeTakeFirst();
      return row?.accepted_at ? new Date(row.accepted_at) : null;
    },
    async gateAcceptances(tx, userId, organisationId) {
      const { rows } = await sql<{ kind: string; accepted_at: Date | null }>`
        SELECT v.kind,
          (SELECT max(a.accepted_at) FROM undertaking_acceptances a
            WHERE a.version_id = v.id AND a.user_id = ${userId} AND a.representation_id IS NULL) AS accepted_at
        FROM (SELECT DISTINCT ON (kind) id, kind FROM undertaking_versions
          WHERE (kind = 'consultation_secrecy' AND organisation_id IS NULL)
             OR (kind = 'controller_awareness' AND organisation_id = ${organisationId})
          ORDER BY kind, version DESC) v`.execute(tx);
      const at = (kind: string) => {
        const value = rows.find((row) => row.kind === kind)?.accepted_at;
        return value ? new Date(value) : null;
      };
      return { secrecy: at('consultation_secrecy'), awareness: at('controller_awareness') };
    },
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
