/**
 * Builds the Fastify application without listening (ARCHITECTURE §5): tests call
 * `app.inject()`, `server.ts` listens. Dependencies are passed in explicitly.
 */
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { ProblemSchema } from '../contracts/problem.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { enterAuditChannelPerRequest } from './http/audit-channel.js';
import { dropRequestsOfGoneClients } from './http/client-gone.js';
import { errorHandler, sendProblem } from './http/problem.js';
import { loggerOptions } from './http/logger.js';
import { generateRequestId } from './http/request-id.js';
import { recordRoutes } from './http/route-table.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/static-web.js';
import { createAuditLog } from './kernel/audit/index.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { createBlindIndex } from './kernel/crypto/blind-index.js';
import { DataKeyCache } from './kernel/crypto/data-key-cache.js';
import { createEnvelope } from './kernel/crypto/envelope.js';
import { createLegalRules } from './kernel/legal-rules/index.js';
import type { KeyProvider } from './kernel/crypto/key-provider.js';
import { createSmtpMailer } from './kernel/mail/mailer.js';
import { createAuthRepository } from './modules/auth/auth.repository.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createTotpSecretBox } from './modules/auth/credentials/totp-secret-box.js';
import { createLoginService } from './modules/auth/login.service.js';
import { createEnrolmentService } from './modules/auth/mfa/enrolment.service.js';
import { createMfaRepository } from './modules/auth/mfa/mfa.repository.js';
import { mfaRoutes } from './modules/auth/mfa/mfa.routes.js';
import { createStepUpService } from './modules/auth/mfa/step-up.service.js';
import { createSessionGuard, decorateSessionRequest } from './modules/auth/session-guard.js';
import { createSessionService } from './modules/auth/session.service.js';
import { createOidcLoginService } from './modules/auth/oidc/oidc-login.service.js';
import { createOidcRepository } from './modules/auth/oidc/oidc.repository.js';
import { oidcRoutes } from './modules/auth/oidc/oidc.routes.js';
import { createIdentityRepository } from './modules/identity/identity.repository.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { createIdentityService } from './modules/identity/identity.service.js';
import { createInvitationRepository } from './modules/invitations/invitations.repository.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { createInvitationService } from './modules/invitations/invitations.service.js';
import { createBriefingService } from './modules/representation/briefings.service.js';
import { representationRoutes } from './modules/representation/representation.routes.js';
import { createRepresentationService } from './modules/representation/representation.service.js';
import { undertakingRoutes } from './modules/undertakings/undertakings.routes.js';
import { createUndertakingService } from './modules/undertakings/undertakings.service.js';
import { createAccessRepository } from './modules/access/access.repository.js';
import { createAccess } from './modules/access/access.service.js';
import { createCasesRepository } from './modules/cases/cases.repository.js';
import { caseMinimisationRoutes } from './modules/cases/case-minimisation.routes.js';
import { caseRecordRoutes } from './modules/cases/case-records.routes.js';
import { caseRoutes } from './modules/cases/cases.routes.js';
import { itemReviewRoutes } from './modules/cases/item-reviews.routes.js';
import { createRecordsRepository } from './modules/cases/records.repository.js';
import { createConsultationsRepository } from './modules/consultations/consultations.repository.js';
import { consultationRoutes } from './modules/consultations/consultations.routes.js';
import { createConsultationService } from './modules/consultations/consultations.service.js';
import { createTransfersRepository } from './modules/transfers/transfers.repository.js';
import { transferRoutes } from './modules/transfers/transfers.routes.js';
import { createTransferService } from './modules/transfers/transfers.service.js';
import { createFrameworksRepository } from './modules/frameworks/frameworks.repository.js';
import { frameworkRoutes } from './modules/frameworks/frameworks.routes.js';
import { createFrameworkService } from './modules/frameworks/frameworks.service.js';
import { createNotificationsRepository } from './modules/notifications/notifications.repository.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationService } from './modules/notifications/notifications.service.js';
import { createDesignationsRepository } from './modules/designations/designations.repository.js';
import { designationRoutes } from './modules/designations/designations.routes.js';
import { createDesignationService } from './modules/designations/designations.service.js';
import { contestedRoutes } from './modules/contested/contested.routes.js';
import { createContestedService } from './modules/contested/contested.service.js';
import { createPaperPartsRepository } from './modules/paper-parts/paper-parts.repository.js';
import { createLegalHoldsRepository } from './modules/legal-holds/legal-holds.repository.js';
import { legalHoldRoutes } from './modules/legal-holds/legal-holds.routes.js';
import { createLegalHoldService } from './modules/legal-holds/legal-holds.service.js';
import { createControllerReportsRepository } from './modules/declarations/controller-reports.repository.js';
import { createControllerReportService } from './modules/declarations/controller-reports.service.js';
import { declarationIndicator } from './modules/declarations/declaration-indicator.js';
import { createDeclarationReview } from './modules/declarations/declaration-review.js';
import { declarationRoutes } from './modules/declarations/declarations.routes.js';
import { createDeclarationsRepository } from './modules/declarations/declarations.repository.js';
import { createDeclarationService } from './modules/declarations/declarations.service.js';
import { createPublicRegisterService } from './modules/declarations/public-register.service.js';
import { createPenalEvidenceRepository } from './modules/penal-evidence/penal-evidence.repository.js';
import { penalEvidenceRoutes } from './modules/penal-evidence/penal-evidence.routes.js';
import { createPenalEvidenceService } from './modules/penal-evidence/penal-evidence.service.js';
import { retentionIndicator } from './modules/retention/retention-indicator.js';
import { createRetentionRepository } from './modules/retention/retention.repository.js';
import { createDestructionOrdersRepository } from './modules/destruction-orders/destruction-orders.repository.js';
import { destructionOrderRoutes } from './modules/destruction-orders/destruction-orders.routes.js';
import { createDestructionOrderService } from './modules/destruction-orders/destruction-orders.service.js';
import { createEmergencyDestructionService } from './modules/destruction-orders/emergency-destruction.service.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { createRetentionService } from './modules/retention/retention.service.js';
import { interconnectionExchangeRoutes } from './modules/interconnections/interconnection-exchange.routes.js';
import { createInterconnectionExchangeService } from './modules/interconnections/interconnection-exchange.service.js';
import { interconnectionLinkRoutes } from './modules/interconnections/interconnection-links.routes.js';
import { createInterconnectionLinkService } from './modules/interconnections/interconnection-links.service.js';
import { createInterconnectionsRepository } from './modules/interconnections/interconnections.repository.js';
import { interconnectionRoutes } from './modules/interconnections/interconnections.routes.js';
import { createInterconnectionService } from './modules/interconnections/interconnections.service.js';
import { createReferenceIndex } from './modules/interconnections/reference-index.js';
import { crossBorderIndicator } from './modules/cross-border/cross-border-indicator.js';
import { createCrossBorderRepository } from './modules/cross-border/cross-border.repository.js';
import { crossBorderRoutes } from './modules/cross-border/cross-border.routes.js';
import { createCrossBorderService } from './modules/cross-border/cross-border.service.js';
import { processorIndicator } from './modules/processors/processor-indicator.js';
import { createProcessorsRepository } from './modules/processors/processors.repository.js';
import { processorRoutes } from './modules/processors/processors.routes.js';
import { createProcessorService } from './modules/processors/processors.service.js';
import { createBreakGlassRepository } from './modules/break-glass/break-glass.repository.js';
import { breakGlassRoutes } from './modules/break-glass/break-glass.routes.js';
import { createBreakGlassService } from './modules/break-glass/break-glass.service.js';
import { judicialRerouting } from './modules/rights/judicial-rerouting.js';
import { createRightsRepository } from './modules/rights/rights.repository.js';
import { rightsRoutes } from './modules/rights/rights.routes.js';
import { createRightsService } from './modules/rights/rights.service.js';
import { paperPartRoutes } from './modules/paper-parts/paper-parts.routes.js';
import { createPaperPartService } from './modules/paper-parts/paper-parts.service.js';
import { createProsecutorListRepository } from './modules/prosecutor-list/prosecutor-list.repository.js';
import { prosecutorListRoutes } from './modules/prosecutor-list/prosecutor-list.routes.js';
import { createProsecutorListService } from './modules/prosecutor-list/prosecutor-list.service.js';
import { createRestrictionsRepository } from './modules/restrictions/restrictions.repository.js';
import { restrictionRoutes } from './modules/restrictions/restrictions.routes.js';
import { createRestrictionService } from './modules/restrictions/restrictions.service.js';
import { createInformationObligationsRepository } from './modules/information-notices/information-obligations.repository.js';
import { informationObligationRoutes } from './modules/information-notices/information-obligations.routes.js';
import { createInformationService } from './modules/information-notices/information-obligations.service.js';
import { createCaseService } from './modules/cases/cases.service.js';
import { createRepresentationRepository } from './modules/representation/representation.repository.js';
import { createUndertakingsRepository } from './modules/undertakings/undertakings.repository.js';
import { createSystemRepository } from './modules/system/system.repository.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { createSystemService } from './modules/system/system.service.js';
import { complianceIndicators } from './modules/compliance/compliance-indicators.js';
import { createComplianceRepository } from './modules/compliance/compliance.repository.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';
import { createComplianceService } from './modules/compliance/compliance.service.js';
import { federalOnboardingGate } from './modules/compliance/federal-use-gate.js';
import { createStatisticsRepository } from './modules/statistics/statistics.repository.js';
import { statisticsRoutes } from './modules/statistics/statistics.routes.js';
import { createStatisticsService } from './modules/statistics/statistics.service.js';
import { createProhibitionsRepository } from './modules/prohibitions/prohibitions.repository.js';
import { prohibitionRoutes } from './modules/prohibitions/prohibitions.routes.js';
import { createProhibitionService } from './modules/prohibitions/prohibitions.service.js';
import { createInspectionRepository } from './modules/supervision/inspection.repository.js';
import { inspectionRoutes } from './modules/supervision/inspection.routes.js';
import { createInspectorAccessService } from './modules/supervision/inspector-access.service.js';
import { createRepeatInstructionService } from './modules/supervision/repeat-instructions.service.js';
import { supervisionIndicator } from './modules/supervision/supervision-indicator.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { createSupervisionRepository } from './modules/supervision/supervision.repository.js';
import { createSupervisoryCaseService } from './modules/supervision/supervisory-cases.service.js';
import { packageRoot, packageVersion } from './package-info.js';

export interface AppDeps {
  config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'rateLimitPerMinute' | 'trustProxy' | 'publicUrl' | 'session' | 'webauthn' | 'mail' | 'oidc' | 'itemReview' | 'legalRules' | 'audit' | 'processors'>;
  db: Db;
  keys: KeyProvider;
  engine: 'embedded' | 'server';
  /** Source of "now" for sessions and audit events; tests pass a ManualClock. */
  clock?: Clock;
  /** Directory of the built web app; defaults to dist/web. */
  webRoot?: string;
  /** Where logs go (tests capture them); defaults to stdout. */
  logStream?: { write(line: string): void };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    genReqId: generateRequestId,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    // Close idle keep-alive sockets at shutdown so draining does not wait on them.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // SPEC SEC-05: every audit event of a request carries its channel (web session, connected system); first of all hooks.
  enterAuditChannelPerRequest(app);
  recordRoutes(app);
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addSchema(ProblemSchema);

  await registerSecurityHeaders(app, { https: deps.config.publicUrl?.startsWith('https://') ?? false });
  await app.register(cookie);
  // The limit counts every request to a route before anything else is done for it: before the
  // session guards read the database, and while the client's address is still known (Node
  // forgets it once a client hangs up, which a route-level limiter would meet after the guard's
  // await). Paths without a route (the web app's pages get its HTML shell) touch no data and are
  // not counted. The login throttle per account (auth) is separate from this anti-flood limit.
  dropRequestsOfGoneClients(app);
  await app.register(rateLimit, { global: false, max: deps.config.rateLimitPerMinute, timeWindow: '1 minute' });
  const limit = app.rateLimit();
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) await limit.call(app, request, reply);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concerto API',
        version: packageVersion(),
        description:
          'Shared case file for multidisciplinary case consultations (art. 458ter Criminal Code). ' +
          'Every error is an RFC 9457 problem (application/problem+json).',
      },
    },
  });

  const system = createSystemService({
    system: createSystemRepository(deps.db),
    keys: deps.keys,
    engine: deps.engine,
    appVersion: packageVersion(),
  });
  await app.register(systemRoutes, { system });

  const clock = deps.clock ?? systemClock;
  const authDeps = {
    db: deps.db,
    auth: createAuthRepository(),
    audit: createAuditLog({ clock }),
    clock,
    limits: deps.config.session,
  };
  const sessions = createSessionService(authDeps);
  const guard = createSessionGuard(sessions);
  decorateSessionRequest(app);
  // Second factors (SPEC SEC-01): TOTP secrets encrypted under a platform key, passkeys, step-up.
  const mfaDeps = {
    ...authDeps,
    mfa: createMfaRepository(),
    totpSecrets: createTotpSecretBox(createEnvelope({ keys: deps.keys })),
    relyingParty: deps.config.webauthn,
    passkeyRoles: deps.config.webauthn.requiredRoles,
  };
  await app.register(authRoutes, {
    login: createLoginService(mfaDeps),
    sessions,
    guard,
    limits: deps.config.session,
  });
  await app.register(mfaRoutes, {
    enrolment: createEnrolmentService(mfaDeps),
    stepUp: createStepUpService(mfaDeps),
    guard,
    limits: deps.config.session,
  });
  // Single sign-on through an OpenID Connect provider (ADR 0011); 404 when not configured.
  await app.register(oidcRoutes, {
    sso: createOidcLoginService({ ...authDeps, oidc: createOidcRepository(), settings: deps.config.oidc }),
  });

  const access = createAccess({
    access: createAccessRepository(),
    representations: createRepresentationRepository(),
    undertakings: createUndertakingsRepository(),
    clock,
  });
  // The shared file (issue 4): frameworks, cases, persons, items, consultations, own-file transfers.
  const rules = createLegalRules({ clock, overrides: deps.config.legalRules });
  // The case content's data keys cached in this process: the retention purge evicts a purged case's (SPEC RET-07).
  const caseDataKeys = new DataKeyCache();
  const caseEnvelope = createEnvelope({ keys: deps.keys, cache: caseDataKeys });
  // The declarations of processing (issue 6 scope 4; SPEC DCL, SEC-10): a change of a framework
  // is compared at once with the declarations that cover it.
  const declarationDeps = {
    declarations: createDeclarationsRepository(),
    notifications: createNotificationsRepository(),
    audit: authDeps.audit,
    rules,
  };
  await app.register(frameworkRoutes, {
    frameworks: createFrameworkService({
      db: deps.db,
      frameworks: createFrameworksRepository(),
      access,
      audit: authDeps.audit,
      clock,
      rules,
      declarationReview: createDeclarationReview(declarationDeps),
    }),
    guard,
  });
  const caseDeps = {
    db: deps.db,
    cases: createCasesRepository(),
    records: createRecordsRepository(),
    notifications: createNotificationsRepository(),
    access,
    audit: authDeps.audit,
    envelope: caseEnvelope,
    clock,
    rules,
  };
  const rightsRepository = createRightsRepository();
  const cases = createCaseService({
    ...caseDeps,
    blindIndex: createBlindIndex({ keys: deps.keys }),
    itemReview: deps.config.itemReview,
    // SPEC RGT-JUD-02: open rights requests follow an item into or out of a judicial file.
    judicialStatusChanged: judicialRerouting({ ...caseDeps, rights: rightsRepository }),
  });
  await app.register(caseRoutes, { cases, guard });
  await app.register(caseRecordRoutes, { cases, guard });
  await app.register(itemReviewRoutes, { cases, guard });
  await app.register(caseMinimisationRoutes, { cases, guard });
  await app.register(notificationRoutes, {
    notifications: createNotificationService({ ...caseDeps, notifications: caseDeps.notifications }),
    guard,
  });
  await app.register(designationRoutes, {
    designations: createDesignationService({ ...caseDeps, designations: createDesignationsRepository() }),
    guard,
  });
  await app.register(transferRoutes, {
    transfers: createTransferService({ ...caseDeps, transfers: createTransfersRepository() }),
    guard,
  });
  await app.register(consultationRoutes, {
    consultations: createConsultationService({ ...caseDeps, consultations: createConsultationsRepository() }),
    guard,
  });
  // The paper parts of the shared file (SPEC SCO-09, FIL-10).
  await app.register(paperPartRoutes, {
    paperParts: createPaperPartService({ ...caseDeps, paperParts: createPaperPartsRepository() }),
    guard,
  });
  // Restrictions by the procureur du Roi and the prosecutor's list (bill arts 7-8).
  await app.register(restrictionRoutes, {
    restrictions: createRestrictionService({ ...caseDeps, restrictions: createRestrictionsRepository() }),
    guard,
  });
  await app.register(prosecutorListRoutes, {
    list: createProsecutorListService({
      ...caseDeps,
      list: createProsecutorListRepository(),
      blindIndex: createBlindIndex({ keys: deps.keys }),
    }),
    guard,
  });
  // The information obligations of the controllers (L2007 art. 9; SPEC RGT-INF).
  await app.register(informationObligationRoutes, {
    information: createInformationService({ ...caseDeps, obligations: createInformationObligationsRepository() }),
    guard,
  });
  // Court actions and the contested marking (L2007 arts 14-15; SPEC RGT-CRT-01, RGT-CON-01..04).
  await app.register(contestedRoutes, { contested: createContestedService(caseDeps), guard });
  // Legal holds under an order of the court president (L2007 art. 14 §7; SPEC RET-08, RGT-CRT-04).
  await app.register(legalHoldRoutes, {
    legalHolds: createLegalHoldService({ ...caseDeps, legalHolds: createLegalHoldsRepository() }),
    guard,
  });
  // The retention desk: schedule, destruction lists (four eyes), proofs, paper tasks, necessity
  // reviews, own-file copies past due (bill art. 2 §3 4°, art. 4 al. 5; SPEC RET; ADR 0016).
  await app.register(retentionRoutes, {
    retention: createRetentionService({
      ...caseDeps,
      retention: createRetentionRepository(),
      keys: deps.keys,
      dataKeys: caseDataKeys,
      auditOrigin: deps.config.audit.origin,
    }),
    guard,
  });
  // A court's erasure orders and the emergency destruction of the designated authorities (L1992 arts
  // 41 §1, 45; SPEC PEN-16, RET-09): four eyes, the retention purge, a signed destruction certificate.
  const destructionOrderDeps = {
    db: deps.db,
    orders: createDestructionOrdersRepository(),
    access,
    audit: authDeps.audit,
    clock,
    keys: deps.keys,
    dataKeys: caseDataKeys,
    auditOrigin: deps.config.audit.origin,
  };
  await app.register(destructionOrderRoutes, {
    courtOrders: createDestructionOrderService(destructionOrderDeps),
    emergency: createEmergencyDestructionService(destructionOrderDeps),
    guard,
  });
  // Interconnections of file environments (L1992 art. 21; bill Comm. art. 2; SPEC INT, PEN-12; ADR 0017).
  const interconnectionDeps = {
    ...caseDeps,
    interconnections: createInterconnectionsRepository(),
    referenceIndex: createReferenceIndex({ keys: deps.keys }),
  };
  await app.register(interconnectionRoutes, {
    interconnections: createInterconnectionService(interconnectionDeps),
    guard,
  });
  await app.register(interconnectionLinkRoutes, {
    links: createInterconnectionLinkService(interconnectionDeps),
    guard,
  });
  await app.register(interconnectionExchangeRoutes, {
    exchange: createInterconnectionExchangeService({
      ...interconnectionDeps,
      blindIndex: createBlindIndex({ keys: deps.keys }),
    }),
  });
  // Transfers abroad: the controllers' transfer registers and the deny-list (L2007 arts 21-22; SPEC TRF).
  await app.register(crossBorderRoutes, {
    crossBorder: createCrossBorderService({ ...caseDeps, crossBorder: createCrossBorderRepository() }),
    guard,
  });

  // The processor registry of each controller and the host's break-glass access (L2007 art. 16; SPEC PRC, SEC-12).
  await app.register(processorRoutes, {
    processors: createProcessorService({
      ...caseDeps,
      processors: createProcessorsRepository(),
      settings: deps.config.processors,
    }),
    guard,
  });
  await app.register(breakGlassRoutes, {
    breakGlass: createBreakGlassService({
      ...caseDeps,
      grants: createBreakGlassRepository(),
      settings: deps.config.processors,
    }),
    guard,
  });

  // The declarations of processing, the controller's reports and the public register (L2007/L1992
  // arts 16-19; SPEC DCL, SEC-10, SEC-13).
  await app.register(declarationRoutes, {
    declarations: createDeclarationService({ ...caseDeps, ...declarationDeps }),
    reports: createControllerReportService({
      ...caseDeps,
      declarations: declarationDeps.declarations,
      reports: createControllerReportsRepository(),
      interconnections: createInterconnectionsRepository(),
    }),
    register: createPublicRegisterService({ ...caseDeps, declarations: declarationDeps.declarations }),
    guard,
  });

  // The rights desks of the controllers and of the prosecutor's office (issue 5; SPEC §9).
  await app.register(rightsRoutes, {
    rights: createRightsService({
      ...caseDeps,
      rights: rightsRepository,
      blindIndex: createBlindIndex({ keys: deps.keys }),
      // SPEC RGT-CRT-01: the evidence packs are signed with the audit checkpoint key.
      packSigning: { signer: deps.keys, origin: deps.config.audit.origin },
    }),
    guard,
  });

  // The compliance evidence and dashboards, and the statistics (issue 6 scopes 8-9; SPEC SCO-08,
  // SCO-12, SEC-03, SEC-04, PUR-03). The dashboard shows the indicators registered here: the other
  // modules add theirs (compliance/indicator-source.ts); until then they are listed as pending.
  const complianceRepository = createComplianceRepository();
  const frameworksRepository = createFrameworksRepository();
  const supervisionRepository = createSupervisionRepository();
  await app.register(complianceRoutes, {
    compliance: createComplianceService({
      ...caseDeps,
      compliance: complianceRepository,
      indicators: [
        ...complianceIndicators({ compliance: complianceRepository, frameworks: frameworksRepository, rules }),
        declarationIndicator({ declarations: declarationDeps.declarations, rules }),
        // SPEC SUP-01: open supervisory actions and awaited positions until done.
        supervisionIndicator({ supervision: supervisionRepository }),
        // SPEC RET-01, RET-05, SCO-09: cases past their end of retention, lists, paper tasks, reviews.
        retentionIndicator({ access: createAccessRepository(), retention: createRetentionRepository(), rules }),
        // SPEC PRC-02: the worst status of the controller's processors.
        processorIndicator(),
        // SPEC TRF-01..03, PEN-03: destinations without a standing basis, recent refusals.
        crossBorderIndicator({ crossBorder: createCrossBorderRepository() }),
      ],
    }),
    guard,
  });
  // The controller's penal evidence, produced by its DPO at its desk (L1992 arts 38-39; SPEC PEN-01..10).
  await app.register(penalEvidenceRoutes, {
    evidence: createPenalEvidenceService({
      ...caseDeps,
      evidence: createPenalEvidenceRepository(),
      declarations: declarationDeps.declarations,
      reports: createControllerReportsRepository(),
      interconnections: createInterconnectionsRepository(),
    }),
    guard,
  });
  await app.register(statisticsRoutes, {
    statistics: createStatisticsService({
      ...caseDeps,
      statistics: createStatisticsRepository(),
      frameworks: frameworksRepository,
    }),
    guard,
  });

  // Operator console, invitations, undertakings and representatives (issue 3 scope 1, 2, 5, 6).
  const moduleDeps = { db: deps.db, audit: authDeps.audit, clock };
  const { smtpUrl, from } = deps.config.mail;
  await app.register(identityRoutes, {
    identity: createIdentityService({
      ...moduleDeps,
      identity: createIdentityRepository(),
      // SPEC SCO-08: no federal participant is onboarded while the federal-use gate is red.
      onboardingGate: federalOnboardingGate({ compliance: complianceRepository, rules }),
    }),
    guard,
  });
  await app.register(invitationRoutes, {
    invitations: createInvitationService({
      ...moduleDeps,
      invitations: createInvitationRepository(),
      mailer: smtpUrl ? createSmtpMailer({ url: smtpUrl, from }) : undefined,
      // Without CONCERTO_PUBLIC_URL (and so without mail) the operator gets a relative link.
      publicUrl: deps.config.publicUrl ?? '',
    }),
    guard,
  });
  const representationDeps = {
    ...moduleDeps,
    representations: createRepresentationRepository(),
    undertakings: createUndertakingsRepository(),
  };
  await app.register(undertakingRoutes, {
    undertakings: createUndertakingService(representationDeps),
    guard,
  });
  await app.register(representationRoutes, {
    representations: createRepresentationService(representationDeps),
    briefings: createBriefingService(representationDeps),
    guard,
  });

  // The controller's dealings with the Commission: supervisory cases, its repeat instructions and
  // inspector accounts (SPEC SUP-01..SUP-05, PEN-14, PEN-22); the court's prohibitions from managing
  // a processing (SPEC PEN-17, PEN-18).
  const supervisionDeps = { ...moduleDeps, supervision: supervisionRepository, access, envelope: caseEnvelope, rules };
  await app.register(supervisionRoutes, {
    cases: createSupervisoryCaseService(supervisionDeps),
    instructions: createRepeatInstructionService(supervisionDeps),
    guard,
  });
  await app.register(inspectionRoutes, {
    inspectors: createInspectorAccessService({
      ...supervisionDeps,
      inspection: createInspectionRepository(),
      invitations: createInvitationRepository(),
      mailer: smtpUrl ? createSmtpMailer({ url: smtpUrl, from }) : undefined,
      publicUrl: deps.config.publicUrl ?? '',
    }),
    guard,
  });
  await app.register(prohibitionRoutes, {
    prohibitions: createProhibitionService({
      ...moduleDeps,
      prohibitions: createProhibitionsRepository(),
      access,
      envelope: caseEnvelope,
      rules,
    }),
    guard,
  });

  app.get(
    '/api/openapi.json',
    { schema: { operationId: 'getOpenApi', summary: 'This API as OpenAPI 3.1', tags: ['system'], hide: true } },
    async () => app.swagger(),
  );

  const web = await registerWebApp(app, deps.webRoot ?? path.join(packageRoot(), 'dist', 'web'));
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (web && isPage) return reply.sendFile('index.html');
    return sendProblem(reply, 'not_found');
  });
  return app;
}
