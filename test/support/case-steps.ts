/**
 * Steps the case tests share, taken through the HTTP API as the people of the access world would:
 * a police case with a subject and items, moved along the workflow; and readings of the audit log.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PurposeCode } from '../../src/contracts/legal-codes.js';
import type { AccessWorld, OrganisationName } from './access-world.js';

export interface TestCase {
  id: string;
  subjectId: string;
  itemIds: string[];
}

/** An ordinary item about `personId` (risk behaviour, authored by the police officer). */
export function riskItem(personId: string, content = 'Signaal van dreigend gedrag tegenover de partner.') {
  return {
    category: 'C11',
    personIds: [personId],
    content,
    classification: 'non_classified',
    relevance: 'Nodig om het risico voor de partner in te schatten.',
    provenance: { kind: 'already_held', sourceReference: 'PV GE.55.L1.012345/2026' },
    missionConfirmed: true,
  };
}

/**
 * A case pre-registered by the police officer under `frameworkId` (the world's by default) with
 * one subject and `items` risk items; with `to: 'accepted'` it is signalled in full and accepted
 * by the coordinator (the framework's default retention becomes the first proposal), then
 * `admit` organisations are admitted.
 */
export async function newCase(
  world: AccessWorld,
  options: {
    items: number;
    to?: 'accepted';
    admit?: OrganisationName[];
    title?: string;
    frameworkId?: string;
    purposes?: PurposeCode[];
  },
): Promise<TestCase> {
  const police = world.people.policeOfficer;
  const created = await world.request(police, 'POST', '/api/cases', {
    frameworkId: options.frameworkId ?? world.frameworkId,
    title: options.title ?? 'Gezin D., dreigend gedrag',
    purposes: options.purposes ?? ['P1'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const subject = await world.request(police, 'POST', `/api/cases/${id}/persons`, {
    role: 'subject',
    identity: { surname: 'Dewaele', firstNames: 'Kevin', birthDate: '1990-04-12', nationalRegisterNumber: '90.04.12-123.77' },
  });
  expect(subject.statusCode, subject.body).toBe(201);
  const subjectId: string = subject.json().id;
  const itemIds: string[] = [];
  for (let n = 0; n < options.items; n++) {
    const item = await world.request(police, 'POST', `/api/cases/${id}/items`, riskItem(subjectId, `Vaststelling ${n + 1}.`));
    expect(item.statusCode, item.body).toBe(201);
    itemIds.push(item.json().id);
  }
  if (options.to === 'accepted') {
    const signalled = await world.request(police, 'POST', `/api/cases/${id}/signal`, {
      selection: { personIds: [subjectId], itemIds },
      necessityConfirmed: true,
    });
    expect(signalled.statusCode, signalled.body).toBe(200);
    const accepted = await world.request(world.people.coordinator, 'POST', `/api/cases/${id}/signal-decision`, {
      decision: 'accept',
      reason: 'Ernstig risico voor de partner; ketenaanpak aangewezen.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    for (const name of options.admit ?? []) await admit(world, id, name);
  }
  return { id, subjectId, itemIds };
}

/** The coordinator admits `name` to the case on the ground of its expertise (bill art. 2 §3 2°). */
export async function admit(world: AccessWorld, caseId: string, name: OrganisationName): Promise<LightMyRequestResponse> {
  const admitted = await world.request(world.people.coordinator, 'POST', `/api/cases/${caseId}/participants`, {
    organisationId: world.org[name],
    ground: 'expertise',
    justification: 'Kan bijdragen aan de opvolging van het gezin.',
  });
  expect(admitted.statusCode, admitted.body).toBe(200);
  return admitted;
}

export interface AuditPayload {
  action: string;
  outcome: string;
  reason?: string;
  caseId?: string;
  justification?: string;
  actor: { userId: string; organisationId: string; role: string; representing?: string };
  records?: { type: string; id: string; category?: number }[];
  recipients?: { organisationId: string; userId?: string }[];
}

export async function auditPosition(world: AccessWorld): Promise<number> {
  const row = await world.db.adminDb
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function auditEventsSince(world: AccessWorld, position: number): Promise<AuditPayload[]> {
  const rows = await world.db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .where('position', '>=', position)
    .orderBy('position')
    .execute();
  return rows.map((row) => JSON.parse(row.payload) as AuditPayload);
}
