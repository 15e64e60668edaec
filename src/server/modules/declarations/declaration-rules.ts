/**
 * The rules of a declaration's life (L2007/L1992 art. 17; SPEC DCL-01..03, DCL-17, DCL-21..24,
 * DCL-27), as pure functions over facts loaded in the transaction: what it covers, how its
 * submissions move (submitted → acknowledged → completed, or incomplete), what the contribution
 * may be, and what the DPO may do next. Every refusal names its field and its rule.
 */
import type {
  DeclarationMode,
  DeclarationStatus,
  RecordPayment,
  UpdateDeclaration,
} from '../../../contracts/declarations.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { DeclarationVersionKind, DeclarationVersionStatus } from '../../db/schema.js';
import type { FieldIssue } from '../../kernel/errors.js';
import {
  BEF_PER_EUR,
  DECLARATION_CONTRIBUTION_MAX_BEF,
  type LegalRules,
  parseCivilDate,
} from '../../kernel/legal-rules/index.js';
import { isCivilDate } from '../identity/royal-decree-rules.js';

export const DECLARATION_RULE = 'L2007 art. 17; L1992 art. 17 (SPEC DCL-01..28)';
export const PURPOSE_SET_RULE = 'L2007 art. 17 §5 (SPEC DCL-17)';
export const STATUS_RULE = 'L2007 art. 17 §2 (SPEC DCL-03)';
export const CONTRIBUTION_RULE = `${DECLARATION_CONTRIBUTION_MAX_BEF.rule} (SPEC DCL-23)`;
export const CESSATION_RULE = 'L2007 art. 17 §7; L1992 art. 17 §7 (SPEC DCL-21)';

/** What a mapping needs to know of a framework. */
export interface MappedFrameworkFacts {
  id: string;
  purposes: readonly PurposeCode[];
  /** The organiser and the participants. */
  partyIds: readonly string[];
  /** Another live declaration of the same controller covers it already. */
  mappedElsewhere: boolean;
}

/**
 * DCL-17: the frameworks a declaration covers: each one the controller takes part in, whose
 * purposes the declaration's purpose set contains, covered by no other of its declarations.
 */
export function mappingIssues(
  frameworkIds: readonly string[],
  purposes: readonly PurposeCode[],
  controllerId: string,
  facts: ReadonlyMap<string, MappedFrameworkFacts>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  frameworkIds.forEach((id, index) => {
    const field = `/body/frameworks/${index}/frameworkId`;
    const framework = facts.get(id);
    if (frameworkIds.indexOf(id) !== index) issues.push({ field, message: 'is listed twice' });
    else if (!framework?.partyIds.includes(controllerId)) {
      issues.push({ field, message: 'is not a framework your organisation takes part in' });
    } else if (framework.mappedElsewhere) {
      issues.push({ field, message: 'is covered by another declaration of your organisation already' });
    } else {
      const uncovered = framework.purposes.filter((purpose) => !purposes.includes(purpose));
      if (uncovered.length > 0) {
        issues.push({
          field,
          message: `serves ${uncovered.join(', ')}, which this declaration does not cover: add the purpose or declare it apart (art. 17 §5)`,
        });
      }
    }
  });
  return issues;
}

/** DCL-22, DCL-27: the mode names what it rests on, and nothing of another mode. */
export function modeIssues(
  mode: DeclarationMode,
  input: Pick<UpdateDeclaration, 'sectoralCommittee' | 'royalDecreeExemption'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sectoral = input.sectoralCommittee ?? null;
  const exemption = input.royalDecreeExemption ?? null;
  if (mode === 'sectoral_committee' && !sectoral) {
    issues.push({
      field: '/body/sectoralCommittee',
      message: 'name the committee and its authorisation (L2007 art. 20)',
    });
  }
  if (mode !== 'sectoral_committee' && sectoral) {
    issues.push({ field: '/body/sectoralCommittee', message: 'is only for the sectoral-committee mode' });
  }
  if (mode === 'royal_decree_exemption' && !exemption) {
    issues.push({
      field: '/body/royalDecreeExemption',
      message: 'cite the royal decree of the exemption (L2007 art. 17 §8)',
    });
  }
  if (mode !== 'royal_decree_exemption' && exemption) {
    issues.push({
      field: '/body/royalDecreeExemption',
      message: 'is only for the royal-decree exemption mode',
    });
  }
  if (sectoral && !isCivilDate(sectoral.authorisationDate)) {
    issues.push({ field: '/body/sectoralCommittee/authorisationDate', message: 'is not a date' });
  }
  return issues;
}

/** A day of the declaration's life: a real day, not after today, not before `notBefore`. */
export function dayIssues(
  field: string,
  day: string,
  today: string,
  notBefore?: { day: string; what: string },
): FieldIssue[] {
  if (!isCivilDate(day)) return [{ field, message: 'is not a date' }];
  if (day > today) return [{ field, message: 'is after today: record it once it happened' }];
  if (notBefore && day < notBefore.day)
    return [{ field, message: `is before ${notBefore.what} (${notBefore.day})` }];
  return [];
}

export interface VersionFacts {
  kind: DeclarationVersionKind;
  status: DeclarationVersionStatus;
  submittedOn: string;
  acknowledgedOn: string | null;
  paid: boolean;
}

export type VersionAction = 'acknowledge' | 'record_incomplete' | 'record_payment' | 'complete';

/**
 * What may be recorded on a version now (DCL-03, DCL-23): the Commission acknowledges a
 * submission or finds it incomplete; the contribution is recorded once; a version is completed
 * once acknowledged (an exemption or a committee needs no acknowledgement of the Commission) and
 * paid or relieved of payment.
 */
export function versionActions(version: VersionFacts, mode: DeclarationMode): VersionAction[] {
  if (version.status === 'completed' || version.status === 'incomplete') return [];
  const actions: VersionAction[] = [];
  if (version.status === 'submitted') actions.push('acknowledge', 'record_incomplete');
  if (version.status === 'acknowledged') actions.push('record_incomplete');
  if (!version.paid) actions.push('record_payment');
  const acknowledged = version.status === 'acknowledged' || mode !== 'commission';
  if (acknowledged && version.paid) actions.push('complete');
  return actions;
}

/** Refuses an act `versionActions` does not allow now, naming the status. */
export function versionActionRefusal(
  version: VersionFacts,
  mode: DeclarationMode,
  action: VersionAction,
): string | undefined {
  if (versionActions(version, mode).includes(action)) return undefined;
  if (action === 'complete' && !version.paid) {
    return 'A declaration is completed only with a payment reference, or the contribution recorded as not required (art. 17 §9)';
  }
  if (action === 'complete' && mode === 'commission' && version.status === 'submitted') {
    return 'Record the acknowledgement of receipt of the Commission first (art. 17 §2)';
  }
  if (action === 'record_payment') return 'The contribution of this version is recorded already';
  return `The version is ${version.status}: it cannot be ${action.replaceAll('_', ' ')}d now`;
}

/**
 * DCL-23: the contribution may not exceed 10,000 francs (art. 17 §9), read in euro at the
 * irrevocable rate; "not required" needs no amount.
 */
export function paymentIssues(input: RecordPayment, today: string): FieldIssue[] {
  if ('notRequired' in input) return [];
  const issues: FieldIssue[] = dayIssues('/body/paidOn', input.paidOn, today);
  const { cents, currency } = input.amount;
  const maxCents =
    currency === 'BEF'
      ? DECLARATION_CONTRIBUTION_MAX_BEF.amount * 100
      : Math.floor((DECLARATION_CONTRIBUTION_MAX_BEF.amount / BEF_PER_EUR.rate) * 100);
  if (cents > maxCents) {
    issues.push({
      field: '/body/amount/cents',
      message: `exceeds the contribution's cap of ${DECLARATION_CONTRIBUTION_MAX_BEF.amount} BEF (${(maxCents / 100).toFixed(2)} ${currency}) (art. 17 §9)`,
    });
  }
  return issues;
}

/** DCL-03: the day the acknowledgement is due, and whether it is overdue now (Commission mode only). */
export function acknowledgementState(
  version: Pick<VersionFacts, 'status' | 'submittedOn' | 'acknowledgedOn'>,
  mode: DeclarationMode,
  rules: LegalRules,
): { dueOn: string | null; acknowledgedOn: string | null; overdue: boolean } {
  if (mode !== 'commission') return { dueOn: null, acknowledgedOn: version.acknowledgedOn, overdue: false };
  const due = rules.commissionAcknowledgementDue(parseCivilDate(version.submittedOn));
  return {
    dueOn: due.date,
    acknowledgedOn: version.acknowledgedOn,
    overdue: version.status === 'submitted' && version.acknowledgedOn === null && rules.isOverdue(due),
  };
}

/** DCL-03: draft until the first submission, then the status of the last version. */
export function declarationStatus(latest: Pick<VersionFacts, 'status'> | undefined): DeclarationStatus {
  return latest ? latest.status : 'draft';
}

export function declarationLifecycle(
  latest: Pick<VersionFacts, 'kind'> | undefined,
): 'draft' | 'declared' | 'ceased' {
  if (!latest) return 'draft';
  return latest.kind === 'cessation' ? 'ceased' : 'declared';
}

/** The kind of the next submission: the first is the declaration, any later one a modification (§7). */
export function nextVersionKind(
  latest: Pick<VersionFacts, 'kind'> | undefined,
): 'declaration' | 'modification' {
  return latest ? 'modification' : 'declaration';
}

/** DCL-24: the register number is the Commission's (or the committee's) once something was submitted. */
export function registerNumberRefusal(mode: DeclarationMode, submitted: boolean): string | undefined {
  if (mode === 'royal_decree_exemption')
    return 'An exempted processing is not entered in the register (art. 17 §8)';
  if (!submitted) return 'The register number is given to a submitted declaration: submit it first (art. 18)';
  return undefined;
}
