-- Organisations and users (owned by src/server/modules/identity). The value lists mirror
-- src/contracts/identity.ts; the service gives the reasons, these checks are the last net.

-- A participant organisation and controller (L2007 art. 1 §4; SPEC SCO-01, SCO-05, SCO-07,
-- SCO-11, SCO-12, SCO-13, ROL-10, ROL-12), or the platform operator that hosts the file.
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- bill art. 2 §1 (SCO-01); 'platform_operator' is the host (bill art. 3 §1 al. 2).
  kind text NOT NULL CHECK (kind IN ('administrative_authority', 'judicial_authority', 'federal_service',
    'police_service', 'federated_entity_body', 'other', 'platform_operator')),
  -- bill art. 2 §2 al. 4; L2007 art. 3 §4 (SCO-07, SCO-15).
  dp_regime text NOT NULL CHECK (dp_regime IN ('gdpr', 'law2018_title2', 'law2018_title3', 'intelligence')),
  -- bill art. 2 §2 al. 1 (SCO-05): every participant has one; the host has none.
  mission_basis text CHECK (mission_basis IN ('specific_law', 'gdpr_art6_1e', 'gdpr_art9_2c',
    'law2018_arts33_34', 'lfp_art44_1')),
  mission_citation text,
  -- L2007 art. 5 a)-f) (SCO-13).
  lawful_ground text NOT NULL CHECK (lawful_ground IN ('a', 'b', 'c', 'd', 'e', 'f')),
  legal_name text NOT NULL CHECK (legal_name <> ''),
  address text NOT NULL CHECK (address <> ''),
  -- KBO/BCE number in its dotted form; the mod-97 check is the service's.
  enterprise_number text CHECK (enterprise_number ~ '^[01][0-9]{3}\.[0-9]{3}\.[0-9]{3}$'),
  establishment_country text NOT NULL CHECK (establishment_country ~ '^[A-Z]{2}$'),
  -- L2007 art. 3bis al. 2 (SCO-11): mandatory outside the EU/EEA, checked by the service.
  be_representative_name text,
  be_representative_address text,
  rights_contact text NOT NULL CHECK (rights_contact <> ''),
  -- L2007 art. 17bis (ROL-12).
  dpo_name text,
  dpo_contact text,
  -- L2007 art. 4 §2 (SCO-12).
  compliance_owner text NOT NULL CHECK (compliance_owner <> ''),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((kind = 'platform_operator') = (mission_basis IS NULL)),
  CHECK ((mission_basis IS NULL) = (mission_citation IS NULL)),
  CHECK ((be_representative_name IS NULL) = (be_representative_address IS NULL)),
  CHECK ((dpo_name IS NULL) = (dpo_contact IS NULL))
);

-- Named individual accounts only (bill art. 3 §2, SPEC SEC-01). A user is deactivated,
-- never deleted, so that every audit event stays attributable (SPEC PEN-19).
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '_%@_%'),
  display_name text NOT NULL CHECK (display_name <> ''),
  roles text[] NOT NULL CHECK (
    cardinality(roles) >= 1
    AND roles <@ ARRAY['operator', 'organiser', 'participant', 'prosecutor', 'dpo', 'representative']
    -- The host is not a participant (bill art. 3 §1 al. 2): an operator holds no case role.
    AND (NOT ('operator' = ANY (roles)) OR cardinality(roles) = 1)
  ),
  -- Health professional capacity (1992 law art. 7 §4).
  health_professional boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  deactivated_at timestamptz,
  -- Raised on deactivation and role change: sessions of an older epoch are void.
  session_epoch integer NOT NULL DEFAULT 0 CHECK (session_epoch >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (active = (deactivated_at IS NULL))
);

CREATE INDEX users_organisation_idx ON users (organisation_id);

-- No DELETE for the runtime role; identities and creation times never change.
GRANT SELECT, INSERT ON organisations, users TO concerto_app;
GRANT UPDATE (kind, dp_regime, mission_basis, mission_citation, lawful_ground, legal_name, address,
  enterprise_number, establishment_country, be_representative_name, be_representative_address,
  rights_contact, dpo_name, dpo_contact, compliance_owner, active, updated_at) ON organisations TO concerto_app;
GRANT UPDATE (display_name, roles, health_professional, active, deactivated_at, session_epoch, updated_at)
  ON users TO concerto_app;
