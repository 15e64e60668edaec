-- Legal holds (owned by src/server/modules/legal-holds; SPEC RET-08, RGT-CRT-04). On a unilateral
-- application, the president of the court of first instance may order any measure preventing the
-- concealment or disappearance of evidence needed for an action on the rights of the person
-- concerned (L2007/L1992 art. 14 §7). A participant to whom such an order is notified places a hold
-- on the case, on a person of it or on one item: while it stands, the retention job of issue 6
-- (SPEC RET-01) skips what it covers and no one erases it by hand (case route, rights desk). It is
-- released by the organisation that placed it, with the reason; deletion becomes due again from
-- the release (released_at), never retroactively.
-- The court order's reference and its issuer (the court, its president) are in clear: they name a
-- court decision, not the person concerned, and the retention job reports them without the case
-- key. The measure's text and the release's reason may describe the person: they are encrypted
-- under the case's data key (ARCHITECTURE §3.3).
CREATE TABLE legal_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- A hold on the case covers everything in it; on a person, that person and the items about it;
  -- on an item, that item.
  scope text NOT NULL CHECK (scope IN ('case', 'person', 'item')),
  person_id uuid REFERENCES persons (id),
  item_id uuid REFERENCES items (id),
  -- The organisation that placed it (the party the order was notified to): it alone releases it.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  court_order_reference text NOT NULL CHECK (court_order_reference <> ''),
  issuer text NOT NULL CHECK (issuer <> ''),
  -- Encrypted: the measure the president ordered and why it concerns this record.
  reason bytea NOT NULL,
  placed_by uuid NOT NULL REFERENCES users (id),
  placed_at timestamptz NOT NULL,
  released_by uuid REFERENCES users (id),
  released_at timestamptz,
  -- Encrypted: why the hold ends (the order lifted, the action judged or withdrawn).
  release_reason bytea,
  CHECK ((scope = 'person') = (person_id IS NOT NULL)),
  CHECK ((scope = 'item') = (item_id IS NOT NULL)),
  CHECK ((released_at IS NULL) = (released_by IS NULL)),
  CHECK ((released_at IS NULL) = (release_reason IS NULL))
);
CREATE INDEX legal_holds_case_idx ON legal_holds (case_id, placed_at);
-- The erasure checks and the retention job look for the holds still standing on a case.
CREATE INDEX legal_holds_standing_idx ON legal_holds (case_id) WHERE released_at IS NULL;

-- RET-08: a released hold is the record of a measure that ended; it is not changed any more.
CREATE FUNCTION concerto_legal_hold_released_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.released_at IS NOT NULL THEN
    RAISE EXCEPTION 'a released legal hold is not changed any more (SPEC RET-08)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER legal_holds_released_final BEFORE UPDATE ON legal_holds
  FOR EACH ROW EXECUTE FUNCTION concerto_legal_hold_released_final();

-- Row-level security (ARCHITECTURE §3.2), the rule of records (migrations 0016, 0022): a hold is
-- seen by the case's audience, and a hold on a person or an item only by those who see that
-- record (the subqueries apply its policy: the compartment before sharing). It is placed by an
-- organisation of the case's audience for itself, and released by that organisation only.
ALTER TABLE legal_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE legal_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY legal_holds_visible ON legal_holds FOR SELECT TO concerto_app USING (
  EXISTS (SELECT 1 FROM case_audience a
    WHERE a.case_id = legal_holds.case_id AND a.organisation_id = ANY (concerto_acting_organisations()))
  AND (legal_holds.person_id IS NULL OR EXISTS (SELECT 1 FROM persons p WHERE p.id = legal_holds.person_id))
  AND (legal_holds.item_id IS NULL OR EXISTS (SELECT 1 FROM items i WHERE i.id = legal_holds.item_id)));
CREATE POLICY legal_holds_placed_by_party ON legal_holds FOR INSERT TO concerto_app WITH CHECK (
  organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = legal_holds.case_id AND a.organisation_id = legal_holds.organisation_id));
CREATE POLICY legal_holds_released_by_placer ON legal_holds FOR UPDATE TO concerto_app USING (
  organisation_id = ANY (concerto_acting_organisations()));

GRANT SELECT, INSERT ON legal_holds TO concerto_app;
GRANT UPDATE (released_by, released_at, release_reason) ON legal_holds TO concerto_app;

-- The holds standing on a case, for the checks that must respect them without seeing them: the
-- rights desk erases for its controller through `concerto.controller_desk` (migration 0023),
-- acting for no case, so the policies above hide every hold from it; the retention job of issue 6
-- acts for no organisation either. As concerto_case_access_facts (migration 0008), a SECURITY
-- DEFINER function owned by a role whose only privilege is this read returns the hold's id, scope,
-- target ids and court order reference, never the measure's text nor who placed it. The caller
-- resolves the persons an item is about under its own row-level security, so the role reads no
-- other table. The policies above are granted to concerto_app only, so that the role is held to
-- its own policy alone and needs no privilege on the tables they read.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_legal_hold_check') THEN
    CREATE ROLE concerto_legal_hold_check NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_legal_hold_check TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_legal_hold_check;
GRANT SELECT (id, case_id, scope, person_id, item_id, court_order_reference, placed_at, released_at)
  ON legal_holds TO concerto_legal_hold_check;
CREATE POLICY legal_holds_check ON legal_holds FOR SELECT TO concerto_legal_hold_check USING (true);

CREATE FUNCTION concerto_active_legal_holds(target uuid)
RETURNS TABLE (hold_id uuid, scope text, person_id uuid, item_id uuid, court_order_reference text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT h.id, h.scope, h.person_id, h.item_id, h.court_order_reference
  FROM legal_holds h
  WHERE h.case_id = target AND h.released_at IS NULL
  ORDER BY h.placed_at, h.id
$$;
GRANT CREATE ON SCHEMA public TO concerto_legal_hold_check;
ALTER FUNCTION concerto_active_legal_holds(uuid) OWNER TO concerto_legal_hold_check;
REVOKE CREATE ON SCHEMA public FROM concerto_legal_hold_check;
REVOKE ALL ON FUNCTION concerto_active_legal_holds(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_active_legal_holds(uuid) TO concerto_app;
