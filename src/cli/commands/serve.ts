import type { Config } from '../../server/config.js';
import { closeOnSignals, startConcerto } from '../../server/server.js';
import { EXIT } from '../exit-codes.js';
import { offerDemo } from './demo.js';

export async function runServe(config: Config): Promise<number> {
  const concerto = await startConcerto(config);
  // Before the ready line: a SIGTERM sent as soon as it appears must close cleanly, not kill.
  closeOnSignals(concerto, config.shutdownTimeoutMs, (line) => console.log(line));
  if (concerto.database.applied.length > 0) console.log(`Applied migrations: ${concerto.database.applied.join(', ')}`);
  await offerDemo(config, concerto.database, (line) => console.log(line));
  // The e2e harness and operators wait for this exact line: keep it last.
  console.log(`Concerto is ready at ${concerto.url}`);
  await new Promise(() => undefined); // run until a signal closes the process
  return EXIT.ok;
}
