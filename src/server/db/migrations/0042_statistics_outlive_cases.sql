-- L2007 art. 4 §1 5° (SPEC RET-05, PUR-03): data are kept in identifiable form no longer than necessary;
-- what is kept longer for statistics is anonymised. A purged case's statistics therefore live on in its
-- tombstone only: its framework, final state, purposes and workflow dates, no id of a person, no party,
-- no content. The tombstone gains the workflow dates the statistics' durations are measured on, read
-- from the case by the purge just before its rows go; the statistics count the tombstones with the
-- live cases, as the same anonymous facts.
ALTER TABLE case_tombstones
  ADD COLUMN signalled_at timestamptz,
  ADD COLUMN signal_decided_at timestamptz,
  ADD COLUMN first_consultation_at timestamptz;

-- The workflow dates of one case, for the unattended purge only (it reads no other case column).
GRANT SELECT (id) ON cases TO concerto_compliance_count;
GRANT EXECUTE ON FUNCTION concerto_unattended() TO concerto_compliance_count;
GRANT CREATE ON SCHEMA public TO concerto_compliance_count;
CREATE FUNCTION concerto_case_workflow_dates(target uuid)
RETURNS TABLE (signalled_at timestamptz, signal_decided_at timestamptz, first_consultation_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.signalled_at, c.signal_decided_at, c.first_consultation_at
  FROM cases c
  WHERE c.id = target AND concerto_unattended()
$$;
ALTER FUNCTION concerto_case_workflow_dates(uuid) OWNER TO concerto_compliance_count;
REVOKE CREATE ON SCHEMA public FROM concerto_compliance_count;
REVOKE ALL ON FUNCTION concerto_case_workflow_dates(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_case_workflow_dates(uuid) TO concerto_app;

-- The statistics of a framework: its live cases that left their compartment, and its purged ones.
GRANT SELECT (framework_id, final_state, purposes, signalled_at, signal_decided_at, first_consultation_at,
  closed_at) ON case_tombstones TO concerto_compliance_count;
CREATE POLICY case_tombstones_compliance_count ON case_tombstones FOR SELECT
  TO concerto_compliance_count USING (true);
CREATE OR REPLACE FUNCTION concerto_framework_case_facts(framework uuid)
RETURNS TABLE (state text, purposes text[], signalled_at timestamptz, signal_decided_at timestamptz,
  first_consultation_at timestamptz, closed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.state, c.purposes, c.signalled_at, c.signal_decided_at, c.first_consultation_at, c.closed_at
  FROM cases c
  WHERE c.framework_id = framework
    AND c.state NOT IN ('pre_registered', 'under_evaluation', 'not_signalled')
  UNION ALL
  SELECT t.final_state, t.purposes, t.signalled_at, t.signal_decided_at, t.first_consultation_at, t.closed_at
  FROM case_tombstones t
  WHERE t.framework_id = framework AND t.final_state <> 'not_signalled'
$$;
