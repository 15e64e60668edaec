/**
 * The paper part form's state and the body it sends (SPEC SCO-09): texts trimmed, empty optional
 * fields left out, the custodian named as the signed-in user when they keep the paper themselves.
 */
import type { CategoryCode } from '../../../../contracts/legal-codes.js';
import type { PaperPart, RegisterPaperPart } from '../../../../contracts/paper-parts.js';

export interface PaperPartDraft {
  description: string;
  contentIndex: string;
  pageCount: string;
  categories: CategoryCode[];
  personIds: string[];
  building: string;
  room: string;
  cabinet: string;
  /** The signed-in user keeps the paper (named custodian). */
  keptByMe: boolean;
  custodianFunction: string;
}

export const EMPTY_PAPER_PART: PaperPartDraft = {
  description: '',
  contentIndex: '',
  pageCount: '',
  categories: [],
  personIds: [],
  building: '',
  room: '',
  cabinet: '',
  keptByMe: false,
  custodianFunction: '',
};

/** The form filled with a registered paper part, for its holder to correct it. */
export function draftOf(part: PaperPart, userId: string): PaperPartDraft {
  return {
    description: part.description ?? '',
    contentIndex: part.contentIndex ?? '',
    pageCount: part.pageCount === null ? '' : String(part.pageCount),
    categories: [...part.categories],
    personIds: [...part.personIds],
    building: part.location.building,
    room: part.location.room ?? '',
    cabinet: part.location.cabinet ?? '',
    keptByMe: part.custodian.user?.id === userId,
    custodianFunction: part.custodian.function ?? '',
  };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** What the server is sent; a page count that is no number is sent as null, which the server names. */
export function paperPartBody(draft: PaperPartDraft, userId: string): RegisterPaperPart {
  const room = optional(draft.room);
  const cabinet = optional(draft.cabinet);
  const pages = optional(draft.pageCount);
  const custodianFunction = optional(draft.custodianFunction);
  return {
    description: draft.description.trim(),
    contentIndex: draft.contentIndex.trim(),
    ...(pages !== undefined && { pageCount: Number(pages) }),
    categories: draft.categories,
    personIds: draft.personIds,
    location: { building: draft.building.trim(), ...(room && { room }), ...(cabinet && { cabinet }) },
    ...(draft.keptByMe && { custodianUserId: userId }),
    ...(custodianFunction && { custodianFunction }),
  };
}
