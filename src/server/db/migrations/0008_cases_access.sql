-- The shared file's cases and who may see them (owned by src/server/modules/cases; the rules
-- are src/server/modules/access). Issue 3 lays the access skeleton: a case, its compartment,
-- its reviewer, its organiser and its admitted participants. Issue 4 adds frameworks,
-- persons, information items and the workflow on top.

-- ARCHITECTURE §4 Case. `state` follows SPEC WFL-01..13; the title is content, so it is
-- encrypted under the case's data key (ARCHITECTURE §3.3; envelope scope 'case:<id>').
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state text NOT NULL CHECK (state IN ('pre_registered', 'under_evaluation', 'not_signalled', 'signalled',
    'accepted', 'refused', 'in_consultation', 'follow_up', 'closed')),
  -- The participant whose sealed compartment the case starts in (bill art. 2 §3 1°, WFL-01).
  compartment_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- The organisation asked to review the draft read-only, e.g. the parquet (WFL-02, ROL-13).
  reviewer_organisation_id uuid REFERENCES organisations (id),
  -- The organiser who receives the signalling (bill art. 2 §3 1°, ROL-03).
  organiser_organisation_id uuid NOT NULL REFERENCES organisations (id),
  title bytea NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (reviewer_organisation_id IS DISTINCT FROM compartment_organisation_id)
);

-- Participants admitted one by one with the justification of bill art. 2 §3 2° (ROL-02).
-- A revoked admission stays as evidence; only `revoked_*` is ever set.
CREATE TABLE case_participants (
  case_id uuid NOT NULL REFERENCES cases (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- Encrypted under the case key: it may describe the person.
  justification bytea NOT NULL,
  admitted_by uuid NOT NULL REFERENCES users (id),
  admitted_at timestamptz NOT NULL,
  revoked_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  PRIMARY KEY (case_id, organisation_id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Which organisations may see a case now, and as what. The access module derives these rows
-- from the case (`caseAudience`, the same rule `access.decide` applies) in the transaction
-- that changes the case; row-level security reads them. They hold ids only, never content,
-- so the table itself needs no row-level security, which keeps the policies below free of
-- recursion.
CREATE TABLE case_audience (
  -- Deferred: a new case's audience comes first, so that its title can be encrypted under a
  -- data key that row-level security already lets its creator write.
  case_id uuid NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  relation text NOT NULL CHECK (relation IN ('compartment', 'reviewer', 'organiser', 'participant')),
  -- The case's creation time, copied so that an organisation's case list, newest first, is
  -- read from one index here instead of filtering every case.
  case_created_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, organisation_id, relation)
);

CREATE INDEX case_audience_list_idx ON case_audience (organisation_id, case_created_at DESC, case_id);
-- The case list, newest first.
CREATE INDEX cases_created_idx ON cases (created_at DESC, id);

-- The organisations the current transaction acts for (its user's own, plus the authorities a
-- permanent representative represents today, bill art. 5), set by the access module with
-- set_config(..., true). Unset = none: a connection that did not say who it acts for sees no case.
CREATE FUNCTION concerto_acting_organisations() RETURNS uuid[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(
    string_to_array(NULLIF(current_setting('concerto.acting_organisations', true), ''), ',')::uuid[],
    '{}'::uuid[])
$$;

-- Row-level security: the second net of need-to-know (ARCHITECTURE §3.2; SPEC SEC-06,
-- WFL-01). FORCE applies it to the table owner too; only a superuser or BYPASSRLS role is
-- exempt, and the runtime role is neither (migration 0001).
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
-- The visibility test is written inline (not as a function) so that the planner turns it into
-- a semi-join on case_audience: a function call per row made the case list ten times slower.
CREATE POLICY cases_visible ON cases FOR SELECT USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = cases.id AND a.organisation_id = ANY (concerto_acting_organisations())));
-- A case is born in the creator's own compartment and nowhere else (WFL-01).
CREATE POLICY cases_created_in_own_compartment ON cases FOR INSERT
  WITH CHECK (compartment_organisation_id = ANY (concerto_acting_organisations()));
CREATE POLICY cases_changed_by_audience ON cases FOR UPDATE USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = cases.id AND a.organisation_id = ANY (concerto_acting_organisations())));

ALTER TABLE case_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_participants FORCE ROW LEVEL SECURITY;
CREATE POLICY case_participants_visible ON case_participants FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = case_participants.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));

-- The wrapped data keys of a case are readable only by its audience: without them nothing of
-- the case decrypts, whoever runs the query (ARCHITECTURE §3.6: the host is not a participant).
-- Scopes that are not cases (platform keys) are not case data.
ALTER TABLE data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY data_keys_of_visible_cases ON data_keys FOR ALL USING (
  CASE WHEN scope LIKE 'case:%' THEN EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = substr(scope, 6)::uuid AND a.organisation_id = ANY (concerto_acting_organisations()))
  ELSE true END);

-- The facts `access.decide` needs to explain a refusal (compartment sealed, admission revoked,
-- representation expired) about a case that row-level security hides from the asker: state
-- and organisation ids only, never content. Read through a function owned by a role whose
-- only privilege is this read, so the runtime role gains nothing else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_access_facts') THEN
    CREATE ROLE concerto_access_facts NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_access_facts TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_access_facts;
GRANT SELECT (id, state, compartment_organisation_id, reviewer_organisation_id, organiser_organisation_id)
  ON cases TO concerto_access_facts;
GRANT SELECT (case_id, organisation_id, revoked_at) ON case_participants TO concerto_access_facts;
CREATE POLICY cases_access_facts ON cases FOR SELECT TO concerto_access_facts USING (true);
CREATE POLICY case_participants_access_facts ON case_participants FOR SELECT TO concerto_access_facts USING (true);

CREATE FUNCTION concerto_case_access_facts(target uuid)
RETURNS TABLE (state text, compartment_organisation_id uuid, reviewer_organisation_id uuid,
  organiser_organisation_id uuid, participant_ids uuid[], revoked_ids uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.state, c.compartment_organisation_id, c.reviewer_organisation_id, c.organiser_organisation_id,
    COALESCE(array_agg(p.organisation_id) FILTER (WHERE p.revoked_at IS NULL), '{}'),
    COALESCE(array_agg(p.organisation_id) FILTER (WHERE p.revoked_at IS NOT NULL), '{}')
  FROM cases c LEFT JOIN case_participants p ON p.case_id = c.id
  WHERE c.id = target
  GROUP BY c.id
$$;
-- A new owner needs CREATE on the schema (PostgreSQL checks it even though the function exists
-- already); it is taken back at once, so the role can never create anything itself.
GRANT CREATE ON SCHEMA public TO concerto_access_facts;
ALTER FUNCTION concerto_case_access_facts(uuid) OWNER TO concerto_access_facts;
REVOKE CREATE ON SCHEMA public FROM concerto_access_facts;
REVOKE ALL ON FUNCTION concerto_case_access_facts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_case_access_facts(uuid) TO concerto_app;

GRANT SELECT, INSERT ON cases, case_participants TO concerto_app;
GRANT UPDATE (state, reviewer_organisation_id, updated_at) ON cases TO concerto_app;
GRANT UPDATE (revoked_by, revoked_at) ON case_participants TO concerto_app;
-- The audience is recomputed as a whole: delete and insert in the changing transaction.
GRANT SELECT, INSERT, DELETE ON case_audience TO concerto_app;
GRANT EXECUTE ON FUNCTION concerto_acting_organisations() TO concerto_app;
