/**
 * The access matrix (issue 3 scope 8): for every route, what each kind of caller gets. It is
 * declared here, rendered into docs/access-matrix.md by `npm run access-matrix`, and tested
 * cell by cell through the HTTP API (test/access/access-matrix.test.ts). A route that is not
 * in this table fails the test, so no route ships without a declared rule.
 */

/** The callers the matrix distinguishes: role × relation to the case in question. */
export const SUBJECTS = {
  no_session: 'No session (anonymous)',
  no_mfa: 'Session opened before MFA enrolment',
  no_secrecy_undertaking: 'Participant who has not accepted the art. 458ter §2 secrecy undertaking',
  operator: 'Platform operator (host)',
  dpo: "DPO of the case's compartment organisation",
  own_organisation: 'Member of the organisation whose compartment holds the case',
  compartment_before_signalling: 'Organiser, while the case is still in the compartment',
  reviewer: 'Prosecutor (parquet) asked to review the draft',
  organiser: 'Organiser of the signalled case',
  co_participant: 'Member of an admitted participant organisation',
  representative: 'Permanent representative of an admitted authority (bill art. 5)',
  expired_representation: 'Representative whose period has ended',
  other_organisation: 'Member of an organisation not admitted to the case',
  admission_revoked: 'Member of an organisation whose admission was revoked',
} as const;

export type Subject = keyof typeof SUBJECTS;
export const SUBJECT_IDS = Object.keys(SUBJECTS) as Subject[];

/**
 * - `allow`: the route serves the caller (2xx, or for routes that check a secret such as a
 *   code, anything but 401/403/404: the caller was let through to that check);
 * - `allow_without_case`: served, but the case in question is not in the answer;
 * - `public`: the route does not depend on who calls: every caller gets the same status;
 * - `forbidden` 403, `not_found` 404 (the caller may not know the resource exists),
 *   `unauthenticated` 401.
 */
export type Outcome =
  | 'allow'
  | 'allow_without_case'
  | 'public'
  | 'forbidden'
  | 'not_found'
  | 'unauthenticated';

export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The rule in words, with its source. */
  rule: string;
  outcomes: Record<Subject, Outcome>;
}

function outcomes(
  base: Outcome,
  overrides: Partial<Record<Subject, Outcome>> = {},
): Record<Subject, Outcome> {
  return Object.fromEntries(SUBJECT_IDS.map((s) => [s, overrides[s] ?? base])) as Record<Subject, Outcome>;
}

const PUBLIC = outcomes('public');
/** Any session, including one that still has to enrol its second factor. */
const ANY_SESSION = outcomes('allow', { no_session: 'unauthenticated' });
/** A session with its second factor (SPEC SEC-01). */
const FULL_SESSION = outcomes('allow', { no_session: 'unauthenticated', no_mfa: 'forbidden' });
const ENROLMENT = outcomes('forbidden', { no_session: 'unauthenticated', no_mfa: 'allow' });
const OPERATOR = outcomes('forbidden', { no_session: 'unauthenticated', operator: 'allow' });

/** Case content: its audience only; the others may not learn it exists (ARCHITECTURE §3.2, §3.7). */
const CASE_READ = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  expired_representation: 'forbidden',
  own_organisation: 'allow',
  reviewer: 'allow',
  organiser: 'allow',
  co_participant: 'allow',
  representative: 'allow',
});
const CASE_LIST = outcomes('allow_without_case', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  dpo: 'forbidden',
  expired_representation: 'forbidden',
  own_organisation: 'allow',
  reviewer: 'allow',
  organiser: 'allow',
  co_participant: 'allow',
  representative: 'allow',
});
/** Pre-registering: a member with a case role, in its own compartment (SPEC WFL-01). */
const CASE_CREATE = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  dpo: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
});
/**
 * A member with a case role of an authority that art. 5 lets be represented (administrative,
 * judicial, federal and police authorities; the youth-care body of the matrix is a federated
 * entity's, so its members are refused whatever their relation to a case).
 */
const DESIGNATE = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  operator: 'forbidden',
  dpo: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
  other_organisation: 'forbidden',
  admission_revoked: 'forbidden',
});
/**
 * A representation's parties: its representative (also after the period, for the record), the
 * represented persons and the authority's members who may designate. Others learn nothing.
 */
const REPRESENTATION_PARTIES = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'allow',
  co_participant: 'allow',
  representative: 'allow',
  expired_representation: 'allow',
});
/** Ending it early is the authority's act; to anyone else the designation is not theirs to know. */
const REPRESENTATION_AUTHORITY = {
  ...REPRESENTATION_PARTIES,
  representative: 'not_found',
  expired_representation: 'not_found',
} as const;
/** The representative's own undertaking (bill art. 5 al. 2); after the period it answers 409. */
const REPRESENTATIVE_ONLY = {
  ...REPRESENTATION_PARTIES,
  no_secrecy_undertaking: 'not_found',
  co_participant: 'not_found',
} as const;
/** A represented person briefs the representative before the consultation (bill art. 5 al. 2). */
const BRIEFING = {
  ...REPRESENTATION_PARTIES,
  no_secrecy_undertaking: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
} as const;
/** The representative debriefs represented persons after it (bill art. 5 al. 3). */
const DEBRIEFING = { ...BRIEFING, co_participant: 'forbidden', representative: 'allow' } as const;
/** Only a represented person acknowledges the art. 458ter §2 secrecy before a debrief (bill art. 5 al. 3). */
const REPRESENTED_ONLY = {
  ...REPRESENTATION_PARTIES,
  no_secrecy_undertaking: 'not_found',
  representative: 'not_found',
  expired_representation: 'not_found',
} as const;

export const ACCESS_MATRIX: Record<string, RoutePolicy> = {
  getHealth: { method: 'GET', path: '/healthz', rule: 'Liveness probe', outcomes: PUBLIC },
  getReadiness: { method: 'GET', path: '/readyz', rule: 'Readiness probe', outcomes: PUBLIC },
  getVersion: { method: 'GET', path: '/api/version', rule: 'Version of the running build', outcomes: PUBLIC },
  getOpenApi: { method: 'GET', path: '/api/openapi.json', rule: 'The API description', outcomes: PUBLIC },

  login: {
    method: 'POST',
    path: '/api/auth/login',
    rule: 'Anyone may try to log in (ASVS V6)',
    outcomes: PUBLIC,
  },
  startPasskeyLogin: {
    method: 'POST',
    path: '/api/auth/login/passkey/options',
    rule: 'Anyone may try to log in',
    outcomes: PUBLIC,
  },
  loginWithPasskey: {
    method: 'POST',
    path: '/api/auth/login/passkey',
    rule: 'Anyone may try to log in',
    outcomes: PUBLIC,
  },
  getSsoOptions: {
    method: 'GET',
    path: '/api/auth/oidc',
    rule: 'SSO button (404 when SSO is off)',
    outcomes: PUBLIC,
  },
  startSso: { method: 'GET', path: '/api/auth/oidc/start', rule: 'Anyone may start SSO', outcomes: PUBLIC },
  finishSso: {
    method: 'GET',
    path: '/api/auth/oidc/callback',
    rule: 'The provider sends the browser back',
    outcomes: PUBLIC,
  },
  redeemInvitation: {
    method: 'POST',
    path: '/api/invitations/redeem',
    rule: 'The holder of the single-use link',
    outcomes: PUBLIC,
  },

  getSession: {
    method: 'GET',
    path: '/api/session',
    rule: 'Who am I; also during MFA enrolment',
    outcomes: ANY_SESSION,
  },
  logout: { method: 'POST', path: '/api/auth/logout', rule: 'End this session', outcomes: ANY_SESSION },
  logoutEverywhere: {
    method: 'POST',
    path: '/api/auth/logout-everywhere',
    rule: 'End all my sessions',
    outcomes: FULL_SESSION,
  },
  listSessions: { method: 'GET', path: '/api/sessions', rule: 'My sessions only', outcomes: FULL_SESSION },
  revokeSession: {
    method: 'DELETE',
    path: '/api/sessions/:id',
    rule: 'One of my sessions only',
    outcomes: FULL_SESSION,
  },

  startTotpEnrolment: {
    method: 'POST',
    path: '/api/auth/mfa/enrolment/totp',
    rule: 'First-login MFA enrolment (SPEC SEC-01)',
    outcomes: ENROLMENT,
  },
  confirmTotpEnrolment: {
    method: 'POST',
    path: '/api/auth/mfa/enrolment/totp/confirm',
    rule: 'First-login MFA enrolment',
    outcomes: ENROLMENT,
  },
  startPasskeyEnrolment: {
    method: 'POST',
    path: '/api/auth/mfa/enrolment/passkey/options',
    rule: 'First-login MFA enrolment',
    outcomes: ENROLMENT,
  },
  confirmPasskeyEnrolment: {
    method: 'POST',
    path: '/api/auth/mfa/enrolment/passkey',
    rule: 'First-login MFA enrolment',
    outcomes: ENROLMENT,
  },
  startPasskeyRegistration: {
    method: 'POST',
    path: '/api/auth/mfa/passkeys/options',
    rule: 'Add a passkey: fresh MFA (ASVS V7.5)',
    outcomes: FULL_SESSION,
  },
  registerPasskey: {
    method: 'POST',
    path: '/api/auth/mfa/passkeys',
    rule: 'Add a passkey: fresh MFA (ASVS V7.5)',
    outcomes: FULL_SESSION,
  },
  startPasskeyStepUp: {
    method: 'POST',
    path: '/api/auth/step-up/passkey/options',
    rule: 'Prove the second factor again',
    outcomes: FULL_SESSION,
  },
  stepUp: {
    method: 'POST',
    path: '/api/auth/step-up',
    rule: 'Prove the second factor again',
    outcomes: FULL_SESSION,
  },

  listCases: {
    method: 'GET',
    path: '/api/cases',
    rule: 'Cases of the organisations acted for (ARCHITECTURE §3.2)',
    outcomes: CASE_LIST,
  },
  createCase: {
    method: 'POST',
    path: '/api/cases',
    rule: 'Pre-registration in the own compartment (bill art. 2 §3 1°)',
    outcomes: CASE_CREATE,
  },
  getCase: {
    method: 'GET',
    path: '/api/cases/:caseId',
    rule: "The case's audience (bill art. 2 §3; SPEC WFL-01..04, ROL-02)",
    outcomes: CASE_READ,
  },

  listOrganisations: {
    method: 'GET',
    path: '/api/admin/organisations',
    rule: 'Platform operator (ARCHITECTURE §3.6)',
    outcomes: OPERATOR,
  },
  createOrganisation: {
    method: 'POST',
    path: '/api/admin/organisations',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  getOrganisation: {
    method: 'GET',
    path: '/api/admin/organisations/:organisationId',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  updateOrganisation: {
    method: 'PATCH',
    path: '/api/admin/organisations/:organisationId',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  listUsers: { method: 'GET', path: '/api/admin/users', rule: 'Platform operator', outcomes: OPERATOR },
  createUser: { method: 'POST', path: '/api/admin/users', rule: 'Platform operator', outcomes: OPERATOR },
  getUser: { method: 'GET', path: '/api/admin/users/:userId', rule: 'Platform operator', outcomes: OPERATOR },
  changeUserRoles: {
    method: 'PUT',
    path: '/api/admin/users/:userId/roles',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  deactivateUser: {
    method: 'POST',
    path: '/api/admin/users/:userId/deactivate',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  inviteUser: {
    method: 'POST',
    path: '/api/admin/users/:userId/invitation',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  publishUndertakingVersion: {
    method: 'POST',
    path: '/api/admin/undertakings',
    rule: 'Platform operator publishes the texts',
    outcomes: OPERATOR,
  },

  getUndertaking: {
    method: 'GET',
    path: '/api/undertaking',
    rule: 'Every user reads the text to accept (SPEC ROL-07)',
    outcomes: FULL_SESSION,
  },
  acceptUndertaking: {
    method: 'POST',
    path: '/api/undertaking/acceptance',
    rule: 'Every user accepts for themselves',
    outcomes: FULL_SESSION,
  },

  listRepresentations: {
    method: 'GET',
    path: '/api/representations',
    rule: 'Those I am a party to',
    outcomes: FULL_SESSION,
  },
  designateRepresentative: {
    method: 'POST',
    path: '/api/representations',
    rule: 'A member with a case role of an administrative, judicial, federal or police authority (bill art. 5 al. 1)',
    outcomes: DESIGNATE,
  },
  getRepresentation: {
    method: 'GET',
    path: '/api/representations/:representationId',
    rule: 'Its parties',
    outcomes: REPRESENTATION_PARTIES,
  },
  endRepresentation: {
    method: 'POST',
    path: '/api/representations/:representationId/end',
    rule: 'The authority (its members who may designate)',
    outcomes: REPRESENTATION_AUTHORITY,
  },
  acceptRepresentativeUndertaking: {
    method: 'POST',
    path: '/api/representations/:representationId/acceptance',
    rule: 'The representative (bill art. 5 al. 2); 409 after the period',
    outcomes: REPRESENTATIVE_ONLY,
  },
  recordBriefing: {
    method: 'POST',
    path: '/api/representations/:representationId/briefings',
    rule: 'A represented person, within the period (bill art. 5 al. 2)',
    outcomes: BRIEFING,
  },
  recordDebriefing: {
    method: 'POST',
    path: '/api/representations/:representationId/debriefings',
    rule: 'The representative, to represented persons who acknowledged the secrecy (bill art. 5 al. 3)',
    outcomes: DEBRIEFING,
  },
  acknowledgeDebriefSecrecy: {
    method: 'POST',
    path: '/api/representations/:representationId/secrecy-acknowledgement',
    rule: 'A represented person (bill art. 5 al. 3)',
    outcomes: REPRESENTED_ONLY,
  },
};
