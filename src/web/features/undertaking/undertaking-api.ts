/** The undertakings API (ROL-07, SEC-09) as the web app uses it. */
import type { Language } from '../../../contracts/language.js';
import type { Acceptance, UndertakingStatus } from '../../../contracts/undertakings.js';
import { api } from '../../app/api.js';

/** What the signed-in user must accept, with each text in `language`. */
export function fetchUndertakingStatus(language: Language, signal?: AbortSignal): Promise<UndertakingStatus> {
  return api<UndertakingStatus>('GET', `/api/undertaking?language=${encodeURIComponent(language)}`, {
    ...(signal ? { signal } : {}),
  });
}

/** Accepts one version, in the language it was read in (stored with time and version). */
export function acceptUndertaking(versionId: string, language: Language): Promise<Acceptance> {
  return api<Acceptance>('POST', '/api/undertaking/acceptance', { body: { versionId, language } });
}
