-- The archive of the answers a rights desk issued (owned by src/server/modules/rights; read by
-- src/server/modules/penal-evidence; SPEC PEN-06, RGT-ACC-03).
-- L1992 art. 39 5° punishes not communicating the art. 10 §1 information within 45 days, and
-- knowingly communicating inaccurate or incomplete information. The request register keeps the
-- reception and the answer dates (migration 0023); this table keeps, for every answer document the
-- desk issued (the access answer and the reply letter, as PDF), its SHA-256, size and issue time,
-- so that the controller can later show which document went to the person and that it was not
-- changed since. The document itself is not stored again: it holds the person's data, which the
-- archive must not outlive (ARCHITECTURE §3.3); its hash does not reveal them.
CREATE TABLE rights_answer_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  part_id uuid NOT NULL REFERENCES rights_request_parts (id),
  -- The controller whose part it answers, and the desk that issued it (the office of the procureur
  -- du Roi on the prosecutor's route, bill art. 7 al. 2).
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  issuer_organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('access_answer', 'reply_letter')),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  issued_by uuid NOT NULL REFERENCES users (id),
  issued_at timestamptz NOT NULL
);
CREATE INDEX rights_answer_documents_part_idx ON rights_answer_documents (part_id, issued_at);
CREATE INDEX rights_answer_documents_controller_idx ON rights_answer_documents (controller_organisation_id);

-- Row-level security (ARCHITECTURE §3.2): the desk that issued the document records it, and the
-- controller's desk reads the archive of its parts (the rights service and the penal-evidence
-- reports set `concerto.controller_desk`, migration 0023). The Commission's inspector reads it with
-- the register of the controller's rights requests (migration 0035: SUP-03).
ALTER TABLE rights_answer_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_answer_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY rights_answer_documents_desk ON rights_answer_documents FOR SELECT TO concerto_app USING (
  controller_organisation_id = concerto_controller_desk()
  OR issuer_organisation_id = concerto_controller_desk()
  OR concerto_inspects(controller_organisation_id));
CREATE POLICY rights_answer_documents_issued ON rights_answer_documents FOR INSERT TO concerto_app WITH CHECK (
  issuer_organisation_id = concerto_controller_desk()
  AND EXISTS (SELECT 1 FROM rights_request_parts p WHERE p.id = part_id
    AND p.controller_organisation_id = rights_answer_documents.controller_organisation_id));

-- An archive: written once, never changed or deleted by the application.
GRANT SELECT, INSERT ON rights_answer_documents TO concerto_app;
