/**
 * Kysely table types. Each kernel or module owns one section and keeps it in step with
 * its migration files in `migrations/`.
 */
import type { ColumnType, Generated } from 'kysely';

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
}

export type AudienceRelation = 'compartment' | 'reviewer' | 'organiser' | 'participant';

export interface CaseAudienceTable {
  case_id: string;
  organisation_id: string;
  relation: AudienceRelation;
  case_created_at: Timestamp;
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
  oidc_flows: OidcFlowsTable;
  oidc_identities: OidcIdentitiesTable;
  platform_demo: PlatformDemoTable;
  platform_demo_logins: PlatformDemoLoginsTable;
}
