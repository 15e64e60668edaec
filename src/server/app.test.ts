import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createKeyProvider } from './kernel/crypto/create-key-provider.js';

let db: TestDatabase;
let app: FastifyInstance;
const logs: string[] = [];
let slowGuardRuns = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-app-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'info', CONCERTO_BODY_LIMIT: '2048', CONCERTO_RATE_LIMIT: '50' });
  const keys = await createKeyProvider(config);
  app = await buildApp({
    config,
    db: db.appDb,
    keys,
    engine: 'server',
    webRoot: path.join(dataDir, 'no-web-build'),
    logStream: { write: (line) => logs.push(line) },
  });
  // A route with a body, to exercise validation the way every feature route will.
  app.post(
    '/api/test/echo',
    {
      schema: {
        operationId: 'testEcho',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
      },
    },
    async (request) => request.body,
  );
  // A route whose guard waits, as the session guards wait on the database.
  app.get(
    '/api/test/slow',
    {
      schema: { operationId: 'testSlow' },
      onRequest: async () => {
        slowGuardRuns += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    },
    async () => ({ slow: true }),
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('HTTP foundation', () => {
  it('answers /healthz with a request id, no-store and a strict CSP', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps a safe caller request id and replaces an unsafe one', async () => {
    const kept = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234abcd');
    const replaced = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\nforged' } });
    expect(replaced.headers['x-request-id']).not.toContain('forged');
  });

  it('is ready when the database answers, migrations are current and keys are reachable', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current', keys: 'ok' } });
  });

  it('reports versions and the migration state', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/version' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toBe('concerto');
    expect(body.node).toBe(process.version);
    expect(body.database.engine).toBe('server');
    expect(body.database.version).toMatch(/^\d+(\.\d+)?/);
    expect(body.migrations.applied).toBe(body.migrations.latest);
    expect(body.migrations.latest).toBeGreaterThan(0);
  });

  it('publishes OpenAPI 3.1 with an operationId on every operation', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (methods) => Object.values(methods),
    );
    expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const operation of operations) expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('answers an unknown API path with an RFC 9457 problem', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', type: 'urn:concerto:problem:not_found' });
  });

  it('rejects an unknown JSON field, naming it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('/body/extra');
  });

  it('names a missing or invalid field', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/test/echo', payload: {} });
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('/body/name');
    const tooLong = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x'.repeat(51) } });
    expect(tooLong.json().errors.map((e: { field: string }) => e.field)).toContain('/body/name');
  });

  it('refuses malformed JSON, a body over the limit and an unsupported media type', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('bad_request');
    const large = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x'.repeat(5000) } });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('payload_too_large');
    const xml = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<name/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
  });

  it('localises problem titles from Accept-Language', async () => {
    const nl = await app.inject({ method: 'GET', url: '/api/x', headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    expect(nl.json().title).toBe('Niet gevonden');
    const de = await app.inject({ method: 'GET', url: '/api/x', headers: { 'accept-language': 'de' } });
    expect(de.json().title).toBe('Nicht gefunden');
    const fallback = await app.inject({ method: 'GET', url: '/api/x', headers: { 'accept-language': 'es' } });
    expect(fallback.json().title).toBe('Introuvable');
  });

  it('never logs request bodies, query strings or headers', async () => {
    logs.length = 0;
    await app.inject({
      method: 'POST',
      url: '/api/test/echo?person=Janssens',
      headers: { authorization: 'Bearer secret-token-123' },
      payload: { name: 'Marie Peeters 85.07.30-033.28' },
    });
    const all = logs.join('\n');
    expect(all).toContain('"route":"/api/test/echo"');
    for (const secret of ['Peeters', '85.07.30', 'Janssens', 'secret-token-123']) expect(all).not.toContain(secret);
  });

  it('limits an address to CONCERTO_RATE_LIMIT requests a minute before any route guard runs, without counting the pages of the web app', async () => {
    const from = { remoteAddress: '198.51.100.7' };
    for (let i = 0; i < 50; i++) {
      expect((await app.inject({ method: 'GET', url: '/healthz', ...from })).statusCode).toBe(200);
    }
    const runs = slowGuardRuns;
    const limited = await app.inject({ method: 'GET', url: '/api/test/slow', ...from });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(slowGuardRuns).toBe(runs);
    // A path without a route (a page of the web app, served its shell) is not counted.
    const page = await app.inject({ method: 'GET', url: '/cases/some-case', headers: { accept: 'text/html' }, ...from });
    expect(page.statusCode).toBe(404);
    // Another address is not affected.
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '198.51.100.8' })).statusCode).toBe(200);
  });

  it('counts a request against the rate limit before its route, and survives a client hanging up', async () => {
    const address = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    logs.length = 0;
    // A browser leaving a page aborts its pending loads: the client hangs up while a route's
    // guard still waits on the database (here, 50 ms).
    for (let i = 0; i < 5; i++) {
      const socket = net.connect(Number(address.port), address.hostname);
      await once(socket, 'connect');
      socket.write('GET /api/test/slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await new Promise((resolve) => setTimeout(resolve, 10));
      socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The server carries on, and the rate limit was counted (the headers come from the limiter).
    const next = await fetch(new URL('/healthz', address));
    expect(next.status).toBe(200);
    expect(next.headers.get('x-ratelimit-remaining')).not.toBeNull();
    const errors = logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  });
});

describe('HSTS', () => {
  it('is sent only when Concerto is served over https', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-app-'));
    const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONCERTO_PUBLIC_URL: 'https://concerto.example.be' });
    const tls = await buildApp({ config, db: db.appDb, keys: await createKeyProvider(config), engine: 'server', webRoot: dataDir });
    const res = await tls.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toContain('max-age=63072000');
    await tls.close();
  });
});
