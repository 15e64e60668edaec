/**
 * Permanent representatives (bill art. 5; SPEC ROL-04..06): designation, briefing before and
 * debriefing after a consultation. The rules are the representation services'; these fix the shapes.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
/** A civil date of Brussels (both ends of a period are inclusive). */
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const userIds = Type.Array(IdSchema, { minItems: 1, maxItems: 100, uniqueItems: true });
/** SHA-256 of the information passed, computed by the sender (SPEC ROL-05): never the content. */
const contentSha256 = Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' }));

export const RepresentationParamsSchema = Type.Object({ representationId: IdSchema }, closed);

export const DesignationSchema = Type.Object(
  { representativeId: IdSchema, validFrom: civilDate, validTo: civilDate, representedPersonIds: userIds },
  closed,
);
export type Designation = Static<typeof DesignationSchema>;

export const BriefingSchema = Type.Object({ consultationId: IdSchema, contentSha256 }, closed);
export type Briefing = Static<typeof BriefingSchema>;

export const DebriefingSchema = Type.Object(
  { consultationId: IdSchema, recipientIds: userIds, contentSha256 },
  closed,
);
export type Debriefing = Static<typeof DebriefingSchema>;

export const RepresentationSchema = Type.Object(
  {
    id: IdSchema,
    /** The authority represented (bill art. 5 al. 1). */
    authorityId: IdSchema,
    representativeId: IdSchema,
    designatedBy: IdSchema,
    designatedAt: instant,
    validFrom: civilDate,
    validTo: civilDate,
    representedPersonIds: Type.Array(IdSchema),
    endedAt: Type.Union([instant, Type.Null()]),
    active: Type.Boolean({
      description:
        'Within its period, not ended, and the current undertaking of art. 5 al. 2 accepted by the representative',
    }),
    undertakingAcceptedAt: Type.Union([instant, Type.Null()], {
      description: 'When the representative accepted the current undertaking for this representation',
    }),
    secrecyAcknowledgedIds: Type.Array(IdSchema, {
      description:
        'Represented persons who acknowledged the current CP art. 458ter §2 text for this representation (debrief recipients)',
    }),
  },
  closed,
);
export type Representation = Static<typeof RepresentationSchema>;

export const RepresentationListSchema = Type.Object(
  { representations: Type.Array(RepresentationSchema) },
  closed,
);
export type RepresentationList = Static<typeof RepresentationListSchema>;

export const BriefingRecordSchema = Type.Object(
  {
    id: IdSchema,
    representationId: IdSchema,
    kind: Type.Enum(['briefing', 'debriefing']),
    consultationId: IdSchema,
    senderId: IdSchema,
    recipientIds: Type.Array(IdSchema),
    contentSha256: Type.Union([Type.String(), Type.Null()]),
    recordedAt: instant,
  },
  closed,
);
export type BriefingRecord = Static<typeof BriefingRecordSchema>;
