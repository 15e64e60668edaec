/**
 * Undertakings over HTTP (issue 3 scope 5): the operator publishes a version; a signed-in user
 * reads the current texts in their language and accepts them (SPEC ROL-07, SEC-09).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../../contracts/problem.js';
import {
  AcceptanceSchema,
  AcceptUndertakingSchema,
  PublishUndertakingSchema,
  UndertakingQuerySchema,
  UndertakingStatusSchema,
  UndertakingVersionSchema,
} from '../../../contracts/undertakings.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { UndertakingService } from './undertakings.service.js';

export interface UndertakingRoutesOptions {
  undertakings: UndertakingService;
  guard: SessionGuard;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const undertakingRoutes: FastifyPluginAsyncTypebox<UndertakingRoutesOptions> = async (
  app,
  options,
) => {
  const { undertakings, guard } = options;
  const withSession = { onRequest: guard.requireSession };

  app.post(
    '/api/admin/undertakings',
    {
      ...withSession,
      schema: {
        operationId: 'publishUndertakingVersion',
        summary:
          'Publish a new version of an undertaking in fr, nl, de and en; every user must then accept it again (operator only)',
        tags: ['admin'],
        body: PublishUndertakingSchema,
        response: { 201: UndertakingVersionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await undertakings.publishUndertakingVersion(sessionOf(request).actor, request.body)),
  );

  app.get(
    '/api/undertaking',
    {
      ...withSession,
      schema: {
        operationId: 'getUndertaking',
        summary:
          'The current secrecy undertaking (CP art. 458ter §2) and awareness module in my language, and whether I must accept them before any case access',
        tags: ['undertakings'],
        querystring: UndertakingQuerySchema,
        response: {
          200: UndertakingStatusSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => undertakings.undertakingStatus(sessionOf(request).actor, request.query.language),
  );

  app.post(
    '/api/undertaking/acceptance',
    {
      ...withSession,
      schema: {
        operationId: 'acceptUndertaking',
        summary:
          'Accept the current version of the secrecy undertaking or of my controller’s awareness module',
        tags: ['undertakings'],
        body: AcceptUndertakingSchema,
        response: { 201: AcceptanceSchema, ...problems, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { versionId, language } = request.body;
      return reply
        .code(201)
        .send(await undertakings.acceptUndertaking(sessionOf(request).actor, versionId, language));
    },
  );
};
