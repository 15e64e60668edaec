import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../db/schema.js';
import { type ActorFacts, actingOrganisations } from './actor-facts.js';
import { type CaseFacts, caseAudience } from './case-audience.js';
import type { CaseAction } from './case-actions.js';
import { decide } from './decide.js';

const POLICE = 'org-police';
const PARQUET = 'org-parquet';
const COORDINATION = 'org-coordination';
const CPAS = 'org-cpas';
const YOUTH = 'org-youth';

const actor = (overrides: Partial<ActorFacts> = {}): ActorFacts => ({
  userId: 'user-1',
  organisationId: POLICE,
  roles: ['participant'],
  representedAuthorities: [],
  lapsedAuthorities: [],
  secrecyAccepted: true,
  awarenessAcknowledged: true,
  justified: true,
  designations: [],
  crossCaseSearch: false,
  ...overrides,
});

const policeCase = (state: CaseState, overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  id: 'case-1',
  state,
  compartmentOrganisationId: POLICE,
  reviewerOrganisationId: PARQUET,
  organiserOrganisationId: COORDINATION,
  participants: [
    { organisationId: CPAS, revoked: false },
    { organisationId: YOUTH, revoked: true },
  ],
  ...overrides,
});

const FRAMEWORK = {
  id: 'framework-1',
  state: 'active' as const,
  organiserOrganisationId: COORDINATION,
  participantIds: [POLICE, PARQUET, CPAS],
};

const view = (who: ActorFacts, kase: CaseFacts | undefined) => decide(who, { action: 'case.view', kase });

describe('access.decide', () => {
  it('WFL-01 keeps a pre-registered case in its compartment: the organiser and others get 404', () => {
    const draft = policeCase('pre_registered');
    expect(view(actor(), draft)).toMatchObject({ allowed: true, relation: 'compartment' });
    const coordinator = actor({ organisationId: COORDINATION, roles: ['organiser'] });
    expect(view(coordinator, draft)).toEqual({
      allowed: false,
      reason: 'compartment_sealed',
      answer: 'not_found',
    });
    const socialWorker = actor({ organisationId: CPAS });
    expect(view(socialWorker, draft)).toMatchObject({ allowed: false, answer: 'not_found' });
  });

  it('ROL-13 lets the reviewer read a draft under evaluation only', () => {
    const prosecutor = actor({ organisationId: PARQUET, roles: ['prosecutor'] });
    expect(view(prosecutor, policeCase('under_evaluation'))).toMatchObject({
      allowed: true,
      relation: 'reviewer',
    });
    expect(view(prosecutor, policeCase('pre_registered'))).toMatchObject({ allowed: false });
    expect(view(prosecutor, policeCase('not_signalled'))).toMatchObject({ allowed: false });
  });

  it('ROL-03 shows the case to the organiser from the signalling on', () => {
    const coordinator = actor({ organisationId: COORDINATION, roles: ['organiser'] });
    expect(view(coordinator, policeCase('signalled'))).toMatchObject({
      allowed: true,
      relation: 'organiser',
    });
    expect(view(coordinator, policeCase('closed'))).toMatchObject({ allowed: true });
  });

  it('ROL-02 shows the case to admitted participants and hides it again when the admission is revoked', () => {
    const kase = policeCase('in_consultation');
    expect(view(actor({ organisationId: CPAS }), kase)).toMatchObject({
      allowed: true,
      relation: 'participant',
    });
    expect(view(actor({ organisationId: YOUTH }), kase)).toEqual({
      allowed: false,
      reason: 'admission_revoked',
      answer: 'not_found',
    });
    // Admitted but the case not yet accepted by the organiser: not yet visible.
    expect(view(actor({ organisationId: CPAS }), policeCase('signalled'))).toMatchObject({ allowed: false });
  });

  it('ROL-07 refuses every case before the secrecy undertaking is accepted, before looking at the case', () => {
    const newcomer = actor({ organisationId: CPAS, secrecyAccepted: false });
    const refusal = { allowed: false, reason: 'secrecy_undertaking_missing', answer: 'forbidden' };
    expect(view(newcomer, policeCase('in_consultation'))).toEqual(refusal);
    expect(view(newcomer, undefined)).toEqual(refusal);
    expect(decide(newcomer, { action: 'case.list' })).toEqual(refusal);
    expect(decide(newcomer, { action: 'case.create', framework: FRAMEWORK })).toEqual(refusal);
  });

  it('SEC-09 refuses every case until the controller awareness module is acknowledged', () => {
    const uninformed = actor({ organisationId: CPAS, awarenessAcknowledged: false });
    const refusal = { allowed: false, reason: 'awareness_module_missing', answer: 'forbidden' };
    expect(view(uninformed, policeCase('in_consultation'))).toEqual(refusal);
    expect(decide(uninformed, { action: 'case.list' })).toEqual(refusal);
  });

  it('ROL-04 lets a representative act for the authority only while the representation runs', () => {
    const representative = actor({
      organisationId: CPAS,
      roles: ['representative'],
      representedAuthorities: [CPAS],
    });
    expect(view(representative, policeCase('in_consultation'))).toMatchObject({ allowed: true, via: CPAS });
    const former = actor({ organisationId: CPAS, roles: ['representative'], lapsedAuthorities: [CPAS] });
    expect(view(former, policeCase('in_consultation'))).toEqual({
      allowed: false,
      reason: 'representation_expired',
      answer: 'forbidden',
    });
    // Pre-registering is the authority's own act, not the representative's (bill art. 2 §3 1°).
    expect(decide(representative, { action: 'case.create', framework: FRAMEWORK })).toMatchObject({
      allowed: false,
      reason: 'no_case_role',
    });
  });

  it('ROL-12 gives a DPO and the platform operator no case content, and not even its existence', () => {
    const kase = policeCase('pre_registered');
    for (const roles of [['dpo'], ['operator']] as const) {
      const who = actor({ roles });
      expect(view(who, kase)).toEqual({ allowed: false, reason: 'no_case_role', answer: 'not_found' });
      expect(decide(who, { action: 'case.list' })).toMatchObject({ allowed: false, answer: 'forbidden' });
    }
    expect(decide(actor({ roles: ['operator'] }), { action: 'platform.administer' })).toMatchObject({
      allowed: true,
    });
    expect(decide(actor(), { action: 'platform.administer' })).toMatchObject({ allowed: false });
  });

  it('answers 404 for a case that does not exist, as for one that is hidden', () => {
    expect(view(actor(), undefined)).toEqual({ allowed: false, reason: 'no_such_case', answer: 'not_found' });
  });

  it('SEC-06 allows a case exactly when one acting organisation is in its audience (the rule row-level security reads)', () => {
    const orgs = fc.constantFrom(POLICE, PARQUET, COORDINATION, CPAS, YOUTH);
    const states = fc.constantFrom<CaseState>(
      'pre_registered',
      'under_evaluation',
      'not_signalled',
      'signalled',
      'accepted',
      'refused',
      'in_consultation',
      'follow_up',
      'closed',
    );
    const caseFacts = fc.record({
      id: fc.constant('case-x'),
      state: states,
      compartmentOrganisationId: orgs,
      reviewerOrganisationId: fc.option(orgs, { nil: null }),
      organiserOrganisationId: orgs,
      participants: fc.uniqueArray(fc.record({ organisationId: orgs, revoked: fc.boolean() }), {
        selector: (p) => p.organisationId,
        maxLength: 4,
      }),
    });
    const actorFacts = fc.record({
      userId: fc.constant('user-x'),
      organisationId: orgs,
      roles: fc.subarray(['organiser', 'participant', 'prosecutor', 'dpo', 'representative'] as const, {
        minLength: 1,
      }),
      representedAuthorities: fc.uniqueArray(orgs, { maxLength: 2 }),
      lapsedAuthorities: fc.constant([]),
      secrecyAccepted: fc.constant(true),
      awarenessAcknowledged: fc.constant(true),
      justified: fc.constant(true),
      designations: fc.constant([]),
      crossCaseSearch: fc.constant(false),
    });
    fc.assert(
      fc.property(actorFacts, caseFacts, (who, kase) => {
        const acting = actingOrganisations(who);
        const inAudience = caseAudience(kase).some((entry) => acting.includes(entry.organisationId));
        expect(view(who, kase).allowed).toBe(inAudience);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('access.decide: case actions, transfers and consultations (issue 4)', () => {
  const coordinator = actor({ organisationId: COORDINATION, roles: ['organiser'] });
  const coordinationMember = actor({ organisationId: COORDINATION, roles: ['participant'] });
  const police = actor();
  const prosecutor = actor({ organisationId: PARQUET, roles: ['prosecutor'] });
  const socialWorker = actor({ organisationId: CPAS });
  // As in the access world: a member of the CPAS whose only standing is its representation (bill art. 5).
  const representative = actor({ organisationId: CPAS, roles: ['representative'], representedAuthorities: [CPAS] });
  const outsideRepresentative = actor({ organisationId: YOUTH, roles: ['representative'], representedAuthorities: [CPAS] });
  const act = (who: ActorFacts, action: CaseAction, kase: CaseFacts, owner?: string) =>
    decide(who, { action, kase, ...(owner === undefined ? {} : { owner }) });

  it('ROL-03 lets only the organiser role of the organising organisation decide, admit, organise, close and reopen', () => {
    const organiserActions = [
      ['case.decide_signal', 'signalled'],
      ['case.admit', 'accepted'],
      ['case.propose_retention', 'accepted'],
      ['case.organise', 'in_consultation'],
      ['case.close', 'follow_up'],
      ['case.reopen', 'closed'],
    ] as const;
    for (const [action, state] of organiserActions) {
      const kase = policeCase(state);
      expect(act(coordinator, action, kase), action).toMatchObject({ allowed: true, relation: 'organiser', via: COORDINATION });
      expect(act(coordinationMember, action, kase), action).toEqual({
        allowed: false,
        reason: 'organiser_role_required',
        answer: 'forbidden',
      });
      // The compartment knows the case (403); the others may not even know it yet (404 before admission).
      expect(act(police, action, kase), action).toMatchObject({ allowed: false, answer: 'forbidden' });
      for (const other of [socialWorker, representative]) {
        expect(act(other, action, kase), action).toMatchObject({ allowed: false });
      }
    }
    // An organiser of another organisation does not organise this case: it does not even see it.
    const elsewhere = actor({ organisationId: YOUTH, roles: ['organiser'] });
    expect(act(elsewhere, 'case.close', policeCase('follow_up'))).toMatchObject({ allowed: false, answer: 'not_found' });
  });

  it('ROL-03 WFL-06 lets the organiser decide a signal only while it is signalled', () => {
    expect(act(coordinator, 'case.decide_signal', policeCase('accepted'))).toEqual({
      allowed: false,
      reason: 'case_state',
      answer: 'forbidden',
    });
  });

  it('ROL-13 lets the reviewer review a draft under evaluation and do nothing else with it', () => {
    const draft = policeCase('under_evaluation');
    expect(act(prosecutor, 'case.review', draft)).toMatchObject({ allowed: true, relation: 'reviewer' });
    expect(act(prosecutor, 'case.view', draft)).toMatchObject({ allowed: true, relation: 'reviewer' });
    for (const action of ['case.contribute', 'case.signal', 'case.close_draft', 'case.request_review', 'case.request_transfer'] as const) {
      expect(act(prosecutor, action, draft), action).toEqual({ allowed: false, reason: 'case_state', answer: 'forbidden' });
    }
    // The compartment does not review its own draft.
    expect(act(police, 'case.review', draft)).toMatchObject({ allowed: false, reason: 'case_state' });
  });

  it('WFL-11 makes a closed case read-only: nobody contributes, everyone in the audience still reads', () => {
    const closed = policeCase('closed');
    for (const who of [police, coordinator, socialWorker, representative]) {
      expect(act(who, 'case.view', closed)).toMatchObject({ allowed: true });
      expect(act(who, 'case.contribute', closed)).toMatchObject({ allowed: false, reason: 'case_state', answer: 'forbidden' });
      expect(act(who, 'case.request_transfer', closed)).toMatchObject({ allowed: false, answer: 'forbidden' });
    }
    for (const state of ['accepted', 'in_consultation', 'follow_up'] as const) {
      expect(act(socialWorker, 'case.contribute', policeCase(state)), state).toMatchObject({ allowed: true });
    }
  });

  it('ROL-04 FIL-05 lets a permanent representative contribute for the authority, never request a transfer for it', () => {
    const kase = policeCase('in_consultation');
    for (const who of [representative, outsideRepresentative]) {
      expect(act(who, 'case.contribute', kase)).toMatchObject({ allowed: true, relation: 'participant', via: CPAS });
      expect(act(who, 'case.approve_retention', kase)).toMatchObject({ allowed: true, via: CPAS });
      expect(act(who, 'case.request_transfer', kase)).toEqual({
        allowed: false,
        reason: 'representative_not_allowed',
        answer: 'forbidden',
      });
      expect(act(who, 'case.decide_transfer', kase, CPAS)).toMatchObject({ allowed: false, reason: 'representative_not_allowed' });
    }
    expect(act(socialWorker, 'case.request_transfer', kase)).toMatchObject({ allowed: true, via: CPAS });
  });

  it('ROL-09 lets a participant change only what its organisation controls', () => {
    const kase = policeCase('in_consultation');
    expect(act(socialWorker, 'case.contribute', kase, POLICE)).toEqual({ allowed: false, reason: 'not_controller', answer: 'forbidden' });
    expect(act(police, 'case.contribute', kase, POLICE)).toMatchObject({ allowed: true, relation: 'compartment' });
  });

  describe('own-file transfers (bill art. 4)', () => {
    const kase = policeCase('follow_up');
    const transfer = { requesterOrganisationId: CPAS, controllerIds: [POLICE] };
    const onTransfer = (who: ActorFacts, action: 'transfer.view' | 'transfer.decide' | 'transfer.requester', k = kase) =>
      decide(who, { action, kase: k, transfer });

    it('FIL-05 the controller decides, the requester attests and exports, each only its part', () => {
      expect(onTransfer(police, 'transfer.decide')).toMatchObject({ allowed: true, via: POLICE });
      expect(onTransfer(police, 'transfer.requester')).toEqual({ allowed: false, reason: 'not_requester', answer: 'forbidden' });
      expect(onTransfer(socialWorker, 'transfer.requester')).toMatchObject({ allowed: true, via: CPAS });
      expect(onTransfer(socialWorker, 'transfer.decide')).toEqual({ allowed: false, reason: 'not_controller', answer: 'forbidden' });
      for (const who of [police, socialWorker]) expect(onTransfer(who, 'transfer.view')).toMatchObject({ allowed: true });
    });

    it('FIL-05 hides a transfer from the other parties of the case, and from a representative', () => {
      for (const who of [coordinator, representative]) {
        expect(onTransfer(who, 'transfer.view')).toEqual({ allowed: false, reason: 'not_transfer_party', answer: 'not_found' });
      }
      expect(onTransfer(actor({ organisationId: YOUTH }), 'transfer.view')).toMatchObject({ allowed: false, answer: 'not_found' });
      expect(decide(socialWorker, { action: 'transfer.view', kase: undefined, transfer: undefined })).toMatchObject({
        allowed: false,
        answer: 'not_found',
      });
    });

    it('FIL-06 a requester whose admission was revoked no longer sees its transfer', () => {
      const revoked = policeCase('follow_up', { participants: [{ organisationId: CPAS, revoked: true }] });
      expect(onTransfer(socialWorker, 'transfer.requester', revoked)).toEqual({
        allowed: false,
        reason: 'admission_revoked',
        answer: 'not_found',
      });
    });
  });

  describe('consultations (SPEC WFL-09)', () => {
    const shared = policeCase('in_consultation');
    const notShared = policeCase('in_consultation', { id: 'case-2', participants: [{ organisationId: YOUTH, revoked: false }] });
    const consultation = { id: 'consultation-1', organiserOrganisationId: COORDINATION, agenda: [shared, notShared] };
    const onConsultation = (who: ActorFacts, action: 'consultation.view' | 'consultation.attend' | 'consultation.organise') =>
      decide(who, { action, consultation });

    it('WFL-09 the organiser role of the organiser organises; its other members attend', () => {
      expect(onConsultation(coordinator, 'consultation.organise')).toMatchObject({ allowed: true, relation: 'organiser', via: COORDINATION });
      expect(onConsultation(coordinationMember, 'consultation.view')).toMatchObject({ allowed: true, relation: 'organiser' });
      expect(onConsultation(coordinationMember, 'consultation.organise')).toEqual({
        allowed: false,
        reason: 'organiser_role_required',
        answer: 'forbidden',
      });
    });

    it('WFL-09 a party of a case on the agenda attends but does not organise; an outsider does not know it', () => {
      for (const who of [socialWorker, representative, actor({ organisationId: YOUTH })]) {
        expect(onConsultation(who, 'consultation.attend')).toMatchObject({ allowed: true, relation: 'participant' });
        expect(onConsultation(who, 'consultation.organise')).toMatchObject({ allowed: false, answer: 'forbidden' });
      }
      const outsider = actor({ organisationId: 'org-elsewhere' });
      expect(onConsultation(outsider, 'consultation.view')).toEqual({ allowed: false, reason: 'no_such_consultation', answer: 'not_found' });
      expect(decide(coordinator, { action: 'consultation.view', consultation: undefined })).toMatchObject({ answer: 'not_found' });
    });

    it('WFL-09 hides a consultation from the operator and asks a working-session justification of the others', () => {
      expect(onConsultation(actor({ roles: ['operator'] }), 'consultation.view')).toMatchObject({ allowed: false, answer: 'not_found' });
      expect(onConsultation(actor({ organisationId: CPAS, justified: false }), 'consultation.view')).toEqual({
        allowed: false,
        reason: 'justification_missing',
        answer: 'forbidden',
      });
    });
  });
});

describe('the parts of a rights request (SPEC RGT-GEN-02, RGT-RST-09, RGT-ACC-02)', () => {
  const dpo = (organisationId: string) => actor({ organisationId, roles: ['dpo'] });
  const standard = { controllerId: CPAS, officeId: null };
  const routedToOffice = { controllerId: CPAS, officeId: PARQUET };

  it('RGT-GEN-02 RGT-RST-09 the controller acts on its data; the part is answered by its controller, or by the office on the prosecutor route', () => {
    expect(decide(dpo(CPAS), { action: 'rights.part', need: 'controller', part: routedToOffice }).allowed).toBe(true);
    expect(decide(dpo(PARQUET), { action: 'rights.part', need: 'controller', part: routedToOffice })).toMatchObject({
      allowed: false,
      reason: 'not_part_controller',
    });
    expect(decide(dpo(CPAS), { action: 'rights.part', need: 'answerer', part: standard }).allowed).toBe(true);
    expect(decide(dpo(PARQUET), { action: 'rights.part', need: 'answerer', part: routedToOffice }).allowed).toBe(true);
    expect(decide(dpo(CPAS), { action: 'rights.part', need: 'answerer', part: routedToOffice })).toMatchObject({
      allowed: false,
      reason: 'not_part_answerer',
      answer: 'forbidden',
    });
  });

  it('RGT-ACC-02 only the desk that received a request verifies the identity', () => {
    expect(decide(dpo(CPAS), { action: 'rights.identity', intakeId: CPAS }).allowed).toBe(true);
    expect(decide(dpo(POLICE), { action: 'rights.identity', intakeId: CPAS })).toMatchObject({ allowed: false, reason: 'not_intake_desk' });
  });
});
