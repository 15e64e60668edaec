/**
 * Cross-case person search over HTTP on a real database (L1992 art. 16 §1 4°; SPEC SEC-07;
 * ARCHITECTURE §3.3): a permission of its own, off by default, granted by the operator; an
 * attempt without it is refused, audited and raised to the DPO of the user's organisation; with
 * it, the blind index finds a person only in the cases the user's organisation may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import { freshSession } from '../support/item-steps.js';

let world: AccessWorld;
/** Accepted, the CPAS admitted; accepted without the CPAS; a police draft. Each has the same subject. */
let shared: TestCase;
let policeAndOrganiser: TestCase;
let draft: TestCase;

const BY_NUMBER = { nationalRegisterNumber: '90041212377' };
const BY_NAME = { surname: 'DEWAELE', firstNames: 'kevin', birthDate: '1990-04-12' };

beforeAll(async () => {
  world = await createAccessWorld();
  shared = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
  policeAndOrganiser = await newCase(world, { items: 1, to: 'accepted' });
  draft = await newCase(world, { items: 1 });
});
afterAll(async () => {
  await world?.close();
});

const search = (who: Signed, body: unknown) => world.request(who, 'POST', '/api/persons/search', body);

/** The operator grants the search; the user's sessions end with the change, so a new one is opened. */
async function grant(who: Signed): Promise<Signed> {
  const res = await world.request(
    world.people.operator,
    'PUT',
    `/api/admin/users/${who.actor.userId}/permissions`,
    {
      crossCaseSearch: true,
    },
  );
  expect(res.statusCode, res.body).toBe(200);
  expect((await world.request(who, 'GET', '/api/notifications')).statusCode).toBe(401);
  return freshSession(world, who.actor.userId);
}

const caseIdsOf = (res: { json(): { matches: { caseId: string }[] } }) =>
  res
    .json()
    .matches.map((m) => m.caseId)
    .sort();

describe('cross-case person search', () => {
  it('SEC-07 refuses a search by a user without the permission, audits it and alerts the DPO of their organisation', async () => {
    const officer = await world.newcomer('policeOfficer');
    const before = await auditPosition(world);
    const refused = await search(officer, BY_NUMBER);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', rule: 'L1992 art. 16 §1 4° (SPEC SEC-07)' });
    expect(refused.body).not.toContain(shared.id);
    expect(await auditEventsSince(world, before)).toEqual([
      expect.objectContaining({
        action: 'match',
        outcome: 'denied',
        reason: 'cross_case_search_not_granted',
        actor: expect.objectContaining({ userId: officer.actor.userId, organisationId: world.org.police }),
      }),
    ]);
    const dpoAlerts = (await world.request(world.people.policeDpo, 'GET', '/api/notifications')).json()
      .notifications;
    expect(dpoAlerts).toContainEqual(
      expect.objectContaining({
        kind: 'security_alert',
        audience: 'dpo',
        subjectId: officer.actor.userId,
        caseId: null,
      }),
    );
    // The alert is for the DPO, not for the members of the organisation, nor for another's.
    const members = (await world.request(world.people.policeOfficer, 'GET', '/api/notifications')).json()
      .notifications;
    expect(members).not.toContainEqual(expect.objectContaining({ kind: 'security_alert' }));
    const cpas = (await world.request(world.people.socialWorker, 'GET', '/api/notifications')).json()
      .notifications;
    expect(cpas).not.toContainEqual(expect.objectContaining({ kind: 'security_alert' }));
  });

  it('SEC-07 finds the persons by national register number and by name and birth date once the operator granted it', async () => {
    const officer = await grant(await world.newcomer('policeOfficer'));
    const before = await auditPosition(world);
    const byNumber = await search(officer, BY_NUMBER);
    expect(byNumber.statusCode, byNumber.body).toBe(200);
    const expected = [shared.id, policeAndOrganiser.id, draft.id].sort();
    expect(caseIdsOf(byNumber)).toEqual(expected);
    expect(byNumber.json().matches).toContainEqual({
      caseId: shared.id,
      personId: shared.subjectId,
      role: 'subject',
    });
    // The printed form and other spellings of the name find the same persons.
    expect(caseIdsOf(await search(officer, { nationalRegisterNumber: '90.04.12-123.77' }))).toEqual(expected);
    expect(caseIdsOf(await search(officer, BY_NAME))).toEqual(expected);
    // Nobody by another birth date.
    expect((await search(officer, { ...BY_NAME, birthDate: '1990-04-13' })).json().matches).toEqual([]);
    // The search is a matching, audited with what it found and why.
    const [event] = await auditEventsSince(world, before);
    expect(event).toMatchObject({
      action: 'match',
      outcome: 'success',
      reason: 'cross_case_search',
      justification: 'person and item tests',
    });
    expect(event?.records?.map((r) => r.id).sort()).toEqual(
      [shared.subjectId, policeAndOrganiser.subjectId, draft.subjectId].sort(),
    );
    // An invalid number is refused with its field.
    const invalid = await search(officer, { nationalRegisterNumber: '90041212378' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      expect.objectContaining({ field: '/body/nationalRegisterNumber' }),
    ]);
  });

  it('SEC-07 never finds a person in a case outside the searcher’s audience: a police draft is invisible to a CPAS searcher', async () => {
    const worker = await grant(await world.newcomer('socialWorker'));
    for (const query of [BY_NUMBER, BY_NAME]) {
      const res = await search(worker, query);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().matches).toEqual([
        { caseId: shared.id, personId: shared.subjectId, role: 'subject' },
      ]);
    }
    // The organiser sees the signalled cases, not the draft.
    const coordinator = await grant(await world.newcomer('coordinator'));
    expect(caseIdsOf(await search(coordinator, BY_NUMBER))).toEqual(
      [shared.id, policeAndOrganiser.id].sort(),
    );
  });

  it('SEC-07 WFL-03 never finds a person the signal left in the compartment, while the compartment finds it', async () => {
    const kase = await newCase(world, { items: 0 });
    const relation = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/persons`,
      {
        role: 'relation',
        subjectIds: [kase.subjectId],
        necessity: 'Buurvrouw die de feiten meldde.',
        identity: { surname: 'Verhoeven', firstNames: 'Ann', birthDate: '1971-11-05' },
      },
    );
    expect(relation.statusCode, relation.body).toBe(201);
    await world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/signal`, {
      selection: { personIds: [kase.subjectId], itemIds: [] },
      necessityConfirmed: true,
    });
    const accepted = await world.request(
      world.people.coordinator,
      'POST',
      `/api/cases/${kase.id}/signal-decision`,
      {
        decision: 'accept',
        reason: 'Ernstig risico; ketenaanpak aangewezen.',
      },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    await world.request(world.people.coordinator, 'POST', `/api/cases/${kase.id}/participants`, {
      organisationId: world.org.cpas,
      ground: 'expertise',
      justification: 'Volgt het gezin op.',
    });
    const neighbour = { surname: 'Verhoeven', firstNames: 'Ann', birthDate: '1971-11-05' };
    const worker = await grant(await world.newcomer('socialWorker'));
    expect((await search(worker, neighbour)).json().matches).toEqual([]);
    expect(caseIdsOf(await search(worker, BY_NUMBER))).toContain(kase.id);
    const officer = await grant(await world.newcomer('policeOfficer'));
    expect((await search(officer, neighbour)).json().matches).toEqual([
      { caseId: kase.id, personId: relation.json().id, role: 'relation' },
    ]);
  });

  it('SEC-07 asks a granted user for the justification of the working session first, and alerts no DPO for it', async () => {
    const officer = await grant(await world.newcomer('policeOfficer'));
    const unjustified = await freshSession(world, officer.actor.userId, { justification: null });
    const refused = await search(unjustified, BY_NUMBER);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('justification_required');
    const alerts = (await world.request(world.people.policeDpo, 'GET', '/api/notifications')).json()
      .notifications;
    expect(alerts).not.toContainEqual(
      expect.objectContaining({ kind: 'security_alert', subjectId: officer.actor.userId }),
    );
  });

  it('SEC-07 keeps the permission off by default and gone once withdrawn', async () => {
    const officer = await grant(await world.newcomer('policeOfficer'));
    expect((await search(officer, BY_NUMBER)).statusCode).toBe(200);
    const withdrawn = await world.request(
      world.people.operator,
      'PUT',
      `/api/admin/users/${officer.actor.userId}/permissions`,
      {
        crossCaseSearch: false,
      },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const again = await freshSession(world, officer.actor.userId);
    expect((await search(again, BY_NUMBER)).statusCode).toBe(403);
    // Only the operator grants it.
    const self = await world.request(again, 'PUT', `/api/admin/users/${officer.actor.userId}/permissions`, {
      crossCaseSearch: true,
    });
    expect(self.statusCode).toBe(403);
  });
});
