import type { FastifyInstance } from 'fastify';

/**
 * Drops a request whose client hung up before Concerto looked at it (a browser leaving a page
 * aborts its pending loads). Node forgets a closed socket's address, so such a request has no
 * `ip` for the rate limiter to count it by. Nothing can be answered and nothing has been done
 * yet, so the request is dropped, with a debug line. Register it before the rate limiter.
 */
export function dropRequestsOfGoneClients(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.ip !== undefined) return;
    request.log.debug('client closed the connection before the request was handled');
    reply.hijack();
  });
}
