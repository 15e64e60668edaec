-- The organiser's review of catch-all items (owned by src/server/modules/cases; bill art. 2 §2
-- al. 1 16°; SPEC DAT-16, PUR-04): "other data necessary to achieve the objective of the case
-- consultation" carry a necessity justification that the organiser of the case reviews. Each
-- review keeps the item version it looked at, so a later change calls for another review; a
-- review asking the controller to correct the item names the correction request it sent
-- (ROL-09, migration 0016). The decision list mirrors src/contracts/minimisation.ts.
CREATE TABLE catch_all_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  item_id uuid NOT NULL REFERENCES items (id),
  item_version integer NOT NULL CHECK (item_version >= 1),
  -- The organiser organisation that reviewed.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  decision text NOT NULL CHECK (decision IN ('kept', 'correction_requested')),
  -- Encrypted under the case key: why an item is or is not necessary may tell what it holds.
  reason bytea NOT NULL,
  correction_request_id uuid REFERENCES correction_requests (id),
  reviewed_by uuid NOT NULL REFERENCES users (id),
  reviewed_at timestamptz NOT NULL,
  CHECK ((decision = 'correction_requested') = (correction_request_id IS NOT NULL))
);
CREATE INDEX catch_all_reviews_case_idx ON catch_all_reviews (case_id, item_id, reviewed_at DESC);

-- Row-level security: a review is its organiser's, of an item it sees (the subquery applies the
-- items' policy of migration 0016), written while it is the organiser of the case.
ALTER TABLE catch_all_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE catch_all_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY catch_all_reviews_visible ON catch_all_reviews FOR SELECT USING (
  organisation_id = ANY (concerto_acting_organisations())
  AND EXISTS (SELECT 1 FROM items i WHERE i.id = catch_all_reviews.item_id AND i.case_id = catch_all_reviews.case_id));
CREATE POLICY catch_all_reviews_written_by_organiser ON catch_all_reviews FOR INSERT WITH CHECK (
  organisation_id = ANY (concerto_acting_organisations())
  AND EXISTS (SELECT 1 FROM case_audience a WHERE a.case_id = catch_all_reviews.case_id
    AND a.organisation_id = catch_all_reviews.organisation_id AND a.relation = 'organiser')
  AND EXISTS (SELECT 1 FROM items i WHERE i.id = catch_all_reviews.item_id AND i.case_id = catch_all_reviews.case_id));

-- Reviews are recorded, never changed: a new review follows the last one.
GRANT SELECT, INSERT ON catch_all_reviews TO concerto_app;
