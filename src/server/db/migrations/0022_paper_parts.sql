-- The register of the paper parts of a shared file (owned by src/server/modules/paper-parts; SPEC
-- SCO-09, FIL-10). The shared file may be physical or digital (bill Comm. art. 3: "dossier commun
-- (physique ou numérique)"), and the law covers non-automated processing of data contained in a
-- file (L2007 art. 3 §1): a paper annex is registered with what it holds, where it is and who keeps
-- it, so that retention, rights requests and the audit log reach it. The paper stays with the
-- organisation that holds it, which is its controller (bill art. 3 §1 al. 2; SPEC FIL-02).
-- Free text (description, content index, location, custodian's function, reasons) is encrypted
-- under the case's data key (ARCHITECTURE §3.3); the columns in clear are those the rules and the
-- retention job need: the controller, whether it is shared, the categories, the named custodian
-- and the destruction.
CREATE TABLE paper_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- FIL-02: the organisation that holds the paper and registered it; it never changes (trigger below).
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- WFL-03: like a record, in the compartment until shared.
  shared boolean NOT NULL,
  -- bill art. 2 §2: the categories of data the paper holds (special ones hide the content index
  -- from readers not designated for them, SPEC DAT-19).
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY['C01', 'C02', 'C03',
    'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']::text[]),
  page_count integer CHECK (page_count > 0),
  -- The member of the controller who keeps it, when a person is named (else a function, encrypted).
  custodian_user_id uuid REFERENCES users (id),
  -- Encrypted: the description and the content index.
  content bytea NOT NULL,
  -- Encrypted: the location (building, room, cabinet) and the custodian's function.
  custody bytea NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  registered_by uuid NOT NULL REFERENCES users (id),
  registered_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  -- SCO-09: the destruction of the paper, confirmed by a named member of the controller (the
  -- retention job of issue 6 asks for it at the deadline); the reason is encrypted.
  destroyed_on date,
  destruction_confirmed_by uuid REFERENCES users (id),
  destruction_confirmed_at timestamptz,
  destruction_reason bytea,
  CHECK ((destroyed_on IS NULL) = (destruction_confirmed_by IS NULL)),
  CHECK ((destroyed_on IS NULL) = (destruction_confirmed_at IS NULL)),
  CHECK ((destroyed_on IS NULL) = (destruction_reason IS NULL))
);
CREATE INDEX paper_parts_case_idx ON paper_parts (case_id, registered_at);
-- The retention job looks for the paper parts of a case still to destroy.
CREATE INDEX paper_parts_standing_idx ON paper_parts (case_id) WHERE destroyed_on IS NULL;

-- The persons of the case the paper is about, so that a rights request finds it (SPEC SCO-09).
CREATE TABLE paper_part_persons (
  paper_part_id uuid NOT NULL REFERENCES paper_parts (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  PRIMARY KEY (paper_part_id, person_id)
);
CREATE INDEX paper_part_persons_person_idx ON paper_part_persons (person_id);

-- Every change is a version: who, when and why (the reason and the texts encrypted).
CREATE TABLE paper_part_versions (
  paper_part_id uuid NOT NULL REFERENCES paper_parts (id),
  version integer NOT NULL,
  categories text[] NOT NULL,
  page_count integer,
  custodian_user_id uuid REFERENCES users (id),
  content bytea NOT NULL,
  custody bytea NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL,
  reason bytea,
  PRIMARY KEY (paper_part_id, version)
);

-- FIL-02: the controller never changes (the function of migration 0016).
CREATE TRIGGER paper_parts_controller_immutable BEFORE UPDATE ON paper_parts
  FOR EACH ROW EXECUTE FUNCTION concerto_controller_immutable();

-- SCO-09: a destroyed paper part is a record of what was destroyed, where and by whom: it is not
-- changed any more, whoever asks (the purge of issue 6 deletes it with its case).
CREATE FUNCTION concerto_paper_part_destroyed_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.destroyed_on IS NOT NULL THEN
    RAISE EXCEPTION 'a destroyed paper part is not changed any more (SPEC SCO-09)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER paper_parts_destroyed_final BEFORE UPDATE ON paper_parts
  FOR EACH ROW EXECUTE FUNCTION concerto_paper_part_destroyed_final();

-- Row-level security (ARCHITECTURE §3.2), the rule of persons and items (migration 0016): seen by
-- the case's audience once shared, and before that by the compartment and its reviewer only;
-- written and changed by its controller only.
ALTER TABLE paper_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_parts FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_parts_visible ON paper_parts FOR SELECT USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = paper_parts.case_id AND a.organisation_id = ANY (concerto_acting_organisations())
    AND (paper_parts.shared OR a.relation IN ('compartment', 'reviewer'))));
CREATE POLICY paper_parts_written_by_controller ON paper_parts FOR INSERT WITH CHECK (
  controller_organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = paper_parts.case_id AND a.organisation_id = paper_parts.controller_organisation_id));
CREATE POLICY paper_parts_changed_by_controller ON paper_parts FOR UPDATE USING (
  controller_organisation_id = ANY (concerto_acting_organisations()));

ALTER TABLE paper_part_persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_part_persons FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_part_persons_visible ON paper_part_persons FOR ALL USING (
  EXISTS (SELECT 1 FROM paper_parts p WHERE p.id = paper_part_persons.paper_part_id));
ALTER TABLE paper_part_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_part_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_part_versions_visible ON paper_part_versions FOR ALL USING (
  EXISTS (SELECT 1 FROM paper_parts p WHERE p.id = paper_part_versions.paper_part_id));

GRANT SELECT, INSERT ON paper_parts, paper_part_persons, paper_part_versions TO concerto_app;
GRANT UPDATE (shared, categories, page_count, custodian_user_id, content, custody, version, updated_by,
  updated_at, destroyed_on, destruction_confirmed_by, destruction_confirmed_at, destruction_reason)
  ON paper_parts TO concerto_app;
-- A new version may concern other persons: the links are replaced as a whole.
GRANT DELETE ON paper_part_persons TO concerto_app;
