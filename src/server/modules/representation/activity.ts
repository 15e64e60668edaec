/** When a representation lets its representative act (bill art. 5; SPEC ROL-04, ROL-05). */
import type { Tx } from '../../db/database.js';
import { currentAcceptanceTime } from '../undertakings/acceptance.js';
import type { UndertakingsRepository } from '../undertakings/undertakings.repository.js';
import type { RepresentationRepository, RepresentationRow } from './representation.repository.js';
import { periodCovers } from './representation.rules.js';

export interface ActivityDeps {
  representations: RepresentationRepository;
  undertakings: UndertakingsRepository;
}

/** Not ended early, within its period (ends by itself after `valid_to`). */
function withinTerm(row: RepresentationRow, at: Date): boolean {
  const endedEarly = row.ended_at !== null && at.getTime() >= new Date(row.ended_at).getTime();
  return !endedEarly && periodCovers(row.valid_from, row.valid_to, at);
}

/**
 * Active at `at`: within its term, the representative still an active user with the role, and
 * the current representative's undertaking accepted for this representation (bill art. 5 al. 2).
 */
export async function isActiveAt(
  tx: Tx,
  { representations, undertakings }: ActivityDeps,
  row: RepresentationRow,
  at: Date,
): Promise<boolean> {
  if (!withinTerm(row, at)) return false;
  const [representative] = await representations.parties(tx, [row.representative_id]);
  if (!representative?.active || !representative.roles.includes('representative')) return false;
  const context = { kind: 'representative', organisationId: null } as const;
  return (await currentAcceptanceTime(tx, undertakings, representative.id, context, row.id)) !== null;
}
