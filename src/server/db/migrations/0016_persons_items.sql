-- Persons and information items of the shared file (owned by src/server/modules/cases; issue 4
-- scope 3-4; SPEC DAT-00..33, FIL-02, ROL-09). Content is encrypted under the case's data key
-- (ARCHITECTURE §3.3); the columns in clear are those the rules need: the category, the
-- controller, whether the record is shared beyond the compartment, and the flags that route it.
-- Exact search on persons uses keyed blind indexes, never plaintext columns.

-- DAT-17: the subject of the consultation, or a relation/contact of a subject whose necessity is
-- recorded (bill art. 2 §2 al. 2). The identification data of bill art. 2 §2 1° (DAT-01) are one
-- encrypted JSON document; the national register number is inside it, masked when shown.
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  role text NOT NULL CHECK (role IN ('subject', 'relation')),
  -- FIL-02: the participant that introduced it is its controller, for good (trigger below).
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  shared boolean NOT NULL,
  identity bytea NOT NULL,
  necessity bytea,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  nrn_index bytea,
  name_dob_index bytea,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  CHECK ((role = 'relation') = (necessity IS NOT NULL))
);
CREATE INDEX persons_case_idx ON persons (case_id, created_at);
CREATE INDEX persons_nrn_idx ON persons (nrn_index) WHERE nrn_index IS NOT NULL;
CREATE INDEX persons_name_dob_idx ON persons (name_dob_index) WHERE name_dob_index IS NOT NULL;

-- DAT-17: a relation/contact links to at least one subject of the same case (checked by the service).
CREATE TABLE person_links (
  relation_id uuid NOT NULL REFERENCES persons (id),
  subject_id uuid NOT NULL REFERENCES persons (id),
  PRIMARY KEY (relation_id, subject_id),
  CHECK (relation_id <> subject_id)
);

-- Every change of a person's identification data is a version (who, when, why).
CREATE TABLE person_versions (
  person_id uuid NOT NULL REFERENCES persons (id),
  version integer NOT NULL,
  identity bytea NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL,
  reason bytea,
  PRIMARY KEY (person_id, version)
);

-- DAT-00: one piece of information in exactly one of the sixteen categories of bill art. 2 §2.
CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  category text NOT NULL CHECK (category IN ('C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09',
    'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16')),
  -- FIL-02: the introducing participant is the controller, for good (trigger below).
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  shared boolean NOT NULL,
  -- DAT-18 / SPEC A-10: genetic or biometric data, special without a category of their own.
  genetic_biometric boolean NOT NULL DEFAULT false,
  -- DAT-21: covered by the secrecy of the judicial investigation.
  secret_of_investigation boolean NOT NULL DEFAULT false,
  -- bill art. 6 (RGT-JUD-01): appears in a judicial decision or file, or is processed in a
  -- criminal investigation and proceedings.
  judicial boolean NOT NULL DEFAULT false,
  -- WFL-08: preparation, consultation or follow-up, from the case's state when it was added.
  phase text NOT NULL CHECK (phase IN ('preparation', 'consultation', 'follow_up')),
  -- SCO-05: already held by the participant, or collected following a consultation (which one).
  provenance text NOT NULL CHECK (provenance IN ('already_held', 'collected_following_consultation')),
  consultation_id uuid REFERENCES consultations (id),
  -- SCO-06: who confirmed, and when, that the processing lies within the legal mission.
  mission_confirmed_by uuid NOT NULL REFERENCES users (id),
  mission_confirmed_at timestamptz NOT NULL,
  -- DAT-20: classified information is never stored; this is the only value there can be.
  classification text NOT NULL DEFAULT 'non_classified' CHECK (classification = 'non_classified'),
  -- ROL-09: another participant's note on an item is an item of its own, under its own controller.
  annotates_item_id uuid REFERENCES items (id),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- The encrypted content (text, category details, grounds, references); null once erased.
  payload bytea,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  erased_by uuid REFERENCES users (id),
  erased_at timestamptz,
  -- DAT-22: written consent withdrawn; SEC-11: obtained unlawfully. A blocked item is shown to
  -- nobody and leaves in no export until its controller erases it or, after review, releases it.
  blocked_reason text CHECK (blocked_reason IN ('consent_withdrawn', 'unlawfully_obtained')),
  blocked_by uuid REFERENCES users (id),
  blocked_at timestamptz,
  -- SEC-11: when its controller last checked that it is accurate and up to date.
  last_verified_at timestamptz,
  last_verified_by uuid REFERENCES users (id),
  CHECK ((blocked_at IS NULL) = (blocked_reason IS NULL)),
  CHECK ((blocked_at IS NULL) = (blocked_by IS NULL)),
  CHECK ((last_verified_at IS NULL) = (last_verified_by IS NULL)),
  CHECK ((provenance = 'collected_following_consultation') = (consultation_id IS NOT NULL)),
  CHECK ((erased_at IS NULL) = (payload IS NOT NULL)),
  CHECK ((erased_at IS NULL) = (erased_by IS NULL))
);
CREATE INDEX items_case_idx ON items (case_id, created_at);

CREATE TABLE item_persons (
  item_id uuid NOT NULL REFERENCES items (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  PRIMARY KEY (item_id, person_id)
);
CREATE INDEX item_persons_person_idx ON item_persons (person_id);

-- Every change of an item is a version: who, when and why (the reason is encrypted). The content
-- of every version is wiped when the item is erased.
CREATE TABLE item_versions (
  item_id uuid NOT NULL REFERENCES items (id),
  version integer NOT NULL,
  category text NOT NULL,
  payload bytea,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL,
  reason bytea,
  PRIMARY KEY (item_id, version)
);

-- Attachments of an item: the type checked by content, image metadata stripped, the bytes and the
-- file name encrypted under the case key.
CREATE TABLE item_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  filename bytea NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  erased_at timestamptz,
  CHECK ((erased_at IS NULL) = (content IS NOT NULL))
);
CREATE INDEX item_attachments_item_idx ON item_attachments (item_id);
CREATE INDEX item_attachments_case_idx ON item_attachments (case_id);

-- ROL-09: a participant that is not the controller asks the controller to correct an item.
CREATE TABLE correction_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  item_id uuid NOT NULL REFERENCES items (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  text bytea NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users (id),
  CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);

-- FIL-02: the controller of a record never changes, whoever asks (the owner role included).
CREATE FUNCTION concerto_controller_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.controller_organisation_id IS DISTINCT FROM OLD.controller_organisation_id THEN
    RAISE EXCEPTION 'the controller of a record never changes (bill art. 3 §1 al. 2)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER persons_controller_immutable BEFORE UPDATE ON persons
  FOR EACH ROW EXECUTE FUNCTION concerto_controller_immutable();
CREATE TRIGGER items_controller_immutable BEFORE UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION concerto_controller_immutable();

-- Row-level security (ARCHITECTURE §3.2; SPEC WFL-01, WFL-03): a record is seen by the case's
-- audience once shared, and before that by the compartment and its reviewer only. It is
-- written by its controller only, for a case in whose audience the controller is.
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
CREATE POLICY persons_visible ON persons FOR SELECT USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = persons.case_id AND a.organisation_id = ANY (concerto_acting_organisations())
    AND (persons.shared OR a.relation IN ('compartment', 'reviewer'))));
CREATE POLICY persons_written_by_controller ON persons FOR INSERT WITH CHECK (
  controller_organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = persons.case_id AND a.organisation_id = persons.controller_organisation_id));
CREATE POLICY persons_changed_by_controller ON persons FOR UPDATE USING (
  controller_organisation_id = ANY (concerto_acting_organisations()));

ALTER TABLE items ENABLE ROW LEVEL SECURITY;
ALTER TABLE items FORCE ROW LEVEL SECURITY;
CREATE POLICY items_visible ON items FOR SELECT USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = items.case_id AND a.organisation_id = ANY (concerto_acting_organisations())
    AND (items.shared OR a.relation IN ('compartment', 'reviewer'))));
CREATE POLICY items_written_by_controller ON items FOR INSERT WITH CHECK (
  controller_organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = items.case_id AND a.organisation_id = items.controller_organisation_id));
CREATE POLICY items_changed_by_controller ON items FOR UPDATE USING (
  controller_organisation_id = ANY (concerto_acting_organisations()));

-- The dependent tables follow the record they belong to (the subqueries apply its policy).
ALTER TABLE person_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_links FORCE ROW LEVEL SECURITY;
CREATE POLICY person_links_visible ON person_links FOR ALL USING (
  EXISTS (SELECT 1 FROM persons p WHERE p.id = person_links.relation_id));
ALTER TABLE person_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY person_versions_visible ON person_versions FOR ALL USING (
  EXISTS (SELECT 1 FROM persons p WHERE p.id = person_versions.person_id));
ALTER TABLE item_persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_persons FORCE ROW LEVEL SECURITY;
CREATE POLICY item_persons_visible ON item_persons FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = item_persons.item_id));
ALTER TABLE item_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY item_versions_visible ON item_versions FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = item_versions.item_id));
ALTER TABLE item_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY item_attachments_visible ON item_attachments FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = item_attachments.item_id));
ALTER TABLE correction_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE correction_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY correction_requests_visible ON correction_requests FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = correction_requests.item_id));

GRANT SELECT, INSERT ON persons, person_links, person_versions, items, item_persons, item_versions,
  item_attachments, correction_requests TO concerto_app;
GRANT UPDATE (shared, identity, necessity, version, nrn_index, name_dob_index, updated_by, updated_at)
  ON persons TO concerto_app;
GRANT UPDATE (shared, category, genetic_biometric, secret_of_investigation, judicial, version, payload,
  updated_by, updated_at, erased_by, erased_at, blocked_reason, blocked_by, blocked_at, last_verified_at,
  last_verified_by) ON items TO concerto_app;
GRANT UPDATE (payload) ON item_versions TO concerto_app;
-- A new version may concern other persons: the links are replaced as a whole.
GRANT DELETE ON item_persons TO concerto_app;
GRANT UPDATE (content, erased_at) ON item_attachments TO concerto_app;
GRANT UPDATE (resolved_at, resolved_by) ON correction_requests TO concerto_app;

-- The reviewer's decision to signal (bill Comm. art. 2; SPEC WFL-02, WFL-03, ROL-13) shares the
-- records it selects, which the compartment controls: the policies above let only a controller
-- change a record, so this one change goes through a function owned by a role that may set
-- `shared` and nothing else, and that checks the caller acts for the case's reviewer now.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_review_signal') THEN
    CREATE ROLE concerto_review_signal NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_review_signal TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_review_signal;
GRANT SELECT (id, case_id, shared, controller_organisation_id) ON persons, items TO concerto_review_signal;
GRANT UPDATE (shared) ON persons, items TO concerto_review_signal;
GRANT SELECT (case_id, organisation_id, relation) ON case_audience TO concerto_review_signal;
GRANT EXECUTE ON FUNCTION concerto_acting_organisations() TO concerto_review_signal;
CREATE POLICY persons_review_signal ON persons FOR ALL TO concerto_review_signal USING (true);
CREATE POLICY items_review_signal ON items FOR ALL TO concerto_review_signal USING (true);

CREATE FUNCTION concerto_signal_reviewed_records(target uuid, person_ids uuid[], item_ids uuid[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM case_audience a WHERE a.case_id = target AND a.relation = 'reviewer'
      AND a.organisation_id = ANY (concerto_acting_organisations())) THEN
    RAISE EXCEPTION 'only the reviewer of a case under evaluation shares its records with the signal'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE persons SET shared = true WHERE case_id = target AND id = ANY (person_ids);
  UPDATE items SET shared = true WHERE case_id = target AND id = ANY (item_ids);
END
$$;
-- As for concerto_case_access_facts (migration 0008): CREATE on the schema only for the change of owner.
GRANT CREATE ON SCHEMA public TO concerto_review_signal;
ALTER FUNCTION concerto_signal_reviewed_records(uuid, uuid[], uuid[]) OWNER TO concerto_review_signal;
REVOKE CREATE ON SCHEMA public FROM concerto_review_signal;
REVOKE ALL ON FUNCTION concerto_signal_reviewed_records(uuid, uuid[], uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_signal_reviewed_records(uuid, uuid[], uuid[]) TO concerto_app;
