/**
 * The declarations of a controller's processing (L2007/L1992 arts 17-18; SPEC DCL-01..28,
 * SEC-10; issue 6 scope 4), kept by its DPO: one declaration per purpose set (art. 17 §5) mapping
 * the consultation frameworks it covers; its §3 content generated from the configuration and
 * stored as submitted (a version); the Commission's acknowledgement (within three working days,
 * §2), a finding that it is incomplete, the contribution (§9) and its completion; the register
 * number (art. 18); the modifications and the end of the processing (§7); the conformity check
 * (art. 16 §2 4°). Each use case is one transaction with its audit event; a refusal changes
 * nothing and leaves only its denied event.
 */
import {
  type AcknowledgeVersion,
  AcknowledgeVersionSchema,
  type CeaseDeclaration,
  CeaseDeclarationSchema,
  type CompleteVersion,
  CompleteVersionSchema,
  type ConformityCheck,
  type CreateDeclaration,
  CreateDeclarationSchema,
  type Declaration,
  type DeclarationContent,
  type DeclarationList,
  type FrameworkDeclarations,
  type FulfilCondition,
  FulfilConditionSchema,
  type RecordIncomplete,
  RecordIncompleteSchema,
  type RecordPayment,
  RecordPaymentSchema,
  type RegisterNumberInput,
  RegisterNumberSchema,
  type SheetRequest,
  SheetRequestSchema,
  type SubmitDeclaration,
  SubmitDeclarationSchema,
  type UpdateDeclaration,
  UpdateDeclarationSchema,
} from '../../../contracts/declarations.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog, AuditRecordRef, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf, type LegalRules } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import type { FrameworkFacts } from '../access/decide.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { declarationComplianceItems } from './declaration-compliance.js';
import { serialiseContent } from './declaration-conformity.js';
import { CONTENT_RULE } from './declaration-content.js';
import { declarationPdfSpec } from './declaration-document.js';
import { generateFor } from './declaration-facts.js';
import { presentDeclaration, presentUpdateItem, versionFacts } from './declaration-presenter.js';
import { conformityOf, openUpdateItem, reviewDeclaration } from './declaration-review.js';
import {
  CESSATION_RULE,
  CONTRIBUTION_RULE,
  dayIssues,
  declarationLifecycle,
  declarationStatus,
  mappingIssues,
  type MappedFrameworkFacts,
  modeIssues,
  nextVersionKind,
  paymentIssues,
  PURPOSE_SET_RULE,
  registerNumberRefusal,
  STATUS_RULE,
  type VersionAction,
  versionActionRefusal,
} from './declaration-rules.js';
import { DECLARATION_TEXTS } from './declaration-texts.js';
import type { DeclarationRow, DeclarationsRepository, VersionRow } from './declarations.repository.js';

export interface DeclarationServiceDeps {
  db: Db;
  declarations: DeclarationsRepository;
  notifications: NotificationsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
}

export interface DeclarationFile {
  mediaType: string;
  filename: string;
  content: Buffer | string;
}

const declarationRef = (id: string): AuditRecordRef => ({ type: 'declaration', id });
const versionRef = (id: string): AuditRecordRef => ({ type: 'declaration_version', id });

interface Kept {
  who: UserActor;
  organisationId: string;
}

export function createDeclarationService(deps: DeclarationServiceDeps) {
  const { db, declarations, access, audit, clock, rules } = deps;
  const today = () => brusselsDateOf(clock.now());

  /** A use case of the DPO on its controller's declarations (list, create). */
  function manage<T>(
    actor: Actor,
    action: AuditAction,
    work: (tx: Tx, kept: Kept) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'declaration.manage' }, action);
      return work(tx, { who: auditActorOf(context, decision), organisationId: actor.organisationId });
    });
  }

  /**
   * A use case on one declaration: its controller's DPO only; anyone else may not learn it exists.
   * A change locks the row, so that the changes of one declaration run one after the other.
   */
  function keep<T>(
    actor: Actor,
    id: string,
    action: AuditAction,
    work: (tx: Tx, kept: Kept, row: DeclarationRow) => Promise<T>,
    { lock = true }: { lock?: boolean } = {},
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      refuseIfAny(shapeIssues(IdSchema, id, 'params/declarationId'));
      const context = await access.enter(tx, actor);
      const row = lock ? await declarations.forUpdate(tx, id) : await declarations.byId(tx, id);
      const decision = access.require(
        context,
        { action: 'declaration.keep', declaration: row && { organisationId: row.organisation_id } },
        action,
      );
      return work(tx, { who: auditActorOf(context, decision), organisationId: actor.organisationId }, row!);
    });
  }

  async function record(tx: Tx, kept: Kept, action: AuditAction, records: AuditRecordRef[], reason?: string) {
    await audit.record(tx, {
      actor: kept.who,
      action,
      outcome: 'success',
      records,
      ...(reason && { reason }),
    });
  }

  async function view(tx: Tx, row: DeclarationRow): Promise<Declaration> {
    const [mappings, versions, items, conditions, sheetRequests, names] = await Promise.all([
      declarations.mappings(tx, [row.id]),
      declarations.versions(tx, [row.id]),
      declarations.updateItems(tx, [row.id]),
      declarations.riskConditions(tx, [row.id]),
      declarations.sheetRequests(tx, row.id),
      declarations.organisationNames(tx, [row.organisation_id]),
    ]);
    const generation = await generateFor(deps, tx, row, today());
    const { conformity } = await conformityOf(deps, tx, row, versions[0]);
    const userNames = await declarations.userNames(
      tx,
      conditions.map((c) => c.fulfilled_by).filter((id): id is string => id !== null),
    );
    return presentDeclaration(
      {
        row,
        controllerName: names.get(row.organisation_id) ?? '',
        mappings,
        versions,
        items,
        conditions,
        sheetRequests,
        userNames,
        generationIssues: generation.issues,
        conformity,
      },
      rules,
    );
  }

  /** DCL-17: the frameworks input, checked against what the controller takes part in and the purpose set. */
  async function checkedMappings(
    tx: Tx,
    organisationId: string,
    declarationId: string | null,
    frameworks: NonNullable<CreateDeclaration['frameworks']>,
    purposes: readonly PurposeCode[],
  ): Promise<void> {
    const ids = frameworks.map((framework) => framework.frameworkId);
    const [rows, parties, elsewhere] = await Promise.all([
      declarations.frameworks(tx, ids),
      declarations.parties(tx, ids),
      declarations.mappedElsewhere(tx, organisationId, ids, declarationId),
    ]);
    const facts = new Map<string, MappedFrameworkFacts>(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          purposes: row.purposes as PurposeCode[],
          partyIds: parties
            .filter((party) => party.framework_id === row.id)
            .map((party) => party.organisation_id),
          mappedElsewhere: elsewhere.has(row.id),
        },
      ]),
    );
    refuseIfAny(mappingIssues(ids, purposes, organisationId, facts), PURPOSE_SET_RULE);
  }

  async function replaceMappings(
    tx: Tx,
    row: DeclarationRow,
    frameworks: NonNullable<CreateDeclaration['frameworks']>,
    by: string,
  ): Promise<void> {
    const now = clock.now();
    await declarations.replaceMappings(
      tx,
      row.id,
      frameworks.map((framework) => ({
        framework_id: framework.frameworkId,
        organisation_id: row.organisation_id,
        name_fr: framework.processingName.fr.trim(),
        name_nl: framework.processingName.nl.trim(),
        added_by: by,
        added_at: now,
      })),
    );
  }

  function refuseWhenCeased(latest: VersionRow | undefined): void {
    if (declarationLifecycle(latest) === 'ceased') {
      throw new DomainError('conflict', {
        detail: 'The end of this processing was declared: declare the processing anew instead',
        rule: CESSATION_RULE,
      });
    }
  }

  /** The content of `row` the configuration gives for `date`, or a refusal naming each missing field. */
  async function generated(tx: Tx, row: DeclarationRow, date: string): Promise<DeclarationContent> {
    const result = await generateFor(deps, tx, row, date);
    if (!result.content) {
      throw new DomainError('validation_failed', {
        detail: 'The declaration cannot be generated: the configuration lacks what art. 17 §3 asks for',
        fields: result.issues,
        rule: CONTENT_RULE,
      });
    }
    return result.content;
  }

  async function document(
    row: DeclarationRow,
    content: DeclarationContent,
    version: number | 'preview',
    format: 'json' | 'pdf',
    by: string,
  ): Promise<DeclarationFile> {
    const name = `declaration-${row.id}${version === 'preview' ? '-preview' : `-v${version}`}`;
    if (format === 'json') {
      return { mediaType: 'application/json', filename: `${name}.json`, content: JSON.stringify(content) };
    }
    const registerNumbers = [row.register_number ?? row.sectoral_authorisation_reference].filter(
      (n): n is string => n !== null,
    );
    const pdf = await renderPdf(
      declarationPdfSpec(content, {
        mode: row.mode,
        registerNumbers,
        version,
        exportedBy: by,
        at: clock.now(),
      }),
    );
    return { mediaType: 'application/pdf', filename: `${name}.pdf`, content: pdf };
  }

  /** The version of `row` named by `versionId`, or 404. */
  async function versionOf(tx: Tx, row: DeclarationRow, versionId: string): Promise<VersionRow> {
    refuseIfAny(shapeIssues(IdSchema, versionId, 'params/versionId'));
    const version = await declarations.version(tx, row.id, versionId);
    if (!version) throw new DomainError('not_found', { detail: 'No such version of this declaration' });
    return version;
  }

  /** DCL-03, DCL-23: one act on a submitted version, allowed by its status. */
  function actOnVersion<I>(
    actor: Actor,
    id: string,
    versionId: string,
    act: VersionAction,
    schema: Parameters<typeof shapeIssues>[0],
    input: I,
    change: (tx: Tx, kept: Kept, row: DeclarationRow, version: VersionRow) => Promise<void>,
  ): Promise<Declaration> {
    return keep(actor, id, `admin.declaration_version_${act}` as AuditAction, async (tx, kept, row) => {
      const version = await versionOf(tx, row, versionId);
      refuseIfAny(shapeIssues(schema, input));
      const refusal = versionActionRefusal(versionFacts(version), row.mode, act);
      if (refusal) {
        throw new DomainError('conflict', {
          detail: refusal,
          rule: act === 'complete' ? CONTRIBUTION_RULE : STATUS_RULE,
        });
      }
      await change(tx, kept, row, version);
      await record(tx, kept, `admin.declaration_version_${act}` as AuditAction, [
        declarationRef(row.id),
        versionRef(version.id),
      ]);
      return view(tx, row);
    });
  }

  return {
    /** The controller's declarations, and what its compliance dashboard lists of them. */
    listDeclarations(actor: Actor): Promise<DeclarationList> {
      return manage(actor, 'admin.declarations_listed', async (tx, kept) => {
        const rows = await declarations.ofOrganisation(tx, kept.organisationId);
        const ids = rows.map((row) => row.id);
        const [mappings, latest, items] = await Promise.all([
          declarations.mappings(tx, ids),
          declarations.latestVersions(tx, ids),
          declarations.updateItems(tx, ids),
        ]);
        const list = rows.map((row) => {
          const last = latest.find((version) => version.declaration_id === row.id);
          return {
            id: row.id,
            purposes: row.purposes as PurposeCode[],
            mode: row.mode,
            frameworks: mappings
              .filter((mapping) => mapping.declaration_id === row.id)
              .map((mapping) => ({
                frameworkId: mapping.framework_id,
                frameworkName: mapping.framework_name,
              })),
            status: declarationStatus(last),
            lifecycle: declarationLifecycle(last),
            registerNumber: row.register_number,
            lastSubmittedOn: last?.submitted_on ?? null,
            openUpdateItems: items.filter(
              (item) => item.declaration_id === row.id && item.resolved_at === null,
            ).length,
            updatedAt: new Date(row.updated_at).toISOString(),
          };
        });
        await record(tx, kept, 'admin.declarations_listed', ids.map(declarationRef));
        return {
          declarations: list,
          complianceItems: await declarationComplianceItems(deps, tx, kept.organisationId),
        };
      });
    },

    /** A draft declaration of the actor's controller for a purpose set (DCL-17), with its frameworks. */
    createDeclaration(actor: Actor, input: CreateDeclaration): Promise<Declaration> {
      return manage(actor, 'admin.declaration_created', async (tx, kept) => {
        refuseIfAny(shapeIssues(CreateDeclarationSchema, input));
        const mode = input.mode ?? 'commission';
        refuseIfAny(modeIssues(mode, input));
        const purposes = [...input.purposes].sort() as PurposeCode[];
        const frameworks = input.frameworks ?? [];
        await checkedMappings(tx, kept.organisationId, null, frameworks, purposes);
        const now = clock.now();
        const row = await declarations.insert(tx, {
          organisation_id: kept.organisationId,
          purposes,
          language: input.language,
          mode,
          sectoral_committee: input.sectoralCommittee?.committee ?? null,
          sectoral_authorisation_reference: input.sectoralCommittee?.authorisationReference ?? null,
          sectoral_authorisation_date: input.sectoralCommittee?.authorisationDate ?? null,
          exemption_royal_decree: input.royalDecreeExemption?.royalDecree ?? null,
          purpose_description: input.purposeDescription ?? null,
          // DCL-14: the summary of the security plan is where the DPO starts from.
          security_description:
            input.securityDescription ?? DECLARATION_TEXTS[input.language].defaultSecurity,
          specific_risk_royal_decree: input.specificRisk?.royalDecree ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await replaceMappings(tx, row, frameworks, actor.userId);
        await declarations.replaceRiskConditions(tx, row.id, input.specificRisk?.conditions ?? []);
        await record(tx, kept, 'admin.declaration_created', [declarationRef(row.id)]);
        return view(tx, row);
      });
    },

    viewDeclaration(actor: Actor, id: string): Promise<Declaration> {
      return keep(
        actor,
        id,
        'admin.declaration_viewed',
        async (tx, kept, row) => {
          await record(tx, kept, 'admin.declaration_viewed', [declarationRef(row.id)]);
          return view(tx, row);
        },
        { lock: false },
      );
    },

    /**
     * The maintained fields and the frameworks covered. A change of what was declared takes effect
     * only once the modification is submitted (DCL-21): the go-live gate reads the last version.
     */
    updateDeclaration(actor: Actor, id: string, input: UpdateDeclaration): Promise<Declaration> {
      return keep(actor, id, 'admin.declaration_updated', async (tx, kept, row) => {
        refuseIfAny(shapeIssues(UpdateDeclarationSchema, input));
        refuseWhenCeased((await declarations.latestVersions(tx, [row.id]))[0]);
        const mode = input.mode ?? row.mode;
        const sectoralCommittee =
          input.sectoralCommittee !== undefined
            ? input.sectoralCommittee
            : row.sectoral_committee
              ? {
                  committee: row.sectoral_committee,
                  authorisationReference: row.sectoral_authorisation_reference!,
                  authorisationDate: row.sectoral_authorisation_date!,
                }
              : null;
        const royalDecreeExemption =
          input.royalDecreeExemption !== undefined
            ? input.royalDecreeExemption
            : row.exemption_royal_decree
              ? { royalDecree: row.exemption_royal_decree }
              : null;
        refuseIfAny(modeIssues(mode, { sectoralCommittee, royalDecreeExemption }));
        const purposes = [...(input.purposes ?? row.purposes)].sort() as PurposeCode[];
        const frameworks =
          input.frameworks ??
          (await declarations.mappings(tx, [row.id])).map((mapping) => ({
            frameworkId: mapping.framework_id,
            processingName: { fr: mapping.name_fr, nl: mapping.name_nl },
          }));
        await checkedMappings(tx, row.organisation_id, row.id, frameworks, purposes);
        const updated = await declarations.update(tx, row.id, {
          purposes,
          ...(input.language !== undefined && { language: input.language }),
          mode,
          sectoral_committee: sectoralCommittee?.committee ?? null,
          sectoral_authorisation_reference: sectoralCommittee?.authorisationReference ?? null,
          sectoral_authorisation_date: sectoralCommittee?.authorisationDate ?? null,
          exemption_royal_decree: royalDecreeExemption?.royalDecree ?? null,
          ...(input.purposeDescription !== undefined && { purpose_description: input.purposeDescription }),
          ...(input.securityDescription !== undefined && { security_description: input.securityDescription }),
          ...(input.specificRisk !== undefined && {
            specific_risk_royal_decree: input.specificRisk?.royalDecree ?? null,
          }),
          updated_by: actor.userId,
          updated_at: clock.now(),
        });
        if (input.frameworks !== undefined)
          await replaceMappings(tx, updated, input.frameworks, actor.userId);
        if (input.specificRisk !== undefined) {
          await declarations.replaceRiskConditions(tx, row.id, input.specificRisk?.conditions ?? []);
        }
        await record(tx, kept, 'admin.declaration_updated', [declarationRef(row.id)]);
        return view(tx, updated);
      });
    },

    /** What the configuration would declare today (JSON or PDF); a missing field refuses it, named. */
    previewDocument(actor: Actor, id: string, format: 'json' | 'pdf'): Promise<DeclarationFile> {
      return keep(
        actor,
        id,
        'admin.declaration_exported',
        async (tx, kept, row) => {
          const content = await generated(tx, row, today());
          await record(tx, kept, 'admin.declaration_exported', [declarationRef(row.id)], 'preview');
          return document(row, content, 'preview', format, actor.userId);
        },
        { lock: false },
      );
    },

    /** A submitted version as it was declared (JSON or PDF). */
    versionDocument(
      actor: Actor,
      id: string,
      versionId: string,
      format: 'json' | 'pdf',
    ): Promise<DeclarationFile> {
      return keep(
        actor,
        id,
        'admin.declaration_exported',
        async (tx, kept, row) => {
          const version = await versionOf(tx, row, versionId);
          await record(tx, kept, 'admin.declaration_exported', [
            declarationRef(row.id),
            versionRef(version.id),
          ]);
          return document(
            row,
            JSON.parse(version.content) as DeclarationContent,
            version.number,
            format,
            actor.userId,
          );
        },
        { lock: false },
      );
    },

    /**
     * DCL-01, DCL-21: records that the declaration (or its modification) was made on `submittedOn`:
     * the §3 content is generated from the configuration and kept as submitted; open update items
     * are resolved by it. Data entry in the frameworks it covers is allowed from now on.
     */
    submitDeclaration(actor: Actor, id: string, input: SubmitDeclaration): Promise<Declaration> {
      return keep(actor, id, 'admin.declaration_submitted', async (tx, kept, row) => {
        refuseIfAny(shapeIssues(SubmitDeclarationSchema, input));
        const [latest] = await declarations.versions(tx, [row.id]);
        refuseWhenCeased(latest);
        refuseIfAny(
          dayIssues(
            '/body/submittedOn',
            input.submittedOn,
            today(),
            latest && { day: latest.submitted_on, what: `version ${latest.number}` },
          ),
          STATUS_RULE,
        );
        const content = await generated(tx, row, input.submittedOn);
        const { json, sha256 } = serialiseContent(content);
        const same = latest && (await conformityOf(deps, tx, row, latest)).conformity.conforms === true;
        // A modification declares a change; the same content again is only worth it to complete an incomplete one.
        if (same && latest.status !== 'incomplete') {
          throw new DomainError('conflict', {
            detail: `The configuration matches version ${latest.number}: there is no modification to declare`,
            rule: 'L2007 art. 17 §7',
          });
        }
        const mappings = await declarations.mappings(tx, [row.id]);
        const version = await declarations.insertVersion(tx, {
          declaration_id: row.id,
          number: (latest?.number ?? 0) + 1,
          kind: nextVersionKind(latest),
          content: json,
          content_sha256: sha256,
          purposes: row.purposes,
          framework_ids: mappings.map((mapping) => mapping.framework_id),
          submitted_on: input.submittedOn,
          submitted_by: actor.userId,
          recorded_at: clock.now(),
        });
        const resolved = await declarations.resolveItems(tx, row.id, version.id, clock.now());
        await record(tx, kept, 'admin.declaration_submitted', [
          declarationRef(row.id),
          versionRef(version.id),
          ...resolved.map((item) => ({ type: 'declaration_update_item', id: item.id })),
        ]);
        return view(tx, row);
      });
    },

    /**
     * DCL-21 (art. 17 §7; L1992: a prior notification): the end of the processing, declared before
     * it takes effect. From then on no data is entered under it (the gate reads the last version),
     * and its frameworks may be declared anew.
     */
    ceaseDeclaration(actor: Actor, id: string, input: CeaseDeclaration): Promise<Declaration> {
      return keep(actor, id, 'admin.declaration_ceased', async (tx, kept, row) => {
        refuseIfAny(shapeIssues(CeaseDeclarationSchema, input));
        const [latest] = await declarations.versions(tx, [row.id]);
        refuseWhenCeased(latest);
        if (!latest) {
          throw new DomainError('conflict', {
            detail: 'A draft was never declared: there is no processing whose end to declare',
            rule: CESSATION_RULE,
          });
        }
        refuseIfAny(
          dayIssues('/body/submittedOn', input.submittedOn, today(), {
            day: latest.submitted_on,
            what: `version ${latest.number}`,
          }),
          CESSATION_RULE,
        );
        // What ends is what was declared last: its content, dated by the cessation.
        const content = {
          ...(JSON.parse(latest.content) as DeclarationContent),
          declarationDate: input.submittedOn,
        };
        const { json, sha256 } = serialiseContent(content);
        const version = await declarations.insertVersion(tx, {
          declaration_id: row.id,
          number: latest.number + 1,
          kind: 'cessation',
          content: json,
          content_sha256: sha256,
          purposes: latest.purposes,
          framework_ids: latest.framework_ids,
          submitted_on: input.submittedOn,
          submitted_by: actor.userId,
          recorded_at: clock.now(),
        });
        await declarations.removeMappings(tx, row.id);
        await declarations.resolveItems(tx, row.id, version.id, clock.now());
        await record(tx, kept, 'admin.declaration_ceased', [declarationRef(row.id), versionRef(version.id)]);
        return view(tx, row);
      });
    },

    /** DCL-03: the Commission's acknowledgement of receipt, on or after the submission. */
    acknowledgeVersion(
      actor: Actor,
      id: string,
      versionId: string,
      input: AcknowledgeVersion,
    ): Promise<Declaration> {
      return actOnVersion(
        actor,
        id,
        versionId,
        'acknowledge',
        AcknowledgeVersionSchema,
        input,
        async (tx, _kept, row, version) => {
          refuseIfAny(
            dayIssues('/body/acknowledgedOn', input.acknowledgedOn, today(), {
              day: version.submitted_on,
              what: 'the submission',
            }),
            STATUS_RULE,
          );
          await declarations.updateVersion(tx, version.id, {
            status: 'acknowledged',
            acknowledged_on: input.acknowledgedOn,
          });
          // The alert of a late acknowledgement is answered.
          await deps.notifications.acknowledgeAbout(
            tx,
            {
              organisationId: row.organisation_id,
              kind: 'declaration_acknowledgement_overdue',
              subjectId: version.id,
            },
            actor.userId,
            clock.now(),
          );
        },
      );
    },

    /** DCL-03: the Commission found the declaration incomplete: a correction item opens. */
    recordIncomplete(
      actor: Actor,
      id: string,
      versionId: string,
      input: RecordIncomplete,
    ): Promise<Declaration> {
      return actOnVersion(
        actor,
        id,
        versionId,
        'record_incomplete',
        RecordIncompleteSchema,
        input,
        async (tx, kept, row, version) => {
          refuseIfAny(
            dayIssues('/body/notifiedOn', input.notifiedOn, today(), {
              day: version.submitted_on,
              what: 'the submission',
            }),
            STATUS_RULE,
          );
          await declarations.updateVersion(tx, version.id, {
            status: 'incomplete',
            incomplete_on: input.notifiedOn,
            incomplete_reason: input.reason.trim(),
          });
          await openUpdateItem(deps, tx, row, 'commission_incomplete', [], clock.now(), kept.who);
        },
      );
    },

    /** DCL-23: the contribution paid (at most 10,000 francs), or recorded as not required with why. */
    recordPayment(actor: Actor, id: string, versionId: string, input: RecordPayment): Promise<Declaration> {
      return actOnVersion(
        actor,
        id,
        versionId,
        'record_payment',
        RecordPaymentSchema,
        input,
        async (tx, _kept, _row, version) => {
          refuseIfAny(paymentIssues(input, today()), CONTRIBUTION_RULE);
          await declarations.updateVersion(
            tx,
            version.id,
            'notRequired' in input
              ? { payment_not_required_reason: input.notRequired.reason.trim() }
              : {
                  contribution_cents: input.amount.cents,
                  contribution_currency: input.amount.currency,
                  paid_on: input.paidOn,
                  payment_reference: input.reference.trim(),
                },
          );
        },
      );
    },

    /** DCL-03, DCL-23: completed, once acknowledged and paid (or relieved of payment). */
    completeVersion(
      actor: Actor,
      id: string,
      versionId: string,
      input: CompleteVersion,
    ): Promise<Declaration> {
      return actOnVersion(
        actor,
        id,
        versionId,
        'complete',
        CompleteVersionSchema,
        input,
        async (tx, _kept, _row, version) => {
          refuseIfAny(
            dayIssues('/body/completedOn', input.completedOn, today(), {
              day: version.acknowledged_on ?? version.submitted_on,
              what: version.acknowledged_on ? 'the acknowledgement' : 'the submission',
            }),
            STATUS_RULE,
          );
          await declarations.updateVersion(tx, version.id, {
            status: 'completed',
            completed_on: input.completedOn,
          });
        },
      );
    },

    /** DCL-24: the identification number the Commission gave the processing in its register. */
    setRegisterNumber(actor: Actor, id: string, input: RegisterNumberInput): Promise<Declaration> {
      return keep(actor, id, 'admin.declaration_register_number', async (tx, kept, row) => {
        refuseIfAny(shapeIssues(RegisterNumberSchema, input));
        const [latest] = await declarations.versions(tx, [row.id]);
        refuseWhenCeased(latest);
        const refusal = registerNumberRefusal(row.mode, latest !== undefined);
        if (refusal)
          throw new DomainError('conflict', { detail: refusal, rule: 'L2007 art. 18 (SPEC DCL-24)' });
        const number = input.registerNumber.trim();
        const holder = await declarations.byRegisterNumber(tx, number);
        if (holder && holder.id !== row.id) {
          throw new DomainError('validation_failed', {
            detail: 'The input is invalid',
            fields: [{ field: '/body/registerNumber', message: 'is the number of another declaration' }],
            rule: 'L2007 art. 18 (SPEC DCL-24)',
          });
        }
        const updated = await declarations.update(tx, row.id, {
          register_number: number,
          register_number_recorded_at: clock.now(),
          updated_by: actor.userId,
          updated_at: clock.now(),
        });
        await record(tx, kept, 'admin.declaration_register_number', [declarationRef(row.id)]);
        return view(tx, updated);
      });
    },

    /** SEC-10: the configuration against the last version; a difference opens the update item (DCL-21). */
    checkConformity(actor: Actor, id: string): Promise<ConformityCheck> {
      return keep(actor, id, 'admin.declaration_conformity_checked', async (tx, kept, row) => {
        const { result, item } = await reviewDeclaration(deps, tx, row, clock.now(), kept.who);
        await record(tx, kept, 'admin.declaration_conformity_checked', [declarationRef(row.id)]);
        return { conformity: result.conformity, updateItem: item && presentUpdateItem(item) };
      });
    },

    /** DCL-28: a condition of the royal decree on processing with specific risks is met. */
    fulfilCondition(
      actor: Actor,
      id: string,
      conditionId: string,
      input: FulfilCondition,
    ): Promise<Declaration> {
      return keep(actor, id, 'admin.declaration_risk_condition_fulfilled', async (tx, kept, row) => {
        refuseIfAny([
          ...shapeIssues(IdSchema, conditionId, 'params/conditionId'),
          ...shapeIssues(FulfilConditionSchema, input),
        ]);
        const condition = row.specific_risk_royal_decree
          ? await declarations.condition(tx, row.id, conditionId)
          : undefined;
        if (!condition)
          throw new DomainError('not_found', { detail: 'No such condition of this declaration' });
        if (
          !(await declarations.fulfilCondition(
            tx,
            row.id,
            conditionId,
            actor.userId,
            clock.now(),
            input.note?.trim() ?? null,
          ))
        ) {
          throw new DomainError('conflict', {
            detail: 'The condition is fulfilled already',
            rule: 'L2007 art. 17bis (SPEC DCL-28)',
          });
        }
        await record(tx, kept, 'admin.declaration_risk_condition_fulfilled', [
          declarationRef(row.id),
          { type: 'declaration_risk_condition', id: conditionId },
        ]);
        return view(tx, row);
      });
    },

    /**
     * DCL-22 (L2007 art. 17 §8 al. 2): someone asked the controller of an exempted processing for its
     * §§3 and 6 information: the request is kept (channel and day) and the sheet given.
     */
    recordSheetRequest(actor: Actor, id: string, input: SheetRequest): Promise<DeclarationContent> {
      return keep(actor, id, 'admin.declaration_sheet_given', async (tx, kept, row) => {
        refuseIfAny(shapeIssues(SheetRequestSchema, input));
        if (row.mode !== 'royal_decree_exemption') {
          throw new DomainError('conflict', {
            detail:
              'A declared processing is in the public register (art. 18): only an exempted one is given on request',
            rule: 'L2007 art. 17 §8 al. 2 (SPEC DCL-22)',
          });
        }
        const [latest] = await declarations.versions(tx, [row.id]);
        refuseWhenCeased(latest);
        if (!latest) {
          throw new DomainError('conflict', {
            detail: 'Establish the information sheet first: record it as submitted',
            rule: 'L2007 art. 17 §8 al. 2 (SPEC DCL-22)',
          });
        }
        refuseIfAny(dayIssues('/body/receivedOn', input.receivedOn, today()));
        const request = await declarations.insertSheetRequest(tx, {
          declaration_id: row.id,
          channel: input.channel,
          received_on: input.receivedOn,
          served_at: clock.now(),
          served_by: actor.userId,
        });
        await record(tx, kept, 'admin.declaration_sheet_given', [
          declarationRef(row.id),
          { type: 'declaration_sheet_request', id: request.id },
        ]);
        return JSON.parse(latest.content) as DeclarationContent;
      });
    },

    /** DCL-24: the parties of a framework and their declarations, for the framework page. */
    frameworkDeclarations(actor: Actor, frameworkId: string): Promise<FrameworkDeclarations> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(IdSchema, frameworkId, 'params/frameworkId'));
        const context = await access.enter(tx, actor);
        const [framework] = await declarations.frameworks(tx, [frameworkId]);
        const parties = await declarations.parties(tx, [frameworkId]);
        const facts: FrameworkFacts | undefined = framework && {
          id: framework.id,
          state: framework.state as FrameworkFacts['state'],
          organiserOrganisationId: framework.organiser_organisation_id,
          participantIds: parties.filter((p) => p.role === 'participant').map((p) => p.organisation_id),
        };
        access.require(context, { action: 'framework.view', framework: facts }, 'admin.framework_viewed');
        const rows = await declarations.mappingFramework(tx, frameworkId);
        const latest = await declarations.latestVersions(
          tx,
          rows.map((row) => row.id),
        );
        return {
          frameworkId,
          parties: parties.map((party) => {
            const row = rows.find((r) => r.organisation_id === party.organisation_id);
            const last = row && latest.find((version) => version.declaration_id === row.id);
            return {
              organisation: { id: party.organisation_id, legalName: party.legal_name },
              role: party.role,
              declared:
                last !== undefined && last.kind !== 'cessation' && last.framework_ids.includes(frameworkId),
              status: declarationStatus(last),
              registerNumber: row ? (row.register_number ?? row.sectoral_authorisation_reference) : null,
              submittedOn: last?.submitted_on ?? null,
            };
          }),
        };
      });
    },
  };
}

export type DeclarationService = ReturnType<typeof createDeclarationService>;
