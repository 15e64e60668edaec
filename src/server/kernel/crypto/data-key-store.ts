/**
 * The `data_keys` table (migration 0003): wrapped data keys per scope, numbered 1..n. Only
 * the key provider can unwrap them, so the rows may be read by the runtime role.
 */
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DataKeysTable } from '../../db/schema.js';

export type DataKeyRow = Pick<Selectable<DataKeysTable>, 'scope' | 'key_id' | 'key_version' | 'wrapped'>;

const COLUMNS = ['scope', 'key_id', 'key_version', 'wrapped'] as const;

/** The key that encrypts new content of the scope: the highest key id. */
export function latestDataKey(tx: Tx, scope: string): Promise<DataKeyRow | undefined> {
  return tx
    .selectFrom('data_keys')
    .select(COLUMNS)
    .where('scope', '=', scope)
    .orderBy('key_id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every data key of the scope, oldest first: one read for a transaction that handles many fields. */
export function dataKeysOf(tx: Tx, scope: string): Promise<DataKeyRow[]> {
  return tx.selectFrom('data_keys').select(COLUMNS).where('scope', '=', scope).orderBy('key_id').execute();
}

export function findDataKey(tx: Tx, scope: string, keyId: number): Promise<DataKeyRow | undefined> {
  return tx
    .selectFrom('data_keys')
    .select(COLUMNS)
    .where('scope', '=', scope)
    .where('key_id', '=', keyId)
    .executeTakeFirst();
}

/** Inserts unless another transaction already holds that key id; true when inserted. */
export async function insertDataKey(tx: Tx, row: DataKeyRow): Promise<boolean> {
  const inserted = await tx
    .insertInto('data_keys')
    .values(row)
    .onConflict((conflict) => conflict.columns(['scope', 'key_id']).doNothing())
    .returning('key_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteDataKeys(tx: Tx, scope: string): Promise<void> {
  await tx.deleteFrom('data_keys').where('scope', '=', scope).execute();
}
