-- Invitations of new users (owned by src/server/modules/invitations; issue 3 scope 2,
-- ASVS 5.0 V6.4.1: a single-use, time-limited activation secret).

-- Only SHA-256 of the 32-byte random token is stored: a copy of this table cannot be
-- redeemed. An invitation ends by redemption or revocation, never by deletion.
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  redeemed_at timestamptz,
  revoked_at timestamptz,
  CHECK (redeemed_at IS NULL OR revoked_at IS NULL)
);

CREATE INDEX invitations_open_by_user_idx ON invitations (user_id)
  WHERE redeemed_at IS NULL AND revoked_at IS NULL;

-- No DELETE; only the end of an invitation is ever written after its creation.
GRANT SELECT, INSERT ON invitations TO concerto_app;
GRANT UPDATE (redeemed_at, revoked_at) ON invitations TO concerto_app;
