/**
 * The retention purge (issue 6 "Done when"): 10,000 cases whose retention has ended, with 500,000
 * items, are listed by the daily job, their destruction list approved, and purged through the
 * engine (per case: one transaction re-checking the case, deleting every row children first,
 * the audit event and the tombstone; then the case key destroyed in the key provider, the
 * tombstone marked and audited; then the signed proof), against a raw DELETE of the same rows
 * as the owner, in one transaction, with no check, no audit, no tombstone and no key destroyed,
 * measured first in the same run and rolled back. Figures: cases per second (ratio purge/raw),
 * and the heap's rise during the purge.
 *
 * CONCERTO_BENCH_PURGE_CASES makes a smaller run (e.g. 200) to try the scenario quickly.
 */
import { sql } from 'kysely';
import { inTransaction } from '../src/server/db/database.js';
import { createAuditLog } from '../src/server/kernel/audit/index.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { createLegalRules } from '../src/server/kernel/legal-rules/index.js';
import { createNotificationsRepository } from '../src/server/modules/notifications/notifications.repository.js';
import type { RetentionDeps } from '../src/server/modules/retention/retention-deps.js';
import {
  runRetentionJob,
  settleDestructionList,
} from '../src/server/modules/retention/retention-job.service.js';
import { createRetentionRepository } from '../src/server/modules/retention/retention.repository.js';
import { caseThroughApi, cloneCases, createCaseWorld } from './case-data.js';
import type { BenchContext, BenchRow } from './types.js';

const CASES = Number(process.env.CONCERTO_BENCH_PURGE_CASES ?? 10_000);
const ITEMS_PER_CASE = 50;
const AUDIT_ORIGIN = 'concerto.local/audit';

/** The tables the raw baseline deletes from, children first, with how their rows reach the cases. */
const RAW_DELETES = [
  `DELETE FROM information_obligations WHERE case_id = ANY ($1)`,
  `DELETE FROM item_persons WHERE item_id IN (SELECT id FROM items WHERE case_id = ANY ($1))`,
  `DELETE FROM item_versions WHERE item_id IN (SELECT id FROM items WHERE case_id = ANY ($1))`,
  `DELETE FROM items WHERE case_id = ANY ($1)`,
  `DELETE FROM person_versions WHERE person_id IN (SELECT id FROM persons WHERE case_id = ANY ($1))`,
  `DELETE FROM person_links WHERE subject_id IN (SELECT id FROM persons WHERE case_id = ANY ($1))
     OR relation_id IN (SELECT id FROM persons WHERE case_id = ANY ($1))`,
  `DELETE FROM persons WHERE case_id = ANY ($1)`,
  `DELETE FROM case_history WHERE case_id = ANY ($1)`,
  `DELETE FROM case_retention_approvals WHERE case_id = ANY ($1)`,
  `DELETE FROM case_participants WHERE case_id = ANY ($1)`,
  `DELETE FROM case_audience WHERE case_id = ANY ($1)`,
  `DELETE FROM notifications WHERE case_id = ANY ($1)`,
  `DELETE FROM destruction_list_entries WHERE case_id = ANY ($1)`,
  `DELETE FROM data_keys WHERE scope = ANY (SELECT 'case:' || unnest($1::uuid[]))`,
  `DELETE FROM cases WHERE id = ANY ($1)`,
];

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const database = await ctx.createDatabase();
  const admin = database.adminDb;
  const world = await createCaseWorld(database);
  try {
    const started = performance.now();
    const template = await caseThroughApi(world, ITEMS_PER_CASE, 0);
    const ids = [template, ...(await cloneCases(world, admin, template, CASES - 1))];
    // Closed two years ago with twelve months agreed: every retention has ended.
    await sql`UPDATE cases SET state = 'closed', closed_at = now() - interval '2 years',
        closed_by = created_by, retention_months = 12 WHERE id = ANY (${ids})`.execute(admin);
    const items = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM items WHERE case_id = ANY (${ids})`.execute(admin);
    console.log(
      `  generated ${ids.length} closed cases, ${items.rows[0]!.n} items in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const clock = systemClock;
    const deps: RetentionDeps = {
      db: database.appDb,
      retention: createRetentionRepository(),
      notifications: createNotificationsRepository(),
      audit: createAuditLog({ clock }),
      clock,
      rules: createLegalRules({ clock }),
      keys: world.keys,
      auditOrigin: AUDIT_ORIGIN,
    };
    const listing = await runRetentionJob(deps, clock.now());
    if (listing.listing.listed.length !== ids.length) {
      throw new Error(`the job listed ${listing.listing.listed.length} of ${ids.length} cases`);
    }
    // The four eyes, given as the owner: the approvals' own cost is not what this measures.
    const lists = await sql<{ id: string; keeper_organisation_id: string; controller_ids: string[] }>`
      SELECT id, keeper_organisation_id, controller_ids FROM destruction_lists WHERE completed_at IS NULL`.execute(
      admin,
    );
    for (const list of lists.rows) {
      await sql`INSERT INTO destruction_approvals (list_id, capacity, organisation_id, approved_by, approved_at, audit_position)
        VALUES (${list.id}, 'keeper', ${list.keeper_organisation_id}, ${world.users.coordinator}, now(), 0)`.execute(
        admin,
      );
      for (const controller of list.controller_ids) {
        const dpo = await sql<{ id: string }>`SELECT id FROM users
          WHERE organisation_id = ${controller} AND 'dpo' = ANY (roles) LIMIT 1`.execute(admin);
        await sql`INSERT INTO destruction_approvals (list_id, capacity, organisation_id, approved_by, approved_at, audit_position)
          VALUES (${list.id}, 'dpo', ${controller}, ${dpo.rows[0]?.id ?? world.users.cpasDpo}, now(), 0)`.execute(
          admin,
        );
      }
      await sql`UPDATE destruction_lists SET approved_at = now() WHERE id = ${list.id}`.execute(admin);
    }

    // The raw baseline: the same rows deleted set-wise, then rolled back.
    const rawStart = performance.now();
    await admin
      .transaction()
      .execute(async (tx) => {
        for (const statement of RAW_DELETES)
          await sql.raw(statement.replaceAll('$1', `'{${ids.join(',')}}'::uuid[]`)).execute(tx);
        const left = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM items WHERE case_id = ANY (${ids})`.execute(tx);
        if (left.rows[0]!.n !== 0) throw new Error('the raw delete left items');
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    const rawSeconds = (performance.now() - rawStart) / 1000;

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 50);
    const purgeStart = performance.now();
    let purged = 0;
    for (const list of lists.rows) {
      const outcomes = await settleDestructionList(deps, list.id);
      purged += outcomes.filter((o) => o.outcome === 'purged').length;
    }
    const purgeSeconds = (performance.now() - purgeStart) / 1000;
    clearInterval(sampler);
    if (purged !== ids.length) throw new Error(`purged ${purged} of ${ids.length} cases`);
    const left = await inTransaction(admin, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM items WHERE case_id = ANY (${ids})`.execute(tx),
    );
    if (left.rows[0]!.n !== 0) throw new Error('the purge left items');

    const rawRate = ids.length / rawSeconds;
    const purgeRate = ids.length / purgeSeconds;
    console.log(
      `  purge ${purgeSeconds.toFixed(1)} s (${purgeRate.toFixed(1)} cases/s), raw DELETE ${rawSeconds.toFixed(1)} s` +
        ` (${rawRate.toFixed(0)} cases/s); heap rise ${((heapPeak - heapBefore) / 2 ** 20).toFixed(0)} MiB`,
    );
    return [
      {
        scenario: `retention purge of ${ids.length} cases / ${ids.length * ITEMS_PER_CASE} items`,
        unit: 'cases/s',
        value: purgeRate,
        baseline: rawRate,
        ratio: purgeRate / rawRate,
        note: `purge ${purgeSeconds.toFixed(1)} s vs raw DELETE ${rawSeconds.toFixed(1)} s; heap rise ${((heapPeak - heapBefore) / 2 ** 20).toFixed(0)} MiB`,
      },
    ];
  } finally {
    await world.close();
  }
}

class RolledBack extends Error {}
