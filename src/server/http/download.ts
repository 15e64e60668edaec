/**
 * A file leaving Concerto over HTTP (an attachment, an export, an answer to a person): its type,
 * a safe download name, and never a copy in any cache on the way (the content is personal data).
 */
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../kernel/documents/index.js';

export function sendDownload(
  reply: FastifyReply,
  file: { mediaType: string; filename: string; content: Buffer | string },
): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .send(file.content);
}
