/**
 * Permanent representatives over HTTP (bill art. 5; SPEC ROL-04..06). Who may do what is the
 * services' decision; a representation the actor is no party to answers 404 (ARCHITECTURE §3.7).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../../contracts/problem.js';
import {
  BriefingRecordSchema,
  BriefingSchema,
  DebriefingSchema,
  DesignationSchema,
  RepresentationListSchema,
  RepresentationParamsSchema,
  RepresentationSchema,
} from '../../../contracts/representation.js';
import { AcceptanceSchema, AcceptUndertakingSchema } from '../../../contracts/undertakings.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { BriefingService } from './briefings.service.js';
import type { RepresentationService } from './representation.service.js';

export interface RepresentationRoutesOptions {
  representations: RepresentationService;
  briefings: BriefingService;
  guard: SessionGuard;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ['representation'];
const params = RepresentationParamsSchema;

export const representationRoutes: FastifyPluginAsyncTypebox<RepresentationRoutesOptions> = async (
  app,
  options,
) => {
  const { representations, briefings, guard } = options;
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/representations',
    {
      ...withSession,
      schema: {
        operationId: 'listRepresentations',
        summary:
          'The representations I hold or am represented by, and all those of my authority when I act for it',
        tags,
        response: { 200: RepresentationListSchema, 401: ProblemSchema },
      },
    },
    async (request) => ({
      representations: await representations.listRepresentations(sessionOf(request).actor),
    }),
  );

  app.post(
    '/api/representations',
    {
      ...withSession,
      schema: {
        operationId: 'designateRepresentative',
        summary:
          'My authority designates a permanent representative for a period and the persons represented (bill art. 5 al. 1)',
        tags,
        body: DesignationSchema,
        response: { 201: RepresentationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await representations.designateRepresentative(sessionOf(request).actor, request.body)),
  );

  app.get(
    '/api/representations/:representationId',
    {
      ...withSession,
      schema: {
        operationId: 'getRepresentation',
        summary: 'One representation I am a party to',
        tags,
        params,
        response: { 200: RepresentationSchema, ...problems },
      },
    },
    async (request) =>
      representations.getRepresentation(sessionOf(request).actor, request.params.representationId),
  );

  app.post(
    '/api/representations/:representationId/acceptance',
    {
      ...withSession,
      schema: {
        operationId: 'acceptRepresentativeUndertaking',
        summary:
          'As the representative, accept the undertaking of bill art. 5 al. 2 for this representation; it is active from then on',
        tags,
        params,
        body: AcceptUndertakingSchema,
        response: { 201: AcceptanceSchema, ...problems, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { versionId, language } = request.body;
      const accepted = await representations.acceptRepresentativeUndertaking(
        sessionOf(request).actor,
        request.params.representationId,
        versionId,
        language,
      );
      return reply.code(201).send(accepted);
    },
  );

  app.post(
    '/api/representations/:representationId/end',
    {
      ...withSession,
      schema: {
        operationId: 'endRepresentation',
        summary: 'My authority ends a designation before its term',
        tags,
        params,
        response: { 200: RepresentationSchema, ...problems, 409: ProblemSchema },
      },
    },
    async (request) =>
      representations.endRepresentation(sessionOf(request).actor, request.params.representationId),
  );

  app.post(
    '/api/representations/:representationId/briefings',
    {
      ...withSession,
      schema: {
        operationId: 'recordBriefing',
        summary:
          'As a represented person, record a briefing of the representative before a consultation (bill art. 5 al. 2)',
        tags,
        params,
        body: BriefingSchema,
        response: { 201: BriefingRecordSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await briefings.recordBriefing(
            sessionOf(request).actor,
            request.params.representationId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/representations/:representationId/debriefings',
    {
      ...withSession,
      schema: {
        operationId: 'recordDebriefing',
        summary:
          'As the representative, record a debriefing of represented persons who acknowledged the secrecy (bill art. 5 al. 3)',
        tags,
        params,
        body: DebriefingSchema,
        response: { 201: BriefingRecordSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await briefings.recordDebriefing(
            sessionOf(request).actor,
            request.params.representationId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/representations/:representationId/secrecy-acknowledgement',
    {
      ...withSession,
      schema: {
        operationId: 'acknowledgeDebriefSecrecy',
        summary:
          'As a represented person, acknowledge the secrecy of CP art. 458ter §2 before any debrief reaches me',
        tags,
        params,
        body: AcceptUndertakingSchema,
        response: { 201: AcceptanceSchema, ...problems, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { versionId, language } = request.body;
      const acknowledged = await briefings.acknowledgeDebriefSecrecy(
        sessionOf(request).actor,
        request.params.representationId,
        versionId,
        language,
      );
      return reply.code(201).send(acknowledged);
    },
  );
};
