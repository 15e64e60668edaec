/**
 * A controller's compliance (SPEC SCO-12, SEC-04; L2007 art. 4 §2: the controller ensures that
 * art. 4 §1 is complied with): its dashboard of indicators, its imported IT-security norm
 * checklists, and the account of its named compliance owner. The controller's DPO, and the
 * compliance owner it designated, act for their own organisation only (compliance-decisions.ts).
 * Each use case is one transaction with its audit event; a refusal leaves its denied event only.
 */
import {
  type ComplianceOwner,
  type Dashboard,
  type DesignateComplianceOwner,
  DesignateComplianceOwnerSchema,
  type ImportNormSet,
  ImportNormSetSchema,
  type NormSet,
  type NormSetList,
  type SetControlStatus,
  SetControlStatusSchema,
} from '../../../contracts/compliance.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import type { ComplianceRequest } from '../access/compliance-decisions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { presentNormSet } from './compliance-presenter.js';
import type { ComplianceRepository } from './compliance.repository.js';
import { type IndicatorSource, orderedSources, pendingIndicators } from './indicator-source.js';
import { NORM_CHECKLIST_RULE, normSetIssues } from './norm-checklist-rules.js';

export interface ControllerComplianceDeps {
  db: Db;
  compliance: ComplianceRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  /** Every indicator registered for the dashboard: this module's and those of the other modules. */
  indicators: readonly IndicatorSource[];
}

const OWNER_RULE = 'L2007 art. 4 §2 (SPEC SCO-12)';

export function createControllerComplianceService(deps: ControllerComplianceDeps) {
  const { db, compliance, access, audit, clock } = deps;
  const sources = orderedSources(deps.indicators);
  const pending = pendingIndicators(sources);

  /**
   * The actor's own organisation, for its DPO (or, for `compliance.controller`, its compliance
   * owner), then `work` with a recorder of the success event.
   */
  function forController<T>(
    actor: Actor,
    request: Extract<ComplianceRequest['action'], 'compliance.controller' | 'compliance.designate_owner'>,
    action: AuditAction,
    work: (
      tx: Tx,
      context: AccessContext,
      record: (records: AuditRecordRef[]) => Promise<number>,
    ) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const owner = await compliance.complianceOwner(tx, actor.organisationId);
      const decision = access.require(
        context,
        request === 'compliance.controller'
          ? { action: request, complianceOwner: owner?.user_id === actor.userId && owner.active }
          : { action: request },
        action,
      );
      return work(tx, context, (records) =>
        audit.record(tx, { actor: auditActorOf(context, decision), action, outcome: 'success', records }),
      );
    });
  }

  async function normSets(tx: Tx, organisationId: string, id?: string): Promise<NormSet[]> {
    const sets = await compliance.normSets(tx, organisationId, id);
    const controls = await compliance.controlsOf(
      tx,
      sets.map((set) => set.id),
    );
    return sets.map((set) =>
      presentNormSet(
        set,
        controls.filter((control) => control.norm_set_id === set.id),
      ),
    );
  }

  return {
    /** SCO-12: every indicator for the actor's organisation, and those not available yet. */
    dashboard(actor: Actor): Promise<Dashboard> {
      return forController(
        actor,
        'compliance.controller',
        'admin.compliance_dashboard_viewed',
        async (tx, _context, record) => {
          const controllerId = actor.organisationId;
          const organisation = (await compliance.organisation(tx, controllerId))!;
          const owner = await compliance.complianceOwner(tx, controllerId);
          const now = clock.now();
          const indicators = [];
          // One after the other: the transaction's connection runs one query at a time anyway.
          for (const source of sources) indicators.push(await source.read(tx, { controllerId, now }));
          await record([{ type: 'organisation', id: controllerId }]);
          return {
            controller: {
              id: organisation.id,
              legalName: organisation.legal_name,
              complianceOwner: organisation.compliance_owner,
              complianceOwnerAccount: owner?.active
                ? { userId: owner.user_id, displayName: owner.display_name }
                : null,
            },
            generatedAt: now.toISOString(),
            indicators,
            pending,
          };
        },
      );
    },

    /** SCO-12: the DPO names the account of its organisation's compliance owner (a member of it). */
    designateComplianceOwner(actor: Actor, input: DesignateComplianceOwner): Promise<ComplianceOwner> {
      return forController(
        actor,
        'compliance.designate_owner',
        'admin.compliance_owner_designated',
        async (tx, _context, record) => {
          refuseIfAny(shapeIssues(DesignateComplianceOwnerSchema, input), OWNER_RULE);
          const member = await compliance.member(tx, input.userId);
          if (!member?.active || member.organisation_id !== actor.organisationId) {
            refuseIfAny(
              [{ field: '/body/userId', message: 'is not an active member of your organisation' }],
              OWNER_RULE,
            );
          }
          const now = clock.now();
          await compliance.designateComplianceOwner(tx, {
            organisation_id: actor.organisationId,
            user_id: input.userId,
            designated_by: actor.userId,
            designated_at: now,
          });
          await record([
            { type: 'organisation', id: actor.organisationId },
            { type: 'user', id: input.userId },
          ]);
          const owner = (await compliance.complianceOwner(tx, actor.organisationId))!;
          return {
            organisationId: owner.organisation_id,
            userId: owner.user_id,
            displayName: owner.display_name,
            designatedAt: new Date(owner.designated_at).toISOString(),
          };
        },
      );
    },

    listNormSets(actor: Actor): Promise<NormSetList> {
      return forController(
        actor,
        'compliance.controller',
        'admin.norm_sets_listed',
        async (tx, _context, record) => {
          const list = await normSets(tx, actor.organisationId);
          await record(list.map((set) => ({ type: 'norm_set', id: set.id })));
          return { normSets: list };
        },
      );
    },

    /** SEC-04: a published norm set becomes the organisation's checklist, every control "to assess". */
    importNormSet(actor: Actor, input: ImportNormSet): Promise<NormSet> {
      return forController(
        actor,
        'compliance.controller',
        'admin.norm_set_imported',
        async (tx, _context, record) => {
          refuseIfAny(shapeIssues(ImportNormSetSchema, input), NORM_CHECKLIST_RULE);
          refuseIfAny(normSetIssues(input), NORM_CHECKLIST_RULE);
          const code = input.code.trim();
          const version = input.version.trim();
          if (await compliance.normSetExists(tx, actor.organisationId, code, version)) {
            throw new DomainError('conflict', {
              detail: `Version ${version} of the norm set ${code} is imported already`,
              rule: NORM_CHECKLIST_RULE,
            });
          }
          const { id } = await compliance.insertNormSet(tx, {
            organisation_id: actor.organisationId,
            code,
            version,
            title: input.title.trim(),
            issuer: input.issuer.trim(),
            source: input.source.trim(),
            imported_by: actor.userId,
            imported_at: clock.now(),
          });
          await compliance.insertControls(
            tx,
            input.controls.map((control, index) => ({
              norm_set_id: id,
              position: index + 1,
              code: control.code.trim(),
              title: control.title.trim(),
              description: control.description?.trim() ?? null,
            })),
          );
          await record([{ type: 'norm_set', id }]);
          return (await normSets(tx, actor.organisationId, id))[0]!;
        },
      );
    },

    /** SEC-04: the status of one control, with how it is met or why it is not. */
    assessControl(
      actor: Actor,
      normSetId: string,
      controlId: string,
      input: SetControlStatus,
    ): Promise<NormSet> {
      return forController(
        actor,
        'compliance.controller',
        'admin.norm_control_assessed',
        async (tx, _context, record) => {
          refuseIfAny([
            ...shapeIssues(IdSchema, normSetId, 'params/normSetId'),
            ...shapeIssues(IdSchema, controlId, 'params/controlId'),
          ]);
          const control = await compliance.controlForUpdate(tx, actor.organisationId, normSetId, controlId);
          // Another controller's checklist does not exist for this one.
          if (!control) throw new DomainError('not_found', { detail: 'No such control' });
          refuseIfAny(shapeIssues(SetControlStatusSchema, input), NORM_CHECKLIST_RULE);
          await compliance.assessControl(tx, control.id, {
            status: input.status,
            status_note: input.note.trim(),
            status_changed_by: actor.userId,
            status_changed_at: clock.now(),
          });
          await record([
            { type: 'norm_set', id: normSetId },
            { type: 'norm_control', id: controlId },
          ]);
          return (await normSets(tx, actor.organisationId, normSetId))[0]!;
        },
      );
    },
  };
}

export type ControllerComplianceService = ReturnType<typeof createControllerComplianceService>;
