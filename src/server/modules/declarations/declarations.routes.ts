/**
 * The declarations of processing and the controller's reports over HTTP (L2007/L1992 arts 16-19;
 * SPEC DCL-01..28, SEC-10, SEC-13), and the public register page's data (art. 18, DCL-24) without
 * a session. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FrameworkParamsSchema } from '../../../contracts/frameworks.js';
import {
  AcknowledgeVersionSchema,
  CeaseDeclarationSchema,
  CompleteVersionSchema,
  ConditionParamsSchema,
  ConformityCheckSchema,
  CreateDeclarationSchema,
  DeclarationContentSchema,
  DeclarationListSchema,
  DeclarationParamsSchema,
  DeclarationSchema,
  DocumentQuerySchema,
  FrameworkDeclarationsSchema,
  FulfilConditionSchema,
  PublicEntryParamsSchema,
  PublicRegisterEntrySchema,
  PublicRegisterSchema,
  RecordIncompleteSchema,
  RecordPaymentSchema,
  RegisterNumberSchema,
  ReportQuerySchema,
  SheetRequestSchema,
  StatementQuerySchema,
  SubmitDeclarationSchema,
  UpdateDeclarationSchema,
  VersionParamsSchema,
} from '../../../contracts/declarations.js';
import { ProblemSchema, USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ControllerReportService } from './controller-reports.service.js';
import type { DeclarationService } from './declarations.service.js';
import type { PublicRegisterService } from './public-register.service.js';

export interface DeclarationRoutesOptions {
  declarations: DeclarationService;
  reports: ControllerReportService;
  register: PublicRegisterService;
  guard: SessionGuard;
}

const tags = ['declarations'];
const download = Type.Unknown({ description: 'The document (JSON or PDF)' });

export const declarationRoutes: FastifyPluginAsyncTypebox<DeclarationRoutesOptions> = async (
  app,
  { declarations, reports, register, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/declarations',
    {
      ...withSession,
      schema: {
        operationId: 'listDeclarations',
        summary:
          "Your controller's declarations of processing, and what they leave to do: acknowledgements overdue, updates, open conditions, undeclared frameworks (DPO; SPEC DCL-03, DCL-21, DCL-28)",
        tags,
        response: { 200: DeclarationListSchema, ...problems },
      },
    },
    async (request) => declarations.listDeclarations(actorOf(request)),
  );

  app.post(
    '/api/declarations',
    {
      ...withSession,
      schema: {
        operationId: 'createDeclaration',
        summary:
          'A draft declaration for a purpose set, mapping the frameworks it covers with the processing names in French and Dutch (art. 17 §5; SPEC DCL-17)',
        tags,
        body: CreateDeclarationSchema,
        response: { 201: DeclarationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await declarations.createDeclaration(actorOf(request), request.body)),
  );

  app.get(
    '/api/declarations/:declarationId',
    {
      ...withSession,
      schema: {
        operationId: 'getDeclaration',
        summary:
          'A declaration: its frameworks, versions and their status, whether it can be generated, its conformity with the configuration and its update items',
        tags,
        params: DeclarationParamsSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) => declarations.viewDeclaration(actorOf(request), request.params.declarationId),
  );

  app.patch(
    '/api/declarations/:declarationId',
    {
      ...withSession,
      schema: {
        operationId: 'updateDeclaration',
        summary:
          'Change the maintained fields or the frameworks covered; the change takes effect once submitted (art. 17 §7; SPEC DCL-21)',
        tags,
        params: DeclarationParamsSchema,
        body: UpdateDeclarationSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.updateDeclaration(actorOf(request), request.params.declarationId, request.body),
  );

  app.get(
    '/api/declarations/:declarationId/preview',
    {
      ...withSession,
      schema: {
        operationId: 'previewDeclaration',
        summary:
          'What the configuration would declare today under art. 17 §3, as JSON or PDF; a field the configuration lacks refuses it, named (SPEC DCL-04..15)',
        tags,
        params: DeclarationParamsSchema,
        querystring: DocumentQuerySchema,
        response: { 200: download, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await declarations.previewDocument(
          actorOf(request),
          request.params.declarationId,
          request.query.format ?? 'json',
        ),
      ),
  );

  app.post(
    '/api/declarations/:declarationId/versions',
    {
      ...withSession,
      schema: {
        operationId: 'submitDeclaration',
        summary:
          'Record the declaration (or its modification) as made on a date: its content is generated and kept as submitted (art. 17 §1, §7; SPEC DCL-01, DCL-21)',
        tags,
        params: DeclarationParamsSchema,
        body: SubmitDeclarationSchema,
        response: { 201: DeclarationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await declarations.submitDeclaration(actorOf(request), request.params.declarationId, request.body),
        ),
  );

  app.get(
    '/api/declarations/:declarationId/versions/:versionId/document',
    {
      ...withSession,
      schema: {
        operationId: 'getDeclarationVersionDocument',
        summary:
          'A submitted version as it was declared, as JSON or PDF (register number in the footer, SPEC DCL-25)',
        tags,
        params: VersionParamsSchema,
        querystring: DocumentQuerySchema,
        response: { 200: download, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await declarations.versionDocument(
          actorOf(request),
          request.params.declarationId,
          request.params.versionId,
          request.query.format ?? 'json',
        ),
      ),
  );

  app.post(
    '/api/declarations/:declarationId/versions/:versionId/acknowledgement',
    {
      ...withSession,
      schema: {
        operationId: 'acknowledgeDeclarationVersion',
        summary: "Record the Commission's acknowledgement of receipt (art. 17 §2; SPEC DCL-03)",
        tags,
        params: VersionParamsSchema,
        body: AcknowledgeVersionSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.acknowledgeVersion(
        actorOf(request),
        request.params.declarationId,
        request.params.versionId,
        request.body,
      ),
  );

  app.post(
    '/api/declarations/:declarationId/versions/:versionId/incompleteness',
    {
      ...withSession,
      schema: {
        operationId: 'recordDeclarationIncomplete',
        summary:
          'Record that the Commission found the declaration incomplete: a correction item opens (art. 17 §2; SPEC DCL-03)',
        tags,
        params: VersionParamsSchema,
        body: RecordIncompleteSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.recordIncomplete(
        actorOf(request),
        request.params.declarationId,
        request.params.versionId,
        request.body,
      ),
  );

  app.post(
    '/api/declarations/:declarationId/versions/:versionId/payment',
    {
      ...withSession,
      schema: {
        operationId: 'recordDeclarationPayment',
        summary:
          'Record the contribution paid (at most 10,000 francs), or that none is required, with why (art. 17 §9; SPEC DCL-23)',
        tags,
        params: VersionParamsSchema,
        body: RecordPaymentSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.recordPayment(
        actorOf(request),
        request.params.declarationId,
        request.params.versionId,
        request.body,
      ),
  );

  app.post(
    '/api/declarations/:declarationId/versions/:versionId/completion',
    {
      ...withSession,
      schema: {
        operationId: 'completeDeclarationVersion',
        summary:
          'Record the version as completed: acknowledged, and paid or relieved of payment (SPEC DCL-03, DCL-23)',
        tags,
        params: VersionParamsSchema,
        body: CompleteVersionSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.completeVersion(
        actorOf(request),
        request.params.declarationId,
        request.params.versionId,
        request.body,
      ),
  );

  app.post(
    '/api/declarations/:declarationId/cessation',
    {
      ...withSession,
      schema: {
        operationId: 'ceaseDeclaration',
        summary:
          'Declare the end of the processing before it takes effect: no data is entered under it from then on (art. 17 §7; SPEC DCL-21)',
        tags,
        params: DeclarationParamsSchema,
        body: CeaseDeclarationSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.ceaseDeclaration(actorOf(request), request.params.declarationId, request.body),
  );

  app.put(
    '/api/declarations/:declarationId/register-number',
    {
      ...withSession,
      schema: {
        operationId: 'setDeclarationRegisterNumber',
        summary: "The processing's identification number in the Commission's register (art. 18; SPEC DCL-24)",
        tags,
        params: DeclarationParamsSchema,
        body: RegisterNumberSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.setRegisterNumber(actorOf(request), request.params.declarationId, request.body),
  );

  app.post(
    '/api/declarations/:declarationId/conformity-check',
    {
      ...withSession,
      schema: {
        operationId: 'checkDeclarationConformity',
        summary:
          'Compare what the system is configured to do with the last version submitted; a difference opens an update item (art. 16 §2 4°, art. 17 §7; SPEC SEC-10)',
        tags,
        params: DeclarationParamsSchema,
        response: { 200: ConformityCheckSchema, ...problems },
      },
    },
    async (request) => declarations.checkConformity(actorOf(request), request.params.declarationId),
  );

  app.post(
    '/api/declarations/:declarationId/risk-conditions/:conditionId/fulfilment',
    {
      ...withSession,
      schema: {
        operationId: 'fulfilDeclarationRiskCondition',
        summary:
          'Tick off a condition of the royal decree on processing with specific risks (art. 17bis; SPEC DCL-28)',
        tags,
        params: ConditionParamsSchema,
        body: FulfilConditionSchema,
        response: { 200: DeclarationSchema, ...problems },
      },
    },
    async (request) =>
      declarations.fulfilCondition(
        actorOf(request),
        request.params.declarationId,
        request.params.conditionId,
        request.body,
      ),
  );

  app.post(
    '/api/declarations/:declarationId/sheet-requests',
    {
      ...withSession,
      schema: {
        operationId: 'giveExemptionSheet',
        summary:
          'Someone asked for the information of an exempted processing: the request is kept and the §§3/6 sheet given (art. 17 §8 al. 2; SPEC DCL-22)',
        tags,
        params: DeclarationParamsSchema,
        body: SheetRequestSchema,
        response: { 200: DeclarationContentSchema, ...problems },
      },
    },
    async (request) =>
      declarations.recordSheetRequest(actorOf(request), request.params.declarationId, request.body),
  );

  app.get(
    '/api/frameworks/:frameworkId/declarations',
    {
      ...withSession,
      schema: {
        operationId: 'getFrameworkDeclarations',
        summary:
          'The parties of a framework, whether each declared its processing in it, and their register numbers (art. 18; SPEC DCL-24)',
        tags,
        params: FrameworkParamsSchema,
        response: { 200: FrameworkDeclarationsSchema, ...problems },
      },
    },
    async (request) => declarations.frameworkDeclarations(actorOf(request), request.params.frameworkId),
  );

  app.get(
    '/api/processing-statement',
    {
      ...withSession,
      schema: {
        operationId: 'getProcessingStatement',
        summary:
          "Your controller's processing statement for a period: data categories, purposes, consultations, recipients with counts (L1992 art. 16 §1 1°; SPEC SEC-13)",
        tags,
        querystring: StatementQuerySchema,
        response: { 200: download, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await reports.processingStatement(actorOf(request), request.query)),
  );

  app.get(
    '/api/information-pack',
    {
      ...withSession,
      schema: {
        operationId: 'getInformationPack',
        summary:
          'What the Commission may require of your controller: origin of the data, automation technique, security plan (art. 17 §4; SPEC DCL-16)',
        tags,
        querystring: ReportQuerySchema,
        response: { 200: download, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await reports.informationPack(actorOf(request), request.query)),
  );

  app.get(
    '/api/manual-file-sheet',
    {
      ...withSession,
      schema: {
        operationId: 'getManualFileSheet',
        summary:
          "The art. 17 information of your controller's paper parts, with where they are kept and what they hold (art. 19; SPEC DCL-26)",
        tags,
        querystring: ReportQuerySchema,
        response: { 200: download, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await reports.manualFileSheet(actorOf(request), request.query)),
  );

  // --- The public register (art. 18): no session ---------------------------------------------

  app.get(
    '/api/public/register',
    {
      schema: {
        operationId: 'getPublicRegister',
        summary:
          'The public register page: the §3 information of every processing declared and running, with its number; no personal data, no session (art. 18; SPEC DCL-24)',
        tags,
        response: { 200: PublicRegisterSchema },
      },
    },
    async () => register.publicRegister(),
  );

  app.get(
    '/api/public/register/:declarationId',
    {
      schema: {
        operationId: 'getPublicRegisterEntry',
        summary: 'One entry of the public register (art. 18; SPEC DCL-24, DCL-22, DCL-27)',
        tags,
        params: PublicEntryParamsSchema,
        response: { 200: PublicRegisterEntrySchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => register.publicEntry(request.params.declarationId),
  );

  app.get(
    '/api/public/register/:declarationId/pdf',
    {
      schema: {
        operationId: 'getPublicRegisterEntryPdf',
        summary:
          'One entry of the public register as a PDF, its number in the footer (art. 18; SPEC DCL-24, DCL-25)',
        tags,
        params: PublicEntryParamsSchema,
        response: { 200: download, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await register.publicEntryPdf(request.params.declarationId)),
  );
};
