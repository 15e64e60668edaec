import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { closeGracefully } from './http/graceful-close.js';
import { createKeyProvider } from './kernel/crypto/create-key-provider.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('drains an in-flight request on close and then refuses new connections', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-drain-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db: db.appDb, keys: await createKeyProvider(config), engine: 'server', webRoot: dataDir });
  let release: () => void = () => undefined;
  const started = new Promise<void>((resolveStarted) => {
    app.get('/api/test/slow', { schema: { operationId: 'testSlow' } }, async () => {
      resolveStarted();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { done: true };
    });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const inFlight = fetch(`${base}/api/test/slow`);
  await started;
  const closing = closeGracefully(app);
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ done: true });
  await closing;
});
