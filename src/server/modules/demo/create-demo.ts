/**
 * Wires the demo service to the services it creates through, for `concerto demo` and `serve`:
 * built as app.ts builds them, on the same database role, keys and clock.
 */
import { ITEM_REVIEW_DEFAULTS } from '../../config.js';
import type { Db } from '../../db/database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { type Clock, systemClock } from '../../kernel/clock.js';
import { createBlindIndex } from '../../kernel/crypto/blind-index.js';
import { createEnvelope } from '../../kernel/crypto/envelope.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import { createLegalRules } from '../../kernel/legal-rules/index.js';
import { createAccessRepository } from '../access/access.repository.js';
import { createAccess } from '../access/access.service.js';
import { createTotpSecretBox } from '../auth/credentials/totp-secret-box.js';
import { createCasesRepository } from '../cases/cases.repository.js';
import { createCaseService } from '../cases/cases.service.js';
import { createRecordsRepository } from '../cases/records.repository.js';
import { createConsultationsRepository } from '../consultations/consultations.repository.js';
import { createConsultationService } from '../consultations/consultations.service.js';
import { createDesignationsRepository } from '../designations/designations.repository.js';
import { createDesignationService } from '../designations/designations.service.js';
import { createFrameworksRepository } from '../frameworks/frameworks.repository.js';
import { createFrameworkService } from '../frameworks/frameworks.service.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService } from '../identity/identity.service.js';
import { createNotificationsRepository } from '../notifications/notifications.repository.js';
import { createRepresentationRepository } from '../representation/representation.repository.js';
import { createTransfersRepository } from '../transfers/transfers.repository.js';
import { createPaperPartsRepository } from '../paper-parts/paper-parts.repository.js';
import { createPaperPartService } from '../paper-parts/paper-parts.service.js';
import { createTransferService } from '../transfers/transfers.service.js';
import { createUndertakingsRepository } from '../undertakings/undertakings.repository.js';
import { createUndertakingService } from '../undertakings/undertakings.service.js';
import { createDemoRepository } from './demo.repository.js';
import { createDemoService, type DemoService } from './demo.service.js';
import { createDemoContent } from './seed-content.js';

export function createDemo(
  db: Db,
  keys: KeyProvider,
  options: { ownerDb?: Db; clock?: Clock } = {},
): DemoService {
  const clock = options.clock ?? systemClock;
  const audit = createAuditLog({ clock });
  const rules = createLegalRules({ clock });
  const identity = createIdentityService({ db, identity: createIdentityRepository(), audit, clock });
  const undertakings = createUndertakingService({
    db,
    undertakings: createUndertakingsRepository(),
    audit,
    clock,
  });
  const access = createAccess({
    access: createAccessRepository(),
    representations: createRepresentationRepository(),
    undertakings: createUndertakingsRepository(),
    clock,
  });
  const caseDeps = {
    db,
    cases: createCasesRepository(),
    records: createRecordsRepository(),
    notifications: createNotificationsRepository(),
    access,
    audit,
    envelope: createEnvelope({ keys }),
    clock,
    rules,
  };
  const content = createDemoContent({
    identity,
    undertakings,
    designations: createDesignationService({ ...caseDeps, designations: createDesignationsRepository() }),
    frameworks: createFrameworkService({
      db,
      frameworks: createFrameworksRepository(),
      access,
      audit,
      clock,
      rules,
    }),
    cases: createCaseService({ ...caseDeps, blindIndex: createBlindIndex({ keys }), itemReview: ITEM_REVIEW_DEFAULTS }),
    consultations: createConsultationService({ ...caseDeps, consultations: createConsultationsRepository() }),
    transfers: createTransferService({ ...caseDeps, transfers: createTransfersRepository() }),
    paperParts: createPaperPartService({ ...caseDeps, paperParts: createPaperPartsRepository() }),
    clock,
  });
  return createDemoService({
    db,
    ...(options.ownerDb ? { ownerDb: options.ownerDb } : {}),
    demo: createDemoRepository(),
    totpSecrets: createTotpSecretBox(createEnvelope({ keys })),
    identity,
    undertakings,
    content,
    audit,
    clock,
  });
}
