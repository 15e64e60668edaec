/**
 * Kysely table types. Each kernel or module owns one section and keeps it in step with
 * its migration files in `migrations/`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { NotificationKind } from '../../contracts/notifications.js';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

// --- db (migration bookkeeping) ---------------------------------------------------------
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

// --- kernel/audit -----------------------------------------------------------------------
// (owned by src/server/kernel/audit; see migrations/0002_audit_log.sql)
/** Rows are written by the audit_append() function only; the query columns copy the payload. */
export interface AuditEventsTable {
  position: number;
  recorded_at: Generated<Timestamp>;
  payload: string;
  leaf_hash: Buffer;
  action: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  case_id: string | null;
}

export interface AuditNodesTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface AuditHeadTable {
  singleton: Generated<boolean>;
  size: number;
}

export interface AuditCheckpointsTable {
  size: number;
  root: Buffer;
  note: string;
  issued_at: Generated<Timestamp>;
}

// --- kernel/crypto ----------------------------------------------------------------------
// (owned by src/server/kernel/crypto; see migrations/0003_data_keys.sql)
export interface DataKeysTable {
  scope: string;
  key_id: number;
  key_version: number;
  wrapped: string;
  created_at: Generated<Timestamp>;
}

// --- modules/identity -------------------------------------------------------------------
// (owned by src/server/modules/identity; see migrations/0004_organisations_users.sql)
export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  dp_regime: string;
  mission_basis: string | null;
  mission_citation: string | null;
  lawful_ground: string;
  legal_name: string;
  address: string;
  enterprise_number: string | null;
  establishment_country: string;
  be_representative_name: string | null;
  be_representative_address: string | null;
  rights_contact: string;
  dpo_name: string | null;
  dpo_contact: string | null;
  compliance_owner: string;
  /** 1992 gestionnaire du traitement (migration 0012, SPEC ROL-14). */
  processing_manager_name: string | null;
  processing_manager_address: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  roles: string[];
  health_professional: Generated<boolean>;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  session_epoch: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** SPEC SEC-07 (migration 0014). */
  cross_case_search: Generated<boolean>;
  /** SPEC PRC-08 (migration 0034): set from the organisation by a trigger. */
  staff_type: Generated<'controller_staff' | 'processor_staff'>;
}

// --- modules/auth -----------------------------------------------------------------------
// (owned by src/server/modules/auth; see migrations/0005_credentials_sessions.sql)
export interface UserCredentialsTable {
  user_id: string;
  password_hash: string;
  /** Envelope ciphertext of the base32 secret (migration 0009; credentials/totp-secret-box.ts). */
  totp_secret: Buffer | null;
  /** Shown at enrolment, not yet confirmed with a code; encrypted like totp_secret. */
  pending_totp_secret: Buffer | null;
  totp_last_step: number | null;
  recovery_code_hashes: Generated<string[]>;
  mfa_enrolled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_hash: Buffer;
  public_id: Generated<string>;
  user_id: string;
  session_epoch: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Null only for an enrolment session (migration 0009). */
  mfa_at: Timestamp | null;
  user_agent_summary: string;
  revoked_at: Timestamp | null;
  purpose: Generated<SessionPurpose>;
  /** Why case files are consulted in this working session (migration 0014, issue 4 scope 7). */
  justification: string | null;
}

export type SessionPurpose = 'full' | 'mfa_enrolment';

// (see migrations/0009_mfa.sql)
export interface PasskeysTable {
  id: Generated<string>;
  user_id: string;
  credential_id: Buffer;
  public_key: Buffer;
  counter: number;
  transports: Generated<string[]>;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export type WebauthnChallengePurpose = 'login' | 'registration' | 'step_up';

export interface WebauthnChallengesTable {
  challenge_hash: Buffer;
  purpose: WebauthnChallengePurpose;
  user_id: string;
  session_id_hash: Buffer | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginThrottleTable {
  scope: 'account' | 'address';
  key_hash: Buffer;
  failures: number;
  last_failure_at: Timestamp;
}

// --- modules/undertakings ---------------------------------------------------------------
// (owned by src/server/modules/undertakings; see migrations/0006_secrecy_representation.sql)
export interface UndertakingVersionsTable {
  id: Generated<string>;
  kind: string;
  organisation_id: string | null;
  version: number;
  published_by: string;
  published_at: Timestamp;
}

export interface UndertakingTextsTable {
  version_id: string;
  language: string;
  body: string;
}

export interface UndertakingAcceptancesTable {
  id: Generated<string>;
  version_id: string;
  user_id: string;
  language: string;
  representation_id: string | null;
  accepted_at: Timestamp;
}

// --- modules/representation -------------------------------------------------------------
// (owned by src/server/modules/representation; see migrations/0006_secrecy_representation.sql)
/** `date` columns: read them as text (`valid_from::text`), never as a JS Date. */
export type CivilDateColumn = ColumnType<string, string, never>;
/** A nullable `date` column that may be updated (read as text as well). */
export type CivilDateColumnNullable = ColumnType<string | null, string | null, string | null>;

export interface RepresentationsTable {
  id: Generated<string>;
  authority_id: string;
  representative_id: string;
  designated_by: string;
  designated_at: Timestamp;
  valid_from: CivilDateColumn;
  valid_to: CivilDateColumn;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ended_by: string | null;
}

export interface RepresentedPersonsTable {
  representation_id: string;
  user_id: string;
}

export interface RepresentationBriefingsTable {
  id: Generated<string>;
  representation_id: string;
  kind: string;
  consultation_id: string;
  sender_id: string;
  content_sha256: string | null;
  recorded_at: Timestamp;
}

export interface RepresentationBriefingRecipientsTable {
  briefing_id: string;
  user_id: string;
}

// --- modules/invitations ----------------------------------------------------------------
// (owned by src/server/modules/invitations; see migrations/0007_invitations.sql)
export interface InvitationsTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: Buffer;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  redeemed_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

// --- modules/cases ----------------------------------------------------------------------
// (owned by src/server/modules/cases; see migrations/0008_cases_access.sql)
export type CaseState =
  | 'pre_registered'
  | 'under_evaluation'
  | 'not_signalled'
  | 'signalled'
  | 'accepted'
  | 'refused'
  | 'in_consultation'
  | 'follow_up'
  | 'closed';

export interface CasesTable {
  id: string;
  state: CaseState;
  compartment_organisation_id: string;
  reviewer_organisation_id: string | null;
  organiser_organisation_id: string;
  /** Encrypted under the case key (envelope scope `case:<id>`). */
  title: Buffer;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0014 (issue 4): the workflow of bill art. 2 §3. Reasons are encrypted. */
  framework_id: string;
  purposes: string[];
  signalled_at: Timestamp | null;
  signalled_by: string | null;
  signalled_by_organisation_id: string | null;
  review_decision: 'signal' | 'do_not_signal' | 'more_information' | null;
  review_reason: Buffer | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  signal_decided_at: Timestamp | null;
  signal_decided_by: string | null;
  signal_decision_reason: Buffer | null;
  retention_months: number | null;
  retention_other_rule: string | null;
  retention_proposal: Generated<number>;
  first_consultation_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closure_reason: Buffer | null;
  /** Migration 0040 (SPEC RET-02): a change of the agreed maximum after the first consultation, awaiting every party. */
  retention_change_months: number | null;
  retention_change_other_rule: string | null;
  retention_change_proposal: number | null;
  retention_change_proposed_by: string | null;
  retention_change_proposed_at: Timestamp | null;
  /** Migration 0040 (SPEC RET-01): a maximum beyond 30 years awaiting the DPO; the cap is in force until then. */
  retention_override_months: number | null;
  retention_override_rule: string | null;
  retention_override_approved_by: string | null;
  retention_override_approved_at: Timestamp | null;
}

export interface CaseParticipantsTable {
  case_id: string;
  organisation_id: string;
  /** Encrypted under the case key. */
  justification: Buffer;
  admitted_by: string;
  admitted_at: Timestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
  /** bill art. 2 §3 2° (migration 0014). */
  ground: 'expertise' | 'knowledge_of_person';
  revocation_reason: Buffer | null;
}

export interface CaseRetentionApprovalsTable {
  case_id: string;
  proposal: number;
  organisation_id: string;
  approved_by: string;
  approved_at: Timestamp;
}

export interface CaseReopeningsTable {
  case_id: string;
  reopened_at: Timestamp;
  reopened_by: string;
  previous_closed_at: Timestamp;
  reason: Buffer;
}

export interface CaseHistoryTable {
  id: Generated<number>;
  case_id: string;
  at: Timestamp;
  kind: string;
  user_id: string | null;
  organisation_id: string | null;
  subject_id: string | null;
  state: string | null;
}

export interface SpecialDesignationsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  scope: string;
  function: string;
  confidentiality_confirmed: boolean;
  designated_by: string;
  designated_at: Timestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  organisation_id: string;
  audience: Generated<'members' | 'dpo'>;
  kind: NotificationKind;
  case_id: string | null;
  subject_id: string | null;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

export type AudienceRelation = 'compartment' | 'reviewer' | 'organiser' | 'participant';

export interface CaseAudienceTable {
  case_id: string;
  organisation_id: string;
  relation: AudienceRelation;
  case_created_at: Timestamp;
}

// --- modules/consultations --------------------------------------------------------------
// (owned by src/server/modules/consultations; see migrations/0015_consultations.sql)
export interface ConsultationsTable {
  id: Generated<string>;
  framework_id: string;
  organiser_organisation_id: string;
  scheduled_for: Timestamp;
  state: Generated<'scheduled' | 'open' | 'closed'>;
  opened_at: Timestamp | null;
  opened_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ConsultationAgendaTable {
  consultation_id: string;
  case_id: string;
  position: number;
  added_by: string;
  added_at: Timestamp;
  /** Encrypted under the case key. */
  minutes: Buffer | null;
  minutes_version: Generated<number>;
  minutes_updated_by: string | null;
  minutes_updated_at: Timestamp | null;
}

export interface ConsultationAttendanceTable {
  consultation_id: string;
  user_id: string;
  organisation_id: string;
  representing_organisation_id: string | null;
  recorded_at: Timestamp;
}

export interface CaseDecisionsTable {
  id: Generated<string>;
  consultation_id: string;
  case_id: string;
  /** Encrypted under the case key. */
  text: Buffer;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  consultation_id: string | null;
  assignee_organisation_id: string;
  due_on: CivilDateColumn;
  status: Generated<'open' | 'done' | 'cancelled'>;
  /** Encrypted under the case key. */
  description: Buffer;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

// --- modules/cases: persons and information (see migrations/0016_persons_items.sql) -----
export interface PersonsTable {
  id: string;
  case_id: string;
  role: 'subject' | 'relation';
  controller_organisation_id: string;
  shared: boolean;
  /** Encrypted identification data (bill art. 2 §2 1°). */
  identity: Buffer;
  /** Encrypted necessity justification of a relation/contact (bill art. 2 §2 al. 2). */
  necessity: Buffer | null;
  version: Generated<number>;
  nrn_index: Buffer | null;
  name_dob_index: Buffer | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PersonLinksTable {
  relation_id: string;
  subject_id: string;
}

export interface PersonVersionsTable {
  person_id: string;
  version: number;
  identity: Buffer;
  changed_by: string;
  changed_at: Timestamp;
  reason: Buffer | null;
}

export interface ItemsTable {
  id: string;
  case_id: string;
  category: string;
  controller_organisation_id: string;
  shared: boolean;
  genetic_biometric: Generated<boolean>;
  /** SPEC DAT-23 (migration 0019): what it reveals of L1992 art. 6 al. 1 beyond its category. */
  reveals_sensitive: Generated<string[]>;
  secret_of_investigation: Generated<boolean>;
  judicial: Generated<boolean>;
  police_mission: Generated<'none' | 'administrative_police' | 'judicial_police'>;
  /** SPEC DAT-29 (migration 0021): a criminal-related risk or behaviour item (C11, C14). */
  criminal_related: Generated<boolean>;
  phase: 'preparation' | 'consultation' | 'follow_up';
  provenance: 'already_held' | 'collected_following_consultation';
  consultation_id: string | null;
  mission_confirmed_by: string;
  mission_confirmed_at: Timestamp;
  classification: Generated<'non_classified'>;
  annotates_item_id: string | null;
  version: Generated<number>;
  /** Encrypted content; null once erased. */
  payload: Buffer | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  erased_by: string | null;
  erased_at: Timestamp | null;
  blocked_reason: 'consent_withdrawn' | 'unlawfully_obtained' | 'prohibited_use' | null;
  blocked_by: string | null;
  blocked_at: Timestamp | null;
  last_verified_at: Timestamp | null;
  last_verified_by: string | null;
}

/** SPEC FIL-08 (migration 0021): what an exported_item_changed notification told the exporter. */
export interface ExportedItemNoticesTable {
  notification_id: string;
  item_id: string;
  change: 'rectified' | 'erased' | 'blocked' | 'contested';
}

export interface ItemPersonsTable {
  item_id: string;
  person_id: string;
}

export interface ItemVersionsTable {
  item_id: string;
  version: number;
  category: string;
  /** SPEC DAT-23 (migration 0019): as the item declared it in this version. */
  reveals_sensitive: Generated<string[]>;
  /** SPEC DAT-29 (migration 0021): as the item was flagged in this version. */
  criminal_related: Generated<boolean>;
  payload: Buffer | null;
  changed_by: string;
  changed_at: Timestamp;
  reason: Buffer | null;
}

export interface ItemAttachmentsTable {
  id: Generated<string>;
  item_id: string;
  case_id: string;
  filename: Buffer;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | null;
  created_by: string;
  created_at: Timestamp;
  erased_at: Timestamp | null;
}

export interface CorrectionRequestsTable {
  id: Generated<string>;
  case_id: string;
  item_id: string;
  organisation_id: string;
  requested_by: string;
  text: Buffer;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

/** SPEC DAT-16 (migration 0020): the organiser's review of a catch-all item. */
export interface CatchAllReviewsTable {
  id: Generated<string>;
  case_id: string;
  item_id: string;
  item_version: number;
  organisation_id: string;
  decision: 'kept' | 'correction_requested';
  /** Encrypted under the case key. */
  reason: Buffer;
  correction_request_id: string | null;
  reviewed_by: string;
  reviewed_at: Timestamp;
}

// --- modules/transfers (see migrations/0017_own_file_transfers.sql) --------------------
export interface OwnFileTransfersTable {
  id: Generated<string>;
  case_id: string;
  requester_organisation_id: string;
  requested_by: string;
  purpose: string;
  /** Encrypted under the case key. */
  justification: Buffer;
  created_at: Timestamp;
  four_eyes_by: string | null;
  four_eyes_at: Timestamp | null;
  attested_by: string | null;
  attested_at: Timestamp | null;
  retention_override_months: number | null;
  retention_override_citation: string | null;
}

export interface OwnFileTransferItemsTable {
  transfer_id: string;
  item_id: string;
  controller_organisation_id: string;
  decision: Generated<'pending' | 'approved' | 'refused'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface OwnFileExportsTable {
  id: Generated<string>;
  transfer_id: string;
  format: 'json' | 'pdf';
  item_ids: string[];
  exported_by: string;
  exported_at: Timestamp;
  sha256: string;
  /** SPEC RGT-CON-04 (migration 0025): the items shown as contested in this export. */
  contested_item_ids: Generated<string[]>;
  /** SPEC TRF-01 (migration 0032): the country of the own file it went to; null before 0032. */
  destination_country: string | null;
  /** The transfer register's destination, when the own file is abroad (migration 0032). */
  transfer_destination_id: string | null;
}

// --- modules/contested (see migrations/0025_contested_marks.sql) -----------------------
export type ContestedCause = 'rectification_request' | 'erasure_request' | 'prohibition_request' | 'court_action';
export type ClearBasis = 'final_judgment' | 'request_executed' | 'request_withdrawn';

/** SPEC RGT-CON-01, RGT-CON-03: one mark per item, cause and reference (L2007 art. 15). */
export interface ContestedMarksTable {
  id: Generated<string>;
  item_id: string;
  case_id: string;
  controller_organisation_id: string;
  cause: ContestedCause;
  reference: string;
  started_at: Timestamp;
  set_by: string;
  set_at: Timestamp;
  cleared_at: Timestamp | null;
  cleared_by: string | null;
  clear_basis: ClearBasis | null;
  clear_reference: string | null;
  clear_date: CivilDateColumnNullable;
  res_judicata_confirmed: Generated<boolean>;
}

/** SPEC RGT-CRT-01 (L2007 art. 14 §1-§4). */
export interface CourtActionsTable {
  id: Generated<string>;
  case_id: string;
  controller_organisation_id: string;
  claim: 'access' | 'rectification' | 'erasure' | 'prohibition' | 'objection';
  /** Encrypted under the case key: the court and the roll number. */
  details: Buffer;
  notified_at: Timestamp;
  rights_request_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** SPEC RGT-CRT-01, RGT-CRT-03 (L2007 art. 14 §2 al. 2, §6). */
export interface CourtOrdersTable {
  id: Generated<string>;
  court_action_id: string;
  ordered_on: CivilDateColumn;
  reference: string;
  /** Encrypted under the case key. */
  summary: Buffer;
  inform_third_parties_reference: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One recipient told under a court order (migrations/0028_court_order_notices.sql; SPEC RGT-CRT-03). */
export interface CourtOrderNoticesTable {
  id: string;
  court_order_id: string;
  order_reference: string;
  recipient_class: 'co_participant_controller' | 'own_file_exporter' | 'third_party' | 'processor' | 'inquiry_authority';
  recipient_organisation_id: string | null;
  recipient_name: string | null;
  item_ids: string[];
  notification_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

// --- royal decrees (see migrations/0018_royal_decree_authorisations.sql) ----------------
// (authorisations owned by src/server/modules/identity, notices by src/server/modules/cases)
export interface RoyalDecreeAuthorisationsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'judicial_data_prior_notice' | 'sex_life_treatment' | 'child_focus_exemption';
  reference: string;
  valid_from: ColumnType<string, string, string>;
  valid_until: CivilDateColumnNullable;
  recorded_by: string;
  recorded_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PriorWrittenNoticesTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  organisation_id: string;
  authorisation_id: string;
  sent_on: CivilDateColumn;
  method: 'registered_letter' | 'letter' | 'hand_delivery' | 'email';
  recorded_by: string;
  recorded_at: Timestamp;
}

// --- modules/rights (see migrations/0023_rights_requests.sql) ------------------------------
export type RightsRequestKind = 'information' | 'access' | 'rectification' | 'erasure' | 'prohibition' | 'objection';
export type RightsRoute = 'standard' | 'judicial' | 'commission' | 'prosecutor';
export type RightsPartStatus = 'received' | 'in_progress' | 'answered' | 'rejected' | 'deferred' | 'routed';
export type RightsOutcome =
  | 'no_data'
  | 'answered'
  | 'granted'
  | 'partly_granted'
  | 'rejected'
  | 'deferred'
  | 'routed_judicial'
  | 'routed_commission'
  | 'not_applicable';

export interface RightsRequestsTable {
  id: string;
  kind: RightsRequestKind;
  channel: 'post' | 'email' | 'desk' | 'registered_post';
  received_at: Timestamp;
  dated_on: CivilDateColumn;
  signed: boolean;
  language: 'fr' | 'nl' | 'de' | 'en';
  objection_ground: 'particular_situation' | 'direct_marketing' | null;
  /** Encrypted under the request's scope: the requester's identity and words. */
  requester: Buffer;
  document: Buffer;
  document_media_type: string;
  document_sha256: string;
  identity_method: 'eid_read' | 'id_document_copy' | 'in_person' | 'legal_representative_proof';
  identity_proof: Buffer | null;
  identity_verified_by: string | null;
  identity_verified_at: Timestamp | null;
  nrn_index: Buffer | null;
  name_dob_index: Buffer | null;
  intake_organisation_id: string;
  created_by: string;
  created_at: Timestamp;
}

export interface RightsRequestPartsTable {
  id: string;
  request_id: string;
  controller_organisation_id: string;
  route: RightsRoute;
  route_reason: string;
  prosecutor_office_id: string | null;
  status: RightsPartStatus;
  outcome: RightsOutcome | null;
  answer: Buffer | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  health_professional: Buffer | null;
}

export interface RightsPartRecordsTable {
  part_id: string;
  request_id: string;
  record_type: 'person' | 'item' | 'paper_part';
  record_id: string;
  case_id: string;
}

export interface RightsPartChangesTable {
  part_id: string;
  item_id: string;
  case_id: string;
  change: 'rectify' | 'erase' | 'prohibit_use';
  version: number;
  changed_by: string;
  changed_at: Timestamp;
}

export interface RightsRecipientNoticesTable {
  id: string;
  part_id: string;
  recipient_kind: 'data_subject' | 'co_participant' | 'own_file_exporter' | 'external';
  recipient_organisation_id: string | null;
  recipient_name: string | null;
  notification_id: string | null;
  exception: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ExternalDisclosuresTable {
  id: string;
  item_id: string;
  case_id: string;
  controller_organisation_id: string;
  recipient_name: string;
  recipient_class: 'third_party' | 'processor' | 'inquiry_authority';
  reference: string | null;
  disclosed_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

/**
 * SPEC PEN-06 (migration 0038): the SHA-256 of every answer document a rights desk issued (the
 * access answer and the reply letter as PDF), the archive that shows which answer went out.
 */
export interface RightsAnswerDocumentsTable {
  id: Generated<string>;
  part_id: string;
  controller_organisation_id: string;
  issuer_organisation_id: string;
  kind: 'access_answer' | 'reply_letter';
  media_type: 'application/pdf';
  sha256: string;
  size_bytes: number;
  issued_by: string;
  issued_at: Timestamp;
}

// --- modules/paper-parts (see migrations/0022_paper_parts.sql) --------------------------
export interface PaperPartsTable {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  shared: boolean;
  categories: string[];
  page_count: number | null;
  custodian_user_id: string | null;
  /** Encrypted under the case key: description and content index. */
  content: Buffer;
  /** Encrypted under the case key: location and custodian's function. */
  custody: Buffer;
  version: Generated<number>;
  registered_by: string;
  registered_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  destroyed_on: CivilDateColumnNullable;
  destruction_confirmed_by: string | null;
  destruction_confirmed_at: Timestamp | null;
  destruction_reason: Buffer | null;
}

export interface PaperPartPersonsTable {
  paper_part_id: string;
  person_id: string;
}

export interface PaperPartVersionsTable {
  paper_part_id: string;
  version: number;
  categories: string[];
  page_count: number | null;
  custodian_user_id: string | null;
  content: Buffer;
  custody: Buffer;
  changed_by: string;
  changed_at: Timestamp;
  reason: Buffer | null;
}

// --- modules/information-notices ---------------------------------------------------------
// (owned by src/server/modules/information-notices; see migrations/0026_information_obligations.sql)
export type InformationStatus = 'open' | 'informed' | 'exempted' | 'indirect_regime';

/** SPEC RGT-INF-01..07: one per person and controller (L2007 art. 9). */
export interface InformationObligationsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  controller_organisation_id: string;
  person_role: 'subject' | 'relation';
  collection: 'from_subject' | 'not_from_subject';
  recorded_on: CivilDateColumn;
  disclosure_envisaged_by: string | null;
  disclosure_envisaged_at: Timestamp | null;
  status: InformationStatus;
  notice_version: string | null;
  informed_on: CivilDateColumnNullable;
  channel: string | null;
  exemption_ground: string | null;
  exemption_reference: string | null;
  exemption_justification: Buffer | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

// --- modules/auth/oidc ------------------------------------------------------------------
// (owned by src/server/modules/auth/oidc; see migrations/0010_oidc.sql)
export interface OidcFlowsTable {
  /** SHA-256 of the flow cookie's value; the value itself is never stored. */
  id_hash: Buffer;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  bound_at: Timestamp;
}

// --- modules/frameworks -----------------------------------------------------------------
// (owned by src/server/modules/frameworks; see migrations/0013_frameworks.sql)
export interface FrameworksTable {
  id: Generated<string>;
  name: string;
  template: string | null;
  basis_kind: string | null;
  basis_title: string | null;
  basis_date: CivilDateColumnNullable;
  basis_article: string | null;
  authorisation_reference: string | null;
  authorisation_date: CivilDateColumnNullable;
  authorisation_motivation: string | null;
  authorisation_document: Buffer | null;
  authorisation_document_sha256: string | null;
  processing_basis_kind: string | null;
  processing_basis_citation: string | null;
  purposes: Generated<string[]>;
  organiser_organisation_id: string | null;
  modalities: string | null;
  own_file_export_disabled: Generated<boolean>;
  export_four_eyes: Generated<boolean>;
  allowed_categories: Generated<string[]>;
  default_retention_months: number | null;
  default_retention_other_rule: string | null;
  designated_controllers: string | null;
  /** bill arts 7-8: the prosecutor's office that authorised the consultation (migration 0024). */
  authorising_organisation_id: string | null;
  state: Generated<'draft' | 'active'>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  activated_by: string | null;
  activated_at: Timestamp | null;
}

export interface FrameworkParticipantsTable {
  framework_id: string;
  organisation_id: string;
  added_by: string;
  added_at: Timestamp;
  removed_by: string | null;
  removed_at: Timestamp | null;
}

// --- modules/demo -----------------------------------------------------------------------
// (owned by src/server/modules/demo; see migrations/0011_demo_marker.sql)
export interface PlatformDemoTable {
  singleton: Generated<boolean>;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

/** Insert-only for the runtime role: only the owner role reads it back. */
export interface PlatformDemoLoginsTable {
  user_id: string;
  role: string;
  password: string;
  totp_secret: string;
  recovery_codes: string[];
}

// --- modules/restrictions, modules/prosecutor-list (see migrations/0024_restrictions_prosecutor_list.sql)

export type RestrictedRight = 'information' | 'correction' | 'deletion';

export interface RestrictionsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  organisation_id: string;
  scope: 'person' | 'items';
  rights: RestrictedRight[];
  grounds: string[];
  law_2018_art14: Generated<boolean>;
  justification: Buffer;
  starts_on: CivilDateColumn;
  review_on: ColumnType<string, string, string>;
  ends_on: CivilDateColumnNullable;
  lifted_at: Timestamp | null;
  lifted_by: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RestrictionItemsTable {
  restriction_id: string;
  item_id: string;
}

export interface RestrictionReviewsTable {
  restriction_id: string;
  version: number;
  decision: 'create' | 'confirm' | 'narrow' | 'lift';
  rights: RestrictedRight[];
  item_ids: string[] | null;
  review_on: CivilDateColumn;
  reason: Buffer | null;
  decided_by: string;
  decided_at: Timestamp;
}

export interface ProsecutorListEntriesTable {
  id: string;
  organisation_id: string;
  case_id: string;
  person_id: string;
  authorisation_reference: string;
  identity: Buffer;
  identity_version: Generated<number>;
  nrn_index: Buffer | null;
  name_dob_index: Buffer | null;
  status: Generated<'proposed' | 'registered'>;
  proposed_at: Timestamp;
  registered_at: Timestamp | null;
  registered_by: string | null;
  erase_by: Timestamp | null;
  update_pending: Generated<boolean>;
  pending_identity: Buffer | null;
  pending_nrn_index: Buffer | null;
  pending_name_dob_index: Buffer | null;
}

export interface ProsecutorListLookupsTable {
  id: Generated<string>;
  organisation_id: string;
  looked_up_by: string;
  looked_up_at: Timestamp;
  restriction_id: string | null;
  rights_request_id: string | null;
  method: 'national_register_number' | 'name_birth_date';
  entry_ids: string[];
}

export interface ProsecutorListRemovalsTable {
  entry_id: string;
  organisation_id: string;
  reason: Buffer;
  removed_by: string;
  removed_at: Timestamp;
}

// --- kernel/jobs (see migrations/0027_scheduled_jobs.sql) -------------------------------
/** One row per daily job: the Brussels day it last completed and the lease of the instance running it. */
export interface ScheduledJobsTable {
  name: string;
  /** 'yyyy-mm-dd' (DATE is read as text, db/database.ts). */
  last_run_on: string | null;
  leased_by: string | null;
  leased_until: Timestamp | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
}

// --- modules/legal-holds (see migrations/0029_legal_holds.sql) ---------------------------
export type LegalHoldScope = 'case' | 'person' | 'item';

export interface LegalHoldsTable {
  id: string;
  case_id: string;
  scope: LegalHoldScope;
  person_id: string | null;
  item_id: string | null;
  /** The organisation that placed it; it alone releases it. */
  organisation_id: string;
  court_order_reference: string;
  issuer: string;
  /** Encrypted under the case key: the measure ordered. */
  reason: Buffer;
  placed_by: string;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Timestamp | null;
  /** Encrypted under the case key. */
  release_reason: Buffer | null;
}

// --- modules/retention (see migrations/0030_retention.sql) --------------------------------
// What outlives a purged case holds ids, codes, dates and counts: no content, nothing encrypted.
export type KeeperRelation = 'organiser' | 'compartment';
/** `restore`: destroyed after the backup a restore came from, and re-applied by it (migration 0040, RET-07). */
export type DestructionReason = 'retention_ended' | 'necessity_review' | 'restore';
export type WithdrawnBecause = 'legal_hold' | 'reopened' | 'restore';

export interface DestructionListsTable {
  id: Generated<string>;
  keeper_organisation_id: string;
  keeper_relation: KeeperRelation;
  controller_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  approved_at: Timestamp | null;
  completed_at: Timestamp | null;
}

export interface DestructionListEntriesTable {
  list_id: string;
  case_id: string;
  reason: DestructionReason;
  closed_at: Timestamp;
  due_on: CivilDateColumn;
  rule: string;
  controller_ids: string[];
  listed_at: Timestamp;
  status: ColumnType<'pending' | 'purged' | 'withdrawn', 'pending' | undefined, 'purged' | 'withdrawn'>;
  withdrawn_because: WithdrawnBecause | null;
  settled_at: Timestamp | null;
}

export interface DestructionApprovalsTable {
  list_id: string;
  capacity: 'keeper' | 'dpo';
  organisation_id: string;
  approved_by: string;
  approved_at: Timestamp;
  audit_position: number;
}

export interface CaseTombstonesTable {
  case_id: string;
  list_id: string;
  framework_id: string;
  keeper_organisation_id: string;
  compartment_organisation_id: string;
  organiser_organisation_id: string;
  controller_ids: string[];
  final_state: 'closed' | 'not_signalled' | 'refused';
  purposes: string[];
  opened_at: Timestamp;
  closed_at: Timestamp;
  retention_months: number | null;
  retention_end: CivilDateColumn;
  retention_rule: string;
  reason: DestructionReason;
  /** Counts per data category and per table (ids and numbers only). */
  counts: ColumnType<TombstoneCounts, string, never>;
  purged_at: Timestamp;
  purge_audit_position: number;
  key_destroyed_at: Timestamp | null;
  key_audit_position: number | null;
  /** The workflow dates the statistics measure durations on (migration 0042, SPEC RET-05). */
  signalled_at: Timestamp | null;
  signal_decided_at: Timestamp | null;
  first_consultation_at: Timestamp | null;
}

export interface TombstoneCounts {
  persons: Record<string, number>;
  items: Record<string, number>;
  paperParts: Record<string, number>;
  rows: Record<string, number>;
}

export interface DestructionProofsTable {
  list_id: string;
  document: string;
  signature: string;
  issued_at: Timestamp;
  audit_position: number;
}

export interface PaperDestructionTasksTable {
  id: Generated<string>;
  paper_part_id: string;
  case_id: string;
  controller_organisation_id: string;
  custodian_user_id: string | null;
  categories: string[];
  page_count: number | null;
  due_on: CivilDateColumn;
  created_at: Timestamp;
  destroyed_on: CivilDateColumnNullable;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
}

export interface NecessityReviewsTable {
  id: Generated<string>;
  case_id: string;
  keeper_organisation_id: string;
  keeper_relation: KeeperRelation;
  due_on: CivilDateColumn;
  created_at: Timestamp;
  decision: 'keep' | 'delete_now' | null;
  purpose: 'P1' | 'P2' | 'P3' | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface OwnFileCopyDuesTable {
  transfer_id: string;
  case_id: string;
  requester_organisation_id: string;
  exports: number;
  last_exported_at: Timestamp;
  due_on: CivilDateColumnNullable;
  rule: string;
  recorded_at: Timestamp;
}

// --- modules/cross-border (see migrations/0032_cross_border_transfers.sql) -----------------
export type TransferDestinationKind =
  | 'hosting'
  | 'backup'
  | 'sub_processor'
  | 'support_access'
  | 'api_client'
  | 'webhook'
  | 'own_file'
  | 'export_system';

export interface TransferAdequacyAssessmentsTable {
  id: Generated<string>;
  organisation_id: string;
  data_nature: string;
  purpose: string;
  duration: string;
  origin_country: string;
  final_destination_country: string;
  legal_framework: string;
  professional_rules: string;
  security_measures: string;
  conclusion: 'adequate' | 'not_adequate';
  reviewer: string;
  reviewed_on: string;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
  withdrawal_reason: string | null;
}

export interface TransferDestinationsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: TransferDestinationKind;
  name: string;
  country: string;
  via_destination_id: string | null;
  operations: string | null;
  categories: string[];
  basis: 'none' | 'adequacy' | 'derogation';
  adequacy_assessment_id: string | null;
  derogation: 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D7' | null;
  consent_reference: string | null;
  consent_collected_by: string | null;
  consent_context: string | null;
  consent_given_on: ColumnType<string | null, string | null, never>;
  contract_reference: string | null;
  legal_reference: string | null;
  justification: string | null;
  royal_decree_reference: string | null;
  /** D7: the contractual clauses (PDF); read only by the download. */
  clauses: Buffer | null;
  clauses_sha256: string | null;
  registered_by: string;
  registered_at: Timestamp;
  ended_by: string | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface TransferDenyRulesTable {
  id: Generated<string>;
  royal_decree_reference: string;
  country: string | null;
  categories: string[];
  kinds: TransferDestinationKind[];
  circumstance: string;
  added_by: string;
  added_at: Timestamp;
  repealed_by: string | null;
  repealed_at: Timestamp | null;
  repeal_reason: string | null;
}

export interface BlockedTransfersTable {
  id: Generated<string>;
  organisation_id: string;
  attempted_by: string | null;
  attempted_at: Timestamp;
  source: 'transfer_register' | 'own_file_export' | 'processor_location';
  destination_kind: TransferDestinationKind;
  destination_country: string;
  destination_id: string | null;
  categories: string[];
  case_id: string | null;
  item_ids: Generated<string[]>;
  rule: string;
  issue_fields: string[];
  issue_messages: string[];
}

// --- modules/declarations (see migrations/0031_declarations.sql) -------------------------
export type DeclarationMode = 'commission' | 'sectoral_committee' | 'royal_decree_exemption';
export type DeclarationVersionKind = 'declaration' | 'modification' | 'cessation';
export type DeclarationVersionStatus = 'submitted' | 'acknowledged' | 'incomplete' | 'completed';
export type DeclarationUpdateCause = 'configuration_changed' | 'commission_incomplete';

export interface DeclarationsTable {
  id: Generated<string>;
  organisation_id: string;
  purposes: string[];
  language: 'fr' | 'nl';
  mode: Generated<DeclarationMode>;
  sectoral_committee: string | null;
  sectoral_authorisation_reference: string | null;
  sectoral_authorisation_date: CivilDateColumnNullable;
  exemption_royal_decree: string | null;
  purpose_description: string | null;
  security_description: string;
  public_register_exemption: Generated<'no'>;
  journalism_ground: Generated<'not_applicable'>;
  specific_risk_royal_decree: string | null;
  register_number: string | null;
  register_number_recorded_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DeclarationFrameworksTable {
  declaration_id: string;
  framework_id: string;
  organisation_id: string;
  name_fr: string;
  name_nl: string;
  added_by: string;
  added_at: Timestamp;
}

export interface DeclarationRiskConditionsTable {
  id: Generated<string>;
  declaration_id: string;
  position: number;
  condition: string;
  fulfilled_by: string | null;
  fulfilled_at: Timestamp | null;
  fulfilment_note: string | null;
}

export interface DeclarationVersionsTable {
  id: Generated<string>;
  declaration_id: string;
  number: number;
  kind: DeclarationVersionKind;
  /** The generated §3 content as canonical JSON. */
  content: string;
  content_sha256: string;
  purposes: string[];
  framework_ids: string[];
  submitted_on: CivilDateColumn;
  submitted_by: string;
  recorded_at: Timestamp;
  status: Generated<DeclarationVersionStatus>;
  acknowledged_on: CivilDateColumnNullable;
  incomplete_on: CivilDateColumnNullable;
  incomplete_reason: string | null;
  completed_on: CivilDateColumnNullable;
  contribution_cents: number | null;
  contribution_currency: 'EUR' | 'BEF' | null;
  paid_on: CivilDateColumnNullable;
  payment_reference: string | null;
  payment_not_required_reason: string | null;
}

export interface DeclarationUpdateItemsTable {
  id: Generated<string>;
  declaration_id: string;
  cause: DeclarationUpdateCause;
  differences: string[];
  opened_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by_version_id: string | null;
}

export interface DeclarationSheetRequestsTable {
  id: Generated<string>;
  declaration_id: string;
  channel: 'public_page' | 'post' | 'registered_post' | 'email' | 'desk';
  received_on: CivilDateColumn;
  served_at: Timestamp;
  served_by: string | null;
}

// --- modules/interconnections (see migrations/0033_interconnections.sql) ------------------
export type InterconnectionDirection = 'inbound';
export type PersonMatchingRule = 'off' | 'national_register_number';

export interface InterconnectionsTable {
  id: Generated<string>;
  owner_organisation_id: string;
  framework_id: string;
  name: string;
  counterpart_system: string;
  counterpart_operator: string;
  direction: InterconnectionDirection;
  legal_basis: string;
  royal_decree_reference: string | null;
  royal_decree_conditions: string | null;
  security_measures: string;
  /** `[{ field, category }]` (SPEC INT-02). */
  field_mapping: ColumnType<{ field: string; category: string }[], string, string>;
  person_matching: PersonMatchingRule;
  matching_basis: string | null;
  rate_limit_per_minute: number;
  /** Ed25519 SubjectPublicKeyInfo, DER. */
  public_key: Buffer;
  key_fingerprint: string;
  registered_by: string;
  registered_at: Timestamp;
  retired_by: string | null;
  retired_at: Timestamp | null;
  retirement_reason: string | null;
}

export interface InterconnectionPartiesTable {
  interconnection_id: string;
  organisation_id: string;
  approved_by: string | null;
  approved_at: Timestamp | null;
  suspended_by: string | null;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
}

export type InterconnectionEventKind = 'registered' | 'approved' | 'suspended' | 'resumed' | 'retired';

export interface InterconnectionEventsTable {
  /** bigint identity: the order written. */
  id: Generated<string>;
  interconnection_id: string;
  organisation_id: string;
  kind: InterconnectionEventKind;
  user_id: string;
  at: Timestamp;
  reason: string | null;
}

export interface InterconnectionLinksTable {
  id: Generated<string>;
  interconnection_id: string;
  case_id: string;
  organisation_id: string;
  /** Keyed hash of the connected system's file reference. */
  reference_index: Buffer;
  /** Encrypted under the case key. */
  reference: Buffer;
  /** Encrypted under the case key (categories 9 to 16). */
  relevance: Buffer | null;
  police_mission: 'administrative_police' | 'judicial_police' | null;
  linked_by: string;
  linked_at: Timestamp;
  ended_by: string | null;
  ended_at: Timestamp | null;
}

export interface InterconnectionLinkPersonsTable {
  link_id: string;
  person_id: string;
}

export interface InterconnectionExchangesTable {
  id: Generated<string>;
  /** bigint identity: the order of receipt. */
  position: Generated<string>;
  interconnection_id: string;
  received_at: Timestamp;
  nonce: string;
  sent_by: string;
  outcome: 'accepted' | 'refused';
  reason: string | null;
  case_id: string | null;
  link_id: string | null;
  records: Generated<number>;
  items: Generated<number>;
  /** Items written per category code. */
  categories: ColumnType<Record<string, number>, string | undefined, never>;
  dropped_fields: Generated<string[]>;
  matched_persons: Generated<number>;
}

// --- modules/processors and modules/break-glass (see migrations/0034_processors.sql) ------
export type ProcessorRole = 'host' | 'backup' | 'other';
export type ProcessorDocumentKind = 'contract' | 'security_annex' | 'security_plan';
export type ProcessorReviewKind = 'compliance' | 'security_plan';
export type ProcessorReviewOutcome = 'compliant' | 'compliant_with_remarks' | 'non_compliant';

/** One processor of one controller (L2007 art. 16 §1; SPEC PRC-01..PRC-05). */
export interface ProcessorRecordsTable {
  id: Generated<string>;
  controller_organisation_id: string;
  role: ProcessorRole;
  /** The platform operator organisation, for the host's record (its name and address are read there). */
  host_organisation_id: string | null;
  sub_processor_of: string | null;
  name: string | null;
  address: string | null;
  enterprise_number: string | null;
  /** ISO 3166-1 alpha-2: where the processor processes the data (SPEC TRF-01, DCL-20). */
  country: string;
  services: string;
  /** Certifications and audit reports (contracts/processors.ts `Guarantee`). */
  guarantees: ColumnType<unknown, string, string>;
  contract_reference: string | null;
  contract_signed_on: string | null;
  security_annex_reference: string | null;
  liability_clause: string | null;
  instruction_clause: string | null;
  security_obligations_clause: string | null;
  review_interval_months: number;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
}

/** Immutable versions of the contract, its security annex and the security plan (SPEC PRC-05, PRC-07). */
export interface ProcessorDocumentsTable {
  id: Generated<string>;
  record_id: string;
  kind: ProcessorDocumentKind;
  version: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  document_date: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface ProcessorReviewsTable {
  id: Generated<string>;
  record_id: string;
  kind: ProcessorReviewKind;
  reviewed_on: string;
  outcome: ProcessorReviewOutcome;
  findings: string;
  document_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** A break-glass grant of the host's staff (SPEC SEC-12, PRC-06). */
export interface BreakGlassGrantsTable {
  id: Generated<string>;
  controller_organisation_id: string;
  case_id: string;
  grantee_user_id: string;
  support_ticket: string;
  reason: string;
  requested_hours: number;
  requested_at: Timestamp;
  decision: 'approved' | 'refused' | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  instruction_reference: string | null;
  processor_record_id: string | null;
  refusal_reason: string | null;
  valid_from: Timestamp | null;
  expires_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_by: string | null;
  end_reason: 'closed' | 'revoked' | 'expired' | null;
  reported_at: Timestamp | null;
}

export interface BreakGlassReadsTable {
  id: Generated<string>;
  grant_id: string;
  read_at: Timestamp;
  persons: number;
  items: number;
  withheld: number;
  audit_position: number;
}

// --- modules/compliance (see migrations/0036_compliance.sql) --------------------------------
export type SecurityPlanArea =
  | 'encryption'
  | 'backup_restore'
  | 'malware_protection'
  | 'vulnerability_management'
  | 'tenant_segregation'
  | 'secure_development';

export interface SecurityPlanReviewsTable {
  id: Generated<string>;
  plan_version: string;
  reviewed_on: CivilDateColumn;
  occasion: 'initial' | 'annual' | 'significant_change';
  change_description: string | null;
  plan_reference: string;
  risk_assessment_reference: string;
  areas: SecurityPlanArea[];
  recorded_by: string;
  recorded_by_organisation_id: string;
  recorded_at: Timestamp;
}

export interface RestoreTestsTable {
  id: Generated<string>;
  tested_on: CivilDateColumn;
  outcome: 'succeeded' | 'failed';
  reference: string;
  recorded_by: string;
  recorded_by_organisation_id: string;
  recorded_at: Timestamp;
}

export interface NormSetsTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  version: string;
  title: string;
  issuer: string;
  source: string;
  imported_by: string;
  imported_at: Timestamp;
}

export type NormControlStatus =
  | 'to_assess'
  | 'implemented'
  | 'partially_implemented'
  | 'not_implemented'
  | 'not_applicable';

export interface NormControlsTable {
  id: Generated<string>;
  norm_set_id: string;
  position: number;
  code: string;
  title: string;
  description: string | null;
  status: Generated<NormControlStatus>;
  status_note: string | null;
  status_changed_by: string | null;
  status_changed_at: Timestamp | null;
}

export interface ComplianceOwnerAccountsTable {
  organisation_id: string;
  user_id: string;
  designated_by: string;
  designated_at: Timestamp;
}

// --- modules/supervision and modules/prohibitions (see migrations/0035_supervision.sql) ---
export type SupervisoryOrigin = 'complaint' | 'recommendation' | 'inspection' | 'other';
export type SupervisoryClosure = 'settled' | 'opinion' | 'recommendation_followed' | 'inadmissible' | 'withdrawn';
export type SupervisoryEntryKind =
  | 'complaint'
  | 'letter_received'
  | 'letter_sent'
  | 'settlement_minutes'
  | 'opinion'
  | 'recommendation'
  | 'decision';
export type SupervisoryDocumentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain';

export interface SupervisoryCasesTable {
  id: string;
  controller_organisation_id: string;
  commission_reference: string;
  origin: SupervisoryOrigin;
  opened_on: CivilDateColumn;
  /** Encrypted under `supervision:<id>`. */
  subject: Buffer;
  state: 'open' | 'closed';
  closure: SupervisoryClosure | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SupervisoryEntriesTable {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  kind: SupervisoryEntryKind;
  dated_on: CivilDateColumn;
  /** Encrypted. */
  summary: Buffer;
  /** Encrypted. */
  document: Buffer | null;
  document_media_type: SupervisoryDocumentType | null;
  document_sha256: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface SupervisoryActionsTable {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  entry_id: string | null;
  /** Encrypted. */
  description: Buffer;
  due_on: CivilDateColumn;
  done_by: string | null;
  done_at: Timestamp | null;
  /** Encrypted. */
  done_note: Buffer | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SupervisoryPositionsTable {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  invited_on: CivilDateColumn;
  deadline_on: CivilDateColumn;
  submitted_on: CivilDateColumnNullable;
  /** Encrypted. */
  document: Buffer | null;
  document_media_type: SupervisoryDocumentType | null;
  document_sha256: string | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface InspectorGrantsTable {
  id: string;
  controller_organisation_id: string;
  inspector_user_id: string;
  commission_reference: string;
  supervisory_case_id: string | null;
  requested_at: Timestamp;
  granted_by: string;
  granted_at: Timestamp;
  valid_until: Timestamp;
  notice_acknowledged_at: Timestamp | null;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface CommissionRepeatInstructionsTable {
  id: string;
  controller_organisation_id: string;
  nrn_index: Buffer | null;
  name_dob_index: Buffer | null;
  commission_reference: string;
  issued_on: CivilDateColumn;
  interval_months: number;
  part_id: string;
  supervisory_case_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ManagementProhibitionsTable {
  id: string;
  /** Encrypted under `prohibition:<id>`. */
  person_name: Buffer;
  court: string;
  judgment_reference: string;
  judgment_date: CivilDateColumn;
  starts_on: CivilDateColumn;
  ends_on: CivilDateColumn;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ManagementProhibitionAccountsTable {
  prohibition_id: string;
  user_id: string;
  linked_by: string;
  linked_at: Timestamp;
}

// --- modules/destruction-orders ---------------------------------------------------------
// (owned by src/server/modules/destruction-orders; see migrations/0039_destruction_orders.sql)
// Court erasure orders (L1992 art. 41 §1; SPEC PEN-16) and emergency destructions (L1992 art. 45;
// SPEC RET-09): ids, references, dates and counts; the case is a plain id (it outlives the case).
export type DestructionOrderKind = 'court_erasure' | 'emergency';
export type EmergencyCircumstance = 'wartime' | 'assimilated_period' | 'enemy_occupation' | 'drill';
export type OrderedCaseStatus = 'pending' | 'destroyed' | 'withheld' | 'gone';

export interface EmergencyDestructionAuthoritiesTable {
  id: Generated<string>;
  user_id: string;
  royal_decree_reference: string;
  designated_by: string;
  designated_at: Timestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
}

export interface DestructionOrdersTable {
  id: Generated<string>;
  kind: DestructionOrderKind;
  organisation_id: string;
  order_reference: string;
  court: string | null;
  judgment_date: CivilDateColumnNullable;
  royal_decree_reference: string | null;
  circumstance: EmergencyCircumstance | null;
  recorded_by: string;
  recorded_role: string;
  recorded_designation_id: string | null;
  recorded_at: Timestamp;
  record_audit_position: number;
  approved_by: string | null;
  approved_organisation_id: string | null;
  approved_role: string | null;
  approved_designation_id: string | null;
  approved_at: Timestamp | null;
  approve_audit_position: number | null;
  completed_at: Timestamp | null;
  certificate_document: string | null;
  certificate_signature: string | null;
  certificate_audit_position: number | null;
}

/** A legal hold the ordering court's own reference overrode (PEN-16): its id and that reference. */
export interface OverriddenHold {
  holdId: string;
  courtOrderReference: string;
}

export interface DestructionOrderCasesTable {
  order_id: string;
  case_id: string;
  status: ColumnType<OrderedCaseStatus, OrderedCaseStatus | undefined, OrderedCaseStatus>;
  withheld_hold_ids: string[] | null;
  framework_id: string | null;
  state_at_destruction: string | null;
  controller_ids: string[] | null;
  overridden_holds: ColumnType<OverriddenHold[] | null, string | null, string | null>;
  counts: ColumnType<TombstoneCounts | null, string | null, string | null>;
  destroyed_at: Timestamp | null;
  purge_audit_position: number | null;
  key_destroyed_at: Timestamp | null;
  key_audit_position: number | null;
  settled_at: Timestamp | null;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  audit_events: AuditEventsTable;
  audit_nodes: AuditNodesTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  data_keys: DataKeysTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_credentials: UserCredentialsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  undertaking_versions: UndertakingVersionsTable;
  undertaking_texts: UndertakingTextsTable;
  undertaking_acceptances: UndertakingAcceptancesTable;
  representations: RepresentationsTable;
  represented_persons: RepresentedPersonsTable;
  representation_briefings: RepresentationBriefingsTable;
  representation_briefing_recipients: RepresentationBriefingRecipientsTable;
  invitations: InvitationsTable;
  cases: CasesTable;
  case_participants: CaseParticipantsTable;
  case_audience: CaseAudienceTable;
  case_retention_approvals: CaseRetentionApprovalsTable;
  case_reopenings: CaseReopeningsTable;
  case_history: CaseHistoryTable;
  special_designations: SpecialDesignationsTable;
  notifications: NotificationsTable;
  consultations: ConsultationsTable;
  consultation_agenda: ConsultationAgendaTable;
  consultation_attendance: ConsultationAttendanceTable;
  case_decisions: CaseDecisionsTable;
  case_actions: CaseActionsTable;
  persons: PersonsTable;
  person_links: PersonLinksTable;
  person_versions: PersonVersionsTable;
  items: ItemsTable;
  item_persons: ItemPersonsTable;
  item_versions: ItemVersionsTable;
  item_attachments: ItemAttachmentsTable;
  correction_requests: CorrectionRequestsTable;
  catch_all_reviews: CatchAllReviewsTable;
  own_file_transfers: OwnFileTransfersTable;
  own_file_transfer_items: OwnFileTransferItemsTable;
  own_file_exports: OwnFileExportsTable;
  exported_item_notices: ExportedItemNoticesTable;
  contested_marks: ContestedMarksTable;
  court_actions: CourtActionsTable;
  court_orders: CourtOrdersTable;
  court_order_notices: CourtOrderNoticesTable;
  royal_decree_authorisations: RoyalDecreeAuthorisationsTable;
  prior_written_notices: PriorWrittenNoticesTable;
  oidc_flows: OidcFlowsTable;
  oidc_identities: OidcIdentitiesTable;
  frameworks: FrameworksTable;
  framework_participants: FrameworkParticipantsTable;
  platform_demo: PlatformDemoTable;
  platform_demo_logins: PlatformDemoLoginsTable;
  paper_parts: PaperPartsTable;
  paper_part_persons: PaperPartPersonsTable;
  paper_part_versions: PaperPartVersionsTable;
  information_obligations: InformationObligationsTable;
  rights_requests: RightsRequestsTable;
  rights_request_parts: RightsRequestPartsTable;
  rights_part_records: RightsPartRecordsTable;
  rights_part_changes: RightsPartChangesTable;
  rights_recipient_notices: RightsRecipientNoticesTable;
  external_disclosures: ExternalDisclosuresTable;
  rights_answer_documents: RightsAnswerDocumentsTable;
  restrictions: RestrictionsTable;
  restriction_items: RestrictionItemsTable;
  restriction_reviews: RestrictionReviewsTable;
  prosecutor_list_entries: ProsecutorListEntriesTable;
  prosecutor_list_lookups: ProsecutorListLookupsTable;
  prosecutor_list_removals: ProsecutorListRemovalsTable;
  scheduled_jobs: ScheduledJobsTable;
  legal_holds: LegalHoldsTable;
  destruction_lists: DestructionListsTable;
  destruction_list_entries: DestructionListEntriesTable;
  destruction_approvals: DestructionApprovalsTable;
  case_tombstones: CaseTombstonesTable;
  destruction_proofs: DestructionProofsTable;
  paper_destruction_tasks: PaperDestructionTasksTable;
  necessity_reviews: NecessityReviewsTable;
  own_file_copy_dues: OwnFileCopyDuesTable;
  security_plan_reviews: SecurityPlanReviewsTable;
  restore_tests: RestoreTestsTable;
  norm_sets: NormSetsTable;
  norm_controls: NormControlsTable;
  compliance_owner_accounts: ComplianceOwnerAccountsTable;
  transfer_adequacy_assessments: TransferAdequacyAssessmentsTable;
  transfer_destinations: TransferDestinationsTable;
  transfer_deny_rules: TransferDenyRulesTable;
  blocked_transfers: BlockedTransfersTable;
  processor_records: ProcessorRecordsTable;
  processor_documents: ProcessorDocumentsTable;
  processor_reviews: ProcessorReviewsTable;
  break_glass_grants: BreakGlassGrantsTable;
  break_glass_reads: BreakGlassReadsTable;
  declarations: DeclarationsTable;
  declaration_frameworks: DeclarationFrameworksTable;
  declaration_risk_conditions: DeclarationRiskConditionsTable;
  declaration_versions: DeclarationVersionsTable;
  declaration_update_items: DeclarationUpdateItemsTable;
  declaration_sheet_requests: DeclarationSheetRequestsTable;
  interconnections: InterconnectionsTable;
  interconnection_parties: InterconnectionPartiesTable;
  interconnection_events: InterconnectionEventsTable;
  interconnection_links: InterconnectionLinksTable;
  interconnection_link_persons: InterconnectionLinkPersonsTable;
  interconnection_exchanges: InterconnectionExchangesTable;
  supervisory_cases: SupervisoryCasesTable;
  supervisory_entries: SupervisoryEntriesTable;
  supervisory_actions: SupervisoryActionsTable;
  supervisory_positions: SupervisoryPositionsTable;
  inspector_grants: InspectorGrantsTable;
  commission_repeat_instructions: CommissionRepeatInstructionsTable;
  management_prohibitions: ManagementProhibitionsTable;
  management_prohibition_accounts: ManagementProhibitionAccountsTable;
  emergency_destruction_authorities: EmergencyDestructionAuthoritiesTable;
  destruction_orders: DestructionOrdersTable;
  destruction_order_cases: DestructionOrderCasesTable;
}
