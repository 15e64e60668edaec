/**
 * Royal-decree authorisations over HTTP on a real database (SPEC DAT-32, DAT-33). L1992 art. 8 §5:
 * an organisation processing judicial data under a royal decree gives each person prior written
 * notice, a task until recorded, and no category-9 item of it is about a person before that.
 * L2007 art. 6 §3: an approved association processes sexual-life data under an individual decree
 * for its duration only; after its last day its category-15 items are blocked for everyone.
 * Here the CPAS holds an art. 8 §5 decree and the youth service is turned into the association.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import {
  type AccessWorld,
  createAccessWorld,
  type OrganisationName,
  type Signed,
} from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';
import { freshSession, rowCount } from '../support/item-steps.js';

let world: AccessWorld;
/** The youth service's art. 6 §3 decree: it runs until 2 March 2026, the world's first day. */
let associationDecreeId: string;
/** The CPAS's art. 8 §5 decree, without an end. */
let cpasDecreeId: string;

const operator = () => world.people.operator;
const decreesUrl = (organisation: OrganisationName) =>
  `/api/admin/organisations/${world.org[organisation]}/royal-decrees`;

async function recordDecree(organisation: OrganisationName, body: Record<string, unknown>) {
  const res = await world.request(operator(), 'POST', decreesUrl(organisation), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().royalDecrees as {
    id: string;
    kind: string;
    reference: string;
    validFrom: string;
    validUntil: string | null;
  }[];
}

/** DAT-19: a designation as `organisation`'s DPO records it (the world has a DPO for the police only). */
async function designate(organisation: OrganisationName, who: Signed, scope: string): Promise<void> {
  if (organisation === 'police') {
    const res = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: who.actor.userId,
      scope,
      function: 'Rechercheur zedenzaken',
      confidentialityConfirmed: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return;
  }
  await world.db.adminDb
    .insertInto('special_designations')
    .values({
      organisation_id: world.org[organisation],
      user_id: who.actor.userId,
      scope,
      function: 'Maatschappelijk werker',
      confidentiality_confirmed: true,
      designated_by: who.actor.userId,
      designated_at: world.clock.now(),
    })
    .execute();
}

/** A category-9 item of the CPAS, citing the law that lets it process judicial data (DAT-29). */
function judicialItem(personId: string, content = 'Werd in 2024 veroordeeld voor partnergeweld.') {
  return {
    category: 'C09',
    personIds: [personId],
    content,
    classification: 'non_classified',
    relevance: 'Nodig om het risico voor de partner in te schatten.',
    special: {
      ground: 'b',
      justification: 'Verwerking voor doeleinden bepaald door of krachtens de wet.',
      lawCitation: 'Organieke wet van 8 juli 1976 betreffende de OCMW, art. 60 §1',
    },
    details: { judicialSubtype: 'judicial', sourceReference: 'Vonnis corr. Gent 2024/1234' },
    provenance: { kind: 'already_held', sourceReference: 'Sociaal dossier 2026/88' },
    missionConfirmed: true,
  };
}

/** A category-15 item (sexual behaviour), under L2007 art. 6 §2 l). */
function sexualBehaviourItem(
  personId: string,
  content = 'Volgt een behandeling voor grensoverschrijdend seksueel gedrag.',
) {
  return {
    category: 'C15',
    personIds: [personId],
    content,
    classification: 'non_classified',
    relevance: 'Nodig om het risico op herhaling in te schatten.',
    special: { ground: 'l', justification: 'Wet, decreet of ordonnantie: een zwaarwegend algemeen belang.' },
    provenance: { kind: 'already_held', sourceReference: 'Behandeldossier 2025/41' },
    missionConfirmed: true,
  };
}

const person = (detail: { persons: { id: string; priorNotice: unknown }[] }, id: string) =>
  detail.persons.find((p) => p.id === id);

beforeAll(async () => {
  world = await createAccessWorld();
  cpasDecreeId = (
    await recordDecree('cpas', {
      kind: 'judicial_data_prior_notice',
      reference: 'KB van 14 november 2025 (BS 2025-11-28)',
      validFrom: '2026-01-01',
      validUntil: null,
    })
  )[0]!.id;
  // The youth service becomes an approved and subsidised association (L2007 art. 6 §3).
  const association = await world.request(
    operator(),
    'PATCH',
    `/api/admin/organisations/${world.org.youth}`,
    {
      kind: 'other',
      legalName: 'Centrum voor Daderhulp vzw',
      legalMission: {
        basis: 'specific_law',
        citation: 'Erkenning en subsidiëring door de Vlaamse Gemeenschap, BVR 2019',
      },
    },
  );
  expect(association.statusCode, association.body).toBe(200);
  associationDecreeId = (
    await recordDecree('youth', {
      kind: 'sex_life_treatment',
      reference: 'AR du 3 mars 2025 (MB 2025-03-20)',
      validFrom: '2025-03-03',
      validUntil: '2026-03-02',
    })
  )[0]!.id;
});
afterEach(() => {
  // Back to the world's first day, 2 March 2026, for the next test.
  world.clock.set('2026-03-02T09:00:00Z');
});
afterAll(async () => {
  await world?.close();
});

describe('royal-decree authorisations', () => {
  it('DAT-32 DAT-33 the operator records a royal decree on the organisation profile, checked whole and audited', async () => {
    const before = await auditPosition(world);
    // Only an approved association holds an art. 6 §3 decree, and the decree sets its duration.
    const byPolice = await world.request(operator(), 'POST', decreesUrl('police'), {
      kind: 'sex_life_treatment',
      reference: 'AR du 3 mars 2025',
      validFrom: '2025-03-03',
    });
    expect(byPolice.statusCode).toBe(400);
    expect(byPolice.json().rule).toBe('L2007 art. 6 §3 (SPEC DAT-33)');
    expect(byPolice.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/kind',
      '/body/validUntil',
    ]);
    // The same reference twice is one decree.
    const again = await world.request(operator(), 'POST', decreesUrl('cpas'), {
      kind: 'judicial_data_prior_notice',
      reference: 'KB van 14 november 2025 (BS 2025-11-28)',
      validFrom: '2026-01-01',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      { field: '/body/reference', message: 'this decree is recorded already' },
    ]);
    // Nobody but the operator records one.
    const byCoordinator = await world.request(world.people.coordinator, 'POST', decreesUrl('parquet'), {
      kind: 'judicial_data_prior_notice',
      reference: 'KB van 1 februari 2026',
      validFrom: '2026-02-01',
    });
    expect(byCoordinator.statusCode).toBe(403);
    const police = await world.request(operator(), 'GET', `/api/admin/organisations/${world.org.police}`);
    expect(police.json().royalDecrees).toEqual([]);
    expect(
      (await auditEventsSince(world, before)).filter((e) => e.action === 'admin.royal_decree_recorded'),
    ).toEqual([expect.objectContaining({ outcome: 'denied' })]);

    const parquet = await recordDecree('parquet', {
      kind: 'judicial_data_prior_notice',
      reference: 'KB van 1 februari 2026',
      validFrom: '2026-02-01',
      validUntil: '2027-01-31',
    });
    expect(parquet).toEqual([
      expect.objectContaining({
        kind: 'judicial_data_prior_notice',
        validFrom: '2026-02-01',
        validUntil: '2027-01-31',
      }),
    ]);
    const shown = await world.request(operator(), 'GET', `/api/admin/organisations/${world.org.parquet}`);
    expect(shown.json().royalDecrees).toEqual(parquet);
    const recorded = (await auditEventsSince(world, before)).filter(
      (e) => e.action === 'admin.royal_decree_recorded' && e.outcome === 'success',
    );
    expect(recorded).toEqual([
      expect.objectContaining({
        records: [
          { type: 'organisation', id: world.org.parquet },
          { type: 'royal_decree', id: parquet[0]!.id },
        ],
      }),
    ]);
  });

  it('DAT-32 refuses the first category-9 item on a person until the prior written notice is recorded, then accepts it', async () => {
    const worker = await world.newcomer('socialWorker');
    await designate('cpas', worker, 'C09');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}`;

    // The task: on the person card of the CPAS, and in its dashboard list; the police, under no
    // such decree, see none.
    expect(person((await world.request(worker, 'GET', url)).json(), kase.subjectId)?.priorNotice).toEqual({
      due: true,
      sentOn: null,
      method: null,
    });
    expect(
      person((await world.request(world.people.policeOfficer, 'GET', url)).json(), kase.subjectId)
        ?.priorNotice,
    ).toBeNull();
    expect((await world.request(worker, 'GET', '/api/prior-notices')).json().due).toContainEqual({
      caseId: kase.id,
      organisationId: world.org.cpas,
      persons: 1,
    });
    expect((await world.request(world.people.policeOfficer, 'GET', '/api/prior-notices')).json().due).toEqual(
      [],
    );

    // Refused, naming the person, and nothing written or audited.
    const items = await rowCount(world, 'items');
    const position = await auditPosition(world);
    const refused = await world.request(worker, 'POST', `${url}/items`, judicialItem(kase.subjectId));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe('L1992 art. 8 §5 (SPEC DAT-32)');
    expect(refused.json().errors).toEqual([
      {
        field: '/body/personIds/0',
        message: 'record the prior written notice your organisation gave this person first',
      },
    ]);
    expect(await rowCount(world, 'items')).toBe(items);
    expect(await auditEventsSince(world, position)).toEqual([]);

    // A notice is recorded once it is sent, not before.
    const tomorrow = await world.request(worker, 'POST', `${url}/persons/${kase.subjectId}/prior-notices`, {
      sentOn: '2026-03-03',
      method: 'registered_letter',
    });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().errors).toEqual([expect.objectContaining({ field: '/body/sentOn' })]);
    const noticed = await world.request(worker, 'POST', `${url}/persons/${kase.subjectId}/prior-notices`, {
      sentOn: '2026-02-27',
      method: 'registered_letter',
    });
    expect(noticed.statusCode, noticed.body).toBe(201);
    expect(noticed.json()).toMatchObject({
      personId: kase.subjectId,
      organisationId: world.org.cpas,
      sentOn: '2026-02-27',
    });
    expect(await auditEventsSince(world, position)).toEqual([
      expect.objectContaining({
        action: 'record',
        outcome: 'success',
        caseId: kase.id,
        actor: expect.objectContaining({ userId: worker.actor.userId, organisationId: world.org.cpas }),
        records: [
          { type: 'prior_written_notice', id: noticed.json().id },
          { type: 'person', id: kase.subjectId, category: 1 },
        ],
      }),
    ]);
    // Row-level security, the second net: the notice is the CPAS's own, the police do not read it.
    const noticesSeenBy = (organisation: OrganisationName) =>
      world.db.appDb.transaction().execute(async (tx) => {
        await createAccessRepository().actFor(tx, worker.actor.userId, [world.org[organisation]]);
        return (
          await tx.selectFrom('prior_written_notices').select('id').where('case_id', '=', kase.id).execute()
        ).length;
      });
    expect(await noticesSeenBy('cpas')).toBe(1);
    expect(await noticesSeenBy('police')).toBe(0);
    const twice = await world.request(worker, 'POST', `${url}/persons/${kase.subjectId}/prior-notices`, {
      sentOn: '2026-02-28',
      method: 'hand_delivery',
    });
    expect(twice.statusCode).toBe(409);

    // The task is closed, and the item is accepted.
    expect(person((await world.request(worker, 'GET', url)).json(), kase.subjectId)?.priorNotice).toEqual({
      due: false,
      sentOn: '2026-02-27',
      method: 'registered_letter',
    });
    expect((await world.request(worker, 'GET', '/api/prior-notices')).json().due).not.toContainEqual(
      expect.objectContaining({ caseId: kase.id }),
    );
    const accepted = await world.request(worker, 'POST', `${url}/items`, judicialItem(kase.subjectId));
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('DAT-32 asks nothing of organisations without such a decree, and refuses editing an item into category 9 about a person not notified', async () => {
    const worker = await world.newcomer('socialWorker');
    await designate('cpas', worker, 'C09');
    const officer = await world.newcomer('policeOfficer');
    await designate('police', officer, 'C09');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['cpas'] });
    const url = `/api/cases/${kase.id}`;

    // The police record judicial data about the person without any notice (Title 2, art. 8 §2 a).
    const byPolice = await world.request(officer, 'POST', `${url}/items`, {
      ...judicialItem(kase.subjectId, 'Gekend voor slagen en verwondingen.'),
      special: {
        ground: 'a',
        justification: 'Verwerking onder toezicht van een openbare overheid (politie).',
      },
    });
    expect(byPolice.statusCode, byPolice.body).toBe(201);
    // The police have no notice to record, and none is recorded by them.
    const policeNotice = await world.request(
      world.people.policeOfficer,
      'POST',
      `${url}/persons/${kase.subjectId}/prior-notices`,
      {
        sentOn: '2026-03-01',
        method: 'letter',
      },
    );
    expect(policeNotice.statusCode).toBe(409);
    expect(policeNotice.json().rule).toBe('L1992 art. 8 §5 (SPEC DAT-32)');
    // An organisation outside the case does not learn the person exists.
    const outsider = await world.request(
      world.people.youthWorker,
      'POST',
      `${url}/persons/${kase.subjectId}/prior-notices`,
      {
        sentOn: '2026-03-01',
        method: 'letter',
      },
    );
    expect(outsider.statusCode).toBe(404);

    // The CPAS's risk item, edited into category 9, is refused as a new one would be.
    const risk = await world.request(worker, 'POST', `${url}/items`, {
      ...judicialItem(kase.subjectId, 'Signaal van dreigend gedrag.'),
      category: 'C11',
      special: undefined,
      details: undefined,
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const { provenance: _provenance, missionConfirmed: _mission, ...fields } = judicialItem(kase.subjectId);
    const edited = await world.request(worker, 'PUT', `${url}/items/${risk.json().id}`, {
      ...fields,
      reason: 'Het betreft een veroordeling: categorie 9.',
    });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().rule).toContain('L1992 art. 8 §5 (SPEC DAT-32)');
    expect((await world.request(worker, 'GET', url)).json().items).toContainEqual(
      expect.objectContaining({ id: risk.json().id, category: 'C11', version: 1 }),
    );
  });

  it('DAT-33 blocks category-15 entry by the association once its royal decree has expired, and hides its existing items', async () => {
    const worker = await world.newcomer('youthWorker');
    await designate('youth', worker, 'C15');
    const officer = await world.newcomer('policeOfficer');
    await designate('police', officer, 'C15');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['youth'] });
    const url = `/api/cases/${kase.id}`;

    // 23:30 in Brussels on 2 March 2026, the decree's last day: entry is accepted.
    world.clock.set('2026-03-02T22:30:00Z');
    let association = await freshSession(world, worker.actor.userId);
    let police = await freshSession(world, officer.actor.userId);
    const lastDay = await world.request(
      association,
      'POST',
      `${url}/items`,
      sexualBehaviourItem(kase.subjectId),
    );
    expect(lastDay.statusCode, lastDay.body).toBe(201);
    const itemId: string = lastDay.json().id;
    const byPolice = await world.request(
      police,
      'POST',
      `${url}/items`,
      sexualBehaviourItem(kase.subjectId, 'Bedreigt personen om hun geaardheid.'),
    );
    expect(byPolice.statusCode, byPolice.body).toBe(201);
    // The police ask for a copy of the association's item while it may be processed; it is approved.
    const transfer = await world.request(police, 'POST', `${url}/transfers`, {
      itemIds: [itemId],
      purpose: 'P1',
      justification: 'Nodig voor de opvolging van het risico in het eigen politiedossier.',
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    const transferId: string = transfer.json().id;
    const approved = await world.request(association, 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [{ itemId, decision: 'approved' }],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const attested = await world.request(police, 'POST', `/api/transfers/${transferId}/attestation`, {
      accessLimitedToParticipants: true,
    });
    expect(attested.statusCode, attested.body).toBe(200);

    // 00:30 in Brussels on 3 March: the decree has ended.
    world.clock.set('2026-03-02T23:30:00Z');
    association = await freshSession(world, worker.actor.userId);
    police = await freshSession(world, officer.actor.userId);
    const items = await rowCount(world, 'items');
    const position = await auditPosition(world);
    const refused = await world.request(
      association,
      'POST',
      `${url}/items`,
      sexualBehaviourItem(kase.subjectId, 'Nieuwe vaststelling.'),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe('L2007 art. 6 §3 (SPEC DAT-33)');
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: '/body/category' })]);
    expect(await rowCount(world, 'items')).toBe(items);
    expect(await auditEventsSince(world, position)).toEqual([]);

    // Its item is blocked for every reader, its controller and the designated police included.
    const blocked = { reason: 'authorisation_expired', at: '2026-03-02T23:00:00.000Z' };
    for (const reader of [association, police]) {
      const seen = (await world.request(reader, 'GET', url)).json().items as Record<string, unknown>[];
      expect(seen.find((i) => i.id === itemId)).toMatchObject({ blocked, content: null, attachments: [] });
      const versions = (await world.request(reader, 'GET', `${url}/items/${itemId}/versions`)).json()
        .versions;
      expect(versions.map((v: { content: string | null }) => v.content)).toEqual([null]);
    }
    const edited = await world.request(association, 'PUT', `${url}/items/${itemId}`, {
      ...sexualBehaviourItem(kase.subjectId, 'Aangepast.'),
      provenance: undefined,
      missionConfirmed: undefined,
      reason: 'Aanvulling na het gesprek.',
    });
    expect(edited.statusCode).toBe(409);
    expect(edited.json().rule).toBe('L2007 art. 6 §3 (SPEC DAT-33)');
    // It leaves in no export, and no new request takes it.
    const exported = await world.request(police, 'GET', `/api/transfers/${transferId}/export/json`);
    expect(exported.statusCode).toBe(409);
    expect(exported.body).not.toContain('behandeling');
    expect(
      (await world.request(police, 'GET', `/api/transfers/${transferId}`)).json().items[0].content,
    ).toBeNull();
    const again = await world.request(police, 'POST', `${url}/transfers`, {
      itemIds: [itemId],
      purpose: 'P1',
      justification: 'Nodig voor de opvolging van het risico in het eigen politiedossier.',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toContain('is blocked');

    // The police hold no such decree: their own category-15 items and entries are untouched.
    const policeSeen = (await world.request(police, 'GET', url)).json().items as Record<string, unknown>[];
    expect(policeSeen.find((i) => i.id === byPolice.json().id)).toMatchObject({
      blocked: null,
      content: 'Bedreigt personen om hun geaardheid.',
    });
    expect(
      (
        await world.request(
          police,
          'POST',
          `${url}/items`,
          sexualBehaviourItem(kase.subjectId, 'Nieuw feit.'),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('DAT-33 keeps an ended decree as it was: the operator cannot extend it, and only a recorded renewal lets the association process again', async () => {
    const worker = await world.newcomer('youthWorker');
    await designate('youth', worker, 'C15');
    const kase = await newCase(world, { items: 0, to: 'accepted', admit: ['youth'] });
    const url = `/api/cases/${kase.id}`;
    const added = await world.request(worker, 'POST', `${url}/items`, sexualBehaviourItem(kase.subjectId));
    expect(added.statusCode, added.body).toBe(201);

    world.clock.set('2026-03-10T09:00:00Z');
    const operatorNow = await freshSession(world, operator().actor.userId);
    const position = await auditPosition(world);
    const extended = await world.request(
      operatorNow,
      'PATCH',
      `${decreesUrl('youth')}/${associationDecreeId}`,
      {
        validUntil: '2026-12-31',
      },
    );
    expect(extended.statusCode).toBe(409);
    expect(extended.json().rule).toBe('L2007 art. 6 §3 (SPEC DAT-33)');
    const youth = (
      await world.request(operatorNow, 'GET', `/api/admin/organisations/${world.org.youth}`)
    ).json();
    expect(youth.royalDecrees).toEqual([
      expect.objectContaining({ id: associationDecreeId, validUntil: '2026-03-02' }),
    ]);
    expect(
      (await auditEventsSince(world, position)).some((e) => e.action === 'admin.royal_decree_changed'),
    ).toBe(false);

    // A running decree is corrected, the change named in the audit log.
    const corrected = await world.request(operatorNow, 'PATCH', `${decreesUrl('cpas')}/${cpasDecreeId}`, {
      validUntil: '2030-12-31',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().royalDecrees).toEqual([
      expect.objectContaining({ id: cpasDecreeId, validUntil: '2030-12-31' }),
    ]);
    expect(
      (await auditEventsSince(world, position)).filter((e) => e.action === 'admin.royal_decree_changed'),
    ).toEqual([
      expect.objectContaining({
        outcome: 'success',
        records: [
          { type: 'organisation', id: world.org.cpas },
          { type: 'royal_decree', id: cpasDecreeId },
          { type: 'changed_field', id: 'validUntil' },
        ],
      }),
    ]);

    // The renewal is a decree of its own, recorded by the operator: the association's items open again.
    let association = await freshSession(world, worker.actor.userId);
    const before = (await world.request(association, 'GET', url)).json().items[0];
    expect(before).toMatchObject({
      id: added.json().id,
      blocked: { reason: 'authorisation_expired' },
      content: null,
    });
    const renewal = await world.request(operatorNow, 'POST', decreesUrl('youth'), {
      kind: 'sex_life_treatment',
      reference: 'AR du 9 mars 2026 (MB 2026-03-09)',
      validFrom: '2026-03-10',
      validUntil: '2027-03-09',
    });
    expect(renewal.statusCode, renewal.body).toBe(201);
    association = await freshSession(world, worker.actor.userId);
    expect((await world.request(association, 'GET', url)).json().items[0]).toMatchObject({
      id: added.json().id,
      blocked: null,
      content: 'Volgt een behandeling voor grensoverschrijdend seksueel gedrag.',
    });
  });
});
