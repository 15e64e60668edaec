-- Royal-decree authorisations of participant organisations and the prior written notices they
-- call for (owned by src/server/modules/identity for the authorisations, src/server/modules/cases
-- for the notices; SPEC DAT-32, DAT-33). The value lists mirror src/contracts/identity.ts and
-- src/contracts/prior-notices.ts; the services give the reasons, these checks are the last net.

-- An individual royal decree ("arrêté royal" / "koninklijk besluit") an organisation processes
-- data under, recorded by the operator on its profile:
-- - 'judicial_data_prior_notice': L1992 art. 8 §5, judicial data processed by persons designated
--   by royal decree, "moyennant avis préalable donné par écrit à l'intéressé" (SPEC DAT-32);
-- - 'sex_life_treatment': L2007 art. 6 §3, sexual-life data processed by an approved and subsidised
--   association treating persons whose sexual behaviour may be an offence; the decree sets the
--   authorisation's duration (SPEC DAT-33), so it has an end.
-- The validity is in civil dates of Brussels, both inclusive. Nothing here is personal data and
-- the organisations table it describes has no row-level security: neither has this one.
CREATE TABLE royal_decree_authorisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('judicial_data_prior_notice', 'sex_life_treatment')),
  -- The decree's reference, e.g. its date and its publication in the Moniteur belge.
  reference text NOT NULL CHECK (reference <> ''),
  valid_from date NOT NULL,
  valid_until date,
  -- The operator who recorded it and who changed it last (audited as admin events; like the
  -- frameworks' created_by, no foreign key: the bootstrap operator is no user).
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK (kind <> 'sex_life_treatment' OR valid_until IS NOT NULL),
  UNIQUE (organisation_id, kind, reference)
);
CREATE INDEX royal_decree_authorisations_organisation_idx ON royal_decree_authorisations (organisation_id, kind);

-- L1992 art. 8 §5 (SPEC DAT-32): the written notice an organisation under such a decree gave a
-- person of a case before processing judicial data about them. A person belongs to one case, so
-- one notice per person and notifying organisation; the case is kept for row-level security.
CREATE TABLE prior_written_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- The decree that called for it.
  authorisation_id uuid NOT NULL REFERENCES royal_decree_authorisations (id),
  sent_on date NOT NULL,
  method text NOT NULL CHECK (method IN ('registered_letter', 'letter', 'hand_delivery', 'email')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (person_id, organisation_id)
);
CREATE INDEX prior_written_notices_case_idx ON prior_written_notices (case_id, organisation_id);

-- Row-level security: a notice is the notifying organisation's, about a person it sees (the
-- subquery applies the persons' policy of migration 0016).
ALTER TABLE prior_written_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE prior_written_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY prior_written_notices_own ON prior_written_notices FOR ALL USING (
  organisation_id = ANY (concerto_acting_organisations())
  AND EXISTS (SELECT 1 FROM persons p WHERE p.id = prior_written_notices.person_id
    AND p.case_id = prior_written_notices.case_id));

GRANT SELECT, INSERT ON royal_decree_authorisations, prior_written_notices TO concerto_app;
-- The kind and the organisation never change; a renewal is a decree of its own.
GRANT UPDATE (reference, valid_from, valid_until, updated_by, updated_at) ON royal_decree_authorisations TO concerto_app;
