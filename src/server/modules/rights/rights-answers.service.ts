
import { createHash } from 'node:crypto';
import type {
  AccessAnswer,
  DisclosureList,
  ReplyLetter,
} from '../../../contracts/rights.js';
import type { Tx } from '../../db/database.js';
import type { AuditEvent, } from '../../kernel/audit/index.js';
import { MEDIA_TYPE_EXTENSIONS, sniffMediaType } from '../../kernel/documents/index.js';
import { DomainError, } from '../../kernel/errors.js';
import { brusselsDateOf, } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { controllerRegisterNumbers } from '../declarations/declared-processing.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import { readIdentity, readItemPayload } from '../cases/case-presenter.js';
import { caseScope } from '../cases/open-case.js';
import { contestedState } from '../contested/contested-state.js';
import { courtActionsFollowing } from '../contested/court-action-record.js';
import type { Actor } from '../identity/platform-access.js';
import { type AnswerRecord, accessAnswerJson, accessAnswerPdfSpec } from './access-answer-document.js';
import { evidencePack, json, type PackArtefact, } from './evidence-pack.js';
import { type AuditEventRow, auditEventsAboutPart } from './evidence.repository.js';
import { PAPER_FIELDS, type PaperContent } from '../paper-parts/paper-part-presenter.js';
import { replyLetterPdfSpec } from './reply-letter.js';
import { RIGHTS_FIELDS, rightsScope } from './rights-fields.js';
import type { RightsServiceDeps } from './rights.service.js';
import { rightsDeskView } from './rights-desk-view.js';
import type { DeskPartRow } from './rights.repository.js';

const PACK_RULE = 'L2007 art. 14 §1-§5 (SPEC RGT-CRT-01)';

export function createRightsAnswers(deps: RightsServiceDeps) {
  const { db, rights, access, audit, envelope, clock, packSigning } = deps;
  const { requesterOf, presentPart, deskPart, requirePart, requireVerified, partEvent, reasonsOf, letterOf } = rightsDeskView(deps);

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

  /**
   * PEN-06 (L1992 art. 39 5°): the PDF the desk hands over is the answer the person receives; its
   * SHA-256 is archived with the part, so the answer sent can be matched later without keeping it.
   */
  async function archiveIssued(
    tx: Tx,
    row: DeskPartRow,
    kind: 'access_answer' | 'reply_letter',
    pdf: Buffer,
    userId: string,
    issuerId: string,
  ): Promise<void> {
    await rights.archiveAnswerDocument(tx, {
      part_id: row.id,
      controller_organisation_id: row.controller_organisation_id,
      issuer_organisation_id: issuerId,
      kind,
      media_type: 'application/pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size_bytes: pdf.length,
      issued_by: userId,
      issued_at: clock.now(),
    });
  }

  return {
    /** RGT-ACC-01, ROL-11, ADM-03: the access answer of a part, as JSON and PDF in the requester's language. */
    accessAnswer(actor: Actor, partId: string, format: 'json' | 'pdf'): Promise<AccessAnswer | Buffer> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enterControllerDesk(tx, actor, 'retrieve');
        const row = await deskPart(tx, partId);
        requirePart(context, row, 'controller', 'retrieve');
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
        const pdf = await renderPdf(
          accessAnswerPdfSpec(answer, {
            exportedBy: actor.userId,
            organisation: org!.legal_name,
            at: clock.now(),
            registerNumbers: await controllerRegisterNumbers(tx, row.controller_organisation_id),
          }),
        );
        await archiveIssued(tx, row, 'access_answer', pdf, actor.userId, context.facts.organisationId);
        return pdf;
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
        requirePart(context, row, 'answerer', 'use');
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
        const pdf = await renderPdf(
          replyLetterPdfSpec(letter, {
            exportedBy: actor.userId,
            at: clock.now(),
            registerNumbers: await controllerRegisterNumbers(tx, row.controller_organisation_id),
          }),
        );
        await archiveIssued(tx, row, 'reply_letter', pdf, actor.userId, context.facts.organisationId);
        return pdf;
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
        requirePart(context, row, 'answerer', 'retrieve');
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
        requirePart(context, row, 'answerer', 'retrieve');
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
  };
}
