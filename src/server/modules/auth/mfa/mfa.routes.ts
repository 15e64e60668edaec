/**
 * Second factors (issue 3 scope 3–4): enrolment from an enrolment session, further passkeys
 * with a fresh second factor, and step-up. Routes call one service function each.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SessionInfoSchema } from '../../../../contracts/auth.js';
import {
  MfaEnrolledSchema,
  PasskeyCreationOptionsSchema,
  PasskeyRegistrationSchema,
  PasskeyRequestOptionsSchema,
  PasskeySchema,
  StepUpSchema,
  TotpConfirmationSchema,
  TotpEnrolmentSchema,
} from '../../../../contracts/mfa.js';
import { ProblemSchema } from '../../../../contracts/problem.js';
import { sessionInfo } from '../current-session.js';
import { type SessionGuard, sessionOf, setSessionCookie } from '../session-guard.js';
import type { SessionLimits } from '../session-lifetime.js';
import type { EnrolmentService, Enrolled } from './enrolment.service.js';
import type { StepUpService } from './step-up.service.js';

export interface MfaRoutesOptions {
  enrolment: EnrolmentService;
  stepUp: StepUpService;
  guard: SessionGuard;
  limits: SessionLimits;
}

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};

export const mfaRoutes: FastifyPluginAsyncTypebox<MfaRoutesOptions> = async (app, options) => {
  const { enrolment, stepUp, guard, limits } = options;
  const enrolling = { onRequest: guard.requireEnrolmentSession };
  const tags = ['auth'];
  /** The enrolment session is replaced: the browser gets the new cookie, the page the codes. */
  const enrolled = (reply: Parameters<typeof setSessionCookie>[0], result: Enrolled) => {
    setSessionCookie(reply, result.session.cookieValue);
    return { session: sessionInfo(result.session, limits), recoveryCodes: result.recoveryCodes };
  };

  app.post(
    '/api/auth/mfa/enrolment/totp',
    {
      ...enrolling,
      schema: {
        operationId: 'startTotpEnrolment',
        summary: 'A new TOTP secret, as text, otpauth URI and QR code, to confirm with a code',
        tags,
        response: { 200: TotpEnrolmentSchema, ...problems },
      },
    },
    async (request) => enrolment.startTotp(sessionOf(request)),
  );

  app.post(
    '/api/auth/mfa/enrolment/totp/confirm',
    {
      ...enrolling,
      schema: {
        operationId: 'confirmTotpEnrolment',
        summary: 'Confirm TOTP with a code: recovery codes once, and a full session under a new id',
        tags,
        body: TotpConfirmationSchema,
        response: { 200: MfaEnrolledSchema, ...problems },
      },
    },
    async (request, reply) => enrolled(reply, await enrolment.confirmTotp(sessionOf(request), request.body)),
  );

  app.post(
    '/api/auth/mfa/enrolment/passkey/options',
    {
      ...enrolling,
      schema: {
        operationId: 'startPasskeyEnrolment',
        summary: 'Options for navigator.credentials.create(), to enrol a passkey',
        tags,
        response: { 200: PasskeyCreationOptionsSchema, ...problems },
      },
    },
    async (request) => enrolment.passkeyOptions(sessionOf(request)),
  );

  app.post(
    '/api/auth/mfa/enrolment/passkey',
    {
      ...enrolling,
      schema: {
        operationId: 'confirmPasskeyEnrolment',
        summary: 'Enrol the passkey just created: recovery codes once, and a full session under a new id',
        tags,
        body: PasskeyRegistrationSchema,
        response: { 200: MfaEnrolledSchema, ...problems },
      },
    },
    async (request, reply) =>
      enrolled(reply, await enrolment.enrolPasskey(sessionOf(request), request.body.credential)),
  );

  app.post(
    '/api/auth/mfa/passkeys/options',
    {
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'startPasskeyRegistration',
        summary: 'Options for navigator.credentials.create(), to add a passkey (needs a fresh second factor)',
        tags,
        response: { 200: PasskeyCreationOptionsSchema, ...problems },
      },
    },
    async (request) => enrolment.passkeyOptions(sessionOf(request)),
  );

  app.post(
    '/api/auth/mfa/passkeys',
    {
      onRequest: guard.requireFreshMfa,
      schema: {
        operationId: 'registerPasskey',
        summary: 'Add the passkey just created (needs a fresh second factor)',
        tags,
        body: PasskeyRegistrationSchema,
        response: { 200: PasskeySchema, ...problems },
      },
    },
    async (request) => enrolment.addPasskey(sessionOf(request), request.body.credential),
  );

  app.post(
    '/api/auth/step-up/passkey/options',
    {
      onRequest: guard.requireSession,
      schema: {
        operationId: 'startPasskeyStepUp',
        summary: 'Options for navigator.credentials.get(), to confirm the second factor again',
        tags,
        response: { 200: PasskeyRequestOptionsSchema, ...problems },
      },
    },
    async (request) => stepUp.passkeyOptions(sessionOf(request)),
  );

  app.post(
    '/api/auth/step-up',
    {
      onRequest: guard.requireSession,
      schema: {
        operationId: 'stepUp',
        summary:
          'Confirm the second factor again (TOTP or passkey) before a sensitive action; the session gets a new id',
        tags,
        body: StepUpSchema,
        response: { 200: SessionInfoSchema, ...problems },
      },
    },
    async (request, reply) => {
      const renewed = await stepUp.stepUp(sessionOf(request), request.body);
      setSessionCookie(reply, renewed.cookieValue);
      return sessionInfo(renewed, limits);
    },
  );
};
