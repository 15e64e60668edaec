/**
 * The rights desk of each controller (L2007 arts 10, 12, 13, 15; bill arts 6-7; SPEC §9). Its DPO
 * takes in a dated and signed request with the proof of identity; Concerto finds the person in
 * every case through the blind indexes and gives each controller holding data a part of its own,
 * on its route, with its clock; each desk answers its part, carries out what it grants as
 * versions, and tells every recipient of the data. Each use case is one transaction: the access
 * decision (`access.enterControllerDesk`), the operation, then its audit event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type AccessAnswer,
  type AnswerRightsPart,
  AnswerRightsPartSchema,
  type DisclosureList,
  type ExecuteRightsChange,
  ExecuteRightsChangeSchema,
  type IntakeRightsRequest,
  IntakeRightsRequestSchema,
  type RecordExternalDisclosure,
  type ReplyLetter,
  RecordExternalDisclosureSchema,
  type RightsPart,
  type RightsPartList,
  type RightsReceipt,
} from '../../../contracts/rights.js';
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { RightsRecipientNoticesTable } from '../../db/schema.js';
import type { AuditEvent, UserActor } from '../../kernel/audit/index.js';
import type { BlindIndex } from '../../kernel/crypto/blind-index.js';
import { MEDIA_TYPE_EXTENSIONS, sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, type Regime } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { readIdentity, readItemPayload } from '../cases/case-presenter.js';
import { type CaseDeps, caseOpener, caseScope } from '../cases/open-case.js';
import { contestedState } from '../contested/contested-state.js';
import { courtActionsFollowing } from '../contested/court-action-record.js';
import { markContested } from '../contested/mark-contested.js';
import { activeRestrictions } from '../restrictions/active-restrictions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { type AnswerRecord, accessAnswerJson, accessAnswerPdfSpec } from './access-answer-document.js';
import { evidencePack, json, type PackArtefact, type PackSigning } from './evidence-pack.js';
import { type AuditEventRow, auditEventsAboutPart } from './evidence.repository.js';
import { PAPER_FIELDS, type PaperContent } from '../paper-parts/paper-part-presenter.js';
import { objectionOf } from './objection-rules.js';
import { replyLetter, replyLetterPdfSpec } from './reply-letter.js';
import { controllerDeadline, partClocks, prosecutorDeadline } from './rights-clocks.js';
import { applyChange, EXECUTION_RULE, refuseChangeFor } from './rights-execution.js';
import { RIGHTS_FIELDS, type RequesterRecord, rightsScope } from './rights-fields.js';
import { marksContested, planParts } from './rights-routing.js';
import { routingFacts } from './routing-facts.js';
import type { DeskPartRow, RightsRepository } from './rights.repository.js';

export interface RightsServiceDeps extends CaseDeps {
  rights: RightsRepository;
  blindIndex: BlindIndex;
  /** RGT-CRT-01: the audit checkpoint key and its name, which sign the evidence packs. */
  packSigning: PackSigning;
}

const INTAKE_RULE = 'L2007 art. 10 §1 al. 2, art. 12 §2 (SPEC RGT-GEN-01)';
const IDENTITY_RULE = 'L2007 art. 10 §1 al. 1 (SPEC RGT-ACC-02)';
const PACK_RULE = 'L2007 art. 14 §1-§5 (SPEC RGT-CRT-01)';
const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** SPEC RGT-CON-01: the requests whose receipt marks the data contested (L2007 art. 15). */
const CONTESTING = { rectification: 'rectification_request', erasure: 'erasure_request', prohibition: 'prohibition_request' } as const;

export function createRightsService(deps: RightsServiceDeps) {
  const { db, rights, records, notifications, access, audit, envelope, clock, rules, blindIndex, packSigning } = deps;
  const openCase = caseOpener(deps);

  function decodeDocument(document: { mediaType: string; contentBase64: string }, field: string): { bytes: Buffer; issues: FieldIssue[] } {
    const bytes = Buffer.from(document.contentBase64, 'base64');
    const issues: FieldIssue[] = [];
    if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) issues.push({ field, message: 'must hold a document of at most 2 MB' });
    else if (sniffMediaType(bytes) !== document.mediaType) issues.push({ field: `${field}/mediaType`, message: 'does not match the document' });
    return { bytes, issues };
  }

  async function indexesOf(requester: IntakeRightsRequest['requester']) {
    const issues: FieldIssue[] = [];
    const attempt = async (compute: () => Promise<Buffer>) => {
      try {
        return await compute();
      } catch (error) {
        if (!(error instanceof DomainError) || !error.details.fields) throw error;
        issues.push(...error.details.fields);
        return null;
      }
    };
    const nrn = requester.nationalNumber
      ? await attempt(() => blindIndex.nrn(requester.nationalNumber!, '/body/requester/nationalNumber'))
      : null;
    const nameDob = await attempt(() =>
      blindIndex.nameAndBirthDate(requester.name, requester.birthDate, {
        name: '/body/requester/name',
        birthDate: '/body/requester/birthDate',
      }),
    );
    return { nrn, nameDob, issues };
  }

  /** The intake's checks of RGT-GEN-01: signed, dated no later than received, received no later than now. */
  function intakeIssues(input: IntakeRightsRequest, now: Date): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!input.signed) issues.push({ field: '/body/signed', message: 'the request must be signed' });
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime()) issues.push({ field: '/body/receivedAt', message: 'cannot be in the future' });
    if (input.datedOn > brusselsDateOf(receivedAt)) issues.push({ field: '/body/datedOn', message: 'cannot be after the day it was received' });
    if ((input.kind === 'objection') !== (input.objectionGround !== undefined)) {
      issues.push({ field: '/body/objectionGround', message: 'an objection, and only an objection, states its ground' });
    }
    if (input.identity.method === 'id_document_copy' && !input.identity.proof) {
      issues.push({ field: '/body/identity/proof', message: 'a copy of the identity document is required for this method' });
    }
    return issues;
  }

  /** Writes the marks of one controller's items, at its own desk (the intake cannot see them). */
  async function markAtDesk(tx: Tx, context: AccessContext, controllerId: string, itemIds: string[], cause: (typeof CONTESTING)[keyof typeof CONTESTING], requestId: string, since: Date) {
    await access.switchControllerDesk(tx, context, controllerId);
    const event = await markContested(deps, tx, {
      itemIds,
      cause,
      reference: requestId,
      since,
      userId: context.facts.userId,
      organisationId: controllerId,
    });
    await access.switchControllerDesk(tx, context, context.facts.organisationId);
    return event;
  }

  async function requesterOf(tx: Tx, row: Pick<DeskPartRow, 'request_id' | 'requester'>): Promise<RequesterRecord> {
    const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
    return JSON.parse(await cipher.decryptText(...RIGHTS_FIELDS.requester(), row.requester)) as RequesterRecord;
  }

  async function presentPart(tx: Tx, context: AccessContext, row: DeskPartRow): Promise<RightsPart> {
    const requester = await requesterOf(tx, row);
    const clocks = partClocks(
      rules,
      {
        kind: row.kind,
        route: row.route,
        regime: row.regime as Regime,
        receivedAt: new Date(row.received_at),
        datedOn: row.dated_on,
        answeredAt: row.answered_at ? new Date(row.answered_at) : null,
        rejected: row.outcome === 'rejected',
      },
      clock.now(),
    );
    return {
      id: row.id,
      requestId: row.request_id,
      kind: row.kind,
      receivedAt: new Date(row.received_at).toISOString(),
      datedOn: row.dated_on,
      language: row.language,
      requesterName: requester.name,
      controller: { id: row.controller_organisation_id, legalName: row.legal_name },
      route: row.route,
      routeReason: row.route_reason,
      identityVerified: row.identity_verified_at !== null,
      receivedHere: row.intake_organisation_id === context.facts.organisationId,
      clock: clocks.clock,
      prosecutorClock: clocks.prosecutorClock,
      repeat: await repeatOf(tx, row),
      status: row.status,
      outcome: row.outcome,
      answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
      courtActionAdmissible: clocks.courtActionAdmissible,
      objection: row.kind === 'objection' && row.objection_ground === 'particular_situation' ? objectionOf(row.lawful_ground) : null,
      records: row.records,
    };
  }

  /**
   * SPEC RGT-ACC-06 (L2007 art. 10 §3; L1992 art. 10 §2): the desk's earlier answered access
   * request of the same person within the interval; answering is recommended when the data
   * changed since it. The desk decides, with reasons (a deferral needs them).
   */
  async function repeatOf(tx: Tx, row: DeskPartRow): Promise<RightsPart['repeat']> {
    if (row.kind !== 'access' || row.route === 'judicial' || row.route === 'commission') return null;
    const receivedAt = new Date(row.received_at);
    const [previous] = await rights.answeredBefore(
      tx,
      row.controller_organisation_id,
      { nrn: row.nrn_index, nameDob: row.name_dob_index },
      'access',
      receivedAt,
    );
    if (!previous || !rules.isRepeatAccessRequest(row.regime as Regime, new Date(previous.received_at), receivedAt)) return null;
    const itemIds = row.records.filter((r) => r.type === 'item').map((r) => r.id);
    const changed = await rights.changedSince(tx, itemIds, new Date(previous.answered_at!));
    return { previousRequestId: previous.id, recommendation: changed ? 'answer_recommended' : 'repeat' };
  }

  /** The desk's part, or a 404: another controller's part does not exist for this desk. */
  async function deskPart(tx: Tx, partId: string): Promise<DeskPartRow> {
    refuseIfAny(shapeIssues(IdSchema, partId, 'params/partId'));
    const row = await rights.partById(tx, partId);
    if (!row) throw new DomainError('not_found', { detail: 'No such request' });
    return row;
  }

  /** Only the desk that answers the part's route acts on it: the office on the prosecutor's route. */
  function requireAnswerer(context: AccessContext, row: DeskPartRow): void {
    const answerer = row.route === 'prosecutor' ? row.prosecutor_office_id : row.controller_organisation_id;
    if (answerer !== context.facts.organisationId) {
      throw new DomainError('forbidden', {
        detail: row.route === 'prosecutor' ? 'The procureur du Roi answers this request' : "The controller's desk answers this request",
        rule: row.route === 'prosecutor' ? 'bill art. 7 al. 2 (SPEC RGT-RST-09)' : 'bill art. 3 §1 al. 2 (SPEC RGT-GEN-02)',
      });
    }
  }

  function requireVerified(row: DeskPartRow): void {
    if (row.identity_verified_at === null) {
      throw new DomainError('conflict', { detail: "The requester's identity is not verified yet", rule: IDENTITY_RULE });
    }
  }

  const partEvent = (who: UserActor, action: AuditEvent['action'], row: DeskPartRow, reason?: string): AuditEvent => ({
    actor: who,
    action,
    outcome: 'success',
    records: [
      { type: 'rights_request', id: row.request_id },
      { type: 'rights_part', id: row.id },
    ],
    ...(reason ? { reason } : {}),
  });

  /** What the controller holds on the person, worded for the answer (SPEC RGT-ACC-01). */
  async function answerRecords(tx: Tx, row: DeskPartRow): Promise<{ records: AnswerRecord[]; caseIds: string[]; itemIds: string[] }> {
    const today = brusselsDateOf(clock.now());
    const idsOf = (type: DeskPartRow['records'][number]['type']) => row.records.filter((r) => r.type === type).map((r) => r.id);
    const itemIds = idsOf('item');
    const [persons, items, papers, contested] = await Promise.all([
      rights.personsByIds(tx, idsOf('person')),
      rights.itemsByIds(tx, itemIds, today),
      rights.paperPartsByIds(tx, idsOf('paper_part')),
      contestedState(tx, itemIds),
    ]);
    const caseIds = [...new Set(row.records.map((r) => r.caseId))];
    const ciphers = new Map(await Promise.all(caseIds.map(async (id) => [id, await envelope.openScope(tx, caseScope(id))] as const)));
    const out: AnswerRecord[] = [];
    for (const person of persons) {
      out.push({
        kind: 'person',
        categories: ['C01'],
        content: JSON.stringify(await readIdentity(ciphers.get(person.case_id)!, person)),
        provenance: null,
        recordedAt: new Date(person.created_at),
        contestedSince: null,
      });
    }
    for (const item of items) {
      // An erased or blocked item is no longer processed (art. 12 §1 al. 5): nothing to communicate.
      if (item.erased_at || item.blocked_at) continue;
      out.push({
        kind: 'item',
        categories: [item.category],
        content: (await readItemPayload(ciphers.get(item.case_id)!, item)).content,
        provenance: item.provenance,
        recordedAt: new Date(item.created_at),
        contestedSince: contested.get(item.id)?.since ?? null,
      });
    }
    for (const paper of papers) {
      // SCO-09: a paper file is processing too; its index and where it is kept are communicated.
      const cipher = ciphers.get(paper.case_id)!;
      const content = JSON.parse(await cipher.decryptText(...PAPER_FIELDS.content(paper.id, paper.version), paper.content)) as PaperContent;
      out.push({
        kind: 'paper_part',
        categories: [...paper.categories].sort(),
        content: `${content.description}: ${content.contentIndex}`,
        provenance: null,
        recordedAt: new Date(paper.registered_at),
        contestedSince: null,
      });
    }
    // Oldest first, as the person would read their file.
    out.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    return { records: out, caseIds, itemIds };
  }

  /** The answer's reasons, decrypted from the request's scope (RGT-CRT-02). */
  async function reasonsOf(tx: Tx, row: DeskPartRow): Promise<string | null> {
    if (!row.answer) return null;
    const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
    return cipher.decryptText(...RIGHTS_FIELDS.answer(row.id), row.answer);
  }

  /** The letter to the person (RGT-OBJ-02, RGT-JUD-01, RGT-CRT-02), for the desk and the evidence pack. */
  async function letterOf(tx: Tx, row: DeskPartRow): Promise<ReplyLetter> {
    const requester = await requesterOf(tx, row);
    return replyLetter({
      language: row.language,
      controller: row.legal_name,
      requesterName: requester.name,
      receivedAt: new Date(row.received_at),
      kind: row.kind,
      outcome: row.outcome ?? 'routed_judicial',
      reasons: await reasonsOf(tx, row),
      directMarketing: row.objection_ground === 'direct_marketing',
      objectionExcluded: row.kind === 'objection' && !(objectionOf(row.lawful_ground)?.applies ?? true),
      answeredAt: row.answered_at ? new Date(row.answered_at) : null,
    });
  }

  /**
   * RGT-CRT-01: the audit events of the part for its evidence pack, each with its position and
   * leaf hash in the log. Only the records of this request, this part and its data are kept: a
   * record of another controller's part or data is counted, not named (a desk may not learn of it).
   */
  function packAuditEvents(row: DeskPartRow, events: readonly AuditEventRow[], courtActionIds: readonly string[]) {
    const known = new Set([
      `rights_request:${row.request_id}`,
      `rights_part:${row.id}`,
      ...row.records.map((r) => `${r.type}:${r.id}`),
      ...courtActionIds.map((id) => `court_action:${id}`),
    ]);
    return events.map((event) => {
      const payload = JSON.parse(event.payload) as AuditEvent & { records?: { type: string; id: string }[] };
      const records = (payload.records ?? []).filter((r) => known.has(`${r.type}:${r.id}`));
      return {
        position: event.position,
        leafHash: event.leaf_hash.toString('hex'),
        recordedAt: event.recorded_at.toISOString(),
        action: payload.action,
        outcome: payload.outcome,
        reason: payload.reason ?? null,
        actor: payload.actor,
        records,
        otherRecords: (payload.records ?? []).length - records.length,
      };
    });
  }

  async function compileAnswer(tx: Tx, row: DeskPartRow): Promise<AccessAnswer> {
    const { records: held, caseIds, itemIds } = await answerRecords(tx, row);
    const [controller] = await rights.organisations(tx, [row.controller_organisation_id]);
    const frameworkIds = await rights.frameworkIdsOf(tx, caseIds);
    const frameworks = await rights.frameworks(tx, frameworkIds);
    const disclosures = await rights.disclosuresOf(tx, itemIds, row.controller_organisation_id);
    const requester = await requesterOf(tx, row);
    const healthProfessional = row.health_professional
      ? JSON.parse(
          await (await envelope.openScope(tx, rightsScope(row.request_id))).decryptText(
            ...RIGHTS_FIELDS.healthProfessional(row.id),
            row.health_professional,
          ),
        )
      : null;
    return accessAnswerJson({
      language: row.language,
      controller: {
        legalName: controller!.legal_name,
        address: controller!.address,
        rightsContact: controller!.rights_contact,
        dpo: controller!.dpo_name ? `${controller!.dpo_name} (${controller!.dpo_contact})` : null,
      },
      requesterName: requester.name,
      receivedAt: new Date(row.received_at),
      purposes: [...new Set(frameworks.flatMap((f) => f.purposes))].sort(),
      // ROL-11 (L2007 art. 1 §7): an authority receiving data in a particular inquiry is no recipient.
      recipientClasses: [...new Set(disclosures.map((d) => d.recipient_class))].filter((c) => c !== 'inquiry_authority').sort(),
      records: held,
      healthProfessional,
    });
  }

  return {
    /** RGT-GEN-01, RGT-GEN-02, RGT-GEN-03, RGT-CON-01: takes in a request and routes its parts. */
    intake(actor: Actor, input: IntakeRightsRequest): Promise<RightsReceipt> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'collect');
        refuseIfAny(shapeIssues(IntakeRightsRequestSchema, input));
        const now = clock.now();
        const document = decodeDocument(input.document, '/body/document');
        const proof = input.identity.proof ? decodeDocument(input.identity.proof, '/body/identity/proof') : null;
        const indexes = await indexesOf(input.requester);
        refuseIfAny([...intakeIssues(input, now), ...document.issues, ...(proof?.issues ?? []), ...indexes.issues], INTAKE_RULE);

        const id = randomUUID();
        const receivedAt = new Date(input.receivedAt);
        const cipher = await envelope.openScope(tx, rightsScope(id));
        await rights.insertRequest(tx, {
          id,
          kind: input.kind,
          channel: input.channel,
          received_at: receivedAt,
          dated_on: input.datedOn,
          signed: input.signed,
          language: input.language,
          objection_ground: input.objectionGround ?? null,
          requester: await cipher.encrypt(...RIGHTS_FIELDS.requester(), JSON.stringify({ ...input.requester, text: input.text } satisfies RequesterRecord)),
          document: await cipher.encrypt(...RIGHTS_FIELDS.document(), document.bytes),
          document_media_type: input.document.mediaType,
          document_sha256: createHash('sha256').update(document.bytes).digest('hex'),
          identity_method: input.identity.method,
          identity_proof: proof ? await cipher.encrypt(...RIGHTS_FIELDS.identityProof(), proof.bytes) : null,
          nrn_index: indexes.nrn,
          name_dob_index: indexes.nameDob,
          intake_organisation_id: context.facts.organisationId,
          created_by: actor.userId,
          created_at: now,
        });

        // RGT-OBJ-03: no data are processed for direct marketing (PUR-07): the desk closes it, nobody else is asked.
        const directMarketing = input.objectionGround === 'direct_marketing';
        const matched = directMarketing ? [] : await rights.match(tx, indexes.nrn, indexes.nameDob);
        const facts = await routingFacts(
          tx,
          rights,
          [...matched.map((m) => m.controllerId), context.facts.organisationId],
          matched.map((m) => m.frameworkId),
          brusselsDateOf(now),
        );
        const plan = planParts(context.facts.organisationId, matched, facts.controllers, facts.frameworks);
        const { regimeOf } = facts;
        const parts = plan.map((part) => {
          const clockFacts = { kind: input.kind, route: part.route, regime: regimeOf.get(part.controllerId)!, receivedAt, datedOn: input.datedOn };
          const own = controllerDeadline(rules, clockFacts);
          const routed = part.route === 'judicial' || part.route === 'commission';
          if (directMarketing) {
            return {
              id: randomUUID(),
              request_id: id,
              controller_organisation_id: part.controllerId,
              route: part.route,
              route_reason: 'L2007 art. 12 §1 al. 3 (SPEC RGT-OBJ-03, PUR-07)',
              prosecutor_office_id: null,
              due_on: own?.date ?? null,
              due_rule: own?.rule ?? null,
              prosecutor_due_on: null,
              status: 'answered' as const,
              outcome: 'not_applicable' as const,
              answered_by: actor.userId,
              answered_at: now,
            };
          }
          return {
            id: randomUUID(),
            request_id: id,
            controller_organisation_id: part.controllerId,
            route: part.route,
            route_reason: part.reason,
            prosecutor_office_id: part.prosecutorOfficeId,
            due_on: own?.date ?? null,
            due_rule: own?.rule ?? null,
            prosecutor_due_on: prosecutorDeadline(rules, clockFacts)?.date ?? null,
            status: routed ? ('routed' as const) : ('received' as const),
            outcome: routed ? (part.route === 'judicial' ? ('routed_judicial' as const) : ('routed_commission' as const)) : null,
          };
        });
        const own = parts.find((p) => p.controller_organisation_id === context.facts.organisationId)!;
        await rights.insertParts(
          tx,
          parts,
          plan.flatMap((part, index) =>
            part.records.map((record) => ({
              part_id: parts[index]!.id,
              request_id: id,
              record_type: record.recordType,
              record_id: record.recordId,
              case_id: record.caseId,
            })),
          ),
        );
        // RGT-CON-01 (art. 15): from the receipt, each controller's items are contested.
        const events: AuditEvent[] = [];
        if (input.kind in CONTESTING) {
          const byController = new Map<string, string[]>();
          for (const record of matched) {
            if (record.recordType !== 'item' || !marksContested({ regime: regimeOf.get(record.controllerId)! })) continue;
            byController.set(record.controllerId, [...(byController.get(record.controllerId) ?? []), record.recordId]);
          }
          for (const [controllerId, itemIds] of byController) {
            events.push(await markAtDesk(tx, context, controllerId, [...new Set(itemIds)], CONTESTING[input.kind as keyof typeof CONTESTING], id, receivedAt));
          }
        }
        const others = parts.filter((p) => p.controller_organisation_id !== context.facts.organisationId);
        await notifications.notify(
          tx,
          now,
          [
            ...others.map((p) => ({ organisationId: p.controller_organisation_id, kind: 'rights_request_received' as const, audience: 'dpo' as const, subjectId: p.id })),
            ...parts
              .filter((p) => p.prosecutor_office_id !== null)
              .map((p) => ({ organisationId: p.prosecutor_office_id!, kind: 'rights_request_received' as const, subjectId: p.id })),
          ],
        );
        const who = auditActorOf(context);
        await audit.record(tx, {
          actor: who,
          action: 'collect',
          outcome: 'success',
          records: [{ type: 'rights_request', id }, ...parts.map((p) => ({ type: 'rights_part', id: p.id }))],
        });
        for (const event of events) await audit.record(tx, event);
        const row = (await rights.partById(tx, own.id))!;
        return { requestId: id, receivedAt: receivedAt.toISOString(), ownPart: await presentPart(tx, context, row) };
      });
    },

    /** RGT-ACC-02: the intake desk records that the requester's identity was proven. */
    verifyIdentity(actor: Actor, requestId: string): Promise<{ requestId: string; verifiedAt: string }> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'organise');
        refuseIfAny(shapeIssues(IdSchema, requestId, 'params/requestId'));
        const request = await rights.requestById(tx, requestId);
        if (!request) throw new DomainError('not_found', { detail: 'No such request' });
        if (request.intake_organisation_id !== context.facts.organisationId) {
          throw new DomainError('forbidden', { detail: 'The desk that received the request verifies the identity', rule: IDENTITY_RULE });
        }
        const now = clock.now();
        if (!(await rights.verifyIdentity(tx, requestId, actor.userId, now))) {
          throw new DomainError('conflict', { detail: 'The identity was verified already', rule: IDENTITY_RULE });
        }
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'organise',
          outcome: 'success',
          records: [{ type: 'rights_request', id: requestId }],
          reason: 'identity_verified',
        });
        return { requestId, verifiedAt: now.toISOString() };
      });
    },

    /** RGT-ACC-03, RGT-RST-09, RGT-CRT-02: the desk's queue with its clocks; `open` leaves out answered parts. */
    queue(actor: Actor, open: boolean): Promise<RightsPartList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'consult');
        const rows = await rights.partsOf(tx, open);
        const parts = [];
        for (const row of rows) parts.push(await presentPart(tx, context, row));
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: 'consult',
          outcome: 'success',
          records: rows.slice(0, 500).map((row) => ({ type: 'rights_part', id: row.id })),
          justification: 'rights desk: requests of persons concerned (L2007 arts 10, 12)',
        });
        return { parts };
      });
    },

    /** RGT-ACC-01, ROL-11, ADM-03: the access answer of a part, as JSON and PDF in the requester's language. */
    accessAnswer(actor: Actor, partId: string, format: 'json' | 'pdf'): Promise<AccessAnswer | Buffer> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'retrieve');
        const row = await deskPart(tx, partId);
        if (row.controller_organisation_id !== context.facts.organisationId) {
          throw new DomainError('forbidden', { detail: "The controller's desk compiles the answer from its data", rule: 'bill art. 3 §1 al. 2 (SPEC RGT-ACC-01)' });
        }
        if (row.kind !== 'access' && row.kind !== 'information') {
          throw new DomainError('conflict', { detail: 'Only a request for access or information is answered with the data', rule: 'L2007 art. 10 §1 (SPEC RGT-ACC-01)' });
        }
        if (row.route === 'judicial' || row.route === 'commission') {
          throw new DomainError('conflict', {
            detail: row.route === 'judicial' ? 'These data are answered on the judicial route' : 'These data are answered through the supervisory authority only',
            rule: row.route_reason,
          });
        }
        requireVerified(row);
        const answer = await compileAnswer(tx, row);
        const itemRefs = row.records.filter((r) => r.type === 'item');
        // The extraction of the person's data for the answer (L2007 art. 1 §2: "extraction").
        await audit.record(tx, {
          ...partEvent(auditActorOf(context), 'retrieve', row, `access_answer_${format}`),
          records: [
            { type: 'rights_request', id: row.request_id },
            { type: 'rights_part', id: row.id },
            ...itemRefs.slice(0, 900).map((r) => ({ type: 'item', id: r.id })),
          ],
        });
        if (format === 'json') return answer;
        const [org] = await rights.organisations(tx, [context.facts.organisationId]);
        return renderPdf(accessAnswerPdfSpec(answer, { exportedBy: actor.userId, organisation: org!.legal_name, at: clock.now() }));
      });
    },

    /** RGT-REC-01, RGT-REC-02, RGT-OBJ-01: the controller carries out a change for the part, as a version. */
    execute(actor: Actor, partId: string, input: ExecuteRightsChange): Promise<RightsPart> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'adapt');
        const row = await deskPart(tx, partId);
        if (row.controller_organisation_id !== context.facts.organisationId) {
          throw new DomainError('forbidden', { detail: 'Only the controller changes its data', rule: 'bill art. 3 §1 al. 2 (SPEC ROL-09)' });
        }
        refuseIfAny(shapeIssues(ExecuteRightsChangeSchema, input));
        refuseChangeFor(row.kind, input);
        requireVerified(row);
        if (row.answered_at) throw new DomainError('conflict', { detail: 'The request was answered already', rule: EXECUTION_RULE });
        // RGT-JUD-01: data of a judicial file are changed under the rules of criminal procedure only.
        if (row.route === 'judicial') {
          throw new DomainError('conflict', { detail: 'These data are rectified on the judicial route', rule: row.route_reason });
        }
        const ref = row.records.find((r) => r.type === 'item' && r.id === input.itemId);
        if (!ref) refuseIfAny([{ field: '/body/itemId', message: 'is not among the data of this request' }], EXECUTION_RULE);
        // RGT-RST-08 (bill art. 7): a correction or deletion the procureur du Roi restricted waits for his answer.
        const restriction = (await activeRestrictions(tx, [input.itemId], clock.now())).get(input.itemId);
        const right = input.change === 'rectify' ? 'correction' : 'deletion';
        if (restriction?.rights.includes(right)) {
          throw new DomainError('conflict', {
            detail: `The ${right} of this item is restricted by the procureur du Roi (art. 7): the office answers the request`,
            rule: 'bill art. 7 al. 1 (SPEC RGT-RST-08)',
          });
        }
        const caseId = ref!.caseId;
        const item = await records.itemForUpdate(tx, caseId, input.itemId, brusselsDateOf(clock.now()));
        if (!item) throw new DomainError('not_found', { detail: 'No such item' });
        const now = clock.now();
        const cipher = await envelope.openScope(tx, caseScope(caseId));
        const version = await applyChange(deps, tx, cipher, item, input, { userId: actor.userId, at: now });
        await rights.recordChange(tx, { part_id: row.id, item_id: item.id, case_id: caseId, change: input.change, version, changed_by: actor.userId, changed_at: now });
        if (row.status === 'received') await rights.answerPart(tx, row.id, { status: 'in_progress', outcome: null, answer: null, answered_by: null, answered_at: null, health_professional: null });
        await audit.record(tx, {
          actor: auditActorOf(context),
          action: input.change === 'rectify' ? 'adapt' : input.change === 'erase' ? 'erase' : 'block',
          outcome: 'success',
          caseId,
          records: [
            { type: 'item', id: item.id, category: Number(item.category.slice(1)) },
            { type: 'rights_part', id: row.id },
          ],
          reason: 'rights_request',
        });
        return presentPart(tx, context, (await rights.partById(tx, row.id))!);
      });
    },

    /**
     * The answer of a part (RGT-CRT-02: a rejection or deferral gives reasons; RGT-ACC-05: health
     * data through a professional); for a granted rectification, erasure, prohibition or objection,
     * every recipient of the changed items is told, or the exception recorded (RGT-REC-04).
     */
    answer(actor: Actor, partId: string, input: AnswerRightsPart): Promise<RightsPart> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'organise');
        const row = await deskPart(tx, partId);
        requireAnswerer(context, row);
        refuseIfAny(shapeIssues(AnswerRightsPartSchema, input));
        await rights.lockPart(tx, row.id);
        const current = (await rights.partById(tx, row.id))!;
        if (current.answered_at) throw new DomainError('conflict', { detail: 'The request was answered already' });
        requireVerified(current);
        const granted = input.outcome === 'granted' || input.outcome === 'partly_granted';
        const changes = await rights.changesOf(tx, row.id);
        const issues: FieldIssue[] = [];
        if ((input.outcome === 'rejected' || input.outcome === 'deferred') && !input.reasons) {
          issues.push({ field: '/body/reasons', message: 'a rejection or deferral gives its reasons' });
        }
        if (granted && row.kind !== 'access' && row.kind !== 'information' && row.route === 'standard' && changes.length === 0) {
          issues.push({ field: '/body/outcome', message: 'carry out the change first: nothing was rectified, erased or blocked' });
        }
        if (row.kind === 'objection' && input.outcome === 'not_applicable' && objectionOf(row.lawful_ground)?.applies) {
          issues.push({ field: '/body/outcome', message: "the processing does not rest on art. 5 b) or c): weigh the person's reasons" });
        }
        if (input.healthProfessional && row.kind !== 'access') {
          issues.push({ field: '/body/healthProfessional', message: 'only an access answer goes through a health professional' });
        }
        refuseIfAny(issues, 'L2007 arts 10, 12 and 14 §5 (SPEC RGT-CRT-02, RGT-REC-04)');
        const now = clock.now();
        const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
        await rights.answerPart(tx, row.id, {
          status: input.outcome === 'rejected' ? 'rejected' : input.outcome === 'deferred' ? 'deferred' : 'answered',
          outcome: input.outcome,
          answer: input.reasons ? await cipher.encrypt(...RIGHTS_FIELDS.answer(row.id), input.reasons) : null,
          answered_by: actor.userId,
          answered_at: now,
          health_professional: input.healthProfessional
            ? await cipher.encrypt(...RIGHTS_FIELDS.healthProfessional(row.id), JSON.stringify(input.healthProfessional))
            : null,
        });
        if (changes.length > 0) await notifyRecipients(tx, context, row, changes, input.recipientExceptions ?? [], now);
        await audit.record(tx, partEvent(auditActorOf(context), 'organise', row, `answered_${input.outcome}`));
        return presentPart(tx, context, (await rights.partById(tx, row.id))!);
      });
    },

    /**
     * RGT-OBJ-02, RGT-JUD-01, RGT-CRT-02: the letter to the person, in their language: the outcome
     * and its reasons, or the judicial route. None on the Commission's route (RGT-IND-02).
     */
    replyLetter(actor: Actor, partId: string, format: 'json' | 'pdf'): Promise<ReplyLetter | Buffer> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'use');
        const row = await deskPart(tx, partId);
        requireAnswerer(context, row);
        if (row.route === 'commission') {
          throw new DomainError('conflict', {
            detail: 'Only the supervisory authority answers the person on this route: no letter is written to them',
            rule: 'L2007 art. 13 (SPEC RGT-IND-02)',
          });
        }
        if (row.answered_at === null && row.route !== 'judicial') {
          throw new DomainError('conflict', { detail: 'Record the answer first', rule: 'L2007 art. 12 §3 al. 2 (SPEC RGT-OBJ-02)' });
        }
        const letter = await letterOf(tx, row);
        await audit.record(tx, partEvent(auditActorOf(context), 'use', row, `reply_letter_${format}`));
        if (format === 'json') return letter;
        return renderPdf(replyLetterPdfSpec(letter, { exportedBy: actor.userId, at: clock.now() }));
      });
    },

    /**
     * RGT-IND-02 (L2007 art. 13): on the Commission's route the controller compiles the person's
     * data for the supervisory authority only, and records what it did; nothing goes to the person.
     */
    commissionPackage(actor: Actor, partId: string): Promise<{ addressee: 'supervisory_authority'; rule: string; answer: AccessAnswer }> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'retrieve');
        const row = await deskPart(tx, partId);
        requireAnswerer(context, row);
        if (row.route !== 'commission') {
          throw new DomainError('conflict', { detail: 'Only a request on the supervisory authority route gives a package for it', rule: 'L2007 art. 13 (SPEC RGT-IND-02)' });
        }
        const answer = await compileAnswer(tx, row);
        await audit.record(tx, {
          ...partEvent(auditActorOf(context), 'retrieve', row, 'commission_package'),
          records: [
            { type: 'rights_request', id: row.request_id },
            { type: 'rights_part', id: row.id },
            ...row.records.filter((r) => r.type === 'item').slice(0, 900).map((r) => ({ type: 'item', id: r.id })),
          ],
        });
        return { addressee: 'supervisory_authority', rule: row.route_reason, answer };
      });
    },

    /** RGT-CRT-03, RGT-REC-05: every recipient of the part's items, the desk's own disclosure log. */
    disclosures(actor: Actor, partId: string): Promise<DisclosureList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'consult');
        const row = await deskPart(tx, partId);
        const itemIds = row.records.filter((r) => r.type === 'item').map((r) => r.id);
        const rows = await rights.disclosuresOf(tx, itemIds, row.controller_organisation_id);
        const names = new Map((await rights.organisations(tx, rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))).map((o) => [o.id, o.legal_name]));
        await audit.record(tx, { ...partEvent(auditActorOf(context), 'consult', row, 'disclosure_log'), justification: 'rights desk: recipients of the data (L2007 art. 12 §3)' });
        return {
          disclosures: rows.map((r) => ({
            recipient: r.organisation_id ? (names.get(r.organisation_id) ?? '') : (r.recipient_name ?? ''),
            recipientOrganisationId: r.organisation_id,
            recipientClass: r.recipient_class,
            itemId: r.item_id,
            at: r.at.toISOString(),
            reference: r.reference,
          })),
        };
      });
    },

    /**
     * RGT-CRT-01 (L2007 art. 14): the litigation evidence pack of an answered part, for the desk
     * that answered it: a ZIP of the request, the identity proof, the answer and its reasons, the
     * letter, the changes, the recipients told, the audit events and the court actions that follow
     * the request, with a manifest of every date and artefact (SHA-256, timestamp) signed with
     * the audit checkpoint key. Its extraction is audited.
     */
    evidencePack(actor: Actor, partId: string): Promise<Buffer> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'retrieve');
        const row = await deskPart(tx, partId);
        requireAnswerer(context, row);
        if (row.answered_at === null) {
          throw new DomainError('conflict', { detail: 'The request is not answered yet: there is no decision to prove', rule: PACK_RULE });
        }
        const request = (await rights.requestById(tx, row.request_id))!;
        const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
        const part = await presentPart(tx, context, row);
        const [changes, notices, courtActions] = await Promise.all([
          rights.changesOf(tx, row.id),
          rights.recipientNoticesOf(tx, row.id),
          courtActionsFollowing(tx, row.request_id, (caseId) => envelope.openScope(tx, caseScope(caseId))),
        ]);
        const events = await auditEventsAboutPart(tx, { requestId: row.request_id, partId: row.id, deskId: context.facts.organisationId });
        const receivedAt = new Date(row.received_at);
        const answeredAt = new Date(row.answered_at);
        const latest = (dates: Date[], otherwise: Date) => (dates.length === 0 ? otherwise : new Date(Math.max(...dates.map((d) => d.getTime()))));
        const documentBytes = await cipher.decrypt(...RIGHTS_FIELDS.document(), request.document);
        const proof = request.identity_proof ? await cipher.decrypt(...RIGHTS_FIELDS.identityProof(), request.identity_proof) : null;
        const proofType = proof ? (sniffMediaType(proof) ?? null) : null;
        const extension = (mediaType: string | null) => (mediaType && mediaType in MEDIA_TYPE_EXTENSIONS ? MEDIA_TYPE_EXTENSIONS[mediaType as keyof typeof MEDIA_TYPE_EXTENSIONS] : 'bin');
        const verifiedAt = request.identity_verified_at ? new Date(request.identity_verified_at) : null;
        const artefacts: PackArtefact[] = [
          { name: `request.${extension(request.document_media_type)}`, content: documentBytes, timestamp: receivedAt },
          ...(proof ? [{ name: `identity-proof.${extension(proofType)}`, content: proof, timestamp: verifiedAt ?? receivedAt }] : []),
          { name: 'answer.json', content: json({ outcome: row.outcome, status: row.status, reasons: await reasonsOf(tx, row), answeredAt: answeredAt.toISOString() }), timestamp: answeredAt },
          { name: 'reply-letter.json', content: json(await letterOf(tx, row)), timestamp: answeredAt },
          {
            name: 'changes.json',
            content: json(changes.map((c) => ({ itemId: c.item_id, caseId: c.case_id, change: c.change, version: c.version, changedBy: c.changed_by, changedAt: new Date(c.changed_at).toISOString() }))),
            timestamp: latest(changes.map((c) => new Date(c.changed_at)), answeredAt),
          },
          {
            name: 'recipients.json',
            content: json(
              notices.map((n) => ({
                recipientKind: n.recipient_kind,
                recipientOrganisationId: n.recipient_organisation_id,
                recipientName: n.recipient_name,
                notificationId: n.notification_id,
                exception: n.exception,
                createdAt: new Date(n.created_at).toISOString(),
              })),
            ),
            timestamp: latest(notices.map((n) => new Date(n.created_at)), answeredAt),
          },
          {
            name: 'audit.json',
            content: json(packAuditEvents(row, events, courtActions.map((a) => a.id))),
            timestamp: latest(events.map((e) => e.recorded_at), answeredAt),
          },
          ...(courtActions.length > 0
            ? [{ name: 'court-actions.json', content: json(courtActions), timestamp: latest(courtActions.map((a) => new Date(a.recordedAt)), answeredAt) }]
            : []),
        ];
        const now = clock.now();
        const pack = await evidencePack(
          {
            requestId: row.request_id,
            partId: row.id,
            kind: row.kind,
            channel: request.channel,
            language: row.language,
            controller: { id: row.controller_organisation_id, legalName: row.legal_name },
            route: row.route,
            routeReason: row.route_reason,
            receivedAt: receivedAt.toISOString(),
            datedOn: row.dated_on,
            signed: request.signed,
            document: { mediaType: request.document_media_type, sha256AtIntake: request.document_sha256 },
            identity: { method: request.identity_method, verifiedAt: verifiedAt?.toISOString() ?? null },
            clocks: { controller: part.clock, prosecutor: part.prosecutorClock, courtActionAdmissible: part.courtActionAdmissible },
            answeredAt: answeredAt.toISOString(),
            status: row.status,
            outcome: row.outcome,
            generatedBy: { userId: actor.userId, organisationId: context.facts.organisationId },
          },
          artefacts,
          packSigning,
          now,
        );
        await audit.record(tx, partEvent(auditActorOf(context), 'retrieve', row, 'evidence_pack'));
        return pack;
      });
    },

    /** ROL-11: the controller records a communication of its item outside Concerto. */
    recordExternalDisclosure(actor: Actor, caseId: string, itemId: string, input: RecordExternalDisclosure): Promise<{ id: string }> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'record');
        refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
        refuseIfAny(shapeIssues(RecordExternalDisclosureSchema, input));
        const item = await records.itemById(tx, caseId, itemId, brusselsDateOf(clock.now()));
        if (!item || (open.sharedOnly && !item.shared)) throw new DomainError('not_found', { detail: 'No such item' });
        access.require(open.context, { action: 'case.contribute', kase: open.facts, owner: item.controller_organisation_id }, 'record', caseId);
        const now = clock.now();
        const disclosedAt = new Date(input.disclosedAt);
        if (disclosedAt.getTime() > now.getTime()) refuseIfAny([{ field: '/body/disclosedAt', message: 'cannot be in the future' }]);
        const id = randomUUID();
        await rights.externalDisclosure(tx, {
          id,
          item_id: itemId,
          case_id: caseId,
          controller_organisation_id: item.controller_organisation_id,
          recipient_name: input.recipientName.trim(),
          recipient_class: input.recipientClass,
          reference: input.reference?.trim() ?? null,
          disclosed_at: disclosedAt,
          created_by: actor.userId,
          created_at: now,
        });
        // The communication happened outside Concerto: what is audited here is its recording.
        await audit.record(tx, {
          actor: open.who,
          action: 'record',
          outcome: 'success',
          caseId,
          records: [{ type: 'item', id: itemId, category: Number(item.category.slice(1)) }, { type: 'external_disclosure', id }],
          reason: input.recipientClass,
        });
        return { id };
      });
    },
  };

  /** RGT-REC-04: tells each recipient of the changed items, and the person, within the month. */
  async function notifyRecipients(
    tx: Tx,
    context: AccessContext,
    row: DeskPartRow,
    changes: readonly { item_id: string; case_id: string }[],
    exceptions: readonly { organisationId: string; justification: string }[],
    now: Date,
  ): Promise<void> {
    const itemIds = [...new Set(changes.map((c) => c.item_id))];
    const disclosures = await rights.disclosuresOf(tx, itemIds, row.controller_organisation_id);
    const excepted = new Map(exceptions.map((e) => [e.organisationId, e.justification]));
    // RGT-REC-06: a royal decree may spare this regime's controllers from telling recipients.
    const derogation = rules.recipientNoticeDerogations[row.regime as Regime];
    const caseOf = new Map(changes.map((c) => [c.item_id, c.case_id]));
    const seen = new Set<string>();
    const notices: Insertable<RightsRecipientNoticesTable>[] = [];
    for (const d of disclosures) {
      const key = `${d.organisation_id ?? d.recipient_name}|${d.item_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = d.recipient_class === 'own_file_exporter' ? 'own_file_exporter' : d.organisation_id ? 'co_participant' : 'external';
      const exception = derogation
        ? `L1992 art. 12 §3 al. 3: ${derogation}`
        : d.organisation_id
          ? excepted.get(d.organisation_id)
          : undefined;
      // Own-file exporters heard of it when the change was made (FIL-08); the others hear of it now.
      const [notificationId] =
        kind === 'co_participant' && !exception
          ? await notifications.notifyReturningIds(tx, now, [
              { organisationId: d.organisation_id!, kind: 'disclosed_item_changed', caseId: caseOf.get(d.item_id)!, subjectId: d.item_id },
            ])
          : [];
      notices.push({
        id: randomUUID(),
        part_id: row.id,
        recipient_kind: kind,
        recipient_organisation_id: d.organisation_id,
        recipient_name: d.recipient_name,
        notification_id: notificationId ?? null,
        exception: exception ?? null,
        created_by: context.facts.userId,
        created_at: now,
      });
    }
    // The person concerned is told with the answer itself.
    notices.push({
      id: randomUUID(),
      part_id: row.id,
      recipient_kind: 'data_subject',
      recipient_organisation_id: null,
      recipient_name: null,
      notification_id: null,
      exception: null,
      created_by: context.facts.userId,
      created_at: now,
    });
    await rights.recipientNotices(tx, notices);
  }
}

export type RightsService = ReturnType<typeof createRightsService>;
