/**
 * Inspector accounts over HTTP (SPEC SUP-03, PEN-14, PEN-22): the DPO grants, lists and revokes
 * them; the inspector reads the confidentiality duty, acknowledges it, then the inspection export
 * and the audit log's metadata. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LanguageSchema } from '../../../contracts/language.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  GrantedInspectorAccessSchema,
  GrantInspectorAccessSchema,
  InspectionAuditPageSchema,
  InspectionAuditQuerySchema,
  InspectionExportSchema,
  InspectionOverviewSchema,
  InspectionQuerySchema,
  InspectorGrantListSchema,
  InspectorGrantParamsSchema,
  InspectorGrantSchema,
} from '../../../contracts/supervision.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { InspectorAccessService } from './inspector-access.service.js';

export interface InspectionRoutesOptions {
  inspectors: InspectorAccessService;
  guard: SessionGuard;
}

const tags = ['inspection'];

export const inspectionRoutes: FastifyPluginAsyncTypebox<InspectionRoutesOptions> = async (
  app,
  { inspectors, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/supervision/inspector-grants',
    {
      ...withSession,
      schema: {
        operationId: 'listInspectorGrants',
        summary:
          'The inspector accounts granted to the Commission, with the request and grant times (SPEC SUP-03, PEN-14)',
        tags,
        response: { 200: InspectorGrantListSchema, ...problems },
      },
    },
    async (request) => inspectors.listGrants(actorOf(request)),
  );

  app.post(
    '/api/supervision/inspector-grants',
    {
      // Granting an account is a sensitive action (issue 3 scope 4: role changes).
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'grantInspectorAccess',
        summary:
          'Grant a member or expert of the Commission a read-only inspector account for a number of days, the day it is asked (L1992 art. 32 §1, art. 39 13°)',
        tags,
        body: GrantInspectorAccessSchema,
        response: { 201: GrantedInspectorAccessSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inspectors.grantInspectorAccess(actorOf(request), request.body)),
  );

  app.post(
    '/api/supervision/inspector-grants/:grantId/revocation',
    {
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'revokeInspectorAccess',
        summary: 'End an inspector account before its period is over; its sessions end (SPEC SUP-03)',
        tags,
        params: InspectorGrantParamsSchema,
        response: { 200: InspectorGrantSchema, ...problems },
      },
    },
    async (request) => inspectors.revokeGrant(actorOf(request), request.params.grantId),
  );

  app.get(
    '/api/inspection',
    {
      ...withSession,
      schema: {
        operationId: 'getInspection',
        summary:
          "The inspector's grant and the confidentiality duty of L1992 art. 33, shown before anything is read (SPEC PEN-22)",
        tags,
        querystring: InspectionQuerySchema,
        response: { 200: InspectionOverviewSchema, ...problems },
      },
    },
    async (request) => inspectors.overview(actorOf(request), request.query.language ?? 'en'),
  );

  app.post(
    '/api/inspection/acknowledgement',
    {
      ...withSession,
      schema: {
        operationId: 'acknowledgeInspectionNotice',
        summary: 'The inspector acknowledges the confidentiality duty (L1992 arts 33, 37; SPEC PEN-22)',
        tags,
        body: Type.Object({ language: LanguageSchema }, { additionalProperties: false }),
        response: { 200: InspectionOverviewSchema, ...problems },
      },
    },
    async (request) => inspectors.acknowledgeNotice(actorOf(request), request.body.language),
  );

  app.get(
    '/api/inspection/export',
    {
      ...withSession,
      schema: {
        operationId: 'exportInspection',
        summary:
          "The inspection export of the granting controller: configuration, declarations, registers and the audit log's summary; no case content (SPEC SUP-03)",
        tags,
        querystring: InspectionQuerySchema,
        response: { 200: InspectionExportSchema, ...problems },
      },
    },
    async (request) => inspectors.exportInspection(actorOf(request), request.query.language ?? 'en'),
  );

  app.get(
    '/api/inspection/audit-events',
    {
      ...withSession,
      schema: {
        operationId: 'inspectionAuditEvents',
        summary: "The granting controller's audit events, metadata only, page by page (SPEC SUP-03)",
        tags,
        querystring: InspectionAuditQuerySchema,
        response: { 200: InspectionAuditPageSchema, ...problems },
      },
    },
    async (request) => inspectors.auditEvents(actorOf(request), request.query),
  );
};
