-- The information obligations of the controllers towards the persons of a case (owned by
-- src/server/modules/information-notices; SPEC RGT-INF-01..07, RGT-IND-01, SCO-15).
-- L2007 art. 9 §1: data obtained from the person concerned → informed at the latest when they are
-- obtained; art. 9 §2 al. 1: data not obtained from the person → informed when they are recorded
-- or, if a communication to a third party is envisaged, at the latest at the first communication;
-- art. 9 §2 al. 2: exempted when informing is impossible or disproportionate (a), or when the
-- recording or communication applies a provision by or under a law, decree or ordinance (b).
-- L1992 art. 9 al. 3: the King may allow a collective information procedure (SPEC RGT-INF-06).
-- One obligation per person and controller, created in the transaction that records the person
-- (subjects and relations/contacts alike, SPEC DAT-17). No content of the case is kept here in
-- clear: the exemption's justification is encrypted under the case's data key (ARCHITECTURE §3.3).
CREATE TABLE information_obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- DAT-17: subject or relation/contact, kept here so that the DPO, who reads no person, sees it.
  person_role text NOT NULL CHECK (person_role IN ('subject', 'relation')),
  -- art. 9 §1 (from the person concerned) or §2 (not from the person concerned).
  collection text NOT NULL CHECK (collection IN ('from_subject', 'not_from_subject')),
  -- The civil date (Europe/Brussels) the person was recorded: the due date of art. 9 §2 al. 1.
  recorded_on date NOT NULL,
  -- art. 9 §2 al. 1: the controller records that a communication to a third party is envisaged;
  -- the information is then due at the latest at the first communication, which waits for it.
  disclosure_envisaged_by uuid REFERENCES users (id),
  disclosure_envisaged_at timestamptz,
  -- 'indirect_regime': L2007 art. 3 §4-§5 (intelligence, police): art. 9 does not apply (SPEC
  -- RGT-IND-01, SCO-15). 'restricted' (bill art. 7) is read from the active restrictions, not kept.
  status text NOT NULL CHECK (status IN ('open', 'informed', 'exempted', 'indirect_regime')),
  -- Informed (SPEC RGT-INF-01): which notice, when, how and who gave it.
  notice_version text,
  informed_on date,
  channel text CHECK (channel IN ('hand_delivery', 'letter', 'registered_letter', 'email', 'oral')),
  -- Exempted (SPEC RGT-INF-03, RGT-INF-06): the ground, the legal or royal-decree reference.
  exemption_ground text CHECK (exemption_ground IN ('impossible_or_disproportionate', 'legal_provision',
    'collective_information')),
  exemption_reference text,
  exemption_justification bytea,
  -- The named person who closed it (informed or exempted): the decision-maker (SPEC ADM-01).
  closed_by uuid REFERENCES users (id),
  closed_at timestamptz,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (person_id, controller_organisation_id),
  CHECK ((disclosure_envisaged_by IS NULL) = (disclosure_envisaged_at IS NULL)),
  CHECK ((status = 'informed') = (notice_version IS NOT NULL AND informed_on IS NOT NULL AND channel IS NOT NULL)),
  CHECK ((status = 'exempted') = (exemption_ground IS NOT NULL AND exemption_justification IS NOT NULL)),
  CHECK (exemption_ground IS NULL OR exemption_ground = 'impossible_or_disproportionate'
    OR exemption_reference IS NOT NULL),
  CHECK ((status IN ('informed', 'exempted')) = (closed_by IS NOT NULL AND closed_at IS NOT NULL))
);
CREATE INDEX information_obligations_controller_idx ON information_obligations (controller_organisation_id,
  status, recorded_on);
CREATE INDEX information_obligations_case_idx ON information_obligations (case_id);

-- A closed obligation is a record of what was done: informed or exempted, it stays so.
CREATE FUNCTION concerto_information_obligation_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'a closed information obligation is not changed any more (SPEC RGT-INF-02)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.controller_organisation_id <> OLD.controller_organisation_id OR NEW.person_id <> OLD.person_id THEN
    RAISE EXCEPTION 'an information obligation stays its controller''s (bill art. 3 §1 al. 2)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER information_obligations_final BEFORE UPDATE ON information_obligations
  FOR EACH ROW EXECUTE FUNCTION concerto_information_obligation_final();

-- The DPO of the controller reviews its exemptions (SPEC RGT-INF-03; L2007 art. 17bis, SPEC
-- ROL-12). A DPO acts for no case (ARCHITECTURE §3.6), so it is recognised by its user row.
CREATE FUNCTION concerto_is_dpo_of(organisation uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM users u
    WHERE u.id = NULLIF(current_setting('concerto.user_id', true), '')::uuid
      AND u.organisation_id = organisation AND u.active AND 'dpo' = ANY (u.roles))
$$;
GRANT EXECUTE ON FUNCTION concerto_is_dpo_of(uuid) TO concerto_app;

-- Row-level security (ARCHITECTURE §3.2): seen by its controller, by its DPO, and by whoever sees
-- the person (so that a disclosure by another party, e.g. an own-file export, waits for it);
-- written and changed by its controller only.
ALTER TABLE information_obligations ENABLE ROW LEVEL SECURITY;
ALTER TABLE information_obligations FORCE ROW LEVEL SECURITY;
CREATE POLICY information_obligations_visible ON information_obligations FOR SELECT USING (
  controller_organisation_id = ANY (concerto_acting_organisations())
  OR concerto_is_dpo_of(controller_organisation_id)
  OR EXISTS (SELECT 1 FROM persons p WHERE p.id = information_obligations.person_id));
CREATE POLICY information_obligations_written_by_controller ON information_obligations FOR INSERT WITH CHECK (
  controller_organisation_id = ANY (concerto_acting_organisations()));
CREATE POLICY information_obligations_changed_by_controller ON information_obligations FOR UPDATE USING (
  controller_organisation_id = ANY (concerto_acting_organisations()));

-- The DPO reads an exemption's justification, encrypted under the case's key: the key of a case in
-- which its controller exempted itself from informing, and no other.
CREATE POLICY data_keys_information_exemptions ON data_keys FOR SELECT USING (
  scope LIKE 'case:%' AND EXISTS (SELECT 1 FROM information_obligations o
    WHERE o.case_id = substr(scope, 6)::uuid AND o.status = 'exempted'
      AND concerto_is_dpo_of(o.controller_organisation_id)));

GRANT SELECT, INSERT ON information_obligations TO concerto_app;
GRANT UPDATE (disclosure_envisaged_by, disclosure_envisaged_at, status, notice_version, informed_on, channel,
  exemption_ground, exemption_reference, exemption_justification, closed_by, closed_at)
  ON information_obligations TO concerto_app;
