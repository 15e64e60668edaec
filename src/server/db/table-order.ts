/**
 * The tables of the `public` schema, each after the tables its foreign keys point to, so that a
 * restore can load them in that order. The schema has no cycle of foreign keys between tables
 * (a self-reference, like an item's earlier version, is loaded in one statement); a cycle would
 * be a schema change that backups must learn about, so it is refused here rather than guessed.
 */
import type pg from 'pg';

export async function tablesParentsFirst(client: pg.ClientBase): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  const parents = new Map<string, string[]>(tables.rows.map((t) => [t.name, []]));
  for (const edge of edges.rows) parents.get(edge.child)?.push(edge.parent);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: string[]): void => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') {
      throw new Error(
        `Foreign keys form a cycle (${[...path, table].join(' → ')}): backups cannot order these tables.`,
      );
    }
    state.set(table, 'visiting');
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of parents.keys()) visit(table, []);
  return ordered;
}
