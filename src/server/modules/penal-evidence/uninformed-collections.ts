/**
 * Persons collected from the data subject without the notice (L1992 art. 39 1°: collecting data
 * without giving the information of art. 4 §1; L2007 art. 9 §1: at the latest when the data are
 * obtained; SPEC RGT-INF-01, RGT-INF-02, RGT-INF-05, PEN-02). Every person the controller recorded
 * opens its information obligation in the same transaction (information-gate.ts), and one
 * collected from the person records the notice given; the report lists every person for whom
 * that record is missing or says otherwise. Pure: the facts come from the controller's desk.
 * Under the indirect regime (police, intelligence: L2007 art. 3 §4-§5) art. 9 does not apply.
 */
import type { UninformedCollections } from '../../../contracts/penal-evidence.js';

export const UNINFORMED_RULE =
  'L1992 art. 39 1° and art. 4 §1; L2007 art. 9 §1 (SPEC RGT-INF-01, RGT-INF-05, PEN-02)';

export interface PersonObligationFacts {
  person_id: string;
  case_id: string;
  role: string;
  obligation_id: string | null;
  collection: string | null;
  status: string | null;
  recorded_on: string | null;
  informed_on: string | null;
}

type Missing = UninformedCollections['missing'][number];

function reasonOf(row: PersonObligationFacts): Missing['reason'] | null {
  // A person recorded without its obligation: nothing shows how its data were obtained, nor a notice.
  if (row.obligation_id === null) return 'no_information_record';
  if (row.collection !== 'from_subject' || row.status === 'indirect_regime') return null;
  if (row.status !== 'informed') return 'notice_not_recorded';
  // art. 9 §1: "au plus tard au moment où ces données sont obtenues".
  if (row.informed_on !== null && row.recorded_on !== null && row.informed_on > row.recorded_on) {
    return 'notice_after_collection';
  }
  return null;
}

export function uninformedCollections(
  rows: readonly PersonObligationFacts[],
): Pick<UninformedCollections, 'persons' | 'collectedFromSubject' | 'missing'> {
  const missing: Missing[] = [];
  for (const row of rows) {
    const reason = reasonOf(row);
    if (!reason) continue;
    missing.push({
      personId: row.person_id,
      caseId: row.case_id,
      personRole: row.role,
      obligationId: row.obligation_id,
      recordedOn: row.recorded_on,
      status: row.status,
      informedOn: row.informed_on,
      reason,
    });
  }
  return {
    persons: rows.length,
    collectedFromSubject: rows.filter((row) => row.collection === 'from_subject').length,
    missing,
  };
}
