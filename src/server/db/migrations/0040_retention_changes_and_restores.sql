-- The agreed maximum retention after the first consultation, its override beyond thirty years, and the
-- destructions a restore re-applies (owned by src/server/modules/cases and modules/retention; SPEC
-- RET-01, RET-02, RET-07). No new table: what is added lives on the case row, which the purge of
-- migration 0030 (`concerto_purge_case`, not redefined here) deletes with the case.

-- RET-02 (bill art. 3 §1 al. 1): the participants determine the maximum before the first consultation;
-- a change afterwards is determined by them again. The organiser proposes it, each party approves it
-- (`case_retention_approvals` with the proposal's number), and it replaces the maximum in force only
-- once every party approved: until then the agreed maximum stays in force.
ALTER TABLE cases
  ADD COLUMN retention_change_months integer CHECK (retention_change_months > 0),
  ADD COLUMN retention_change_other_rule text,
  ADD COLUMN retention_change_proposal integer CHECK (retention_change_proposal > 0),
  ADD COLUMN retention_change_proposed_by uuid REFERENCES users (id),
  ADD COLUMN retention_change_proposed_at timestamptz,
  ADD CONSTRAINT cases_retention_change_complete CHECK (
    (retention_change_months IS NULL) = (retention_change_proposal IS NULL)
    AND (retention_change_months IS NULL) = (retention_change_proposed_by IS NULL)
    AND (retention_change_months IS NULL) = (retention_change_proposed_at IS NULL)),
  -- RET-01 (bill art. 2 §3 4° in fine): a maximum beyond thirty years needs the other provision in force
  -- recorded and the approval of the DPO of the controller that keeps the shared file (the organiser's
  -- organisation). Until the DPO approves, the thirty-year cap is what `retention_months` holds, and the
  -- longer period with its provision waits here; the approval moves them into force.
  ADD COLUMN retention_override_months integer CHECK (retention_override_months > 0),
  ADD COLUMN retention_override_rule text CHECK (btrim(retention_override_rule) <> ''),
  ADD COLUMN retention_override_approved_by uuid REFERENCES users (id),
  ADD COLUMN retention_override_approved_at timestamptz,
  ADD CONSTRAINT cases_retention_override_complete CHECK (
    (retention_override_months IS NULL) = (retention_override_rule IS NULL)
    AND (retention_override_approved_by IS NULL) = (retention_override_approved_at IS NULL));

GRANT UPDATE (retention_change_months, retention_change_other_rule, retention_change_proposal,
  retention_change_proposed_by, retention_change_proposed_at, retention_override_months, retention_override_rule,
  retention_override_approved_by, retention_override_approved_at) ON cases TO concerto_app;

-- RET-01: the DPO acts for no case (SPEC ROL-12): it reads the overrides awaiting it, and approves one,
-- at the retention desk of its organisation (`concerto_retention_desk()`, set by the access module once
-- `decide` allowed a DPO), through two functions owned by a role whose privileges are exactly these:
-- the retention columns of the cases its organisation organises, never their content.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_retention_override') THEN
    CREATE ROLE concerto_retention_override NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_retention_override TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_retention_override;
GRANT EXECUTE ON FUNCTION concerto_retention_desk() TO concerto_retention_override;
GRANT SELECT (id, state, organiser_organisation_id, closed_at, retention_months, retention_other_rule,
  retention_proposal, retention_override_months, retention_override_rule) ON cases TO concerto_retention_override;
GRANT UPDATE (retention_months, retention_other_rule, retention_override_months, retention_override_rule,
  retention_override_approved_by, retention_override_approved_at, updated_at) ON cases TO concerto_retention_override;
-- The role acts only through the two functions below, which narrow to the desk's organised cases.
CREATE POLICY cases_retention_override ON cases FOR ALL TO concerto_retention_override USING (true) WITH CHECK (true);

GRANT CREATE ON SCHEMA public TO concerto_retention_override;
CREATE FUNCTION concerto_retention_overrides()
RETURNS TABLE (case_id uuid, state text, closed_at timestamptz, proposal integer, months_in_force integer,
  months integer, other_rule text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.state, c.closed_at, c.retention_proposal, c.retention_months, c.retention_override_months,
    c.retention_override_rule
  FROM cases c
  WHERE c.retention_override_months IS NOT NULL AND c.organiser_organisation_id = concerto_retention_desk()
  ORDER BY c.id
$$;

-- Moves the waiting override of proposal `proposal` into force; false when there is none (another
-- proposal came since, or it was approved already).
CREATE FUNCTION concerto_approve_retention_override(target uuid, proposal integer, approver uuid, at timestamptz)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE cases c SET retention_months = c.retention_override_months, retention_other_rule = c.retention_override_rule,
    retention_override_months = NULL, retention_override_rule = NULL, retention_override_approved_by = approver,
    retention_override_approved_at = at, updated_at = at
  WHERE c.id = target AND c.retention_proposal = proposal AND c.retention_override_months IS NOT NULL
    AND c.organiser_organisation_id = concerto_retention_desk();
  RETURN FOUND;
END
$$;
ALTER FUNCTION concerto_retention_overrides() OWNER TO concerto_retention_override;
ALTER FUNCTION concerto_approve_retention_override(uuid, integer, uuid, timestamptz) OWNER TO concerto_retention_override;
REVOKE CREATE ON SCHEMA public FROM concerto_retention_override;
REVOKE ALL ON FUNCTION concerto_retention_overrides(), concerto_approve_retention_override(uuid, integer, uuid, timestamptz)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_retention_overrides(), concerto_approve_retention_override(uuid, integer, uuid, timestamptz)
  TO concerto_app;

-- RET-07 (L2007 art. 12 §1 al. 5, art. 16 §4): a backup restored re-applies the destructions that
-- happened after it was taken, before anyone can read the data (modules/retention/restore-destructions.ts).
-- A case the key provider no longer holds the key of (its key was destroyed after its purge) is put on a
-- destruction list of the restore, approved by the restore itself (the destruction was approved by four
-- eyes before, which the provider's lost key proves), and purged through `concerto_purge_case`; a
-- pending entry of a list the backup still had unapproved gives way to it.
ALTER TABLE destruction_list_entries DROP CONSTRAINT destruction_list_entries_reason_check,
  ADD CONSTRAINT destruction_list_entries_reason_check
    CHECK (reason IN ('retention_ended', 'necessity_review', 'restore')),
  DROP CONSTRAINT destruction_list_entries_withdrawn_because_check,
  ADD CONSTRAINT destruction_list_entries_withdrawn_because_check
    CHECK (withdrawn_because IN ('legal_hold', 'reopened', 'restore'));
ALTER TABLE case_tombstones DROP CONSTRAINT case_tombstones_reason_check,
  ADD CONSTRAINT case_tombstones_reason_check CHECK (reason IN ('retention_ended', 'necessity_review', 'restore'));
