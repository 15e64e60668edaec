/** Notifications over HTTP ("my tasks" of the dashboard). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotificationListSchema, NotificationParamsSchema } from '../../../contracts/notifications.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { type SessionGuard, sessionOf } from '../auth/session-guard.js';
import type { NotificationService } from './notifications.service.js';

export interface NotificationRoutesOptions {
  notifications: NotificationService;
  guard: SessionGuard;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const notificationRoutes: FastifyPluginAsyncTypebox<NotificationRoutesOptions> = async (app, options) => {
  const { notifications, guard } = options;
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/notifications',
    {
      ...withSession,
      schema: {
        operationId: 'listNotifications',
        summary: 'What is waiting for your organisation (kinds and ids, never content)',
        tags: ['notifications'],
        response: { 200: NotificationListSchema, ...problems },
      },
    },
    async (request) => notifications.listNotifications(sessionOf(request).actor),
  );

  app.post(
    '/api/notifications/:notificationId/acknowledgement',
    {
      ...withSession,
      schema: {
        operationId: 'acknowledgeNotification',
        summary: 'Mark a notification as dealt with',
        tags: ['notifications'],
        params: NotificationParamsSchema,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await notifications.acknowledge(sessionOf(request).actor, request.params.notificationId);
      return reply.code(204).send(null);
    },
  );
};
