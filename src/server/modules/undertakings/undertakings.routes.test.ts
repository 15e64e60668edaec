import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp, type Session } from '../../../../test/support/api-test-app.js';
import type { UndertakingStatus } from '../../../contracts/undertakings.js';
import type { DB } from '../../db/schema.js';
import { CONSULTATION_SECRECY_TEXTS, REPRESENTATIVE_TEXTS } from './undertaking-texts.js';

let t: ApiTestApp;
let operator: Session;

const TABLES: (keyof DB)[] = ['undertaking_versions', 'undertaking_texts', 'undertaking_acceptances'];
const texts = (tag: string) => ({ fr: `fr ${tag}`, nl: `nl ${tag}`, de: `de ${tag}`, en: `en ${tag}` });
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  t = await createApiTestApp();
  operator = await t.signedIn(t.hostId, ['operator']);
});
afterAll(async () => {
  await t.close();
});

async function publish(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await t.call(operator, 'POST', '/api/admin/undertakings', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function status(session: Session, language: string): Promise<UndertakingStatus> {
  const res = await t.call(session, 'GET', `/api/undertaking?language=${language}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const item = (view: UndertakingStatus, kind: string) => view.undertakings.find((u) => u.kind === kind);

describe('the secrecy undertaking and the awareness module over HTTP', () => {
  it('ROL-07 SEC-09 a user reads the current texts in their language and must accept both before access, and again after a new version', async () => {
    const user = await t.signedIn(t.policeId, ['participant']);
    // Deny by default: nothing published yet, so nothing can be accepted and access stays blocked.
    expect(await status(user, 'nl')).toEqual({ mustAccept: true, undertakings: [] });

    const secrecy = await publish({ kind: 'consultation_secrecy', texts: CONSULTATION_SECRECY_TEXTS });
    const awareness = await publish({
      kind: 'controller_awareness',
      organisationId: t.policeId,
      texts: texts('pz 1'),
    });
    const shown = await status(user, 'nl');
    expect(shown.mustAccept).toBe(true);
    expect(item(shown, 'consultation_secrecy')).toMatchObject({
      versionId: secrecy.id,
      version: secrecy.version,
      language: 'nl',
      text: CONSULTATION_SECRECY_TEXTS.nl,
      acceptedAt: null,
      mustAccept: true,
    });
    expect(item(shown, 'controller_awareness')).toMatchObject({ versionId: awareness.id, text: 'nl pz 1' });
    expect((await status(user, 'de')).undertakings.map((u) => u.text)).toEqual([
      CONSULTATION_SECRECY_TEXTS.de,
      'de pz 1',
    ]);

    const accepted = await t.call(user, 'POST', '/api/undertaking/acceptance', {
      versionId: secrecy.id,
      language: 'nl',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({
      versionId: secrecy.id,
      userId: user.account.userId,
      language: 'nl',
      representationId: null,
      acceptedAt: t.clock.now().toISOString(),
    });
    // One of two: access stays blocked until the controller's module is acknowledged too.
    const half = await status(user, 'nl');
    expect(half.mustAccept).toBe(true);
    expect(item(half, 'consultation_secrecy')).toMatchObject({
      mustAccept: false,
      acceptedAt: accepted.json().acceptedAt,
    });
    const acknowledged = await t.call(user, 'POST', '/api/undertaking/acceptance', {
      versionId: awareness.id,
      language: 'nl',
    });
    expect(acknowledged.statusCode).toBe(201);
    expect((await status(user, 'nl')).mustAccept).toBe(false);

    // A new text forces a new acceptance; the old one is refused as stale (409) and changes nothing.
    const v2 = await publish({
      kind: 'consultation_secrecy',
      texts: { ...CONSULTATION_SECRECY_TEXTS, en: `${CONSULTATION_SECRECY_TEXTS.en}\n\nRevised.` },
    });
    expect(v2.version).toBe(secrecy.version + 1);
    const renewed = await status(user, 'en');
    expect(renewed.mustAccept).toBe(true);
    expect(item(renewed, 'consultation_secrecy')).toMatchObject({
      versionId: v2.id,
      mustAccept: true,
      acceptedAt: null,
    });
    const before = await t.snapshot(TABLES);
    const stale = await t.call(user, 'POST', '/api/undertaking/acceptance', {
      versionId: secrecy.id,
      language: 'en',
    });
    expect(stale.statusCode).toBe(409);
    expect(await t.snapshot(TABLES)).toBe(before);
    await t.call(user, 'POST', '/api/undertaking/acceptance', { versionId: v2.id, language: 'en' });
    expect((await status(user, 'en')).mustAccept).toBe(false);
  });

  it('SEC-09 shows each user the awareness module of their own controller only', async () => {
    const police = await publish({
      kind: 'controller_awareness',
      organisationId: t.policeId,
      texts: texts('pz 2'),
    });
    const agencyUser = await t.signedIn(t.agencyId, ['participant']);
    const shown = await status(agencyUser, 'fr');
    expect(item(shown, 'controller_awareness')).toBeUndefined();
    expect(shown.mustAccept).toBe(true);
    const before = await t.snapshot(TABLES);
    const foreign = await t.call(agencyUser, 'POST', '/api/undertaking/acceptance', {
      versionId: police.id,
      language: 'fr',
    });
    expect(foreign.statusCode).toBe(404);
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('ROL-05 shows a holder of the representative role the undertaking of bill art. 5 al. 2, accepted per representation', async () => {
    const version = await publish({ kind: 'representative', texts: REPRESENTATIVE_TEXTS });
    const representative = await t.signedIn(t.policeId, ['representative']);
    expect(item(await status(representative, 'fr'), 'representative')).toMatchObject({
      versionId: version.id,
      text: REPRESENTATIVE_TEXTS.fr,
      acceptedAt: null,
      mustAccept: false,
    });
    const participant = await t.signedIn(t.policeId, ['participant']);
    expect(item(await status(participant, 'fr'), 'representative')).toBeUndefined();
    // Not through this route: only per representation (POST /api/representations/{id}/acceptance).
    const before = await t.snapshot(TABLES);
    const here = await t.call(representative, 'POST', '/api/undertaking/acceptance', {
      versionId: version.id,
      language: 'fr',
    });
    expect(here.statusCode).toBe(404);
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});

describe('publishing over HTTP', () => {
  it('ROL-07 lets only the operator publish: 403 for every other role, audited, nothing published', async () => {
    for (const role of ['organiser', 'participant', 'prosecutor', 'dpo', 'representative'] as const) {
      const caller = await t.signedIn(t.policeId, [role]);
      const before = await t.snapshot(TABLES);
      const from = await t.auditCount();
      const res = await t.call(caller, 'POST', '/api/admin/undertakings', {
        kind: 'consultation_secrecy',
        texts: texts('x'),
      });
      expect(res.statusCode, role).toBe(403);
      expect(await t.snapshot(TABLES)).toBe(before);
      expect(await t.eventsSince(from)).toMatchObject([
        { action: 'admin.undertaking_published', outcome: 'denied', reason: 'not_platform_operator' },
      ]);
    }
  });

  it('ROL-07 refuses a bad text or acceptance whole, naming the fields, and changes nothing', async () => {
    const user = await t.signedIn(t.policeId, ['participant']);
    const before = await t.snapshot(TABLES);
    for (const [body, expected] of [
      [{ kind: 'consultation_secrecy', texts: { fr: 'a', nl: 'b', en: 'd', de: '   ' } }, ['/body/texts/de']],
      [{ kind: 'consultation_secrecy', texts: { fr: 'a', nl: 'b', en: 'd' } }, ['/body/texts/de']],
      [{ kind: 'secret', texts: texts('x') }, ['/body/kind']],
      [{ kind: 'controller_awareness', texts: texts('x') }, ['/body/organisationId']],
      [
        { kind: 'consultation_secrecy', organisationId: t.policeId, texts: texts('x') },
        ['/body/organisationId'],
      ],
      [
        { kind: 'controller_awareness', organisationId: t.hostId, texts: texts('x') },
        ['/body/organisationId'],
      ],
    ] as const) {
      const res = await t.call(operator, 'POST', '/api/admin/undertakings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res.json()), JSON.stringify(body)).toEqual(expected);
    }
    const both = await t.call(user, 'POST', '/api/undertaking/acceptance', {
      versionId: 'v1',
      language: 'es',
    });
    expect(both.statusCode).toBe(400);
    expect(fields(both.json()).sort()).toEqual(['/body/language', '/body/versionId']);
    const unknown = await t.call(user, 'POST', '/api/undertaking/acceptance', {
      versionId: randomUUID(),
      language: 'fr',
    });
    expect(unknown.statusCode).toBe(404);
    for (const query of ['', '?language=es', '?language=fr&x=1']) {
      const res = await t.call(user, 'GET', `/api/undertaking${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(fields(res.json())[0], query).toMatch(/^\/querystring\//);
    }
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('answers 401 without a session on every undertaking route, and 403 to a change without the CSRF token', async () => {
    const user = await t.signedIn(t.policeId, ['participant']);
    const before = await t.snapshot(TABLES);
    const version = { versionId: randomUUID(), language: 'fr' };
    expect((await t.call(undefined, 'GET', '/api/undertaking?language=fr')).statusCode).toBe(401);
    expect((await t.call(undefined, 'POST', '/api/undertaking/acceptance', version)).statusCode).toBe(401);
    const publishBody = { kind: 'consultation_secrecy', texts: texts('y') };
    expect((await t.call(undefined, 'POST', '/api/admin/undertakings', publishBody)).statusCode).toBe(401);
    expect(
      (await t.call(user, 'POST', '/api/undertaking/acceptance', version, { csrf: false })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(operator, 'POST', '/api/admin/undertakings', publishBody, { csrf: false })).statusCode,
    ).toBe(403);
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});
