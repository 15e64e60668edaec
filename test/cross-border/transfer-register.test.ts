/**
 * The transfer register over HTTP on a real database (issue 6 scope 5; L2007 arts 21-22; L1992
 * arts 17 §6 and 22; SPEC TRF-01..11, SCO-10, DCL-20, PEN-03, PEN-13): the police's DPO registers
 * where its data are stored, accessed or sent; outside the Community a destination rests on an
 * adequacy assessment or a derogation, the operator's deny-list overrides both, and every refusal
 * is logged, audited and changes nothing.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersAbroad } from '../../src/server/modules/cross-border/transfers-abroad.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import {
  adequacyAssessment,
  addDenyRule,
  CLAUSES_PDF,
  declareTransfers,
  denyRule,
  recordAssessment,
  registerDestination,
  royalDecreeDestination,
  transferDestination,
} from '../support/cross-border-steps.js';
import { countRows } from '../support/test-database.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const register = (body: unknown) =>
  world.request(world.people.policeDpo, 'POST', '/api/cross-border/destinations', body);
const registerView = async () => {
  const res = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/register');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const blockedLog = async () => {
  const res = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/blocked-transfers');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().blockedTransfers as {
    source: string;
    destination: { country: string };
    rule: string;
    issues: { field: string }[];
  }[];
};
const destinations = () => countRows(world.db.adminDb, 'transfer_destinations');
/** A US destination resting on art. 22 §1 al. 1 4°: an international police cooperation instrument. */
const policeCooperation = (overrides: Record<string, unknown> = {}) =>
  transferDestination({
    kind: 'api_client',
    name: 'Verbindingsofficier FBI, ambassade Brussel',
    country: 'US',
    categories: ['C01', 'C09'],
    basis: {
      kind: 'derogation',
      derogation: 'D4',
      legalReference: 'Overeenkomst België-VS inzake de bestrijding van zware criminaliteit (2011), art. 4',
      justification: 'Opsporing van een zwaar misdrijf.',
    },
    ...overrides,
  });

describe('the transfer register', () => {
  it('TRF-01 TRF-11 SCO-10 the DPO records its hosting in Belgium and a backup in another member state with their countries; each has its ground code, and the change is audited', async () => {
    const start = await auditPosition(world);
    const hosting = await register(
      transferDestination({ kind: 'hosting', name: 'Datacenter Digitaal Vlaanderen', country: 'BE' }),
    );
    expect(hosting.statusCode, hosting.body).toBe(201);
    expect(hosting.json()).toMatchObject({
      kind: 'hosting',
      country: 'BE',
      zone: 'domestic',
      groundCode: 'domestic',
      basis: { kind: 'none', derogation: null },
      registeredBy: 'An Peeters',
      ended: null,
      standing: { allowed: true, issues: [] },
      allowedActions: ['end'],
    });
    const backup = await register(transferDestination({ country: 'NL' }));
    expect(backup.statusCode, backup.body).toBe(201);
    expect(backup.json()).toMatchObject({
      country: 'NL',
      zone: 'community',
      groundCode: 'intra_community',
      categories: ['C02', 'C06'],
    });

    const view = await registerView();
    expect(view.controller).toMatchObject({ id: world.org.police, establishmentCountry: 'BE' });
    expect(view.destinations.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining([hosting.json().id, backup.json().id]),
    );
    // TRF-11: the intra-Community backup is in §6; the Belgian hosting is not abroad.
    expect(view.abroad).toEqual(
      expect.arrayContaining([
        { category: 'C02', countries: expect.arrayContaining(['NL']) },
        { category: 'C06', countries: expect.arrayContaining(['NL']) },
      ]),
    );
    expect(view.abroad.flatMap((a: { countries: string[] }) => a.countries)).not.toContain('BE');

    // The own file (bill art. 4) is kept in one place at a time: the own-file export goes there.
    const ownFile = transferDestination({ kind: 'own_file', name: 'Eigen dossier politie', country: 'BE' });
    const firstOwnFile = await register(ownFile);
    expect(firstOwnFile.statusCode, firstOwnFile.body).toBe(201);
    const secondOwnFile = await register(ownFile);
    expect(secondOwnFile.statusCode).toBe(409);
    expect(secondOwnFile.json().detail).toContain('end that destination first');

    const events = await auditEventsSince(world, start);
    expect(events.filter((e) => e.action === 'admin.transfer_destination_registered')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        records: [{ type: 'transfer_destination', id: hosting.json().id }],
      }),
      expect.objectContaining({
        outcome: 'success',
        records: [{ type: 'transfer_destination', id: backup.json().id }],
      }),
      expect.objectContaining({
        outcome: 'success',
        records: [{ type: 'transfer_destination', id: firstOwnFile.json().id }],
      }),
      expect.objectContaining({ outcome: 'denied', reason: 'conflict' }),
    ]);
  });

  it('TRF-01 TRF-07 PEN-03 a destination outside the Community without a basis is blocked with 403 naming the rule and field, logged and audited, nothing changed; then allowed with a recorded derogation', async () => {
    const before = await destinations();
    const start = await auditPosition(world);
    const refused = await register(policeCooperation({ basis: { kind: 'none' } }));
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'forbidden',
      rule: 'L2007 art. 21 §1; L1992 art. 22 (SPEC TRF-01, TRF-11)',
      errors: [
        { field: '/body/country', message: expect.stringContaining('outside the European Community') },
      ],
    });
    expect(await destinations()).toBe(before);
    expect(
      (await auditEventsSince(world, start)).filter(
        (e) => e.action === 'admin.transfer_destination_registered',
      ),
    ).toEqual([expect.objectContaining({ outcome: 'denied', reason: 'transfer_blocked' })]);
    expect((await blockedLog())[0]).toMatchObject({
      source: 'transfer_register',
      destination: { kind: 'api_client', country: 'US', id: null },
      categories: ['C01', 'C09'],
      rule: 'L2007 art. 21 §1; L1992 art. 22 (SPEC TRF-01, TRF-11)',
      issues: [{ field: '/body/country' }],
    });

    // TRF-07: D4 needs its legal reference.
    const unreferenced = await register(
      policeCooperation({ basis: { kind: 'derogation', derogation: 'D4' } }),
    );
    expect(unreferenced.statusCode).toBe(400);
    expect(unreferenced.json()).toMatchObject({
      rule: 'L2007 art. 22 §1 al. 1 4° (SPEC TRF-07)',
      errors: [{ field: '/body/basis/legalReference', message: 'D4 requires it' }],
    });
    expect(await destinations()).toBe(before);

    const allowed = await register(policeCooperation());
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(allowed.json()).toMatchObject({
      zone: 'third_country',
      groundCode: 'D4',
      basis: { kind: 'derogation', derogation: 'D4', legalReference: expect.stringContaining('art. 4') },
      // DCL-21: registered, it carries nothing until the declaration lists it (L1992 art. 17 §7).
      standing: { allowed: false, pendingDeclaration: true },
    });
    expect(await destinations()).toBe(before + 1);
    await declareTransfers(world);
    expect(
      (await world.request(world.people.policeDpo, 'GET', '/api/cross-border/register'))
        .json()
        .destinations.find((d: { id: string }) => d.id === allowed.json().id).standing,
    ).toEqual({ allowed: true, pendingDeclaration: false, issues: [] });

    // SPEC TRF-01's own example: a backup region outside the Community without a record is refused.
    const backup = await register(transferDestination({ name: 'Back-up, regio Virginia', country: 'US' }));
    expect(backup.statusCode).toBe(403);
    expect(backup.json().errors).toEqual([expect.objectContaining({ field: '/body/country' })]);
    expect(await destinations()).toBe(before + 1);
  });

  it('TRF-02 an adequacy assessment missing its final destination cannot be saved; a complete one carries transfers to that country only', async () => {
    const { finalDestinationCountry: _final, ...incomplete } = adequacyAssessment();
    const before = await countRows(world.db.adminDb, 'transfer_adequacy_assessments');
    const missing = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/cross-border/adequacy-assessments',
      incomplete,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ field: '/body/finalDestinationCountry' }),
    ]);
    const inTheCommunity = await world.request(
      world.people.policeDpo,
      'POST',
      '/api/cross-border/adequacy-assessments',
      adequacyAssessment({ finalDestinationCountry: 'FR' }),
    );
    expect(inTheCommunity.statusCode).toBe(400);
    expect(inTheCommunity.json()).toMatchObject({ rule: 'L2007 art. 21 §1 al. 2 (SPEC TRF-02)' });
    expect(await countRows(world.db.adminDb, 'transfer_adequacy_assessments')).toBe(before);

    const assessmentId = await recordAssessment(world);
    const view = await registerView();
    expect(view.adequacyAssessments.find((a: { id: string }) => a.id === assessmentId)).toMatchObject({
      dataNature: expect.any(String),
      purpose: expect.any(String),
      duration: expect.any(String),
      originCountry: 'BE',
      finalDestinationCountry: 'CH',
      legalFramework: expect.stringContaining('2000/518/EG'),
      professionalRules: expect.any(String),
      securityMeasures: expect.any(String),
      conclusion: 'adequate',
      reviewer: 'An Peeters, DPO',
      reviewedOn: '2026-02-20',
      withdrawn: null,
      usedBy: [],
      allowedActions: ['withdraw'],
    });
    const adequacy = { kind: 'adequacy', adequacyAssessmentId: assessmentId };
    const elsewhere = await register(transferDestination({ country: 'CA', basis: adequacy }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([
      { field: '/body/basis/adequacyAssessmentId', message: 'assesses transfers to CH, not to CA' },
    ]);
    const swiss = await register(transferDestination({ country: 'CH', basis: adequacy }));
    expect(swiss.statusCode, swiss.body).toBe(201);
    expect(swiss.json()).toMatchObject({
      groundCode: 'adequacy',
      basis: { adequacyAssessmentId: assessmentId },
    });

    // The assessment is withdrawn only once no destination in force rests on it.
    const withdraw = () =>
      world.request(
        world.people.policeDpo,
        'POST',
        `/api/cross-border/adequacy-assessments/${assessmentId}/withdrawal`,
        {
          reason: 'Nieuwe beoordeling nodig na wetswijziging.',
        },
      );
    const early = await withdraw();
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain(swiss.json().name);
    const ended = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/cross-border/destinations/${swiss.json().id}/end`,
      {
        reason: 'Contract met de dienstverlener beëindigd.',
      },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      ended: { by: 'An Peeters', reason: 'Contract met de dienstverlener beëindigd.' },
      standing: { allowed: false },
      allowedActions: [],
    });
    const withdrawn = await withdraw();
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ withdrawn: { by: 'An Peeters' }, allowedActions: [] });
    expect((await withdraw()).statusCode).toBe(409);
  });

  it('TRF-03 a deny rule of the operator blocks a destination even with an adequacy assessment or a derogation, shows on those in force, and is repealed', async () => {
    const assessmentId = await recordAssessment(world, adequacyAssessment({ finalDestinationCountry: 'JP' }));
    const japan = transferDestination({
      country: 'JP',
      categories: ['C09'],
      basis: { kind: 'adequacy', adequacyAssessmentId: assessmentId },
    });
    const standing = await registerDestination(
      world,
      transferDestination({
        country: 'JP',
        categories: ['C09'],
        name: 'Reeds geregistreerd',
        basis: { kind: 'adequacy', adequacyAssessmentId: assessmentId },
      }),
    );
    await declareTransfers(world);

    // Only the operator keeps the deny-list, and only outside the Community.
    expect(
      (await world.request(world.people.policeDpo, 'POST', '/api/cross-border/deny-rules', denyRule()))
        .statusCode,
    ).toBe(403);
    const community = await world.request(
      world.people.operator,
      'POST',
      '/api/cross-border/deny-rules',
      denyRule({ country: 'FR' }),
    );
    expect(community.statusCode).toBe(400);
    expect(community.json()).toMatchObject({
      rule: 'L2007 art. 21 §2 (SPEC TRF-03)',
      errors: [{ field: '/body/country' }],
    });

    const ruleId = await addDenyRule(
      world,
      denyRule({
        royalDecreeReference: 'KB 1 maart 2026, art. 2',
        country: 'JP',
        categories: ['C09'],
        circumstance: 'Gerechtelijke gegevens naar dit land.',
      }),
    );
    const before = await destinations();
    const refused = await register(japan);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      rule: 'L2007 art. 21 §2 (SPEC TRF-03); KB 1 maart 2026, art. 2',
      errors: [
        {
          field: '/body/country',
          message: expect.stringContaining('whatever adequacy or derogation is recorded'),
        },
      ],
    });
    const d5 = await register({
      ...japan,
      basis: {
        kind: 'derogation',
        derogation: 'D5',
        justification: 'Levensbedreigende toestand van de betrokkene.',
      },
    });
    expect(d5.statusCode).toBe(403);
    expect(await destinations()).toBe(before);
    // The destination registered before the decree now shows it is blocked.
    const view = await registerView();
    expect(view.denyRules).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: ruleId, country: 'JP' })]),
    );
    expect(view.destinations.find((d: { id: string }) => d.id === standing).standing).toMatchObject({
      allowed: false,
      issues: [
        expect.objectContaining({
          field: '/country',
          rule: 'L2007 art. 21 §2 (SPEC TRF-03); KB 1 maart 2026, art. 2',
        }),
      ],
    });

    const listed = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/deny-rules');
    expect(listed.json().denyRules.find((r: { id: string }) => r.id === ruleId)).toMatchObject({
      allowedActions: [],
    });
    const repealed = await world.request(
      world.people.operator,
      'POST',
      `/api/cross-border/deny-rules/${ruleId}/repeal`,
      {
        reason: 'Het koninklijk besluit werd opgeheven.',
      },
    );
    expect(repealed.statusCode, repealed.body).toBe(200);
    expect(repealed.json()).toMatchObject({ repealed: { by: 'Jan Claes' }, allowedActions: [] });
    expect((await register(japan)).statusCode).toBe(201);
  });

  it('TRF-04 PEN-07 refuses derogation D1 without a consent record, and stores one with who collected it and in what context', async () => {
    const consentFree = transferDestination({
      country: 'MA',
      basis: { kind: 'derogation', derogation: 'D1' },
    });
    const before = await destinations();
    const refused = await register(consentFree);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      rule: 'L2007 art. 22 §1 al. 1 1° (SPEC TRF-04, PEN-07)',
      errors: [{ field: '/body/basis/consent' }],
    });
    const consent = {
      reference: 'Politiezone Gent, PV 2026/331, bijlage 2',
      context: 'Verhoor, vrij gegeven.',
      givenOn: '2026-02-27',
      unambiguous: true,
    };
    const noCollector = await register({
      ...consentFree,
      basis: { kind: 'derogation', derogation: 'D1', consent },
    });
    expect(noCollector.statusCode).toBe(400);
    expect(noCollector.json().errors).toEqual([
      expect.objectContaining({ field: '/body/basis/consent/collectedBy' }),
    ]);
    expect(await destinations()).toBe(before);
    const stored = await register({
      ...consentFree,
      basis: { kind: 'derogation', derogation: 'D1', consent: { ...consent, collectedBy: 'Karel Wouters' } },
    });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().basis.consent).toEqual({
      reference: 'Politiezone Gent, PV 2026/331, bijlage 2',
      collectedBy: 'Karel Wouters',
      context: 'Verhoor, vrij gegeven.',
      givenOn: '2026-02-27',
    });
  });

  it('TRF-05 TRF-06 TRF-08 refuse D2 and D3 without a contract reference and D5 without a justification, naming the field', async () => {
    const before = await destinations();
    for (const [code, field] of [
      ['D2', 'contractReference'],
      ['D3', 'contractReference'],
      ['D5', 'justification'],
    ] as const) {
      const res = await register(
        transferDestination({ country: 'BR', basis: { kind: 'derogation', derogation: code } }),
      );
      expect(res.statusCode, code).toBe(400);
      expect(res.json().errors).toEqual([{ field: `/body/basis/${field}`, message: `${code} requires it` }]);
    }
    expect(await destinations()).toBe(before);
    const d3 = await register(
      transferDestination({
        country: 'BR',
        basis: {
          kind: 'derogation',
          derogation: 'D3',
          contractReference: 'Overeenkomst opvanghuis São Paulo 2026/4',
        },
      }),
    );
    expect(d3.statusCode, d3.body).toBe(201);
    expect(d3.json()).toMatchObject({
      groundCode: 'D3',
      basis: { contractReference: 'Overeenkomst opvanghuis São Paulo 2026/4' },
    });
  });

  it('TRF-09 refuses D6 and offers it disabled with the reason for its tooltip', async () => {
    const res = await register(
      transferDestination({ country: 'US', basis: { kind: 'derogation', derogation: 'D6' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      rule: 'L2007 art. 22 §1 al. 1 6° (SPEC TRF-09)',
      errors: [
        { field: '/body/basis/derogation', message: expect.stringContaining('not a public register') },
      ],
    });
    const { derogations } = await registerView();
    expect(derogations.map((d: { code: string }) => d.code)).toEqual([
      'D1',
      'D2',
      'D3',
      'D4',
      'D5',
      'D6',
      'D7',
    ]);
    expect(derogations.find((d: { code: string }) => d.code === 'D6')).toMatchObject({
      available: false,
      unavailableReason: expect.stringContaining('not a public register'),
    });
    expect(derogations.filter((d: { available: boolean }) => d.available)).toHaveLength(6);
  });

  it('TRF-10 refuses D7 without the royal decree or the clauses, or with clauses that are not a PDF, and keeps the uploaded clauses for download', async () => {
    const before = await destinations();
    const bare = await register(royalDecreeDestination({ basis: { kind: 'derogation', derogation: 'D7' } }));
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/basis/royalDecreeReference',
      '/body/basis/clauses',
    ]);
    const wrong = await register(
      royalDecreeDestination({
        basis: {
          kind: 'derogation',
          derogation: 'D7',
          royalDecreeReference: 'KB van 14 april 2026 tot machtiging van doorgifte, art. 2',
          clauses: {
            mediaType: 'application/pdf',
            contentBase64: Buffer.from('geen pdf').toString('base64'),
          },
        },
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: '/body/basis/clauses/mediaType' }),
    ]);
    expect(await destinations()).toBe(before);

    const created = await register(royalDecreeDestination());
    expect(created.statusCode, created.body).toBe(201);
    const sha256 = createHash('sha256').update(CLAUSES_PDF).digest('hex');
    expect(created.json()).toMatchObject({
      groundCode: 'D7',
      basis: {
        royalDecreeReference: expect.stringContaining('KB'),
        clauses: { sha256, sizeBytes: CLAUSES_PDF.length },
      },
      allowedActions: ['end', 'download_clauses'],
    });
    const download = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/cross-border/destinations/${created.json().id}/clauses`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(CLAUSES_PDF)).toBe(true);
  });

  it('DCL-20 a foreign sub-processor of a Belgian host puts its country in the declaration data, and leaves it once ended', async () => {
    const hostId = await registerDestination(
      world,
      transferDestination({
        kind: 'hosting',
        name: 'Hosting Leuven',
        country: 'BE',
        categories: ['C03', 'C04'],
      }),
    );
    const onward = transferDestination({
      kind: 'support_access',
      name: 'Tweedelijnsondersteuning, Lissabon',
      country: 'PT',
      categories: ['C03'],
      viaDestinationId: hostId,
      operations: 'Toegang op afstand voor incidenten, op verzoek van de host.',
    });
    const tooMuch = await register({ ...onward, categories: ['C03', 'C10'] });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json()).toMatchObject({
      rule: 'L1992 art. 17 §6 al. 2 (SPEC DCL-20)',
      errors: [{ field: '/body/categories/1' }],
    });
    const supportId = await registerDestination(world, onward);

    const abroad = () => world.db.appDb.transaction().execute((tx) => transfersAbroad(tx, world.org.police));
    expect((await abroad()).find((a) => a.category === 'C03')?.countries).toContain('PT');
    expect((await abroad()).find((a) => a.category === 'C04')?.countries ?? []).not.toContain('BE');
    expect((await registerView()).destinations.find((d: { id: string }) => d.id === supportId)).toMatchObject(
      { viaDestinationId: hostId, operations: expect.any(String) },
    );

    // The host is ended after its onward processors.
    const endHost = () =>
      world.request(world.people.policeDpo, 'POST', `/api/cross-border/destinations/${hostId}/end`, {
        reason: 'Verhuisd naar een andere host.',
      });
    const start = await auditPosition(world);
    expect((await endHost()).statusCode).toBe(409);
    expect(await auditEventsSince(world, start)).toEqual([
      expect.objectContaining({
        action: 'admin.transfer_destination_ended',
        outcome: 'denied',
        reason: 'conflict',
        records: [{ type: 'transfer_destination', id: hostId }],
      }),
    ]);
    const endSupport = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/cross-border/destinations/${supportId}/end`,
      { reason: 'Ondersteuning stopgezet.' },
    );
    expect(endSupport.statusCode, endSupport.body).toBe(200);
    expect((await endHost()).statusCode).toBe(200);
    expect((await abroad()).find((a) => a.category === 'C03')?.countries ?? []).not.toContain('PT');
  });

  it('TRF-01 ROL-12 only a DPO keeps its own register: another controller’s DPO does not learn a destination exists', async () => {
    const id = await registerDestination(world);
    const other = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/cross-border/destinations/${id}/end`,
      { reason: 'Niet van ons.' },
    );
    expect(other.statusCode).toBe(404);
    const theirs = await world.request(world.people.cpasDpo, 'GET', '/api/cross-border/register');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().destinations.map((d: { id: string }) => d.id)).not.toContain(id);
    const start = await auditPosition(world);
    const officer = await world.request(world.people.policeOfficer, 'GET', '/api/cross-border/register');
    expect(officer.statusCode).toBe(403);
    expect(officer.json().rule).toBe('L2007 art. 17bis, arts 21-22 (SPEC ROL-12, TRF-01)');
    expect(await auditEventsSince(world, start)).toEqual([
      expect.objectContaining({
        action: 'admin.transfer_register_listed',
        outcome: 'denied',
        reason: 'not_transfer_register_keeper',
      }),
    ]);
  });

  it('PEN-13 PEN-03 the register export lists every destination with its legal ground code, and the blocked-transfer log with its reasons', async () => {
    world.clock.advanceMs(60_000);
    await register(transferDestination({ country: 'RU', basis: { kind: 'none' } }));
    const res = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/register/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('transfer-register-');
    const document = JSON.parse(res.body);
    expect(document).toMatchObject({
      format: 'concerto.transfer-register.v1',
      controller: { id: world.org.police },
      generatedBy: 'An Peeters',
    });
    const grounds = new Set(document.destinations.map((d: { groundCode: string }) => d.groundCode));
    for (const code of ['domestic', 'intra_community', 'adequacy', 'D1', 'D3', 'D4', 'D7'])
      expect(grounds).toContain(code);
    expect(
      document.destinations.every((d: { country: string; groundCode: string }) => d.country && d.groundCode),
    ).toBe(true);
    expect(document.blockedTransfers[0]).toMatchObject({
      source: 'transfer_register',
      destination: { country: 'RU' },
      rule: expect.stringContaining('TRF-01'),
      issues: [
        { field: '/body/country', message: expect.stringContaining('RU is outside the European Community') },
      ],
    });
    expect(document.blockedTransfers.length).toBeGreaterThanOrEqual(3);
  });
});
