/**
 * The register of interconnections (SPEC INT-01, PEN-12; L1992 art. 21; bill Comm. art. 2: a
 * connection between the file environments of different actors, with the necessary security
 * measures). A controller's DPO registers the interconnection its connected system sends through
 * (its parties, direction, legal basis and royal decree, mapped fields and categories, security
 * measures, the system's public key); registering approves the owner's side; every other party's
 * DPO approves its own; from then on it exchanges, until a party switches it off (its kill switch)
 * or the owner retires it. Each change is one transaction with its history line and audit event;
 * the register names no person, so reading it is not audited, exporting it is.
 */
import type { Language } from '../../../contracts/language.js';
import {
  type ExchangeList,
  type Interconnection,
  type InterconnectionList,
  type InterconnectionReason,
  InterconnectionReasonSchema,
  type InterconnectionRegister,
  type RegisterInterconnection,
  RegisterInterconnectionSchema,
  type RegistrationOptions,
} from '../../../contracts/interconnections.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { InterconnectionEventKind } from '../../db/schema.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import { holdsCaseRole } from '../access/actor-facts.js';
import { decide, type InterconnectionFacts } from '../access/decide.js';
import { INTERCONNECTION_RULE, interconnectionState } from '../access/interconnection-admission.js';
import type { CasesRepository } from '../cases/cases.repository.js';
import { controllerRegisterNumbers } from '../declarations/declared-processing.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import {
  presentExchange,
  presentInterconnection,
  standingOf,
  usersNamedBy,
} from './interconnection-presenter.js';
import { mappableCategories, REGISTRATION_RULE, registrationIssues } from './interconnection-rules.js';
import type {
  InterconnectionRow,
  InterconnectionsRepository,
  PartyRow,
} from './interconnections.repository.js';
import { registerPdfSpec } from './register-document.js';
import { parsePublicKey } from './request-signature.js';

export interface InterconnectionServiceDeps {
  db: Db;
  interconnections: InterconnectionsRepository;
  cases: CasesRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
}

/** How many exchanges of the log the DPO's view shows, newest first. */
const EXCHANGE_LOG_PAGE = 200;

const interconnectionRef = (id: string) => ({ type: 'interconnection', id });

const factsOf = (row: InterconnectionRow, parties: readonly PartyRow[]): InterconnectionFacts => ({
  ownerId: row.owner_organisation_id,
  partyIds: parties
    .filter((party) => party.interconnection_id === row.id)
    .map((party) => party.organisation_id),
});

export function createInterconnectionService(deps: InterconnectionServiceDeps) {
  const { db, interconnections, cases, access, audit, clock } = deps;

  /** What `context`'s user may do to an interconnection now (the web app offers these). */
  function actionsFor(context: AccessContext) {
    return (row: InterconnectionRow, parties: readonly PartyRow[]): Interconnection['allowedActions'] => {
      const own = context.facts.organisationId;
      const party = parties.find((p) => p.organisation_id === own);
      const facts = factsOf(row, parties);
      const manages = (need: 'party' | 'owner') =>
        decide(context.facts, { action: 'interconnection.manage', interconnection: facts, need }).allowed;
      const state = interconnectionState(standingOf(row, parties));
      if (state === 'retired' || !party) return [];
      const actions: Interconnection['allowedActions'] = [];
      if (manages('party')) {
        if (party.approved_at === null) actions.push('approve');
        actions.push(party.suspended_at === null ? 'suspend' : 'resume');
      }
      if (manages('owner')) actions.push('retire');
      // A member with a case role of the owner links its cases to files of the connected system.
      if (state === 'active' && own === row.owner_organisation_id && holdsCaseRole(context.facts))
        actions.push('link');
      return actions;
    };
  }

  async function present(
    tx: Tx,
    context: AccessContext,
    rows: readonly InterconnectionRow[],
  ): Promise<Interconnection[]> {
    const parties = await interconnections.partiesOf(
      tx,
      rows.map((row) => row.id),
    );
    const frameworkIds = [...new Set(rows.map((row) => row.framework_id))];
    const [organisations, userNames, frameworks] = await Promise.all([
      cases.organisations(tx, [
        ...rows.map((row) => row.owner_organisation_id),
        ...parties.map((p) => p.organisation_id),
      ]),
      cases.userNames(tx, usersNamedBy(rows, parties)),
      Promise.all(frameworkIds.map((id) => cases.frameworkOf(tx, id))),
    ]);
    const presentation = {
      parties,
      organisationNames: new Map(organisations.map((o) => [o.id, o.legal_name])),
      userNames,
      frameworkNames: new Map(frameworks.flatMap((f) => (f ? [[f.id, f.name] as const] : []))),
      actionsOf: actionsFor(context),
    };
    return rows.map((row) => presentInterconnection(row, presentation));
  }

  /** The interconnection `id` for an act `need` asks for, locked; 404 for anyone not a party. */
  async function managed(
    tx: Tx,
    context: AccessContext,
    id: string,
    need: 'party' | 'owner',
    action: string,
  ) {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/interconnectionId'));
    const row = await interconnections.forUpdate(tx, id);
    const parties = row ? await interconnections.partiesOf(tx, [id]) : [];
    const decision = access.require(
      context,
      { action: 'interconnection.manage', interconnection: row && factsOf(row, parties), need },
      `admin.${action}`,
    );
    if (row!.retired_at !== null) {
      throw new DomainError('conflict', {
        detail: 'The interconnection is retired',
        rule: INTERCONNECTION_RULE,
      });
    }
    return { row: row!, parties, own: parties.find((p) => p.organisation_id === decision.via)!, decision };
  }

  /** One change of the register: the history line, the audit event, the interconnection as it now stands. */
  async function recorded(
    tx: Tx,
    context: AccessContext,
    change: { id: string; kind: InterconnectionEventKind; reason?: string; action: string },
  ): Promise<Interconnection> {
    const at = clock.now();
    await interconnections.event(tx, {
      interconnection_id: change.id,
      organisation_id: context.facts.organisationId,
      kind: change.kind,
      user_id: context.facts.userId,
      at,
      reason: change.reason ?? null,
    });
    await audit.record(tx, {
      actor: auditActorOf(context),
      action: `admin.${change.action}`,
      outcome: 'success',
      records: [interconnectionRef(change.id)],
    });
    const [presented] = await present(tx, context, [(await interconnections.byId(tx, change.id))!]);
    return presented!;
  }

  /** PEN-12: the register of the DPO's controller, with each interconnection's history and volumes. */
  async function register(tx: Tx, context: AccessContext): Promise<InterconnectionRegister> {
    const own = context.facts.organisationId;
    const rows = await interconnections.ofParty(tx, own);
    const ids = rows.map((row) => row.id);
    const [presented, history, totals, [controller], registerNumbers] = await Promise.all([
      present(tx, context, rows),
      interconnections.historyOf(tx, ids),
      interconnections.totalsOf(tx, ids),
      cases.organisations(tx, [own]),
      // SPEC DCL-25: the register numbers of the controller's running declarations (a document of its DPO).
      controllerRegisterNumbers(tx, own),
    ]);
    const [organisations, userNames] = await Promise.all([
      cases.organisations(
        tx,
        history.map((line) => line.organisation_id),
      ),
      cases.userNames(
        tx,
        history.map((line) => line.user_id),
      ),
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.legal_name]));
    return {
      controller: { id: own, legalName: controller?.legal_name ?? '' },
      exportedAt: clock.now().toISOString(),
      registerNumbers,
      interconnections: presented.map((interconnection) => {
        const total = totals.find((t) => t.interconnection_id === interconnection.id);
        return {
          interconnection,
          history: history
            .filter((line) => line.interconnection_id === interconnection.id)
            .map((line) => ({
              kind: line.kind,
              organisation: { id: line.organisation_id, legalName: names.get(line.organisation_id) ?? '' },
              by: userNames.get(line.user_id) ?? '',
              at: new Date(line.at).toISOString(),
              reason: line.reason,
            })),
          exchanges: {
            accepted: Number(total?.accepted ?? 0),
            refused: Number(total?.refused ?? 0),
            items: Number(total?.items ?? 0),
          },
        };
      }),
    };
  }

  /** PEN-12: the register of the DPO's controller, for the supervisory authority, audited. */
  function exportRegister(actor: Actor): Promise<InterconnectionRegister> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      access.require(
        context,
        { action: 'interconnection.manage' },
        'admin.interconnection_register_exported',
      );
      const result = await register(tx, context);
      await audit.record(tx, {
        actor: auditActorOf(context),
        action: 'admin.interconnection_register_exported',
        outcome: 'success',
        records: result.interconnections.map(({ interconnection }) => interconnectionRef(interconnection.id)),
      });
      return result;
    });
  }

  return {
    /** The interconnections the reader's organisation is a party to (the register names no person). */
    listInterconnections(actor: Actor): Promise<InterconnectionList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const rows = await interconnections.ofParty(tx, actor.organisationId);
        return { interconnections: await present(tx, context, rows) };
      });
    },

    getInterconnection(actor: Actor, id: string): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        refuseIfAny(shapeIssues(IdSchema, id, 'params/interconnectionId'));
        const row = await interconnections.byId(tx, id);
        const parties = row ? await interconnections.partiesOf(tx, [id]) : [];
        access.require(
          context,
          { action: 'interconnection.view', interconnection: row && factsOf(row, parties) },
          'admin.interconnection_read',
        );
        const [presented] = await present(tx, context, [row!]);
        return presented!;
      });
    },

    /** What the DPO may register: its organisation's active frameworks, their mappable categories and parties. */
    registrationOptions(actor: Actor): Promise<RegistrationOptions> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        access.require(context, { action: 'interconnection.manage' }, 'admin.interconnection_options_read');
        const frameworks = await interconnections.frameworksOf(tx, actor.organisationId);
        const partyIds = frameworks.flatMap((f) => [
          ...f.participant_ids,
          ...(f.organiser_organisation_id ? [f.organiser_organisation_id] : []),
        ]);
        const names = new Map((await cases.organisations(tx, partyIds)).map((o) => [o.id, o.legal_name]));
        return {
          frameworks: frameworks.map((f) => ({
            id: f.id,
            name: f.name,
            mappableCategories: mappableCategories(f.allowed_categories),
            parties: [
              ...new Set([
                ...(f.organiser_organisation_id ? [f.organiser_organisation_id] : []),
                ...f.participant_ids,
              ]),
            ]
              .filter((id) => id !== actor.organisationId)
              .map((id) => ({ id, legalName: names.get(id) ?? '' }))
              .sort((a, b) => a.legalName.localeCompare(b.legalName)),
          })),
        };
      });
    },

    /**
     * INT-01: the DPO of the owner registers an interconnection, whole or not at all; registering
     * approves the owner's side. The other parties' DPOs approve theirs before it exchanges.
     */
    registerInterconnection(actor: Actor, input: RegisterInterconnection): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        access.require(context, { action: 'interconnection.manage' }, 'admin.interconnection_registered');
        refuseIfAny(shapeIssues(RegisterInterconnectionSchema, input), REGISTRATION_RULE);
        const owner = actor.organisationId;
        const framework = await cases.frameworkOf(tx, input.frameworkId);
        const issues: FieldIssue[] = registrationIssues(input, {
          ownerId: owner,
          framework: framework && {
            state: framework.state,
            organiserId: framework.organiser_organisation_id,
            participantIds: framework.participant_ids,
            allowedCategories: framework.allowed_categories,
          },
        });
        const key = parsePublicKey(input.publicKey);
        if ('issue' in key) issues.push(key.issue);
        else if (await interconnections.byFingerprint(tx, key.fingerprint)) {
          // One credential per interconnection: a shared key would make its deliveries indistinguishable.
          issues.push({ field: '/body/publicKey', message: 'is the key of another interconnection' });
        }
        refuseIfAny(issues, REGISTRATION_RULE);
        const { der, fingerprint } = key as { der: Buffer; fingerprint: string };
        const at = clock.now();
        const row = await interconnections.insert(tx, {
          owner_organisation_id: owner,
          framework_id: input.frameworkId,
          name: input.name.trim(),
          counterpart_system: input.counterpart.system.trim(),
          counterpart_operator: input.counterpart.operator.trim(),
          direction: input.direction,
          legal_basis: input.legalBasis.trim(),
          royal_decree_reference: input.royalDecree?.reference.trim() ?? null,
          royal_decree_conditions: input.royalDecree?.conditions?.trim() ?? null,
          security_measures: input.securityMeasures.trim(),
          field_mapping: JSON.stringify(input.fieldMapping),
          person_matching: input.personMatching.rule,
          matching_basis: input.personMatching.rule === 'off' ? null : input.personMatching.basis.trim(),
          rate_limit_per_minute: input.rateLimitPerMinute,
          public_key: der,
          key_fingerprint: fingerprint,
          registered_by: actor.userId,
          registered_at: at,
        });
        await interconnections.insertParties(tx, [
          { interconnection_id: row.id, organisation_id: owner, approved_by: actor.userId, approved_at: at },
          ...input.partyIds.map((organisationId) => ({
            interconnection_id: row.id,
            organisation_id: organisationId,
          })),
        ]);
        await interconnections.event(tx, {
          interconnection_id: row.id,
          organisation_id: owner,
          kind: 'registered',
          user_id: actor.userId,
          at,
          reason: null,
        });
        return recorded(tx, context, { id: row.id, kind: 'approved', action: 'interconnection_registered' });
      });
    },

    /** INT-01: a party's DPO approves its side; the last approval activates the interconnection. */
    approveInterconnection(actor: Actor, id: string): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const { own } = await managed(tx, context, id, 'party', 'interconnection_approved');
        if (own.approved_at !== null) {
          throw new DomainError('conflict', {
            detail: 'Your organisation approved it already',
            rule: INTERCONNECTION_RULE,
          });
        }
        await interconnections.updateParty(tx, id, own.organisation_id, {
          approved_by: actor.userId,
          approved_at: clock.now(),
        });
        return recorded(tx, context, { id, kind: 'approved', action: 'interconnection_approved' });
      });
    },

    /**
     * INT-02, the kill switch of a controller: its DPO switches the interconnection off at once;
     * the next delivery (the check is in each exchange's transaction) is refused.
     */
    suspendInterconnection(actor: Actor, id: string, input: InterconnectionReason): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const { own } = await managed(tx, context, id, 'party', 'interconnection_suspended');
        refuseIfAny(shapeIssues(InterconnectionReasonSchema, input), INTERCONNECTION_RULE);
        if (own.suspended_at !== null) {
          throw new DomainError('conflict', {
            detail: 'Your organisation switched it off already',
            rule: INTERCONNECTION_RULE,
          });
        }
        const reason = input.reason.trim();
        await interconnections.updateParty(tx, id, own.organisation_id, {
          suspended_by: actor.userId,
          suspended_at: clock.now(),
          suspension_reason: reason,
        });
        return recorded(tx, context, { id, kind: 'suspended', reason, action: 'interconnection_suspended' });
      });
    },

    /** INT-02: the party that switched it off switches it back on; no other party can for it. */
    resumeInterconnection(actor: Actor, id: string): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const { own } = await managed(tx, context, id, 'party', 'interconnection_resumed');
        if (own.suspended_at === null) {
          throw new DomainError('conflict', {
            detail: 'Your organisation has not switched it off',
            rule: INTERCONNECTION_RULE,
          });
        }
        await interconnections.updateParty(tx, id, own.organisation_id, {
          suspended_by: null,
          suspended_at: null,
          suspension_reason: null,
        });
        return recorded(tx, context, { id, kind: 'resumed', action: 'interconnection_resumed' });
      });
    },

    /** INT-01: the owner's DPO ends the interconnection for good; its links carry nothing more. */
    retireInterconnection(actor: Actor, id: string, input: InterconnectionReason): Promise<Interconnection> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        await managed(tx, context, id, 'owner', 'interconnection_retired');
        refuseIfAny(shapeIssues(InterconnectionReasonSchema, input), INTERCONNECTION_RULE);
        const reason = input.reason.trim();
        await interconnections.update(tx, id, {
          retired_by: actor.userId,
          retired_at: clock.now(),
          retirement_reason: reason,
        });
        return recorded(tx, context, { id, kind: 'retired', reason, action: 'interconnection_retired' });
      });
    },

    /** INT-02, SEC-05: the per-transaction log, for a party's DPO (ids, counts and field names only). */
    listExchanges(actor: Actor, id: string): Promise<ExchangeList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        refuseIfAny(shapeIssues(IdSchema, id, 'params/interconnectionId'));
        const row = await interconnections.byId(tx, id);
        const parties = row ? await interconnections.partiesOf(tx, [id]) : [];
        access.require(
          context,
          { action: 'interconnection.manage', interconnection: row && factsOf(row, parties), need: 'party' },
          'admin.interconnection_exchanges_read',
        );
        const rows = await interconnections.exchangesOf(tx, id, EXCHANGE_LOG_PAGE);
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'admin.interconnection_exchanges_read',
          outcome: 'success',
          records: [interconnectionRef(id)],
        });
        return { exchanges: rows.map(presentExchange) };
      });
    },

    exportRegister,

    /** The same register as a PDF in `language`. */
    async exportRegisterPdf(actor: Actor, language: Language): Promise<Buffer> {
      const result = await exportRegister(actor);
      return renderPdf(registerPdfSpec(result, { language, exportedBy: actor.userId, at: clock.now() }));
    },
  };
}

export type InterconnectionService = ReturnType<typeof createInterconnectionService>;
