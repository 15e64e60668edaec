-- What an information item reveals of the sensitive data the 1992 text of art. 6 al. 1 adds to the
-- bill's special categories (SPEC DAT-23): mutual-health-fund membership and political,
-- philosophical or religious activities; and trade-union membership (L1992 art. 6 al. 1, L2007
-- art. 6 §1; SPEC DAT-22), which has no category of its own. Declaring one makes the item special:
-- its content is shown only to persons designated for beliefs (C13), a rule the service reads
-- from this column in clear, as it reads the category and the genetic/biometric flag. Items that
-- existed before reveal nothing of it, and keep their behaviour.
ALTER TABLE items ADD COLUMN reveals_sensitive text[] NOT NULL DEFAULT '{}'
  CHECK (reveals_sensitive <@ ARRAY['mutual_fund_membership', 'trade_union_membership', 'political_activities',
    'philosophical_activities', 'religious_activities']::text[]);

-- Each version keeps what it declared, so that an earlier version that revealed such data stays
-- behind the designation after an edit withdrew the declaration (SPEC DAT-19).
ALTER TABLE item_versions ADD COLUMN reveals_sensitive text[] NOT NULL DEFAULT '{}'
  CHECK (reveals_sensitive <@ ARRAY['mutual_fund_membership', 'trade_union_membership', 'political_activities',
    'philosophical_activities', 'religious_activities']::text[]);

-- The controller changes the declaration with the item (ROL-09); versions are inserted, never changed.
GRANT UPDATE (reveals_sensitive) ON items TO concerto_app;
