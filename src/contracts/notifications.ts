/** "There is something for you in Concerto": kinds and ids, never content (ARCHITECTURE §2). */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;

/** What happened, for whom: the kinds the server writes and the web app says in words. */
export const NOTIFICATION_KINDS = [
  'review_requested',
  'case_reviewed',
  'case_signalled',
  'signal_decided',
  'case_admission',
  'admission_revoked',
  'retention_to_approve',
  'correction_requested',
  'transfer_to_decide',
  'transfer_decided',
  'exported_item_changed',
  'erasure_review',
  // SPEC SEC-11: an erasure review passed its configured deadline; for the controller's DPOs.
  'erasure_review_overdue',
  'action_assigned',
  'security_alert',
  // SPEC RGT-GEN-02: a request of a person concerned reached the controller's (or office's) desk.
  'rights_request_received',
  // SPEC RGT-REC-04: an item the organisation consulted or received was rectified, erased or blocked.
  'disclosed_item_changed',
  // SPEC RGT-RST-07: an art. 7 restriction of the office reached its review date.
  'restriction_review_due',
  // SPEC RGT-CRT-03 (L2007 art. 14 §6): a court order tells the controller to inform the recipients of its data.
  'court_ordered_notice',
  // SPEC RET-01 (four eyes): a destruction list of cases past their retention awaits the keeper's or the DPO's approval.
  'destruction_list_to_approve',
  // SPEC SCO-09: a paper part of a case past its retention is to be destroyed; a named member confirms it.
  'paper_destruction_due',
  // SPEC RET-05: the necessity review of a closed case fell due; for its keeper.
  'necessity_review_due',
  // SPEC FIL-09: an own-file copy the organisation exported falls due soon: erase it by its due date.
  'own_file_copy_due_soon',
  // SPEC RET-03: the month's report lists own-file copies of the organisation past their due date.
  'own_file_copies_overdue',
  // SPEC PRC-01: the host proposed its processor record for the controller; for its DPOs to approve.
  'processor_record_proposed',
  // SPEC SEC-12, PRC-06: the host's staff ask to read the controller's records of a case; for its DPOs.
  'break_glass_requested',
  // SPEC SEC-12: a break-glass grant ended; its report (every read) is for the controller's DPOs.
  'break_glass_report',
  // SPEC DCL-03: the Commission has not acknowledged a declaration 3 working days after it; for the DPOs.
  'declaration_acknowledgement_overdue',
  // SPEC DCL-21, SEC-10: the configuration no longer matches the declaration submitted; for the DPOs.
  'declaration_update_due',
  // SPEC INT-01: a request through an interconnection the organisation is party to was refused; for its DPOs.
  'interconnection_refused',
  // SPEC RET-01: a maximum retention beyond 30 years, with its provision, awaits the organiser's DPO.
  'retention_override_to_approve',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum([...NOTIFICATION_KINDS]),
    caseId: Type.Union([IdSchema, Type.Null()]),
    subjectId: Type.Union([IdSchema, Type.Null()]),
    /** For the organisation's DPOs (a security alert, SPEC SEC-07), or for its members. */
    audience: Type.Enum(['members', 'dpo']),
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Notification = Static<typeof NotificationSchema>;

export const NotificationListSchema = Type.Object({ notifications: Type.Array(NotificationSchema) }, closed);
export type NotificationList = Static<typeof NotificationListSchema>;

export const NotificationParamsSchema = Type.Object({ notificationId: IdSchema }, closed);
