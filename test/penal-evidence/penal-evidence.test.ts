/**
 * The controller's penal evidence over HTTP on a real database (L1992 arts 38-39; SPEC PEN-01,
 * PEN-02, PEN-04..PEN-10): each report the DPO produces shows nothing missing for a compliant set,
 * and finds what a defective row, written past the service as the owner would, leaves out. The
 * tests run in order: the clock moves forward in PEN-05, and PEN-01 changes a framework last.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessWorld,
  createAccessWorld,
  type PersonName,
  type Signed,
} from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { activeFramework, getIn } from '../support/consultation-steps.js';
import { recordCourtActionOn } from '../support/contested-steps.js';
import { beliefItem } from '../support/item-steps.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { intake, verified } from '../support/rights-steps.js';

let world: AccessWorld;
const DAY = 86_400_000;
const POLICE_NUMBER = 'VT-005-2026-000789';
const today = () => world.clock.now().toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the reports are read field by field.
type Json = any;

async function report(who: Signed, name: string, query = ''): Promise<Json> {
  const res = await world.request(who, 'GET', `/api/penal-evidence/${name}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return res.json();
}

async function csvOf(who: Signed, name: string, query = 'format=csv'): Promise<string> {
  const res = await world.request(who, 'GET', `/api/penal-evidence/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.headers['content-disposition']).toContain('.csv');
  return res.body;
}

const dpo = () => world.people.policeDpo;
const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);
const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

/** The police's declaration covering `frameworkId` (the fixture's, declareFrameworkParties). */
async function policeDeclarationOf(frameworkId: string): Promise<string> {
  const row = await world.db.adminDb
    .selectFrom('declarations as d')
    .innerJoin('declaration_frameworks as m', 'm.declaration_id', 'd.id')
    .select('d.id')
    .where('d.organisation_id', '=', world.org.police)
    .where('m.framework_id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Days pass: sessions do not outlive them, so the people of these tests sign in again. */
async function daysPass(days: number): Promise<void> {
  world.clock.advanceMs(days * DAY);
  for (const name of [
    'policeDpo',
    'cpasDpo',
    'policeOfficer',
    'socialWorker',
    'coordinator',
    'operator',
  ] as const)
    world.people[name] = await world.extraSession(name);
}

describe("the controller's penal evidence (L1992 arts 38-39)", () => {
  it('PEN-09 the conformity report shows 0 mismatches between the configuration and the latest declaration, in the pack too, and names a drift', async () => {
    const framework = await activeFramework(world);
    const conformity = await report(dpo(), 'declaration-conformity');
    expect(conformity).toMatchObject({ format: 'concerto.declaration-conformity/1', mismatches: 0 });
    expect(conformity.rule).toContain('art. 39 8°');
    const declarationId = await policeDeclarationOf(framework);
    expect(conformity.declarations).toContainEqual(
      expect.objectContaining({ declarationId, conforms: true, comparedWithVersion: 1, differences: [] }),
    );
    const pack = await report(dpo(), 'art-38-pack', `?from=2026-03-01&to=${today()}`);
    expect(pack.declarationConformity).toMatchObject({ mismatches: 0 });
    expect(pack.declarationConformity.declarations).toEqual(conformity.declarations);

    // A framework loses a participant: its recipients are no longer those declared (SEC-10).
    ok(
      await call('operator', 'POST', `/api/frameworks/${framework}/participants/${world.org.youth}/removal`),
    );
    const drifted = await report(dpo(), 'declaration-conformity');
    expect(drifted.mismatches).toBe(1);
    const entry = drifted.declarations.find((d: Json) => d.declarationId === declarationId);
    expect(entry.conforms).toBe(false);
    expect(entry.differences.map((d: Json) => d.section)).toContain('recipients');
    expect(await csvOf(dpo(), 'declaration-conformity')).toMatch(
      new RegExp(`${declarationId},[^\\r\\n]*,false,`),
    );
  });

  it('PEN-08 every active framework of the controller has a declaration submitted on or before its activation; an undeclared one is listed', async () => {
    const coverage = await report(dpo(), 'declaration-coverage');
    expect(coverage).toMatchObject({
      format: 'concerto.declaration-coverage/1',
      exempt: false,
      nonConforming: 0,
    });
    const pair = coverage.pairs.find((p: Json) => p.frameworkId === world.frameworkId);
    expect(pair).toMatchObject({ conforms: true, ceased: false, declaredOn: today(), activatedOn: today() });
    expect(pair.declarationId).toEqual(await policeDeclarationOf(world.frameworkId));

    // The operator activates a framework the police takes part in; the police has not declared it.
    const created = ok(
      await call('operator', 'POST', '/api/frameworks', {
        name: 'Casusoverleg zonder aangifte',
        basisKind: 'decree',
        basisCitation: {
          title: 'Decreet tot oprichting en regeling van de Veilige Huizen',
          date: '2023-06-30',
          article: 'art. 5',
        },
        processingBasis: { kind: 'federated_decree', citation: 'Decreet van 30 juni 2023, art. 3' },
        purposes: ['P1'],
        organiserOrganisationId: world.org.coordination,
        participantIds: [world.org.police, world.org.cpas],
        modalities: 'Maandelijks casusoverleg.',
        defaultRetention: { months: 60 },
      }),
      201,
    );
    ok(await call('operator', 'POST', `/api/frameworks/${created.id}/activation`));
    const after = await report(dpo(), 'declaration-coverage');
    expect(after.nonConforming).toBe(1);
    expect(after.pairs.find((p: Json) => p.frameworkId === created.id)).toMatchObject({
      conforms: false,
      declarationId: null,
      declaredOn: null,
      activatedOn: today(),
    });
    expect(await csvOf(dpo(), 'declaration-coverage')).toContain(
      `${created.id},Casusoverleg zonder aangifte,${today()},,,false,,false`,
    );
  });

  it('PEN-02 the report of persons collected from the data subject without the notice is empty for a compliant set, and lists a defective one', async () => {
    const kase = await newCase(world, { items: 0 });
    const informed = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/persons`, {
      role: 'relation',
      subjectIds: [kase.subjectId],
      necessity: 'De partner is het mogelijke slachtoffer.',
      identity: { surname: 'Dewaele', firstNames: 'Sofie' },
      information: {
        collection: 'from_subject',
        noticeDelivered: true,
        noticeDeliveredOn: today(),
        channel: 'hand_delivery',
        noticeVersion: 'inf-1-nl-0123456789ab',
      },
    });
    expect(informed.statusCode, informed.body).toBe(201);
    const clean = await report(dpo(), 'uninformed-collections');
    expect(clean).toMatchObject({ format: 'concerto.uninformed-collections/1', missing: [] });
    expect(clean.collectedFromSubject).toBeGreaterThanOrEqual(1);
    expect(clean.persons).toBeGreaterThanOrEqual(2);

    // Written past the service (the app refuses it): collected from the person, no notice recorded.
    const contact = ok(
      await call('policeOfficer', 'POST', `/api/cases/${kase.id}/persons`, {
        role: 'relation',
        subjectIds: [kase.subjectId],
        necessity: 'De broer woont in bij het gezin.',
        identity: { surname: 'Dewaele', firstNames: 'Tom' },
      }),
      201,
    );
    await world.db.adminDb
      .updateTable('information_obligations')
      .set({ collection: 'from_subject' })
      .where('person_id', '=', contact.id)
      .execute();
    const defective = await report(dpo(), 'uninformed-collections');
    expect(defective.missing).toEqual([
      expect.objectContaining({
        personId: contact.id,
        caseId: kase.id,
        status: 'open',
        reason: 'notice_not_recorded',
      }),
    ]);
    expect(await csvOf(dpo(), 'uninformed-collections')).toContain(`${contact.id},${kase.id},relation,`);
    // The CPAS's DPO reads its own controller's persons only.
    expect((await report(world.people.cpasDpo, 'uninformed-collections')).missing).toEqual([]);
  });

  it('PEN-04 the minimisation report shows 0 missing purposes, justifications and exception grounds for a compliant set, and finds a defective item', async () => {
    const kase = await newCase(world, { items: 2 });
    const clean = await report(dpo(), 'minimisation');
    expect(clean).toMatchObject({
      format: 'concerto.minimisation-grounds/1',
      missing: 0,
      itemsMissing: [],
      missingByGround: {},
    });
    expect(clean.items).toBeGreaterThanOrEqual(2);

    // Written past the service: a risk item turned into a health item, with none of what art. 7 asks.
    const [itemId] = kase.itemIds as [string];
    await world.db.adminDb.updateTable('items').set({ category: 'C10' }).where('id', '=', itemId).execute();
    const defective = await report(dpo(), 'minimisation');
    expect(defective.missing).toBe(1);
    expect(defective.itemsMissing).toEqual([
      expect.objectContaining({
        itemId,
        caseId: kase.id,
        category: 'C10',
        missing: ['exception_ground', 'exception_justification', 'health_responsibility', 'health_source'],
      }),
    ]);
    expect(defective.itemsMissing[0].rules.join(' ')).toContain('DAT-25');
    expect(defective.missingByGround).toMatchObject({ exception_ground: 1, health_source: 1 });
    // The report names what is missing, never what the item holds.
    expect(JSON.stringify(defective)).not.toContain('Vaststelling');
    expect(await csvOf(dpo(), 'minimisation')).toContain(
      `${itemId},${kase.id},C10,exception_ground exception_justification`,
    );
  });

  it('PEN-06 the SLA report lists every access request with days to reply against the 45 days, and the archived hash matches the answer sent', async () => {
    // The CPAS holds an item about the subject; the person asks it what it processes (art. 10 §1).
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    ok(
      await call('socialWorker', 'POST', `/api/cases/${kase.id}/items`, {
        ...riskItem(kase.subjectId, 'Schuldbemiddeling gestart in februari.'),
        category: 'C06',
      }),
      201,
    );
    const desk = world.people.cpasDpo;
    const at = (days: number) => new Date(world.clock.now().getTime() - days * DAY);
    const answered = await intake(world, desk, {
      receivedAt: at(12).toISOString(),
      datedOn: at(13).toISOString().slice(0, 10),
    });
    await verified(world, desk, answered.requestId);
    const pdf = await world.request(
      desk,
      'GET',
      `/api/rights-parts/${answered.ownPart.id}/access-answer?format=pdf`,
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    const sent = createHash('sha256').update(pdf.rawPayload).digest('hex');
    ok(
      await world.request(desk, 'POST', `/api/rights-parts/${answered.ownPart.id}/answer`, {
        outcome: 'answered',
      }),
    );
    const waiting = await intake(world, desk, {
      receivedAt: at(50).toISOString(),
      datedOn: at(51).toISOString().slice(0, 10),
    });

    const sla = await report(desk, 'access-request-sla');
    expect(sla.format).toBe('concerto.access-request-sla/1');
    expect(sla.limit.rule).toContain('art. 10 §1');
    const first = sla.requests.find((r: Json) => r.partId === answered.ownPart.id);
    expect(first).toMatchObject({
      kind: 'access',
      receivedOn: at(12).toISOString().slice(0, 10),
      limitDays: 45,
      answeredOn: today(),
      daysToReply: 12,
      withinLimit: true,
      overdue: false,
      outcome: 'answered',
    });
    expect(first.answerDocuments).toEqual([
      expect.objectContaining({ kind: 'access_answer', sha256: sent, sizeBytes: pdf.rawPayload.length }),
    ]);
    const late = sla.requests.find((r: Json) => r.partId === waiting.ownPart.id);
    expect(late).toMatchObject({
      answeredOn: null,
      daysToReply: null,
      withinLimit: null,
      overdue: true,
      limitDays: 45,
    });
    expect(sla.summary).toMatchObject({ requests: 2, answered: 1, withinLimit: 1, late: 0, overdue: 1 });
    // The period narrows the register to the requests received in it.
    const recent = await report(
      desk,
      'access-request-sla',
      `?from=${at(20).toISOString().slice(0, 10)}&to=${today()}`,
    );
    expect(recent.requests.map((r: Json) => r.partId)).toEqual([answered.ownPart.id]);
    const csv = await csvOf(desk, 'access-request-sla');
    expect(csv.split('\r\n')[0]).toContain('days_to_reply');
    expect(csv).toContain(`${answered.ownPart.id},${answered.requestId},access,`);
    expect(csv).toContain(sent);
    // Another controller's requests are not in its register.
    expect((await report(dpo(), 'access-request-sla')).requests.map((r: Json) => r.partId)).not.toContain(
      answered.ownPart.id,
    );
  });

  it('PEN-07 consent records name who collected the consent and in what context, and no route lets anyone upload or ask for a subject’s access report', async () => {
    const police = await world.newcomer('policeOfficer');
    ok(
      await world.request(dpo(), 'POST', '/api/designations', {
        userId: police.actor.userId,
        scope: 'C13',
        function: 'Rechercheur radicalisering',
        confidentialityConfirmed: true,
      }),
      201,
    );
    const kase = await newCase(world, { items: 0 });
    const onConsent = (special: Record<string, unknown>) => ({
      ...beliefItem(kase.subjectId),
      special: {
        ground: 'a',
        justification: 'De betrokkene stemde schriftelijk in met het delen van zijn overtuiging.',
        consentReference: 'Toestemming ondertekend op 2026-02-20, dossier 17',
        ...special,
      },
    });
    const bare = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, onConsent({}));
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: Json) => e.field)).toEqual([
      '/body/special/consentCollectedBy',
      '/body/special/consentContext',
    ]);
    expect(bare.body).toContain('PEN-07');
    const recorded = await world.request(
      police,
      'POST',
      `/api/cases/${kase.id}/items`,
      onConsent({
        consentCollectedBy: 'Wijkagent K. Wouters',
        consentContext: 'Gevraagd bij het huisbezoek, zonder voorwaarde; de betrokkene kon weigeren.',
      }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const item = (await world.request(police, 'GET', `/api/cases/${kase.id}`))
      .json()
      .items.find((i: Json) => i.id === recorded.json().id);
    expect(item.specialGround).toMatchObject({
      ground: 'a',
      consentCollectedBy: 'Wijkagent K. Wouters',
      consentContext: 'Gevraagd bij het huisbezoek, zonder voorwaarde; de betrokkene kon weigeren.',
    });
    // The consent of a transfer abroad (TRF-04) asks the same in its schema.
    const { ConsentRecordSchema } = await import('../../src/contracts/cross-border.js');
    expect(ConsentRecordSchema.required).toEqual(expect.arrayContaining(['collectedBy', 'context']));
    // The PEN-04 report reads the complete consent record as complete.
    expect((await report(dpo(), 'minimisation')).itemsMissing.map((i: Json) => i.itemId)).not.toContain(
      recorded.json().id,
    );

    // L1992 art. 39 6°: no route takes a copy of a person's access answer, or asks for it, from anyone.
    const openapi = world.app.swagger() as unknown as {
      paths: Record<
        string,
        Record<string, { operationId?: string; summary?: string; requestBody?: unknown }>
      >;
    };
    const operations = Object.entries(openapi.paths).flatMap(([url, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ url, method: method.toUpperCase(), op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const accessAnswer =
      /access[-_ ]?(answer|report|response|copy)|subject.?s? (copy|report)|copie.*acc[eè]s/i;
    const touching = operations.filter(({ url, op }) =>
      accessAnswer.test(
        `${url} ${op.operationId ?? ''} ${op.summary ?? ''} ${JSON.stringify(op.requestBody ?? {})}`,
      ),
    );
    // Only the rights desk's own answer to the person, which it writes and reads, and never takes in.
    expect(touching.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /api/rights-parts/{partId}/access-answer',
    ]);
    const uploads = operations.filter(({ op }) =>
      /contentBase64|application\/pdf|octet-stream/.test(JSON.stringify(op.requestBody ?? {})),
    );
    expect(uploads.length).toBeGreaterThan(0);
    for (const { url, op } of uploads) {
      expect(`${url} ${op.summary ?? ''}`).not.toMatch(accessAnswer);
      expect(JSON.stringify(op.requestBody)).not.toMatch(
        /accessAnswer|access_answer|accessReport|answerCopy/i,
      );
    }
    // Consent is recorded with the data it covers; the one route that names it records its withdrawal
    // (DAT-22): none asks a person, or a participant, for a consent as a condition of anything.
    const consentRoutes = operations.filter(({ url, op }) =>
      /consent/i.test(`${url} ${op.operationId ?? ''} ${op.summary ?? ''}`),
    );
    expect(consentRoutes.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /api/cases/{caseId}/items/{itemId}/blocking',
    ]);
  });

  it('PEN-10 the template inventory renders each document template with a register number and reads its footer back', async () => {
    const inventory = await report(dpo(), 'template-inventory');
    expect(inventory.format).toBe('concerto.template-inventory/1');
    const templates = inventory.templates as {
      template: string;
      source: string;
      pages: number;
      registerNumberPresent: boolean;
    }[];
    for (const template of templates) expect(template.pages).toBeGreaterThan(0);
    const present = templates.filter((t) => t.registerNumberPresent).map((t) => t.template);
    expect(present).toEqual(
      expect.arrayContaining([
        'declaration',
        'processing_statement',
        'information_pack',
        'manual_file_sheet',
        'information_notice',
        'access_answer',
        'reply_letter',
        'own_file_export',
        'interconnection_register',
        'art_38_evidence_pack',
        'destruction_proof',
      ]),
    );
    expect(templates.filter((t) => !t.registerNumberPresent).map((t) => t.template)).toEqual([]);
    expect(inventory.withoutRegisterNumber).toBe(0);
    const csv = await csvOf(dpo(), 'template-inventory');
    expect(csv).toContain('access_answer,modules/rights/access-answer-document.ts#accessAnswerPdfSpec,');
    expect(csv).toMatch(/destruction_proof,[^\r\n]*,yes\r\n/);

    // Every PDF template of the server's modules is in the inventory, and every renderer call is one of them.
    const root = path.join(import.meta.dirname, '..', '..', 'src', 'server', 'modules');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory()
          ? walk(full)
          : full.endsWith('.ts') && !full.endsWith('.test.ts')
            ? [full]
            : [];
      });
    })(root);
    const defined = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export function (\w+PdfSpec)\(/g)].map(
        (match) => `modules/${path.relative(root, file).replaceAll(path.sep, '/')}#${match[1]}`,
      ),
    );
    expect(defined.length).toBeGreaterThanOrEqual(11);
    expect(templates.map((t) => t.source).sort()).toEqual([...defined].sort());
    // A renderer call without a template function is a demo stand-in for someone else's document.
    const inline = files
      .filter((file) => /renderPdf\(\{/.test(readFileSync(file, 'utf8')))
      .map((file) => path.basename(file));
    expect(inline.sort()).toEqual(['seed-frameworks.ts', 'seed-processors.ts']);
  });

  it('PEN-05 the overdue-information report lists the obligations overdue with their statuses and exemptions, as JSON and CSV', async () => {
    const kase = await newCase(world, { items: 0 });
    const contact = ok(
      await call('policeOfficer', 'POST', `/api/cases/${kase.id}/persons`, {
        role: 'relation',
        subjectIds: [kase.subjectId],
        necessity: 'De buurvrouw is getuige van de feiten.',
        identity: { surname: 'Claes', firstNames: 'Marie' },
      }),
      201,
    );
    const obligations = ok(
      await call('policeOfficer', 'GET', `/api/information-obligations?caseId=${kase.id}`),
    ).obligations as Json[];
    const subject = obligations.find((o) => o.personId === kase.subjectId);
    const exempted = obligations.find((o) => o.personId === contact.id);
    ok(
      await call('policeOfficer', 'POST', `/api/information-obligations/${exempted.id}/exemption`, {
        ground: 'legal_provision',
        justification:
          'De registratie past de wet op het politieambt toe; de betrokkene wordt niet ingelicht.',
        legalReference: 'Wet op het politieambt, art. 44/1',
      }),
    );
    // Due the day the person was recorded: two days later it is overdue (SPEC RGT-INF-02).
    await daysPass(2);
    const overdue = await report(dpo(), 'overdue-information');
    expect(overdue).toMatchObject({ format: 'concerto.overdue-information/1', today: today() });
    expect(overdue.rule).toContain('art. 39 4°');
    expect(overdue.overdue).toContainEqual(
      expect.objectContaining({
        obligationId: subject.id,
        status: 'open',
        overdue: true,
        daysOverdue: 2,
        exemption: null,
      }),
    );
    expect(overdue.exemptions).toContainEqual(
      expect.objectContaining({
        obligationId: exempted.id,
        status: 'exempted',
        overdue: false,
        exemption: expect.objectContaining({
          ground: 'legal_provision',
          legalReference: 'Wet op het politieambt, art. 44/1',
          decidedBy: world.people.policeOfficer.actor.userId,
        }),
      }),
    );
    expect(overdue.byStatus.exempted).toBeGreaterThanOrEqual(1);
    expect(overdue.byStatus.open).toBeGreaterThanOrEqual(overdue.overdue.length);
    // The justification of the exemption stays in the obligation, encrypted.
    expect(JSON.stringify(overdue)).not.toContain('niet ingelicht');
    const csv = await csvOf(dpo(), 'overdue-information');
    expect(csv).toContain(
      `overdue,${subject.id},${kase.subjectId},${kase.id},subject,not_from_subject,open,`,
    );
    expect(csv).toContain(
      `exemption,${exempted.id},${contact.id},${kase.id},relation,not_from_subject,exempted,`,
    );
    expect(csv).toContain('legal_provision,"Wet op het politieambt, art. 44/1"');
  });

  it('PEN-01 the art. 38 evidence pack of a period holds the 5 kinds of evidence, as JSON and PDF, audited without content', async () => {
    const framework = await activeFramework(world);
    ok(
      await world.request(
        dpo(),
        'PUT',
        `/api/declarations/${await policeDeclarationOf(framework)}/register-number`,
        { registerNumber: POLICE_NUMBER },
      ),
    );
    const kase = await newCase(world, { frameworkId: framework, items: 2, to: 'accepted', admit: ['cpas'] });
    const [contested, plain] = kase.itemIds as [string, string];
    // The CPAS reads the case, then the police item is contested before a court, and it reads it again.
    ok(await call('socialWorker', 'GET', `/api/cases/${kase.id}`));
    world.clock.advanceMs(60_000);
    await recordCourtActionOn(world, { id: kase.id, itemId: contested });
    world.clock.advanceMs(60_000);
    ok(await call('socialWorker', 'GET', `/api/cases/${kase.id}`));
    // The CPAS copies both items to its own file, and asks for a second copy.
    const transfer = async (itemIds: string[]) => {
      const requested = ok(
        await call('socialWorker', 'POST', `/api/cases/${kase.id}/transfers`, {
          itemIds,
          purpose: 'P1',
          justification: 'Het OCMW volgt de schuldbemiddeling op in het eigen dossier.',
        }),
        201,
      );
      ok(
        await call('policeOfficer', 'POST', `/api/transfers/${requested.id}/decisions`, {
          decisions: itemIds.map((itemId) => ({ itemId, decision: 'approved' })),
        }),
      );
      ok(
        await call('socialWorker', 'POST', `/api/transfers/${requested.id}/attestation`, {
          accessLimitedToParticipants: true,
        }),
      );
      return requested.id as string;
    };
    const copied = await transfer([contested, plain]);
    const exported = await getIn(
      world,
      world.people.socialWorker,
      `/api/transfers/${copied}/export/json`,
      'nl',
    );
    expect(exported.statusCode, exported.body).toBe(200);
    const second = await transfer([plain]);

    const before = await auditPosition(world);
    const query = `?from=2026-03-01&to=${today()}`;
    const pack = await report(dpo(), 'art-38-pack', query);
    expect(pack).toMatchObject({
      format: 'concerto.art-38-evidence-pack/1',
      controller: { id: world.org.police },
      period: { from: '2026-03-01', to: today() },
      language: 'fr',
    });
    expect(pack.registerNumbers).toContain(POLICE_NUMBER);
    // 1. The contested flag of each communication (art. 15; RGT-CON-04).
    const flags = pack.contestedFlags;
    const exportLine = flags.disclosures.find(
      (d: Json) => d.kind === 'own_file_export' && d.recipientOrganisationId === world.org.cpas,
    );
    expect(exportLine).toMatchObject({
      itemIds: [contested, plain].sort(),
      contestedItemIds: [contested],
      flaggedItemIds: [contested],
      unflaggedItemIds: [],
    });
    const reads = flags.disclosures.filter(
      (d: Json) => d.kind === 'consultation' && d.itemIds.includes(contested),
    );
    expect(reads.map((d: Json) => d.recipientOrganisationId)).toContain(world.org.cpas);
    expect(reads.some((d: Json) => d.contestedItemIds.length === 0)).toBe(true);
    expect(reads.some((d: Json) => d.flaggedItemIds.includes(contested))).toBe(true);
    expect(flags.summary.unflagged).toBe(0);
    // 2. The processing statement of the period (SEC-13).
    expect(pack.processingStatement).toMatchObject({
      format: 'concerto.processing-statement/1',
      period: { from: '2026-03-01' },
    });
    expect(pack.processingStatement.categories).toContainEqual(expect.objectContaining({ code: 'C11' }));
    expect(
      pack.processingStatement.recipients.flatMap((r: Json) => r.organisations.map((o: Json) => o.legalName)),
    ).toContain('OCMW Gent');
    // 3. The declaration conformity report (SEC-10, PEN-09).
    expect(pack.declarationConformity.format).toBe('concerto.declaration-conformity/1');
    expect(pack.declarationConformity.declarations.map((d: Json) => d.declarationId)).toContain(
      await policeDeclarationOf(framework),
    );
    // 4. Who holds which role in which case (SEC-06, SEC-07): ids and roles.
    const snapshot = pack.accessPermissions.snapshot;
    expect(snapshot.members).toContainEqual(
      expect.objectContaining({
        userId: world.people.policeOfficer.actor.userId,
        roles: ['participant'],
        active: true,
      }),
    );
    expect(snapshot.members).toContainEqual(
      expect.objectContaining({ userId: dpo().actor.userId, roles: ['dpo'] }),
    );
    expect(snapshot.cases.find((c: Json) => c.caseId === kase.id).audience).toEqual(
      expect.arrayContaining([
        { organisationId: world.org.police, relation: 'compartment' },
        { organisationId: world.org.coordination, relation: 'organiser' },
        { organisationId: world.org.cpas, relation: 'participant' },
      ]),
    );
    // 5. Refused communications (SEC-08): the access module refuses another party's export.
    const stranger = await getIn(
      world,
      world.people.coordinator,
      `/api/transfers/${copied}/export/json`,
      'nl',
    );
    expect([403, 404]).toContain(stranger.statusCode);
    // The framework stops listing the CPAS: its copy is refused as an unauthorised recipient (SEC-08).
    ok(await call('operator', 'POST', `/api/frameworks/${framework}/participants/${world.org.cpas}/removal`));
    const refused = await getIn(
      world,
      world.people.socialWorker,
      `/api/transfers/${second}/export/json`,
      'nl',
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toContain('SEC-08');
    const later = await report(dpo(), 'art-38-pack', query);
    const events = later.refusedDisclosures.events as Json[];
    expect(events).toContainEqual(
      expect.objectContaining({
        caseId: kase.id,
        reason: 'recipient_not_authorised',
        actor: expect.objectContaining({
          userId: world.people.socialWorker.actor.userId,
          organisationId: world.org.cpas,
        }),
        records: [{ type: 'transfer', id: second }],
      }),
    );
    expect(
      events.some((e) => e.actor.organisationId === world.org.coordination && e.caseId === kase.id),
    ).toBe(true);
    expect(later.refusedDisclosures.rule).toContain('art. 16 §1 5°');

    // A communication whose record lost the flag (written past the service) shows as a breach.
    await world.db.adminDb
      .updateTable('own_file_exports')
      .set({ contested_item_ids: [] })
      .where('transfer_id', '=', copied)
      .execute();
    const breach = await report(dpo(), 'art-38-pack', query);
    expect(breach.contestedFlags.summary.unflagged).toBe(1);
    expect(
      breach.contestedFlags.disclosures.find((d: Json) => d.kind === 'own_file_export').unflaggedItemIds,
    ).toEqual([contested]);

    // The PDF: the same pack, the register number in the footer of every page (DCL-25).
    const pdf = await world.request(
      dpo(),
      'GET',
      `/api/penal-evidence/art-38-pack${query}&format=pdf&language=nl`,
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = pdfPageTexts(pdf.rawPayload);
    for (const page of pages) expect(page).toContain(POLICE_NUMBER);
    expect(pages.join('\n')).toContain('Bewijsdossier');

    // Each reading is audited as a consultation or an extraction of the controller's evidence, without content.
    const audited = (await auditEventsSince(world, before)).filter(
      (e) => e.reason === 'penal_evidence_art_38_pack',
    );
    expect(audited.map((e) => e.action)).toEqual(['consult', 'consult', 'consult', 'retrieve']);
    expect(audited[0]).toMatchObject({
      outcome: 'success',
      actor: { userId: dpo().actor.userId, organisationId: world.org.police },
      records: [{ type: 'organisation', id: world.org.police }],
    });
    expect(JSON.stringify(audited)).not.toMatch(/Dewaele|Vaststelling|schuldbemiddeling/i);
  });

  it('PEN-01 PEN-02 the reports are the DPO’s of the controller: other roles are refused with the rule, and another controller’s DPO reads its own only', async () => {
    for (const who of ['policeOfficer', 'operator', 'coordinator'] as const) {
      for (const name of [
        'art-38-pack?from=2026-03-01&to=2026-03-02',
        'uninformed-collections',
        'minimisation',
        'template-inventory',
      ]) {
        const res = await call(who, 'GET', `/api/penal-evidence/${name}`);
        expect(res.statusCode, `${who} ${name}`).toBe(403);
        expect(res.json().rule).toContain('PEN-01..PEN-10');
      }
    }
    const cpas = await report(world.people.cpasDpo, 'minimisation');
    expect(cpas.controller.id).toBe(world.org.cpas);
    expect(cpas.itemsMissing).toEqual([]);
    const police = await report(dpo(), 'minimisation');
    expect(cpas.items).toBeLessThan(police.items);
    // A period that does not end before it starts, and not after today.
    const backwards = await world.request(
      dpo(),
      'GET',
      `/api/penal-evidence/art-38-pack?from=${today()}&to=2026-03-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: '/querystring/to' })]);
  });
});
