/**
 * The prosecutor's list (bill art. 8; SPEC LST-01..04): the office that authorised consultations
 * validates the proposals for its list (the validation is the registration), removes entries
 * created in error with a reason, takes over rectified identities, and finds a listed person only
 * by a lookup linked to an art. 7 restriction or a rights request, each logged (LST-02). Only the
 * office's prosecutors open the list. Each use case is one transaction with its audit event.
 */
import type { Identity } from '../../../contracts/persons.js';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ListEntries,
  type ListEntry,
  type ListLookup,
  type ListLookupResult,
  ListLookupSchema,
  type RemoveListEntry,
  RemoveListEntrySchema,
} from '../../../contracts/prosecutor-list.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { BlindIndex } from '../../kernel/crypto/blind-index.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { LIST_FIELDS, listEntryScope } from './list-proposals.js';
import type { ListEntryRow, ProsecutorListRepository } from './prosecutor-list.repository.js';

export interface ProsecutorListDeps {
  db: Db;
  list: ProsecutorListRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
  envelope: Envelope;
  blindIndex: BlindIndex;
}

const LIST_RULE = 'bill art. 8 al. 1 (SPEC LST-01)';
const LOOKUP_RULE = 'bill art. 8 al. 1 "en vue de l\'application de l\'article 7" (SPEC LST-02)';
/** The removal reasons of an office, kept after the entry and its key are gone (LST-04). */
const officeScope = (officeId: string): string => `prosecutor-list-office:${officeId}`;
const entryRef = (id: string) => ({ type: 'prosecutor_list_entry', id });
const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export function createProsecutorListService(deps: ProsecutorListDeps) {
  const { db, list, access, audit, clock, rules, envelope, blindIndex } = deps;

  /** LST-01: only the office's prosecutors open its list. */
  async function enterOffice(tx: Tx, actor: Actor, action: AuditAction): Promise<AccessContext> {
    const context = await access.enter(tx, actor);
    if (!context.facts.roles.includes('prosecutor')) {
      refuse('forbidden', LIST_RULE, "Only the prosecutors of the office open the prosecutor's list", {
        actor: auditActorOf(context),
        action,
        outcome: 'denied',
        reason: 'prosecutor_role_required',
      });
    }
    return context;
  }

  async function entryOf(tx: Tx, actor: Actor, id: string): Promise<ListEntryRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/entryId'));
    const row = await list.byId(tx, actor.organisationId, id);
    if (!row || (row.erase_by !== null && new Date(row.erase_by) <= clock.now())) {
      throw new DomainError('not_found', { detail: 'No such entry' });
    }
    return row;
  }

  const identityOf = async (tx: Tx, row: ListEntryRow): Promise<Identity> =>
    JSON.parse(
      (
        await envelope.decrypt(
          tx,
          {
            scope: listEntryScope(row.id),
            record: LIST_FIELDS.identity(1)[0],
            version: row.identity_version,
          },
          row.identity,
        )
      ).toString('utf8'),
    ) as Identity;

  const pendingOf = async (tx: Tx, row: ListEntryRow): Promise<Identity | null> => {
    if (!row.pending_identity) return null;
    const [record, version] = LIST_FIELDS.pendingIdentity();
    return JSON.parse(
      (
        await envelope.decrypt(tx, { scope: listEntryScope(row.id), record, version }, row.pending_identity)
      ).toString('utf8'),
    ) as Identity;
  };

  /** The identities show only where the entry awaits the office's action (reading of art. 8, migration 0024). */
  async function present(tx: Tx, row: ListEntryRow): Promise<ListEntry> {
    const awaiting = row.status === 'proposed' || row.update_pending;
    return {
      id: row.id,
      caseId: row.case_id,
      personId: row.person_id,
      authorisationReference: row.authorisation_reference,
      status: row.status,
      proposedAt: iso(row.proposed_at)!,
      registeredAt: iso(row.registered_at),
      eraseBy: iso(row.erase_by),
      updatePending: row.update_pending,
      identity: awaiting ? await identityOf(tx, row) : null,
      pendingIdentity: await pendingOf(tx, row),
    };
  }

  async function record(
    tx: Tx,
    context: AccessContext,
    action: AuditAction,
    ids: readonly string[],
    reason: string,
    justification?: string,
  ) {
    await audit.record(tx, {
      actor: auditActorOf(context),
      action,
      outcome: 'success',
      records: ids.map(entryRef),
      reason,
      ...(justification && { justification }),
    });
  }

  /** LST-02: the blind index of the person looked up, by national number or by name and birth date. */
  async function lookupIndex(
    input: ListLookup,
  ): Promise<{ nrn?: Buffer; nameDob?: Buffer; method: 'national_register_number' | 'name_birth_date' }> {
    const issues: FieldIssue[] = [];
    if ((input.restrictionId === undefined) === (input.rightsRequestId === undefined)) {
      issues.push({
        field: '/body/restrictionId',
        message: 'link the lookup to one art. 7 restriction or one rights request',
      });
    }
    const byName =
      input.surname !== undefined || input.firstNames !== undefined || input.birthDate !== undefined;
    if (
      input.nationalRegisterNumber === undefined &&
      !(input.surname && input.firstNames && input.birthDate)
    ) {
      issues.push({
        field: '/body/nationalRegisterNumber',
        message: 'give the national register number, or the surname, first names and birth date',
      });
    }
    if (input.nationalRegisterNumber !== undefined && byName) {
      issues.push({
        field: '/body/surname',
        message: 'look up by national register number or by name and birth date, not both',
      });
    }
    refuseIfAny(issues, LOOKUP_RULE);
    if (input.nationalRegisterNumber !== undefined) {
      return {
        nrn: await blindIndex.nrn(input.nationalRegisterNumber, '/body/nationalRegisterNumber'),
        method: 'national_register_number',
      };
    }
    return {
      nameDob: await blindIndex.nameAndBirthDate(`${input.surname} ${input.firstNames}`, input.birthDate!, {
        name: '/body/surname',
        birthDate: '/body/birthDate',
      }),
      method: 'name_birth_date',
    };
  }

  return {
    /** LST-01: the office's list for its upkeep – no identities but those awaiting its action, no export. */
    listEntries(actor: Actor): Promise<ListEntries> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'consult');
        const rows = await list.ofOffice(tx, actor.organisationId, clock.now());
        const entries = await Promise.all(rows.map((row) => present(tx, row)));
        if (rows.length > 0) {
          await record(
            tx,
            context,
            'consult',
            rows.map((row) => row.id),
            'prosecutor_list',
            actor.justification ?? 'bill art. 8: upkeep of the list',
          );
        }
        return { entries };
      });
    },

    /** LST-01, LST-03: a prosecutor validates a proposal; its registration starts the 30-year clock. */
    validateEntry(actor: Actor, id: string): Promise<ListEntry> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'record');
        const row = await entryOf(tx, actor, id);
        if (row.status !== 'proposed') {
          throw new DomainError('conflict', { detail: 'The entry is registered already', rule: LIST_RULE });
        }
        const now = clock.now();
        await list.update(tx, id, {
          status: 'registered',
          registered_at: now,
          registered_by: actor.userId,
          erase_by: rules.prosecutorListErasureDue(now).endsAt,
        });
        await record(tx, context, 'record', [id], 'list_entry_registered');
        return present(tx, (await list.byId(tx, actor.organisationId, id))!);
      });
    },

    /**
     * LST-04: an entry created in error (or a proposal rejected) is removed with its reason; its
     * key is shredded, so backups lose the identity too. The reason stays with the office.
     */
    removeEntry(actor: Actor, id: string, input: RemoveListEntry): Promise<void> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'erase');
        const row = await entryOf(tx, actor, id);
        refuseIfAny(
          shapeIssues(RemoveListEntrySchema, input),
          'bill art. 8 al. 1 "tient à jour" (SPEC LST-04)',
        );
        const now = clock.now();
        await list.removal(tx, {
          entry_id: id,
          organisation_id: actor.organisationId,
          reason: await envelope.encrypt(
            tx,
            { scope: officeScope(actor.organisationId), record: `removal:${id}`, version: 1 },
            input.reason,
          ),
          removed_by: actor.userId,
          removed_at: now,
        });
        await list.remove(tx, id);
        await record(
          tx,
          context,
          'erase',
          [id],
          row.status === 'proposed' ? 'list_proposal_rejected' : 'list_entry_removed',
        );
        // Last: shredding cannot be rolled back.
        await envelope.shred(tx, listEntryScope(id));
      });
    },

    /** LST-04: the office takes over the identity rectified in the case. */
    applyIdentityUpdate(actor: Actor, id: string): Promise<ListEntry> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'adapt');
        const row = await entryOf(tx, actor, id);
        const pending = await pendingOf(tx, row);
        if (!pending)
          throw new DomainError('conflict', { detail: 'No identity update is pending', rule: LIST_RULE });
        const version = row.identity_version + 1;
        await list.update(tx, id, {
          identity: await envelope.encrypt(
            tx,
            { scope: listEntryScope(id), record: LIST_FIELDS.identity(version)[0], version },
            JSON.stringify(pending),
          ),
          identity_version: version,
          nrn_index: row.pending_nrn_index,
          name_dob_index: row.pending_name_dob_index,
          update_pending: false,
          pending_identity: null,
          pending_nrn_index: null,
          pending_name_dob_index: null,
        });
        await record(tx, context, 'adapt', [id], 'list_entry_updated');
        return present(tx, (await list.byId(tx, actor.organisationId, id))!);
      });
    },

    /** LST-02: a lookup for an art. 7 restriction or a rights request of the office, logged with it. */
    lookUp(actor: Actor, input: ListLookup): Promise<ListLookupResult> {
      return refusable(db, audit, async (tx) => {
        const context = await enterOffice(tx, actor, 'consult');
        refuseIfAny(shapeIssues(ListLookupSchema, input), LOOKUP_RULE);
        const index = await lookupIndex(input);
        if (input.restrictionId && !(await list.restrictionOfOffice(tx, input.restrictionId))) {
          refuseIfAny(
            [{ field: '/body/restrictionId', message: 'is not a restriction of your office' }],
            LOOKUP_RULE,
          );
        }
        if (input.rightsRequestId && !(await list.officeHandlesRequest(tx, actor.organisationId, input.rightsRequestId))) {
          refuseIfAny(
            [{ field: '/body/rightsRequestId', message: 'is not a rights request your office handles' }],
            LOOKUP_RULE,
          );
        }
        const now = clock.now();
        const rows = await list.matching(tx, actor.organisationId, index, now);
        const lookupId = await list.logLookup(tx, {
          organisation_id: actor.organisationId,
          looked_up_by: actor.userId,
          looked_up_at: now,
          restriction_id: input.restrictionId ?? null,
          rights_request_id: input.rightsRequestId ?? null,
          method: index.method,
          entry_ids: rows.map((row) => row.id),
        });
        const link = input.restrictionId
          ? { type: 'restriction', id: input.restrictionId }
          : { type: 'rights_request', id: input.rightsRequestId! };
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: [
            link,
            { type: 'prosecutor_list_lookup', id: lookupId },
            ...rows.map((row) => entryRef(row.id)),
          ],
          justification: `bill art. 8: lookup for ${link.type} ${link.id}`,
          reason: 'prosecutor_list_lookup',
        });
        return {
          lookupId,
          matches: await Promise.all(
            rows.map(async (row) => ({
              entryId: row.id,
              caseId: row.case_id,
              authorisationReference: row.authorisation_reference,
              status: row.status,
              registeredAt: iso(row.registered_at),
              identity: await identityOf(tx, row),
            })),
          ),
        };
      });
    },
  };
}

export type ProsecutorListService = ReturnType<typeof createProsecutorListService>;

/**
 * LST-03: erases every entry past its erasure date (registration + the legal period), logged
 * without identity, its key shredded. For the daily job: no scheduler runs in Concerto yet, so
 * the lead wires it (a CLI command or a lease-coordinated job).
 */
export async function eraseExpiredListEntries(
  { db, list, audit, envelope }: Pick<ProsecutorListDeps, 'db' | 'list' | 'audit' | 'envelope'>,
  at: Date,
): Promise<number> {
  return refusable(db, audit, async (tx) => {
    const erased = await list.eraseExpired(tx, at);
    if (erased.length === 0) return 0;
    await audit.record(tx, {
      actor: { system: 'prosecutor-list-erasure' },
      action: 'erase',
      outcome: 'success',
      records: erased.map((row) => entryRef(row.entry_id)),
      reason: 'list_entry_expired',
    });
    for (const row of erased) await envelope.shred(tx, listEntryScope(row.entry_id));
    return erased.length;
  });
}
