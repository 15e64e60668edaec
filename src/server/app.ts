/**
 * Builds the Fastify application without listening (ARCHITECTURE §5): tests call
 * `app.inject()`, `server.ts` listens. Dependencies are passed in explicitly.
 */
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { ProblemSchema } from '../contracts/problem.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { errorHandler, sendProblem } from './http/problem.js';
import { loggerOptions } from './http/logger.js';
import { generateRequestId } from './http/request-id.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/static-web.js';
import { createAuditLog } from './kernel/audit/index.js';
import { type Clock, systemClock } from './kernel/clock.js';
import type { KeyProvider } from './kernel/crypto/key-provider.js';
import { createAuthRepository } from './modules/auth/auth.repository.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createLoginService } from './modules/auth/login.service.js';
import { createSessionGuard, decorateSessionRequest } from './modules/auth/session-guard.js';
import { createSessionService } from './modules/auth/session.service.js';
import { createSystemRepository } from './modules/system/system.repository.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { createSystemService } from './modules/system/system.service.js';
import { packageRoot, packageVersion } from './package-info.js';

export interface AppDeps {
  config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'trustProxy' | 'publicUrl' | 'session'>;
  db: Db;
  keys: KeyProvider;
  engine: 'embedded' | 'server';
  /** Source of "now" for sessions and audit events; tests pass a ManualClock. */
  clock?: Clock;
  /** Directory of the built web app; defaults to dist/web. */
  webRoot?: string;
  /** Where logs go (tests capture them); defaults to stdout. */
  logStream?: { write(line: string): void };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    genReqId: generateRequestId,
    
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    // Close idle keep-alive sockets at shutdown so draining does not wait on them.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addSchema(ProblemSchema);

  await registerSecurityHeaders(app, { https: deps.config.publicUrl?.startsWith('https://') ?? false });
  await app.register(cookie);
  await app.register(rateLimit, { global: true, max: 300, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concerto API',
        version: packageVersion(),
        description:
          'Shared case file for multidisciplinary case consultations (art. 458ter Criminal Code). ' +
          'Every error is an RFC 9457 problem (application/problem+json).',
      },
    },
  });

  const system = createSystemService({
    system: createSystemRepository(deps.db),
    keys: deps.keys,
    engine: deps.engine,
    appVersion: packageVersion(),
  });
  await app.register(systemRoutes, { system });

  const clock = deps.clock ?? systemClock;
  const authDeps = {
    db: deps.db,
    auth: createAuthRepository(),
    audit: createAuditLog({ clock }),
    clock,
    limits: deps.config.session,
  };
  const sessions = createSessionService(authDeps);
  decorateSessionRequest(app);
  await app.register(authRoutes, {
    login: createLoginService(authDeps),
    sessions,
    guard: createSessionGuard(sessions),
    limits: deps.config.session,
  });

  app.get(
    '/api/openapi.json',
    { schema: { operationId: 'getOpenApi', summary: 'This API as OpenAPI 3.1', tags: ['system'], hide: true } },
    async () => app.swagger(),
  );

  const web = await registerWebApp(app, deps.webRoot ?? path.join(packageRoot(), 'dist', 'web'));
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (web && isPage) return reply.sendFile('index.html');
    return sendProblem(reply, 'not_found');
  });
  return app;
}
