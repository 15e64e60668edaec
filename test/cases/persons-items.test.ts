/**
 * Persons and information items of the shared file over HTTP on a real database (issue 4 scope
 * 3-4; bill art. 2 §2, art. 3 §1 al. 2): identification data with the national register number
 * masked and each reveal audited, subjects and relations, items under their controller, changed
 * by it only and as versions, provenance, mission confirmation and the refusal of classified
 * information. Each test names the SPEC rows it proves.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type PersonName } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';
import { agreeRetention, consultation, itemAs, rowCount, upload } from '../support/item-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);

/** The person of a case as `who` reads it. */
async function personAs(who: PersonName, caseId: string, personId: string) {
  const res = await call(who, 'GET', `/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().persons as { id: string; age: number | null }[]).find((p) => p.id === personId);
}

/** The fields of an item that an edit sends again, with the reason of the change. */
function edit(
  item: ReturnType<typeof riskItem>,
  change: Partial<ReturnType<typeof riskItem>>,
  reason: string,
) {
  const { provenance: _provenance, missionConfirmed: _mission, ...fields } = { ...item, ...change };
  return { ...fields, reason };
}

describe('persons', () => {
  it('DAT-01 refuses an invalid national register number naming its field, and shows a valid one masked', async () => {
    const draft = await newCase(world, { items: 0 });
    const persons = await rowCount(world, 'persons');
    const invalid = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'subject',
      identity: { surname: 'Janssens', firstNames: 'Ilse', nationalRegisterNumber: '85.07.30-033.29' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().rule).toContain('DAT-01');
    expect(invalid.json().errors).toEqual([
      { field: '/body/identity/nationalRegisterNumber', message: 'check digits do not match (modulo 97)' },
    ]);
    // The refused number is not echoed back: it is personal data.
    expect(invalid.body).not.toContain('033.29');
    expect(await rowCount(world, 'persons')).toBe(persons);

    const added = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'subject',
      identity: {
        surname: 'Janssens',
        firstNames: 'Ilse',
        birthDate: '1985-07-30',
        nationalRegisterNumber: '85.07.30-033.28',
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().identity.nationalRegisterNumber).toBe('85.07.30-***.**');
    const read = await call('policeOfficer', 'GET', `/api/cases/${draft.id}`);
    const person = (
      read.json().persons as { id: string; identity: { nationalRegisterNumber: string } }[]
    ).find((p) => p.id === added.json().id);
    expect(person?.identity.nationalRegisterNumber).toBe('85.07.30-***.**');
    expect(read.body).not.toContain('033.28');
    expect(read.body).not.toContain('85073003328');
  });

  it('DAT-01 reveals the national register number on request, each reveal a consult event with reason reveal_nrn', async () => {
    const draft = await newCase(world, { items: 0 });
    const added = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'subject',
      identity: { surname: 'Janssens', firstNames: 'Ilse', nationalRegisterNumber: '85.07.30-033.28' },
    });
    const url = `/api/cases/${draft.id}/persons/${added.json().id}/national-register-number`;
    const before = await auditPosition(world);
    const revealed = await call('policeOfficer', 'POST', url);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({ nationalRegisterNumber: '85.07.30-033.28' });
    const events = await auditEventsSince(world, before);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'consult',
        outcome: 'success',
        reason: 'reveal_nrn',
        caseId: draft.id,
        justification: 'access matrix',
        actor: expect.objectContaining({ userId: world.people.policeOfficer.actor.userId }),
        records: [{ type: 'person', id: added.json().id, category: 1 }],
      }),
    ]);
    // Each reveal is its own event.
    await call('policeOfficer', 'POST', url);
    expect((await auditEventsSince(world, before)).filter((e) => e.reason === 'reveal_nrn')).toHaveLength(2);
    // Outside the compartment the person does not exist; the attempt is a denied event.
    const outside = await call('socialWorker', 'POST', url);
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toContain('033.28');
    expect((await auditEventsSince(world, before)).at(-1)).toMatchObject({
      action: 'consult',
      outcome: 'denied',
    });
    // A person without a number has nothing to reveal.
    const unnumbered = `/api/cases/${draft.id}/persons/${draft.subjectId}/national-register-number`;
    await call('policeOfficer', 'PUT', `/api/cases/${draft.id}/persons/${draft.subjectId}`, {
      identity: { surname: 'Dewaele', firstNames: 'Kevin' },
      reason: 'Rijksregisternummer bleek van een andere persoon.',
    });
    expect((await call('policeOfficer', 'POST', unnumbered)).statusCode).toBe(404);
  });

  it('DAT-04 computes the age from the date of birth on the clock of the platform', async () => {
    // The world's clock reads 2 March 2026.
    const draft = await newCase(world, { items: 0 });
    const add = (birthDate?: string) =>
      call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
        role: 'subject',
        identity: { surname: 'Claes', firstNames: 'Noor', ...(birthDate && { birthDate }) },
      });
    const eighteenToday = await add('2008-03-02');
    const eighteenTomorrow = await add('2008-03-03');
    const unknown = await add();
    expect(eighteenToday.json().age).toBe(18);
    expect(eighteenTomorrow.json().age).toBe(17);
    expect(unknown.json().age).toBeNull();
    expect((await personAs('policeOfficer', draft.id, eighteenTomorrow.json().id))?.age).toBe(17);
    // The other fields of category 4 take their values from controlled vocabularies.
    const status = (residenceStatus: string) =>
      call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
        ...riskItem(draft.subjectId, 'Verblijfsstatuut volgens DVZ.'),
        category: 'C04',
        relevance: undefined,
        details: { sex: 'male', nationality: 'BE', civilStatus: 'divorced', residenceStatus },
      });
    expect((await status('permanent_residence')).statusCode).toBe(201);
    const outsideVocabulary = await status('tourist');
    expect(outsideVocabulary.statusCode).toBe(400);
    expect(outsideVocabulary.json().errors).toEqual([
      expect.objectContaining({ field: '/body/details/residenceStatus' }),
    ]);
  });

  it('DAT-02 DAT-03 DAT-05 saves the details of a category under it, each contact with its source and date', async () => {
    const draft = await newCase(world, { items: 0 });
    const contacts = [
      { kind: 'phone', value: '+32 470 12 34 56', source: 'PV GE.55.L1.012345/2026', date: '2026-02-11' },
      { kind: 'phone', value: '+32 9 234 56 78', source: 'OCMW-dossier 2026/88', date: '2026-01-20' },
    ];
    const add = (category: string, details: Record<string, unknown>) =>
      call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
        ...riskItem(draft.subjectId, 'Gegevens.'),
        category,
        relevance: undefined,
        details,
      });
    const contact = await add('C02', { contacts });
    expect(contact.statusCode, contact.body).toBe(201);
    const profession = await add('C03', {
      profession: 'Vrachtwagenchauffeur',
      training: 'Rijbewijs C, 2019',
    });
    const debts = await add('C05', { creditorType: 'private', amountRange: '5000_25000' });
    for (const [res, category] of [
      [contact, 'C02'],
      [profession, 'C03'],
      [debts, 'C05'],
    ] as const) {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().category).toBe(category);
    }
    expect((await itemAs(world, world.people.policeOfficer, draft.id, contact.json().id))?.details).toEqual({
      contacts,
    });
    // A detail of another category is refused.
    const misplaced = await add('C03', { profession: 'Kok', creditorType: 'public' });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().errors).toEqual([
      { field: '/body/details/creditorType', message: 'belongs to category C05, not C03' },
    ]);
  });

  it('DAT-17 refuses a relation without a subject or without its necessity, and a subject with one', async () => {
    const draft = await newCase(world, { items: 0 });
    const persons = await rowCount(world, 'persons');
    const add = (body: Record<string, unknown>) =>
      call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
        identity: { surname: 'Peeters', firstNames: 'Marie' },
        ...body,
      });
    const orphan = await add({ role: 'relation', necessity: 'Ex-partner, mogelijk slachtoffer.' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().rule).toBe('bill art. 2 §2 al. 2 (SPEC DAT-17)');
    expect(orphan.json().errors).toEqual([expect.objectContaining({ field: '/body/subjectIds' })]);
    const unnecessary = await add({ role: 'relation', subjectIds: [draft.subjectId] });
    expect(unnecessary.json().errors).toEqual([expect.objectContaining({ field: '/body/necessity' })]);
    const subjectWithNecessity = await add({ role: 'subject', necessity: 'Geen.' });
    expect(subjectWithNecessity.statusCode).toBe(400);
    expect(subjectWithNecessity.json().errors).toEqual([
      expect.objectContaining({ field: '/body/necessity' }),
    ]);
    const noRole = await add({});
    expect(noRole.statusCode).toBe(400);
    expect(await rowCount(world, 'persons')).toBe(persons);

    const relation = await add({
      role: 'relation',
      subjectIds: [draft.subjectId],
      necessity: 'Ex-partner, mogelijk slachtoffer.',
    });
    expect(relation.statusCode, relation.body).toBe(201);
    expect(relation.json()).toMatchObject({
      role: 'relation',
      subjectIds: [draft.subjectId],
      necessity: 'Ex-partner, mogelijk slachtoffer.',
    });
    // A relation relates to a subject, not to another relation.
    const relationOfRelation = await add({
      role: 'relation',
      subjectIds: [relation.json().id],
      necessity: 'Nieuwe partner van de ex-partner.',
    });
    expect(relationOfRelation.json().errors).toEqual([
      expect.objectContaining({ field: '/body/subjectIds/0' }),
    ]);
  });

  it('DAT-07 DAT-17 a named household member is a relation of the case with its necessity recorded', async () => {
    const draft = await newCase(world, { items: 0 });
    const relation = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'relation',
      subjectIds: [draft.subjectId],
      necessity: 'Inwonende partner, mogelijk slachtoffer.',
      identity: { surname: 'Peeters', firstNames: 'Marie' },
    });
    const household = (householdPersonIds: string[]) => ({
      category: 'C07',
      personIds: [draft.subjectId],
      content: 'Woont samen met zijn partner en twee kinderen.',
      classification: 'non_classified',
      details: { householdPersonIds, adults: 2, children: 2 },
      provenance: { kind: 'already_held', sourceReference: 'Bevolkingsregister Gent' },
      missionConfirmed: true,
    });
    const subjectAsMember = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${draft.id}/items`,
      household([draft.subjectId]),
    );
    expect(subjectAsMember.statusCode).toBe(400);
    expect(subjectAsMember.json().rule).toContain('SPEC DAT-07');
    expect(subjectAsMember.json().errors).toEqual([
      expect.objectContaining({ field: '/body/details/householdPersonIds/0' }),
    ]);
    const named = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${draft.id}/items`,
      household([relation.json().id]),
    );
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({
      category: 'C07',
      details: { householdPersonIds: [relation.json().id], adults: 2, children: 2 },
    });
  });
});

describe('information items', () => {
  it('ROL-09 FIL-02 only the controller changes an item: a CPAS user gets 403 naming the rule, and asks for a correction', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [itemId] = kase.itemIds as [string];
    const seen = await itemAs(world, world.people.socialWorker, kase.id, itemId);
    expect(seen).toMatchObject({
      controller: { id: world.org.police, legalName: 'Politiezone Gent' },
      version: 1,
    });

    const before = await auditPosition(world);
    const change = edit(
      riskItem(kase.subjectId),
      { content: 'Volgens het OCMW onjuist.' },
      'Klopt niet volgens ons dossier.',
    );
    const edited = await call('socialWorker', 'PUT', `/api/cases/${kase.id}/items/${itemId}`, change);
    expect(edited.statusCode).toBe(403);
    expect(edited.json().rule).toBe('bill art. 3 §1 al. 2 (SPEC ROL-09, FIL-02)');
    const erased = await call('socialWorker', 'POST', `/api/cases/${kase.id}/items/${itemId}/erasure`, {
      reason: 'Onjuist.',
    });
    expect(erased.statusCode).toBe(403);
    const rectified = await call('socialWorker', 'PUT', `/api/cases/${kase.id}/persons/${kase.subjectId}`, {
      identity: { surname: 'Dewaele', firstNames: 'Kevin Jan' },
      reason: 'Volgens het OCMW heeft hij twee voornamen.',
    });
    expect(rectified.statusCode).toBe(403);
    expect(rectified.json().rule).toBe('bill art. 3 §1 al. 2 (SPEC ROL-09, FIL-02)');
    const denied = await auditEventsSince(world, before);
    expect(denied.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['adapt', 'denied', 'not_controller'],
      ['erase', 'denied', 'not_controller'],
      ['adapt', 'denied', 'not_controller'],
    ]);
    expect(await itemAs(world, world.people.policeOfficer, kase.id, itemId)).toMatchObject({
      version: 1,
      content: 'Vaststelling 1.',
      erased: false,
    });

    const asked = await call(
      'socialWorker',
      'POST',
      `/api/cases/${kase.id}/items/${itemId}/correction-requests`,
      {
        text: 'Volgens ons dossier woont hij sinds januari niet meer op dit adres.',
      },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const policeTasks = (await call('policeOfficer', 'GET', '/api/notifications')).json().notifications;
    expect(policeTasks).toContainEqual(
      expect.objectContaining({
        kind: 'correction_requested',
        caseId: kase.id,
        subjectId: itemId,
        audience: 'members',
      }),
    );
    // The task is the controller's, not the requester's.
    const cpasTasks = (await call('socialWorker', 'GET', '/api/notifications')).json().notifications;
    expect(cpasTasks).not.toContainEqual(
      expect.objectContaining({ kind: 'correction_requested', subjectId: itemId }),
    );
    // The controller does not ask itself.
    const own = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${kase.id}/items/${itemId}/correction-requests`,
      {
        text: 'Zelf nakijken.',
      },
    );
    expect(own.statusCode).toBe(409);
  });

  it('ROL-09 FIL-02 a participant annotates another controller’s item with an item of its own', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [itemId] = kase.itemIds as [string];
    const note = await call('socialWorker', 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Het OCMW stelde in februari geen dreiging vast.'),
      provenance: { kind: 'already_held', sourceReference: 'OCMW-dossier 2026/88' },
      annotatesItemId: itemId,
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({
      controller: { id: world.org.cpas, legalName: 'OCMW Gent' },
      annotatesItemId: itemId,
    });
    // An annotation of one's own item is a change instead.
    const self = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId),
      annotatesItemId: itemId,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([expect.objectContaining({ field: '/body/annotatesItemId' })]);
  });

  it('FIL-02 ROL-08 the controller of an item is the organisation that introduced it, and not even the owner role can change it', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [itemId] = kase.itemIds as [string];
    expect(await itemAs(world, world.people.coordinator, kase.id, itemId)).toMatchObject({
      controller: { id: world.org.police },
    });
    await expect(
      sql`UPDATE items SET controller_organisation_id = ${world.org.coordination}::uuid WHERE id = ${itemId}::uuid`.execute(
        world.db.adminDb,
      ),
    ).rejects.toThrow(/the controller of a record never changes/);
    await expect(
      sql`UPDATE persons SET controller_organisation_id = ${world.org.host}::uuid WHERE id = ${kase.subjectId}::uuid`.execute(
        world.db.adminDb,
      ),
    ).rejects.toThrow(/the controller of a record never changes/);
    const row = await world.db.adminDb
      .selectFrom('items')
      .select('controller_organisation_id')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(row.controller_organisation_id).toBe(world.org.police);
  });

  it('ROL-09 every change of an item is a version that says who changed it, when and why', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [itemId] = kase.itemIds as [string];
    const created = world.clock.now().toISOString();
    world.clock.advanceMs(2 * 60_000);
    const changedAt = world.clock.now().toISOString();
    const before = await auditPosition(world);
    const changed = await call(
      'policeOfficer',
      'PUT',
      `/api/cases/${kase.id}/items/${itemId}`,
      edit(
        riskItem(kase.subjectId),
        { content: 'Vaststelling 1, aangevuld met het verhoor van 1 maart.' },
        'Verhoor van 1 maart toegevoegd.',
      ),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      content: 'Vaststelling 1, aangevuld met het verhoor van 1 maart.',
      updatedAt: changedAt,
    });
    expect((await auditEventsSince(world, before)).map((e) => [e.action, e.outcome])).toEqual([
      ['adapt', 'success'],
    ]);

    const versions = await call('socialWorker', 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`);
    expect(versions.statusCode, versions.body).toBe(200);
    expect(versions.json().versions).toEqual([
      {
        version: 2,
        category: 'C11',
        content: 'Vaststelling 1, aangevuld met het verhoor van 1 maart.',
        changedBy: 'Karel Wouters',
        changedAt,
        reason: 'Verhoor van 1 maart toegevoegd.',
      },
      {
        version: 1,
        category: 'C11',
        content: 'Vaststelling 1.',
        changedBy: 'Karel Wouters',
        changedAt: created,
        reason: null,
      },
    ]);
    // Reading the versions is a consult of the item.
    expect((await auditEventsSince(world, before)).at(-1)).toMatchObject({
      action: 'consult',
      reason: 'item_versions',
      records: [{ type: 'item', id: itemId, category: 11 }],
    });
    // A change without its reason is refused.
    const { reason: _reason, ...unreasoned } = edit(riskItem(kase.subjectId), {}, 'x');
    expect(
      (await call('policeOfficer', 'PUT', `/api/cases/${kase.id}/items/${itemId}`, unreasoned)).statusCode,
    ).toBe(400);
  });

  it('ROL-09 erasure by the controller wipes the content of every version; the shell stays as evidence', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
    const [itemId] = kase.itemIds as [string];
    await call(
      'policeOfficer',
      'PUT',
      `/api/cases/${kase.id}/items/${itemId}`,
      edit(riskItem(kase.subjectId), { content: 'Tweede versie.' }, 'Aangevuld.'),
    );
    const attached = await upload(
      world,
      world.people.policeOfficer,
      { caseId: kase.id, itemId },
      'pv.txt',
      Buffer.from('Proces-verbaal.\n'),
    );
    expect(attached.statusCode, attached.body).toBe(201);
    const erased = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items/${itemId}/erasure`, {
      reason: 'Onrechtmatig verkregen gegevens.',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ erased: true, content: null, details: null, version: 3 });
    const versions = (
      await call('policeOfficer', 'GET', `/api/cases/${kase.id}/items/${itemId}/versions`)
    ).json().versions;
    expect(versions.map((v: { version: number; content: string | null }) => [v.version, v.content])).toEqual([
      [3, null],
      [2, null],
      [1, null],
    ]);
    const stored = await world.db.adminDb
      .selectFrom('item_versions')
      .select('payload')
      .where('item_id', '=', itemId)
      .execute();
    expect(stored).toHaveLength(3);
    expect(stored.every((v) => v.payload === null)).toBe(true);
    const row = await world.db.adminDb
      .selectFrom('items')
      .select(['payload', 'erased_at'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ payload: null, erased_at: expect.any(Date) });
    expect(await itemAs(world, world.people.socialWorker, kase.id, itemId)).toMatchObject({
      erased: true,
      content: null,
      attachments: [],
    });
    // The attachments go with it.
    const document = await world.db.adminDb
      .selectFrom('item_attachments')
      .select(['content', 'erased_at'])
      .where('id', '=', attached.json().id)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({ content: null, erased_at: expect.any(Date) });
    const download = await call(
      'policeOfficer',
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/attachments/${attached.json().id}`,
    );
    expect(download.statusCode).toBe(404);
    // An erased item is changed no more.
    const again = await call(
      'policeOfficer',
      'PUT',
      `/api/cases/${kase.id}/items/${itemId}`,
      edit(riskItem(kase.subjectId), {}, 'Terugzetten.'),
    );
    expect(again.statusCode).toBe(409);
  });

  it('WFL-03 WFL-09 an item about a person the signal left in the compartment stays there until its controller shares both', async () => {
    const draft = await newCase(world, { items: 0 });
    const neighbour = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'relation',
      subjectIds: [draft.subjectId],
      necessity: 'Buurvrouw die de feiten meldde.',
      identity: { surname: 'Verhoeven', firstNames: 'Ann' },
    });
    const neighbourId: string = neighbour.json().id;
    await call('policeOfficer', 'POST', `/api/cases/${draft.id}/signal`, {
      selection: { personIds: [draft.subjectId], itemIds: [] },
      necessityConfirmed: true,
    });
    const accepted = await call('coordinator', 'POST', `/api/cases/${draft.id}/signal-decision`, {
      decision: 'accept',
      reason: 'Ernstig risico; ketenaanpak aangewezen.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const aboutNeighbour = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
      ...riskItem(neighbourId, 'De buurvrouw hoorde geroep en glasbreuk.'),
    });
    expect(aboutNeighbour.statusCode, aboutNeighbour.body).toBe(201);
    expect(aboutNeighbour.json().shared).toBe(false);
    const aboutSubject = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${draft.id}/items`,
      riskItem(draft.subjectId, 'Na aanvaarding.'),
    );
    expect(aboutSubject.json().shared).toBe(true);
    const organiser = await call('coordinator', 'GET', `/api/cases/${draft.id}`);
    expect(organiser.json().items.map((i: { id: string }) => i.id)).toEqual([aboutSubject.json().id]);
    expect(organiser.body).not.toContain('glasbreuk');
    // A shared item may not come to be about the neighbour either.
    const widened = await call(
      'policeOfficer',
      'PUT',
      `/api/cases/${draft.id}/items/${aboutSubject.json().id}`,
      edit(
        { ...riskItem(draft.subjectId), personIds: [draft.subjectId, neighbourId] },
        {},
        'De buurvrouw was getuige.',
      ),
    );
    expect(widened.statusCode).toBe(400);
    expect(widened.json().rule).toBe('bill art. 2 §3 1° (SPEC WFL-03)');
    expect(widened.json().errors).toEqual([expect.objectContaining({ field: '/body/personIds/1' })]);
    // Shared by its controller, with its person, the organiser sees it.
    const sharing = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/sharing`, {
      personIds: [neighbourId],
      itemIds: [aboutNeighbour.json().id],
    });
    expect(sharing.statusCode, sharing.body).toBe(200);
    expect(await itemAs(world, world.people.coordinator, draft.id, aboutNeighbour.json().id)).toMatchObject({
      content: 'De buurvrouw hoorde geroep en glasbreuk.',
    });
  });

  it('WFL-08 stamps each item with the phase of the case: preparation, consultation, and follow-up after a consultation closed', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const add = async (content: string) => {
      const res = await call(
        'policeOfficer',
        'POST',
        `/api/cases/${kase.id}/items`,
        riskItem(kase.subjectId, content),
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().phase as string;
    };
    expect(await itemAs(world, world.people.policeOfficer, kase.id, kase.itemIds[0]!)).toMatchObject({
      phase: 'preparation',
    });
    expect(await add('Na aanvaarding.')).toBe('preparation');
    await agreeRetention(world, kase.id, [world.people.policeOfficer]);
    const id = await consultation(world, [kase.id], { open: true });
    expect(await add('Tijdens het overleg.')).toBe('consultation');
    expect((await call('coordinator', 'POST', `/api/consultations/${id}/closing`)).statusCode).toBe(200);
    expect(await add('Na het overleg.')).toBe('follow_up');
  });

  it('SCO-05 an item collected following a consultation names one that discussed this case', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const other = await newCase(world, { items: 1, to: 'accepted' });
    await agreeRetention(world, kase.id, [world.people.policeOfficer]);
    await agreeRetention(world, other.id, [world.people.policeOfficer]);
    const held = await consultation(world, [kase.id], { close: true });
    const ofOther = await consultation(world, [other.id], { close: true });
    const notYetHeld = await consultation(world, [kase.id]);
    const items = await rowCount(world, 'items');
    const following = (consultationId: string) =>
      call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, {
        ...riskItem(kase.subjectId, 'Afgesproken tijdens het overleg: de partner verblijft bij familie.'),
        provenance: { kind: 'collected_following_consultation', consultationId },
      });
    for (const consultationId of [ofOther, notYetHeld, crypto.randomUUID()]) {
      const refused = await following(consultationId);
      expect(refused.statusCode, consultationId).toBe(400);
      expect(refused.json().rule).toBe('bill art. 2 §2 al. 1 (SPEC SCO-05)');
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: '/body/provenance/consultationId' }),
      ]);
    }
    expect(await rowCount(world, 'items')).toBe(items);
    const accepted = await following(held);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().provenance).toEqual({
      kind: 'collected_following_consultation',
      consultationId: held,
    });
    // Already held: the reference in the participant's own system is kept and shown.
    const heldAlready = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${kase.id}/items`,
      riskItem(kase.subjectId),
    );
    expect(heldAlready.json().provenance).toEqual({
      kind: 'already_held',
      sourceReference: 'PV GE.55.L1.012345/2026',
    });
    // Without provenance, no item.
    const { provenance: _, ...unsourced } = riskItem(kase.subjectId);
    expect((await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, unsourced)).statusCode).toBe(
      400,
    );
  });

  it('SCO-06 refuses an item whose processing is not confirmed within the legal mission, and stores who confirmed it and when', async () => {
    const draft = await newCase(world, { items: 0 });
    const items = await rowCount(world, 'items');
    const unconfirmed = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
      ...riskItem(draft.subjectId),
      missionConfirmed: false,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().rule).toBe('bill Comm. art. 2 (SPEC SCO-06)');
    expect(unconfirmed.json().errors).toEqual([expect.objectContaining({ field: '/body/missionConfirmed' })]);
    expect(await rowCount(world, 'items')).toBe(items);
    world.clock.advanceMs(60_000);
    const confirmed = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${draft.id}/items`,
      riskItem(draft.subjectId),
    );
    expect(confirmed.json().missionConfirmedAt).toBe(world.clock.now().toISOString());
    const row = await world.db.adminDb
      .selectFrom('items')
      .select(['mission_confirmed_by', 'mission_confirmed_at'])
      .where('id', '=', confirmed.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      mission_confirmed_by: world.people.policeOfficer.actor.userId,
      mission_confirmed_at: world.clock.now(),
    });
  });

  it('DAT-00 refuses a category outside the sixteen of bill art. 2 §2, and an item in none', async () => {
    const draft = await newCase(world, { items: 0 });
    const items = await rowCount(world, 'items');
    const seventeenth = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
      ...riskItem(draft.subjectId),
      category: 'C17',
    });
    expect(seventeenth.statusCode).toBe(400);
    expect(seventeenth.json().errors).toEqual([expect.objectContaining({ field: '/body/category' })]);
    const { category: _, ...uncategorised } = riskItem(draft.subjectId);
    expect(
      (await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, uncategorised)).statusCode,
    ).toBe(400);
    expect(await rowCount(world, 'items')).toBe(items);
  });

  it('DAT-20 refuses a classified item, or one whose text carries a classification marking, and writes nothing', async () => {
    const draft = await newCase(world, { items: 0 });
    const counts = async () => [await rowCount(world, 'items'), await rowCount(world, 'item_versions')];
    const before = await counts();
    const classified = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
      ...riskItem(draft.subjectId),
      classification: 'confidential',
    });
    expect(classified.statusCode).toBe(400);
    expect(classified.json().rule).toBe('bill Comm. art. 2 (SPEC DAT-20)');
    expect(classified.json().errors).toEqual([
      {
        field: '/body/classification',
        message: 'classified information may not be entered in the shared file',
      },
    ]);
    const marked = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/items`, {
      ...riskItem(draft.subjectId, 'CONFIDENTIEL — rapport de la Sûreté de l’État.'),
    });
    expect(marked.statusCode).toBe(400);
    expect(marked.json().errors).toEqual([
      { field: '/body/content', message: 'carries the classification marking CONFIDENTIEL' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('DAT-21 shows the secrecy of the investigation and its authority on the item to every reader', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const flagged = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Lopend onderzoek naar bedreigingen.'),
      secretOfInvestigation: { authorityReference: 'Onderzoeksrechter Gent, notitie 2026/041' },
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(await itemAs(world, world.people.socialWorker, kase.id, flagged.json().id)).toMatchObject({
      secretOfInvestigation: { authorityReference: 'Onderzoeksrechter Gent, notitie 2026/041' },
    });
    const row = await world.db.adminDb
      .selectFrom('items')
      .select('secret_of_investigation')
      .where('id', '=', flagged.json().id)
      .executeTakeFirstOrThrow();
    expect(row.secret_of_investigation).toBe(true);
    const plain = await call(
      'policeOfficer',
      'POST',
      `/api/cases/${kase.id}/items`,
      riskItem(kase.subjectId),
    );
    expect(plain.json().secretOfInvestigation).toBeNull();
  });

  it('DAT-11 DAT-14 a risk or behaviour item shows its named author and date', async () => {
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const behaviour = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Weigert contact met de hulpverlening.'),
      category: 'C14',
    });
    expect(behaviour.statusCode, behaviour.body).toBe(201);
    for (const reader of [world.people.policeOfficer, world.people.socialWorker, world.people.coordinator]) {
      expect(await itemAs(world, reader, kase.id, behaviour.json().id)).toMatchObject({
        category: 'C14',
        author: 'Karel Wouters',
        createdAt: world.clock.now().toISOString(),
      });
    }
  });
});
