/** `concerto audit verify | proof <position> | checkpoint` (ARCHITECTURE §3.4). */
import type { Config } from '../../server/config.js';
import { openDatabase } from '../../server/db/engine.js';
import { auditCheckpoint, auditProof, auditPublicKey, auditVerify } from '../../server/kernel/audit/index.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { EXIT } from '../exit-codes.js';

export async function runAudit(config: Config, args: string[], help: string): Promise<number> {
  const [sub, position, ...extra] = args;
  const validProof = sub === 'proof' && position !== undefined && /^\d+$/.test(position) && extra.length === 0;
  const validOther = (sub === 'verify' || sub === 'checkpoint' || sub === 'public-key') && position === undefined;
  if (!validProof && !validOther) {
    console.error(`Usage: concerto audit verify | proof <position> | checkpoint | public-key\n\n${help}`);
    return EXIT.usage;
  }
  const keys = await createKeyProvider(config);
  const database = await openDatabase(config, { migrate: false, attach: true });
  const context = { db: database.appDb, keys, origin: config.audit.origin, out: (line: string) => console.log(line) };
  try {
    if (sub === 'verify') return await auditVerify(context);
    if (sub === 'checkpoint') return await auditCheckpoint(context);
    if (sub === 'public-key') return await auditPublicKey(context);
    return await auditProof({ ...context, position: Number(position) });
  } finally {
    await database.close();
  }
}
