/**
 * Accepting the current version of an undertaking, shared by the undertakings service and the
 * representation service (bill art. 5 al. 2–3): only the current version counts, so a new
 * version forces a new acceptance (SPEC ROL-07).
 */
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { UndertakingsRepository, VersionRow } from './undertakings.repository.js';
import { LanguageSchema, type UndertakingKind } from './undertakings.rules.js';

export interface AcceptanceContext {
  kind: UndertakingKind;
  /** The controller of a `controller_awareness` text; null for the platform-wide kinds. */
  organisationId: string | null;
}

/** Both inputs of an acceptance, checked together (ARCHITECTURE §3.7). */
export function acceptanceInputIssues(versionId: string, language: string): FieldIssue[] {
  return [
    ...shapeIssues(IdSchema, versionId, 'body/versionId'),
    ...shapeIssues(LanguageSchema, language, 'body/language'),
  ];
}

/** The version the user may accept: it must exist, be of `context`, and be the current one. */
export async function versionToAccept(
  tx: Tx,
  undertakings: UndertakingsRepository,
  versionId: string,
  language: string,
  context: AcceptanceContext,
): Promise<VersionRow> {
  refuseIfAny(acceptanceInputIssues(versionId, language));
  const version = await undertakings.versionById(tx, versionId);
  if (!version || version.kind !== context.kind || version.organisation_id !== context.organisationId) {
    throw new DomainError('not_found', { detail: 'No such undertaking text' });
  }
  const current = await undertakings.currentVersion(tx, context.kind, context.organisationId);
  if (current?.id !== version.id) {
    throw new DomainError('conflict', { detail: 'A newer version of this text must be accepted' });
  }
  return version;
}

/** When the user last accepted the current version (in `representationId`), or null. */
export function currentAcceptanceTime(
  tx: Tx,
  undertakings: UndertakingsRepository,
  userId: string,
  context: AcceptanceContext,
  representationId: string | null,
): Promise<Date | null> {
  return undertakings.acceptanceOfCurrent(tx, userId, context.kind, context.organisationId, representationId);
}
