/**
 * The controller's penal evidence over HTTP (L1992 arts 38-39; SPEC PEN-01, PEN-02, PEN-04..PEN-10,
 * PEN-21 — the trace of a leaked copy),
 * for its DPO. Each route calls one service function and sends the report as a download: JSON, or
 * CSV (PDF for the art. 38 pack).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  EvidencePackQuerySchema,
  EvidenceReportQuerySchema,
  LeakTraceQuerySchema,
  LeakTraceSchema,
  SlaReportQuerySchema,
} from '../../../contracts/penal-evidence.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { sendDownload } from '../../http/download.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { PenalEvidenceService } from './penal-evidence.service.js';

export interface PenalEvidenceRoutesOptions {
  evidence: PenalEvidenceService;
  guard: SessionGuard;
}

const tags = ['penal-evidence'];
const report = Type.Unknown({ description: 'The report (JSON, or CSV; the art. 38 pack as JSON or PDF)' });

export const penalEvidenceRoutes: FastifyPluginAsyncTypebox<PenalEvidenceRoutesOptions> = async (
  app,
  { evidence, guard },
) => {
  const withSession = { onRequest: guard.requireSession };
  const reportRoute = (
    path: string,
    operationId: string,
    summary: string,
    run: typeof evidence.uninformedCollections,
  ) =>
    app.get(
      path,
      {
        ...withSession,
        schema: {
          operationId,
          summary,
          tags,
          querystring: EvidenceReportQuerySchema,
          response: { 200: report, ...problems },
        },
      },
      async (request, reply) => sendDownload(reply, await run(actorOf(request), request.query)),
    );

  app.get(
    '/api/penal-evidence/art-38-pack',
    {
      ...withSession,
      schema: {
        operationId: 'getPenalEvidencePack',
        summary:
          "Your controller's art. 38 evidence pack for a period: contested flags per disclosure, processing statement, declaration conformity, access permissions, refused disclosures (L1992 art. 38; SPEC PEN-01)",
        tags,
        querystring: EvidencePackQuerySchema,
        response: { 200: report, ...problems },
      },
    },
    async (request, reply) => sendDownload(reply, await evidence.art38Pack(actorOf(request), request.query)),
  );

  reportRoute(
    '/api/penal-evidence/uninformed-collections',
    'getUninformedCollections',
    'Persons collected from the data subject without the notice delivered, empty when compliant (L1992 art. 39 1°; SPEC PEN-02)',
    evidence.uninformedCollections,
  );

  reportRoute(
    '/api/penal-evidence/minimisation',
    'getMinimisationGrounds',
    'Items without their purpose code, justification or exception ground of arts 6-8 (L1992 art. 39 3°; SPEC PEN-04)',
    evidence.minimisation,
  );

  reportRoute(
    '/api/penal-evidence/overdue-information',
    'getOverdueInformation',
    'The information obligations overdue, with their statuses and exemptions (L1992 art. 39 4°; SPEC PEN-05)',
    evidence.overdueInformation,
  );

  app.get(
    '/api/penal-evidence/access-request-sla',
    {
      ...withSession,
      schema: {
        operationId: 'getAccessRequestSla',
        summary:
          'Every access request with its reception and answer dates, days to reply against the 45 days, and the archived hash of each answer issued (L1992 art. 39 5°; SPEC PEN-06)',
        tags,
        querystring: SlaReportQuerySchema,
        response: { 200: report, ...problems },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await evidence.accessRequestSla(actorOf(request), request.query)),
  );

  reportRoute(
    '/api/penal-evidence/declaration-coverage',
    'getDeclarationCoverage',
    'Every active framework of your controller with its declaration submitted on or before its start (L1992 art. 39 7°; SPEC PEN-08)',
    evidence.declarationCoverage,
  );

  reportRoute(
    '/api/penal-evidence/declaration-conformity',
    'getDeclarationConformity',
    'The configuration against the latest declaration of each processing: mismatches (L1992 art. 39 8°; SPEC PEN-09)',
    evidence.declarationConformity,
  );

  app.get(
    '/api/penal-evidence/leak-trace',
    {
      ...withSession,
      schema: {
        operationId: 'getLeakTrace',
        summary:
          'The exports of your controller’s items that a leaked copy names: by the user and instant of its watermark, or by its SHA-256, with their audit events (CP art. 458; SPEC PEN-21)',
        tags,
        querystring: LeakTraceQuerySchema,
        response: { 200: LeakTraceSchema, ...problems },
      },
    },
    async (request) => evidence.leakTrace(actorOf(request), request.query),
  );

  reportRoute(
    '/api/penal-evidence/template-inventory',
    'getTemplateInventory',
    'Each document template rendered, with whether the register number is in its footer (L1992 art. 39 9°; SPEC PEN-10)',
    evidence.templateInventory,
  );
};
