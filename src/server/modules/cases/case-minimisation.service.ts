/**
 * The organiser's minimisation review (SPEC PUR-04, DAT-16): that the bill lists a category does
 * not mean it may be processed in every case; whether the data are adequate, relevant and not
 * excessive is examined case by case (bill Comm. art. 2; L2007 art. 4 §1 3°). The organiser of
 * the case runs a report of the shared items its organisation sees: those of categories 9 to 16
 * without their relevance justification, those nobody read for a chosen period, and the catch-all
 * items (art. 2 §2 al. 1 16°) on their own with their necessity justification and its review.
 * The organiser reviews a catch-all item: kept, or a correction asked of its controller. Each use
 * case is one transaction with its audit events.
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import {
  type CatchAllItem,
  type CatchAllReview,
  DEFAULT_NOT_ACCESSED_DAYS,
  MAX_NOT_ACCESSED_DAYS,
  type MinimisationQuery,
  MinimisationQuerySchema,
  type MinimisationReview,
  type ReviewCatchAll,
  ReviewCatchAllSchema,
  type ReviewedItem,
} from '../../../contracts/minimisation.js';
import type { AuditEvent } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { contentVisible, requireDesignated } from '../access/record-visibility.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { FIELDS } from './case-fields.js';
import { isoOf, itemRequires, readItemPayload } from './case-presenter.js';
import type { CaseRecordsDeps } from './case-records.service.js';
import { fileCorrectionRequest } from './correction-requests.js';
import { needsRelevance } from './item-rules.js';
import { type CatchAllReviewRow, MINIMISATION_REVIEW_REASON } from './minimisation.repository.js';
import { caseOpener, type OpenCase } from './open-case.js';
import type { ItemRow } from './records.repository.js';

const DAY_MS = 86_400_000;
const CATCH_ALL: CategoryCode = 'C16';
const CATCH_ALL_RULE = 'bill art. 2 §2 al. 1 16° (SPEC DAT-16)';

/** The number of days unread the organiser asked for, or the product default. */
function periodOf(query: MinimisationQuery): number {
  refuseIfAny(shapeIssues(MinimisationQuerySchema, query, 'querystring'));
  if (query.notAccessedForDays === undefined) return DEFAULT_NOT_ACCESSED_DAYS;
  const days = Number(query.notAccessedForDays);
  if (days < 1 || days > MAX_NOT_ACCESSED_DAYS) {
    refuseIfAny([
      {
        field: '/querystring/notAccessedForDays',
        message: `must be a whole number of days from 1 to ${MAX_NOT_ACCESSED_DAYS}`,
      },
    ]);
  }
  return days;
}

/** DAT-19: the reader may see what the item holds (its special category, genetic or revealed data). */
const contentShown = (open: OpenCase, item: ItemRow): boolean =>
  contentVisible(open.context.facts.designations, { requires: itemRequires(item) });

export function createCaseMinimisation(deps: CaseRecordsDeps) {
  const { db, cases, records, audit, clock } = deps;
  const openCase = caseOpener(deps);

  async function presentReview(
    open: OpenCase,
    row: CatchAllReviewRow,
    reviewers: ReadonlyMap<string, string>,
    shown: boolean,
  ): Promise<CatchAllReview> {
    return {
      id: row.id,
      itemId: row.item_id,
      decision: row.decision,
      reason: shown ? await open.cipher.decryptText(...FIELDS.catchAllReview(row.id), row.reason) : null,
      itemVersion: row.item_version,
      correctionRequestId: row.correction_request_id,
      reviewer: reviewers.get(row.reviewed_by) ?? '',
      reviewedAt: isoOf(row.reviewed_at),
    };
  }

  return {
    /** PUR-04, DAT-16: the report, itself a consult event (it tells what the case holds and why). */
    minimisationReview(actor: Actor, caseId: string, query: MinimisationQuery): Promise<MinimisationReview> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.review_minimisation', 'consult');
        const days = periodOf(query);
        const now = clock.now();
        const since = new Date(now.getTime() - days * DAY_MS);
        // An erased item holds nothing left to minimise: only its shell stays, as evidence.
        const items = (await records.itemsOf(tx, caseId, open.sharedOnly, brusselsDateOf(now))).filter(
          (item) => item.erased_at === null,
        );
        const [lastReads, reviews, organisations] = await Promise.all([
          records.lastReadsOf(tx, caseId, actor.userId),
          records.lastCatchAllReviewsOf(tx, caseId),
          cases.organisations(
            tx,
            items.map((item) => item.controller_organisation_id),
          ),
        ]);
        const reviewers = await cases.userNames(
          tx,
          [...reviews.values()].map((review) => review.reviewed_by),
        );
        const names = new Map(organisations.map((o) => [o.id, o.legal_name]));
        const listed = (item: ItemRow): ReviewedItem => ({
          id: item.id,
          category: item.category as CategoryCode,
          controller: {
            id: item.controller_organisation_id,
            legalName: names.get(item.controller_organisation_id) ?? '',
          },
          blocked: item.blocked_at !== null,
          version: item.version,
          createdAt: isoOf(item.created_at),
          updatedAt: isoOf(item.updated_at),
          lastReadAt: lastReads.has(item.id) ? isoOf(lastReads.get(item.id)!) : null,
        });

        // Whether the justification is there is read on the server, for special categories too:
        // the report says only that it is missing, never what the item holds (SPEC DAT-19).
        const unjustified: ItemRow[] = [];
        for (const item of items) {
          if (
            needsRelevance(item.category as CategoryCode) &&
            !(await readItemPayload(open.cipher, item)).relevance?.trim()
          ) {
            unjustified.push(item);
          }
        }
        // Not read since `since`, and not created since either: a new item has not had its chance.
        const notAccessed = items.filter((item) => {
          const last = Math.max(new Date(item.created_at).getTime(), lastReads.get(item.id)?.getTime() ?? 0);
          return last < since.getTime();
        });
        const catchAll = items.filter((item) => item.category === CATCH_ALL);
        const catchAllItems: CatchAllItem[] = await Promise.all(
          catchAll.map(async (item) => {
            const visible = contentShown(open, item);
            // A blocked item is shown to nobody (SPEC DAT-22, SEC-11), its justification included.
            const shown = visible && item.blocked_at === null;
            const review = reviews.get(item.id);
            return {
              ...listed(item),
              restricted: !visible,
              relevance: shown ? ((await readItemPayload(open.cipher, item)).relevance ?? null) : null,
              lastReview: review ? await presentReview(open, review, reviewers, shown) : null,
            };
          }),
        );

        const reported = new Map(
          [...unjustified, ...notAccessed, ...catchAll].map((item) => [item.id, item]),
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [
            { type: 'case', id: caseId },
            ...[...reported.values()].map((item) => ({
              type: 'item',
              id: item.id,
              category: Number(item.category.slice(1)),
            })),
          ],
          justification: actor.justification!,
          reason: MINIMISATION_REVIEW_REASON,
        });
        return {
          caseId,
          generatedAt: isoOf(now),
          notAccessedForDays: days,
          notAccessedSince: isoOf(since),
          unjustified: unjustified.map(listed),
          notAccessed: notAccessed.map(listed),
          catchAll: catchAllItems,
        };
      });
    },

    /**
     * DAT-16: the organiser reviews a catch-all item it may read: kept as necessary, or its
     * controller asked to correct it through a correction request (ROL-09) with the review's reason.
     */
    reviewCatchAllItem(
      actor: Actor,
      caseId: string,
      itemId: string,
      input: ReviewCatchAll,
    ): Promise<CatchAllReview> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.review_minimisation', 'record');
        refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
        const now = clock.now();
        const item = await records.itemById(tx, caseId, itemId, brusselsDateOf(now));
        if (!item || (open.sharedOnly && !item.shared))
          throw new DomainError('not_found', { detail: 'No such item' });
        refuseIfAny(shapeIssues(ReviewCatchAllSchema, input));
        if (item.category !== CATCH_ALL) {
          throw new DomainError('conflict', {
            detail: 'Only catch-all information (category 16) is reviewed by the organiser',
            rule: CATCH_ALL_RULE,
          });
        }
        if (item.erased_at || item.blocked_at) {
          throw new DomainError('conflict', {
            detail: 'The item is erased or blocked: nobody can review what it holds',
          });
        }
        requireDesignated(open.context.facts.designations, itemRequires(item), 'review this item');
        const events: AuditEvent[] = [];
        let correctionRequestId: string | null = null;
        if (input.decision === 'correction_requested') {
          const filed = await fileCorrectionRequest(deps, tx, open, item, input.reason);
          correctionRequestId = filed.id;
          events.push(filed.event);
        }
        const id = randomUUID();
        const row = await records.insertCatchAllReview(tx, {
          id,
          case_id: caseId,
          item_id: itemId,
          item_version: item.version,
          organisation_id: open.actingFor,
          decision: input.decision,
          reason: await open.cipher.encrypt(...FIELDS.catchAllReview(id), input.reason),
          correction_request_id: correctionRequestId,
          reviewed_by: actor.userId,
          reviewed_at: now,
        });
        events.push({
          actor: open.who,
          action: 'record',
          outcome: 'success',
          caseId,
          records: [
            { type: 'catch_all_review', id },
            { type: 'item', id: itemId, category: Number(item.category.slice(1)) },
          ],
          reason: `catch_all_${input.decision}`,
        });
        await audit.recordMany(tx, events);
        return presentReview(open, row, await cases.userNames(tx, [actor.userId]), true);
      });
    },
  };
}
