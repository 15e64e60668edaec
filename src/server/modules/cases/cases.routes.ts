/** Cases over HTTP (issue 3: the access skeleton). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseListSchema, CaseParamsSchema, CaseSchema, CreateCaseSchema } from '../../../contracts/cases.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { CaseService } from './cases.service.js';

export interface CaseRoutesOptions {
  cases: CaseService;
  guard: SessionGuard;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const caseRoutes: FastifyPluginAsyncTypebox<CaseRoutesOptions> = async (app, { cases, guard }) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases',
    {
      ...withSession,
      schema: {
        operationId: 'listCases',
        summary: 'The cases your organisation (or the authority you represent) may see',
        tags: ['cases'],
        response: { 200: CaseListSchema, ...problems },
      },
    },
    async (request) => cases.listCases(sessionOf(request).actor),
  );

  app.post(
    '/api/cases',
    {
      ...withSession,
      schema: {
        operationId: 'createCase',
        summary: "Pre-register a case in your organisation's sealed compartment",
        tags: ['cases'],
        body: CreateCaseSchema,
        response: { 201: CaseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.createCase(sessionOf(request).actor, request.body)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      ...withSession,
      schema: {
        operationId: 'getCase',
        summary: 'One case, if you are in its audience',
        tags: ['cases'],
        params: CaseParamsSchema,
        response: { 200: CaseSchema, ...problems },
      },
    },
    async (request) => cases.viewCase(sessionOf(request).actor, request.params.caseId),
  );
};
