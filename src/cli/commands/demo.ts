/**
 * `concerto demo [--json]`: demo identities to try every screen (issue 3 scope 11), and the
 * first-run offer of `concerto serve` on an empty embedded database. Refused (exit 5) on a
 * database that was not created as a demo.
 */
import type { Config } from '../../server/config.js';
import { createDb } from '../../server/db/database.js';
import { type DatabaseRuntime, openDatabase } from '../../server/db/engine.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { DomainError } from '../../server/kernel/errors.js';
import { totpCode } from '../../server/modules/auth/credentials/totp.js';
import { createDemo } from '../../server/modules/demo/create-demo.js';
import type { DemoIdentities } from '../../server/modules/demo/demo.service.js';
import { EXIT } from '../exit-codes.js';

const SEE_LOGINS = 'npm run concerto -- demo --json';

function printTable(identities: DemoIdentities): void {
  const now = new Date();
  console.log(`Demo identities (demo database created ${identities.createdAt}):\n`);
  console.log(`${'role'.padEnd(16)}${'e-mail'.padEnd(44)}${'password'.padEnd(26)}code now`);
  for (const user of identities.users) {
    const code = totpCode({ secret: user.totpSecret, now });
    console.log(`${user.role.padEnd(16)}${user.email.padEnd(44)}${user.password.padEnd(26)}${code}`);
  }
  console.log(
    '\nA code works once, for about 30 seconds. `concerto demo --json` prints each user’s TOTP secret ' +
      '(for an authenticator app) and unused recovery codes.',
  );
}

export async function runDemo(config: Config, options: { json: boolean }): Promise<number> {
  const keys = await createKeyProvider(config);
  const database = await openDatabase(config, { migrate: true, attach: true });
  // The demo logins are readable by the owner role only (migration 0011).
  const ownerDb = createDb(database.adminUrl, { max: 1 });
  try {
    const identities = await createDemo(database.appDb, keys, { ownerDb }).ensureDemo();
    if (options.json) console.log(JSON.stringify(identities, null, 2));
    else printTable(identities);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') {
      console.error(error.message);
      return EXIT.refused;
    }
    throw error;
  } finally {
    await ownerDb.destroy();
    await database.close();
  }
}

/**
 * `concerto serve` on the embedded database: an empty database becomes a demo, so that a
 * newcomer can log in at once, unless CONCERTO_DEMO=off (a real installation). A PostgreSQL
 * server (DATABASE_URL) is never seeded.
 */
export async function offerDemo(
  config: Config,
  database: DatabaseRuntime,
  log: (line: string) => void,
): Promise<void> {
  if (database.engine !== 'embedded' || !config.seedDemo) return;
  try {
    const demo = createDemo(database.appDb, await createKeyProvider(config));
    const before = await demo.state();
    if (before === 'demo') log(`This is a demo database. The demo logins: ${SEE_LOGINS}`);
    else if (before === 'empty' && (await demo.seedIfEmpty()) === 'demo') {
      log(`This new database now holds demo identities, one user per role. Their logins: ${SEE_LOGINS}`);
    }
  } catch (error) {
    // The demo is an offer: Concerto serves without it.
    log(`The demo identities could not be created: ${(error as Error).message}`);
  }
}
