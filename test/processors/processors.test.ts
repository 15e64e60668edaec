/**
 * The processor registry over HTTP on a real database (L2007 art. 16 §1; bill art. 3 §1 al. 2;
 * SPEC PRC-01..PRC-09): the host proposes its record for each controller, the controller's DPO
 * approves it once complete, no controller goes live without it, documents are kept as immutable
 * versions, reviews keep the status green, processor staff hold no role in cases, and notices name
 * the host. Each test names the SPEC rows it proves.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_HOST, WELFARE_AGENCY } from '../../src/server/modules/identity/identity-fixtures.js';
import {
  hostIdentity,
  processorRegistryStatus,
} from '../../src/server/modules/processors/processor-facts.js';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { completeFramework } from '../support/consultation-steps.js';
import { freshSession } from '../support/item-steps.js';
import {
  COMPLETE_CONTRACT,
  hostRecordOf,
  ISO_27001,
  SIGNED_PDF,
  uploadProcessorDocument,
} from '../support/processor-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const START = '2026-03-02T09:00:00Z';
let serial = 0;

/** A new controller of the instance and a signed-in DPO of it. */
async function newController(): Promise<{ id: string; dpo: Signed }> {
  const created = await world.request(world.people.operator, 'POST', '/api/admin/organisations', {
    ...WELFARE_AGENCY,
    legalName: `Jeugdhulp Regio ${++serial}`,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const user = await world.request(world.people.operator, 'POST', '/api/admin/users', {
    organisationId: id,
    email: `dpo.${serial}@jeugdhulp-regio.example`,
    displayName: 'Griet Vermeulen',
    roles: ['dpo'],
  });
  expect(user.statusCode, user.body).toBe(201);
  return { id, dpo: await freshSession(world, user.json().id) };
}

/** A processor the police DPO records itself (not the host's side), complete unless `contract` narrows it. */
async function policeProcessor(
  contract: Record<string, unknown> = COMPLETE_CONTRACT,
  reviewIntervalMonths = 12,
) {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/processors', {
    controllerOrganisationId: world.org.police,
    role: 'other',
    processor: {
      name: `Scan & Archief ${++serial} BV`,
      address: 'Dok Noord 7, 9000 Gent',
      enterpriseNumber: null,
    },
    country: 'BE',
    services: 'Digitisation of paper annexes',
    guarantees: [ISO_27001],
    contract,
    reviewIntervalMonths,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the processor registry', () => {
  it("PRC-01 PRC-06 a controller goes live only once its DPO approved the host's record: activation is refused naming it, the host proposes, the DPO approves, then it activates", async () => {
    const { operator } = world.people;
    const controller = await newController();
    const draft = await world.request(operator, 'POST', '/api/frameworks', {
      ...completeFramework(world, { participantIds: [world.org.police, controller.id] }),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const frameworkId: string = draft.json().id;

    const index = draft.json().participants.findIndex((p: { id: string }) => p.id === controller.id);
    const refused = await world.request(operator, 'POST', `/api/frameworks/${frameworkId}/activation`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      {
        field: `/framework/participantIds/${index}`,
        message: expect.stringContaining("has not approved the host's processor record"),
      },
    ]);
    expect(refused.json().rule).toContain('SPEC PRC-01');

    // The host proposes its record: the host's identity is the platform operator's (PRC-06, PRC-09).
    const start = await auditPosition(world);
    const proposed = await world.request(operator, 'POST', '/api/processors', {
      controllerOrganisationId: controller.id,
      role: 'host',
      country: 'BE',
      services: 'Hosting and operation of the Concerto instance',
      guarantees: [ISO_27001],
      contract: COMPLETE_CONTRACT,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const record = proposed.json();
    expect(record).toMatchObject({
      role: 'host',
      hostSide: true,
      hostOrganisationId: world.org.host,
      processor: { name: PLATFORM_HOST.legalName, address: PLATFORM_HOST.address },
      approval: null,
      status: { level: 'red', reasons: ['not_approved', 'security_plan_missing'] },
      allowedActions: ['edit', 'upload'],
    });
    // The controller's DPO is told there is a record to approve.
    const tasks = await world.request(controller.dpo, 'GET', '/api/notifications');
    expect(tasks.json().notifications).toContainEqual(
      expect.objectContaining({ kind: 'processor_record_proposed', subjectId: record.id, audience: 'dpo' }),
    );
    // The host never approves its own record.
    expect((await world.request(operator, 'POST', `/api/processors/${record.id}/approval`)).statusCode).toBe(
      403,
    );

    // Incomplete: refused naming what is missing (art. 16 §1 5°, §4), and nothing changes.
    const early = await world.request(controller.dpo, 'POST', `/api/processors/${record.id}/approval`);
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.json())).toEqual([
      '/record/documents/contract',
      '/record/documents/security_annex',
      '/record/documents/security_plan',
    ]);
    const stored = await world.db.adminDb
      .selectFrom('processor_records')
      .select('approved_at')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(stored.approved_at).toBeNull();

    await uploadProcessorDocument(world, operator, record.id, 'contract');
    await uploadProcessorDocument(world, operator, record.id, 'security_annex');
    await uploadProcessorDocument(world, operator, record.id, 'security_plan', '2026-02-15');
    const approved = await world.request(controller.dpo, 'POST', `/api/processors/${record.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      approval: { approvedBy: 'Griet Vermeulen' },
      missingForApproval: [],
      status: { level: 'green', reasons: [], nextComplianceReviewDue: '2027-03-02' },
    });

    const coverage = await world.request(operator, 'GET', '/api/processors/host-coverage');
    expect(coverage.statusCode).toBe(200);
    expect(coverage.json().host).toEqual({ id: world.org.host, legalName: PLATFORM_HOST.legalName });
    // PRC-06: the host is the processor of every participant-controller of the instance.
    for (const controllerId of [
      controller.id,
      world.org.police,
      world.org.cpas,
      world.org.parquet,
      world.org.youth,
    ]) {
      expect(coverage.json().controllers).toContainEqual(
        expect.objectContaining({
          controller: expect.objectContaining({ id: controllerId }),
          hostRecord: expect.objectContaining({ approved: true }),
        }),
      );
    }
    expect(
      coverage.json().controllers.map((c: { controller: { id: string } }) => c.controller.id),
    ).not.toContain(world.org.host);

    const activated = await world.request(operator, 'POST', `/api/frameworks/${frameworkId}/activation`);
    expect(activated.statusCode, activated.body).toBe(200);
    const events = await auditEventsSince(world, start);
    expect(events.filter((e) => e.outcome === 'success').map((e) => [e.action, e.actor.role])).toEqual(
      expect.arrayContaining([
        ['admin.processor_record_created', 'operator'],
        ['admin.processor_document_uploaded', 'operator'],
        ['admin.processor_record_approved', 'dpo'],
        ['admin.framework_activated', 'operator'],
      ]),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'admin.processor_record_approved',
        outcome: 'denied',
        reason: 'not_controller_dpo',
      }),
    );
  });

  it('PRC-03 PRC-04 a record without the liability, instruction-only and security-obligations clauses cannot be approved: each is named, nothing changes', async () => {
    const { policeDpo } = world.people;
    const record = await policeProcessor({ reference: 'DPA-SCAN-1', securityAnnexReference: 'Annex 1' });
    expect(record.hostSide).toBe(false);
    await uploadProcessorDocument(world, policeDpo, record.id, 'contract');
    await uploadProcessorDocument(world, policeDpo, record.id, 'security_annex');
    const refused = await world.request(policeDpo, 'POST', `/api/processors/${record.id}/approval`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: '/record/contract/liabilityClause', message: expect.stringContaining('art. 16 §1 3°') },
      { field: '/record/contract/instructionClause', message: expect.stringContaining('art. 16 §1 4°') },
      {
        field: '/record/contract/securityObligationsClause',
        message: expect.stringContaining('art. 16 §1 4°'),
      },
    ]);
    expect(refused.json().rule).toContain('art. 16 §1');
    const unchanged = await world.request(policeDpo, 'GET', `/api/processors/${record.id}`);
    expect(unchanged.json().approval).toBeNull();
    expect(unchanged.json().missingForApproval.map((i: { field: string }) => i.field)).toEqual(
      fieldsOf(refused.json()),
    );

    const completed = await world.request(policeDpo, 'PATCH', `/api/processors/${record.id}`, {
      contract: COMPLETE_CONTRACT,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const approved = await world.request(policeDpo, 'POST', `/api/processors/${record.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    // The host's staff do not know a processor the controller chose itself.
    expect(
      (await world.request(world.people.operator, 'GET', `/api/processors/${record.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.request(world.people.cpasDpo, 'GET', `/api/processors/${record.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.request(world.people.policeOfficer, 'GET', `/api/processors/${record.id}`)).statusCode,
    ).toBe(403);
  });

  it('PRC-05 the signed contract is kept as immutable versions with their SHA-256 and history, downloadable; a new version withdraws the approval', async () => {
    const { policeDpo } = world.people;
    const record = await policeProcessor();
    const first = Buffer.concat([SIGNED_PDF, Buffer.from('% v1\n')]);
    const second = Buffer.concat([SIGNED_PDF, Buffer.from('% v2 amended\n')]);
    await uploadProcessorDocument(world, policeDpo, record.id, 'contract', '2026-01-20', first);
    await uploadProcessorDocument(world, policeDpo, record.id, 'security_annex');
    expect((await world.request(policeDpo, 'POST', `/api/processors/${record.id}/approval`)).statusCode).toBe(
      200,
    );
    const start = await auditPosition(world);
    const after = await uploadProcessorDocument(
      world,
      policeDpo,
      record.id,
      'contract',
      '2026-02-27',
      second,
    );

    const contracts = after.documents.filter((d: { kind: string }) => d.kind === 'contract');
    expect(contracts).toEqual([
      expect.objectContaining({
        version: 1,
        current: false,
        documentDate: '2026-01-20',
        sha256: createHash('sha256').update(first).digest('hex'),
        uploadedBy: 'An Peeters',
      }),
      expect.objectContaining({
        version: 2,
        current: true,
        documentDate: '2026-02-27',
        sha256: createHash('sha256').update(second).digest('hex'),
      }),
    ]);
    // The amended contract is not what the controller approved.
    expect(after.approval).toBeNull();
    const events = await auditEventsSince(world, start);
    expect(events[0]).toMatchObject({
      action: 'admin.processor_document_uploaded',
      records: expect.arrayContaining([{ type: 'approval_withdrawn', id: record.id }]),
    });

    const download = await world.request(
      policeDpo,
      'GET',
      `/api/processors/${record.id}/documents/${contracts[0].id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.equals(first)).toBe(true);
    expect(download.headers['repr-digest']).toBe(
      `sha-256=:${createHash('sha256').update(first).digest('base64')}:`,
    );

    // Immutable: the runtime role may not change a version, and not even the owner deletes one.
    await expect(
      world.db.appDb
        .updateTable('processor_documents')
        .set({ filename: 'x.pdf' })
        .where('id', '=', contracts[0].id)
        .execute(),
    ).rejects.toThrow(/permission denied/);
    await expect(
      world.db.adminDb.deleteFrom('processor_documents').where('id', '=', contracts[0].id).execute(),
    ).rejects.toThrow(/never changed or deleted/);
    // A document is a PDF, by its content.
    const text = await world.request(
      policeDpo,
      'POST',
      `/api/processors/${record.id}/documents?kind=contract&documentDate=2026-02-27&filename=dpa.pdf`,
      Buffer.from('not a pdf'),
      undefined,
      'application/pdf',
    );
    expect(text.statusCode).toBe(415);
  });

  it('PRC-02 an overdue compliance review turns the processor amber on the dashboard; a review in time brings it back to green', async () => {
    const { policeDpo: dpoToday } = world.people;
    let policeDpo = dpoToday;
    const record = await policeProcessor(COMPLETE_CONTRACT, 1);
    await uploadProcessorDocument(world, policeDpo, record.id, 'contract');
    await uploadProcessorDocument(world, policeDpo, record.id, 'security_annex');
    expect(
      (await world.request(policeDpo, 'POST', `/api/processors/${record.id}/approval`)).json().status,
    ).toMatchObject({
      level: 'green',
      nextComplianceReviewDue: '2026-04-02',
    });
    const dashboard = () =>
      world.db.appDb
        .transaction()
        .execute((tx) => processorRegistryStatus(tx, world.org.police, '2026-04-03'));
    try {
      world.clock.set('2026-04-03T09:00:00Z');
      // A month later, in a working session of that day.
      policeDpo = await freshSession(world, dpoToday.actor.userId);
      const overdue = await world.request(policeDpo, 'GET', `/api/processors/${record.id}`);
      expect(overdue.json().status).toMatchObject({ level: 'amber', reasons: ['compliance_review_overdue'] });
      // The compliance dashboard reads the same status through processorRegistryStatus.
      const amber = await dashboard();
      expect(amber.processors.find((p) => p.id === record.id)?.status.level).toBe('amber');
      expect(['amber', 'red']).toContain(amber.level);

      const reviewed = await world.request(policeDpo, 'POST', `/api/processors/${record.id}/reviews`, {
        kind: 'compliance',
        reviewedOn: '2026-04-03',
        outcome: 'compliant_with_remarks',
        findings: 'Audit ter plaatse: logboeken in orde, back-up test gepland.',
      });
      expect(reviewed.statusCode, reviewed.body).toBe(201);
      expect(reviewed.json().status).toMatchObject({ level: 'green', nextComplianceReviewDue: '2026-05-03' });
      expect(reviewed.json().reviews).toEqual([
        expect.objectContaining({
          kind: 'compliance',
          reviewedOn: '2026-04-03',
          outcome: 'compliant_with_remarks',
          recordedBy: 'An Peeters',
        }),
      ]);
      expect((await dashboard()).processors.find((p) => p.id === record.id)?.status.level).toBe('green');
      // A review is not dated in the future, and the host never reviews.
      const future = await world.request(policeDpo, 'POST', `/api/processors/${record.id}/reviews`, {
        kind: 'compliance',
        reviewedOn: '2026-04-04',
        outcome: 'compliant',
        findings: 'Te vroeg.',
      });
      expect(fieldsOf(future.json())).toEqual(['/body/reviewedOn']);
    } finally {
      world.clock.set(START);
    }
  });

  it("PRC-07 the registry shows a linked, dated security plan for the host, and the controller's review of that version", async () => {
    const { operator, policeDpo } = world.people;
    const hostRecord = await hostRecordOf(world, 'police');
    const linked = await uploadProcessorDocument(world, operator, hostRecord, 'security_plan', '2026-02-15');
    const plan = linked.documents.find((d: { kind: string }) => d.kind === 'security_plan');
    expect(plan).toMatchObject({
      version: 1,
      current: true,
      documentDate: '2026-02-15',
      uploadedBy: 'Jan Claes',
    });
    // The plan is the host's own evidence (art. 16 §4): it does not withdraw the approval.
    expect(linked.approval).not.toBeNull();
    expect(linked.status.nextSecurityPlanReviewDue).toBe('2027-02-15');

    const byHost = await world.request(operator, 'POST', `/api/processors/${hostRecord}/reviews`, {
      kind: 'security_plan',
      reviewedOn: '2026-03-02',
      outcome: 'compliant',
      findings: 'Eigen beoordeling.',
      documentId: plan.id,
    });
    expect(byHost.statusCode).toBe(403);
    const wrong = await world.request(policeDpo, 'POST', `/api/processors/${hostRecord}/reviews`, {
      kind: 'compliance',
      reviewedOn: '2026-03-02',
      outcome: 'compliant',
      findings: 'Nazicht.',
      documentId: plan.id,
    });
    expect(fieldsOf(wrong.json())).toEqual(['/body/documentId']);
    const reviewed = await world.request(policeDpo, 'POST', `/api/processors/${hostRecord}/reviews`, {
      kind: 'security_plan',
      reviewedOn: '2026-03-02',
      outcome: 'compliant',
      findings: 'Plan nagezien: versleuteling, back-up en herstel, scheiding van de organisaties.',
      documentId: plan.id,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(reviewed.json().reviews).toContainEqual(
      expect.objectContaining({ kind: 'security_plan', documentId: plan.id, reviewedOn: '2026-03-02' }),
    );
    expect(reviewed.json().status.nextSecurityPlanReviewDue).toBe('2027-03-02');
  });

  it('PRC-08 accounts are typed controller or processor staff, and a processor-staff account is refused any role in cases', async () => {
    const { operator } = world.people;
    const hostStaff = await world.request(
      operator,
      'GET',
      `/api/admin/users?organisationId=${world.org.host}`,
    );
    expect(hostStaff.json().users.map((u: { staffType: string }) => u.staffType)).toEqual(
      expect.arrayContaining(['processor_staff']),
    );
    expect(new Set(hostStaff.json().users.map((u: { staffType: string }) => u.staffType))).toEqual(
      new Set(['processor_staff']),
    );
    const police = await world.request(
      operator,
      'GET',
      `/api/admin/users?organisationId=${world.org.police}`,
    );
    expect(new Set(police.json().users.map((u: { staffType: string }) => u.staffType))).toEqual(
      new Set(['controller_staff']),
    );

    const created = await world.request(operator, 'POST', '/api/admin/users', {
      organisationId: world.org.host,
      email: 'lotte.maes@hosting.example',
      displayName: 'Lotte Maes',
      roles: ['participant'],
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors).toEqual([
      { field: '/body/roles', message: expect.stringContaining('PRC-08') },
    ]);
    const newcomer = await world.newcomer('operator');
    const promoted = await world.request(operator, 'PUT', `/api/admin/users/${newcomer.actor.userId}/roles`, {
      roles: ['operator', 'organiser'],
    });
    expect(promoted.statusCode).toBe(400);
    expect(fieldsOf(promoted.json())).toEqual(['/body/roles']);
    // The database is the last net: the runtime role cannot give processor staff a case role either.
    await expect(
      world.db.appDb
        .updateTable('users')
        .set({ roles: ['participant'] })
        .where('id', '=', newcomer.actor.userId)
        .execute(),
    ).rejects.toThrow(/users_processor_staff_no_case_role/);
    // Nor is the host admitted to a case as a participant.
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const admitted = await world.request(
      world.people.coordinator,
      'POST',
      `/api/cases/${kase.id}/participants`,
      {
        organisationId: world.org.host,
        ground: 'expertise',
        justification: 'Technische ondersteuning.',
      },
    );
    expect(admitted.statusCode).toBe(400);
    expect(fieldsOf(admitted.json())).toEqual(['/body/organisationId']);
  });

  it("PRC-09 RGT-INF-05 the host's name and address come from the processor registry and appear in the controller's notice", async () => {
    const identity = await world.db.appDb.transaction().execute((tx) => hostIdentity(tx, world.org.police));
    expect(identity).toEqual({
      legalName: PLATFORM_HOST.legalName,
      address: PLATFORM_HOST.address,
      enterpriseNumber: expect.any(String),
      country: 'BE',
      approved: true,
    });
    const kase = await newCase(world, { items: 1 });
    const obligations = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations?caseId=${kase.id}`,
    );
    const obligation = obligations
      .json()
      .obligations.find((o: { personId: string }) => o.personId === kase.subjectId);
    const notice = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations/${obligation.id}/notice/json?language=nl`,
    );
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json().processor).toMatchObject({
      legalName: PLATFORM_HOST.legalName,
      address: PLATFORM_HOST.address,
    });
  });

  // Where a processor may be (L2007 arts 21-22) is the transfer check's: test/processors/processor-locations.test.ts.
  it('PRC-01 the host records no identity of its own, once per controller, and nothing the controller chose itself', async () => {
    const { operator } = world.people;
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM processor_records`.execute(
      world.db.adminDb,
    );
    const twice = await world.request(operator, 'POST', '/api/processors', {
      controllerOrganisationId: world.org.police,
      role: 'host',
      processor: { name: 'Other', address: 'Elsewhere 1' },
      country: 'BE',
      services: 'Hosting',
    });
    expect(fieldsOf(twice.json())).toEqual(['/body/processor']);
    const duplicate = await world.request(operator, 'POST', '/api/processors', {
      controllerOrganisationId: world.org.police,
      role: 'host',
      country: 'BE',
      services: 'Hosting',
    });
    expect(duplicate.statusCode).toBe(409);
    // The operator records nothing the controller chose itself.
    const own = await world.request(operator, 'POST', '/api/processors', {
      controllerOrganisationId: world.org.police,
      role: 'other',
      processor: { name: 'Vertaalbureau NV', address: 'Kouter 1, 9000 Gent' },
      country: 'BE',
      services: 'Translations',
    });
    expect(own.statusCode).toBe(403);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM processor_records`.execute(
      world.db.adminDb,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
