/**
 * Steps the framework, consultation and transfer tests share, taken through the HTTP API as the
 * people of the access world would: frameworks with other settings than the world's (created and
 * activated by the operator), cases under them, the retention agreed by every party, a
 * consultation opened, raw uploads, and a second factor proven again.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CreateFramework } from '../../src/contracts/frameworks.js';
import { totpCode } from '../../src/server/modules/auth/credentials/totp.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/modules/auth/session-guard.js';
import type { AccessWorld, OrganisationName, PersonName, Signed } from './access-world.js';
import { declareFrameworkParties } from './declaration-steps.js';


/** Who answers for each party of a case in the access world. */
export const MEMBER_OF: Record<Exclude<OrganisationName, 'host'>, PersonName> = {
  police: 'policeOfficer',
  parquet: 'prosecutor',
  coordination: 'coordinator',
  cpas: 'socialWorker',
  youth: 'youthWorker',
};

/** Everything CP art. 458ter §1 al. 3 asks of a framework (SPEC SCO-03), organised by the coordination. */
export function completeFramework(world: AccessWorld, overrides: Partial<CreateFramework> = {}): CreateFramework {
  return {
    name: `Casusoverleg ${crypto.randomUUID().slice(0, 8)}`,
    basisKind: 'decree',
    basisCitation: { title: 'Decreet tot oprichting en regeling van de Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
    processingBasis: { kind: 'federated_decree', citation: 'Decreet van 30 juni 2023, art. 3' },
    purposes: ['P1'],
    organiserOrganisationId: world.org.coordination,
    participantIds: [world.org.police, world.org.parquet, world.org.cpas, world.org.youth],
    modalities: 'Maandelijks casusoverleg in het Veilig Huis.',
    defaultRetention: { months: 60 },
    ...overrides,
  };
}

/** A framework the operator creates from `overrides` and activates; its id. */
export async function activeFramework(world: AccessWorld, overrides: Partial<CreateFramework> = {}): Promise<string> {
  const created = await world.request(world.people.operator, 'POST', '/api/frameworks', completeFramework(world, overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const activated = await world.request(world.people.operator, 'POST', `/api/frameworks/${id}/activation`);
  expect(activated.statusCode, activated.body).toBe(200);
  // SPEC DCL-01: its parties declared their processing in it.
  await declareFrameworkParties(world.db.adminDb, id, world.clock);
  return id;
}

/** bill art. 3 §1 al. 1: every party of the case approves the current retention proposal. */
export async function agreeRetention(world: AccessWorld, caseId: string, parties: Exclude<OrganisationName, 'host'>[]) {
  const proposal: number = (await world.request(world.people.coordinator, 'GET', `/api/cases/${caseId}`)).json().retention.proposal;
  for (const party of parties) {
    const approved = await world.request(world.people[MEMBER_OF[party]], 'POST', `/api/cases/${caseId}/retention/approvals`, { proposal });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  const retention = (await world.request(world.people.coordinator, 'GET', `/api/cases/${caseId}`)).json().retention;
  expect(retention.agreed, JSON.stringify(retention)).toBe(true);
}

/** A consultation of `frameworkId` scheduled by the coordinator with `caseIds` on its agenda, then opened. */
export async function openedConsultation(
  world: AccessWorld,
  frameworkId: string,
  caseIds: string[],
  scheduledFor = '2026-03-12T09:00:00Z',
): Promise<string> {
  const scheduled = await world.request(world.people.coordinator, 'POST', '/api/consultations', { frameworkId, scheduledFor, caseIds });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  const id: string = scheduled.json().id;
  const opened = await world.request(world.people.coordinator, 'POST', `/api/consultations/${id}/opening`);
  expect(opened.statusCode, opened.body).toBe(200);
  return id;
}

/** A request with a raw body (an upload), signed and with the CSRF header like `world.request`. */
export function rawRequest(
  world: AccessWorld,
  who: Signed,
  method: 'PUT' | 'POST',
  url: string,
  body: Buffer,
  contentType: string,
): Promise<LightMyRequestResponse> {
  return world.app.inject({
    method,
    url,
    remoteAddress: '192.0.2.10',
    cookies: { [SESSION_COOKIE]: who.cookie },
    headers: { [CSRF_HEADER]: who.csrf, 'content-type': contentType },
    payload: body,
  });
}

/** A GET with an Accept-Language header (the language of an export). */
export function getIn(world: AccessWorld, who: Signed, url: string, language: string): Promise<LightMyRequestResponse> {
  return world.app.inject({
    method: 'GET',
    url,
    remoteAddress: '192.0.2.10',
    cookies: { [SESSION_COOKIE]: who.cookie },
    headers: { 'accept-language': language },
  });
}

/** POST /api/auth/step-up with the person's current TOTP code: the renewed session (a new id). */
export async function stepUp(world: AccessWorld, name: PersonName, who: Signed): Promise<Signed> {
  const res = await world.request(who, 'POST', '/api/auth/step-up', {
    totp: totpCode({ secret: world.totpSecrets[name], now: world.clock.now() }),
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in: ${res.body}`);
  return { actor: who.actor, cookie: cookie.value, csrf: res.json().csrfToken };
}
