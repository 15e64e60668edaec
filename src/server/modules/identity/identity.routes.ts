/**
 * The operator console's organisations and users (issue 3 scope 1–2). Operator only: the
 * service refuses anyone else with 403 and a committed denied audit event. Each route calls
 * one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChangeUserPermissionsSchema,
  ChangeUserRolesSchema,
  CreateOrganisationSchema,
  CreateRoyalDecreeSchema,
  CreateUserSchema,
  OrganisationListSchema,
  OrganisationParamsSchema,
  OrganisationSchema,
  RoyalDecreeParamsSchema,
  UpdateOrganisationSchema,
  UpdateRoyalDecreeSchema,
  UserListQuerySchema,
  UserListSchema,
  UserParamsSchema,
  UserSchema,
} from '../../../contracts/identity.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { IdentityService } from './identity.service.js';

export interface IdentityRoutesOptions {
  identity: IdentityService;
  guard: SessionGuard;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const withTarget = { ...problems, 404: ProblemSchema, 409: ProblemSchema };
const tags = ['admin'];


export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRoutesOptions> = async (app, options) => {
  const { identity, guard } = options;
  const withSession = { onRequest: guard.requireSession };
  // Privilege changes need a second factor proven within 5 minutes (issue 3 scope 4, ASVS 5.0 V7.5.3).
  const withFreshMfa = { onRequest: guard.requireFreshMfa };

  app.get(
    '/api/admin/organisations',
    {
      ...withSession,
      schema: {
        operationId: 'listOrganisations',
        summary: 'Every organisation of the platform (operator only)',
        tags,
        response: { 200: OrganisationListSchema, ...problems },
      },
    },
    async (request) => ({ organisations: await identity.listOrganisations(actorOf(request)) }),
  );

  app.post(
    '/api/admin/organisations',
    {
      ...withSession,
      schema: {
        operationId: 'createOrganisation',
        summary: 'Register a participant organisation or the host (operator only)',
        tags,
        body: CreateOrganisationSchema,
        response: { 201: OrganisationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.createOrganisation(actorOf(request), request.body)),
  );

  app.get(
    '/api/admin/organisations/:organisationId',
    {
      ...withSession,
      schema: {
        operationId: 'getOrganisation',
        summary: 'One organisation (operator only)',
        tags,
        params: OrganisationParamsSchema,
        response: { 200: OrganisationSchema, ...withTarget },
      },
    },
    async (request) => identity.getOrganisation(actorOf(request), request.params.organisationId),
  );

  app.patch(
    '/api/admin/organisations/:organisationId',
    {
      ...withSession,
      schema: {
        operationId: 'updateOrganisation',
        summary: 'Change fields of an organisation; the audit event names the fields (operator only)',
        tags,
        params: OrganisationParamsSchema,
        body: UpdateOrganisationSchema,
        response: { 200: OrganisationSchema, ...withTarget },
      },
    },
    async (request) =>
      identity.updateOrganisation(actorOf(request), request.params.organisationId, request.body),
  );

  app.post(
    '/api/admin/organisations/:organisationId/royal-decrees',
    {
      ...withSession,
      schema: {
        operationId: 'recordRoyalDecree',
        summary:
          'Record a royal decree the organisation processes data under: L1992 art. 8 §5 or L2007 art. 6 §3 (SPEC DAT-32, DAT-33; operator only)',
        tags,
        params: OrganisationParamsSchema,
        body: CreateRoyalDecreeSchema,
        response: { 201: OrganisationSchema, ...withTarget },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await identity.recordRoyalDecree(actorOf(request), request.params.organisationId, request.body)),
  );

  app.patch(
    '/api/admin/organisations/:organisationId/royal-decrees/:royalDecreeId',
    {
      ...withSession,
      schema: {
        operationId: 'updateRoyalDecree',
        summary: 'Correct a running royal decree; one that has ended is kept as it was (operator only)',
        tags,
        params: RoyalDecreeParamsSchema,
        body: UpdateRoyalDecreeSchema,
        response: { 200: OrganisationSchema, ...withTarget },
      },
    },
    async (request) =>
      identity.updateRoyalDecree(
        actorOf(request),
        request.params.organisationId,
        request.params.royalDecreeId,
        request.body,
      ),
  );

  app.get(
    '/api/admin/users',
    {
      ...withSession,
      schema: {
        operationId: 'listUsers',
        summary: 'The users of one organisation, or of all (operator only)',
        tags,
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...problems },
      },
    },
    async (request) => ({ users: await identity.listUsers(actorOf(request), request.query) }),
  );

  app.post(
    '/api/admin/users',
    {
      ...withSession,
      schema: {
        operationId: 'createUser',
        summary: 'Create a named, individual account; it is activated by an invitation (operator only)',
        tags,
        body: CreateUserSchema,
        response: { 201: UserSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await identity.createUser(actorOf(request), request.body)),
  );

  app.get(
    '/api/admin/users/:userId',
    {
      ...withSession,
      schema: {
        operationId: 'getUser',
        summary: 'One user (operator only)',
        tags,
        params: UserParamsSchema,
        response: { 200: UserSchema, ...withTarget },
      },
    },
    async (request) => identity.getUser(actorOf(request), request.params.userId),
  );

  app.put(
    '/api/admin/users/:userId/roles',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'changeUserRoles',
        summary:
          "Replace a user's roles; their sessions end (operator only, second factor within 5 min, else 403 mfa_required)",
        tags,
        params: UserParamsSchema,
        body: ChangeUserRolesSchema,
        response: { 200: UserSchema, ...withTarget },
      },
    },
    async (request) => identity.changeUserRoles(actorOf(request), request.params.userId, request.body),
  );

  app.put(
    '/api/admin/users/:userId/permissions',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'changeUserPermissions',
        summary: 'Grant or withdraw cross-case person search (SPEC SEC-07; operator only, fresh MFA)',
        tags,
        params: UserParamsSchema,
        body: ChangeUserPermissionsSchema,
        response: { 200: UserSchema, ...withTarget },
      },
    },
    async (request) =>
      identity.changeUserPermissions(actorOf(request), request.params.userId, request.body),
  );

  app.post(
    '/api/admin/users/:userId/deactivate',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'deactivateUser',
        summary:
          'Deactivate a user (never deleted); all their sessions end at once (operator only, second factor within 5 min)',
        tags,
        params: UserParamsSchema,
        response: { 200: UserSchema, ...withTarget },
      },
    },
    async (request) => identity.deactivateUser(actorOf(request), request.params.userId),
  );
};
