/**
 * Designations for special categories (bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10
 * §2; SPEC DAT-19, DAT-27): each controller names the persons who may see them, with their
 * function, bound to confidentiality; the list is kept for the supervisory authority.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;

/** The special categories of bill art. 2 §2 (9°, 10°, 12°, 13°, 15°), and genetic or biometric data (SPEC A-10). */
export const DESIGNATION_SCOPES = ['C09', 'C10', 'C12', 'C13', 'C15', 'genetic_biometric'] as const;

export const CreateDesignationSchema = Type.Object(
  {
    userId: IdSchema,
    scope: Type.Enum([...DESIGNATION_SCOPES]),
    function: Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' }),
    /** The designated person is bound to confidentiality (Law of 30 July 2018 art. 9). */
    confidentialityConfirmed: Type.Boolean(),
  },
  closed,
);
export type CreateDesignation = Static<typeof CreateDesignationSchema>;

export const DesignationSchema = Type.Object(
  {
    id: IdSchema,
    user: Type.Object({ id: IdSchema, displayName: Type.String() }, closed),
    scope: Type.Enum([...DESIGNATION_SCOPES]),
    function: Type.String(),
    designatedAt: Type.String({ format: 'date-time' }),
    designatedBy: Type.String(),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  closed,
);
export type Designation = Static<typeof DesignationSchema>;

export const DesignationListSchema = Type.Object(
  {
    /** DAT-27: the register's version, raised by every designation and revocation. */
    version: Type.Integer(),
    designations: Type.Array(DesignationSchema),
  },
  closed,
);
export type DesignationList = Static<typeof DesignationListSchema>;

export const DesignationParamsSchema = Type.Object({ designationId: IdSchema }, closed);
