-- Daily jobs (owned by src/server/kernel/jobs; ADR 0015). Jobs the law asks to run every day
-- (bill art. 8 al. 2, SPEC LST-03: "a daily job MUST erase every entry on registration date + 30
-- years"; the retention purge of SPEC RET-01 will join them) run once a day across all app
-- instances. Instances coordinate through this table, never through process memory
-- (ARCHITECTURE §2): an instance leases a job's row with one UPDATE that only one of them can
-- win, runs the job, then records the day and frees the lease. A crashed instance's lease
-- expires, so the next tick of any instance takes the job over.
CREATE TABLE scheduled_jobs (
  -- Also the system actor of the job's audit events: a short code.
  name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{0,47}$'),
  -- The Brussels civil day the job last completed; null until its first completed run. A failed
  -- run leaves it unchanged, so that the next tick retries the same day.
  last_run_on date,
  -- The instance holding the lease and until when; both null when the job is free.
  leased_by text CHECK (char_length(leased_by) <= 200),
  leased_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  -- Why the last run failed (error class and message, bounded); null after a completed run.
  last_error text CHECK (char_length(last_error) <= 1000),
  CHECK ((leased_by IS NULL) = (leased_until IS NULL))
);

-- The table holds no personal data and no case, but only the unattended runner touches it: a
-- transaction acting for a user (concerto.user_id set by the access module) sees no row, so a
-- flaw in a user-facing service cannot move or hold the erasure job.
ALTER TABLE scheduled_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE scheduled_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY scheduled_jobs_unattended ON scheduled_jobs FOR ALL TO concerto_app
  USING (COALESCE(current_setting('concerto.user_id', true), '') = '')
  WITH CHECK (COALESCE(current_setting('concerto.user_id', true), '') = '');

-- The runner registers a job by its name, reads the rows it leases, and writes the lease and
-- the outcome of a run; it never deletes a job's history.
GRANT SELECT ON scheduled_jobs TO concerto_app;
GRANT INSERT (name) ON scheduled_jobs TO concerto_app;
GRANT UPDATE (last_run_on, leased_by, leased_until, last_started_at, last_finished_at, last_error)
  ON scheduled_jobs TO concerto_app;
