/**
 * Steps the rights tests share (L2007 arts 10, 12; SPEC §9): a signed request about a person as a
 * desk takes it in over the HTTP API, and the desk's queue.
 */
import { expect } from 'vitest';
import type { AccessWorld, Signed } from './access-world.js';
import { completeFramework, rawRequest } from './consultation-steps.js';
import { declareFrameworkParties } from './declaration-steps.js';

/** A minimal PDF: the signed request and the identity proof are scans like this one. */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');

/** The subject of `newCase` (case-steps.ts), as he writes to a desk. */
export const KEVIN = {
  name: 'Dewaele Kevin',
  birthDate: '1990-04-12',
  nationalNumber: '90.04.12-123.77',
  address: 'Kortrijksesteenweg 1, 9000 Gent',
};

export function rightsRequest(world: AccessWorld, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'access',
    channel: 'post',
    receivedAt: world.clock.now().toISOString(),
    datedOn: '2026-03-01',
    signed: true,
    language: 'nl',
    requester: KEVIN,
    text: 'Ik wil weten welke gegevens u over mij verwerkt.',
    document: { mediaType: 'application/pdf', contentBase64: PDF_BASE64 },
    identity: { method: 'id_document_copy', proof: { mediaType: 'application/pdf', contentBase64: PDF_BASE64 } },
    ...overrides,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the parts are read loosely by the tests, field by field.
export type PartJson = Record<string, any>;

export async function intake(world: AccessWorld, who: Signed, overrides: Record<string, unknown> = {}) {
  const res = await world.request(who, 'POST', '/api/rights-requests', rightsRequest(world, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { requestId: string; ownPart: PartJson };
}

export async function verified(world: AccessWorld, who: Signed, requestId: string): Promise<void> {
  const res = await world.request(who, 'POST', `/api/rights-requests/${requestId}/identity-verification`);
  expect(res.statusCode, res.body).toBe(200);
}

export async function deskQueue(world: AccessWorld, who: Signed): Promise<PartJson[]> {
  const res = await world.request(who, 'GET', '/api/rights-parts');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().parts as PartJson[];
}

const SIGNED_PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** A framework organised by motivated authorisation of `office` (bill art. 2 §1; SPEC WFL-12), activated. */
export async function authorisedFrameworkOf(world: AccessWorld, office: string): Promise<string> {
  const created = await world.request(world.people.operator, 'POST', '/api/frameworks', {
    ...completeFramework(world, { basisKind: 'prosecutor_authorisation', basisCitation: null }),
    authorisingOrganisationId: office,
    authorisation: {
      reference: 'PK/2026/031',
      date: '2026-01-20',
      motivation: 'Ketenaanpak mensenhandel in het arrondissement.',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const upload = await rawRequest(world, world.people.operator, 'PUT', `/api/frameworks/${id}/authorisation-document`, SIGNED_PDF, 'application/pdf');
  expect(upload.statusCode, upload.body).toBe(200);
  const activated = await world.request(world.people.operator, 'POST', `/api/frameworks/${id}/activation`);
  expect(activated.statusCode, activated.body).toBe(200);
  // SPEC DCL-01: its parties declared their processing in it.
  await declareFrameworkParties(world.db.adminDb, id, world.clock);
  return id;
}
