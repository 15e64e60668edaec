/**
 * Steps the person and item tests share, taken through the HTTP API: items of the special
 * categories, attachments sent as raw bytes, the maximum retention agreed and a consultation
 * held, and a fresh session for a user whose privileges changed (which ends their sessions).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/modules/auth/session-guard.js';
import { csrfTokenFor, newSessionSecret } from '../../src/server/modules/auth/session-tokens.js';
import type { UserRole } from '../../src/contracts/identity.js';
import type { AccessWorld, Signed } from './access-world.js';

/** A health item (category 10) about `personId`, under a health professional's responsibility. */
export function healthItem(personId: string, content = 'Wordt behandeld voor een alcoholverslaving.') {
  return {
    category: 'C10',
    personIds: [personId],
    content,
    classification: 'non_classified',
    relevance: 'De verslaving verhoogt het risico op geweld in het gezin.',
    special: { ground: 'g', justification: 'Nodig om een concreet gevaar voor de partner te voorkomen.' },
    details: {
      healthProfessional: { name: 'Dr. Lieve Peeters', registration: '1-23456-78-901' },
      healthSource: 'other',
      healthSourceJustification: 'subject_unable',
    },
    provenance: { kind: 'already_held', sourceReference: 'Verslag huisarts 2026-02-11' },
    missionConfirmed: true,
  };
}

/** A belief item (category 13) about `personId`, under L2007 art. 6 §2 l). */
export function beliefItem(personId: string) {
  return {
    category: 'C13',
    personIds: [personId],
    content: 'Verspreidt online extremistische religieuze teksten.',
    classification: 'non_classified',
    relevance: 'Onderdeel van de inschatting van radicalisering.',
    special: {
      ground: 'l',
      justification: 'Bill 0485, art. 2 §2 al. 3: dreiging tegen personen van een andere overtuiging.',
    },
    provenance: { kind: 'already_held', sourceReference: 'Informatierapport 2026/113' },
    missionConfirmed: true,
  };
}

/**
 * A new full session for a user, of the user's current epoch, with a working-session
 * justification unless `justification` is null.
 */
export async function freshSession(
  world: AccessWorld,
  userId: string,
  { justification = 'person and item tests' }: { justification?: string | null } = {},
): Promise<Signed> {
  const user = await world.db.adminDb
    .selectFrom('users')
    .select(['organisation_id', 'roles', 'session_epoch'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const secret = newSessionSecret();
  const now = world.clock.now();
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
      justification,
    })
    .execute();
  return {
    actor: { userId, organisationId: user.organisation_id, roles: user.roles as UserRole[] },
    cookie: secret.cookieValue,
    csrf: csrfTokenFor(secret.cookieValue),
  };
}

/** Sends `bytes` as an attachment of the item, with any declared content type. */
export function upload(
  world: AccessWorld,
  who: Signed,
  path: { caseId: string; itemId: string },
  filename: string,
  bytes: Buffer,
  options: { classification?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ filename, classification: options.classification ?? 'non_classified' });
  return world.app.inject({
    method: 'POST',
    url: `/api/cases/${path.caseId}/items/${path.itemId}/attachments?${query}`,
    remoteAddress: '192.0.2.10',
    cookies: { [SESSION_COOKIE]: who.cookie },
    headers: { [CSRF_HEADER]: who.csrf, 'content-type': options.contentType ?? 'application/octet-stream' },
    payload: bytes,
  });
}

/** FIL-01: every party of the case approves the current retention proposal. */
export async function agreeRetention(
  world: AccessWorld,
  caseId: string,
  parties: readonly Signed[],
): Promise<void> {
  const { proposal } = (await world.request(world.people.coordinator, 'GET', `/api/cases/${caseId}`)).json()
    .retention;
  for (const party of parties) {
    const approved = await world.request(party, 'POST', `/api/cases/${caseId}/retention/approvals`, {
      proposal,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  }
}

/** The coordinator schedules a consultation of `caseIds`; opens it, and closes it, when asked. */
export async function consultation(
  world: AccessWorld,
  caseIds: string[],
  steps: { open?: boolean; close?: boolean } = {},
): Promise<string> {
  const coordinator = world.people.coordinator;
  const scheduled = await world.request(coordinator, 'POST', '/api/consultations', {
    frameworkId: world.frameworkId,
    scheduledFor: '2026-03-12T09:00:00Z',
    caseIds,
  });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  const id: string = scheduled.json().id;
  if (steps.open || steps.close) {
    const opened = await world.request(coordinator, 'POST', `/api/consultations/${id}/opening`);
    expect(opened.statusCode, opened.body).toBe(200);
  }
  if (steps.close) {
    const closed = await world.request(coordinator, 'POST', `/api/consultations/${id}/closing`);
    expect(closed.statusCode, closed.body).toBe(200);
  }
  return id;
}

/** One item of a case as `who` sees it. */
export async function itemAs(world: AccessWorld, who: Signed, caseId: string, itemId: string) {
  const res = await world.request(who, 'GET', `/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).find((item) => item.id === itemId) as
    | Record<string, unknown>
    | undefined;
}

/** How many rows `table` holds, as the owner sees them (row-level security aside). */
export async function rowCount(
  world: AccessWorld,
  table: 'items' | 'item_versions' | 'item_attachments' | 'persons',
): Promise<number> {
  const row = await world.db.adminDb
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
