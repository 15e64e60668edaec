-- Processors (owned by src/server/modules/processors) and break-glass access by the host's staff
-- (owned by src/server/modules/break-glass). SPEC PRC-01..PRC-09, SEC-12.
--
-- L2007 art. 16 §1: a controller that entrusts processing to a processor chooses one offering
-- sufficient guarantees (1°), sees that the security measures are complied with through the
-- contract (2°), sets the processor's liability in it (3°), agrees that the processor acts only
-- on its instructions and is bound by the same obligations (4°, §3 and, per SPEC A-20, §4), and
-- records those elements in writing or electronically (5°). The host that makes the shared file
-- available is a processor of each participant-controller (bill art. 3 §1 al. 2; SPEC A-17,
-- PRC-06), never a participant.

-- 1. Staff types (L2007 art. 1 §5; SPEC PRC-08). The persons under the controller's direct
-- authority are its staff; the host's staff process on behalf of the controllers. The type
-- follows the organisation (a trigger sets it, so no writer can choose it) and processor staff
-- hold the operator role only: never a role that acts in cases (organiser, participant,
-- prosecutor, DPO, representative). The identity service gives the reason; this is the last net.
ALTER TABLE users ADD COLUMN staff_type text NOT NULL DEFAULT 'controller_staff'
  CHECK (staff_type IN ('controller_staff', 'processor_staff'));
UPDATE users u SET staff_type = 'processor_staff'
  FROM organisations o WHERE o.id = u.organisation_id AND o.kind = 'platform_operator';
ALTER TABLE users ADD CONSTRAINT users_processor_staff_no_case_role
  CHECK ((staff_type = 'processor_staff') = (roles = ARRAY['operator']::text[]));

CREATE FUNCTION concerto_user_staff_type() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.staff_type := CASE
    WHEN (SELECT o.kind FROM organisations o WHERE o.id = NEW.organisation_id) = 'platform_operator'
    THEN 'processor_staff' ELSE 'controller_staff' END;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_staff_type BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION concerto_user_staff_type();

-- 2. The processor registry, one record per processor and controller (SPEC PRC-01, PRC-02).
-- A record of the host names the platform operator organisation, whose name and address are read
-- from there (PRC-09); any other processor (a backup provider, a sub-processor) carries its own.
-- `country` is where the processor processes the data: the cross-border module checks it
-- (L2007 arts 21-22; SPEC TRF-01, DCL-20). Nothing here is case data: no row-level security.
CREATE TABLE processor_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('host', 'backup', 'other')),
  host_organisation_id uuid REFERENCES organisations (id),
  -- A sub-processor engaged by another processor of the same controller (SPEC DCL-20).
  sub_processor_of uuid REFERENCES processor_records (id),
  name text CHECK (name <> ''),
  address text CHECK (address <> ''),
  enterprise_number text CHECK (enterprise_number <> ''),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  services text NOT NULL CHECK (services <> ''),
  -- art. 16 §1 1°: certifications and audit reports with their dates (contracts/processors.ts).
  guarantees jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(guarantees) = 'array'),
  -- art. 16 §1 2°-4°: the contract, its security annex and its clauses (reference or section).
  contract_reference text CHECK (contract_reference <> ''),
  contract_signed_on date,
  security_annex_reference text CHECK (security_annex_reference <> ''),
  liability_clause text CHECK (liability_clause <> ''),
  instruction_clause text CHECK (instruction_clause <> ''),
  security_obligations_clause text CHECK (security_obligations_clause <> ''),
  -- Months between compliance reviews (art. 16 §1 2°): a setting, no text fixes the period.
  review_interval_months integer NOT NULL CHECK (review_interval_months BETWEEN 1 AND 36),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  -- art. 16 §1 1°: the controller's choice; it lapses when a term it approved changes.
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  CHECK ((role = 'host') = (host_organisation_id IS NOT NULL)),
  CHECK ((host_organisation_id IS NULL) = (name IS NOT NULL)),
  CHECK ((host_organisation_id IS NULL) = (address IS NOT NULL)),
  CHECK (host_organisation_id IS NULL OR enterprise_number IS NULL),
  CHECK (role <> 'host' OR sub_processor_of IS NULL),
  CHECK (sub_processor_of IS DISTINCT FROM id),
  CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
  -- PRC-03, PRC-04: an approved record holds the contract, its annex and the three clauses.
  CHECK (approved_at IS NULL OR (contract_reference IS NOT NULL AND security_annex_reference IS NOT NULL
    AND liability_clause IS NOT NULL AND instruction_clause IS NOT NULL AND security_obligations_clause IS NOT NULL))
);
-- One record of the host per controller.
CREATE UNIQUE INDEX processor_records_one_host_idx ON processor_records (controller_organisation_id, host_organisation_id)
  WHERE host_organisation_id IS NOT NULL;
CREATE INDEX processor_records_controller_idx ON processor_records (controller_organisation_id, created_at);

-- art. 16 §1 5° (SPEC PRC-05, PRC-07): the signed contract (DPA), its security annex and the
-- processor's security plan, each kept as immutable versions with their SHA-256. A new version is
-- a new row; no row is ever changed or deleted.
CREATE TABLE processor_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES processor_records (id),
  kind text NOT NULL CHECK (kind IN ('contract', 'security_annex', 'security_plan')),
  version integer NOT NULL CHECK (version >= 1),
  filename text NOT NULL CHECK (filename <> ''),
  media_type text NOT NULL CHECK (media_type <> ''),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  -- The day the contract was signed or the plan dated.
  document_date date NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL,
  UNIQUE (record_id, kind, version)
);

CREATE FUNCTION concerto_processor_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a processor document version is never changed or deleted (L2007 art. 16 §1 5°; SPEC PRC-05)'
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER processor_documents_immutable BEFORE UPDATE OR DELETE ON processor_documents
  FOR EACH ROW EXECUTE FUNCTION concerto_processor_document_immutable();

-- art. 16 §1 2° and §4 (SPEC PRC-02, PRC-07): the controller's periodic compliance reviews and its
-- reviews of the processor's security plan (the version reviewed), with their outcome.
CREATE TABLE processor_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES processor_records (id),
  kind text NOT NULL CHECK (kind IN ('compliance', 'security_plan')),
  reviewed_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('compliant', 'compliant_with_remarks', 'non_compliant')),
  findings text NOT NULL CHECK (findings <> ''),
  document_id uuid REFERENCES processor_documents (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK ((kind = 'security_plan') = (document_id IS NOT NULL))
);
CREATE INDEX processor_reviews_record_idx ON processor_reviews (record_id, reviewed_on);

GRANT SELECT, INSERT ON processor_records, processor_documents, processor_reviews TO concerto_app;
GRANT UPDATE (name, address, enterprise_number, country, services, guarantees, contract_reference,
  contract_signed_on, security_annex_reference, liability_clause, instruction_clause, security_obligations_clause,
  review_interval_months, updated_by, updated_at, approved_by, approved_at) ON processor_records TO concerto_app;

-- 3. Break-glass access (L2007 art. 16 §3; SPEC SEC-12, PRC-06). The host's staff have no standing
-- access to content (migration 0008: they act for no organisation). A named member of the host's
-- staff asks, under a support ticket, to read the records one controller holds in one case; that
-- controller's DPO approves it with the reference of its instruction and a time window, or refuses
-- it. Each read is reported to the controller at once; the grant ends when closed, revoked or expired.
CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- No foreign key: the host may not learn whether a case exists (ARCHITECTURE §3.7); the
  -- controller's DPO sees its records in it before approving.
  case_id uuid NOT NULL,
  grantee_user_id uuid NOT NULL REFERENCES users (id),
  support_ticket text NOT NULL CHECK (support_ticket <> ''),
  reason text NOT NULL CHECK (reason <> ''),
  requested_hours integer NOT NULL CHECK (requested_hours >= 1),
  requested_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('approved', 'refused')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  -- The controller's instruction the processor acts on (art. 16 §3), and the contract it acts under.
  instruction_reference text CHECK (instruction_reference <> ''),
  processor_record_id uuid REFERENCES processor_records (id),
  refusal_reason text CHECK (refusal_reason <> ''),
  valid_from timestamptz,
  expires_at timestamptz,
  ended_at timestamptz,
  ended_by uuid REFERENCES users (id),
  end_reason text CHECK (end_reason IN ('closed', 'revoked', 'expired')),
  -- When a report last went to the controller (SPEC SEC-12): at each read, and at the closure.
  reported_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
  CHECK ((decision IS NOT DISTINCT FROM 'approved') = (instruction_reference IS NOT NULL)),
  CHECK ((decision IS NOT DISTINCT FROM 'approved') = (processor_record_id IS NOT NULL)),
  CHECK ((decision IS NOT DISTINCT FROM 'approved') = (valid_from IS NOT NULL AND expires_at IS NOT NULL)),
  CHECK ((decision IS NOT DISTINCT FROM 'refused') = (refusal_reason IS NOT NULL)),
  CHECK (expires_at IS NULL OR expires_at > valid_from),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  CHECK (ended_at IS NULL OR decision = 'approved'),
  CHECK (end_reason IS DISTINCT FROM 'expired' OR ended_by IS NULL)
);
CREATE INDEX break_glass_grants_controller_idx ON break_glass_grants (controller_organisation_id, requested_at DESC);

-- Each read under a grant, for the report: when, how many records, the audit event's position.
CREATE TABLE break_glass_reads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  grant_id uuid NOT NULL REFERENCES break_glass_grants (id),
  read_at timestamptz NOT NULL,
  persons integer NOT NULL CHECK (persons >= 0),
  items integer NOT NULL CHECK (items >= 0),
  -- Items whose content stayed hidden (a special category needs a designation, SPEC DAT-19; blocked).
  withheld integer NOT NULL CHECK (withheld >= 0),
  audit_position bigint NOT NULL
);
CREATE INDEX break_glass_reads_grant_idx ON break_glass_reads (grant_id, read_at);

GRANT SELECT, INSERT ON break_glass_grants, break_glass_reads TO concerto_app;
GRANT UPDATE (decision, decided_by, decided_at, instruction_reference, processor_record_id, refusal_reason,
  valid_from, expires_at, ended_at, ended_by, end_reason, reported_at) ON break_glass_grants TO concerto_app;

-- Row-level security under a grant: the access module sets `concerto.break_glass` to the grant's id
-- once `access.decide` allowed its grantee to read (approved, within its window, not ended). These
-- policies then show the persons and items of the grant's controller in the grant's case, and the
-- case's data keys, to that user only, while the grant is approved and not ended; the dependent
-- tables (versions, links, attachments) follow the record they belong to. The window's end is
-- `decide`'s, on the injected clock; the first read attempt after it ends the grant.
CREATE FUNCTION concerto_break_glass_scope() RETURNS TABLE (case_id uuid, controller_organisation_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT g.case_id, g.controller_organisation_id FROM break_glass_grants g
  WHERE g.id = NULLIF(current_setting('concerto.break_glass', true), '')::uuid
    AND g.grantee_user_id::text = current_setting('concerto.user_id', true)
    AND g.decision = 'approved' AND g.ended_at IS NULL
$$;
GRANT EXECUTE ON FUNCTION concerto_break_glass_scope() TO concerto_app;

CREATE POLICY items_break_glass ON items FOR SELECT TO concerto_app USING (
  (case_id, controller_organisation_id) IN (SELECT s.case_id, s.controller_organisation_id FROM concerto_break_glass_scope() s));
CREATE POLICY persons_break_glass ON persons FOR SELECT TO concerto_app USING (
  (case_id, controller_organisation_id) IN (SELECT s.case_id, s.controller_organisation_id FROM concerto_break_glass_scope() s));
CREATE POLICY data_keys_break_glass ON data_keys FOR SELECT TO concerto_app USING (
  scope IN (SELECT 'case:' || s.case_id FROM concerto_break_glass_scope() s));

-- What the approving DPO sees of the case before approving (a DPO acts for no case, SPEC ROL-12):
-- how many persons and items its organisation holds in it, counts only. As the other fact
-- functions (migrations 0008, 0029), a SECURITY DEFINER function owned by a role whose only
-- privilege is this read.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_break_glass_facts') THEN
    CREATE ROLE concerto_break_glass_facts NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_break_glass_facts TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_break_glass_facts;
GRANT SELECT (case_id, controller_organisation_id) ON persons TO concerto_break_glass_facts;
GRANT SELECT (case_id, controller_organisation_id, erased_at) ON items TO concerto_break_glass_facts;
CREATE POLICY persons_break_glass_facts ON persons FOR SELECT TO concerto_break_glass_facts USING (true);
CREATE POLICY items_break_glass_facts ON items FOR SELECT TO concerto_break_glass_facts USING (true);

CREATE FUNCTION concerto_controller_records_in_case(target uuid, controller uuid)
RETURNS TABLE (persons bigint, items bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT (SELECT count(*) FROM persons p WHERE p.case_id = target AND p.controller_organisation_id = controller),
    (SELECT count(*) FROM items i WHERE i.case_id = target AND i.controller_organisation_id = controller
      AND i.erased_at IS NULL)
$$;
GRANT CREATE ON SCHEMA public TO concerto_break_glass_facts;
ALTER FUNCTION concerto_controller_records_in_case(uuid, uuid) OWNER TO concerto_break_glass_facts;
REVOKE CREATE ON SCHEMA public FROM concerto_break_glass_facts;
REVOKE ALL ON FUNCTION concerto_controller_records_in_case(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_controller_records_in_case(uuid, uuid) TO concerto_app;
