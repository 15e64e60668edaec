/** Legal holds of a case over HTTP (SPEC RET-08, RGT-CRT-04). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import {
  LegalHoldListSchema,
  LegalHoldParamsSchema,
  LegalHoldSchema,
  PlaceLegalHoldSchema,
  ReleaseLegalHoldSchema,
} from '../../../contracts/legal-holds.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { LegalHoldService } from './legal-holds.service.js';

export interface LegalHoldRoutesOptions {
  legalHolds: LegalHoldService;
  guard: SessionGuard;
}

const tags = ['legal-holds'];

export const legalHoldRoutes: FastifyPluginAsyncTypebox<LegalHoldRoutesOptions> = async (
  app,
  { legalHolds, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases/:caseId/legal-holds',
    {
      ...withSession,
      schema: {
        operationId: 'listLegalHolds',
        summary: 'The legal holds of the case the reader may see, standing and released (SPEC RET-08)',
        tags,
        params: CaseParamsSchema,
        response: { 200: LegalHoldListSchema, ...problems },
      },
    },
    async (request) => legalHolds.listLegalHolds(actorOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/legal-holds',
    {
      ...withSession,
      schema: {
        operationId: 'placeLegalHold',
        summary:
          'Place a legal hold ordered by the court president on the case, a person or an item: nothing it covers is erased until released (L2007 art. 14 §7)',
        tags,
        params: CaseParamsSchema,
        body: PlaceLegalHoldSchema,
        response: { 201: LegalHoldSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await legalHolds.placeLegalHold(actorOf(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/legal-holds/:holdId/release',
    {
      ...withSession,
      schema: {
        operationId: 'releaseLegalHold',
        summary:
          'Release a legal hold your organisation placed, with the reason: deletion is due again (SPEC RET-08)',
        tags,
        params: LegalHoldParamsSchema,
        body: ReleaseLegalHoldSchema,
        response: { 200: LegalHoldSchema, ...problems },
      },
    },
    async (request) =>
      legalHolds.releaseLegalHold(
        actorOf(request),
        request.params.caseId,
        request.params.holdId,
        request.body,
      ),
  );
};
