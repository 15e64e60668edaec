/**
 * Wires the demo service to the services it creates through, for `concerto demo` and `serve`:
 * built as app.ts builds them, on the same database role, keys and clock.
 */
import { ITEM_REVIEW_DEFAULTS, PROCESSOR_DEFAULTS } from '../../config.js';
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
import { createComplianceRepository } from '../compliance/compliance.repository.js';
import { createSecurityEvidenceService } from '../compliance/security-evidence.service.js';
import { createConsultationsRepository } from '../consultations/consultations.repository.js';
import { createConsultationService } from '../consultations/consultations.service.js';
import { createCrossBorderRepository } from '../cross-border/cross-border.repository.js';
import { createCrossBorderService } from '../cross-border/cross-border.service.js';
import { createDeclarationReview } from '../declarations/declaration-review.js';
import { createDeclarationsRepository } from '../declarations/declarations.repository.js';
import { createDeclarationService } from '../declarations/declarations.service.js';
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
import { createProcessorsRepository } from '../processors/processors.repository.js';
import { createProcessorService } from '../processors/processors.service.js';
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
  const declarationDeps = {
    declarations: createDeclarationsRepository(),
    notifications: caseDeps.notifications,
    audit,
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
      declarationReview: createDeclarationReview(declarationDeps),
    }),
    declarations: createDeclarationService({ ...caseDeps, ...declarationDeps }),
    cases: createCaseService({ ...caseDeps, blindIndex: createBlindIndex({ keys }), itemReview: ITEM_REVIEW_DEFAULTS }),
    consultations: createConsultationService({ ...caseDeps, consultations: createConsultationsRepository() }),
    transfers: createTransferService({ ...caseDeps, transfers: createTransfersRepository() }),
    paperParts: createPaperPartService({ ...caseDeps, paperParts: createPaperPartsRepository() }),
    processors: createProcessorService({ ...caseDeps, processors: createProcessorsRepository(), settings: PROCESSOR_DEFAULTS }),
    crossBorder: createCrossBorderService({ ...caseDeps, crossBorder: createCrossBorderRepository() }),
    securityEvidence: createSecurityEvidenceService({ ...caseDeps, compliance: createComplianceRepository() }),
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
