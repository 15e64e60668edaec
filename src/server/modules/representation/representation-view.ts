/** A representation as its parties see it: the record, and whether it lets the representative act. */
import type { Tx } from '../../db/database.js';
import { currentAcceptanceTime } from '../undertakings/acceptance.js';
import { type ActivityDeps, isActiveAt } from './activity.js';
import type { RepresentationRow } from './representation.repository.js';
import type { Representation } from './representation.rules.js';

const REPRESENTATIVE = { kind: 'representative', organisationId: null } as const;
const SECRECY = { kind: 'consultation_secrecy', organisationId: null } as const;

export async function representationView(
  tx: Tx,
  deps: ActivityDeps,
  row: RepresentationRow,
  now: Date,
): Promise<Representation> {
  const { representations, undertakings } = deps;
  const represented = await representations.representedPersonIds(tx, row.id);
  const accepted = await currentAcceptanceTime(
    tx,
    undertakings,
    row.representative_id,
    REPRESENTATIVE,
    row.id,
  );
  // bill art. 5 al. 3: only those who acknowledged the secrecy for this representation can be debriefed.
  const acknowledged: string[] = [];
  for (const userId of represented) {
    if ((await currentAcceptanceTime(tx, undertakings, userId, SECRECY, row.id)) !== null)
      acknowledged.push(userId);
  }
  return {
    id: row.id,
    authorityId: row.authority_id,
    representativeId: row.representative_id,
    designatedBy: row.designated_by,
    designatedAt: new Date(row.designated_at).toISOString(),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    representedPersonIds: represented,
    endedAt: row.ended_at === null ? null : new Date(row.ended_at).toISOString(),
    active: await isActiveAt(tx, deps, row, now),
    undertakingAcceptedAt: accepted?.toISOString() ?? null,
    secrecyAcknowledgedIds: acknowledged,
  };
}
