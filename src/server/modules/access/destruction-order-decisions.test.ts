import { describe, expect, it } from 'vitest';
import type { ActorFacts } from './actor-facts.js';
import { decide } from './decide.js';

const POLICE = 'org-police';
const CPAS = 'org-cpas';

const actor = (overrides: Partial<ActorFacts> = {}): ActorFacts => ({
  userId: 'dpo-1',
  organisationId: POLICE,
  roles: ['dpo'],
  representedAuthorities: [],
  lapsedAuthorities: [],
  secrecyAccepted: true,
  awarenessAcknowledged: true,
  justified: true,
  designations: [],
  crossCaseSearch: false,
  ...overrides,
});
const policeDpo = actor();
const officer = actor({ userId: 'officer-1', roles: ['participant'] });
const cpasDpo = actor({ userId: 'dpo-2', organisationId: CPAS });
const operator = actor({ userId: 'op-1', organisationId: 'org-host', roles: ['operator'] });
const policeOrder = { kind: 'court_erasure' as const, organisationId: POLICE };

describe('who orders and carries out a destruction', () => {
  it("PEN-16 the controller's DPO records a court's order; its desk executes it; another organisation may not learn of it", () => {
    expect(decide(policeDpo, { action: 'destruction_order.record' }).allowed).toBe(true);
    expect(decide(officer, { action: 'destruction_order.record' })).toMatchObject({
      reason: 'not_dpo',
      answer: 'forbidden',
    });
    expect(decide(officer, { action: 'destruction_order.execute', order: policeOrder }).allowed).toBe(true);
    expect(decide(cpasDpo, { action: 'destruction_order.execute', order: policeOrder })).toMatchObject({
      reason: 'no_such_destruction_order',
      answer: 'not_found',
    });
    expect(decide(policeDpo, { action: 'destruction_order.view', order: undefined }).allowed).toBe(false);
    // An emergency order is not the desk's (RET-09).
    expect(
      decide(policeDpo, {
        action: 'destruction_order.view',
        order: { kind: 'emergency', organisationId: POLICE },
      }).allowed,
    ).toBe(false);
  });

  it('RET-09 only an account with a running designation acts as an authority of art. 45; the operator designates and is none', () => {
    const designation = { userId: 'dpo-1', revokedAt: null };
    expect(decide(policeDpo, { action: 'emergency_destruction.act', designation }).allowed).toBe(true);
    expect(decide(policeDpo, { action: 'emergency_destruction.act', designation: undefined })).toMatchObject({
      reason: 'not_emergency_authority',
      answer: 'forbidden',
    });
    expect(
      decide(policeDpo, {
        action: 'emergency_destruction.act',
        designation: { ...designation, revokedAt: new Date() },
      }).allowed,
    ).toBe(false);
    // Another account's designation is not this one's.
    expect(decide(cpasDpo, { action: 'emergency_destruction.act', designation }).allowed).toBe(false);
    expect(
      decide(operator, {
        action: 'emergency_destruction.act',
        designation: { userId: 'op-1', revokedAt: null },
      }).allowed,
    ).toBe(false);
    expect(decide(operator, { action: 'emergency_authority.designate' }).allowed).toBe(true);
    expect(decide(policeDpo, { action: 'emergency_authority.designate' }).allowed).toBe(false);
  });
});
