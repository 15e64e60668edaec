/**
 * The facts the statistics count (migration 0036): the cases of a framework that left their
 * compartment, read through a SECURITY DEFINER function that returns their state, purposes and
 * workflow dates only, without any id, party or content.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CaseFacts } from './statistics-rules.js';

export function createStatisticsRepository() {
  return {
    async caseFacts(tx: Tx, frameworkId: string): Promise<CaseFacts[]> {
      const { rows } = await sql<{
        state: string;
        purposes: string[];
        signalled_at: Date | null;
        signal_decided_at: Date | null;
        first_consultation_at: Date | null;
        closed_at: Date | null;
      }>`SELECT state, purposes, signalled_at, signal_decided_at, first_consultation_at, closed_at
        FROM concerto_framework_case_facts(${frameworkId}::uuid)`.execute(tx);
      return rows.map((row) => ({
        state: row.state,
        purposes: row.purposes,
        signalledAt: row.signalled_at,
        signalDecidedAt: row.signal_decided_at,
        firstConsultationAt: row.first_consultation_at,
        closedAt: row.closed_at,
      }));
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
