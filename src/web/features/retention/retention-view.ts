/**
 * The retention desk's records as its pages show them (SPEC RET-01, RET-05, SCO-09): the tone a
 * status badge repeats (its words always say it: WCAG 1.4.1), what remains of a destroyed case, and
 * where a notification of the retention engine leads. Pure, so that it is tested without a page.
 */
import type { NotificationKind } from '../../../contracts/notifications.js';
import type { DestructionList, RetentionStatus } from '../../../contracts/retention.js';

export type BadgeTone = 'green' | 'amber' | 'red' | 'muted';

/** Due is the one that calls for action (it is not on a list yet); held and listed wait on someone. */
export const STATUS_TONES: Record<RetentionStatus, BadgeTone> = {
  running: 'green',
  due: 'red',
  on_legal_hold: 'amber',
  on_destruction_list: 'amber',
  destroyed: 'muted',
};

export const DESK_SECTIONS = {
  lists: 'destruction-lists',
  schedule: 'retention-schedule',
  reviews: 'necessity-reviews',
  paper: 'paper-destruction-tasks',
  copies: 'own-file-copies',
} as const;

type Tombstone = NonNullable<DestructionList['entries'][number]['tombstone']>;

/** What a destroyed case kept: its counts per category, summed (ids and counts only, no content). */
export function tombstoneTotals(tombstone: Tombstone): {
  persons: number;
  items: number;
  paperParts: number;
} {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  return { persons: tombstone.persons, items: sum(tombstone.items), paperParts: sum(tombstone.paperParts) };
}

/** The approval buttons a list offers the user, keeper first, as the server allows them. */
export function approvalCapacities(list: Pick<DestructionList, 'allowedActions'>): ('keeper' | 'dpo')[] {
  return [
    ...(list.allowedActions.includes('approve_as_keeper') ? (['keeper'] as const) : []),
    ...(list.allowedActions.includes('approve_as_dpo') ? (['dpo'] as const) : []),
  ];
}

/**
 * Where a notification of the retention engine leads: the destruction list to approve, or the
 * desk's section of the paper to destroy, of the review to decide or of the own-file copies due;
 * undefined for other kinds.
 */
export function retentionTarget(notification: {
  kind: NotificationKind;
  subjectId: string | null;
}): string | undefined {
  switch (notification.kind) {
    case 'destruction_list_to_approve':
      return notification.subjectId
        ? `/retention/destruction-lists/${encodeURIComponent(notification.subjectId)}`
        : `/retention#${DESK_SECTIONS.lists}`;
    case 'paper_destruction_due':
      return `/retention#${DESK_SECTIONS.paper}`;
    case 'necessity_review_due':
      return `/retention#${DESK_SECTIONS.reviews}`;
    case 'own_file_copy_due_soon':
    case 'own_file_copies_overdue':
      return `/retention#${DESK_SECTIONS.copies}`;
    default:
      return undefined;
  }
}

/** The name a downloaded proof is saved under when the server gives none (the JSON). */
export const proofFilename = (listId: string, format: 'json' | 'pdf'): string =>
  `destruction-proof-${listId}.${format}`;
