/**
 * Consultations, their agenda, attendance, decisions and actions (migration 0015). Agenda items,
 * decisions and actions are under row-level security by their case; the consultation row itself
 * holds no personal data.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CaseActionsTable, ConsultationsTable } from '../../db/schema.js';

export type ConsultationRow = Selectable<ConsultationsTable>;
export type ActionRow = Selectable<CaseActionsTable>;

export function createConsultationsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<ConsultationsTable>): Promise<ConsultationRow> =>
      tx.insertInto('consultations').values(row).returningAll().executeTakeFirstOrThrow(),

    byId: (tx: Tx, id: string, lock = false): Promise<ConsultationRow | undefined> => {
      const query = tx.selectFrom('consultations').selectAll().where('id', '=', id);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    setState: (tx: Tx, id: string, change: Partial<Pick<ConsultationRow, 'state' | 'opened_at' | 'opened_by' | 'closed_at' | 'closed_by'>>) =>
      tx.updateTable('consultations').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    /**
     * The case ids on the agenda, for the access facts. Read through the owner-less path of the
     * rules: the ids alone, like the case facts, never content.
     */
    agendaCaseIds: (tx: Tx, id: string): Promise<string[]> =>
      tx
        .selectFrom('consultation_agenda')
        .select('case_id')
        .where('consultation_id', '=', id)
        .orderBy('position')
        .execute()
        .then((rows) => rows.map((row) => row.case_id)),

    /** The visible agenda items (row-level security hides the others). */
    agenda: (tx: Tx, id: string) =>
      tx.selectFrom('consultation_agenda').selectAll().where('consultation_id', '=', id).orderBy('position').execute(),

    async addToAgenda(tx: Tx, row: { consultation_id: string; case_id: string; added_by: string; added_at: Date }) {
      const last = await tx
        .selectFrom('consultation_agenda')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('consultation_id', '=', row.consultation_id)
        .executeTakeFirst();
      await tx
        .insertInto('consultation_agenda')
        .values({ ...row, position: Number(last?.position ?? 0) + 1 })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    setMinutes: (tx: Tx, consultationId: string, caseId: string, minutes: Buffer, version: number, by: string, at: Date) =>
      tx
        .updateTable('consultation_agenda')
        .set({ minutes, minutes_version: version, minutes_updated_by: by, minutes_updated_at: at })
        .where('consultation_id', '=', consultationId)
        .where('case_id', '=', caseId)
        .executeTakeFirst(),

    async attend(
      tx: Tx,
      row: { consultation_id: string; user_id: string; organisation_id: string; representing_organisation_id: string | null; recorded_at: Date },
    ): Promise<void> {
      await tx
        .insertInto('consultation_attendance')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['consultation_id', 'user_id']).doUpdateSet({
            representing_organisation_id: row.representing_organisation_id,
            recorded_at: row.recorded_at,
          }),
        )
        .execute();
    },

    attendance: (tx: Tx, id: string) =>
      tx
        .selectFrom('consultation_attendance as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.user_id', 'u.display_name', 'a.organisation_id', 'a.representing_organisation_id', 'a.recorded_at'])
        .where('a.consultation_id', '=', id)
        .orderBy('a.recorded_at')
        .execute(),

    async decision(tx: Tx, row: { id: string; consultation_id: string; case_id: string; text: Buffer; recorded_by: string; recorded_at: Date }) {
      await tx.insertInto('case_decisions').values(row).execute();
    },

    decisionsOf: (tx: Tx, consultationId: string) =>
      tx
        .selectFrom('case_decisions as d')
        .innerJoin('users as u', 'u.id', 'd.recorded_by')
        .select(['d.id', 'd.case_id', 'd.text', 'd.recorded_at', 'u.display_name'])
        .where('d.consultation_id', '=', consultationId)
        .orderBy('d.recorded_at')
        .execute(),

    insertAction: (tx: Tx, row: Insertable<CaseActionsTable>): Promise<ActionRow> =>
      tx.insertInto('case_actions').values(row).returningAll().executeTakeFirstOrThrow(),

    actionForUpdate: (tx: Tx, caseId: string, id: string): Promise<ActionRow | undefined> =>
      tx.selectFrom('case_actions').selectAll().where('id', '=', id).where('case_id', '=', caseId).forUpdate().executeTakeFirst(),

    updateActionStatus: (tx: Tx, id: string, status: ActionRow['status'], by: string, at: Date): Promise<ActionRow> =>
      tx
        .updateTable('case_actions')
        .set({ status, updated_by: by, updated_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    actionsOfConsultation: (tx: Tx, consultationId: string): Promise<ActionRow[]> =>
      tx.selectFrom('case_actions').selectAll().where('consultation_id', '=', consultationId).orderBy('due_on').execute(),

    /**
     * SPEC WFL-10: the actions assigned to `organisations`, and those of the cases they organise,
     * open ones first by due date (row-level security keeps them to cases the reader may see).
     */
    actionsFor: (tx: Tx, organisations: readonly string[], limit: number) => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('case_actions as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .selectAll('a')
        .select(['c.title', 'c.organiser_organisation_id'])
        .where((eb) =>
          eb.or([eb('a.assignee_organisation_id', 'in', organisations), eb('c.organiser_organisation_id', 'in', organisations)]),
        )
        .orderBy(eb => eb.case().when('a.status', '=', 'open').then(0).else(1).end())
        .orderBy('a.due_on')
        .limit(limit)
        .execute();
    },

    /** Consultations the reader organises or has a visible agenda item of, soonest first. */
    listFor: (tx: Tx, organisations: readonly string[], limit: number) => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('consultations as c')
        .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
        .innerJoin('organisations as o', 'o.id', 'c.organiser_organisation_id')
        .selectAll('c')
        .select(['f.name as framework_name', 'o.legal_name as organiser_name'])
        // Row-level security keeps to the agenda items of cases the reader may see (WFL-09).
        .select(sql<string[]>`array(select a.case_id from consultation_agenda a where a.consultation_id = c.id order by a.position)`.as('case_ids'))
        .where((eb) =>
          eb.or([
            eb('c.organiser_organisation_id', 'in', organisations),
            eb.exists(eb.selectFrom('consultation_agenda as v').select('v.case_id').whereRef('v.consultation_id', '=', 'c.id')),
          ]),
        )
        .orderBy('c.scheduled_for', 'desc')
        .limit(limit)
        .execute();
    },

    /** Of `caseIds`, those on the agenda of another consultation that is open now. */
    casesInOtherOpenConsultations: async (tx: Tx, consultationId: string, caseIds: readonly string[]): Promise<string[]> => {
      if (caseIds.length === 0) return [];
      const rows = await tx
        .selectFrom('consultation_agenda as a')
        .innerJoin('consultations as c', 'c.id', 'a.consultation_id')
        .select('a.case_id')
        .distinct()
        .where('a.case_id', 'in', caseIds)
        .where('c.id', '!=', consultationId)
        .where('c.state', '=', 'open')
        .execute();
      return rows.map((row) => row.case_id);
    },

    /** WFL-09: items introduced following this consultation, by case. */
    itemsCollectedAt: (tx: Tx, consultationId: string) =>
      tx
        .selectFrom('items')
        .select(['id', 'case_id', 'category', 'controller_organisation_id'])
        .where('consultation_id', '=', consultationId)
        .where('erased_at', 'is', null)
        .orderBy('created_at')
        .execute(),
  };
}

export type ConsultationsRepository = ReturnType<typeof createConsultationsRepository>;
