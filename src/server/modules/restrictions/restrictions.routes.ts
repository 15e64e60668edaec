/** Restrictions of bill art. 7 over HTTP (SPEC RGT-RST-01..10). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  CaseRestrictionParamsSchema,
  CreateRestrictionSchema,
  RestrictionFlagsSchema,
  RestrictionListSchema,
  RestrictionParamsSchema,
  RestrictionReportSchema,
  RestrictionSchema,
  ReviewRestrictionSchema,
} from '../../../contracts/restrictions.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { RestrictionService } from './restrictions.service.js';

export interface RestrictionRoutesOptions {
  restrictions: RestrictionService;
  guard: SessionGuard;
}

const tags = ['restrictions'];

export const restrictionRoutes: FastifyPluginAsyncTypebox<RestrictionRoutesOptions> = async (
  app,
  { restrictions, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/restrictions',
    {
      ...withSession,
      schema: {
        operationId: 'listRestrictions',
        summary: "The art. 7 restrictions of the prosecutor's office, due reviews flagged (SPEC RGT-RST-07)",
        tags,
        response: { 200: RestrictionListSchema, ...problems },
      },
    },
    async (request) => restrictions.listRestrictions(actorOf(request)),
  );

  app.post(
    '/api/restrictions',
    {
      ...withSession,
      schema: {
        operationId: 'createRestriction',
        summary:
          "Restrict a person's rights to information, correction or deletion in a case the office authorised (bill art. 7)",
        tags,
        body: CreateRestrictionSchema,
        response: { 201: RestrictionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await restrictions.createRestriction(actorOf(request), request.body)),
  );

  app.get(
    '/api/restrictions/:restrictionId',
    {
      ...withSession,
      schema: {
        operationId: 'getRestriction',
        summary: 'One restriction of the office with its justification and reviews',
        tags,
        params: RestrictionParamsSchema,
        response: { 200: RestrictionSchema, ...problems },
      },
    },
    async (request) => restrictions.getRestriction(actorOf(request), request.params.restrictionId),
  );

  app.get(
    '/api/restrictions/:restrictionId/report',
    {
      ...withSession,
      schema: {
        operationId: 'restrictionReport',
        summary:
          'The restriction report: grounds in FR/NL/EN, both legal bases (SPEC RGT-RST-02..06, RST-10)',
        tags,
        params: RestrictionParamsSchema,
        response: { 200: RestrictionReportSchema, ...problems },
      },
    },
    async (request) => restrictions.restrictionReport(actorOf(request), request.params.restrictionId),
  );

  app.post(
    '/api/restrictions/:restrictionId/reviews',
    {
      ...withSession,
      schema: {
        operationId: 'reviewRestriction',
        summary: 'Confirm, narrow or lift a restriction at its review (SPEC RGT-RST-07)',
        tags,
        params: RestrictionParamsSchema,
        body: ReviewRestrictionSchema,
        response: { 200: RestrictionSchema, ...problems },
      },
    },
    async (request) =>
      restrictions.reviewRestriction(actorOf(request), request.params.restrictionId, request.body),
  );

  app.get(
    '/api/restrictions/cases/:caseId/flags',
    {
      ...withSession,
      schema: {
        operationId: 'restrictionFlags',
        summary:
          'The neutral "restriction art. 7" flag on the covered items of a case, without grounds (SPEC RGT-RST-08)',
        tags,
        params: CaseRestrictionParamsSchema,
        response: { 200: RestrictionFlagsSchema, ...problems },
      },
    },
    async (request) => restrictions.restrictionFlags(actorOf(request), request.params.caseId),
  );
};
