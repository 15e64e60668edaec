/** The rights desks over HTTP (L2007 arts 10, 12; bill art. 7 al. 2; SPEC §9). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ItemParamsSchema } from '../../../contracts/items.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import {
  AccessAnswerQuerySchema,
  AccessAnswerSchema,
  AnswerRightsPartSchema,
  CommissionPackageSchema,
  DisclosureListSchema,
  ExecuteRightsChangeSchema,
  IntakeRightsRequestSchema,
  RecordExternalDisclosureSchema,
  ReplyLetterSchema,
  RightsPartListSchema,
  RightsPartParamsSchema,
  RightsPartSchema,
  RightsReceiptSchema,
  RightsRequestParamsSchema,
} from '../../../contracts/rights.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { RightsService } from './rights.service.js';
import { sendDownload } from '../../http/download.js';

export interface RightsRoutesOptions {
  rights: RightsService;
  guard: SessionGuard;
}

const tags = ['rights'];
/** A signed request and a proof of identity, each up to 2 MB, base64. */
const INTAKE_BODY_LIMIT = 6 * 1024 * 1024;

export const rightsRoutes: FastifyPluginAsyncTypebox<RightsRoutesOptions> = async (app, { rights, guard }) => {
  const withSession = { onRequest: guard.requireSession };

  app.post(
    '/api/rights-requests',
    {
      ...withSession,
      bodyLimit: INTAKE_BODY_LIMIT,
      schema: {
        operationId: 'intakeRightsRequest',
        summary: "Take in a dated and signed request of a person concerned; it reaches every controller's desk concerned (SPEC RGT-GEN-01)",
        tags,
        body: IntakeRightsRequestSchema,
        response: { 201: RightsReceiptSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await rights.intake(actorOf(request), request.body)),
  );

  app.post(
    '/api/rights-requests/:requestId/identity-verification',
    {
      ...withSession,
      schema: {
        operationId: 'verifyRequesterIdentity',
        summary: "Record that the requester's identity was proven (SPEC RGT-ACC-02)",
        tags,
        params: RightsRequestParamsSchema,
        response: { 200: Type.Object({ requestId: Type.String(), verifiedAt: Type.String() }), ...problems },
      },
    },
    async (request) => rights.verifyIdentity(actorOf(request), request.params.requestId),
  );

  app.get(
    '/api/rights-parts',
    {
      ...withSession,
      schema: {
        operationId: 'listRightsParts',
        summary: "The desk's requests with their legal clocks, reminders and overdue flags (SPEC RGT-ACC-03, RGT-RST-09)",
        tags,
        querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: RightsPartListSchema, ...problems },
      },
    },
    async (request) => rights.queue(actorOf(request), request.query.open ?? false),
  );

  app.get(
    '/api/rights-parts/:partId/access-answer',
    {
      ...withSession,
      schema: {
        operationId: 'accessAnswer',
        summary: 'The answer to a request for access: the data, purposes, categories, recipients, origin and remedies (SPEC RGT-ACC-01)',
        tags,
        params: RightsPartParamsSchema,
        querystring: AccessAnswerQuerySchema,
        response: { 200: Type.Union([AccessAnswerSchema, Type.Unknown()]), ...problems },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const answer = await rights.accessAnswer(actorOf(request), request.params.partId, format);
      if (!Buffer.isBuffer(answer)) return answer;
      return sendDownload(reply, { mediaType: 'application/pdf', filename: `access-answer-${request.params.partId}.pdf`, content: answer });
    },
  );

  app.get(
    '/api/rights-parts/:partId/reply',
    {
      ...withSession,
      schema: {
        operationId: 'rightsReplyLetter',
        summary: 'The letter telling the person the outcome and its reasons, or the judicial route (SPEC RGT-OBJ-02, RGT-JUD-01)',
        tags,
        params: RightsPartParamsSchema,
        querystring: AccessAnswerQuerySchema,
        response: { 200: Type.Union([ReplyLetterSchema, Type.Unknown()]), ...problems },
      },
    },
    async (request, reply) => {
      const letter = await rights.replyLetter(actorOf(request), request.params.partId, request.query.format ?? 'json');
      if (!Buffer.isBuffer(letter)) return letter;
      return sendDownload(reply, { mediaType: 'application/pdf', filename: `reply-${request.params.partId}.pdf`, content: letter });
    },
  );

  app.get(
    '/api/rights-parts/:partId/commission-package',
    {
      ...withSession,
      schema: {
        operationId: 'rightsCommissionPackage',
        summary: "The person's data compiled for the supervisory authority, on its route only (SPEC RGT-IND-02)",
        tags,
        params: RightsPartParamsSchema,
        response: { 200: CommissionPackageSchema, ...problems },
      },
    },
    async (request) => rights.commissionPackage(actorOf(request), request.params.partId),
  );

  app.post(
    '/api/rights-parts/:partId/changes',
    {
      ...withSession,
      schema: {
        operationId: 'executeRightsChange',
        summary: 'Rectify, erase or prohibit the use of an item for the request, as a new version (SPEC RGT-REC-01, RGT-REC-02)',
        tags,
        params: RightsPartParamsSchema,
        body: ExecuteRightsChangeSchema,
        response: { 200: RightsPartSchema, ...problems },
      },
    },
    async (request) => rights.execute(actorOf(request), request.params.partId, request.body),
  );

  app.post(
    '/api/rights-parts/:partId/answer',
    {
      ...withSession,
      schema: {
        operationId: 'answerRightsPart',
        summary: 'Record the answer; a granted change is told to every recipient of the data (SPEC RGT-REC-04, RGT-CRT-02)',
        tags,
        params: RightsPartParamsSchema,
        body: AnswerRightsPartSchema,
        response: { 200: RightsPartSchema, ...problems },
      },
    },
    async (request) => rights.answer(actorOf(request), request.params.partId, request.body),
  );

  app.get(
    '/api/rights-parts/:partId/disclosures',
    {
      ...withSession,
      schema: {
        operationId: 'rightsPartDisclosures',
        summary: 'Every recipient of the data of the request, from the disclosure log (SPEC RGT-CRT-03, RGT-REC-05)',
        tags,
        params: RightsPartParamsSchema,
        response: { 200: DisclosureListSchema, ...problems },
      },
    },
    async (request) => rights.disclosures(actorOf(request), request.params.partId),
  );

  app.get(
    '/api/rights-parts/:partId/evidence-pack',
    {
      ...withSession,
      schema: {
        operationId: 'rightsEvidencePack',
        summary:
          'The litigation evidence pack of an answered request: a ZIP of its artefacts with a manifest signed with the audit checkpoint key (SPEC RGT-CRT-01)',
        tags,
        params: RightsPartParamsSchema,
        response: { 200: Type.Unknown(), ...problems },
      },
    },
    async (request, reply) => {
      const pack = await rights.evidencePack(actorOf(request), request.params.partId);
      return sendDownload(reply, { mediaType: 'application/zip', filename: `evidence-pack-${request.params.partId}.zip`, content: pack });
    },
  );

  app.post(
    '/api/cases/:caseId/items/:itemId/external-disclosures',
    {
      ...withSession,
      schema: {
        operationId: 'recordExternalDisclosure',
        summary: 'Record a communication of your item outside Concerto, and the class of its recipient (SPEC ROL-11)',
        tags,
        params: ItemParamsSchema,
        body: RecordExternalDisclosureSchema,
        response: { 201: Type.Object({ id: Type.String() }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await rights.recordExternalDisclosure(actorOf(request), request.params.caseId, request.params.itemId, request.body)),
  );
};
