/**
 * SUP-05 (L1992 art. 10 §2 al. 2): the interval the Commission imposed on a controller for one
 * person's access requests, for the rights desk that judges a repeat request (SPEC RGT-ACC-06).
 * The person is matched by the blind indexes of the request, as the desk matches earlier requests;
 * the latest instruction recorded is the one in force. Read under the controller desk's row-level
 * security (migration 0035). This file imports nothing of the rights module: it calls it.
 */
import type { Tx } from '../../db/database.js';

export interface PersonIndexes {
  nrn: Buffer | null;
  nameDob: Buffer | null;
}

/** The Commission's interval in months for this person at this controller (0: none), or undefined. */
export async function commissionRepeatInterval(
  tx: Tx,
  controllerId: string,
  person: PersonIndexes,
): Promise<{ intervalMonths: number; instructionId: string } | undefined> {
  if (!person.nrn && !person.nameDob) return undefined;
  const row = await tx
    .selectFrom('commission_repeat_instructions')
    .select(['id', 'interval_months'])
    .where('controller_organisation_id', '=', controllerId)
    .where((eb) =>
      eb.or([
        ...(person.nrn ? [eb('nrn_index', '=', person.nrn)] : []),
        ...(person.nameDob ? [eb('name_dob_index', '=', person.nameDob)] : []),
      ]),
    )
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row && { intervalMonths: row.interval_months, instructionId: row.id };
}
