/**
 * Break-glass access of the host's staff (L2007 art. 16 §3; SPEC SEC-12, PRC-06). The host has no
 * standing access to case content. A named member of its staff asks, under a support ticket, to
 * read what one controller holds in one case; that controller's DPO approves it with the reference
 * of its instruction and a time window, or refuses it. Reads are audited one by one and each is
 * reported to the controller's DPOs at once, as is the grantee's closure; the grant is the report.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: '\\S' });
const instant = Type.String({ format: 'date-time' });
const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** Whole hours; the instance caps them (CONCERTO_BREAK_GLASS_MAX_HOURS). */
const hours = Type.Integer({ minimum: 1, maximum: 72 });

export const RequestBreakGlassSchema = Type.Object(
  {
    /** The controller whose records are to be read, and whose DPO decides. */
    controllerOrganisationId: IdSchema,
    /** The case, as the controller named it in its support request. */
    caseId: IdSchema,
    /** The host's support ticket (PRC-06: a ticket linked to a controller). */
    supportTicket: text(1, 100),
    /** Why the content must be read: what the support cannot do without it. */
    reason: text(10, 2000),
    hours,
  },
  closed,
);
export type RequestBreakGlass = Static<typeof RequestBreakGlassSchema>;

/** The controller's instruction (art. 16 §3): its reference, and the window (at most the hours asked). */
export const ApproveBreakGlassSchema = Type.Object(
  { instructionReference: text(1, 100), hours: Type.Optional(hours) },
  closed,
);
export type ApproveBreakGlass = Static<typeof ApproveBreakGlassSchema>;

export const RefuseBreakGlassSchema = Type.Object({ reason: text(3, 2000) }, closed);
export type RefuseBreakGlass = Static<typeof RefuseBreakGlassSchema>;

export const BreakGlassParamsSchema = Type.Object({ grantId: IdSchema }, closed);

export const BREAK_GLASS_STATUSES = ['requested', 'approved', 'refused', 'ended'] as const;
export const BREAK_GLASS_END_REASONS = ['closed', 'revoked', 'expired'] as const;
export const BREAK_GLASS_ACTIONS = ['approve', 'refuse', 'read', 'close'] as const;

const party = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const BreakGlassReadSchema = Type.Object(
  {
    readAt: instant,
    persons: Type.Integer(),
    items: Type.Integer(),
    /** Items whose content stayed hidden (special category without designation, blocked). */
    withheld: Type.Integer(),
    /** The position of the consult event in the audit log. */
    auditPosition: Type.Integer(),
  },
  closed,
);

export const BreakGlassGrantSchema = Type.Object(
  {
    id: IdSchema,
    controller: party,
    caseId: IdSchema,
    grantee: Type.Object({ id: IdSchema, displayName: Type.String() }, closed),
    supportTicket: Type.String(),
    reason: Type.String(),
    requestedHours: Type.Integer(),
    requestedAt: instant,
    /** `approved` while the window is open; `ended` once closed, revoked or expired. */
    status: Type.Enum([...BREAK_GLASS_STATUSES]),
    decision: orNull(
      Type.Object(
        {
          decision: Type.Enum(['approved', 'refused']),
          decidedBy: Type.String(),
          decidedAt: instant,
          instructionReference: orNull(Type.String()),
          refusalReason: orNull(Type.String()),
        },
        closed,
      ),
    ),
    window: orNull(Type.Object({ validFrom: instant, expiresAt: instant }, closed)),
    ended: orNull(
      Type.Object(
        { endedAt: instant, endedBy: orNull(Type.String()), reason: Type.Enum([...BREAK_GLASS_END_REASONS]) },
        closed,
      ),
    ),
    /** When a report last went to the controller's DPOs: at each read and at the closure (SPEC SEC-12). */
    reportedAt: orNull(instant),
    /** For the controller's DPO: how many of its records the case holds (counts only, never content). */
    controllerRecords: orNull(Type.Object({ persons: Type.Integer(), items: Type.Integer() }, closed)),
    /** The report: every read under the grant. */
    reads: Type.Array(BreakGlassReadSchema),
    allowedActions: Type.Array(Type.Enum([...BREAK_GLASS_ACTIONS])),
  },
  closed,
);
export type BreakGlassGrant = Static<typeof BreakGlassGrantSchema>;

export const BreakGlassGrantListSchema = Type.Object({ grants: Type.Array(BreakGlassGrantSchema) }, closed);
export type BreakGlassGrantList = Static<typeof BreakGlassGrantListSchema>;

/** Why an item's content is not shown under break-glass. */
export const WITHHELD_REASONS = ['designation_required', 'blocked', 'erased'] as const;

export const BreakGlassContentSchema = Type.Object(
  {
    grantId: IdSchema,
    caseId: IdSchema,
    controller: party,
    expiresAt: instant,
    persons: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          role: Type.Enum(['subject', 'relation']),
          surname: Type.String(),
          firstNames: Type.String(),
          birthDate: orNull(Type.String()),
        },
        closed,
      ),
    ),
    items: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          category: Type.String(),
          version: Type.Integer(),
          content: orNull(Type.String()),
          withheld: orNull(Type.Enum([...WITHHELD_REASONS])),
          personIds: Type.Array(IdSchema),
          createdAt: instant,
        },
        closed,
      ),
    ),
  },
  closed,
);
export type BreakGlassContent = Static<typeof BreakGlassContentSchema>;
