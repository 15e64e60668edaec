-- Data quality and the own-file register (owned by src/server/modules/cases and
-- src/server/modules/transfers; SPEC SEC-11, FIL-08, DAT-29).

-- DAT-29 (L2007 art. 8 §1-§2): a risk (11°) or behaviour (14°) item about litigation, suspicions,
-- prosecutions or convictions for offences, administrative sanctions or security measures records
-- the exception of art. 8 §2 and is shown only to persons designated for judicial data (C09), a
-- rule the service reads from this column in clear, as it reads the category. Category 9 holds
-- such data by nature; no other category is flagged. Items that existed before are not flagged.
ALTER TABLE items ADD COLUMN criminal_related boolean NOT NULL DEFAULT false
  CHECK (NOT criminal_related OR category IN ('C11', 'C14'));
-- Each version keeps its flag, so that an earlier criminal-related version stays behind the
-- designation after an edit withdrew the flag (SPEC DAT-19), as for reveals_sensitive (0019).
ALTER TABLE item_versions ADD COLUMN criminal_related boolean NOT NULL DEFAULT false;
GRANT UPDATE (criminal_related) ON items TO concerto_app;

-- SEC-11: the review reminders and the erasure reviews are derived from last_verified_at,
-- created_at and blocked_at of the controller's items; these indexes serve the dashboard's list.
CREATE INDEX items_review_idx ON items (controller_organisation_id, (coalesce(last_verified_at, created_at)))
  WHERE erased_at IS NULL AND blocked_at IS NULL;
CREATE INDEX items_erasure_review_idx ON items (controller_organisation_id, blocked_at)
  WHERE blocked_reason = 'unlawfully_obtained' AND erased_at IS NULL;

-- SEC-11: an erasure review past its deadline alerts the controller's DPOs once per blocking. The
-- alert is dated at the instant the deadline passed, so raising it again (on every read of the
-- organisation's reviews) finds it there and writes nothing.
CREATE UNIQUE INDEX notifications_erasure_review_overdue_once ON notifications (organisation_id, subject_id, created_at)
  WHERE kind = 'erasure_review_overdue';

-- FIL-08: what each 'exported_item_changed' notification told the exporting organisation about the
-- item. The notification carries to whom, when, and its acknowledgement (who, when); the export
-- register shows each change after an export of the item with that acknowledgement.
CREATE TABLE exported_item_notices (
  notification_id uuid PRIMARY KEY REFERENCES notifications (id),
  item_id uuid NOT NULL REFERENCES items (id),
  change text NOT NULL CHECK (change IN ('rectified', 'erased', 'blocked', 'contested'))
);
CREATE INDEX exported_item_notices_item_idx ON exported_item_notices (item_id);

-- Seen by those who see the item (the exporter and the controller are in the case's audience).
ALTER TABLE exported_item_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE exported_item_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY exported_item_notices_visible ON exported_item_notices FOR ALL USING (
  EXISTS (SELECT 1 FROM items i WHERE i.id = exported_item_notices.item_id));
GRANT SELECT, INSERT ON exported_item_notices TO concerto_app;
