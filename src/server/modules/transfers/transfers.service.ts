/**
 * Own-file transfers (bill art. 4; issue 4 scope 6; SPEC FIL-05..09, PUR-02, PUR-05, PUR-06,
 * SEC-08, SEC-14). A participant asks for items of the shared file, with one of the case's
 * purposes and why the shared file is not enough (art. 4 al. 1 1°); the controller of each item
 * agrees or not (art. 4 al. 1 2°); the requester attests that only persons who took part will
 * access the copy (art. 4 al. 2) and, where the framework says so, a second member approves; then
 * the approved items leave as JSON or PDF, each export in the register and audited as a
 * disclosure to the requester. Every step is one transaction with its audit event.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Language } from '../../../contracts/language.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import {
  type Attestation,
  AttestationSchema,
  type RequestTransfer,
  RequestTransferSchema,
  type Transfer,
  type TransferDecisions,
  TransferDecisionsSchema,
  type TransferList,
} from '../../../contracts/transfers.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { AuditAction, AuditRecordRef, UserActor } from '../../kernel/audit/index.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, months } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { registerNumbersOf } from '../declarations/declared-processing.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import { type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import { holdsCaseRole } from '../access/actor-facts.js';
import type { CaseFacts } from '../access/case-audience.js';
import { decide, type TransferFacts } from '../access/decide.js';
import { contentVisible, DESIGNATION_RULE } from '../access/record-visibility.js';
import { FIELDS } from '../cases/case-fields.js';
import { isoOf, itemRequires, readItemPayload } from '../cases/case-presenter.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { type CaseDeps, caseOpener, caseScope } from '../cases/open-case.js';
import type { ItemRow } from '../cases/records.repository.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { contestedState } from '../contested/contested-state.js';
import { assertTransferAllowed, ownFileDestination, transferItemOf } from '../cross-border/transfer-check.js';
import { type ExportData, exportJson, exportPdfSpec } from './transfer-document.js';
import type { TransferRow, TransfersRepository } from './transfers.repository.js';

export interface TransferServiceDeps extends CaseDeps {
  transfers: TransfersRepository;
}

export interface ExportFile {
  filename: string;
  mediaType: 'application/json' | 'application/pdf';
  content: Buffer;
}

const INBOX_LIMIT = 100;
const USE_MODALITY_RULE = 'bill Comm. art. 4 (SPEC PUR-06)';
const RECIPIENT_RULE = 'L1992 art. 16 §1 5°; CP art. 458ter §1 al. 3 (SPEC SEC-08, ROL-01)';

/** The reader was designated for the item's special category, if it has one (SPEC DAT-19). */
const designatedFor = (context: AccessContext, item: ItemRow): boolean =>
  contentVisible(context.facts.designations, { requires: itemRequires(item) });

interface OpenTransfer {
  context: AccessContext;
  decision: Allowed;
  row: TransferRow;
  kase: CaseRow;
  facts: CaseFacts;
  items: Awaited<ReturnType<TransfersRepository['items']>>;
  cipher: ScopeCipher;
}

export function createTransferService(deps: TransferServiceDeps) {
  const { db, transfers, cases, records, notifications, access, audit, envelope, clock, rules } = deps;
  const openCase = caseOpener(deps);

  async function openTransfer(
    tx: Tx,
    actor: Actor,
    transferId: string,
    action: 'transfer.view' | 'transfer.decide' | 'transfer.requester',
    auditAction: AuditAction,
    lock = false,
  ): Promise<OpenTransfer> {
    refuseIfAny(shapeIssues(IdSchema, transferId, 'params/transferId'));
    const context = await access.enter(tx, actor);
    const row = await transfers.byId(tx, transferId, lock);
    const facts = row ? await access.caseFacts(tx, row.case_id) : undefined;
    const items = row ? await transfers.items(tx, [row.id]) : [];
    const transfer: TransferFacts | undefined = row && {
      requesterOrganisationId: row.requester_organisation_id,
      controllerIds: [...new Set(items.map((i) => i.controller_organisation_id))],
    };
    const decision = access.require(context, { action, kase: facts, transfer }, auditAction, row?.case_id);
    const kase = (await cases.caseById(tx, row!.case_id))!;
    return { context, decision, row: row!, kase, facts: facts!, items, cipher: await envelope.openScope(tx, caseScope(kase.id)) };
  }

  /** FIL-09: the copy is kept by the period of art. 2 (≤ 30 years after closure) unless the organic law says otherwise. */
  function retentionOf(row: TransferRow, kase: CaseRow): Transfer['retention'] {
    const override = row.retention_override_months
      ? { months: row.retention_override_months, rule: row.retention_override_citation! }
      : undefined;
    const agreed = override?.months ?? kase.retention_months;
    const basis = override ? override.rule : 'bill art. 4 al. 5; art. 2 §3 4°';
    if (agreed === null) return { endsOn: null, months: null, basis };
    const endsOn = kase.closed_at
      ? rules.retentionEnd(new Date(kase.closed_at), months(agreed), override?.rule ?? kase.retention_other_rule ?? undefined).date
      : null;
    return { endsOn, months: agreed, basis };
  }

  async function frameworkOf(tx: Tx, kase: CaseRow) {
    return (await cases.frameworkOf(tx, kase.framework_id))!;
  }

  /**
   * SEC-08: an own-file copy goes only to an organisation the framework lists (organiser or
   * participant). A refusal is a denied disclosure in the audit log (L1992 art. 16 §1 5°: the
   * recipient-category enforcement log that the controller's art. 38 evidence pack lists, PEN-01).
   */
  async function refuseUnlistedRecipient(
    tx: Tx,
    kase: CaseRow,
    organisationId: string,
    attempt: { who: UserActor; records: AuditRecordRef[] },
  ): Promise<void> {
    const framework = await frameworkOf(tx, kase);
    if (organisationId !== framework.organiser_organisation_id && !framework.participant_ids.includes(organisationId)) {
      refuse(
        'forbidden',
        RECIPIENT_RULE,
        'Recipient category not authorised: the framework does not list this organisation',
        {
          actor: attempt.who,
          action: 'disclose',
          outcome: 'denied',
          caseId: kase.id,
          records: attempt.records,
          reason: 'recipient_not_authorised',
        },
      );
    }
  }

  async function present(tx: Tx, context: AccessContext, row: TransferRow, kase: CaseRow, facts: CaseFacts): Promise<Transfer> {
    const [items, exports, framework, cipher] = await Promise.all([
      transfers.items(tx, [row.id]),
      transfers.exports(tx, [row.id]),
      cases.frameworkOf(tx, kase.framework_id),
      envelope.openScope(tx, caseScope(kase.id)),
    ]);
    const notices = await transfers.changeNotices(tx, row.requester_organisation_id, [...new Set(exports.flatMap((e) => e.item_ids))]);
    const itemRows = new Map((await records.itemsOf(tx, kase.id, false, brusselsDateOf(clock.now()))).map((i) => [i.id, i]));
    const organisations = await cases.organisations(tx, [row.requester_organisation_id, ...items.map((i) => i.controller_organisation_id)]);
    const names = new Map(organisations.map((o) => [o.id, o.legal_name]));
    const users = await cases.userNames(tx, [row.requested_by, ...(row.four_eyes_by ? [row.four_eyes_by] : [])]);
    // RGT-CON-02: the items of a transfer request show their contested marks like every other channel.
    const contested = await contestedState(
      tx,
      items.map((i) => i.item_id),
    );
    const own = context.facts.organisationId;
    const requester = own === row.requester_organisation_id;
    const approvedRows = items.filter((i) => i.decision === 'approved').map((i) => itemRows.get(i.item_id));
    const ready =
      exportProblems(row, items, framework).length === 0 &&
      approvedRows.every((item) => !item || item.erased_at || designatedFor(context, item));
    return {
      id: row.id,
      caseId: kase.id,
      caseTitle: await cipher.decryptText(...FIELDS.title, kase.title),
      requester: { id: row.requester_organisation_id, legalName: names.get(row.requester_organisation_id) ?? '' },
      requestedBy: users.get(row.requested_by) ?? '',
      purpose: row.purpose as PurposeCode,
      justification: await cipher.decryptText(...FIELDS.transferJustification(row.id), row.justification),
      createdAt: isoOf(row.created_at),
      items: await Promise.all(
        items.map(async (i) => {
          const item = itemRows.get(i.item_id);
          const mark = contested.get(i.item_id);
          const readable =
            item && !item.erased_at && !item.blocked_at && (requester || i.controller_organisation_id === own) &&
            contentVisible(context.facts.designations, { requires: itemRequires(item) });
          return {
            itemId: i.item_id,
            category: (item?.category ?? 'C16') as CategoryCode,
            controller: { id: i.controller_organisation_id, legalName: names.get(i.controller_organisation_id) ?? '' },
            decision: i.decision,
            decidedAt: i.decided_at ? isoOf(i.decided_at) : null,
            content: readable ? (await readItemPayload(cipher, item)).content : null,
            secretOfInvestigation: item?.secret_of_investigation ?? false,
            contested: mark ? { since: mark.since, causes: mark.causes } : null,
          };
        }),
      ),
      fourEyes: {
        required: framework?.export_four_eyes ?? false,
        approvedBy: row.four_eyes_by ? (users.get(row.four_eyes_by) ?? '') : null,
        approvedAt: row.four_eyes_at ? isoOf(row.four_eyes_at) : null,
      },
      attestedAt: row.attested_at ? isoOf(row.attested_at) : null,
      retention: retentionOf(row, kase),
      exports: exports.map((e) => ({
        id: e.id,
        format: e.format,
        exportedAt: isoOf(e.exported_at),
        exportedBy: e.display_name,
        sha256: e.sha256,
        itemCount: e.item_ids.length,
        destinationCountry: e.destination_country,
        // FIL-08: each change of its items after the export, and whether the requester acknowledged it.
        changes: notices
          .filter((n) => e.item_ids.includes(n.item_id) && new Date(n.created_at) >= new Date(e.exported_at))
          .map((n) => ({
            itemId: n.item_id,
            change: n.change,
            changedAt: isoOf(n.created_at),
            acknowledged: n.acknowledged_at ? { by: n.acknowledged_by ?? '', at: isoOf(n.acknowledged_at) } : null,
          })),
      })),
      can: {
        decide: items
          .filter((i) => i.decision === 'pending' && i.controller_organisation_id === own)
          .filter(() => decide(context.facts, { action: 'case.decide_transfer', kase: facts, owner: own }).allowed)
          .map((i) => i.item_id),
        approveFourEyes:
          requester && (framework?.export_four_eyes ?? false) && !row.four_eyes_by && row.requested_by !== context.facts.userId,
        attest: requester && !row.attested_at,
        export: requester && ready,
      },
    };
  }

  /** What still stands between the transfer and its export (SPEC FIL-05, FIL-06, PUR-06). */
  function exportProblems(
    row: TransferRow,
    items: readonly { decision: string }[],
    framework: { own_file_export_disabled: boolean; export_four_eyes: boolean } | undefined,
  ): string[] {
    const problems: string[] = [];
    if (framework?.own_file_export_disabled) problems.push('the framework disables own-file export (SPEC PUR-06)');
    if (!items.some((i) => i.decision === 'approved')) problems.push('no item was approved by its controller (bill art. 4 al. 1 2°)');
    if (!row.attested_at) problems.push('the requester has not attested the access limitation (bill art. 4 al. 2; SPEC FIL-06)');
    if (framework?.export_four_eyes && !row.four_eyes_by) problems.push('a second member must approve the export (SPEC PUR-06)');
    return problems;
  }

  async function record(tx: Tx, open: { context: AccessContext; decision: Allowed; row: TransferRow }, action: AuditAction, reason: string) {
    await audit.record(tx, {
      actor: auditActorOf(open.context, open.decision),
      action,
      outcome: 'success',
      caseId: open.row.case_id,
      records: [{ type: 'transfer', id: open.row.id }],
      reason,
    });
  }

  return {
    /** FIL-05 a-b, PUR-05: the request, its purpose code and why the shared file is not enough. */
    requestTransfer(actor: Actor, caseId: string, input: RequestTransfer): Promise<Transfer> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.request_transfer', 'collect');
        const framework = await frameworkOf(tx, open.row);
        if (framework.own_file_export_disabled) {
          throw new DomainError('forbidden', { detail: 'This framework disables own-file export', rule: USE_MODALITY_RULE });
        }
        await refuseUnlistedRecipient(tx, open.row, open.actingFor, { who: open.who, records: [{ type: 'case', id: open.row.id }] });
        refuseIfAny(shapeIssues(RequestTransferSchema, input));
        const issues: FieldIssue[] = [];
        if (!open.row.purposes.includes(input.purpose)) {
          issues.push({ field: '/body/purpose', message: "is not one of the case's purposes (SPEC PUR-05)" });
        }
        const items = new Map((await records.itemsOf(tx, caseId, open.sharedOnly, brusselsDateOf(clock.now()))).map((i) => [i.id, i]));
        const chosen: ItemRow[] = [];
        input.itemIds.forEach((id, index) => {
          const item = items.get(id);
          const field = `/body/itemIds/${index}`;
          if (!item || item.erased_at) issues.push({ field, message: 'is not an item of this case' });
          else if (item.blocked_at) issues.push({ field, message: 'is blocked: it leaves in no export (SPEC DAT-22, SEC-11)' });
          else if (item.controller_organisation_id === open.actingFor) issues.push({ field, message: 'is your own item: it needs no transfer' });
          else if (!contentVisible(open.context.facts.designations, { requires: itemRequires(item) })) {
            issues.push({ field, message: 'is a special category you were not designated for (SPEC DAT-19)' });
          } else chosen.push(item);
        });
        refuseIfAny(issues, 'bill art. 4 al. 1 (SPEC FIL-05)');
        const id = randomUUID();
        const now = clock.now();
        const row = await transfers.insert(tx, {
          id,
          case_id: caseId,
          requester_organisation_id: open.actingFor,
          requested_by: actor.userId,
          purpose: input.purpose,
          justification: await open.cipher.encrypt(...FIELDS.transferJustification(id), input.justification),
          created_at: now,
        });
        await transfers.insertItems(
          tx,
          id,
          chosen.map((item) => ({ itemId: item.id, controllerOrganisationId: item.controller_organisation_id })),
        );
        const controllers = [...new Set(chosen.map((item) => item.controller_organisation_id))];
        await notifications.notify(
          tx,
          now,
          controllers.map((organisationId) => ({ organisationId, kind: 'transfer_to_decide' as const, caseId, subjectId: id })),
        );
        await audit.record(tx, {
          actor: open.who,
          action: 'collect',
          outcome: 'success',
          caseId,
          records: [
            { type: 'transfer', id },
            ...chosen.map((item) => ({ type: 'item', id: item.id, category: Number(item.category.slice(1)) })),
          ],
          reason: 'transfer_requested',
        });
        return present(tx, open.context, row, open.row, open.facts);
      });
    },

    /** FIL-05 b: the controller of each item agrees, or not, to its copy (bill art. 4 al. 1 2°). */
    decideTransfer(actor: Actor, transferId: string, input: TransferDecisions): Promise<Transfer> {
      return refusable(db, audit, async (tx) => {
        const open = await openTransfer(tx, actor, transferId, 'transfer.decide', 'organise', true);
        refuseIfAny(shapeIssues(TransferDecisionsSchema, input));
        const own = open.decision.via!;
        const issues: FieldIssue[] = [];
        input.decisions.forEach((d, index) => {
          const item = open.items.find((i) => i.item_id === d.itemId);
          if (!item) issues.push({ field: `/body/decisions/${index}/itemId`, message: 'is not an item of this transfer' });
          else if (item.controller_organisation_id !== own) issues.push({ field: `/body/decisions/${index}/itemId`, message: 'is not yours to decide (bill art. 4 al. 1 2°)' });
          else if (item.decision !== 'pending') issues.push({ field: `/body/decisions/${index}/itemId`, message: 'was decided already' });
        });
        refuseIfAny(issues, 'bill art. 4 al. 1 2° (SPEC FIL-05)');
        const now = clock.now();
        for (const d of input.decisions) await transfers.decide(tx, transferId, d.itemId, d.decision, actor.userId, now);
        await notifications.notify(tx, now, [
          { organisationId: open.row.requester_organisation_id, kind: 'transfer_decided', caseId: open.row.case_id, subjectId: transferId },
        ]);
        await record(tx, open, 'organise', 'transfer_decided');
        return present(tx, open.context, open.row, open.kase, open.facts);
      });
    },

    /** PUR-06: a second member of the requesting organisation approves the export. */
    approveFourEyes(actor: Actor, transferId: string): Promise<Transfer> {
      return refusable(db, audit, async (tx) => {
        const open = await openTransfer(tx, actor, transferId, 'transfer.requester', 'organise', true);
        const framework = await frameworkOf(tx, open.kase);
        if (!framework.export_four_eyes) throw new DomainError('conflict', { detail: 'This framework needs no second approval', rule: USE_MODALITY_RULE });
        if (open.row.requested_by === actor.userId) {
          throw new DomainError('forbidden', { detail: 'The second approval is another member’s', rule: USE_MODALITY_RULE });
        }
        if (open.row.four_eyes_by) throw new DomainError('conflict', { detail: 'A second member approved already' });
        const row = await transfers.update(tx, transferId, { four_eyes_by: actor.userId, four_eyes_at: clock.now() });
        await record(tx, open, 'organise', 'transfer_four_eyes');
        return present(tx, open.context, row, open.kase, open.facts);
      });
    },

    /** FIL-06, FIL-09: the access limitation attested; an organic-law retention only with its citation. */
    attestTransfer(actor: Actor, transferId: string, input: Attestation): Promise<Transfer> {
      return refusable(db, audit, async (tx) => {
        const open = await openTransfer(tx, actor, transferId, 'transfer.requester', 'organise', true);
        refuseIfAny(shapeIssues(AttestationSchema, input));
        if (!input.accessLimitedToParticipants) {
          refuseIfAny(
            [{ field: '/body/accessLimitedToParticipants', message: 'attest that only persons who took part, or their representatives, will access the copy' }],
            'bill art. 4 al. 2 (SPEC FIL-06, A-06)',
          );
        }
        if (open.row.attested_at) throw new DomainError('conflict', { detail: 'The transfer was attested already' });
        const row = await transfers.update(tx, transferId, {
          attested_by: actor.userId,
          attested_at: clock.now(),
          retention_override_months: input.retentionOverride?.months ?? null,
          retention_override_citation: input.retentionOverride?.citation ?? null,
        });
        await record(tx, open, 'organise', 'transfer_attested');
        return present(tx, open.context, row, open.kase, open.facts);
      });
    },

    viewTransfer(actor: Actor, transferId: string): Promise<Transfer> {
      return refusable(db, audit, async (tx) => {
        const open = await openTransfer(tx, actor, transferId, 'transfer.view', 'consult');
        const transfer = await present(tx, open.context, open.row, open.kase, open.facts);
        await audit.record(tx, {
          actor: auditActorOf(open.context, open.decision),
          action: 'consult',
          outcome: 'success',
          caseId: open.row.case_id,
          records: [{ type: 'transfer', id: transferId }, ...transfer.items.filter((i) => i.content !== null).map((i) => ({ type: 'item', id: i.itemId, category: Number(i.category.slice(1)) }))],
          justification: actor.justification!,
        });
        return transfer;
      });
    },

    /** The transfer-request inbox: items of mine others asked for, and my organisation's requests. */
    listTransfers(actor: Actor): Promise<TransferList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        // The own file is the organisation's own (bill art. 4): a permanent representative has no inbox.
        const own = holdsCaseRole(context.facts) ? [context.facts.organisationId] : [];
        const inbox = await transfers.inbox(tx, own, INBOX_LIMIT);
        const presentAll = (rows: TransferRow[]) =>
          Promise.all(
            rows.map(async (row) => {
              const facts = (await access.caseFacts(tx, row.case_id))!;
              const kase = (await cases.caseById(tx, row.case_id))!;
              return present(tx, context, row, kase, facts);
            }),
          );
        const list = { toDecide: await presentAll(inbox.toDecide), requested: await presentAll(inbox.requested) };
        const all = [...list.toDecide, ...list.requested];
        if (all.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: all.map((t) => ({ type: 'transfer', id: t.id })),
            justification: actor.justification!,
          });
        }
        return list;
      });
    },

    /**
     * FIL-05 c-d, FIL-07, PUR-02, SEC-14: the approved items, as JSON or PDF in the requester's
     * language, with the notice, the purpose code and the watermark; the export is registered
     * (FIL-08) and audited as a disclosure to the requesting organisation.
     */
    exportTransfer(actor: Actor, transferId: string, format: 'json' | 'pdf', language: Language): Promise<ExportFile> {
      return refusable(db, audit, async (tx) => {
        const open = await openTransfer(tx, actor, transferId, 'transfer.requester', 'disclose');
        const framework = await frameworkOf(tx, open.kase);
        await refuseUnlistedRecipient(tx, open.kase, open.row.requester_organisation_id, {
          who: auditActorOf(open.context, open.decision),
          records: [{ type: 'transfer', id: transferId }],
        });
        const problems = exportProblems(open.row, open.items, framework);
        if (problems.length > 0) {
          throw new DomainError(framework.own_file_export_disabled ? 'forbidden' : 'conflict', {
            detail: `Not ready for export: ${problems.join('; ')}`,
            rule: 'bill art. 4 (SPEC FIL-05, FIL-06, PUR-06)',
          });
        }
        const itemRows = new Map((await records.itemsOf(tx, open.kase.id, false, brusselsDateOf(clock.now()))).map((i) => [i.id, i]));
        const approved = open.items
          .filter((i) => i.decision === 'approved')
          .map((i) => itemRows.get(i.item_id)!)
          // Erased or blocked since the approval: it leaves no more (SPEC SEC-11).
          .filter((item) => item && !item.erased_at && !item.blocked_at);
        if (approved.length === 0) throw new DomainError('conflict', { detail: 'The approved items were erased since' });
        // DAT-19: a special category leaves only through a member its organisation designated for it.
        if (!approved.every((item) => designatedFor(open.context, item))) {
          throw new DomainError('forbidden', {
            detail: 'The approved items include a special category you were not designated for',
            rule: DESIGNATION_RULE,
          });
        }
        const names = new Map(
          (await cases.organisations(tx, [open.row.requester_organisation_id, ...approved.map((i) => i.controller_organisation_id)])).map((o) => [o.id, o.legal_name]),
        );
        const now = clock.now();
        // L2007 art. 15 (SPEC RGT-CON-02): every communication says which data are contested.
        const contested = await contestedState(tx, approved.map((item) => item.id));
        const payloads = new Map(
          await Promise.all(approved.map(async (item) => [item.id, await readItemPayload(open.cipher, item)] as const)),
        );
        // L2007 arts 21-22, L1992 art. 4 §2 (SPEC TRF-01, TRF-12): the copy goes to the requester's
        // own file; where that is abroad, the requester's transfer register decides, item by item.
        const clearance = await assertTransferAllowed(tx, {
          controllerId: open.row.requester_organisation_id,
          destination: await ownFileDestination(tx, open.row.requester_organisation_id),
          categories: approved.map((item) => item.category as CategoryCode),
          items: approved.map((item) => transferItemOf(item, payloads.get(item.id)!)),
          attempt: {
            source: 'own_file_export',
            actor: auditActorOf(open.context, open.decision),
            action: 'disclose',
            at: now,
            caseId: open.kase.id,
            records: [
              { type: 'transfer', id: transferId },
              ...approved.map((item) => ({ type: 'item', id: item.id, category: Number(item.category.slice(1)) })),
            ],
          },
        });
        const data: ExportData = {
          transferId,
          caseId: open.kase.id,
          caseTitle: await open.cipher.decryptText(...FIELDS.title, open.kase.title),
          purpose: open.row.purpose as PurposeCode,
          requester: { id: open.row.requester_organisation_id, legalName: names.get(open.row.requester_organisation_id) ?? '' },
          exportedBy: actor.userId,
          exportedAt: now,
          retention: retentionOf(open.row, open.kase),
          // SPEC DCL-25: the processing of the items' controllers and of the requester in this framework.
          registerNumbers: [
            ...new Set(
              (
                await Promise.all(
                  [open.row.requester_organisation_id, ...approved.map((item) => item.controller_organisation_id)].map(
                    (organisationId) => registerNumbersOf(tx, organisationId, [open.kase.framework_id]),
                  ),
                )
              ).flat(),
            ),
          ].sort(),
          items: await Promise.all(
            approved.map(async (item) => ({
              itemId: item.id,
              category: item.category as CategoryCode,
              controller: { id: item.controller_organisation_id, legalName: names.get(item.controller_organisation_id) ?? '' },
              version: item.version,
              content: payloads.get(item.id)!.content,
              special: itemRequires(item).length > 0,
              secretOfInvestigation: item.secret_of_investigation,
              judicial: item.judicial,
              contested: contested.get(item.id) ?? null,
            })),
          ),
        };
        const content =
          format === 'json'
            ? Buffer.from(`${JSON.stringify(exportJson(data, language), null, 2)}\n`, 'utf8')
            : await renderPdf(exportPdfSpec(data, language));
        await transfers.recordExport(tx, {
          transfer_id: transferId,
          format,
          item_ids: approved.map((item) => item.id),
          // RGT-CON-04 (L1992 art. 38): the evidence that the flag was rendered in this export.
          contested_item_ids: approved.filter((item) => contested.has(item.id)).map((item) => item.id),
          exported_by: actor.userId,
          exported_at: now,
          sha256: createHash('sha256').update(content).digest('hex'),
          destination_country: clearance.country,
          transfer_destination_id: clearance.destinationId,
        });
        await audit.record(tx, {
          actor: auditActorOf(open.context, open.decision),
          action: 'disclose',
          outcome: 'success',
          caseId: open.kase.id,
          records: [
            { type: 'transfer', id: transferId },
            ...approved.map((item) => ({ type: 'item', id: item.id, category: Number(item.category.slice(1)) })),
          ],
          recipients: [{ organisationId: open.row.requester_organisation_id, userId: actor.userId }],
          justification: `own-file transfer, purpose ${open.row.purpose} (bill art. 4)`,
          reason: `own_file_export_${format}`,
        });
        return {
          filename: `concerto-transfer-${transferId}.${format}`,
          mediaType: format === 'json' ? 'application/json' : 'application/pdf',
          content,
        };
      });
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
