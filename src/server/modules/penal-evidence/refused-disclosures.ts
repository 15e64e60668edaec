/**
 * The communications refused in a period (L1992 art. 16 §1 5°, punished by art. 38; SPEC SEC-08,
 * PEN-01): the denied `disclose` events of the audit log that concern the controller, each with
 * who tried, when, in which case, why it was refused and which records it named (ids only; the
 * log holds no content and no justification is copied).
 */
import type { RefusedDisclosure } from '../../../contracts/penal-evidence.js';
import type { RefusedRow } from './penal-evidence.repository.js';

export const RECIPIENTS_RULE = 'L1992 art. 16 §1 5° and art. 38 (SPEC SEC-08, PEN-01)';

interface Payload {
  at: string;
  actor: { userId?: string; organisationId?: string; role?: string; representing?: string; system?: string };
  caseId?: string;
  reason?: string;
  records?: { type: string; id: string }[];
}

export function presentRefusedDisclosures(rows: readonly RefusedRow[]): RefusedDisclosure[] {
  return rows.map((row) => {
    const event = JSON.parse(row.payload) as Payload;
    return {
      position: row.position,
      at: event.at,
      actor: {
        userId: event.actor.userId ?? event.actor.system ?? '',
        organisationId: event.actor.organisationId ?? '',
        role: event.actor.role ?? 'system',
        representing: event.actor.representing ?? null,
      },
      caseId: event.caseId ?? null,
      reason: event.reason ?? null,
      records: (event.records ?? []).map((record) => ({ type: record.type, id: record.id })),
    };
  });
}
