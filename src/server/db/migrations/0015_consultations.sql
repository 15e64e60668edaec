-- Consultations (owned by src/server/modules/consultations; issue 4 scope 5; SPEC WFL-07..10):
-- a meeting of an organiser with an agenda of cases, the attendance, minutes and decisions per
-- agenda item, and the follow-up actions assigned to participating organisations. A
-- consultation itself holds no personal data (a date, a framework, an organiser); minutes,
-- decisions and action descriptions are encrypted under the data key of their case.

CREATE TABLE consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  organiser_organisation_id uuid NOT NULL REFERENCES organisations (id),
  scheduled_for timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'open', 'closed')),
  opened_at timestamptz,
  opened_by uuid REFERENCES users (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK ((state <> 'scheduled') = (opened_at IS NOT NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX consultations_organiser_idx ON consultations (organiser_organisation_id, scheduled_for);

-- The agenda: one item per case discussed, with its minutes (encrypted under the case key).
CREATE TABLE consultation_agenda (
  consultation_id uuid NOT NULL REFERENCES consultations (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  position integer NOT NULL CHECK (position >= 1),
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL,
  minutes bytea,
  minutes_version integer NOT NULL DEFAULT 0 CHECK (minutes_version >= 0),
  minutes_updated_by uuid REFERENCES users (id),
  minutes_updated_at timestamptz,
  PRIMARY KEY (consultation_id, case_id)
);
CREATE INDEX consultation_agenda_case_idx ON consultation_agenda (case_id);

-- WFL-09: who attended, for which organisation, and whom a permanent representative represented
-- (bill art. 5). Each attendee records their own presence.
CREATE TABLE consultation_attendance (
  consultation_id uuid NOT NULL REFERENCES consultations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  representing_organisation_id uuid REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (consultation_id, user_id)
);

-- WFL-09: the decisions taken on a case at a consultation (encrypted). Controlled by the
-- organiser's organisation (SPEC A-32).
CREATE TABLE case_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  text bytea NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX case_decisions_case_idx ON case_decisions (case_id, recorded_at);

-- WFL-10: follow-up actions assigned to a participating organisation, with a due date and a
-- status; a link to the case, never a copy of its data (the description is encrypted).
CREATE TABLE case_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  consultation_id uuid REFERENCES consultations (id),
  assignee_organisation_id uuid NOT NULL REFERENCES organisations (id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  description bytea NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX case_actions_case_idx ON case_actions (case_id);
CREATE INDEX case_actions_assignee_idx ON case_actions (assignee_organisation_id, due_on) WHERE status = 'open';

-- Row-level security: an agenda item, a decision and an action are seen by the case's audience
-- only (SPEC WFL-09: an attendee sees only the agenda items of cases their organisation is
-- admitted to).
ALTER TABLE consultation_agenda ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation_agenda FORCE ROW LEVEL SECURITY;
CREATE POLICY consultation_agenda_visible ON consultation_agenda FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = consultation_agenda.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));
ALTER TABLE case_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY case_decisions_visible ON case_decisions FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_decisions.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));
ALTER TABLE case_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY case_actions_visible ON case_actions FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_actions.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));

GRANT SELECT, INSERT ON consultations, consultation_agenda, consultation_attendance, case_decisions,
  case_actions TO concerto_app;
GRANT UPDATE (state, opened_at, opened_by, closed_at, closed_by) ON consultations TO concerto_app;
GRANT UPDATE (minutes, minutes_version, minutes_updated_by, minutes_updated_at) ON consultation_agenda TO concerto_app;
GRANT UPDATE (representing_organisation_id, recorded_at) ON consultation_attendance TO concerto_app;
GRANT UPDATE (status, updated_by, updated_at) ON case_actions TO concerto_app;
