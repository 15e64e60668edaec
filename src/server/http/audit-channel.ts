/**
 * The HTTP entry point's audit channel (SPEC SEC-05; ADR 0019): every request enters it before
 * any hook that could record an event, and the audit log stamps each event with it —
 *
 * - a request of a route that declares a connected system's channel (`config.auditChannel`, the
 *   delivery endpoint): `interconnection`, with the id its path names;
 * - a request with a session: `web`, with the session's public id as the client;
 * - any other request (login, invitation, the public register): `web` without a client.
 *
 * The channel is resolved when an event is recorded, not when the request arrives: a route's session
 * guard authenticates the session after this hook ran.
 *
 * The context is entered with `run` around the rest of the lifecycle (`done` is called inside it),
 * never with `enterWith`, which would leak into whatever runs next on the same async context.
 * Fastify resumes from `preValidation` on (validation, the route's hooks, the handler) from the
 * request stream's `end` event once a body is read; such stream events are not guaranteed to run in
 * the request's async context (nodejs/node#34430), so the context is entered again there through an
 * AsyncResource created inside it, as @fastify/request-context does. (On Node 20 and Fastify 5 the
 * context happens to survive the body; the re-entry keeps it so on other versions.)
 */
import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuditChannel, isAuditId, runInAuditChannel } from '../kernel/audit/index.js';

/** A route reached by a connected system instead of a session: the path parameter naming its interconnection. */
export interface RouteAuditChannel {
  type: 'interconnection';
  clientParam: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is the entry point of another channel than the web app (SPEC SEC-05). */
    auditChannel?: RouteAuditChannel;
  }
}

/** The channel a request came through, as known now. */
export function requestAuditChannel(request: FastifyRequest): AuditChannel {
  const declared = request.routeOptions.config?.auditChannel;
  if (declared) {
    const client = (request.params as Record<string, unknown> | undefined)?.[declared.clientParam];
    // A path that names no valid id (refused by the route) gives no client rather than free text.
    return isAuditId(client) ? { type: declared.type, client } : { type: declared.type };
  }
  const session = request.currentSession;
  return session ? { type: 'web', client: session.publicId } : { type: 'web' };
}

/** Call first on the root instance, before any other hook and route. */
export function enterAuditChannelPerRequest(app: FastifyInstance): void {
  const scopes = new WeakMap<FastifyRequest, AsyncResource>();
  app.addHook('onRequest', (request, _reply, done) => {
    runInAuditChannel(
      () => requestAuditChannel(request),
      () => {
        const scope = new AsyncResource('concerto-audit-channel');
        scopes.set(request, scope);
        scope.runInAsyncScope(done, request.raw);
      },
    );
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = scopes.get(request);
    if (scope) scope.runInAsyncScope(done, request.raw);
    else done();
  });
}
