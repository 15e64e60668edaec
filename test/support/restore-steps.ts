/**
 * A restore as `concerto restore` runs it (src/cli/commands/backup.ts; SPEC RET-07): the backup is
 * loaded and, in the same transaction, the destructions made since are re-applied with the key
 * provider given; after the commit, the keys still held of purged cases are destroyed and the proofs
 * issued, as the runtime role.
 */
import { createDb } from '../../src/server/db/database.js';
import { restoreBackup } from '../../src/server/db/restore.js';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { createRestoreDestructionsRepository } from '../../src/server/modules/retention/restore-destructions.repository.js';
import {
  completeReappliedDestructions,
  reapplyDestructions,
} from '../../src/server/modules/retention/restore-destructions.service.js';
import type { AccessWorld } from './access-world.js';
import { retentionDeps } from './retention-steps.js';
import { RUNTIME_ROLE } from './test-database.js';

export async function restoreReapplying(
  world: AccessWorld,
  targetUrl: string,
  file: string,
  keys: KeyProvider = world.keys,
) {
  const restored = createRestoreDestructionsRepository();
  const summary = await restoreBackup(targetUrl, file, {
    beforeCommit: (tx) => reapplyDestructions({ ...retentionDeps(world, keys), restored }, tx),
  });
  const db = createDb(targetUrl, { max: 2, assumeRole: RUNTIME_ROLE });
  try {
    const completed = await completeReappliedDestructions(
      { ...retentionDeps(world, keys), db },
      summary.reapplied,
    );
    return { summary, completed };
  } finally {
    await db.destroy();
  }
}
