/**
 * Destruction orders over HTTP (SPEC PEN-16, RET-09): a court's erasure orders at the controller's
 * retention desk, the emergency destructions of the designated authorities, and the operator's
 * designations. Each route calls one service function.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DesignateEmergencyAuthoritySchema,
  DestructionOrderListSchema,
  DestructionOrderParamsSchema,
  DestructionOrderSchema,
  EmergencyAuthorityListSchema,
  EmergencyAuthorityParamsSchema,
  EmergencyAuthoritySchema,
  ProposeEmergencyDestructionSchema,
  RecordCourtErasureOrderSchema,
} from '../../../contracts/destruction-orders.js';
import { USE_CASE_PROBLEMS as problems } from '../../../contracts/problem.js';
import { DestructionProofSchema } from '../../../contracts/retention.js';
import { actorOf, type SessionGuard } from '../auth/session-guard.js';
import type { DestructionOrderService } from './destruction-orders.service.js';
import type { EmergencyDestructionService } from './emergency-destruction.service.js';

export interface DestructionOrderRoutesOptions {
  courtOrders: DestructionOrderService;
  emergency: EmergencyDestructionService;
  guard: SessionGuard;
}

const tags = ['destruction-orders'];

export const destructionOrderRoutes: FastifyPluginAsyncTypebox<DestructionOrderRoutesOptions> = async (
  app,
  { courtOrders, emergency, guard },
) => {
  const withSession = { onRequest: guard.requireSession };
  // Recording, executing and approving a destruction are sensitive actions: a fresh second factor.
  const withFreshMfa = { onRequest: guard.requireFreshMfa };

  app.get(
    '/api/destruction-orders',
    {
      ...withSession,
      schema: {
        operationId: 'listDestructionOrders',
        summary:
          "The court's erasure orders of your organisation, newest first (L1992 art. 41 §1; SPEC PEN-16)",
        tags,
        response: { 200: DestructionOrderListSchema, ...problems },
      },
    },
    async (request) => courtOrders.listDestructionOrders(actorOf(request)),
  );

  app.post(
    '/api/destruction-orders',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'recordCourtErasureOrder',
        summary:
          "Record a court's order to erase the data of designated cases (court, date and reference of the judgment); a second person executes it (L1992 art. 41 §1; SPEC PEN-16)",
        tags,
        body: RecordCourtErasureOrderSchema,
        response: { 201: DestructionOrderSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await courtOrders.recordCourtErasureOrder(actorOf(request), request.body)),
  );

  app.post(
    '/api/destruction-orders/:orderId/execution',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'executeCourtErasureOrder',
        summary:
          "Execute a court's erasure order as the second, distinct person: the designated cases are destroyed with their keys and the certificate issued; a legal hold yields only to the ordering court's reference (SPEC PEN-16)",
        tags,
        params: DestructionOrderParamsSchema,
        response: { 200: DestructionOrderSchema, ...problems },
      },
    },
    async (request) => courtOrders.executeCourtErasureOrder(actorOf(request), request.params.orderId),
  );

  app.get(
    '/api/destruction-orders/:orderId/certificate',
    {
      ...withSession,
      schema: {
        operationId: 'destructionOrderCertificate',
        summary:
          'The signed destruction certificate of an executed order: scope, dates, who recorded and executed it, the order reference, backups (SPEC PEN-16)',
        tags,
        params: DestructionOrderParamsSchema,
        response: { 200: DestructionProofSchema, ...problems },
      },
    },
    async (request) => courtOrders.destructionCertificate(actorOf(request), request.params.orderId),
  );

  app.get(
    '/api/emergency-destructions',
    {
      ...withSession,
      schema: {
        operationId: 'listEmergencyDestructions',
        summary:
          'The emergency destructions, for the authorities a royal decree designates (L1992 art. 45; SPEC RET-09)',
        tags,
        response: { 200: DestructionOrderListSchema, ...problems },
      },
    },
    async (request) => emergency.listEmergencyDestructions(actorOf(request)),
  );

  app.post(
    '/api/emergency-destructions',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'proposeEmergencyDestruction',
        summary:
          'Propose the emergency destruction of designated cases, as a designated authority; a second, distinct one approves (L1992 art. 45; SPEC RET-09)',
        tags,
        body: ProposeEmergencyDestructionSchema,
        response: { 201: DestructionOrderSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await emergency.proposeEmergencyDestruction(actorOf(request), request.body)),
  );

  app.post(
    '/api/emergency-destructions/:orderId/approvals',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'approveEmergencyDestruction',
        summary:
          'Approve an emergency destruction as the second, distinct designated authority: the cases are destroyed and the certificate issued (SPEC RET-09)',
        tags,
        params: DestructionOrderParamsSchema,
        response: { 200: DestructionOrderSchema, ...problems },
      },
    },
    async (request) => emergency.approveEmergencyDestruction(actorOf(request), request.params.orderId),
  );

  app.get(
    '/api/emergency-destructions/:orderId/certificate',
    {
      ...withSession,
      schema: {
        operationId: 'emergencyDestructionCertificate',
        summary: 'The signed destruction certificate of an emergency destruction carried out (SPEC RET-09)',
        tags,
        params: DestructionOrderParamsSchema,
        response: { 200: DestructionProofSchema, ...problems },
      },
    },
    async (request) => emergency.emergencyDestructionCertificate(actorOf(request), request.params.orderId),
  );

  app.get(
    '/api/admin/emergency-authorities',
    {
      ...withSession,
      schema: {
        operationId: 'listEmergencyAuthorities',
        summary: 'The accounts designated as authorities of L1992 art. 45, running and revoked (SPEC RET-09)',
        tags,
        response: { 200: EmergencyAuthorityListSchema, ...problems },
      },
    },
    async (request) => emergency.listEmergencyAuthorities(actorOf(request)),
  );

  app.post(
    '/api/admin/emergency-authorities',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'designateEmergencyAuthority',
        summary:
          'Record that a royal decree of L1992 art. 45 designates an account as an authority of emergency destruction (SPEC RET-09)',
        tags,
        body: DesignateEmergencyAuthoritySchema,
        response: { 201: EmergencyAuthoritySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await emergency.designateEmergencyAuthority(actorOf(request), request.body)),
  );

  app.post(
    '/api/admin/emergency-authorities/:designationId/revocation',
    {
      ...withFreshMfa,
      schema: {
        operationId: 'revokeEmergencyAuthority',
        summary: 'End a designation of L1992 art. 45 (SPEC RET-09)',
        tags,
        params: EmergencyAuthorityParamsSchema,
        response: { 200: EmergencyAuthoritySchema, ...problems },
      },
    },
    async (request) => emergency.revokeEmergencyAuthority(actorOf(request), request.params.designationId),
  );
};
