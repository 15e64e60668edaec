/**
 * Break-glass access of the host's staff (L2007 art. 16 §3; SPEC SEC-12, PRC-06). The processor
 * and the persons under its authority process the data only on the controller's instructions; the
 * host's staff have no standing access to content (they act for no organisation, migration 0008).
 *
 * What a grant lets do in this first version: its named grantee, a member of the host's staff,
 * reads the persons and information items that ONE controller holds in ONE case, once that
 * controller's DPO approved it with the reference of its instruction, within the window the DPO
 * set (at most CONCERTO_BREAK_GLASS_MAX_HOURS), read-only. A controller instructs for its own
 * data only, so the records of the case's other controllers stay hidden; content that needs a
 * designation (special categories, DAT-19) or is blocked stays withheld. The request names the
 * host's support ticket; a ticket without the controller's instruction reads nothing.
 *
 * Every step is audited: the request, the decision, each read (a consult event naming every record
 * and the instruction as its justification) and the end. Each read is reported to the controller's
 * DPOs at once, and so is the grantee's closure: a notification whose grant view is the report,
 * every read with the position of its audit event. Only the approving controller's records were
 * readable, so it is the one controller affected. The grant ends when its grantee closes it, when
 * the DPO revokes it, or when its window passes (`decide` refuses on the clock; the first read
 * attempt after it records the end).
 */
import { IdSchema } from '../../../contracts/identity.js';
import {
  type ApproveBreakGlass,
  ApproveBreakGlassSchema,
  type BreakGlassContent,
  type BreakGlassGrant,
  type BreakGlassGrantList,
  type RefuseBreakGlass,
  RefuseBreakGlassSchema,
  type RequestBreakGlass,
  RequestBreakGlassSchema,
} from '../../../contracts/break-glass.js';
import type { ProcessorConfig } from '../../config.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import { requiredDesignations } from '../access/record-visibility.js';
import { FIELDS } from '../cases/case-fields.js';
import { caseScope } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { approvedHostRecord } from '../processors/processor-facts.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { SensitiveRevelation } from '../../../contracts/items.js';
import { grantFacts, lapsed, presentGrant, usersNamedBy } from './break-glass-presenter.js';
import type { BreakGlassGrantRow, BreakGlassRepository } from './break-glass.repository.js';

export interface BreakGlassServiceDeps {
  db: Db;
  grants: BreakGlassRepository;
  notifications: NotificationsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  envelope: Envelope;
  settings: Pick<ProcessorConfig, 'breakGlassMaxHours'>;
}

/** The rule the refusals of this module cite. */
export const BREAK_GLASS_RULE =
  "L2007 art. 16 §3: the processor acts only on the controller's instructions (SPEC SEC-12, PRC-06)";

const HOUR_MS = 3_600_000;
const grantRef = (id: string): AuditRecordRef => ({ type: 'break_glass', id });

type GrantAction = 'break_glass.view' | 'break_glass.decide' | 'break_glass.close';

/**
 * Ends an approved, open `grant` in the caller's transaction: closed by its grantee (reported to the
 * controller's DPOs, SPEC SEC-12), revoked by the DPO, or expired when its window passed (no user).
 * Nothing happens to a grant that has ended already.
 */
async function endGrant(
  tx: Tx,
  { grants, notifications }: Pick<BreakGlassServiceDeps, 'grants' | 'notifications'>,
  grant: BreakGlassGrantRow,
  end: { reason: 'closed' | 'revoked' | 'expired'; by: string | null; at: Date },
): Promise<void> {
  const current = await grants.grantForUpdate(tx, grant.id);
  if (!current || current.ended_at !== null || current.decision !== 'approved') return;
  const closed = end.reason === 'closed';
  await grants.updateGrant(tx, grant.id, {
    // An expired grant ended when its window did.
    ended_at: end.reason === 'expired' ? new Date(current.expires_at!) : end.at,
    ended_by: end.by,
    end_reason: end.reason,
    ...(closed && { reported_at: end.at }),
  });
  if (closed) {
    await notifications.notify(tx, end.at, [
      {
        organisationId: current.controller_organisation_id,
        kind: 'break_glass_report',
        subjectId: grant.id,
        audience: 'dpo',
      },
    ]);
  }
}

export function createBreakGlassService(deps: BreakGlassServiceDeps) {
  const { db, grants, notifications, access, audit, clock, envelope, settings } = deps;

  /** A grant the reader may act on as `action` (404 for one it may not know of). */
  async function openGrant(
    tx: Tx,
    actor: Actor,
    id: string,
    action: GrantAction,
    auditAction: AuditAction,
  ): Promise<{ context: AccessContext; decision: Allowed; grant: BreakGlassGrantRow }> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/grantId'));
    const context = await access.enter(tx, actor);
    const grant =
      action === 'break_glass.view' ? await grants.grantById(tx, id) : await grants.grantForUpdate(tx, id);
    const decision = access.require(context, { action, grant: grant && grantFacts(grant) }, auditAction);
    return { context, decision, grant: grant! };
  }

  async function present(
    tx: Tx,
    context: AccessContext,
    rows: readonly BreakGlassGrantRow[],
  ): Promise<BreakGlassGrant[]> {
    const now = clock.now();
    const [organisationNames, userNames, reads] = await Promise.all([
      grants.organisationNames(
        tx,
        rows.map((row) => row.controller_organisation_id),
      ),
      grants.userNames(tx, usersNamedBy(rows)),
      grants.readsOf(
        tx,
        rows.map((row) => row.id),
      ),
    ]);
    const { facts } = context;
    return Promise.all(
      rows.map(async (row) => {
        const grant = grantFacts(row);
        const isControllerDpo =
          facts.roles.includes('dpo') && facts.organisationId === row.controller_organisation_id;
        const allowedActions: BreakGlassGrant['allowedActions'] = [];
        const open = row.decision === 'approved' && row.ended_at === null && !lapsed(row, now);
        if (row.decision === null && decide(facts, { action: 'break_glass.decide', grant }).allowed) {
          allowedActions.push('approve', 'refuse');
        }
        if (decide(facts, { action: 'break_glass.read', grant, now }).allowed) allowedActions.push('read');
        if (open && decide(facts, { action: 'break_glass.close', grant }).allowed)
          allowedActions.push('close');
        return presentGrant(row, {
          now,
          organisationNames,
          userNames,
          reads,
          controllerRecords: isControllerDpo
            ? await grants.controllerRecordsInCase(tx, row.case_id, row.controller_organisation_id)
            : null,
          allowedActions,
        });
      }),
    );
  }

  function record(
    tx: Tx,
    context: AccessContext,
    decision: Allowed,
    action: AuditAction,
    records: AuditRecordRef[],
  ) {
    return audit.record(tx, { actor: auditActorOf(context, decision), action, outcome: 'success', records });
  }

  async function presentOne(tx: Tx, context: AccessContext, id: string): Promise<BreakGlassGrant> {
    const [grant] = await present(tx, context, [(await grants.grantById(tx, id))!]);
    return grant!;
  }

  const pending = (grant: BreakGlassGrantRow) => {
    if (grant.decision !== null) {
      throw new DomainError('conflict', {
        detail: 'The break-glass request was decided already',
        rule: BREAK_GLASS_RULE,
      });
    }
  };

  return {
    /**
     * SEC-12, PRC-06: a member of the host's staff asks, under a support ticket, to read what a
     * controller holds in a case; the controller's DPOs are told. Nothing is readable yet.
     */
    requestGrant(actor: Actor, input: RequestBreakGlass): Promise<BreakGlassGrant> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(
          context,
          { action: 'break_glass.request' },
          'admin.break_glass_requested',
        );
        refuseIfAny(shapeIssues(RequestBreakGlassSchema, input));
        const issues = [];
        if (input.hours > settings.breakGlassMaxHours) {
          issues.push({
            field: '/body/hours',
            message: `must be at most ${settings.breakGlassMaxHours} hours (CONCERTO_BREAK_GLASS_MAX_HOURS)`,
          });
        }
        const controller = await grants.organisation(tx, input.controllerOrganisationId);
        if (!controller?.active || controller.kind === 'platform_operator') {
          issues.push({
            field: '/body/controllerOrganisationId',
            message: 'must be an active participant organisation (a controller)',
          });
        }
        refuseIfAny(issues, BREAK_GLASS_RULE);
        // PRC-06: the host acts for a controller only under the processing contract it approved.
        if (!(await approvedHostRecord(tx, input.controllerOrganisationId))) {
          throw new DomainError('conflict', {
            detail:
              "The controller has not approved the host's processor record: the host acts for it only under an approved contract",
            rule: 'L2007 art. 16 §1 and §3 (SPEC PRC-01, PRC-06)',
          });
        }
        const now = clock.now();
        const row = await grants.insertGrant(tx, {
          controller_organisation_id: input.controllerOrganisationId,
          case_id: input.caseId,
          grantee_user_id: actor.userId,
          support_ticket: input.supportTicket.trim(),
          reason: input.reason.trim(),
          requested_hours: input.hours,
          requested_at: now,
        });
        await notifications.notify(tx, now, [
          {
            organisationId: input.controllerOrganisationId,
            kind: 'break_glass_requested',
            subjectId: row.id,
            audience: 'dpo',
          },
        ]);
        await record(tx, context, decision, 'admin.break_glass_requested', [
          grantRef(row.id),
          { type: 'organisation', id: input.controllerOrganisationId },
          { type: 'case', id: input.caseId },
        ]);
        return presentOne(tx, context, row.id);
      });
    },

    /** The host's staff see the host's grants; a DPO its controller's. Newest first. */
    listGrants(actor: Actor): Promise<BreakGlassGrantList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'break_glass.list' }, 'admin.break_glass_listed');
        const rows = await grants.grantsOf(
          tx,
          decision.relation === 'platform' ? undefined : actor.organisationId,
        );
        await record(tx, context, decision, 'admin.break_glass_listed', []);
        return { grants: await present(tx, context, rows) };
      });
    },

    /** A grant with its report: every read under it, with the position of its audit event. */
    getGrant(actor: Actor, id: string): Promise<BreakGlassGrant> {
      return refusable(db, audit, async (tx) => {
        const open = await openGrant(tx, actor, id, 'break_glass.view', 'admin.break_glass_viewed');
        await record(tx, open.context, open.decision, 'admin.break_glass_viewed', [grantRef(id)]);
        return presentOne(tx, open.context, id);
      });
    },

    /**
     * SEC-12, PRC-06: the controller's DPO gives its instruction: its reference and the window
     * (at most the hours asked). Refused when its organisation holds nothing in the case, or has not
     * approved the host's processor record.
     */
    approveGrant(actor: Actor, id: string, input: ApproveBreakGlass): Promise<BreakGlassGrant> {
      return refusable(db, audit, async (tx) => {
        const open = await openGrant(tx, actor, id, 'break_glass.decide', 'admin.break_glass_approved');
        const { grant } = open;
        pending(grant);
        refuseIfAny(shapeIssues(ApproveBreakGlassSchema, input));
        const hours = input.hours ?? grant.requested_hours;
        if (hours > grant.requested_hours || hours > settings.breakGlassMaxHours) {
          refuseIfAny(
            [
              {
                field: '/body/hours',
                message: `must be at most the ${Math.min(grant.requested_hours, settings.breakGlassMaxHours)} hours asked`,
              },
            ],
            BREAK_GLASS_RULE,
          );
        }
        const held = await grants.controllerRecordsInCase(
          tx,
          grant.case_id,
          grant.controller_organisation_id,
        );
        if (held.persons + held.items === 0) {
          throw new DomainError('conflict', {
            detail: 'Your organisation holds no records in this case',
            rule: BREAK_GLASS_RULE,
          });
        }
        const contract = await approvedHostRecord(tx, grant.controller_organisation_id);
        if (!contract) {
          throw new DomainError('conflict', {
            detail:
              "Approve the host's processor record first: the host acts only under an approved contract",
            rule: 'L2007 art. 16 §1 and §3 (SPEC PRC-01, PRC-06)',
          });
        }
        const now = clock.now();
        await grants.updateGrant(tx, id, {
          decision: 'approved',
          decided_by: actor.userId,
          decided_at: now,
          instruction_reference: input.instructionReference.trim(),
          processor_record_id: contract.id,
          valid_from: now,
          expires_at: new Date(now.getTime() + hours * HOUR_MS),
        });
        await notifications.acknowledgeAbout(
          tx,
          { organisationId: grant.controller_organisation_id, kind: 'break_glass_requested', subjectId: id },
          actor.userId,
          now,
        );
        await record(tx, open.context, open.decision, 'admin.break_glass_approved', [
          grantRef(id),
          { type: 'case', id: grant.case_id },
          { type: 'processor_record', id: contract.id },
        ]);
        return presentOne(tx, open.context, id);
      });
    },

    /** The controller's DPO refuses to instruct, with its reason: the grant never opens. */
    refuseGrant(actor: Actor, id: string, input: RefuseBreakGlass): Promise<BreakGlassGrant> {
      return refusable(db, audit, async (tx) => {
        const open = await openGrant(tx, actor, id, 'break_glass.decide', 'admin.break_glass_refused');
        pending(open.grant);
        refuseIfAny(shapeIssues(RefuseBreakGlassSchema, input));
        const now = clock.now();
        await grants.updateGrant(tx, id, {
          decision: 'refused',
          decided_by: actor.userId,
          decided_at: now,
          refusal_reason: input.reason.trim(),
        });
        await notifications.acknowledgeAbout(
          tx,
          {
            organisationId: open.grant.controller_organisation_id,
            kind: 'break_glass_requested',
            subjectId: id,
          },
          actor.userId,
          now,
        );
        await record(tx, open.context, open.decision, 'admin.break_glass_refused', [grantRef(id)]);
        return presentOne(tx, open.context, id);
      });
    },

    /** The grantee closes its grant when done (reported to the controller's DPOs), or the DPO revokes it. */
    closeGrant(actor: Actor, id: string): Promise<BreakGlassGrant> {
      return refusable(db, audit, async (tx) => {
        const open = await openGrant(tx, actor, id, 'break_glass.close', 'admin.break_glass_ended');
        const now = clock.now();
        const { grant } = open;
        if (grant.decision !== 'approved' || grant.ended_at !== null || lapsed(grant, now)) {
          throw new DomainError('conflict', {
            detail: 'The break-glass grant is not open',
            rule: BREAK_GLASS_RULE,
          });
        }
        const reason = actor.userId === grant.grantee_user_id ? 'closed' : 'revoked';
        await endGrant(tx, deps, grant, { reason, by: actor.userId, at: now });
        await record(tx, open.context, open.decision, 'admin.break_glass_ended', [grantRef(id)]);
        return presentOne(tx, open.context, id);
      });
    },

    /**
     * SEC-12: the grantee reads the controller's persons and items of the case under the grant,
     * through the access module and the grant's row-level security; one consult event names every
     * record shown, with the controller's instruction as its justification, and is reported to the
     * controller's DPOs. A read after the window is refused, and records the grant's end.
     */
    readContent(actor: Actor, id: string): Promise<BreakGlassContent> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(IdSchema, id, 'params/grantId'));
        const grant = await grants.grantById(tx, id);
        const now = clock.now();
        const endExpired =
          grant && lapsed(grant, now)
            ? async (followUp: Tx) => {
                await endGrant(followUp, deps, grant, { reason: 'expired', by: null, at: now });
              }
            : undefined;
        const context = await access.enterBreakGlass(tx, actor, id, grant && grantFacts(grant), endExpired);
        const { case_id: caseId, controller_organisation_id: controllerId } = grant!;
        const [persons, items] = await Promise.all([
          grants.personsUnderGrant(tx, caseId, controllerId),
          grants.itemsUnderGrant(tx, caseId, controllerId),
        ]);
        const cipher = await envelope.openScope(tx, caseScope(caseId));
        const shownPersons = await Promise.all(
          persons.map(async (person) => {
            const identity = JSON.parse(
              await cipher.decryptText(...FIELDS.identity(person.id, person.version), person.identity),
            ) as {
              surname: string;
              firstNames: string;
              birthDate?: string;
            };
            return {
              id: person.id,
              role: person.role as 'subject' | 'relation',
              surname: identity.surname,
              firstNames: identity.firstNames,
              birthDate: identity.birthDate ?? null,
            };
          }),
        );
        const shownItems = await Promise.all(
          items.map(async (item) => {
            // DAT-19: the host's staff hold no designation, so special-category content stays hidden.
            const requires = requiredDesignations(
              item.category as CategoryCode,
              item.genetic_biometric,
              item.reveals_sensitive as SensitiveRevelation[],
              item.criminal_related,
            );
            const withheld =
              item.erased_at !== null || item.payload === null
                ? ('erased' as const)
                : item.blocked_at !== null
                  ? ('blocked' as const)
                  : requires.length > 0
                    ? ('designation_required' as const)
                    : null;
            const content =
              withheld === null
                ? (
                    JSON.parse(
                      await cipher.decryptText(...FIELDS.item(item.id, item.version), item.payload!),
                    ) as { content: string }
                  ).content
                : null;
            return {
              id: item.id,
              category: item.category,
              version: item.version,
              content,
              withheld,
              personIds: item.person_ids,
              createdAt: new Date(item.created_at).toISOString(),
            };
          }),
        );
        const position = await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [
            grantRef(id),
            ...persons.map((person) => ({ type: 'person', id: person.id })),
            ...items.map((item) => ({ type: 'item', id: item.id, category: Number(item.category.slice(1)) })),
          ],
          justification: `break-glass on the instruction ${grant!.instruction_reference} of the controller (support ticket ${grant!.support_ticket})`,
          reason: 'break_glass',
        });
        await grants.insertRead(tx, {
          grant_id: id,
          read_at: now,
          persons: shownPersons.length,
          items: shownItems.length,
          withheld: shownItems.filter((item) => item.withheld !== null).length,
          audit_position: position,
        });
        // SEC-12: the read is reported to the controller's DPOs at once.
        await grants.updateGrant(tx, id, { reported_at: now });
        await notifications.notify(tx, now, [
          { organisationId: controllerId, kind: 'break_glass_report', subjectId: id, audience: 'dpo' },
        ]);
        const names = await grants.organisationNames(tx, [controllerId]);
        return {
          grantId: id,
          caseId,
          controller: { id: controllerId, legalName: names.get(controllerId) ?? '' },
          expiresAt: new Date(grant!.expires_at!).toISOString(),
          persons: shownPersons,
          items: shownItems,
        };
      });
    },
  };
}

export type BreakGlassService = ReturnType<typeof createBreakGlassService>;
