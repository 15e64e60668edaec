/**
 * Every route the app serves, as it is registered, so that the access matrix test can fail on
 * a route the matrix does not declare (issue 3 scope 8), hidden routes included.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  operationId: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Call first in buildApp, before any route is registered. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
    // Fastify adds a HEAD twin to every GET; it is the GET's rule.
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, operationId });
  });
}
