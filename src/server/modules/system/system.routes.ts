import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../../contracts/problem.js';
import { HealthSchema, ReadinessSchema, VersionSchema } from '../../../contracts/system.js';
import type { SystemService } from './system.service.js';

export const systemRoutes: FastifyPluginAsyncTypebox<{ system: SystemService }> = async (app, { system }) => {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness: the process answers',
        tags: ['system'],
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: database reachable, migrations current, keys reachable',
        tags: ['system'],
        response: { 200: ReadinessSchema, 503: ProblemSchema },
      },
    },
    async () => system.readiness(),
  );

  app.get(
    '/api/version',
    {
      schema: {
        operationId: 'getVersion',
        summary: 'Versions of Concerto, Node.js and the database, and the migration state',
        tags: ['system'],
        response: { 200: VersionSchema },
      },
    },
    async () => system.version(),
  );
};
