/**
 * Legal holds (SPEC RET-08, RGT-CRT-04; L2007/L1992 art. 14 §7: on a unilateral application, the
 * president of the court orders any measure preventing the concealment or disappearance of
 * evidence needed for an action on the rights of the person concerned). A party of the case to
 * whom such an order is notified places a hold on the case, on a person or on an item it sees,
 * naming the order and its issuer; while it stands, no one erases what it covers (the checks of
 * active-legal-hold.ts) and the retention job of issue 6 skips it. Who may: the members of a party
 * of the case with a case role, in any state (an action may come after closure), not a
 * representative — the case action `case.contest`, as for the other court measures of art. 14
 * (SPEC RGT-CRT-01). Only the organisation that placed a hold releases it, with the reason;
 * deletion is due again from then. Each use case is one transaction with its audit event: the
 * placement and the release are `store` events (art. 1 §2 "conservation": the hold decides how long
 * the data are kept), with their reason code.
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type LegalHold,
  type LegalHoldList,
  type PlaceLegalHold,
  PlaceLegalHoldSchema,
  type ReleaseLegalHold,
  ReleaseLegalHoldSchema,
} from '../../../contracts/legal-holds.js';
import type { Tx } from '../../db/database.js';
import type { AuditRecordRef } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { decide } from '../access/decide.js';
import { type CaseDeps, caseOpener, type OpenCase } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { HOLD_FIELDS, presentLegalHold, usersNamedBy } from './legal-hold-presenter.js';
import { holdTargetIssues, LEGAL_HOLD_RULE } from './legal-hold-rules.js';
import type { LegalHoldRow, LegalHoldsRepository } from './legal-holds.repository.js';

export interface LegalHoldServiceDeps extends CaseDeps {
  legalHolds: LegalHoldsRepository;
}

const holdRef = (id: string): AuditRecordRef => ({ type: 'legal_hold', id });

export function createLegalHoldService(deps: LegalHoldServiceDeps) {
  const { db, cases, records, legalHolds, access, audit, clock } = deps;
  const openCase = caseOpener(deps);

  /** What the reader may do to `row` now: its placing organisation releases it while it stands. */
  function actionsFor(open: OpenCase) {
    return (row: LegalHoldRow): LegalHold['allowedActions'] =>
      row.released_at === null &&
      decide(open.context.facts, { action: 'case.contest', kase: open.facts, owner: row.organisation_id })
        .allowed
        ? ['release']
        : [];
  }

  async function present(tx: Tx, open: OpenCase, rows: readonly LegalHoldRow[]): Promise<LegalHold[]> {
    const [organisations, userNames] = await Promise.all([
      cases.organisations(
        tx,
        rows.map((row) => row.organisation_id),
      ),
      cases.userNames(tx, usersNamedBy(rows)),
    ]);
    const context = {
      cipher: open.cipher,
      organisationNames: new Map(organisations.map((o) => [o.id, o.legal_name])),
      userNames,
      actionsOf: actionsFor(open),
    };
    return Promise.all(rows.map((row) => presentLegalHold(row, context)));
  }

  /**
   * The record the hold is placed on, checked whole against what the placing organisation sees
   * (the compartment's records before sharing only to the compartment, SPEC WFL-03); returns its
   * audit reference.
   */
  async function checkedTarget(tx: Tx, open: OpenCase, input: PlaceLegalHold): Promise<AuditRecordRef> {
    const caseId = open.row.id;
    const [persons, item] = await Promise.all([
      input.scope === 'person' ? records.personsOf(tx, caseId, open.sharedOnly) : [],
      input.scope === 'item' && input.itemId !== undefined
        ? records.itemById(tx, caseId, input.itemId, brusselsDateOf(clock.now()))
        : undefined,
    ]);
    const seenItem = item && (!open.sharedOnly || item.shared) ? item : undefined;
    refuseIfAny(
      holdTargetIssues(input, {
        persons: new Set(persons.map((person) => person.id)),
        items: new Map(seenItem ? [[seenItem.id, { erased: seenItem.erased_at !== null }]] : []),
      }),
      LEGAL_HOLD_RULE,
    );
    if (seenItem) return { type: 'item', id: seenItem.id, category: Number(seenItem.category.slice(1)) };
    if (input.scope === 'person') return { type: 'person', id: input.personId! };
    return { type: 'case', id: caseId };
  }

  /** A hold the reader sees; anyone else may not learn it exists. */
  async function visibleHold(tx: Tx, open: OpenCase, id: string): Promise<LegalHoldRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/holdId'));
    const row = await legalHolds.byId(tx, open.row.id, id);
    if (!row) throw new DomainError('not_found', { detail: 'No such legal hold' });
    return row;
  }

  return {
    /** The holds of the case the reader sees, standing and released, with what it may do to each. */
    listLegalHolds(actor: Actor, caseId: string): Promise<LegalHoldList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const rows = await legalHolds.ofCase(tx, caseId);
        const list = await present(tx, open, rows);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'case', id: caseId }, ...rows.map((row) => holdRef(row.id))],
          justification: actor.justification!,
          reason: 'legal_holds',
        });
        return { legalHolds: list };
      });
    },

    /** RET-08: the acting organisation places a hold under a court order on the case, a person or an item. */
    placeLegalHold(actor: Actor, caseId: string, input: PlaceLegalHold): Promise<LegalHold> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'store');
        refuseIfAny(shapeIssues(PlaceLegalHoldSchema, input), LEGAL_HOLD_RULE);
        const target = await checkedTarget(tx, open, input);
        const id = randomUUID();
        const row = await legalHolds.insert(tx, {
          id,
          case_id: caseId,
          scope: input.scope,
          person_id: input.scope === 'person' ? input.personId! : null,
          item_id: input.scope === 'item' ? input.itemId! : null,
          organisation_id: open.actingFor,
          court_order_reference: input.courtOrderReference.trim(),
          issuer: input.issuer.trim(),
          reason: await open.cipher.encrypt(...HOLD_FIELDS.reason(id), input.reason),
          placed_by: actor.userId,
          placed_at: clock.now(),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'store',
          outcome: 'success',
          caseId,
          records: [holdRef(id), target],
          reason: 'legal_hold_placed',
        });
        const [hold] = await present(tx, open, [row]);
        return hold!;
      });
    },

    /**
     * RET-08: the organisation that placed a hold releases it, with the reason; from then the
     * erasure is allowed again and the retention job's deletion is due. Another party learns the
     * hold is not theirs (403).
     */
    releaseLegalHold(
      actor: Actor,
      caseId: string,
      holdId: string,
      input: ReleaseLegalHold,
    ): Promise<LegalHold> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contest', 'store');
        const seen = await visibleHold(tx, open, holdId);
        access.require(
          open.context,
          { action: 'case.contest', kase: open.facts, owner: seen.organisation_id },
          'store',
          caseId,
        );
        refuseIfAny(shapeIssues(ReleaseLegalHoldSchema, input), LEGAL_HOLD_RULE);
        // Read again under the lock: a concurrent release has committed by now.
        const hold = (await legalHolds.forUpdate(tx, caseId, holdId))!;
        if (hold.released_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The legal hold was released already',
            rule: LEGAL_HOLD_RULE,
          });
        }
        const row = await legalHolds.update(tx, holdId, {
          released_by: actor.userId,
          released_at: clock.now(),
          release_reason: await open.cipher.encrypt(...HOLD_FIELDS.release(holdId), input.reason),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'store',
          outcome: 'success',
          caseId,
          records: [holdRef(holdId)],
          reason: 'legal_hold_released',
        });
        const [released] = await present(tx, open, [row]);
        return released!;
      });
    },
  };
}

export type LegalHoldService = ReturnType<typeof createLegalHoldService>;
