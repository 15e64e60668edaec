-- The declarations of processing to the Commission and their register (owned by
-- src/server/modules/declarations; SPEC DCL-01..28, SEC-10, SEC-13; issue 6 scope 4).
--
-- L2007 art. 17 §1 (L1992 art. 17 §1): before a wholly or partly automated processing, or a set of
-- processings with the same or related purposes, is implemented, the controller declares it to the
-- Commission. §5: one declaration per purpose or set of related purposes, so a declaration is keyed
-- by controller × purpose set (SPEC DCL-17) and the consultation frameworks it covers are mapped to
-- it. The content of §3 1°-12° is generated from the configuration at each submission and kept as
-- a snapshot (a version): §7 asks that every change of a §3 item, and the end of the processing, be
-- declared too (L1992: "préalable"), and the conformity check (L2007 art. 16 §2 4°, SPEC SEC-10)
-- compares what the system is configured to do with the last snapshot submitted.
--
-- A declaration describes configuration, never a case: it names the controller (a public body),
-- frameworks, categories, recipients' categories and rules. Like organisations and frameworks
-- (migrations 0004, 0013) these tables hold no case data and carry no row-level security; the
-- declarations module decides who reads and writes them (the controller's DPO), and the public
-- register (art. 18) shows the submitted snapshots, which contain no personal data by construction
-- (no DPO name, no user).
CREATE TABLE declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The controller (L2007 art. 1 §4) that declares; never changes.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- DCL-17: the purpose set of CP art. 458ter §1 al. 2 the declaration covers (sorted).
  purposes text[] NOT NULL CHECK (cardinality(purposes) BETWEEN 1 AND 3 AND purposes <@ ARRAY['P1', 'P2', 'P3']),
  -- The language the declaration is made in to the Commission (its generated labels and exports).
  language text NOT NULL CHECK (language IN ('fr', 'nl')),
  -- DCL-27: a specific system of prior authorisations before a sectoral committee (L2007 art. 20);
  -- DCL-22: categories the King exempted from declaration (L2007 art. 17 §8).
  mode text NOT NULL DEFAULT 'commission' CHECK (mode IN ('commission', 'sectoral_committee', 'royal_decree_exemption')),
  sectoral_committee text CHECK (sectoral_committee <> ''),
  sectoral_authorisation_reference text CHECK (sectoral_authorisation_reference <> ''),
  sectoral_authorisation_date date,
  exemption_royal_decree text CHECK (exemption_royal_decree <> ''),
  -- §3 5°: the free description beside the purpose codes (DCL-08).
  purpose_description text CHECK (purpose_description <> ''),
  -- §3 11° (L2007 only): the maintained general description of the security measures (DCL-14).
  security_description text NOT NULL CHECK (security_description <> ''),
  -- DCL-02: the shared file is no public register (art. 17 §1 al. 2): stated explicitly.
  public_register_exemption text NOT NULL DEFAULT 'no' CHECK (public_register_exemption = 'no'),
  -- DCL-15: §3 12°, the grounds for art. 3 §3 (journalism, art, literature): never applicable here.
  journalism_ground text NOT NULL DEFAULT 'not_applicable' CHECK (journalism_ground = 'not_applicable'),
  -- DCL-28: a processing with specific risks under a royal decree of L2007 art. 17bis al. 1.
  specific_risk_royal_decree text CHECK (specific_risk_royal_decree <> ''),
  -- DCL-24: the identification number the Commission gives the processing in its register (art. 18).
  register_number text UNIQUE CHECK (register_number ~ '^[A-Za-z0-9][A-Za-z0-9./ -]{0,63}$'),
  register_number_recorded_at timestamptz,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  CHECK ((mode = 'sectoral_committee') = (sectoral_committee IS NOT NULL)),
  CHECK ((sectoral_committee IS NULL) = (sectoral_authorisation_reference IS NULL)),
  CHECK ((sectoral_committee IS NULL) = (sectoral_authorisation_date IS NULL)),
  CHECK ((mode = 'royal_decree_exemption') = (exemption_royal_decree IS NOT NULL)),
  CHECK ((register_number IS NULL) = (register_number_recorded_at IS NULL))
);
CREATE INDEX declarations_organisation_idx ON declarations (organisation_id, created_at);

-- DCL-17, DCL-07: the frameworks a declaration covers, with the processing's official name in
-- French and Dutch (§3 4°). One live declaration per controller and framework: a cessation
-- removes the mapping (its versions keep what was declared).
CREATE TABLE declaration_frameworks (
  declaration_id uuid NOT NULL REFERENCES declarations (id),
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name_fr text NOT NULL CHECK (name_fr <> ''),
  name_nl text NOT NULL CHECK (name_nl <> ''),
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (declaration_id, framework_id),
  UNIQUE (organisation_id, framework_id)
);

-- DCL-28: the conditions of the royal decree, as a checklist the DPO ticks off.
CREATE TABLE declaration_risk_conditions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES declarations (id),
  position integer NOT NULL CHECK (position >= 1),
  condition text NOT NULL CHECK (condition <> ''),
  fulfilled_by uuid REFERENCES users (id),
  fulfilled_at timestamptz,
  fulfilment_note text CHECK (fulfilment_note <> ''),
  UNIQUE (declaration_id, position),
  CHECK ((fulfilled_at IS NULL) = (fulfilled_by IS NULL)),
  CHECK (fulfilled_at IS NOT NULL OR fulfilment_note IS NULL)
);

-- One submission each: the first declaration, a modification (§7), or the end of the processing
-- (§7: "suppression", L1992 a prior "notification"). The generated §3 content is kept as it was
-- submitted, as canonical JSON with its digest: the conformity check and the public register read
-- it. DCL-03: its status and dates; DCL-23: the contribution and its payment.
CREATE TABLE declaration_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES declarations (id),
  number integer NOT NULL CHECK (number >= 1),
  kind text NOT NULL CHECK (kind IN ('declaration', 'modification', 'cessation')),
  content text NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- What the version declares, for the go-live gate (DCL-01) without reading the JSON.
  purposes text[] NOT NULL,
  framework_ids uuid[] NOT NULL,
  -- The day the declaration was made to the Commission (or the committee), as the DPO records it.
  submitted_on date NOT NULL,
  submitted_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'acknowledged', 'incomplete', 'completed')),
  acknowledged_on date CHECK (acknowledged_on >= submitted_on),
  incomplete_on date CHECK (incomplete_on >= submitted_on),
  incomplete_reason text CHECK (incomplete_reason <> ''),
  completed_on date CHECK (completed_on >= submitted_on),
  contribution_cents integer CHECK (contribution_cents >= 0),
  contribution_currency text CHECK (contribution_currency IN ('EUR', 'BEF')),
  paid_on date,
  payment_reference text CHECK (payment_reference <> ''),
  -- DCL-23: "not required" needs its reason (an exemption, a cessation).
  payment_not_required_reason text CHECK (payment_not_required_reason <> ''),
  UNIQUE (declaration_id, number),
  CHECK ((incomplete_on IS NULL) = (incomplete_reason IS NULL)),
  CHECK ((contribution_cents IS NULL) = (contribution_currency IS NULL)),
  CHECK ((contribution_cents IS NULL) = (payment_reference IS NULL)),
  CHECK ((contribution_cents IS NULL) = (paid_on IS NULL)),
  CHECK (payment_reference IS NULL OR payment_not_required_reason IS NULL),
  -- DCL-23: completed only with a payment reference or a payment recorded as not required.
  CHECK (status <> 'completed' OR payment_reference IS NOT NULL OR payment_not_required_reason IS NOT NULL),
  CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX declaration_versions_declaration_idx ON declaration_versions (declaration_id, number DESC);
-- DCL-03: the versions still waiting for the Commission's acknowledgement.
CREATE INDEX declaration_versions_unacknowledged_idx ON declaration_versions (submitted_on)
  WHERE status = 'submitted';

-- A submitted version is what the controller declared: the content and its dates never change.
CREATE FUNCTION concerto_declaration_version_content_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
    OR NEW.submitted_on IS DISTINCT FROM OLD.submitted_on OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.purposes IS DISTINCT FROM OLD.purposes OR NEW.framework_ids IS DISTINCT FROM OLD.framework_ids THEN
    RAISE EXCEPTION 'a submitted declaration is not changed: submit a modification (L2007 art. 17 §7)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER declaration_versions_content_final BEFORE UPDATE ON declaration_versions
  FOR EACH ROW EXECUTE FUNCTION concerto_declaration_version_content_final();

-- Art. 17 §7 (DCL-21, SEC-10): the items of the declaration to update, opened when the
-- configuration no longer matches the last submitted version (or when the Commission says it is
-- incomplete, DCL-03), resolved by the next submission. One open item per cause.
CREATE TABLE declaration_update_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES declarations (id),
  cause text NOT NULL CHECK (cause IN ('configuration_changed', 'commission_incomplete')),
  -- The §3 sections that differ ('recipients', 'categories', ...).
  differences text[] NOT NULL,
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by_version_id uuid REFERENCES declaration_versions (id),
  CHECK ((resolved_at IS NULL) = (resolved_by_version_id IS NULL))
);
CREATE UNIQUE INDEX declaration_update_items_open_idx ON declaration_update_items (declaration_id, cause)
  WHERE resolved_at IS NULL;

-- DCL-22 (L2007 art. 17 §8 al. 2): an exempted processing's §§3 and 6 information is given to
-- anyone who asks; each request is kept (channel and day, never who asked).
CREATE TABLE declaration_sheet_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES declarations (id),
  channel text NOT NULL CHECK (channel IN ('public_page', 'post', 'registered_post', 'email', 'desk')),
  received_on date NOT NULL,
  served_at timestamptz NOT NULL,
  -- The DPO who gave it; null when the public register page served it.
  served_by uuid REFERENCES users (id),
  CHECK ((channel = 'public_page') = (served_by IS NULL))
);
CREATE INDEX declaration_sheet_requests_declaration_idx ON declaration_sheet_requests (declaration_id, served_at);

-- DCL-03 and DCL-21 alerts reach the controller's DPOs once: an overdue acknowledgement per version,
-- an update item per item (subject_id), however often the daily job or a read raises them again.
CREATE UNIQUE INDEX notifications_declaration_alert_once ON notifications (organisation_id, kind, subject_id)
  WHERE kind IN ('declaration_acknowledgement_overdue', 'declaration_update_due');

-- DCL-26: the manual-file sheet lists where the controller's paper parts are kept. Their location
-- is encrypted under the case key (migration 0022); the controller's desk (migration 0023) reads
-- the keys of the cases where it holds an item, and now also of those where it holds paper only.
CREATE POLICY data_keys_controller_desk_paper ON data_keys FOR SELECT USING (
  scope LIKE 'case:%' AND EXISTS (SELECT 1 FROM paper_parts pp
    WHERE pp.case_id = substr(scope, 6)::uuid AND pp.controller_organisation_id = concerto_controller_desk()));

GRANT SELECT, INSERT ON declarations, declaration_frameworks, declaration_risk_conditions, declaration_versions,
  declaration_update_items, declaration_sheet_requests TO concerto_app;
GRANT UPDATE (purposes, language, mode, sectoral_committee, sectoral_authorisation_reference,
  sectoral_authorisation_date, exemption_royal_decree, purpose_description, security_description,
  specific_risk_royal_decree, register_number, register_number_recorded_at, updated_by, updated_at)
  ON declarations TO concerto_app;
-- The mapping is replaced as a whole by an edit, and removed by a cessation.
GRANT UPDATE (name_fr, name_nl) ON declaration_frameworks TO concerto_app;
GRANT DELETE ON declaration_frameworks, declaration_risk_conditions TO concerto_app;
GRANT UPDATE (fulfilled_by, fulfilled_at, fulfilment_note) ON declaration_risk_conditions TO concerto_app;
GRANT UPDATE (status, acknowledged_on, incomplete_on, incomplete_reason, completed_on, contribution_cents,
  contribution_currency, paid_on, payment_reference, payment_not_required_reason) ON declaration_versions TO concerto_app;
GRANT UPDATE (differences, resolved_at, resolved_by_version_id) ON declaration_update_items TO concerto_app;
