/**
 * Supervisory cases, repeat instructions and inspector grants in the contract's words. What the
 * Commission's letters and the controller's actions say is decrypted with the supervisory case's
 * cipher (scope `supervision:<id>`, ARCHITECTURE §3.3); the associated data names the record, so a
 * ciphertext moved to another record does not decrypt.
 */
import type {
  InspectorGrant,
  RepeatInstruction,
  SupervisoryAction,
  SupervisoryCase,
  SupervisoryCaseList,
} from '../../../contracts/supervision.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { brusselsDateOf, type CivilDate } from '../../kernel/legal-rules/index.js';
import { grantStatus, overdueOn } from './supervision-rules.js';
import type {
  InspectorGrantRow,
  RepeatInstructionRow,
  SupervisoryActionRow,
  SupervisoryCaseRow,
  SupervisoryEntryRow,
  SupervisoryPositionRow,
  UserRow,
} from './supervision.repository.js';

export const supervisionScope = (caseId: string): string => `supervision:${caseId}`;

/** The encrypted fields, as `[record, version]` for `ScopeCipher`. */
export const SUPERVISION_FIELDS = {
  subject: (id: string) => [`supervisory_case:${id}`, 1] as const,
  summary: (id: string) => [`supervisory_entry:${id}`, 1] as const,
  entryDocument: (id: string) => [`supervisory_entry:${id}:document`, 1] as const,
  description: (id: string) => [`supervisory_action:${id}`, 1] as const,
  doneNote: (id: string) => [`supervisory_action:${id}:done`, 1] as const,
  positionDocument: (id: string) => [`supervisory_position:${id}:document`, 1] as const,
};

const iso = (at: Date | string): string => new Date(at).toISOString();

const caseFields = (row: SupervisoryCaseRow) => ({
  id: row.id,
  commissionReference: row.commission_reference,
  origin: row.origin,
  openedOn: row.opened_on,
  state: row.state,
  closure: row.closure,
  closedAt: row.closed_at ? iso(row.closed_at) : null,
});

export function presentCaseSummaries(
  rows: readonly SupervisoryCaseRow[],
  actions: readonly SupervisoryActionRow[],
  positions: readonly SupervisoryPositionRow[],
  today: CivilDate,
): SupervisoryCaseList {
  return {
    supervisoryCases: rows.map((row) => {
      const open = actions.filter((action) => action.case_id === row.id && action.done_at === null);
      return {
        ...caseFields(row),
        openActions: open.length,
        overdueActions: open.filter((action) => overdueOn(action.due_on, today)).length,
        awaitedPositions: positions.filter(
          (position) => position.case_id === row.id && position.submitted_on === null && row.state === 'open',
        ).length,
      };
    }),
  };
}

export async function presentAction(
  row: SupervisoryActionRow,
  cipher: ScopeCipher,
  userNames: ReadonlyMap<string, string>,
  today: CivilDate,
): Promise<SupervisoryAction> {
  return {
    id: row.id,
    caseId: row.case_id,
    entryId: row.entry_id,
    description: await cipher.decryptText(...SUPERVISION_FIELDS.description(row.id), row.description),
    dueOn: row.due_on,
    overdue: row.done_at === null && overdueOn(row.due_on, today),
    // The migration's checks keep the done columns all set or all null.
    done:
      row.done_at === null
        ? null
        : {
            by: userNames.get(row.done_by!) ?? '',
            at: iso(row.done_at),
            note: await cipher.decryptText(...SUPERVISION_FIELDS.doneNote(row.id), row.done_note!),
          },
  };
}

export interface CaseDetail {
  row: SupervisoryCaseRow;
  entries: readonly SupervisoryEntryRow[];
  actions: readonly SupervisoryActionRow[];
  positions: readonly SupervisoryPositionRow[];
}

export async function presentCase(
  detail: CaseDetail,
  cipher: ScopeCipher,
  userNames: ReadonlyMap<string, string>,
  today: CivilDate,
): Promise<SupervisoryCase> {
  const { row } = detail;
  return {
    ...caseFields(row),
    subject: await cipher.decryptText(...SUPERVISION_FIELDS.subject(row.id), row.subject),
    entries: await Promise.all(
      detail.entries.map(async (entry) => ({
        id: entry.id,
        kind: entry.kind,
        datedOn: entry.dated_on,
        summary: await cipher.decryptText(...SUPERVISION_FIELDS.summary(entry.id), entry.summary),
        document: entry.document_media_type
          ? { mediaType: entry.document_media_type, sha256: entry.document_sha256! }
          : null,
        recordedBy: userNames.get(entry.recorded_by) ?? '',
        recordedAt: iso(entry.recorded_at),
      })),
    ),
    actions: await Promise.all(
      detail.actions.map((action) => presentAction(action, cipher, userNames, today)),
    ),
    positions: detail.positions.map((position) => ({
      id: position.id,
      invitedOn: position.invited_on,
      deadlineOn: position.deadline_on,
      overdue:
        position.submitted_on === null && row.state === 'open' && overdueOn(position.deadline_on, today),
      submission:
        position.submitted_on === null
          ? null
          : {
              submittedOn: position.submitted_on,
              document: { mediaType: position.document_media_type!, sha256: position.document_sha256! },
              submittedBy: userNames.get(position.submitted_by!) ?? '',
              recordedAt: iso(position.submitted_at!),
            },
    })),
  };
}

/** The users a case names: who recorded, did and submitted what. */
export const usersNamedBy = (detail: Omit<CaseDetail, 'row'>): string[] => [
  ...detail.entries.map((entry) => entry.recorded_by),
  ...detail.actions.flatMap((action) => (action.done_by ? [action.done_by] : [])),
  ...detail.positions.flatMap((position) => (position.submitted_by ? [position.submitted_by] : [])),
];

export const presentInstruction = (row: RepeatInstructionRow): RepeatInstruction => ({
  id: row.id,
  partId: row.part_id,
  commissionReference: row.commission_reference,
  issuedOn: row.issued_on,
  intervalMonths: row.interval_months,
  supervisoryCaseId: row.supervisory_case_id,
  recordedAt: iso(row.recorded_at),
});

export function presentGrant(
  row: InspectorGrantRow,
  inspector: UserRow | undefined,
  now: Date,
): InspectorGrant {
  const requestedAt = new Date(row.requested_at);
  const grantedAt = new Date(row.granted_at);
  const revokedAt = row.revoked_at ? new Date(row.revoked_at) : null;
  return {
    id: row.id,
    inspector: {
      userId: row.inspector_user_id,
      displayName: inspector?.display_name ?? '',
      email: inspector?.email ?? '',
    },
    commissionReference: row.commission_reference,
    supervisoryCaseId: row.supervisory_case_id,
    requestedAt: requestedAt.toISOString(),
    grantedAt: grantedAt.toISOString(),
    grantedSameDay: brusselsDateOf(requestedAt) === brusselsDateOf(grantedAt),
    validUntil: iso(row.valid_until),
    status: grantStatus({ validUntil: new Date(row.valid_until), revokedAt }, now),
    noticeAcknowledgedAt: row.notice_acknowledged_at ? iso(row.notice_acknowledged_at) : null,
    revokedAt: revokedAt?.toISOString() ?? null,
  };
}
