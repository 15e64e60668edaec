-- Sign-in through an OpenID Connect provider (owned by src/server/modules/auth/oidc;
-- issue 3 scope 3, ADR 0011).

-- One running authorization request per browser. The browser holds only a 256-bit random
-- value in a short-lived cookie; the row is found by SHA-256 of it, so a copy of this table
-- names no cookie. state (RFC 6749 §10.12), nonce (OIDC Core §3.1.2.1) and the PKCE verifier
-- (RFC 7636 §4.1) never leave the server. A flow is used once (consumed_at) and expires after
-- a few minutes; expired rows are deleted when a new flow starts.
CREATE TABLE oidc_flows (
  id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  state text NOT NULL CHECK (char_length(state) BETWEEN 22 AND 128),
  nonce text NOT NULL CHECK (char_length(nonce) BETWEEN 22 AND 128),
  code_verifier text NOT NULL CHECK (char_length(code_verifier) BETWEEN 43 AND 128),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  consumed_at timestamptz
);

CREATE INDEX oidc_flows_expiry_idx ON oidc_flows (expires_at);

-- Which identity of which provider is which Concerto user, bound at the first SSO login that
-- matched the user by the configured claim. Later logins follow the binding, never the claim
-- again, so a provider that reassigns an e-mail address cannot hand the account to someone
-- else. One identity per user and issuer. Nothing else about the identity is kept.
CREATE TABLE oidc_identities (
  issuer text NOT NULL CHECK (char_length(issuer) BETWEEN 1 AND 512),
  -- OIDC Core §2: at most 255 ASCII characters.
  subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
  user_id uuid NOT NULL REFERENCES users (id),
  bound_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (issuer, user_id)
);

-- A flow row is a throw-away secret: it may be deleted. A binding is never changed by the app.
GRANT SELECT, INSERT, DELETE ON oidc_flows TO concerto_app;
GRANT UPDATE (consumed_at) ON oidc_flows TO concerto_app;
GRANT SELECT, INSERT ON oidc_identities TO concerto_app;
