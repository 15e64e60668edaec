-- Wrapped data keys of the envelope encryption (ARCHITECTURE §3.3, owned by kernel/crypto).
-- One scope (a case) has data keys 1..n; the highest encrypts, every one still decrypts.
-- Only the wrapped form is stored: without the scope's key-encryption key in the key
-- provider these rows are useless, which is what makes crypto-shredding reach backups.
CREATE TABLE data_keys (
  scope text NOT NULL CHECK (scope <> ''),
  key_id integer NOT NULL CHECK (key_id > 0),
  -- Version of the provider's key-encryption key that wrapped this data key.
  key_version integer NOT NULL CHECK (key_version > 0),
  wrapped text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key_id)
);

-- No UPDATE: a data key never changes once written. DELETE is crypto-shredding of a scope.
GRANT SELECT, INSERT, DELETE ON data_keys TO concerto_app;
