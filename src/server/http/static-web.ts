/**
 * Serves the built single-page app (`dist/web`) at `/`. Unknown non-API paths get
 * index.html so client-side routes survive a reload; unknown API paths get a problem.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(path.join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: ['index.html'],
    wildcard: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (reply, filePath) => {
      // Hashed assets may be cached; the HTML shell is always fetched fresh.
      if (filePath.endsWith('index.html')) reply.header('cache-control', 'no-store');
    },
  });
  return true;
}
