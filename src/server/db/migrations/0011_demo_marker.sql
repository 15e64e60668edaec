-- Demo databases (owned by src/server/modules/demo; issue 3 scope 11). `concerto demo` adds
-- demo identities with known passwords only to a database it created as a demo: the marker
-- row is written when the database was empty, and a database with organisations and no
-- marker is refused, so real organisations never get accounts whose secrets are printed.

-- One row at most. completed_at stays null while the demo identities are being created:
-- a run that was interrupted leaves it null, and later runs refuse rather than guess.
CREATE TABLE platform_demo (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  created_at timestamptz NOT NULL,
  completed_at timestamptz CHECK (completed_at >= created_at)
);

-- What `concerto demo --json` prints again on every run (idempotent): the generated password,
-- TOTP secret and recovery codes of each demo user, in clear, because printing them is the
-- purpose of a demo. The runtime role may write them but never read them back: only the
-- owner role (the CLI's migration connection) does, so a flaw in the web app cannot leak them.
CREATE TABLE platform_demo_logins (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  role text NOT NULL UNIQUE,
  password text NOT NULL,
  totp_secret text NOT NULL,
  recovery_codes text[] NOT NULL
);

GRANT SELECT, INSERT ON platform_demo TO concerto_app;
GRANT UPDATE (completed_at) ON platform_demo TO concerto_app;
GRANT INSERT ON platform_demo_logins TO concerto_app;
