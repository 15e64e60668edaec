-- The contested-data marking and the court actions of the rights of the persons (owned by
-- src/server/modules/contested; issue 5; SPEC RGT-CON-01..04, RGT-CRT-01, RGT-CRT-03, A-22).
--
-- L2007/L1992 art. 15: from receipt of a request to rectify, erase or prohibit the use of personal
-- data, or from notification of the court action of art. 14, until a decision is res judicata, the
-- controller indicates in every communication of the data that it is contested. A mark is one row
-- per item, cause and reference (the rights request or the court action); the item is contested
-- while one of its marks stands.

-- RGT-CRT-01 (art. 14 §1-§4): a court action notified to the controller, concerning items it
-- controls. The court and the roll number are encrypted under the case's data key (they point to
-- litigation about a person); the notification instant, in clear, starts the marks (art. 15).
CREATE TABLE court_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- FIL-02: the controller of the items concerned, which the action is brought against.
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- art. 14 §1: what the claim asks (2007: objection added).
  claim text NOT NULL CHECK (claim IN ('access', 'rectification', 'erasure', 'prohibition', 'objection')),
  -- Encrypted: {court, rollNumber}.
  details bytea NOT NULL,
  notified_at timestamptz NOT NULL,
  -- The rights request the action follows (art. 14 §5), when it was recorded in Concerto. A plain
  -- uuid: the requests of issue 5 (migration 0023) are written at the same time as this module.
  rights_request_id uuid,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX court_actions_case_idx ON court_actions (case_id, notified_at);

-- RGT-CRT-01, RGT-CRT-03 (art. 14 §2 al. 2, §6): the orders of the president; an order may tell the
-- controller to inform the third parties the data were communicated to: its reference is what the
-- notifications generated for it carry. The content summary is encrypted under the case key.
CREATE TABLE court_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  court_action_id uuid NOT NULL REFERENCES court_actions (id),
  ordered_on date NOT NULL,
  reference text NOT NULL CHECK (length(btrim(reference)) > 0),
  summary bytea NOT NULL,
  inform_third_parties_reference text CHECK (length(btrim(inform_third_parties_reference)) > 0),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX court_orders_action_idx ON court_orders (court_action_id, ordered_on);

-- RGT-CON-01, RGT-CON-03: the marks. started_at is the receipt of the request or the notification
-- of the action (art. 15 "dès la réception" / "dès la notification"), never the time it was typed.
CREATE TABLE contested_marks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  cause text NOT NULL CHECK (cause IN ('rectification_request', 'erasure_request', 'prohibition_request',
    'court_action')),
  -- The rights request id, or the court action id (cause court_action).
  reference uuid NOT NULL,
  started_at timestamptz NOT NULL,
  set_by uuid NOT NULL REFERENCES users (id),
  set_at timestamptz NOT NULL,
  -- RGT-CON-03 / SPEC A-22: the end event, recorded by an authorised user on a basis.
  cleared_at timestamptz,
  cleared_by uuid REFERENCES users (id),
  clear_basis text CHECK (clear_basis IN ('final_judgment', 'request_executed', 'request_withdrawn')),
  clear_reference text CHECK (length(btrim(clear_reference)) > 0),
  clear_date date,
  res_judicata_confirmed boolean NOT NULL DEFAULT false,
  -- A clearance has its author, its basis and the day of its end event; nothing of it without one.
  CHECK ((cleared_at IS NULL) = (cleared_by IS NULL)),
  CHECK ((cleared_at IS NULL) = (clear_basis IS NULL)),
  CHECK ((cleared_at IS NULL) = (clear_date IS NULL)),
  CHECK (cleared_at IS NOT NULL OR (clear_reference IS NULL AND NOT res_judicata_confirmed)),
  -- art. 15 "jusqu'à ce qu'une décision soit coulée en force de chose jugée": a judgment ends the
  -- mark only with its reference, its date and the confirmation that it is res judicata.
  CHECK (clear_basis IS DISTINCT FROM 'final_judgment' OR (clear_reference IS NOT NULL AND res_judicata_confirmed)),
  -- A court action is not ended by executing a request: by its judgment, or its withdrawal.
  CHECK (cause <> 'court_action' OR clear_basis IS DISTINCT FROM 'request_executed')
);
-- One standing mark per item, cause and reference: registering the same request twice marks once.
CREATE UNIQUE INDEX contested_marks_standing_idx ON contested_marks (item_id, cause, reference)
  WHERE cleared_at IS NULL;
-- The case view reads the standing marks of the case's items in one query.
CREATE INDEX contested_marks_item_idx ON contested_marks (item_id) WHERE cleared_at IS NULL;
CREATE INDEX contested_marks_reference_idx ON contested_marks (reference);

-- RGT-CON-04 (L1992 art. 38 punishes a breach of art. 15): each export of the register (FIL-08)
-- keeps which of its items were shown as contested in it, the evidence that the flag was rendered.
ALTER TABLE own_file_exports
  ADD COLUMN contested_item_ids uuid[] NOT NULL DEFAULT '{}' CHECK (contested_item_ids <@ item_ids);

-- Row-level security (ARCHITECTURE §3.2): a mark follows its item, as item_versions do (migration
-- 0016), so every reader of the item sees that it is contested (art. 15, every communication). The
-- court actions and orders are the controller's: litigation about a person is not the other
-- participants' to know; they see the mark with its cause.
ALTER TABLE contested_marks ENABLE ROW LEVEL SECURITY;
ALTER TABLE contested_marks FORCE ROW LEVEL SECURITY;
CREATE POLICY contested_marks_visible ON contested_marks FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = contested_marks.item_id));

ALTER TABLE court_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE court_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY court_actions_of_controller ON court_actions FOR ALL USING (
  controller_organisation_id = ANY (concerto_acting_organisations()) AND EXISTS (
    SELECT 1 FROM case_audience a
    WHERE a.case_id = court_actions.case_id AND a.organisation_id = court_actions.controller_organisation_id));
ALTER TABLE court_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE court_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY court_orders_visible ON court_orders FOR ALL USING (
  EXISTS (SELECT 1 FROM court_actions c WHERE c.id = court_orders.court_action_id));

GRANT SELECT, INSERT ON contested_marks, court_actions, court_orders TO concerto_app;
GRANT UPDATE (cleared_at, cleared_by, clear_basis, clear_reference, clear_date, res_judicata_confirmed)
  ON contested_marks TO concerto_app;
