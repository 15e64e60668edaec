/**
 * The one mapping from errors to RFC 9457 responses (ARCHITECTURE §3.7). Titles are
 * localised from Accept-Language; the code, not the title, is the stable contract.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../contracts/problem.js';
import { DomainError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../kernel/errors.js';
import { fieldIssues } from '../kernel/field-issues.js';

type Lang = 'fr' | 'nl' | 'de' | 'en';

const TITLES: Record<ErrorCode, Record<Lang, string>> = {
  validation_failed: {
    fr: 'Données invalides',
    nl: 'Ongeldige gegevens',
    de: 'Ungültige Daten',
    en: 'Invalid input',
  },
  bad_request: { fr: 'Requête incorrecte', nl: 'Ongeldig verzoek', de: 'Fehlerhafte Anfrage', en: 'Bad request' },
  unauthenticated: {
    fr: 'Authentification requise',
    nl: 'Aanmelding vereist',
    de: 'Anmeldung erforderlich',
    en: 'Authentication required',
  },
  forbidden: { fr: 'Action non autorisée', nl: 'Handeling niet toegestaan', de: 'Handlung nicht erlaubt', en: 'Not allowed' },
  mfa_enrolment_required: {
    fr: 'Activez d’abord l’authentification à deux facteurs',
    nl: 'Stel eerst tweestapsverificatie in',
    de: 'Richten Sie zuerst die Zwei-Faktor-Authentifizierung ein',
    en: 'Set up two-factor authentication first',
  },
  mfa_required: {
    fr: 'Confirmez votre identité avec votre second facteur',
    nl: 'Bevestig uw identiteit met uw tweede factor',
    de: 'Bestätigen Sie Ihre Identität mit Ihrem zweiten Faktor',
    en: 'Confirm your identity with your second factor',
  },
  webauthn_required: {
    fr: 'Utilisez votre clé d’accès (passkey)',
    nl: 'Gebruik uw passkey',
    de: 'Verwenden Sie Ihren Passkey',
    en: 'Use your passkey',
  },
  justification_required: {
    fr: 'Indiquez pourquoi vous consultez les dossiers pendant cette session',
    nl: 'Geef aan waarom u tijdens deze sessie dossiers raadpleegt',
    de: 'Geben Sie an, warum Sie in dieser Sitzung Akten einsehen',
    en: 'State why you are consulting case files in this session',
  },
  not_found: { fr: 'Introuvable', nl: 'Niet gevonden', de: 'Nicht gefunden', en: 'Not found' },
  method_not_allowed: {
    fr: 'Méthode non autorisée',
    nl: 'Methode niet toegestaan',
    de: 'Methode nicht erlaubt',
    en: 'Method not allowed',
  },
  conflict: { fr: 'Conflit', nl: 'Conflict', de: 'Konflikt', en: 'Conflict' },
  payload_too_large: {
    fr: 'Requête trop volumineuse',
    nl: 'Verzoek te groot',
    de: 'Anfrage zu groß',
    en: 'Request too large',
  },
  unsupported_media_type: {
    fr: 'Type de contenu non pris en charge',
    nl: 'Inhoudstype niet ondersteund',
    de: 'Inhaltstyp nicht unterstützt',
    en: 'Unsupported content type',
  },
  rate_limited: { fr: 'Trop de requêtes', nl: 'Te veel verzoeken', de: 'Zu viele Anfragen', en: 'Too many requests' },
  internal: { fr: 'Erreur interne', nl: 'Interne fout', de: 'Interner Fehler', en: 'Internal error' },
  not_ready: {
    fr: 'Service indisponible',
    nl: 'Dienst niet beschikbaar',
    de: 'Dienst nicht verfügbar',
    en: 'Service unavailable',
  },
};

export function preferredLanguage(acceptLanguage: string | undefined): Lang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'fr' || lang === 'nl' || lang === 'de' || lang === 'en') return lang;
  return 'fr';
}

export function problemBody(
  code: ErrorCode,
  request: FastifyRequest,
  extra: { detail?: string; fields?: FieldIssue[]; rule?: string } = {},
): Problem {
  const body: Problem = {
    type: `urn:concerto:problem:${code}`,
    title: TITLES[code][preferredLanguage(request.headers['accept-language'])],
    status: ERROR_STATUS[code],
    code,
    instance: `urn:concerto:request:${request.id}`,
  };
  if (extra.detail) body.detail = extra.detail;
  if (extra.rule) body.rule = extra.rule;
  if (extra.fields?.length) body.errors = extra.fields;
  return body;
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  extra: { detail?: string; fields?: FieldIssue[]; rule?: string } = {},
): FastifyReply {
  return reply
    .code(ERROR_STATUS[code])
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(code, reply.request, extra));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'rate_limited',
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    if (error.status >= 500) request.log.error({ code: error.code }, 'domain error');
    if (error.details.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    return sendProblem(reply, error.code, error.details);
  }
  if (error.validation) {
    return sendProblem(reply, 'validation_failed', {
      fields: fieldIssues(error.validation, error.validationContext ?? 'body'),
    });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(reply, mapped);
  if (error.statusCode === 429) return sendProblem(reply, 'rate_limited');
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
    return sendProblem(reply, 'bad_request', { detail: 'The body is not valid JSON.' });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, 'bad_request');
  }
  // Log the error class and code only: messages can quote input.
  request.log.error({ err: { type: error.name, code: error.code } }, 'unhandled error');
  return sendProblem(reply, 'internal');
}
