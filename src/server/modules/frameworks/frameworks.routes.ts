/** Consultation frameworks over HTTP (issue 4 scope 1). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddFrameworkParticipantSchema,
  CreateFrameworkSchema,
  FrameworkListSchema,
  FrameworkParamsSchema,
  FrameworkParticipantParamsSchema,
  FrameworkSchema,
  UpdateFrameworkSchema,
} from '../../../contracts/frameworks.js';
import { ProblemSchema, USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import { AUTHORISATION_DOCUMENT_MAX_BYTES, type FrameworkService } from './frameworks.service.js';

export interface FrameworkRoutesOptions {
  frameworks: FrameworkService;
  guard: SessionGuard;
}

const tags = ['frameworks'];

export const frameworkRoutes: FastifyPluginAsyncTypebox<FrameworkRoutesOptions> = async (app, options) => {
  const { frameworks, guard } = options;
  const withSession = { onRequest: guard.requireSession };
  // The signed authorisation is sent as the raw PDF; its type is checked by its content.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: AUTHORISATION_DOCUMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/frameworks',
    {
      ...withSession,
      schema: {
        operationId: 'listFrameworks',
        summary: 'Every framework (operator), or the active ones your organisation takes part in',
        tags,
        response: { 200: FrameworkListSchema, ...problems },
      },
    },
    async (request) => frameworks.listFrameworks(actorOf(request)),
  );

  app.post(
    '/api/frameworks',
    {
      ...withSession,
      schema: {
        operationId: 'createFramework',
        summary: 'Record a framework as a draft, optionally from a template (operator only)',
        tags,
        body: CreateFrameworkSchema,
        response: { 201: FrameworkSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await frameworks.createFramework(actorOf(request), request.body)),
  );

  app.get(
    '/api/frameworks/:frameworkId',
    {
      ...withSession,
      schema: {
        operationId: 'getFramework',
        summary: 'One framework (operator, or a party of an active framework)',
        tags,
        params: FrameworkParamsSchema,
        response: { 200: FrameworkSchema, ...problems },
      },
    },
    async (request) => frameworks.viewFramework(actorOf(request), request.params.frameworkId),
  );

  app.patch(
    '/api/frameworks/:frameworkId',
    {
      ...withSession,
      schema: {
        operationId: 'updateFramework',
        summary: 'Complete or correct a draft framework (operator only)',
        tags,
        params: FrameworkParamsSchema,
        body: UpdateFrameworkSchema,
        response: { 200: FrameworkSchema, ...problems },
      },
    },
    async (request) =>
      frameworks.updateFramework(actorOf(request), request.params.frameworkId, request.body),
  );

  app.put(
    '/api/frameworks/:frameworkId/authorisation-document',
    {
      ...withSession,
      schema: {
        operationId: 'uploadAuthorisationDocument',
        summary: "Attach the procureur du Roi's signed authorisation (raw PDF body; operator only)",
        tags,
        params: FrameworkParamsSchema,
        response: { 200: FrameworkSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request) =>
      frameworks.uploadAuthorisationDocument(
        actorOf(request),
        request.params.frameworkId,
        Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      ),
  );

  app.post(
    '/api/frameworks/:frameworkId/activation',
    {
      ...withSession,
      schema: {
        operationId: 'activateFramework',
        summary: 'Activate a complete framework; refused field by field otherwise (SPEC SCO-03)',
        tags,
        params: FrameworkParamsSchema,
        response: { 200: FrameworkSchema, ...problems },
      },
    },
    async (request) => frameworks.activateFramework(actorOf(request), request.params.frameworkId),
  );

  app.post(
    '/api/frameworks/:frameworkId/participants',
    {
      ...withSession,
      schema: {
        operationId: 'addFrameworkParticipant',
        summary: 'Add an organisation to the participants (operator only; SPEC ROL-01)',
        tags,
        params: FrameworkParamsSchema,
        body: AddFrameworkParticipantSchema,
        response: { 200: FrameworkSchema, ...problems },
      },
    },
    async (request) =>
      frameworks.addParticipant(actorOf(request), request.params.frameworkId, request.body.organisationId),
  );

  app.post(
    '/api/frameworks/:frameworkId/participants/:organisationId/removal',
    {
      ...withSession,
      schema: {
        operationId: 'removeFrameworkParticipant',
        summary: 'Remove an organisation from the participants (operator only; SPEC ROL-01)',
        tags,
        params: FrameworkParticipantParamsSchema,
        response: { 200: FrameworkSchema, ...problems },
      },
    },
    async (request) =>
      frameworks.removeParticipant(actorOf(request), request.params.frameworkId, request.params.organisationId),
  );
};
