/**
 * The case workflow over HTTP on a real database (issue 4 scope 2; bill art. 2 §3, art. 3 §1):
 * compartment, review, signalling with the minimum set, acceptance, admission, retention agreed
 * before the first consultation, closure and reopening. Each test names the SPEC rows it proves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld, type PersonName } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase } from '../support/case-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const call = (who: PersonName, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  world.request(world.people[who], method, url, payload);

async function listedIds(who: PersonName): Promise<string[]> {
  const res = await call(who, 'GET', '/api/cases');
  expect(res.statusCode).toBe(200);
  return (res.json().cases as { id: string }[]).map((c) => c.id);
}

describe('the case workflow', () => {
  it('WFL-01 WFL-02 ROL-13 keeps a police draft in its compartment, shows it to the parquet asked to review it, and nobody else', async () => {
    const draft = await newCase(world, { items: 2 });
    for (const who of ['coordinator', 'socialWorker', 'prosecutor'] as const) {
      expect(await listedIds(who)).not.toContain(draft.id);
      expect((await call(who, 'GET', `/api/cases/${draft.id}`)).statusCode).toBe(404);
    }
    const asked = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/review-request`, {
      reviewerOrganisationId: world.org.parquet,
    });
    expect(asked.json()).toEqual({ id: draft.id, state: 'under_evaluation' });
    const reviewed = await call('prosecutor', 'GET', `/api/cases/${draft.id}`);
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ relation: 'reviewer', allowedActions: ['review'] });
    expect(reviewed.json().items).toHaveLength(2);
    // The reviewer reads; it does not write (SPEC ROL-13: read-only).
    const write = await call('prosecutor', 'POST', `/api/cases/${draft.id}/persons`, {
      role: 'subject',
      identity: { surname: 'X', firstNames: 'Y' },
    });
    expect(write.statusCode).toBe(403);
    // The organiser still does not see it.
    expect((await call('coordinator', 'GET', `/api/cases/${draft.id}`)).statusCode).toBe(404);
  });

  it('WFL-02 WFL-05 a "do not signal" decision ends the draft as not signalled, with its reason, and tells the police', async () => {
    const draft = await newCase(world, { items: 1 });
    await call('policeOfficer', 'POST', `/api/cases/${draft.id}/review-request`, { reviewerOrganisationId: world.org.parquet });
    const decided = await call('prosecutor', 'POST', `/api/cases/${draft.id}/review`, {
      decision: 'do_not_signal',
      reason: 'Geen aanwijzingen van een ernstig risico op dit ogenblik.',
    });
    expect(decided.json()).toEqual({ id: draft.id, state: 'not_signalled' });
    const seen = (await call('policeOfficer', 'GET', `/api/cases/${draft.id}`)).json();
    expect(seen).toMatchObject({
      state: 'not_signalled',
      review: { decision: 'do_not_signal', reason: 'Geen aanwijzingen van een ernstig risico op dit ogenblik.' },
      closureReason: 'Geen aanwijzingen van een ernstig risico op dit ogenblik.',
    });
    expect(seen.closedAt).not.toBeNull();
    const notes = (await call('policeOfficer', 'GET', '/api/notifications')).json().notifications;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'case_reviewed', caseId: draft.id }));
    // Back in the compartment only: the parquet's view ended with its decision.
    expect((await call('prosecutor', 'GET', `/api/cases/${draft.id}`)).statusCode).toBe(404);
  });

  it('WFL-03 WFL-04 signals exactly the selection: the organiser sees those 3 of 10 items, and the disclosure lists them', async () => {
    const draft = await newCase(world, { items: 10 });
    const chosen = draft.itemIds.slice(0, 3);
    const before = await auditPosition(world);
    const refused = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/signal`, {
      selection: { personIds: [draft.subjectId], itemIds: chosen },
      necessityConfirmed: false,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: '/body/necessityConfirmed' }),
    ]);
    const signalled = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/signal`, {
      selection: { personIds: [draft.subjectId], itemIds: chosen },
      necessityConfirmed: true,
    });
    expect(signalled.json()).toEqual({ id: draft.id, state: 'signalled' });
    const seen = (await call('coordinator', 'GET', `/api/cases/${draft.id}`)).json();
    expect(seen.relation).toBe('organiser');
    expect(seen.items.map((i: { id: string }) => i.id).sort()).toEqual([...chosen].sort());
    expect(seen.persons.map((p: { id: string }) => p.id)).toEqual([draft.subjectId]);
    expect(seen.signalledAt).not.toBeNull();
    expect(seen.history).toContainEqual(expect.objectContaining({ kind: 'signalled', state: 'signalled', user: 'Karel Wouters' }));
    // The compartment still sees its ten items.
    expect((await call('policeOfficer', 'GET', `/api/cases/${draft.id}`)).json().items).toHaveLength(10);
    const disclosures = (await auditEventsSince(world, before)).filter((e) => e.action === 'disclose');
    expect(disclosures).toHaveLength(1);
    expect(disclosures[0]!.recipients).toEqual([{ organisationId: world.org.coordination }]);
    expect(disclosures[0]!.records!.filter((r) => r.type === 'item').map((r) => r.id).sort()).toEqual([...chosen].sort());
    const notes = (await call('coordinator', 'GET', '/api/notifications')).json().notifications;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'case_signalled', caseId: draft.id }));
  });

  it('WFL-03 refuses a selection that leaves out the person an item is about', async () => {
    const draft = await newCase(world, { items: 1 });
    const res = await call('policeOfficer', 'POST', `/api/cases/${draft.id}/signal`, {
      selection: { personIds: [], itemIds: draft.itemIds },
      necessityConfirmed: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().rule).toBe('bill art. 2 §3 1° (SPEC WFL-03)');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/selection/personIds',
      '/body/selection/itemIds/0',
    ]);
  });

  it('WFL-06 ROL-01 ROL-02 ROL-03 admits participants one by one, whitelisted and justified; the others see nothing', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const noGround = await call('coordinator', 'POST', `/api/cases/${kase.id}/participants`, {
      organisationId: world.org.cpas,
      ground: 'expertise',
      justification: '',
    });
    expect(noGround.statusCode).toBe(400);
    const notListed = await call('coordinator', 'POST', `/api/cases/${kase.id}/participants`, {
      organisationId: world.org.host,
      ground: 'expertise',
      justification: 'De host heeft geen rol in het overleg.',
    });
    expect(notListed.statusCode).toBe(400);
    expect(notListed.json().rule).toContain('ROL-01');
    // A participant cannot admit, even of an organisation on the whitelist (SPEC ROL-03).
    const byParticipant = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/participants`, {
      organisationId: world.org.cpas,
      ground: 'expertise',
      justification: 'Het OCMW volgt het gezin op.',
    });
    expect(byParticipant.statusCode, byParticipant.body).toBe(403);
    expect(byParticipant.json().rule).toBe('bill art. 2 §3 2° (SPEC ROL-02, ROL-03)');
    expect(await listedIds('socialWorker')).not.toContain(kase.id);
    const admitted = await call('coordinator', 'POST', `/api/cases/${kase.id}/participants`, {
      organisationId: world.org.cpas,
      ground: 'knowledge_of_person',
      justification: 'Het OCMW volgt het gezin sinds 2024 op.',
    });
    expect(admitted.statusCode).toBe(200);
    expect(await listedIds('socialWorker')).toContain(kase.id);
    expect(await listedIds('youthWorker')).not.toContain(kase.id);
    const seen = (await call('socialWorker', 'GET', `/api/cases/${kase.id}`)).json();
    expect(seen.participants).toEqual([
      expect.objectContaining({ ground: 'knowledge_of_person', justification: 'Het OCMW volgt het gezin sinds 2024 op.' }),
    ]);
  });

  it('WFL-07 FIL-01 keeps the first consultation closed until every participant approved the maximum retention', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas', 'youth'] });
    const tooLong = await call('coordinator', 'PUT', `/api/cases/${kase.id}/retention`, { months: 372 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('/body/months');
    expect((await call('coordinator', 'PUT', `/api/cases/${kase.id}/retention`, { months: 120 })).statusCode).toBe(200);
    const scheduled = await call('coordinator', 'POST', '/api/consultations', {
      frameworkId: world.frameworkId,
      scheduledFor: '2026-03-12T09:00:00Z',
      caseIds: [kase.id],
    });
    expect(scheduled.statusCode).toBe(201);
    const consultationId = scheduled.json().id;
    const open = () => call('coordinator', 'POST', `/api/consultations/${consultationId}/opening`);
    const proposal = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json().retention.proposal;
    // Organiser and police (2 of 4 parties) ...
    await call('policeOfficer', 'POST', `/api/cases/${kase.id}/retention/approvals`, { proposal });
    await call('socialWorker', 'POST', `/api/cases/${kase.id}/retention/approvals`, { proposal });
    const blocked = await open();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().rule).toBe('bill art. 3 §1 al. 1 (SPEC WFL-07, FIL-01)');
    // ... the last one unblocks it.
    await call('youthWorker', 'POST', `/api/cases/${kase.id}/retention/approvals`, { proposal });
    const opened = await open();
    expect(opened.statusCode).toBe(200);
    const after = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json();
    expect(after).toMatchObject({ state: 'in_consultation', retention: { months: 120, agreed: true, pending: [] } });
  });

  it('WFL-07 refuses to open the first consultation while the participants have not agreed a retention, naming art. 3 §1', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const scheduled = await call('coordinator', 'POST', '/api/consultations', {
      frameworkId: world.frameworkId,
      scheduledFor: '2026-03-13T09:00:00Z',
      caseIds: [kase.id],
    });
    const res = await call('coordinator', 'POST', `/api/consultations/${scheduled.json().id}/opening`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('maximum retention');
    expect(res.json().detail).toContain('art. 3 §1');
    expect((await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json().state).toBe('accepted');
  });

  it('WFL-11 ROL-03 lets only the organiser close; a closed case is read-only; a reopening is logged and clears the clock', async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted' });
    const byParticipant = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/closure`, { reason: 'Afgerond.' });
    expect(byParticipant.statusCode, byParticipant.body).toBe(403);
    const closed = await call('coordinator', 'POST', `/api/cases/${kase.id}/closure`, {
      reason: 'De opvolging is afgerond.',
    });
    expect(closed.json().state).toBe('closed');
    const first = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json();
    expect(first.closedAt).not.toBeNull();
    expect(first.retention.endsOn).not.toBeNull();
    const edit = await call('policeOfficer', 'POST', `/api/cases/${kase.id}/persons`, {
      role: 'subject',
      identity: { surname: 'Nieuw', firstNames: 'Iemand' },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().rule).toContain('WFL-11');
    // Minutes, not days: the sessions of this world idle out after 15 minutes.
    world.clock.advanceMs(5 * 60_000);
    await call('coordinator', 'POST', `/api/cases/${kase.id}/reopening`, { reason: 'Nieuwe feiten gemeld.' });
    const reopened = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json();
    expect(reopened).toMatchObject({ state: 'accepted', closedAt: null, retention: expect.objectContaining({ endsOn: null }) });
    expect(reopened.history.map((h: { kind: string }) => h.kind)).toContain('reopened');
    world.clock.advanceMs(5 * 60_000);
    await call('coordinator', 'POST', `/api/cases/${kase.id}/closure`, { reason: 'Opnieuw afgerond.' });
    const second = (await call('coordinator', 'GET', `/api/cases/${kase.id}`)).json();
    expect(Date.parse(second.closedAt)).toBe(Date.parse(first.closedAt) + 10 * 60_000);
    expect(second.retention.endsOn).not.toBeNull();
  });
});
