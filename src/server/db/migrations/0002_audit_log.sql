-- The tamper-evident audit log (ARCHITECTURE §3, law 4): the leaves of an RFC 9162 Merkle
-- tree, the tree's perfect subtrees, one sequencer and the signed checkpoints.
-- The runtime role may read everything but writes events only through audit_append(), so
-- it can neither rewrite history nor bypass the sequencer.

-- One row per event, position = leaf index. `payload` is the canonical JSON that was
-- hashed, and the only column `audit verify` trusts; the query columns are copied from it
-- by audit_append, for reviews that must not scan the whole log.
CREATE TABLE audit_events (
  position bigint PRIMARY KEY CHECK (position >= 0),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  payload text NOT NULL,
  leaf_hash bytea NOT NULL CHECK (octet_length(leaf_hash) = 32),
  action text NOT NULL,
  actor_user_id text,
  actor_organisation_id text,
  case_id text
);

-- The DPO reviews the log per case and per user (SPEC ROL-12).
CREATE INDEX audit_events_case_idx ON audit_events (case_id, position) WHERE case_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, position) WHERE actor_user_id IS NOT NULL;

-- Hash of every complete perfect subtree: 2^level leaves starting at leaf idx·2^level
-- (level 0 = the leaf hashes). Written once, when its last leaf is appended; any root or
-- proof is then O(log n) of these rows.
CREATE TABLE audit_nodes (
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
  idx bigint NOT NULL CHECK (idx >= 0),
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (level, idx)
);

-- The sequencer: one row whose lock every append takes, so positions are gapless and an
-- append that rolls back leaves nothing behind.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  size bigint NOT NULL CHECK (size >= 0)
);
INSERT INTO audit_head (singleton, size) VALUES (true, 0);

-- Signed tree heads: `note` is the whole C2SP signed note, as exported.
CREATE TABLE audit_checkpoints (
  size bigint PRIMARY KEY CHECK (size > 0),
  root bytea NOT NULL CHECK (octet_length(root) = 32),
  note text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Appends the payloads in order at consecutive positions and returns the first one (a
-- scalar: cheaper than a set). One round trip per call; the head row stays locked until
-- the caller's transaction ends, which is what makes the positions gapless — record the
-- audit events last in a service transaction.
CREATE FUNCTION audit_append(payloads text[]) RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  first_position bigint;
  entry text;
  fields jsonb;
  next_position bigint;
  node bytea;
  node_level smallint;
  node_idx bigint;
BEGIN
  IF payloads IS NULL OR cardinality(payloads) = 0 THEN
    RAISE EXCEPTION 'audit_append: no payloads' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE audit_head SET size = size + cardinality(payloads)
    RETURNING size - cardinality(payloads) INTO first_position;
  next_position := first_position;
  FOREACH entry IN ARRAY payloads LOOP
    IF entry IS NULL THEN
      RAISE EXCEPTION 'audit_append: null payload' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    fields := entry::jsonb;
    -- RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ entry).
    node := sha256('\x00'::bytea || convert_to(entry, 'UTF8'));
    INSERT INTO audit_events (position, payload, leaf_hash, action, actor_user_id, actor_organisation_id, case_id)
      VALUES (next_position, entry, node, fields ->> 'action', fields -> 'actor' ->> 'userId',
              fields -> 'actor' ->> 'organisationId', fields ->> 'caseId');
    INSERT INTO audit_nodes (level, idx, hash) VALUES (0, next_position, node);
    -- Each right child completes its parent: node = SHA-256(0x01 ‖ left ‖ right).
    node_level := 0;
    node_idx := next_position;
    WHILE node_idx % 2 = 1 LOOP
      SELECT sha256('\x01'::bytea || n.hash || node) INTO STRICT node
        FROM audit_nodes n WHERE n.level = node_level AND n.idx = node_idx - 1;
      node_level := node_level + 1;
      node_idx := node_idx / 2;
      INSERT INTO audit_nodes (level, idx, hash) VALUES (node_level, node_idx, node);
    END LOOP;
    next_position := next_position + 1;
  END LOOP;
  RETURN first_position;
END
$$;

REVOKE ALL ON FUNCTION audit_append(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(text[]) TO concerto_app;

-- Read-only for the runtime role; no UPDATE, DELETE or TRUNCATE for anyone but the owner.
GRANT SELECT ON audit_events, audit_nodes, audit_head TO concerto_app;
-- Any app instance may issue a checkpoint (the schedule runs in every instance).
GRANT SELECT, INSERT ON audit_checkpoints TO concerto_app;
