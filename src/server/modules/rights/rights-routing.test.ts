import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { createLegalRules, months } from '../../kernel/legal-rules/index.js';
import { objectionOf } from './objection-rules.js';
import { partClocks } from './rights-clocks.js';
import { type MatchedRecord, marksContested, planParts } from './rights-routing.js';

const record = (overrides: Partial<MatchedRecord>): MatchedRecord => ({
  recordType: 'item',
  recordId: 'item',
  caseId: 'case',
  frameworkId: 'law-framework',
  controllerId: 'cpas',
  judicial: false,
  policeMission: 'none',
  ...overrides,
});

const controllers = new Map([
  ['cpas', { kind: 'administrative_authority', regime: 'gdpr', childFocusExemption: false }],
  ['police', { kind: 'police_service', regime: 'law2018_title2', childFocusExemption: false }],
  ['ocam', { kind: 'federal_service', regime: 'intelligence', childFocusExemption: false }],
  ['youth', { kind: 'federated_entity_body', regime: 'gdpr', childFocusExemption: false }],
  ['child-focus', { kind: 'other', regime: 'gdpr', childFocusExemption: true }],
]);
const frameworks = new Map([
  ['law-framework', { basisKind: 'decree', authorisingOfficeId: null }],
  ['authorised', { basisKind: 'prosecutor_authorisation', authorisingOfficeId: 'parquet' }],
]);

describe('routing a request (SPEC RGT-GEN-03)', () => {
  it('RGT-GEN-03 RGT-JUD-01 RGT-IND-01 SCO-15 four items land on the four routes, judicial first', () => {
    const parts = planParts(
      'cpas',
      [
        record({ recordId: 'judicial', controllerId: 'youth', judicial: true, frameworkId: 'authorised' }),
        record({ recordId: 'police', controllerId: 'police', policeMission: 'administrative_police' }),
        record({ recordId: 'ocam', controllerId: 'ocam' }),
        record({ recordId: 'authorised', controllerId: 'youth', frameworkId: 'authorised' }),
        record({ recordId: 'standard', controllerId: 'cpas' }),
      ],
      controllers,
      frameworks,
    );
    const routeOf = (id: string) => parts.find((p) => p.records.some((r) => r.recordId === id));
    expect(routeOf('judicial')).toMatchObject({ route: 'judicial', controllerId: 'youth', reason: expect.stringContaining('bill art. 6') });
    expect(routeOf('police')).toMatchObject({ route: 'commission', reason: expect.stringContaining('art. 3 §5') });
    expect(routeOf('ocam')).toMatchObject({ route: 'commission', reason: expect.stringContaining('art. 3 §4') });
    expect(routeOf('authorised')).toMatchObject({ route: 'prosecutor', prosecutorOfficeId: 'parquet' });
    expect(routeOf('standard')).toMatchObject({ route: 'standard', controllerId: 'cpas' });
    expect(parts).toHaveLength(5);
  });

  it('RGT-IND-01 a police item processed for a police mission goes to the Commission; one outside any police mission is answered by the police directly; police person records follow the service', () => {
    const parts = planParts(
      'cpas',
      [
        record({ recordId: 'administrative', controllerId: 'police', policeMission: 'administrative_police' }),
        record({ recordId: 'judicial-police', controllerId: 'police', policeMission: 'judicial_police' }),
        record({ recordId: 'no-mission', controllerId: 'police', policeMission: 'none' }),
        record({ recordType: 'person', recordId: 'person', controllerId: 'police' }),
      ],
      controllers,
      frameworks,
    );
    const routeOf = (id: string) => parts.find((p) => p.records.some((r) => r.recordId === id))?.route;
    expect(routeOf('administrative')).toBe('commission');
    expect(routeOf('judicial-police')).toBe('commission');
    expect(routeOf('no-mission')).toBe('standard');
    expect(routeOf('person')).toBe('commission');
  });

  it('SCO-15 the items of an intelligence service are routed to the Commission and never marked contested (art. 3 §4 disapplies art. 15)', () => {
    expect(marksContested(controllers.get('ocam'))).toBe(false);
    expect(marksContested(controllers.get('police'))).toBe(true);
    expect(marksContested(controllers.get('cpas'))).toBe(true);
  });

  it('SCO-17 the data of Child Focus under its royal decree go through the Commission, not to the person', () => {
    const [part] = planParts('child-focus', [record({ controllerId: 'child-focus' })], controllers, frameworks);
    expect(part).toMatchObject({ route: 'commission', reason: expect.stringContaining('art. 3 §6') });
  });

  it('RGT-GEN-02 the intake desk always has a part of its own, with no data when it holds none', () => {
    const parts = planParts('cpas', [record({ controllerId: 'police', policeMission: 'administrative_police' })], controllers, frameworks);
    expect(parts[0]).toMatchObject({ controllerId: 'cpas', route: 'standard', records: [], reason: expect.stringContaining('no data') });
    expect(parts).toHaveLength(2);
  });
});

describe('the clocks of a part', () => {
  const rules = createLegalRules({ clock: new ManualClock('2025-03-16T10:00:00Z') });

  it('RGT-RST-09 A-13 dated 2025-01-15 on the prosecutor route: the prosecutor answers by 2025-04-15, reminded on 2025-03-15 and 2025-03-31, and the controller clock is shown too', () => {
    const facts = {
      kind: 'rectification' as const,
      route: 'prosecutor' as const,
      regime: 'gdpr' as const,
      receivedAt: new Date('2025-01-16T09:00:00Z'),
      datedOn: '2025-01-15',
      answeredAt: null,
      rejected: false,
    };
    const clocks = partClocks(rules, facts, new Date('2025-03-16T10:00:00Z'));
    expect(clocks.prosecutorClock).toMatchObject({ dueOn: '2025-04-15', rule: 'bill art. 7 al. 2', reminder: 'first', overdue: false });
    expect(clocks.clock).toMatchObject({ dueOn: '2025-02-16', overdue: true });
    expect(rules.rightsReminders('prosecutor', '2025-01-15' as never)).toEqual(['2025-03-15', '2025-03-31']);
    expect(partClocks(rules, facts, new Date('2025-03-31T10:00:00Z')).prosecutorClock?.reminder).toBe('second');
  });

  it('RGT-OBJ-02 RGT-REC-03 RGT-REC-04 an objection received 2025-03-15 is due 2025-04-15; nothing runs on the judicial route', () => {
    const objection = partClocks(
      rules,
      { kind: 'objection', route: 'standard', regime: 'gdpr', receivedAt: new Date('2025-03-15T10:00:00Z'), datedOn: '2025-03-14', answeredAt: null, rejected: false },
      new Date('2025-03-16T10:00:00Z'),
    );
    expect(objection.clock).toMatchObject({ dueOn: '2025-04-15', rule: 'L2007 art. 12 §3 al. 2' });
    const judicial = partClocks(
      rules,
      { kind: 'access', route: 'judicial', regime: 'gdpr', receivedAt: new Date('2025-03-15T10:00:00Z'), datedOn: '2025-03-14', answeredAt: null, rejected: false },
      new Date('2025-03-16T10:00:00Z'),
    );
    expect(judicial).toEqual({ clock: null, prosecutorClock: null, courtActionAdmissible: false });
  });
});

describe('an objection (L2007 art. 12 §1 al. 2)', () => {
  it('RGT-OBJ-01 with lawful ground c the objection does not apply; with ground e the controller weighs the reasons', () => {
    expect(objectionOf('c')).toEqual({ lawfulGround: 'c', applies: false, rule: 'L2007 art. 12 §1 al. 2' });
    expect(objectionOf('b').applies).toBe(false);
    expect(objectionOf('e').applies).toBe(true);
  });
});

describe('participants under different regimes in one framework (SPEC SCO-02)', () => {
  it('SCO-02 in a Veilig Huis framework, police data go the police route and the Flemish agency data the agency regime route, each with its own clock', () => {
    // The GDPR's one month for access (art. 12(3) – external, verify), set as the agency's regime profile (SPEC A-02).
    const rules = createLegalRules({
      clock: new ManualClock('2026-03-02T09:00:00Z'),
      overrides: { regimes: { gdpr: { accessAnswer: { duration: months(1), rule: 'GDPR art. 12(3)' } } } },
    });
    const parts = planParts(
      'youth',
      [
        record({ recordId: 'police-item', controllerId: 'police', policeMission: 'judicial_police' }),
        record({ recordId: 'agency-item', controllerId: 'youth' }),
      ],
      controllers,
      frameworks,
    );
    expect(parts.map((p) => [p.controllerId, p.route])).toEqual([
      ['police', 'commission'],
      ['youth', 'standard'],
    ]);
    const clockOf = (regime: 'gdpr' | 'law2018_title2') =>
      partClocks(
        rules,
        { kind: 'access', route: 'standard', regime, receivedAt: new Date('2026-03-02T09:00:00Z'), datedOn: '2026-03-01', answeredAt: null, rejected: false },
        new Date('2026-03-02T09:00:00Z'),
      ).clock;
    expect(clockOf('gdpr')).toMatchObject({ dueOn: '2026-04-02', rule: 'GDPR art. 12(3)' });
    expect(clockOf('law2018_title2')).toMatchObject({ dueOn: '2026-04-16' });
  });
});
