import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../db/schema.js';
import { type ActorFacts, actingOrganisations } from './actor-facts.js';
import { type CaseFacts, caseAudience } from './case-audience.js';
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
