/** Break-glass access over HTTP (L2007 art. 16 §3; SPEC SEC-12, PRC-06). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApproveBreakGlassSchema,
  BreakGlassContentSchema,
  BreakGlassGrantListSchema,
  BreakGlassGrantSchema,
  BreakGlassParamsSchema,
  RefuseBreakGlassSchema,
  RequestBreakGlassSchema,
} from '../../../contracts/break-glass.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { BreakGlassService } from './break-glass.service.js';

export interface BreakGlassRoutesOptions {
  breakGlass: BreakGlassService;
  guard: SessionGuard;
}

const tags = ['break-glass'];

export const breakGlassRoutes: FastifyPluginAsyncTypebox<BreakGlassRoutesOptions> = async (
  app,
  { breakGlass, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/break-glass',
    {
      ...withSession,
      schema: {
        operationId: 'listBreakGlassGrants',
        summary: "The host's break-glass grants (operator), or your controller's (DPO), with their reports",
        tags,
        response: { 200: BreakGlassGrantListSchema, ...problems },
      },
    },
    async (request) => breakGlass.listGrants(actorOf(request)),
  );

  app.post(
    '/api/break-glass',
    {
      ...withSession,
      schema: {
        operationId: 'requestBreakGlass',
        summary:
          "Ask, under a support ticket, to read a controller's records of a case; nothing is readable until its DPO approves (operator)",
        tags,
        body: RequestBreakGlassSchema,
        response: { 201: BreakGlassGrantSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await breakGlass.requestGrant(actorOf(request), request.body)),
  );

  app.get(
    '/api/break-glass/:grantId',
    {
      ...withSession,
      schema: {
        operationId: 'getBreakGlassGrant',
        summary: 'A break-glass grant and its report: every read with its audit position',
        tags,
        params: BreakGlassParamsSchema,
        response: { 200: BreakGlassGrantSchema, ...problems },
      },
    },
    async (request) => breakGlass.getGrant(actorOf(request), request.params.grantId),
  );

  app.post(
    '/api/break-glass/:grantId/approval',
    {
      ...withSession,
      schema: {
        operationId: 'approveBreakGlass',
        summary:
          "The controller's DPO instructs: its instruction reference and the window (L2007 art. 16 §3)",
        tags,
        params: BreakGlassParamsSchema,
        body: ApproveBreakGlassSchema,
        response: { 200: BreakGlassGrantSchema, ...problems },
      },
    },
    async (request) => breakGlass.approveGrant(actorOf(request), request.params.grantId, request.body),
  );

  app.post(
    '/api/break-glass/:grantId/refusal',
    {
      ...withSession,
      schema: {
        operationId: 'refuseBreakGlass',
        summary: "The controller's DPO refuses, with its reason",
        tags,
        params: BreakGlassParamsSchema,
        body: RefuseBreakGlassSchema,
        response: { 200: BreakGlassGrantSchema, ...problems },
      },
    },
    async (request) => breakGlass.refuseGrant(actorOf(request), request.params.grantId, request.body),
  );

  app.post(
    '/api/break-glass/:grantId/closure',
    {
      ...withSession,
      schema: {
        operationId: 'closeBreakGlass',
        summary:
          "Its grantee closes the grant, or the controller's DPO revokes it; the report goes to the controller",
        tags,
        params: BreakGlassParamsSchema,
        response: { 200: BreakGlassGrantSchema, ...problems },
      },
    },
    async (request) => breakGlass.closeGrant(actorOf(request), request.params.grantId),
  );

  app.get(
    '/api/break-glass/:grantId/content',
    {
      ...withSession,
      schema: {
        operationId: 'readBreakGlassContent',
        summary:
          "The grantee reads the controller's persons and items of the case, within the window (audited read)",
        tags,
        params: BreakGlassParamsSchema,
        response: { 200: BreakGlassContentSchema, ...problems },
      },
    },
    async (request) => breakGlass.readContent(actorOf(request), request.params.grantId),
  );
};
