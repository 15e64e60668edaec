-- Secrecy undertakings (owned by src/server/modules/undertakings) and permanent
-- representatives (owned by src/server/modules/representation). History is evidence of who
-- was bound by which secrecy and when (SPEC PEN-21): the runtime role never deletes, and
-- only a representation's end is ever updated.

-- A published text, versioned per kind: the art. 458ter §2 CP secrecy (SPEC ROL-07), the
-- permanent representative's undertaking (bill art. 5 al. 2, ROL-05), or one controller's
-- awareness module (L2007 art. 16 §2 3°, SEC-09).
CREATE TABLE undertaking_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('consultation_secrecy', 'representative', 'controller_awareness')),
  -- The controller whose awareness module this is; the other kinds are platform-wide.
  organisation_id uuid REFERENCES organisations (id),
  version integer NOT NULL CHECK (version >= 1),
  -- The operator who published it (attributed in the audit log too).
  published_by uuid NOT NULL,
  published_at timestamptz NOT NULL,
  CHECK ((kind = 'controller_awareness') = (organisation_id IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (kind, organisation_id, version)
);

-- Every version exists in the four languages of the platform.
CREATE TABLE undertaking_texts (
  version_id uuid NOT NULL REFERENCES undertaking_versions (id),
  language text NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
  body text NOT NULL CHECK (body <> ''),
  PRIMARY KEY (version_id, language)
);

-- bill art. 5 al. 1 (SPEC ROL-04): an authority is represented by a permanent representative
-- for a period of civil dates (Brussels), both inclusive.
CREATE TABLE representations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL REFERENCES organisations (id),
  representative_id uuid NOT NULL REFERENCES users (id),
  designated_by uuid NOT NULL REFERENCES users (id),
  designated_at timestamptz NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  -- Set when the authority ends the designation early (by whom), or when the expiry run
  -- records the end of the period (the end has effect at valid_to in any case).
  ended_at timestamptz,
  end_reason text CHECK (end_reason IN ('ended_by_authority', 'period_over')),
  ended_by uuid REFERENCES users (id),
  CHECK (valid_to >= valid_from),
  CHECK (representative_id <> designated_by),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  CHECK (COALESCE(end_reason = 'ended_by_authority', false) = (ended_by IS NOT NULL))
);

CREATE INDEX representations_representative_idx ON representations (representative_id);

-- The persons the representative represents: members of the authority (bill art. 5 al. 3).
CREATE TABLE represented_persons (
  representation_id uuid NOT NULL REFERENCES representations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (representation_id, user_id)
);

-- Who accepted which text, in which language, when. `representation_id` binds the
-- representative's undertaking (bill art. 5 al. 2) and a represented person's
-- acknowledgement before a debrief (bill art. 5 al. 3) to that representation.
CREATE TABLE undertaking_acceptances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES undertaking_versions (id),
  user_id uuid NOT NULL REFERENCES users (id),
  language text NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
  representation_id uuid REFERENCES representations (id),
  accepted_at timestamptz NOT NULL
);

CREATE INDEX undertaking_acceptances_user_idx ON undertaking_acceptances (user_id, version_id);

-- A briefing (bill art. 5 al. 2) or debriefing (al. 3): who passed information to whom about
-- which consultation, and when. The information itself is not stored here: it belongs to the
-- case and is encrypted there (ARCHITECTURE §3 law 3); only its SHA-256, when given, is kept.
CREATE TABLE representation_briefings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  representation_id uuid NOT NULL REFERENCES representations (id),
  kind text NOT NULL CHECK (kind IN ('briefing', 'debriefing')),
  consultation_id uuid NOT NULL,
  sender_id uuid NOT NULL REFERENCES users (id),
  content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  recorded_at timestamptz NOT NULL
);

CREATE INDEX representation_briefings_representation_idx ON representation_briefings (representation_id);

CREATE TABLE representation_briefing_recipients (
  briefing_id uuid NOT NULL REFERENCES representation_briefings (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (briefing_id, user_id)
);

GRANT SELECT, INSERT ON undertaking_versions, undertaking_texts, undertaking_acceptances, representations,
  represented_persons, representation_briefings, representation_briefing_recipients TO concerto_app;
GRANT UPDATE (ended_at, end_reason, ended_by) ON representations TO concerto_app;
