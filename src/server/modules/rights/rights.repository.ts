/**
 * The requests of the persons concerned (migration 0023), as the runtime role at a controller's
 * desk: row-level security shows the desk its own parts and its own records only.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ExternalDisclosuresTable,
  RightsAnswerDocumentsTable,
  RightsPartChangesTable,
  RightsPartRecordsTable,
  RightsRecipientNoticesTable,
  RightsRequestPartsTable,
  RightsRequestsTable,
} from '../../db/schema.js';
import { asOf, controllerSexLifeDecrees, type ItemRow } from '../cases/items-as-of.js';
import { type DisclosureRow, disclosureLog } from '../contested/disclosure-log.js';
import type { MatchedRecord } from './rights-routing.js';

export type { DisclosureRow };

export type RequestRow = Selectable<RightsRequestsTable>;
export type PartRow = Selectable<RightsRequestPartsTable>;
export type PartRecordRow = Selectable<RightsPartRecordsTable>;

/** A part with what the desk shows of its request, and its records. */
export type DeskPartRow = PartRow &
  Pick<
    RequestRow,
    | 'kind'
    | 'received_at'
    | 'dated_on'
    | 'language'
    | 'requester'
    | 'identity_verified_at'
    | 'nrn_index'
    | 'name_dob_index'
    | 'objection_ground'
    | 'intake_organisation_id'
  > & {
    regime: string;
    lawful_ground: string;
    legal_name: string;
    records: { type: 'person' | 'item' | 'paper_part'; id: string; caseId: string }[];
  };

const records = sql<DeskPartRow['records']>`coalesce((SELECT json_agg(json_build_object('type', r.record_type,
  'id', r.record_id, 'caseId', r.case_id) ORDER BY r.record_type, r.record_id)
  FROM rights_part_records r WHERE r.part_id = p.id), '[]')`.as('records');

export function createRightsRepository() {
  function deskParts(tx: Tx) {
    return tx
      .selectFrom('rights_request_parts as p')
      .innerJoin('rights_requests as q', 'q.id', 'p.request_id')
      .innerJoin('organisations as o', 'o.id', 'p.controller_organisation_id')
      .selectAll('p')
      .select(['q.kind', 'q.received_at', 'q.dated_on', 'q.language', 'q.requester', 'q.identity_verified_at'])
      .select(['q.nrn_index', 'q.name_dob_index', 'q.objection_ground', 'q.intake_organisation_id'])
      .select(['o.dp_regime as regime', 'o.legal_name', 'o.lawful_ground'])
      .select(records);
  }

  return {
    async insertRequest(tx: Tx, row: Insertable<RightsRequestsTable>): Promise<void> {
      await tx.insertInto('rights_requests').values(row).execute();
    },

    async insertParts(
      tx: Tx,
      parts: readonly Insertable<RightsRequestPartsTable>[],
      partRecords: readonly Insertable<RightsPartRecordsTable>[],
    ): Promise<void> {
      if (parts.length > 0) await tx.insertInto('rights_request_parts').values(parts).execute();
      if (partRecords.length > 0) await tx.insertInto('rights_part_records').values(partRecords).execute();
    },

    /** SPEC RGT-GEN-02: every record about the person, in every case (ids and routing facts only). */
    match: async (tx: Tx, nrn: Buffer | null, nameDob: Buffer | null): Promise<MatchedRecord[]> => {
      const { rows } = await sql<{
        record_type: 'person' | 'item' | 'paper_part';
        record_id: string;
        case_id: string;
        framework_id: string;
        controller_organisation_id: string;
        judicial: boolean;
        police_mission: MatchedRecord['policeMission'];
      }>`SELECT * FROM concerto_rights_match(${nrn}, ${nameDob})`.execute(tx);
      return rows.map((row) => ({
        recordType: row.record_type,
        recordId: row.record_id,
        caseId: row.case_id,
        frameworkId: row.framework_id,
        controllerId: row.controller_organisation_id,
        judicial: row.judicial,
        policeMission: row.police_mission,
      }));
    },

    organisations: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('organisations')
            .select(['id', 'kind', 'dp_regime', 'legal_name', 'address', 'rights_contact', 'dpo_name', 'dpo_contact'])
            .where('id', 'in', ids)
            .execute(),

    /** The royal decrees of `ids` (SPEC SCO-17); no personal data, no row-level security. */
    decreesOf: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('royal_decree_authorisations')
            .select(['organisation_id', 'kind', 'valid_from as validFrom', 'valid_until as validUntil'])
            .where('organisation_id', 'in', ids)
            .execute(),

    frameworks: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('frameworks')
            .select(['id', 'name', 'basis_kind', 'authorising_organisation_id', 'purposes', 'processing_basis_citation'])
            .where('id', 'in', ids)
            .execute(),

    /** The frameworks of the desk's cases (migration 0023: a case in which the controller holds records). */
    frameworkIdsOf: async (tx: Tx, caseIds: readonly string[]): Promise<string[]> =>
      caseIds.length === 0
        ? []
        : (await tx.selectFrom('cases').select('framework_id').distinct().where('id', 'in', caseIds).execute()).map(
            (row) => row.framework_id,
          ),

    /** The desk's records among `ids`, in one query each (an answer may hold thousands, SPEC RGT-ACC-01). */
    personsByIds: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0 ? Promise.resolve([]) : tx.selectFrom('persons').selectAll().where('id', 'in', ids).execute(),

    itemsByIds: async (tx: Tx, ids: readonly string[], today: string): Promise<ItemRow[]> =>
      ids.length === 0
        ? []
        : (
            await tx.selectFrom('items').selectAll().select(controllerSexLifeDecrees).where('id', 'in', ids).execute()
          ).map((row) => asOf(row, today)),

    paperPartsByIds: (tx: Tx, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : tx.selectFrom('paper_parts').selectAll().where('id', 'in', ids).where('destroyed_on', 'is', null).execute(),

    requestById: (tx: Tx, id: string): Promise<RequestRow | undefined> =>
      tx.selectFrom('rights_requests').selectAll().where('id', '=', id).executeTakeFirst(),

    async verifyIdentity(tx: Tx, id: string, userId: string, at: Date): Promise<boolean> {
      const result = await tx
        .updateTable('rights_requests')
        .set({ identity_verified_by: userId, identity_verified_at: at })
        .where('id', '=', id)
        .where('identity_verified_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** The desk's parts, oldest received first; `open` leaves out answered ones. */
    partsOf: (tx: Tx, open: boolean): Promise<DeskPartRow[]> => {
      let query = deskParts(tx);
      if (open) query = query.where('p.answered_at', 'is', null);
      return query.orderBy('q.received_at').orderBy('p.id').execute() as Promise<DeskPartRow[]>;
    },

    partById: (tx: Tx, id: string): Promise<DeskPartRow | undefined> =>
      deskParts(tx).where('p.id', '=', id).executeTakeFirst() as Promise<DeskPartRow | undefined>,

    /** RGT-JUD-02: the desk's open parts that hold `itemId`. */
    openPartsHolding: (tx: Tx, itemId: string) =>
      tx
        .selectFrom('rights_request_parts as p')
        .innerJoin('rights_part_records as r', 'r.part_id', 'p.id')
        .select(['p.id', 'p.request_id', 'p.controller_organisation_id', 'p.route', 'p.prosecutor_office_id', 'r.case_id'])
        .where('r.record_id', '=', itemId)
        .where('p.answered_at', 'is', null)
        .execute(),

    /** The part of `requestId` for this controller, route and office, if the request has one. */
    partFor: (tx: Tx, requestId: string, controllerId: string, route: PartRow['route'], officeId: string | null) =>
      tx
        .selectFrom('rights_request_parts')
        .select('id')
        .where('request_id', '=', requestId)
        .where('controller_organisation_id', '=', controllerId)
        .where('route', '=', route)
        .where((eb) => (officeId === null ? eb('prosecutor_office_id', 'is', null) : eb('prosecutor_office_id', '=', officeId)))
        .executeTakeFirst(),

    async moveRecord(tx: Tx, from: string, to: Insertable<RightsPartRecordsTable>): Promise<void> {
      await tx.deleteFrom('rights_part_records').where('part_id', '=', from).where('record_id', '=', to.record_id).execute();
      await tx.insertInto('rights_part_records').values(to).execute();
    },

    async lockPart(tx: Tx, id: string): Promise<void> {
      await tx.selectFrom('rights_request_parts').select('id').where('id', '=', id).forUpdate().execute();
    },

    async answerPart(
      tx: Tx,
      id: string,
      change: Pick<PartRow, 'status' | 'outcome' | 'answer' | 'answered_by' | 'answered_at' | 'health_professional'>,
    ): Promise<void> {
      await tx.updateTable('rights_request_parts').set(change).where('id', '=', id).execute();
    },

    /**
     * SPEC RGT-ACC-06: the same person's earlier requests of `kind` answered by `controllerId`
     * (their parts' answers), newest first. Read at the desk: only the desk's own parts show.
     */
    answeredBefore: (
      tx: Tx,
      controllerId: string,
      indexes: { nrn: Buffer | null; nameDob: Buffer | null },
      kind: RightsRequestsTable['kind'],
      before: Date,
    ) =>
      tx
        .selectFrom('rights_request_parts as p')
        .innerJoin('rights_requests as q', 'q.id', 'p.request_id')
        .select(['q.id', 'q.received_at', 'p.answered_at'])
        .where('p.controller_organisation_id', '=', controllerId)
        .where('q.kind', '=', kind)
        .where('p.answered_at', 'is not', null)
        .where('q.received_at', '<', before)
        .where((eb) =>
          eb.or([
            ...(indexes.nrn ? [eb('q.nrn_index', '=', indexes.nrn)] : []),
            ...(indexes.nameDob ? [eb('q.name_dob_index', '=', indexes.nameDob)] : []),
          ]),
        )
        .orderBy('q.received_at', 'desc')
        .execute(),

    /** The controller's items among `ids` changed after `since` (SPEC RGT-ACC-06: recommend answering). */
    changedSince: async (tx: Tx, ids: readonly string[], since: Date): Promise<boolean> =>
      ids.length > 0 &&
      (await tx
        .selectFrom('items')
        .select('id')
        .where('id', 'in', ids)
        .where('updated_at', '>', since)
        .executeTakeFirst()) !== undefined,

    async recordChange(tx: Tx, row: Insertable<RightsPartChangesTable>): Promise<void> {
      await tx.insertInto('rights_part_changes').values(row).execute();
    },

    changesOf: (tx: Tx, partId: string) =>
      tx.selectFrom('rights_part_changes').selectAll().where('part_id', '=', partId).orderBy('changed_at').execute(),

    async recipientNotices(tx: Tx, rows: readonly Insertable<RightsRecipientNoticesTable>[]): Promise<void> {
      if (rows.length > 0) await tx.insertInto('rights_recipient_notices').values(rows).execute();
    },

    recipientNoticesOf: (tx: Tx, partId: string) =>
      tx.selectFrom('rights_recipient_notices').selectAll().where('part_id', '=', partId).orderBy('created_at').execute(),

    async externalDisclosure(tx: Tx, row: Insertable<ExternalDisclosuresTable>): Promise<void> {
      await tx.insertInto('external_disclosures').values(row).execute();
    },

    /** SPEC PEN-06 (migration 0038): the hash of an answer document the desk issued, kept for good. */
    async archiveAnswerDocument(tx: Tx, row: Insertable<RightsAnswerDocumentsTable>): Promise<void> {
      await tx.insertInto('rights_answer_documents').values(row).execute();
    },

    /** The disclosure log of `itemIds` (SPEC ROL-11, RGT-REC-04 a), RGT-REC-05, RGT-CRT-03). */
    disclosuresOf: (tx: Tx, itemIds: readonly string[], controllerId: string): Promise<DisclosureRow[]> =>
      disclosureLog(tx, itemIds, controllerId),
  };
}

export type RightsRepository = ReturnType<typeof createRightsRepository>;
