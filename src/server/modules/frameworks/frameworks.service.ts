/**
 * Consultation frameworks (issue 4 scope 1): the platform operator records the instrument a
 * consultation is organised by or under (ARCHITECTURE §1: the operator manages frameworks; a
 * framework holds no personal data), completes a draft, and activates it once it holds all that
 * CP art. 458ter §1 al. 3 requires (SPEC SCO-03). The parties of an active framework read it to
 * open cases. Each use case is one transaction with its audit event; a refusal leaves only its
 * denied event.
 */
import { createHash } from 'node:crypto';
import {
  type CreateFramework,
  CreateFrameworkSchema,
  type Framework,
  type FrameworkList,
  type UpdateFramework,
  UpdateFrameworkSchema,
} from '../../../contracts/frameworks.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import { administersPlatform } from '../access/decide.js';
import type { DeclarationReview } from '../declarations/declaration-review.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import { controllersWithoutApprovedHost } from '../processors/processor-facts.js';
import type { Actor } from '../identity/platform-access.js';
import { frameworkColumns, frameworkFacts, frameworkRecord, toFramework } from './framework-records.js';
import { ACTIVATION_RULE, activationIssues, retentionProblem } from './framework-rules.js';
import { FRAMEWORK_TEMPLATE_DEFAULTS } from './framework-templates.js';
import type { FrameworkRow, FrameworksRepository } from './frameworks.repository.js';

export interface FrameworkServiceDeps {
  db: Db;
  frameworks: FrameworksRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
  /** SPEC SEC-10, DCL-21: a change of a framework is compared with the declarations that cover it. */
  declarationReview: DeclarationReview;
}

const NO_APPROVED_HOST = "has not approved the host's processor record: no controller goes live on the instance without one";
const NO_APPROVED_HOST_RULE = 'L2007 art. 16 §1 (SPEC PRC-01)';

/** The largest signed authorisation accepted (a scanned PDF of a few pages). */
export const AUTHORISATION_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export function createFrameworkService({
  db,
  frameworks,
  access,
  audit,
  clock,
  rules,
  declarationReview,
}: FrameworkServiceDeps) {
  /** Runs `work` for the operator (ARCHITECTURE §1: the operator manages frameworks). */
  function administer<T>(
    actor: Actor,
    action: AuditAction,
    work: (tx: Tx, context: AccessContext, record: (frameworkId: string) => Promise<number>) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'platform.administer' }, action);
      const record = (frameworkId: string) =>
        audit.record(tx, {
          actor: auditActorOf(context, decision),
          action,
          outcome: 'success',
          records: [{ type: 'framework', id: frameworkId }],
        });
      return work(tx, context, record);
    });
  }

  async function present(tx: Tx, row: FrameworkRow): Promise<Framework> {
    const participants = await frameworks.participants(tx, [row.id]);
    const named = [row.organiser_organisation_id, row.authorising_organisation_id].filter((id) => id !== null);
    const names = await frameworks.organisationNames(tx, named);
    return toFramework(
      row,
      participants.map((p) => ({ id: p.organisation_id, legalName: p.legal_name })),
      row.organiser_organisation_id ? names.get(row.organiser_organisation_id) : undefined,
      row.authorising_organisation_id ? names.get(row.authorising_organisation_id) : undefined,
    );
  }

  async function draftOrFail(tx: Tx, id: string): Promise<FrameworkRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/frameworkId'));
    const row = await frameworks.forUpdate(tx, id);
    if (!row) throw new DomainError('not_found', { detail: 'No such framework' });
    if (row.state !== 'draft') {
      throw new DomainError('conflict', {
        detail: 'An active framework is the instrument as activated: only its participants change',
        rule: ACTIVATION_RULE,
      });
    }
    return row;
  }

  /** The organiser and participants must be organisations that take part in consultations. */
  async function organisationIssues(
    tx: Tx,
    input: {
      organiserOrganisationId?: string | null;
      participantIds?: readonly string[];
      authorisingOrganisationId?: string | null;
    },
  ): Promise<FieldIssue[]> {
    const ids = [
      ...(input.organiserOrganisationId ? [input.organiserOrganisationId] : []),
      ...(input.participantIds ?? []),
    ];
    const known = await frameworks.participantOrganisations(tx, ids);
    const issues: FieldIssue[] = [];
    if (input.organiserOrganisationId && !known.has(input.organiserOrganisationId)) {
      issues.push({ field: '/body/organiserOrganisationId', message: 'must be an active participant organisation' });
    }
    (input.participantIds ?? []).forEach((id, index) => {
      if (!known.has(id)) {
        issues.push({ field: `/body/participantIds/${index}`, message: 'must be an active participant organisation' });
      }
    });
    // bill art. 7: only the procureur du Roi authorises, so the office is a judicial authority.
    const office = input.authorisingOrganisationId;
    if (office && !(await frameworks.judicialAuthorities(tx, [office])).has(office)) {
      issues.push({ field: '/body/authorisingOrganisationId', message: "must be an active prosecutor's office (a judicial authority)" });
    }
    return issues;
  }

  /**
   * SPEC PRC-01 (L2007 art. 16 §1): a controller goes live on the instance when a framework it
   * organises or takes part in is active, and none does before it approved the host's processor
   * record: the host processes its data only under the contract the controller chose.
   */
  async function hostProcessorIssues(
    tx: Tx,
    organiserId: string | null,
    participantIds: readonly string[],
  ): Promise<FieldIssue[]> {
    const uncovered = new Set(
      await controllersWithoutApprovedHost(tx, [...(organiserId ? [organiserId] : []), ...participantIds]),
    );
    return [
      ...(organiserId && uncovered.has(organiserId) ? [{ field: '/organiserOrganisationId', message: NO_APPROVED_HOST }] : []),
      ...participantIds.flatMap((id, index) =>
        uncovered.has(id) ? [{ field: `/participantIds/${index}`, message: NO_APPROVED_HOST }] : [],
      ),
    ];
  }

  function retentionIssues(input: Pick<UpdateFramework, 'defaultRetention'>): FieldIssue[] {
    const problem = input.defaultRetention ? retentionProblem(rules, input.defaultRetention) : undefined;
    return problem ? [{ field: '/body/defaultRetention/months', message: problem }] : [];
  }

  async function participantIdsOf(tx: Tx, id: string): Promise<string[]> {
    return (await frameworks.participants(tx, [id])).map((p) => p.organisation_id);
  }

  return {
    /** A new draft; a template pre-fills what the input leaves out (SPEC §22.9). */
    createFramework(actor: Actor, input: CreateFramework): Promise<Framework> {
      return administer(actor, 'admin.framework_created', async (tx, _context, record) => {
        refuseIfAny(shapeIssues(CreateFrameworkSchema, input));
        refuseIfAny([...(await organisationIssues(tx, input)), ...retentionIssues(input)]);
        const defaults = input.template ? FRAMEWORK_TEMPLATE_DEFAULTS[input.template] : undefined;
        const now = clock.now();
        const { participantIds = [], name, ...fields } = input;
        const row = await frameworks.insert(tx, {
          name,
          ...frameworkColumns({
            ...(defaults && {
              basisKind: defaults.basisKind,
              purposes: defaults.purposes,
              processingBasis: defaults.processingBasis,
            }),
            ...fields,
          }),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        for (const organisationId of participantIds) {
          await frameworks.addParticipant(tx, row.id, organisationId, actor.userId, now);
        }
        await record(row.id);
        return present(tx, row);
      });
    },

    updateFramework(actor: Actor, id: string, input: UpdateFramework): Promise<Framework> {
      return administer(actor, 'admin.framework_updated', async (tx, context, record) => {
        await draftOrFail(tx, id);
        refuseIfAny(shapeIssues(UpdateFrameworkSchema, input));
        refuseIfAny([...(await organisationIssues(tx, input)), ...retentionIssues(input)]);
        const { name, ...fields } = input;
        const row = await frameworks.update(tx, id, {
          ...(name !== undefined && { name }),
          ...frameworkColumns(fields),
          updated_at: clock.now(),
        });
        await record(id);
        await declarationReview.afterFrameworkChange(tx, id, clock.now(), auditActorOf(context));
        return present(tx, row);
      });
    },

    /** SPEC SCO-03: refused field by field until everything the instrument must fix is there. */
    activateFramework(actor: Actor, id: string): Promise<Framework> {
      return administer(actor, 'admin.framework_activated', async (tx, _context, record) => {
        const draft = await draftOrFail(tx, id);
        const participantIds = await participantIdsOf(tx, id);
        const issues = [
          ...activationIssues(frameworkRecord(draft, participantIds), rules),
          ...(await hostProcessorIssues(tx, draft.organiser_organisation_id, participantIds)),
        ];
        if (issues.length > 0) {
          throw new DomainError('validation_failed', {
            detail: 'The framework is not complete',
            fields: issues.map((issue) => ({ ...issue, field: `/framework${issue.field}` })),
            rule: issues.some((issue) => issue.message === NO_APPROVED_HOST)
              ? `${ACTIVATION_RULE}; ${NO_APPROVED_HOST_RULE}`
              : ACTIVATION_RULE,
          });
        }
        const now = clock.now();
        const row = await frameworks.update(tx, id, {
          state: 'active',
          activated_by: actor.userId,
          activated_at: now,
          updated_at: now,
        });
        await record(id);
        return present(tx, row);
      });
    },

    /** The procureur du Roi's signed authorisation (bill art. 2 §1), a PDF checked by its content. */
    uploadAuthorisationDocument(actor: Actor, id: string, document: Buffer): Promise<Framework> {
      return administer(actor, 'admin.framework_document_uploaded', async (tx, _context, record) => {
        await draftOrFail(tx, id);
        if (sniffMediaType(document) !== 'application/pdf') {
          throw new DomainError('unsupported_media_type', {
            detail: 'The signed authorisation must be a PDF document',
            fields: [{ field: '/body', message: 'must be a PDF document' }],
          });
        }
        if (document.length > AUTHORISATION_DOCUMENT_MAX_BYTES) throw new DomainError('payload_too_large');
        const row = await frameworks.update(tx, id, {
          authorisation_document: document,
          authorisation_document_sha256: createHash('sha256').update(document).digest('hex'),
          updated_at: clock.now(),
        });
        await record(id);
        return present(tx, row);
      });
    },

    /** SPEC ROL-01: the whitelist changes in any state, each change audited. */
    addParticipant(actor: Actor, id: string, organisationId: string): Promise<Framework> {
      return administer(actor, 'admin.framework_participant_added', async (tx, context, record) => {
        refuseIfAny(shapeIssues(IdSchema, id, 'params/frameworkId'));
        const row = await frameworks.forUpdate(tx, id);
        if (!row) throw new DomainError('not_found', { detail: 'No such framework' });
        refuseIfAny(
          [
            ...(await organisationIssues(tx, { participantIds: [organisationId] })),
            // PRC-01: joining an active framework takes the controller live on the instance.
            ...(row.state === 'active' ? await hostProcessorIssues(tx, null, [organisationId]) : []),
          ].map((issue) => ({ ...issue, field: '/body/organisationId' })),
        );
        await frameworks.addParticipant(tx, id, organisationId, actor.userId, clock.now());
        await record(id);
        // SEC-10: a new party may be a recipient category the declarations do not state (DCL-10).
        await declarationReview.afterFrameworkChange(tx, id, clock.now(), auditActorOf(context));
        return present(tx, row);
      });
    },

    removeParticipant(actor: Actor, id: string, organisationId: string): Promise<Framework> {
      return administer(actor, 'admin.framework_participant_removed', async (tx, context, record) => {
        refuseIfAny([
          ...shapeIssues(IdSchema, id, 'params/frameworkId'),
          ...shapeIssues(IdSchema, organisationId, 'params/organisationId'),
        ]);
        const row = await frameworks.forUpdate(tx, id);
        if (!row) throw new DomainError('not_found', { detail: 'No such framework' });
        if (!(await frameworks.removeParticipant(tx, id, organisationId, actor.userId, clock.now()))) {
          throw new DomainError('not_found', { detail: 'The organisation is not a participant of this framework' });
        }
        await record(id);
        await declarationReview.afterFrameworkChange(tx, id, clock.now(), auditActorOf(context));
        return present(tx, row);
      });
    },

    /** The operator sees every framework; a participant the active ones it takes part in. */
    listFrameworks(actor: Actor): Promise<FrameworkList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const rows = administersPlatform(context.facts)
          ? await frameworks.all(tx)
          : await frameworks.activeFor(tx, context.acting);
        return { frameworks: await Promise.all(rows.map((row) => present(tx, row))) };
      });
    },

    viewFramework(actor: Actor, id: string): Promise<Framework> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(IdSchema, id, 'params/frameworkId'));
        const context = await access.enter(tx, actor);
        const row = await frameworks.byId(tx, id);
        const facts = row ? frameworkFacts(row, await participantIdsOf(tx, id)) : undefined;
        access.require(context, { action: 'framework.view', framework: facts }, 'admin.framework_viewed');
        return present(tx, row!);
      });
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
