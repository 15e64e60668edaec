/**
 * The declarations of processing over HTTP on a real database (L2007/L1992 arts 17-20; SPEC
 * DCL-01..28, SEC-10, SEC-13, SCO-15): the go-live gate, the purpose sets, the generated content
 * and what blocks it, the Commission's acknowledgement and its alert, the contribution, the
 * modifications and the cessation, the conformity check, the exemption and the sectoral mode, the
 * specific-risk conditions, and the DPO's reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateFramework } from '../../src/contracts/frameworks.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { dailyJobs } from '../../src/server/modules/jobs/daily-jobs.js';
import type { DB } from '../../src/server/db/schema.js';
import { securityPlan } from '../../src/server/modules/declarations/security-plan.js';
import {
  type AccessWorld,
  createAccessWorld,
  type PersonName,
  type Signed,
} from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { completeFramework } from '../support/consultation-steps.js';
import { freshSession } from '../support/item-steps.js';
import { paperAnnex } from '../support/paper-part-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const today = () => brusselsDateOf(world.clock.now());

/** After the clock moved past the sessions' lifetime, the people of this file sign in again. */
async function resumeSessions(): Promise<void> {
  const names: PersonName[] = [
    'policeDpo',
    'cpasDpo',
    'policeOfficer',
    'operator',
    'socialWorker',
    'youthWorker',
    'coordinator',
  ];
  for (const name of names) world.people[name] = await freshSession(world, world.people[name].actor.userId);
}

/** Every row of `tables`, to prove that a refusal changed nothing. */
async function snapshot(tables: readonly (keyof DB)[]): Promise<string> {
  const rows: unknown[] = [];
  for (const table of tables) {
    const list = await world.db.adminDb.selectFrom(table).selectAll().execute();
    rows.push([table, list.map((row) => JSON.stringify(row)).sort()]);
  }
  return JSON.stringify(rows);
}
const NAMES = { fr: 'Concertation de cas – test', nl: 'Casusoverleg – test' };

/** A framework the operator creates and activates, which no party has declared yet. */
async function undeclaredFramework(overrides: Partial<CreateFramework> = {}): Promise<string> {
  const created = await world.request(
    world.people.operator,
    'POST',
    '/api/frameworks',
    completeFramework(world, overrides),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const activated = await world.request(world.people.operator, 'POST', `/api/frameworks/${id}/activation`);
  expect(activated.statusCode, activated.body).toBe(200);
  return id;
}

/** A draft declaration of the police DPO covering `frameworkIds`. */
async function policeDeclaration(frameworkIds: string[], body: Record<string, unknown> = {}) {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/declarations', {
    purposes: ['P1'],
    language: 'fr',
    frameworks: frameworkIds.map((frameworkId) => ({ frameworkId, processingName: NAMES })),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function submit(who: Signed, id: string, submittedOn = today()) {
  const res = await world.request(who, 'POST', `/api/declarations/${id}/versions`, { submittedOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const openCase = (frameworkId: string, purposes = ['P1'], who: Signed = world.people.policeOfficer) =>
  world.request(who, 'POST', '/api/cases', { frameworkId, title: 'Gezin K.', purposes });

describe('the go-live gate (L2007 art. 17 §1)', () => {
  it('DCL-01 DCL-17 a controller enters no data in a framework until the declaration covering its purposes is submitted', async () => {
    const frameworkId = await undeclaredFramework({ purposes: ['P1', 'P2'] });
    const refused = await openCase(frameworkId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().rule).toContain('art. 17 §1');
    const position = await auditPosition(world);
    const draft = await policeDeclaration([frameworkId], { purposes: ['P1', 'P2'] });
    expect(draft).toMatchObject({
      status: 'draft',
      lifecycle: 'draft',
      publicRegisterExemption: 'no',
      journalismGround: 'not_applicable',
      frameworks: [{ frameworkId, processingName: NAMES, declared: false }],
      generation: { ready: true, issues: [] },
      conformity: { conforms: null },
    });
    // A draft is no declaration: the gate still holds.
    expect((await openCase(frameworkId)).statusCode).toBe(409);
    const declared = await submit(world.people.policeDpo, draft.id);
    expect(declared).toMatchObject({
      status: 'submitted',
      lifecycle: 'declared',
      frameworks: [{ declared: true }],
    });
    expect(declared.versions).toEqual([
      expect.objectContaining({ number: 1, kind: 'declaration', submittedOn: today(), status: 'submitted' }),
    ]);
    expect((await openCase(frameworkId, ['P1', 'P2'])).statusCode).toBe(201);
    // The CPAS, a party too, has declared nothing: its data entry is still refused.
    expect((await openCase(frameworkId, ['P1'], world.people.socialWorker)).statusCode).toBe(409);
    const events = await auditEventsSince(world, position);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['admin.declaration_created', 'admin.declaration_submitted']),
    );
    expect(events.find((e) => e.action === 'admin.declaration_submitted')?.actor.userId).toBe(
      world.people.policeDpo.actor.userId,
    );
  });

  it('DCL-21 DCL-01 a framework added to a declaration takes effect only once the modification is submitted', async () => {
    const first = await undeclaredFramework();
    const second = await undeclaredFramework();
    const draft = await policeDeclaration([first]);
    await submit(world.people.policeDpo, draft.id);
    const edited = await world.request(world.people.policeDpo, 'PATCH', `/api/declarations/${draft.id}`, {
      frameworks: [first, second].map((frameworkId) => ({ frameworkId, processingName: NAMES })),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const declared = (id: string) =>
      edited.json().frameworks.find((f: { frameworkId: string }) => f.frameworkId === id).declared;
    expect([declared(first), declared(second)]).toEqual([true, false]);
    expect((await openCase(second)).statusCode).toBe(409);
    const modified = await submit(world.people.policeDpo, draft.id);
    expect(modified.versions[0]).toMatchObject({ number: 2, kind: 'modification' });
    expect((await openCase(second)).statusCode).toBe(201);
    // Nothing changed since: there is no modification to declare.
    const again = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions`,
      { submittedOn: today() },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('no modification to declare');
  });

  it('SCO-15 DCL-01 an intelligence service is not bound to declare: its data entry is not gated', async () => {
    const frameworkId = await undeclaredFramework();
    expect((await openCase(frameworkId, ['P1'], world.people.youthWorker)).statusCode).toBe(409);
    const regime = (dpRegime: string) =>
      world.request(world.people.operator, 'PATCH', `/api/admin/organisations/${world.org.youth}`, {
        dpRegime,
      });
    const intelligence = await regime('intelligence');
    expect(intelligence.statusCode, intelligence.body).toBe(200);
    try {
      expect((await openCase(frameworkId, ['P1'], world.people.youthWorker)).statusCode).toBe(201);
      const list = await world.request(world.people.policeDpo, 'GET', '/api/declarations');
      expect(list.statusCode).toBe(200);
    } finally {
      expect((await regime('gdpr')).statusCode).toBe(200);
    }
  });
});

describe('what a declaration covers and says (L2007 art. 17 §3, §5)', () => {
  it('DCL-17 a framework serving a purpose outside the declaration is refused whole, naming the field, and nothing is written', async () => {
    const p3 = await undeclaredFramework({ purposes: ['P3'] });
    const before = await snapshot(['declarations', 'declaration_frameworks', 'declaration_versions']);
    const res = await world.request(world.people.policeDpo, 'POST', '/api/declarations', {
      purposes: ['P1'],
      language: 'nl',
      mode: 'sectoral_committee',
      frameworks: [
        { frameworkId: p3, processingName: NAMES },
        { frameworkId: crypto.randomUUID(), processingName: NAMES },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/sectoralCommittee']);
    const mapping = await world.request(world.people.policeDpo, 'POST', '/api/declarations', {
      purposes: ['P1'],
      language: 'nl',
      frameworks: [
        { frameworkId: p3, processingName: NAMES },
        { frameworkId: crypto.randomUUID(), processingName: NAMES },
      ],
    });
    expect(mapping.statusCode).toBe(400);
    expect(mapping.json()).toMatchObject({ rule: 'L2007 art. 17 §5 (SPEC DCL-17)' });
    expect(mapping.json().errors).toEqual([
      expect.objectContaining({
        field: '/body/frameworks/0/frameworkId',
        message: expect.stringContaining('P3'),
      }),
      {
        field: '/body/frameworks/1/frameworkId',
        message: 'is not a framework your organisation takes part in',
      },
    ]);
    const shape = await world.request(world.people.policeDpo, 'POST', '/api/declarations', {
      purposes: ['P9'],
      language: 'en',
    });
    expect(shape.statusCode).toBe(400);
    expect(await snapshot(['declarations', 'declaration_frameworks', 'declaration_versions'])).toBe(before);
  });

  it('DCL-05 DCL-04 what the configuration lacks blocks the generation and the submission, each field named', async () => {
    const created = await world.request(world.people.operator, 'POST', '/api/frameworks', {
      name: `Kader in opbouw ${crypto.randomUUID().slice(0, 6)}`,
      basisKind: 'decree',
      basisCitation: { title: 'Decreet Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
      purposes: ['P1'],
      organiserOrganisationId: world.org.coordination,
      participantIds: [world.org.police],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = await policeDeclaration([created.json().id]);
    expect(draft.generation).toEqual({
      ready: false,
      issues: [
        expect.objectContaining({ field: '/frameworks/0/processingBasis' }),
        expect.objectContaining({ field: '/frameworks/0/defaultRetention' }),
      ],
    });
    expect(draft.allowedActions).not.toContain('submit');
    const preview = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/declarations/${draft.id}/preview`,
    );
    expect(preview.statusCode).toBe(400);
    expect(preview.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/frameworks/0/processingBasis',
      '/frameworks/0/defaultRetention',
    ]);
    const before = await snapshot(['declaration_versions']);
    const submitted = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions`,
      { submittedOn: today() },
    );
    expect(submitted.statusCode).toBe(400);
    expect(await snapshot(['declaration_versions'])).toBe(before);
  });

  it('DCL-07 DCL-09 DCL-13 DCL-14 the preview is generated from the configuration, as JSON and as PDF', async () => {
    const frameworkId = await undeclaredFramework({ allowedCategories: ['C01', 'C09', 'C11'] });
    const draft = await policeDeclaration([frameworkId], {
      purposeDescription: 'Aanpak van intrafamiliaal geweld.',
    });
    const json = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/declarations/${draft.id}/preview?format=json`,
    );
    expect(json.statusCode, json.body).toBe(200);
    const content = json.json();
    expect(content.sections.name.processings).toEqual([{ frameworkId, ...NAMES }]);
    expect(content.sections.categories.special.map((s: { code: string }) => s.code)).toEqual(['C09']);
    expect(content.sections.retention.frameworks[0].text).toBe(
      '≤ 5 ans après la clôture du dossier, au maximum 30 ans',
    );
    expect(content.sections.security.planVersion).toBe(securityPlan().version);
    expect(content.sections.security.description.length).toBeGreaterThan(100);
    const pdf = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/declarations/${draft.id}/preview?format=pdf`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('4° Dénomination du traitement automatisé');
    expect(text).toContain('Casusoverleg – test');
  });
});

describe('the submission and the Commission (L2007 art. 17 §2, §9; art. 18)', () => {
  it('DCL-03 without an acknowledgement three working days after the submission the DPOs are alerted once; the acknowledgement answers it', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId]);
    const submittedOn = today();
    const declared = await submit(world.people.policeDpo, draft.id, submittedOn);
    const versionId: string = declared.versions[0].id;
    const { dueOn } = declared.versions[0].acknowledgement;
    expect(declared.versions[0].acknowledgement.overdue).toBe(false);
    const job = dailyJobs({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: 'concerto.test/audit',
    }).find((j) => j.name === 'declaration-review')!;
    const alerts = () =>
      world.db.adminDb
        .selectFrom('notifications')
        .select(['audience', 'acknowledged_at'])
        .where('kind', '=', 'declaration_acknowledgement_overdue')
        .where('subject_id', '=', versionId)
        .execute();
    await job.run(world.clock.now());
    expect(await alerts()).toEqual([]);
    // To the first instant after the last working day.
    world.clock.set(new Date(`${dueOn}T23:00:00Z`));
    await resumeSessions();
    await job.run(world.clock.now());
    await job.run(world.clock.now());
    expect(await alerts()).toEqual([{ audience: 'dpo', acknowledged_at: null }]);
    const list = (await world.request(world.people.policeDpo, 'GET', '/api/declarations')).json();
    expect(list.complianceItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'acknowledgement_overdue', subjectId: versionId }),
      ]),
    );
    const early = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions/${versionId}/acknowledgement`,
      {
        acknowledgedOn: '2020-01-01',
      },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('/body/acknowledgedOn');
    const acknowledged = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions/${versionId}/acknowledgement`,
      {
        acknowledgedOn: today(),
      },
    );
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged' });
    expect(acknowledged.json().versions[0].acknowledgement).toMatchObject({
      acknowledgedOn: today(),
      overdue: false,
    });
    expect((await alerts())[0]!.acknowledged_at).not.toBeNull();
    const twice = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions/${versionId}/acknowledgement`,
      {
        acknowledgedOn: today(),
      },
    );
    expect(twice.statusCode).toBe(409);
  });

  it('DCL-03 a declaration found incomplete opens a correction item, resolved by the next submission', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId]);
    const versionId: string = (await submit(world.people.policeDpo, draft.id)).versions[0].id;
    const incomplete = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/versions/${versionId}/incompleteness`,
      {
        notifiedOn: today(),
        reason: 'De beschrijving van de beveiligingsmaatregelen ontbreekt.',
      },
    );
    expect(incomplete.statusCode, incomplete.body).toBe(200);
    expect(incomplete.json()).toMatchObject({ status: 'incomplete' });
    expect(incomplete.json().updateItems).toEqual([
      expect.objectContaining({ cause: 'commission_incomplete', resolvedAt: null }),
    ]);
    const resubmitted = await submit(world.people.policeDpo, draft.id);
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.updateItems[0]).toMatchObject({ resolvedByVersionId: resubmitted.versions[0].id });
  });

  it('DCL-23 a declaration reaches completed only with a payment reference, or the contribution set to not required', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId]);
    const versionId: string = (await submit(world.people.policeDpo, draft.id)).versions[0].id;
    const url = `/api/declarations/${draft.id}/versions/${versionId}`;
    const dpo = world.people.policeDpo;
    await world.request(dpo, 'POST', `${url}/acknowledgement`, { acknowledgedOn: today() });
    const unpaid = await world.request(dpo, 'POST', `${url}/completion`, { completedOn: today() });
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().detail).toContain('payment reference');
    const tooMuch = await world.request(dpo, 'POST', `${url}/payment`, {
      amount: { cents: 30_000, currency: 'EUR' },
      paidOn: today(),
      reference: 'VIR-2026-0001',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toBe('/body/amount/cents');
    const paid = await world.request(dpo, 'POST', `${url}/payment`, {
      amount: { cents: 2500, currency: 'EUR' },
      paidOn: today(),
      reference: 'VIR-2026-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().versions[0].payment).toEqual({
      amount: { cents: 2500, currency: 'EUR' },
      paidOn: today(),
      reference: 'VIR-2026-0001',
    });
    const completed = await world.request(dpo, 'POST', `${url}/completion`, { completedOn: today() });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({
      status: 'completed',
      versions: [{ completedOn: today(), allowedActions: [] }],
    });
  });
});

describe('keeping the declaration true (L2007 art. 16 §2 4°, art. 17 §7)', () => {
  it('SEC-10 DCL-21 DCL-10 adding a recipient category not in the declaration fails the check and creates a declaration update task', async () => {
    const frameworkId = await undeclaredFramework({ participantIds: [world.org.police, world.org.cpas] });
    const draft = await policeDeclaration([frameworkId]);
    const declared = await submit(world.people.policeDpo, draft.id);
    expect(declared.conformity).toEqual({ conforms: true, differences: [], comparedWithVersion: 1 });
    const position = await auditPosition(world);
    // The parquet (a judicial authority: a new recipient category) joins the framework.
    const added = await world.request(
      world.people.operator,
      'POST',
      `/api/frameworks/${frameworkId}/participants`,
      {
        organisationId: world.org.parquet,
      },
    );
    expect(added.statusCode, added.body).toBe(200);
    const events = await auditEventsSince(world, position);
    expect(events.map((e) => e.action)).toEqual([
      'admin.framework_participant_added',
      'admin.declaration_update_opened',
    ]);
    const view = (await world.request(world.people.policeDpo, 'GET', `/api/declarations/${draft.id}`)).json();
    expect(view.conformity).toEqual({
      conforms: false,
      differences: [{ section: 'recipients', item: '§3 7°', label: 'recipient categories' }],
      comparedWithVersion: 1,
    });
    expect(view.updateItems).toEqual([
      expect.objectContaining({
        cause: 'configuration_changed',
        differences: ['recipients'],
        resolvedAt: null,
      }),
    ]);
    const alert = await world.db.adminDb
      .selectFrom('notifications')
      .select(['organisation_id', 'audience'])
      .where('kind', '=', 'declaration_update_due')
      .where('subject_id', '=', view.updateItems[0].id)
      .execute();
    expect(alert).toEqual([{ organisation_id: world.org.police, audience: 'dpo' }]);
    // Checking again finds the same item: one task per difference.
    const check = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/conformity-check`,
    );
    expect(check.json()).toMatchObject({
      conformity: { conforms: false },
      updateItem: { id: view.updateItems[0].id },
    });
    const modified = await submit(world.people.policeDpo, draft.id);
    expect(modified.conformity.conforms).toBe(true);
    expect(modified.updateItems[0].resolvedByVersionId).toBe(modified.versions[0].id);
    const preview = (
      await world.request(
        world.people.policeDpo,
        'GET',
        `/api/declarations/${draft.id}/versions/${modified.versions[0].id}/document`,
      )
    ).json();
    expect(preview.sections.recipients.categories.map((c: { code: string }) => c.code)).toContain(
      'judicial_authority',
    );
  });

  it('DCL-21 the end of the processing is declared first: no data is entered under it after, and the framework may be declared anew', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId]);
    await submit(world.people.policeDpo, draft.id);
    expect((await openCase(frameworkId)).statusCode).toBe(201);
    const ceased = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/cessation`,
      { submittedOn: today() },
    );
    expect(ceased.statusCode, ceased.body).toBe(200);
    expect(ceased.json()).toMatchObject({ lifecycle: 'ceased', frameworks: [], allowedActions: [] });
    expect(ceased.json().versions.map((v: { kind: string }) => v.kind)).toEqual(['cessation', 'declaration']);
    expect((await openCase(frameworkId)).statusCode).toBe(409);
    const edit = await world.request(world.people.policeDpo, 'PATCH', `/api/declarations/${draft.id}`, {
      purposeDescription: 'Nog iets.',
    });
    expect(edit.statusCode).toBe(409);
    const again = await policeDeclaration([frameworkId]);
    expect(again.frameworks[0].frameworkId).toBe(frameworkId);
    const register = (await world.request(null, 'GET', '/api/public/register')).json();
    expect(register.entries.map((e: { declarationId: string }) => e.declarationId)).not.toContain(draft.id);
  });
});

describe('the other regimes of declaration (L2007 art. 17 §8, art. 17bis, art. 20)', () => {
  it('DCL-22 with an exemption configured, a request yields the §§3/6 sheet and a log entry, from the desk and from the public page', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId], {
      mode: 'royal_decree_exemption',
      royalDecreeExemption: { royalDecree: 'Arrêté royal n° 13 du 12 mars 2000 (fictif)' },
    });
    await submit(world.people.policeDpo, draft.id);
    const position = await auditPosition(world);
    const sheet = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/sheet-requests`,
      {
        channel: 'post',
        receivedOn: today(),
      },
    );
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().sections.name.processings[0]).toMatchObject(NAMES);
    const entry = await world.request(null, 'GET', `/api/public/register/${draft.id}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.json()).toMatchObject({
      mode: 'royal_decree_exemption',
      royalDecreeExemption: 'Arrêté royal n° 13 du 12 mars 2000 (fictif)',
    });
    const view = (await world.request(world.people.policeDpo, 'GET', `/api/declarations/${draft.id}`)).json();
    expect(view.sheetRequests.map((r: { channel: string }) => r.channel).sort()).toEqual([
      'post',
      'public_page',
    ]);
    const events = await auditEventsSince(world, position);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['admin.declaration_sheet_given', 'system.exemption_sheet_served']),
    );
    // An exempted processing has no register number; a declared one is in the register, not given on request.
    expect(
      (
        await world.request(world.people.policeDpo, 'PUT', `/api/declarations/${draft.id}/register-number`, {
          registerNumber: 'X-1',
        })
      ).statusCode,
    ).toBe(409);
    const declared = await policeDeclaration([await undeclaredFramework()]);
    await submit(world.people.policeDpo, declared.id);
    const refused = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${declared.id}/sheet-requests`,
      {
        channel: 'post',
        receivedOn: today(),
      },
    );
    expect(refused.statusCode).toBe(409);
  });

  it('DCL-27 in sectoral mode the Commission downloads the current §§3/6 sheet at any time, without an account', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId], {
      mode: 'sectoral_committee',
      sectoralCommittee: {
        committee: 'Comité sectoriel de la sécurité sociale et de la santé',
        authorisationReference: 'CSSS/26/042',
        authorisationDate: '2026-01-15',
      },
    });
    await submit(world.people.policeDpo, draft.id);
    for (const _later of [0, 1]) {
      const pdf = await world.request(null, 'GET', `/api/public/register/${draft.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('CSSS/26/042');
      expect(text).toContain('Autorisation préalable d’un comité sectoriel (art. 20)');
      world.clock.advanceMs(30 * 86_400_000);
    }
    await resumeSessions();
    const entry = (await world.request(null, 'GET', `/api/public/register/${draft.id}`)).json();
    expect(entry.sectoralCommittee).toEqual({
      committee: 'Comité sectoriel de la sécurité sociale et de la santé',
      authorisationReference: 'CSSS/26/042',
    });
  });

  it('DCL-28 flagging a specific-risk processing adds its conditions to the compliance dashboard until fulfilled', async () => {
    const frameworkId = await undeclaredFramework();
    const draft = await policeDeclaration([frameworkId], {
      specificRisk: {
        royalDecree: 'AR du 1er février 2026 (fictif)',
        conditions: ['Analyse d’impact préalable', 'Préposé à la protection des données désigné'],
      },
    });
    const open = async () =>
      (
        (await world.request(world.people.policeDpo, 'GET', '/api/declarations')).json().complianceItems as {
          kind: string;
          declarationId: string;
          subjectId: string;
        }[]
      ).filter((item) => item.kind === 'risk_condition_open' && item.declarationId === draft.id);
    expect((await open()).map((item) => item.subjectId)).toEqual(
      draft.specificRisk.conditions.map((c: { id: string }) => c.id),
    );
    const conditionId: string = draft.specificRisk.conditions[0].id;
    const fulfilled = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/risk-conditions/${conditionId}/fulfilment`,
      { note: 'Analyse du 2 mars 2026.' },
    );
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(fulfilled.json().specificRisk.conditions[0]).toMatchObject({
      fulfilledBy: 'An Peeters',
      note: 'Analyse du 2 mars 2026.',
    });
    expect((await open()).map((item) => item.subjectId)).toEqual([draft.specificRisk.conditions[1].id]);
    const again = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${draft.id}/risk-conditions/${conditionId}/fulfilment`,
      {},
    );
    expect(again.statusCode).toBe(409);
  });
});

describe("the declarations are the controller's DPO's (L2007 art. 17bis)", () => {
  it('DCL-17 ROL-12 another DPO may not learn a declaration exists, a participant is refused, and each refusal is audited', async () => {
    const draft = await policeDeclaration([await undeclaredFramework()]);
    const position = await auditPosition(world);
    const other = await world.request(world.people.cpasDpo, 'GET', `/api/declarations/${draft.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toBe('No such declaration');
    expect(
      (await world.request(world.people.policeOfficer, 'GET', `/api/declarations/${draft.id}`)).statusCode,
    ).toBe(403);
    expect((await world.request(world.people.operator, 'GET', '/api/declarations')).statusCode).toBe(403);
    const events = await auditEventsSince(world, position);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['denied', 'no_such_declaration'],
      ['denied', 'not_declaration_keeper'],
      ['denied', 'not_declaration_keeper'],
    ]);
    const list = (await world.request(world.people.cpasDpo, 'GET', '/api/declarations')).json();
    expect(list.declarations.map((d: { id: string }) => d.id)).not.toContain(draft.id);
  });
});

describe("the DPO's reports (L1992 art. 16 §1 1°; L2007 arts 17 §4 and 19)", () => {
  it('SEC-13 the processing statement lists the data categories, purposes, consultations and every recipient category with counts', async () => {
    const from = today();
    const kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
    const read = await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const res = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/processing-statement?from=${from}&to=${today()}&language=nl`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const statement = res.json();
    expect(statement.purposes.map((p: { code: string }) => p.code)).toContain('P1');
    const risk = statement.categories.find((c: { code: string }) => c.code === 'C11');
    expect(risk.recorded).toBeGreaterThanOrEqual(2);
    expect(risk.consulted).toBeGreaterThanOrEqual(1);
    expect(statement.consultations.byOtherOrganisations).toBeGreaterThanOrEqual(1);
    const administrative = statement.recipients.find(
      (r: { category: string }) => r.category === 'administrative_authority',
    );
    expect(administrative.organisations).toEqual(
      expect.arrayContaining([expect.objectContaining({ legalName: 'OCMW Gent' })]),
    );
    expect(administrative.count).toBeGreaterThanOrEqual(1);
    // Counts and categories only: no content of an item, no person.
    expect(res.body).not.toContain('Dewaele');
    expect(res.body).not.toContain('Vaststelling');
    const reversed = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/processing-statement?from=${today()}&to=2020-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('/querystring/to');
    const pdf = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/processing-statement?from=${from}&to=${today()}&format=pdf`,
    );
    expect(pdfText(pdf.rawPayload)).toContain('État du traitement');
  });

  it('DCL-16 the information pack for the Commission holds the origin of the data, the automation technique and the security plan', async () => {
    const res = await world.request(world.people.policeDpo, 'GET', '/api/information-pack?language=fr');
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.json();
    expect(pack.provenance).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'C11', alreadyHeld: expect.any(Number) })]),
    );
    expect(pack.provenance.find((p: { code: string }) => p.code === 'C11').alreadyHeld).toBeGreaterThan(0);
    expect(pack.architecture.paragraphs.join(' ')).toContain('AES-256-GCM');
    expect(pack.architecture.host).toMatchObject({ legalName: expect.any(String) });
    expect(pack.securityPlan).toMatchObject({
      version: securityPlan().version,
      document: 'docs/security-plan.md',
    });
    expect(pack.securityPlan.provisions.map((p: { provision: string }) => p.provision)).toContain(
      'GDPR art. 32',
    );
    const pdf = await world.request(world.people.policeDpo, 'GET', '/api/information-pack?format=pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Origine des données');
    expect(text).toContain('Technique d’automatisation');
    expect(text).toContain('Mesures de sécurité');
  });

  it('DCL-26 PEN-11 the manual-file sheet includes the paper annexes with their locations and categories', async () => {
    const kase = await world.policeCaseWithRecords('pre_registered');
    const paper = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/paper-parts`,
      {
        ...paperAnnex(kase.personId),
        categories: ['C06', 'C11'],
      },
    );
    expect(paper.statusCode, paper.body).toBe(201);
    const res = await world.request(world.people.policeDpo, 'GET', '/api/manual-file-sheet');
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json();
    expect(sheet.paperParts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: paper.json().id,
          caseId: kase.id,
          location: { building: 'Politiehuis Gent', room: 'Archief 0.14', cabinet: null },
          custodianFunction: 'Archivaris',
          categories: [expect.objectContaining({ code: 'C06' }), expect.objectContaining({ code: 'C11' })],
        }),
      ]),
    );
    expect(sheet.categories.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['C06', 'C11']),
    );
    expect(sheet.declarations.length).toBeGreaterThan(0);
    // The index of the paper (its content) is not in the sheet.
    expect(res.body).not.toContain('PV met foto');
    const pdf = await world.request(world.people.policeDpo, 'GET', '/api/manual-file-sheet?format=pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Politiehuis Gent');
  });
});
