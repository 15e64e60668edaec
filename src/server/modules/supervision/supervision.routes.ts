/**
 * A controller's supervisory cases and the Commission's repeat instructions over HTTP (SPEC SUP-01,
 * SUP-02, SUP-05): its DPO's. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  AddSupervisoryActionSchema,
  CloseSupervisoryCaseSchema,
  CompleteSupervisoryActionSchema,
  InvitePositionSchema,
  OpenSupervisoryCaseSchema,
  OpenSupervisoryItemsSchema,
  RecordRepeatInstructionSchema,
  RecordSupervisoryEntrySchema,
  RepeatInstructionListSchema,
  RepeatInstructionSchema,
  SubmitPositionSchema,
  SupervisoryActionParamsSchema,
  SupervisoryCaseListSchema,
  SupervisoryCaseParamsSchema,
  SupervisoryCaseSchema,
  SupervisoryEntryParamsSchema,
  SupervisoryPositionParamsSchema,
} from '../../../contracts/supervision.js';
import { sendDownload } from '../../http/download.js';
import { MEDIA_TYPE_EXTENSIONS, type AllowedMediaType } from '../../kernel/documents/index.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { RepeatInstructionService } from './repeat-instructions.service.js';
import type { SupervisoryCaseService } from './supervisory-cases.service.js';

export interface SupervisionRoutesOptions {
  cases: SupervisoryCaseService;
  instructions: RepeatInstructionService;
  guard: SessionGuard;
}

const tags = ['supervision'];
/** A document as recorded: its bytes, with the type sniffed when it was recorded. */
const DOCUMENT = { 200: Type.Unknown({ description: 'The document, with its media type' }), ...problems };

export const supervisionRoutes: FastifyPluginAsyncTypebox<SupervisionRoutesOptions> = async (
  app,
  { cases, instructions, guard },
) => {
  const withSession = { onRequest: guard.requireSession };
  const download = (
    reply: Parameters<typeof sendDownload>[0],
    name: string,
    file: { mediaType: string; content: Buffer },
  ) =>
    sendDownload(reply, {
      mediaType: file.mediaType,
      filename: `${name}.${MEDIA_TYPE_EXTENSIONS[file.mediaType as AllowedMediaType]}`,
      content: file.content,
    });

  app.get(
    '/api/supervision/cases',
    {
      ...withSession,
      schema: {
        operationId: 'listSupervisoryCases',
        summary: "The register of the controller's supervisory cases, with what is still to do (SPEC SUP-01)",
        tags,
        response: { 200: SupervisoryCaseListSchema, ...problems },
      },
    },
    async (request) => cases.listCases(actorOf(request)),
  );

  app.post(
    '/api/supervision/cases',
    {
      ...withSession,
      schema: {
        operationId: 'openSupervisoryCase',
        summary:
          'Record a complaint the Commission forwards, a recommendation it announces, an inspection or another dealing (L1992 arts 30-32)',
        tags,
        body: OpenSupervisoryCaseSchema,
        response: { 201: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await cases.openCase(actorOf(request), request.body)),
  );

  app.get(
    '/api/supervision/cases/:caseId',
    {
      ...withSession,
      schema: {
        operationId: 'getSupervisoryCase',
        summary:
          'A supervisory case: its correspondence, minutes, opinions, recommendations, actions and positions (SPEC SUP-01, SUP-02)',
        tags,
        params: SupervisoryCaseParamsSchema,
        response: { 200: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request) => cases.getCase(actorOf(request), request.params.caseId),
  );

  app.post(
    '/api/supervision/cases/:caseId/entries',
    {
      ...withSession,
      schema: {
        operationId: 'recordSupervisoryEntry',
        summary:
          'Record a letter, the settlement minutes, an opinion, a recommendation or a decision (L1992 arts 30-31)',
        tags,
        params: SupervisoryCaseParamsSchema,
        body: RecordSupervisoryEntrySchema,
        response: { 201: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.recordEntry(actorOf(request), request.params.caseId, request.body)),
  );

  app.get(
    '/api/supervision/cases/:caseId/entries/:entryId/document',
    {
      ...withSession,
      schema: {
        operationId: 'supervisoryEntryDocument',
        summary: 'The document of an entry, as recorded (SPEC SUP-01)',
        tags,
        params: SupervisoryEntryParamsSchema,
        response: DOCUMENT,
      },
    },
    async (request, reply) =>
      download(
        reply,
        `supervisory-entry-${request.params.entryId}`,
        await cases.document(actorOf(request), request.params.caseId, { entryId: request.params.entryId }),
      ),
  );

  app.post(
    '/api/supervision/cases/:caseId/actions',
    {
      ...withSession,
      schema: {
        operationId: 'addSupervisoryAction',
        summary:
          'An action the controller takes on a recommendation, an opinion or a settlement, with its due date (SPEC SUP-01)',
        tags,
        params: SupervisoryCaseParamsSchema,
        body: AddSupervisoryActionSchema,
        response: { 201: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.addAction(actorOf(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/supervision/cases/:caseId/actions/:actionId/completion',
    {
      ...withSession,
      schema: {
        operationId: 'completeSupervisoryAction',
        summary: 'The action is done, with what was done: it leaves the compliance dashboard (SPEC SUP-01)',
        tags,
        params: SupervisoryActionParamsSchema,
        body: CompleteSupervisoryActionSchema,
        response: { 200: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request) =>
      cases.completeAction(actorOf(request), request.params.caseId, request.params.actionId, request.body),
  );

  app.post(
    '/api/supervision/cases/:caseId/positions',
    {
      ...withSession,
      schema: {
        operationId: 'inviteControllerPosition',
        summary:
          "The Commission invites the controller's point of view before a recommendation, by its deadline (L1992 art. 30 §2)",
        tags,
        params: SupervisoryCaseParamsSchema,
        body: InvitePositionSchema,
        response: { 201: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.invitePosition(actorOf(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/supervision/cases/:caseId/positions/:positionId/submission',
    {
      ...withSession,
      schema: {
        operationId: 'submitControllerPosition',
        summary: "The controller's position as sent, with its date (SPEC SUP-02)",
        tags,
        params: SupervisoryPositionParamsSchema,
        body: SubmitPositionSchema,
        response: { 200: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request) =>
      cases.submitPosition(actorOf(request), request.params.caseId, request.params.positionId, request.body),
  );

  app.get(
    '/api/supervision/cases/:caseId/positions/:positionId/document',
    {
      ...withSession,
      schema: {
        operationId: 'controllerPositionDocument',
        summary: 'The position document as submitted (SPEC SUP-02)',
        tags,
        params: SupervisoryPositionParamsSchema,
        response: DOCUMENT,
      },
    },
    async (request, reply) =>
      download(
        reply,
        `position-${request.params.positionId}`,
        await cases.document(actorOf(request), request.params.caseId, {
          positionId: request.params.positionId,
        }),
      ),
  );

  app.post(
    '/api/supervision/cases/:caseId/closure',
    {
      ...withSession,
      schema: {
        operationId: 'closeSupervisoryCase',
        summary: 'Close the case with how it ended, once no action is left to do (L1992 art. 31 §3)',
        tags,
        params: SupervisoryCaseParamsSchema,
        body: CloseSupervisoryCaseSchema,
        response: { 200: SupervisoryCaseSchema, ...problems },
      },
    },
    async (request) => cases.closeCase(actorOf(request), request.params.caseId, request.body),
  );

  app.get(
    '/api/supervision/open-items',
    {
      ...withSession,
      schema: {
        operationId: 'openSupervisoryItems',
        summary:
          "The open actions and awaited positions of the controller's supervisory cases, soonest first (SPEC SUP-01)",
        tags,
        response: { 200: OpenSupervisoryItemsSchema, ...problems },
      },
    },
    async (request) => cases.openItems(actorOf(request)),
  );

  app.get(
    '/api/supervision/repeat-instructions',
    {
      ...withSession,
      schema: {
        operationId: 'listRepeatInstructions',
        summary:
          "The Commission's instructions on the interval between a person's access requests (SPEC SUP-05)",
        tags,
        response: { 200: RepeatInstructionListSchema, ...problems },
      },
    },
    async (request) => instructions.listInstructions(actorOf(request)),
  );

  app.post(
    '/api/supervision/repeat-instructions',
    {
      ...withSession,
      schema: {
        operationId: 'recordRepeatInstruction',
        summary:
          "Record the Commission's shorter interval for the person of an access request (L1992 art. 10 §2 al. 2)",
        tags,
        body: RecordRepeatInstructionSchema,
        response: { 201: RepeatInstructionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await instructions.recordInstruction(actorOf(request), request.body)),
  );
};
