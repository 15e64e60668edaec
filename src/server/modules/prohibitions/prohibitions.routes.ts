/** Prohibitions from managing a processing over HTTP (SPEC PEN-17, PEN-18): the operator's. Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  LinkProhibitedAccountSchema,
  ProhibitionListSchema,
  ProhibitionParamsSchema,
  ProhibitionSchema,
  RecordProhibitionSchema,
  RoleAssignmentAttemptsSchema,
} from '../../../contracts/prohibitions.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ProhibitionService } from './prohibitions.service.js';

export interface ProhibitionRoutesOptions {
  prohibitions: ProhibitionService;
  guard: SessionGuard;
}

const tags = ['prohibitions'];

export const prohibitionRoutes: FastifyPluginAsyncTypebox<ProhibitionRoutesOptions> = async (
  app,
  { prohibitions, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/admin/management-prohibitions',
    {
      ...withSession,
      schema: {
        operationId: 'listManagementProhibitions',
        summary: 'The prohibitions from managing a processing and the accounts they name (SPEC PEN-17)',
        tags,
        response: { 200: ProhibitionListSchema, ...problems },
      },
    },
    async (request) => prohibitions.listProhibitions(actorOf(request)),
  );

  app.post(
    '/api/admin/management-prohibitions',
    {
      // Role changes are sensitive actions (issue 3 scope 4): recording may withdraw roles.
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'recordManagementProhibition',
        summary:
          "Record a court's prohibition from managing any processing (at most two years) and the person's accounts; their managing roles are withdrawn while it runs (L1992 art. 41 §2)",
        tags,
        body: RecordProhibitionSchema,
        response: { 201: ProhibitionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await prohibitions.recordProhibition(actorOf(request), request.body)),
  );

  app.post(
    '/api/admin/management-prohibitions/:prohibitionId/accounts',
    {
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'linkProhibitedAccount',
        summary: 'Link a further account of the prohibited person (SPEC PEN-17)',
        tags,
        params: ProhibitionParamsSchema,
        body: LinkProhibitedAccountSchema,
        response: { 200: ProhibitionSchema, ...problems },
      },
    },
    async (request) => prohibitions.linkAccount(actorOf(request), request.params.prohibitionId, request.body),
  );

  app.get(
    '/api/admin/management-prohibitions/role-assignment-attempts',
    {
      ...withSession,
      schema: {
        operationId: 'prohibitedRoleAssignmentAttempts',
        summary:
          'The audit query "role assignments to prohibited persons": every attempt to give their accounts a managing role while prohibited (L1992 art. 41 §3; SPEC PEN-18)',
        tags,
        response: { 200: RoleAssignmentAttemptsSchema, ...problems },
      },
    },
    async (request) => prohibitions.roleAssignmentAttempts(actorOf(request)),
  );
};
