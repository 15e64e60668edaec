import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { ManualClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { POLICE_ZONE, WELFARE_AGENCY } from '../identity/identity-fixtures.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService } from '../identity/identity.service.js';
import type { Actor } from '../identity/platform-access.js';
import { CONSULTATION_SECRECY_TEXTS } from './undertaking-texts.js';
import { createUndertakingsRepository } from './undertakings.repository.js';
import type { PublishUndertaking, UndertakingTexts } from './undertakings.rules.js';
import { createUndertakingService, type UndertakingService } from './undertakings.service.js';

let db: TestDatabase;
let service: UndertakingService;
const clock = new ManualClock('2025-03-01T10:00:00Z');
const INTERVAL_MS = 1000 * 60 * 60 * 24 * 90;
const operator: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
let policeId: string;
let agencyId: string;

async function newUser(organisationId: string): Promise<Actor> {
  const identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  const user = await identity.createUser(operator, {
    organisationId,
    email: `${randomUUID().slice(0, 8)}@example.org`,
    displayName: 'Lotte Claes',
    roles: ['participant'],
  });
  return { userId: user.id, organisationId, roles: ['participant'] };
}

async function rowCount(table: 'undertaking_versions' | 'undertaking_acceptances' | 'audit_events') {
  return countRows(db.adminDb, table);
}

async function counts() {
  return {
    versions: await rowCount('undertaking_versions'),
    acceptances: await rowCount('undertaking_acceptances'),
    audit: await rowCount('audit_events'),
  };
}

async function lastEvent(): Promise<{ action: string; outcome: string; reason?: string }> {
  const row = await db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.payload);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const texts = (mark: string): UndertakingTexts => ({
  fr: `Texte ${mark}`,
  nl: `Tekst ${mark}`,
  de: `Text ${mark}`,
  en: `Text ${mark}`,
});

beforeAll(async () => {
  db = await createTestDatabase();
  const identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  policeId = (await identity.createOrganisation(operator, POLICE_ZONE)).id;
  agencyId = (await identity.createOrganisation(operator, WELFARE_AGENCY)).id;
  service = createUndertakingService({
    db: db.appDb,
    undertakings: createUndertakingsRepository(),
    audit: createAuditLog({ clock }),
    clock,
    awarenessIntervalMs: INTERVAL_MS,
  });
});
afterAll(async () => {
  await db.drop();
});

describe('secrecy undertaking (CP art. 458ter §2)', () => {
  it('ROL-07 forces a new acceptance when the undertaking text changes', async () => {
    const user = await newUser(policeId);
    // Deny by default: nothing published yet, nothing accepted.
    expect(await service.mustAcceptUndertaking(user.userId)).toBe(true);
    const v1 = await service.publishUndertakingVersion(operator, {
      kind: 'consultation_secrecy',
      texts: CONSULTATION_SECRECY_TEXTS,
    });
    expect(await service.mustAcceptUndertaking(user.userId)).toBe(true);

    clock.set('2025-03-02T08:30:00Z');
    const accepted = await service.acceptUndertaking(user, v1.id, 'nl');
    expect(accepted).toMatchObject({ versionId: v1.id, userId: user.userId, language: 'nl' });
    expect(accepted.acceptedAt).toBe('2025-03-02T08:30:00.000Z');
    expect(await lastEvent()).toMatchObject({ action: 'auth.undertaking_accepted', outcome: 'success' });
    expect(await service.mustAcceptUndertaking(user.userId)).toBe(false);

    const v2 = await service.publishUndertakingVersion(operator, {
      kind: 'consultation_secrecy',
      texts: { ...CONSULTATION_SECRECY_TEXTS, en: `${CONSULTATION_SECRECY_TEXTS.en}\n\nRevised.` },
    });
    expect(v2.version).toBe(v1.version + 1);
    expect(await service.mustAcceptUndertaking(user.userId)).toBe(true);

    // The old text no longer counts, and accepting it changes nothing.
    const before = await counts();
    expect((await refusal(service.acceptUndertaking(user, v1.id, 'nl'))).code).toBe('conflict');
    expect(await counts()).toEqual(before);

    await service.acceptUndertaking(user, v2.id, 'fr');
    expect(await service.mustAcceptUndertaking(user.userId)).toBe(false);
  });

  it('ROL-07 keeps the art. 458ter §2 text in fr, nl, de and en, the translations marked', async () => {
    const current = await service.currentUndertaking('consultation_secrecy');
    expect(current?.texts.fr).toContain(
      'Les participants sont tenus au secret relativement aux secrets communiqués durant la concertation.',
    );
    expect(current?.texts.nl).toContain(
      'De deelnemers zijn tot geheimhouding verplicht wat betreft de tijdens het overleg meegedeelde geheimen.',
    );
    expect(current?.texts.de).toMatch(/^Nichtamtliche Übersetzung/);
    expect(current?.texts.en).toMatch(/^Unofficial translation/);
  });

  it('ROL-07 lets only the operator publish: a refusal leaves only a denied audit event', async () => {
    const user = await newUser(policeId);
    const before = await counts();
    const error = await refusal(
      service.publishUndertakingVersion(user, { kind: 'consultation_secrecy', texts: texts('x') }),
    );
    expect(error.code).toBe('forbidden');
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    expect(await lastEvent()).toMatchObject({
      action: 'admin.undertaking_published',
      outcome: 'denied',
      reason: 'not_platform_operator',
    });
  });

  it('ROL-07 refuses bad input whole and changes nothing', async () => {
    const user = await newUser(policeId);
    const current = await service.currentUndertaking('consultation_secrecy');
    const before = await counts();
    const missingGerman = {
      kind: 'consultation_secrecy',
      texts: { fr: 'a', nl: 'b', en: 'd', de: '   ' },
    } as PublishUndertaking;
    const error = await refusal(service.publishUndertakingVersion(operator, missingGerman));
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields?.map((f) => f.field)).toEqual(['/body/texts/de']);
    const badLanguage = await refusal(service.acceptUndertaking(user, current!.id, 'es' as 'fr'));
    expect(badLanguage.details.fields?.map((f) => f.field)).toEqual(['/body/language']);
    const both = await refusal(service.acceptUndertaking(user, 'v1', 'es' as 'fr'));
    expect(both.details.fields?.map((f) => f.field)).toEqual(['/body/versionId', '/body/language']);
    expect(await counts()).toEqual(before);
  });
});

describe('controller awareness module (L2007 art. 16 §2 3°)', () => {
  it('SEC-09 blocks a user until the controller’s module is acknowledged, again after the interval and on a new version', async () => {
    clock.set('2025-04-01T09:00:00Z');
    const user = await newUser(policeId);
    const v1 = await service.publishUndertakingVersion(operator, {
      kind: 'controller_awareness',
      organisationId: policeId,
      texts: texts('police 1'),
    });
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(true);
    await service.acceptUndertaking(user, v1.id, 'de');
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(false);

    clock.advanceMs(INTERVAL_MS - 1);
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(false);
    clock.advanceMs(1);
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(true);
    await service.acceptUndertaking(user, v1.id, 'de');
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(false);

    await service.publishUndertakingVersion(operator, {
      kind: 'controller_awareness',
      organisationId: policeId,
      texts: texts('police 2'),
    });
    expect(await service.mustAcknowledgeAwareness(user.userId)).toBe(true);
  });

  it('SEC-09 keeps each controller’s module to its own users', async () => {
    const police = await service.currentUndertaking('controller_awareness', policeId);
    const agencyUser = await newUser(agencyId);
    const before = await counts();
    expect((await refusal(service.acceptUndertaking(agencyUser, police!.id, 'nl'))).code).toBe('not_found');
    expect(await counts()).toEqual(before);
    expect(await service.mustAcknowledgeAwareness(agencyUser.userId)).toBe(true);

    const noController = await refusal(
      service.publishUndertakingVersion(operator, { kind: 'controller_awareness', texts: texts('x') }),
    );
    expect(noController.details.fields?.map((f) => f.field)).toEqual(['/body/organisationId']);
    expect(await counts()).toEqual(before);
  });
});
