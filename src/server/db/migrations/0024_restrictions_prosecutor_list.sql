-- Restrictions by the procureur du Roi (bill art. 7; owned by src/server/modules/restrictions;
-- SPEC RGT-RST-01..10, RGT-JUD-02) and the prosecutor's list (bill art. 8; owned by
-- src/server/modules/prosecutor-list; SPEC LST-01..04).

-- Bill arts 7-8 attach to a consultation organised "moyennant une autorisation motivée du procureur
-- du Roi": the framework names the office that authorised it, which alone restricts rights on its
-- cases and keeps their list. Required at activation (framework-rules.ts); NOT VALID so that a
-- database holding frameworks activated before this column existed still migrates: the check
-- applies to every row written from now on.
ALTER TABLE frameworks ADD COLUMN authorising_organisation_id uuid REFERENCES organisations (id);
ALTER TABLE frameworks ADD CONSTRAINT frameworks_authorising_office_when_active CHECK (
  state = 'draft' OR basis_kind IS DISTINCT FROM 'prosecutor_authorisation'
  OR authorising_organisation_id IS NOT NULL) NOT VALID;
GRANT UPDATE (authorising_organisation_id) ON frameworks TO concerto_app;

-- RGT-RST-01: a restriction of the rights to information, correction and deletion of one person of
-- a case, by the authorising office. The justification (RST-07) may describe the person: it is
-- encrypted under the case's data key and ends with the case (ARCHITECTURE §3.3). The grounds are
-- codes (RST-02..06); RST-10: the restriction may also rest on art. 14 of the Law of 30 July 2018.
CREATE TABLE restrictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- The prosecutor's office (the framework's authorising office) that decided it.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- All non-judicial items of the person in the case, or the items listed in restriction_items.
  scope text NOT NULL CHECK (scope IN ('person', 'items')),
  rights text[] NOT NULL CHECK (cardinality(rights) >= 1
    AND rights <@ ARRAY['information', 'correction', 'deletion']::text[]),
  grounds text[] NOT NULL CHECK (cardinality(grounds) >= 1
    AND grounds <@ ARRAY['R1', 'R2', 'R3', 'R4', 'R5']::text[]),
  law_2018_art14 boolean NOT NULL DEFAULT false,
  justification bytea NOT NULL,
  starts_on date NOT NULL,
  review_on date NOT NULL CHECK (review_on >= starts_on),
  ends_on date CHECK (ends_on >= starts_on),
  -- Lifted by a review (never by the passing of the review date: RST-07).
  lifted_at timestamptz,
  lifted_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX restrictions_office_idx ON restrictions (organisation_id, created_at DESC);
CREATE INDEX restrictions_person_idx ON restrictions (person_id) WHERE lifted_at IS NULL;

CREATE TABLE restriction_items (
  restriction_id uuid NOT NULL REFERENCES restrictions (id),
  item_id uuid NOT NULL REFERENCES items (id),
  PRIMARY KEY (restriction_id, item_id)
);
CREATE INDEX restriction_items_item_idx ON restriction_items (item_id);

-- RST-07: each review (confirm, narrow, lift) with its reason (encrypted under the case key) and
-- the scope it left; the creation is version 1.
CREATE TABLE restriction_reviews (
  restriction_id uuid NOT NULL REFERENCES restrictions (id),
  version integer NOT NULL,
  decision text NOT NULL CHECK (decision IN ('create', 'confirm', 'narrow', 'lift')),
  rights text[] NOT NULL,
  item_ids uuid[],
  review_on date NOT NULL,
  reason bytea,
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (restriction_id, version)
);

-- A restriction's grounds are the office's: other controllers never read these tables (RST-08).
ALTER TABLE restrictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE restrictions FORCE ROW LEVEL SECURITY;
CREATE POLICY restrictions_of_office ON restrictions FOR ALL
  USING (organisation_id = ANY (concerto_acting_organisations()))
  WITH CHECK (organisation_id = ANY (concerto_acting_organisations()));
ALTER TABLE restriction_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE restriction_items FORCE ROW LEVEL SECURITY;
CREATE POLICY restriction_items_of_office ON restriction_items FOR ALL USING (
  EXISTS (SELECT 1 FROM restrictions r WHERE r.id = restriction_items.restriction_id));
ALTER TABLE restriction_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE restriction_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY restriction_reviews_of_office ON restriction_reviews FOR ALL USING (
  EXISTS (SELECT 1 FROM restrictions r WHERE r.id = restriction_reviews.restriction_id));

GRANT SELECT, INSERT ON restrictions, restriction_items, restriction_reviews TO concerto_app;
GRANT UPDATE (rights, scope, review_on, lifted_at, lifted_by, version, updated_at) ON restrictions TO concerto_app;
-- Narrowing replaces the selected items as a whole.
GRANT DELETE ON restriction_items TO concerto_app;

-- SPEC RST-07: the review reminder to the office is written once, dated on the review date (the
-- pattern of the erasure-review alert, migration 0021).
CREATE UNIQUE INDEX notifications_restriction_review_once ON notifications (organisation_id, subject_id, created_at)
  WHERE kind = 'restriction_review_due';

-- RST-08: the neutral flag. The controllers of covered items, the rights-request module (which
-- routes correction and deletion to the office, RST-09) and the information notices (INF-07) must
-- know that an item is covered, by which restriction, which rights and which office, but never the
-- grounds, the justification or the person: row-level security hides the table from them. A
-- SECURITY DEFINER function returns exactly those four facts for item ids the caller already
-- holds (it read them under its own row-level security); it is owned by a role whose only
-- privileges are this read, as concerto_case_access_facts (migration 0008). A view would expose
-- every row to whoever may select it, and a second policy would expose the grounds column. A
-- judicial item (bill art. 6) is never covered, whatever the restriction says: art. 7 applies only
-- to non-judicial data (SPEC RGT-JUD-02, A-14), so flagging an item judicial ends its coverage.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_restriction_flags') THEN
    CREATE ROLE concerto_restriction_flags NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_restriction_flags TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_restriction_flags;
GRANT SELECT (id, person_id, organisation_id, scope, rights, starts_on, ends_on, lifted_at)
  ON restrictions TO concerto_restriction_flags;
GRANT SELECT ON restriction_items TO concerto_restriction_flags;
-- The columns the tables' other policies read are granted too: PostgreSQL checks them as well.
GRANT SELECT (id, case_id, shared, judicial) ON items TO concerto_restriction_flags;
GRANT SELECT (item_id, person_id) ON item_persons TO concerto_restriction_flags;
GRANT SELECT (case_id, organisation_id, relation) ON case_audience TO concerto_restriction_flags;
GRANT EXECUTE ON FUNCTION concerto_acting_organisations() TO concerto_restriction_flags;
CREATE POLICY restrictions_flags ON restrictions FOR SELECT TO concerto_restriction_flags USING (true);
CREATE POLICY restriction_items_flags ON restriction_items FOR SELECT TO concerto_restriction_flags USING (true);
CREATE POLICY items_restriction_flags ON items FOR SELECT TO concerto_restriction_flags USING (true);
CREATE POLICY item_persons_restriction_flags ON item_persons FOR SELECT TO concerto_restriction_flags USING (true);

CREATE FUNCTION concerto_active_restrictions(target_items uuid[], on_day date)
RETURNS TABLE (item_id uuid, restriction_id uuid, rights text[], organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, r.id, r.rights, r.organisation_id
  FROM items i
  JOIN restrictions r ON r.lifted_at IS NULL AND r.starts_on <= on_day
    AND (r.ends_on IS NULL OR r.ends_on >= on_day)
    AND (
      (r.scope = 'items' AND EXISTS (
        SELECT 1 FROM restriction_items ri WHERE ri.restriction_id = r.id AND ri.item_id = i.id))
      OR (r.scope = 'person' AND EXISTS (
        SELECT 1 FROM item_persons ip WHERE ip.item_id = i.id AND ip.person_id = r.person_id)))
  WHERE i.id = ANY (target_items) AND NOT i.judicial
  ORDER BY i.id, r.id
$$;
GRANT CREATE ON SCHEMA public TO concerto_restriction_flags;
ALTER FUNCTION concerto_active_restrictions(uuid[], date) OWNER TO concerto_restriction_flags;
REVOKE CREATE ON SCHEMA public FROM concerto_restriction_flags;
REVOKE ALL ON FUNCTION concerto_active_restrictions(uuid[], date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_active_restrictions(uuid[], date) TO concerto_app;

-- LST-01: the prosecutor's list, one entry per subject (not relations, SPEC A-15) of a case
-- organised by motivated authorisation, kept by the authorising office. The identity (the DAT-01
-- fields) is encrypted under a scope of its own per entry, 'prosecutor-list:<entry id>', not the
-- case's: the entry outlives the case's crypto-shredding (its clock runs from registration, bill
-- art. 8 al. 2, SPEC A-15), and erasing one entry shreds its key, so backups lose it too (RET-07).
-- The blind indexes are copied from the person, for the purpose-bound lookups of LST-02.
--
-- Reading of bill art. 8 (the issue's "the office sees and exports its list" against SPEC LST-02's
-- "no free browsing or export"): the office "tient à jour la liste", so it must see what there is
-- to keep up to date – the proposals to validate, the entries whose identity was rectified in the
-- case, entries to remove – but it keeps the list "en vue de l'application de l'article 7" only.
-- So the office sees its entries without identity (case, authorisation reference, dates, flags),
-- identities only where an entry awaits its action (a proposal, an update pending), and a listed
-- identity otherwise only through a lookup linked to a restriction or a rights request, each logged.
-- There is no export: a copy of the list outside Concerto would escape the 30-year erasure.
CREATE TABLE prosecutor_list_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- No foreign keys to the case and person: the entry outlives the purge of the case.
  case_id uuid NOT NULL,
  person_id uuid NOT NULL,
  authorisation_reference text NOT NULL,
  identity bytea NOT NULL,
  identity_version integer NOT NULL DEFAULT 1 CHECK (identity_version >= 1),
  nrn_index bytea,
  name_dob_index bytea,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'registered')),
  proposed_at timestamptz NOT NULL,
  -- LST-03: registration is the validation by a prosecutor of the office; the erasure deadline is
  -- computed from it by the legal rules and can never be moved later (trigger below).
  registered_at timestamptz,
  registered_by uuid REFERENCES users (id),
  erase_by timestamptz,
  -- LST-04: the identity was rectified in the case; the rectified identity waits for the office.
  update_pending boolean NOT NULL DEFAULT false,
  pending_identity bytea,
  pending_nrn_index bytea,
  pending_name_dob_index bytea,
  CHECK ((status = 'registered') = (registered_at IS NOT NULL)),
  CHECK ((registered_at IS NULL) = (registered_by IS NULL)),
  CHECK ((registered_at IS NULL) = (erase_by IS NULL)),
  CHECK (update_pending = (pending_identity IS NOT NULL))
);
CREATE INDEX prosecutor_list_office_idx ON prosecutor_list_entries (organisation_id, proposed_at DESC);
CREATE INDEX prosecutor_list_nrn_idx ON prosecutor_list_entries (organisation_id, nrn_index) WHERE nrn_index IS NOT NULL;
CREATE INDEX prosecutor_list_name_dob_idx ON prosecutor_list_entries (organisation_id, name_dob_index)
  WHERE name_dob_index IS NOT NULL;
CREATE INDEX prosecutor_list_erasure_idx ON prosecutor_list_entries (erase_by) WHERE erase_by IS NOT NULL;
CREATE UNIQUE INDEX prosecutor_list_person_once ON prosecutor_list_entries (organisation_id, person_id);

CREATE FUNCTION concerto_list_erasure_not_later() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.erase_by IS NOT NULL AND (NEW.erase_by IS NULL OR NEW.erase_by > OLD.erase_by) THEN
    RAISE EXCEPTION 'an entry of the prosecutor''s list is erased at the latest on its date (bill art. 8 al. 2)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER prosecutor_list_erasure_not_later BEFORE UPDATE ON prosecutor_list_entries
  FOR EACH ROW EXECUTE FUNCTION concerto_list_erasure_not_later();

-- LST-02: every lookup, with the restriction or rights request it serves.
CREATE TABLE prosecutor_list_lookups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  looked_up_by uuid NOT NULL REFERENCES users (id),
  looked_up_at timestamptz NOT NULL,
  restriction_id uuid REFERENCES restrictions (id),
  -- The rights request of migration 0023, checked by the service when the lookup is made.
  rights_request_id uuid,
  method text NOT NULL CHECK (method IN ('national_register_number', 'name_birth_date')),
  entry_ids uuid[] NOT NULL,
  CHECK ((restriction_id IS NULL) <> (rights_request_id IS NULL))
);

-- LST-04: the reason an entry created in error was removed, encrypted under the office's scope
-- 'prosecutor-list-office:<office id>' (the entry's own key is shredded with it).
CREATE TABLE prosecutor_list_removals (
  entry_id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  reason bytea NOT NULL,
  removed_by uuid NOT NULL REFERENCES users (id),
  removed_at timestamptz NOT NULL
);

-- Only the office reads and keeps its list (LST-01).
ALTER TABLE prosecutor_list_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE prosecutor_list_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY prosecutor_list_of_office ON prosecutor_list_entries FOR ALL
  USING (organisation_id = ANY (concerto_acting_organisations()))
  WITH CHECK (organisation_id = ANY (concerto_acting_organisations()));
ALTER TABLE prosecutor_list_lookups ENABLE ROW LEVEL SECURITY;
ALTER TABLE prosecutor_list_lookups FORCE ROW LEVEL SECURITY;
CREATE POLICY prosecutor_list_lookups_of_office ON prosecutor_list_lookups FOR ALL
  USING (organisation_id = ANY (concerto_acting_organisations()))
  WITH CHECK (organisation_id = ANY (concerto_acting_organisations()));
ALTER TABLE prosecutor_list_removals ENABLE ROW LEVEL SECURITY;
ALTER TABLE prosecutor_list_removals FORCE ROW LEVEL SECURITY;
CREATE POLICY prosecutor_list_removals_of_office ON prosecutor_list_removals FOR ALL
  USING (organisation_id = ANY (concerto_acting_organisations()))
  WITH CHECK (organisation_id = ANY (concerto_acting_organisations()));

GRANT SELECT, DELETE ON prosecutor_list_entries TO concerto_app;
GRANT UPDATE (status, registered_at, registered_by, erase_by, identity, identity_version, nrn_index,
  name_dob_index, update_pending, pending_identity, pending_nrn_index, pending_name_dob_index)
  ON prosecutor_list_entries TO concerto_app;
GRANT SELECT, INSERT ON prosecutor_list_lookups, prosecutor_list_removals TO concerto_app;

-- The contributor who adds a subject, or rectifies a listed person, acts for the case's
-- controller, not for the office, and may not read the list: the proposal (LST-01) and the
-- update flag (LST-04) are written through SECURITY DEFINER functions owned by a role that may do
-- exactly that, and that check the caller acts for the person's controller. The erasure job
-- (LST-03) runs for no organisation and deletes, through the same role, only entries past their
-- date, returning their ids and offices (never identities) for the audit log and the shredding.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_prosecutor_list') THEN
    CREATE ROLE concerto_prosecutor_list NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_prosecutor_list TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_prosecutor_list;
GRANT SELECT (id, case_id, role, shared, controller_organisation_id, nrn_index, name_dob_index) ON persons
  TO concerto_prosecutor_list;
GRANT SELECT (case_id, organisation_id, relation) ON case_audience TO concerto_prosecutor_list;
GRANT SELECT (id, framework_id) ON cases TO concerto_prosecutor_list;
GRANT SELECT (id, basis_kind, authorising_organisation_id, authorisation_reference) ON frameworks
  TO concerto_prosecutor_list;
GRANT SELECT, INSERT, DELETE ON prosecutor_list_entries TO concerto_prosecutor_list;
GRANT UPDATE (update_pending, pending_identity, pending_nrn_index, pending_name_dob_index)
  ON prosecutor_list_entries TO concerto_prosecutor_list;
GRANT EXECUTE ON FUNCTION concerto_acting_organisations() TO concerto_prosecutor_list;
CREATE POLICY persons_prosecutor_list ON persons FOR SELECT TO concerto_prosecutor_list USING (true);
CREATE POLICY cases_prosecutor_list ON cases FOR SELECT TO concerto_prosecutor_list USING (true);
CREATE POLICY prosecutor_list_keeper ON prosecutor_list_entries FOR ALL TO concerto_prosecutor_list USING (true);

-- The office and authorisation reference a new subject's proposal goes to, or nothing when the
-- person is no subject or the case's framework is no prosecutor's authorisation.
CREATE FUNCTION concerto_list_proposal_target(target_person uuid)
RETURNS TABLE (organisation_id uuid, authorisation_reference text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT f.authorising_organisation_id, f.authorisation_reference
  FROM persons p JOIN cases c ON c.id = p.case_id JOIN frameworks f ON f.id = c.framework_id
  WHERE p.id = target_person AND p.role = 'subject' AND f.basis_kind = 'prosecutor_authorisation'
    AND f.authorising_organisation_id IS NOT NULL AND f.authorisation_reference IS NOT NULL
    AND p.controller_organisation_id = ANY (concerto_acting_organisations())
$$;

CREATE FUNCTION concerto_propose_list_entry(entry uuid, target_person uuid, sealed_identity bytea, at timestamptz)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO prosecutor_list_entries (id, organisation_id, case_id, person_id, authorisation_reference, identity,
    nrn_index, name_dob_index, proposed_at)
  SELECT entry, t.organisation_id, p.case_id, p.id, t.authorisation_reference, sealed_identity, p.nrn_index,
    p.name_dob_index, at
  FROM concerto_list_proposal_target(target_person) t JOIN persons p ON p.id = target_person
  ON CONFLICT (organisation_id, person_id) DO NOTHING;
END
$$;

-- LST-04: the entries of a rectified person (for the caller acting for its controller).
CREATE FUNCTION concerto_list_entries_of_person(target_person uuid)
RETURNS TABLE (entry_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id FROM prosecutor_list_entries e JOIN persons p ON p.id = e.person_id
  WHERE e.person_id = target_person AND p.controller_organisation_id = ANY (concerto_acting_organisations())
$$;

CREATE FUNCTION concerto_flag_list_update(entry uuid, target_person uuid, sealed_identity bytea,
  new_nrn_index bytea, new_name_dob_index bytea)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE prosecutor_list_entries e
  SET update_pending = true, pending_identity = sealed_identity, pending_nrn_index = new_nrn_index,
    pending_name_dob_index = new_name_dob_index
  FROM persons p
  WHERE e.id = entry AND e.person_id = target_person AND p.id = e.person_id
    AND p.controller_organisation_id = ANY (concerto_acting_organisations());
END
$$;

CREATE FUNCTION concerto_erase_expired_list_entries(at timestamptz)
RETURNS TABLE (entry_id uuid, organisation_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM prosecutor_list_entries e WHERE e.erase_by <= at RETURNING e.id, e.organisation_id
$$;

GRANT CREATE ON SCHEMA public TO concerto_prosecutor_list;
ALTER FUNCTION concerto_list_proposal_target(uuid) OWNER TO concerto_prosecutor_list;
ALTER FUNCTION concerto_propose_list_entry(uuid, uuid, bytea, timestamptz) OWNER TO concerto_prosecutor_list;
ALTER FUNCTION concerto_list_entries_of_person(uuid) OWNER TO concerto_prosecutor_list;
ALTER FUNCTION concerto_flag_list_update(uuid, uuid, bytea, bytea, bytea) OWNER TO concerto_prosecutor_list;
ALTER FUNCTION concerto_erase_expired_list_entries(timestamptz) OWNER TO concerto_prosecutor_list;
REVOKE CREATE ON SCHEMA public FROM concerto_prosecutor_list;
REVOKE ALL ON FUNCTION concerto_list_proposal_target(uuid), concerto_propose_list_entry(uuid, uuid, bytea, timestamptz),
  concerto_list_entries_of_person(uuid), concerto_flag_list_update(uuid, uuid, bytea, bytea, bytea),
  concerto_erase_expired_list_entries(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_list_proposal_target(uuid), concerto_propose_list_entry(uuid, uuid, bytea, timestamptz),
  concerto_list_entries_of_person(uuid), concerto_flag_list_update(uuid, uuid, bytea, bytea, bytea),
  concerto_erase_expired_list_entries(timestamptz) TO concerto_app;
