/** `concerto audit verify | proof <position> | checkpoint | public-key | history <record-id> | attribution` (ARCHITECTURE §3.4). */
import type { Config } from '../../server/config.js';
import { openDatabase } from '../../server/db/engine.js';
import {
  auditAttribution,
  auditCheckpoint,
  auditHistory,
  auditProof,
  auditPublicKey,
  auditVerify,
} from '../../server/kernel/audit/index.js';
import { createKeyProvider } from '../../server/kernel/crypto/create-key-provider.js';
import { SYSTEM_ACTORS } from '../../server/modules/jobs/system-actors.js';
import { EXIT } from '../exit-codes.js';

const USAGE =
  'Usage: concerto audit verify | proof <position> | checkpoint | public-key | history <record-id> | attribution';

export async function runAudit(config: Config, args: string[], help: string): Promise<number> {
  const [sub, argument, ...extra] = args;
  const validProof =
    sub === 'proof' && argument !== undefined && /^\d+$/.test(argument) && extra.length === 0;
  const validHistory = sub === 'history' && argument !== undefined && extra.length === 0;
  const validOther =
    (sub === 'verify' || sub === 'checkpoint' || sub === 'public-key' || sub === 'attribution') &&
    argument === undefined;
  if (!validProof && !validHistory && !validOther) {
    console.error(`${USAGE}\n\n${help}`);
    return EXIT.usage;
  }
  const keys = await createKeyProvider(config);
  const database = await openDatabase(config, { migrate: false, attach: true });
  const context = {
    db: database.appDb,
    keys,
    origin: config.audit.origin,
    out: (line: string) => console.log(line),
  };
  try {
    if (sub === 'verify') return await auditVerify(context);
    if (sub === 'checkpoint') return await auditCheckpoint(context);
    if (sub === 'public-key') return await auditPublicKey(context);
    if (sub === 'history') return await auditHistory({ ...context, recordId: argument! });
    if (sub === 'attribution') return await auditAttribution({ ...context, systemActors: SYSTEM_ACTORS });
    return await auditProof({ ...context, position: Number(argument) });
  } finally {
    await database.close();
  }
}
