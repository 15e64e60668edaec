/**
 * Restrictions by the procureur du Roi over HTTP on a real database (bill art. 7; SPEC
 * RGT-RST-01..10, RGT-JUD-02): only a prosecutor of the office that authorised the consultation
 * restricts, only non-judicial data; the grounds are printed in FR/NL/EN with both legal bases;
 * other readers see a neutral flag; the review date reminds, then escalates, never lifts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTRICTION_GROUNDS } from '../../src/server/kernel/legal-rules/index.js';
import { activeRestrictions } from '../../src/server/modules/restrictions/active-restrictions.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import { completeFramework } from '../support/consultation-steps.js';
import { freshSession } from '../support/item-steps.js';
import { authorisedFrameworkOf } from '../support/rights-steps.js';

let world: AccessWorld;
let authorisedFramework: string;

const START = '2026-03-02T09:00:00Z';
const JUSTIFICATION =
  'Het gezin is betrokken in een lopend strafonderzoek naar mensenhandel; informeren zou dat onderzoek schaden.';

/** An accepted case under the parquet's authorisation, the parquet and the CPAS admitted. */
const authorisedCase = (): Promise<TestCase> =>
  newCase(world, { items: 2, to: 'accepted', admit: ['parquet', 'cpas'], frameworkId: authorisedFramework });

function restriction(kase: TestCase, changes: Record<string, unknown> = {}) {
  return {
    caseId: kase.id,
    personId: kase.subjectId,
    scope: 'person',
    rights: ['information', 'deletion'],
    grounds: ['R1'],
    justification: JUSTIFICATION,
    ...changes,
  };
}

beforeAll(async () => {
  world = await createAccessWorld();
  authorisedFramework = await authorisedFrameworkOf(world, world.org.parquet);
});
afterAll(async () => {
  await world?.close();
});

describe('restrictions by the procureur du Roi (bill art. 7)', () => {
  it('RGT-RST-01 RGT-JUD-02 only a prosecutor of the authorising office restricts, only in an authorised case, only non-judicial items, each refusal naming its precondition', async () => {
    const { prosecutor, policeOfficer } = world.people;
    // The framework names a prosecutor's office: a police zone cannot authorise.
    const byPolice = await world.request(world.people.operator, 'POST', '/api/frameworks', {
      ...completeFramework(world, { basisKind: 'prosecutor_authorisation', basisCitation: null }),
      authorisingOrganisationId: world.org.police,
    });
    expect(byPolice.statusCode).toBe(400);
    expect(byPolice.json().errors.map((f: { field: string }) => f.field)).toEqual([
      '/body/authorisingOrganisationId',
    ]);

    const decreeCase = await newCase(world, { items: 1, to: 'accepted', admit: ['parquet'] });
    const onDecree = await world.request(prosecutor, 'POST', '/api/restrictions', restriction(decreeCase));
    expect(onDecree.statusCode).toBe(409);
    expect(onDecree.json()).toMatchObject({
      rule: expect.stringContaining('bill art. 7 al. 1'),
      detail: expect.stringContaining('motivated authorisation'),
    });

    const kase = await authorisedCase();
    const byOfficer = await world.request(policeOfficer, 'POST', '/api/restrictions', restriction(kase));
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().detail).toContain('prosecutor role');

    // Another parquet's framework: the parquet sees the case but did not authorise it.
    const otherOffice = await world.request(world.people.operator, 'POST', '/api/admin/organisations', {
      kind: 'judicial_authority',
      dpRegime: 'law2018_title2',
      legalMission: { basis: 'law2018_arts33_34', citation: 'Code of Criminal Procedure, art. 22' },
      lawfulGround: 'c',
      legalName: 'Parket van de procureur des Konings West-Vlaanderen',
      address: 'Kazernevest 3, 8000 Brugge',
      enterpriseNumber: '0201.611.233',
      establishmentCountry: 'BE',
      rightsContact: 'privacy@parket-wvl.example',
      complianceOwner: 'Ann Claeys',
      dpo: { name: 'Wim Peeters', contact: 'dpo@parket-wvl.example' },
    });
    expect(otherOffice.statusCode, otherOffice.body).toBe(201);
    const elsewhere = await newCase(world, {
      items: 1,
      to: 'accepted',
      admit: ['parquet'],
      frameworkId: await authorisedFrameworkOf(world, otherOffice.json().id),
    });
    const notTheOffice = await world.request(prosecutor, 'POST', '/api/restrictions', restriction(elsewhere));
    expect(notTheOffice.statusCode).toBe(403);
    expect(notTheOffice.json().detail).toContain('office that authorised');

    // bill art. 6: a judicial item follows the judicial procedure; art. 7 is not available for it.
    await world.db.adminDb
      .updateTable('items')
      .set({ judicial: true })
      .where('id', '=', kase.itemIds[1]!)
      .execute();
    const judicial = await world.request(
      prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { scope: 'items', itemIds: kase.itemIds }),
    );
    expect(judicial.statusCode).toBe(400);
    expect(judicial.json()).toMatchObject({
      errors: [{ field: '/body/itemIds/1', message: expect.stringContaining('bill art. 6') }],
      rule: expect.stringContaining('RGT-JUD-02'),
    });

    // RST-07: a justification of substance and a review date within the legal period.
    const thin = await world.request(
      prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { justification: 'Nodig.', reviewOn: '2027-03-03' }),
    );
    expect(thin.statusCode).toBe(400);
    expect(thin.json().errors.map((f: { field: string }) => f.field)).toEqual([
      '/body/justification',
      '/body/reviewOn',
    ]);
    expect(thin.json().errors[1].message).toContain('2027-03-02');
    const none = await world.request(
      prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { grounds: [] }),
    );
    expect(none.statusCode).toBe(400);

    const created = await world.request(
      prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { scope: 'items', itemIds: [kase.itemIds[0]] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      office: { id: world.org.parquet },
      itemIds: [kase.itemIds[0]],
      startsOn: '2026-03-02',
      reviewOn: '2027-03-02',
      active: true,
      justification: JUSTIFICATION,
    });
  });

  it('RGT-RST-02 RGT-RST-03 RGT-RST-04 RGT-RST-05 RGT-RST-06 RGT-RST-10 the report prints every ground in FR, NL and EN and both legal bases', async () => {
    const kase = await authorisedCase();
    const created = await world.request(
      world.people.prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { grounds: ['R5', 'R3', 'R1', 'R4', 'R2'], law2018Art14: true }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const report = await world.request(
      world.people.prosecutor,
      'GET',
      `/api/restrictions/${created.json().id}/report`,
    );
    expect(report.statusCode, report.body).toBe(200);
    const { restriction: printed } = report.json();
    expect(printed.grounds).toEqual(
      RESTRICTION_GROUNDS.map((ground) => ({
        code: ground.code,
        rule: ground.rule,
        label: { ...ground.label },
      })),
    );
    expect(printed.grounds[2].label).toEqual({
      fr: 'protéger la sécurité publique',
      nl: 'de openbare veiligheid te beschermen',
      en: 'protect public security',
    });
    expect(printed.legalBases.map((basis: { code: string }) => basis.code)).toEqual([
      'bill_art7',
      'law_2018_art14',
    ]);
    expect(printed.legalBases[1].citation).toContain('Law of 30 July 2018');
    expect(printed.legalBases[1].citation).toContain('art. 14');
  });

  it('RGT-RST-08 RGT-JUD-02 other controllers see only the neutral flag on covered items; the office is named to route requests; a judicial item is never covered', async () => {
    const { prosecutor, policeOfficer, socialWorker } = world.people;
    const kase = await authorisedCase();
    const created = await world.request(
      prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { rights: ['correction', 'deletion'] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;

    const flags = await world.request(socialWorker, 'GET', `/api/restrictions/cases/${kase.id}/flags`);
    expect(flags.statusCode, flags.body).toBe(200);
    expect(flags.json().flags).toEqual(
      [...kase.itemIds]
        .sort()
        .map((itemId) => ({ itemId, label: 'restriction art. 7', rights: ['correction', 'deletion'] })),
    );
    expect(flags.body).not.toMatch(/R1|grounds|mensenhandel/);
    for (const who of [policeOfficer, socialWorker]) {
      expect((await world.request(who, 'GET', `/api/restrictions/${id}`)).statusCode).toBe(403);
    }
    expect(
      (await world.request(world.people.youthWorker, 'GET', `/api/restrictions/cases/${kase.id}/flags`))
        .statusCode,
    ).toBe(404);

    const covered = await world.db.appDb
      .transaction()
      .execute((tx) => activeRestrictions(tx, kase.itemIds, world.clock.now()));
    expect(covered.get(kase.itemIds[0]!)).toEqual({
      restrictionId: id,
      rights: ['correction', 'deletion'],
      organisationId: world.org.parquet,
    });
    // Flagged judicial (bill art. 6), the item leaves art. 7.
    await world.db.adminDb
      .updateTable('items')
      .set({ judicial: true })
      .where('id', '=', kase.itemIds[1]!)
      .execute();
    const after = await world.db.appDb
      .transaction()
      .execute((tx) => activeRestrictions(tx, kase.itemIds, world.clock.now()));
    expect([...after.keys()]).toEqual([kase.itemIds[0]]);
    // Before its start, nothing is covered.
    const before = await world.db.appDb
      .transaction()
      .execute((tx) => activeRestrictions(tx, kase.itemIds, new Date('2026-03-01T12:00:00Z')));
    expect(before.size).toBe(0);
  });

  it('RGT-RST-07 the review date reminds the office, a missed review escalates without lifting, and confirm, narrow and lift are audited', async () => {
    const kase = await authorisedCase();
    const created = await world.request(
      world.people.prosecutor,
      'POST',
      '/api/restrictions',
      restriction(kase, { rights: ['information', 'correction', 'deletion'] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const reminders = () =>
      world.db.adminDb
        .selectFrom('notifications')
        .select(['created_at', 'acknowledged_at'])
        .where('kind', '=', 'restriction_review_due')
        .where('subject_id', '=', id)
        .execute();
    try {
      world.clock.set('2027-03-01T12:00:00Z');
      let prosecutor = await freshSession(world, world.people.prosecutor.actor.userId);
      let listed = (await world.request(prosecutor, 'GET', '/api/restrictions'))
        .json()
        .restrictions.find((r: { id: string }) => r.id === id);
      expect(listed).toMatchObject({ reviewDue: false, escalated: false, justification: null });
      expect(await reminders()).toHaveLength(0);

      world.clock.set('2027-03-02T07:00:00Z');
      prosecutor = await freshSession(world, world.people.prosecutor.actor.userId);
      listed = (await world.request(prosecutor, 'GET', '/api/restrictions'))
        .json()
        .restrictions.find((r: { id: string }) => r.id === id);
      expect(listed).toMatchObject({ reviewDue: true, escalated: false, active: true });
      expect((await reminders()).map((r) => new Date(r.created_at).toISOString())).toEqual([
        '2027-03-01T23:00:00.000Z',
      ]);

      world.clock.set('2027-04-15T09:00:00Z');
      prosecutor = await freshSession(world, world.people.prosecutor.actor.userId);
      const late = await world.request(prosecutor, 'GET', `/api/restrictions/${id}`);
      expect(late.json()).toMatchObject({ reviewDue: true, escalated: true, active: true, liftedAt: null });
      expect(await reminders()).toHaveLength(1);

      const start = await auditPosition(world);
      const review = (body: Record<string, unknown>) =>
        world.request(prosecutor, 'POST', `/api/restrictions/${id}/reviews`, body);
      const reason = 'Het strafonderzoek loopt nog; de beperking blijft noodzakelijk en evenredig.';
      expect((await review({ decision: 'confirm', reason, reviewOn: '2028-04-16' })).statusCode).toBe(400);
      const confirmed = await review({ decision: 'confirm', reason });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ reviewOn: '2028-04-15', reviewDue: false, escalated: false });
      expect((await reminders())[0]!.acknowledged_at).not.toBeNull();

      expect(
        (await review({ decision: 'narrow', reason, rights: ['deletion', 'correction', 'information'] }))
          .statusCode,
      ).toBe(400);
      const narrowed = await review({ decision: 'narrow', reason, rights: ['deletion'] });
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      expect(narrowed.json().rights).toEqual(['deletion']);
      const lifted = await review({
        decision: 'lift',
        reason: 'Het strafonderzoek is afgesloten; de beperking is niet langer nodig.',
      });
      expect(lifted.statusCode, lifted.body).toBe(200);
      expect(lifted.json()).toMatchObject({ active: false, escalated: false, version: 4 });
      expect(lifted.json().reviews.map((r: { decision: string }) => r.decision)).toEqual([
        'create',
        'confirm',
        'narrow',
        'lift',
      ]);
      expect((await review({ decision: 'confirm', reason })).statusCode).toBe(409);
      const events = await auditEventsSince(world, start);
      expect(
        events.filter((e) => e.action === 'organise' && e.outcome === 'success').map((e) => e.reason),
      ).toEqual(['restriction_confirm', 'restriction_narrow', 'restriction_lift']);
      const covered = await world.db.appDb
        .transaction()
        .execute((tx) => activeRestrictions(tx, kase.itemIds, world.clock.now()));
      expect(covered.size).toBe(0);
    } finally {
      world.clock.set(START);
    }
  });
});
