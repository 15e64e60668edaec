/**
 * The right to information over HTTP on a real database (L2007 art. 9; L1992 arts 4 and 9; SPEC
 * RGT-INF-01..07, RGT-IND-01): every person a controller records opens its obligation in the same
 * transaction; it is due that day, or at the latest at the first communication to a third party,
 * which then waits for it; it is closed as informed or exempted by a named member, and the DPO
 * reviews the exemptions; the notice is generated per controller and language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { newCase, riskItem } from '../support/case-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const DAY_MS = 86_400_000;
const today = () => world.clock.now().toISOString().slice(0, 10);

interface Obligation {
  id: string;
  personId: string;
  personRole: string;
  status: string;
  dueOn: string | null;
  dueAtFirstDisclosure: boolean;
  overdue: boolean;
  informed: { noticeVersion: string; informedOn: string; channel: string; by: string } | null;
  exemption: {
    ground: string;
    legalReference: string | null;
    justification: string;
    decidedBy: string;
  } | null;
  allowedActions: string[];
}

async function obligations(who: Signed, query: string): Promise<Obligation[]> {
  const res = await world.request(who, 'GET', `/api/information-obligations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().obligations;
}

async function obligationOf(caseId: string, personId: string): Promise<Obligation> {
  const found = (await obligations(world.people.policeOfficer, `caseId=${caseId}`)).find(
    (o) => o.personId === personId,
  );
  expect(found).toBeDefined();
  return found!;
}

async function addPerson(caseId: string, body: Record<string, unknown>) {
  return world.request(world.people.policeOfficer, 'POST', `/api/cases/${caseId}/persons`, body);
}

const CONTACT = (subjectId: string, information?: Record<string, unknown>) => ({
  role: 'relation',
  subjectIds: [subjectId],
  necessity: 'De partner is het mogelijke slachtoffer.',
  identity: { surname: 'Dewaele', firstNames: 'Sofie' },
  ...(information && { information }),
});

describe('the information obligation (L2007 art. 9)', () => {
  it('RGT-INF-02 DAT-17 adding a subject and a contact opens an obligation each, due the same day', async () => {
    const kase = await newCase(world, { items: 0 });
    const contact = await addPerson(kase.id, CONTACT(kase.subjectId));
    expect(contact.statusCode, contact.body).toBe(201);
    const list = (await obligations(world.people.policeOfficer, `caseId=${kase.id}`)).sort((x, y) =>
      y.personRole.localeCompare(x.personRole),
    );
    expect(list.map((o) => [o.personRole, o.status, o.dueOn, o.overdue])).toEqual([
      ['subject', 'open', today(), false],
      ['relation', 'open', today(), false],
    ]);
    expect(list[1]!.allowedActions).toEqual(['close', 'envisage_disclosure', 'notice']);
    // Another organisation sees none of the police's obligations.
    expect(await obligations(world.people.socialWorker, 'filter=all')).toEqual([]);
  });

  it('RGT-INF-02 with a disclosure to a third party envisaged, the signal waits until the obligation is closed', async () => {
    const kase = await newCase(world, { items: 1 });
    const contact = await addPerson(
      kase.id,
      CONTACT(kase.subjectId, { collection: 'not_from_subject', disclosureEnvisaged: true }),
    );
    expect(contact.statusCode, contact.body).toBe(201);
    const contactId: string = contact.json().id;
    const waiting = await obligationOf(kase.id, contactId);
    expect([waiting.dueOn, waiting.dueAtFirstDisclosure]).toEqual([null, true]);
    // Recorded for the subject afterwards, through its own route.
    const subject = await obligationOf(kase.id, kase.subjectId);
    const envisaged = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/information-obligations/${subject.id}/disclosure-envisaged`,
    );
    expect(envisaged.statusCode, envisaged.body).toBe(200);

    const signal = () =>
      world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/signal`, {
        selection: { personIds: [kase.subjectId, contactId], itemIds: kase.itemIds },
        necessityConfirmed: true,
      });
    const refused = await signal();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().rule).toContain('L2007 art. 9 §2 al. 1');

    const informed = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/information-obligations/${subject.id}/informed`,
      {
        noticeVersion: 'inf-1-nl-0123456789ab',
        informedOn: today(),
        channel: 'letter',
      },
    );
    expect(informed.statusCode, informed.body).toBe(200);
    expect((await signal()).statusCode).toBe(409);
    const exempted = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/information-obligations/${waiting.id}/exemption`,
      {
        ground: 'legal_provision',
        justification: 'De mededeling aan het overleg past artikel 458ter Sw. toe.',
        legalReference: 'Strafwetboek art. 458ter',
      },
    );
    expect(exempted.statusCode, exempted.body).toBe(200);
    const signalled = await signal();
    expect(signalled.statusCode, signalled.body).toBe(200);
  });

  it('RGT-INF-01 a person collected from the data subject needs the notice-delivered confirmation and date', async () => {
    const kase = await newCase(world, { items: 0 });
    const refused = await addPerson(kase.id, CONTACT(kase.subjectId, { collection: 'from_subject' }));
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .errors.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual([
      '/body/information/channel',
      '/body/information/noticeDelivered',
      '/body/information/noticeDeliveredOn',
      '/body/information/noticeVersion',
    ]);
    const created = await addPerson(
      kase.id,
      CONTACT(kase.subjectId, {
        collection: 'from_subject',
        noticeDelivered: true,
        noticeDeliveredOn: today(),
        channel: 'hand_delivery',
        noticeVersion: 'inf-1-nl-0123456789ab',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const obligation = await obligationOf(kase.id, created.json().id);
    expect(obligation.status).toBe('informed');
    expect(obligation.informed).toMatchObject({
      noticeVersion: 'inf-1-nl-0123456789ab',
      informedOn: today(),
      channel: 'hand_delivery',
      by: 'Karel Wouters',
    });
  });

  it('RGT-INF-01 closing as informed records the notice version, date, channel and the named user; it stays closed', async () => {
    const kase = await newCase(world, { items: 0 });
    const obligation = await obligationOf(kase.id, kase.subjectId);
    const notice = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations/${obligation.id}/notice/json?language=nl`,
    );
    const version: string = notice.json().version;
    const close = (informedOn: string) =>
      world.request(
        world.people.policeOfficer,
        'POST',
        `/api/information-obligations/${obligation.id}/informed`,
        {
          noticeVersion: version,
          informedOn,
          channel: 'registered_letter',
        },
      );
    const future = await close('2099-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('/body/informedOn');
    const closed = await close(today());
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'informed',
      informed: {
        noticeVersion: version,
        informedOn: today(),
        channel: 'registered_letter',
        by: 'Karel Wouters',
      },
    });
    expect((await close(today())).statusCode).toBe(409);
  });

  it('RGT-INF-03 RGT-INF-06 closing as exempted needs the ground and its legal reference; the DPO lists every exemption', async () => {
    const kase = await newCase(world, { items: 0 });
    const obligation = await obligationOf(kase.id, kase.subjectId);
    const exempt = (body: Record<string, unknown>) =>
      world.request(
        world.people.policeOfficer,
        'POST',
        `/api/information-obligations/${obligation.id}/exemption`,
        body,
      );
    const justification = 'Informeren zou de bescherming van de partner in gevaar brengen.';
    expect((await exempt({ justification })).statusCode).toBe(400);
    for (const ground of ['legal_provision', 'collective_information']) {
      const refused = await exempt({ ground, justification });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('/body/legalReference');
    }
    const collective = await exempt({
      ground: 'collective_information',
      justification,
      legalReference: 'KB 13 februari 2001, art. 3',
    });
    expect(collective.statusCode, collective.body).toBe(200);
    const review = await obligations(world.people.policeDpo, 'filter=exempted');
    expect(review.find((o) => o.id === obligation.id)?.exemption).toEqual({
      ground: 'collective_information',
      legalReference: 'KB 13 februari 2001, art. 3',
      justification,
      decidedBy: 'Karel Wouters',
      decidedAt: expect.any(String),
    });
    // The DPO reviews; deciding is the controller's members'.
    const other = await newCase(world, { items: 0 });
    const byDpo = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/information-obligations/${(await obligationOf(other.id, other.subjectId)).id}/exemption`,
      { ground: 'impossible_or_disproportionate', justification },
    );
    expect(byDpo.statusCode).toBe(403);
  });

  it('RGT-INF-01 RGT-INF-05 PUR-07 ADM-03 the notice names the controller, purposes, legal basis, host and register, in four languages, as JSON and PDF', async () => {
    const kase = await newCase(world, { items: 1 });
    const obligation = await obligationOf(kase.id, kase.subjectId);
    const url = (format: string, language: string) =>
      `/api/information-obligations/${obligation.id}/notice/${format}?language=${language}`;
    const versions = new Set<string>();
    for (const language of ['fr', 'nl', 'de', 'en']) {
      const res = await world.request(world.people.policeOfficer, 'GET', url('json', language));
      expect(res.statusCode, res.body).toBe(200);
      const notice = res.json();
      versions.add(notice.version);
      expect(notice.language).toBe(language);
      expect(notice.controller.legalName).toBe('Politiezone Gent');
      expect(notice.controller.address).not.toBe('');
      expect(notice.purposes.map((p: { code: string }) => p.code)).toEqual(['P1']);
      expect(notice.categories.map((c: { code: string }) => c.code)).toEqual(['C01', 'C11']);
      expect(notice.legalBasis.framework).not.toBe('');
      expect(notice.processor.legalName).not.toBe('');
      expect(notice.publicRegister.reference).toBeNull();
      expect(notice.directMarketing).not.toBe('');
      expect(notice.automatedDecisions).toContain('12bis');
    }
    expect(versions.size).toBe(4);
    const pdf = await world.request(world.people.policeOfficer, 'GET', url('pdf', 'fr'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const expected of [
      'Responsable du traitement',
      'Politiezone Gent',
      'Finalités',
      'Base légale',
      'direct marketing',
      'Registre public',
      '12bis',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('RGT-IND-01 SCO-15 a controller under the police or intelligence regime opens an indirect-regime obligation, with no notice', async () => {
    const kase = await newCase(world, { items: 0 });
    await world.db.adminDb
      .updateTable('organisations')
      .set({ dp_regime: 'law2018_title3' })
      .where('id', '=', world.org.police)
      .execute();
    try {
      const contact = await addPerson(kase.id, CONTACT(kase.subjectId));
      expect(contact.statusCode, contact.body).toBe(201);
      const obligation = await obligationOf(kase.id, contact.json().id);
      expect([obligation.status, obligation.overdue, obligation.allowedActions]).toEqual([
        'indirect_regime',
        false,
        [],
      ]);
      const notice = await world.request(
        world.people.policeOfficer,
        'GET',
        `/api/information-obligations/${obligation.id}/notice/json`,
      );
      expect(notice.statusCode).toBe(409);
      expect(notice.json().rule).toContain('art. 3 §4-§5');
    } finally {
      await world.db.adminDb
        .updateTable('organisations')
        .set({ dp_regime: 'law2018_title2' })
        .where('id', '=', world.org.police)
        .execute();
    }
  });

  it('RGT-INF-02 the obligation is opened in the transaction of the person: a refused person leaves none', async () => {
    const kase = await newCase(world, { items: 0 });
    const before = await obligations(world.people.policeOfficer, `caseId=${kase.id}`);
    const refused = await addPerson(kase.id, { ...CONTACT(kase.subjectId), necessity: undefined });
    expect(refused.statusCode).toBe(400);
    expect(await obligations(world.people.policeOfficer, `caseId=${kase.id}`)).toEqual(before);
    const item = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/items`,
      riskItem(kase.subjectId),
    );
    expect(item.statusCode).toBe(201);
  });

  it('RGT-INF-07 an active bill art. 7 restriction covering information suspends the notice and shows the status restricted', async () => {
    const kase = await newCase(world, { items: 1 });
    const obligation = await obligationOf(kase.id, kase.subjectId);
    // The prosecutor's restriction, as the restrictions module records it (tested there).
    const restriction = await world.db.adminDb
      .insertInto('restrictions' as never)
      .values({
        case_id: kase.id,
        person_id: kase.subjectId,
        organisation_id: world.org.parquet,
        scope: 'person',
        rights: ['information'],
        grounds: ['R1'],
        justification: Buffer.from('fixture'),
        starts_on: today(),
        review_on: today(),
        created_by: world.people.prosecutor.actor.userId,
        created_at: world.clock.now(),
        updated_at: world.clock.now(),
      } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    const restricted = await obligationOf(kase.id, kase.subjectId);
    expect([restricted.status, restricted.overdue, restricted.allowedActions]).toEqual([
      'restricted',
      false,
      [],
    ]);
    expect((restricted as unknown as { restrictionId: string }).restrictionId).toBe(
      (restriction as { id: string }).id,
    );
    const notice = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations/${obligation.id}/notice/pdf`,
    );
    expect(notice.statusCode).toBe(409);
    expect(notice.json().rule).toContain('bill art. 7');
  });

  // Last: moving the clock by a day ends the world's sessions; fresh ones are opened after the move.
  it('RGT-INF-02 an obligation still open the day after its recording is overdue, for the members and the DPO; one due at the first disclosure is not', async () => {
    const kase = await newCase(world, { items: 0 });
    const contact = await addPerson(
      kase.id,
      CONTACT(kase.subjectId, { collection: 'not_from_subject', disclosureEnvisaged: true }),
    );
    const [subject, waiting] = [
      await obligationOf(kase.id, kase.subjectId),
      await obligationOf(kase.id, contact.json().id),
    ];
    expect(subject.overdue).toBe(false);
    world.clock.advanceMs(DAY_MS);
    const police = await world.extraSession('policeOfficer');
    const overdue = await obligations(police, 'filter=overdue');
    expect(overdue.map((o) => o.id)).toContain(subject.id);
    expect(overdue.map((o) => o.id)).not.toContain(waiting.id);
    expect(overdue.every((o) => o.overdue && o.status === 'open')).toBe(true);
    // The DPO sees the same list for the dashboard, without acting on it.
    const dpo = await obligations(await world.extraSession('policeDpo'), 'filter=overdue');
    expect(dpo.map((o) => o.id)).toContain(subject.id);
    expect(dpo.map((o) => o.id)).not.toContain(waiting.id);
    expect(dpo.every((o) => o.allowedActions.length === 0)).toBe(true);
  });
});
