-- MFA: TOTP secrets encrypted at rest, first-login enrolment sessions and WebAuthn passkeys
-- (owned by src/server/modules/auth; issue 3 scope 3-4, SPEC SEC-01/SEC-02, ASVS 5.0 V6, V7).

-- 1. TOTP secrets become envelope ciphertexts (kernel/crypto/envelope.ts, scope
-- `platform:credentials`, AAD bound to the user): a copy of the database alone yields no
-- secret, so no future code. A secret stored in clear by 0005 cannot be encrypted here (the
-- key is in the key provider, not in PostgreSQL), and converting it would drop a factor the
-- user relies on: the migration stops instead and tells the operator, who decides to clear
-- those secrets (the users then enrol again at their next login) and runs it again.
DO $$
DECLARE
  clear_secrets bigint;
BEGIN
  SELECT count(*) INTO clear_secrets FROM user_credentials WHERE totp_secret IS NOT NULL;
  IF clear_secrets > 0 THEN
    RAISE EXCEPTION '% account(s) hold a TOTP secret in clear. Clear them with '
      '"UPDATE user_credentials SET totp_secret = NULL, totp_last_step = NULL, mfa_enrolled_at = NULL '
      'WHERE totp_secret IS NOT NULL" (those users enrol again at their next login), then migrate again.',
      clear_secrets;
  END IF;
END
$$;

ALTER TABLE user_credentials ALTER COLUMN totp_secret TYPE bytea USING NULL;
-- The secret shown at enrolment, until the user proves with a code that the authenticator has it.
ALTER TABLE user_credentials ADD COLUMN pending_totp_secret bytea;

-- 2. A user without MFA who gives the right password gets an enrolment session: it reaches
-- only GET /api/session, logout and the enrolment routes (SPEC SEC-01: MFA for every account),
-- and has no second factor yet (mfa_at null). Completing enrolment replaces it by a full
-- session with a new id (ASVS V7.2.4).
ALTER TABLE sessions ADD COLUMN purpose text NOT NULL DEFAULT 'full'
  CHECK (purpose IN ('full', 'mfa_enrolment'));
ALTER TABLE sessions ALTER COLUMN mfa_at DROP NOT NULL;
ALTER TABLE sessions ADD CONSTRAINT sessions_full_has_mfa CHECK ((purpose = 'full') = (mfa_at IS NOT NULL));

-- 3. WebAuthn passkeys (W3C WebAuthn Level 2). Only public material: the credential id, the
-- COSE public key and the signature counter, which detects a cloned authenticator (§6.1.1).
CREATE TABLE passkeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  -- WebAuthn §4 "Credential ID": at least 16 bytes, at most 1023.
  credential_id bytea NOT NULL UNIQUE CHECK (octet_length(credential_id) BETWEEN 16 AND 1023),
  public_key bytea NOT NULL CHECK (octet_length(public_key) BETWEEN 1 AND 4096),
  counter bigint NOT NULL CHECK (counter >= 0),
  transports text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);

CREATE INDEX passkeys_by_user_idx ON passkeys (user_id);

-- One challenge per WebAuthn ceremony, used once and only before it expires (§13.4.3). Known
-- by SHA-256 of the challenge. A login challenge is issued only after the right password and
-- binds that user; a registration or step-up challenge binds the session that asked for it.
CREATE TABLE webauthn_challenges (
  challenge_hash bytea PRIMARY KEY CHECK (octet_length(challenge_hash) = 32),
  purpose text NOT NULL CHECK (purpose IN ('login', 'registration', 'step_up')),
  user_id uuid NOT NULL REFERENCES users (id),
  session_id_hash bytea REFERENCES sessions (id_hash),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  used_at timestamptz,
  CHECK ((purpose = 'login') = (session_id_hash IS NULL))
);

-- No DELETE: a passkey is kept with its history, a challenge ends by use or expiry.
GRANT UPDATE (pending_totp_secret) ON user_credentials TO concerto_app;
GRANT SELECT, INSERT ON passkeys, webauthn_challenges TO concerto_app;
GRANT UPDATE (counter, last_used_at) ON passkeys TO concerto_app;
GRANT UPDATE (used_at) ON webauthn_challenges TO concerto_app;
