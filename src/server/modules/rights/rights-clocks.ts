/**
 * The clocks of a request's part, from the legal-rules module (ARCHITECTURE §3 law 5): the
 * controller's (45 days for access, SPEC RGT-ACC-03; one month for a rectification, erasure or
 * prohibition, RGT-REC-04, and for an objection, RGT-OBJ-02) and, on the prosecutor's route, the
 * prosecutor's three months from the request (bill art. 7 al. 2, RGT-RST-09); both are shown
 * (SPEC A-13). A request for information under art. 9 has no period of its own: it is answered
 * like the confirmation of art. 10 §1 a), within the access period.
 */
import type { Clock, RightsRequestKind, RightsRoute } from '../../../contracts/rights.js';
import type { Deadline, LegalRules, Regime, RightsRequestKind as LegalKind } from '../../kernel/legal-rules/index.js';
import { brusselsDateOf, parseCivilDate } from '../../kernel/legal-rules/index.js';

export interface ClockFacts {
  kind: RightsRequestKind;
  route: RightsRoute;
  regime: Regime;
  receivedAt: Date;
  datedOn: string;
  answeredAt: Date | null;
  rejected: boolean;
}

export interface PartClocks {
  clock: Clock | null;
  prosecutorClock: Clock | null;
  courtActionAdmissible: boolean;
}

const legalKind = (kind: RightsRequestKind): LegalKind =>
  kind === 'access' || kind === 'information' ? 'access' : kind === 'objection' ? 'objection' : 'rectification';

/** The controller's deadline for `kind`; none where the controller does not answer the person. */
export function controllerDeadline(rules: LegalRules, facts: Pick<ClockFacts, 'kind' | 'route' | 'regime' | 'receivedAt'>): Deadline | null {
  if (facts.route === 'judicial' || facts.route === 'commission') return null;
  const kind = legalKind(facts.kind);
  if (kind === 'access') return rules.accessAnswerDue(facts.regime, facts.receivedAt);
  if (kind === 'objection') return rules.objectionAnswerDue(facts.regime, facts.receivedAt);
  return rules.rectificationNoticeDue(facts.regime, facts.receivedAt);
}

/** bill art. 7 al. 2: "dans les trois mois de la demande", from the date of the request. */
export function prosecutorDeadline(rules: LegalRules, facts: Pick<ClockFacts, 'route' | 'datedOn'>): Deadline | null {
  return facts.route === 'prosecutor' ? rules.prosecutorAnswerDue(parseCivilDate(facts.datedOn)) : null;
}

function clockOf(
  rules: LegalRules,
  deadline: Deadline,
  reminders: readonly string[],
  answered: boolean,
  now: Date,
): Clock {
  const today = brusselsDateOf(now);
  const [first, second] = reminders;
  const reminder = answered ? null : second && today >= second ? 'second' : first && today >= first ? 'first' : null;
  return { dueOn: deadline.date, rule: deadline.rule, overdue: !answered && rules.isOverdue(deadline), reminder };
}

export function partClocks(rules: LegalRules, facts: ClockFacts, now: Date): PartClocks {
  const answered = facts.answeredAt !== null;
  const own = controllerDeadline(rules, facts);
  const prosecutor = prosecutorDeadline(rules, facts);
  const reminderClock = legalKind(facts.kind) === 'access' ? 'access' : 'oneMonth';
  return {
    clock: own ? clockOf(rules, own, rules.rightsReminders(reminderClock, facts.receivedAt), answered, now) : null,
    prosecutorClock: prosecutor
      ? clockOf(rules, prosecutor, rules.rightsReminders('prosecutor', parseCivilDate(facts.datedOn)), answered, now)
      : null,
    courtActionAdmissible:
      own !== null &&
      rules.courtActionAdmissibility(facts.regime, {
        kind: legalKind(facts.kind),
        receivedAt: facts.receivedAt,
        rejected: facts.rejected,
        ...(facts.answeredAt ? { answeredAt: facts.answeredAt } : {}),
      }).admissible,
  };
}
