/**
 * Pure rules of the case workflow (bill art. 2 §3, art. 3 §1; SPEC WFL-03, WFL-07, WFL-08,
 * FIL-01): the lifecycle phase an item is stamped with, who must agree the maximum retention
 * and whether it is agreed, and what a signalling may disclose.
 */
import type { CaseState } from '../../db/schema.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { CaseFacts } from '../access/case-audience.js';

export type Phase = 'preparation' | 'consultation' | 'follow_up';

/** WFL-08: preparation until the first consultation, consultation while one runs, follow-up after. */
export function phaseOf(state: CaseState): Phase {
  if (state === 'in_consultation') return 'consultation';
  if (state === 'follow_up') return 'follow_up';
  return 'preparation';
}

/**
 * FIL-01: the participants determine the maximum retention before the first consultation (bill
 * art. 3 §1 al. 1): the compartment that signalled, the organiser, and every organisation
 * admitted and not revoked.
 */
export function retentionParties(kase: CaseFacts): string[] {
  const admitted = kase.participants.filter((p) => !p.revoked).map((p) => p.organisationId);
  return [...new Set([kase.compartmentOrganisationId, kase.organiserOrganisationId, ...admitted])];
}

export interface RetentionStatus {
  approvedBy: string[];
  pending: string[];
  /** Every party approved the current proposal: the first consultation may open (SPEC WFL-07). */
  agreed: boolean;
}

export function retentionStatus(
  kase: CaseFacts,
  months: number | null,
  approvals: readonly string[],
): RetentionStatus {
  const parties = retentionParties(kase);
  const approvedBy = parties.filter((party) => approvals.includes(party));
  const pending = parties.filter((party) => !approvals.includes(party));
  return { approvedBy, pending, agreed: months !== null && pending.length === 0 };
}

/**
 * RET-01 (bill art. 2 §3 4° in fine): what of an agreed maximum is in force. Within the cap it is in
 * force as agreed; beyond it, with the other provision in force recorded, it waits for the approval of
 * the DPO of the controller keeping the shared file, and until then the cap is in force.
 */
export interface RetentionInForce {
  months: number;
  otherRule: string | null;
  /** The longer period and its provision, awaiting the DPO. */
  override: { months: number; rule: string } | null;
}

export function retentionInForce(
  months: number,
  otherRule: string | null,
  capMonths: number,
): RetentionInForce {
  if (months <= capMonths) return { months, otherRule, override: null };
  return { months: capMonths, otherRule: null, override: { months, rule: (otherRule ?? '').trim() } };
}

export interface DraftRecords {
  persons: ReadonlyMap<string, { role: 'subject' | 'relation'; subjectIds: readonly string[]; shared: boolean }>;
  items: ReadonlyMap<string, { personIds: readonly string[]; shared: boolean }>;
}

/** The records of a case as the selection rules see them (erased items are no longer selectable). */
export function draftRecordsOf(
  persons: readonly { id: string; role: 'subject' | 'relation'; shared: boolean; subject_ids: readonly string[] }[],
  items: readonly { id: string; shared: boolean; person_ids: readonly string[]; erased_at: unknown }[],
): DraftRecords {
  return {
    persons: new Map(persons.map((p) => [p.id, { role: p.role, shared: p.shared, subjectIds: p.subject_ids }])),
    items: new Map(items.filter((i) => i.erased_at === null).map((i) => [i.id, { shared: i.shared, personIds: i.person_ids }])),
  };
}

/**
 * WFL-03: what a signalling discloses to the organiser is the minimum set the signaller selects:
 * at least one subject, each selected record one of the case, and nothing selected whose person
 * is left out (an item without its person, a relation without its subject), so that the
 * organiser sees exactly the selection. Sharing more records later follows the same rule, the
 * subject aside (it was shared with the signal).
 */
export function selectionIssues(
  selection: { personIds: readonly string[]; itemIds: readonly string[] },
  records: DraftRecords,
  { requireSubject }: { requireSubject: boolean },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const chosen = new Set(selection.personIds);
  selection.personIds.forEach((id, index) => {
    const person = records.persons.get(id);
    if (!person) {
      issues.push({ field: `/body/selection/personIds/${index}`, message: 'is not a person of this case' });
      return;
    }
    for (const subject of person.subjectIds) {
      if (!chosen.has(subject) && !records.persons.get(subject)?.shared) {
        issues.push({ field: `/body/selection/personIds/${index}`, message: 'select the subject this relation relates to as well' });
      }
    }
  });
  const subjects = [...chosen].filter((id) => records.persons.get(id)?.role === 'subject');
  if (requireSubject && subjects.length === 0) {
    issues.push({ field: '/body/selection/personIds', message: 'select at least the subject of the consultation' });
  }
  selection.itemIds.forEach((id, index) => {
    const item = records.items.get(id);
    if (!item) {
      issues.push({ field: `/body/selection/itemIds/${index}`, message: 'is not an item of this case' });
      return;
    }
    if (item.personIds.some((person) => !chosen.has(person) && !records.persons.get(person)?.shared)) {
      issues.push({ field: `/body/selection/itemIds/${index}`, message: 'select the persons this item is about as well' });
    }
  });
  return issues;
}
