-- The compliance evidence of the instance and of each controller (owned by
-- src/server/modules/compliance; issue 6 scope 8; SPEC SCO-08, SCO-12, SEC-03, SEC-04), and the
-- read-only functions the compliance dashboard and the statistics (src/server/modules/statistics;
-- issue 6 scope 9) use to count without reading any content.
-- None of these tables holds case data or personal data of the persons concerned: they record
-- documents, dates, outcomes and statuses, and the users who recorded them. Like the frameworks
-- (migration 0013) they have no row-level security; the compliance service decides who reads them.

-- SEC-03 (L2007 art. 16 §4 al. 1-2; L1992 art. 16 §3): the instance's documented risk assessment
-- and security plan, reviewed at least annually and on each significant change. One row per review:
-- which version of the plan was reviewed, when, why, and which documents hold the plan and the
-- risk assessment. The areas SPEC SEC-03 names are all covered, or the review is not recorded.
CREATE TABLE security_plan_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_version text NOT NULL CHECK (plan_version <> ''),
  reviewed_on date NOT NULL,
  occasion text NOT NULL CHECK (occasion IN ('initial', 'annual', 'significant_change')),
  -- The significant change that called for the review (a new hosting, a new connection, ...).
  change_description text,
  plan_reference text NOT NULL CHECK (plan_reference <> ''),
  risk_assessment_reference text NOT NULL CHECK (risk_assessment_reference <> ''),
  areas text[] NOT NULL CHECK (areas @> ARRAY['encryption', 'backup_restore', 'malware_protection',
    'vulnerability_management', 'tenant_segregation', 'secure_development']::text[]
    AND areas <@ ARRAY['encryption', 'backup_restore', 'malware_protection', 'vulnerability_management',
    'tenant_segregation', 'secure_development']::text[]),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL,
  CHECK ((occasion = 'significant_change') = (change_description IS NOT NULL))
);
CREATE INDEX security_plan_reviews_latest_idx ON security_plan_reviews (reviewed_on DESC, recorded_at DESC);

-- SEC-03: evidence that a backup was restored (`concerto restore` into an empty database), with
-- its outcome and a reference to the test report. A failed test is evidence too: it is kept.
CREATE TABLE restore_tests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tested_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
  reference text NOT NULL CHECK (reference <> ''),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX restore_tests_latest_idx ON restore_tests (tested_on DESC, recorded_at DESC);

-- SEC-04 (L2007 art. 16 §4 al. 3; L1992 art. 16 §3 al. 3): IT-security norms issued by the King on
-- the advice of the Commission, imported by a controller as a checklist. A norm set is imported
-- once per controller and version; each control starts "to assess" and its status is then tracked.
CREATE TABLE norm_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  code text NOT NULL CHECK (code <> ''),
  version text NOT NULL CHECK (version <> ''),
  title text NOT NULL CHECK (title <> ''),
  issuer text NOT NULL CHECK (issuer <> ''),
  -- Where the norms were published (a URL or a citation of the official text).
  source text NOT NULL CHECK (source <> ''),
  imported_by uuid NOT NULL REFERENCES users (id),
  imported_at timestamptz NOT NULL,
  UNIQUE (organisation_id, code, version)
);

CREATE TABLE norm_controls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  norm_set_id uuid NOT NULL REFERENCES norm_sets (id),
  position integer NOT NULL CHECK (position >= 1),
  code text NOT NULL CHECK (code <> ''),
  title text NOT NULL CHECK (title <> ''),
  description text,
  status text NOT NULL DEFAULT 'to_assess' CHECK (status IN ('to_assess', 'implemented',
    'partially_implemented', 'not_implemented', 'not_applicable')),
  -- How the control is met, or why it is not: the controller's own words, required once assessed.
  status_note text,
  status_changed_by uuid REFERENCES users (id),
  status_changed_at timestamptz,
  UNIQUE (norm_set_id, code),
  UNIQUE (norm_set_id, position),
  CHECK ((status = 'to_assess') = (status_changed_at IS NULL)),
  CHECK ((status_changed_at IS NULL) = (status_changed_by IS NULL)),
  CHECK ((status = 'to_assess') = (status_note IS NULL))
);

-- SCO-12 (L2007 art. 4 §2: the controller ensures compliance with art. 4 §1): the account of the
-- controller's named compliance owner, designated by its DPO, who reads the controller's dashboard
-- and keeps its norm checklist besides the DPO.
CREATE TABLE compliance_owner_accounts (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  designated_by uuid NOT NULL REFERENCES users (id),
  designated_at timestamptz NOT NULL
);

GRANT SELECT, INSERT ON security_plan_reviews, restore_tests, norm_sets, norm_controls,
  compliance_owner_accounts TO concerto_app;
GRANT UPDATE (status, status_note, status_changed_by, status_changed_at) ON norm_controls TO concerto_app;
GRANT UPDATE (user_id, designated_by, designated_at) ON compliance_owner_accounts TO concerto_app;

-- The counts the dashboard and the statistics need cross the row-level security of the rights
-- requests (migration 0023) and of the cases (migration 0008), which a DPO, a compliance owner or an
-- organiser reading statistics do not pass: they act for no case. As concerto_active_legal_holds
-- (migration 0029), SECURITY DEFINER functions owned by a role whose only privileges are these
-- column reads return facts without any id, name or content.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_compliance_count') THEN
    CREATE ROLE concerto_compliance_count NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_compliance_count TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_compliance_count;
GRANT SELECT (id, request_id, controller_organisation_id, route, prosecutor_office_id, answered_at)
  ON rights_request_parts TO concerto_compliance_count;
GRANT SELECT (id, kind, received_at, dated_on) ON rights_requests TO concerto_compliance_count;
GRANT SELECT (id, dp_regime) ON organisations TO concerto_compliance_count;
GRANT SELECT (framework_id, state, purposes, signalled_at, signal_decided_at, first_consultation_at, closed_at)
  ON cases TO concerto_compliance_count;
CREATE POLICY rights_request_parts_compliance_count ON rights_request_parts FOR SELECT
  TO concerto_compliance_count USING (true);
CREATE POLICY rights_requests_compliance_count ON rights_requests FOR SELECT
  TO concerto_compliance_count USING (true);
CREATE POLICY cases_compliance_count ON cases FOR SELECT TO concerto_compliance_count USING (true);

-- SCO-12: the open parts of the rights requests a controller answers (its own parts, and on the
-- prosecutor's route the parts an office answers), with what their clocks are computed from
-- (rights-clocks.ts). No requester, no record, no id.
CREATE FUNCTION concerto_open_rights_clock_facts(controller uuid)
RETURNS TABLE (kind text, route text, regime text, received_at timestamptz, dated_on date, as_office boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT q.kind, p.route, o.dp_regime, q.received_at, q.dated_on, p.prosecutor_office_id = controller
  FROM rights_request_parts p
  JOIN rights_requests q ON q.id = p.request_id
  JOIN organisations o ON o.id = p.controller_organisation_id
  WHERE p.answered_at IS NULL
    AND (p.controller_organisation_id = controller OR p.prosecutor_office_id = controller)
$$;

-- Statistics (PUR-03: anonymised aggregates only): the state, purposes and dates of each case of a
-- framework that left its compartment (bill art. 2 §3 1°: a draft is the preparing organisation's
-- own business until it is signalled). No id, no title, no party.
CREATE FUNCTION concerto_framework_case_facts(framework uuid)
RETURNS TABLE (state text, purposes text[], signalled_at timestamptz, signal_decided_at timestamptz,
  first_consultation_at timestamptz, closed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.state, c.purposes, c.signalled_at, c.signal_decided_at, c.first_consultation_at, c.closed_at
  FROM cases c
  WHERE c.framework_id = framework
    AND c.state NOT IN ('pre_registered', 'under_evaluation', 'not_signalled')
$$;

GRANT CREATE ON SCHEMA public TO concerto_compliance_count;
ALTER FUNCTION concerto_open_rights_clock_facts(uuid) OWNER TO concerto_compliance_count;
ALTER FUNCTION concerto_framework_case_facts(uuid) OWNER TO concerto_compliance_count;
REVOKE CREATE ON SCHEMA public FROM concerto_compliance_count;
REVOKE ALL ON FUNCTION concerto_open_rights_clock_facts(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION concerto_framework_case_facts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_open_rights_clock_facts(uuid) TO concerto_app;
GRANT EXECUTE ON FUNCTION concerto_framework_case_facts(uuid) TO concerto_app;
