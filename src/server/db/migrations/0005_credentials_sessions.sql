-- Credentials, server-side sessions and login throttling (owned by src/server/modules/auth;
-- issue 3 scope 3-4, ASVS 5.0 V6 and V7).

-- One row per local account. The password is an argon2id PHC string (ASVS V11.4.2).
-- totp_secret is stored as base32 text for now: encrypting it under a key of the
-- KeyProvider (ASVS V6.5.3 protects it like a password-equivalent) is the next step.
CREATE TABLE user_credentials (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  totp_secret text,
  -- RFC 6238 counter of the last accepted code: a code of that step or earlier is a replay.
  totp_last_step bigint,
  -- SHA-256 (hex) of each unused recovery code; a used code is removed (single use).
  recovery_code_hashes text[] NOT NULL DEFAULT '{}',
  mfa_enrolled_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A session is known only by SHA-256 of its 256-bit cookie value (ASVS V7.2.3-4): a copy of
-- this table cannot be replayed as cookies. public_id is the handle shown in "my sessions".
CREATE TABLE sessions (
  id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  public_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  -- users.session_epoch at creation: a later deactivation or role change voids the session.
  session_epoch integer NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- When the second factor was last proven (for "fresh MFA" on sensitive actions).
  mfa_at timestamptz NOT NULL,
  -- "Firefox on Linux", never the full User-Agent string (data minimisation).
  user_agent_summary text NOT NULL CHECK (char_length(user_agent_summary) <= 64),
  revoked_at timestamptz
);

CREATE INDEX sessions_open_by_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Failed logins per typed account and per client address, shared by every app instance
-- (ASVS V6.3.1). Keys are SHA-256 of the normalised e-mail or address, never the value.
CREATE TABLE login_throttle (
  scope text NOT NULL CHECK (scope IN ('account', 'address')),
  key_hash bytea NOT NULL CHECK (octet_length(key_hash) = 32),
  failures integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key_hash)
);

-- No DELETE anywhere: a credential is replaced, a session revoked, a counter reset.
GRANT SELECT, INSERT ON user_credentials, sessions, login_throttle TO concerto_app;
GRANT UPDATE (password_hash, totp_secret, totp_last_step, recovery_code_hashes, mfa_enrolled_at, updated_at)
  ON user_credentials TO concerto_app;
GRANT UPDATE (last_seen_at, revoked_at) ON sessions TO concerto_app;
GRANT UPDATE (failures, last_failure_at) ON login_throttle TO concerto_app;
