/**
 * The 45 days of art. 10 §1 (L1992 art. 39 5°: not communicating the art. 10 §1 information within
 * 45 days of receipt, or communicating inaccurate or incomplete information; SPEC RGT-GEN-01,
 * RGT-ACC-03, PEN-06): every access request of the controller with its reception and answer dates,
 * the days it took against the period its regime gives (kernel/legal-rules, through the rights
 * module's own clock, `controllerDeadline`), and the SHA-256 of each answer document the desk
 * issued (migration 0038), so that the copy the person holds can be matched with the answer sent.
 * A request for information under art. 9 is answered within the same period (rights-clocks.ts).
 */
import type { AccessSlaReport } from '../../../contracts/penal-evidence.js';
import type { RightsRequestKind, RightsRoute } from '../../../contracts/rights.js';
import {
  ACCESS_ANSWER,
  brusselsDateOf,
  type LegalRules,
  type Regime,
} from '../../kernel/legal-rules/index.js';
import { controllerDeadline } from '../rights/rights-clocks.js';
import { daysBetween } from './civil-days.js';

export const SLA_RULE = `L1992 art. 39 5°; ${ACCESS_ANSWER.rule} (SPEC RGT-ACC-03, PEN-06)`;

export interface AccessPartFacts {
  id: string;
  request_id: string;
  kind: string;
  route: string;
  regime: string;
  received_at: Date;
  status: string;
  outcome: string | null;
  answered_at: Date | null;
}

export interface AnswerDocumentFacts {
  part_id: string;
  kind: string;
  sha256: string;
  size_bytes: number;
  issued_at: Date | string;
}

export function accessRequestSla(
  rules: LegalRules,
  parts: readonly AccessPartFacts[],
  documents: readonly AnswerDocumentFacts[],
): Pick<AccessSlaReport, 'requests' | 'summary'> {
  const requests = parts.map((part) => {
    const deadline = controllerDeadline(rules, {
      kind: part.kind as RightsRequestKind,
      route: part.route as RightsRoute,
      regime: part.regime as Regime,
      receivedAt: part.received_at,
    });
    const receivedOn = brusselsDateOf(part.received_at);
    const answeredOn = part.answered_at ? brusselsDateOf(part.answered_at) : null;
    return {
      partId: part.id,
      requestId: part.request_id,
      kind: part.kind,
      route: part.route,
      receivedAt: part.received_at.toISOString(),
      receivedOn,
      dueOn: deadline?.date ?? null,
      limitDays: deadline ? daysBetween(receivedOn, deadline.date) : null,
      answeredAt: part.answered_at?.toISOString() ?? null,
      answeredOn,
      daysToReply: answeredOn ? daysBetween(receivedOn, answeredOn) : null,
      withinLimit: deadline && answeredOn ? answeredOn <= deadline.date : null,
      overdue: deadline !== null && answeredOn === null && rules.isOverdue(deadline),
      status: part.status,
      outcome: part.outcome,
      answerDocuments: documents
        .filter((doc) => doc.part_id === part.id)
        .map((doc) => ({
          kind: doc.kind,
          sha256: doc.sha256,
          sizeBytes: doc.size_bytes,
          issuedAt: new Date(doc.issued_at).toISOString(),
        })),
    };
  });
  return {
    requests,
    summary: {
      requests: requests.length,
      answered: requests.filter((r) => r.answeredOn !== null).length,
      withinLimit: requests.filter((r) => r.withinLimit === true).length,
      late: requests.filter((r) => r.withinLimit === false).length,
      overdue: requests.filter((r) => r.overdue).length,
    },
  };
}
