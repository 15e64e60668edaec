-- The requests of the persons concerned (owned by src/server/modules/rights; issue 5 scope 1-4;
-- SPEC RGT-GEN, RGT-ACC, RGT-IND, RGT-REC, RGT-OBJ, RGT-JUD, ROL-11). A request is received once,
-- by one controller's desk (L2007 art. 10 §1 al. 2, art. 12 §2: a dated and signed request to the
-- controller); each controller that holds data on the person answers its own part (bill art. 3 §1
-- al. 2), on the route its data and regime command (SPEC RGT-GEN-03), against its own clock.
-- The requester's identity and documents are encrypted under the request's own data key (scope
-- `rights:<id>`), so they can be shredded with the request and never with a case.

CREATE TABLE rights_requests (
  id uuid PRIMARY KEY,
  -- RGT-GEN-01; 'prohibition' is the prohibition of use of art. 12 §1 al. 5 (blocking).
  kind text NOT NULL CHECK (kind IN ('information', 'access', 'rectification', 'erasure', 'prohibition',
    'objection')),
  channel text NOT NULL CHECK (channel IN ('post', 'email', 'desk', 'registered_post')),
  -- The moment the desk received it: every clock runs from here (RGT-ACC-03, RGT-REC-03).
  received_at timestamptz NOT NULL,
  -- The date written on the request, and that it is signed (art. 10 §1 al. 2; art. 12 §2).
  dated_on date NOT NULL,
  signed boolean NOT NULL CHECK (signed),
  language text NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
  -- An objection's ground (L2007 art. 12 §1 al. 2 and al. 3); direct marketing is never done (PUR-07).
  objection_ground text CHECK (objection_ground IN ('particular_situation', 'direct_marketing')),
  -- {name, birthDate, nationalNumber?, address, representative?} and the request's own words.
  requester bytea NOT NULL,
  document bytea NOT NULL,
  document_media_type text NOT NULL,
  document_sha256 text NOT NULL,
  -- RGT-ACC-02: how the identity was proven, and by whom; nothing moves on before it is.
  identity_method text NOT NULL CHECK (identity_method IN ('eid_read', 'id_document_copy', 'in_person',
    'legal_representative_proof')),
  identity_proof bytea,
  identity_verified_by uuid REFERENCES users (id),
  identity_verified_at timestamptz,
  -- The person matched across cases (ARCHITECTURE §3.3: blind indexes, never plaintext).
  nrn_index bytea,
  name_dob_index bytea,
  intake_organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK ((identity_verified_at IS NULL) = (identity_verified_by IS NULL)),
  CHECK (nrn_index IS NOT NULL OR name_dob_index IS NOT NULL),
  CHECK ((kind = 'objection') = (objection_ground IS NOT NULL))
);
CREATE INDEX rights_requests_nrn_idx ON rights_requests (nrn_index) WHERE nrn_index IS NOT NULL;
CREATE INDEX rights_requests_name_dob_idx ON rights_requests (name_dob_index) WHERE name_dob_index IS NOT NULL;

-- One controller's part of a request on one route (RGT-GEN-02, RGT-GEN-03). The intake's own part
-- always exists, so that the desk answers "no data" without learning who else was searched.
CREATE TABLE rights_request_parts (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES rights_requests (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- judicial: bill art. 6 (Law 30 July 2018 arts 16, 44); commission: indirect exercise (L2007
  -- art. 13, art. 3 §§4-5); prosecutor: bill art. 7 al. 2; standard: arts 10 and 12.
  route text NOT NULL CHECK (route IN ('standard', 'judicial', 'commission', 'prosecutor')),
  route_reason text NOT NULL,
  -- The office of the procureur du Roi who authorised the consultation (route prosecutor only).
  prosecutor_office_id uuid REFERENCES organisations (id),
  -- No due date is stored: the clocks (the controller's, and on the prosecutor's route the
  -- office's, SPEC A-13) are computed at each read from the received and dated days and the
  -- regime's periods (src/server/modules/rights/rights-clocks.ts).
  status text NOT NULL CHECK (status IN ('received', 'in_progress', 'answered', 'rejected', 'deferred',
    'routed')),
  -- What the desk decided and wrote back (encrypted under the request's scope).
  outcome text CHECK (outcome IN ('no_data', 'answered', 'granted', 'partly_granted', 'rejected', 'deferred',
    'routed_judicial', 'routed_commission', 'not_applicable')),
  answer bytea,
  answered_by uuid REFERENCES users (id),
  answered_at timestamptz,
  -- RGT-ACC-05: health data delivered through a health professional chosen by the person.
  health_professional bytea,
  CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
  CHECK ((route = 'prosecutor') = (prosecutor_office_id IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (request_id, controller_organisation_id, route, prosecutor_office_id)
);
CREATE INDEX rights_request_parts_controller_idx ON rights_request_parts (controller_organisation_id, status);
CREATE INDEX rights_request_parts_office_idx ON rights_request_parts (prosecutor_office_id, status)
  WHERE prosecutor_office_id IS NOT NULL;

-- The records a part concerns: the person records, the items about the person, and the paper
-- parts registered as about the person (SPEC SCO-09: paper files are processing too).
CREATE TABLE rights_part_records (
  part_id uuid NOT NULL REFERENCES rights_request_parts (id),
  -- The request too: the intake writes the records of parts it may not read.
  request_id uuid NOT NULL REFERENCES rights_requests (id),
  record_type text NOT NULL CHECK (record_type IN ('person', 'item', 'paper_part')),
  record_id uuid NOT NULL,
  case_id uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (part_id, record_type, record_id)
);
CREATE INDEX rights_part_records_record_idx ON rights_part_records (record_id);

-- What a controller did to its items for a part (SPEC RGT-REC-01, RGT-REC-02, RGT-OBJ-01): the
-- rectification as a new version, the erasure, or the prohibition of use (a block). The answer
-- of a granted request tells every recipient of these items (RGT-REC-04).
CREATE TABLE rights_part_changes (
  part_id uuid NOT NULL REFERENCES rights_request_parts (id),
  item_id uuid NOT NULL REFERENCES items (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  change text NOT NULL CHECK (change IN ('rectify', 'erase', 'prohibit_use')),
  version integer NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (part_id, item_id, version)
);

-- L2007 art. 3 §5 1°-2° (SPEC RGT-IND-01): the mission a police item was processed for. Judicial or
-- administrative police: the person's rights go through the supervisory authority (art. 13);
-- none: the police answer directly like any controller.
ALTER TABLE items ADD COLUMN police_mission text NOT NULL DEFAULT 'none'
  CHECK (police_mission IN ('none', 'administrative_police', 'judicial_police'));
GRANT UPDATE (police_mission) ON items TO concerto_app;

-- L2007 art. 3 §6 (SPEC SCO-17): after a royal decree, arts 6, 8, 9, 10 §1 and 12 do not apply to
-- Child Focus's processing about suspects; the Centre may keep no file of suspects, so its persons
-- carry no cross-case index, and requests about its data go through the Commission (art. 13).
ALTER TABLE royal_decree_authorisations DROP CONSTRAINT royal_decree_authorisations_kind_check;
ALTER TABLE royal_decree_authorisations ADD CONSTRAINT royal_decree_authorisations_kind_check
  CHECK (kind IN ('judicial_data_prior_notice', 'sex_life_treatment', 'child_focus_exemption'));

-- L2007 art. 12 §1 al. 5: the prohibition of use is a block like those of DAT-22 and SEC-11.
ALTER TABLE items DROP CONSTRAINT items_blocked_reason_check;
ALTER TABLE items ADD CONSTRAINT items_blocked_reason_check
  CHECK (blocked_reason IN ('consent_withdrawn', 'unlawfully_obtained', 'prohibited_use'));

-- RGT-REC-04 (art. 12 §3 al. 1): who was told of a rectification, erasure or blocking, or why
-- telling them was impossible or disproportionate. The data subject is one of them.
CREATE TABLE rights_recipient_notices (
  id uuid PRIMARY KEY,
  part_id uuid NOT NULL REFERENCES rights_request_parts (id),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('data_subject', 'co_participant', 'own_file_exporter',
    'external')),
  recipient_organisation_id uuid REFERENCES organisations (id),
  recipient_name text,
  notification_id uuid REFERENCES notifications (id),
  -- Recorded exception: the recipient is no longer known, or telling it is impossible or disproportionate.
  exception text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK (recipient_organisation_id IS NOT NULL OR recipient_name IS NOT NULL OR recipient_kind = 'data_subject')
);

-- ROL-11 (L2007 art. 1 §7): a communication of an item outside Concerto, recorded by its
-- controller: to a third party, a processor, or an authority receiving it in a particular inquiry
-- (logged, but not a "recipient": it is left out of access answers). Kept in clear and without
-- the content, so that it outlives the item's erasure (RGT-REC-05: at least 12 months).
CREATE TABLE external_disclosures (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES items (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recipient_name text NOT NULL CHECK (recipient_name <> ''),
  recipient_class text NOT NULL CHECK (recipient_class IN ('third_party', 'processor', 'inquiry_authority')),
  reference text,
  disclosed_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX external_disclosures_item_idx ON external_disclosures (item_id);

-- The controller's desk (SPEC RGT-ACC-01, RGT-REC-01; ROL-12): a controller answers for every
-- record it introduced, also in a case it no longer takes part in or that was closed. A DPO acts
-- for no case (ROL-12), so the rights service sets `concerto.controller_desk` to the actor's own
-- organisation once the access module allowed its DPO (or, for the prosecutor's route, the
-- office's prosecutor) to work the desk. These policies then show that controller's records,
-- the keys of their cases and its requests, and nothing of any other controller.
CREATE FUNCTION concerto_controller_desk() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('concerto.controller_desk', true), '')::uuid
$$;
GRANT EXECUTE ON FUNCTION concerto_controller_desk() TO concerto_app;

CREATE POLICY items_controller_desk ON items FOR SELECT USING (
  controller_organisation_id = concerto_controller_desk());
-- Carrying out a rectification, erasure or prohibition of use (art. 12) as a version.
CREATE POLICY items_controller_desk_change ON items FOR UPDATE USING (
  controller_organisation_id = concerto_controller_desk());
CREATE POLICY cases_controller_desk ON cases FOR SELECT USING (
  EXISTS (SELECT 1 FROM items i WHERE i.case_id = cases.id AND i.controller_organisation_id = concerto_controller_desk())
  OR EXISTS (SELECT 1 FROM paper_parts pp WHERE pp.case_id = cases.id
    AND pp.controller_organisation_id = concerto_controller_desk()));
CREATE POLICY persons_controller_desk ON persons FOR SELECT USING (
  controller_organisation_id = concerto_controller_desk());
CREATE POLICY paper_parts_controller_desk ON paper_parts FOR SELECT USING (
  controller_organisation_id = concerto_controller_desk());
CREATE POLICY data_keys_controller_desk ON data_keys FOR SELECT USING (
  scope LIKE 'case:%' AND EXISTS (SELECT 1 FROM items i
    WHERE i.case_id = substr(scope, 6)::uuid AND i.controller_organisation_id = concerto_controller_desk()));
-- RGT-REC-04, FIL-08: the desk tells the organisations that copied the controller's items.
CREATE POLICY own_file_transfers_controller_desk ON own_file_transfers FOR SELECT USING (
  EXISTS (SELECT 1 FROM items i WHERE i.case_id = own_file_transfers.case_id
    AND i.controller_organisation_id = concerto_controller_desk()));
CREATE POLICY own_file_exports_controller_desk ON own_file_exports FOR SELECT USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = ANY (own_file_exports.item_ids)
    AND i.controller_organisation_id = concerto_controller_desk()));

-- The parties of a request see it: the intake desk and each controller or office with a part.
-- A controller never sees another controller's part (an indirect route must not be revealed).
ALTER TABLE rights_request_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_request_parts FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_request_parts_parties ON rights_request_parts FOR ALL USING (
  controller_organisation_id = concerto_controller_desk() OR prosecutor_office_id = concerto_controller_desk());
-- The office's prosecutors, acting for it on its cases, know which requests are on its route
-- (a list lookup is linked to one, SPEC LST-02).
CREATE POLICY rights_request_parts_office ON rights_request_parts FOR SELECT USING (
  prosecutor_office_id = ANY (concerto_acting_organisations()));
-- Creating the parts of other controllers is the intake's one cross-controller write.
CREATE POLICY rights_request_parts_intake ON rights_request_parts FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM rights_requests r WHERE r.id = request_id
    AND r.intake_organisation_id = concerto_controller_desk()));

ALTER TABLE rights_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_requests_parties ON rights_requests FOR ALL USING (
  intake_organisation_id = concerto_controller_desk()
  OR EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.request_id = rights_requests.id));

ALTER TABLE rights_part_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_part_records FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_part_records_with_part ON rights_part_records FOR SELECT USING (
  EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = rights_part_records.part_id));
-- RGT-JUD-02: a controller's desk moves its records between its own parts when an item's route changes.
CREATE POLICY rights_part_records_desk_insert ON rights_part_records FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = part_id));
CREATE POLICY rights_part_records_desk_delete ON rights_part_records FOR DELETE USING (
  EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = rights_part_records.part_id));
CREATE POLICY rights_part_records_intake ON rights_part_records FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM rights_requests r
    WHERE r.id = request_id AND r.intake_organisation_id = concerto_controller_desk()));

ALTER TABLE rights_part_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_part_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_part_changes_with_part ON rights_part_changes FOR ALL USING (
  EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = rights_part_changes.part_id));

ALTER TABLE rights_recipient_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_recipient_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_recipient_notices_with_part ON rights_recipient_notices FOR ALL USING (
  EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = rights_recipient_notices.part_id));

ALTER TABLE external_disclosures ENABLE ROW LEVEL SECURITY;
ALTER TABLE external_disclosures FORCE ROW LEVEL SECURITY;
CREATE POLICY external_disclosures_controller ON external_disclosures FOR ALL USING (
  controller_organisation_id = ANY (concerto_acting_organisations())
  OR controller_organisation_id = concerto_controller_desk());

GRANT SELECT, INSERT ON rights_requests, rights_request_parts, rights_part_records, rights_part_changes,
  rights_recipient_notices, external_disclosures TO concerto_app;
GRANT DELETE ON rights_part_records TO concerto_app;
GRANT UPDATE (identity_verified_by, identity_verified_at) ON rights_requests TO concerto_app;
GRANT UPDATE (status, outcome, answer, answered_by, answered_at, health_professional) ON rights_request_parts
  TO concerto_app;

-- The match of a requester across every case (SPEC RGT-GEN-02): which controllers hold which
-- records about a person, with the facts that choose the route. Ids and flags only, never
-- content; called by the rights service after the access module allowed the intake, so the
-- desk can route the request without seeing any case.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_rights_match') THEN
    CREATE ROLE concerto_rights_match NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_rights_match TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_rights_match;
GRANT SELECT (id, case_id, controller_organisation_id, nrn_index, name_dob_index) ON persons TO concerto_rights_match;
GRANT SELECT (id, case_id, controller_organisation_id, judicial, secret_of_investigation, police_mission, erased_at)
  ON items TO concerto_rights_match;
GRANT SELECT (item_id, person_id) ON item_persons TO concerto_rights_match;
GRANT SELECT (id, framework_id) ON cases TO concerto_rights_match;
GRANT SELECT (id, case_id, controller_organisation_id, destroyed_on) ON paper_parts TO concerto_rights_match;
GRANT SELECT (paper_part_id, person_id) ON paper_part_persons TO concerto_rights_match;
CREATE POLICY persons_rights_match ON persons FOR SELECT TO concerto_rights_match USING (true);
CREATE POLICY items_rights_match ON items FOR SELECT TO concerto_rights_match USING (true);
CREATE POLICY item_persons_rights_match ON item_persons FOR SELECT TO concerto_rights_match USING (true);
CREATE POLICY cases_rights_match ON cases FOR SELECT TO concerto_rights_match USING (true);
CREATE POLICY paper_parts_rights_match ON paper_parts FOR SELECT TO concerto_rights_match USING (true);
CREATE POLICY paper_part_persons_rights_match ON paper_part_persons FOR SELECT TO concerto_rights_match USING (true);

CREATE FUNCTION concerto_rights_match(nrn bytea, name_dob bytea)
RETURNS TABLE (record_type text, record_id uuid, case_id uuid, framework_id uuid,
  controller_organisation_id uuid, judicial boolean, police_mission text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH matched AS (
    SELECT p.id, p.case_id, p.controller_organisation_id FROM persons p
    WHERE (nrn IS NOT NULL AND p.nrn_index = nrn) OR (name_dob IS NOT NULL AND p.name_dob_index = name_dob)
  )
  SELECT 'person', m.id, m.case_id, c.framework_id, m.controller_organisation_id, false, 'none'
  FROM matched m JOIN cases c ON c.id = m.case_id
  UNION
  SELECT 'item', i.id, i.case_id, c.framework_id, i.controller_organisation_id,
    i.judicial OR i.secret_of_investigation, i.police_mission
  FROM matched m JOIN item_persons ip ON ip.person_id = m.id JOIN items i ON i.id = ip.item_id
    JOIN cases c ON c.id = i.case_id
  WHERE i.erased_at IS NULL
  UNION
  SELECT 'paper_part', pp.id, pp.case_id, c.framework_id, pp.controller_organisation_id, false, 'none'
  FROM matched m JOIN paper_part_persons ppp ON ppp.person_id = m.id JOIN paper_parts pp ON pp.id = ppp.paper_part_id
    JOIN cases c ON c.id = pp.case_id
  WHERE pp.destroyed_on IS NULL
$$;
GRANT CREATE ON SCHEMA public TO concerto_rights_match;
ALTER FUNCTION concerto_rights_match(bytea, bytea) OWNER TO concerto_rights_match;
REVOKE CREATE ON SCHEMA public FROM concerto_rights_match;
REVOKE ALL ON FUNCTION concerto_rights_match(bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_rights_match(bytea, bytea) TO concerto_app;
