/** Statistics per framework over HTTP (issue 6 scope 9; SPEC PUR-03). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FrameworkParamsSchema } from '../../../contracts/frameworks.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { FrameworkStatisticsSchema, StatisticsFrameworkListSchema } from '../../../contracts/statistics.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { StatisticsService } from './statistics.service.js';

export interface StatisticsRoutesOptions {
  statistics: StatisticsService;
  guard: SessionGuard;
}

const tags = ['statistics'];

export const statisticsRoutes: FastifyPluginAsyncTypebox<StatisticsRoutesOptions> = async (
  app,
  { statistics, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/statistics/frameworks',
    {
      ...withSession,
      schema: {
        operationId: 'listStatisticsFrameworks',
        summary:
          'The frameworks you may read statistics of: your organisation takes part in them (DPO) or organises them',
        tags,
        response: { 200: StatisticsFrameworkListSchema, ...problems },
      },
    },
    async (request) => statistics.listStatisticsFrameworks(actorOf(request)),
  );

  app.get(
    '/api/statistics/frameworks/:frameworkId',
    {
      ...withSession,
      schema: {
        operationId: 'getFrameworkStatistics',
        summary:
          "A framework's cases by state and purpose and its durations: anonymised aggregates, counts below 5 suppressed (SPEC PUR-03)",
        tags,
        params: FrameworkParamsSchema,
        response: { 200: FrameworkStatisticsSchema, ...problems },
      },
    },
    async (request) => statistics.frameworkStatistics(actorOf(request), request.params.frameworkId),
  );
};
