/**
 * Backups cannot bring the dead back (issue 6 scope 2; SPEC RET-07; ADR 0006): a backup is taken
 * while a closed case still exists; the case's retention passes, its destruction list is approved
 * by four eyes and it is purged, its key destroyed in the key provider; the backup is restored into
 * a new database. The restored rows of the purged case are there, as they were in the backup, but
 * nothing decrypts them any more, while a case that was not destroyed reads as before.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../src/server/db/backup.js';
import { createDb } from '../../src/server/db/database.js';
import { restoreBackup } from '../../src/server/db/restore.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { FIELDS } from '../../src/server/modules/cases/case-fields.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase } from '../support/case-steps.js';
import { approve, closedCase, listOf, runRetention, tombstoneOf } from '../support/retention-steps.js';
import { createEmptyDatabase } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('a backup restored after a purge', () => {
  it('RET-07 a case purged after the backup comes back as rows that no key decrypts; a kept case still reads', async () => {
    const purged = await closedCase(world, '2026-02-01T10:00:00Z', { months: 1, items: 2 });
    const kept = await newCase(world, { items: 1 });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'concerto-ret07-')), 'before-purge.backup');
    await writeBackup(world.db.adminUrl, file, { concertoVersion: 'test', now: world.clock.now() });

    world.clock.set('2026-03-02T08:00:00Z');
    await runRetention(world);
    const listId = (await listOf(world, purged.id))!;
    expect((await approve(world, 'coordinator', listId, 'keeper')).statusCode).toBe(200);
    const last = await approve(world, 'policeDpo', listId, 'dpo');
    expect(last.statusCode, last.body).toBe(200);
    expect((await tombstoneOf(world, purged.id))?.key_destroyed_at).not.toBeNull();

    const target = await createEmptyDatabase();
    const restored = createDb(target.adminUrl, { max: 2 });
    try {
      await restoreBackup(target.adminUrl, file);
      const envelope = createEnvelope({ keys: world.keys });
      const itemsOf = (caseId: string) =>
        restored.selectFrom('items').select(['id', 'version', 'payload']).where('case_id', '=', caseId).execute();
      const decrypt = (caseId: string, item: { id: string; version: number; payload: Buffer | null }) => {
        const [record, version] = FIELDS.item(item.id, item.version);
        return restored
          .transaction()
          .execute((tx) => envelope.decrypt(tx, { scope: `case:${caseId}`, record, version }, item.payload!));
      };

      const comeBack = await itemsOf(purged.id);
      expect(comeBack).toHaveLength(2);
      for (const item of comeBack) await expect(decrypt(purged.id, item)).rejects.toThrow();
      expect(await world.keys.hasScope(`case:${purged.id}`)).toBe(false);

      const [keptItem] = await itemsOf(kept.id);
      expect((await decrypt(kept.id, keptItem!)).toString('utf8')).toContain('Vaststelling 1.');
    } finally {
      await restored.destroy();
      await target.drop();
    }
  });
});
