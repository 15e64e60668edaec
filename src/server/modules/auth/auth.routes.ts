/** Login, logout and "my sessions" (issue 3 scope 3–4). Routes call one service function each. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  JustificationSchema,
  LoginSchema,
  SessionInfoSchema,
  SessionListSchema,
  SessionParamsSchema,
} from '../../../contracts/auth.js';
import {
  PasskeyLoginSchema,
  PasskeyLoginStartSchema,
  PasskeyRequestOptionsSchema,
} from '../../../contracts/mfa.js';
import { ProblemSchema } from '../../../contracts/problem.js';
import { sessionInfo } from './current-session.js';
import type { LoginService } from './login.service.js';
import {
  clearSessionCookie,
  type SessionGuard,
  SESSION_COOKIE,
  sessionOf,
  setSessionCookie,
} from './session-guard.js';
import type { SessionLimits } from './session-lifetime.js';
import type { SessionService } from './session.service.js';
import { userAgentSummary } from './user-agent-summary.js';

export interface AuthRoutesOptions {
  login: LoginService;
  sessions: SessionService;
  guard: SessionGuard;
  limits: SessionLimits;
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema };
const noContent = Type.Null();

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  const { login, sessions, guard, limits } = options;
  const withSession = { onRequest: guard.requireSession };
  // An enrolment session may still say who it is and end itself (SPEC SEC-01).
  const withAnySession = { onRequest: guard.requireAnySession };
  const loginContext = (request: FastifyRequest) => ({
    address: request.ip,
    userAgentSummary: userAgentSummary(request.headers['user-agent']),
    previousCookie: request.cookies[SESSION_COOKIE],
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        summary: 'Log in with e-mail, password and a TOTP code or a recovery code',
        tags: ['auth'],
        body: LoginSchema,
        response: { 200: SessionInfoSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await login.login(request.body, loginContext(request));
      setSessionCookie(reply, result.cookieValue);
      return result.info;
    },
  );

  app.post(
    '/api/auth/login/passkey/options',
    {
      schema: {
        operationId: 'startPasskeyLogin',
        summary: 'Passkey login, step one: e-mail and password, then options for navigator.credentials.get()',
        tags: ['auth'],
        body: PasskeyLoginStartSchema,
        response: { 200: PasskeyRequestOptionsSchema, ...problems },
      },
    },
    async (request) => login.startPasskeyLogin(request.body, loginContext(request)),
  );

  app.post(
    '/api/auth/login/passkey',
    {
      schema: {
        operationId: 'loginWithPasskey',
        summary: 'Passkey login, step two: the assertion answering the challenge of step one',
        tags: ['auth'],
        body: PasskeyLoginSchema,
        response: { 200: SessionInfoSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await login.loginWithPasskey(request.body, loginContext(request));
      setSessionCookie(reply, result.cookieValue);
      return result.info;
    },
  );

  app.get(
    '/api/session',
    {
      ...withAnySession,
      schema: {
        operationId: 'getSession',
        summary: 'Who is signed in, and the CSRF token',
        tags: ['auth'],
        response: { 200: SessionInfoSchema, 401: ProblemSchema },
      },
    },
    async (request) => sessionInfo(sessionOf(request), limits),
  );

  app.put(
    '/api/session/justification',
    {
      ...withSession,
      schema: {
        operationId: 'setSessionJustification',
        summary: 'Say why case files are consulted in this working session (recorded in every consult event)',
        tags: ['auth'],
        body: JustificationSchema,
        response: { 200: SessionInfoSchema, ...problems },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      await sessions.setJustification(session, request.body.justification);
      const actor = { ...session.actor, justification: request.body.justification };
      return sessionInfo({ ...session, actor }, limits);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      ...withAnySession,
      schema: {
        operationId: 'logout',
        summary: 'End this session',
        tags: ['auth'],
        response: { 204: noContent, ...problems },
      },
    },
    async (request, reply) => {
      await sessions.logout(sessionOf(request));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      ...withSession,
      schema: {
        operationId: 'logoutEverywhere',
        summary: 'End every session of the signed-in user, this one included',
        tags: ['auth'],
        response: { 204: noContent, ...problems },
      },
    },
    async (request, reply) => {
      await sessions.logoutEverywhere(sessionOf(request));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/sessions',
    {
      ...withSession,
      schema: {
        operationId: 'listSessions',
        summary: 'My running sessions',
        tags: ['auth'],
        response: { 200: SessionListSchema, 401: ProblemSchema },
      },
    },
    async (request) => sessions.list(sessionOf(request)),
  );

  app.delete(
    '/api/sessions/:id',
    {
      ...withSession,
      schema: {
        operationId: 'revokeSession',
        summary: 'End one of my sessions',
        tags: ['auth'],
        params: SessionParamsSchema,
        response: { 204: noContent, 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await sessions.revoke(session, request.params.id);
      if (request.params.id === session.publicId) clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
