/**
 * The prosecutor's desk as the web app uses the API: the art. 7 restrictions of the office (bill
 * art. 7; SPEC RGT-RST-01..10) and its list of the persons who were the subject of a consultation
 * it authorised (bill art. 8; SPEC LST-01..04).
 */
import type {
  ListEntries,
  ListEntry,
  ListLookup,
  ListLookupResult,
  RemoveListEntry,
} from '../../../contracts/prosecutor-list.js';
import type {
  CreateRestriction,
  Restriction,
  RestrictionFlags,
  RestrictionList,
  RestrictionReport,
  ReviewRestriction,
} from '../../../contracts/restrictions.js';
import { api } from '../../app/api.js';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const restrictionPath = (id: string, rest = ''): string =>
  `/api/restrictions/${encodeURIComponent(id)}${rest}`;
const entryPath = (id: string, rest: string): string =>
  `/api/prosecutor-list/${encodeURIComponent(id)}${rest}`;

export async function fetchRestrictions(signal?: AbortSignal): Promise<Restriction[]> {
  return (await api<RestrictionList>('GET', '/api/restrictions', withSignal(signal))).restrictions;
}

export const createRestriction = (body: CreateRestriction): Promise<Restriction> =>
  api<Restriction>('POST', '/api/restrictions', { body });

/** RST-07: confirm, narrow or lift at the review. */
export const reviewRestriction = (id: string, body: ReviewRestriction): Promise<Restriction> =>
  api<Restriction>('POST', restrictionPath(id, '/reviews'), { body });

/** RST-02..06, RST-10: the report with the justification, every ground labelled and both legal bases. */
export const fetchRestrictionReport = (id: string): Promise<RestrictionReport> =>
  api<RestrictionReport>('GET', restrictionPath(id, '/report'));

/** RST-08: the neutral flag every reader of the case sees on the covered items. */
export async function fetchRestrictionFlags(
  caseId: string,
  signal?: AbortSignal,
): Promise<RestrictionFlags['flags']> {
  const path = `/api/restrictions/cases/${encodeURIComponent(caseId)}/flags`;
  return (await api<RestrictionFlags>('GET', path, withSignal(signal))).flags;
}

export async function fetchListEntries(signal?: AbortSignal): Promise<ListEntry[]> {
  return (await api<ListEntries>('GET', '/api/prosecutor-list', withSignal(signal))).entries;
}

/** LST-01, LST-03: a validated proposal is registered; its thirty-year clock starts. */
export const validateListEntry = (id: string): Promise<ListEntry> =>
  api<ListEntry>('POST', entryPath(id, '/validation'));

/** LST-04: a proposal rejected, or an entry created in error removed, with the reason. */
export const removeListEntry = (id: string, body: RemoveListEntry): Promise<void> =>
  api<void>('POST', entryPath(id, '/removal'), { body });

/** LST-04: the identity rectified in the case taken over. */
export const applyIdentityUpdate = (id: string): Promise<ListEntry> =>
  api<ListEntry>('POST', entryPath(id, '/identity-update'));

/** LST-02: a lookup bound to a restriction or a rights request, logged with it. */
export const lookUpList = (body: ListLookup): Promise<ListLookupResult> =>
  api<ListLookupResult>('POST', '/api/prosecutor-list/lookups', { body });
