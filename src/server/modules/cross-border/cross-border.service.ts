/**
 * The transfer register of each controller, kept by its DPO, and the deny-list of the royal
 * decrees, kept by the platform operator (issue 6 scope 5; L2007 arts 21-22; L1992 arts 17 §6 and
 * 22; SPEC TRF-01..12, SCO-10, DCL-20, PEN-03, PEN-13).
 *
 * A destination is registered with its basis and checked by the same rules as every transfer
 * (transfer-check.ts): a destination outside the Community without a basis, or one a deny rule
 * forbids, is a blocked transfer (403, logged); a basis missing what it needs is bad input (400).
 * Records are ended, withdrawn or repealed with the reason, never edited. Each use case is one
 * transaction; every change, every read and every refusal is an audit event (refusals commit after
 * the rollback, with their line in the blocked-transfer log when a transfer was blocked).
 */
import { createHash } from 'node:crypto';
import {
  type AddDenyRule,
  AddDenyRuleSchema,
  type AdequacyAssessment,
  type BlockedTransferList,
  type CountryLists,
  type DenyRule,
  type DenyRuleList,
  type Destination,
  type EndDestination,
  EndDestinationSchema,
  type RecordAdequacyAssessment,
  RecordAdequacyAssessmentSchema,
  type RegisterDestination,
  RegisterDestinationSchema,
  type RepealDenyRule,
  RepealDenyRuleSchema,
  type TransferRegister,
  type WithdrawAssessment,
  WithdrawAssessmentSchema,
} from '../../../contracts/cross-border.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError } from '../../kernel/errors.js';
import { countryZone } from '../../kernel/legal-rules/countries.js';
import { refusable, refuseWith } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import type { Request } from '../access/decide.js';
import { undeclaredTransferCategories } from '../declarations/declared-processing.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import {
  countryLists,
  derogationOptions,
  presentAssessment,
  presentBlocked,
  presentDenyRule,
  presentDestination,
} from './cross-border-presenter.js';
import {
  abroadByCategory,
  assessmentIssues,
  DEROGATIONS,
  denyRuleIssues,
  destinationIssues,
  type RuledIssue,
  TRANSFER_RULES,
  transferIssues,
} from './cross-border-rules.js';
import type { CrossBorderRepository, DestinationRow } from './cross-border.repository.js';
import { denyRuleFacts, refuseTransfer } from './transfer-check.js';

export interface CrossBorderServiceDeps {
  db: Db;
  crossBorder: CrossBorderRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
}

export interface RegisterFile {
  filename: string;
  mediaType: 'application/json' | 'application/pdf';
  content: Buffer;
}

const CLAUSES_MAX_BYTES = 2 * 1024 * 1024;
const BLOCKED_LIST_LIMIT = 500;

const destinationRef = (id: string): AuditRecordRef => ({ type: 'transfer_destination', id });
const assessmentRef = (id: string): AuditRecordRef => ({ type: 'adequacy_assessment', id });
const denyRuleRef = (id: string): AuditRecordRef => ({ type: 'transfer_deny_rule', id });

/** Who acts, for the audit log, and for which controller. */
interface Keeper {
  who: UserActor;
  controllerId: string;
}

export function createCrossBorderService({ db, crossBorder, access, audit, clock }: CrossBorderServiceDeps) {
  /** Enters the access module and requires `request`, auditing a refusal as an attempt at `action`. */
  async function enter(tx: Tx, actor: Actor, request: Request, action: AuditAction): Promise<Keeper> {
    const context = await access.enter(tx, actor);
    const decision = access.require(context, request, action);
    return { who: auditActorOf(context, decision), controllerId: actor.organisationId };
  }

  /** Bad input against the law: 400 naming each field and its rule, and a denied audit event. */
  function refuseInput(issues: readonly RuledIssue[], who: UserActor, action: AuditAction): void {
    if (issues.length === 0) return;
    refuseWith(
      new DomainError('validation_failed', {
        detail: 'The input is invalid',
        fields: issues.map(({ field, message }) => ({ field, message })),
        rule: [...new Set(issues.map((i) => i.rule))].join('; '),
      }),
      { actor: who, action, outcome: 'denied', reason: 'invalid_input' },
    );
  }

  /** A refusal of the register's state (404, 409): audited as denied with its code, nothing changed. */
  function refuseState(
    keeper: Keeper,
    action: AuditAction,
    error: DomainError,
    records: readonly AuditRecordRef[],
  ): never {
    return refuseWith(error, { actor: keeper.who, action, outcome: 'denied', reason: error.code, records });
  }

  async function record(tx: Tx, who: UserActor, action: AuditAction, records: readonly AuditRecordRef[]) {
    await audit.record(tx, { actor: who, action, outcome: 'success', records });
  }

  async function registerView(tx: Tx, controllerId: string, keeper: boolean) {
    const [destinations, assessments, denyRules] = await Promise.all([
      crossBorder.destinationsOf(tx, controllerId),
      crossBorder.assessmentsOf(tx, controllerId),
      crossBorder.denyRules(tx, true),
    ]);
    const userNames = await crossBorder.userNames(tx, [
      ...destinations.flatMap((d) => [d.registered_by, ...(d.ended_by ? [d.ended_by] : [])]),
      ...assessments.flatMap((a) => [a.recorded_by, ...(a.withdrawn_by ? [a.withdrawn_by] : [])]),
      ...denyRules.map((r) => r.added_by),
    ]);
    const inForce = destinations.filter((d) => d.ended_at === null);
    const context = {
      userNames,
      assessments: new Map(assessments.map((row) => [row.id, row])),
      denyRules: denyRuleFacts(denyRules),
      keeper,
      undeclared: new Map(
        await Promise.all(
          inForce
            .filter((d) => countryZone(d.country) !== 'domestic')
            .map(
              async (d) =>
                [d.id, await undeclaredTransferCategories(tx, controllerId, d.country, d.categories)] as const,
            ),
        ),
      ),
    };
    return {
      destinations: destinations.map((row) => presentDestination(row, context)),
      adequacyAssessments: assessments.map((row) =>
        presentAssessment(row, {
          userNames,
          usedBy: inForce.filter((d) => d.adequacy_assessment_id === row.id).map((d) => d.id),
          keeper,
        }),
      ),
      denyRules: denyRules.map((row) => presentDenyRule(row, { userNames, operator: false })),
      abroad: abroadByCategory(inForce),
    };
  }

  /** One record as the register presents it (its standing reads the whole register). */
  async function oneDestination(tx: Tx, controllerId: string, id: string): Promise<Destination> {
    const view = await registerView(tx, controllerId, true);
    return view.destinations.find((d) => d.id === id)!;
  }

  async function oneAssessment(tx: Tx, controllerId: string, id: string): Promise<AdequacyAssessment> {
    const view = await registerView(tx, controllerId, true);
    return view.adequacyAssessments.find((a) => a.id === id)!;
  }

  /** A record of the keeper's register, or 404: another controller's does not exist for it. */
  async function ownDestination(
    tx: Tx,
    keeper: Keeper,
    action: AuditAction,
    id: string,
    lock: boolean,
  ): Promise<DestinationRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/destinationId'));
    const row = await crossBorder.destinationById(tx, keeper.controllerId, id, lock);
    if (!row) {
      refuseState(
        keeper,
        action,
        new DomainError('not_found', { detail: 'No such destination in your transfer register' }),
        [],
      );
    }
    return row;
  }

  /** D7's clauses: a PDF of at most 2 MB, checked by its content. */
  function decodeClauses(input: RegisterDestination): { bytes: Buffer | null; issues: RuledIssue[] } {
    const clauses = input.basis.clauses;
    if (!clauses) return { bytes: null, issues: [] };
    const bytes = Buffer.from(clauses.contentBase64, 'base64');
    const rule = DEROGATIONS.D7.rule;
    if (bytes.length === 0 || bytes.length > CLAUSES_MAX_BYTES) {
      return {
        bytes,
        issues: [{ field: '/body/basis/clauses', message: 'must hold a PDF of at most 2 MB', rule }],
      };
    }
    if (sniffMediaType(bytes) !== 'application/pdf') {
      return {
        bytes,
        issues: [
          {
            field: '/body/basis/clauses/mediaType',
            message: 'does not match the document: a PDF is expected',
            rule,
          },
        ],
      };
    }
    return { bytes, issues: [] };
  }

  return {
    /** SPEC TRF-01: the keeper's register, the deny rules in force, the §6 preview and the derogations offered. */
    viewRegister(actor: Actor): Promise<TransferRegister> {
      const action = 'admin.transfer_register_listed';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        const controller = (await crossBorder.organisation(tx, keeper.controllerId))!;
        const view = await registerView(tx, keeper.controllerId, true);
        await record(tx, keeper.who, action, [
          ...view.destinations.map((d) => destinationRef(d.id)),
          ...view.adequacyAssessments.map((a) => assessmentRef(a.id)),
        ]);
        return {
          controller: {
            id: controller.id,
            legalName: controller.legal_name,
            establishmentCountry: controller.establishment_country,
          },
          destinations: view.destinations,
          adequacyAssessments: view.adequacyAssessments,
          denyRules: view.denyRules,
          abroad: view.abroad,
          derogations: derogationOptions(),
        };
      });
    },

    /**
     * SPEC TRF-01..11, SCO-10, DCL-20: registers where the data go, with the basis the zone needs;
     * blocked (403, logged) outside the Community without a basis or against a deny rule.
     */
    registerDestination(actor: Actor, input: RegisterDestination): Promise<Destination> {
      const action = 'admin.transfer_destination_registered';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        refuseIfAny(shapeIssues(RegisterDestinationSchema, input));
        const { basis } = input;
        const [parent, assessment] = await Promise.all([
          input.viaDestinationId
            ? crossBorder.destinationById(tx, keeper.controllerId, input.viaDestinationId)
            : undefined,
          basis.adequacyAssessmentId
            ? crossBorder.assessmentById(tx, keeper.controllerId, basis.adequacyAssessmentId)
            : undefined,
        ]);
        const assessmentFacts = assessment && {
          conclusion: assessment.conclusion,
          finalDestinationCountry: assessment.final_destination_country,
          withdrawn: assessment.withdrawn_at !== null,
        };
        const clauses = decodeClauses(input);
        refuseInput(
          [
            ...destinationIssues(input, {
              ...(assessmentFacts && { assessment: assessmentFacts }),
              ...(parent && {
                parent: {
                  name: parent.name,
                  categories: parent.categories,
                  inForce: parent.ended_at === null,
                },
              }),
            }),
            ...clauses.issues,
          ],
          keeper.who,
          action,
        );
        // Own-file copies go to one place at a time (the own-file export reads it).
        if (
          input.kind === 'own_file' &&
          (await crossBorder.ownFileCountry(tx, keeper.controllerId)) !== undefined
        ) {
          const detail = 'Your own file is registered already: end that destination first';
          refuseState(
            keeper,
            action,
            new DomainError('conflict', { detail, rule: TRANSFER_RULES.register }),
            [],
          );
        }
        const now = clock.now();
        // The same rules as every transfer there: the deny-list overrides any basis (TRF-03).
        const blocked = transferIssues(
          { kind: input.kind, country: input.country, categories: input.categories },
          {
            kind: input.kind,
            country: input.country,
            categories: input.categories,
            basis: basis.kind,
            derogation: basis.derogation ?? null,
            ...(assessmentFacts && { assessment: assessmentFacts }),
          },
          denyRuleFacts(await crossBorder.denyRules(tx, true)),
          { country: '/body/country', categories: '/body/categories', items: '/body/items' },
        );
        if (blocked.length > 0) {
          refuseTransfer(
            crossBorder,
            {
              controllerId: keeper.controllerId,
              destination: { kind: input.kind, country: input.country },
              categories: input.categories,
              attempt: { source: 'transfer_register', actor: keeper.who, action, at: now },
            },
            blocked,
          );
        }
        const consent = basis.derogation === 'D1' ? basis.consent : undefined;
        // The rules above let through a derogation only with its code, and never D6.
        const derogation =
          basis.kind === 'derogation' && basis.derogation !== 'D6' ? (basis.derogation ?? null) : null;
        const id = await crossBorder.insertDestination(tx, {
          organisation_id: keeper.controllerId,
          kind: input.kind,
          name: input.name.trim(),
          country: input.country,
          via_destination_id: input.viaDestinationId ?? null,
          operations: input.operations?.trim() ?? null,
          categories: [...input.categories].sort(),
          basis: basis.kind,
          adequacy_assessment_id: basis.kind === 'adequacy' ? basis.adequacyAssessmentId! : null,
          derogation,
          consent_reference: consent?.reference ?? null,
          consent_collected_by: consent?.collectedBy ?? null,
          consent_context: consent?.context ?? null,
          consent_given_on: consent?.givenOn ?? null,
          contract_reference: basis.contractReference ?? null,
          legal_reference: basis.legalReference ?? null,
          justification: basis.justification ?? null,
          royal_decree_reference: basis.royalDecreeReference ?? null,
          clauses: clauses.bytes,
          clauses_sha256: clauses.bytes ? createHash('sha256').update(clauses.bytes).digest('hex') : null,
          registered_by: actor.userId,
          registered_at: now,
        });
        await record(tx, keeper.who, action, [
          destinationRef(id),
          ...(parent ? [destinationRef(parent.id)] : []),
          ...(assessment ? [assessmentRef(assessment.id)] : []),
        ]);
        return oneDestination(tx, keeper.controllerId, id);
      });
    },

    /** Ends a destination with the reason; its onward processors are ended first (SPEC DCL-20). */
    endDestination(actor: Actor, destinationId: string, input: EndDestination): Promise<Destination> {
      const action = 'admin.transfer_destination_ended';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        refuseIfAny(shapeIssues(EndDestinationSchema, input));
        const row = await ownDestination(tx, keeper, action, destinationId, true);
        const refs = [destinationRef(destinationId)];
        if (row.ended_at !== null) {
          refuseState(
            keeper,
            action,
            new DomainError('conflict', { detail: 'The destination was ended already' }),
            refs,
          );
        }
        const onward = await crossBorder.onwardInForce(tx, destinationId);
        if (onward.length > 0) {
          const detail = `End its onward processors first: ${onward.map((o) => o.name).join(', ')}`;
          refuseState(
            keeper,
            action,
            new DomainError('conflict', { detail, rule: TRANSFER_RULES.chain }),
            refs,
          );
        }
        await crossBorder.endDestination(tx, destinationId, {
          ended_by: actor.userId,
          ended_at: clock.now(),
          end_reason: input.reason.trim(),
        });
        await record(tx, keeper.who, action, [destinationRef(destinationId)]);
        return oneDestination(tx, keeper.controllerId, row.id);
      });
    },

    /** SPEC TRF-10: the contractual clauses of a D7 destination, as uploaded. */
    destinationClauses(actor: Actor, destinationId: string): Promise<RegisterFile> {
      const action = 'admin.transfer_clauses_downloaded';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        await ownDestination(tx, keeper, action, destinationId, false);
        const clauses = (await crossBorder.clausesOf(tx, keeper.controllerId, destinationId))?.clauses;
        if (!clauses) {
          const error = new DomainError('not_found', {
            detail: 'This destination has no contractual clauses',
          });
          refuseState(keeper, action, error, [destinationRef(destinationId)]);
        }
        await record(tx, keeper.who, action, [destinationRef(destinationId)]);
        return { filename: `clauses-${destinationId}.pdf`, mediaType: 'application/pdf', content: clauses };
      });
    },

    /** SPEC TRF-02: an adequacy assessment with every circumstance of art. 21 §1 al. 2, a conclusion and a reviewer. */
    recordAssessment(actor: Actor, input: RecordAdequacyAssessment): Promise<AdequacyAssessment> {
      const action = 'admin.adequacy_assessment_recorded';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        refuseIfAny(shapeIssues(RecordAdequacyAssessmentSchema, input));
        refuseInput(assessmentIssues(input), keeper.who, action);
        const row = await crossBorder.insertAssessment(tx, {
          organisation_id: keeper.controllerId,
          data_nature: input.dataNature.trim(),
          purpose: input.purpose.trim(),
          duration: input.duration.trim(),
          origin_country: input.originCountry,
          final_destination_country: input.finalDestinationCountry,
          legal_framework: input.legalFramework.trim(),
          professional_rules: input.professionalRules.trim(),
          security_measures: input.securityMeasures.trim(),
          conclusion: input.conclusion,
          reviewer: input.reviewer.trim(),
          reviewed_on: input.reviewedOn,
          recorded_by: actor.userId,
          recorded_at: clock.now(),
        });
        await record(tx, keeper.who, action, [assessmentRef(row.id)]);
        return oneAssessment(tx, keeper.controllerId, row.id);
      });
    },

    /** Withdraws an assessment no destination in force rests on any more. */
    withdrawAssessment(
      actor: Actor,
      assessmentId: string,
      input: WithdrawAssessment,
    ): Promise<AdequacyAssessment> {
      const action = 'admin.adequacy_assessment_withdrawn';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        refuseIfAny([
          ...shapeIssues(IdSchema, assessmentId, 'params/assessmentId'),
          ...shapeIssues(WithdrawAssessmentSchema, input),
        ]);
        const row = await crossBorder.assessmentById(tx, keeper.controllerId, assessmentId, true);
        const refs = [assessmentRef(assessmentId)];
        if (!row) {
          const error = new DomainError('not_found', {
            detail: 'No such adequacy assessment in your transfer register',
          });
          refuseState(keeper, action, error, []);
        }
        if (row.withdrawn_at !== null) {
          refuseState(
            keeper,
            action,
            new DomainError('conflict', { detail: 'The assessment was withdrawn already' }),
            refs,
          );
        }
        const resting = await crossBorder.destinationsResting(tx, assessmentId);
        if (resting.length > 0) {
          const detail = `Destinations in force rest on it; end them first: ${resting.map((d) => d.name).join(', ')}`;
          refuseState(
            keeper,
            action,
            new DomainError('conflict', { detail, rule: TRANSFER_RULES.adequacy }),
            refs,
          );
        }
        const withdrawn = await crossBorder.withdrawAssessment(tx, assessmentId, {
          withdrawn_by: actor.userId,
          withdrawn_at: clock.now(),
          withdrawal_reason: input.reason.trim(),
        });
        await record(tx, keeper.who, action, [assessmentRef(assessmentId)]);
        return oneAssessment(tx, keeper.controllerId, withdrawn.id);
      });
    },

    /** SPEC TRF-03: the deny rules, in force and repealed, for the operator and the DPOs. */
    listDenyRules(actor: Actor): Promise<DenyRuleList> {
      const action = 'admin.transfer_deny_rules_listed';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_deny_rules.view' }, action);
        const rows = await crossBorder.denyRules(tx, false);
        const userNames = await crossBorder.userNames(
          tx,
          rows.flatMap((r) => [r.added_by, ...(r.repealed_by ? [r.repealed_by] : [])]),
        );
        const operator = actor.roles.includes('operator');
        await record(
          tx,
          keeper.who,
          action,
          rows.map((r) => denyRuleRef(r.id)),
        );
        return { denyRules: rows.map((row) => presentDenyRule(row, { userNames, operator })) };
      });
    },

    /** SPEC TRF-03: a royal decree's prohibition, for every controller, whatever their bases. */
    addDenyRule(actor: Actor, input: AddDenyRule): Promise<DenyRule> {
      const action = 'admin.transfer_deny_rule_added';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'platform.administer' }, action);
        refuseIfAny(shapeIssues(AddDenyRuleSchema, input));
        refuseInput(denyRuleIssues(input), keeper.who, action);
        const row = await crossBorder.insertDenyRule(tx, {
          royal_decree_reference: input.royalDecreeReference.trim(),
          country: input.country,
          categories: [...input.categories].sort(),
          kinds: [...input.kinds],
          circumstance: input.circumstance.trim(),
          added_by: actor.userId,
          added_at: clock.now(),
        });
        await record(tx, keeper.who, action, [denyRuleRef(row.id)]);
        return presentDenyRule(row, {
          userNames: await crossBorder.userNames(tx, [row.added_by]),
          operator: true,
        });
      });
    },

    repealDenyRule(actor: Actor, ruleId: string, input: RepealDenyRule): Promise<DenyRule> {
      const action = 'admin.transfer_deny_rule_repealed';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'platform.administer' }, action);
        refuseIfAny([
          ...shapeIssues(IdSchema, ruleId, 'params/ruleId'),
          ...shapeIssues(RepealDenyRuleSchema, input),
        ]);
        const row = await crossBorder.denyRuleForUpdate(tx, ruleId);
        if (!row)
          refuseState(keeper, action, new DomainError('not_found', { detail: 'No such deny rule' }), []);
        if (row.repealed_at !== null) {
          const error = new DomainError('conflict', { detail: 'The deny rule was repealed already' });
          refuseState(keeper, action, error, [denyRuleRef(ruleId)]);
        }
        const repealed = await crossBorder.repealDenyRule(tx, ruleId, {
          repealed_by: actor.userId,
          repealed_at: clock.now(),
          repeal_reason: input.reason.trim(),
        });
        await record(tx, keeper.who, action, [denyRuleRef(ruleId)]);
        return presentDenyRule(repealed, {
          userNames: await crossBorder.userNames(tx, [repealed.added_by, actor.userId]),
          operator: true,
        });
      });
    },

    /** SPEC PEN-03: the keeper's refused transfers, newest first, with their reasons. */
    listBlockedTransfers(actor: Actor): Promise<BlockedTransferList> {
      const action = 'admin.blocked_transfers_listed';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        const rows = await crossBorder.blockedOf(tx, keeper.controllerId, BLOCKED_LIST_LIMIT);
        const userNames = await crossBorder.userNames(
          tx,
          rows.flatMap((r) => (r.attempted_by ? [r.attempted_by] : [])),
        );
        await record(
          tx,
          keeper.who,
          action,
          rows.map((r) => ({ type: 'blocked_transfer', id: r.id })),
        );
        return { blockedTransfers: rows.map((row) => presentBlocked(row, userNames)) };
      });
    },

    /**
     * SPEC PEN-13: the register as evidence for the supervisory authority: every destination, in
     * force and ended, with its ground code, the assessments, the deny rules, the §6 preview and the
     * blocked-transfer log, as one JSON document.
     */
    exportRegister(actor: Actor): Promise<RegisterFile> {
      const action = 'admin.transfer_register_exported';
      return refusable(db, audit, async (tx) => {
        const keeper = await enter(tx, actor, { action: 'transfer_register.manage' }, action);
        const controller = (await crossBorder.organisation(tx, keeper.controllerId))!;
        const view = await registerView(tx, keeper.controllerId, false);
        const blocked = await crossBorder.blockedOf(tx, keeper.controllerId, Number.MAX_SAFE_INTEGER);
        const userNames = await crossBorder.userNames(tx, [
          actor.userId,
          ...blocked.flatMap((r) => (r.attempted_by ? [r.attempted_by] : [])),
        ]);
        const now = clock.now();
        const document = {
          format: 'concerto.transfer-register.v1',
          controller: {
            id: controller.id,
            legalName: controller.legal_name,
            establishmentCountry: controller.establishment_country,
          },
          generatedAt: now.toISOString(),
          generatedBy: userNames.get(actor.userId) ?? '',
          destinations: view.destinations.map(({ allowedActions: _actions, ...destination }) => destination),
          adequacyAssessments: view.adequacyAssessments.map(
            ({ allowedActions: _actions, ...assessment }) => assessment,
          ),
          denyRules: view.denyRules.map(({ allowedActions: _actions, ...rule }) => rule),
          abroad: view.abroad,
          blockedTransfers: blocked.map((row) => presentBlocked(row, userNames)),
        };
        await record(tx, keeper.who, action, [
          ...view.destinations.map((d) => destinationRef(d.id)),
          ...view.adequacyAssessments.map((a) => assessmentRef(a.id)),
        ]);
        return {
          filename: `transfer-register-${now.toISOString().slice(0, 10)}.json`,
          mediaType: 'application/json',
          content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
        };
      });
    },

    /** The country lists the rules read, with their sources (reference data, no personal data). */
    countries(): CountryLists {
      return countryLists();
    },
  };
}

export type CrossBorderService = ReturnType<typeof createCrossBorderService>;
