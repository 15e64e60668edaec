/**
 * The rules of the information obligation (L2007 art. 9; L1992 art. 9; SPEC RGT-INF-01..07,
 * RGT-IND-01), as pure functions over facts loaded in the transaction: which obligation a new
 * person opens, when it is due, when it is overdue, and what closing it needs.
 */
import type {
  CloseExempted,
  CloseInformed,
  ExemptionGround,
  PersonInformation,
} from '../../../contracts/information-notices.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { isCivilDate } from '../identity/royal-decree-rules.js';

export const INFORMATION_RULE = 'L2007 art. 9 §1 and §2 al. 1 (SPEC RGT-INF-01, RGT-INF-02)';
export const DISCLOSURE_RULE =
  'L2007 art. 9 §2 al. 1: at the latest at the first communication to a third party (SPEC RGT-INF-02)';
export const EXEMPTION_RULE = 'L2007 art. 9 §2 al. 2 a)-b); L1992 art. 9 al. 3 (SPEC RGT-INF-03, RGT-INF-06)';
export const INDIRECT_RULE = 'L2007 art. 3 §4-§5; L1992 art. 4 §1 al. 2 (SPEC RGT-IND-01, SCO-15)';
export const RESTRICTION_RULE = 'bill art. 7 (SPEC RGT-INF-07)';

/**
 * Regimes whose controllers owe no direct information: intelligence and security services (L2007
 * art. 3 §4) and police processing (art. 3 §5; the Law of 30 July 2018 Title 3). The person's
 * rights go through the Commission (art. 13, SPEC RGT-IND-02).
 */
export const INDIRECT_REGIMES: readonly string[] = ['law2018_title3', 'intelligence'];

export interface NewObligation {
  collection: 'from_subject' | 'not_from_subject';
  status: 'open' | 'informed' | 'indirect_regime';
  disclosureEnvisaged: boolean;
  informed: { noticeVersion: string; informedOn: string; channel: string } | null;
}

/**
 * RGT-INF-01: a person whose data are obtained from the person concerned is informed at the
 * latest then, so the form confirms that the notice was delivered, when and how. A delivery
 * "today" or earlier only (Brussels civil date).
 */
export function personInformationIssues(
  information: PersonInformation | undefined,
  today: string,
  sharedAtRecording: boolean,
): FieldIssue[] {
  if (!information) return [];
  const issues: FieldIssue[] = [];
  const at = (field: string, message: string) =>
    issues.push({ field: `/body/information/${field}`, message });
  const noticeFields = ['noticeDelivered', 'noticeDeliveredOn', 'channel', 'noticeVersion'] as const;
  if (information.collection === 'not_from_subject') {
    for (const field of noticeFields) {
      if (information[field] !== undefined)
        at(field, 'is recorded when the notice is given: close the information obligation');
    }
    // Recorded in a case past its signal, the person is shared with the parties at once: that is
    // the first communication, so the information cannot wait for a later one.
    if (information.disclosureEnvisaged && sharedAtRecording) {
      at(
        'disclosureEnvisaged',
        "is shared with the case's parties as it is recorded: the information is due now",
      );
    }
    return issues;
  }
  if (information.noticeDelivered !== true) {
    at('noticeDelivered', 'confirm that the notice was given to the person when the data were obtained');
  }
  if (information.noticeDeliveredOn === undefined) at('noticeDeliveredOn', 'say when the notice was given');
  else if (!isCivilDate(information.noticeDeliveredOn)) at('noticeDeliveredOn', 'is not a date');
  else if (information.noticeDeliveredOn > today) at('noticeDeliveredOn', 'is after today');
  if (information.channel === undefined) at('channel', 'say how the notice was given');
  if (information.noticeVersion === undefined) at('noticeVersion', 'name the version of the notice given');
  if (information.disclosureEnvisaged !== undefined) {
    at(
      'disclosureEnvisaged',
      'the person was informed when the data were obtained (art. 9 §1): no later due date',
    );
  }
  return issues;
}

/** The obligation a new person opens for its controller (RGT-INF-01, RGT-INF-02, RGT-IND-01). */
export function newObligation(information: PersonInformation | undefined, dpRegime: string): NewObligation {
  const collection = information?.collection ?? 'not_from_subject';
  const disclosureEnvisaged = information?.disclosureEnvisaged === true;
  if (INDIRECT_REGIMES.includes(dpRegime)) {
    return { collection, status: 'indirect_regime', disclosureEnvisaged: false, informed: null };
  }
  if (collection === 'from_subject') {
    return {
      collection,
      status: 'informed',
      disclosureEnvisaged: false,
      informed: {
        noticeVersion: information!.noticeVersion!,
        informedOn: information!.noticeDeliveredOn!,
        channel: information!.channel!,
      },
    };
  }
  return { collection, status: 'open', disclosureEnvisaged, informed: null };
}

export interface ObligationTiming {
  status: string;
  recordedOn: string;
  disclosureEnvisaged: boolean;
}

/**
 * art. 9 §2 al. 1: due when the data are recorded; with a communication to a third party
 * envisaged, at the latest at the first communication (which waits for it, so it is never late).
 */
export function dueOn(obligation: ObligationTiming): string | null {
  return obligation.disclosureEnvisaged ? null : obligation.recordedOn;
}

/** RGT-INF-02: still open after its due date (the day after recording, Brussels). */
export function isOverdue(obligation: ObligationTiming, today: string): boolean {
  const due = dueOn(obligation);
  return obligation.status === 'open' && due !== null && due < today;
}

/** Closing as informed: the notice was given on a real day, not before recording, not after today. */
export function informedIssues(input: CloseInformed, recordedOn: string, today: string): FieldIssue[] {
  const issue = (message: string): FieldIssue[] => [{ field: '/body/informedOn', message }];
  if (!isCivilDate(input.informedOn)) return issue('is not a date');
  if (input.informedOn > today) return issue('is after today: record the notice once it is given');
  // art. 9 §1: a notice given before the person was recorded is the notice of art. 9 §1, recorded
  // at the person's creation; here it is the notice of §2, given after the recording.
  if (input.informedOn < recordedOn) return issue('is before the person was recorded');
  return [];
}

/** Grounds that need a legal reference: the provision applied (b), the royal decree (collective). */
const REFERENCE_NEEDED: Record<ExemptionGround, string | null> = {
  impossible_or_disproportionate: null,
  legal_provision:
    'cite the provision by or under a law, decree or ordinance that the recording or communication applies',
  collective_information: 'cite the royal decree that allows a collective information procedure',
};

/** RGT-INF-03, RGT-INF-06: the ground, a justification, and the reference the ground needs. */
export function exemptionIssues(input: CloseExempted): FieldIssue[] {
  const needed = REFERENCE_NEEDED[input.ground];
  if (needed && input.legalReference === undefined)
    return [{ field: '/body/legalReference', message: needed }];
  if (!needed && input.legalReference !== undefined) {
    return [
      {
        field: '/body/legalReference',
        message: 'ground a) cites no provision: say why informing is impossible or disproportionate',
      },
    ];
  }
  return [];
}
