/** Cases and their workflow over HTTP (issue 4 scope 2). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
import {
  AdmissionSchema,
  CaseDetailSchema,
  CaseListSchema,
  CaseParamsSchema,
  CaseParticipantParamsSchema,
  type CaseStateResult,
  CaseStateSchema,
  CaseSummarySchema,
  CreateCaseSchema,
  ReasonSchema,
  RetentionApprovalSchema,
  RetentionProposalSchema,
  ReviewRequestSchema,
  ReviewSchema,
  SignalDecisionSchema,
  SignalSchema,
} from '../../../contracts/cases.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { Actor } from '../identity/platform-access.js';
import type { CaseService } from './cases.service.js';

export interface CaseRoutesOptions {
  cases: CaseService;
  guard: SessionGuard;
}

const tags = ['cases'];

export const caseRoutes: FastifyPluginAsyncTypebox<CaseRoutesOptions> = async (app, { cases, guard }) => {
  const withSession = { onRequest: guard.requireSession };

  /** A POST that changes the case's state and answers its new state. */
  function transition<T extends TSchema>(
    path: string,
    operationId: string,
    summary: string,
    body: T,
    run: (actor: Actor, caseId: string, input: Static<T>) => Promise<CaseStateResult>,
  ): void {
    app.post(
      path,
      {
        ...withSession,
        schema: { operationId, summary, tags, params: CaseParamsSchema, body, response: { 200: CaseStateSchema, ...problems } },
      },
      // The route's schemas validated both before the handler runs.
      async (request) => run(actorOf(request), (request.params as { caseId: string }).caseId, request.body as Static<T>),
    );
  }

  app.get(
    '/api/cases',
    {
      ...withSession,
      schema: {
        operationId: 'listCases',
        summary: 'The cases your organisation (or the authority you represent) may see',
        tags,
        response: { 200: CaseListSchema, ...problems },
      },
    },
    async (request) => cases.listCases(actorOf(request)),
  );

  app.post(
    '/api/cases',
    {
      ...withSession,
      schema: {
        operationId: 'createCase',
        summary: "Pre-register a case in your organisation's sealed compartment (bill art. 2 §3 1°)",
        tags,
        body: CreateCaseSchema,
        response: { 201: CaseSummarySchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await cases.createCase(actorOf(request), request.body)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      ...withSession,
      schema: {
        operationId: 'getCase',
        summary: 'One case with what you may see of it, if you are in its audience',
        tags,
        params: CaseParamsSchema,
        response: { 200: CaseDetailSchema, ...problems },
      },
    },
    async (request) => cases.viewCase(actorOf(request), request.params.caseId),
  );

  transition(
    '/api/cases/:caseId/review-request',
    'requestCaseReview',
    'Share the draft read-only with a reviewer organisation, e.g. the parquet (SPEC WFL-02)',
    ReviewRequestSchema,
    (actor, caseId, input) => cases.requestReview(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/review',
    'reviewCase',
    "The reviewer's decision: signal (with the selection), do not signal, or more information (SPEC WFL-02)",
    ReviewSchema,
    (actor, caseId, input) => cases.reviewCase(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/signal',
    'signalCase',
    'Signal the case to the organiser with the minimum set of records (bill art. 2 §3 1°; SPEC WFL-03)',
    SignalSchema,
    (actor, caseId, input) => cases.signalCase(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/not-signalled',
    'closeDraft',
    'Close a draft that will not be signalled (SPEC WFL-05)',
    ReasonSchema,
    (actor, caseId, input) => cases.closeDraft(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/signal-decision',
    'decideSignal',
    'The organiser accepts or refuses the signal, with reasons (SPEC WFL-06)',
    SignalDecisionSchema,
    (actor, caseId, input) => cases.decideSignal(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/participants',
    'admitParticipant',
    'Admit a participant of the framework, with the ground of bill art. 2 §3 2° (SPEC ROL-02)',
    AdmissionSchema,
    (actor, caseId, input) => cases.admitParticipant(actor, caseId, input),
  );

  app.post(
    '/api/cases/:caseId/participants/:organisationId/revocation',
    {
      ...withSession,
      schema: {
        operationId: 'revokeParticipant',
        summary: "End a participant's admission (SPEC ROL-02)",
        tags,
        params: CaseParticipantParamsSchema,
        body: ReasonSchema,
        response: { 200: CaseStateSchema, ...problems },
      },
    },
    async (request) =>
      cases.revokeParticipant(actorOf(request), request.params.caseId, request.params.organisationId, request.body),
  );

  app.put(
    '/api/cases/:caseId/retention',
    {
      ...withSession,
      schema: {
        operationId: 'proposeRetention',
        summary: 'Propose the maximum retention after closure, before the first consultation (bill art. 3 §1)',
        tags,
        params: CaseParamsSchema,
        body: RetentionProposalSchema,
        response: { 200: CaseStateSchema, ...problems },
      },
    },
    async (request) => cases.proposeRetention(actorOf(request), request.params.caseId, request.body),
  );

  transition(
    '/api/cases/:caseId/retention/approvals',
    'approveRetention',
    "Approve the current retention proposal for your organisation (SPEC FIL-01)",
    RetentionApprovalSchema,
    (actor, caseId, input) => cases.approveRetention(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/closure',
    'closeCase',
    'Close the case: date and reason; it becomes read-only (SPEC WFL-11)',
    ReasonSchema,
    (actor, caseId, input) => cases.closeCase(actor, caseId, input),
  );
  transition(
    '/api/cases/:caseId/reopening',
    'reopenCase',
    'Reopen a closed case; the retention clock is suspended (SPEC WFL-11)',
    ReasonSchema,
    (actor, caseId, input) => cases.reopenCase(actor, caseId, input),
  );
};
