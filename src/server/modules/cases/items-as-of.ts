/**
 * Items as their readers find them on a given day (SPEC DAT-33): a category-15 item is blocked from
 * the day after its controller's art. 6 §3 decree ended. Every repository that reads items selects
 * `controllerSexLifeDecrees` and passes the row through `asOf` (or drops what it blocks).
 */
import { type Selectable, sql } from 'kysely';
import type { BlockedReason } from '../../../contracts/items.js';
import type { ItemsTable } from '../../db/schema.js';
import type { DecreePeriod } from '../identity/royal-decree-rules.js';
import { expiredAuthorisationBlock } from './royal-decree-item-rules.js';

/** An item as its readers find it: blocked as its controller blocked it, or as its decree ended (DAT-33). */
export type ItemRow = Omit<Selectable<ItemsTable>, 'blocked_reason'> & { blocked_reason: BlockedReason | null };

/**
 * SPEC DAT-33: with a category-15 item, the art. 6 §3 decrees of its controller, for
 * `expiredAuthorisationBlock` to block it once they ended. Every read of items goes through here.
 */
export const controllerSexLifeDecrees = sql<DecreePeriod[] | null>`CASE WHEN items.category = 'C15' THEN (
  SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'validFrom', r.valid_from, 'validUntil', r.valid_until)), '[]')
  FROM royal_decree_authorisations r
  WHERE r.organisation_id = items.controller_organisation_id AND r.kind = 'sex_life_treatment') END`.as(
  'controller_sex_life_decrees',
);

/** The item as of `today` (Brussels): blocked from the day after its controller's decree ended. */
export function asOf<T extends Selectable<ItemsTable> & { controller_sex_life_decrees: DecreePeriod[] | null }>(
  row: T,
  today: string,
): Omit<T, 'controller_sex_life_decrees'> & ItemRow {
  const { controller_sex_life_decrees: decrees, ...item } = row;
  if (item.blocked_at !== null || item.erased_at !== null) return item;
  const block = expiredAuthorisationBlock(item.category, decrees ?? [], today);
  return block ? { ...item, blocked_reason: block.reason, blocked_at: block.at } : item;
}
