-- Consultation frameworks (owned by src/server/modules/frameworks; issue 4 scope 1): the
-- instrument a case consultation is organised by or under (CP art. 458ter §1 al. 1 and al. 3,
-- quoted in the bill's Développements). A framework holds no personal data: it names the legal
-- basis, the purposes, the participating organisations, the organiser and the modalities.
-- The value lists mirror src/contracts/frameworks.ts; the service gives the reasons, these
-- checks are the last net.

CREATE TABLE frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name <> ''),
  -- The consultation types the bill names (SPEC §22.9), when the framework started from one.
  template text CHECK (template IN ('csil_r', 'prison_radicalisation', 'intrafamily_violence',
    'juvenile_delinquency', 'vulnerable_persons')),
  -- CP art. 458ter §1 al. 1: a law, decree or ordinance, or a motivated authorisation of the
  -- procureur du Roi (SPEC SCO-03 a).
  basis_kind text CHECK (basis_kind IN ('law', 'decree', 'ordinance', 'prosecutor_authorisation')),
  -- SCO-03 b: the citation of the instrument …
  basis_title text,
  basis_date date,
  basis_article text,
  -- … or the prosecutor's motivated authorisation (bill art. 2 §1; arts 7-8 attach to it).
  authorisation_reference text,
  authorisation_date date,
  authorisation_motivation text,
  authorisation_document bytea,
  authorisation_document_sha256 text,
  -- SCO-04: art. 458ter is no legal basis for processing; another one is required.
  processing_basis_kind text CHECK (processing_basis_kind IN ('bill_0485', 'federated_decree', 'specific_law')),
  processing_basis_citation text,
  -- PUR-01: among the three purposes of CP art. 458ter §1 al. 2 only.
  purposes text[] NOT NULL DEFAULT '{}' CHECK (purposes <@ ARRAY['P1', 'P2', 'P3']),
  organiser_organisation_id uuid REFERENCES organisations (id),
  -- SCO-03 e: the modalities, and the use modalities the platform enforces (PUR-06).
  modalities text,
  own_file_export_disabled boolean NOT NULL DEFAULT false,
  export_four_eyes boolean NOT NULL DEFAULT false,
  -- DAT-00: a framework may narrow the sixteen categories of bill art. 2 §2, never widen them.
  allowed_categories text[] NOT NULL DEFAULT ARRAY['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07',
    'C08', 'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']
    CHECK (allowed_categories <@ ARRAY['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09',
      'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']),
  -- FIL-01: the default maximum retention the participants start from (bill art. 3 §1 al. 1).
  default_retention_months integer CHECK (default_retention_months > 0),
  default_retention_other_rule text,
  -- SCO-16: controller(s) designated by the instrument itself (L2007 art. 1 §4 al. 2).
  designated_controllers text,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  activated_by uuid,
  activated_at timestamptz,
  CHECK ((state = 'active') = (activated_at IS NOT NULL)),
  CHECK ((authorisation_document IS NULL) = (authorisation_document_sha256 IS NULL))
);

-- ROL-01: the organisations that may take part, declared per framework, never hard-coded.
-- Removing one sets removed_*; adding it again clears them (each change is in the audit log).
CREATE TABLE framework_participants (
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  added_by uuid NOT NULL,
  added_at timestamptz NOT NULL,
  removed_by uuid,
  removed_at timestamptz,
  PRIMARY KEY (framework_id, organisation_id),
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);

CREATE INDEX framework_participants_organisation_idx ON framework_participants (organisation_id)
  WHERE removed_at IS NULL;

GRANT SELECT, INSERT ON frameworks, framework_participants TO concerto_app;
GRANT UPDATE (name, template, basis_kind, basis_title, basis_date, basis_article, authorisation_reference,
  authorisation_date, authorisation_motivation, authorisation_document, authorisation_document_sha256,
  processing_basis_kind, processing_basis_citation, purposes, organiser_organisation_id, modalities,
  own_file_export_disabled, export_four_eyes, allowed_categories, default_retention_months,
  default_retention_other_rule, designated_controllers, state, updated_at, activated_by, activated_at)
  ON frameworks TO concerto_app;
GRANT UPDATE (removed_by, removed_at, added_by, added_at) ON framework_participants TO concerto_app;
