/**
 * Consultations over HTTP on a real database (issue 4 scope 5; bill art. 2 §3, art. 5; SPEC
 * WFL-08..10): an agenda of cases, attendance with "representing X", minutes and decisions per
 * agenda item, the sharing log, actions assigned to participating organisations and overdue
 * ones flagged, closing into follow-up. An attendee sees only the agenda items of cases its
 * organisation takes part in. Each test names the SPEC rows it proves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { type AccessWorld, createAccessWorld, type PersonName, type Signed } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { agreeRetention, openedConsultation } from '../support/consultation-steps.js';

let world: AccessWorld;
/** Two cases on one agenda: A shared with the CPAS, B with the youth service. */
let caseA: TestCase;
let caseB: TestCase;
let consultationId: string;

beforeAll(async () => {
  world = await createAccessWorld();
  caseA = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'], title: 'Gezin A., dreigend gedrag' });
  caseB = await newCase(world, { items: 1, to: 'accepted', admit: ['youth'], title: 'Gezin B., verwaarlozing' });
  await agreeRetention(world, caseA.id, ['police', 'cpas']);
  await agreeRetention(world, caseB.id, ['police', 'youth']);
  consultationId = await openedConsultation(world, world.frameworkId, [caseA.id, caseB.id]);
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);
const as = (who: Signed, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(who, method, url, payload);

interface AgendaItem {
  caseId: string;
  caseTitle: string;
  minutes: string | null;
  decisions: { text: string; recordedBy: string }[];
  shared: { itemId: string; category: string; controller: { id: string } }[];
  actions: { id: string }[];
}

async function agendaSeenBy(who: PersonName): Promise<AgendaItem[]> {
  const res = await call(who, 'GET', `/api/consultations/${consultationId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().agenda;
}

describe('consultations', () => {
  it('WFL-09 records attendance by the attendees themselves, a permanent representative "representing" the CPAS', async () => {
    const before = await auditPosition(world);
    expect((await call('coordinator', 'POST', `/api/consultations/${consultationId}/attendance`, {})).statusCode).toBe(200);
    expect((await call('socialWorker', 'POST', `/api/consultations/${consultationId}/attendance`, {})).statusCode).toBe(200);
    const represented = await call('representative', 'POST', `/api/consultations/${consultationId}/attendance`, {
      representingOrganisationId: world.org.cpas,
    });
    expect(represented.statusCode, represented.body).toBe(200);
    // Nobody represents an authority they were not designated for (bill art. 5).
    const pretended = await call('youthWorker', 'POST', `/api/consultations/${consultationId}/attendance`, {
      representingOrganisationId: world.org.cpas,
    });
    expect(pretended.statusCode).toBe(400);
    expect(pretended.json()).toMatchObject({ rule: 'bill art. 5 (SPEC ROL-04)', errors: [{ field: '/body/representingOrganisationId' }] });
    expect((await call('youthWorker', 'POST', `/api/consultations/${consultationId}/attendance`, {})).statusCode).toBe(200);

    const attendance = (await call('coordinator', 'GET', `/api/consultations/${consultationId}`)).json().attendance;
    const byUser = (who: PersonName) => attendance.find((a: { userId: string }) => a.userId === world.people[who].actor.userId);
    expect(byUser('representative')).toMatchObject({
      displayName: 'Pieter Goossens',
      organisation: { id: world.org.cpas },
      representing: { id: world.org.cpas, legalName: 'OCMW Gent' },
    });
    expect(byUser('socialWorker')).toMatchObject({ displayName: 'Fatima El Amrani', representing: null });
    expect(byUser('youthWorker')).toMatchObject({ organisation: { id: world.org.youth }, representing: null });
    expect(attendance).toHaveLength(4);

    // The audit log says who acted as the CPAS's representative (ARCHITECTURE §3.4; bill art. 5).
    const recorded = (await auditEventsSince(world, before)).filter((e) => e.reason === 'attendance_recorded');
    const actorOf = (who: PersonName) => recorded.find((e) => e.actor.userId === world.people[who].actor.userId)!.actor;
    expect(actorOf('representative')).toMatchObject({ organisationId: world.org.cpas, representing: world.org.cpas });
    expect(actorOf('socialWorker').representing).toBeUndefined();
    expect(actorOf('youthWorker').representing).toBeUndefined();
    const contributed = await call('representative', 'POST', `/api/cases/${caseA.id}/items`, riskItem(caseA.subjectId, 'Gemeld door de vaste vertegenwoordiger.'));
    expect(contributed.statusCode, contributed.body).toBe(201);
    expect(contributed.json().controller.id).toBe(world.org.cpas);
    const collect = (await auditEventsSince(world, before)).find((e) => e.action === 'collect' && e.actor.userId === world.people.representative.actor.userId);
    expect(collect!.actor.representing).toBe(world.org.cpas);
  });

  it('WFL-09 keeps minutes and decisions per agenda item, and shows an attendee only the items of cases its organisation is admitted to', async () => {
    const minutesA = await call('coordinator', 'PUT', `/api/consultations/${consultationId}/agenda/${caseA.id}/minutes`, {
      text: 'Het OCMW bevestigt de schulden; de politie volgt de meldingen op.',
    });
    expect(minutesA.statusCode, minutesA.body).toBe(200);
    await call('coordinator', 'PUT', `/api/consultations/${consultationId}/agenda/${caseB.id}/minutes`, {
      text: 'De jeugdhulp start een begeleiding thuis.',
    });
    const decided = await call('coordinator', 'POST', `/api/consultations/${consultationId}/agenda/${caseA.id}/decisions`, {
      text: 'Budgetbegeleiding opstarten.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // The minutes change as versions.
    const second = await call('coordinator', 'PUT', `/api/consultations/${consultationId}/agenda/${caseA.id}/minutes`, {
      text: 'Het OCMW bevestigt de schulden; de politie volgt de meldingen op. Aangevuld.',
    });
    expect(second.json().agenda.find((a: AgendaItem) => a.caseId === caseA.id)).toMatchObject({ minutesVersion: 2 });

    const organiser = await agendaSeenBy('coordinator');
    expect(organiser.map((a) => a.caseId)).toEqual([caseA.id, caseB.id]);
    expect(organiser[1]!.minutes).toBe('De jeugdhulp start een begeleiding thuis.');
    expect(organiser[1]!.decisions).toEqual([]);

    for (const who of ['socialWorker', 'representative'] as const) {
      const agenda = await agendaSeenBy(who);
      expect(agenda.map((a) => a.caseId), who).toEqual([caseA.id]);
      expect(agenda[0]).toMatchObject({
        caseTitle: 'Gezin A., dreigend gedrag',
        minutes: 'Het OCMW bevestigt de schulden; de politie volgt de meldingen op. Aangevuld.',
        decisions: [{ text: 'Budgetbegeleiding opstarten.', recordedBy: 'Sara Claes' }],
      });
    }
    const youth = await call('youthWorker', 'GET', `/api/consultations/${consultationId}`);
    expect(youth.json()).toMatchObject({ agendaSize: 1, canOrganise: false });
    expect(youth.json().agenda.map((a: AgendaItem) => a.caseId)).toEqual([caseB.id]);
    expect(youth.body).not.toContain('Budgetbegeleiding');
    expect(youth.body).not.toContain('Gezin A.');
    expect((await call('coordinator', 'GET', `/api/consultations/${consultationId}`)).json()).toMatchObject({ agendaSize: 2, canOrganise: true });

    // The list says as much: one agenda item for the CPAS, two for the organiser.
    const listed = async (who: PersonName) =>
      (await call(who, 'GET', '/api/consultations')).json().consultations.find((c: { id: string }) => c.id === consultationId);
    expect(await listed('socialWorker')).toMatchObject({ agendaSize: 1, caseIds: [caseA.id], state: 'open' });
    expect(await listed('youthWorker')).toMatchObject({ agendaSize: 1, caseIds: [caseB.id] });
    expect(await listed('coordinator')).toMatchObject({ agendaSize: 2, caseIds: [caseA.id, caseB.id] });
  });

  it('WFL-09 SCO-05 lists in the sharing log what was collected following the consultation, and by whom', async () => {
    const collected = await call('socialWorker', 'POST', `/api/cases/${caseA.id}/items`, {
      ...riskItem(caseA.subjectId, 'Na het overleg: huisbezoek, de partner is ongerust.'),
      provenance: { kind: 'collected_following_consultation', consultationId },
    });
    expect(collected.statusCode, collected.body).toBe(201);
    expect(collected.json()).toMatchObject({ phase: 'consultation', provenance: { kind: 'collected_following_consultation', consultationId } });
    // An item already held is no part of the sharing log.
    await call('socialWorker', 'POST', `/api/cases/${caseA.id}/items`, riskItem(caseA.subjectId, 'Dossier OCMW 2024/118.'));

    const itemId: string = collected.json().id;
    for (const who of ['coordinator', 'socialWorker'] as const) {
      const shared = (await agendaSeenBy(who)).find((a) => a.caseId === caseA.id)!.shared;
      expect(shared, who).toEqual([{ itemId, category: 'C11', controller: { id: world.org.cpas, legalName: 'OCMW Gent' } }]);
    }
    expect((await agendaSeenBy('coordinator')).find((a) => a.caseId === caseB.id)!.shared).toEqual([]);
    // Collected following a consultation that did not discuss the case: refused.
    const elsewhere = await call('youthWorker', 'POST', `/api/cases/${caseB.id}/items`, {
      ...riskItem(caseB.subjectId),
      provenance: { kind: 'collected_following_consultation', consultationId: crypto.randomUUID() },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ field: '/body/provenance/consultationId' })]);
  });

  it('WFL-09 ROL-03 lets only the organiser role organise: participants get 403, outsiders and the operator 404', async () => {
    const before = (await call('coordinator', 'GET', `/api/consultations/${consultationId}`)).json();
    const organising: [string, string, unknown][] = [
      ['PUT', `/api/consultations/${consultationId}/agenda/${caseA.id}/minutes`, { text: 'Andere notulen.' }],
      ['POST', `/api/consultations/${consultationId}/agenda/${caseA.id}/decisions`, { text: 'Andere beslissing.' }],
      ['POST', `/api/consultations/${consultationId}/agenda/${caseA.id}/actions`, { assigneeOrganisationId: world.org.cpas, dueOn: '2026-04-01', description: 'X.' }],
      ['POST', `/api/consultations/${consultationId}/closing`, undefined],
      ['POST', `/api/consultations/${consultationId}/agenda`, { caseId: caseA.id }],
    ];
    for (const who of ['socialWorker', 'representative', 'policeOfficer'] as const) {
      for (const [method, url, body] of organising) {
        const res = await call(who, method as 'PUT' | 'POST', url, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
      }
    }
    // The coordination's members who do not hold the organiser role do not organise either (ROL-03).
    const colleague = await world.newcomer('coordinator');
    await world.db.adminDb.updateTable('users').set({ roles: ['participant'] }).where('id', '=', colleague.actor.userId).execute();
    expect((await as(colleague, 'POST', `/api/consultations/${consultationId}/closing`)).statusCode).toBe(403);

    // A participant does not convene a consultation of cases it does not organise.
    const convened = await call('policeOfficer', 'POST', '/api/consultations', {
      frameworkId: world.frameworkId,
      scheduledFor: '2026-04-02T09:00:00Z',
      caseIds: [caseA.id],
    });
    expect(convened.statusCode).toBe(403);

    const outsider = await newCase(world, { items: 1, to: 'accepted' });
    await agreeRetention(world, outsider.id, ['police']);
    const onlyPolice = await openedConsultation(world, world.frameworkId, [outsider.id], '2026-03-19T09:00:00Z');
    for (const who of ['socialWorker', 'youthWorker', 'representative', 'operator', 'policeDpo'] as const) {
      expect((await call(who, 'GET', `/api/consultations/${onlyPolice}`)).statusCode, who).toBe(404);
      expect((await call(who, 'POST', `/api/consultations/${onlyPolice}/attendance`, {})).statusCode, who).toBe(404);
      const listed = (await call(who, 'GET', '/api/consultations')).json().consultations ?? [];
      expect(listed.map((c: { id: string }) => c.id), who).not.toContain(onlyPolice);
    }
    expect((await call('policeOfficer', 'GET', `/api/consultations/${onlyPolice}`)).statusCode).toBe(200);
    expect((await call('socialWorker', 'GET', `/api/consultations/${crypto.randomUUID()}`)).statusCode).toBe(404);
    // Nothing the refused requests tried was kept.
    const after = (await call('coordinator', 'GET', `/api/consultations/${consultationId}`)).json();
    expect(after.agenda).toEqual(before.agenda);
    expect(after.state).toBe('open');
  });

  it('WFL-07 refuses to put on an open consultation a case whose maximum retention is not agreed yet', async () => {
    const late = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'], title: 'Gezin C.' });
    const refused = await call('coordinator', 'POST', `/api/consultations/${consultationId}/agenda`, { caseId: late.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: 'bill art. 3 §1 al. 1 (SPEC WFL-07, FIL-01)' });
    expect(refused.json().detail).toContain('art. 3 §1');
    const unchanged = (await call('coordinator', 'GET', `/api/cases/${late.id}`)).json();
    expect(unchanged).toMatchObject({ state: 'accepted', firstConsultationAt: null });
    expect((await agendaSeenBy('coordinator')).map((a) => a.caseId)).not.toContain(late.id);

    await agreeRetention(world, late.id, ['police', 'cpas']);
    const added = await call('coordinator', 'POST', `/api/consultations/${consultationId}/agenda`, { caseId: late.id });
    expect(added.statusCode, added.body).toBe(200);
    expect((await call('coordinator', 'GET', `/api/cases/${late.id}`)).json().state).toBe('in_consultation');
    expect((await agendaSeenBy('socialWorker')).map((a) => a.caseId)).toEqual([caseA.id, late.id]);
  });

  it('WFL-10 assigns actions to a party of the case with a due date: in its task list, overdue flagged, marked done by the assignee', async () => {
    const assign = (dueOn: string, description: string, assignee = world.org.cpas) =>
      call('coordinator', 'POST', `/api/consultations/${consultationId}/agenda/${caseA.id}/actions`, {
        assigneeOrganisationId: assignee,
        dueOn,
        description,
      });
    const notParty = await assign('2026-04-01', 'Huisbezoek.', world.org.youth);
    expect(notParty.statusCode).toBe(400);
    expect(notParty.json()).toMatchObject({ rule: 'bill art. 2 §3 2° (SPEC WFL-10)', errors: [{ field: '/body/assigneeOrganisationId' }] });

    const today = brusselsDateOf(world.clock.now());
    const late = await assign('2026-02-27', 'Budgetbegeleiding aanvragen.');
    expect(late.statusCode, late.body).toBe(200);
    const onTime = await assign(today, 'Contact opnemen met de partner.');
    const actions = onTime.json().agenda.find((a: AgendaItem) => a.caseId === caseA.id).actions as { id: string; description: string }[];
    const lateId = actions.find((a) => a.description === 'Budgetbegeleiding aanvragen.')!.id;
    const todayId = actions.find((a) => a.description === 'Contact opnemen met de partner.')!.id;

    const tasks = (await call('socialWorker', 'GET', '/api/actions')).json().actions;
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: lateId,
          caseId: caseA.id,
          caseTitle: 'Gezin A., dreigend gedrag',
          consultationId,
          assignee: { id: world.org.cpas, legalName: 'OCMW Gent' },
          dueOn: '2026-02-27',
          status: 'open',
          overdue: true,
        }),
        expect.objectContaining({ id: todayId, dueOn: today, overdue: false }),
      ]),
    );
    // The organiser sees the actions of the cases it organises, the overdue one flagged (WFL-10).
    const organiser = (await call('coordinator', 'GET', '/api/actions')).json().actions;
    expect(organiser).toContainEqual(expect.objectContaining({ id: lateId, overdue: true }));
    const notifications = (await call('socialWorker', 'GET', '/api/notifications')).json().notifications;
    expect(notifications).toContainEqual(expect.objectContaining({ kind: 'action_assigned', caseId: caseA.id, subjectId: lateId }));

    // The youth service is not a party of case A: it neither lists nor touches its actions.
    expect((await call('youthWorker', 'GET', '/api/actions')).json().actions.map((a: { id: string }) => a.id)).not.toContain(lateId);
    expect((await call('youthWorker', 'PATCH', `/api/cases/${caseA.id}/actions/${lateId}`, { status: 'done' })).statusCode).toBe(404);
    // The police is a party, but the action is the CPAS's.
    expect((await call('policeOfficer', 'PATCH', `/api/cases/${caseA.id}/actions/${lateId}`, { status: 'done' })).statusCode).toBe(403);
    expect((await call('socialWorker', 'PATCH', `/api/cases/${caseB.id}/actions/${lateId}`, { status: 'done' })).statusCode).toBe(404);

    const before = await auditPosition(world);
    const done = await call('socialWorker', 'PATCH', `/api/cases/${caseA.id}/actions/${lateId}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: lateId, status: 'done', overdue: false });
    expect(await auditEventsSince(world, before)).toContainEqual(
      expect.objectContaining({ action: 'adapt', caseId: caseA.id, records: [{ type: 'action', id: lateId }], reason: 'action_done' }),
    );
    expect((await call('coordinator', 'GET', '/api/actions')).json().actions).toContainEqual(
      expect.objectContaining({ id: lateId, status: 'done', overdue: false }),
    );
  });

  it('WFL-08 closing the consultation moves its cases to follow-up; what is added afterwards is stamped follow-up', async () => {
    const closed = await call('coordinator', 'POST', `/api/consultations/${consultationId}/closing`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    for (const kase of [caseA, caseB]) {
      expect((await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json().state).toBe('follow_up');
    }
    const later = await call('socialWorker', 'POST', `/api/cases/${caseA.id}/items`, riskItem(caseA.subjectId, 'Opvolging: budgetbegeleiding gestart.'));
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().phase).toBe('follow_up');
    // A closed consultation takes no more attendance, minutes or actions.
    expect((await call('socialWorker', 'POST', `/api/consultations/${consultationId}/attendance`, {})).statusCode).toBe(409);
    expect(
      (await call('coordinator', 'POST', `/api/consultations/${consultationId}/agenda/${caseA.id}/decisions`, { text: 'Te laat.' })).statusCode,
    ).toBe(409);
  });

  it('WFL-08 WFL-09 keeps a case in consultation while another open consultation still discusses it, and shows only the attendees the reader may know of', async () => {
    const shared = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'], title: 'Gezin C.' });
    const hidden = await newCase(world, { items: 1, to: 'accepted', admit: ['youth'], title: 'Gezin D.' });
    await agreeRetention(world, shared.id, ['police', 'cpas']);
    await agreeRetention(world, hidden.id, ['police', 'youth']);
    const first = await openedConsultation(world, world.frameworkId, [shared.id, hidden.id], '2026-03-19T09:00:00Z');
    const second = await openedConsultation(world, world.frameworkId, [shared.id], '2026-03-19T14:00:00Z');
    // The youth service attends for the case the CPAS does not see; the CPAS attends too.
    expect((await call('youthWorker', 'POST', `/api/consultations/${first}/attendance`, {})).statusCode).toBe(200);
    expect((await call('socialWorker', 'POST', `/api/consultations/${first}/attendance`, {})).statusCode).toBe(200);
    const names = async (who: PersonName) =>
      ((await call(who, 'GET', `/api/consultations/${first}`)).json().attendance as { displayName: string }[]).map((a) => a.displayName).sort();
    expect(await names('socialWorker')).toEqual(['Fatima El Amrani']);
    expect(await names('coordinator')).toEqual(['Fatima El Amrani', 'Lien Maes']);

    expect((await call('coordinator', 'POST', `/api/consultations/${first}/closing`)).statusCode).toBe(200);
    const state = async (caseId: string) => (await call('coordinator', 'GET', `/api/cases/${caseId}`)).json().state;
    expect(await state(hidden.id)).toBe('follow_up');
    expect(await state(shared.id)).toBe('in_consultation');
    expect((await call('coordinator', 'POST', `/api/consultations/${second}/closing`)).statusCode).toBe(200);
    expect(await state(shared.id)).toBe('follow_up');
  });

  it('WFL-10 an action due today turns overdue once the day is over in Brussels', async () => {
    const next = await openedConsultation(world, world.frameworkId, [caseA.id], '2026-03-26T09:00:00Z');
    const today = brusselsDateOf(world.clock.now());
    const assigned = await call('coordinator', 'POST', `/api/consultations/${next}/agenda/${caseA.id}/actions`, {
      assigneeOrganisationId: world.org.cpas,
      dueOn: today,
      description: 'Verslag van het huisbezoek bezorgen.',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const actionId: string = assigned.json().agenda[0].actions.find((a: { description: string }) => a.description.startsWith('Verslag')).id;
    const overdue = async (who: Signed) =>
      ((await as(who, 'GET', '/api/actions')).json().actions as { id: string; overdue: boolean }[]).find((a) => a.id === actionId)?.overdue;
    expect(await overdue(world.people.socialWorker)).toBe(false);

    // The last minute of the due day in Brussels (CET in March: UTC+1), then the first of the next.
    world.clock.set(`${today}T22:59:00Z`);
    const lastMinute = await world.extraSession('socialWorker');
    expect(await overdue(lastMinute)).toBe(false);
    world.clock.advanceMs(2 * 60_000);
    expect(brusselsDateOf(world.clock.now())).not.toBe(today);
    expect(await overdue(lastMinute)).toBe(true);
    const organiser = await world.extraSession('coordinator');
    expect(await overdue(organiser)).toBe(true);
  });
});
