/**
 * Transfers abroad over HTTP (issue 6 scope 5; SPEC TRF-01..12, PEN-03, PEN-13): a controller's DPO
 * keeps its transfer register, its adequacy assessments and reads its blocked-transfer log; the
 * platform operator keeps the deny-list of the royal decrees. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddDenyRuleSchema,
  AdequacyAssessmentSchema,
  AssessmentParamsSchema,
  BlockedTransferListSchema,
  CountryListsSchema,
  DenyRuleListSchema,
  DenyRuleParamsSchema,
  DenyRuleSchema,
  DestinationParamsSchema,
  DestinationSchema,
  EndDestinationSchema,
  RecordAdequacyAssessmentSchema,
  RegisterDestinationSchema,
  RepealDenyRuleSchema,
  TransferRegisterSchema,
  WithdrawAssessmentSchema,
} from '../../../contracts/cross-border.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { CrossBorderService } from './cross-border.service.js';

export interface CrossBorderRoutesOptions {
  crossBorder: CrossBorderService;
  guard: SessionGuard;
}

const tags = ['cross-border'];
/** A destination with D7's contractual clauses: a PDF of up to 2 MB, base64. */
const DESTINATION_BODY_LIMIT = 3 * 1024 * 1024;

export const crossBorderRoutes: FastifyPluginAsyncTypebox<CrossBorderRoutesOptions> = async (
  app,
  { crossBorder, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/cross-border/countries',
    {
      ...withSession,
      schema: {
        operationId: 'getTransferCountries',
        summary:
          'The member states of the Community and the EEA states outside it, with their sources (L2007 art. 21)',
        tags,
        response: { 200: CountryListsSchema, ...problems },
      },
    },
    async () => crossBorder.countries(),
  );

  app.get(
    '/api/cross-border/register',
    {
      ...withSession,
      schema: {
        operationId: 'getTransferRegister',
        summary:
          "Your controller's transfer register: destinations with their ground, adequacy assessments, deny rules in force, what the declaration's §6 will say, and the derogations offered (SPEC TRF-01)",
        tags,
        response: { 200: TransferRegisterSchema, ...problems },
      },
    },
    async (request) => crossBorder.viewRegister(actorOf(request)),
  );

  app.get(
    '/api/cross-border/register/export',
    {
      ...withSession,
      schema: {
        operationId: 'exportTransferRegister',
        summary:
          'The transfer register and the blocked-transfer log as one JSON document, for the supervisory authority (SPEC PEN-13)',
        tags,
        response: { 200: Type.Unknown({ description: 'The register as a JSON file' }), ...problems },
      },
    },
    async (request, reply) => sendDownload(reply, await crossBorder.exportRegister(actorOf(request))),
  );

  app.post(
    '/api/cross-border/destinations',
    {
      ...withSession,
      bodyLimit: DESTINATION_BODY_LIMIT,
      schema: {
        operationId: 'registerTransferDestination',
        summary:
          'Register where your data are stored, accessed or sent, with its country and categories; outside the Community, with an adequacy assessment or a derogation of art. 22 (L2007 arts 21-22)',
        tags,
        body: RegisterDestinationSchema,
        response: { 201: DestinationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await crossBorder.registerDestination(actorOf(request), request.body)),
  );

  app.post(
    '/api/cross-border/destinations/:destinationId/end',
    {
      ...withSession,
      schema: {
        operationId: 'endTransferDestination',
        summary: 'End a destination, with the reason: nothing is sent there any more',
        tags,
        params: DestinationParamsSchema,
        body: EndDestinationSchema,
        response: { 200: DestinationSchema, ...problems },
      },
    },
    async (request) =>
      crossBorder.endDestination(actorOf(request), request.params.destinationId, request.body),
  );

  app.get(
    '/api/cross-border/destinations/:destinationId/clauses',
    {
      ...withSession,
      schema: {
        operationId: 'getTransferClauses',
        summary: 'The contractual clauses of a destination authorised by royal decree (SPEC TRF-10)',
        tags,
        params: DestinationParamsSchema,
        response: { 200: Type.Unknown({ description: 'The clauses as a PDF file' }), ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await crossBorder.destinationClauses(actorOf(request), request.params.destinationId),
      ),
  );

  app.post(
    '/api/cross-border/adequacy-assessments',
    {
      ...withSession,
      schema: {
        operationId: 'recordAdequacyAssessment',
        summary:
          'Record an adequacy assessment: data, purpose, duration, countries, law, professional rules, security, conclusion and reviewer (L2007 art. 21 §1 al. 2)',
        tags,
        body: RecordAdequacyAssessmentSchema,
        response: { 201: AdequacyAssessmentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await crossBorder.recordAssessment(actorOf(request), request.body)),
  );

  app.post(
    '/api/cross-border/adequacy-assessments/:assessmentId/withdrawal',
    {
      ...withSession,
      schema: {
        operationId: 'withdrawAdequacyAssessment',
        summary: 'Withdraw an assessment no destination in force rests on, with the reason',
        tags,
        params: AssessmentParamsSchema,
        body: WithdrawAssessmentSchema,
        response: { 200: AdequacyAssessmentSchema, ...problems },
      },
    },
    async (request) =>
      crossBorder.withdrawAssessment(actorOf(request), request.params.assessmentId, request.body),
  );

  app.get(
    '/api/cross-border/deny-rules',
    {
      ...withSession,
      schema: {
        operationId: 'listTransferDenyRules',
        summary:
          'The transfers royal decrees forbid outside the Community, in force and repealed (L2007 art. 21 §2)',
        tags,
        response: { 200: DenyRuleListSchema, ...problems },
      },
    },
    async (request) => crossBorder.listDenyRules(actorOf(request)),
  );

  app.post(
    '/api/cross-border/deny-rules',
    {
      ...withSession,
      schema: {
        operationId: 'addTransferDenyRule',
        summary:
          "Record a royal decree's prohibition (country, categories, kinds, circumstance): it overrides every adequacy assessment and derogation (L2007 art. 21 §2)",
        tags,
        body: AddDenyRuleSchema,
        response: { 201: DenyRuleSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await crossBorder.addDenyRule(actorOf(request), request.body)),
  );

  app.post(
    '/api/cross-border/deny-rules/:ruleId/repeal',
    {
      ...withSession,
      schema: {
        operationId: 'repealTransferDenyRule',
        summary: 'Repeal a deny rule, with the reason (the decree was repealed)',
        tags,
        params: DenyRuleParamsSchema,
        body: RepealDenyRuleSchema,
        response: { 200: DenyRuleSchema, ...problems },
      },
    },
    async (request) => crossBorder.repealDenyRule(actorOf(request), request.params.ruleId, request.body),
  );

  app.get(
    '/api/cross-border/blocked-transfers',
    {
      ...withSession,
      schema: {
        operationId: 'listBlockedTransfers',
        summary:
          'The transfers refused for your controller, newest first, with their rules and reasons (SPEC PEN-03)',
        tags,
        response: { 200: BlockedTransferListSchema, ...problems },
      },
    },
    async (request) => crossBorder.listBlockedTransfers(actorOf(request)),
  );
};
