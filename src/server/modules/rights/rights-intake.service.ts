/**
 * The intake of the rights desks (L2007 art. 10 §1 al. 2, art. 12 §2; SPEC RGT-GEN-01..03): a dated
 * and signed request with its proof of identity, matched in every case by blind index and split into
 * one part per controller and route; the identity check; the desk's queue with its clocks.
 */
import { createHash, randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type IntakeRightsRequest,
  IntakeRightsRequestSchema,
  type RightsPartList,
  type RightsReceipt,
} from '../../../contracts/rights.js';
import type { Tx } from '../../db/database.js';
import type { AuditEvent, } from '../../kernel/audit/index.js';
import { sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type AccessContext, auditActorOf } from '../access/access.service.js';
import { markContested } from '../contested/mark-contested.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { RIGHTS_FIELDS, type RequesterRecord, rightsScope } from './rights-fields.js';
import { marksContested, planParts } from './rights-routing.js';
import { routingFacts } from './routing-facts.js';
import type { RightsServiceDeps } from './rights.service.js';
import { IDENTITY_RULE, rightsDeskView } from './rights-desk-view.js';

const INTAKE_RULE = 'L2007 art. 10 §1 al. 2, art. 12 §2 (SPEC RGT-GEN-01)';
const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** SPEC RGT-CON-01: the requests whose receipt marks the data contested (L2007 art. 15). */
const CONTESTING = { rectification: 'rectification_request', erasure: 'erasure_request', prohibition: 'prohibition_request' } as const;

export function createRightsIntake(deps: RightsServiceDeps) {
  const { db, rights, notifications, access, audit, envelope, clock, blindIndex } = deps;
  const { presentPart } = rightsDeskView(deps);

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
          const routed = part.route === 'judicial' || part.route === 'commission';
          if (directMarketing) {
            return {
              id: randomUUID(),
              request_id: id,
              controller_organisation_id: part.controllerId,
              route: part.route,
              route_reason: 'L2007 art. 12 §1 al. 3 (SPEC RGT-OBJ-03, PUR-07)',
              prosecutor_office_id: null,
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
        access.require(context, { action: 'rights.identity', intakeId: request.intake_organisation_id }, 'organise');
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
  };
}
