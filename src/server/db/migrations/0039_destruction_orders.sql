-- Destruction orders (owned by src/server/modules/destruction-orders; SPEC PEN-16, RET-09).
--
-- PEN-16, L1992 art. 41 §1: on a conviction under art. 39 the judge may order "l'effacement de ces
-- données", even where the media do not belong to the convicted person. The DPO of a controller
-- records the court's order (court, date and reference of the judgment, the cases it designates); a
-- second, distinct person of the same controller executes it (four eyes, as the retention purge:
-- L2007 art. 16 §4). A legal hold (RET-08) yields only to the ordering court's own reference: a hold
-- placed under another court's order still blocks the erasure.
--
-- RET-09, L1992 art. 45: the King may designate the authorities that order or carry out the
-- destruction of processings in wartime, in the periods assimilated to it (art. 7 of the law of 12
-- May 1927 on military requisitions) and under enemy occupation. The operator records which
-- accounts such a royal decree designates; one of them proposes an emergency destruction of named
-- cases, a second, distinct designated account approves it, and the cases are destroyed.
--
-- Both destroy through the retention purge (`concerto_purge_case`, migration 0030, redefined below
-- to accept an approved order), then the case's key is destroyed in the key provider (crypto-
-- shredding, ADR 0006: a backup taken before holds ciphertext no key decrypts any more), and a
-- destruction certificate is issued, signed like the retention's proof of destruction. What outlives
-- the cases holds ids, references, dates and counts, never content: the orders keep the case's id as
-- a plain uuid, as the audit log and the tombstones do.

-- RET-09: an account designated by a royal decree of L1992 art. 45 as an authority that orders or
-- carries out an emergency destruction, recorded by the operator. Like royal_decree_authorisations
-- (migration 0018) it describes accounts and legal instruments, not a person of a case: no row-level
-- security. One running designation per account; a revoked one stays as the record.
CREATE TABLE emergency_destruction_authorities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  royal_decree_reference text NOT NULL CHECK (royal_decree_reference <> ''),
  -- The operator (no foreign key: the bootstrap operator is no user, as frameworks.created_by).
  designated_by uuid NOT NULL,
  designated_at timestamptz NOT NULL,
  revoked_by uuid,
  revoked_at timestamptz,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX emergency_destruction_authorities_running_idx ON emergency_destruction_authorities (user_id)
  WHERE revoked_at IS NULL;

-- One order: a court's erasure order (PEN-16) or an emergency destruction (RET-09). It is recorded
-- (or proposed) by one person and approved (executed) by a second, distinct one; once every case it
-- designates is settled and every destroyed case's key is gone, its certificate is issued.
CREATE TABLE destruction_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('court_erasure', 'emergency')),
  -- The controller whose DPO recorded the court's order (its retention desk sees it), or the
  -- organisation of the designated account that proposed the emergency destruction.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- The judgment's reference, or the authority's order number; a court's reference is the one a
  -- legal hold must carry to yield to the order.
  order_reference text NOT NULL CHECK (order_reference <> ''),
  court text CHECK (court <> ''),
  judgment_date date,
  royal_decree_reference text CHECK (royal_decree_reference <> ''),
  circumstance text CHECK (circumstance IN ('wartime', 'assimilated_period', 'enemy_occupation', 'drill')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_role text NOT NULL,
  recorded_designation_id uuid REFERENCES emergency_destruction_authorities (id),
  recorded_at timestamptz NOT NULL,
  record_audit_position bigint NOT NULL CHECK (record_audit_position >= 0),
  approved_by uuid REFERENCES users (id),
  approved_organisation_id uuid REFERENCES organisations (id),
  approved_role text,
  approved_designation_id uuid REFERENCES emergency_destruction_authorities (id),
  approved_at timestamptz,
  approve_audit_position bigint,
  completed_at timestamptz,
  certificate_document text,
  certificate_signature text,
  certificate_audit_position bigint,
  CHECK ((kind = 'court_erasure') = (court IS NOT NULL AND judgment_date IS NOT NULL)),
  CHECK ((kind = 'emergency') = (royal_decree_reference IS NOT NULL AND circumstance IS NOT NULL
    AND recorded_designation_id IS NOT NULL)),
  -- Four eyes: the database's net under the services' refusal (409).
  CHECK (approved_by IS NULL OR approved_by <> recorded_by),
  CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
  CHECK ((approved_at IS NULL) = (approve_audit_position IS NULL)),
  CHECK (kind <> 'emergency' OR approved_at IS NULL OR approved_designation_id IS NOT NULL),
  CHECK (completed_at IS NULL OR approved_at IS NOT NULL),
  CHECK ((completed_at IS NULL) = (certificate_document IS NULL)),
  CHECK ((certificate_document IS NULL) = (certificate_signature IS NULL)),
  CHECK ((certificate_document IS NULL) = (certificate_audit_position IS NULL))
);
CREATE INDEX destruction_orders_organisation_idx ON destruction_orders (kind, organisation_id, recorded_at DESC);
CREATE INDEX destruction_orders_unsettled_idx ON destruction_orders (approved_at)
  WHERE approved_at IS NOT NULL AND completed_at IS NULL;

-- A case an order designates, and what became of it: destroyed (what the tombstone of the retention
-- purge says: framework, controllers, counts per data category, the audit positions of the erasure
-- and of the key destruction, the legal holds the ordering court's reference overrode), withheld
-- because a legal hold of another court came to stand on it before the purge, or gone (destroyed
-- before the order was executed). A case is on one pending order at a time.
CREATE TABLE destruction_order_cases (
  order_id uuid NOT NULL REFERENCES destruction_orders (id),
  case_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'destroyed', 'withheld', 'gone')),
  withheld_hold_ids uuid[],
  framework_id uuid REFERENCES frameworks (id),
  state_at_destruction text,
  controller_ids uuid[],
  overridden_holds jsonb,
  counts jsonb,
  destroyed_at timestamptz,
  purge_audit_position bigint,
  key_destroyed_at timestamptz,
  key_audit_position bigint,
  settled_at timestamptz,
  PRIMARY KEY (order_id, case_id),
  CHECK ((status = 'pending') = (settled_at IS NULL)),
  CHECK ((status = 'withheld') = (withheld_hold_ids IS NOT NULL)),
  CHECK ((status = 'destroyed') = (destroyed_at IS NOT NULL)),
  CHECK ((status = 'destroyed') = (purge_audit_position IS NOT NULL)),
  CHECK ((status = 'destroyed') = (counts IS NOT NULL)),
  CHECK ((key_destroyed_at IS NULL) = (key_audit_position IS NULL)),
  CHECK (key_destroyed_at IS NULL OR status = 'destroyed')
);
CREATE UNIQUE INDEX destruction_order_cases_pending_idx ON destruction_order_cases (case_id) WHERE status = 'pending';
CREATE INDEX destruction_order_cases_case_idx ON destruction_order_cases (case_id);
CREATE INDEX destruction_order_cases_key_pending_idx ON destruction_order_cases (destroyed_at)
  WHERE status = 'destroyed' AND key_destroyed_at IS NULL;

-- The transaction acts as a designated authority of art. 45 (set by the access module once `decide`
-- allowed it, src/server/modules/access): it sees the emergency orders, and no case content.
CREATE FUNCTION concerto_emergency_authority() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('concerto.emergency_authority', true), '') <> ''
$$;
-- A court's reference as the holds and the orders are compared (PEN-16): case and spacing aside.
CREATE FUNCTION concerto_court_reference(reference text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(btrim(reference), '\s+', ' ', 'g'))
$$;
GRANT EXECUTE ON FUNCTION concerto_emergency_authority(), concerto_court_reference(text) TO concerto_app, concerto_retention;

-- Row-level security (ARCHITECTURE §3.2): the unattended purge and job see every order; a court's
-- order is its controller's retention desk's; an emergency order the designated authorities'.
ALTER TABLE destruction_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_orders_desk ON destruction_orders FOR ALL TO concerto_app
  USING (concerto_unattended() OR (kind = 'court_erasure' AND organisation_id = concerto_retention_desk())
    OR (kind = 'emergency' AND concerto_emergency_authority()))
  WITH CHECK (concerto_unattended() OR (kind = 'court_erasure' AND organisation_id = concerto_retention_desk())
    OR (kind = 'emergency' AND concerto_emergency_authority()));
ALTER TABLE destruction_order_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE destruction_order_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY destruction_order_cases_of_orders ON destruction_order_cases FOR ALL TO concerto_app
  USING (EXISTS (SELECT 1 FROM destruction_orders o WHERE o.id = destruction_order_cases.order_id));

GRANT SELECT, INSERT ON emergency_destruction_authorities, destruction_orders, destruction_order_cases TO concerto_app;
GRANT UPDATE (revoked_by, revoked_at) ON emergency_destruction_authorities TO concerto_app;
GRANT UPDATE (approved_by, approved_organisation_id, approved_role, approved_designation_id, approved_at,
  approve_audit_position, completed_at, certificate_document, certificate_signature, certificate_audit_position)
  ON destruction_orders TO concerto_app;
GRANT UPDATE (status, withheld_hold_ids, framework_id, state_at_destruction, controller_ids, overridden_holds, counts,
  destroyed_at, purge_audit_position, key_destroyed_at, key_audit_position, settled_at)
  ON destruction_order_cases TO concerto_app;

-- The purge's guard (below) and the facts function read the orders as the role of migration 0030.
GRANT SELECT ON destruction_orders, destruction_order_cases TO concerto_retention;
CREATE POLICY destruction_orders_retention ON destruction_orders FOR ALL TO concerto_retention USING (true);
CREATE POLICY destruction_order_cases_retention ON destruction_order_cases FOR ALL TO concerto_retention USING (true);

-- What an order needs to know of a case, for those who act for no case (a DPO, SPEC ROL-12; a
-- designated authority; the unattended purge): its state, framework, parties, the controllers of its
-- records, the legal holds standing on it with their court references (never the measure's text), and
-- whether an order (of anyone) designates it already: a case is on one pending order at a time.
-- A desk reads the cases its organisation is in the audience of or controls records of, or that
-- one of its pending orders designates; a designated authority every case (art. 45: the processings
-- of the platform); the purge every case. Ids, codes and references only.
CREATE FUNCTION concerto_destruction_order_case(target uuid)
RETURNS TABLE (case_id uuid, state text, framework_id uuid, compartment_organisation_id uuid,
  organiser_organisation_id uuid, audience_ids uuid[], controller_ids uuid[], hold_ids uuid[], hold_references text[],
  on_pending_order boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.state, c.framework_id, c.compartment_organisation_id, c.organiser_organisation_id,
    ARRAY(SELECT DISTINCT a.organisation_id FROM case_audience a WHERE a.case_id = c.id ORDER BY 1),
    ARRAY(SELECT u.id FROM (
        SELECT p.controller_organisation_id AS id FROM persons p WHERE p.case_id = c.id
        UNION SELECT i.controller_organisation_id FROM items i WHERE i.case_id = c.id
        UNION SELECT pp.controller_organisation_id FROM paper_parts pp WHERE pp.case_id = c.id) u
      ORDER BY u.id),
    ARRAY(SELECT h.id FROM legal_holds h WHERE h.case_id = c.id AND h.released_at IS NULL ORDER BY h.placed_at, h.id),
    ARRAY(SELECT h.court_order_reference FROM legal_holds h WHERE h.case_id = c.id AND h.released_at IS NULL
      ORDER BY h.placed_at, h.id),
    EXISTS (SELECT 1 FROM destruction_order_cases oc WHERE oc.case_id = c.id AND oc.status = 'pending')
  FROM cases c
  WHERE c.id = target AND (concerto_unattended() OR concerto_emergency_authority()
    OR EXISTS (SELECT 1 FROM case_audience a WHERE a.case_id = c.id AND a.organisation_id = concerto_retention_desk())
    OR EXISTS (SELECT 1 FROM persons p WHERE p.case_id = c.id AND p.controller_organisation_id = concerto_retention_desk())
    OR EXISTS (SELECT 1 FROM items i WHERE i.case_id = c.id AND i.controller_organisation_id = concerto_retention_desk())
    OR EXISTS (SELECT 1 FROM destruction_order_cases oc JOIN destruction_orders o ON o.id = oc.order_id
      WHERE oc.case_id = c.id AND oc.status = 'pending' AND o.kind = 'court_erasure'
        AND o.organisation_id = concerto_retention_desk()))
$$;

-- The purge of migration 0030 (latest definition there; 0033 added none), redefined: besides a closed
-- case on an approved destruction list, it now purges a case that an approved destruction order
-- designates, in any state. The deletes are unchanged (a later migration adding a case-bound table
-- adds its DELETE here again, reading this definition first).
CREATE OR REPLACE FUNCTION concerto_purge_case(target uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n bigint;
  deleted jsonb := '{}'::jsonb;
  item_categories jsonb;
  paper_categories jsonb;
  person_roles jsonb;
  ordered boolean;
BEGIN
  IF NOT concerto_unattended() THEN
    RAISE EXCEPTION 'a case is purged by the retention job only (bill art. 2 §3 4°)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- PEN-16, RET-09 (migration 0039): a destruction order approved by two distinct persons erases
  -- the case in whatever state it is; a legal hold yields only to the ordering court's own reference.
  ordered := EXISTS (SELECT 1 FROM destruction_order_cases oc JOIN destruction_orders o ON o.id = oc.order_id
    WHERE oc.case_id = target AND oc.status = 'pending' AND o.approved_at IS NOT NULL);
  IF ordered THEN
    PERFORM 1 FROM cases c WHERE c.id = target FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'case % is gone', target USING ERRCODE = 'no_data_found';
    END IF;
    IF EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = target AND h.released_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM destruction_order_cases oc JOIN destruction_orders o ON o.id = oc.order_id
          WHERE oc.case_id = target AND oc.status = 'pending' AND o.approved_at IS NOT NULL
            AND o.kind = 'court_erasure'
            AND concerto_court_reference(o.order_reference) = concerto_court_reference(h.court_order_reference))) THEN
      RAISE EXCEPTION 'a legal hold of another court stands on case % (L2007 art. 14 §7; L1992 art. 41 §1)', target
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  ELSE
    -- A restore (migration 0040, RET-07) re-applies the destruction of a case whose key is gone; the
    -- case may have been destroyed in any state (by an order), so its own list's entry is accepted so.
    PERFORM 1 FROM cases c WHERE c.id = target AND (c.state IN ('closed', 'not_signalled', 'refused')
      OR EXISTS (SELECT 1 FROM destruction_list_entries e JOIN destruction_lists l ON l.id = e.list_id
        WHERE e.case_id = target AND e.status = 'pending' AND e.reason = 'restore' AND l.approved_at IS NOT NULL))
      FOR UPDATE;
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

-- The facts function belongs to the role of migration 0030, whose privileges are the reads it needs.
GRANT CREATE ON SCHEMA public TO concerto_retention;
ALTER FUNCTION concerto_destruction_order_case(uuid) OWNER TO concerto_retention;
REVOKE CREATE ON SCHEMA public FROM concerto_retention;
REVOKE ALL ON FUNCTION concerto_destruction_order_case(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_destruction_order_case(uuid) TO concerto_app;
