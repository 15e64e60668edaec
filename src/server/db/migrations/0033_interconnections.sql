-- Interconnections of file environments (owned by src/server/modules/interconnections; SPEC
-- INT-01..04, PEN-12; ADR 0017). The bill allows "une connexion ... entre des dossiers appartenant
-- aux différents acteurs" (DOC 56 0485/001, commentary on art. 2: e.g. between the police system
-- Focus and the Flemish Authority's file environment, "pour que les services de police ne doivent
-- pas recopier ces informations à la main"), always with the necessary security measures; the 1992
-- law lets a royal decree prohibit or regulate any "rapprochement, interconnexion ou mise en
-- relation" of personal data (L1992 art. 21; breaching such a decree is the offence of art. 39 11°).
-- So every interconnection is registered before it carries anything: its parties, direction, legal
-- basis and any royal decree with its conditions, the data categories and fields it maps, its
-- security measures and the approval of each controller; each controller may switch it off.
--
-- The register (interconnections, interconnection_parties, interconnection_events) describes
-- systems and legal instruments, never a person: like royal_decree_authorisations (migration 0018)
-- it has no row-level security, and the public key of the connected system is not a secret.

CREATE TABLE interconnections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The controller whose connected system sends (e.g. the police zone using Focus): its DPO
  -- registers the interconnection, and the items delivered through it are its own (FIL-02).
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- The consultation framework whose shared files it delivers into (its categories bound the mapping).
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  name text NOT NULL CHECK (name <> ''),
  -- The connected file environment and who runs it, e.g. "Focus", "Federale politie, DRI".
  counterpart_system text NOT NULL CHECK (counterpart_system <> ''),
  counterpart_operator text NOT NULL CHECK (counterpart_operator <> ''),
  -- The first version carries deliveries into the shared file only (ADR 0017).
  direction text NOT NULL CHECK (direction IN ('inbound')),
  legal_basis text NOT NULL CHECK (legal_basis <> ''),
  -- L1992 art. 21: the royal decree regulating this interconnection, if any, and its conditions.
  royal_decree_reference text CHECK (royal_decree_reference <> ''),
  royal_decree_conditions text CHECK (royal_decree_conditions <> ''),
  security_measures text NOT NULL CHECK (security_measures <> ''),
  -- SPEC INT-02: the fields of the connected system and the data category (bill art. 2 §2) each
  -- becomes, e.g. [{"field": "situationReport", "category": "C06"}]; any other field is dropped.
  field_mapping jsonb NOT NULL CHECK (jsonb_typeof(field_mapping) = 'array' AND jsonb_array_length(field_mapping) >= 1),
  -- SPEC INT-03: automatic person matching is off unless registered (and approved) with its basis.
  person_matching text NOT NULL DEFAULT 'off' CHECK (person_matching IN ('off', 'national_register_number')),
  matching_basis text CHECK (matching_basis <> ''),
  rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 600),
  -- The connected system's Ed25519 public key (SubjectPublicKeyInfo, DER); it signs each request.
  public_key bytea NOT NULL,
  key_fingerprint text NOT NULL UNIQUE,
  registered_by uuid NOT NULL REFERENCES users (id),
  registered_at timestamptz NOT NULL,
  -- Retired for good by its owner; a new registration is a new interconnection.
  retired_by uuid REFERENCES users (id),
  retired_at timestamptz,
  retirement_reason text,
  CHECK ((person_matching = 'off') = (matching_basis IS NULL)),
  CHECK (royal_decree_conditions IS NULL OR royal_decree_reference IS NOT NULL),
  CHECK ((retired_at IS NULL) = (retired_by IS NULL)),
  CHECK ((retired_at IS NULL) = (retirement_reason IS NULL))
);
CREATE INDEX interconnections_owner_idx ON interconnections (owner_organisation_id, registered_at);

-- The controllers of an interconnection (its owner among them), each approving its side and
-- holding its own kill switch (SPEC INT-01, INT-02): it exchanges only while every party has
-- approved and none has switched it off.
CREATE TABLE interconnection_parties (
  interconnection_id uuid NOT NULL REFERENCES interconnections (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  suspended_by uuid REFERENCES users (id),
  suspended_at timestamptz,
  suspension_reason text,
  PRIMARY KEY (interconnection_id, organisation_id),
  CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
  CHECK ((suspended_at IS NULL) = (suspended_by IS NULL)),
  CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))
);
CREATE INDEX interconnection_parties_organisation_idx ON interconnection_parties (organisation_id);

-- The register's history (PEN-12 evidence; SEC-13 periods): registration, approvals, switches and
-- retirement, appended and never changed.
CREATE TABLE interconnection_events (
  -- In the order written: changes of one instant keep their order.
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  interconnection_id uuid NOT NULL REFERENCES interconnections (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('registered', 'approved', 'suspended', 'resumed', 'retired')),
  user_id uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL,
  reason text
);
CREATE INDEX interconnection_events_idx ON interconnection_events (interconnection_id, id);

-- A case linked to a file of the connected system by a member of the owner: deliveries naming
-- that file's reference become the owner's items of this case, about the persons the link names.
-- The member who links confirms that what arrives lies within the organisation's legal mission
-- (SPEC SCO-06) and says, case by case, why categories 9 to 16 are relevant (PUR-04): each item
-- delivered through the link is recorded as that member's standing instruction (SPEC PEN-19).
-- The reference and the relevance may describe the person: encrypted under the case's data key;
-- the link is found by a keyed hash of the reference (as persons by their blind index).
CREATE TABLE interconnection_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interconnection_id uuid NOT NULL REFERENCES interconnections (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  reference_index bytea NOT NULL,
  reference bytea NOT NULL,
  relevance bytea,
  police_mission text CHECK (police_mission IN ('administrative_police', 'judicial_police')),
  linked_by uuid NOT NULL REFERENCES users (id),
  linked_at timestamptz NOT NULL,
  ended_by uuid REFERENCES users (id),
  ended_at timestamptz,
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX interconnection_links_case_idx ON interconnection_links (case_id, linked_at);
-- One open link per file of the connected system.
CREATE UNIQUE INDEX interconnection_links_open_idx ON interconnection_links (interconnection_id, reference_index)
  WHERE ended_at IS NULL;

CREATE TABLE interconnection_link_persons (
  link_id uuid NOT NULL REFERENCES interconnection_links (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  PRIMARY KEY (link_id, person_id)
);
CREATE INDEX interconnection_link_persons_person_idx ON interconnection_link_persons (person_id);

-- The per-transaction log of the exchanges (SPEC INT-02, SEC-05) and the volumes of the processing
-- statement (SEC-13, INT-04): one row per authenticated request, accepted or refused, with counts
-- and the names of the fields dropped, never their values. Like audit_events it holds ids, codes
-- and counts only, so it has no row-level security; the runtime role appends and reads, never
-- changes. The case and the link are kept as plain ids, as in the audit log: the log outlives them.
CREATE TABLE interconnection_exchanges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order of receipt, for the log's newest-first reading.
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  interconnection_id uuid NOT NULL REFERENCES interconnections (id),
  received_at timestamptz NOT NULL,
  -- The request's nonce: a replay is refused (unique below).
  nonce uuid NOT NULL,
  -- The operator in the connected system on whose behalf it sent (its own user id there).
  sent_by text NOT NULL CHECK (sent_by ~ '^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$'),
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'refused')),
  reason text CHECK (reason ~ '^[a-z][a-z0-9_]{0,47}$'),
  case_id uuid,
  link_id uuid,
  records integer NOT NULL DEFAULT 0 CHECK (records >= 0),
  items integer NOT NULL DEFAULT 0 CHECK (items >= 0),
  -- Items written per category, e.g. {"C06": 2, "C11": 1}.
  categories jsonb NOT NULL DEFAULT '{}'::jsonb,
  dropped_fields text[] NOT NULL DEFAULT '{}',
  matched_persons integer NOT NULL DEFAULT 0 CHECK (matched_persons >= 0),
  UNIQUE (interconnection_id, nonce),
  CHECK ((outcome = 'accepted') = (reason IS NULL))
);
CREATE INDEX interconnection_exchanges_idx ON interconnection_exchanges (interconnection_id, received_at);

-- The interconnection whose signed request the current transaction serves (set_config by the
-- exchange service once the signature is verified); unset = none.
CREATE FUNCTION concerto_interconnection() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(current_setting('concerto.interconnection', true), '')::uuid
$$;
GRANT EXECUTE ON FUNCTION concerto_interconnection() TO concerto_app;

-- Row-level security (ARCHITECTURE §3.2) on the links, which belong to a case: the case's audience
-- sees them (as the source references of its items); only the owner's members link and end them;
-- an authenticated interconnection finds its own open links, and nothing else, to deliver.
ALTER TABLE interconnection_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE interconnection_links FORCE ROW LEVEL SECURITY;
CREATE POLICY interconnection_links_visible ON interconnection_links FOR SELECT TO concerto_app USING (
  EXISTS (SELECT 1 FROM case_audience a
    WHERE a.case_id = interconnection_links.case_id AND a.organisation_id = ANY (concerto_acting_organisations()))
  OR (interconnection_links.interconnection_id = concerto_interconnection() AND interconnection_links.ended_at IS NULL));
CREATE POLICY interconnection_links_made_by_owner ON interconnection_links FOR INSERT TO concerto_app WITH CHECK (
  organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = interconnection_links.case_id AND a.organisation_id = interconnection_links.organisation_id));
CREATE POLICY interconnection_links_ended_by_owner ON interconnection_links FOR UPDATE TO concerto_app USING (
  organisation_id = ANY (concerto_acting_organisations()));

ALTER TABLE interconnection_link_persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE interconnection_link_persons FORCE ROW LEVEL SECURITY;
CREATE POLICY interconnection_link_persons_of_visible_links ON interconnection_link_persons FOR ALL TO concerto_app
  USING (EXISTS (SELECT 1 FROM interconnection_links l WHERE l.id = interconnection_link_persons.link_id));

GRANT SELECT, INSERT ON interconnections, interconnection_parties, interconnection_events,
  interconnection_links, interconnection_link_persons, interconnection_exchanges TO concerto_app;
GRANT UPDATE (retired_by, retired_at, retirement_reason) ON interconnections TO concerto_app;
GRANT UPDATE (approved_by, approved_at, suspended_by, suspended_at, suspension_reason)
  ON interconnection_parties TO concerto_app;
GRANT UPDATE (ended_by, ended_at) ON interconnection_links TO concerto_app;

-- The retention purge (migration 0030, concerto_purge_case) deletes a destroyed case's links with it
-- (bill art. 2 §3 4°); the exchange log keeps the case id as a plain id, as the audit log does.
GRANT SELECT, DELETE ON interconnection_links, interconnection_link_persons TO concerto_retention;
CREATE POLICY interconnection_links_retention ON interconnection_links FOR ALL TO concerto_retention USING (true);
CREATE POLICY interconnection_link_persons_retention ON interconnection_link_persons FOR ALL TO concerto_retention
  USING (true);
