-- Transfers of personal data abroad (owned by src/server/modules/cross-border; issue 6 scope 5;
-- L2007 arts 21-22; L1992 arts 4 §2, 17 §6 and 22; SPEC TRF-01..12, SCO-10, DCL-18, DCL-20, PEN-03,
-- PEN-13). Each controller keeps a transfer register: every place where its data are stored,
-- accessed or sent, with the country and the data categories. Inside the Community a destination
-- is recorded (TRF-11: the declaration's §6 lists it); outside the Community it rests on an
-- adequacy assessment (L2007 art. 21 §1) or a derogation of art. 22, and the deny-list of the royal
-- decrees of art. 21 §2 overrides both. Every refused transfer is logged (PEN-03).
-- These tables hold no case content: controller-level records, references and codes, and in the
-- blocked-transfer log the ids of the case and items concerned, as the audit log holds them. The
-- service reads and writes a controller's rows for its DPO only; row-level security, which keys on
-- the organisations a user acts for on cases, has nothing to add (a DPO acts for none).

-- TRF-02 (L2007 art. 21 §1 al. 2): adequacy is assessed in the light of all the circumstances of
-- the transfer: the nature of the data, the purpose and duration of the processing, the countries of
-- origin and final destination, the general and sectoral law there, the professional rules and the
-- security measures complied with there; with a conclusion and its reviewer.
CREATE TABLE transfer_adequacy_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  data_nature text NOT NULL CHECK (data_nature <> ''),
  purpose text NOT NULL CHECK (purpose <> ''),
  duration text NOT NULL CHECK (duration <> ''),
  origin_country text NOT NULL CHECK (origin_country ~ '^[A-Z]{2}$'),
  final_destination_country text NOT NULL CHECK (final_destination_country ~ '^[A-Z]{2}$'),
  legal_framework text NOT NULL CHECK (legal_framework <> ''),
  professional_rules text NOT NULL CHECK (professional_rules <> ''),
  security_measures text NOT NULL CHECK (security_measures <> ''),
  conclusion text NOT NULL CHECK (conclusion IN ('adequate', 'not_adequate')),
  reviewer text NOT NULL CHECK (reviewer <> ''),
  reviewed_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  withdrawn_by uuid REFERENCES users (id),
  withdrawn_at timestamptz,
  withdrawal_reason text,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
  CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
);
CREATE INDEX transfer_adequacy_assessments_organisation_idx
  ON transfer_adequacy_assessments (organisation_id, recorded_at);

-- TRF-01, TRF-11, SCO-10, DCL-20: the register. A destination names its kind, the system or body,
-- the country where the data are stored or accessed and the categories sent there; an onward
-- processor names the destination it works for (a foreign sub-processor of a Belgian host is in
-- the declaration's §6 all the same: L1992 art. 17 §6 al. 2). Its basis: none (inside the
-- Community), an adequacy assessment, or one derogation with what that derogation needs. D6 (a
-- public register, art. 22 §1 al. 1 6°) cannot be stored: the shared file is not one (TRF-09).
-- A destination is never edited: it is ended, with the reason, and a new one registered.
CREATE TABLE transfer_destinations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('hosting', 'backup', 'sub_processor', 'support_access', 'api_client',
    'webhook', 'own_file', 'export_system')),
  name text NOT NULL CHECK (name <> ''),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  via_destination_id uuid REFERENCES transfer_destinations (id),
  operations text,
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY['C01', 'C02', 'C03',
    'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']),
  basis text NOT NULL CHECK (basis IN ('none', 'adequacy', 'derogation')),
  adequacy_assessment_id uuid REFERENCES transfer_adequacy_assessments (id),
  derogation text CHECK (derogation IN ('D1', 'D2', 'D3', 'D4', 'D5', 'D7')),
  -- D1 (TRF-04, PEN-07): the unambiguous consent record, who collected it and in what context.
  consent_reference text,
  consent_collected_by text,
  consent_context text,
  consent_given_on date,
  -- D2, D3 (TRF-05, TRF-06).
  contract_reference text,
  -- D4 (TRF-07).
  legal_reference text,
  -- D5 (TRF-08); optional for D4.
  justification text,
  -- D7 (TRF-10): the royal decree and the contractual clauses offered as safeguards (a PDF).
  royal_decree_reference text,
  clauses bytea,
  clauses_sha256 text,
  registered_by uuid NOT NULL REFERENCES users (id),
  registered_at timestamptz NOT NULL,
  ended_by uuid REFERENCES users (id),
  ended_at timestamptz,
  end_reason text,
  CHECK ((basis = 'adequacy') = (adequacy_assessment_id IS NOT NULL)),
  CHECK ((basis = 'derogation') = (derogation IS NOT NULL)),
  CHECK (derogation IS DISTINCT FROM 'D1' OR (consent_reference IS NOT NULL AND consent_collected_by IS NOT NULL
    AND consent_context IS NOT NULL AND consent_given_on IS NOT NULL)),
  CHECK (derogation NOT IN ('D2', 'D3') OR contract_reference IS NOT NULL),
  CHECK (derogation IS DISTINCT FROM 'D4' OR legal_reference IS NOT NULL),
  CHECK (derogation IS DISTINCT FROM 'D5' OR justification IS NOT NULL),
  CHECK (derogation IS DISTINCT FROM 'D7' OR (royal_decree_reference IS NOT NULL AND clauses IS NOT NULL)),
  CHECK ((clauses IS NULL) = (clauses_sha256 IS NULL)),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX transfer_destinations_organisation_idx ON transfer_destinations (organisation_id, registered_at);
-- The checks look for the destinations in force of a controller, by kind and country.
CREATE INDEX transfer_destinations_in_force_idx ON transfer_destinations (organisation_id, kind, country)
  WHERE ended_at IS NULL;
CREATE INDEX transfer_destinations_via_idx ON transfer_destinations (via_destination_id)
  WHERE via_destination_id IS NOT NULL;
CREATE INDEX transfer_destinations_assessment_idx ON transfer_destinations (adequacy_assessment_id)
  WHERE adequacy_assessment_id IS NOT NULL;
-- An organisation keeps its own file (bill art. 4) in one place at a time: the own-file export goes there.
CREATE UNIQUE INDEX transfer_destinations_own_file_idx ON transfer_destinations (organisation_id)
  WHERE kind = 'own_file' AND ended_at IS NULL;

-- TRF-03 (L2007 art. 21 §2): after advice of the Commission, the King determines for which
-- categories of processing and in which circumstances transfers outside the Community are not
-- allowed. One rule per decree provision: a country (none: every country outside the Community),
-- the data categories and destination kinds it reaches (empty: all), and the circumstance. It binds
-- every controller alike, so the platform operator keeps it; it is repealed, never deleted.
CREATE TABLE transfer_deny_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  royal_decree_reference text NOT NULL CHECK (royal_decree_reference <> ''),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  categories text[] NOT NULL CHECK (categories <@ ARRAY['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08',
    'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']),
  kinds text[] NOT NULL CHECK (kinds <@ ARRAY['hosting', 'backup', 'sub_processor', 'support_access', 'api_client',
    'webhook', 'own_file', 'export_system']),
  circumstance text NOT NULL CHECK (circumstance <> ''),
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL,
  repealed_by uuid REFERENCES users (id),
  repealed_at timestamptz,
  repeal_reason text,
  CHECK ((repealed_at IS NULL) = (repealed_by IS NULL)),
  CHECK ((repealed_at IS NULL) = (repeal_reason IS NULL))
);

-- PEN-03 (L1992 art. 39 2°), PEN-13 (art. 39 12°): the evidence that transfers the law forbids were
-- refused. Each attempt: whose register decided, who tried, from where in Concerto, the destination,
-- the categories, the case and items concerned (ids only), the rule and each reason. Written after
-- the refused transaction rolled back, with its denied audit event; never changed.
CREATE TABLE blocked_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- Null when an unattended job attempted it (its audit event names the job).
  attempted_by uuid REFERENCES users (id),
  attempted_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('transfer_register', 'own_file_export', 'processor_location')),
  destination_kind text NOT NULL CHECK (destination_kind IN ('hosting', 'backup', 'sub_processor',
    'support_access', 'api_client', 'webhook', 'own_file', 'export_system')),
  destination_country text NOT NULL CHECK (destination_country ~ '^[A-Z]{2}$'),
  destination_id uuid REFERENCES transfer_destinations (id),
  categories text[] NOT NULL,
  -- No foreign key: the log outlives a case purged at the end of its retention, as the audit log does.
  case_id uuid,
  item_ids uuid[] NOT NULL DEFAULT '{}',
  rule text NOT NULL CHECK (rule <> ''),
  issue_fields text[] NOT NULL,
  issue_messages text[] NOT NULL,
  CHECK (cardinality(issue_fields) >= 1 AND cardinality(issue_fields) = cardinality(issue_messages))
);
CREATE INDEX blocked_transfers_organisation_idx ON blocked_transfers (organisation_id, attempted_at DESC);

-- TRF-01: every own-file export records the country of the own file it went to, and the register's
-- destination when it went abroad. Exports made before this migration have neither.
ALTER TABLE own_file_exports ADD COLUMN destination_country text CHECK (destination_country ~ '^[A-Z]{2}$');
ALTER TABLE own_file_exports ADD COLUMN transfer_destination_id uuid REFERENCES transfer_destinations (id);

-- The register's records are ended, withdrawn or repealed, never edited or deleted; the log only
-- grows. The trigger's argument names the column that closes the record.
CREATE FUNCTION concerto_transfer_record_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(OLD) ->> TG_ARGV[0] IS NOT NULL THEN
    RAISE EXCEPTION 'a closed transfer record is not changed any more (SPEC PEN-13)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER transfer_destinations_final BEFORE UPDATE ON transfer_destinations
  FOR EACH ROW EXECUTE FUNCTION concerto_transfer_record_final('ended_at');
CREATE TRIGGER transfer_adequacy_assessments_final BEFORE UPDATE ON transfer_adequacy_assessments
  FOR EACH ROW EXECUTE FUNCTION concerto_transfer_record_final('withdrawn_at');
CREATE TRIGGER transfer_deny_rules_final BEFORE UPDATE ON transfer_deny_rules
  FOR EACH ROW EXECUTE FUNCTION concerto_transfer_record_final('repealed_at');

GRANT SELECT, INSERT ON transfer_adequacy_assessments, transfer_destinations, transfer_deny_rules,
  blocked_transfers TO concerto_app;
GRANT UPDATE (withdrawn_by, withdrawn_at, withdrawal_reason) ON transfer_adequacy_assessments TO concerto_app;
GRANT UPDATE (ended_by, ended_at, end_reason) ON transfer_destinations TO concerto_app;
GRANT UPDATE (repealed_by, repealed_at, repeal_reason) ON transfer_deny_rules TO concerto_app;
