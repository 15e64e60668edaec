/**
 * The royal decrees an organisation processes data under (SPEC DAT-32, DAT-33), as pure functions
 * of its authorisations and of the civil date in Brussels: a validity runs from its first to its
 * last day, both included, so a decree valid until 2026-03-02 ends at 2026-03-03 00:00 Brussels.
 */
import type { CreateRoyalDecree, OrganisationKind, RoyalDecreeKind } from '../../../contracts/identity.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { parseCivilDate } from '../../kernel/legal-rules/index.js';

export const PRIOR_NOTICE_RULE = 'L1992 art. 8 §5 (SPEC DAT-32)';
export const SEX_LIFE_RULE = 'L2007 art. 6 §3 (SPEC DAT-33)';
export const CHILD_FOCUS_RULE = 'L2007 art. 3 §6 (SPEC SCO-17)';

/** The article each kind of decree rests on, cited when its record is refused. */
export function decreeRule(kind: RoyalDecreeKind): string {
  if (kind === 'sex_life_treatment') return SEX_LIFE_RULE;
  return kind === 'child_focus_exemption' ? CHILD_FOCUS_RULE : PRIOR_NOTICE_RULE;
}

export interface DecreePeriod {
  kind: RoyalDecreeKind;
  validFrom: string;
  validUntil: string | null;
}

/** In force on `today` (a civil date of Brussels); an art. 8 §5 decree may set no end. */
export function inForce(decree: Pick<DecreePeriod, 'validFrom' | 'validUntil'>, today: string): boolean {
  return decree.validFrom <= today && (decree.validUntil === null || today <= decree.validUntil);
}

/** It ended before `today`: kept as it was, a renewal being a decree of its own. */
export function ended(decree: Pick<DecreePeriod, 'validUntil'>, today: string): boolean {
  return decree.validUntil !== null && decree.validUntil < today;
}

/**
 * L1992 art. 8 §5: the decree in force under which the organisation processes judicial data, and
 * so gives each person concerned prior written notice; undefined when there is none.
 */
export function priorNoticeDecree<T extends DecreePeriod>(
  decrees: readonly T[],
  today: string,
): T | undefined {
  return decrees.find((decree) => decree.kind === 'judicial_data_prior_notice' && inForce(decree, today));
}

/**
 * L2007 art. 6 §3: where an association stands with its individual authorisations to process
 * sexual-life data. `none`: it holds none, and art. 6 §2 alone applies to it, as to anyone.
 * `ended`: the last one ended on `endedOn` and none took over; its category-15 items are blocked.
 */
export type SexLifeStanding =
  | { status: 'none' }
  | { status: 'in_force' }
  | { status: 'not_yet'; from: string }
  | { status: 'ended'; endedOn: string };

export function sexLifeStanding(decrees: readonly DecreePeriod[], today: string): SexLifeStanding {
  const own = decrees.filter((decree) => decree.kind === 'sex_life_treatment');
  if (own.length === 0) return { status: 'none' };
  if (own.some((decree) => inForce(decree, today))) return { status: 'in_force' };
  const endings = own.filter((decree) => ended(decree, today)).map((decree) => decree.validUntil!);
  if (endings.length > 0) return { status: 'ended', endedOn: endings.sort().at(-1)! };
  return { status: 'not_yet', from: own.map((decree) => decree.validFrom).sort()[0]! };
}

/**
 * L2007 art. 3 §6 (SPEC SCO-17): the European Centre for missing and sexually exploited children,
 * authorised by royal decree, processes data on suspects outside arts 6, 8, 9, 10 §1 and 12 but
 * "ne peut tenir un fichier de personnes suspectes": while its decree is in force its persons get
 * no cross-case index, and rights requests about its data go through the Commission (art. 13).
 */
export function childFocusExemption(decrees: readonly DecreePeriod[], today: string): boolean {
  return decrees.some((decree) => decree.kind === 'child_focus_exemption' && inForce(decree, today));
}

export function isCivilDate(value: string): boolean {
  try {
    parseCivilDate(value);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** The operator's record of a decree, new or corrected, judged whole against the organisation's kind. */
export function royalDecreeIssues(
  organisationKind: OrganisationKind,
  decree: Required<CreateRoyalDecree>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // The host is not a participant (bill art. 3 §1 al. 2): it processes no case data under any decree.
  if (organisationKind === 'platform_operator') {
    issues.push({
      field: '/params/organisationId',
      message: 'the host of the platform processes no case data',
    });
  }
  // art. 6 §3: an association with legal personality or an institution of public utility, approved
  // and subsidised by the competent authority; not an authority or a public service itself.
  if (
    decree.kind === 'sex_life_treatment' &&
    organisationKind !== 'other' &&
    organisationKind !== 'platform_operator'
  ) {
    issues.push({
      field: '/body/kind',
      message:
        'only an approved and subsidised association or institution (kind "other") holds such a decree',
    });
  }
  // art. 3 §6: the Centre is a foundation of public utility, not an authority or a public service.
  if (decree.kind === 'child_focus_exemption' && organisationKind !== 'other' && organisationKind !== 'platform_operator') {
    issues.push({ field: '/body/kind', message: 'only the European Centre for missing and sexually exploited children (kind "other") holds it' });
  }
  if (!isCivilDate(decree.validFrom)) issues.push({ field: '/body/validFrom', message: 'is not a date' });
  if (decree.validUntil !== null && !isCivilDate(decree.validUntil)) {
    issues.push({ field: '/body/validUntil', message: 'is not a date' });
  } else if (decree.validUntil !== null && decree.validUntil < decree.validFrom) {
    issues.push({ field: '/body/validUntil', message: 'ends before it starts' });
  }
  // art. 6 §3 al. 2: the decree sets the authorisation's duration.
  if (decree.kind === 'sex_life_treatment' && decree.validUntil === null) {
    issues.push({
      field: '/body/validUntil',
      message: "the decree sets the authorisation's duration: give its last day",
    });
  }
  return issues;
}
