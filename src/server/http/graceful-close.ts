/**
 * Graceful close: stop accepting, let in-flight requests finish, and close keep-alive
 * connections as soon as they fall idle. Fastify's `forceCloseConnections: 'idle'` closes
 * only the connections idle at the moment close starts; a connection whose request ends
 * later would otherwise hold the close open until its keep-alive timeout.
 */
import type { FastifyInstance } from 'fastify';

export async function closeGracefully(app: FastifyInstance): Promise<void> {
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
  sweeper.unref();
  try {
    await app.close();
  } finally {
    clearInterval(sweeper);
  }
}
