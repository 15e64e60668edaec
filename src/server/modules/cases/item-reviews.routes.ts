/** The data-quality tasks of the dashboard over HTTP (SPEC SEC-11): one route, one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ItemReviewListSchema } from '../../../contracts/item-reviews.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { CaseService } from './cases.service.js';

export interface ItemReviewRoutesOptions {
  cases: CaseService;
  guard: SessionGuard;
}

const problems = { 401: ProblemSchema, 403: ProblemSchema };

export const itemReviewRoutes: FastifyPluginAsyncTypebox<ItemReviewRoutesOptions> = async (
  app,
  { cases, guard },
) => {
  app.get(
    '/api/item-reviews',
    {
      onRequest: guard.requireSession,
      schema: {
        operationId: 'listItemReviews',
        summary:
          "Your organisation's items due for review and its erasure reviews, per case: ids and dates, no content (SPEC SEC-11)",
        tags: ['cases'],
        response: { 200: ItemReviewListSchema, ...problems },
      },
    },
    async (request) => cases.listItemReviews(sessionOf(request).actor),
  );
};
