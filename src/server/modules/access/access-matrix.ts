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

/**
 * A case action (case-actions.ts): the `allowed` callers act; the others who know the case (its
 * audience) are refused with 403; anyone else may not learn it exists (404; ARCHITECTURE §3.7).
 * Each example uses a fresh case in the state the action needs for the callers that may act.
 */
function caseAction(...allowed: Subject[]): Record<Subject, Outcome> {
  return outcomes('not_found', {
    no_session: 'unauthenticated',
    no_mfa: 'forbidden',
    no_secrecy_undertaking: 'forbidden',
    expired_representation: 'forbidden',
    own_organisation: 'forbidden',
    reviewer: 'forbidden',
    organiser: 'forbidden',
    co_participant: 'forbidden',
    representative: 'forbidden',
    ...Object.fromEntries(allowed.map((subject) => [subject, 'allow'])),
  });
}

/** Case content: its audience only; the others may not learn it exists (ARCHITECTURE §3.2, §3.7). */
const CASE_READ = caseAction('own_organisation', 'reviewer', 'organiser', 'co_participant', 'representative');
/** Adding persons, items, notes: the compartment before signalling, the shared file's parties after (WFL-01, WFL-08). */
const CASE_CONTRIBUTE = caseAction('own_organisation', 'co_participant', 'representative');
/** Lists behind the case gates (case role, undertaking, awareness, justification). */
const GATED_LIST = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  dpo: 'forbidden',
  expired_representation: 'forbidden',
});
/** A consultation is known to its organiser and to the parties of a case on its agenda (SPEC WFL-09). */
const CONSULTATION_PARTIES = caseAction(
  'own_organisation',
  'reviewer',
  'organiser',
  'co_participant',
  'representative',
  'compartment_before_signalling',
);
/** An own-file transfer is known to its requester (the CPAS here) and to the controller of its item (the police). */
const TRANSFER_PARTIES = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  expired_representation: 'forbidden',
  own_organisation: 'allow',
  co_participant: 'allow',
});
const TRANSFER_CONTROLLER = { ...TRANSFER_PARTIES, co_participant: 'forbidden' } as const;
const TRANSFER_REQUESTER = { ...TRANSFER_PARTIES, own_organisation: 'forbidden' } as const;
/** Frameworks hold no personal data: the operator, and the parties of an active framework (SPEC ROL-01). */
const FRAMEWORK_READ = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  dpo: 'not_found',
  expired_representation: 'not_found',
});
/**
 * A controller's rights desk: its DPO, or the office's prosecutor for the requests bill art. 7 al. 2
 * sends there (SPEC RGT-GEN-01, ROL-12). Everyone else is refused, whatever their case role.
 */
const RIGHTS_DESK = outcomes('forbidden', { no_session: 'unauthenticated', dpo: 'allow', reviewer: 'allow' });
/** One part of a request: the desk it was routed to; another desk may not learn it exists. */
const RIGHTS_PART = { ...RIGHTS_DESK, reviewer: 'not_found' } as const;
/** The designations of special-category readers are the controller's DPO's (SPEC DAT-19). */
const DPO_ONLY = outcomes('forbidden', { no_session: 'unauthenticated', dpo: 'allow' });
/** The Commission's inspector, on the account a controller granted (SPEC SUP-03): no subject of the matrix. */
const INSPECTOR_ONLY = outcomes('forbidden', { no_session: 'unauthenticated' });
/** The processor registry and break-glass grants: the controller's DPO and the host's staff (L2007 art. 16 §1, §3). */
const PROCESSOR_PARTIES = outcomes('forbidden', { no_session: 'unauthenticated', operator: 'allow', dpo: 'allow' });
/** A controller's information obligations: its members with a case role, and its DPO (L2007 art. 9; SPEC RGT-INF-03). */
const INFORMATION_LIST = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
});
/** One obligation of the police: its own members keep it; its DPO reviews but does not act; others may not learn of it. */
const INFORMATION_KEEPER = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  dpo: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
  own_organisation: 'allow',
});
/** A notification of one's own organisation; those who act for none have none. */
const OWN_NOTIFICATION = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  operator: 'not_found',
  dpo: 'not_found',
  expired_representation: 'not_found',
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

/** bill arts 7-8: the prosecutors of an office keep its restrictions and its list; anyone else is refused on role. */
const OFFICE_PROSECUTOR = outcomes('forbidden', { no_session: 'unauthenticated', reviewer: 'allow' });

/** The instance's security evidence and federal-use gate: the host's operator and the controllers' DPOs (SPEC SEC-03, SCO-08). */
const INSTANCE_EVIDENCE = outcomes('forbidden', { no_session: 'unauthenticated', operator: 'allow', dpo: 'allow' });
/** Statistics of a framework (PUR-03): the DPOs of its parties and the organiser's members with the organiser role. */
const STATISTICS_READERS = outcomes('forbidden', {
  no_session: 'unauthenticated',
  dpo: 'allow',
  organiser: 'allow',
  compartment_before_signalling: 'allow',
});

/**
 * The retention desk of one's own organisation (ADR 0016): its DPO or a member with a case role,
 * bound by the secrecy undertaking; ids, codes and dates of the cases it keeps or controls records of.
 */
const RETENTION_DESK = outcomes('allow', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
});
/** A destruction list kept by the coordination with the police's records: its keeper and the police see it; others may not learn of it. */
const DESTRUCTION_LIST_PARTIES = {
  ...RETENTION_DESK,
  reviewer: 'not_found',
  co_participant: 'not_found',
  other_organisation: 'not_found',
  admission_revoked: 'not_found',
} as const;

/**
 * A court's erasure order of the police (L1992 art. 41 §1; SPEC PEN-16): its retention desk (its DPO,
 * a member with a case role) acts on it; the desks of other organisations may not learn it exists.
 */
const COURT_ORDER_PARTIES = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
  dpo: 'allow',
  own_organisation: 'allow',
});
/** The authorities a royal decree of L1992 art. 45 designates (SPEC RET-09): no subject of the matrix is one. */
const EMERGENCY_AUTHORITY_ONLY = outcomes('forbidden', { no_session: 'unauthenticated' });

/** RET-01: a DPO reads the overrides beyond 30 years of the cases its organisation organises; no one else. */
const ORGANISER_DPO_DESK = outcomes('forbidden', { no_session: 'unauthenticated', dpo: 'allow' });
/**
 * RET-01: the approval of an override of a case the coordination organises: its DPO (no subject of the
 * matrix: see test/cases/retention-changes.test.ts); its organiser without the DPO role is refused, and a
 * member or DPO of another organisation finds no such override of its own.
 */
const ORGANISER_DPO_APPROVAL = outcomes('not_found', {
  no_session: 'unauthenticated',
  no_mfa: 'forbidden',
  no_secrecy_undertaking: 'forbidden',
  operator: 'forbidden',
  representative: 'forbidden',
  expired_representation: 'forbidden',
  organiser: 'forbidden',
  compartment_before_signalling: 'forbidden',
});

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

  setSessionJustification: {
    method: 'PUT',
    path: '/api/session/justification',
    rule: 'Say why case files are read in this working session (issue 4 scope 7)',
    outcomes: FULL_SESSION,
  },

  listFrameworks: {
    method: 'GET',
    path: '/api/frameworks',
    rule: 'The operator sees all; others the active frameworks their organisation takes part in',
    outcomes: FULL_SESSION,
  },
  createFramework: { method: 'POST', path: '/api/frameworks', rule: 'Platform operator (ARCHITECTURE §1)', outcomes: OPERATOR },
  getFramework: {
    method: 'GET',
    path: '/api/frameworks/:frameworkId',
    rule: 'The operator, and the parties of an active framework (SPEC ROL-01)',
    outcomes: FRAMEWORK_READ,
  },
  updateFramework: { method: 'PATCH', path: '/api/frameworks/:frameworkId', rule: 'Platform operator', outcomes: OPERATOR },
  uploadAuthorisationDocument: {
    method: 'PUT',
    path: '/api/frameworks/:frameworkId/authorisation-document',
    rule: 'Platform operator',
    outcomes: OPERATOR,
  },
  activateFramework: {
    method: 'POST',
    path: '/api/frameworks/:frameworkId/activation',
    rule: 'Platform operator (SPEC SCO-03)',
    outcomes: OPERATOR,
  },
  addFrameworkParticipant: {
    method: 'POST',
    path: '/api/frameworks/:frameworkId/participants',
    rule: 'Platform operator (SPEC ROL-01)',
    outcomes: OPERATOR,
  },
  removeFrameworkParticipant: {
    method: 'POST',
    path: '/api/frameworks/:frameworkId/participants/:organisationId/removal',
    rule: 'Platform operator (SPEC ROL-01)',
    outcomes: OPERATOR,
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
  requestCaseReview: {
    method: 'POST',
    path: '/api/cases/:caseId/review-request',
    rule: 'The compartment, before signalling (SPEC WFL-02)',
    outcomes: caseAction('own_organisation'),
  },
  reviewCase: {
    method: 'POST',
    path: '/api/cases/:caseId/review',
    rule: 'The reviewer, while under evaluation (SPEC WFL-02, ROL-13)',
    outcomes: caseAction('reviewer'),
  },
  signalCase: {
    method: 'POST',
    path: '/api/cases/:caseId/signal',
    rule: 'The compartment (bill art. 2 §3 1°; SPEC WFL-03)',
    outcomes: caseAction('own_organisation'),
  },
  closeDraft: {
    method: 'POST',
    path: '/api/cases/:caseId/not-signalled',
    rule: 'The compartment (SPEC WFL-05)',
    outcomes: caseAction('own_organisation'),
  },
  decideSignal: {
    method: 'POST',
    path: '/api/cases/:caseId/signal-decision',
    rule: 'The organiser role of the organiser (SPEC ROL-03, WFL-06)',
    outcomes: caseAction('organiser'),
  },
  admitParticipant: {
    method: 'POST',
    path: '/api/cases/:caseId/participants',
    rule: 'The organiser, whitelisted organisations only (SPEC ROL-01, ROL-02)',
    outcomes: caseAction('organiser'),
  },
  revokeParticipant: {
    method: 'POST',
    path: '/api/cases/:caseId/participants/:organisationId/revocation',
    rule: 'The organiser (SPEC ROL-02)',
    outcomes: caseAction('organiser'),
  },
  proposeRetention: {
    method: 'PUT',
    path: '/api/cases/:caseId/retention',
    rule: 'The organiser (bill art. 3 §1; SPEC FIL-01)',
    outcomes: caseAction('organiser'),
  },
  approveRetention: {
    method: 'POST',
    path: '/api/cases/:caseId/retention/approvals',
    rule: "Each party of the shared file, a representative for its authority (SPEC FIL-01)",
    outcomes: caseAction('organiser', 'co_participant', 'representative'),
  },
  closeCase: {
    method: 'POST',
    path: '/api/cases/:caseId/closure',
    rule: 'The organiser role of the organiser (SPEC ROL-03, WFL-11)',
    outcomes: caseAction('organiser'),
  },
  reopenCase: {
    method: 'POST',
    path: '/api/cases/:caseId/reopening',
    rule: 'The organiser (SPEC WFL-11)',
    outcomes: caseAction('organiser'),
  },
  addPerson: {
    method: 'POST',
    path: '/api/cases/:caseId/persons',
    rule: 'Contributors: the compartment before signalling, the parties after (SPEC WFL-01, DAT-17)',
    outcomes: CASE_CONTRIBUTE,
  },
  updatePerson: {
    method: 'PUT',
    path: '/api/cases/:caseId/persons/:personId',
    rule: 'The controller of the person only (SPEC ROL-09, FIL-02)',
    outcomes: caseAction('own_organisation'),
  },
  revealNationalRegisterNumber: {
    method: 'POST',
    path: '/api/cases/:caseId/persons/:personId/national-register-number',
    rule: 'Those who see the person; each reveal audited (SPEC DAT-01)',
    outcomes: CASE_READ,
  },
  recordPriorNotice: {
    method: 'POST',
    path: '/api/cases/:caseId/persons/:personId/prior-notices',
    rule: 'Contributors, for their own organisation under a royal decree of L1992 art. 8 §5 (SPEC DAT-32; 409 without one)',
    outcomes: CASE_CONTRIBUTE,
  },
  listDuePriorNotices: {
    method: 'GET',
    path: '/api/prior-notices',
    rule: "Behind the case gates; the persons the organisation has still to notify (SPEC DAT-32)",
    outcomes: GATED_LIST,
  },
  listItemReviews: {
    method: 'GET',
    path: '/api/item-reviews',
    rule: "Behind the case gates; the organisation's items due for review and its erasure reviews, ids and dates only (SPEC SEC-11)",
    outcomes: GATED_LIST,
  },
  addItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items',
    rule: 'Contributors (SPEC DAT-00, FIL-02)',
    outcomes: CASE_CONTRIBUTE,
  },
  updateItem: {
    method: 'PUT',
    path: '/api/cases/:caseId/items/:itemId',
    rule: 'The controller of the item only (SPEC ROL-09)',
    outcomes: caseAction('own_organisation'),
  },
  eraseItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/erasure',
    rule: 'The controller of the item only (SPEC ROL-09)',
    outcomes: caseAction('own_organisation'),
  },
  blockItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/blocking',
    rule: 'The controller of the item only (SPEC DAT-22, SEC-11)',
    outcomes: caseAction('own_organisation'),
  },
  releaseItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/release',
    rule: 'The controller of the item only (SPEC SEC-11; 409 when not blocked as unlawful)',
    outcomes: caseAction('own_organisation'),
  },
  verifyItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/verification',
    rule: 'The controller of the item only (SPEC SEC-11)',
    outcomes: caseAction('own_organisation'),
  },
  listItemVersions: {
    method: 'GET',
    path: '/api/cases/:caseId/items/:itemId/versions',
    rule: 'Those who see the item',
    outcomes: CASE_READ,
  },
  requestCorrection: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/correction-requests',
    rule: 'Contributors other than the controller (SPEC ROL-09; the controller is told to edit: 409)',
    outcomes: CASE_CONTRIBUTE,
  },
  getMinimisationReview: {
    method: 'GET',
    path: '/api/cases/:caseId/minimisation-review',
    rule: 'The organiser role of the organiser, while the shared file is worked on (SPEC PUR-04, DAT-16)',
    outcomes: caseAction('organiser'),
  },
  reviewCatchAllItem: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/catch-all-review',
    rule: 'The organiser role of the organiser, for a catch-all item it may read (SPEC DAT-16; other categories: 409)',
    outcomes: caseAction('organiser'),
  },
  shareRecords: {
    method: 'POST',
    path: '/api/cases/:caseId/sharing',
    rule: 'Contributors, for the records they control, once accepted (SPEC WFL-09; 409/400 after access)',
    outcomes: CASE_CONTRIBUTE,
  },
  addAttachment: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/attachments',
    rule: 'The controller of the item only (SPEC ROL-09)',
    outcomes: caseAction('own_organisation'),
  },
  downloadAttachment: {
    method: 'GET',
    path: '/api/cases/:caseId/items/:itemId/attachments/:attachmentId',
    rule: "Those who see the item's content (SPEC DAT-19)",
    outcomes: CASE_READ,
  },
  listPaperParts: {
    method: 'GET',
    path: '/api/cases/:caseId/paper-parts',
    rule: 'Those who see the records of the case: the compartment before sharing, the parties after (SPEC SCO-09, WFL-03)',
    outcomes: CASE_READ,
  },
  registerPaperPart: {
    method: 'POST',
    path: '/api/cases/:caseId/paper-parts',
    rule: 'Contributors, for paper their organisation holds (SPEC SCO-09, FIL-02; WFL-11: not once closed)',
    outcomes: CASE_CONTRIBUTE,
  },
  updatePaperPart: {
    method: 'PUT',
    path: '/api/cases/:caseId/paper-parts/:paperPartId',
    rule: 'Its holder only (SPEC SCO-09, ROL-09)',
    outcomes: caseAction('own_organisation'),
  },
  sharePaperPart: {
    method: 'POST',
    path: '/api/cases/:caseId/paper-parts/:paperPartId/sharing',
    rule: 'Its holder, once accepted (SPEC WFL-09; 409 before)',
    outcomes: caseAction('own_organisation'),
  },
  confirmPaperPartDestruction: {
    method: 'POST',
    path: '/api/cases/:caseId/paper-parts/:paperPartId/destruction',
    rule: "Its holder's own members, in any state, not a representative (SPEC SCO-09)",
    outcomes: caseAction('own_organisation'),
  },
  listInformationObligations: {
    method: 'GET',
    path: '/api/information-obligations',
    rule: "The organisation's own obligations, for its members with a case role and its DPO (L2007 art. 9; SPEC RGT-INF-02, RGT-INF-03)",
    outcomes: INFORMATION_LIST,
  },
  envisageInformationDisclosure: {
    method: 'POST',
    path: '/api/information-obligations/:obligationId/disclosure-envisaged',
    rule: "The controller's own members with a case role (L2007 art. 9 §2 al. 1; bill art. 3 §1 al. 2)",
    outcomes: INFORMATION_KEEPER,
  },
  closeInformationInformed: {
    method: 'POST',
    path: '/api/information-obligations/:obligationId/informed',
    rule: "The controller's own members with a case role (SPEC RGT-INF-01, RGT-INF-02)",
    outcomes: INFORMATION_KEEPER,
  },
  closeInformationExempted: {
    method: 'POST',
    path: '/api/information-obligations/:obligationId/exemption',
    rule: "The controller's own members with a case role decide; its DPO reviews (SPEC RGT-INF-03)",
    outcomes: INFORMATION_KEEPER,
  },
  getInformationNotice: {
    method: 'GET',
    path: '/api/information-obligations/:obligationId/notice/:format',
    rule: "The controller's own members with a case role (SPEC RGT-INF-01, RGT-INF-05)",
    outcomes: INFORMATION_KEEPER,
  },
  listCourtActions: {
    method: 'GET',
    path: '/api/cases/:caseId/court-actions',
    rule: 'Those who see the case; each sees only the actions brought against its organisation (SPEC RGT-CRT-01)',
    outcomes: CASE_READ,
  },
  recordCourtAction: {
    method: 'POST',
    path: '/api/cases/:caseId/court-actions',
    rule: "The items' controller's own members, in any state, not a representative (L2007 arts 14-15; SPEC RGT-CRT-01, RGT-CON-01)",
    outcomes: caseAction('own_organisation'),
  },
  recordCourtOrder: {
    method: 'POST',
    path: '/api/cases/:caseId/court-actions/:courtActionId/orders',
    rule: "The controller's own members; to other parties another controller's action does not exist (SPEC RGT-CRT-01, RGT-CRT-03)",
    outcomes: { ...caseAction('own_organisation'), organiser: 'not_found', co_participant: 'not_found' },
  },
  generateCourtOrderNotices: {
    method: 'POST',
    path: '/api/cases/:caseId/court-actions/:courtActionId/orders/:orderId/notices',
    rule: "The controller's own members, for an order to inform third parties; to other parties another controller's order does not exist (L2007 art. 14 §6; SPEC RGT-CRT-03)",
    outcomes: { ...caseAction('own_organisation'), organiser: 'not_found', co_participant: 'not_found' },
  },
  itemDisclosures: {
    method: 'GET',
    path: '/api/cases/:caseId/items/:itemId/disclosures',
    rule: "The item's controller's own members: every recipient since a day (SPEC RGT-CRT-03)",
    outcomes: caseAction('own_organisation'),
  },
  listContestedMarks: {
    method: 'GET',
    path: '/api/cases/:caseId/items/:itemId/contested-marks',
    rule: 'Those who see the item (L2007 art. 15: every communication; SPEC RGT-CON-02)',
    outcomes: CASE_READ,
  },
  clearContestedMark: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/contested-marks/:markId/clearance',
    rule: "The item's controller's own members, on a recorded basis (SPEC RGT-CON-03, A-22)",
    outcomes: caseAction('own_organisation'),
  },
  listLegalHolds: {
    method: 'GET',
    path: '/api/cases/:caseId/legal-holds',
    rule: 'Those who see the case; a hold on a record only those who see the record (SPEC RET-08)',
    outcomes: CASE_READ,
  },
  placeLegalHold: {
    method: 'POST',
    path: '/api/cases/:caseId/legal-holds',
    rule: "The parties' own members, in any state, not a representative nor the reviewer (L2007 art. 14 §7; SPEC RET-08, RGT-CRT-04)",
    outcomes: caseAction('own_organisation', 'organiser', 'co_participant'),
  },
  releaseLegalHold: {
    method: 'POST',
    path: '/api/cases/:caseId/legal-holds/:holdId/release',
    rule: 'The own members of the organisation that placed the hold, with the reason (SPEC RET-08)',
    outcomes: caseAction('own_organisation'),
  },
  retentionSchedule: {
    method: 'GET',
    path: '/api/retention/schedule',
    rule: "The retention desk: its organisation's closed cases, as keeper or controller (SPEC RET-01)",
    outcomes: RETENTION_DESK,
  },
  listDestructionLists: {
    method: 'GET',
    path: '/api/retention/destruction-lists',
    rule: 'The retention desk: the lists of the cases its organisation keeps or controls records of (SPEC RET-01)',
    outcomes: RETENTION_DESK,
  },
  getDestructionList: {
    method: 'GET',
    path: '/api/retention/destruction-lists/:listId',
    rule: 'The keeper of the cases and the controllers of their records (bill art. 3 §1 al. 2; SPEC RET-01)',
    outcomes: DESTRUCTION_LIST_PARTIES,
  },
  approveDestructionList: {
    method: 'POST',
    path: '/api/retention/destruction-lists/:listId/approvals',
    rule: "Four eyes: the keeper's organiser, and the DPO of each controller; two distinct persons (L2007 art. 16 §4; SPEC RET-01)",
    outcomes: { ...DESTRUCTION_LIST_PARTIES, own_organisation: 'forbidden' },
  },
  destructionProof: {
    method: 'GET',
    path: '/api/retention/destruction-lists/:listId/proof',
    rule: 'Those the list concerns, once the list is carried out (409 before; SPEC RET-01, RET-07)',
    outcomes: DESTRUCTION_LIST_PARTIES,
  },
  listRetentionOverrides: {
    method: 'GET',
    path: '/api/retention/overrides',
    rule: 'A DPO: the maximum retentions beyond 30 years of the cases its organisation organises (SPEC RET-01)',
    outcomes: ORGANISER_DPO_DESK,
  },
  approveRetentionOverride: {
    method: 'POST',
    path: '/api/retention/overrides/:caseId/approval',
    rule: "The DPO of the organiser's organisation approves a maximum beyond 30 years (bill art. 2 §3 4°; SPEC RET-01)",
    outcomes: ORGANISER_DPO_APPROVAL,
  },
  listPaperDestructionTasks: {
    method: 'GET',
    path: '/api/retention/paper-destruction-tasks',
    rule: "The retention desk: its organisation's paper to destroy (SPEC SCO-09)",
    outcomes: RETENTION_DESK,
  },
  confirmPaperDestructionTask: {
    method: 'POST',
    path: '/api/retention/paper-destruction-tasks/:taskId/confirmation',
    rule: "A named member of the paper's holder with a case role; its DPO sees the task (SPEC SCO-09, FIL-02)",
    outcomes: {
      ...DESTRUCTION_LIST_PARTIES,
      dpo: 'forbidden',
      compartment_before_signalling: 'not_found',
      organiser: 'not_found',
    },
  },
  listNecessityReviews: {
    method: 'GET',
    path: '/api/retention/necessity-reviews',
    rule: 'The retention desk: the reviews of the cases its organisation keeps (SPEC RET-05)',
    outcomes: RETENTION_DESK,
  },
  decideNecessityReview: {
    method: 'POST',
    path: '/api/retention/necessity-reviews/:reviewId/decision',
    rule: "The keeper's organiser, for one of the case's purposes (SPEC RET-05, PUR-05)",
    outcomes: {
      ...DESTRUCTION_LIST_PARTIES,
      dpo: 'not_found',
      own_organisation: 'not_found',
    },
  },
  ownFileCopyReport: {
    method: 'GET',
    path: '/api/retention/own-file-copies',
    rule: "The retention desk: its organisation's own-file copies past their due date (SPEC RET-03, FIL-09)",
    outcomes: RETENTION_DESK,
  },
  listDestructionOrders: {
    method: 'GET',
    path: '/api/destruction-orders',
    rule: "The retention desk: the court's erasure orders of its organisation (L1992 art. 41 §1; SPEC PEN-16)",
    outcomes: RETENTION_DESK,
  },
  recordCourtErasureOrder: {
    method: 'POST',
    path: '/api/destruction-orders',
    rule: "The controller's DPO, with a fresh second factor, for cases its organisation takes part in (SPEC PEN-16)",
    outcomes: DPO_ONLY,
  },
  executeCourtErasureOrder: {
    method: 'POST',
    path: '/api/destruction-orders/:orderId/execution',
    rule: "A second, distinct person of the controller's retention desk (409 for the one who recorded it; four eyes, SPEC PEN-16)",
    outcomes: COURT_ORDER_PARTIES,
  },
  destructionOrderCertificate: {
    method: 'GET',
    path: '/api/destruction-orders/:orderId/certificate',
    rule: "The controller's retention desk, once the order is executed (409 before; SPEC PEN-16)",
    outcomes: COURT_ORDER_PARTIES,
  },
  listEmergencyDestructions: {
    method: 'GET',
    path: '/api/emergency-destructions',
    rule: 'An account designated under the royal decree of L1992 art. 45 (SPEC RET-09); every subject here is refused',
    outcomes: EMERGENCY_AUTHORITY_ONLY,
  },
  proposeEmergencyDestruction: {
    method: 'POST',
    path: '/api/emergency-destructions',
    rule: 'A designated authority of L1992 art. 45, with a fresh second factor (SPEC RET-09)',
    outcomes: EMERGENCY_AUTHORITY_ONLY,
  },
  approveEmergencyDestruction: {
    method: 'POST',
    path: '/api/emergency-destructions/:orderId/approvals',
    rule: 'A second, distinct designated authority (409 for the one who proposed it; SPEC RET-09)',
    outcomes: EMERGENCY_AUTHORITY_ONLY,
  },
  emergencyDestructionCertificate: {
    method: 'GET',
    path: '/api/emergency-destructions/:orderId/certificate',
    rule: 'A designated authority, once the destruction is carried out (SPEC RET-09)',
    outcomes: EMERGENCY_AUTHORITY_ONLY,
  },
  searchPersons: {
    method: 'POST',
    path: '/api/persons/search',
    rule: 'Only users granted cross-case search, nobody in this matrix (SPEC SEC-07)',
    outcomes: outcomes('forbidden', { no_session: 'unauthenticated' }),
  },

  listConsultations: {
    method: 'GET',
    path: '/api/consultations',
    rule: 'Behind the case gates; the consultations one organises or is party to',
    outcomes: GATED_LIST,
  },
  scheduleConsultation: {
    method: 'POST',
    path: '/api/consultations',
    rule: 'The organiser role, for cases it organises (SPEC WFL-09)',
    outcomes: caseAction('organiser'),
  },
  getConsultation: {
    method: 'GET',
    path: '/api/consultations/:consultationId',
    rule: 'Its organiser and the parties of a case on its agenda (SPEC WFL-09)',
    outcomes: CONSULTATION_PARTIES,
  },
  addAgendaItem: {
    method: 'POST',
    path: '/api/consultations/:consultationId/agenda',
    rule: 'The organiser, for a case it organises',
    outcomes: caseAction('organiser'),
  },
  openConsultation: {
    method: 'POST',
    path: '/api/consultations/:consultationId/opening',
    rule: 'The organiser; refused after access while a retention is not agreed (409, SPEC WFL-07)',
    outcomes: caseAction('organiser', 'compartment_before_signalling'),
  },
  closeConsultation: {
    method: 'POST',
    path: '/api/consultations/:consultationId/closing',
    rule: 'The organiser (409 when not open)',
    outcomes: caseAction('organiser', 'compartment_before_signalling'),
  },
  recordAttendance: {
    method: 'POST',
    path: '/api/consultations/:consultationId/attendance',
    rule: 'The parties record their own presence (SPEC WFL-09; bill art. 5)',
    outcomes: CONSULTATION_PARTIES,
  },
  setMinutes: {
    method: 'PUT',
    path: '/api/consultations/:consultationId/agenda/:caseId/minutes',
    rule: 'The organiser, for a case it organises (409 before the opening)',
    outcomes: caseAction('organiser'),
  },
  recordDecision: {
    method: 'POST',
    path: '/api/consultations/:consultationId/agenda/:caseId/decisions',
    rule: 'The organiser (409 before the opening)',
    outcomes: caseAction('organiser'),
  },
  assignAction: {
    method: 'POST',
    path: '/api/consultations/:consultationId/agenda/:caseId/actions',
    rule: 'The organiser, to a party of the case (SPEC WFL-10)',
    outcomes: caseAction('organiser'),
  },
  updateAction: {
    method: 'PATCH',
    path: '/api/cases/:caseId/actions/:actionId',
    rule: 'Its assignee (the CPAS here, or its representative) or the organiser (SPEC WFL-10)',
    outcomes: caseAction('organiser', 'co_participant', 'representative'),
  },
  listActions: {
    method: 'GET',
    path: '/api/actions',
    rule: "Behind the case gates; the organisation's actions (SPEC WFL-10)",
    outcomes: GATED_LIST,
  },

  requestTransfer: {
    method: 'POST',
    path: '/api/cases/:caseId/transfers',
    rule: "A party's own members, not a representative, once accepted (bill art. 4; fresh MFA)",
    outcomes: caseAction('co_participant'),
  },
  listTransfers: {
    method: 'GET',
    path: '/api/transfers',
    rule: 'Behind the case gates; the transfers of the own organisation',
    outcomes: GATED_LIST,
  },
  getTransfer: {
    method: 'GET',
    path: '/api/transfers/:transferId',
    rule: 'Its requester and the controllers of its items (bill art. 4)',
    outcomes: TRANSFER_PARTIES,
  },
  decideTransfer: {
    method: 'POST',
    path: '/api/transfers/:transferId/decisions',
    rule: 'The controller of the items (bill art. 4 al. 1 2°)',
    outcomes: TRANSFER_CONTROLLER,
  },
  approveTransferFourEyes: {
    method: 'POST',
    path: '/api/transfers/:transferId/four-eyes',
    rule: "The requester's other members (SPEC PUR-06; 409 when the framework needs none)",
    outcomes: TRANSFER_REQUESTER,
  },
  attestTransfer: {
    method: 'POST',
    path: '/api/transfers/:transferId/attestation',
    rule: 'The requester (bill art. 4 al. 2; SPEC FIL-06)',
    outcomes: TRANSFER_REQUESTER,
  },
  exportTransfer: {
    method: 'GET',
    path: '/api/transfers/:transferId/export/:format',
    rule: 'The requester, once approved and attested (409 before; fresh MFA)',
    outcomes: TRANSFER_REQUESTER,
  },

  listNotifications: {
    method: 'GET',
    path: '/api/notifications',
    rule: "The own organisation's (kinds and ids only)",
    outcomes: FULL_SESSION,
  },
  acknowledgeNotification: {
    method: 'POST',
    path: '/api/notifications/:notificationId/acknowledgement',
    rule: "A notification of the organisation one acts for",
    outcomes: OWN_NOTIFICATION,
  },

  intakeRightsRequest: {
    method: 'POST',
    path: '/api/rights-requests',
    rule: "A controller's DPO, or the prosecutor's office (SPEC RGT-GEN-01)",
    outcomes: RIGHTS_DESK,
  },
  verifyRequesterIdentity: {
    method: 'POST',
    path: '/api/rights-requests/:requestId/identity-verification',
    rule: 'The desk that received the request (SPEC RGT-ACC-02)',
    outcomes: RIGHTS_PART,
  },
  listRightsParts: {
    method: 'GET',
    path: '/api/rights-parts',
    rule: 'The desk, for its own parts only (SPEC RGT-GEN-02)',
    outcomes: RIGHTS_DESK,
  },
  accessAnswer: {
    method: 'GET',
    path: '/api/rights-parts/:partId/access-answer',
    rule: "The controller's desk, from its own data (SPEC RGT-ACC-01)",
    outcomes: RIGHTS_PART,
  },
  rightsReplyLetter: {
    method: 'GET',
    path: '/api/rights-parts/:partId/reply',
    rule: "The desk that answers the part (SPEC RGT-OBJ-02)",
    outcomes: RIGHTS_PART,
  },
  rightsCommissionPackage: {
    method: 'GET',
    path: '/api/rights-parts/:partId/commission-package',
    rule: "The controller's desk, on the supervisory authority's route (SPEC RGT-IND-02)",
    outcomes: RIGHTS_PART,
  },
  executeRightsChange: {
    method: 'POST',
    path: '/api/rights-parts/:partId/changes',
    rule: "The controller's desk, on its own items (SPEC RGT-REC-01, ROL-09)",
    outcomes: RIGHTS_PART,
  },
  answerRightsPart: {
    method: 'POST',
    path: '/api/rights-parts/:partId/answer',
    rule: "The controller's desk, or the prosecutor's office on its route (SPEC RGT-RST-09)",
    outcomes: RIGHTS_PART,
  },
  rightsPartDisclosures: {
    method: 'GET',
    path: '/api/rights-parts/:partId/disclosures',
    rule: "The controller's desk (SPEC RGT-CRT-03)",
    outcomes: RIGHTS_PART,
  },
  rightsEvidencePack: {
    method: 'GET',
    path: '/api/rights-parts/:partId/evidence-pack',
    rule: 'The desk that answered the part, once it is answered (SPEC RGT-CRT-01)',
    outcomes: RIGHTS_PART,
  },
  recordExternalDisclosure: {
    method: 'POST',
    path: '/api/cases/:caseId/items/:itemId/external-disclosures',
    rule: 'The controller of the item only (SPEC ROL-11, ROL-09)',
    outcomes: caseAction('own_organisation'),
  },
  listDesignations: { method: 'GET', path: '/api/designations', rule: 'The DPO (SPEC DAT-19)', outcomes: DPO_ONLY },
  designate: { method: 'POST', path: '/api/designations', rule: 'The DPO, for its own staff (SPEC DAT-19)', outcomes: DPO_ONLY },
  revokeDesignation: {
    method: 'POST',
    path: '/api/designations/:designationId/revocation',
    rule: 'The DPO',
    outcomes: DPO_ONLY,
  },
  exportDesignations: {
    method: 'GET',
    path: '/api/designations/export',
    rule: 'The DPO, for the supervisory authority (SPEC DAT-19)',
    outcomes: DPO_ONLY,
  },

  // The controller's dealings with the Commission (L1992 arts 10 §2, 30-33): its DPO's; the
  // Commission's inspector reads through its own account, which no subject of this matrix holds
  // (its cells are tested in test/supervision/inspector-access.test.ts).
  listSupervisoryCases: {
    method: 'GET',
    path: '/api/supervision/cases',
    rule: "The DPO, its controller's supervisory cases only (SPEC SUP-01)",
    outcomes: DPO_ONLY,
  },
  openSupervisoryCase: {
    method: 'POST',
    path: '/api/supervision/cases',
    rule: 'The DPO, for its controller (SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  getSupervisoryCase: {
    method: 'GET',
    path: '/api/supervision/cases/:caseId',
    rule: "The DPO; another controller's case does not exist for it (SPEC SUP-01)",
    outcomes: DPO_ONLY,
  },
  recordSupervisoryEntry: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/entries',
    rule: 'The DPO, while the case is open (SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  supervisoryEntryDocument: {
    method: 'GET',
    path: '/api/supervision/cases/:caseId/entries/:entryId/document',
    rule: 'The DPO (SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  addSupervisoryAction: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/actions',
    rule: 'The DPO, while the case is open (SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  completeSupervisoryAction: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/actions/:actionId/completion',
    rule: 'The DPO; 409 when done already (SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  inviteControllerPosition: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/positions',
    rule: 'The DPO, while the case is open (L1992 art. 30 §2; SPEC SUP-02)',
    outcomes: DPO_ONLY,
  },
  submitControllerPosition: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/positions/:positionId/submission',
    rule: 'The DPO; 409 when submitted already (SPEC SUP-02)',
    outcomes: DPO_ONLY,
  },
  controllerPositionDocument: {
    method: 'GET',
    path: '/api/supervision/cases/:caseId/positions/:positionId/document',
    rule: 'The DPO (SPEC SUP-02)',
    outcomes: DPO_ONLY,
  },
  closeSupervisoryCase: {
    method: 'POST',
    path: '/api/supervision/cases/:caseId/closure',
    rule: 'The DPO, once no action is left to do (409 before; SPEC SUP-01)',
    outcomes: DPO_ONLY,
  },
  openSupervisoryItems: {
    method: 'GET',
    path: '/api/supervision/open-items',
    rule: "The DPO: its controller's open actions and awaited positions (SPEC SUP-01)",
    outcomes: DPO_ONLY,
  },
  listRepeatInstructions: {
    method: 'GET',
    path: '/api/supervision/repeat-instructions',
    rule: "The DPO (L1992 art. 10 §2 al. 2; SPEC SUP-05)",
    outcomes: DPO_ONLY,
  },
  recordRepeatInstruction: {
    method: 'POST',
    path: '/api/supervision/repeat-instructions',
    rule: "The DPO, from a part of an access request at its desk (SPEC SUP-05)",
    outcomes: DPO_ONLY,
  },
  listInspectorGrants: {
    method: 'GET',
    path: '/api/supervision/inspector-grants',
    rule: 'The DPO (SPEC SUP-03, PEN-14)',
    outcomes: DPO_ONLY,
  },
  grantInspectorAccess: {
    method: 'POST',
    path: '/api/supervision/inspector-grants',
    rule: 'The DPO, with a fresh second factor (L1992 art. 32 §1; SPEC SUP-03, PEN-14)',
    outcomes: DPO_ONLY,
  },
  revokeInspectorAccess: {
    method: 'POST',
    path: '/api/supervision/inspector-grants/:grantId/revocation',
    rule: 'The DPO, while the account runs (409 after; SPEC SUP-03)',
    outcomes: DPO_ONLY,
  },
  getInspection: {
    method: 'GET',
    path: '/api/inspection',
    rule: 'An inspector within its period only; every subject here is refused (SPEC SUP-03, PEN-22)',
    outcomes: INSPECTOR_ONLY,
  },
  acknowledgeInspectionNotice: {
    method: 'POST',
    path: '/api/inspection/acknowledgement',
    rule: 'An inspector within its period only (L1992 art. 33; SPEC PEN-22)',
    outcomes: INSPECTOR_ONLY,
  },
  exportInspection: {
    method: 'GET',
    path: '/api/inspection/export',
    rule: 'An inspector within its period, notice acknowledged: read-only, no case content (SPEC SUP-03)',
    outcomes: INSPECTOR_ONLY,
  },
  inspectionAuditEvents: {
    method: 'GET',
    path: '/api/inspection/audit-events',
    rule: "An inspector within its period, notice acknowledged: the controller's audit metadata (SPEC SUP-03)",
    outcomes: INSPECTOR_ONLY,
  },
  listManagementProhibitions: {
    method: 'GET',
    path: '/api/admin/management-prohibitions',
    rule: 'Platform operator (L1992 art. 41 §2; SPEC PEN-17)',
    outcomes: OPERATOR,
  },
  recordManagementProhibition: {
    method: 'POST',
    path: '/api/admin/management-prohibitions',
    rule: 'Platform operator, with a fresh second factor (SPEC PEN-17)',
    outcomes: OPERATOR,
  },
  linkProhibitedAccount: {
    method: 'POST',
    path: '/api/admin/management-prohibitions/:prohibitionId/accounts',
    rule: 'Platform operator (SPEC PEN-17)',
    outcomes: OPERATOR,
  },
  prohibitedRoleAssignmentAttempts: {
    method: 'GET',
    path: '/api/admin/management-prohibitions/role-assignment-attempts',
    rule: 'Platform operator: the audit query of SPEC PEN-18',
    outcomes: OPERATOR,
  },
  listEmergencyAuthorities: {
    method: 'GET',
    path: '/api/admin/emergency-authorities',
    rule: 'Platform operator (L1992 art. 45; SPEC RET-09)',
    outcomes: OPERATOR,
  },
  designateEmergencyAuthority: {
    method: 'POST',
    path: '/api/admin/emergency-authorities',
    rule: 'Platform operator, with a fresh second factor, naming the royal decree (SPEC RET-09)',
    outcomes: OPERATOR,
  },
  revokeEmergencyAuthority: {
    method: 'POST',
    path: '/api/admin/emergency-authorities/:designationId/revocation',
    rule: 'Platform operator (SPEC RET-09)',
    outcomes: OPERATOR,
  },
  listDeclarations: {
    method: 'GET',
    path: '/api/declarations',
    rule: "The controller's DPO: its own declarations and what they leave to do (L2007 arts 17, 17bis; SPEC DCL)",
    outcomes: DPO_ONLY,
  },
  createDeclaration: {
    method: 'POST',
    path: '/api/declarations',
    rule: "The controller's DPO, for its own controller (L2007 art. 17 §5; SPEC DCL-17)",
    outcomes: DPO_ONLY,
  },
  getDeclaration: {
    method: 'GET',
    path: '/api/declarations/:declarationId',
    rule: "Its controller's DPO; to another DPO it does not exist (404) (SPEC DCL)",
    outcomes: DPO_ONLY,
  },
  updateDeclaration: {
    method: 'PATCH',
    path: '/api/declarations/:declarationId',
    rule: "Its controller's DPO (L2007 art. 17 §7; SPEC DCL-21)",
    outcomes: DPO_ONLY,
  },
  previewDeclaration: {
    method: 'GET',
    path: '/api/declarations/:declarationId/preview',
    rule: "Its controller's DPO (SPEC DCL-04..15)",
    outcomes: DPO_ONLY,
  },
  submitDeclaration: {
    method: 'POST',
    path: '/api/declarations/:declarationId/versions',
    rule: "Its controller's DPO (L2007 art. 17 §1, §7; SPEC DCL-01, DCL-21)",
    outcomes: DPO_ONLY,
  },
  getDeclarationVersionDocument: {
    method: 'GET',
    path: '/api/declarations/:declarationId/versions/:versionId/document',
    rule: "Its controller's DPO (SPEC DCL-25)",
    outcomes: DPO_ONLY,
  },
  acknowledgeDeclarationVersion: {
    method: 'POST',
    path: '/api/declarations/:declarationId/versions/:versionId/acknowledgement',
    rule: "Its controller's DPO (L2007 art. 17 §2; SPEC DCL-03)",
    outcomes: DPO_ONLY,
  },
  recordDeclarationIncomplete: {
    method: 'POST',
    path: '/api/declarations/:declarationId/versions/:versionId/incompleteness',
    rule: "Its controller's DPO (L2007 art. 17 §2; SPEC DCL-03)",
    outcomes: DPO_ONLY,
  },
  recordDeclarationPayment: {
    method: 'POST',
    path: '/api/declarations/:declarationId/versions/:versionId/payment',
    rule: "Its controller's DPO (L2007 art. 17 §9; SPEC DCL-23)",
    outcomes: DPO_ONLY,
  },
  completeDeclarationVersion: {
    method: 'POST',
    path: '/api/declarations/:declarationId/versions/:versionId/completion',
    rule: "Its controller's DPO (SPEC DCL-03, DCL-23)",
    outcomes: DPO_ONLY,
  },
  ceaseDeclaration: {
    method: 'POST',
    path: '/api/declarations/:declarationId/cessation',
    rule: "Its controller's DPO (L2007 art. 17 §7; SPEC DCL-21)",
    outcomes: DPO_ONLY,
  },
  setDeclarationRegisterNumber: {
    method: 'PUT',
    path: '/api/declarations/:declarationId/register-number',
    rule: "Its controller's DPO (L2007 art. 18; SPEC DCL-24)",
    outcomes: DPO_ONLY,
  },
  checkDeclarationConformity: {
    method: 'POST',
    path: '/api/declarations/:declarationId/conformity-check',
    rule: "Its controller's DPO (L2007 art. 16 §2 4°; SPEC SEC-10)",
    outcomes: DPO_ONLY,
  },
  fulfilDeclarationRiskCondition: {
    method: 'POST',
    path: '/api/declarations/:declarationId/risk-conditions/:conditionId/fulfilment',
    rule: "Its controller's DPO (L2007 art. 17bis; SPEC DCL-28)",
    outcomes: DPO_ONLY,
  },
  giveExemptionSheet: {
    method: 'POST',
    path: '/api/declarations/:declarationId/sheet-requests',
    rule: "Its controller's DPO, for an exempted processing (L2007 art. 17 §8 al. 2; SPEC DCL-22)",
    outcomes: DPO_ONLY,
  },
  getProcessingStatement: {
    method: 'GET',
    path: '/api/processing-statement',
    rule: "The controller's DPO, at its controller's desk (L1992 art. 16 §1 1°; SPEC SEC-13)",
    outcomes: DPO_ONLY,
  },
  getInformationPack: {
    method: 'GET',
    path: '/api/information-pack',
    rule: "The controller's DPO, at its controller's desk (L2007 art. 17 §4; SPEC DCL-16)",
    outcomes: DPO_ONLY,
  },
  getManualFileSheet: {
    method: 'GET',
    path: '/api/manual-file-sheet',
    rule: "The controller's DPO, at its controller's desk (L2007 art. 19; SPEC DCL-26)",
    outcomes: DPO_ONLY,
  },
  getPenalEvidencePack: {
    method: 'GET',
    path: '/api/penal-evidence/art-38-pack',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 38; SPEC PEN-01)",
    outcomes: DPO_ONLY,
  },
  getUninformedCollections: {
    method: 'GET',
    path: '/api/penal-evidence/uninformed-collections',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 1°; SPEC PEN-02)",
    outcomes: DPO_ONLY,
  },
  getMinimisationGrounds: {
    method: 'GET',
    path: '/api/penal-evidence/minimisation',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 3°; SPEC PEN-04)",
    outcomes: DPO_ONLY,
  },
  getOverdueInformation: {
    method: 'GET',
    path: '/api/penal-evidence/overdue-information',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 4°; SPEC PEN-05)",
    outcomes: DPO_ONLY,
  },
  getAccessRequestSla: {
    method: 'GET',
    path: '/api/penal-evidence/access-request-sla',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 5°; SPEC PEN-06)",
    outcomes: DPO_ONLY,
  },
  getDeclarationCoverage: {
    method: 'GET',
    path: '/api/penal-evidence/declaration-coverage',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 7°; SPEC PEN-08)",
    outcomes: DPO_ONLY,
  },
  getDeclarationConformity: {
    method: 'GET',
    path: '/api/penal-evidence/declaration-conformity',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 8°; SPEC PEN-09)",
    outcomes: DPO_ONLY,
  },
  getTemplateInventory: {
    method: 'GET',
    path: '/api/penal-evidence/template-inventory',
    rule: "The controller's DPO, at its controller's desk: its penal evidence (L1992 art. 39 9°; SPEC PEN-10)",
    outcomes: DPO_ONLY,
  },
  getLeakTrace: {
    method: 'GET',
    path: '/api/penal-evidence/leak-trace',
    rule: "The controller's DPO, at its controller's desk: the exports of its items a leaked copy's watermark or hash names (CP art. 458; SPEC PEN-21)",
    outcomes: DPO_ONLY,
  },
  getFrameworkDeclarations: {
    method: 'GET',
    path: '/api/frameworks/:frameworkId/declarations',
    rule: 'Those who see the framework: the operator and its parties; the register numbers of its parties (L2007 art. 18; SPEC DCL-24)',
    outcomes: FRAMEWORK_READ,
  },
  getPublicRegister: {
    method: 'GET',
    path: '/api/public/register',
    rule: 'Anyone, without a session: the public register holds no personal data (L2007 art. 18; SPEC DCL-24)',
    outcomes: PUBLIC,
  },
  getPublicRegisterEntry: {
    method: 'GET',
    path: '/api/public/register/:declarationId',
    rule: 'Anyone, without a session (L2007 art. 18, art. 17 §8 al. 2, art. 20; SPEC DCL-24, DCL-22, DCL-27)',
    outcomes: PUBLIC,
  },
  getPublicRegisterEntryPdf: {
    method: 'GET',
    path: '/api/public/register/:declarationId/pdf',
    rule: 'Anyone, without a session (L2007 art. 18; SPEC DCL-24, DCL-25)',
    outcomes: PUBLIC,
  },
  listSecurityPlanReviews: {
    method: 'GET',
    path: '/api/compliance/security-plan-reviews',
    rule: "The operator and the controllers' DPOs; no case content (SPEC SEC-03)",
    outcomes: INSTANCE_EVIDENCE,
  },
  recordSecurityPlanReview: {
    method: 'POST',
    path: '/api/compliance/security-plan-reviews',
    rule: "The operator or a controller's DPO (L2007 art. 16 §4 binds both; SPEC SEC-03)",
    outcomes: INSTANCE_EVIDENCE,
  },
  listRestoreTests: {
    method: 'GET',
    path: '/api/compliance/restore-tests',
    rule: "The operator and the controllers' DPOs (SPEC SEC-03)",
    outcomes: INSTANCE_EVIDENCE,
  },
  recordRestoreTest: {
    method: 'POST',
    path: '/api/compliance/restore-tests',
    rule: "The operator or a controller's DPO (SPEC SEC-03)",
    outcomes: INSTANCE_EVIDENCE,
  },
  getFederalUseGate: {
    method: 'GET',
    path: '/api/compliance/federal-use-gate',
    rule: "The operator and the controllers' DPOs (SPEC SCO-08)",
    outcomes: INSTANCE_EVIDENCE,
  },
  getComplianceDashboard: {
    method: 'GET',
    path: '/api/compliance/dashboard',
    rule: "Its own organisation's: the DPO, and the compliance owner's account the DPO designated (SPEC SCO-12)",
    outcomes: DPO_ONLY,
  },
  designateComplianceOwner: {
    method: 'PUT',
    path: '/api/compliance/owner',
    rule: 'The DPO, a member of its own organisation (L2007 art. 4 §2; SPEC SCO-12)',
    outcomes: DPO_ONLY,
  },
  listNormSets: {
    method: 'GET',
    path: '/api/compliance/norm-sets',
    rule: "Its own organisation's: the DPO and the designated compliance owner (SPEC SEC-04)",
    outcomes: DPO_ONLY,
  },
  importNormSet: {
    method: 'POST',
    path: '/api/compliance/norm-sets',
    rule: 'The DPO or the designated compliance owner, for its own organisation (SPEC SEC-04)',
    outcomes: DPO_ONLY,
  },
  assessNormControl: {
    method: 'PUT',
    path: '/api/compliance/norm-sets/:normSetId/controls/:controlId/status',
    rule: "The DPO or the designated compliance owner; another controller's control does not exist for it (SPEC SEC-04)",
    outcomes: DPO_ONLY,
  },
  listStatisticsFrameworks: {
    method: 'GET',
    path: '/api/statistics/frameworks',
    rule: 'A DPO (the frameworks its organisation takes part in) or an organiser (those it organises); never the host (SPEC PUR-03)',
    outcomes: STATISTICS_READERS,
  },
  getFrameworkStatistics: {
    method: 'GET',
    path: '/api/statistics/frameworks/:frameworkId',
    rule: "The DPOs of the framework's parties and its organiser: anonymised aggregates, counts below 5 suppressed (SPEC PUR-03)",
    outcomes: STATISTICS_READERS,
  },
  getTransferCountries: {
    method: 'GET',
    path: '/api/cross-border/countries',
    rule: 'Every full session: reference lists with their sources, no personal data (L2007 art. 21)',
    outcomes: FULL_SESSION,
  },
  getTransferRegister: {
    method: 'GET',
    path: '/api/cross-border/register',
    rule: "The controller's DPO, its own register (L2007 arts 21-22; SPEC TRF-01, ROL-12)",
    outcomes: DPO_ONLY,
  },
  exportTransferRegister: {
    method: 'GET',
    path: '/api/cross-border/register/export',
    rule: "The controller's DPO, for the supervisory authority (SPEC PEN-13)",
    outcomes: DPO_ONLY,
  },
  registerTransferDestination: {
    method: 'POST',
    path: '/api/cross-border/destinations',
    rule: "The controller's DPO, in its own register (SPEC TRF-01)",
    outcomes: DPO_ONLY,
  },
  endTransferDestination: {
    method: 'POST',
    path: '/api/cross-border/destinations/:destinationId/end',
    rule: "The controller's DPO; another register's destination does not exist for it (SPEC TRF-01)",
    outcomes: DPO_ONLY,
  },
  getTransferClauses: {
    method: 'GET',
    path: '/api/cross-border/destinations/:destinationId/clauses',
    rule: "The controller's DPO (SPEC TRF-10)",
    outcomes: DPO_ONLY,
  },
  recordAdequacyAssessment: {
    method: 'POST',
    path: '/api/cross-border/adequacy-assessments',
    rule: "The controller's DPO (SPEC TRF-02)",
    outcomes: DPO_ONLY,
  },
  withdrawAdequacyAssessment: {
    method: 'POST',
    path: '/api/cross-border/adequacy-assessments/:assessmentId/withdrawal',
    rule: "The controller's DPO (SPEC TRF-02)",
    outcomes: DPO_ONLY,
  },
  listTransferDenyRules: {
    method: 'GET',
    path: '/api/cross-border/deny-rules',
    rule: 'The platform operator who keeps them, and the DPOs they bind (SPEC TRF-03)',
    outcomes: outcomes('forbidden', { no_session: 'unauthenticated', operator: 'allow', dpo: 'allow' }),
  },
  addTransferDenyRule: {
    method: 'POST',
    path: '/api/cross-border/deny-rules',
    rule: 'Platform operator: a royal decree binds every controller alike (L2007 art. 21 §2; SPEC TRF-03)',
    outcomes: OPERATOR,
  },
  repealTransferDenyRule: {
    method: 'POST',
    path: '/api/cross-border/deny-rules/:ruleId/repeal',
    rule: 'Platform operator (SPEC TRF-03)',
    outcomes: OPERATOR,
  },
  listBlockedTransfers: {
    method: 'GET',
    path: '/api/cross-border/blocked-transfers',
    rule: "The controller's DPO, its own refused transfers (SPEC PEN-03)",
    outcomes: DPO_ONLY,
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
  recordRoyalDecree: {
    method: 'POST',
    path: '/api/admin/organisations/:organisationId/royal-decrees',
    rule: 'Platform operator (SPEC DAT-32, DAT-33)',
    outcomes: OPERATOR,
  },
  updateRoyalDecree: {
    method: 'PATCH',
    path: '/api/admin/organisations/:organisationId/royal-decrees/:royalDecreeId',
    rule: 'Platform operator; a decree that has ended is kept as it was (SPEC DAT-33)',
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
  changeUserPermissions: {
    method: 'PUT',
    path: '/api/admin/users/:userId/permissions',
    rule: 'Platform operator (SPEC SEC-07)',
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
  listRestrictions: {
    method: 'GET',
    path: '/api/restrictions',
    rule: "The prosecutors of an office, its own restrictions only (bill art. 7; SPEC RGT-RST-01, RST-08)",
    outcomes: OFFICE_PROSECUTOR,
  },
  createRestriction: {
    method: 'POST',
    path: '/api/restrictions',
    rule:
      'A prosecutor of the office that authorised the consultation, on a case it sees (409 naming the precondition when the basis is not its authorisation; SPEC RGT-RST-01)',
    outcomes: caseAction('reviewer'),
  },
  getRestriction: {
    method: 'GET',
    path: '/api/restrictions/:restrictionId',
    rule: 'The prosecutors of the office that decided it; to others of the office it does not exist (SPEC RGT-RST-08)',
    outcomes: OFFICE_PROSECUTOR,
  },
  restrictionReport: {
    method: 'GET',
    path: '/api/restrictions/:restrictionId/report',
    rule: 'The prosecutors of the office that decided it (SPEC RGT-RST-02..06, RST-10)',
    outcomes: OFFICE_PROSECUTOR,
  },
  reviewRestriction: {
    method: 'POST',
    path: '/api/restrictions/:restrictionId/reviews',
    rule: 'The prosecutors of the office that decided it (SPEC RGT-RST-07)',
    outcomes: OFFICE_PROSECUTOR,
  },
  restrictionFlags: {
    method: 'GET',
    path: '/api/restrictions/cases/:caseId/flags',
    rule: 'Those who see the case: the neutral flag, never the grounds (SPEC RGT-RST-08)',
    outcomes: CASE_READ,
  },
  listProsecutorList: {
    method: 'GET',
    path: '/api/prosecutor-list',
    rule: "The prosecutors of the office, for the upkeep of its list; no export (bill art. 8; SPEC LST-01, LST-02)",
    outcomes: OFFICE_PROSECUTOR,
  },
  lookUpProsecutorList: {
    method: 'POST',
    path: '/api/prosecutor-list/lookups',
    rule: 'The prosecutors of the office, linked to a restriction or rights request (400 without one; SPEC LST-02)',
    outcomes: OFFICE_PROSECUTOR,
  },
  validateListEntry: {
    method: 'POST',
    path: '/api/prosecutor-list/:entryId/validation',
    rule: 'The prosecutors of the office (SPEC LST-01, LST-03)',
    outcomes: OFFICE_PROSECUTOR,
  },
  removeListEntry: {
    method: 'POST',
    path: '/api/prosecutor-list/:entryId/removal',
    rule: 'The prosecutors of the office, with a reason (SPEC LST-04)',
    outcomes: OFFICE_PROSECUTOR,
  },
  applyListIdentityUpdate: {
    method: 'POST',
    path: '/api/prosecutor-list/:entryId/identity-update',
    rule: 'The prosecutors of the office (SPEC LST-04)',
    outcomes: OFFICE_PROSECUTOR,
  },
  listProcessorRecords: {
    method: 'GET',
    path: '/api/processors',
    rule: "The controller's DPO, its own registry; the host's staff, the host's records of every controller (L2007 art. 16 §1; SPEC PRC-01)",
    outcomes: PROCESSOR_PARTIES,
  },
  getHostCoverage: {
    method: 'GET',
    path: '/api/processors/host-coverage',
    rule: "Platform operator: each controller and the host's record for it (SPEC PRC-01, PRC-06)",
    outcomes: OPERATOR,
  },
  createProcessorRecord: {
    method: 'POST',
    path: '/api/processors',
    rule: "The controller's DPO records its processors; the host's staff propose the host's record and its sub-processors (SPEC PRC-01, PRC-06)",
    outcomes: PROCESSOR_PARTIES,
  },
  getProcessorRecord: {
    method: 'GET',
    path: '/api/processors/:recordId',
    rule: "The controller's DPO; the host's staff for the host's side; to others of the two it does not exist (SPEC PRC-01)",
    outcomes: PROCESSOR_PARTIES,
  },
  updateProcessorRecord: {
    method: 'PATCH',
    path: '/api/processors/:recordId',
    rule: "The controller's DPO; the host's staff for the host's side (SPEC PRC-01)",
    outcomes: PROCESSOR_PARTIES,
  },
  approveProcessorRecord: {
    method: 'POST',
    path: '/api/processors/:recordId/approval',
    rule: "The controller's DPO only: the controller chooses its processor (L2007 art. 16 §1 1°; SPEC PRC-01, PRC-03, PRC-04)",
    outcomes: DPO_ONLY,
  },
  uploadProcessorDocument: {
    method: 'POST',
    path: '/api/processors/:recordId/documents',
    rule: "The controller's DPO; the host's staff for the host's side (L2007 art. 16 §1 5°; SPEC PRC-05, PRC-07)",
    outcomes: PROCESSOR_PARTIES,
  },
  downloadProcessorDocument: {
    method: 'GET',
    path: '/api/processors/:recordId/documents/:documentId',
    rule: "The controller's DPO; the host's staff for the host's side (SPEC PRC-05)",
    outcomes: PROCESSOR_PARTIES,
  },
  recordProcessorReview: {
    method: 'POST',
    path: '/api/processors/:recordId/reviews',
    rule: "The controller's DPO only (L2007 art. 16 §1 2°, §4; SPEC PRC-02, PRC-07)",
    outcomes: DPO_ONLY,
  },
  listBreakGlassGrants: {
    method: 'GET',
    path: '/api/break-glass',
    rule: "The host's staff, the host's grants; the controller's DPO, its own (SPEC SEC-12)",
    outcomes: PROCESSOR_PARTIES,
  },
  requestBreakGlass: {
    method: 'POST',
    path: '/api/break-glass',
    rule: "Platform operator (the host's staff), under a support ticket; nothing is readable until the controller instructs (L2007 art. 16 §3; SPEC PRC-06)",
    outcomes: OPERATOR,
  },
  getBreakGlassGrant: {
    method: 'GET',
    path: '/api/break-glass/:grantId',
    rule: "The host's staff; the DPO of the grant's controller; to another DPO it does not exist (SPEC SEC-12)",
    outcomes: PROCESSOR_PARTIES,
  },
  approveBreakGlass: {
    method: 'POST',
    path: '/api/break-glass/:grantId/approval',
    rule: "The DPO of the grant's controller gives the instruction (L2007 art. 16 §3; SPEC SEC-12, PRC-06)",
    outcomes: DPO_ONLY,
  },
  refuseBreakGlass: {
    method: 'POST',
    path: '/api/break-glass/:grantId/refusal',
    rule: "The DPO of the grant's controller (SPEC SEC-12)",
    outcomes: DPO_ONLY,
  },
  closeBreakGlass: {
    method: 'POST',
    path: '/api/break-glass/:grantId/closure',
    rule: "Its grantee closes it; the DPO of the grant's controller revokes it (SPEC SEC-12)",
    outcomes: PROCESSOR_PARTIES,
  },
  readBreakGlassContent: {
    method: 'GET',
    path: '/api/break-glass/:grantId/content',
    rule: "The grant's named grantee of the host's staff, approved and within its window, reads that controller's records of that case only (L2007 art. 16 §3; SPEC SEC-12)",
    outcomes: OPERATOR,
  },
  listInterconnections: {
    method: 'GET',
    path: '/api/interconnections',
    rule: 'Every member: the interconnections its organisation is a party to (the register names no person; L1992 art. 21, SPEC INT-01)',
    outcomes: FULL_SESSION,
  },
  registerInterconnection: {
    method: 'POST',
    path: '/api/interconnections',
    rule: "The DPO, for its organisation's connected system; registering approves its side (SPEC INT-01)",
    outcomes: DPO_ONLY,
  },
  interconnectionRegistrationOptions: {
    method: 'GET',
    path: '/api/interconnections/registration-options',
    rule: "The DPO: its organisation's active frameworks, their mappable categories and possible parties (SPEC INT-01)",
    outcomes: DPO_ONLY,
  },
  exportInterconnectionRegister: {
    method: 'GET',
    path: '/api/interconnections/register',
    rule: "The DPO: its controller's register of interconnections, JSON or PDF (L1992 art. 39 11°; SPEC PEN-12)",
    outcomes: DPO_ONLY,
  },
  getInterconnection: {
    method: 'GET',
    path: '/api/interconnections/:interconnectionId',
    rule: 'The members of its parties (here the police, owner, and the coordination); to others it does not exist (SPEC INT-01)',
    outcomes: outcomes('not_found', {
      no_session: 'unauthenticated',
      no_mfa: 'forbidden',
      dpo: 'allow',
      own_organisation: 'allow',
      compartment_before_signalling: 'allow',
      organiser: 'allow',
    }),
  },
  approveInterconnection: {
    method: 'POST',
    path: '/api/interconnections/:interconnectionId/approval',
    rule: "The DPO of a party, for its side (404 to another party's DPO; SPEC INT-01)",
    outcomes: DPO_ONLY,
  },
  suspendInterconnection: {
    method: 'POST',
    path: '/api/interconnections/:interconnectionId/suspension',
    rule: "The DPO of a party: its controller's kill switch (SPEC INT-02)",
    outcomes: DPO_ONLY,
  },
  resumeInterconnection: {
    method: 'POST',
    path: '/api/interconnections/:interconnectionId/resumption',
    rule: 'The DPO of the party that switched it off (409 for another party; SPEC INT-02)',
    outcomes: DPO_ONLY,
  },
  retireInterconnection: {
    method: 'POST',
    path: '/api/interconnections/:interconnectionId/retirement',
    rule: "The owner's DPO (403 to another party's; SPEC INT-01)",
    outcomes: DPO_ONLY,
  },
  listInterconnectionExchanges: {
    method: 'GET',
    path: '/api/interconnections/:interconnectionId/exchanges',
    rule: 'The DPO of a party: the per-transaction log (SPEC INT-02, SEC-05)',
    outcomes: DPO_ONLY,
  },
  listInterconnectionLinks: {
    method: 'GET',
    path: '/api/cases/:caseId/interconnection-links',
    rule: "Those who see the case, as its items' sources (SPEC INT-02)",
    outcomes: CASE_READ,
  },
  linkInterconnection: {
    method: 'POST',
    path: '/api/cases/:caseId/interconnection-links',
    rule: "A member of the interconnection's owner who may contribute to the case for it (bill art. 3 §1 al. 2; SPEC INT-02, ROL-09)",
    outcomes: caseAction('own_organisation'),
  },
  endInterconnectionLink: {
    method: 'POST',
    path: '/api/cases/:caseId/interconnection-links/:linkId/end',
    rule: "A member of the link's organisation who may contribute to the case (SPEC INT-02, ROL-09)",
    outcomes: caseAction('own_organisation'),
  },
  deliverThroughInterconnection: {
    method: 'POST',
    path: '/api/interconnections/:interconnectionId/deliveries',
    rule: 'No session counts: only a connected system signing with the key of a registered, approved and active interconnection; any other caller 403 and a security event (L1992 art. 21; SPEC INT-01, INT-02)',
    outcomes: outcomes('forbidden'),
  },
};
