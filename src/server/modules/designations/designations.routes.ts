/** Designations for special categories over HTTP (SPEC DAT-19; the organisation's DPO). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateDesignationSchema,
  DesignationListSchema,
  DesignationParamsSchema,
} from '../../../contracts/designations.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { DesignationService } from './designations.service.js';
import { sendDownload } from '../../http/download.js';

export interface DesignationRoutesOptions {
  designations: DesignationService;
  guard: SessionGuard;
}

const tags = ['designations'];

export const designationRoutes: FastifyPluginAsyncTypebox<DesignationRoutesOptions> = async (app, options) => {
  const { designations, guard } = options;
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/designations',
    {
      ...withSession,
      schema: {
        operationId: 'listDesignations',
        summary: "Your organisation's persons designated for special categories (its DPO)",
        tags,
        response: { 200: DesignationListSchema, ...problems },
      },
    },
    async (request) => designations.listDesignations(actorOf(request)),
  );

  app.post(
    '/api/designations',
    {
      ...withSession,
      schema: {
        operationId: 'designate',
        summary: 'Designate a member for a special category, with their function (SPEC DAT-19)',
        tags,
        body: CreateDesignationSchema,
        response: { 201: DesignationListSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await designations.designate(actorOf(request), request.body)),
  );

  app.post(
    '/api/designations/:designationId/revocation',
    {
      ...withSession,
      schema: {
        operationId: 'revokeDesignation',
        summary: 'Withdraw a designation',
        tags,
        params: DesignationParamsSchema,
        response: { 200: DesignationListSchema, ...problems },
      },
    },
    async (request) => designations.revoke(actorOf(request), request.params.designationId),
  );

  app.get(
    '/api/designations/export',
    {
      ...withSession,
      schema: {
        operationId: 'exportDesignations',
        summary: 'The list as CSV for the supervisory authority (names, functions, dates)',
        tags,
        response: { 200: Type.String(), ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(reply, {
        mediaType: 'text/csv; charset=utf-8',
        filename: 'designated-persons.csv',
        content: await designations.exportCsv(actorOf(request)),
      }),
  );
};
