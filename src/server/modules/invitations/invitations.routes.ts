/**
 * Invitations over HTTP (issue 3 scope 2): the operator issues the single-use link; the invitee,
 * without a session, redeems it with a new password. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UserParamsSchema } from '../../../contracts/identity.js';
import {
  InvitationRequestSchema,
  IssuedInvitationSchema,
  RedeemedInvitationSchema,
  RedeemInvitationSchema,
} from '../../../contracts/invitations.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { InvitationService } from './invitations.service.js';

export interface InvitationRoutesOptions {
  invitations: InvitationService;
  guard: SessionGuard;
}

export const invitationRoutes: FastifyPluginAsyncTypebox<InvitationRoutesOptions> = async (app, options) => {
  const { invitations, guard } = options;

  app.post(
    '/api/admin/users/:userId/invitation',
    {
      onRequest: guard.requireSession,
      schema: {
        operationId: 'inviteUser',
        summary:
          'Issue (or issue again) the single-use link that lets the user set a password; it expires after 72 h and earlier links stop working (operator only)',
        tags: ['admin'],
        params: UserParamsSchema,
        body: InvitationRequestSchema,
        response: {
          201: IssuedInvitationSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const issued = await invitations.inviteUser(sessionOf(request).actor, {
        userId: request.params.userId,
        language: request.body.language,
      });
      return reply.code(201).send({ ...issued, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/invitations/redeem',
    {
      schema: {
        operationId: 'redeemInvitation',
        summary:
          'Set the password of an invited account with the token of its link; an unknown, used, revoked or expired token gets one answer (404)',
        tags: ['auth'],
        body: RedeemInvitationSchema,
        response: { 200: RedeemedInvitationSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => invitations.redeemInvitation(request.body),
  );
};
