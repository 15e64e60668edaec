/**
 * What each relation to a case may do to it, in which states (ARCHITECTURE §3.2; issue 4 scope
 * 2). One row per action: the relations that may act, the states in which they may, whether the
 * actor must hold the organiser role, and whether a permanent representative may act for the
 * authority represented. `decide` applies this table after the audience check.
 */
import type { AccountRole, UserRole } from '../../../contracts/identity.js';
import type { AudienceRelation, CaseState } from '../../db/schema.js';

export const CASE_ACTIONS = [
  'case.view',
  'case.contribute',
  'case.request_review',
  'case.review',
  'case.signal',
  'case.close_draft',
  'case.decide_signal',
  'case.admit',
  'case.propose_retention',
  'case.approve_retention',
  'case.organise',
  'case.close',
  'case.reopen',
  'case.request_transfer',
  'case.decide_transfer',
  'case.follow_up',
  'case.review_minimisation',
  'case.confirm_destruction',
  'case.contest',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Before signalling, the compartment prepares the draft (bill art. 2 §3 1°). */
export const DRAFT_STATES: readonly CaseState[] = ['pre_registered', 'under_evaluation'];
/** From acceptance to closure the shared file is worked on (bill art. 2 §3 2°-3°; SPEC WFL-06..10). */
export const OPEN_STATES: readonly CaseState[] = ['accepted', 'in_consultation', 'follow_up'];
const ALL_STATES: readonly CaseState[] = [
  'pre_registered',
  'under_evaluation',
  'not_signalled',
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
];
const SHARED_FILE: readonly AudienceRelation[] = ['compartment', 'organiser', 'participant'];

interface Grant {
  relations: readonly AudienceRelation[];
  states: readonly CaseState[];
}

interface ActionRule {
  /** The action is allowed when one grant matches the relation and the state. */
  grants: readonly Grant[];
  /** The actor must hold this role itself (SPEC ROL-03: the organiser role). */
  role?: UserRole;
  /** A permanent representative may act for the authority represented (bill art. 5). */
  representative: boolean;
  /** The rule cited when the state or the relation does not allow the action. */
  rule: string;
  /** It shows case content: the working session must say why (issue 4 scope 7). */
  justification?: true;
}

export const CASE_ACTION_RULES: Record<CaseAction, ActionRule> = {
  'case.view': {
    grants: [{ relations: ['compartment', 'reviewer', 'organiser', 'participant'], states: ALL_STATES }],
    representative: true,
    rule: 'bill art. 2 §3; art. 4 al. 2 (SPEC FIL-06)',
    justification: true,
  },
  // Adding persons, information, annotations and attachments: the compartment before signalling,
  // the shared file's participants from acceptance to closure. Closed cases are read-only (WFL-11).
  'case.contribute': {
    grants: [
      { relations: ['compartment'], states: DRAFT_STATES },
      { relations: SHARED_FILE, states: OPEN_STATES },
    ],
    representative: true,
    rule: 'bill art. 2 §3 1° and 3° (SPEC WFL-01, WFL-08, WFL-11)',
  },
  'case.request_review': {
    grants: [{ relations: ['compartment'], states: ['pre_registered'] }],
    representative: false,
    rule: 'bill Comm. art. 2 (SPEC WFL-02)',
  },
  // The reviewer reads the draft and records its decision, nothing else (SPEC ROL-13).
  'case.review': {
    grants: [{ relations: ['reviewer'], states: ['under_evaluation'] }],
    representative: false,
    rule: 'bill Comm. art. 2 (SPEC WFL-02, ROL-13)',
    justification: true,
  },
  'case.signal': {
    grants: [{ relations: ['compartment'], states: ['pre_registered'] }],
    representative: false,
    rule: 'bill art. 2 §3 1° (SPEC WFL-03)',
    justification: true,
  },
  'case.close_draft': {
    grants: [{ relations: ['compartment'], states: DRAFT_STATES }],
    representative: false,
    rule: 'bill art. 2 §3 1° (SPEC WFL-05)',
  },
  'case.decide_signal': {
    grants: [{ relations: ['organiser'], states: ['signalled'] }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 2 §3 1° (SPEC ROL-03, WFL-06)',
  },
  'case.admit': {
    grants: [{ relations: ['organiser'], states: OPEN_STATES }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 2 §3 2° (SPEC ROL-02, ROL-03)',
  },
  'case.propose_retention': {
    grants: [{ relations: ['organiser'], states: OPEN_STATES }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 3 §1 al. 1 (SPEC FIL-01)',
  },
  'case.approve_retention': {
    grants: [{ relations: SHARED_FILE, states: OPEN_STATES }],
    representative: true,
    rule: 'bill art. 3 §1 al. 1 (SPEC FIL-01)',
  },
  // Agenda, minutes, decisions and actions of the consultations (SPEC WFL-09, WFL-10).
  'case.organise': {
    grants: [{ relations: ['organiser'], states: OPEN_STATES }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 2 §3 1° (SPEC ROL-03, WFL-09)',
  },
  'case.close': {
    grants: [{ relations: ['organiser'], states: OPEN_STATES }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 2 §3 4° (SPEC ROL-03, WFL-11)',
  },
  'case.reopen': {
    grants: [{ relations: ['organiser'], states: ['closed'] }],
    role: 'organiser',
    representative: false,
    rule: 'bill art. 2 §3 4° (SPEC WFL-11)',
  },
  // The own file is the participant's own (bill art. 4): its members ask, not a representative.
  'case.request_transfer': {
    grants: [{ relations: SHARED_FILE, states: OPEN_STATES }],
    representative: false,
    rule: 'bill art. 4 al. 1 (SPEC FIL-05)',
  },
  // The controller of shared information agrees, or not, to its copy (bill art. 4 al. 1 2°).
  'case.decide_transfer': {
    grants: [{ relations: SHARED_FILE, states: ALL_STATES }],
    representative: false,
    rule: 'bill art. 4 al. 1 2° (SPEC FIL-05)',
  },
  // The status of an action assigned to one's organisation (SPEC WFL-10).
  'case.follow_up': {
    grants: [{ relations: SHARED_FILE, states: OPEN_STATES }],
    representative: true,
    rule: 'bill art. 2 §3 2° (SPEC WFL-10)',
  },
  // The organiser examines, case by case, whether the shared information is adequate, relevant and
  // not excessive, and reviews the catch-all items (bill Comm. art. 2; art. 2 §2 al. 1 16°), while
  // the shared file is worked on and its controllers can still correct or erase what it finds.
  'case.review_minimisation': {
    grants: [{ relations: ['organiser'], states: OPEN_STATES }],
    role: 'organiser',
    representative: false,
    rule: 'bill Comm. art. 2; art. 2 §2 al. 1 16° (SPEC PUR-04, DAT-16)',
    justification: true,
  },
  // The holder of a paper part confirms its destruction, in any state: at the end of retention
  // (a closed case) or on its own decision before. The paper is in the holder's own keeping, so
  // its members confirm, not a representative (SPEC SCO-09).
  'case.confirm_destruction': {
    grants: [{ relations: SHARED_FILE, states: ALL_STATES }],
    representative: false,
    rule: 'L2007 art. 3 §1; bill art. 2 §3 4° (SPEC SCO-09)',
  },
  // The controller records the court actions brought against it, their orders, and the end of a
  // contested marking (L2007 arts 14-15), in any state: an action may come after closure. It is the
  // controller's own litigation, so its members act, not a representative (SPEC RGT-CRT-01, A-22).
  'case.contest': {
    grants: [{ relations: SHARED_FILE, states: ALL_STATES }],
    representative: false,
    rule: 'L2007 arts 14-15 (SPEC RGT-CRT-01, RGT-CON-03, A-22)',
  },
};

export type CaseActionRefusal = 'case_state' | 'organiser_role_required' | 'representative_not_allowed';

/** Why `relation` may not take `action` in `state` (in this order of precedence), or undefined. */
export function caseActionRefusal(
  action: CaseAction,
  relation: AudienceRelation,
  state: CaseState,
  actor: { roles: readonly AccountRole[]; viaRepresentation: boolean },
): CaseActionRefusal | undefined {
  const rule = CASE_ACTION_RULES[action];
  if (actor.viaRepresentation && !rule.representative) return 'representative_not_allowed';
  if (rule.role && !actor.viaRepresentation && !actor.roles.includes(rule.role)) return 'organiser_role_required';
  const granted = rule.grants.some((g) => g.relations.includes(relation) && g.states.includes(state));
  return granted ? undefined : 'case_state';
}
