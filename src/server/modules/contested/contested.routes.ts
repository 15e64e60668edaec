/** Court actions and contested marks over HTTP (SPEC RGT-CRT-01, RGT-CRT-03, RGT-CON-01, RGT-CON-03). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import {
  ClearContestedMarkSchema,
  ContestedMarkListSchema,
  ContestedMarkParamsSchema,
  CourtActionListSchema,
  CourtActionParamsSchema,
  CourtActionSchema,
  CourtOrderNoticeListSchema,
  CourtOrderParamsSchema,
  GenerateCourtOrderNoticesSchema,
  ItemMarksParamsSchema,
  RecordCourtActionSchema,
  RecordCourtOrderSchema,
  SinceQuerySchema,
} from '../../../contracts/contested.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { DisclosureListSchema } from '../../../contracts/rights.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ContestedService } from './contested.service.js';

export interface ContestedRoutesOptions {
  contested: ContestedService;
  guard: SessionGuard;
}

const tags = ['contested'];

export const contestedRoutes: FastifyPluginAsyncTypebox<ContestedRoutesOptions> = async (
  app,
  { contested, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cases/:caseId/court-actions',
    {
      ...withSession,
      schema: {
        operationId: 'listCourtActions',
        summary:
          'The court actions of the case brought against your organisation, with their orders (L2007 art. 14)',
        tags,
        params: CaseParamsSchema,
        response: { 200: CourtActionListSchema, ...problems },
      },
    },
    async (request) => contested.listCourtActions(actorOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/court-actions',
    {
      ...withSession,
      schema: {
        operationId: 'recordCourtAction',
        summary:
          'Record a court action notified to your organisation about items it controls: they are contested from the notification (L2007 arts 14-15)',
        tags,
        params: CaseParamsSchema,
        body: RecordCourtActionSchema,
        response: { 201: CourtActionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await contested.recordCourtAction(actorOf(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/court-actions/:courtActionId/orders',
    {
      ...withSession,
      schema: {
        operationId: 'recordCourtOrder',
        summary:
          'Record an order of the president in the action, with the reference of an order to inform third parties (L2007 art. 14 §6)',
        tags,
        params: CourtActionParamsSchema,
        body: RecordCourtOrderSchema,
        response: { 201: CourtActionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await contested.recordCourtOrder(
            actorOf(request),
            request.params.caseId,
            request.params.courtActionId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/court-actions/:courtActionId/orders/:orderId/notices',
    {
      ...withSession,
      schema: {
        operationId: 'generateCourtOrderNotices',
        summary:
          'Inform every recipient of the data since a day, as the order commands, each notice with its reference (L2007 art. 14 §6; SPEC RGT-CRT-03)',
        tags,
        params: CourtOrderParamsSchema,
        body: GenerateCourtOrderNoticesSchema,
        response: { 201: CourtOrderNoticeListSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await contested.generateCourtOrderNotices(
            actorOf(request),
            request.params.caseId,
            request.params.courtActionId,
            request.params.orderId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/cases/:caseId/items/:itemId/disclosures',
    {
      ...withSession,
      schema: {
        operationId: 'itemDisclosures',
        summary:
          'Every recipient of your item since a day, also after its erasure or retention, from the disclosure log (SPEC RGT-CRT-03)',
        tags,
        params: ItemMarksParamsSchema,
        querystring: SinceQuerySchema,
        response: { 200: DisclosureListSchema, ...problems },
      },
    },
    async (request) =>
      contested.itemDisclosures(
        actorOf(request),
        request.params.caseId,
        request.params.itemId,
        request.query.since,
      ),
  );

  app.get(
    '/api/cases/:caseId/items/:itemId/contested-marks',
    {
      ...withSession,
      schema: {
        operationId: 'listContestedMarks',
        summary:
          'The contested marks of an item, standing and cleared, with their end events (L2007 art. 15)',
        tags,
        params: ItemMarksParamsSchema,
        response: { 200: ContestedMarkListSchema, ...problems },
      },
    },
    async (request) => contested.listMarks(actorOf(request), request.params.caseId, request.params.itemId),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/contested-marks/:markId/clearance',
    {
      ...withSession,
      schema: {
        operationId: 'clearContestedMark',
        summary:
          'End a contested mark of an item your organisation controls, on its basis: final judgment, request executed or withdrawn (SPEC RGT-CON-03, A-22)',
        tags,
        params: ContestedMarkParamsSchema,
        body: ClearContestedMarkSchema,
        response: { 200: ContestedMarkListSchema, ...problems },
      },
    },
    async (request) =>
      contested.clearMark(
        actorOf(request),
        request.params.caseId,
        request.params.itemId,
        request.params.markId,
        request.body,
      ),
  );
};
