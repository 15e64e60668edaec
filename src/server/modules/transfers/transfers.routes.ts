/**
 * Own-file transfers over HTTP (issue 4 scope 6). Asking for a copy and downloading it are
 * sensitive actions: they need a second factor proven within the last minutes (issue 3 scope 4).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CaseParamsSchema } from '../../../contracts/cases.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  AttestationSchema,
  RequestTransferSchema,
  TransferDecisionsSchema,
  TransferExportParamsSchema,
  TransferListSchema,
  TransferParamsSchema,
  TransferSchema,
} from '../../../contracts/transfers.js';
import { preferredLanguage } from '../../http/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { TransferService } from './transfers.service.js';
import { sendDownload } from '../../http/download.js';

export interface TransferRoutesOptions {
  transfers: TransferService;
  guard: SessionGuard;
}

const tags = ['transfers'];

export const transferRoutes: FastifyPluginAsyncTypebox<TransferRoutesOptions> = async (app, { transfers, guard }) => {
  const withSession = { onRequest: guard.requireSession };
  const withFreshMfa = { onRequest: guard.requireFreshMfa };
  const answers = { 200: TransferSchema, ...problems };

  app.post(
    '/api/cases/:caseId/transfers',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'requestTransfer',
        summary: 'Ask to copy items to your own file, with a purpose and why the shared file is not enough (bill art. 4)',
        tags,
        params: CaseParamsSchema,
        body: RequestTransferSchema,
        response: { 201: TransferSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await transfers.requestTransfer(actorOf(request), request.params.caseId, request.body)),
  );

  app.get(
    '/api/transfers',
    {
      ...withSession,
      schema: {
        operationId: 'listTransfers',
        summary: 'Transfers to decide for your items, and your organisation’s requests',
        tags,
        response: { 200: TransferListSchema, ...problems },
      },
    },
    async (request) => transfers.listTransfers(actorOf(request)),
  );

  app.get(
    '/api/transfers/:transferId',
    {
      ...withSession,
      schema: { operationId: 'getTransfer', summary: 'One transfer, to its parties', tags, params: TransferParamsSchema, response: answers },
    },
    async (request) => transfers.viewTransfer(actorOf(request), request.params.transferId),
  );

  app.post(
    '/api/transfers/:transferId/decisions',
    {
      ...withSession,
      schema: {
        operationId: 'decideTransfer',
        summary: 'Agree, or not, to the copy of your items (bill art. 4 al. 1 2°)',
        tags,
        params: TransferParamsSchema,
        body: TransferDecisionsSchema,
        response: answers,
      },
    },
    async (request) => transfers.decideTransfer(actorOf(request), request.params.transferId, request.body),
  );

  app.post(
    '/api/transfers/:transferId/four-eyes',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'approveTransferFourEyes',
        summary: "A second member's approval, when the framework asks for it (SPEC PUR-06)",
        tags,
        params: TransferParamsSchema,
        response: answers,
      },
    },
    async (request) => transfers.approveFourEyes(actorOf(request), request.params.transferId),
  );

  app.post(
    '/api/transfers/:transferId/attestation',
    {
      ...withSession,
      schema: {
        operationId: 'attestTransfer',
        summary: 'Attest that only persons who took part will access the copy (bill art. 4 al. 2)',
        tags,
        params: TransferParamsSchema,
        body: AttestationSchema,
        response: answers,
      },
    },
    async (request) => transfers.attestTransfer(actorOf(request), request.params.transferId, request.body),
  );

  app.get(
    '/api/transfers/:transferId/export/:format',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'exportTransfer',
        summary: 'Download the approved items as JSON or PDF, with the use-limitation notice and a watermark',
        tags,
        params: TransferExportParamsSchema,
        response: { 200: Type.Unknown({ description: 'The export file' }), ...problems },
      },
    },
    async (request, reply) => {
      const file = await transfers.exportTransfer(
        actorOf(request),
        request.params.transferId,
        request.params.format,
        preferredLanguage(request.headers['accept-language']),
      );
      return sendDownload(reply, file);
    },
  );
};
