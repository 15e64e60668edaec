/** The permanent representatives' API (bill art. 5; SPEC ROL-04, ROL-05) as the web app uses it. */
import type { Language } from '../../../contracts/language.js';
import type { Designation, Representation, RepresentationList } from '../../../contracts/representation.js';
import type { Acceptance } from '../../../contracts/undertakings.js';
import { api } from '../../app/api.js';

const path = (id: string, action: string): string =>
  `/api/representations/${encodeURIComponent(id)}/${action}`;

/** Those I hold or am represented by, and all of my authority's when I act for it. */
export async function fetchRepresentations(signal?: AbortSignal): Promise<Representation[]> {
  const list = await api<RepresentationList>('GET', '/api/representations', signal ? { signal } : {});
  return list.representations;
}

export function designateRepresentative(designation: Designation): Promise<Representation> {
  return api<Representation>('POST', '/api/representations', { body: designation });
}

export function endRepresentation(id: string): Promise<Representation> {
  return api<Representation>('POST', path(id, 'end'));
}

/** The representative accepts the current text of art. 5 al. 2 for this representation. */
export function acceptRepresentation(id: string, versionId: string, language: Language): Promise<Acceptance> {
  return api<Acceptance>('POST', path(id, 'acceptance'), { body: { versionId, language } });
}
