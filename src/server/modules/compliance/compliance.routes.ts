/** The compliance module over HTTP (SPEC SCO-08, SCO-12, SEC-03, SEC-04). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ComplianceOwnerSchema,
  DashboardSchema,
  DesignateComplianceOwnerSchema,
  FederalUseGateSchema,
  ImportNormSetSchema,
  NormControlParamsSchema,
  NormSetListSchema,
  NormSetSchema,
  RecordRestoreTestSchema,
  RecordSecurityPlanReviewSchema,
  RestoreTestListSchema,
  SecurityPlanReviewListSchema,
  SetControlStatusSchema,
} from '../../../contracts/compliance.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ComplianceService } from './compliance.service.js';

export interface ComplianceRoutesOptions {
  compliance: ComplianceService;
  guard: SessionGuard;
}

const tags = ['compliance'];

export const complianceRoutes: FastifyPluginAsyncTypebox<ComplianceRoutesOptions> = async (
  app,
  { compliance, guard },
) => {
  const withSession = { onRequest: guard.requireSession };

  app.get(
    '/api/compliance/security-plan-reviews',
    {
      ...withSession,
      schema: {
        operationId: 'listSecurityPlanReviews',
        summary:
          "The reviews of the instance's risk assessment and security plan, and whether one is current (SPEC SEC-03)",
        tags,
        response: { 200: SecurityPlanReviewListSchema, ...problems },
      },
    },
    async (request) => compliance.listSecurityPlanReviews(actorOf(request)),
  );

  app.post(
    '/api/compliance/security-plan-reviews',
    {
      ...withSession,
      schema: {
        operationId: 'recordSecurityPlanReview',
        summary:
          'Record a review of the risk assessment and security plan, yearly or on a significant change (SPEC SEC-03)',
        tags,
        body: RecordSecurityPlanReviewSchema,
        response: { 201: SecurityPlanReviewListSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compliance.recordSecurityPlanReview(actorOf(request), request.body)),
  );

  app.get(
    '/api/compliance/restore-tests',
    {
      ...withSession,
      schema: {
        operationId: 'listRestoreTests',
        summary:
          'The restore tests of the backups, and whether one succeeded within the last 12 months (SPEC SEC-03)',
        tags,
        response: { 200: RestoreTestListSchema, ...problems },
      },
    },
    async (request) => compliance.listRestoreTests(actorOf(request)),
  );

  app.post(
    '/api/compliance/restore-tests',
    {
      ...withSession,
      schema: {
        operationId: 'recordRestoreTest',
        summary:
          'Record the evidence of a restore test (`concerto restore`): its date, outcome and report (SPEC SEC-03)',
        tags,
        body: RecordRestoreTestSchema,
        response: { 201: RestoreTestListSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compliance.recordRestoreTest(actorOf(request), request.body)),
  );

  app.get(
    '/api/compliance/federal-use-gate',
    {
      ...withSession,
      schema: {
        operationId: 'getFederalUseGate',
        summary:
          'The federal-use compliance gate and its conditions: green before a federal participant is onboarded (SPEC SCO-08)',
        tags,
        response: { 200: FederalUseGateSchema, ...problems },
      },
    },
    async (request) => compliance.federalUseGate(actorOf(request)),
  );

  app.get(
    '/api/compliance/dashboard',
    {
      ...withSession,
      schema: {
        operationId: 'getComplianceDashboard',
        summary:
          "Your organisation's compliance dashboard: one indicator per duty, and those not available yet (SPEC SCO-12)",
        tags,
        response: { 200: DashboardSchema, ...problems },
      },
    },
    async (request) => compliance.dashboard(actorOf(request)),
  );

  app.put(
    '/api/compliance/owner',
    {
      ...withSession,
      schema: {
        operationId: 'designateComplianceOwner',
        summary: "Designate the account of your organisation's compliance owner (its DPO; SPEC SCO-12)",
        tags,
        body: DesignateComplianceOwnerSchema,
        response: { 200: ComplianceOwnerSchema, ...problems },
      },
    },
    async (request) => compliance.designateComplianceOwner(actorOf(request), request.body),
  );

  app.get(
    '/api/compliance/norm-sets',
    {
      ...withSession,
      schema: {
        operationId: 'listNormSets',
        summary: "Your organisation's imported IT-security norm checklists, control by control (SPEC SEC-04)",
        tags,
        response: { 200: NormSetListSchema, ...problems },
      },
    },
    async (request) => compliance.listNormSets(actorOf(request)),
  );

  app.post(
    '/api/compliance/norm-sets',
    {
      ...withSession,
      schema: {
        operationId: 'importNormSet',
        summary:
          'Import a published IT-security norm set as a checklist: every control starts "to assess" (SPEC SEC-04)',
        tags,
        body: ImportNormSetSchema,
        response: { 201: NormSetSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compliance.importNormSet(actorOf(request), request.body)),
  );

  app.put(
    '/api/compliance/norm-sets/:normSetId/controls/:controlId/status',
    {
      ...withSession,
      schema: {
        operationId: 'assessNormControl',
        summary: 'Set the status of a control, with how it is met or why it is not (SPEC SEC-04)',
        tags,
        params: NormControlParamsSchema,
        body: SetControlStatusSchema,
        response: { 200: NormSetSchema, ...problems },
      },
    },
    async (request) =>
      compliance.assessControl(
        actorOf(request),
        request.params.normSetId,
        request.params.controlId,
        request.body,
      ),
  );
};
