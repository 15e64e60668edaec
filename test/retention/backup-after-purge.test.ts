/**
 * Backups cannot bring the dead back (issue 6 scope 2; SPEC RET-07; ADR 0006): a backup is taken
 * while a closed case still exists; the case's retention passes, its destruction list is approved
 * by four eyes and it is purged, its key destroyed in the key provider; the backup is restored into
 * a new database. The restore re-applies the destruction in its own transaction, before the data are
 * available: the purged case's rows are gone again (a search by national number finds nothing), a
 * tombstone stands for it, and a case that was not destroyed reads as before. A restore with a key
 * provider that holds none of the cases' keys, or from a backup older than the rotation allows, is
 * refused whole; a purge the backup caught half-way (tombstone and rows) is completed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../src/server/db/backup.js';
import { createDb, type Db } from '../../src/server/db/database.js';
import { createBlindIndex } from '../../src/server/kernel/crypto/blind-index.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { FIELDS } from '../../src/server/modules/cases/case-fields.js';
import { RestoreDestructionsRefused } from '../../src/server/modules/retention/restore-destructions.service.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase } from '../support/case-steps.js';
import { restoreReapplying } from '../support/restore-steps.js';
import {
  agreeRetention,
  approve,
  closedCase,
  listOf,
  policeDraft,
  runRetention,
  sessionOf,
  tombstoneOf,
} from '../support/retention-steps.js';
import { createEmptyDatabase } from '../support/test-database.js';

let world: AccessWorld;
const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-ret07-'));
const NRN = '90.04.12-123.77';

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const backupNow = async (name: string): Promise<string> => {
  const file = path.join(dir, name);
  await writeBackup(world.db.adminUrl, file, { concertoVersion: 'test', now: world.clock.now() });
  return file;
};

/** Puts the listed case through its four eyes: the keeper, then the police's DPO; it is purged at once. */
async function purgeNow(caseId: string): Promise<string> {
  await runRetention(world);
  const listId = (await listOf(world, caseId))!;
  expect((await approve(world, 'coordinator', listId, 'keeper')).statusCode).toBe(200);
  const last = await approve(world, 'policeDpo', listId, 'dpo');
  expect(last.statusCode, last.body).toBe(200);
  expect((await tombstoneOf(world, caseId))?.key_destroyed_at).not.toBeNull();
  return listId;
}

/** A restore target, its owner handle, dropped after `work`. */
async function withTarget(work: (restored: Db, url: string) => Promise<void>): Promise<void> {
  const target = await createEmptyDatabase();
  const restored = createDb(target.adminUrl, { max: 2 });
  try {
    await work(restored, target.adminUrl);
  } finally {
    await restored.destroy();
    await target.drop();
  }
}

const count = async (
  db: Db,
  table: 'cases' | 'persons' | 'items' | 'organisations' | 'audit_events' | 'data_keys',
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a backup restored after a purge', () => {
  it('RET-07 the restore destroys again the case purged after the backup, before the commit: its rows and its national number are gone, its tombstone stands, a kept case reads', async () => {
    const purged = await closedCase(world, '2026-02-01T10:00:00Z', { months: 1, items: 2 });
    const kept = await newCase(world, { items: 1 });
    const file = await backupNow('before-purge.backup');

    world.clock.set('2026-03-02T08:00:00Z');
    await purgeNow(purged.id);

    await withTarget(async (restored, url) => {
      const { summary, completed } = await restoreReapplying(world, url, file);
      expect(summary.reapplied).toMatchObject({ purged: [purged.id], heldBack: [] });
      expect(summary.reapplied.keysHeld).toBe(summary.reapplied.casesChecked - 1);

      // The rows of the purged case are gone again: the case, its persons and items, its data keys.
      for (const table of ['cases', 'persons', 'items'] as const) {
        const column = table === 'cases' ? 'id' : 'case_id';
        const left = await restored.selectFrom(table).select(column).where(column, '=', purged.id).execute();
        expect(left, table).toEqual([]);
      }
      expect(
        await restored
          .selectFrom('data_keys')
          .select('scope')
          .where('scope', '=', `case:${purged.id}`)
          .execute(),
      ).toEqual([]);
      // SEC-07: a search by national number through the blind index finds the kept case's person only.
      const nrnIndex = await createBlindIndex({ keys: world.keys }).nrn(NRN);
      const hits = await restored
        .selectFrom('persons')
        .select('case_id')
        .where('nrn_index', '=', nrnIndex)
        .execute();
      expect(hits.map((hit) => hit.case_id)).toEqual([kept.id]);

      // Its tombstone stands (ids, dates, counts), on a list of the restore, its key destruction recorded.
      const tombstone = await restored
        .selectFrom('case_tombstones')
        .selectAll()
        .where('case_id', '=', purged.id)
        .executeTakeFirstOrThrow();
      expect(tombstone).toMatchObject({ reason: 'restore', final_state: 'closed' });
      expect(tombstone.key_destroyed_at).not.toBeNull();
      expect(completed.keysDestroyed).toEqual([purged.id]);
      expect(completed.proofsIssued).toEqual([tombstone.list_id]);
      // The audit log says who erased it: the restore, without content.
      const erase = await restored
        .selectFrom('audit_events')
        .select('payload')
        .where('case_id', '=', purged.id)
        .where('action', '=', 'erase')
        .execute();
      expect(erase).toHaveLength(1);
      expect(JSON.parse(erase[0]!.payload)).toMatchObject({
        actor: { system: 'restore' },
        reason: 'delete_case',
      });
      expect(erase[0]!.payload).not.toContain('Vaststelling');

      // The kept case reads as before, with the same key provider.
      const [keptItem] = await restored
        .selectFrom('items')
        .select(['id', 'version', 'payload'])
        .where('case_id', '=', kept.id)
        .execute();
      const [record, version] = FIELDS.item(keptItem!.id, keptItem!.version);
      const plain = await restored
        .transaction()
        .execute((tx) =>
          createEnvelope({ keys: world.keys }).decrypt(
            tx,
            { scope: `case:${kept.id}`, record, version },
            keptItem!.payload!,
          ),
        );
      expect(plain.toString('utf8')).toContain('Vaststelling 1.');
    });
  });

  it('RET-07 a restore with a key provider that holds none of the cases keys is refused whole, and the target stays empty', async () => {
    const file = await backupNow('wrong-provider.backup');
    const stranger: KeyProvider = { ...world.keys, kind: world.keys.kind, hasScope: async () => false };
    await withTarget(async (restored, url) => {
      await expect(restoreReapplying(world, url, file, stranger)).rejects.toThrow(RestoreDestructionsRefused);
      await expect(restoreReapplying(world, url, file, stranger)).rejects.toThrow(/holds the key of none/);
      for (const table of ['organisations', 'cases', 'persons', 'audit_events', 'data_keys'] as const) {
        expect(await count(restored, table), table).toBe(0);
      }
    });
  });

  it('RET-07 a backup taken before the closure of a case destroyed since is older than the rotation allows: refused whole', async () => {
    world.clock.set('2026-04-01T10:00:00Z');
    const open = await policeDraft(world, '2026-04-01T10:00:00Z', { items: 1, to: 'accepted' });
    await agreeRetention(world, open.id, 1);
    const file = await backupNow('before-closure.backup');
    const coordinator = await sessionOf(world, 'coordinator');
    const closure = await world.request(coordinator, 'POST', `/api/cases/${open.id}/closure`, {
      reason: 'De opvolging is afgerond.',
    });
    expect(closure.statusCode, closure.body).toBe(200);
    world.clock.set('2026-05-02T08:00:00Z');
    await purgeNow(open.id);

    await withTarget(async (restored, url) => {
      await expect(restoreReapplying(world, url, file)).rejects.toThrow(
        /older than the backup rotation allows/,
      );
      expect(await count(restored, 'cases')).toBe(0);
    });
  });

  it('RET-07 a purge the backup caught half-way, its tombstone written and its rows still there, is completed by the restore', async () => {
    world.clock.set('2026-06-01T10:00:00Z');
    const halfway = await closedCase(world, '2026-06-01T10:00:00Z', { months: 1, items: 1 });
    world.clock.set('2026-07-02T08:00:00Z');
    await runRetention(world);
    const before = await backupNow('rows.backup');
    const listId = (await listOf(world, halfway.id))!;
    expect((await approve(world, 'coordinator', listId, 'keeper')).statusCode).toBe(200);
    expect((await approve(world, 'policeDpo', listId, 'dpo')).statusCode).toBe(200);
    const after = await backupNow('tombstone.backup');
    // A copy that is not one instant: the rows of `before`, with the tombstones of `after`.
    const crafted = path.join(dir, 'halfway.backup');
    writeFileSync(crafted, gzipSync(spliceTable(before, after, 'case_tombstones')));

    await withTarget(async (restored, url) => {
      const { summary } = await restoreReapplying(world, url, crafted);
      expect(summary.reapplied.purged).toContain(halfway.id);
      expect(await restored.selectFrom('cases').select('id').where('id', '=', halfway.id).execute()).toEqual(
        [],
      );
      // The tombstone of the original purge is kept as it was, on its own list.
      const tombstone = await restored
        .selectFrom('case_tombstones')
        .selectAll()
        .where('case_id', '=', halfway.id)
        .executeTakeFirstOrThrow();
      expect(tombstone).toMatchObject({ list_id: listId, reason: 'retention_ended' });
      // The entry the backup had pending on the unapproved list gave way to the restore's list.
      const entries = await restored
        .selectFrom('destruction_list_entries')
        .select(['list_id', 'status', 'withdrawn_because', 'reason'])
        .where('case_id', '=', halfway.id)
        .orderBy('listed_at')
        .execute();
      expect(entries).toEqual([
        { list_id: listId, status: 'withdrawn', withdrawn_because: 'restore', reason: 'retention_ended' },
        expect.objectContaining({ status: 'purged', withdrawn_because: null, reason: 'restore' }),
      ]);
    });
  });
});

/** The lines of backup `base` with the rows of `table` taken from backup `from`, the trailer's counts adjusted. */
function spliceTable(base: string, from: string, table: string): string {
  const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
  const section = (lines: string[]) => {
    const start = lines.findIndex((line) => line.startsWith(`{"table":"${table}",`));
    const rows = JSON.parse(lines[start]!).rows as number;
    return { start, rows, lines: lines.slice(start, start + 1 + rows) };
  };
  const baseLines = linesOf(base);
  const mine = section(baseLines);
  const theirs = section(linesOf(from));
  const spliced = [
    ...baseLines.slice(0, mine.start),
    ...theirs.lines,
    ...baseLines.slice(mine.start + 1 + mine.rows),
  ];
  const trailer = JSON.parse(spliced.at(-1)!);
  trailer.rows += theirs.rows - mine.rows;
  spliced[spliced.length - 1] = JSON.stringify(trailer);
  return `${spliced.join('\n')}\n`;
}
