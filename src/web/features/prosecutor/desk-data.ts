/**
 * What the prosecutor's desk reads: the cases the office sees (its files to review among them),
 * its art. 7 restrictions, its list (bill art. 8) and the requests of persons concerned sent to it
 * (bill art. 7 al. 2). Each part loads on its own: one failure hides no other part.
 */
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Framework, FrameworkList } from '../../../contracts/frameworks.js';
import type { ListEntry } from '../../../contracts/prosecutor-list.js';
import type { Restriction } from '../../../contracts/restrictions.js';
import type { RightsPart } from '../../../contracts/rights.js';
import { api } from '../../app/api.js';
import { fetchCases } from '../cases/cases-api.js';
import type { Part } from '../dashboard/dashboard-api.js';
import { fetchRightsParts } from '../rights/rights-api.js';
import { fetchListEntries, fetchRestrictions } from './prosecutor-api.js';

export interface DeskData {
  cases: Part<CaseSummary[]>;
  restrictions: Part<Restriction[]>;
  entries: Part<ListEntry[]>;
  requests: Part<RightsPart[]>;
  /** Which frameworks rest on the office's authorisation (WFL-12). */
  frameworks: Part<Framework[]>;
}

const part = <T>(result: PromiseSettledResult<T>): Part<T> =>
  result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, error: result.reason };

export async function fetchDesk(signal?: AbortSignal): Promise<DeskData> {
  const [cases, restrictions, entries, requests, frameworks] = await Promise.allSettled([
    fetchCases(signal),
    fetchRestrictions(signal),
    fetchListEntries(signal),
    // Every request the office handles: the lookup may serve an answered one too (LST-02).
    fetchRightsParts(false, signal).then((list) => list.parts),
    api<FrameworkList>('GET', '/api/frameworks', signal ? { signal } : {}).then((list) => list.frameworks),
  ]);
  return {
    cases: part(cases),
    restrictions: part(restrictions),
    entries: part(entries),
    requests: part(requests),
    frameworks: part(frameworks),
  };
}
