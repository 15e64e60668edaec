/**
 * The organiser's minimisation review over HTTP (SPEC PUR-04, DAT-16): the report of a case and
 * the review of a catch-all item. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import { ItemParamsSchema } from '../../../contracts/items.js';
import {
  CatchAllReviewSchema,
  MinimisationQuerySchema,
  MinimisationReviewSchema,
  ReviewCatchAllSchema,
} from '../../../contracts/minimisation.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { CaseService } from './cases.service.js';

export interface CaseMinimisationRoutesOptions {
  cases: CaseService;
  guard: SessionGuard;
}

const tags = ['cases'];

export const caseMinimisationRoutes: FastifyPluginAsyncTypebox<CaseMinimisationRoutesOptions> = async (
  app,
  { cases, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases/:caseId/minimisation-review',
    {
      ...withSession,
      schema: {
        operationId: 'getMinimisationReview',
        summary:
          'The organiser’s minimisation review: items of categories 9-16 without relevance justification, items not read for N days, catch-all items (SPEC PUR-04, DAT-16)',
        tags,
        params: CaseParamsSchema,
        querystring: MinimisationQuerySchema,
        response: { 200: MinimisationReviewSchema, ...problems },
      },
    },
    async (request) => cases.minimisationReview(actorOf(request), request.params.caseId, request.query),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/catch-all-review',
    {
      ...withSession,
      schema: {
        operationId: 'reviewCatchAllItem',
        summary:
          'The organiser keeps a catch-all item, or asks its controller to correct it (SPEC DAT-16, ROL-09)',
        tags,
        params: ItemParamsSchema,
        body: ReviewCatchAllSchema,
        response: { 201: CatchAllReviewSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await cases.reviewCatchAllItem(
            actorOf(request),
            request.params.caseId,
            request.params.itemId,
            request.body,
          ),
        ),
  );
};
