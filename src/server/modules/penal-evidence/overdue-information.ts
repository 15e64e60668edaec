/**
 * The information obligations overdue (L1992 art. 39 4°: breach of the art. 9 information
 * obligation; L2007 art. 9 §2; SPEC RGT-INF-02, RGT-INF-03, PEN-05): every obligation of the
 * controller counted by status, those still open after their due date with how late they are, and
 * every exemption with its ground, legal reference and decision-maker (its justification stays
 * encrypted in the obligation: the DPO reads it there). The due date and lateness follow the
 * information module's own rules (`dueOn`, `isOverdue`); a person whose information the procureur
 * du Roi restricted (bill art. 7) is not overdue but restricted.
 */
import type { OverdueInformationReport } from '../../../contracts/penal-evidence.js';
import { dueOn, isOverdue } from '../information-notices/information-rules.js';
import { daysBetween } from './civil-days.js';

export const OVERDUE_RULE =
  'L1992 art. 39 4° and art. 9; L2007 art. 9 §2 (SPEC RGT-INF-02, RGT-INF-03, PEN-05)';

export interface ObligationFacts {
  id: string;
  person_id: string;
  case_id: string;
  person_role: string;
  collection: string;
  status: string;
  recorded_on: string;
  disclosure_envisaged_at: Date | string | null;
  exemption_ground: string | null;
  exemption_reference: string | null;
  closed_by: string | null;
  closed_at: Date | string | null;
}

type Line = OverdueInformationReport['overdue'][number];

export function overdueInformation(
  rows: readonly ObligationFacts[],
  restricted: ReadonlySet<string>,
  today: string,
): Pick<OverdueInformationReport, 'today' | 'byStatus' | 'overdue' | 'exemptions'> {
  const lines: Line[] = rows.map((row) => {
    const isRestricted = row.status === 'open' && restricted.has(row.person_id);
    const timing = {
      status: row.status,
      recordedOn: row.recorded_on,
      disclosureEnvisaged: row.disclosure_envisaged_at !== null,
    };
    const due = dueOn(timing);
    const overdue = !isRestricted && isOverdue(timing, today);
    return {
      obligationId: row.id,
      personId: row.person_id,
      caseId: row.case_id,
      personRole: row.person_role,
      collection: row.collection,
      status: isRestricted ? 'restricted' : row.status,
      recordedOn: row.recorded_on,
      dueOn: due,
      dueAtFirstDisclosure: timing.disclosureEnvisaged,
      overdue,
      daysOverdue: overdue && due !== null ? daysBetween(due, today) : null,
      exemption:
        row.status === 'exempted'
          ? {
              ground: row.exemption_ground ?? '',
              legalReference: row.exemption_reference,
              decidedBy: row.closed_by,
              decidedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString(),
            }
          : null,
    };
  });
  const byStatus: Record<string, number> = {};
  for (const line of lines) byStatus[line.status] = (byStatus[line.status] ?? 0) + 1;
  return {
    today,
    byStatus,
    overdue: lines.filter((line) => line.overdue),
    exemptions: lines.filter((line) => line.exemption !== null),
  };
}
