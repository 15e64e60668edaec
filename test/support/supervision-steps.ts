/**
 * Steps the supervision tests and the access matrix share (L1992 arts 30-33, 41; SPEC SUP, PEN-14,
 * PEN-17, PEN-22): a supervisory case of the police with an entry, an action and a position, an
 * inspector grant, and a management prohibition, each made over the HTTP API.
 */
import { expect } from 'vitest';
import type { AccountRole } from '../../src/contracts/identity.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { csrfTokenFor, newSessionSecret } from '../../src/server/modules/auth/session-tokens.js';
import type { AccessWorld, Signed } from './access-world.js';

let serial = 0;
const unique = () => `${Date.now().toString(36)}${serial++}`;

/** A letter of the Commission, as a scan would come (the bytes are sniffed). */
export const LETTER = {
  mediaType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64'),
};

export const today = (world: AccessWorld): string => brusselsDateOf(world.clock.now());

export function complaintCase(world: AccessWorld, overrides: Record<string, unknown> = {}) {
  return {
    commissionReference: `CO-A-2026-${unique()}`,
    origin: 'complaint',
    openedOn: today(world),
    subject: 'Klacht van een betrokkene over een laattijdig antwoord op een verzoek om toegang.',
    ...overrides,
  };
}

/** A supervisory case of the police, opened by its DPO; returns its id. */
export async function supervisoryCaseOf(
  world: AccessWorld,
  who: Signed = world.people.policeDpo,
): Promise<string> {
  const res = await world.request(who, 'POST', '/api/supervision/cases', complaintCase(world));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A recommendation with its letter, recorded on the case; returns the entry's id. */
export async function recommendationOf(world: AccessWorld, caseId: string): Promise<string> {
  const res = await world.request(
    world.people.policeDpo,
    'POST',
    `/api/supervision/cases/${caseId}/entries`,
    {
      kind: 'recommendation',
      datedOn: today(world),
      summary: 'De Commissie beveelt aan de termijnbewaking van de toegangsverzoeken te verbeteren.',
      document: LETTER,
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().entries.at(-1).id;
}

/** An action on the case due on `dueOn`; returns its id. */
export async function actionOf(
  world: AccessWorld,
  caseId: string,
  dueOn: string,
  entryId?: string,
): Promise<string> {
  const res = await world.request(
    world.people.policeDpo,
    'POST',
    `/api/supervision/cases/${caseId}/actions`,
    {
      ...(entryId && { entryId }),
      description: 'Herinneringen instellen op dag 30 en dag 40 van elke termijn.',
      dueOn,
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().actions.at(-1).id;
}

/** The Commission's invitation to give the controller's position by `deadlineOn`; returns its id. */
export async function positionOf(world: AccessWorld, caseId: string, deadlineOn: string): Promise<string> {
  const res = await world.request(
    world.people.policeDpo,
    'POST',
    `/api/supervision/cases/${caseId}/positions`,
    {
      invitedOn: today(world),
      deadlineOn,
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().positions.at(-1).id;
}

export async function submittedPositionOf(world: AccessWorld, caseId: string): Promise<string> {
  const positionId = await positionOf(world, caseId, today(world));
  const res = await world.request(
    world.people.policeDpo,
    'POST',
    `/api/supervision/cases/${caseId}/positions/${positionId}/submission`,
    { submittedOn: today(world), document: LETTER },
  );
  expect(res.statusCode, res.body).toBe(200);
  return positionId;
}

export function inspectorGrant(world: AccessWorld, overrides: Record<string, unknown> = {}) {
  const name = unique();
  return {
    commissionReference: `CO-I-2026-${name}`,
    requestedAt: world.clock.now().toISOString(),
    inspector: {
      displayName: 'Sofie Lambrechts',
      email: `sofie.lambrechts.${name}@privacycommission.example`,
    },
    days: 5,
    language: 'nl',
    ...overrides,
  };
}

/** An inspector account the police DPO granted; returns the grant's id and the inspector's user id. */
export async function grantOf(world: AccessWorld): Promise<{ grantId: string; userId: string }> {
  const res = await world.request(
    world.people.policeDpo,
    'POST',
    '/api/supervision/inspector-grants',
    inspectorGrant(world),
  );
  expect(res.statusCode, res.body).toBe(201);
  return { grantId: res.json().grant.id, userId: res.json().grant.inspector.userId };
}

export function prohibitionOrder(
  world: AccessWorld,
  userIds: string[],
  overrides: Record<string, unknown> = {},
) {
  return {
    personName: 'Vermeulen Dirk',
    court: 'Correctionele rechtbank Oost-Vlaanderen, afdeling Gent',
    judgmentReference: `GE.${unique()}`,
    judgmentDate: today(world),
    startsOn: today(world),
    endsOn: today(world).replace(/^(\d{4})/, (year) => String(Number(year) + 1)),
    userIds,
    ...overrides,
  };
}

/**
 * A session of `userId` opened directly in the sessions table, with its second factor just proven,
 * as access-world.ts opens its people's: login and MFA are tested in modules/auth.
 */
export async function signIn(world: AccessWorld, userId: string): Promise<Signed> {
  const secret = newSessionSecret();
  const now = world.clock.now();
  const user = await world.db.adminDb
    .selectFrom('users')
    .select(['organisation_id', 'roles', 'session_epoch'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await world.db.adminDb
    .insertInto('sessions')
    .values({
      id_hash: secret.idHash,
      user_id: userId,
      session_epoch: user.session_epoch,
      created_at: now,
      last_seen_at: now,
      mfa_at: now,
      purpose: 'full',
      user_agent_summary: 'test',
      justification: null,
    })
    .execute();
  return {
    actor: { userId, organisationId: user.organisation_id, roles: user.roles as AccountRole[] },
    cookie: secret.cookieValue,
    csrf: csrfTokenFor(secret.cookieValue),
  };
}
