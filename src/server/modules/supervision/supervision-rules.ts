/**
 * The rules of a controller's dealings with the Commission, as pure functions over facts loaded
 * in the transaction (L1992 arts 10 §2, 30-33; SPEC SUP-01..SUP-05, PEN-14). Dates are civil
 * dates of Brussels; "today" comes from the injected clock.
 */
import { createHash } from 'node:crypto';
import type { InspectorGrant } from '../../../contracts/supervision.js';
import { sniffMediaType } from '../../kernel/documents/index.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { type CivilDate, compareCivilDates } from '../../kernel/legal-rules/civil-date.js';

/** The rules each part of this module cites. */
export const SUPERVISION_RULES = {
  cases: 'L1992 arts 30-31 (SPEC SUP-01)',
  position: 'L1992 art. 30 §2 (SPEC SUP-02)',
  inspection: 'L1992 art. 32 §1; art. 39 13° (SPEC SUP-03, PEN-14)',
  repeat: 'L1992 art. 10 §2 al. 2 (SPEC SUP-05)',
} as const;

const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

const after = (a: string, b: string): boolean => compareCivilDates(a as CivilDate, b as CivilDate) > 0;

/** A date the controller records from a letter: not in the future. */
export function pastDateIssues(fields: Record<string, string>, today: CivilDate): FieldIssue[] {
  return Object.entries(fields)
    .filter(([, date]) => after(date, today))
    .map(([field, date]) => ({ field: `/body/${field}`, message: `${date} is in the future` }));
}

/** SUP-02: the Commission's deadline comes on or after its invitation. */
export function positionIssues(
  input: { invitedOn: string; deadlineOn: string },
  today: CivilDate,
): FieldIssue[] {
  const issues = pastDateIssues({ invitedOn: input.invitedOn }, today);
  if (after(input.invitedOn, input.deadlineOn)) {
    issues.push({ field: '/body/deadlineOn', message: 'comes before the invitation' });
  }
  return issues;
}

/** SUP-02: the position is sent after the invitation, and not in the future. */
export function submissionIssues(submittedOn: string, invitedOn: string, today: CivilDate): FieldIssue[] {
  const issues = pastDateIssues({ submittedOn }, today);
  if (after(invitedOn, submittedOn))
    issues.push({ field: '/body/submittedOn', message: 'comes before the invitation' });
  return issues;
}

/** An action's due date or a position's deadline has passed on `today` while it is still to do. */
export const overdueOn = (due: string, today: CivilDate): boolean => after(today, due);

/** A document as sent: decoded, within the size, of the type its bytes show (SPEC SEC-03). */
export function decodeDocument(
  document: { mediaType: string; contentBase64: string },
  field: string,
): { bytes: Buffer; sha256: string; issues: FieldIssue[] } {
  const bytes = Buffer.from(document.contentBase64, 'base64');
  const issues: FieldIssue[] = [];
  if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) {
    issues.push({ field, message: 'must hold a document of at most 2 MB' });
  } else if (sniffMediaType(bytes) !== document.mediaType) {
    issues.push({ field: `${field}/mediaType`, message: 'does not match the document' });
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), issues };
}

/** What an inspector's grant is at `now`: its period runs, has ended, or the DPO ended it early. */
export function grantStatus(
  grant: { validUntil: Date; revokedAt: Date | null },
  now: Date,
): InspectorGrant['status'] {
  if (grant.revokedAt !== null) return 'revoked';
  return now.getTime() < grant.validUntil.getTime() ? 'running' : 'ended';
}

/** SUP-03: the account runs `days` whole days from its grant (not a legal period: art. 32 sets none). */
export const grantEnd = (grantedAt: Date, days: number): Date =>
  new Date(grantedAt.getTime() + days * 86_400_000);

/** The Commission's request is dated when it arrived: not after the grant that answers it. */
export function requestIssues(requestedAt: Date, now: Date): FieldIssue[] {
  return requestedAt.getTime() > now.getTime()
    ? [{ field: '/body/requestedAt', message: 'is in the future' }]
    : [];
}
