/**
 * Consultation frameworks over HTTP on a real database (issue 4 scope 1; CP art. 458ter §1;
 * bill art. 2): the operator records the instrument, activation is refused field by field until
 * it is complete, the purposes are the three of art. 458ter, the categories the sixteen of the
 * bill (a framework may narrow them), the whitelist decides who may be admitted, and the
 * parties of an active framework see it. Each test names the SPEC rows it proves.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURPOSE_CODES } from '../../src/contracts/legal-codes.js';
import { PURPOSES } from '../../src/server/kernel/legal-rules/index.js';
import { type AccessWorld, createAccessWorld, type PersonName } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { activeFramework, completeFramework, rawRequest } from '../support/consultation-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);

/** A minimal PDF: its type is decided by its content (the signature), as the service sniffs it. */
const SIGNED_PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await call('operator', 'POST', '/api/frameworks', { ...completeFramework(world), ...overrides });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('frameworks', () => {
  it('SCO-03 refuses to activate a draft without modalities with a field error, then activates it complete and audits it', async () => {
    const id = await draft({ modalities: null });
    const refused = await call('operator', 'POST', `/api/frameworks/${id}/activation`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'validation_failed', rule: 'CP art. 458ter §1 al. 1 and al. 3 (SPEC SCO-03)' });
    expect(fieldsOf(refused.json())).toEqual(['/framework/modalities']);
    expect((await call('operator', 'GET', `/api/frameworks/${id}`)).json()).toMatchObject({ state: 'draft', activatedAt: null });

    const completed = await call('operator', 'PATCH', `/api/frameworks/${id}`, { modalities: 'Tweewekelijks overleg; notulen per casus.' });
    expect(completed.statusCode, completed.body).toBe(200);
    const before = await auditPosition(world);
    const activated = await call('operator', 'POST', `/api/frameworks/${id}/activation`);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({ state: 'active', modalities: 'Tweewekelijks overleg; notulen per casus.' });
    expect(activated.json().activatedAt).toBe(world.clock.now().toISOString());
    const events = await auditEventsSince(world, before);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'admin.framework_activated',
        outcome: 'success',
        actor: expect.objectContaining({ userId: world.people.operator.actor.userId }),
        records: [{ type: 'framework', id }],
      }),
    );
    // An active framework is the instrument as activated: its fields no longer change.
    expect((await call('operator', 'PATCH', `/api/frameworks/${id}`, { modalities: 'Anders.' })).statusCode).toBe(409);
  });

  it('SCO-03 names every missing element of an empty draft at once', async () => {
    const created = await call('operator', 'POST', '/api/frameworks', { name: 'Nog in te vullen' });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await call('operator', 'POST', `/api/frameworks/${created.json().id}/activation`);
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.json())).toEqual([
      '/framework/basisKind',
      '/framework/processingBasis',
      '/framework/purposes',
      '/framework/organiserOrganisationId',
      '/framework/participantIds',
      '/framework/modalities',
      '/framework/defaultRetention',
    ]);
  });

  it('SCO-03 lets only the platform operator manage frameworks: every other role gets 403 and nothing changes', async () => {
    const id = await draft();
    for (const who of ['coordinator', 'policeOfficer', 'prosecutor', 'policeDpo'] as const) {
      expect((await call(who, 'POST', '/api/frameworks', completeFramework(world))).statusCode, who).toBe(403);
      expect((await call(who, 'PATCH', `/api/frameworks/${id}`, { modalities: 'Anders.' })).statusCode, who).toBe(403);
      expect((await call(who, 'POST', `/api/frameworks/${id}/activation`)).statusCode, who).toBe(403);
      expect((await call(who, 'POST', `/api/frameworks/${id}/participants`, { organisationId: world.org.youth })).statusCode, who).toBe(403);
      const upload = await rawRequest(world, world.people[who], 'PUT', `/api/frameworks/${id}/authorisation-document`, SIGNED_PDF, 'application/pdf');
      expect(upload.statusCode, who).toBe(403);
    }
    const unchanged = (await call('operator', 'GET', `/api/frameworks/${id}`)).json();
    expect(unchanged).toMatchObject({ state: 'draft', modalities: completeFramework(world).modalities });
  });

  it('SCO-04 refuses a framework whose only processing basis is CP art. 458ter, and accepts it once another instrument is cited', async () => {
    for (const citation of ['CP art. 458ter', 'art. 458ter Strafwetboek', 'Article 458ter du Code pénal']) {
      const id = await draft({ processingBasis: { kind: 'specific_law', citation } });
      const refused = await call('operator', 'POST', `/api/frameworks/${id}/activation`);
      expect(refused.statusCode, citation).toBe(400);
      expect(fieldsOf(refused.json()), citation).toEqual(['/framework/processingBasis/citation']);
    }
    const id = await draft({ processingBasis: { kind: 'specific_law', citation: 'CP art. 458ter' } });
    await call('operator', 'PATCH', `/api/frameworks/${id}`, {
      processingBasis: {
        kind: 'federated_decree',
        citation: 'Décret du 30 juin 2023 relatif au traitement des données à caractère personnel dans le cadre de concertations de cas',
      },
    });
    expect((await call('operator', 'POST', `/api/frameworks/${id}/activation`)).statusCode).toBe(200);
  });

  it('PUR-01 refuses a purpose outside the three of art. 458ter §1 al. 2, on frameworks and on cases', async () => {
    for (const purposes of [['P4'], ['public order'], ['P1', 'P4']]) {
      const framework = await call('operator', 'POST', '/api/frameworks', completeFramework(world, { purposes: purposes as never }));
      expect(framework.statusCode, String(purposes)).toBe(400);
      expect(framework.json().code).toBe('validation_failed');
      const kase = await call('policeOfficer', 'POST', '/api/cases', { frameworkId: world.frameworkId, title: 'Gezin X.', purposes });
      expect(kase.statusCode, String(purposes)).toBe(400);
      expect(fieldsOf(kase.json()).some((field) => field.startsWith('/body/purposes'))).toBe(true);
    }
    // A purpose of the three, but not among this framework's (the world's serves P1 only).
    const other = await call('policeOfficer', 'POST', '/api/cases', { frameworkId: world.frameworkId, title: 'Gezin X.', purposes: ['P2'] });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ rule: 'CP art. 458ter §1 al. 2 (SPEC PUR-01)', errors: [{ field: '/body/purposes/0' }] });
    const listed = (await call('policeOfficer', 'GET', '/api/cases')).json().cases;
    expect(listed).toEqual([]);
  });

  it('PUR-07 offers no direct-marketing purpose: the purposes are exactly P1-P3, and "direct_marketing" is refused', async () => {
    expect(PURPOSE_CODES).toEqual(['P1', 'P2', 'P3']);
    expect(PURPOSES.map((purpose) => purpose.code)).toEqual(['P1', 'P2', 'P3']);
    expect(JSON.stringify(PURPOSES)).not.toMatch(/marketing|prospection|direct ?mail/i);
    const refused = await call('operator', 'POST', '/api/frameworks', completeFramework(world, { purposes: ['direct_marketing' as never] }));
    expect(refused.statusCode).toBe(400);
  });

  it('DAT-00 refuses a 17th category; a framework narrowing the categories refuses an item of another one', async () => {
    const seventeenth = await call('operator', 'POST', '/api/frameworks', completeFramework(world, { allowedCategories: ['C01', 'C17' as never] }));
    expect(seventeenth.statusCode).toBe(400);
    expect(fieldsOf(seventeenth.json()).some((field) => field.startsWith('/body/allowedCategories'))).toBe(true);

    const narrow = await activeFramework(world, { allowedCategories: ['C11', 'C01'] });
    expect((await call('operator', 'GET', `/api/frameworks/${narrow}`)).json().allowedCategories).toEqual(['C01', 'C11']);
    const kase = await newCase(world, { frameworkId: narrow, items: 1 });
    const behaviour = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, { ...riskItem(kase.subjectId), category: 'C14' });
    expect(behaviour.statusCode).toBe(400);
    expect(behaviour.json()).toMatchObject({ rule: 'bill art. 2 §2 al. 1 (SPEC DAT-00)', errors: [{ field: '/body/category' }] });
    // The same item under the world's framework (all sixteen) is accepted.
    const elsewhere = await newCase(world, { items: 0 });
    const accepted = await call('policeOfficer', 'POST', `/api/cases/${elsewhere.id}/items`, { ...riskItem(elsewhere.subjectId), category: 'C14' });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('ROL-01 refuses to admit an organisation off the whitelist; the operator adds it (audited) and the admission works', async () => {
    const framework = await activeFramework(world, { participantIds: [world.org.police, world.org.cpas] });
    const kase = await newCase(world, { frameworkId: framework, items: 1, to: 'accepted' });
    const admission = {
      organisationId: world.org.youth,
      ground: 'expertise',
      justification: 'De jeugdhulp volgt de kinderen van het gezin op.',
    };
    const refused = await call('coordinator', 'POST', `/api/cases/${kase.id}/participants`, admission);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toContain('ROL-01');
    expect(fieldsOf(refused.json())).toEqual(['/body/organisationId']);
    expect((await call('youthWorker', 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);

    const before = await auditPosition(world);
    const added = await call('operator', 'POST', `/api/frameworks/${framework}/participants`, { organisationId: world.org.youth });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().participants.map((p: { id: string }) => p.id)).toContain(world.org.youth);
    expect(await auditEventsSince(world, before)).toContainEqual(
      expect.objectContaining({ action: 'admin.framework_participant_added', records: [{ type: 'framework', id: framework }] }),
    );
    const admitted = await call('coordinator', 'POST', `/api/cases/${kase.id}/participants`, admission);
    expect(admitted.statusCode, admitted.body).toBe(200);
    expect((await call('youthWorker', 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(200);
  });

  it("SCO-03 needs the procureur du Roi's reference, date, motivation and the signed PDF for an authorisation basis; a non-PDF is refused with 415", async () => {
    const incomplete = await call('operator', 'POST', '/api/frameworks', {
      ...completeFramework(world, { basisKind: 'prosecutor_authorisation', basisCitation: null }),
      authorisation: { reference: 'PK/2026/017', date: '2026-01-20' },
    });
    expect(incomplete.statusCode).toBe(400);

    const withoutAuthorisation = await draft({
      basisKind: 'prosecutor_authorisation',
      basisCitation: null,
      authorisingOrganisationId: world.org.parquet,
    });
    const noAuthorisation = await call('operator', 'POST', `/api/frameworks/${withoutAuthorisation}/activation`);
    expect(fieldsOf(noAuthorisation.json())).toEqual(['/framework/authorisation']);

    const id = await draft({
      basisKind: 'prosecutor_authorisation',
      basisCitation: null,
      authorisingOrganisationId: world.org.parquet,
      authorisation: {
        reference: 'PK/2026/017',
        date: '2026-01-20',
        motivation: 'Ketenaanpak jeugddelinquentie in het arrondissement; protocol met de partners.',
      },
    });
    const noDocument = await call('operator', 'POST', `/api/frameworks/${id}/activation`);
    expect(noDocument.statusCode).toBe(400);
    expect(fieldsOf(noDocument.json())).toEqual(['/framework/authorisationDocument']);

    const text = await rawRequest(world, world.people.operator, 'PUT', `/api/frameworks/${id}/authorisation-document`, Buffer.from('Getekend.'), 'text/plain');
    expect(text.statusCode).toBe(415);
    const disguised = await rawRequest(world, world.people.operator, 'PUT', `/api/frameworks/${id}/authorisation-document`, Buffer.from('GIF89a not a pdf'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe('unsupported_media_type');
    expect((await call('operator', 'GET', `/api/frameworks/${id}`)).json().authorisation.documentSha256).toBeNull();

    const uploaded = await rawRequest(world, world.people.operator, 'PUT', `/api/frameworks/${id}/authorisation-document`, SIGNED_PDF, 'application/pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().authorisation).toEqual({
      reference: 'PK/2026/017',
      date: '2026-01-20',
      motivation: 'Ketenaanpak jeugddelinquentie in het arrondissement; protocol met de partners.',
      documentSha256: createHash('sha256').update(SIGNED_PDF).digest('hex'),
    });
    const activated = await call('operator', 'POST', `/api/frameworks/${id}/activation`);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({ state: 'active', basisKind: 'prosecutor_authorisation' });
  });

  it('SCO-16 stores the controllers the instrument designates and shows them to the parties', async () => {
    const designated = 'Agentschap Opgroeien, aangewezen door het decreet van 30 juni 2023, art. 4';
    const id = await activeFramework(world, { designatedControllers: designated });
    expect((await call('operator', 'GET', `/api/frameworks/${id}`)).json().designatedControllers).toBe(designated);
    const seen = await call('socialWorker', 'GET', `/api/frameworks/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().designatedControllers).toBe(designated);
    expect((await call('coordinator', 'GET', `/api/frameworks/${world.frameworkId}`)).json().designatedControllers).toBeNull();
  });

  it('SCO-03 pre-fills a draft from a template: the basis kind and purposes of the consultation type', async () => {
    const fromTemplate = async (template: string, extra: Record<string, unknown> = {}) => {
      const created = await call('operator', 'POST', '/api/frameworks', { name: `Sjabloon ${template}`, template, ...extra });
      expect(created.statusCode, created.body).toBe(201);
      return created.json();
    };
    expect(await fromTemplate('csil_r')).toMatchObject({
      template: 'csil_r',
      state: 'draft',
      basisKind: 'law',
      purposes: ['P2'],
      processingBasis: { kind: 'bill_0485' },
    });
    expect(await fromTemplate('juvenile_delinquency')).toMatchObject({ basisKind: 'prosecutor_authorisation', purposes: ['P1'] });
    expect(await fromTemplate('intrafamily_violence')).toMatchObject({
      basisKind: 'decree',
      purposes: ['P1'],
      processingBasis: { kind: 'federated_decree', citation: expect.stringContaining('30 juin 2023') },
    });
    expect(await fromTemplate('prison_radicalisation')).toMatchObject({ basisKind: null, purposes: ['P2'] });
    // What the operator gives wins over the template.
    expect(await fromTemplate('csil_r', { purposes: ['P3', 'P2'], basisKind: 'ordinance' })).toMatchObject({
      basisKind: 'ordinance',
      purposes: ['P2', 'P3'],
    });
    expect((await call('operator', 'POST', '/api/frameworks', { name: 'X', template: 'neighbourhood_watch' })).statusCode).toBe(400);
  });

  it('ROL-01 shows the parties the active frameworks they take part in, and neither the others nor drafts', async () => {
    const withoutCpas = await activeFramework(world, { participantIds: [world.org.police, world.org.youth] });
    const pending = await draft();
    const ids = async (who: PersonName) =>
      ((await call(who, 'GET', '/api/frameworks')).json().frameworks as { id: string; state: string }[]).map((f) => f.id);

    const social = await ids('socialWorker');
    expect(social).toContain(world.frameworkId);
    expect(social).not.toContain(withoutCpas);
    expect(social).not.toContain(pending);
    expect((await call('socialWorker', 'GET', `/api/frameworks/${withoutCpas}`)).statusCode).toBe(404);
    expect((await call('socialWorker', 'GET', `/api/frameworks/${pending}`)).statusCode).toBe(404);
    // The representative acts for the CPAS: it sees what the CPAS takes part in.
    expect(await ids('representative')).toContain(world.frameworkId);
    expect(await ids('representative')).not.toContain(withoutCpas);

    const youth = await ids('youthWorker');
    expect(youth).toEqual(expect.arrayContaining([world.frameworkId, withoutCpas]));
    // The organiser sees the frameworks it organises.
    expect(await ids('coordinator')).toEqual(expect.arrayContaining([world.frameworkId, withoutCpas]));
    expect(await ids('coordinator')).not.toContain(pending);
    // The operator sees them all, drafts included.
    expect(await ids('operator')).toEqual(expect.arrayContaining([world.frameworkId, withoutCpas, pending]));
    // A case cannot be opened under a framework the organisation does not take part in.
    const outside = await call('socialWorker', 'POST', '/api/cases', { frameworkId: withoutCpas, title: 'Gezin Y.', purposes: ['P1'] });
    expect(outside.statusCode).toBe(404);
  });
});
