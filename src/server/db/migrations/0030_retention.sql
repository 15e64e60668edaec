-- The retention engine (owned by src/server/modules/retention; ADR 0016; SPEC RET-01..08, SCO-09,
-- FIL-09, RGT-CRT-04). Bill art. 2 §3 4°: data obtained in a case consultation are kept no longer
-- than necessary, and never longer than thirty years after the closure of the file unless another
-- rule in force says so; art. 3 §1 al. 1: within that frame the participants agree a shorter
-- maximum. A daily job puts every case past the end of its retention on a destruction list; the
-- keeper of the case and the DPO of each controller of its records approve the list (four eyes:
-- L2007 art. 16 §4, no unauthorised destruction; bill art. 3 §1 al. 2, each participant is the
-- controller of what it introduced); then, in one transaction, every row of the case is deleted
-- and a tombstone written, and after the commit the case's key is destroyed in the key provider
-- (crypto-shredding, ADR 0006). A signed proof cites the audit events of the destruction.
--
-- What outlives the case holds no personal data and nothing encrypted: the lists, the approvals,
-- the tombstones (ids, framework, dates, counts per data category), the proofs, the paper
-- destruction tasks (ids, categories, dates: the paper itself is still in a cabinet) and the dues
-- of the own-file copies (ids, dates). They keep the case's id as a plain uuid, as the audit log
-- does, never as a foreign key: a foreign key to a case means "dies with the case" (the purge below
-- deletes every such row), no foreign key means "outlives it" (prosecutor_list_entries, bill art. 8).

-- Who reads the retention tables. A user reads them for one organisation, its "retention desk",
-- set by the access module once `decide` allowed it (a DPO acts for no case, SPEC ROL-12, so the
-- case policies cannot serve); the unattended daily job (no concerto.user_id, as migration 0027)
-- reads and writes them all.
CREATE FUNCTION concerto_retention_desk() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(current_setting('concerto.retention_desk', true), '')::uuid
$$;
CREATE FUNCTION concerto_unattended() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('concerto.user_id', true), '') = ''
$$;
GRANT EXECUTE ON FUNCTION concerto_retention_desk(), concerto_unattended() TO concerto_app;

-- A destruction list of one keeper: the organiser's organisation for a signalled case (it received
-- the signal and keeps the shared file), the compartment's for a draft never signalled (nobody else
-- ever saw it, bill art. 2 §3 1°). `controller_ids` are the controllers of the records of its cases,
-- whose DPOs approve. Once approved by one person the list takes no new case (what the first
-- approver saw is what the second approves); the next case starts a new list.
CREATE TABLE destruction_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  keeper_organisation_id uuid NOT NULL REFERENCES organisations (id),
  keeper_relation text NOT NULL CHECK (keeper_relation IN ('organiser', 'compartment')),
  controller_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  -- Every approval the list needs is given (the purge may run).
  approved_at timestamptz,
  -- Every case is purged (its key destroyed) or withdrawn, and the proof is issued.
  completed_at timestamptz,
  CHECK (completed_at IS NULL OR approved_at IS NOT NULL)
);
CREATE INDEX destruction_lists_keeper_idx ON destruction_lists (keeper_organisation_id, created_at DESC);
CREATE INDEX destruction_lists_controllers_idx ON destruction_lists USING gin (controller_ids);
CREATE INDEX destruction_lists_unsettled_idx ON destruction_lists (created_at) WHERE completed_at IS NULL;

-- One case on a list. A case is on at most one pending entry (the unique index: the job is
-- idempotent). An entry is settled once: purged, or withdrawn because a legal hold stood at the
-- purge (L2007 art. 14 §7; SPEC RET-08) or the case was reopened (its clock restarts, WFL-11).
CREATE TABLE destruction_list_entries (
  list_id uuid NOT NULL REFERENCES destruction_lists (id),
  case_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('retention_ended', 'necessity_review')),
  -- The closure the entry was listed for: a case reopened and closed again is a new clock.
  closed_at timestamptz NOT NULL,
  -- The last day of retention (or the day the necessity review decided to delete now) and its rule.
  due_on date NOT NULL,
  rule text NOT NULL CHECK (rule <> ''),
  controller_ids uuid[] NOT NULL,
  listed_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'purged', 'withdrawn')),
  withdrawn_because text CHECK (withdrawn_because IN ('legal_hold', 'reopened')),
  settled_at timestamptz,
  PRIMARY KEY (list_id, case_id),
  CHECK ((status = 'pending') = (settled_at IS NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_because IS NOT NULL))
);
CREATE UNIQUE INDEX destruction_list_entries_pending_idx ON destruction_list_entries (case_id)
  WHERE status = 'pending';
CREATE INDEX destruction_list_entries_case_idx ON destruction_list_entries (case_id);

-- Four eyes: the keeper (capacity 'keeper') and the DPO of each controller (capacity 'dpo') approve;
-- one person approves a list once, whatever roles it holds (the unique constraint is the database's
-- net under the service's refusal). The audit position of each approval is cited by the proof.
CREATE TABLE destruction_approvals (
  list_id uuid NOT NULL REFERENCES destruction_lists (id),
  capacity text NOT NULL CHECK (capacity IN ('keeper', 'dpo')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  approved_by uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz NOT NULL,
  audit_position bigint NOT NULL CHECK (audit_position >= 0),
  PRIMARY KEY (list_id, capacity, organisation_id),
  UNIQUE (list_id, approved_by)
);

-- What remains of a purged case: ids, framework, dates and counts per data category (bill art. 2
-- §2) and per table, never content and nothing encrypted. Written in the purge's transaction; the
-- key destruction follows the commit: `key_destroyed_at` null is a destruction still pending, which
-- the daily job resumes (the key provider's destruction is idempotent), so that an interruption at
-- any point leaves either the whole case or its tombstone.
CREATE TABLE case_tombstones (
  case_id uuid PRIMARY KEY,
  list_id uuid NOT NULL REFERENCES destruction_lists (id),
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  keeper_organisation_id uuid NOT NULL REFERENCES organisations (id),
  compartment_organisation_id uuid NOT NULL REFERENCES organisations (id),
  organiser_organisation_id uuid NOT NULL REFERENCES organisations (id),
  controller_ids uuid[] NOT NULL,
  final_state text NOT NULL CHECK (final_state IN ('closed', 'not_signalled', 'refused')),
  purposes text[] NOT NULL,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz NOT NULL,
  retention_months integer,
  retention_end date NOT NULL,
  retention_rule text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('retention_ended', 'necessity_review')),
  counts jsonb NOT NULL,
  purged_at timestamptz NOT NULL,
  purge_audit_position bigint NOT NULL,
  key_destroyed_at timestamptz,
  key_audit_position bigint,
  CHECK ((key_destroyed_at IS NULL) = (key_audit_position IS NULL))
);
CREATE INDEX case_tombstones_list_idx ON case_tombstones (list_id);
CREATE INDEX case_tombstones_keeper_idx ON case_tombstones (keeper_organisation_id, purged_at DESC);
CREATE INDEX case_tombstones_controllers_idx ON case_tombstones USING gin (controller_ids);
CREATE INDEX case_tombstones_key_pending_idx ON case_tombstones (purged_at) WHERE key_destroyed_at IS NULL;

-- The signed proof of destruction of a completed list: the canonical JSON document that was signed
-- with the audit log's checkpoint key (ARCHITECTURE §3 law 4), and the signature. It cites the audit
-- positions of the approvals, of each purge and of each key destruction.
CREATE TABLE destruction_proofs (
  list_id uuid PRIMARY KEY REFERENCES destruction_lists (id),
  document text NOT NULL,
  signature text NOT NULL,
  issued_at timestamptz NOT NULL,
  audit_position bigint NOT NULL CHECK (audit_position >= 0)
);

-- SCO-09: at the date the case goes on a destruction list, each paper part not yet destroyed gets a
-- task for its holder (its controller, SPEC FIL-02), to be confirmed by a named member. While the
-- case exists the holder confirms on the paper part (POST .../paper-parts/:id/destruction, which
-- the trigger below copies here); once the case is purged the task remains, with ids only.
CREATE TABLE paper_destruction_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  paper_part_id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL,
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  custodian_user_id uuid REFERENCES users (id),
  categories text[] NOT NULL,
  page_count integer,
  due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  destroyed_on date,
  confirmed_by uuid REFERENCES users (id),
  confirmed_at timestamptz,
  CHECK ((destroyed_on IS NULL) = (confirmed_by IS NULL)),
  CHECK ((destroyed_on IS NULL) = (confirmed_at IS NULL))
);
CREATE INDEX paper_destruction_tasks_holder_idx ON paper_destruction_tasks (controller_organisation_id, due_on);
CREATE INDEX paper_destruction_tasks_case_idx ON paper_destruction_tasks (case_id);

-- RET-05 (L2007 art. 4 §1 5°): a review of the necessity to keep a closed case, due at the interval
-- of the legal rules after closure (then after the last review), decided by its keeper with one of
-- the case's purposes (SPEC PUR-05): keep, or delete now (the case goes on a destruction list). It
-- belongs to the case and is purged with it.
CREATE TABLE necessity_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  keeper_organisation_id uuid NOT NULL REFERENCES organisations (id),
  keeper_relation text NOT NULL CHECK (keeper_relation IN ('organiser', 'compartment')),
  due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('keep', 'delete_now')),
  purpose text CHECK (purpose IN ('P1', 'P2', 'P3')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK ((decision IS NULL) = (decided_by IS NULL)),
  CHECK ((decision IS NULL) = (purpose IS NULL))
);
CREATE UNIQUE INDEX necessity_reviews_open_idx ON necessity_reviews (case_id) WHERE decision IS NULL;
CREATE INDEX necessity_reviews_keeper_idx ON necessity_reviews (keeper_organisation_id, due_on);

-- FIL-09, RET-03 (bill art. 4 al. 5): an own-file copy is kept by the period of art. 2 unless the
-- participant's organic law says otherwise, so it may outlive the shared file. The purge keeps,
-- for each exported transfer, when the copy was due (ids and dates only) for the report of copies
-- past their due date.
CREATE TABLE own_file_copy_dues (
  transfer_id uuid PRIMARY KEY,
  case_id uuid NOT NULL,
  requester_organisation_id uuid NOT NULL REFERENCES organisations (id),
  exports integer NOT NULL CHECK (exports > 0),
  last_exported_at timestamptz NOT NULL,
  due_on date,
  rule text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX own_file_copy_dues_requester_idx ON own_file_copy_dues (requester_organisation_id, due_on);

-- Row-level security (ARCHITECTURE §3.2): the unattended job, or the retention desk of the keeper
-- or of a controller; a paper task its holder; a review its keeper; a copy due its requester.
ALTER TABLE destruction_lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_lists FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_lists_desk ON destruction_lists FOR ALL TO concerto_app
  USING (concerto_unattended() OR keeper_organisation_id = concerto_retention_desk()
    OR concerto_retention_desk() = ANY (controller_ids))
  WITH CHECK (concerto_unattended() OR keeper_organisation_id = concerto_retention_desk()
    OR concerto_retention_desk() = ANY (controller_ids));
ALTER TABLE destruction_list_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_list_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_list_entries_desk ON destruction_list_entries FOR ALL TO concerto_app
  USING (EXISTS (SELECT 1 FROM destruction_lists l WHERE l.id = destruction_list_entries.list_id));
ALTER TABLE destruction_approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_approvals FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_approvals_desk ON destruction_approvals FOR ALL TO concerto_app
  USING (EXISTS (SELECT 1 FROM destruction_lists l WHERE l.id = destruction_approvals.list_id));
ALTER TABLE destruction_proofs ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_proofs FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_proofs_desk ON destruction_proofs FOR ALL TO concerto_app
  USING (EXISTS (SELECT 1 FROM destruction_lists l WHERE l.id = destruction_proofs.list_id));
ALTER TABLE case_tombstones ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_tombstones FORCE ROW LEVEL SECURITY;
CREATE POLICY case_tombstones_desk ON case_tombstones FOR ALL TO concerto_app
  USING (concerto_unattended() OR keeper_organisation_id = concerto_retention_desk()
    OR concerto_retention_desk() = ANY (controller_ids));
ALTER TABLE paper_destruction_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_destruction_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_destruction_tasks_holder ON paper_destruction_tasks FOR ALL TO concerto_app
  USING (concerto_unattended() OR controller_organisation_id = concerto_retention_desk());
ALTER TABLE necessity_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE necessity_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY necessity_reviews_keeper ON necessity_reviews FOR ALL TO concerto_app
  USING (concerto_unattended() OR keeper_organisation_id = concerto_retention_desk());
ALTER TABLE own_file_copy_dues ENABLE ROW LEVEL SECURITY;
ALTER TABLE own_file_copy_dues FORCE ROW LEVEL SECURITY;
CREATE POLICY own_file_copy_dues_requester ON own_file_copy_dues FOR ALL TO concerto_app
  USING (concerto_unattended() OR requester_organisation_id = concerto_retention_desk());

GRANT SELECT, INSERT ON destruction_lists, destruction_list_entries, destruction_approvals, destruction_proofs,
  case_tombstones, paper_destruction_tasks, necessity_reviews, own_file_copy_dues TO concerto_app;
GRANT UPDATE (controller_ids, approved_at, completed_at) ON destruction_lists TO concerto_app;
GRANT UPDATE (status, withdrawn_because, settled_at) ON destruction_list_entries TO concerto_app;
GRANT UPDATE (key_destroyed_at, key_audit_position) ON case_tombstones TO concerto_app;
GRANT UPDATE (destroyed_on, confirmed_by, confirmed_at) ON paper_destruction_tasks TO concerto_app;
GRANT UPDATE (decision, purpose, decided_by, decided_at) ON necessity_reviews TO concerto_app;

-- The facts of the cases and the purge, for the job and the desks that act for no case: a
-- SECURITY DEFINER function owned by a role whose privileges are exactly these reads and the
-- deletion of a case's rows (the pattern of migrations 0008, 0024 and 0029). The runtime role has no
-- DELETE on case tables: it can only purge a case through `concerto_purge_case`, which refuses any
-- case that is not on a destruction list approved by its four eyes, or that a legal hold covers.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_retention') THEN
    CREATE ROLE concerto_retention NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_retention TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_retention;
GRANT EXECUTE ON FUNCTION concerto_retention_desk(), concerto_unattended(), concerto_acting_organisations(),
  concerto_controller_desk() TO concerto_retention;
-- The rows of a case, children first (the order of concerto_purge_case below).
GRANT SELECT, DELETE ON legal_holds, contested_marks, court_order_notices, court_orders, court_actions,
  information_obligations, prosecutor_list_lookups, restriction_items, restriction_reviews, restrictions,
  rights_part_changes, rights_part_records, external_disclosures, paper_part_persons, paper_part_versions,
  paper_parts, own_file_exports, own_file_transfer_items, own_file_transfers, prior_written_notices,
  catch_all_reviews, correction_requests, exported_item_notices, item_attachments, item_versions, item_persons,
  items, person_versions, person_links, persons, consultation_agenda, case_decisions, case_actions,
  necessity_reviews, case_history, case_reopenings, case_retention_approvals, case_participants, notifications,
  case_audience, data_keys, cases TO concerto_retention;
-- The lock on the case row (SELECT … FOR UPDATE needs an UPDATE privilege), and the notifications
-- that a rights desk's notice still cites (the notice belongs to the rights request's own scope).
GRANT UPDATE (updated_at) ON cases TO concerto_retention;
GRANT UPDATE (case_id) ON notifications TO concerto_retention;
-- Read by the policies of the tables above, and by the guard of the purge.
GRANT SELECT ON rights_request_parts, rights_requests, rights_recipient_notices, destruction_lists,
  destruction_list_entries TO concerto_retention;
GRANT SELECT, UPDATE (destroyed_on, confirmed_by, confirmed_at) ON paper_destruction_tasks TO concerto_retention;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['legal_holds', 'contested_marks', 'court_order_notices', 'court_orders', 'court_actions',
    'information_obligations', 'prosecutor_list_lookups', 'restriction_items', 'restriction_reviews', 'restrictions',
    'rights_part_changes', 'rights_part_records', 'external_disclosures', 'paper_part_persons', 'paper_part_versions',
    'paper_parts', 'own_file_exports', 'own_file_transfer_items', 'own_file_transfers', 'prior_written_notices',
    'catch_all_reviews', 'correction_requests', 'exported_item_notices', 'item_attachments', 'item_versions',
    'item_persons', 'items', 'person_versions', 'person_links', 'persons', 'consultation_agenda', 'case_decisions',
    'case_actions', 'necessity_reviews', 'case_history', 'case_reopenings', 'case_retention_approvals',
    'case_participants', 'data_keys', 'cases', 'rights_request_parts', 'rights_requests', 'rights_recipient_notices',
    'destruction_lists', 'destruction_list_entries', 'paper_destruction_tasks']
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO concerto_retention USING (true)', t || '_retention', t);
  END LOOP;
END
$$;

-- The closed cases (closure, or a draft closed as not signalled or a refused signal: WFL-05, WFL-06,
-- WFL-11) with what the legal rules need to compute the end of retention, their keeper, the
-- controllers of their records and the legal holds standing; ids, codes and dates only. The keeper
-- is the organiser's organisation, or the compartment's for a draft never signalled
-- (retention-rules.ts `keeperOf`). A view owned by the role below, read through the two functions
-- that follow: the job reads them all, a desk those of which its organisation is the keeper or a
-- controller; the purge reads one case (its id reaches the primary key through the view).
CREATE VIEW concerto_retention_closed_cases AS
  SELECT c.id AS case_id, c.state, c.framework_id, c.compartment_organisation_id, c.organiser_organisation_id,
    c.purposes, c.created_at, c.closed_at, c.retention_months, c.retention_other_rule,
    CASE WHEN c.state = 'not_signalled' THEN c.compartment_organisation_id ELSE c.organiser_organisation_id END
      AS keeper_organisation_id,
    r.controller_ids,
    ARRAY(SELECT h.id FROM legal_holds h WHERE h.case_id = c.id AND h.released_at IS NULL ORDER BY h.placed_at, h.id)
      AS standing_holds
  FROM cases c
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT u.id FROM (
      SELECT p.controller_organisation_id AS id FROM persons p WHERE p.case_id = c.id
      UNION SELECT i.controller_organisation_id FROM items i WHERE i.case_id = c.id
      UNION SELECT pp.controller_organisation_id FROM paper_parts pp WHERE pp.case_id = c.id) u
    ORDER BY u.id) AS controller_ids) r
  WHERE c.state IN ('closed', 'not_signalled', 'refused');

CREATE FUNCTION concerto_retention_cases()
RETURNS TABLE (case_id uuid, state text, framework_id uuid, compartment_organisation_id uuid,
  organiser_organisation_id uuid, purposes text[], created_at timestamptz, closed_at timestamptz,
  retention_months integer, retention_other_rule text, controller_ids uuid[], standing_holds uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT v.case_id, v.state, v.framework_id, v.compartment_organisation_id, v.organiser_organisation_id, v.purposes,
    v.created_at, v.closed_at, v.retention_months, v.retention_other_rule, v.controller_ids, v.standing_holds
  FROM concerto_retention_closed_cases v
  WHERE concerto_unattended() OR concerto_retention_desk() = v.keeper_organisation_id
    OR concerto_retention_desk() = ANY (v.controller_ids)
  ORDER BY v.closed_at, v.case_id
$$;

CREATE FUNCTION concerto_retention_case(target uuid)
RETURNS TABLE (case_id uuid, state text, framework_id uuid, compartment_organisation_id uuid,
  organiser_organisation_id uuid, purposes text[], created_at timestamptz, closed_at timestamptz,
  retention_months integer, retention_other_rule text, controller_ids uuid[], standing_holds uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT v.case_id, v.state, v.framework_id, v.compartment_organisation_id, v.organiser_organisation_id, v.purposes,
    v.created_at, v.closed_at, v.retention_months, v.retention_other_rule, v.controller_ids, v.standing_holds
  FROM concerto_retention_closed_cases v
  WHERE v.case_id = target AND (concerto_unattended() OR concerto_retention_desk() = v.keeper_organisation_id
    OR concerto_retention_desk() = ANY (v.controller_ids))
$$;

-- SCO-09: the paper parts of a case still to destroy, for the job's destruction tasks.
CREATE FUNCTION concerto_retention_paper_parts(target uuid)
RETURNS TABLE (paper_part_id uuid, controller_organisation_id uuid, custodian_user_id uuid, categories text[],
  page_count integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.id, p.controller_organisation_id, p.custodian_user_id, p.categories, p.page_count
  FROM paper_parts p
  WHERE p.case_id = target AND p.destroyed_on IS NULL AND concerto_unattended()
  ORDER BY p.registered_at, p.id
$$;

-- FIL-09, RET-03: the own-file transfers that were exported (a copy exists in the requester's own
-- file), with what their due date needs; a desk reads those its organisation requested, the purge
-- those of the case it purges.
CREATE VIEW concerto_retention_exported_transfers AS
  SELECT t.id AS transfer_id, t.case_id, t.requester_organisation_id, c.state, c.closed_at, c.retention_months,
    c.retention_other_rule, t.retention_override_months AS override_months,
    t.retention_override_citation AS override_citation, e.n::integer AS exports, e.last AS last_exported_at,
    t.created_at
  FROM own_file_transfers t
  JOIN cases c ON c.id = t.case_id
  CROSS JOIN LATERAL (SELECT count(*) AS n, max(x.exported_at) AS last FROM own_file_exports x
    WHERE x.transfer_id = t.id) e
  WHERE e.n > 0;

CREATE FUNCTION concerto_retention_own_file_copies()
RETURNS TABLE (transfer_id uuid, case_id uuid, requester_organisation_id uuid, state text, closed_at timestamptz,
  retention_months integer, retention_other_rule text, override_months integer, override_citation text,
  exports integer, last_exported_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT v.transfer_id, v.case_id, v.requester_organisation_id, v.state, v.closed_at, v.retention_months,
    v.retention_other_rule, v.override_months, v.override_citation, v.exports, v.last_exported_at
  FROM concerto_retention_exported_transfers v
  WHERE concerto_unattended() OR v.requester_organisation_id = concerto_retention_desk()
  ORDER BY v.created_at, v.transfer_id
$$;

CREATE FUNCTION concerto_retention_own_file_copies_of(target uuid)
RETURNS TABLE (transfer_id uuid, case_id uuid, requester_organisation_id uuid, state text, closed_at timestamptz,
  retention_months integer, retention_other_rule text, override_months integer, override_citation text,
  exports integer, last_exported_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT v.transfer_id, v.case_id, v.requester_organisation_id, v.state, v.closed_at, v.retention_months,
    v.retention_other_rule, v.override_months, v.override_citation, v.exports, v.last_exported_at
  FROM concerto_retention_exported_transfers v
  WHERE v.case_id = target AND concerto_unattended()
  ORDER BY v.created_at, v.transfer_id
$$;

-- The purge of one case: every row that references it, its persons, items, paper parts, transfers,
-- restrictions and court actions, children first, then its data keys and the case; returns the
-- counts per data category and per table for the tombstone (no content). It runs in the caller's
-- transaction, which writes the tombstone and the audit event with it: all or nothing. It refuses
-- a transaction acting for a user, a case that is not on a pending entry of an approved list, and a
-- case under a standing legal hold (the service checks first; this is the database's net).
-- A later migration adding a table with a foreign key to a case-bound table must add its DELETE
-- here (test/retention/purge-coverage.test.ts fails until it does).
CREATE FUNCTION concerto_purge_case(target uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n bigint;
  deleted jsonb := '{}'::jsonb;
  item_categories jsonb;
  paper_categories jsonb;
  person_roles jsonb;
BEGIN
  IF NOT concerto_unattended() THEN
    RAISE EXCEPTION 'a case is purged by the retention job only (bill art. 2 §3 4°)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM 1 FROM cases c WHERE c.id = target AND c.state IN ('closed', 'not_signalled', 'refused') FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'case % is not closed, or is gone', target USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM destruction_list_entries e JOIN destruction_lists l ON l.id = e.list_id
      WHERE e.case_id = target AND e.status = 'pending' AND l.approved_at IS NOT NULL) THEN
    RAISE EXCEPTION 'case % is on no approved destruction list (four eyes, L2007 art. 16 §4)', target
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = target AND h.released_at IS NULL) THEN
    RAISE EXCEPTION 'a legal hold stands on case % (L2007 art. 14 §7)', target
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;

  SELECT COALESCE(jsonb_object_agg(category, k), '{}'::jsonb) INTO item_categories
    FROM (SELECT category, count(*) AS k FROM items WHERE case_id = target GROUP BY category) s;
  SELECT COALESCE(jsonb_object_agg(category, k), '{}'::jsonb) INTO paper_categories
    FROM (SELECT unnest(categories) AS category, count(*) AS k FROM paper_parts WHERE case_id = target GROUP BY 1) s;
  SELECT COALESCE(jsonb_object_agg(role, k), '{}'::jsonb) INTO person_roles
    FROM (SELECT role, count(*) AS k FROM persons WHERE case_id = target GROUP BY role) s;

  DELETE FROM legal_holds WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('legal_holds', n);
  DELETE FROM contested_marks WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('contested_marks', n);
  DELETE FROM court_order_notices WHERE court_order_id IN (
    SELECT o.id FROM court_orders o JOIN court_actions a ON a.id = o.court_action_id WHERE a.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('court_order_notices', n);
  DELETE FROM court_orders WHERE court_action_id IN (SELECT a.id FROM court_actions a WHERE a.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('court_orders', n);
  DELETE FROM court_actions WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('court_actions', n);
  DELETE FROM information_obligations WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('information_obligations', n);
  -- The office's lookups made for a restriction of the case (the list entries themselves outlive it).
  DELETE FROM prosecutor_list_lookups WHERE restriction_id IN (SELECT r.id FROM restrictions r WHERE r.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('prosecutor_list_lookups', n);
  DELETE FROM restriction_items WHERE restriction_id IN (SELECT r.id FROM restrictions r WHERE r.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('restriction_items', n);
  DELETE FROM restriction_reviews WHERE restriction_id IN (SELECT r.id FROM restrictions r WHERE r.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('restriction_reviews', n);
  DELETE FROM restrictions WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('restrictions', n);
  -- The records a rights request concerned and what was done to them: the request itself has its
  -- own scope ('rights:<id>') and retention, and keeps the answers it gave.
  DELETE FROM rights_part_changes WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('rights_part_changes', n);
  DELETE FROM rights_part_records WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('rights_part_records', n);
  DELETE FROM external_disclosures WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('external_disclosures', n);
  DELETE FROM paper_part_persons WHERE paper_part_id IN (SELECT p.id FROM paper_parts p WHERE p.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('paper_part_persons', n);
  DELETE FROM paper_part_versions WHERE paper_part_id IN (SELECT p.id FROM paper_parts p WHERE p.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('paper_part_versions', n);
  DELETE FROM paper_parts WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('paper_parts', n);
  DELETE FROM own_file_exports WHERE transfer_id IN (SELECT t.id FROM own_file_transfers t WHERE t.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('own_file_exports', n);
  DELETE FROM own_file_transfer_items WHERE transfer_id IN (SELECT t.id FROM own_file_transfers t WHERE t.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('own_file_transfer_items', n);
  DELETE FROM own_file_transfers WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('own_file_transfers', n);
  DELETE FROM prior_written_notices WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('prior_written_notices', n);
  DELETE FROM catch_all_reviews WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('catch_all_reviews', n);
  DELETE FROM correction_requests WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('correction_requests', n);
  DELETE FROM exported_item_notices WHERE item_id IN (SELECT i.id FROM items i WHERE i.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('exported_item_notices', n);
  DELETE FROM item_attachments WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('item_attachments', n);
  DELETE FROM item_versions WHERE item_id IN (SELECT i.id FROM items i WHERE i.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('item_versions', n);
  DELETE FROM item_persons WHERE item_id IN (SELECT i.id FROM items i WHERE i.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('item_persons', n);
  -- One statement: an annotation refers to the item it annotates, both go together.
  DELETE FROM items WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('items', n);
  -- The case's links to files of connected systems (migration 0033, SPEC INT-02): they name its persons.
  DELETE FROM interconnection_link_persons
    WHERE link_id IN (SELECT l.id FROM interconnection_links l WHERE l.case_id = target)
       OR person_id IN (SELECT p.id FROM persons p WHERE p.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('interconnection_link_persons', n);
  DELETE FROM interconnection_links WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('interconnection_links', n);
  DELETE FROM person_versions WHERE person_id IN (SELECT p.id FROM persons p WHERE p.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('person_versions', n);
  DELETE FROM person_links WHERE relation_id IN (SELECT p.id FROM persons p WHERE p.case_id = target)
    OR subject_id IN (SELECT p.id FROM persons p WHERE p.case_id = target);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('person_links', n);
  -- The persons' blind indexes go with them: a search by national register number finds nothing (RET-07).
  DELETE FROM persons WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('persons', n);
  DELETE FROM consultation_agenda WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('consultation_agenda', n);
  DELETE FROM case_decisions WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_decisions', n);
  DELETE FROM case_actions WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_actions', n);
  DELETE FROM necessity_reviews WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('necessity_reviews', n);
  DELETE FROM case_history WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_history', n);
  DELETE FROM case_reopenings WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_reopenings', n);
  DELETE FROM case_retention_approvals WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_retention_approvals', n);
  DELETE FROM case_participants WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_participants', n);
  -- A notification is kinds and ids: those of the case go, except one a rights desk's notice cites as
  -- the proof that a recipient was told (RGT-REC-04): it stays, no longer pointing at the case.
  DELETE FROM notifications x WHERE x.case_id = target
    AND NOT EXISTS (SELECT 1 FROM rights_recipient_notices r WHERE r.notification_id = x.id);
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('notifications', n);
  UPDATE notifications SET case_id = NULL WHERE case_id = target;
  DELETE FROM case_audience WHERE case_id = target;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('case_audience', n);
  -- The wrapped data keys: without them, and without the scope key the caller destroys after the
  -- commit, no copy of the ciphertext decrypts (ADR 0006).
  DELETE FROM data_keys WHERE scope = 'case:' || target::text;
  GET DIAGNOSTICS n = ROW_COUNT; deleted := deleted || jsonb_build_object('data_keys', n);
  DELETE FROM cases WHERE id = target;

  RETURN jsonb_build_object('persons', person_roles, 'items', item_categories, 'paperParts', paper_categories,
    'rows', deleted);
END
$$;

-- SCO-09: a paper part confirmed destroyed on the case (the paper-parts module) closes its task here,
-- in the same transaction, whoever confirmed it (the holder's desk is not set in that transaction).
CREATE FUNCTION concerto_paper_destruction_confirmed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE paper_destruction_tasks SET destroyed_on = NEW.destroyed_on, confirmed_by = NEW.destruction_confirmed_by,
    confirmed_at = NEW.destruction_confirmed_at
  WHERE paper_part_id = NEW.id AND destroyed_on IS NULL;
  RETURN NEW;
END
$$;

GRANT CREATE ON SCHEMA public TO concerto_retention;
ALTER VIEW concerto_retention_closed_cases OWNER TO concerto_retention;
ALTER VIEW concerto_retention_exported_transfers OWNER TO concerto_retention;
ALTER FUNCTION concerto_retention_cases() OWNER TO concerto_retention;
ALTER FUNCTION concerto_retention_case(uuid) OWNER TO concerto_retention;
ALTER FUNCTION concerto_retention_paper_parts(uuid) OWNER TO concerto_retention;
ALTER FUNCTION concerto_retention_own_file_copies() OWNER TO concerto_retention;
ALTER FUNCTION concerto_retention_own_file_copies_of(uuid) OWNER TO concerto_retention;
ALTER FUNCTION concerto_purge_case(uuid) OWNER TO concerto_retention;
ALTER FUNCTION concerto_paper_destruction_confirmed() OWNER TO concerto_retention;
REVOKE CREATE ON SCHEMA public FROM concerto_retention;
REVOKE ALL ON concerto_retention_closed_cases, concerto_retention_exported_transfers FROM PUBLIC;
REVOKE ALL ON FUNCTION concerto_retention_cases(), concerto_retention_case(uuid), concerto_retention_paper_parts(uuid),
  concerto_retention_own_file_copies(), concerto_retention_own_file_copies_of(uuid), concerto_purge_case(uuid),
  concerto_paper_destruction_confirmed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_retention_cases(), concerto_retention_case(uuid),
  concerto_retention_paper_parts(uuid), concerto_retention_own_file_copies(),
  concerto_retention_own_file_copies_of(uuid), concerto_purge_case(uuid) TO concerto_app;

CREATE TRIGGER paper_parts_destruction_task AFTER UPDATE OF destroyed_on ON paper_parts
  FOR EACH ROW WHEN (OLD.destroyed_on IS NULL AND NEW.destroyed_on IS NOT NULL)
  EXECUTE FUNCTION concerto_paper_destruction_confirmed();
