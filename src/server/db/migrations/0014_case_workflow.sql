-- The case workflow of bill art. 2 §3 (owned by src/server/modules/cases; the rules of who may
-- act are src/server/modules/access): frameworks on cases, signalling, review, acceptance,
-- admission, the agreed maximum retention, closure and reopening, the case history, and the
-- access facts the workflow adds (working-session justification, designations for special
-- categories, cross-case search), and notifications. Free text that may describe a person is
-- encrypted under the case's data key, like the title (ARCHITECTURE §3.3).

DO $$
BEGIN
  -- The cases of the issue-3 skeleton had no framework, and none can be invented for them.
  IF EXISTS (SELECT 1 FROM cases) THEN
    RAISE EXCEPTION 'this database holds cases created before frameworks existed (issue 3 skeleton); '
      'Concerto cannot attach a legal basis to them: export what is needed and start from an empty database';
  END IF;
END
$$;

-- The framework (legal basis) of the consultation, and the purposes the case serves: one or more
-- of those the framework allows (CP art. 458ter §1 al. 2; SPEC PUR-01, A-25).
ALTER TABLE cases
  ADD COLUMN framework_id uuid NOT NULL REFERENCES frameworks (id),
  ADD COLUMN purposes text[] NOT NULL CHECK (cardinality(purposes) >= 1 AND purposes <@ ARRAY['P1', 'P2', 'P3']),
  -- WFL-04: when and by whom the case was signalled to the organiser.
  ADD COLUMN signalled_at timestamptz,
  ADD COLUMN signalled_by uuid REFERENCES users (id),
  ADD COLUMN signalled_by_organisation_id uuid REFERENCES organisations (id),
  -- WFL-02: the reviewer's decision on the draft and its reasons (encrypted).
  ADD COLUMN review_decision text CHECK (review_decision IN ('signal', 'do_not_signal', 'more_information')),
  ADD COLUMN review_reason bytea,
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reviewed_by uuid REFERENCES users (id),
  -- WFL-06: the organiser's acceptance or refusal of the signal, with reasons (encrypted).
  ADD COLUMN signal_decided_at timestamptz,
  ADD COLUMN signal_decided_by uuid REFERENCES users (id),
  ADD COLUMN signal_decision_reason bytea,
  -- FIL-01: the maximum retention after closure agreed by the participants before the first
  -- consultation (bill art. 3 §1 al. 1). Each proposal has a number; approvals name it.
  ADD COLUMN retention_months integer CHECK (retention_months > 0),
  ADD COLUMN retention_other_rule text,
  ADD COLUMN retention_proposal integer NOT NULL DEFAULT 0 CHECK (retention_proposal >= 0),
  ADD COLUMN first_consultation_at timestamptz,
  -- WFL-05, WFL-11: closure (also of a draft not signalled, or a refused signal) starts the
  -- retention clock; a reopening clears it (the clock is suspended) and is kept below.
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by uuid REFERENCES users (id),
  ADD COLUMN closure_reason bytea,
  ADD CONSTRAINT cases_closure_complete CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
  ADD CONSTRAINT cases_closed_states CHECK (
    (state IN ('closed', 'not_signalled', 'refused')) = (closed_at IS NOT NULL));

CREATE INDEX cases_framework_idx ON cases (framework_id);

-- ROL-02: the organiser's ground for admitting a participant (bill art. 2 §3 2°): a particular
-- expertise, or knowledge of the person, their relations and contacts. The free text (already
-- in `justification`) is encrypted.
ALTER TABLE case_participants
  ADD COLUMN ground text NOT NULL CHECK (ground IN ('expertise', 'knowledge_of_person')),
  ADD COLUMN revocation_reason bytea;

-- FIL-01: which participating organisation approved which retention proposal.
CREATE TABLE case_retention_approvals (
  case_id uuid NOT NULL REFERENCES cases (id),
  proposal integer NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  approved_by uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, proposal, organisation_id)
);

-- WFL-11: every reopening, which suspends the retention clock of the earlier closure.
CREATE TABLE case_reopenings (
  case_id uuid NOT NULL REFERENCES cases (id),
  reopened_at timestamptz NOT NULL,
  reopened_by uuid NOT NULL REFERENCES users (id),
  previous_closed_at timestamptz NOT NULL,
  reason bytea NOT NULL,
  PRIMARY KEY (case_id, reopened_at)
);

-- The case's timeline as its audience sees it (WFL-04: status, time and user in the history).
-- Codes and ids only, never content.
CREATE TABLE case_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL,
  kind text NOT NULL,
  user_id uuid REFERENCES users (id),
  organisation_id uuid REFERENCES organisations (id),
  -- The record or organisation the event concerns, when there is one.
  subject_id uuid,
  state text
);
CREATE INDEX case_history_case_idx ON case_history (case_id, at);

-- Row-level security on the new case tables: the case's audience only (ARCHITECTURE §3.2).
ALTER TABLE case_retention_approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_retention_approvals FORCE ROW LEVEL SECURITY;
CREATE POLICY case_retention_approvals_visible ON case_retention_approvals FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_retention_approvals.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));
ALTER TABLE case_reopenings ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_reopenings FORCE ROW LEVEL SECURITY;
CREATE POLICY case_reopenings_visible ON case_reopenings FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_reopenings.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));
ALTER TABLE case_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_history FORCE ROW LEVEL SECURITY;
CREATE POLICY case_history_visible ON case_history FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_history.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));

-- Issue 4 scope 7: the reason the user gave for this working session, recorded in every consult
-- event. Chosen by the user, bounded; it names a task, not a person.
ALTER TABLE sessions ADD COLUMN justification text CHECK (char_length(justification) BETWEEN 1 AND 200);

-- SEC-07: cross-case search on persons is a permission of its own, off by default.
ALTER TABLE users ADD COLUMN cross_case_search boolean NOT NULL DEFAULT false;

-- DAT-19 (bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2): each controller designates
-- the persons who may see special categories, with their function, bound to confidentiality.
CREATE TABLE special_designations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  scope text NOT NULL CHECK (scope IN ('C09', 'C10', 'C12', 'C13', 'C15', 'genetic_biometric')),
  function text NOT NULL CHECK (char_length(function) BETWEEN 1 AND 200),
  confidentiality_confirmed boolean NOT NULL CHECK (confidentiality_confirmed),
  designated_by uuid NOT NULL REFERENCES users (id),
  designated_at timestamptz NOT NULL,
  revoked_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX special_designations_active_idx ON special_designations (user_id, scope)
  WHERE revoked_at IS NULL;

-- Something is waiting for an organisation (or one of its users) in Concerto: codes and ids
-- only, never content (ARCHITECTURE §2: nothing personal leaves in a notification).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- A DPO alert goes to the organisation's DPOs; null: any member with a case role.
  audience text NOT NULL DEFAULT 'members' CHECK (audience IN ('members', 'dpo')),
  kind text NOT NULL,
  case_id uuid REFERENCES cases (id),
  subject_id uuid,
  created_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX notifications_open_idx ON notifications (organisation_id, created_at DESC)
  WHERE acknowledged_at IS NULL;

GRANT UPDATE (signalled_at, signalled_by, signalled_by_organisation_id, review_decision, review_reason,
  reviewed_at, reviewed_by, signal_decided_at, signal_decided_by, signal_decision_reason, retention_months,
  retention_other_rule, retention_proposal, first_consultation_at, closed_at, closed_by, closure_reason,
  organiser_organisation_id) ON cases TO concerto_app;
GRANT UPDATE (justification, ground, admitted_by, admitted_at, revocation_reason) ON case_participants TO concerto_app;
GRANT SELECT, INSERT ON case_retention_approvals, case_reopenings, case_history TO concerto_app;
GRANT SELECT, INSERT ON special_designations TO concerto_app;
GRANT UPDATE (revoked_by, revoked_at) ON special_designations TO concerto_app;
GRANT SELECT, INSERT ON notifications TO concerto_app;
GRANT UPDATE (acknowledged_at, acknowledged_by) ON notifications TO concerto_app;
GRANT UPDATE (justification) ON sessions TO concerto_app;
GRANT UPDATE (cross_case_search) ON users TO concerto_app;
