/**
 * `concerto backup` and `concerto restore` on real databases (issue 6 scope 2; SPEC RET-07):
 * a backup taken while the app works restores, all or nothing, into an empty database of the
 * same version, with every row, the audit log still verifiable and the case content readable
 * with the same keys; a damaged file or a database in use is refused and changes nothing.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../src/server/db/backup.js';
import { BackupFileError } from '../src/server/db/backup-format.js';
import { createDb } from '../src/server/db/database.js';
import { RestoreRefusedError } from '../src/server/db/restore.js';
import { verifyAuditLog } from '../src/server/kernel/audit/index.js';
import { type AccessWorld, createAccessWorld } from './support/access-world.js';
import { newCase } from './support/case-steps.js';
import { restoreReapplying } from './support/restore-steps.js';
import { createEmptyDatabase } from './support/test-database.js';

let world: AccessWorld;
const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-backup-'));
const meta = { concertoVersion: '0.1.0-test', now: new Date('2026-12-05T10:00:00Z') };

beforeAll(async () => {
  world = await createAccessWorld();
  await newCase(world, { items: 3, to: 'accepted', admit: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const n = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(name)}`);
      counts[name] = Number(n.rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('RET-07 restores every row of a backup into an empty database, with a verifiable audit log and the rules back in force', async () => {
    const file = path.join(dir, 'full.backup');
    const summary = await writeBackup(world.db.adminUrl, file, meta);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = await rowCounts(world.db.adminUrl);
    expect(summary.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(before.items).toBe(3);
    // Case content is in the file only as ciphertext.
    expect(gunzipSync(readFileSync(file)).toString('utf8')).not.toContain('Vaststelling 1.');

    const target = await createEmptyDatabase();
    try {
      const { summary: restored } = await restoreReapplying(world, target.adminUrl, file);
      expect(restored.rows).toBe(summary.rows);
      // Every case's key is in the provider: nothing was destroyed since the backup.
      expect(restored.reapplied).toMatchObject({ purged: [], heldBack: [] });
      expect(restored.reapplied.keysHeld).toBe(restored.reapplied.casesChecked);
      expect(await rowCounts(target.adminUrl)).toEqual(before);
      const restoredDb = createDb(target.adminUrl, { assumeRole: 'concerto_app' });
      try {
        const verification = await verifyAuditLog(
          restoredDb,
          await world.keys.checkpointPublicKey(),
          'concerto.local/audit',
        );
        expect(verification).toMatchObject({ ok: true });
        // Row-level security is forced again: the runtime role without settings sees no case.
        expect(await restoredDb.selectFrom('cases').select('id').execute()).toEqual([]);
      } finally {
        await restoredDb.destroy();
      }
      const client = new pg.Client({ connectionString: target.adminUrl });
      await client.connect();
      try {
        const relaxed = await client.query(
          `SELECT relname FROM pg_class WHERE relname IN ('cases', 'items', 'persons') AND NOT relforcerowsecurity`,
        );
        expect(relaxed.rows).toEqual([]);
        const disabled = await client.query(
          `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`,
        );
        expect(disabled.rows).toEqual([]);
      } finally {
        await client.end();
      }
      // A second restore into the same, now used, database is refused.
      await expect(restoreReapplying(world, target.adminUrl, file)).rejects.toBeInstanceOf(
        RestoreRefusedError,
      );
    } finally {
      await target.drop();
    }
  });

  it('RET-07 refuses a truncated backup and leaves the target empty; never writes over an existing file', async () => {
    const file = path.join(dir, 'whole.backup');
    await writeBackup(world.db.adminUrl, file, meta);
    await expect(writeBackup(world.db.adminUrl, file, meta)).rejects.toThrow(/never overwrites/);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = path.join(dir, 'truncated.backup');
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -5).join('\n')}\n`));

    const target = await createEmptyDatabase();
    try {
      await expect(restoreReapplying(world, target.adminUrl, truncated)).rejects.toBeInstanceOf(
        BackupFileError,
      );
      const counts = await rowCounts(target.adminUrl);
      expect(counts.organisations).toBe(0);
      expect(counts.audit_events).toBe(0);
    } finally {
      await target.drop();
    }
  });
});
