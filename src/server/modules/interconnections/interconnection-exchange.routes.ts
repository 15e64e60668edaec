/**
 * The delivery endpoint of a connected system (SPEC INT-01..03; ADR 0017). It has no session: the
 * connected system signs each request with its registered key. Everything is decided by the
 * service, in one transaction, in the order it documents; in particular the body is checked only
 * once the sender is known (an unregistered, unapproved or switched-off interconnection gets 403
 * whatever it sends), so the route keeps the exact bytes for the signature and lets the service
 * report schema errors itself (attachValidation).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  DeliveryReceiptSchema,
  DeliverySchema,
  InterconnectionParamsSchema,
  SIGNATURE_HEADERS,
} from '../../../contracts/interconnections.js';
import { ProblemSchema, USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import type { InterconnectionExchangeService } from './interconnection-exchange.service.js';

export interface InterconnectionExchangeRoutesOptions {
  exchange: InterconnectionExchangeService;
}

/** A delivery of at most 100 records of 100 fields of 20,000 characters, with room for JSON. */
const DELIVERY_MAX_BYTES = 2 * 1024 * 1024;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export const interconnectionExchangeRoutes: FastifyPluginAsyncTypebox<
  InterconnectionExchangeRoutesOptions
> = async (app, { exchange }) => {
  // The signature covers the bytes as sent: keep them beside the parsed body. A body that is not
  // JSON is passed on as nothing, for the service to refuse once it knows who sent it.
  const rawBodies = new WeakMap<FastifyRequest, string>();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: DELIVERY_MAX_BYTES },
    (request, body, done) => {
      const text = body as string;
      rawBodies.set(request, text);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(null, undefined);
      }
    },
  );

  app.post(
    '/api/interconnections/:interconnectionId/deliveries',
    {
      attachValidation: true,
      // SPEC SEC-05, INT-02: the audit events of a delivery come through the interconnection it names.
      config: { auditChannel: { type: 'interconnection', clientParam: 'interconnectionId' } },
      schema: {
        operationId: 'deliverThroughInterconnection',
        summary:
          'A connected system delivers information for a file linked to a case; signed with its registered Ed25519 key (headers concerto-timestamp, concerto-nonce, concerto-signature). Unregistered, unapproved or switched-off: 403 (SPEC INT-01, INT-02)',
        tags: ['interconnections'],
        params: InterconnectionParamsSchema,
        body: DeliverySchema,
        response: { 201: DeliveryReceiptSchema, ...problems, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const receipt = await exchange.receiveDelivery({
        interconnectionId: (request.params as { interconnectionId: string }).interconnectionId,
        method: request.method,
        path: request.url,
        headers: {
          timestamp: header(request, SIGNATURE_HEADERS.timestamp),
          nonce: header(request, SIGNATURE_HEADERS.nonce),
          signature: header(request, SIGNATURE_HEADERS.signature),
        },
        rawBody: rawBodies.get(request) ?? '',
        body: request.body,
      });
      return reply.code(201).send(receipt);
    },
  );
};
