/**
 * Destruction orders (SPEC PEN-16, RET-09): a court's order to erase the data of designated cases
 * (L1992 art. 41 §1), recorded by the controller's DPO and executed by a second person of the
 * controller; and an emergency destruction of designated cases (L1992 art. 45), proposed by an
 * account a royal decree designates and approved by a second, distinct designated account. Both end
 * in a signed destruction certificate (the retention's signed proof: the same JSON and signature
 * shape). Ids, references, dates and counts only: no case content.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The cases an order designates: each whole (its persons, items, paper parts, keys). */
const CaseIdsSchema = Type.Array(IdSchema, { minItems: 1, maxItems: 50, uniqueItems: true });

export const EMERGENCY_CIRCUMSTANCES = [
  'wartime',
  'assimilated_period',
  'enemy_occupation',
  'drill',
] as const;

export const RecordCourtErasureOrderSchema = Type.Object(
  {
    /** The court that convicted and ordered the erasure (L1992 art. 41 §1). */
    court: text(300),
    judgmentDate: civilDate,
    /** The judgment's reference: a legal hold carrying the same reference yields to the order. */
    judgmentReference: text(200),
    caseIds: CaseIdsSchema,
  },
  closed,
);
export type RecordCourtErasureOrder = Static<typeof RecordCourtErasureOrderSchema>;

export const ProposeEmergencyDestructionSchema = Type.Object(
  {
    /** The designated authority's own order number. */
    orderReference: text(200),
    /** L1992 art. 45 al. 1: wartime, an assimilated period, enemy occupation; or a drill (SPEC RET-09). */
    circumstance: Type.Enum([...EMERGENCY_CIRCUMSTANCES]),
    caseIds: CaseIdsSchema,
  },
  closed,
);
export type ProposeEmergencyDestruction = Static<typeof ProposeEmergencyDestructionSchema>;

export const DestructionOrderParamsSchema = Type.Object({ orderId: IdSchema }, closed);

const PersonRefSchema = Type.Object(
  { userId: IdSchema, displayName: Type.String(), organisationId: IdSchema },
  closed,
);

export const OrderedCaseSchema = Type.Object(
  {
    caseId: IdSchema,
    /** pending; destroyed; withheld (a legal hold of another court came to stand on it); gone (destroyed before). */
    status: Type.Enum(['pending', 'destroyed', 'withheld', 'gone']),
    destroyedAt: nullable(instant),
    keyDestroyedAt: nullable(instant),
    withheldHoldIds: Type.Array(IdSchema),
    overriddenHolds: Type.Array(
      Type.Object({ holdId: IdSchema, courtOrderReference: Type.String() }, closed),
    ),
  },
  closed,
);

export const DestructionOrderSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum(['court_erasure', 'emergency']),
    /** recorded (awaiting its second person); executing (approved, some case or key still pending); completed (certificate issued). */
    state: Type.Enum(['recorded', 'executing', 'completed']),
    legalBasis: Type.String(),
    reference: Type.String(),
    court: nullable(Type.String()),
    judgmentDate: nullable(civilDate),
    royalDecreeReference: nullable(Type.String()),
    circumstance: nullable(Type.Enum([...EMERGENCY_CIRCUMSTANCES])),
    organisation: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    recordedBy: PersonRefSchema,
    recordedAt: instant,
    approvedBy: nullable(PersonRefSchema),
    approvedAt: nullable(instant),
    completedAt: nullable(instant),
    /** Named so, not `cases`: an order lists the cases it designates, it is no list of cases the reader may open. */
    designatedCases: Type.Array(OrderedCaseSchema),
    /** What the reader may do now: execute (court) or approve (emergency) it as the second person. */
    allowedActions: Type.Array(Type.Enum(['execute', 'approve'])),
  },
  closed,
);
export type DestructionOrder = Static<typeof DestructionOrderSchema>;

export const DestructionOrderListSchema = Type.Object({ orders: Type.Array(DestructionOrderSchema) }, closed);
export type DestructionOrderList = Static<typeof DestructionOrderListSchema>;

export const DesignateEmergencyAuthoritySchema = Type.Object(
  {
    userId: IdSchema,
    /** The royal decree of L1992 art. 45 that designates the authority (date, Moniteur belge). */
    royalDecreeReference: text(300),
  },
  closed,
);
export type DesignateEmergencyAuthority = Static<typeof DesignateEmergencyAuthoritySchema>;

export const EmergencyAuthorityParamsSchema = Type.Object({ designationId: IdSchema }, closed);

export const EmergencyAuthoritySchema = Type.Object(
  {
    id: IdSchema,
    userId: IdSchema,
    displayName: Type.String(),
    organisationId: IdSchema,
    royalDecreeReference: Type.String(),
    designatedAt: instant,
    revokedAt: nullable(instant),
  },
  closed,
);
export type EmergencyAuthority = Static<typeof EmergencyAuthoritySchema>;

export const EmergencyAuthorityListSchema = Type.Object(
  { authorities: Type.Array(EmergencyAuthoritySchema) },
  closed,
);
export type EmergencyAuthorityList = Static<typeof EmergencyAuthorityListSchema>;
