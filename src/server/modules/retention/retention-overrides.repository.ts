/**
 * RET-01: the overrides beyond 30 years awaiting the DPO of the organiser's organisation, read and
 * approved through the SECURITY DEFINER functions of migration 0040 (a DPO acts for no case, SPEC
 * ROL-12: it sees the retention columns of the cases its organisation organises, never their content).
 * Both answer for the retention desk the access module set in the transaction.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface RetentionOverrideRow {
  caseId: string;
  state: string;
  closedAt: Date | null;
  proposal: number;
  monthsInForce: number | null;
  months: number;
  otherRule: string;
}

export function createRetentionOverridesRepository() {
  return {
    async overrides(tx: Tx): Promise<RetentionOverrideRow[]> {
      const { rows } = await sql<{
        case_id: string;
        state: string;
        closed_at: Date | null;
        proposal: number;
        months_in_force: number | null;
        months: number;
        other_rule: string;
      }>`SELECT * FROM concerto_retention_overrides()`.execute(tx);
      return rows.map((row) => ({
        caseId: row.case_id,
        state: row.state,
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
        proposal: row.proposal,
        monthsInForce: row.months_in_force,
        months: row.months,
        otherRule: row.other_rule,
      }));
    },

    /** Puts the override of `proposal` in force; false when it is not the one waiting (any more). */
    async approve(tx: Tx, caseId: string, proposal: number, approver: string, at: Date): Promise<boolean> {
      const { rows } = await sql<{ approved: boolean }>`
        SELECT concerto_approve_retention_override(${caseId}::uuid, ${proposal}::integer, ${approver}::uuid,
          ${at}::timestamptz) AS approved`.execute(tx);
      return rows[0]?.approved === true;
    },
  };
}

export type RetentionOverridesRepository = ReturnType<typeof createRetentionOverridesRepository>;
