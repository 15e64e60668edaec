/**
 * The processor registry for the tests (L2007 art. 16 §1; SPEC PRC-01..PRC-07): the approved
 * records of the host the access world starts with (no controller goes live without one, PRC-01),
 * and the bodies and steps of a complete record through the API.
 */
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import type { AccessWorld, OrganisationName, Signed } from './access-world.js';

/** A minimal PDF: its type is decided by its content (the signature), as the service sniffs it. */
export const SIGNED_PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export const COMPLETE_CONTRACT = {
  reference: 'DPA-2026-014',
  signedOn: '2026-01-20',
  securityAnnexReference: 'Bijlage 2 – beveiligingsmaatregelen',
  liabilityClause: 'Art. 9 – aansprakelijkheid van de verwerker',
  instructionClause: 'Art. 4 – uitsluitend op instructie van de verantwoordelijke',
  securityObligationsClause: 'Art. 5 – dezelfde beveiligingsverplichtingen (art. 16 §4)',
};

export const ISO_27001 = {
  kind: 'certification',
  title: 'ISO/IEC 27001:2022',
  issuer: 'BSI Group Belgium',
  reference: 'IS 812345',
  issuedOn: '2025-06-01',
  validUntil: '2028-05-31',
};

/**
 * The host's approved record for each controller of the world, written as the owner (the world is
 * a fixture: the API steps are proven in test/processors). Approved by a member of each controller.
 */
export async function approvedHostRecords(
  db: Db,
  org: Record<OrganisationName, string>,
  approvers: Record<Exclude<OrganisationName, 'host'>, string>,
  at: Date,
): Promise<void> {
  for (const [name, approver] of Object.entries(approvers) as [Exclude<OrganisationName, 'host'>, string][]) {
    await db
      .insertInto('processor_records')
      .values({
        controller_organisation_id: org[name],
        role: 'host',
        host_organisation_id: org.host,
        country: 'BE',
        services: 'Hosting and operation of the Concerto instance',
        guarantees: JSON.stringify([ISO_27001]),
        contract_reference: COMPLETE_CONTRACT.reference,
        contract_signed_on: COMPLETE_CONTRACT.signedOn,
        security_annex_reference: COMPLETE_CONTRACT.securityAnnexReference,
        liability_clause: COMPLETE_CONTRACT.liabilityClause,
        instruction_clause: COMPLETE_CONTRACT.instructionClause,
        security_obligations_clause: COMPLETE_CONTRACT.securityObligationsClause,
        review_interval_months: 12,
        created_by: approver,
        created_at: at,
        updated_by: approver,
        updated_at: at,
        approved_by: approver,
        approved_at: at,
      })
      .execute();
  }
}

/** Uploads a PDF version of `kind` to a record as `who`; the record as returned. */
export async function uploadProcessorDocument(
  world: AccessWorld,
  who: Signed,
  recordId: string,
  kind: 'contract' | 'security_annex' | 'security_plan',
  documentDate = '2026-01-20',
  body: Buffer = SIGNED_PDF,
) {
  const res = await world.request(
    who,
    'POST',
    `/api/processors/${recordId}/documents?kind=${kind}&documentDate=${documentDate}&filename=${kind}.pdf`,
    body,
    undefined,
    'application/pdf',
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The world's approved record of the host for `controller` (written by `approvedHostRecords`). */
export async function hostRecordOf(
  world: AccessWorld,
  controller: Exclude<OrganisationName, 'host'>,
): Promise<string> {
  const row = await world.db.adminDb
    .selectFrom('processor_records')
    .select('id')
    .where('controller_organisation_id', '=', world.org[controller])
    .where('role', '=', 'host')
    .executeTakeFirstOrThrow();
  return row.id;
}

let subProcessors = 0;

/**
 * A backup provider in Belgium the host engaged for the police (a sub-processor of the host's
 * record: the host's side). At home, so no transfer register entry is needed (SPEC TRF-01).
 */
export async function subProcessorBody(world: AccessWorld, complete = true) {
  return {
    controllerOrganisationId: world.org.police,
    role: 'backup',
    subProcessorOf: await hostRecordOf(world, 'police'),
    processor: {
      name: `Backup Vault ${++subProcessors} NV`,
      address: 'Havenlaan 2, 1080 Brussel',
      enterpriseNumber: null,
    },
    country: 'BE',
    services: 'Encrypted off-site backups of the Concerto database',
    guarantees: [ISO_27001],
    ...(complete && { contract: COMPLETE_CONTRACT }),
  };
}

/**
 * A complete sub-processor of the police's host record, created by the police DPO with its signed
 * contract and security annex uploaded: ready to be approved. Its id.
 */
export async function completeSubProcessor(world: AccessWorld): Promise<string> {
  const created = await world.request(
    world.people.policeDpo,
    'POST',
    '/api/processors',
    await subProcessorBody(world),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  await uploadProcessorDocument(world, world.people.policeDpo, id, 'contract');
  await uploadProcessorDocument(world, world.people.policeDpo, id, 'security_annex');
  return id;
}

/** The operator asks to read the police's records of `caseId`; the grant's id. */
export async function pendingBreakGlass(
  world: AccessWorld,
  caseId: string,
  who: Signed = world.people.operator,
): Promise<string> {
  const res = await world.request(who, 'POST', '/api/break-glass', {
    controllerOrganisationId: world.org.police,
    caseId,
    supportTicket: `SUP-2026-${++subProcessors}`,
    reason: 'De bijlage van een risico-inschatting opent niet bij de politie; nazicht van de versleuteling.',
    hours: 2,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A grant the police DPO approved (instruction reference given); its id. */
export async function approvedBreakGlass(
  world: AccessWorld,
  caseId: string,
  who: Signed = world.people.operator,
): Promise<string> {
  const id = await pendingBreakGlass(world, caseId, who);
  const res = await world.request(world.people.policeDpo, 'POST', `/api/break-glass/${id}/approval`, {
    instructionReference: `DPO-INSTR-${subProcessors}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
