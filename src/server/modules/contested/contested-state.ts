/**
 * Whether items are contested now (L2007 art. 15; SPEC RGT-CON-02): for the presenters of every
 * channel that communicates an item (the case view, the own-file export). One query for all the
 * items asked, so opening a case costs one more query, whatever its size.
 */
import type { ContestedCause } from '../../../contracts/contested.js';
import type { Tx } from '../../db/database.js';
import { standingMarks } from './contested.repository.js';

export interface ItemContestedState {
  /** The earliest receipt or notification among the standing marks (ISO 8601). */
  since: string;
  /** The causes of the standing marks, each once, in the order they started. */
  causes: ContestedCause[];
}

/** The contested items among `itemIds`; an item without a standing mark is absent. */
export async function contestedState(
  tx: Tx,
  itemIds: readonly string[],
): Promise<Map<string, ItemContestedState>> {
  const state = new Map<string, ItemContestedState>();
  for (const mark of await standingMarks(tx, itemIds)) {
    const since = new Date(mark.started_at).toISOString();
    const current = state.get(mark.item_id);
    if (!current) state.set(mark.item_id, { since, causes: [mark.cause] });
    else if (!current.causes.includes(mark.cause)) current.causes.push(mark.cause);
  }
  return state;
}
