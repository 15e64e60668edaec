import type { Config } from '../../server/config.js';
import { openDatabase } from '../../server/db/engine.js';
import { EXIT } from '../exit-codes.js';

export async function runMigrate(config: Config): Promise<number> {
  const database = await openDatabase(config, { migrate: true });
  try {
    console.log(database.applied.length ? `Applied: ${database.applied.join(', ')}` : 'The database is up to date.');
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
