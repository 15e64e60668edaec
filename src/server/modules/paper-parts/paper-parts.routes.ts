/** The register of a case's paper parts over HTTP (SPEC SCO-09, FIL-10). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import {
  ConfirmDestructionSchema,
  PaperPartListSchema,
  PaperPartParamsSchema,
  PaperPartSchema,
  RegisterPaperPartSchema,
  UpdatePaperPartSchema,
} from '../../../contracts/paper-parts.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { PaperPartService } from './paper-parts.service.js';

export interface PaperPartRoutesOptions {
  paperParts: PaperPartService;
  guard: SessionGuard;
}

const tags = ['paper-parts'];

export const paperPartRoutes: FastifyPluginAsyncTypebox<PaperPartRoutesOptions> = async (
  app,
  { paperParts, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases/:caseId/paper-parts',
    {
      ...withSession,
      schema: {
        operationId: 'listPaperParts',
        summary:
          'The paper parts of the case the reader may see: what they hold, where, who keeps them (SPEC SCO-09)',
        tags,
        params: CaseParamsSchema,
        response: { 200: PaperPartListSchema, ...problems },
      },
    },
    async (request) => paperParts.listPaperParts(actorOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/paper-parts',
    {
      ...withSession,
      schema: {
        operationId: 'registerPaperPart',
        summary:
          'Register a paper annex your organisation holds, with its content index, location and custodian',
        tags,
        params: CaseParamsSchema,
        body: RegisterPaperPartSchema,
        response: { 201: PaperPartSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await paperParts.registerPaperPart(actorOf(request), request.params.caseId, request.body)),
  );

  app.put(
    '/api/cases/:caseId/paper-parts/:paperPartId',
    {
      ...withSession,
      schema: {
        operationId: 'updatePaperPart',
        summary: 'Correct the register of a paper part you hold, with the reason (a new version)',
        tags,
        params: PaperPartParamsSchema,
        body: UpdatePaperPartSchema,
        response: { 200: PaperPartSchema, ...problems },
      },
    },
    async (request) =>
      paperParts.updatePaperPart(
        actorOf(request),
        request.params.caseId,
        request.params.paperPartId,
        request.body,
      ),
  );

  app.post(
    '/api/cases/:caseId/paper-parts/:paperPartId/sharing',
    {
      ...withSession,
      schema: {
        operationId: 'sharePaperPart',
        summary: 'Share with the shared file a paper part registered in your compartment (SPEC WFL-09)',
        tags,
        params: PaperPartParamsSchema,
        response: { 200: PaperPartSchema, ...problems },
      },
    },
    async (request) =>
      paperParts.sharePaperPart(actorOf(request), request.params.caseId, request.params.paperPartId),
  );

  app.post(
    '/api/cases/:caseId/paper-parts/:paperPartId/destruction',
    {
      ...withSession,
      schema: {
        operationId: 'confirmPaperPartDestruction',
        summary:
          'Confirm, as a named member of its holder, that the paper was destroyed, when and why (SPEC SCO-09)',
        tags,
        params: PaperPartParamsSchema,
        body: ConfirmDestructionSchema,
        response: { 200: PaperPartSchema, ...problems },
      },
    },
    async (request) =>
      paperParts.confirmDestruction(
        actorOf(request),
        request.params.caseId,
        request.params.paperPartId,
        request.body,
      ),
  );
};
