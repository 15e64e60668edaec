/**
 * The register number of a declared processing (L2007/L1992 art. 18; SPEC DCL-24, DCL-25,
 * RGT-INF-05): recorded by the DPO, shown on the framework page and the public register without a
 * session, and printed in the footer of every page of the documents that materialise the
 * processing's use: the declaration, the public register sheet, the information notice, the access
 * answer, the reply letter and the own-file export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { getIn } from '../support/consultation-steps.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { intake, verified } from '../support/rights-steps.js';

let world: AccessWorld;
let kase: TestCase;
const POLICE_NUMBER = 'VT-005-2026-000123';
const CPAS_NUMBER = 'VT-005-2026-000456';

/** The declaration of `organisation` covering the world's framework (the fixture's). */
async function declarationOf(organisation: 'police' | 'cpas'): Promise<{ id: string; versionId: string }> {
  return world.db.adminDb
    .selectFrom('declarations as d')
    .innerJoin('declaration_frameworks as m', 'm.declaration_id', 'd.id')
    .innerJoin('declaration_versions as v', 'v.declaration_id', 'd.id')
    .select(['d.id', 'v.id as versionId'])
    .where('d.organisation_id', '=', world.org[organisation])
    .where('m.framework_id', '=', world.frameworkId)
    .executeTakeFirstOrThrow();
}

/** Every page of `pdf` carries `number` (its footer, SPEC DCL-25). */
function everyPageCarries(pdf: Buffer, number: string): void {
  const pages = pdfPageTexts(pdf);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(page).toContain(number);
}

beforeAll(async () => {
  world = await createAccessWorld();
  for (const [dpo, organisation, number] of [
    [world.people.policeDpo, 'police', POLICE_NUMBER],
    [world.people.cpasDpo, 'cpas', CPAS_NUMBER],
  ] as const) {
    const { id } = await declarationOf(organisation);
    const set = await world.request(dpo, 'PUT', `/api/declarations/${id}/register-number`, {
      registerNumber: number,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().registerNumber).toBe(number);
  }
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

describe('the register number of a declared processing', () => {
  it('DCL-24 is shown on the framework page, to the operator and the parties, and refused to a second declaration', async () => {
    for (const who of [world.people.operator, world.people.coordinator, world.people.socialWorker]) {
      const res = await world.request(who, 'GET', `/api/frameworks/${world.frameworkId}/declarations`);
      expect(res.statusCode, res.body).toBe(200);
      const parties = res.json().parties as {
        organisation: { id: string };
        declared: boolean;
        registerNumber: string | null;
      }[];
      expect(parties.find((p) => p.organisation.id === world.org.police)).toMatchObject({
        declared: true,
        registerNumber: POLICE_NUMBER,
      });
      expect(parties.every((p) => p.declared)).toBe(true);
    }
    // A DPO sees no framework page; an organisation outside the framework may not learn it exists.
    expect(
      (
        await world.request(
          world.people.policeDpo,
          'GET',
          `/api/frameworks/${world.frameworkId}/declarations`,
        )
      ).statusCode,
    ).toBe(404);
    const { id } = await declarationOf('cpas');
    const taken = await world.request(
      world.people.cpasDpo,
      'PUT',
      `/api/declarations/${id}/register-number`,
      {
        registerNumber: POLICE_NUMBER,
      },
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors).toEqual([
      { field: '/body/registerNumber', message: 'is the number of another declaration' },
    ]);
  });

  it('DCL-24 the public register shows the declared processings with their numbers and no personal data, without a session', async () => {
    const res = await world.request(null, 'GET', '/api/public/register');
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().entries as {
      registerNumber: string | null;
      content: { sections: { controller: { legalName: string } } };
    }[];
    expect(
      entries.find((e) => e.registerNumber === POLICE_NUMBER)?.content.sections.controller.legalName,
    ).toBe('Politiezone Gent');
    // No DPO, user or person: the names and contacts of the world's DPOs and users are nowhere.
    for (const text of [
      'Koen Verbeke',
      'dpo@parket.example',
      'Sofie Janssens',
      'An Peeters',
      'Karel Wouters',
      'Dewaele',
    ]) {
      expect(res.body).not.toContain(text);
    }
    const { id } = await declarationOf('police');
    const pdf = await world.request(null, 'GET', `/api/public/register/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    everyPageCarries(pdf.rawPayload, POLICE_NUMBER);
    expect((await world.request(null, 'GET', `/api/public/register/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
    const bad = await world.request(null, 'GET', '/api/public/register/not-an-id');
    expect(bad.statusCode).toBe(400);
  });

  it('DCL-25 the declaration as submitted carries the register number in the footer of every page', async () => {
    const { id, versionId } = await declarationOf('police');
    const pdf = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/declarations/${id}/versions/${versionId}/document?format=pdf`,
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    everyPageCarries(pdf.rawPayload, POLICE_NUMBER);
    const json = await world.request(
      world.people.policeDpo,
      'GET',
      `/api/declarations/${id}/versions/${versionId}/document`,
    );
    expect(json.json().sections.controller.legalName).toBe('Politiezone Gent');
  });

  it('RGT-INF-05 DCL-25 the information notice names the register number, and its PDF carries it on every page', async () => {
    const obligation = await world.db.adminDb
      .selectFrom('information_obligations')
      .select('id')
      .where('person_id', '=', kase.subjectId)
      .executeTakeFirstOrThrow();
    const json = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations/${obligation.id}/notice/json?language=nl`,
    );
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().publicRegister).toEqual({ reference: POLICE_NUMBER, text: POLICE_NUMBER });
    const pdf = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/information-obligations/${obligation.id}/notice/pdf?language=fr`,
    );
    expect(pdf.statusCode).toBe(200);
    everyPageCarries(pdf.rawPayload, POLICE_NUMBER);
  });

  it('DCL-25 the access answer and the reply letter of the controller carry its register number on every page', async () => {
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Budgetbegeleiding gestart.'),
      category: 'C06',
    });
    expect(added.statusCode, added.body).toBe(201);
    const receipt = await intake(world, world.people.cpasDpo);
    await verified(world, world.people.cpasDpo, receipt.requestId);
    const answer = await world.request(
      world.people.cpasDpo,
      'GET',
      `/api/rights-parts/${receipt.ownPart.id}/access-answer?format=pdf`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    everyPageCarries(answer.rawPayload, CPAS_NUMBER);
    const answered = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/rights-parts/${receipt.ownPart.id}/answer`,
      {
        outcome: 'answered',
      },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    const letter = await world.request(
      world.people.cpasDpo,
      'GET',
      `/api/rights-parts/${receipt.ownPart.id}/reply?format=pdf`,
    );
    expect(letter.statusCode, letter.body).toBe(200);
    everyPageCarries(letter.rawPayload, CPAS_NUMBER);
  });

  it('DCL-25 the own-file export carries the register numbers of the controller and of the requester on every page', async () => {
    const requested = await world.request(
      world.people.socialWorker,
      'POST',
      `/api/cases/${kase.id}/transfers`,
      {
        itemIds: [kase.itemIds[0]],
        purpose: 'P1',
        justification: 'Het OCMW moet de begeleiding in het eigen sociaal dossier motiveren.',
      },
    );
    expect(requested.statusCode, requested.body).toBe(201);
    const transferId: string = requested.json().id;
    const decided = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/transfers/${transferId}/decisions`,
      {
        decisions: [{ itemId: kase.itemIds[0], decision: 'approved' }],
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const attested = await world.request(
      world.people.socialWorker,
      'POST',
      `/api/transfers/${transferId}/attestation`,
      {
        accessLimitedToParticipants: true,
      },
    );
    expect(attested.statusCode, attested.body).toBe(200);
    const pdf = await getIn(
      world,
      world.people.socialWorker,
      `/api/transfers/${transferId}/export/pdf`,
      'nl',
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    everyPageCarries(pdf.rawPayload, POLICE_NUMBER);
    everyPageCarries(pdf.rawPayload, CPAS_NUMBER);
  });
});
