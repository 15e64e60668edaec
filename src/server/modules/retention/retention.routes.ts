/** The retention desk over HTTP (SPEC RET-01..08, SCO-09, FIL-09; ADR 0016). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  ApproveDestructionListSchema,
  ApproveRetentionOverrideSchema,
  ConfirmPaperDestructionSchema,
  DecideNecessityReviewSchema,
  DestructionListParamsSchema,
  DestructionListSchema,
  DestructionListSummariesSchema,
  DestructionProofQuerySchema,
  DestructionProofSchema,
  NecessityReviewParamsSchema,
  NecessityReviewSchema,
  NecessityReviewsSchema,
  OwnFileCopyReportSchema,
  PaperDestructionTaskSchema,
  PaperDestructionTasksSchema,
  PaperTaskParamsSchema,
  RetentionOverrideParamsSchema,
  RetentionOverridesSchema,
  RetentionScheduleQuerySchema,
  RetentionScheduleSchema,
} from '../../../contracts/retention.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { RetentionService } from './retention.service.js';

export interface RetentionRoutesOptions {
  retention: RetentionService;
  guard: SessionGuard;
}

const tags = ['retention'];

export const retentionRoutes: FastifyPluginAsyncTypebox<RetentionRoutesOptions> = async (
  app,
  { retention, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/retention/schedule',
    {
      ...withSession,
      schema: {
        operationId: 'retentionSchedule',
        summary:
          "Your organisation's closed cases with the end of their retention and their status: running, due, on legal hold, on a destruction list, destroyed (SPEC RET-01, RET-06)",
        tags,
        querystring: RetentionScheduleQuerySchema,
        response: { 200: RetentionScheduleSchema, ...problems },
      },
    },
    async (request) => retention.retentionSchedule(actorOf(request), request.query),
  );

  app.get(
    '/api/retention/destruction-lists',
    {
      ...withSession,
      schema: {
        operationId: 'listDestructionLists',
        summary:
          'The destruction lists of the cases your organisation keeps or controls records of, newest first (SPEC RET-01)',
        tags,
        response: { 200: DestructionListSummariesSchema, ...problems },
      },
    },
    async (request) => retention.listDestructionLists(actorOf(request)),
  );

  app.get(
    '/api/retention/destruction-lists/:listId',
    {
      ...withSession,
      schema: {
        operationId: 'getDestructionList',
        summary:
          'One destruction list: its cases, the approvals given and missing, what you may do (SPEC RET-01)',
        tags,
        params: DestructionListParamsSchema,
        response: { 200: DestructionListSchema, ...problems },
      },
    },
    async (request) => retention.destructionList(actorOf(request), request.params.listId),
  );

  app.post(
    '/api/retention/destruction-lists/:listId/approvals',
    {
      ...withSession,
      schema: {
        operationId: 'approveDestructionList',
        summary:
          "Approve a destruction list as the cases' keeper or as a controller's DPO: two distinct persons (four eyes); the last approval destroys the cases (SPEC RET-01)",
        tags,
        params: DestructionListParamsSchema,
        body: ApproveDestructionListSchema,
        response: { 200: DestructionListSchema, ...problems },
      },
    },
    async (request) =>
      retention.approveDestructionList(actorOf(request), request.params.listId, request.body),
  );

  app.get(
    '/api/retention/destruction-lists/:listId/proof',
    {
      ...withSession,
      schema: {
        operationId: 'destructionProof',
        summary:
          'The signed proof of destruction of a completed list, as JSON (document and Ed25519 signature) or PDF, citing the audit positions of the destruction (SPEC RET-01, RET-07)',
        tags,
        params: DestructionListParamsSchema,
        querystring: DestructionProofQuerySchema,
        response: { 200: Type.Union([DestructionProofSchema, Type.Unknown()]), ...problems },
      },
    },
    async (request, reply) => {
      const proof = await retention.destructionProof(actorOf(request), request.params.listId, request.query);
      if (!Buffer.isBuffer(proof)) return proof;
      return sendDownload(reply, {
        mediaType: 'application/pdf',
        filename: `destruction-proof-${request.params.listId}.pdf`,
        content: proof,
      });
    },
  );

  app.get(
    '/api/retention/paper-destruction-tasks',
    {
      ...withSession,
      schema: {
        operationId: 'listPaperDestructionTasks',
        summary:
          "Your organisation's paper parts to destroy at the end of their case's retention (SPEC SCO-09)",
        tags,
        response: { 200: PaperDestructionTasksSchema, ...problems },
      },
    },
    async (request) => retention.paperDestructionTasks(actorOf(request)),
  );

  app.post(
    '/api/retention/paper-destruction-tasks/:taskId/confirmation',
    {
      ...withSession,
      schema: {
        operationId: 'confirmPaperDestructionTask',
        summary:
          'Confirm, as a named member of its holder, the day the paper of a purged case was destroyed (SPEC SCO-09)',
        tags,
        params: PaperTaskParamsSchema,
        body: ConfirmPaperDestructionSchema,
        response: { 200: PaperDestructionTaskSchema, ...problems },
      },
    },
    async (request) =>
      retention.confirmPaperDestruction(actorOf(request), request.params.taskId, request.body),
  );

  app.get(
    '/api/retention/necessity-reviews',
    {
      ...withSession,
      schema: {
        operationId: 'listNecessityReviews',
        summary: 'The necessity reviews of the closed cases your organisation keeps (SPEC RET-05)',
        tags,
        response: { 200: NecessityReviewsSchema, ...problems },
      },
    },
    async (request) => retention.necessityReviews(actorOf(request)),
  );

  app.post(
    '/api/retention/necessity-reviews/:reviewId/decision',
    {
      ...withSession,
      schema: {
        operationId: 'decideNecessityReview',
        summary:
          'Keep the case for one of its purposes, or delete it now: it goes on a destruction list (SPEC RET-05, PUR-05)',
        tags,
        params: NecessityReviewParamsSchema,
        body: DecideNecessityReviewSchema,
        response: { 200: NecessityReviewSchema, ...problems },
      },
    },
    async (request) =>
      retention.decideNecessityReview(actorOf(request), request.params.reviewId, request.body),
  );

  app.get(
    '/api/retention/own-file-copies',
    {
      ...withSession,
      schema: {
        operationId: 'ownFileCopyReport',
        summary:
          'The own-file copies your organisation made that are past their due date (SPEC RET-03, FIL-09)',
        tags,
        response: { 200: OwnFileCopyReportSchema, ...problems },
      },
    },
    async (request) => retention.ownFileCopyReport(actorOf(request)),
  );

  app.get(
    '/api/retention/overrides',
    {
      ...withSession,
      schema: {
        operationId: 'listRetentionOverrides',
        summary:
          "The maximum retentions beyond 30 years, with their provision, awaiting your organisation's DPO (SPEC RET-01)",
        tags,
        response: { 200: RetentionOverridesSchema, ...problems },
      },
    },
    async (request) => retention.retentionOverrides(actorOf(request)),
  );

  app.post(
    '/api/retention/overrides/:caseId/approval',
    {
      ...withSession,
      schema: {
        operationId: 'approveRetentionOverride',
        summary:
          'Approve, as the DPO of the organiser, a maximum retention beyond 30 years: it is in force from then on (SPEC RET-01)',
        tags,
        params: RetentionOverrideParamsSchema,
        body: ApproveRetentionOverrideSchema,
        response: { 200: RetentionOverridesSchema, ...problems },
      },
    },
    async (request) =>
      retention.approveRetentionOverride(actorOf(request), request.params.caseId, request.body),
  );
};
