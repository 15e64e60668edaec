/**
 * The one check every transfer abroad goes through (L2007 arts 21-22; L1992 art. 4 §2; SPEC
 * TRF-01..12, PEN-03): the own-file export (modules/transfers), the processor locations
 * (modules/processors) and the register itself. It runs inside the caller's transaction, which
 * must be a `refusable` one: a blocked transfer throws a refusal, the caller's transaction rolls
 * back (nothing changed), and then its denied audit event and its line in the blocked-transfer log
 * commit on their own. The answer is a 403 problem naming the rule and every field in the way.
 *
 * Whose register decides: the controller's that sends the data there. For the own file (bill art.
 * 4) that is the requesting organisation's: it keeps the copy, where its register says; without an
 * own-file destination in force, where it is established (its organisation record).
 */
import type { DestinationKind, TransferSource } from '../../../contracts/cross-border.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import {
  type AuditAction,
  type AuditActor,
  type AuditRecordRef,
  isUserActor,
} from '../../kernel/audit/events.js';
import { DomainError } from '../../kernel/errors.js';
import { type CountryZone, countryZone } from '../../kernel/legal-rules/countries.js';
import { refuseWith } from '../../kernel/refusal.js';
import type { ItemPayload } from '../cases/case-presenter.js';
import { itemRequires } from '../cases/case-presenter.js';
import type { ItemRow } from '../cases/records.repository.js';
import { undeclaredTransferCategories } from '../declarations/declared-processing.js';
import {
  type DestinationFacts,
  type IssueFields,
  pendingDeclarationIssue,
  type RuledIssue,
  type TransferItem,
  transferIssues,
} from './cross-border-rules.js';
import {
  type AssessmentRow,
  createCrossBorderRepository,
  type CrossBorderRepository,
  type DenyRuleRow,
  type DestinationRow,
} from './cross-border.repository.js';

export type { TransferItem };

/** Who attempts the transfer and how its refusal is audited. */
export interface TransferAttempt {
  source: TransferSource;
  actor: AuditActor;
  /** The audit action attempted, e.g. `disclose` for an export, `admin.processor_recorded` for a location. */
  action: AuditAction;
  at: Date;
  caseId?: string;
  /** The records the refused attempt concerns, for its audit event (ids, categories). */
  records?: readonly AuditRecordRef[];
}

export interface TransferRequest {
  /** The controller whose register decides. */
  controllerId: string;
  destination: { kind: DestinationKind; country: string };
  /** The data categories sent (bill art. 2 §2); the register must list each of them. */
  categories?: readonly CategoryCode[];
  /** The items sent, for L1992 art. 4 §2 (SPEC TRF-12). */
  items?: readonly TransferItem[];
  /** The caller's names for the fields an issue points at (defaults: /destination/country, ...). */
  fields?: Partial<IssueFields>;
  attempt: TransferAttempt;
}

/** What the transfer rests on, for the caller's records (e.g. the export's country). */
export interface TransferClearance {
  country: string;
  zone: CountryZone;
  /** The register's destination it went through; null at home (no transfer abroad). */
  destinationId: string | null;
}

const DEFAULT_FIELDS: IssueFields = {
  country: '/destination/country',
  categories: '/destination/categories',
  items: '/items',
};

/** A register entry as the rules read it, with its assessment as it stands now. */
export function destinationFacts(
  row: DestinationRow,
  assessments: ReadonlyMap<string, AssessmentRow>,
): DestinationFacts {
  const assessment = row.adequacy_assessment_id ? assessments.get(row.adequacy_assessment_id) : undefined;
  return {
    kind: row.kind,
    country: row.country,
    categories: row.categories,
    basis: row.basis,
    derogation: row.derogation,
    ...(assessment && {
      assessment: {
        conclusion: assessment.conclusion,
        finalDestinationCountry: assessment.final_destination_country,
        withdrawn: assessment.withdrawn_at !== null,
      },
    }),
  };
}

export const denyRuleFacts = (rows: readonly DenyRuleRow[]) =>
  rows.map((row) => ({
    royalDecreeReference: row.royal_decree_reference,
    country: row.country,
    categories: row.categories,
    kinds: row.kinds,
    circumstance: row.circumstance,
  }));

/**
 * Refuses a blocked transfer: 403 naming the rule(s) and each field; the denied audit event and the
 * blocked-transfer log's line commit after the caller's transaction rolled back (SPEC PEN-03).
 */
export function refuseTransfer(
  repository: CrossBorderRepository,
  request: {
    controllerId: string;
    destination: { kind: DestinationKind; country: string; id?: string | null };
    categories: readonly string[];
    itemIds?: readonly string[];
    attempt: TransferAttempt;
  },
  issues: readonly RuledIssue[],
): never {
  const rule = [...new Set(issues.map((i) => i.rule))].join('; ');
  const { attempt, destination } = request;
  const error = new DomainError('forbidden', {
    detail: `The transfer to ${destination.country} is blocked: ${issues[0]!.message}`,
    fields: issues.map(({ field, message }) => ({ field, message })),
    rule,
  });
  return refuseWith(
    error,
    {
      actor: attempt.actor,
      action: attempt.action,
      outcome: 'denied',
      reason: 'transfer_blocked',
      ...(attempt.caseId && { caseId: attempt.caseId }),
      ...(attempt.records && { records: attempt.records }),
    },
    async (tx) => {
      await repository.insertBlocked(tx, {
        organisation_id: request.controllerId,
        attempted_by: isUserActor(attempt.actor) ? attempt.actor.userId : null,
        attempted_at: attempt.at,
        source: attempt.source,
        destination_kind: destination.kind,
        destination_country: destination.country,
        destination_id: destination.id ?? null,
        categories: [...request.categories],
        case_id: attempt.caseId ?? null,
        item_ids: [...(request.itemIds ?? [])],
        rule,
        issue_fields: issues.map((i) => i.field),
        issue_messages: issues.map((i) => i.message),
      });
    },
  );
}

const repository = createCrossBorderRepository();

/**
 * SPEC TRF-01..12: allowed, with what it rests on, or refused (see the module comment). At home
 * nothing is checked: nothing leaves Belgium. Abroad, the destinations in force of that kind in that
 * country are tried, oldest first; the first with nothing in the way, and declared (DCL-21), carries
 * the transfer.
 *
 * Must run inside `refusable(db, audit, ...)`.
 */
export async function assertTransferAllowed(tx: Tx, request: TransferRequest): Promise<TransferClearance> {
  const { destination } = request;
  const zone = countryZone(destination.country);
  if (zone === 'domestic') return { country: destination.country, zone, destinationId: null };
  const fields = { ...DEFAULT_FIELDS, ...request.fields };
  const categories = [
    ...new Set([...(request.categories ?? []), ...(request.items ?? []).map((i) => i.category)]),
  ];
  const asked = {
    kind: destination.kind,
    country: destination.country,
    categories,
    ...(request.items && { items: request.items }),
  };
  const [entries, denyRules] = await Promise.all([
    repository.inForce(tx, request.controllerId, destination.kind, destination.country),
    repository.denyRules(tx, true),
  ]);
  const assessments = new Map(
    (
      await repository.assessmentsById(
        tx,
        entries.flatMap((e) => (e.adequacy_assessment_id ? [e.adequacy_assessment_id] : [])),
      )
    ).map((row) => [row.id, row]),
  );
  const deny = denyRuleFacts(denyRules);
  let first: { entry: DestinationRow | undefined; issues: RuledIssue[] } | undefined;
  for (const entry of entries.length > 0 ? entries : [undefined]) {
    const issues = transferIssues(asked, entry && destinationFacts(entry, assessments), deny, fields);
    if (issues.length === 0) {
      // DCL-21: registered, but carrying nothing until the declaration lists it (L1992 "préalable").
      const undeclared = await undeclaredTransferCategories(
        tx,
        request.controllerId,
        destination.country,
        categories.length > 0 ? categories : entry!.categories,
      );
      if (undeclared.length === 0) return { country: destination.country, zone, destinationId: entry!.id };
      issues.push(pendingDeclarationIssue(destination.country, undeclared, fields.country));
    }
    first ??= { entry, issues };
  }
  return refuseTransfer(
    repository,
    {
      controllerId: request.controllerId,
      destination: { ...destination, id: first!.entry?.id ?? null },
      categories,
      itemIds: (request.items ?? []).map((i) => i.id),
      attempt: request.attempt,
    },
    first!.issues,
  );
}

/**
 * Where an organisation keeps its own file (bill art. 4): the own-file destination in force of its
 * register, or else the country it is established in (SPEC TRF-01: every export records its country).
 */
export async function ownFileDestination(
  tx: Tx,
  organisationId: string,
): Promise<{ kind: 'own_file'; country: string }> {
  const country =
    (await repository.ownFileCountry(tx, organisationId)) ??
    (await repository.organisation(tx, organisationId))!.establishment_country;
  return { kind: 'own_file', country };
}

/**
 * An item as the transfer check reads it: whether it falls under L2007 arts 6-8 (the designations
 * its content needs: special category, genetic or biometric, what L1992 art. 6 adds, criminal-related)
 * and the exception letter recorded with it (SPEC TRF-12).
 */
export function transferItemOf(row: ItemRow, payload: Pick<ItemPayload, 'special'>): TransferItem {
  return {
    id: row.id,
    category: row.category as CategoryCode,
    special: itemRequires(row).length > 0,
    exceptionGround: payload.special?.ground ?? null,
  };
}
