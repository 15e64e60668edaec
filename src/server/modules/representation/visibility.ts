/**
 * Who may know of a representation (ARCHITECTURE §3.7: to anyone else it does not exist, 404):
 * the representative, the persons represented, and the members who act for the authority, the
 * same members who may designate and end (bill art. 5 al. 1).
 */
import type { Tx } from '../../db/database.js';
import type { Actor } from '../identity/platform-access.js';
import type { PartyFacts, RepresentationRepository, RepresentationRow } from './representation.repository.js';
import { DESIGNATING_ROLES } from './representation.rules.js';

/** An active member of `authorityId` with a role that acts for it. */
export function actsForAuthority(me: PartyFacts | undefined, actor: Actor, authorityId: string): boolean {
  return (
    me?.active === true &&
    me.organisation_id === authorityId &&
    me.organisation_id === actor.organisationId &&
    me.roles.some((role) => DESIGNATING_ROLES.has(role))
  );
}

export async function mayKnowOf(
  tx: Tx,
  representations: RepresentationRepository,
  actor: Actor,
  row: RepresentationRow,
): Promise<boolean> {
  if (row.representative_id === actor.userId) return true;
  const [me] = await representations.parties(tx, [actor.userId]);
  if (actsForAuthority(me, actor, row.authority_id)) return true;
  return me?.active === true && (await representations.representedPersonIds(tx, row.id)).includes(me.id);
}
