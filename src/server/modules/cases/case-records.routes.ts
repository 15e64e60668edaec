/**
 * Persons, information items, attachments and the cross-case person search over HTTP (issue 4
 * scope 3-4; SPEC SEC-07). Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CaseParamsSchema, ReasonSchema, SelectionSchema } from '../../../contracts/cases.js';
import {
  AttachmentParamsSchema,
  AttachmentQuerySchema,
  AttachmentSchema,
  BlockItemSchema,
  CorrectionRequestSchema,
  CreateItemSchema,
  ItemParamsSchema,
  ItemSchema,
  ItemVersionListSchema,
  UpdateItemSchema,
} from '../../../contracts/items.js';
import {
  CreatePersonSchema,
  PersonParamsSchema,
  PersonSchema,
  PersonSearchResultSchema,
  PersonSearchSchema,
  RevealedNumberSchema,
  UpdatePersonSchema,
} from '../../../contracts/persons.js';
import {
  DuePriorNoticeListSchema,
  PriorNoticeSchema,
  RecordPriorNoticeSchema,
} from '../../../contracts/prior-notices.js';
import { ProblemSchema, USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import { ATTACHMENT_MAX_BYTES } from './case-attachments.service.js';
import type { CaseService } from './cases.service.js';
import { sendDownload } from '../../http/download.js';

export interface CaseRecordRoutesOptions {
  cases: CaseService;
  guard: SessionGuard;
}

const tags = ['cases'];

export const caseRecordRoutes: FastifyPluginAsyncTypebox<CaseRecordRoutesOptions> = async (app, { cases, guard }) => {
  const withSession = { onRequest: guard.requireSession };
  // An attachment is sent as its raw bytes; its type is decided by its content, never by the header
  // (text/plain too, which Fastify would otherwise read as a string).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/cases/:caseId/persons',
    {
      ...withSession,
      schema: {
        operationId: 'addPerson',
        summary: 'Add the subject, or a relation/contact of a subject (SPEC DAT-17)',
        tags,
        params: CaseParamsSchema,
        body: CreatePersonSchema,
        response: { 201: PersonSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.addPerson(actorOf(request), request.params.caseId, request.body)),
  );

  app.put(
    '/api/cases/:caseId/persons/:personId',
    {
      ...withSession,
      schema: {
        operationId: 'updatePerson',
        summary: "Rectify a person's identification data (the controller only, SPEC ROL-09)",
        tags,
        params: PersonParamsSchema,
        body: UpdatePersonSchema,
        response: { 200: PersonSchema, ...problems },
      },
    },
    async (request) =>
      cases.updatePerson(actorOf(request), request.params.caseId, request.params.personId, request.body),
  );

  app.post(
    '/api/cases/:caseId/persons/:personId/national-register-number',
    {
      ...withSession,
      schema: {
        operationId: 'revealNationalRegisterNumber',
        summary: 'Show the national register number in full; each reveal is audited (SPEC DAT-01)',
        tags,
        params: PersonParamsSchema,
        response: { 200: RevealedNumberSchema, ...problems },
      },
    },
    async (request) => cases.revealNationalNumber(actorOf(request), request.params.caseId, request.params.personId),
  );

  app.post(
    '/api/cases/:caseId/persons/:personId/prior-notices',
    {
      ...withSession,
      schema: {
        operationId: 'recordPriorNotice',
        summary:
          "Record your organisation's prior written notice to the person, before judicial data about them (L1992 art. 8 §5, SPEC DAT-32)",
        tags,
        params: PersonParamsSchema,
        body: RecordPriorNoticeSchema,
        response: { 201: PriorNoticeSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await cases.recordPriorNotice(actorOf(request), request.params.caseId, request.params.personId, request.body),
        ),
  );

  app.get(
    '/api/prior-notices',
    {
      ...withSession,
      schema: {
        operationId: 'listDuePriorNotices',
        summary: 'The persons your organisation has still to give prior written notice, per case (SPEC DAT-32)',
        tags,
        response: { 200: DuePriorNoticeListSchema, ...problems },
      },
    },
    async (request) => cases.listDuePriorNotices(actorOf(request)),
  );

  app.post(
    '/api/cases/:caseId/items',
    {
      ...withSession,
      schema: {
        operationId: 'addItem',
        summary: 'Add information in one of the 16 categories of bill art. 2 §2 (you become its controller)',
        tags,
        params: CaseParamsSchema,
        body: CreateItemSchema,
        response: { 201: ItemSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.addItem(actorOf(request), request.params.caseId, request.body)),
  );

  app.put(
    '/api/cases/:caseId/items/:itemId',
    {
      ...withSession,
      schema: {
        operationId: 'updateItem',
        summary: 'Change an item as a new version (the controller only, SPEC ROL-09)',
        tags,
        params: ItemParamsSchema,
        body: UpdateItemSchema,
        response: { 200: ItemSchema, ...problems },
      },
    },
    async (request) => cases.updateItem(actorOf(request), request.params.caseId, request.params.itemId, request.body),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/erasure',
    {
      ...withSession,
      schema: {
        operationId: 'eraseItem',
        summary: 'Erase an item: its content and every version (the controller only, SPEC ROL-09)',
        tags,
        params: ItemParamsSchema,
        body: ReasonSchema,
        response: { 200: ItemSchema, ...problems },
      },
    },
    async (request) =>
      cases.eraseItem(actorOf(request), request.params.caseId, request.params.itemId, request.body.reason),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/blocking',
    {
      ...withSession,
      schema: {
        operationId: 'blockItem',
        summary: 'Block an item: consent withdrawn or unlawfully obtained; opens an erasure review (SPEC DAT-22, SEC-11)',
        tags,
        params: ItemParamsSchema,
        body: BlockItemSchema,
        response: { 200: ItemSchema, ...problems },
      },
    },
    async (request) => cases.blockItem(actorOf(request), request.params.caseId, request.params.itemId, request.body),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/release',
    {
      ...withSession,
      schema: {
        operationId: 'releaseItem',
        summary: 'Release an item found lawfully obtained after its review (SPEC SEC-11)',
        tags,
        params: ItemParamsSchema,
        body: ReasonSchema,
        response: { 200: ItemSchema, ...problems },
      },
    },
    async (request) =>
      cases.releaseItem(actorOf(request), request.params.caseId, request.params.itemId, request.body.reason),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/verification',
    {
      ...withSession,
      schema: {
        operationId: 'verifyItem',
        summary: 'Confirm the item accurate and up to date (the controller; SPEC SEC-11)',
        tags,
        params: ItemParamsSchema,
        response: { 200: ItemSchema, ...problems },
      },
    },
    async (request) => cases.verifyItem(actorOf(request), request.params.caseId, request.params.itemId),
  );

  app.get(
    '/api/cases/:caseId/items/:itemId/versions',
    {
      ...withSession,
      schema: {
        operationId: 'listItemVersions',
        summary: 'Every version of an item: who, when, why',
        tags,
        params: ItemParamsSchema,
        response: { 200: ItemVersionListSchema, ...problems },
      },
    },
    async (request) => cases.itemVersions(actorOf(request), request.params.caseId, request.params.itemId),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/correction-requests',
    {
      ...withSession,
      schema: {
        operationId: 'requestCorrection',
        summary: "Ask an item's controller to correct it (SPEC ROL-09)",
        tags,
        params: ItemParamsSchema,
        body: CorrectionRequestSchema,
        response: { 201: Type.Object({ id: Type.String() }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await cases.requestCorrection(actorOf(request), request.params.caseId, request.params.itemId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/sharing',
    {
      ...withSession,
      schema: {
        operationId: 'shareRecords',
        summary: "Share more of your compartment's records with the shared file (SPEC WFL-09)",
        tags,
        params: CaseParamsSchema,
        body: SelectionSchema,
        response: { 200: SelectionSchema, ...problems },
      },
    },
    async (request) => cases.shareRecords(actorOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/attachments',
    {
      ...withSession,
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        operationId: 'addAttachment',
        summary: 'Attach a document (raw body; PDF, PNG, JPEG or text; metadata stripped; never classified)',
        tags,
        params: ItemParamsSchema,
        querystring: AttachmentQuerySchema,
        response: { 201: AttachmentSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await cases.addAttachment(
            actorOf(request),
            request.params.caseId,
            request.params.itemId,
            request.query,
            Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          ),
        ),
  );

  app.get(
    '/api/cases/:caseId/items/:itemId/attachments/:attachmentId',
    {
      ...withSession,
      schema: {
        operationId: 'downloadAttachment',
        summary: 'Download an attachment (audited; RFC 6266 file name)',
        tags,
        params: AttachmentParamsSchema,
        response: { 200: Type.Unknown({ description: 'The file, with its media type' }), ...problems },
      },
    },
    async (request, reply) => {
      const { caseId, itemId, attachmentId } = request.params;
      const download = await cases.downloadAttachment(actorOf(request), caseId, itemId, attachmentId);
      return sendDownload(reply, download);
    },
  );

  app.post(
    '/api/persons/search',
    {
      ...withSession,
      schema: {
        operationId: 'searchPersons',
        summary: 'Find a person across the cases you may see (a permission of its own, SPEC SEC-07)',
        tags,
        body: PersonSearchSchema,
        response: { 200: PersonSearchResultSchema, ...problems },
      },
    },
    async (request) => cases.searchPersons(actorOf(request), request.body),
  );
};
