/** Consultations and follow-up actions over HTTP (issue 4 scope 5). Each route calls one service function. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActionListSchema,
  ActionParamsSchema,
  ActionSchema,
  AgendaAdditionSchema,
  AgendaItemParamsSchema,
  AttendanceSchema,
  ConsultationListSchema,
  ConsultationParamsSchema,
  ConsultationSchema,
  CreateActionSchema,
  DecisionInputSchema,
  MinutesSchema,
  ScheduleConsultationSchema,
  UpdateActionSchema,
} from '../../../contracts/consultations.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { ConsultationService } from './consultations.service.js';

export interface ConsultationRoutesOptions {
  consultations: ConsultationService;
  guard: SessionGuard;
}

const tags = ['consultations'];

export const consultationRoutes: FastifyPluginAsyncTypebox<ConsultationRoutesOptions> = async (app, options) => {
  const { consultations, guard } = options;
  const withSession = { onRequest: guard.requireSession };
  const answers = { 200: ConsultationSchema, ...problems };

  app.get(
    '/api/consultations',
    {
      ...withSession,
      schema: {
        operationId: 'listConsultations',
        summary: 'Consultations you organise or of whose agenda you may see a case',
        tags,
        response: { 200: ConsultationListSchema, ...problems },
      },
    },
    async (request) => consultations.listConsultations(actorOf(request)),
  );

  app.post(
    '/api/consultations',
    {
      ...withSession,
      schema: {
        operationId: 'scheduleConsultation',
        summary: 'Convene a consultation with an agenda of cases you organise (SPEC WFL-09)',
        tags,
        body: ScheduleConsultationSchema,
        response: { 201: ConsultationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await consultations.scheduleConsultation(actorOf(request), request.body)),
  );

  app.get(
    '/api/consultations/:consultationId',
    {
      ...withSession,
      schema: {
        operationId: 'getConsultation',
        summary: 'A consultation: the agenda items you may see, attendance, minutes, decisions, actions',
        tags,
        params: ConsultationParamsSchema,
        response: answers,
      },
    },
    async (request) => consultations.viewConsultation(actorOf(request), request.params.consultationId),
  );

  app.post(
    '/api/consultations/:consultationId/agenda',
    {
      ...withSession,
      schema: {
        operationId: 'addAgendaItem',
        summary: 'Put one more of your cases on the agenda',
        tags,
        params: ConsultationParamsSchema,
        body: AgendaAdditionSchema,
        response: answers,
      },
    },
    async (request) => consultations.addToAgenda(actorOf(request), request.params.consultationId, request.body),
  );

  app.post(
    '/api/consultations/:consultationId/opening',
    {
      ...withSession,
      schema: {
        operationId: 'openConsultation',
        summary: 'Open the consultation; refused while a case has no agreed maximum retention (bill art. 3 §1)',
        tags,
        params: ConsultationParamsSchema,
        response: answers,
      },
    },
    async (request) => consultations.openConsultation(actorOf(request), request.params.consultationId),
  );

  app.post(
    '/api/consultations/:consultationId/closing',
    {
      ...withSession,
      schema: {
        operationId: 'closeConsultation',
        summary: 'Close the consultation; its cases move to follow-up (SPEC WFL-08)',
        tags,
        params: ConsultationParamsSchema,
        response: answers,
      },
    },
    async (request) => consultations.closeConsultation(actorOf(request), request.params.consultationId),
  );

  app.post(
    '/api/consultations/:consultationId/attendance',
    {
      ...withSession,
      schema: {
        operationId: 'recordAttendance',
        summary: 'Record your presence, and the authority you represent if any (bill art. 5)',
        tags,
        params: ConsultationParamsSchema,
        body: AttendanceSchema,
        response: answers,
      },
    },
    async (request) => consultations.recordAttendance(actorOf(request), request.params.consultationId, request.body),
  );

  app.put(
    '/api/consultations/:consultationId/agenda/:caseId/minutes',
    {
      ...withSession,
      schema: {
        operationId: 'setMinutes',
        summary: 'The minutes of one agenda item (encrypted under its case)',
        tags,
        params: AgendaItemParamsSchema,
        body: MinutesSchema,
        response: answers,
      },
    },
    async (request) =>
      consultations.setMinutes(actorOf(request), request.params.consultationId, request.params.caseId, request.body),
  );

  app.post(
    '/api/consultations/:consultationId/agenda/:caseId/decisions',
    {
      ...withSession,
      schema: {
        operationId: 'recordDecision',
        summary: 'A decision taken on one agenda item',
        tags,
        params: AgendaItemParamsSchema,
        body: DecisionInputSchema,
        response: answers,
      },
    },
    async (request) =>
      consultations.recordDecision(actorOf(request), request.params.consultationId, request.params.caseId, request.body),
  );

  app.post(
    '/api/consultations/:consultationId/agenda/:caseId/actions',
    {
      ...withSession,
      schema: {
        operationId: 'assignAction',
        summary: 'Assign a follow-up action to a participant of the case, with a due date (SPEC WFL-10)',
        tags,
        params: AgendaItemParamsSchema,
        body: CreateActionSchema,
        response: answers,
      },
    },
    async (request) =>
      consultations.assignAction(actorOf(request), request.params.consultationId, request.params.caseId, request.body),
  );

  app.patch(
    '/api/cases/:caseId/actions/:actionId',
    {
      ...withSession,
      schema: {
        operationId: 'updateAction',
        summary: "Record an action's progress (its assignee or the organiser)",
        tags,
        params: ActionParamsSchema,
        body: UpdateActionSchema,
        response: { 200: ActionSchema, ...problems },
      },
    },
    async (request) =>
      consultations.updateAction(actorOf(request), request.params.caseId, request.params.actionId, request.body),
  );

  app.get(
    '/api/actions',
    {
      ...withSession,
      schema: {
        operationId: 'listActions',
        summary: "Your organisation's actions and those of the cases it organises, overdue ones flagged",
        tags,
        response: { 200: ActionListSchema, ...problems },
      },
    },
    async (request) => consultations.listActions(actorOf(request)),
  );
};
