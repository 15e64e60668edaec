/**
 * Restrictions by the procureur du Roi (bill art. 7; SPEC RGT-RST-01..10): the office that
 * authorised a consultation restricts, on one or more of the five grounds and when necessary and
 * proportionate, the rights to information, correction and deletion of a person of one of its
 * cases, for non-judicial data only; it reviews each restriction by its review date (confirm,
 * narrow or lift), is reminded on that date and sees it escalated afterwards, and it is never
 * lifted by the passing of time. Other readers of the case see a neutral flag only (RST-08). Each
 * use case is one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import {
  type CreateRestriction,
  CreateRestrictionSchema,
  type RestrictedRight,
  type Restriction,
  type RestrictionFlags,
  type RestrictionList,
  type RestrictionReport,
  type ReviewRestriction,
  ReviewRestrictionSchema,
} from '../../../contracts/restrictions.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction } from '../../kernel/audit/index.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { startOfBrusselsDay } from '../../kernel/legal-rules/brussels-time.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { type CaseDeps, caseOpener, caseScope } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { activeRestrictions } from './active-restrictions.js';
import { presentRestriction, RESTRICTION_FIELDS } from './restriction-presenter.js';
import {
  ART7_RULE,
  preconditionRefusal,
  type RuledIssue,
  restrictionIssues,
  reviewIssues,
  reviewState,
} from './restriction-rules.js';
import type { RestrictionRow, RestrictionsRepository } from './restrictions.repository.js';

export interface RestrictionServiceDeps extends CaseDeps {
  restrictions: RestrictionsRepository;
}

function refuseRuled(issues: readonly RuledIssue[]): void {
  if (issues.length === 0) return;
  refuseIfAny(
    issues.map(({ field, message }) => ({ field, message })),
    [...new Set(issues.map((issue) => issue.rule))].join('; '),
  );
}

const auditRef = (id: string) => ({ type: 'restriction', id });

export function createRestrictionService(deps: RestrictionServiceDeps) {
  const { db, restrictions, notifications, access, audit, clock, rules, envelope } = deps;
  const openCase = caseOpener(deps);
  const today = () => brusselsDateOf(clock.now());
  const reviewBy = (from: string): string => rules.restrictionReviewBy(parseCivilDate(from)).date;

  /** The restrictions are the office's: its prosecutors keep them (bill art. 7 al. 1). */
  async function enterOffice(tx: Tx, actor: Actor, action: AuditAction): Promise<AccessContext> {
    const context = await access.enter(tx, actor);
    if (!context.facts.roles.includes('prosecutor')) {
      refuse(
        'forbidden',
        ART7_RULE,
        "Only the prosecutors of the procureur du Roi's office keep its art. 7 restrictions",
        {
          actor: auditActorOf(context),
          action,
          outcome: 'denied',
          reason: 'prosecutor_role_required',
        },
      );
    }
    return context;
  }

  /** One restriction of the acting office; row-level security hides the others' (404). */
  async function officeRestriction(tx: Tx, id: string, forUpdate = false): Promise<RestrictionRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/restrictionId'));
    const row = await restrictions.byId(tx, id, forUpdate);
    if (!row) throw new DomainError('not_found', { detail: 'No such restriction' });
    return row;
  }

  /** The items covered now as the office sees them: never judicial ones (bill art. 6; RGT-JUD-02). */
  async function coveredItems(tx: Tx, row: RestrictionRow): Promise<string[]> {
    const items = await restrictions.itemsOfPerson(tx, row.case_id, row.person_id, false);
    const open = [...items].filter(([, item]) => !item.judicial).map(([id]) => id);
    return row.scope === 'person' ? open : row.item_ids.filter((id) => open.includes(id));
  }

  /** RST-07: the review reminder to the office, dated on the review date, written once. */
  async function remind(tx: Tx, rows: readonly RestrictionRow[], day: string): Promise<void> {
    await notifications.notifyOnce(
      tx,
      rows
        .filter((row) => reviewState(row, day).reviewDue)
        .map((row) => ({
          organisationId: row.organisation_id,
          kind: 'restriction_review_due' as const,
          caseId: row.case_id,
          subjectId: row.id,
          at: startOfBrusselsDay(parseCivilDate(row.review_on)),
        })),
    );
  }

  async function present(
    tx: Tx,
    rows: readonly RestrictionRow[],
    cipher?: ScopeCipher,
  ): Promise<Restriction[]> {
    const day = today();
    const reviews = await restrictions.reviewsOf(
      tx,
      rows.map((row) => row.id),
    );
    const userNames = await restrictions.userNames(
      tx,
      reviews.map((review) => review.decided_by),
    );
    const officeNames = new Map<string, string>();
    for (const row of rows) {
      if (!officeNames.has(row.organisation_id))
        officeNames.set(row.organisation_id, await restrictions.organisationName(tx, row.organisation_id));
    }
    return Promise.all(
      rows.map(async (row) =>
        presentRestriction(row, {
          officeName: officeNames.get(row.organisation_id) ?? '',
          userNames,
          coveredItems: await coveredItems(tx, row),
          reviews: reviews.filter((review) => review.restriction_id === row.id),
          today: day,
          ...(cipher && { cipher }),
        }),
      ),
    );
  }

  /** One restriction with its justification and reasons, the reminder written when due. */
  async function readOne(tx: Tx, actor: Actor, id: string, reason: string): Promise<Restriction> {
    const context = await enterOffice(tx, actor, 'consult');
    const row = await officeRestriction(tx, id);
    await remind(tx, [row], today());
    const [restriction] = await present(tx, [row], await envelope.openScope(tx, caseScope(row.case_id)));
    await audit.record(tx, {
      actor: auditActorOf(context),
      action: 'consult',
      outcome: 'success',
      caseId: row.case_id,
      records: [auditRef(id), { type: 'person', id: row.person_id, category: 1 }],
      justification: actor.justification ?? 'art. 7 restriction',
      reason,
    });
    return restriction!;
  }

  return {
    /**
     * RGT-RST-01: a prosecutor of the authorising office restricts, in a case organised by that
     * office's motivated authorisation, rights of a person on non-judicial data; every failing
     * precondition is named with its rule.
     */
    createRestriction(actor: Actor, input: CreateRestriction): Promise<Restriction> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(CreateRestrictionSchema, input));
        const open = await openCase(tx, actor, input.caseId, 'case.view', 'organise');
        const framework = await restrictions.frameworkOfCase(tx, input.caseId);
        const refusal = preconditionRefusal({
          prosecutor: open.context.facts.roles.includes('prosecutor'),
          authorisationBasis: framework?.basis_kind === 'prosecutor_authorisation',
          authorisingOffice: framework?.authorising_organisation_id === open.actingFor,
        });
        if (refusal) {
          refuse(refusal.code, refusal.rule, refusal.detail, {
            actor: open.who,
            action: 'organise',
            outcome: 'denied',
            caseId: input.caseId,
            reason: 'art7_precondition',
          });
        }
        const day = today();
        const [persons, items] = await Promise.all([
          restrictions.personsOf(tx, input.caseId, open.sharedOnly),
          restrictions.itemsOfPerson(tx, input.caseId, input.personId, open.sharedOnly),
        ]);
        refuseRuled(restrictionIssues(input, { persons, itemsOfPerson: items, today: day, reviewBy }));
        const id = randomUUID();
        const now = clock.now();
        const startsOn = input.startsOn ?? day;
        const reviewOn = input.reviewOn ?? reviewBy(startsOn);
        await restrictions.insert(
          tx,
          {
            id,
            case_id: input.caseId,
            person_id: input.personId,
            organisation_id: open.actingFor,
            scope: input.scope,
            rights: [...input.rights],
            grounds: [...input.grounds].sort(),
            law_2018_art14: input.law2018Art14 ?? false,
            justification: await open.cipher.encrypt(
              ...RESTRICTION_FIELDS.justification(id),
              input.justification,
            ),
            starts_on: startsOn,
            review_on: reviewOn,
            ends_on: input.endsOn ?? null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          },
          input.itemIds ?? [],
        );
        await restrictions.review(tx, {
          restriction_id: id,
          version: 1,
          decision: 'create',
          rights: [...input.rights],
          item_ids: input.itemIds ? [...input.itemIds] : null,
          review_on: reviewOn,
          reason: null,
          decided_by: actor.userId,
          decided_at: now,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'organise',
          outcome: 'success',
          caseId: input.caseId,
          records: [auditRef(id), { type: 'person', id: input.personId, category: 1 }],
          reason: 'restriction_created',
        });
        const [restriction] = await present(tx, [(await restrictions.byId(tx, id))!], open.cipher);
        return restriction!;
      });
    },

    /** The office's restrictions, reminders written for those at their review date (RST-07). */
    listRestrictions(actor: Actor): Promise<RestrictionList> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'consult');
        const rows = await restrictions.ofOffice(tx, actor.organisationId);
        await remind(tx, rows, today());
        const list = await present(tx, rows);
        if (rows.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context),
            action: 'consult',
            outcome: 'success',
            records: rows.map((row) => auditRef(row.id)),
            justification: actor.justification ?? 'art. 7 restrictions',
            reason: 'restrictions',
          });
        }
        return { restrictions: list };
      });
    },

    getRestriction(actor: Actor, id: string): Promise<Restriction> {
      return refusable(db, audit, (tx) => readOne(tx, actor, id, 'restriction'));
    },

    /** RST-02..06, RST-10: the report, grounds in FR/NL/EN and both legal bases. */
    restrictionReport(actor: Actor, id: string): Promise<RestrictionReport> {
      return refusable(db, audit, async (tx) => ({
        generatedAt: clock.now().toISOString(),
        restriction: await readOne(tx, actor, id, 'restriction_report'),
      }));
    },

    /** RST-07: confirm (next review date), narrow (fewer rights or items) or lift, with the reason. */
    reviewRestriction(actor: Actor, id: string, input: ReviewRestriction): Promise<Restriction> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'organise');
        const row = await officeRestriction(tx, id, true);
        refuseIfAny(shapeIssues(ReviewRestrictionSchema, input));
        if (row.lifted_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The restriction was lifted: it is not reviewed any more',
            rule: ART7_RULE,
          });
        }
        const day = today();
        const covered = await coveredItems(tx, row);
        refuseRuled(
          reviewIssues(
            input,
            { rights: row.rights as RestrictedRight[], itemIds: covered },
            reviewBy(day),
            day,
          ),
        );
        const cipher = await envelope.openScope(tx, caseScope(row.case_id));
        const version = row.version + 1;
        const now = clock.now();
        const reviewOn = input.decision === 'lift' ? row.review_on : (input.reviewOn ?? reviewBy(day));
        const rights = input.decision === 'narrow' ? (input.rights ?? row.rights) : row.rights;
        const narrowedItems = input.decision === 'narrow' ? input.itemIds : undefined;
        if (narrowedItems) await restrictions.replaceItems(tx, id, narrowedItems);
        await restrictions.update(tx, id, {
          rights: [...rights],
          ...(narrowedItems && { scope: 'items' as const }),
          review_on: reviewOn,
          ...(input.decision === 'lift' && { lifted_at: now, lifted_by: actor.userId }),
          version,
          updated_at: now,
        });
        await restrictions.review(tx, {
          restriction_id: id,
          version,
          decision: input.decision,
          rights: [...rights],
          item_ids: narrowedItems ? [...narrowedItems] : null,
          review_on: reviewOn,
          reason: await cipher.encrypt(...RESTRICTION_FIELDS.reason(id, version), input.reason),
          decided_by: actor.userId,
          decided_at: now,
        });
        // The reminder's task is done.
        await notifications.acknowledgeAbout(
          tx,
          { organisationId: row.organisation_id, kind: 'restriction_review_due', subjectId: id },
          actor.userId,
          now,
        );
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'organise',
          outcome: 'success',
          caseId: row.case_id,
          records: [auditRef(id)],
          reason: `restriction_${input.decision}`,
        });
        const [restriction] = await present(tx, [(await restrictions.byId(tx, id))!], cipher);
        return restriction!;
      });
    },

    /**
     * RST-08: what every reader of the case sees on its items: the neutral flag "restriction art. 7"
     * and the rights it restricts, never the grounds, the justification or who decided.
     */
    restrictionFlags(actor: Actor, caseId: string): Promise<RestrictionFlags> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const itemIds = await restrictions.itemIdsOfCase(tx, caseId, open.sharedOnly);
        const covered = await activeRestrictions(tx, itemIds, clock.now());
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'case', id: caseId }],
          justification: actor.justification!,
          reason: 'restriction_flags',
        });
        return {
          flags: [...covered].map(([itemId, restriction]) => ({
            itemId,
            label: 'restriction art. 7' as const,
            rights: restriction.rights,
          })),
        };
      });
    },
  };
}

export type RestrictionService = ReturnType<typeof createRestrictionService>;
