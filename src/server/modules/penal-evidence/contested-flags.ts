/**
 * The contested flag of each communication (L1992 art. 15, punished by art. 38; SPEC RGT-CON-04,
 * PEN-01): which of the controller's items a communication carried, which of them a contested mark
 * covered at that moment, and which it showed as contested, from the communication's own record.
 * Pure: the facts are read at the controller's desk.
 *
 * A mark counts from when Concerto recorded it (`set_at`): before that no screen or export could
 * show it, and the delay between the receipt of the request and its recording is the rights
 * desk's (RGT-CON-01 marks at the intake). A communication outside Concerto (ROL-11) was not
 * rendered by Concerto: its flag is not known, only whether the item was contested then.
 */
import type { ContestedDisclosure } from '../../../contracts/penal-evidence.js';
import type { ConsultRow, ExportRow, MarkRow } from './penal-evidence.repository.js';

export const CONTESTED_RULE = 'L1992 art. 15 and art. 38; L2007 art. 15 (SPEC RGT-CON-04, PEN-01)';

export interface ExternalRow {
  id: string;
  item_id: string;
  recipient_class: string;
  disclosed_at: Date | string;
}

/** The items of `itemIds` a mark covered at `at`. */
export function contestedAt(marks: readonly MarkRow[], itemIds: readonly string[], at: Date): string[] {
  const t = at.getTime();
  return itemIds.filter((id) =>
    marks.some(
      (mark) =>
        mark.item_id === id &&
        mark.set_at.getTime() <= t &&
        (mark.cleared_at === null || mark.cleared_at.getTime() > t),
    ),
  );
}

function line(
  base: Omit<ContestedDisclosure, 'contestedItemIds' | 'unflaggedItemIds'>,
  marks: readonly MarkRow[],
): ContestedDisclosure {
  const contested = contestedAt(marks, base.itemIds, new Date(base.at));
  const flagged = base.flaggedItemIds;
  return {
    ...base,
    contestedItemIds: contested,
    unflaggedItemIds: flagged === null ? [] : contested.filter((id) => !flagged.includes(id)),
  };
}

export function contestedDisclosures(
  facts: {
    exports: readonly ExportRow[];
    consultations: readonly ConsultRow[];
    externals: readonly ExternalRow[];
  },
  marks: readonly MarkRow[],
): {
  disclosures: ContestedDisclosure[];
  summary: { disclosures: number; withContestedItems: number; unflagged: number };
} {
  const disclosures = [
    ...facts.exports.map((row) =>
      line(
        {
          kind: 'own_file_export',
          id: row.id,
          at: row.exported_at.toISOString(),
          recipientOrganisationId: row.requester_organisation_id,
          recipientClass: null,
          itemIds: [...row.item_ids].sort(),
          flaggedItemIds: [...row.contested_item_ids].sort(),
        },
        marks,
      ),
    ),
    ...facts.consultations.map((row) =>
      line(
        {
          kind: 'consultation',
          id: String(row.position),
          at: new Date(row.at).toISOString(),
          recipientOrganisationId: row.organisation_id,
          recipientClass: null,
          itemIds: [...row.item_ids].sort(),
          flaggedItemIds: [...row.contested_ids].sort(),
        },
        marks,
      ),
    ),
    ...facts.externals.map((row) =>
      line(
        {
          kind: 'external_disclosure',
          id: row.id,
          at: new Date(row.disclosed_at).toISOString(),
          recipientOrganisationId: null,
          recipientClass: row.recipient_class,
          itemIds: [row.item_id],
          flaggedItemIds: null,
        },
        marks,
      ),
    ),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    disclosures,
    summary: {
      disclosures: disclosures.length,
      withContestedItems: disclosures.filter((d) => d.contestedItemIds.length > 0).length,
      unflagged: disclosures.reduce((n, d) => n + d.unflaggedItemIds.length, 0),
    },
  };
}
