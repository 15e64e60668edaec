/**
 * The register of interconnections over HTTP (SPEC INT-01, INT-02, PEN-12): what the controllers'
 * DPOs register, approve, switch off and export, and the exchange log. Each route calls one
 * service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ExchangeListSchema,
  InterconnectionListSchema,
  InterconnectionParamsSchema,
  InterconnectionReasonSchema,
  InterconnectionRegisterSchema,
  InterconnectionSchema,
  RegisterExportQuerySchema,
  RegisterInterconnectionSchema,
  RegistrationOptionsSchema,
} from '../../../contracts/interconnections.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { InterconnectionService } from './interconnections.service.js';

export interface InterconnectionRoutesOptions {
  interconnections: InterconnectionService;
  guard: SessionGuard;
}

const tags = ['interconnections'];

export const interconnectionRoutes: FastifyPluginAsyncTypebox<InterconnectionRoutesOptions> = async (
  app,
  { interconnections, guard },
) => {
  const withSession = { onRequest: guard.requireSession };
  const params = InterconnectionParamsSchema;

  app.get(
    '/api/interconnections',
    {
      ...withSession,
      schema: {
        operationId: 'listInterconnections',
        summary:
          'The interconnections your organisation is a party to, with what you may do to each (SPEC INT-01)',
        tags,
        response: { 200: InterconnectionListSchema, ...problems },
      },
    },
    async (request) => interconnections.listInterconnections(actorOf(request)),
  );

  app.post(
    '/api/interconnections',
    {
      ...withSession,
      schema: {
        operationId: 'registerInterconnection',
        summary:
          "Register an interconnection of your organisation's connected system (its DPO): parties, legal basis and royal decree, mapped fields, security measures, public key; registering approves your side (L1992 art. 21)",
        tags,
        body: RegisterInterconnectionSchema,
        response: { 201: InterconnectionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await interconnections.registerInterconnection(actorOf(request), request.body)),
  );

  app.get(
    '/api/interconnections/registration-options',
    {
      ...withSession,
      schema: {
        operationId: 'interconnectionRegistrationOptions',
        summary:
          'What the DPO may register an interconnection for: its organisation’s active frameworks, the categories a mapping may use there and the possible parties (SPEC INT-01)',
        tags,
        response: { 200: RegistrationOptionsSchema, ...problems },
      },
    },
    async (request) => interconnections.registrationOptions(actorOf(request)),
  );

  app.get(
    '/api/interconnections/register',
    {
      ...withSession,
      schema: {
        operationId: 'exportInterconnectionRegister',
        summary:
          "The register of your organisation's interconnections with their legal basis, royal decree, history and volumes, as JSON or PDF (its DPO; SPEC PEN-12)",
        tags,
        querystring: RegisterExportQuerySchema,
        response: { 200: Type.Union([InterconnectionRegisterSchema, Type.Unknown()]), ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.query.format !== 'pdf') return interconnections.exportRegister(actor);
      const pdf = await interconnections.exportRegisterPdf(actor, request.query.language ?? 'en');
      return sendDownload(reply, {
        mediaType: 'application/pdf',
        filename: 'interconnection-register.pdf',
        content: pdf,
      });
    },
  );

  app.get(
    '/api/interconnections/:interconnectionId',
    {
      ...withSession,
      schema: {
        operationId: 'getInterconnection',
        summary: 'One interconnection your organisation is a party to (SPEC INT-01)',
        tags,
        params,
        response: { 200: InterconnectionSchema, ...problems },
      },
    },
    async (request) =>
      interconnections.getInterconnection(actorOf(request), request.params.interconnectionId),
  );

  app.post(
    '/api/interconnections/:interconnectionId/approval',
    {
      ...withSession,
      schema: {
        operationId: 'approveInterconnection',
        summary:
          "Approve your organisation's side (its DPO); once every party approved, it exchanges (SPEC INT-01)",
        tags,
        params,
        response: { 200: InterconnectionSchema, ...problems },
      },
    },
    async (request) =>
      interconnections.approveInterconnection(actorOf(request), request.params.interconnectionId),
  );

  app.post(
    '/api/interconnections/:interconnectionId/suspension',
    {
      ...withSession,
      schema: {
        operationId: 'suspendInterconnection',
        summary:
          "Switch it off for your organisation, with the reason: the kill switch of each controller's DPO (SPEC INT-02)",
        tags,
        params,
        body: InterconnectionReasonSchema,
        response: { 200: InterconnectionSchema, ...problems },
      },
    },
    async (request) =>
      interconnections.suspendInterconnection(
        actorOf(request),
        request.params.interconnectionId,
        request.body,
      ),
  );

  app.post(
    '/api/interconnections/:interconnectionId/resumption',
    {
      ...withSession,
      schema: {
        operationId: 'resumeInterconnection',
        summary: 'Switch it back on, where your organisation switched it off (its DPO; SPEC INT-02)',
        tags,
        params,
        response: { 200: InterconnectionSchema, ...problems },
      },
    },
    async (request) =>
      interconnections.resumeInterconnection(actorOf(request), request.params.interconnectionId),
  );

  app.post(
    '/api/interconnections/:interconnectionId/retirement',
    {
      ...withSession,
      schema: {
        operationId: 'retireInterconnection',
        summary: "End it for good, with the reason (the owner's DPO; SPEC INT-01)",
        tags,
        params,
        body: InterconnectionReasonSchema,
        response: { 200: InterconnectionSchema, ...problems },
      },
    },
    async (request) =>
      interconnections.retireInterconnection(
        actorOf(request),
        request.params.interconnectionId,
        request.body,
      ),
  );

  app.get(
    '/api/interconnections/:interconnectionId/exchanges',
    {
      ...withSession,
      schema: {
        operationId: 'listInterconnectionExchanges',
        summary:
          'The per-transaction log of its exchanges, newest first: counts and names of dropped fields, never a value (a party’s DPO; SPEC INT-02, SEC-05)',
        tags,
        params,
        response: { 200: ExchangeListSchema, ...problems },
      },
    },
    async (request) => interconnections.listExchanges(actorOf(request), request.params.interconnectionId),
  );
};
