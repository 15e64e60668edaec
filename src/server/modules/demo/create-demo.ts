/** Wires the demo service to the services it creates through, for `concerto demo` and `serve`. */
import type { Db } from '../../db/database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { type Clock, systemClock } from '../../kernel/clock.js';
import { createEnvelope } from '../../kernel/crypto/envelope.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { createTotpSecretBox } from '../auth/credentials/totp-secret-box.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService } from '../identity/identity.service.js';
import { createUndertakingsRepository } from '../undertakings/undertakings.repository.js';
import { createUndertakingService } from '../undertakings/undertakings.service.js';
import { createDemoRepository } from './demo.repository.js';
import { createDemoService, type DemoService } from './demo.service.js';

export function createDemo(
  db: Db,
  keys: KeyProvider,
  options: { ownerDb?: Db; clock?: Clock } = {},
): DemoService {
  const clock = options.clock ?? systemClock;
  const audit = createAuditLog({ clock });
  return createDemoService({
    db,
    ...(options.ownerDb ? { ownerDb: options.ownerDb } : {}),
    demo: createDemoRepository(),
    totpSecrets: createTotpSecretBox(createEnvelope({ keys })),
    identity: createIdentityService({ db, identity: createIdentityRepository(), audit, clock }),
    undertakings: createUndertakingService({
      db,
      undertakings: createUndertakingsRepository(),
      audit,
      clock,
    }),
    audit,
    clock,
  });
}
