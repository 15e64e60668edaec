/**
 * The processor registry of each controller (L2007 art. 16 §1; SPEC PRC-01..PRC-07). The
 * controller's DPO records its processors (the host, a backup provider, sub-processors), with the
 * guarantees each offers (1°), the contract, its security annex and clauses (2°-4°) and the signed
 * documents as immutable versions (5°); approves a record once complete (1°: the controller
 * chooses); and records its periodic compliance reviews and its reviews of the security plan
 * (2°, §4). The host's staff propose the host's record for each controller (bill art. 3 §1 al. 2:
 * the host is a processor of each participant, PRC-06) and its sub-processors, and upload their
 * documents; they never approve nor review. A change of what was approved withdraws the approval.
 * Each use case is one transaction with its audit event (metadata only); a refusal leaves only its
 * denied event.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type CreateProcessorRecord,
  CreateProcessorRecordSchema,
  type HostCoverage,
  type ProcessorAction,
  type ProcessorDocumentQuery,
  ProcessorDocumentQuerySchema,
  type ProcessorListQuery,
  ProcessorListQuerySchema,
  type ProcessorRecord,
  type ProcessorRecordList,
  type RecordProcessorReview,
  RecordProcessorReviewSchema,
  type UpdateProcessorRecord,
  UpdateProcessorRecordSchema,
} from '../../../contracts/processors.js';
import type { DestinationKind } from '../../../contracts/cross-border.js';
import type { ProcessorConfig } from '../../config.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditActor, AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { safeFilename, sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { compareCivilDates, type CivilDate } from '../../kernel/legal-rules/civil-date.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import type { ProcessorRecordFacts } from '../access/processor-decisions.js';
import { assertTransferAllowed } from '../cross-border/transfer-check.js';
import { isIsoCountry } from '../identity/organisation-rules.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { loadRegistry } from './processor-facts.js';
import { approvalFactsOf, isHostSide, presentRecord, type Registry } from './processor-presenter.js';
import { approvalIssues, PROCESSOR_RULE, worstLevel } from './processor-rules.js';
import type { ProcessorRecordRow, ProcessorsRepository } from './processors.repository.js';

export interface ProcessorServiceDeps {
  db: Db;
  processors: ProcessorsRepository;
  notifications: NotificationsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  settings: ProcessorConfig;
}

/** The largest signed document accepted (a scanned contract of some pages). */
export const PROCESSOR_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const recordRef = (id: string): AuditRecordRef => ({ type: 'processor_record', id });

/** Where each processor's country is read in its controller's transfer register (SPEC TRF-01). */
const DESTINATION_KIND: Record<ProcessorRecordRow['role'], DestinationKind> = {
  host: 'hosting',
  backup: 'backup',
  other: 'sub_processor',
};

export function createProcessorService(deps: ProcessorServiceDeps) {
  const { db, processors, notifications, access, audit, clock, settings } = deps;
  const today = (): CivilDate => brusselsDateOf(clock.now());

  /** A country the location check can read: an ISO 3166-1 alpha-2 code (bad input, 400, with the other fields). */
  function countryIssues(country: string, field: string): FieldIssue[] {
    return isIsoCountry(country) ? [] : [{ field, message: 'must be an ISO 3166-1 alpha-2 country code' }];
  }

  /**
   * The single call site of the location check (L2007 arts 21-22; SPEC TRF-01, DCL-20): every
   * processor's and sub-processor's country passes here when recorded, changed or approved, and
   * goes through the same transfer check as every transfer abroad, against its controller's
   * transfer register: the host is a hosting location, a backup provider a backup, any other
   * processor a sub-processor. Outside Belgium the register must hold that destination, and
   * outside the Community with an adequacy assessment or a derogation; otherwise it throws a
   * refusal (403 naming the rule): the caller's `refusable` transaction rolls back, and the denied
   * audit event and the line of the controller's blocked-transfer log commit on their own.
   */
  async function checkedLocation(
    tx: Tx,
    location: {
      controllerId: string;
      role: ProcessorRecordRow['role'];
      country: string;
      field: string;
      actor: AuditActor;
      action: AuditAction;
      records: readonly AuditRecordRef[];
    },
  ): Promise<void> {
    await assertTransferAllowed(tx, {
      controllerId: location.controllerId,
      destination: { kind: DESTINATION_KIND[location.role], country: location.country },
      fields: { country: location.field },
      attempt: {
        source: 'processor_location',
        actor: location.actor,
        action: location.action,
        at: clock.now(),
        records: location.records,
      },
    });
  }

  const factsOf = (row: ProcessorRecordRow, registry: Registry): ProcessorRecordFacts => ({
    controllerId: row.controller_organisation_id,
    hostSide: isHostSide(row, registry.records),
  });

  /** What the reader may do to `row` now, for the web app. */
  function actionsOf(context: AccessContext, row: ProcessorRecordRow, registry: Registry): ProcessorAction[] {
    const record = factsOf(row, registry);
    const may = (action: 'processor.edit' | 'processor.upload' | 'processor.approve' | 'processor.review') =>
      decide(context.facts, { action, record }).allowed;
    const actions: ProcessorAction[] = [];
    if (may('processor.edit')) actions.push('edit');
    if (may('processor.upload')) actions.push('upload');
    if (may('processor.approve') && row.approved_at === null) actions.push('approve');
    if (may('processor.review') && row.approved_at !== null) actions.push('review');
    return actions;
  }

  function present(context: AccessContext, row: ProcessorRecordRow, registry: Registry): ProcessorRecord {
    return presentRecord(row, registry, today(), actionsOf(context, row, registry));
  }

  /** A record the reader may act on as `action` (404 for one it may not know of), with its controller's registry. */
  async function openRecord(
    tx: Tx,
    actor: Actor,
    id: string,
    action:
      | 'processor.view'
      | 'processor.edit'
      | 'processor.upload'
      | 'processor.approve'
      | 'processor.review',
    auditAction: AuditAction,
  ): Promise<{ context: AccessContext; decision: Allowed; row: ProcessorRecordRow; registry: Registry }> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/recordId'));
    const context = await access.enter(tx, actor);
    const found =
      action === 'processor.view'
        ? await processors.recordById(tx, id)
        : await processors.recordForUpdate(tx, id);
    const registry = found
      ? await loadRegistry(tx, processors, [found.controller_organisation_id])
      : undefined;
    const decision = access.require(
      context,
      { action, record: found && factsOf(found, registry!) },
      auditAction,
    );
    return { context, decision, row: found!, registry: registry! };
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

  /** The whole record after a change, as the reader sees it. */
  async function reread(tx: Tx, context: AccessContext, id: string): Promise<ProcessorRecord> {
    const row = (await processors.recordById(tx, id))!;
    const registry = await loadRegistry(tx, processors, [row.controller_organisation_id]);
    return present(context, registry.records.find((r) => r.id === id)!, registry);
  }

  const contractColumns = (contract: NonNullable<CreateProcessorRecord['contract']>) => ({
    ...(contract.reference !== undefined && { contract_reference: contract.reference?.trim() ?? null }),
    ...(contract.signedOn !== undefined && { contract_signed_on: contract.signedOn ?? null }),
    ...(contract.securityAnnexReference !== undefined && {
      security_annex_reference: contract.securityAnnexReference?.trim() ?? null,
    }),
    ...(contract.liabilityClause !== undefined && {
      liability_clause: contract.liabilityClause?.trim() ?? null,
    }),
    ...(contract.instructionClause !== undefined && {
      instruction_clause: contract.instructionClause?.trim() ?? null,
    }),
    ...(contract.securityObligationsClause !== undefined && {
      security_obligations_clause: contract.securityObligationsClause?.trim() ?? null,
    }),
  });

  /** art. 16 §1 1°: a certificate is valid from its issue; a lapsed one is shown, not refused (it turns amber). */
  function guaranteeIssues(guarantees: CreateProcessorRecord['guarantees'] = []): FieldIssue[] {
    return guarantees.flatMap((g, index) =>
      g.validUntil && compareCivilDates(g.validUntil as CivilDate, g.issuedOn as CivilDate) < 0
        ? [{ field: `/body/guarantees/${index}/validUntil`, message: 'is before the issue date' }]
        : [],
    );
  }

  return {
    /**
     * A DPO's registry of its controller; the operator's, the host's side of every controller (or
     * of the one asked), with the worst status among them.
     */
    listRecords(actor: Actor, query: ProcessorListQuery): Promise<ProcessorRecordList> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(ProcessorListQuerySchema, query, 'querystring'));
        const context = await access.enter(tx, actor);
        const decision = access.require(
          context,
          { action: 'processor.list' },
          'admin.processor_records_listed',
        );
        const wanted = query.controllerOrganisationId;
        const controllers =
          decision.relation === 'platform'
            ? wanted
              ? [wanted]
              : undefined
            : wanted && wanted !== actor.organisationId
              ? []
              : [actor.organisationId];
        const registry = await loadRegistry(tx, processors, controllers);
        const rows = registry.records.filter(
          (row) =>
            decide(context.facts, { action: 'processor.view', record: factsOf(row, registry) }).allowed,
        );
        const records = rows.map((row) => present(context, row, registry));
        await record(tx, context, decision, 'admin.processor_records_listed', [
          ...(controllers ?? []).map((id) => ({ type: 'organisation', id })),
        ]);
        return { records, level: worstLevel(records.map((r) => r.status.level)) };
      });
    },

    /** SPEC PRC-01, PRC-06: for the operator, each controller of the instance and the host's record for it. */
    hostCoverage(actor: Actor): Promise<HostCoverage> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(
          context,
          { action: 'platform.administer' },
          'admin.processor_records_listed',
        );
        const [host, controllers] = await Promise.all([
          processors.platformOperator(tx),
          processors.controllers(tx),
        ]);
        const registry = await loadRegistry(
          tx,
          processors,
          controllers.map((c) => c.id),
        );
        const day = today();
        const result: HostCoverage = {
          host: host ? { id: host.id, legalName: host.legal_name } : null,
          controllers: controllers.map((controller) => {
            const row = registry.records.find(
              (r) =>
                r.controller_organisation_id === controller.id &&
                host !== undefined &&
                r.host_organisation_id === host.id,
            );
            return {
              controller: { id: controller.id, legalName: controller.legal_name },
              hostRecord: row
                ? {
                    id: row.id,
                    approved: row.approved_at !== null,
                    level: presentRecord(row, registry, day, []).status.level,
                  }
                : null,
            };
          }),
        };
        await record(tx, context, decision, 'admin.processor_records_listed', []);
        return result;
      });
    },

    getRecord(actor: Actor, id: string): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.view', 'admin.processor_record_viewed');
        await record(tx, open.context, open.decision, 'admin.processor_record_viewed', [recordRef(id)]);
        return present(open.context, open.row, open.registry);
      });
    },

    /**
     * PRC-01, PRC-06: the controller's DPO records a processor; the host's staff propose the
     * host's record for a controller (or a sub-processor of it), which the controller's DPO is told of.
     */
    createRecord(actor: Actor, input: CreateProcessorRecord): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(CreateProcessorRecordSchema, input));
        const context = await access.enter(tx, actor);
        const controllerId = input.controllerOrganisationId;
        const registry = await loadRegistry(tx, processors, [controllerId]);
        const parent = input.subProcessorOf
          ? registry.records.find((r) => r.id === input.subProcessorOf)
          : undefined;
        const hostSide =
          input.role === 'host' || (parent !== undefined && isHostSide(parent, registry.records));
        const decision = access.require(
          context,
          { action: 'processor.create', controllerId, hostSide },
          'admin.processor_record_created',
        );
        const [controller] = await processors.organisations(tx, [controllerId]);
        const host = await processors.platformOperator(tx);
        const issues: FieldIssue[] = [];
        if (!controller?.active || controller.kind === 'platform_operator') {
          issues.push({
            field: '/body/controllerOrganisationId',
            message: 'must be an active participant organisation (a controller)',
          });
        }
        if (input.role === 'host') {
          if (input.processor) {
            issues.push({
              field: '/body/processor',
              message: "is the platform operator's: the host's identity is read from its organisation",
            });
          }
          if (input.subProcessorOf)
            issues.push({ field: '/body/subProcessorOf', message: 'the host is no sub-processor' });
        } else if (!input.processor) {
          issues.push({ field: '/body/processor', message: "is required: the processor's name and address" });
        }
        if (input.subProcessorOf && !parent) {
          issues.push({ field: '/body/subProcessorOf', message: 'is not a processor of this controller' });
        }
        issues.push(...countryIssues(input.country, '/body/country'), ...guaranteeIssues(input.guarantees));
        refuseIfAny(issues, PROCESSOR_RULE);
        if (input.role === 'host') {
          if (!host)
            throw new DomainError('conflict', {
              detail: 'The instance has no platform operator organisation to record as host',
            });
          if (registry.records.some((r) => r.host_organisation_id === host.id)) {
            throw new DomainError('conflict', {
              detail: "The host's record for this controller exists already",
              rule: PROCESSOR_RULE,
            });
          }
        }
        await checkedLocation(tx, {
          controllerId,
          role: input.role,
          country: input.country,
          field: '/body/country',
          actor: auditActorOf(context, decision),
          action: 'admin.processor_record_created',
          records: [{ type: 'organisation', id: controllerId }],
        });
        const now = clock.now();
        const row = await processors.insertRecord(tx, {
          controller_organisation_id: controllerId,
          role: input.role,
          host_organisation_id: input.role === 'host' ? host!.id : null,
          sub_processor_of: input.subProcessorOf ?? null,
          name: input.processor?.name.trim() ?? null,
          address: input.processor?.address.trim() ?? null,
          enterprise_number: input.processor?.enterpriseNumber?.trim() ?? null,
          country: input.country,
          services: input.services.trim(),
          guarantees: JSON.stringify(input.guarantees ?? []),
          ...contractColumns(input.contract ?? {}),
          review_interval_months: input.reviewIntervalMonths ?? settings.monthsBetweenReviews,
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        // PRC-01: the host proposes, the controller chooses: its DPO is told there is one to approve.
        if (decision.relation === 'platform') {
          await notifications.notify(tx, now, [
            {
              organisationId: controllerId,
              kind: 'processor_record_proposed',
              subjectId: row.id,
              audience: 'dpo',
            },
          ]);
        }
        await record(tx, context, decision, 'admin.processor_record_created', [
          recordRef(row.id),
          { type: 'organisation', id: controllerId },
        ]);
        return reread(tx, context, row.id);
      });
    },

    /** A correction or completion; a change of an approved term withdraws the approval (art. 16 §1 1°). */
    updateRecord(actor: Actor, id: string, patch: UpdateProcessorRecord): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.edit', 'admin.processor_record_updated');
        refuseIfAny(shapeIssues(UpdateProcessorRecordSchema, patch));
        const { row } = open;
        const issues: FieldIssue[] = [];
        if (patch.processor && row.role === 'host') {
          issues.push({
            field: '/body/processor',
            message: "is the platform operator's: the host's identity is read from its organisation",
          });
        }
        if (patch.country !== undefined) issues.push(...countryIssues(patch.country, '/body/country'));
        issues.push(...guaranteeIssues(patch.guarantees));
        refuseIfAny(issues, PROCESSOR_RULE);
        if (patch.country !== undefined && patch.country !== row.country) {
          await checkedLocation(tx, {
            controllerId: row.controller_organisation_id,
            role: row.role,
            country: patch.country,
            field: '/body/country',
            actor: auditActorOf(open.context, open.decision),
            action: 'admin.processor_record_updated',
            records: [recordRef(id)],
          });
        }
        const change: Partial<Record<keyof ProcessorRecordRow, unknown>> = {
          ...(patch.processor && {
            name: patch.processor.name.trim(),
            address: patch.processor.address.trim(),
            enterprise_number: patch.processor.enterpriseNumber?.trim() ?? null,
          }),
          ...(patch.country !== undefined && { country: patch.country }),
          ...(patch.services !== undefined && { services: patch.services.trim() }),
          ...(patch.guarantees !== undefined && { guarantees: patch.guarantees }),
          ...contractColumns(patch.contract ?? {}),
          ...(patch.reviewIntervalMonths !== undefined && {
            review_interval_months: patch.reviewIntervalMonths,
          }),
        };
        const changed = (Object.keys(change) as (keyof ProcessorRecordRow)[]).filter(
          (column) => !isDeepStrictEqual(row[column], change[column]),
        );
        if (changed.length === 0) return present(open.context, row, open.registry);
        const withdrawn =
          row.approved_at !== null && changed.some((column) => column !== 'review_interval_months');
        await processors.updateRecord(tx, id, {
          ...Object.fromEntries(
            changed.map((column) => [
              column,
              column === 'guarantees' ? JSON.stringify(change[column]) : change[column],
            ]),
          ),
          updated_by: actor.userId,
          updated_at: clock.now(),
          ...(withdrawn && { approved_at: null, approved_by: null }),
        });
        await record(tx, open.context, open.decision, 'admin.processor_record_updated', [
          recordRef(id),
          ...changed.map((column) => ({ type: 'changed_field', id: column })),
          ...(withdrawn ? [{ type: 'approval_withdrawn', id }] : []),
        ]);
        return reread(tx, open.context, id);
      });
    },

    /**
     * PRC-01, PRC-03, PRC-04, PRC-05: the controller's DPO approves a complete record; an
     * incomplete one is refused naming every missing element, and nothing changes.
     */
    approveRecord(actor: Actor, id: string): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.approve', 'admin.processor_record_approved');
        const { row, registry } = open;
        if (row.approved_at !== null) {
          throw new DomainError('conflict', {
            detail: 'The processor record is approved already',
            rule: PROCESSOR_RULE,
          });
        }
        const issues = [
          ...approvalIssues(approvalFactsOf(row, registry.documents)),
          ...countryIssues(row.country, '/record/country'),
        ];
        if (issues.length > 0) {
          throw new DomainError('validation_failed', {
            detail: 'The processor record is not complete',
            fields: issues,
            rule: PROCESSOR_RULE,
          });
        }
        // The register may have changed since the record was written: the controller approves a
        // location its register carries now (an ended destination no longer does).
        await checkedLocation(tx, {
          controllerId: row.controller_organisation_id,
          role: row.role,
          country: row.country,
          field: '/record/country',
          actor: auditActorOf(open.context, open.decision),
          action: 'admin.processor_record_approved',
          records: [recordRef(id)],
        });
        const now = clock.now();
        await processors.updateRecord(tx, id, { approved_by: actor.userId, approved_at: now });
        await notifications.acknowledgeAbout(
          tx,
          {
            organisationId: row.controller_organisation_id,
            kind: 'processor_record_proposed',
            subjectId: id,
          },
          actor.userId,
          now,
        );
        await record(tx, open.context, open.decision, 'admin.processor_record_approved', [
          recordRef(id),
          { type: 'organisation', id: row.controller_organisation_id },
        ]);
        return reread(tx, open.context, id);
      });
    },

    /**
     * PRC-05, PRC-07: a new immutable version of the signed contract, its security annex or the
     * security plan (a PDF, checked by its content), with its SHA-256. A new contract or annex
     * changes what was approved: the approval is withdrawn.
     */
    uploadDocument(
      actor: Actor,
      id: string,
      query: ProcessorDocumentQuery,
      body: Buffer,
    ): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.upload', 'admin.processor_document_uploaded');
        refuseIfAny(shapeIssues(ProcessorDocumentQuerySchema, query, 'querystring'));
        if (compareCivilDates(query.documentDate as CivilDate, today()) > 0) {
          refuseIfAny([{ field: '/querystring/documentDate', message: 'is in the future' }]);
        }
        if (body.length === 0)
          throw new DomainError('validation_failed', { fields: [{ field: '/body', message: 'is empty' }] });
        if (body.length > PROCESSOR_DOCUMENT_MAX_BYTES) throw new DomainError('payload_too_large');
        if (sniffMediaType(body) !== 'application/pdf') {
          throw new DomainError('unsupported_media_type', {
            detail: 'The signed document must be a PDF document',
            fields: [{ field: '/body', message: 'must be a PDF document' }],
          });
        }
        const version =
          Math.max(
            0,
            ...open.registry.documents
              .filter((d) => d.record_id === id && d.kind === query.kind)
              .map((d) => d.version),
          ) + 1;
        const now = clock.now();
        const document = await processors.insertDocument(tx, {
          record_id: id,
          kind: query.kind,
          version,
          filename: safeFilename(query.filename),
          media_type: 'application/pdf',
          size_bytes: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          content: body,
          document_date: query.documentDate,
          uploaded_by: actor.userId,
          uploaded_at: now,
        });
        const withdrawn = open.row.approved_at !== null && query.kind !== 'security_plan';
        if (withdrawn) await processors.updateRecord(tx, id, { approved_at: null, approved_by: null });
        await record(tx, open.context, open.decision, 'admin.processor_document_uploaded', [
          recordRef(id),
          { type: 'processor_document', id: document.id },
          ...(withdrawn ? [{ type: 'approval_withdrawn', id }] : []),
        ]);
        return reread(tx, open.context, id);
      });
    },

    /** PRC-05: a version of a signed document, as it was uploaded (its SHA-256 is in the record). */
    downloadDocument(actor: Actor, id: string, documentId: string) {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.view', 'admin.processor_document_downloaded');
        refuseIfAny(shapeIssues(IdSchema, documentId, 'params/documentId'));
        const document = await processors.document(tx, id, documentId);
        if (!document) throw new DomainError('not_found', { detail: 'No such document' });
        await record(tx, open.context, open.decision, 'admin.processor_document_downloaded', [
          recordRef(id),
          { type: 'processor_document', id: documentId },
        ]);
        return {
          filename: document.filename,
          mediaType: document.media_type,
          content: document.content,
          sha256: document.sha256,
        };
      });
    },

    /**
     * PRC-02, PRC-07: the controller's DPO records a compliance review of an approved processor,
     * or its review of a version of the security plan, with the outcome; the next one falls due
     * after the record's interval.
     */
    recordReview(actor: Actor, id: string, input: RecordProcessorReview): Promise<ProcessorRecord> {
      return refusable(db, audit, async (tx) => {
        const open = await openRecord(tx, actor, id, 'processor.review', 'admin.processor_review_recorded');
        refuseIfAny(shapeIssues(RecordProcessorReviewSchema, input));
        if (open.row.approved_at === null) {
          throw new DomainError('conflict', {
            detail: 'Approve the processor record before reviewing it',
            rule: PROCESSOR_RULE,
          });
        }
        const issues: FieldIssue[] = [];
        if (compareCivilDates(input.reviewedOn as CivilDate, today()) > 0) {
          issues.push({ field: '/body/reviewedOn', message: 'is in the future' });
        }
        const plan = open.registry.documents.find((d) => d.id === input.documentId && d.record_id === id);
        if (input.kind === 'security_plan' && plan?.kind !== 'security_plan') {
          issues.push({
            field: '/body/documentId',
            message: 'must name a security plan version of this processor',
          });
        }
        if (input.kind === 'compliance' && input.documentId) {
          issues.push({ field: '/body/documentId', message: 'is for a review of the security plan only' });
        }
        refuseIfAny(issues, PROCESSOR_RULE);
        const review = await processors.insertReview(tx, {
          record_id: id,
          kind: input.kind,
          reviewed_on: input.reviewedOn,
          outcome: input.outcome,
          findings: input.findings.trim(),
          document_id: input.kind === 'security_plan' ? plan!.id : null,
          recorded_by: actor.userId,
          recorded_at: clock.now(),
        });
        await record(tx, open.context, open.decision, 'admin.processor_review_recorded', [
          recordRef(id),
          { type: 'processor_review', id: review.id },
        ]);
        return reread(tx, open.context, id);
      });
    },
  };
}

export type ProcessorService = ReturnType<typeof createProcessorService>;
