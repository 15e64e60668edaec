/** Break-glass grants in the contract's words, with their report (every read) and what the reader may do. */
import type { BreakGlassGrant } from '../../../contracts/break-glass.js';
import type { BreakGlassFacts } from '../access/processor-decisions.js';
import type { BreakGlassGrantRow, BreakGlassReadRow } from './break-glass.repository.js';

const iso = (at: Date | string): string => new Date(at).toISOString();
const date = (at: Date | string | null): Date | null => (at === null ? null : new Date(at));

export const grantFacts = (row: BreakGlassGrantRow): BreakGlassFacts => ({
  controllerId: row.controller_organisation_id,
  granteeUserId: row.grantee_user_id,
  decision: row.decision,
  endedAt: date(row.ended_at),
  expiresAt: date(row.expires_at),
});

/** An approved grant still open whose window has passed by `now` (the next read attempt records its end). */
export function lapsed(row: BreakGlassGrantRow, now: Date): boolean {
  return (
    row.decision === 'approved' &&
    row.ended_at === null &&
    row.expires_at !== null &&
    now >= new Date(row.expires_at)
  );
}

export interface PresentContext {
  now: Date;
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  reads: readonly BreakGlassReadRow[];
  /** For the controller's DPO: its records in the case (counts only); null for the host's staff. */
  controllerRecords: { persons: number; items: number } | null;
  allowedActions: BreakGlassGrant['allowedActions'];
}

function statusOf(row: BreakGlassGrantRow, now: Date): BreakGlassGrant['status'] {
  if (row.decision === null) return 'requested';
  if (row.decision === 'refused') return 'refused';
  return row.ended_at !== null || lapsed(row, now) ? 'ended' : 'approved';
}

export function presentGrant(row: BreakGlassGrantRow, context: PresentContext): BreakGlassGrant {
  const { userNames } = context;
  const name = (id: string | null) => (id === null ? null : (userNames.get(id) ?? ''));
  return {
    id: row.id,
    controller: {
      id: row.controller_organisation_id,
      legalName: context.organisationNames.get(row.controller_organisation_id) ?? '',
    },
    caseId: row.case_id,
    grantee: { id: row.grantee_user_id, displayName: userNames.get(row.grantee_user_id) ?? '' },
    supportTicket: row.support_ticket,
    reason: row.reason,
    requestedHours: row.requested_hours,
    requestedAt: iso(row.requested_at),
    status: statusOf(row, context.now),
    decision:
      row.decision === null || row.decided_at === null
        ? null
        : {
            decision: row.decision,
            decidedBy: name(row.decided_by) ?? '',
            decidedAt: iso(row.decided_at),
            instructionReference: row.instruction_reference,
            refusalReason: row.refusal_reason,
          },
    window:
      row.valid_from && row.expires_at
        ? { validFrom: iso(row.valid_from), expiresAt: iso(row.expires_at) }
        : null,
    ended:
      row.ended_at !== null && row.end_reason !== null
        ? { endedAt: iso(row.ended_at), endedBy: name(row.ended_by), reason: row.end_reason }
        : lapsed(row, context.now)
          ? { endedAt: iso(row.expires_at!), endedBy: null, reason: 'expired' }
          : null,
    reportedAt: row.reported_at ? iso(row.reported_at) : null,
    controllerRecords: context.controllerRecords,
    reads: context.reads
      .filter((read) => read.grant_id === row.id)
      .map((read) => ({
        readAt: iso(read.read_at),
        persons: read.persons,
        items: read.items,
        withheld: read.withheld,
        auditPosition: read.audit_position,
      })),
    allowedActions: context.allowedActions,
  };
}

/** The users a grant names: its grantee, who decided and who ended it. */
export const usersNamedBy = (rows: readonly BreakGlassGrantRow[]): string[] =>
  rows.flatMap((row) =>
    [row.grantee_user_id, row.decided_by, row.ended_by].filter((id): id is string => id !== null),
  );
