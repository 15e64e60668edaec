/**
 * Own-file transfers over HTTP on a real database (issue 4 scope 6; bill art. 4; CP art. 458ter
 * §2 al. 2; SPEC FIL-05..09, PUR-02, PUR-05, PUR-06, SEC-14): a participant asks for items with
 * one of the case's purposes, each controller agrees or not, the requester attests, and only then
 * do the approved items leave, as JSON or PDF, registered and audited as a disclosure. Each test
 * names the SPEC rows it proves.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { type AccessWorld, createAccessWorld, type PersonName, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { activeFramework, getIn, stepUp } from '../support/consultation-steps.js';
import { pdfInfo, pdfPageTexts, pdfText } from '../support/pdf-text.js';

let world: AccessWorld;
/** A police case admitted to the CPAS, with items of every kind the export must flag. */
let kase: TestCase;
let plainId: string;
let longId: string;
let flaggedId: string;
let specialId: string;
let refusedId: string;
let transferId: string;

const JUSTIFICATION = 'Het OCMW moet de budgetbegeleiding in het eigen sociaal dossier motiveren.';

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
  [plainId, refusedId] = kase.itemIds as [string, string];
  const police = world.people.policeOfficer;
  const add = async (item: Record<string, unknown>) => {
    const res = await world.request(police, 'POST', `/api/cases/${kase.id}/items`, item);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  longId = await add(riskItem(kase.subjectId, 'Uitgebreide vaststelling van de feiten en van de context van het gezin. '.repeat(150)));
  flaggedId = await add({
    ...riskItem(kase.subjectId, 'Lopend gerechtelijk onderzoek naar bedreigingen.'),
    secretOfInvestigation: { authorityReference: 'Onderzoeksrechter Gent, 26/0042' },
    judicial: { reference: 'Notitie GE.12.L3.000123/26' },
  });
  // DAT-19: the police DPO designates the officer for judicial police data; the CPAS has no DPO in
  // this world, so its designation of the social worker is written as its DPO would write it.
  const designated = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
    userId: police.actor.userId,
    scope: 'C09',
    function: 'Wijkinspecteur',
    confidentialityConfirmed: true,
  });
  expect(designated.statusCode, designated.body).toBe(201);
  await world.db.adminDb
    .insertInto('special_designations')
    .values({
      organisation_id: world.org.cpas,
      user_id: world.people.socialWorker.actor.userId,
      scope: 'C09',
      function: 'Maatschappelijk werker',
      confidentiality_confirmed: true,
      designated_by: world.people.socialWorker.actor.userId,
      designated_at: world.clock.now(),
    })
    .execute();
  specialId = await add({
    ...riskItem(kase.subjectId, 'Gekend voor intrafamiliaal geweld in 2024.'),
    category: 'C09',
    details: { judicialSubtype: 'judicial_police', sourceReference: 'ANG' },
    special: { ground: 'a', justification: 'Politionele opdracht; nodig om het risico in te schatten.' },
  });
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);
const as = (who: Signed, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(who, method, url, payload);
/** An item as an edit sends it: no provenance or mission confirmation, a reason instead. */
const edited = (content: string, reason: string) => {
  const { provenance: _provenance, missionConfirmed: _mission, ...fields } = riskItem(kase.subjectId, content);
  return { ...fields, reason };
};
const exportOf = (who: Signed, format: 'json' | 'pdf', language = 'fr') =>
  getIn(world, who, `/api/transfers/${transferId}/export/${format}`, language);

describe('own-file transfers', () => {
  it('FIL-05 PUR-05 refuses a request without one of the case’s purposes or without a justification', async () => {
    const request = (body: Record<string, unknown>) => call('socialWorker', 'POST', `/api/cases/${kase.id}/transfers`, body);
    const valid = { itemIds: [plainId], purpose: 'P1', justification: JUSTIFICATION };
    const { purpose: _purpose, ...withoutPurpose } = valid;
    expect((await request(withoutPurpose)).statusCode).toBe(400);
    const otherPurpose = await request({ ...valid, purpose: 'P2' });
    expect(otherPurpose.statusCode).toBe(400);
    expect(otherPurpose.json()).toMatchObject({ rule: 'bill art. 4 al. 1 (SPEC FIL-05)', errors: [{ field: '/body/purpose' }] });
    const { justification: _justification, ...withoutJustification } = valid;
    expect((await request(withoutJustification)).statusCode).toBe(400);
    expect((await request({ ...valid, justification: 'Nodig.' })).statusCode).toBe(400);
    const foreign = await request({ ...valid, itemIds: [crypto.randomUUID()] });
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: '/body/itemIds/0' })]);
    // The police's own items need no transfer.
    const own = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/transfers`, valid);
    expect(own.statusCode).toBe(400);
    expect((await call('socialWorker', 'GET', '/api/transfers')).json().requested).toEqual([]);
  });

  it('ROL-04 FIL-05 refuses a transfer asked by a permanent representative: the own file is the organisation’s own', async () => {
    const res = await call('representative', 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [plainId],
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().rule).toBe('bill art. 4 al. 1 (SPEC FIL-05)');
  });

  it('FIL-05 makes the export impossible (409) until the controller approved: the controller sees the request and decides per item', async () => {
    const requested = await call('socialWorker', 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [plainId, longId, flaggedId, specialId, refusedId],
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(requested.statusCode, requested.body).toBe(201);
    transferId = requested.json().id;
    expect(requested.json()).toMatchObject({
      requester: { id: world.org.cpas },
      purpose: 'P1',
      justification: JUSTIFICATION,
      attestedAt: null,
      can: { decide: [], attest: true, export: false },
    });
    expect(requested.json().items.every((i: { decision: string }) => i.decision === 'pending')).toBe(true);

    const early = await exportOf(world.people.socialWorker, 'json');
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('approved by its controller');

    const inbox = (await call('policeOfficer', 'GET', '/api/transfers')).json();
    const toDecide = inbox.toDecide.find((t: { id: string }) => t.id === transferId);
    expect(toDecide.can.decide.sort()).toEqual([plainId, longId, flaggedId, specialId, refusedId].sort());
    expect((await call('policeOfficer', 'GET', '/api/notifications')).json().notifications).toContainEqual(
      expect.objectContaining({ kind: 'transfer_to_decide', subjectId: transferId }),
    );
    // The requester does not decide on the police's items; another party does not even see the request.
    const byRequester = await call('socialWorker', 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [{ itemId: plainId, decision: 'approved' }],
    });
    expect(byRequester.statusCode).toBe(403);
    expect((await call('coordinator', 'GET', `/api/transfers/${transferId}`)).statusCode).toBe(404);
    expect((await call('youthWorker', 'GET', `/api/transfers/${transferId}`)).statusCode).toBe(404);

    const decided = await call('policeOfficer', 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [
        { itemId: plainId, decision: 'approved' },
        { itemId: longId, decision: 'approved' },
        { itemId: flaggedId, decision: 'approved' },
        { itemId: specialId, decision: 'approved' },
        { itemId: refusedId, decision: 'refused' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const again = await call('policeOfficer', 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [{ itemId: refusedId, decision: 'approved' }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toContain('decided already');
  });

  it('ROL-04 FIL-05 keeps transfers from a permanent representative: none in its inbox, 404 when asked for one', async () => {
    const inbox = await call('representative', 'GET', '/api/transfers');
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json()).toEqual({ toDecide: [], requested: [] });
    expect(inbox.body).not.toContain(JUSTIFICATION);
    expect((await call('representative', 'GET', `/api/transfers/${transferId}`)).statusCode).toBe(404);
    // The CPAS's own members see it.
    expect((await call('socialWorker', 'GET', '/api/transfers')).json().requested.map((t: { id: string }) => t.id)).toEqual([transferId]);
  });

  it('FIL-06 allows no download before the requester attests that only persons who took part will access the copy', async () => {
    const unattested = await exportOf(world.people.socialWorker, 'pdf');
    expect(unattested.statusCode).toBe(409);
    expect(unattested.json().detail).toContain('attested');
    const refused = await call('socialWorker', 'POST', `/api/transfers/${transferId}/attestation`, { accessLimitedToParticipants: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toContain('FIL-06');
    // Attesting is the requester's, not the controller's.
    expect((await call('policeOfficer', 'POST', `/api/transfers/${transferId}/attestation`, { accessLimitedToParticipants: true })).statusCode).toBe(403);
    const attested = await call('socialWorker', 'POST', `/api/transfers/${transferId}/attestation`, { accessLimitedToParticipants: true });
    expect(attested.statusCode, attested.body).toBe(200);
    expect(attested.json().attestedAt).toBe(world.clock.now().toISOString());
    expect(attested.json().can).toMatchObject({ attest: false, export: true });
  });

  it('FIL-05 FIL-07 exports the approved items only, with category and flags, registers the export and audits it as a disclosure to the requester', async () => {
    const before = await auditPosition(world);
    const res = await exportOf(world.people.socialWorker, 'json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain(`attachment; filename="concerto-transfer-${transferId}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const json = res.json();
    expect(json).toMatchObject({
      purpose: 'P1',
      useLimitation: { notice: 'Usage limité – art. 458ter §2 al. 2 CP – finalité P1' },
      recipient: { id: world.org.cpas, legalName: 'OCMW Gent' },
      source: { caseId: kase.id },
    });
    const items = new Map((json.items as { itemId: string }[]).map((item) => [item.itemId, item]));
    expect([...items.keys()].sort()).toEqual([plainId, longId, flaggedId, specialId].sort());
    expect(items.get(flaggedId)).toMatchObject({
      category: 'C11',
      controller: { id: world.org.police },
      content: 'Lopend gerechtelijk onderzoek naar bedreigingen.',
      flags: { special: false, secretOfInvestigation: true, judicial: true, contested: false },
    });
    expect(items.get(specialId)).toMatchObject({
      category: 'C09',
      flags: { special: true, secretOfInvestigation: false, judicial: false, contested: false },
    });
    expect(items.get(plainId)).toMatchObject({ flags: { special: false, secretOfInvestigation: false, judicial: false, contested: false } });
    expect(res.body).not.toContain('Vaststelling 2.');

    const register = (await call('socialWorker', 'GET', `/api/transfers/${transferId}`)).json().exports;
    expect(register).toEqual([
      {
        id: expect.any(String),
        format: 'json',
        exportedAt: world.clock.now().toISOString(),
        exportedBy: 'Fatima El Amrani',
        sha256: createHash('sha256').update(res.rawPayload).digest('hex'),
        itemCount: 4,
        // SPEC TRF-01: the country of the own file it went to (the CPAS keeps it in Belgium).
        destinationCountry: 'BE',
        changes: [],
      },
    ]);
    const disclosures = (await auditEventsSince(world, before)).filter((e) => e.action === 'disclose');
    expect(disclosures).toHaveLength(1);
    expect(disclosures[0]).toMatchObject({
      outcome: 'success',
      caseId: kase.id,
      reason: 'own_file_export_json',
      recipients: [{ organisationId: world.org.cpas, userId: world.people.socialWorker.actor.userId }],
    });
    expect(disclosures[0]!.justification).toContain('P1');
    const itemRecords = disclosures[0]!.records!.filter((r) => r.type === 'item');
    expect(itemRecords.map((r) => r.id).sort()).toEqual([plainId, longId, flaggedId, specialId].sort());
    expect(itemRecords.find((r) => r.id === specialId)!.category).toBe(9);
  });

  it('DAT-19 refuses the export to a member of the requester not designated for a special category it holds', async () => {
    const colleague = await world.newcomer('socialWorker');
    const before = await auditPosition(world);
    const res = await exportOf(colleague, 'json');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.body).not.toContain('intrafamiliaal geweld in 2024');
    expect(res.json().rule).toContain('DAT-19');
    expect((await auditEventsSince(world, before)).filter((e) => e.action === 'disclose' && e.outcome === 'success')).toEqual([]);
  });

  it.each([
    ['fr', 'Usage limité – art. 458ter §2 al. 2 CP – finalité P1'],
    ['nl', 'Beperkt gebruik – art. 458ter §2 lid 2 Sw – doelstelling P1'],
    ['en', 'Limited use – art. 458ter §2 al. 2 Criminal Code – purpose P1'],
  ])('PUR-02 the PDF in %s carries the use-limitation banner and the purpose code in its metadata', async (language, banner) => {
    const res = await exportOf(world.people.socialWorker, 'pdf', `${language},en;q=0.5`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdfText(pdf)).toContain(banner);
    const info = pdfInfo(pdf);
    expect(info.Keywords).toContain('P1');
    expect(info.Subject).toBe(banner);
    expect(info.Lang).toBe(language);
  });

  it('SEC-14 watermarks every page of the PDF with the exporter’s user id; there is no bulk export route', async () => {
    const res = await exportOf(world.people.socialWorker, 'pdf');
    const pages = pdfPageTexts(res.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain(world.people.socialWorker.actor.userId);
      expect(page).toContain('OCMW Gent');
      expect(page).toContain('Usage limité – art. 458ter §2 al. 2 CP – finalité P1');
    }
    // Downloads are one transfer, one attachment, or a DPO's registers (designations; transfers abroad,
    // which hold no case content: SPEC PEN-13), or the Commission inspector's export of a controller's
    // configuration and log metadata, without case content (SPEC SUP-03): never a case or all cases.
    const routes = world.app.routeTable
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => /export|download|bulk|zip|archive|dump/i.test(route));
    expect(routes.sort()).toEqual([
      'GET /api/cross-border/register/export',
      'GET /api/designations/export',
      'GET /api/inspection/export',
      'GET /api/transfers/:transferId/export/:format',
    ]);
    for (const url of [`/api/cases/${kase.id}/export`, '/api/cases/export', '/api/transfers/export', `/api/cases/${kase.id}/download`]) {
      const res = await call('socialWorker', 'GET', url);
      expect([400, 404], url).toContain(res.statusCode);
      expect(res.headers['content-disposition'], url).toBeUndefined();
    }
  });

  it('FIL-08 notifies the exporting organisation when an exported item is rectified or erased', async () => {
    const notes = async () =>
      ((await call('socialWorker', 'GET', '/api/notifications')).json().notifications as { kind: string; subjectId: string }[]).filter(
        (n) => n.kind === 'exported_item_changed',
      );
    expect(await notes()).toEqual([]);
    const rectified = await call('policeOfficer', 'PUT', `/api/cases/${kase.id}/items/${plainId}`, edited('Vaststelling 1, verbeterd: het ging om de buurman.', 'Verkeerde persoon vermeld.'));
    expect(rectified.statusCode, rectified.body).toBe(200);
    expect(await notes()).toEqual([expect.objectContaining({ kind: 'exported_item_changed', caseId: kase.id, subjectId: plainId })]);

    const erased = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items/${flaggedId}/erasure`, {
      reason: 'Het onderzoek is geseponeerd.',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await notes()).map((n) => n.subjectId).sort()).toEqual([plainId, flaggedId].sort());

    // An item that was not exported changes without telling the CPAS.
    await call('policeOfficer', 'PUT', `/api/cases/${kase.id}/items/${refusedId}`, edited('Vaststelling 2, aangevuld.', 'Aanvulling.'));
    expect(await notes()).toHaveLength(2);
    // Nor does the controller notify itself.
    const policeNotes = (await call('policeOfficer', 'GET', '/api/notifications')).json().notifications;
    expect(policeNotes.filter((n: { kind: string }) => n.kind === 'exported_item_changed')).toEqual([]);
  });

  it('FIL-08 the register shows per export each change of its items since, and its acknowledgement pending or done, by whom and when', async () => {
    type Change = { itemId: string; change: string; changedAt: string; acknowledged: { by: string; at: string } | null };
    type Export = { id: string; exportedAt: string; changes: Change[] };
    const registerAs = async (who: PersonName) => {
      const res = await call(who, 'GET', `/api/transfers/${transferId}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().exports as Export[]).map((e) => ({
        ...e,
        changes: [...e.changes].sort((a, b) => `${a.changedAt}${a.itemId}`.localeCompare(`${b.changedAt}${b.itemId}`)),
      }));
    };
    const t0 = world.clock.now().toISOString();
    const byItem = (changes: Change[]) => changes.map((c) => [c.itemId, c.change, c.acknowledged?.by ?? null]);
    // The previous test rectified one exported item and erased another, after the five exports.
    let register = await registerAs('socialWorker');
    expect(register).toHaveLength(5);
    for (const entry of register) {
      expect(entry.changes).toHaveLength(2);
      expect(entry.changes).toEqual(
        expect.arrayContaining([
          { itemId: plainId, change: 'rectified', changedAt: t0, acknowledged: null },
          { itemId: flaggedId, change: 'erased', changedAt: t0, acknowledged: null },
        ]),
      );
    }

    // Someone who is not the notified organisation cannot acknowledge for it: nothing changes.
    const notices = (await call('socialWorker', 'GET', '/api/notifications')).json().notifications as { id: string; kind: string; subjectId: string }[];
    const rectifiedNotice = notices.find((n) => n.kind === 'exported_item_changed' && n.subjectId === plainId)!;
    expect((await call('policeOfficer', 'POST', `/api/notifications/${rectifiedNotice.id}/acknowledgement`)).statusCode).toBe(404);
    expect((await registerAs('socialWorker'))[0]!.changes.every((c) => c.acknowledged === null)).toBe(true);
    const acknowledged = await call('socialWorker', 'POST', `/api/notifications/${rectifiedNotice.id}/acknowledgement`);
    expect(acknowledged.statusCode, acknowledged.body).toBe(204);

    // A later export holds the rectified version: the earlier changes are not its own.
    world.clock.advanceMs(60_000);
    expect((await exportOf(world.people.socialWorker, 'json')).statusCode).toBe(200);
    const t1 = world.clock.now().toISOString();
    world.clock.advanceMs(60_000);
    const t2 = world.clock.now().toISOString();
    // Blocked by its controller, and contested by another participant asking for a correction.
    const blocked = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items/${longId}/blocking`, { reason: 'unlawfully_obtained' });
    expect(blocked.statusCode, blocked.body).toBe(200);
    const contested = await call('coordinator', 'POST', `/api/cases/${kase.id}/items/${plainId}/correction-requests`, {
      text: 'Volgens het verslag van het overleg ging het om de broer, niet om de buurman.',
    });
    expect(contested.statusCode, contested.body).toBe(201);

    register = await registerAs('socialWorker');
    expect(register).toHaveLength(6);
    const first = register[0]!;
    expect(byItem(first.changes).slice(0, 2)).toEqual(
      expect.arrayContaining([
        [plainId, 'rectified', 'Fatima El Amrani'],
        [flaggedId, 'erased', null],
      ]),
    );
    expect(first.changes.find((c) => c.change === 'rectified')!.acknowledged).toEqual({ by: 'Fatima El Amrani', at: t0 });
    expect(first.changes.slice(2)).toEqual(
      expect.arrayContaining([
        { itemId: longId, change: 'blocked', changedAt: t2, acknowledged: null },
        { itemId: plainId, change: 'contested', changedAt: t2, acknowledged: null },
      ]),
    );
    const latest = register[5]!;
    expect(latest.exportedAt).toBe(t1);
    expect(byItem(latest.changes)).toEqual(
      expect.arrayContaining([
        [longId, 'blocked', null],
        [plainId, 'contested', null],
      ]),
    );
    expect(latest.changes).toHaveLength(2);
    // The controller reads the same register, acknowledgements included.
    expect(await registerAs('policeOfficer')).toEqual(register);
  });

  it('FIL-09 computes the copy’s retention end from the closure and the agreed months; an organic-law period needs its citation', async () => {
    expect((await call('socialWorker', 'GET', `/api/transfers/${transferId}`)).json().retention).toEqual({
      endsOn: null,
      months: 60,
      basis: 'bill art. 4 al. 5; art. 2 §3 4°',
    });
    const second = await call('socialWorker', 'POST', `/api/cases/${kase.id}/transfers`, {
      itemIds: [refusedId],
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(second.statusCode, second.body).toBe(201);
    const secondId: string = second.json().id;
    const uncited = await call('socialWorker', 'POST', `/api/transfers/${secondId}/attestation`, {
      accessLimitedToParticipants: true,
      retentionOverride: { months: 120 },
    });
    expect(uncited.statusCode).toBe(400);
    expect(uncited.json().errors.some((e: { field: string }) => e.field.startsWith('/body/retentionOverride'))).toBe(true);
    const blank = await call('socialWorker', 'POST', `/api/transfers/${secondId}/attestation`, {
      accessLimitedToParticipants: true,
      retentionOverride: { months: 120, citation: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    const citation = 'Organieke wet van 8 juli 1976 betreffende de OCMW’s, art. 36';
    const cited = await call('socialWorker', 'POST', `/api/transfers/${secondId}/attestation`, {
      accessLimitedToParticipants: true,
      retentionOverride: { months: 120, citation },
    });
    expect(cited.statusCode, cited.body).toBe(200);
    expect(cited.json().retention).toEqual({ endsOn: null, months: 120, basis: citation });

    const closed = await call('coordinator', 'POST', `/api/cases/${kase.id}/closure`, { reason: 'De opvolging is afgerond.' });
    expect(closed.statusCode, closed.body).toBe(200);
    const closure = brusselsDateOf(world.clock.now());
    const [year, month, day] = closure.split('-').map(Number) as [number, number, number];
    const plus = (months: number) => {
      const total = month - 1 + months;
      return `${year + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const caseRetention = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json().retention;
    expect(caseRetention.endsOn).toBe(plus(60));
    expect((await call('socialWorker', 'GET', `/api/transfers/${transferId}`)).json().retention).toMatchObject({ endsOn: plus(60), months: 60 });
    expect((await call('socialWorker', 'GET', `/api/transfers/${secondId}`)).json().retention).toMatchObject({ endsOn: plus(120), months: 120 });
  });

  it('SEC-08 discloses own-file copies only to organisations the framework lists: once removed, the request and the export are refused', async () => {
    const framework = await activeFramework(world);
    const listed = await newCase(world, { frameworkId: framework, items: 2, to: 'accepted', admit: ['cpas'] });
    const [first, second] = listed.itemIds as [string, string];
    const requested = await call('socialWorker', 'POST', `/api/cases/${listed.id}/transfers`, {
      itemIds: [first],
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const id: string = requested.json().id;
    await call('policeOfficer', 'POST', `/api/transfers/${id}/decisions`, { decisions: [{ itemId: first, decision: 'approved' }] });
    await call('socialWorker', 'POST', `/api/transfers/${id}/attestation`, { accessLimitedToParticipants: true });

    const removed = await call('operator', 'POST', `/api/frameworks/${framework}/participants/${world.org.cpas}/removal`);
    expect(removed.statusCode, removed.body).toBe(200);
    const before = await auditPosition(world);
    const exported = await getIn(world, world.people.socialWorker, `/api/transfers/${id}/export/json`, 'nl');
    expect(exported.statusCode).toBe(403);
    expect(exported.json().rule).toContain('SEC-08');
    expect(exported.json().detail).toContain('not authorised');
    const again = await call('socialWorker', 'POST', `/api/cases/${listed.id}/transfers`, {
      itemIds: [second],
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().rule).toContain('SEC-08');
    expect((await auditEventsSince(world, before)).filter((e) => e.action === 'disclose' && e.outcome === 'success')).toEqual([]);
    expect((await call('socialWorker', 'GET', `/api/transfers/${id}`)).json().exports).toEqual([]);
  });

  it('PUR-06 refuses every own-file request (403) under a framework that disables own-file export', async () => {
    const framework = await activeFramework(world, { ownFileExportDisabled: true });
    const closedOff = await newCase(world, { frameworkId: framework, items: 1, to: 'accepted', admit: ['cpas'] });
    const res = await call('socialWorker', 'POST', `/api/cases/${closedOff.id}/transfers`, {
      itemIds: closedOff.itemIds,
      purpose: 'P1',
      justification: JUSTIFICATION,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().rule).toBe('bill Comm. art. 4 (SPEC PUR-06)');
    expect((await call('socialWorker', 'GET', '/api/transfers')).json().requested.map((t: { caseId: string }) => t.caseId)).not.toContain(closedOff.id);
  });

  it('PUR-06 with four-eyes approval the export waits for a second member of the requesting organisation, never the requester itself', async () => {
    const framework = await activeFramework(world, { exportFourEyes: true });
    const shared = await newCase(world, { frameworkId: framework, items: 0, to: 'accepted', admit: ['cpas'] });
    // Here the CPAS shares and the police asks for a copy.
    const item = await call('socialWorker', 'POST', `/api/cases/${shared.id}/items`, riskItem(shared.subjectId, 'Schuldbemiddeling loopt sinds januari.'));
    expect(item.statusCode, item.body).toBe(201);
    const requester = world.people.policeOfficer;
    const requested = await as(requester, 'POST', `/api/cases/${shared.id}/transfers`, {
      itemIds: [item.json().id],
      purpose: 'P1',
      justification: 'De politie volgt de dreiging op in het eigen dossier van de wijkwerking.',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const id: string = requested.json().id;
    expect(requested.json().fourEyes).toEqual({ required: true, approvedBy: null, approvedAt: null });
    await call('socialWorker', 'POST', `/api/transfers/${id}/decisions`, { decisions: [{ itemId: item.json().id, decision: 'approved' }] });
    await as(requester, 'POST', `/api/transfers/${id}/attestation`, { accessLimitedToParticipants: true });

    const waiting = await getIn(world, requester, `/api/transfers/${id}/export/json`, 'nl');
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().detail).toContain('second member');
    const self = await as(requester, 'POST', `/api/transfers/${id}/four-eyes`);
    expect(self.statusCode).toBe(403);
    expect(self.json().rule).toBe('bill Comm. art. 4 (SPEC PUR-06)');
    // The controller is no member of the requesting organisation.
    expect((await call('socialWorker', 'POST', `/api/transfers/${id}/four-eyes`)).statusCode).toBe(403);

    const colleague = await world.newcomer('policeOfficer');
    const seen = (await as(colleague, 'GET', `/api/transfers/${id}`)).json();
    expect(seen.can.approveFourEyes).toBe(true);
    const approved = await as(colleague, 'POST', `/api/transfers/${id}/four-eyes`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().fourEyes).toMatchObject({ required: true, approvedBy: 'Karel Wouters' });
    expect((await as(colleague, 'POST', `/api/transfers/${id}/four-eyes`)).statusCode).toBe(409);
    const exported = await getIn(world, requester, `/api/transfers/${id}/export/json`, 'nl');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().useLimitation.notice).toBe('Beperkt gebruik – art. 458ter §2 lid 2 Sw – doelstelling P1');
  });

  it('SEC-01 asks a second factor proven within the last minutes to request or export: after 6 minutes, 403 mfa_required until a step-up', async () => {
    const framework = await activeFramework(world, {});
    const open = await newCase(world, { frameworkId: framework, items: 1, to: 'accepted', admit: ['cpas'] });
    const body = { itemIds: open.itemIds, purpose: 'P1', justification: JUSTIFICATION };
    world.clock.advanceMs(6 * 60_000);
    const stale = await call('socialWorker', 'POST', `/api/cases/${open.id}/transfers`, body);
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('mfa_required');
    const staleExport = await exportOf(world.people.socialWorker, 'json');
    expect(staleExport.statusCode).toBe(403);
    expect(staleExport.json().code).toBe('mfa_required');
    expect((await call('socialWorker', 'GET', '/api/transfers')).json().requested.map((t: { caseId: string }) => t.caseId)).not.toContain(open.id);

    const renewed = await stepUp(world, 'socialWorker', world.people.socialWorker);
    const fresh = await as(renewed, 'POST', `/api/cases/${open.id}/transfers`, body);
    expect(fresh.statusCode, fresh.body).toBe(201);
  });
});
