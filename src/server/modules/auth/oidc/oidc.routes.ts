/**
 * Single sign-on routes (issue 3 scope 3, ADR 0011). When CONCERTO_OIDC_ISSUER is unset, each
 * answers a 404 problem. Every refusal is an RFC 9457 problem, like the rest of the API.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { OidcCallbackQuerySchema, SsoOptionsSchema } from '../../../../contracts/oidc.js';
import { ProblemSchema } from '../../../../contracts/problem.js';
import { SESSION_COOKIE, setSessionCookie } from '../session-guard.js';
import { userAgentSummary } from '../user-agent-summary.js';
import type { OidcLoginService } from './oidc-login.service.js';
import { FLOW_MINUTES } from './oidc-rules.js';

export interface OidcRoutesOptions {
  sso: OidcLoginService;
}

/**
 * The browser's handle on its running sign-in. `__Host-` (Secure, Path=/, no Domain) like the
 * session cookie, but SameSite=Lax: the provider sends the browser back with a cross-site
 * top-level GET, on which a Strict cookie is not sent, so the flow could never be found. Lax
 * is safe here: the cookie only names a single-use, short-lived flow, and the callback is
 * bound to it by `state` (login CSRF, RFC 6749 §10.12) and to its PKCE verifier.
 */
export const FLOW_COOKIE = '__Host-concerto_sso_flow';
const FLOW_COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' } as const;

function clearFlowCookie(reply: FastifyReply): void {
  reply.clearCookie(FLOW_COOKIE, FLOW_COOKIE_OPTIONS);
}

const redirect = (description: string) => Type.Null({ description });

export const oidcRoutes: FastifyPluginAsyncTypebox<OidcRoutesOptions> = async (app, { sso }) => {
  app.get(
    '/api/auth/oidc',
    {
      schema: {
        operationId: 'getSsoOptions',
        summary: 'Whether single sign-on is offered, and the text of its button',
        tags: ['auth'],
        response: { 200: SsoOptionsSchema, 404: ProblemSchema },
      },
    },
    async () => sso.options(),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      schema: {
        operationId: 'startSso',
        summary: 'Start a single sign-on at the identity provider (code flow with PKCE)',
        tags: ['auth'],
        response: {
          302: redirect('To the identity provider; sets the short-lived flow cookie'),
          404: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (_request, reply) => {
      const { location, flowCookie } = await sso.start();
      reply.setCookie(FLOW_COOKIE, flowCookie, { ...FLOW_COOKIE_OPTIONS, maxAge: FLOW_MINUTES * 60 });
      return reply.redirect(location, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        operationId: 'finishSso',
        summary: 'Where the identity provider sends the browser back: opens a session and goes to /',
        tags: ['auth'],
        querystring: OidcCallbackQuerySchema,
        response: {
          303: redirect('To the web app, signed in; sets the session cookie'),
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      // The flow is single use whatever the outcome: the browser may forget it now.
      clearFlowCookie(reply);
      const queryAt = request.url.indexOf('?');
      const result = await sso.finish({
        query: queryAt === -1 ? '' : request.url.slice(queryAt),
        state: request.query.state,
        flowCookie: request.cookies[FLOW_COOKIE],
        userAgentSummary: userAgentSummary(request.headers['user-agent']),
        previousCookie: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, result.cookieValue);
      return reply.redirect('/', 303);
    },
  );
};
