/**
 * What an audit event says (ARCHITECTURE §3, law 4): who, which operation, on which
 * records, why, to whom, when, with which outcome — never the content itself. Every field
 * is an id, an enum or a short code, except the justification, which the user chose and
 * which is bounded.
 */

/**
 * The processing operations of art. 1 §2 of the law of 8 December 1992 (text of 2007),
 * one audit action each (SPEC SCO-14), with the words of the law.
 */
export const PROCESSING_OPERATIONS = {
  collect: 'collecte',
  record: 'enregistrement',
  organise: 'organisation',
  store: 'conservation',
  adapt: 'adaptation ou modification',
  retrieve: 'extraction',
  consult: 'consultation',
  use: 'utilisation',
  disclose: 'communication par transmission, diffusion ou toute autre forme de mise à disposition',
  match: 'rapprochement ou interconnexion',
  block: 'verrouillage',
  erase: 'effacement',
  destroy: 'destruction',
} as const;

export type ProcessingOperation = keyof typeof PROCESSING_OPERATIONS;

/** Processing operations, plus sign-in (auth.*), platform administration (admin.*) and
 *  unattended jobs (system.*), each family naming its own events, e.g. `auth.login_failed`. */
export type AuditAction = ProcessingOperation | `auth.${string}` | `admin.${string}` | `system.${string}`;

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** A person acting in Concerto: every action is attributable to a user and a controller (SPEC PEN-19). */
export interface UserActor {
  userId: string;
  organisationId: string;
  role: string;
  /** The authority a permanent representative acts for (bill art. 5). */
  representing?: string;
  /**
   * The interconnection through which a connected system acted on this user's standing
   * instruction, the link of a case to its file (the channel of SPEC INT-02, SEC-05).
   */
  interconnection?: string;
}

/** An unattended job, e.g. the retention run that erases expired cases. */
export interface SystemActor {
  system: string;
}

export type AuditActor = UserActor | SystemActor;

/** One record the operation touched: its kind, its id and its data category (bill art. 2 §2, 1°–16°). */
export interface AuditRecordRef {
  type: string;
  id: string;
  category?: number;
}

export interface AuditRecipient {
  organisationId: string;
  userId?: string;
}

export interface AuditEvent {
  actor: AuditActor;
  action: AuditAction;
  outcome: AuditOutcome;
  caseId?: string;
  compartmentId?: string;
  records?: readonly AuditRecordRef[];
  /** Why: mandatory for consult and disclose. */
  justification?: string;
  /** To whom: mandatory for disclose. */
  recipients?: readonly AuditRecipient[];
  /** Short code explaining a denial or failure, e.g. `not_participant`. */
  reason?: string;
}

export function isUserActor(actor: AuditActor): actor is UserActor {
  return 'userId' in actor;
}
