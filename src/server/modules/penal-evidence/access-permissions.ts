/**
 * The access-permission snapshot of a controller (L1992 art. 16 §1 4°, punished by art. 38; SPEC
 * SEC-06, SEC-07, PEN-01): its accounts with their roles, special-category designations (DAT-19)
 * and cross-case search grant, the representatives acting for it (bill art. 5), and each case it
 * takes part in with who holds which place in it. Ids and roles only: no name, no case content.
 */
import type { PermissionSnapshot } from '../../../contracts/penal-evidence.js';
import type { Tx } from '../../db/database.js';
import type { PenalEvidenceRepository } from './penal-evidence.repository.js';

export const PERMISSIONS_RULE =
  'L1992 art. 16 §1 4° and art. 38; L2007 art. 16 §2 2° (SPEC SEC-06, SEC-07, PEN-01)';

export async function accessPermissionSnapshot(
  evidence: PenalEvidenceRepository,
  tx: Tx,
  controllerId: string,
  takenAt: Date,
): Promise<PermissionSnapshot> {
  const [members, representatives, audiences] = await Promise.all([
    evidence.members(tx, controllerId),
    evidence.representatives(tx, controllerId),
    evidence.caseAudiences(tx, controllerId),
  ]);
  const caseIds = [...new Set(audiences.map((row) => row.case_id))];
  const states = await evidence.caseStates(tx, caseIds);
  return {
    takenAt: takenAt.toISOString(),
    members: members.map((row) => ({
      userId: row.id,
      roles: [...row.roles],
      active: row.active,
      designations: row.designations ?? [],
      crossCaseSearch: row.cross_case_search,
    })),
    representatives: representatives.map((row) => ({
      representationId: row.id,
      userId: row.representative_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    })),
    cases: caseIds.map((caseId) => ({
      caseId,
      // A case the controller takes part in without a record of its own is not at its desk: its
      // place in the audience is still known, its state is not read.
      state: states.get(caseId) ?? 'not_read',
      audience: audiences
        .filter((row) => row.case_id === caseId)
        .map((row) => ({ organisationId: row.organisation_id, relation: row.relation })),
    })),
  };
}
