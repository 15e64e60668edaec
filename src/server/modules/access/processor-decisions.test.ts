import { describe, expect, it } from 'vitest';
import type { ActorFacts } from './actor-facts.js';
import { decide } from './decide.js';
import type { BreakGlassFacts } from './processor-decisions.js';

const POLICE = 'org-police';
const CPAS = 'org-cpas';
const HOST = 'org-host';

const actor = (overrides: Partial<ActorFacts> = {}): ActorFacts => ({
  userId: 'operator-1',
  organisationId: HOST,
  roles: ['operator'],
  representedAuthorities: [],
  lapsedAuthorities: [],
  secrecyAccepted: true,
  awarenessAcknowledged: false,
  justified: false,
  designations: [],
  crossCaseSearch: false,
  ...overrides,
});
const operator = actor();
const policeDpo = actor({ userId: 'dpo-1', organisationId: POLICE, roles: ['dpo'] });
const cpasDpo = actor({ userId: 'dpo-2', organisationId: CPAS, roles: ['dpo'] });
const officer = actor({
  userId: 'officer-1',
  organisationId: POLICE,
  roles: ['participant'],
  awarenessAcknowledged: true,
  justified: true,
});

const NOW = new Date('2026-03-02T10:00:00Z');
const grant = (overrides: Partial<BreakGlassFacts> = {}): BreakGlassFacts => ({
  controllerId: POLICE,
  granteeUserId: 'operator-1',
  decision: 'approved',
  endedAt: null,
  expiresAt: new Date('2026-03-02T11:00:00Z'),
  ...overrides,
});
const read = (who: ActorFacts, facts: BreakGlassFacts | undefined, now = NOW) =>
  decide(who, { action: 'break_glass.read', grant: facts, now });

describe('who acts on the processor registry (L2007 art. 16 §1)', () => {
  const hostRecord = { controllerId: POLICE, hostSide: true };
  const ownBackup = { controllerId: POLICE, hostSide: false };

  it("PRC-01 the controller's DPO keeps and approves its registry; the host proposes its side but never approves", () => {
    expect(decide(policeDpo, { action: 'processor.approve', record: hostRecord })).toMatchObject({
      allowed: true,
    });
    expect(decide(operator, { action: 'processor.edit', record: hostRecord })).toMatchObject({
      allowed: true,
      relation: 'platform',
    });
    expect(decide(operator, { action: 'processor.approve', record: hostRecord })).toMatchObject({
      allowed: false,
      reason: 'not_controller_dpo',
      answer: 'forbidden',
    });
    expect(
      decide(operator, { action: 'processor.create', controllerId: POLICE, hostSide: true }),
    ).toMatchObject({ allowed: true });
    expect(
      decide(operator, { action: 'processor.create', controllerId: POLICE, hostSide: false }),
    ).toMatchObject({ allowed: false });
  });

  it('PRC-01 a processor the controller chose itself, or another controller’s registry, does not exist for the others', () => {
    expect(decide(operator, { action: 'processor.view', record: ownBackup })).toMatchObject({
      answer: 'not_found',
    });
    expect(decide(cpasDpo, { action: 'processor.view', record: hostRecord })).toMatchObject({
      answer: 'not_found',
    });
    expect(decide(officer, { action: 'processor.view', record: hostRecord })).toMatchObject({
      reason: 'not_processor_party',
      answer: 'forbidden',
    });
    expect(
      decide(cpasDpo, { action: 'processor.create', controllerId: POLICE, hostSide: false }),
    ).toMatchObject({
      reason: 'not_controller_dpo',
    });
  });
});

describe('who reads under break-glass (L2007 art. 16 §3)', () => {
  it('SEC-12 PRC-06 only the named grantee of an approved grant reads, within its window', () => {
    expect(read(operator, grant())).toMatchObject({ allowed: true });
    // A support ticket without the controller's instruction is denied.
    expect(read(operator, grant({ decision: null, expiresAt: null }))).toMatchObject({
      reason: 'instruction_missing',
      answer: 'forbidden',
    });
    expect(read(operator, grant({ decision: 'refused', expiresAt: null }))).toMatchObject({
      reason: 'instruction_missing',
    });
    expect(read(operator, grant(), new Date('2026-03-02T11:00:00Z'))).toMatchObject({
      reason: 'break_glass_ended',
    });
    expect(read(operator, grant({ endedAt: NOW }))).toMatchObject({ reason: 'break_glass_ended' });
    expect(read(actor({ userId: 'operator-2' }), grant())).toMatchObject({ reason: 'not_grantee' });
    expect(read(operator, undefined)).toMatchObject({ answer: 'not_found' });
  });

  it("SEC-12 no one else reads under a grant, not even the controller's own staff or DPO", () => {
    expect(read(policeDpo, grant())).toMatchObject({ reason: 'not_platform_operator', answer: 'forbidden' });
    expect(read(officer, grant())).toMatchObject({ reason: 'not_platform_operator' });
    expect(read(actor({ secrecyAccepted: false }), grant())).toMatchObject({
      reason: 'secrecy_undertaking_missing',
    });
  });

  it("SEC-12 the controller's DPO decides; the host's staff see the grant; another DPO does not know it", () => {
    expect(
      decide(policeDpo, { action: 'break_glass.decide', grant: grant({ decision: null }) }),
    ).toMatchObject({ allowed: true });
    expect(
      decide(operator, { action: 'break_glass.decide', grant: grant({ decision: null }) }),
    ).toMatchObject({
      reason: 'not_controller_dpo',
    });
    expect(decide(cpasDpo, { action: 'break_glass.view', grant: grant() })).toMatchObject({
      answer: 'not_found',
    });
    expect(decide(operator, { action: 'break_glass.view', grant: grant() })).toMatchObject({ allowed: true });
    expect(
      decide(actor({ userId: 'operator-2' }), { action: 'break_glass.close', grant: grant() }),
    ).toMatchObject({
      reason: 'not_grantee',
    });
    expect(decide(policeDpo, { action: 'break_glass.close', grant: grant() })).toMatchObject({
      allowed: true,
    });
  });
});
