/** The information obligations of a controller over HTTP (L2007 art. 9; SPEC RGT-INF). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CloseExemptedSchema,
  CloseInformedSchema,
  InformationObligationSchema,
  NoticeParamsSchema,
  NoticeQuerySchema,
  ObligationListQuerySchema,
  ObligationListSchema,
  ObligationParamsSchema,
} from '../../../contracts/information-notices.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { preferredLanguage } from '../../http/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { InformationService } from './information-obligations.service.js';
import { sendDownload } from '../../http/download.js';

export interface InformationRoutesOptions {
  information: InformationService;
  guard: SessionGuard;
}

const tags = ['information-obligations'];

export const informationObligationRoutes: FastifyPluginAsyncTypebox<InformationRoutesOptions> = async (
  app,
  { information, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/information-obligations',
    {
      ...withSession,
      schema: {
        operationId: 'listInformationObligations',
        summary:
          "Your organisation's information obligations (L2007 art. 9): all, open, overdue (SPEC RGT-INF-02) or exempted (the DPO's review, RGT-INF-03)",
        tags,
        querystring: ObligationListQuerySchema,
        response: { 200: ObligationListSchema, ...problems },
      },
    },
    async (request) => information.listObligations(actorOf(request), request.query),
  );

  app.post(
    '/api/information-obligations/:obligationId/disclosure-envisaged',
    {
      ...withSession,
      schema: {
        operationId: 'envisageInformationDisclosure',
        summary:
          'Record that a communication to a third party is envisaged: the information is due at the latest at the first one, which waits for it (L2007 art. 9 §2 al. 1)',
        tags,
        params: ObligationParamsSchema,
        response: { 200: InformationObligationSchema, ...problems },
      },
    },
    async (request) => information.envisageDisclosure(actorOf(request), request.params.obligationId),
  );

  app.post(
    '/api/information-obligations/:obligationId/informed',
    {
      ...withSession,
      schema: {
        operationId: 'closeInformationInformed',
        summary:
          'Close as informed: the notice version, the date and the channel (SPEC RGT-INF-01, RGT-INF-02)',
        tags,
        params: ObligationParamsSchema,
        body: CloseInformedSchema,
        response: { 200: InformationObligationSchema, ...problems },
      },
    },
    async (request) => information.closeInformed(actorOf(request), request.params.obligationId, request.body),
  );

  app.post(
    '/api/information-obligations/:obligationId/exemption',
    {
      ...withSession,
      schema: {
        operationId: 'closeInformationExempted',
        summary:
          'Close as exempted: ground a) or b) of L2007 art. 9 §2 al. 2, or a royal-decree collective procedure, with reasons and reference (SPEC RGT-INF-03, RGT-INF-06)',
        tags,
        params: ObligationParamsSchema,
        body: CloseExemptedSchema,
        response: { 200: InformationObligationSchema, ...problems },
      },
    },
    async (request) => information.closeExempted(actorOf(request), request.params.obligationId, request.body),
  );

  app.get(
    '/api/information-obligations/:obligationId/notice/:format',
    {
      ...withSession,
      schema: {
        operationId: 'getInformationNotice',
        summary:
          "The controller's notice for the person, as JSON or PDF, in the person's language (SPEC RGT-INF-01, RGT-INF-05)",
        tags,
        params: NoticeParamsSchema,
        querystring: NoticeQuerySchema,
        response: { 200: Type.Unknown({ description: 'The notice' }), ...problems },
      },
    },
    async (request, reply) => {
      const file = await information.notice(
        actorOf(request),
        request.params.obligationId,
        request.params.format,
        request.query.language ?? preferredLanguage(request.headers['accept-language']),
      );
      return sendDownload(reply, file);
    },
  );
};
