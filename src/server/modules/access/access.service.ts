/**
 * The access module (ARCHITECTURE §3.2; issue 3 scope 7). A service that touches case data
 * calls `enter` first in its transaction: it loads the actor's facts and tells PostgreSQL
 * whom the transaction acts for (row-level security, the second net). `require` then applies
 * `decide`; a denial becomes a `Refusal` carrying its denied audit event, which
 * `kernel/refusal.refusable` commits after rolling the transaction back (issue 3 scope 9).
 */
import type { Tx } from '../../db/database.js';
import type { AuditAction, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { type RefusalFollowUp, refuse } from '../../kernel/refusal.js';
import type { Actor } from '../identity/platform-access.js';
import { isActiveAt } from '../representation/activity.js';
import type { RepresentationRepository } from '../representation/representation.repository.js';
import type { UndertakingsRepository } from '../undertakings/undertakings.repository.js';
import { DEFAULT_AWARENESS_INTERVAL_MS } from '../undertakings/undertakings.rules.js';
import type { AccessRepository } from './access.repository.js';
import type { BreakGlassFacts } from './processor-decisions.js';
import type { EmergencyDesignationFacts } from './destruction-order-decisions.js';
import { type ActorFacts, actingOrganisations, holdsCaseRole } from './actor-facts.js';
import { type CaseFacts, caseAudience } from './case-audience.js';
import { COMPARTMENT_READERS, type DesignationScope } from './record-visibility.js';
import { CASE_ACTIONS, type CaseAction } from './case-actions.js';
import { type Decision, decide, denyRule, type Request } from './decide.js';

export interface AccessDeps {
  access: AccessRepository;
  representations: RepresentationRepository;
  undertakings: UndertakingsRepository;
  clock: Clock;
}

/** An actor inside one transaction: its facts and the organisations it acts for. */
export interface AccessContext {
  facts: ActorFacts;
  acting: readonly string[];
}

export type Allowed = Extract<Decision, { allowed: true }>;

/** SEC-09: an acknowledgement holds for the interval only; none published or none given is none. */
const awarenessHolds = (at: Date | null, now: Date): boolean =>
  at !== null && now.getTime() - at.getTime() < DEFAULT_AWARENESS_INTERVAL_MS;

/** Without a case role of its own, a user acts for its own organisation only as its representative (bill art. 5). */
const representsOwn = (facts: ActorFacts, via: string): boolean =>
  !holdsCaseRole(facts) && facts.representedAuthorities.includes(via);

/** The audit log's "who": role, and the authority represented when acting for one (bill art. 5). */
export function auditActorOf(context: AccessContext, decision?: Allowed): UserActor {
  const { facts } = context;
  const via = decision?.via;
  return {
    userId: facts.userId,
    organisationId: facts.organisationId,
    role: facts.roles[0] ?? 'none',
    ...(via && (via !== facts.organisationId || representsOwn(facts, via)) ? { representing: via } : {}),
  };
}

export function createAccess({ access, representations, undertakings, clock }: AccessDeps) {
  async function actorFacts(tx: Tx, actor: Actor): Promise<ActorFacts> {
    const now = clock.now();
    const held = await access.representationsHeldBy(tx, actor.userId);
    const represented: string[] = [];
    const lapsed: string[] = [];
    for (const row of held) {
      const active = await isActiveAt(tx, { representations, undertakings }, row, now);
      (active ? represented : lapsed).push(row.authority_id);
    }
    const permissions = await access.permissionsOf(tx, actor.userId);
    const gate = await undertakings.gateAcceptances(tx, actor.userId, actor.organisationId);
    return {
      userId: actor.userId,
      organisationId: actor.organisationId,
      roles: actor.roles,
      justified: Boolean(actor.justification),
      designations: permissions.designations as DesignationScope[],
      crossCaseSearch: permissions.crossCaseSearch,
      representedAuthorities: represented,
      lapsedAuthorities: lapsed.filter((authority) => !represented.includes(authority)),
      secrecyAccepted: gate.secrecy !== null,
      awarenessAcknowledged: awarenessHolds(gate.awareness, now),
    };
  }

  return {
    async enter(tx: Tx, actor: Actor): Promise<AccessContext> {
      const facts = await actorFacts(tx, actor);
      const acting = actingOrganisations(facts);
      await access.actFor(tx, actor.userId, acting);
      return { facts, acting };
    },

    /**
     * The rights desk of the actor's own organisation (SPEC RGT-GEN-01): its DPO, or the office's
     * prosecutor, allowed by `decide`, then row-level security narrowed to that controller's records.
     */
    async enterControllerDesk(tx: Tx, actor: Actor, action: AuditAction): Promise<AccessContext> {
      const facts = await actorFacts(tx, actor);
      const context = { facts, acting: [actor.organisationId] };
      const decision = decide(facts, { action: 'rights.desk' });
      if (!decision.allowed) {
        return refuse('forbidden', denyRule({ action: 'rights.desk' }, decision.reason), `Refused: ${decision.reason.replaceAll('_', ' ')}`, {
          actor: auditActorOf(context),
          action,
          outcome: 'denied',
          reason: decision.reason,
        });
      }
      await access.actAsControllerDesk(tx, actor.userId, actor.organisationId);
      return context;
    },

    /**
     * SPEC RGT-CON-01: the intake marks another controller's items contested at the receipt of a
     * request (L2007 art. 15), which only that controller's desk may write. The rights service
     * moves to that desk for the marks alone and back; nothing is read there.
     */
    async switchControllerDesk(tx: Tx, context: AccessContext, organisationId: string): Promise<void> {
      await access.actAsControllerDesk(tx, context.facts.userId, organisationId);
    },

    /** Back from a controller's desk to the organisations the actor acts for on cases. */
    async leaveControllerDesk(tx: Tx, context: AccessContext): Promise<void> {
      await access.leaveControllerDesk(tx, context.facts.userId, context.acting);
    },

    /**
     * SPEC SEC-12 (L2007 art. 16 §3): the host's staff read a controller's records of a case only
     * under a break-glass grant its DPO approved, as its named grantee, within its window (on this
     * module's clock). Allowed, row-level security shows this transaction those records and the
     * case's keys (migration 0034), and nothing else; refused, the denied event is committed and
     * `followUp` runs with it (e.g. recording the end of an expired grant).
     */
    async enterBreakGlass(
      tx: Tx,
      actor: Actor,
      grantId: string,
      grant: BreakGlassFacts | undefined,
      followUp?: RefusalFollowUp,
    ): Promise<AccessContext> {
      const facts = await actorFacts(tx, actor);
      const context = { facts, acting: [] };
      const request: Request = { action: 'break_glass.read', grant, now: clock.now() };
      const decision = decide(facts, request);
      if (!decision.allowed) {
        const detail =
          decision.answer === 'not_found' ? 'No such break-glass grant' : `Refused: ${decision.reason.replaceAll('_', ' ')}`;
        const event = {
          actor: auditActorOf(context),
          action: 'consult' as const,
          outcome: 'denied' as const,
          reason: decision.reason,
          records: [{ type: 'break_glass', id: grantId }],
        };
        return refuse(decision.answer, denyRule(request, decision.reason), detail, event, followUp);
      }
      await access.actUnderBreakGlass(tx, actor.userId, grantId);
      return context;
    },

    /**
     * The retention desk of the actor's own organisation (SPEC RET-01..08; ADR 0016): its DPO or a
     * member with a case role, allowed by `decide`, then row-level security narrowed to the retention
     * records of that organisation (ids, codes and dates; no case content).
     */
    async enterRetentionDesk(tx: Tx, actor: Actor, action: AuditAction): Promise<AccessContext> {
      const facts = await actorFacts(tx, actor);
      const context = { facts, acting: [actor.organisationId] };
      const request: Request = { action: 'retention.desk' };
      const decision = decide(facts, request);
      if (!decision.allowed) {
        return refuse('forbidden', denyRule(request, decision.reason), `Refused: ${decision.reason.replaceAll('_', ' ')}`, {
          actor: auditActorOf(context),
          action,
          outcome: 'denied',
          reason: decision.reason,
        });
      }
      await access.actAsRetentionDesk(tx, actor.userId, actor.organisationId);
      return context;
    },

    /**
     * SPEC RET-09 (L1992 art. 45): an account a royal decree designates, as the operator recorded it
     * (`designation`, loaded by the caller), allowed by `decide`; then row-level security shows the
     * transaction the emergency destruction orders and no case content. Refused: 403, audited.
     */
    async enterEmergencyAuthority(
      tx: Tx,
      actor: Actor,
      designation: (EmergencyDesignationFacts & { id: string }) | undefined,
      action: AuditAction,
    ): Promise<AccessContext> {
      const facts = await actorFacts(tx, actor);
      const context = { facts, acting: [] };
      const request: Request = { action: 'emergency_destruction.act', designation };
      const decision = decide(facts, request);
      if (!decision.allowed) {
        return refuse('forbidden', denyRule(request, decision.reason), `Refused: ${decision.reason.replaceAll('_', ' ')}`, {
          actor: auditActorOf(context),
          action,
          outcome: 'denied',
          reason: decision.reason,
        });
      }
      await access.actAsEmergencyAuthority(tx, actor.userId, designation!.id);
      return context;
    },

    /** Allowed, or a refusal with its denied audit event (`action` is what was attempted). */
    require(
      context: AccessContext,
      request: Request,
      action: AuditAction,
      caseId?: string,
      followUp?: RefusalFollowUp,
    ): Allowed {
      const decision = decide(context.facts, request);
      if (decision.allowed) return decision;
      const resource = request.action.startsWith('rights.')
        ? 'request'
        : request.action.startsWith('transfer.')
        ? 'transfer'
        : request.action.startsWith('consultation.')
        ? 'consultation'
        : request.action.startsWith('interconnection.')
        ? 'interconnection'
        : request.action.startsWith('processor.')
        ? 'processor record'
        : request.action.startsWith('break_glass.')
        ? 'break-glass grant'
        : request.action.startsWith('retention.')
        ? 'retention record'
        : request.action.startsWith('destruction_order.')
        ? 'destruction order'
        : request.action.startsWith('declaration.')
        ? 'declaration'
        : request.action.startsWith('framework.') || request.action === 'case.create' || request.action === 'statistics.read'
          ? 'framework'
          : 'case';
      const code =
        decision.reason === 'justification_missing'
          ? 'justification_required'
          : decision.answer;
      const detail =
        code === 'not_found' ? `No such ${resource}` : `Refused: ${decision.reason.replaceAll('_', ' ')}`;
      return refuse(code, denyRule(request, decision.reason), detail, {
        actor: auditActorOf(context),
        action,
        outcome: 'denied',
          reason: decision.reason,
          ...(caseId ? { caseId } : {}),
        },
        followUp,
      );
    },

    caseFacts: (tx: Tx, caseId: string): Promise<CaseFacts | undefined> => access.caseFacts(tx, caseId),

    /** The actor sees the compartment's unshared records of this case (compartment or reviewer). */
    seesCompartment: (context: AccessContext, kase: CaseFacts): boolean =>
      caseAudience(kase).some(
        (entry) => context.acting.includes(entry.organisationId) && COMPARTMENT_READERS.includes(entry.relation),
      ),

    /** The case actions `decide` allows the actor now: what the web app offers. */
    allowedCaseActions: (context: AccessContext, kase: CaseFacts): CaseAction[] =>
      CASE_ACTIONS.filter((action) => decide(context.facts, { action, kase }).allowed),

    /** Writes the case's audience from the one rule; call after every change of state or admission. */
    writeAudience: (tx: Tx, kase: CaseFacts, createdAt: Date): Promise<void> =>
      access.replaceAudience(tx, kase.id, createdAt, caseAudience(kase)),
  };
}

export type Access = ReturnType<typeof createAccess>;
