/**
 * Child process of the durability test: opens Concerto's database the way `serve` does
 * (embedded, migrated, runtime role) and appends audit events one transaction at a time,
 * printing "ack <position>" only after each commit returned — an acknowledged append.
 */
import { loadConfig } from '../../src/server/config.js';
import { inTransaction } from '../../src/server/db/database.js';
import { openDatabase } from '../../src/server/db/engine.js';
import { systemClock } from '../../src/server/kernel/clock.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';

const database = await openDatabase(loadConfig(), { migrate: true });
const audit = createAuditLog({ clock: systemClock });
for (;;) {
  const position = await inTransaction(database.appDb, (tx) =>
    audit.record(tx, { actor: { system: 'durability-test' }, action: 'system.durability_probe', outcome: 'success' }),
  );
  process.stdout.write(`ack ${position}\n`);
}
