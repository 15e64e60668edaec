-- The notifications a court order commands (owned by src/server/modules/contested; SPEC RGT-CRT-03,
-- RGT-CRT-01).
--
-- L2007/L1992 art. 14 §6: the president may order the controller to inform the third parties to
-- which the data were communicated of a rectification, erasure or prohibition of use. The
-- controller reads every recipient of the action's items from the disclosure log (the audit log,
-- the own-file export register and the external disclosures, which outlive the items), and one row
-- per recipient keeps that it was told, under which order and its reference: the proof the order
-- was carried out.
CREATE TABLE court_order_notices (
  id uuid PRIMARY KEY,
  court_order_id uuid NOT NULL REFERENCES court_orders (id),
  -- The reference of the order to inform third parties, as it stood when the notice was made.
  order_reference text NOT NULL CHECK (length(btrim(order_reference)) > 0),
  recipient_class text NOT NULL CHECK (recipient_class IN ('co_participant_controller', 'own_file_exporter',
    'third_party', 'processor', 'inquiry_authority')),
  -- An organisation of Concerto, told by a notification; or a recipient outside Concerto, named as
  -- the controller recorded it (ROL-11), whom the controller tells by its own means.
  recipient_organisation_id uuid REFERENCES organisations (id),
  recipient_name text,
  -- The action's items the recipient received.
  item_ids uuid[] NOT NULL CHECK (cardinality(item_ids) > 0),
  notification_id uuid REFERENCES notifications (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK ((recipient_organisation_id IS NULL) <> (recipient_name IS NULL)),
  CHECK (recipient_organisation_id IS NULL OR notification_id IS NOT NULL)
);
-- A recipient is told once per order, however often the controller generates the notices.
CREATE UNIQUE INDEX court_order_notices_organisation_idx ON court_order_notices (court_order_id, recipient_organisation_id)
  WHERE recipient_organisation_id IS NOT NULL;
CREATE UNIQUE INDEX court_order_notices_name_idx ON court_order_notices (court_order_id, recipient_name)
  WHERE recipient_name IS NOT NULL;

-- Row-level security (ARCHITECTURE §3.2): like the orders (migration 0025), the controller's own
-- litigation; the recipients learn of it through their notification only.
ALTER TABLE court_order_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE court_order_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY court_order_notices_visible ON court_order_notices FOR ALL USING (
  EXISTS (SELECT 1 FROM court_orders o WHERE o.id = court_order_notices.court_order_id));

-- RGT-CRT-01 (art. 14 §1-§4): the evidence pack of a request, compiled at the controller's desk
-- (its DPO acts for no case, ROL-12), lists the court actions that follow the request: the desk
-- reads its own controller's actions and their orders.
CREATE POLICY court_actions_controller_desk ON court_actions FOR SELECT USING (
  controller_organisation_id = concerto_controller_desk());

GRANT SELECT, INSERT ON court_order_notices TO concerto_app;
