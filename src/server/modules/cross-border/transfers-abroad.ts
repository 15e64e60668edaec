/**
 * What the declaration says of transfers abroad (L1992/L2007 art. 17 §6 1°: "les catégories de
 * données transmises", and per category the countries of destination; SPEC DCL-18, DCL-20, TRF-11),
 * for the declarations module to call inside its own transaction, after its own access decision.
 * Every destination in force outside Belgium counts, inside the Community too (TRF-11), and so does
 * an onward processor abroad working for a Belgian destination (L1992 art. 17 §6 al. 2: the
 * indications are due even when the processing runs in Belgium from operations carried out abroad).
 */
import type { AbroadCategory } from '../../../contracts/cross-border.js';
import type { Tx } from '../../db/database.js';
import { abroadByCategory } from './cross-border-rules.js';
import { createCrossBorderRepository } from './cross-border.repository.js';

const repository = createCrossBorderRepository();

/** Per data category sent abroad, the countries it goes to, sorted; categories never sent are absent. */
export async function transfersAbroad(tx: Tx, controllerId: string): Promise<AbroadCategory[]> {
  const destinations = await repository.destinationsOf(tx, controllerId);
  return abroadByCategory(destinations.filter((destination) => destination.ended_at === null));
}
