-- The purge of a case (migration 0030, SPEC RET-01) deletes its rows; PostgreSQL then checks every
-- foreign key that points at a deleted row by looking up the referencing column. Without an index that
-- lookup reads the whole referencing table for each deleted row: items.annotates_item_id made the purge
-- of one case read every item of the installation fifty times, and the benchmark of 10,000 cases with
-- 500,000 items (bench/retention-purge.bench.ts) never ended. Every foreign key to a row deleted with
-- its case is indexed (test/retention/purge-indexes.test.ts keeps it so).
CREATE INDEX items_annotates_item_idx ON items (annotates_item_id) WHERE annotates_item_id IS NOT NULL;
CREATE INDEX person_links_subject_idx ON person_links (subject_id);
CREATE INDEX notifications_case_idx ON notifications (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX catch_all_reviews_item_idx ON catch_all_reviews (item_id);
CREATE INDEX catch_all_reviews_correction_request_idx ON catch_all_reviews (correction_request_id);
CREATE INDEX contested_marks_case_idx ON contested_marks (case_id);
CREATE INDEX correction_requests_case_idx ON correction_requests (case_id);
CREATE INDEX correction_requests_item_idx ON correction_requests (item_id);
CREATE INDEX court_order_notices_notification_idx ON court_order_notices (notification_id);
CREATE INDEX external_disclosures_case_idx ON external_disclosures (case_id);
CREATE INDEX legal_holds_item_idx ON legal_holds (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX legal_holds_person_idx ON legal_holds (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX prosecutor_list_lookups_restriction_idx ON prosecutor_list_lookups (restriction_id);
CREATE INDEX restrictions_case_idx ON restrictions (case_id);
CREATE INDEX rights_part_changes_case_idx ON rights_part_changes (case_id);
CREATE INDEX rights_part_changes_item_idx ON rights_part_changes (item_id);
CREATE INDEX rights_part_records_case_idx ON rights_part_records (case_id);
CREATE INDEX rights_recipient_notices_notification_idx ON rights_recipient_notices (notification_id);
