-- The supervisory authority's dealings with a controller (owned by src/server/modules/supervision;
-- SPEC SUP-01..SUP-05, PEN-14, PEN-22) and the court's prohibition from managing a processing
-- (owned by src/server/modules/prohibitions; SPEC PEN-17, PEN-18).
--
-- A controller's supervisory cases: the complaints the Commission forwards (L1992 art. 31 §1, §3),
-- its correspondence, the minutes of a settlement (art. 31 §3), its opinions and recommendations
-- (arts 30-31) and the actions the controller takes on them, with their due dates; the
-- controller's position asked before a recommendation (art. 30 §2). The Commission's references
-- and the dates are in clear (they name files of the Commission, not persons); what the letters
-- say, the documents and the actions' texts may describe the complainant: they are encrypted
-- under the supervisory case's own data key (scope `supervision:<id>`, ARCHITECTURE §3.3), so
-- that they are shredded with it and never with a shared file.
CREATE TABLE supervisory_cases (
  id uuid PRIMARY KEY,
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  commission_reference text NOT NULL CHECK (commission_reference <> ''),
  -- complaint: a signed and dated complaint the Commission examines (art. 31 §1); recommendation: a
  -- recommendation it considers addressing to the controller (art. 30); inspection: an on-site
  -- examination (art. 32 §1); other: any other dealing (a request for information, art. 32 §1 al. 3).
  origin text NOT NULL CHECK (origin IN ('complaint', 'recommendation', 'inspection', 'other')),
  -- The date of the Commission's letter that opened it.
  opened_on date NOT NULL,
  -- Encrypted: the subject as the Commission put it.
  subject bytea NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'closed')),
  -- How it ended: a settlement in minutes or an opinion (art. 31 §3), a recommendation the controller
  -- followed (art. 30), a complaint the Commission found inadmissible (art. 31 §3), or withdrawn.
  closure text CHECK (closure IN ('settled', 'opinion', 'recommendation_followed', 'inadmissible', 'withdrawn')),
  closed_by uuid REFERENCES users (id),
  closed_at timestamptz,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (controller_organisation_id, commission_reference),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
  CHECK ((closed_at IS NULL) = (closure IS NULL))
);
CREATE INDEX supervisory_cases_controller_idx ON supervisory_cases (controller_organisation_id, state);

-- What passed between the Commission and the controller, in date order (SUP-01): the complaint as
-- forwarded, letters both ways, the settlement minutes, the opinion, the recommendation, the
-- decision. The summary and the document are encrypted; the document's type and hash are not.
CREATE TABLE supervisory_entries (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES supervisory_cases (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('complaint', 'letter_received', 'letter_sent', 'settlement_minutes',
    'opinion', 'recommendation', 'decision')),
  dated_on date NOT NULL,
  summary bytea NOT NULL,
  document bytea,
  document_media_type text CHECK (document_media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  document_sha256 text,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK ((document IS NULL) = (document_media_type IS NULL)),
  CHECK ((document IS NULL) = (document_sha256 IS NULL))
);
CREATE INDEX supervisory_entries_case_idx ON supervisory_entries (case_id, dated_on, recorded_at);

-- What the controller does about an opinion, a recommendation or a settlement, by when (SUP-01):
-- open until a named member of the controller's DPO office records it done.
CREATE TABLE supervisory_actions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES supervisory_cases (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- The entry it answers (a recommendation, an opinion, the minutes), when there is one.
  entry_id uuid REFERENCES supervisory_entries (id),
  description bytea NOT NULL,
  due_on date NOT NULL,
  done_by uuid REFERENCES users (id),
  done_at timestamptz,
  -- Encrypted: what was done.
  done_note bytea,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK ((done_at IS NULL) = (done_by IS NULL)),
  CHECK ((done_at IS NULL) = (done_note IS NULL))
);
CREATE INDEX supervisory_actions_open_idx ON supervisory_actions (controller_organisation_id, due_on)
  WHERE done_at IS NULL;

-- SUP-02 (L1992 art. 30 §2): before addressing a recommendation to a controller the Commission lets
-- it make its point of view known, by the deadline it sets; the controller's submitted document and
-- the day it was sent are kept.
CREATE TABLE supervisory_positions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES supervisory_cases (id),
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  invited_on date NOT NULL,
  deadline_on date NOT NULL,
  submitted_on date,
  document bytea,
  document_media_type text CHECK (document_media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  document_sha256 text,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK (deadline_on >= invited_on),
  CHECK (submitted_on IS NULL OR submitted_on >= invited_on),
  CHECK ((submitted_on IS NULL) = (document IS NULL)),
  CHECK ((submitted_on IS NULL) = (document_media_type IS NULL)),
  CHECK ((submitted_on IS NULL) = (document_sha256 IS NULL)),
  CHECK ((submitted_on IS NULL) = (submitted_by IS NULL)),
  CHECK ((submitted_on IS NULL) = (submitted_at IS NULL))
);
CREATE INDEX supervisory_positions_case_idx ON supervisory_positions (case_id, invited_on);

-- SUP-03 (L1992 art. 32 §1): the controller's DPO grants a member or expert of the Commission an
-- inspector account, read-only and for a period, the day the Commission asks (PEN-14: preventing
-- the verifications is an offence, art. 39 13°). `requested_at` is when the request arrived,
-- `granted_at` when the account was made. The account is a user of the controller holding the
-- inspector role only; its confidentiality duty (art. 33, PEN-22) is shown and acknowledged before
-- anything is read.
CREATE TABLE inspector_grants (
  id uuid PRIMARY KEY,
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  inspector_user_id uuid NOT NULL REFERENCES users (id),
  commission_reference text NOT NULL CHECK (commission_reference <> ''),
  supervisory_case_id uuid REFERENCES supervisory_cases (id),
  requested_at timestamptz NOT NULL,
  granted_by uuid NOT NULL REFERENCES users (id),
  granted_at timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  notice_acknowledged_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  -- When the account was closed at the end of the period (by the daily job, or by the revocation).
  closed_at timestamptz,
  CHECK (requested_at <= granted_at),
  CHECK (valid_until > granted_at),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX inspector_grants_inspector_idx ON inspector_grants (inspector_user_id, granted_at);
CREATE INDEX inspector_grants_controller_idx ON inspector_grants (controller_organisation_id, granted_at);

-- The inspector role (SUP-03): granted by a controller's DPO for a period, never with another role.
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (
  cardinality(roles) >= 1
  AND roles <@ ARRAY['operator', 'organiser', 'participant', 'prosecutor', 'dpo', 'representative', 'inspector']
  AND (NOT ('operator' = ANY (roles)) OR cardinality(roles) = 1)
  AND (NOT ('inspector' = ANY (roles)) OR cardinality(roles) = 1)
);

-- SUP-05 (L1992 art. 10 §2 al. 2): in exceptional cases or when the data changed, the Commission may
-- impose on a controller a shorter interval than twelve months between the access requests of one
-- person. The person is named by the blind indexes of the request it was recorded from, never in clear.
CREATE TABLE commission_repeat_instructions (
  id uuid PRIMARY KEY,
  controller_organisation_id uuid NOT NULL REFERENCES organisations (id),
  nrn_index bytea,
  name_dob_index bytea,
  commission_reference text NOT NULL CHECK (commission_reference <> ''),
  issued_on date NOT NULL,
  -- The interval the Commission imposes, in months; 0: every request of the person is answered.
  interval_months integer NOT NULL CHECK (interval_months >= 0),
  part_id uuid NOT NULL REFERENCES rights_request_parts (id),
  supervisory_case_id uuid REFERENCES supervisory_cases (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK (nrn_index IS NOT NULL OR name_dob_index IS NOT NULL)
);
CREATE INDEX commission_repeat_instructions_nrn_idx ON commission_repeat_instructions (controller_organisation_id, nrn_index)
  WHERE nrn_index IS NOT NULL;
CREATE INDEX commission_repeat_instructions_name_dob_idx
  ON commission_repeat_instructions (controller_organisation_id, name_dob_index) WHERE name_dob_index IS NOT NULL;

-- Row-level security (ARCHITECTURE §3.2). A DPO acts for no case (SPEC ROL-12), so the controller's
-- DPO is recognised by its user row (concerto_is_dpo_of, migration 0026). An inspector reads the
-- records of the controller that granted it an account (concerto_inspects): the period is judged by
-- the access module with the injected clock, the policy only holds it to a grant not revoked. The
-- check reads the grants themselves, which the inspector also reads through it: a SECURITY DEFINER
-- function owned by a role whose only privilege is this read keeps the policies from recursing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_inspection_check') THEN
    CREATE ROLE concerto_inspection_check NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_inspection_check TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_inspection_check;
GRANT SELECT (inspector_user_id, controller_organisation_id, revoked_at) ON inspector_grants TO concerto_inspection_check;

CREATE FUNCTION concerto_inspects(organisation uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM inspector_grants g
    WHERE g.inspector_user_id = NULLIF(current_setting('concerto.user_id', true), '')::uuid
      AND g.controller_organisation_id = organisation AND g.revoked_at IS NULL)
$$;
GRANT CREATE ON SCHEMA public TO concerto_inspection_check;
ALTER FUNCTION concerto_inspects(uuid) OWNER TO concerto_inspection_check;
REVOKE CREATE ON SCHEMA public FROM concerto_inspection_check;
REVOKE ALL ON FUNCTION concerto_inspects(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_inspects(uuid) TO concerto_app;

ALTER TABLE inspector_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE inspector_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY inspector_grants_check ON inspector_grants FOR SELECT TO concerto_inspection_check USING (true);
CREATE POLICY inspector_grants_dpo ON inspector_grants FOR ALL TO concerto_app
  USING (concerto_is_dpo_of(controller_organisation_id)) WITH CHECK (concerto_is_dpo_of(controller_organisation_id));
-- The inspector reads its own grants, and the controller's others (PEN-14: each granted the day it
-- was asked); it records its acknowledgement of the confidentiality notice.
CREATE POLICY inspector_grants_own ON inspector_grants FOR SELECT TO concerto_app USING (
  inspector_user_id = NULLIF(current_setting('concerto.user_id', true), '')::uuid
  OR concerto_inspects(controller_organisation_id));
CREATE POLICY inspector_grants_acknowledge ON inspector_grants FOR UPDATE TO concerto_app USING (
  inspector_user_id = NULLIF(current_setting('concerto.user_id', true), '')::uuid);

ALTER TABLE supervisory_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervisory_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY supervisory_cases_dpo ON supervisory_cases FOR ALL TO concerto_app
  USING (concerto_is_dpo_of(controller_organisation_id)) WITH CHECK (concerto_is_dpo_of(controller_organisation_id));
CREATE POLICY supervisory_cases_inspection ON supervisory_cases FOR SELECT TO concerto_app USING (
  concerto_inspects(controller_organisation_id));

ALTER TABLE supervisory_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervisory_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY supervisory_entries_dpo ON supervisory_entries FOR ALL TO concerto_app
  USING (concerto_is_dpo_of(controller_organisation_id)) WITH CHECK (concerto_is_dpo_of(controller_organisation_id));

ALTER TABLE supervisory_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervisory_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY supervisory_actions_dpo ON supervisory_actions FOR ALL TO concerto_app
  USING (concerto_is_dpo_of(controller_organisation_id)) WITH CHECK (concerto_is_dpo_of(controller_organisation_id));
CREATE POLICY supervisory_actions_inspection ON supervisory_actions FOR SELECT TO concerto_app USING (
  concerto_inspects(controller_organisation_id));

ALTER TABLE supervisory_positions ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervisory_positions FORCE ROW LEVEL SECURITY;
CREATE POLICY supervisory_positions_dpo ON supervisory_positions FOR ALL TO concerto_app
  USING (concerto_is_dpo_of(controller_organisation_id)) WITH CHECK (concerto_is_dpo_of(controller_organisation_id));
CREATE POLICY supervisory_positions_inspection ON supervisory_positions FOR SELECT TO concerto_app USING (
  concerto_inspects(controller_organisation_id));

-- Read by the controller's rights desk when it judges a repeat request (RGT-ACC-06), written by its DPO.
ALTER TABLE commission_repeat_instructions ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_repeat_instructions FORCE ROW LEVEL SECURITY;
CREATE POLICY commission_repeat_instructions_desk ON commission_repeat_instructions FOR SELECT TO concerto_app USING (
  controller_organisation_id = concerto_controller_desk()
  OR concerto_is_dpo_of(controller_organisation_id)
  OR concerto_inspects(controller_organisation_id));
CREATE POLICY commission_repeat_instructions_dpo ON commission_repeat_instructions FOR INSERT TO concerto_app
  WITH CHECK (concerto_is_dpo_of(controller_organisation_id));

-- The inspection export (SUP-03) lists the register of the controller's rights requests: dates,
-- kinds, routes and outcomes. The policy of migration 0023 on the requests then shows their rows
-- too; the export reads none of their encrypted columns.
CREATE POLICY rights_request_parts_inspection ON rights_request_parts FOR SELECT TO concerto_app USING (
  concerto_inspects(controller_organisation_id));

-- SUP-03: an inspector account ends by itself. The access module refuses every read from the end of
-- the period (injected clock); the daily job then closes the grants that ended and the service
-- deactivates the accounts left without a running grant, which ends their sessions. The job acts
-- for no organisation, so the policies above hide every grant from it: as for the legal holds
-- (migration 0029), a SECURITY DEFINER function owned by a role whose only privilege is this
-- marks them closed and returns their ids, never anything else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_inspection_expiry') THEN
    CREATE ROLE concerto_inspection_expiry NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_inspection_expiry TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_inspection_expiry;
GRANT SELECT (id, inspector_user_id, valid_until, revoked_at, closed_at) ON inspector_grants
  TO concerto_inspection_expiry;
GRANT UPDATE (closed_at) ON inspector_grants TO concerto_inspection_expiry;
CREATE POLICY inspector_grants_expiry ON inspector_grants FOR ALL TO concerto_inspection_expiry
  USING (true) WITH CHECK (true);

CREATE FUNCTION concerto_close_ended_inspector_grants(at timestamptz)
RETURNS TABLE (grant_id uuid, inspector_user_id uuid, still_running boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH ended AS (
    UPDATE inspector_grants g SET closed_at = at
    WHERE g.closed_at IS NULL AND (g.valid_until <= at OR g.revoked_at IS NOT NULL)
    RETURNING g.id, g.inspector_user_id
  )
  SELECT e.id, e.inspector_user_id, EXISTS (SELECT 1 FROM inspector_grants r
    WHERE r.inspector_user_id = e.inspector_user_id AND r.revoked_at IS NULL AND r.valid_until > at)
  FROM ended e
$$;
GRANT CREATE ON SCHEMA public TO concerto_inspection_expiry;
ALTER FUNCTION concerto_close_ended_inspector_grants(timestamptz) OWNER TO concerto_inspection_expiry;
REVOKE CREATE ON SCHEMA public FROM concerto_inspection_expiry;
REVOKE ALL ON FUNCTION concerto_close_ended_inspector_grants(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_close_ended_inspector_grants(timestamptz) TO concerto_app;

-- SUP-01: the compliance dashboard (SPEC SCO-12) shows a controller's open supervisory actions and
-- the positions the Commission awaits until they are done; it is read by the controller's DPO or
-- its compliance owner, whom the policies above do not all name. As above, a SECURITY DEFINER
-- function owned by a role whose only privilege is this read returns ids, the Commission's
-- references and the dates, never what the letters or the actions say.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_supervision_items') THEN
    CREATE ROLE concerto_supervision_items NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
GRANT concerto_supervision_items TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO concerto_supervision_items;
GRANT SELECT (id, controller_organisation_id, commission_reference, state) ON supervisory_cases
  TO concerto_supervision_items;
GRANT SELECT (id, case_id, controller_organisation_id, due_on, done_at) ON supervisory_actions
  TO concerto_supervision_items;
GRANT SELECT (id, case_id, controller_organisation_id, deadline_on, submitted_on) ON supervisory_positions
  TO concerto_supervision_items;
CREATE POLICY supervisory_cases_items ON supervisory_cases FOR SELECT TO concerto_supervision_items USING (true);
CREATE POLICY supervisory_actions_items ON supervisory_actions FOR SELECT TO concerto_supervision_items USING (true);
CREATE POLICY supervisory_positions_items ON supervisory_positions FOR SELECT TO concerto_supervision_items
  USING (true);

CREATE FUNCTION concerto_open_supervisory_items(controller uuid)
RETURNS TABLE (item text, item_id uuid, case_id uuid, commission_reference text, due_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT 'action', a.id, a.case_id, c.commission_reference, a.due_on
  FROM supervisory_actions a JOIN supervisory_cases c ON c.id = a.case_id
  WHERE a.controller_organisation_id = controller AND a.done_at IS NULL
  UNION ALL
  SELECT 'position', p.id, p.case_id, c.commission_reference, p.deadline_on
  FROM supervisory_positions p JOIN supervisory_cases c ON c.id = p.case_id
  WHERE p.controller_organisation_id = controller AND p.submitted_on IS NULL AND c.state = 'open'
  ORDER BY 5, 2
$$;
GRANT CREATE ON SCHEMA public TO concerto_supervision_items;
ALTER FUNCTION concerto_open_supervisory_items(uuid) OWNER TO concerto_supervision_items;
REVOKE CREATE ON SCHEMA public FROM concerto_supervision_items;
REVOKE ALL ON FUNCTION concerto_open_supervisory_items(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION concerto_open_supervisory_items(uuid) TO concerto_app;

GRANT SELECT, INSERT ON supervisory_cases, supervisory_entries, supervisory_actions, supervisory_positions,
  inspector_grants, commission_repeat_instructions TO concerto_app;
GRANT UPDATE (state, closure, closed_by, closed_at) ON supervisory_cases TO concerto_app;
GRANT UPDATE (done_by, done_at, done_note) ON supervisory_actions TO concerto_app;
GRANT UPDATE (submitted_on, document, document_media_type, document_sha256, submitted_by, submitted_at)
  ON supervisory_positions TO concerto_app;
GRANT UPDATE (notice_acknowledged_at, revoked_by, revoked_at, closed_at) ON inspector_grants TO concerto_app;

-- PEN-17 (L1992 art. 41 §2): on a conviction under art. 39, the court may prohibit a person from
-- managing any processing of personal data, personally or through an intermediary, for at most two
-- years (the bound is the legal-rules module's). The platform operator records the judgment and
-- links the person's user accounts; during the period none of them may hold a role that manages a
-- processing (PEN-18, art. 41 §3: breaching the prohibition is an offence). The person's name is
-- judicial data (L1992 art. 8): encrypted under the prohibition's own key (scope `prohibition:<id>`);
-- the court and the judgment's reference name a decision and are in clear, as for legal holds.
CREATE TABLE management_prohibitions (
  id uuid PRIMARY KEY,
  person_name bytea NOT NULL,
  court text NOT NULL CHECK (court <> ''),
  judgment_reference text NOT NULL CHECK (judgment_reference <> ''),
  judgment_date date NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK (ends_on >= starts_on),
  CHECK (judgment_date <= starts_on)
);

-- The person's accounts, chosen by the operator: Concerto holds no national number of its users,
-- and a name is not an identity (two people share one), so the match is the operator's, recorded.
CREATE TABLE management_prohibition_accounts (
  prohibition_id uuid NOT NULL REFERENCES management_prohibitions (id),
  user_id uuid NOT NULL REFERENCES users (id),
  linked_by uuid NOT NULL REFERENCES users (id),
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (prohibition_id, user_id)
);
CREATE INDEX management_prohibition_accounts_user_idx ON management_prohibition_accounts (user_id);

-- Like users and organisations, the operator's tables: no case data, read and written by the
-- identity and prohibitions services after the operator check. Nothing is ever changed or deleted.
GRANT SELECT, INSERT ON management_prohibitions, management_prohibition_accounts TO concerto_app;
