/** Links of a case to a file of a connected system over HTTP (SPEC INT-02). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import {
  InterconnectionLinkListSchema,
  InterconnectionLinkSchema,
  LinkCaseSchema,
  LinkParamsSchema,
} from '../../../contracts/interconnections.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { InterconnectionLinkService } from './interconnection-links.service.js';

export interface InterconnectionLinkRoutesOptions {
  links: InterconnectionLinkService;
  guard: SessionGuard;
}

const tags = ['interconnections'];

export const interconnectionLinkRoutes: FastifyPluginAsyncTypebox<InterconnectionLinkRoutesOptions> = async (
  app,
  { links, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases/:caseId/interconnection-links',
    {
      ...withSession,
      schema: {
        operationId: 'listInterconnectionLinks',
        summary: 'The files of connected systems this case is linked to, open and ended (SPEC INT-02)',
        tags,
        params: CaseParamsSchema,
        response: { 200: InterconnectionLinkListSchema, ...problems },
      },
    },
    async (request) => links.listLinks(actorOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/interconnection-links',
    {
      ...withSession,
      schema: {
        operationId: 'linkInterconnection',
        summary:
          "Link the case to a file of your organisation's connected system: what it delivers for that file becomes your organisation's items about the persons named (SPEC INT-02)",
        tags,
        params: CaseParamsSchema,
        body: LinkCaseSchema,
        response: { 201: InterconnectionLinkSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await links.linkCase(actorOf(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/interconnection-links/:linkId/end',
    {
      ...withSession,
      schema: {
        operationId: 'endInterconnectionLink',
        summary:
          'End a link your organisation made: deliveries for that file are refused from then on (SPEC INT-02)',
        tags,
        params: LinkParamsSchema,
        response: { 200: InterconnectionLinkSchema, ...problems },
      },
    },
    async (request) => links.endLink(actorOf(request), request.params.caseId, request.params.linkId),
  );
};
