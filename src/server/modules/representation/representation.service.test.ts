import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { UserRole } from '../../../contracts/identity.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { ManualClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { POLICE_ZONE, WELFARE_AGENCY } from '../identity/identity-fixtures.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService, type IdentityService } from '../identity/identity.service.js';
import type { Actor } from '../identity/platform-access.js';
import { CONSULTATION_SECRECY_TEXTS, REPRESENTATIVE_TEXTS } from '../undertakings/undertaking-texts.js';
import { createUndertakingsRepository } from '../undertakings/undertakings.repository.js';
import { createUndertakingService, type UndertakingService } from '../undertakings/undertakings.service.js';
import { type BriefingService, createBriefingService } from './briefings.service.js';
import { createRepresentationRepository } from './representation.repository.js';
import type { Designation } from './representation.rules.js';
import { createRepresentationService, type RepresentationService } from './representation.service.js';

let db: TestDatabase;
let identity: IdentityService;
let undertakings: UndertakingService;
let representation: RepresentationService;
let briefings: BriefingService;
const clock = new ManualClock('2025-06-01T10:00:00Z');
const operator: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
let policeId: string;
let agencyId: string;
let head: Actor;
let representative: Actor;
let secrecyVersionId: string;
let representativeVersionId: string;

interface Payload {
  action: string;
  outcome: string;
  reason?: string;
  actor: { userId: string; representing?: string };
  recipients?: { userId?: string }[];
  justification?: string;
}

async function member(organisationId: string, roles: UserRole[]): Promise<Actor> {
  const user = await identity.createUser(operator, {
    organisationId,
    email: `${randomUUID().slice(0, 8)}@example.org`,
    displayName: 'Pieter Jacobs',
    roles,
  });
  return { userId: user.id, organisationId, roles };
}

type Table = 'representations' | 'representation_briefings' | 'undertaking_acceptances' | 'audit_events';
async function rowCount(table: Table): Promise<number> {
  return countRows(db.adminDb, table);
}

async function counts() {
  return {
    representations: await rowCount('representations'),
    briefings: await rowCount('representation_briefings'),
    acceptances: await rowCount('undertaking_acceptances'),
    audit: await rowCount('audit_events'),
  };
}

async function lastEvent(): Promise<Payload> {
  const row = await db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.payload) as Payload;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** A refusal that leaves exactly one denied audit event and nothing else. */
async function deniedOnly(act: () => Promise<unknown>): Promise<{ error: DomainError; event: Payload }> {
  const before = await counts();
  const error = await refusal(act());
  expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  const event = await lastEvent();
  expect(event.outcome).toBe('denied');
  return { error, event };
}

/** A designation by `head` of the police zone, for `persons`, from today until `validTo`. */
async function designate(persons: Actor[], validTo = '2025-12-31') {
  const input: Designation = {
    representativeId: representative.userId,
    validFrom: '2025-06-01',
    validTo,
    representedPersonIds: persons.map((p) => p.userId),
  };
  return representation.designateRepresentative(head, input);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const audit = createAuditLog({ clock });
  identity = createIdentityService({ db: db.appDb, identity: createIdentityRepository(), audit, clock });
  const deps = {
    db: db.appDb,
    representations: createRepresentationRepository(),
    undertakings: createUndertakingsRepository(),
    audit,
    clock,
  };
  undertakings = createUndertakingService(deps);
  representation = createRepresentationService(deps);
  briefings = createBriefingService(deps);
  policeId = (await identity.createOrganisation(operator, POLICE_ZONE)).id;
  agencyId = (await identity.createOrganisation(operator, WELFARE_AGENCY)).id;
  head = await member(policeId, ['organiser']);
  representative = await member(policeId, ['representative']);
  secrecyVersionId = (
    await undertakings.publishUndertakingVersion(operator, {
      kind: 'consultation_secrecy',
      texts: CONSULTATION_SECRECY_TEXTS,
    })
  ).id;
  representativeVersionId = (
    await undertakings.publishUndertakingVersion(operator, {
      kind: 'representative',
      texts: REPRESENTATIVE_TEXTS,
    })
  ).id;
});
afterAll(async () => {
  await db.drop();
});

describe('designation (bill art. 5 al. 1)', () => {
  it('ROL-04 records the authority, the persons represented and the period, and audits the designation', async () => {
    clock.set('2025-06-01T10:00:00Z');
    const agents = [await member(policeId, ['participant']), await member(policeId, ['participant'])];
    const designated = await designate(agents);
    expect(designated).toMatchObject({
      authorityId: policeId,
      representativeId: representative.userId,
      designatedBy: head.userId,
      designatedAt: '2025-06-01T10:00:00.000Z',
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
      endedAt: null,
    });
    expect(designated.representedPersonIds).toEqual(agents.map((a) => a.userId).sort());
    expect(await lastEvent()).toMatchObject({
      action: 'admin.representation_designated',
      outcome: 'success',
    });
  });

  it('ROL-04 ends a representation designated until 2025-12-31 by itself on 2026-01-01', async () => {
    clock.set('2025-06-01T10:00:00Z');
    const agent = await member(policeId, ['participant']);
    const { id } = await designate([agent]);
    await representation.acceptRepresentativeUndertaking(representative, id, representativeVersionId, 'nl');
    await briefings.acknowledgeDebriefSecrecy(agent, id, secrecyVersionId, 'nl');
    expect(await representation.isRepresentationActive(id)).toBe(true);

    // 23:59:59 on 31 December in Brussels (UTC+1), then midnight.
    clock.set('2025-12-31T22:59:59Z');
    expect(await representation.isRepresentationActive(id)).toBe(true);
    clock.set('2025-12-31T23:00:00Z');
    expect(await representation.isRepresentationActive(id)).toBe(false);
    // The expiry run writes the end down once, at the term, and audits it.
    expect(await representation.recordExpiredRepresentations()).toContain(id);
    expect(await representation.recordExpiredRepresentations()).toEqual([]);
    const ended = await db.adminDb
      .selectFrom('representations')
      .select(['ended_at', 'end_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ ended_at: new Date('2025-12-31T23:00:00Z'), end_reason: 'period_over' });
    const expiry = await db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .where('action', '=', 'system.representation_expired')
      .execute();
    expect(expiry.map((row) => JSON.parse(row.payload).records[0].id)).toContain(id);
    const { error, event } = await deniedOnly(() =>
      briefings.recordDebriefing(representative, id, {
        consultationId: randomUUID(),
        recipientIds: [agent.userId],
      }),
    );
    expect(error.details.rule).toBe('bill art. 5 al. 3');
    expect(event.reason).toBe('representation_inactive');
  });

  it('ROL-04 lets only a member of an authority of art. 5 designate, and refuses bad input whole', async () => {
    clock.set('2025-06-01T10:00:00Z');
    const agencyHead = await member(agencyId, ['organiser']);
    const agencyAgent = await member(agencyId, ['participant']);
    const notAnAuthority = await deniedOnly(() =>
      representation.designateRepresentative(agencyHead, {
        representativeId: representative.userId,
        validFrom: '2025-06-01',
        validTo: '2025-12-31',
        representedPersonIds: [agencyAgent.userId],
      }),
    );
    expect(notAnAuthority.error.details.rule).toBe('bill art. 5 al. 1');
    expect(notAnAuthority.event.reason).toBe('authority_not_representable');
    const otherRepresentative = await member(policeId, ['representative']);
    const notDesignating = await deniedOnly(() =>
      representation.designateRepresentative(otherRepresentative, {
        representativeId: representative.userId,
        validFrom: '2025-06-01',
        validTo: '2025-12-31',
        representedPersonIds: [head.userId],
      }),
    );
    expect(notDesignating.event.reason).toBe('no_designating_role');

    const before = await counts();
    const bad = await refusal(
      representation.designateRepresentative(head, {
        representativeId: head.userId,
        validFrom: '2025-02-30',
        validTo: '2025-12-31',
        representedPersonIds: [agencyAgent.userId],
      }),
    );
    expect(bad.details.fields?.map((f) => f.field)).toEqual([
      '/body/validFrom',
      '/body/representativeId',
      '/body/representedPersonIds/0',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('ROL-04 lets the authority end a designation before its term', async () => {
    clock.set('2025-06-01T10:00:00Z');
    const agent = await member(policeId, ['participant']);
    const { id } = await designate([agent]);
    await representation.acceptRepresentativeUndertaking(representative, id, representativeVersionId, 'fr');
    const outsider = await member(agencyId, ['organiser']);
    const denied = await deniedOnly(() => representation.endRepresentation(outsider, id));
    expect(denied.error.code).toBe('not_found');

    clock.set('2025-09-01T08:00:00Z');
    const ended = await representation.endRepresentation(head, id);
    expect(ended.endedAt).toBe('2025-09-01T08:00:00.000Z');
    expect(await lastEvent()).toMatchObject({ action: 'admin.representation_ended', outcome: 'success' });
    expect(await representation.isRepresentationActive(id)).toBe(false);
    expect((await refusal(representation.endRepresentation(head, id))).code).toBe('conflict');
  });
});

describe('briefing (bill art. 5 al. 2)', () => {
  it('ROL-05 keeps the representative out until the undertaking of art. 5 al. 2 is accepted, then records and audits a briefing', async () => {
    clock.set('2025-06-01T10:00:00Z');
    expect(REPRESENTATIVE_TEXTS.nl).toMatch(
      /gegevensbescherming[\s\S]*ambtsgeheim[\s\S]*discretieplicht[\s\S]*beroepsgeheim/,
    );
    expect(REPRESENTATIVE_TEXTS.fr).toMatch(
      /protection des données[\s\S]*secret lié à la fonction[\s\S]*devoir de discrétion[\s\S]*secret professionnel/,
    );
    const agent = await member(policeId, ['participant']);
    const colleague = await member(policeId, ['participant']);
    const { id } = await designate([agent]);
    const consultationId = randomUUID();
    const contentSha256 = createHash('sha256').update('notes for the consultation').digest('hex');

    expect(await representation.isRepresentationActive(id)).toBe(false);
    const inactive = await deniedOnly(() =>
      briefings.recordBriefing(agent, id, { consultationId, contentSha256 }),
    );
    expect(inactive.error.details.rule).toBe('bill art. 5 al. 2');
    expect(inactive.event.reason).toBe('representation_inactive');

    // Only the representative accepts, and only the current text.
    const notTheRepresentative = await deniedOnly(() =>
      representation.acceptRepresentativeUndertaking(agent, id, representativeVersionId, 'nl'),
    );
    expect(notTheRepresentative.error.code).toBe('not_found');
    const accepted = await representation.acceptRepresentativeUndertaking(
      representative,
      id,
      representativeVersionId,
      'nl',
    );
    expect(accepted).toMatchObject({
      representationId: id,
      language: 'nl',
      acceptedAt: '2025-06-01T10:00:00.000Z',
    });
    expect(await lastEvent()).toMatchObject({
      action: 'auth.undertaking_accepted',
      actor: { userId: representative.userId, representing: policeId },
    });
    expect(await representation.isRepresentationActive(id)).toBe(true);

    const notRepresented = await deniedOnly(() =>
      briefings.recordBriefing(colleague, id, { consultationId }),
    );
    expect(notRepresented.event.reason).toBe('not_represented');

    const briefing = await briefings.recordBriefing(agent, id, { consultationId, contentSha256 });
    expect(briefing).toMatchObject({
      kind: 'briefing',
      senderId: agent.userId,
      recipientIds: [representative.userId],
      consultationId,
      contentSha256,
    });
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'disclose', outcome: 'success' });
    expect(event.recipients).toEqual([{ organisationId: policeId, userId: representative.userId }]);
    expect(event.justification).toContain('bill art. 5 al. 2');

    // A new text of the undertaking suspends the representation until it is accepted again.
    await undertakings.publishUndertakingVersion(operator, {
      kind: 'representative',
      texts: { ...REPRESENTATIVE_TEXTS, en: `${REPRESENTATIVE_TEXTS.en}\n\nRevised.` },
    });
    expect(await representation.isRepresentationActive(id)).toBe(false);
  });
});

describe('debriefing (bill art. 5 al. 3)', () => {
  it('ROL-06 debriefs only represented persons, each after acknowledging the secrecy of CP art. 458ter §2', async () => {
    clock.set('2025-06-01T10:00:00Z');
    const current = await undertakings.currentUndertaking('representative');
    const agent = await member(policeId, ['participant']);
    const colleague = await member(policeId, ['participant']);
    const { id } = await designate([agent]);
    await representation.acceptRepresentativeUndertaking(representative, id, current!.id, 'en');
    const consultationId = randomUUID();

    const unacknowledged = await deniedOnly(() =>
      briefings.recordDebriefing(representative, id, { consultationId, recipientIds: [agent.userId] }),
    );
    expect(unacknowledged.error.code).toBe('forbidden');
    expect(unacknowledged.error.details.rule).toBe('bill art. 5 al. 3');
    expect(unacknowledged.event.reason).toBe('secrecy_not_acknowledged');

    // Only a represented person acknowledges for this representation.
    expect(
      (await deniedOnly(() => briefings.acknowledgeDebriefSecrecy(colleague, id, secrecyVersionId, 'fr')))
        .error.code,
    ).toBe('not_found');
    const acknowledged = await briefings.acknowledgeDebriefSecrecy(agent, id, secrecyVersionId, 'fr');
    expect(acknowledged).toMatchObject({ representationId: id, versionId: secrecyVersionId, language: 'fr' });

    const toColleague = await deniedOnly(() =>
      briefings.recordDebriefing(representative, id, {
        consultationId,
        recipientIds: [agent.userId, colleague.userId],
      }),
    );
    expect(toColleague.error.details.rule).toBe('bill art. 5 al. 3');
    expect(toColleague.event.reason).toBe('recipient_not_represented');
    const byAgent = await deniedOnly(() =>
      briefings.recordDebriefing(agent, id, { consultationId, recipientIds: [agent.userId] }),
    );
    expect(byAgent.event.reason).toBe('not_the_representative');

    const debriefing = await briefings.recordDebriefing(representative, id, {
      consultationId,
      recipientIds: [agent.userId],
    });
    expect(debriefing).toMatchObject({
      kind: 'debriefing',
      senderId: representative.userId,
      recipientIds: [agent.userId],
    });
    const recipients = await db.adminDb
      .selectFrom('representation_briefing_recipients')
      .select('user_id')
      .where('briefing_id', '=', debriefing.id)
      .execute();
    expect(recipients).toEqual([{ user_id: agent.userId }]);
    const event = await lastEvent();
    expect(event).toMatchObject({
      action: 'disclose',
      outcome: 'success',
      actor: { userId: representative.userId, representing: policeId },
      recipients: [{ organisationId: policeId, userId: agent.userId }],
    });
  });
});
