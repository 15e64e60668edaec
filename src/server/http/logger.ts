/**
 * pino options for the HTTP server. A request is logged by method, route pattern and
 * status — never its URL (query strings and path ids can identify a person), headers or
 * body (ARCHITECTURE §2: logs never hold personal data).
 */
import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config.js';

interface LoggedRequest {
  method: string;
  id: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(level: LogLevel, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: LoggedRequest) => ({ id: request.id, method: request.method, route: request.routeOptions?.url ?? '(unmatched)' }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    redact: { paths: ['req.headers', 'req.body', 'req.url', 'body', 'headers'], remove: true },
  };
}
