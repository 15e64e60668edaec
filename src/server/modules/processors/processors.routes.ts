/** The processor registry over HTTP (L2007 art. 16 §1; SPEC PRC-01..PRC-07). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema, USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  CreateProcessorRecordSchema,
  HostCoverageSchema,
  ProcessorDocumentParamsSchema,
  ProcessorDocumentQuerySchema,
  ProcessorListQuerySchema,
  ProcessorParamsSchema,
  ProcessorRecordListSchema,
  ProcessorRecordSchema,
  RecordProcessorReviewSchema,
  UpdateProcessorRecordSchema,
} from '../../../contracts/processors.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import { PROCESSOR_DOCUMENT_MAX_BYTES, type ProcessorService } from './processors.service.js';

export interface ProcessorRoutesOptions {
  processors: ProcessorService;
  guard: SessionGuard;
}

const tags = ['processors'];

export const processorRoutes: FastifyPluginAsyncTypebox<ProcessorRoutesOptions> = async (
  app,
  { processors, guard },
) => {
  const withSession = { onRequest: guard.requireSession };
  // A signed document is sent as the raw PDF; its type is checked by its content.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: PROCESSOR_DOCUMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/processors',
    {
      ...withSession,
      schema: {
        operationId: 'listProcessorRecords',
        summary:
          "Your controller's processor registry (DPO), or the host's records of every controller (operator), with their status",
        tags,
        querystring: ProcessorListQuerySchema,
        response: { 200: ProcessorRecordListSchema, ...problems },
      },
    },
    async (request) => processors.listRecords(actorOf(request), request.query),
  );

  app.get(
    '/api/processors/host-coverage',
    {
      ...withSession,
      schema: {
        operationId: 'getHostCoverage',
        summary:
          "Each controller of the instance and the host's processor record for it (operator; SPEC PRC-01, PRC-06)",
        tags,
        response: { 200: HostCoverageSchema, ...problems },
      },
    },
    async (request) => processors.hostCoverage(actorOf(request)),
  );

  app.post(
    '/api/processors',
    {
      ...withSession,
      schema: {
        operationId: 'createProcessorRecord',
        summary:
          "Record a processor of a controller (its DPO), or propose the host's record for a controller (operator)",
        tags,
        body: CreateProcessorRecordSchema,
        response: { 201: ProcessorRecordSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await processors.createRecord(actorOf(request), request.body)),
  );

  app.get(
    '/api/processors/:recordId',
    {
      ...withSession,
      schema: {
        operationId: 'getProcessorRecord',
        summary: 'A processor record with its documents, reviews, what approval still needs and its status',
        tags,
        params: ProcessorParamsSchema,
        response: { 200: ProcessorRecordSchema, ...problems },
      },
    },
    async (request) => processors.getRecord(actorOf(request), request.params.recordId),
  );

  app.patch(
    '/api/processors/:recordId',
    {
      ...withSession,
      schema: {
        operationId: 'updateProcessorRecord',
        summary:
          'Complete or correct a processor record; a change of an approved term withdraws the approval',
        tags,
        params: ProcessorParamsSchema,
        body: UpdateProcessorRecordSchema,
        response: { 200: ProcessorRecordSchema, ...problems },
      },
    },
    async (request) => processors.updateRecord(actorOf(request), request.params.recordId, request.body),
  );

  app.post(
    '/api/processors/:recordId/approval',
    {
      ...withSession,
      schema: {
        operationId: 'approveProcessorRecord',
        summary:
          "The controller's DPO approves a complete record; refused naming each missing element (L2007 art. 16 §1)",
        tags,
        params: ProcessorParamsSchema,
        response: { 200: ProcessorRecordSchema, ...problems },
      },
    },
    async (request) => processors.approveRecord(actorOf(request), request.params.recordId),
  );

  app.post(
    '/api/processors/:recordId/documents',
    {
      ...withSession,
      bodyLimit: PROCESSOR_DOCUMENT_MAX_BYTES,
      schema: {
        operationId: 'uploadProcessorDocument',
        summary:
          'Add a version of the signed contract, its security annex or the security plan (raw PDF body; kept immutable with its SHA-256)',
        tags,
        params: ProcessorParamsSchema,
        querystring: ProcessorDocumentQuerySchema,
        response: { 201: ProcessorRecordSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await processors.uploadDocument(
            actorOf(request),
            request.params.recordId,
            request.query,
            Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          ),
        ),
  );

  app.get(
    '/api/processors/:recordId/documents/:documentId',
    {
      ...withSession,
      schema: {
        operationId: 'downloadProcessorDocument',
        summary: 'Download a version of a signed document (audited; its SHA-256 in the Repr-Digest header)',
        tags,
        params: ProcessorDocumentParamsSchema,
        response: { 200: Type.Unknown({ description: 'The PDF document' }), ...problems },
      },
    },
    async (request, reply) => {
      const { recordId, documentId } = request.params;
      const document = await processors.downloadDocument(actorOf(request), recordId, documentId);
      // RFC 9530: the digest of the bytes sent, so a download can be checked against the registry.
      reply.header('repr-digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
      return sendDownload(reply, document);
    },
  );

  app.post(
    '/api/processors/:recordId/reviews',
    {
      ...withSession,
      schema: {
        operationId: 'recordProcessorReview',
        summary:
          "The controller's DPO records a compliance review or a review of the security plan, with its outcome (SPEC PRC-02, PRC-07)",
        tags,
        params: ProcessorParamsSchema,
        body: RecordProcessorReviewSchema,
        response: { 201: ProcessorRecordSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await processors.recordReview(actorOf(request), request.params.recordId, request.body)),
  );
};
