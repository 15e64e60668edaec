/** The prosecutor's list over HTTP (bill art. 8; SPEC LST-01..04). No export route (LST-02). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  ListEntriesSchema,
  ListEntryParamsSchema,
  ListEntrySchema,
  ListLookupResultSchema,
  ListLookupSchema,
  RemoveListEntrySchema,
} from '../../../contracts/prosecutor-list.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ProsecutorListService } from './prosecutor-list.service.js';

export interface ProsecutorListRoutesOptions {
  list: ProsecutorListService;
  guard: SessionGuard;
}

const tags = ['prosecutor-list'];

export const prosecutorListRoutes: FastifyPluginAsyncTypebox<ProsecutorListRoutesOptions> = async (
  app,
  { list, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/prosecutor-list',
    {
      ...withSession,
      schema: {
        operationId: 'listProsecutorList',
        summary:
          "The office's list for its upkeep: proposals and pending updates with identities, the rest without (SPEC LST-01)",
        tags,
        response: { 200: ListEntriesSchema, ...problems },
      },
    },
    async (request) => list.listEntries(actorOf(request)),
  );

  app.post(
    '/api/prosecutor-list/lookups',
    {
      ...withSession,
      schema: {
        operationId: 'lookUpProsecutorList',
        summary:
          'Check a person on the list for an art. 7 restriction or rights request, logged with it (SPEC LST-02)',
        tags,
        body: ListLookupSchema,
        response: { 200: ListLookupResultSchema, ...problems },
      },
    },
    async (request) => list.lookUp(actorOf(request), request.body),
  );

  app.post(
    '/api/prosecutor-list/:entryId/validation',
    {
      ...withSession,
      schema: {
        operationId: 'validateListEntry',
        summary:
          'Validate a proposal: its registration starts the 30-year erasure clock (SPEC LST-01, LST-03)',
        tags,
        params: ListEntryParamsSchema,
        response: { 200: ListEntrySchema, ...problems },
      },
    },
    async (request) => list.validateEntry(actorOf(request), request.params.entryId),
  );

  app.post(
    '/api/prosecutor-list/:entryId/removal',
    {
      ...withSession,
      schema: {
        operationId: 'removeListEntry',
        summary: 'Reject a proposal or remove an entry created in error, with the reason (SPEC LST-04)',
        tags,
        params: ListEntryParamsSchema,
        body: RemoveListEntrySchema,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await list.removeEntry(actorOf(request), request.params.entryId, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/prosecutor-list/:entryId/identity-update',
    {
      ...withSession,
      schema: {
        operationId: 'applyListIdentityUpdate',
        summary: 'Take over the identity rectified in the case (SPEC LST-04)',
        tags,
        params: ListEntryParamsSchema,
        response: { 200: ListEntrySchema, ...problems },
      },
    },
    async (request) => list.applyIdentityUpdate(actorOf(request), request.params.entryId),
  );
};
