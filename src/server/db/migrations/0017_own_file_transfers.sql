-- Own-file transfers (owned by src/server/modules/transfers; issue 4 scope 6; bill art. 4;
-- SPEC FIL-05..09, PUR-02, PUR-05, PUR-06, SEC-14): a participant asks to copy items of the shared
-- file into its own file, with a purpose code and why the shared file is not enough; the
-- controller of each item agrees or not; approved items leave as JSON and PDF, each export
-- recorded (the export register of FIL-08) and audited as a disclosure.

CREATE TABLE own_file_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  requester_organisation_id uuid NOT NULL REFERENCES organisations (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  -- PUR-05: one of the case's purposes (CP art. 458ter §1 al. 2).
  purpose text NOT NULL CHECK (purpose IN ('P1', 'P2', 'P3')),
  -- bill art. 4 al. 1 1°: why recording in the shared file is not enough (encrypted).
  justification bytea NOT NULL,
  created_at timestamptz NOT NULL,
  -- PUR-06: a second member of the requesting organisation approves, when the framework says so.
  four_eyes_by uuid REFERENCES users (id),
  four_eyes_at timestamptz,
  -- FIL-06: the requester attests that in its own file only persons who took part in the
  -- consultation, or their representatives, will access the data (bill art. 4 al. 2, NL reading).
  attested_by uuid REFERENCES users (id),
  attested_at timestamptz,
  -- FIL-09: another period set by the participant's organic law, with its citation (bill art. 4 al. 5).
  retention_override_months integer CHECK (retention_override_months > 0),
  retention_override_citation text,
  CHECK ((four_eyes_at IS NULL) = (four_eyes_by IS NULL)),
  CHECK ((attested_at IS NULL) = (attested_by IS NULL)),
  CHECK ((retention_override_months IS NULL) = (retention_override_citation IS NULL)),
  CHECK (four_eyes_by IS DISTINCT FROM requested_by)
);
CREATE INDEX own_file_transfers_case_idx ON own_file_transfers (case_id);
CREATE INDEX own_file_transfers_requester_idx ON own_file_transfers (requester_organisation_id, created_at DESC);

-- bill art. 4 al. 1 2°: the participant that shared each item agrees, or not.
CREATE TABLE own_file_transfer_items (
  transfer_id uuid NOT NULL REFERENCES own_file_transfers (id),
  item_id uuid NOT NULL REFERENCES items (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'refused')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  PRIMARY KEY (transfer_id, item_id),
  CHECK ((decision = 'pending') = (decided_at IS NULL)),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL))
);
CREATE INDEX own_file_transfer_items_controller_idx ON own_file_transfer_items (controller_organisation_id)
  WHERE decision = 'pending';
CREATE INDEX own_file_transfer_items_item_idx ON own_file_transfer_items (item_id);

-- FIL-08: the export register. Each download of an approved transfer: who, when, which items,
-- in which format, and the SHA-256 of the file (a leaked copy can be matched to its export).
CREATE TABLE own_file_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transfer_id uuid NOT NULL REFERENCES own_file_transfers (id),
  format text NOT NULL CHECK (format IN ('json', 'pdf')),
  item_ids uuid[] NOT NULL CHECK (cardinality(item_ids) >= 1),
  exported_by uuid NOT NULL REFERENCES users (id),
  exported_at timestamptz NOT NULL,
  sha256 text NOT NULL
);
CREATE INDEX own_file_exports_transfer_idx ON own_file_exports (transfer_id);
CREATE INDEX own_file_exports_items_idx ON own_file_exports USING gin (item_ids);

-- Row-level security: the case's audience (the requester and the controllers are in it).
ALTER TABLE own_file_transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE own_file_transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY own_file_transfers_visible ON own_file_transfers FOR ALL USING (EXISTS (
  SELECT 1 FROM case_audience a
  WHERE a.case_id = own_file_transfers.case_id AND a.organisation_id = ANY (concerto_acting_organisations())));
ALTER TABLE own_file_transfer_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE own_file_transfer_items FORCE ROW LEVEL SECURITY;
CREATE POLICY own_file_transfer_items_visible ON own_file_transfer_items FOR ALL USING (
  EXISTS (SELECT 1 FROM own_file_transfers t WHERE t.id = own_file_transfer_items.transfer_id));
ALTER TABLE own_file_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE own_file_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY own_file_exports_visible ON own_file_exports FOR ALL USING (
  EXISTS (SELECT 1 FROM own_file_transfers t WHERE t.id = own_file_exports.transfer_id));

GRANT SELECT, INSERT ON own_file_transfers, own_file_transfer_items, own_file_exports TO concerto_app;
GRANT UPDATE (four_eyes_by, four_eyes_at, attested_by, attested_at, retention_override_months,
  retention_override_citation) ON own_file_transfers TO concerto_app;
GRANT UPDATE (decision, decided_by, decided_at) ON own_file_transfer_items TO concerto_app;
