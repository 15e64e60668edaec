/**
 * Attachments of information items (issue 4 scope 4): the type is decided by the content, images
 * lose their metadata (EXIF, IPTC, XMP: a location or an author that nobody chose to share), a
 * document marked as classified is refused (bill Comm. art. 2; SPEC DAT-20), size and a per-case
 * quota are limited, and bytes and name are encrypted under the case key. A download is a consult
 * event, served with an RFC 6266 name, to those who may see the item's content.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AttachmentQuerySchema, type Attachment } from '../../../contracts/items.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import {
  type AllowedMediaType,
  MEDIA_TYPE_EXTENSIONS,
  markingInDocument,
  safeFilename,
  sniffMediaType,
  stripImageMetadata,
} from '../../kernel/documents/index.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { contentVisible } from '../access/record-visibility.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { FIELDS } from './case-fields.js';
import { isoOf, itemRequires } from './case-presenter.js';
import type { CaseRecordsDeps } from './case-records.service.js';
import { caseOpener, type OpenCase } from './open-case.js';
import type { ItemRow } from './records.repository.js';
import { blockedRule } from './royal-decree-item-rules.js';

/** One attachment at most (a scanned report of some pages). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** All attachments of one case together. */
export const CASE_ATTACHMENT_QUOTA_BYTES = 200 * 1024 * 1024;

const CLASSIFIED_RULE = 'bill Comm. art. 2 (SPEC DAT-20)';

/**
 * The name an attachment is kept and offered under: the uploader's, with an extension that fits
 * the type its content has, so that a PNG named "report.pdf" is not saved as a PDF by the browser.
 */
function nameFittingType(filename: string, mediaType: AllowedMediaType): string {
  const name = safeFilename(filename);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const expected = MEDIA_TYPE_EXTENSIONS[mediaType];
  const fits = extension === expected || (mediaType === 'image/jpeg' && extension === 'jpeg');
  return fits ? name : safeFilename(`${name}.${expected}`);
}

export interface Download {
  filename: string;
  mediaType: AllowedMediaType;
  content: Buffer;
}

export function createCaseAttachments(deps: CaseRecordsDeps) {
  const { db, records, access, audit, clock } = deps;
  const openCase = caseOpener(deps);

  async function visibleItem(tx: Tx, open: OpenCase, itemId: string): Promise<ItemRow> {
    refuseIfAny(shapeIssues(IdSchema, itemId, 'params/itemId'));
    const item = await records.itemById(tx, open.row.id, itemId, brusselsDateOf(clock.now()));
    if (!item || (open.sharedOnly && !item.shared) || item.erased_at) {
      throw new DomainError('not_found', { detail: 'No such item' });
    }
    return item;
  }

  return {
    /** The item's controller attaches a document (ROL-09: the item is theirs). */
    addAttachment(
      actor: Actor,
      caseId: string,
      itemId: string,
      query: { filename: string; classification: string },
      body: Buffer,
    ): Promise<Attachment> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'collect');
        const item = await visibleItem(tx, open, itemId);
        access.require(open.context, { action: 'case.contribute', kase: open.facts, owner: item.controller_organisation_id }, 'collect', caseId);
        // A blocked item is processed no further (SPEC DAT-22, SEC-11, DAT-33): it is erased, or released.
        if (item.blocked_at) {
          throw new DomainError('conflict', { detail: 'The item is blocked: no document is added to it', rule: blockedRule(item.blocked_reason) });
        }
        // DAT-19: a document of a special-category item is its content: only the designated add one.
        if (!contentVisible(open.context.facts.designations, { requires: itemRequires(item) })) {
          throw new DomainError('forbidden', {
            detail: 'Only persons your organisation designated for this special category attach documents to it',
            rule: 'bill art. 3 §2 al. 2 (SPEC DAT-19)',
          });
        }
        refuseIfAny(shapeIssues(AttachmentQuerySchema, query, 'querystring'));
        if (query.classification !== 'non_classified') {
          throw new DomainError('validation_failed', {
            detail: 'Classified documents may not be attached to the shared file',
            fields: [{ field: '/querystring/classification', message: 'classified information needs a security clearance the shared file does not give' }],
            rule: CLASSIFIED_RULE,
          });
        }
        if (body.length === 0) throw new DomainError('validation_failed', { fields: [{ field: '/body', message: 'is empty' }] });
        if (body.length > ATTACHMENT_MAX_BYTES) throw new DomainError('payload_too_large');
        const mediaType = sniffMediaType(body);
        if (!mediaType) {
          throw new DomainError('unsupported_media_type', {
            detail: 'Attach a PDF, PNG, JPEG or plain-text document',
            fields: [{ field: '/body', message: 'is not a PDF, PNG, JPEG or plain-text document' }],
          });
        }
        const marking = markingInDocument(body, mediaType);
        if (marking) {
          throw new DomainError('validation_failed', {
            detail: `The document carries the classification marking ${marking}`,
            fields: [{ field: '/body', message: `carries the classification marking ${marking}` }],
            rule: CLASSIFIED_RULE,
          });
        }
        if ((await records.attachmentBytes(tx, caseId)) + body.length > CASE_ATTACHMENT_QUOTA_BYTES) {
          throw new DomainError('payload_too_large', { detail: 'The attachments of this case have reached their quota' });
        }
        const content = stripImageMetadata(body, mediaType);
        const id = randomUUID();
        const filename = nameFittingType(query.filename, mediaType);
        const row = await records.insertAttachment(tx, {
          id,
          item_id: itemId,
          case_id: caseId,
          filename: await open.cipher.encrypt(...FIELDS.attachmentName(id), filename),
          media_type: mediaType,
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content: await open.cipher.encrypt(...FIELDS.attachment(id), content),
          created_by: actor.userId,
          created_at: clock.now(),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'collect',
          outcome: 'success',
          caseId,
          records: [{ type: 'attachment', id }, { type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
        });
        return {
          id,
          filename,
          mediaType,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
          createdAt: isoOf(row.created_at),
        };
      });
    },

    /** Served to the case's readers who may see the item's content (DAT-19 for special categories). */
    downloadAttachment(actor: Actor, caseId: string, itemId: string, attachmentId: string): Promise<Download> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const item = await visibleItem(tx, open, itemId);
        refuseIfAny(shapeIssues(IdSchema, attachmentId, 'params/attachmentId'));
        const attachment = await records.attachment(tx, itemId, attachmentId);
        if (!attachment?.content) throw new DomainError('not_found', { detail: 'No such attachment' });
        if (item.blocked_at) {
          throw new DomainError('conflict', { detail: 'The item is blocked: its documents are shown to nobody', rule: blockedRule(item.blocked_reason) });
        }
        if (!contentVisible(open.context.facts.designations, { requires: itemRequires(item) })) {
          throw new DomainError('forbidden', {
            detail: 'This attachment belongs to a special category you were not designated for',
            rule: 'bill art. 3 §2 al. 2 (SPEC DAT-19)',
          });
        }
        const download = {
          filename: await open.cipher.decryptText(...FIELDS.attachmentName(attachmentId), attachment.filename),
          mediaType: attachment.media_type as AllowedMediaType,
          content: await open.cipher.decrypt(...FIELDS.attachment(attachmentId), attachment.content),
        };
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'attachment', id: attachmentId }, { type: 'item', id: itemId, category: Number(item.category.slice(1)) }],
          justification: actor.justification!,
        });
        return download;
      });
    },
  };
}
