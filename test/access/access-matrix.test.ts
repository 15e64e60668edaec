/**
 * The access matrix, cell by cell, through the HTTP API (issue 3 scope 8). Every route the app
 * registers must be declared in src/server/modules/access/access-matrix.ts and have an example
 * request here; docs/access-matrix.md must be the rendering of the declaration.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAccessMatrix } from '../../scripts/access-matrix-doc.js';
import {
  ACCESS_MATRIX,
  type Outcome,
  SUBJECT_IDS,
  type Subject,
} from '../../src/server/modules/access/access-matrix.js';
import { totpCode } from '../../src/server/modules/auth/credentials/totp.js';
import { WELFARE_AGENCY } from '../../src/server/modules/identity/identity-fixtures.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import type { CaseState } from '../../src/server/db/schema.js';
import {
  type AccessWorld,
  type CaseOptions,
  createAccessWorld,
  type FixtureCase,
  type PersonName,
  type Signed,
} from '../support/access-world.js';
import { courtAction, recordCourtActionOn } from '../support/contested-steps.js';
import { legalHoldOrder, placeLegalHoldOn } from '../support/legal-hold-steps.js';
import {
  addDenyRule,
  adequacyAssessment,
  denyRule,
  recordAssessment,
  registerDestination,
  royalDecreeDestination,
  transferDestination,
} from '../support/cross-border-steps.js';
import { paperAnnex, paperPartOf } from '../support/paper-part-steps.js';
import {
  actionOf as supervisoryActionOf,
  complaintCase,
  grantOf,
  inspectorGrant,
  LETTER,
  positionOf,
  prohibitionOrder,
  recommendationOf,
  submittedPositionOf,
  supervisoryCaseOf,
  today as supervisionToday,
} from '../support/supervision-steps.js';
import { newCase } from '../support/case-steps.js';
import {
  connectedSystem,
  focusDelivery,
  focusRegistration,
  linkFile,
  registerInterconnection,
} from '../support/interconnection-steps.js';
import { completeFramework, rawRequest } from '../support/consultation-steps.js';
import { declareFrameworkParties } from '../support/declaration-steps.js';
import { planReview } from '../support/compliance-steps.js';
import {
  approvedBreakGlass,
  completeSubProcessor,
  hostRecordOf,
  pendingBreakGlass,
  SIGNED_PDF,
  subProcessorBody,
  uploadProcessorDocument,
} from '../support/processor-steps.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Cell {
  subject: Subject;
  /** The person the subject is (for no_session: whose resources are used, without a cookie). */
  person: PersonName;
  who: Signed | null;
  caseId: string;
  address: string;
}

interface Example {
  method: Method;
  url: string;
  payload?: unknown;
  /** Who sends it, when not the cell's own session (e.g. a throwaway user for logout). */
  who?: Signed | null;
  /**
   * The request carries a secret or state the route checks after access (a made-up passkey
   * answer, an ended period): `allow` then means "let through to that check", not 2xx.
   */
  checkedAfterAccess?: true;
  /** Sent raw with this content type (an attachment, a signed PDF). */
  contentType?: string;
}

const PERSON: Record<Subject, PersonName> = {
  no_session: 'socialWorker',
  no_mfa: 'unenrolled',
  no_secrecy_undertaking: 'newSocialWorker',
  operator: 'operator',
  dpo: 'policeDpo',
  own_organisation: 'policeOfficer',
  compartment_before_signalling: 'coordinator',
  reviewer: 'prosecutor',
  organiser: 'coordinator',
  co_participant: 'socialWorker',
  representative: 'representative',
  expired_representation: 'formerRepresentative',
  other_organisation: 'youthWorker',
  admission_revoked: 'youthWorker',
};

let world: AccessWorld;
type Family = 'draft' | 'review' | 'signalled' | 'shared' | 'elsewhere';
let cases: Record<Family, FixtureCase>;
let serial = 0;
const unique = () => `${Date.now().toString(36)}${serial++}`;

/** Which case each caller is tried on: its relation to the case is the subject's. */
function familyOf(subject: Subject): Family {
  switch (subject) {
    case 'reviewer':
      return 'review';
    case 'organiser':
      return 'signalled';
    case 'other_organisation':
      return 'elsewhere';
    case 'own_organisation':
    case 'compartment_before_signalling':
    case 'dpo':
    case 'operator':
      return 'draft';
    default:
      return 'shared';
  }
}

const caseOf = (subject: Subject): string => cases[familyOf(subject)].id;
const recordsOf = (subject: Subject): FixtureCase => cases[familyOf(subject)];

const FAMILY_CASES: Record<Family, { state: CaseState; options: CaseOptions }> = {
  draft: { state: 'pre_registered', options: {} },
  review: { state: 'under_evaluation', options: { reviewer: 'parquet' } },
  signalled: { state: 'signalled', options: {} },
  shared: { state: 'in_consultation', options: { admitted: ['cpas'], revoked: ['youth'] } },
  elsewhere: { state: 'in_consultation', options: { admitted: ['cpas'] } },
};

/**
 * A new case for a cell whose request changes it, of the subject's family; `states` moves the
 * organiser's and the shared file's families to the state the action needs for those who may act.
 */
function freshCase(
  cell: Cell,
  states: { organiser?: CaseState; shared?: CaseState; organiserOptions?: CaseOptions } = {},
): Promise<FixtureCase> {
  const family = familyOf(cell.subject);
  const base = FAMILY_CASES[family];
  if (family === 'signalled' && states.organiser) {
    return world.policeCaseWithRecords(states.organiser, states.organiserOptions ?? {});
  }
  if (family === 'shared' && states.shared) return world.policeCaseWithRecords(states.shared, base.options);
  return world.policeCaseWithRecords(base.state, base.options);
}

/** A signed access request about a person nobody holds (SPEC RGT-GEN-01). */
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const rightsRequest = () => ({
  kind: 'access',
  channel: 'post',
  receivedAt: world.clock.now().toISOString(),
  datedOn: '2026-03-01',
  signed: true,
  language: 'nl',
  requester: { name: `Peeters ${unique()}`, birthDate: '1970-05-05', address: 'Veldstraat 1, 9000 Gent' },
  text: 'Welke gegevens verwerkt u over mij?',
  document: { mediaType: 'application/pdf', contentBase64: PDF_BASE64 },
  identity: { method: 'in_person' },
});

/** The police desk's own part of a fresh request (its DPO took it in). */
async function policeRightsPart(): Promise<{ requestId: string; partId: string }> {
  const res = await world.request(world.people.policeDpo, 'POST', '/api/rights-requests', rightsRequest());
  expect(res.statusCode, res.body).toBe(201);
  return { requestId: res.json().requestId, partId: res.json().ownPart.id };
}

const REASON = { reason: 'Toegangsmatrix: reden van de handeling.' };
const SUBJECT = { role: 'subject', identity: { surname: 'Claes', firstNames: 'Noor' } };
const ITEM = (personId: string) => ({
  category: 'C06',
  personIds: [personId],
  content: 'Sociale context.',
  classification: 'non_classified',
  provenance: { kind: 'already_held', sourceReference: 'dossier 2026/17' },
  missionConfirmed: true,
});

/** A catch-all item (category 16) the police adds to its accepted case, for the organiser to review (SPEC DAT-16). */
async function catchAllItemOf(kase: FixtureCase): Promise<string> {
  const res = await world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/items`, {
    ...ITEM(kase.personId),
    category: 'C16',
    relevance: 'Nodig voor een veilig huisbezoek.',
  });
  if (res.statusCode !== 201) throw new Error(`addItem: ${res.body}`);
  return res.json().id;
}

/** The same user kind, with a session of its own, for requests that end or rotate a session. */
async function throwaway(cell: Cell): Promise<(Signed & { totpSecret: string }) | null> {
  return cell.who ? world.newcomer(cell.person) : null;
}

const BOGUS_ATTESTATION = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
  clientExtensionResults: {},
};
const BOGUS_ASSERTION = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

/** A royal decree of L1992 art. 8 §5 (SPEC DAT-32), for an organisation of nobody here. */
const ROYAL_DECREE = () => ({
  kind: 'judicial_data_prior_notice',
  reference: `KB ${unique()} (BS 2025-11-14)`,
  validFrom: '2026-01-01',
  validUntil: null,
});

async function freshOrganisation(): Promise<string> {
  const res = await world.request(world.people.operator, 'POST', '/api/admin/organisations', {
    ...WELFARE_AGENCY,
    legalName: `Dienst ${unique()}`,
  });
  if (res.statusCode !== 201) throw new Error(`createOrganisation: ${res.body}`);
  return res.json().id;
}

/** A draft framework of the operator; `complete` fills what activation needs (SPEC SCO-03). */
async function draftFramework(complete = false): Promise<string> {
  const res = await world.request(world.people.operator, 'POST', '/api/frameworks', {
    name: `Kader ${unique()}`,
    template: 'intrafamily_violence',
    ...(complete && {
      basisCitation: { title: 'Decreet Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
      organiserOrganisationId: world.org.coordination,
      participantIds: [world.org.police, world.org.cpas],
      modalities: 'Maandelijks overleg.',
      defaultRetention: { months: 60 },
    }),
  });
  if (res.statusCode !== 201) throw new Error(`createFramework: ${res.body}`);
  return res.json().id;
}

/** The organisation each person of the matrix belongs to. */
const ORGANISATION_OF: Record<PersonName, 'police' | 'parquet' | 'coordination' | 'cpas' | 'youth' | 'host'> = {
  policeOfficer: 'police',
  policeDpo: 'police',
  cpasDpo: 'cpas',
  prosecutor: 'parquet',
  coordinator: 'coordination',
  socialWorker: 'cpas',
  newSocialWorker: 'cpas',
  youthWorker: 'youth',
  representative: 'cpas',
  formerRepresentative: 'cpas',
  operator: 'host',
  unenrolled: 'cpas',
};

async function freshUser(): Promise<string> {
  const res = await world.request(world.people.operator, 'POST', '/api/admin/users', {
    organisationId: world.org.cpas,
    email: `target.${unique()}@cpas.example`,
    displayName: 'Bram Smets',
    roles: ['participant'],
  });
  if (res.statusCode !== 201) throw new Error(`createUser: ${res.body}`);
  return res.json().id;
}

/** A one-control IT-security norm set of its own version (SPEC SEC-04). */
const normSet = () => ({
  code: `MATRIX-${unique()}`,
  version: '1',
  title: 'Access matrix norms',
  issuer: 'Access matrix',
  source: 'test/access/access-matrix.test.ts',
  controls: [{ code: 'M-1', title: 'A control' }],
});

/** The information obligation the police opened for the case's subject (SPEC RGT-INF-02). */
async function obligationOf(kase: FixtureCase): Promise<string> {
  const row = await world.db.adminDb
    .selectFrom('information_obligations')
    .select('id')
    .where('person_id', '=', kase.personId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The police's declaration of the world's framework (the fixture's, test/support/declaration-steps.ts). */
async function policeDeclaration(): Promise<{ id: string; versionId: string }> {
  const row = await world.db.adminDb
    .selectFrom('declarations as d')
    .innerJoin('declaration_versions as v', 'v.declaration_id', 'd.id')
    .innerJoin('declaration_frameworks as m', 'm.declaration_id', 'd.id')
    .select(['d.id', 'v.id as versionId'])
    .where('d.organisation_id', '=', world.org.police)
    .where('m.framework_id', '=', world.frameworkId)
    .orderBy('v.number', 'desc')
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * For the police DPO's cell, a new declaration of the police covering a new draft framework, in the
 * state the route needs (SPEC DCL-01..28); every other cell is refused before the state matters.
 */
async function declarationFor(
  cell: Cell,
  state: 'draft' | 'submitted' | 'paid' = 'submitted',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; versionId: string }> {
  if (cell.subject !== 'dpo') return policeDeclaration();
  const dpo = world.people.policeDpo;
  const created = await world.request(dpo, 'POST', '/api/declarations', {
    purposes: ['P1', 'P2', 'P3'],
    language: 'nl',
    frameworks: [{ frameworkId: await draftFramework(true), processingName: { fr: 'Concertation', nl: 'Casusoverleg' } }],
    ...extra,
  });
  if (created.statusCode !== 201) throw new Error(`createDeclaration: ${created.body}`);
  const id: string = created.json().id;
  if (state === 'draft') return { id, versionId: '' };
  const today = brusselsDateOf(world.clock.now());
  const submitted = await world.request(dpo, 'POST', `/api/declarations/${id}/versions`, { submittedOn: today });
  if (submitted.statusCode !== 201) throw new Error(`submitDeclaration: ${submitted.body}`);
  const versionId: string = submitted.json().versions[0].id;
  if (state === 'paid') {
    const url = `/api/declarations/${id}/versions/${versionId}`;
    await world.request(dpo, 'POST', `${url}/acknowledgement`, { acknowledgedOn: today });
    await world.request(dpo, 'POST', `${url}/payment`, { amount: { cents: 2500, currency: 'EUR' }, paidOn: today, reference: `PAY-${unique()}` });
  }
  return { id, versionId };
}

/** A destruction list kept by the coordination over the police's records, not approved yet (written as the owner). */
async function coordinationList(): Promise<string> {
  const row = await world.db.adminDb
    .insertInto('destruction_lists')
    .values({
      keeper_organisation_id: world.org.coordination,
      keeper_relation: 'organiser',
      controller_ids: [world.org.police],
      created_at: world.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A paper destruction task of the police whose case is not purged (the confirmation answers 409 past access). */
async function policePaperTask(): Promise<string> {
  const row = await world.db.adminDb
    .insertInto('paper_destruction_tasks')
    .values({
      paper_part_id: crypto.randomUUID(),
      case_id: crypto.randomUUID(),
      controller_organisation_id: world.org.police,
      categories: ['C11'],
      due_on: brusselsDateOf(world.clock.now()),
      created_at: world.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case the coordination organises whose 40 years, with their provision, await its DPO (SPEC RET-01). */
async function coordinationOverride(): Promise<string> {
  const kase = await world.policeCaseWithRecords('accepted');
  await world.db.adminDb
    .updateTable('cases')
    .set({
      retention_months: 360,
      retention_proposal: 1,
      retention_override_months: 480,
      retention_override_rule: 'Archiefwet art. 5',
    })
    .where('id', '=', kase.id)
    .execute();
  return kase.id;
}

/** The necessity review of a closed police case, kept by the coordination (SPEC RET-05). */
async function coordinationReview(): Promise<string> {
  const kase = await world.policeCaseWithRecords('closed');
  const row = await world.db.adminDb
    .insertInto('necessity_reviews')
    .values({
      case_id: kase.id,
      keeper_organisation_id: world.org.coordination,
      keeper_relation: 'organiser',
      due_on: brusselsDateOf(world.clock.now()),
      created_at: world.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A court's erasure order of a police case (L1992 art. 41 §1; SPEC PEN-16). */
const courtErasureOrder = (caseId: string) => ({
  court: 'Correctionele rechtbank Oost-Vlaanderen, afdeling Gent',
  judgmentDate: '2026-01-15',
  judgmentReference: `Corr. Gent ${unique()}`,
  caseIds: [caseId],
});

/** An erasure order of a fresh police draft, recorded by the police's DPO and not executed yet. */
async function policeErasureOrder(): Promise<string> {
  const kase = await world.policeCaseWithRecords('pre_registered');
  const res = await world.request(world.people.policeDpo, 'POST', '/api/destruction-orders', courtErasureOrder(kase.id));
  if (res.statusCode !== 201) throw new Error(`recordCourtErasureOrder: ${res.body}`);
  return res.json().id;
}

/** One request per route that exercises its access rule for the cell's caller. */
const EXAMPLES: Record<string, (cell: Cell) => Promise<Example> | Example> = {
  getHealth: () => ({ method: 'GET', url: '/healthz' }),
  getReadiness: () => ({ method: 'GET', url: '/readyz' }),
  getVersion: () => ({ method: 'GET', url: '/api/version' }),
  getOpenApi: () => ({ method: 'GET', url: '/api/openapi.json' }),
  login: () => ({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: `nobody.${unique()}@nowhere.example`, password: 'not the password' },
  }),
  startPasskeyLogin: () => ({
    method: 'POST',
    url: '/api/auth/login/passkey/options',
    payload: { email: `nobody.${unique()}@nowhere.example`, password: 'not the password' },
  }),
  loginWithPasskey: () => ({
    method: 'POST',
    url: '/api/auth/login/passkey',
    payload: { assertion: BOGUS_ASSERTION },
  }),
  getSsoOptions: () => ({ method: 'GET', url: '/api/auth/oidc' }),
  startSso: () => ({ method: 'GET', url: '/api/auth/oidc/start' }),
  finishSso: () => ({ method: 'GET', url: '/api/auth/oidc/callback?code=abc&state=def' }),
  redeemInvitation: () => ({
    method: 'POST',
    url: '/api/invitations/redeem',
    payload: { token: 'A'.repeat(43), password: 'harbour-violet-lantern' },
  }),

  getSession: () => ({ method: 'GET', url: '/api/session' }),
  logout: async (cell) => ({ method: 'POST', url: '/api/auth/logout', who: await throwaway(cell) }),
  logoutEverywhere: async (cell) => ({
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    who: await throwaway(cell),
  }),
  listSessions: () => ({ method: 'GET', url: '/api/sessions' }),
  revokeSession: async (cell) => {
    const other = await world.extraSession(cell.person);
    return { method: 'DELETE', url: `/api/sessions/${other.publicId}` };
  },

  startTotpEnrolment: async (cell) => ({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/totp',
    who: await throwaway(cell),
  }),
  confirmTotpEnrolment: async (cell) => {
    const who = await throwaway(cell);
    const started = await world.request(who, 'POST', '/api/auth/mfa/enrolment/totp');
    const secret =
      started.statusCode === 200 || started.statusCode === 201
        ? started.json().secret
        : 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    return {
      method: 'POST',
      url: '/api/auth/mfa/enrolment/totp/confirm',
      payload: { code: totpCode({ secret, now: world.clock.now() }) },
      who,
    };
  },
  startPasskeyEnrolment: async (cell) => ({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/passkey/options',
    who: await throwaway(cell),
  }),
  confirmPasskeyEnrolment: () => ({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/passkey',
    payload: { credential: BOGUS_ATTESTATION },
    checkedAfterAccess: true,
  }),
  startPasskeyRegistration: () => ({ method: 'POST', url: '/api/auth/mfa/passkeys/options' }),
  registerPasskey: () => ({
    method: 'POST',
    url: '/api/auth/mfa/passkeys',
    payload: { credential: BOGUS_ATTESTATION },
    checkedAfterAccess: true,
  }),
  // Nobody here has a passkey: the route answers 409 once the caller is let through.
  startPasskeyStepUp: () => ({
    method: 'POST',
    url: '/api/auth/step-up/passkey/options',
    checkedAfterAccess: true,
  }),
  stepUp: async (cell) => {
    const who = await throwaway(cell);
    const code = who?.totpSecret ? totpCode({ secret: who.totpSecret, now: world.clock.now() }) : '123456';
    return { method: 'POST', url: '/api/auth/step-up', payload: { totp: code }, who };
  },

  listCases: () => ({ method: 'GET', url: '/api/cases' }),
  createCase: () => ({
    method: 'POST',
    url: '/api/cases',
    payload: { frameworkId: world.frameworkId, title: 'Nieuwe casus', purposes: ['P1'] },
  }),
  getCase: (cell) => ({ method: 'GET', url: `/api/cases/${cell.caseId}` }),
  requestCaseReview: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell)).id}/review-request`,
    payload: { reviewerOrganisationId: world.org.parquet },
  }),
  reviewCase: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell)).id}/review`,
    payload: { decision: 'more_information', reason: 'Graag de situatieschets aanvullen.' },
  }),
  signalCase: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/signal`,
      payload: { selection: { personIds: [kase.personId], itemIds: [kase.itemId] }, necessityConfirmed: true },
    };
  },
  closeDraft: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell)).id}/not-signalled`,
    payload: REASON,
  }),
  decideSignal: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell)).id}/signal-decision`,
    payload: { decision: 'accept', ...REASON },
  }),
  admitParticipant: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'accepted' })).id}/participants`,
    payload: { organisationId: world.org.cpas, ground: 'expertise', justification: 'Volgt het gezin op.' },
  }),
  revokeParticipant: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'in_consultation', organiserOptions: { admitted: ['cpas'] } });
    return { method: 'POST', url: `/api/cases/${kase.id}/participants/${world.org.cpas}/revocation`, payload: REASON };
  },
  proposeRetention: async (cell) => ({
    method: 'PUT',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'accepted' })).id}/retention`,
    payload: { months: 36 },
  }),
  approveRetention: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'accepted', shared: 'accepted' })).id}/retention/approvals`,
    payload: { proposal: 1 },
  }),
  closeCase: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'in_consultation' })).id}/closure`,
    payload: REASON,
  }),
  reopenCase: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'closed' })).id}/reopening`,
    payload: REASON,
  }),
  addPerson: (cell) => ({ method: 'POST', url: `/api/cases/${cell.caseId}/persons`, payload: SUBJECT }),
  updatePerson: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'PUT',
      url: `/api/cases/${kase.id}/persons/${kase.personId}`,
      payload: { identity: { surname: 'Verbeke', firstNames: 'Jonas Pieter' }, ...REASON },
    };
  },
  revealNationalRegisterNumber: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/persons/${recordsOf(cell.subject).personId}/national-register-number`,
  }),
  // Nobody here processes judicial data under a royal decree: those let through are answered 409.
  recordPriorNotice: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/persons/${recordsOf(cell.subject).personId}/prior-notices`,
    payload: { sentOn: '2026-03-01', method: 'registered_letter' },
    checkedAfterAccess: true,
  }),
  listDuePriorNotices: () => ({ method: 'GET', url: '/api/prior-notices' }),
  listItemReviews: () => ({ method: 'GET', url: '/api/item-reviews' }),
  addItem: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/items`,
    payload: ITEM(recordsOf(cell.subject).personId),
  }),
  updateItem: async (cell) => {
    const kase = await freshCase(cell);
    const { missionConfirmed: _, provenance: __, ...fields } = ITEM(kase.personId);
    return { method: 'PUT', url: `/api/cases/${kase.id}/items/${kase.itemId}`, payload: { ...fields, ...REASON } };
  },
  eraseItem: async (cell) => {
    const kase = await freshCase(cell);
    return { method: 'POST', url: `/api/cases/${kase.id}/items/${kase.itemId}/erasure`, payload: REASON };
  },
  blockItem: async (cell) => {
    const kase = await freshCase(cell);
    return { method: 'POST', url: `/api/cases/${kase.id}/items/${kase.itemId}/blocking`, payload: { reason: 'unlawfully_obtained' } };
  },
  releaseItem: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/items/${kase.itemId}/release`,
      payload: REASON,
      checkedAfterAccess: true,
    };
  },
  verifyItem: async (cell) => {
    const kase = await freshCase(cell);
    return { method: 'POST', url: `/api/cases/${kase.id}/items/${kase.itemId}/verification` };
  },
  listItemVersions: (cell) => ({
    method: 'GET',
    url: `/api/cases/${cell.caseId}/items/${recordsOf(cell.subject).itemId}/versions`,
  }),
  requestCorrection: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/items/${recordsOf(cell.subject).itemId}/correction-requests`,
    payload: { text: 'De datum van de feiten klopt niet.' },
    checkedAfterAccess: true,
  }),
  getMinimisationReview: async (cell) => ({
    method: 'GET',
    url: `/api/cases/${(await freshCase(cell, { organiser: 'accepted' })).id}/minimisation-review?notAccessedForDays=30`,
  }),
  // The organiser reviews a catch-all item of its accepted case; the others are refused before the item is looked at.
  reviewCatchAllItem: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'accepted' });
    const itemId = cell.subject === 'organiser' ? await catchAllItemOf(kase) : kase.itemId;
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/items/${itemId}/catch-all-review`,
      payload: { decision: 'kept', reason: 'Nodig om het huisbezoek veilig te laten verlopen.' },
    };
  },
  shareRecords: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/sharing`,
    payload: { personIds: [], itemIds: [recordsOf(cell.subject).itemId] },
    checkedAfterAccess: true,
  }),
  addAttachment: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/items/${recordsOf(cell.subject).itemId}/attachments?filename=nota.txt&classification=non_classified`,
    payload: Buffer.from('Nota bij de risico-inschatting.'),
    contentType: 'text/plain',
  }),
  downloadAttachment: (cell) => {
    const kase = recordsOf(cell.subject);
    return { method: 'GET', url: `/api/cases/${kase.id}/items/${kase.itemId}/attachments/${kase.attachmentId}` };
  },
  listPaperParts: (cell) => ({ method: 'GET', url: `/api/cases/${cell.caseId}/paper-parts` }),
  registerPaperPart: (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/paper-parts`,
    payload: paperAnnex(recordsOf(cell.subject).personId),
  }),
  updatePaperPart: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'PUT',
      url: `/api/cases/${kase.id}/paper-parts/${await paperPartOf(world, kase)}`,
      payload: { ...paperAnnex(kase.personId), ...REASON },
    };
  },
  // The police may share its paper once the case is accepted: on its draft it is let through to a 409.
  sharePaperPart: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/paper-parts/${await paperPartOf(world, kase)}/sharing`,
      checkedAfterAccess: true,
    };
  },
  confirmPaperPartDestruction: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/paper-parts/${await paperPartOf(world, kase)}/destruction`,
      payload: { destroyedOn: brusselsDateOf(world.clock.now()), ...REASON },
    };
  },
  listInformationObligations: () => ({ method: 'GET', url: '/api/information-obligations?filter=open' }),
  envisageInformationDisclosure: async (cell) => ({
    method: 'POST',
    url: `/api/information-obligations/${await obligationOf(await freshCase(cell))}/disclosure-envisaged`,
  }),
  closeInformationInformed: async (cell) => ({
    method: 'POST',
    url: `/api/information-obligations/${await obligationOf(await freshCase(cell))}/informed`,
    payload: { noticeVersion: 'inf-1-nl-000000000000', informedOn: brusselsDateOf(world.clock.now()), channel: 'letter' },
  }),
  closeInformationExempted: async (cell) => ({
    method: 'POST',
    url: `/api/information-obligations/${await obligationOf(await freshCase(cell))}/exemption`,
    payload: {
      ground: 'legal_provision',
      justification: 'Het signaal past de wet op het casusoverleg toe.',
      legalReference: 'Sw. art. 458ter',
    },
  }),
  getInformationNotice: async (cell) => ({
    method: 'GET',
    url: `/api/information-obligations/${await obligationOf(recordsOf(cell.subject))}/notice/json?language=nl`,
  }),
  listCourtActions: (cell) => ({ method: 'GET', url: `/api/cases/${cell.caseId}/court-actions` }),
  recordCourtAction: async (cell) => {
    const kase = await freshCase(cell);
    return { method: 'POST', url: `/api/cases/${kase.id}/court-actions`, payload: courtAction(kase.itemId) };
  },
  recordCourtOrder: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/court-actions/${await recordCourtActionOn(world, kase)}/orders`,
      payload: { orderedOn: brusselsDateOf(world.clock.now()), reference: 'Kort Ged. 26/77/C', summary: 'Verbetering bevolen.' },
    };
  },
  generateCourtOrderNotices: async (cell) => {
    const kase = await freshCase(cell);
    const actionId = await recordCourtActionOn(world, kase);
    const order = await world.request(world.people.policeOfficer, 'POST', `/api/cases/${kase.id}/court-actions/${actionId}/orders`, {
      orderedOn: brusselsDateOf(world.clock.now()),
      reference: 'Kort Ged. 26/78/C',
      summary: 'Derden inlichten.',
      informThirdPartiesReference: 'Beschikking 26/78, punt 3',
    });
    expect(order.statusCode, order.body).toBe(201);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/court-actions/${actionId}/orders/${order.json().orders[0].id}/notices`,
      payload: {},
    };
  },
  itemDisclosures: (cell) => ({
    method: 'GET',
    url: `/api/cases/${cell.caseId}/items/${recordsOf(cell.subject).itemId}/disclosures?since=2026-01-01`,
  }),
  listContestedMarks: (cell) => ({
    method: 'GET',
    url: `/api/cases/${cell.caseId}/items/${recordsOf(cell.subject).itemId}/contested-marks`,
  }),
  clearContestedMark: async (cell) => {
    const kase = await freshCase(cell);
    await recordCourtActionOn(world, kase);
    const marks = await world.request(world.people.policeOfficer, 'GET', `/api/cases/${kase.id}/items/${kase.itemId}/contested-marks`);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/items/${kase.itemId}/contested-marks/${marks.json().marks[0].id}/clearance`,
      payload: { basis: 'request_withdrawn', date: brusselsDateOf(world.clock.now()) },
    };
  },
  listLegalHolds: (cell) => ({ method: 'GET', url: `/api/cases/${cell.caseId}/legal-holds` }),
  placeLegalHold: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${(await freshCase(cell)).id}/legal-holds`,
    payload: legalHoldOrder(),
  }),
  // The police places a hold on its fresh case; only the police releases it.
  releaseLegalHold: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/legal-holds/${await placeLegalHoldOn(world, kase.id)}/release`,
      payload: REASON,
    };
  },
  retentionSchedule: () => ({ method: 'GET', url: '/api/retention/schedule' }),
  listDestructionLists: () => ({ method: 'GET', url: '/api/retention/destruction-lists' }),
  getDestructionList: async () => ({ method: 'GET', url: `/api/retention/destruction-lists/${await coordinationList()}` }),
  // The DPO approves as the police's DPO, everyone else as the keeper.
  approveDestructionList: async (cell) => ({
    method: 'POST',
    url: `/api/retention/destruction-lists/${await coordinationList()}/approvals`,
    payload: { capacity: cell.subject === 'dpo' ? 'dpo' : 'keeper' },
  }),
  // Not carried out yet: 409 past access.
  destructionProof: async () => ({
    method: 'GET',
    url: `/api/retention/destruction-lists/${await coordinationList()}/proof`,
    checkedAfterAccess: true,
  }),
  listPaperDestructionTasks: () => ({ method: 'GET', url: '/api/retention/paper-destruction-tasks' }),
  confirmPaperDestructionTask: async () => ({
    method: 'POST',
    url: `/api/retention/paper-destruction-tasks/${await policePaperTask()}/confirmation`,
    payload: { destroyedOn: brusselsDateOf(world.clock.now()) },
    checkedAfterAccess: true,
  }),
  listRetentionOverrides: () => ({ method: 'GET', url: '/api/retention/overrides' }),
  approveRetentionOverride: async () => ({
    method: 'POST',
    url: `/api/retention/overrides/${await coordinationOverride()}/approval`,
    payload: { proposal: 1 },
  }),
  listNecessityReviews: () => ({ method: 'GET', url: '/api/retention/necessity-reviews' }),
  decideNecessityReview: async () => ({
    method: 'POST',
    url: `/api/retention/necessity-reviews/${await coordinationReview()}/decision`,
    payload: { decision: 'keep', purpose: 'P1' },
  }),
  ownFileCopyReport: () => ({ method: 'GET', url: '/api/retention/own-file-copies' }),
  listDestructionOrders: () => ({ method: 'GET', url: '/api/destruction-orders' }),
  recordCourtErasureOrder: async () => ({
    method: 'POST',
    url: '/api/destruction-orders',
    payload: courtErasureOrder((await world.policeCaseWithRecords('pre_registered')).id),
  }),
  // The police's DPO records the order: the officer executes it; the DPO is refused past access (four eyes).
  executeCourtErasureOrder: async () => ({
    method: 'POST',
    url: `/api/destruction-orders/${await policeErasureOrder()}/execution`,
    checkedAfterAccess: true,
  }),
  // Not executed yet: the police's desk is let through to the 409.
  destructionOrderCertificate: async () => ({
    method: 'GET',
    url: `/api/destruction-orders/${await policeErasureOrder()}/certificate`,
    checkedAfterAccess: true,
  }),
  listEmergencyDestructions: () => ({ method: 'GET', url: '/api/emergency-destructions' }),
  proposeEmergencyDestruction: () => ({
    method: 'POST',
    url: '/api/emergency-destructions',
    payload: { orderReference: `OEF-${unique()}`, circumstance: 'drill', caseIds: [crypto.randomUUID()] },
  }),
  approveEmergencyDestruction: () => ({
    method: 'POST',
    url: `/api/emergency-destructions/${crypto.randomUUID()}/approvals`,
  }),
  emergencyDestructionCertificate: () => ({
    method: 'GET',
    url: `/api/emergency-destructions/${crypto.randomUUID()}/certificate`,
  }),
  searchPersons: () => ({
    method: 'POST',
    url: '/api/persons/search',
    payload: { nationalRegisterNumber: '88.02.03-123.97' },
  }),

  listConsultations: () => ({ method: 'GET', url: '/api/consultations' }),
  scheduleConsultation: async (cell) => ({
    method: 'POST',
    url: '/api/consultations',
    payload: {
      frameworkId: world.frameworkId,
      scheduledFor: '2026-03-12T09:00:00Z',
      caseIds: [(await freshCase(cell, { organiser: 'accepted' })).id],
    },
  }),
  getConsultation: async (cell) => ({
    method: 'GET',
    url: `/api/consultations/${await world.consultationOf([cell.caseId])}`,
  }),
  addAgendaItem: async (cell) => ({
    method: 'POST',
    url: `/api/consultations/${await world.consultationOf([cell.caseId])}/agenda`,
    payload: { caseId: (await freshCase(cell, { organiser: 'accepted' })).id },
  }),
  openConsultation: async (cell) => ({
    method: 'POST',
    url: `/api/consultations/${await world.consultationOf([(await freshCase(cell, { organiser: 'accepted' })).id])}/opening`,
    checkedAfterAccess: true,
  }),
  closeConsultation: async (cell) => ({
    method: 'POST',
    url: `/api/consultations/${await world.consultationOf([(await freshCase(cell, { organiser: 'accepted' })).id])}/closing`,
    checkedAfterAccess: true,
  }),
  recordAttendance: async (cell) => ({
    method: 'POST',
    url: `/api/consultations/${await world.consultationOf([cell.caseId])}/attendance`,
    payload: {},
  }),
  setMinutes: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'accepted' });
    return {
      method: 'PUT',
      url: `/api/consultations/${await world.consultationOf([kase.id])}/agenda/${kase.id}/minutes`,
      payload: { text: 'Verslag.' },
      checkedAfterAccess: true,
    };
  },
  recordDecision: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'accepted' });
    return {
      method: 'POST',
      url: `/api/consultations/${await world.consultationOf([kase.id])}/agenda/${kase.id}/decisions`,
      payload: { text: 'Beslissing.' },
      checkedAfterAccess: true,
    };
  },
  assignAction: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'accepted' });
    return {
      method: 'POST',
      url: `/api/consultations/${await world.consultationOf([kase.id])}/agenda/${kase.id}/actions`,
      payload: { assigneeOrganisationId: world.org.police, dueOn: '2026-03-20', description: 'Huisbezoek.' },
      checkedAfterAccess: true,
    };
  },
  updateAction: async (cell) => {
    const kase = await freshCase(cell, { organiser: 'in_consultation' });
    return {
      method: 'PATCH',
      url: `/api/cases/${kase.id}/actions/${await world.actionOf(kase.id, 'cpas')}`,
      payload: { status: 'done' },
    };
  },
  listActions: () => ({ method: 'GET', url: '/api/actions' }),

  requestTransfer: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/transfers`,
      payload: { itemIds: [kase.itemId], purpose: 'P1', justification: 'Nodig voor de eigen opvolging van het gezin.' },
    };
  },
  listTransfers: () => ({ method: 'GET', url: '/api/transfers' }),
  getTransfer: async (cell) => ({
    method: 'GET',
    url: `/api/transfers/${await world.transferOf(recordsOf(cell.subject), 'cpas')}`,
  }),
  decideTransfer: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/transfers/${await world.transferOf(kase, 'cpas')}/decisions`,
      payload: { decisions: [{ itemId: kase.itemId, decision: 'approved' }] },
    };
  },
  approveTransferFourEyes: async (cell) => ({
    method: 'POST',
    url: `/api/transfers/${await world.transferOf(await freshCase(cell), 'cpas')}/four-eyes`,
    checkedAfterAccess: true,
  }),
  attestTransfer: async (cell) => ({
    method: 'POST',
    url: `/api/transfers/${await world.transferOf(await freshCase(cell), 'cpas')}/attestation`,
    payload: { accessLimitedToParticipants: true },
  }),
  exportTransfer: async (cell) => ({
    method: 'GET',
    url: `/api/transfers/${await world.transferOf(recordsOf(cell.subject), 'cpas')}/export/pdf`,
    checkedAfterAccess: true,
  }),

  listNotifications: () => ({ method: 'GET', url: '/api/notifications' }),
  acknowledgeNotification: async (cell) => ({
    method: 'POST',
    url: `/api/notifications/${await world.notificationFor(ORGANISATION_OF[cell.person])}/acknowledgement`,
  }),

  intakeRightsRequest: () => ({ method: 'POST', url: '/api/rights-requests', payload: rightsRequest() }),
  verifyRequesterIdentity: async () => ({
    method: 'POST',
    url: `/api/rights-requests/${(await policeRightsPart()).requestId}/identity-verification`,
  }),
  listRightsParts: () => ({ method: 'GET', url: '/api/rights-parts' }),
  // The police desk's own part holds no data and its requester is not verified yet: 409 past access.
  accessAnswer: async () => ({
    method: 'GET',
    url: `/api/rights-parts/${(await policeRightsPart()).partId}/access-answer`,
    checkedAfterAccess: true,
  }),
  // Not answered yet, and not on the Commission's route: 409 past access.
  rightsReplyLetter: async () => ({ method: 'GET', url: `/api/rights-parts/${(await policeRightsPart()).partId}/reply`, checkedAfterAccess: true }),
  rightsCommissionPackage: async () => ({
    method: 'GET',
    url: `/api/rights-parts/${(await policeRightsPart()).partId}/commission-package`,
    checkedAfterAccess: true,
  }),
  executeRightsChange: async () => ({
    method: 'POST',
    url: `/api/rights-parts/${(await policeRightsPart()).partId}/changes`,
    payload: { itemId: cases.draft.itemId, change: 'rectify', text: 'Gecorrigeerd.', reason: 'Op verzoek.' },
    checkedAfterAccess: true,
  }),
  answerRightsPart: async () => ({
    method: 'POST',
    url: `/api/rights-parts/${(await policeRightsPart()).partId}/answer`,
    payload: { outcome: 'no_data' },
    checkedAfterAccess: true,
  }),
  rightsPartDisclosures: async () => ({ method: 'GET', url: `/api/rights-parts/${(await policeRightsPart()).partId}/disclosures` }),
  // Not answered yet: 409 past access.
  rightsEvidencePack: async () => ({
    method: 'GET',
    url: `/api/rights-parts/${(await policeRightsPart()).partId}/evidence-pack`,
    checkedAfterAccess: true,
  }),
  recordExternalDisclosure: async (cell) => {
    const kase = await freshCase(cell);
    return {
      method: 'POST',
      url: `/api/cases/${kase.id}/items/${kase.itemId}/external-disclosures`,
      payload: { recipientName: 'Onderzoeksrechter Gent', recipientClass: 'inquiry_authority', disclosedAt: '2026-03-01T10:00:00Z' },
    };
  },
  listDesignations: () => ({ method: 'GET', url: '/api/designations' }),
  designate: async () => ({
    method: 'POST',
    url: '/api/designations',
    payload: {
      userId: (await world.newcomer('policeOfficer')).actor.userId,
      scope: 'C10',
      function: 'Inspecteur jeugd en gezin',
      confidentialityConfirmed: true,
    },
  }),
  revokeDesignation: async () => {
    const designated = await world.request(world.people.policeDpo, 'POST', '/api/designations', {
      userId: (await world.newcomer('policeOfficer')).actor.userId,
      scope: 'C09',
      function: 'Inspecteur',
      confidentialityConfirmed: true,
    });
    const list = designated.json().designations as { id: string; revokedAt: string | null }[];
    return { method: 'POST', url: `/api/designations/${list.at(-1)!.id}/revocation` };
  },
  exportDesignations: () => ({ method: 'GET', url: '/api/designations/export' }),
  listSupervisoryCases: () => ({ method: 'GET', url: '/api/supervision/cases' }),
  openSupervisoryCase: () => ({ method: 'POST', url: '/api/supervision/cases', payload: complaintCase(world) }),
  getSupervisoryCase: async () => ({ method: 'GET', url: `/api/supervision/cases/${await supervisoryCaseOf(world)}` }),
  recordSupervisoryEntry: async () => ({
    method: 'POST',
    url: `/api/supervision/cases/${await supervisoryCaseOf(world)}/entries`,
    payload: { kind: 'letter_received', datedOn: supervisionToday(world), summary: 'Vraag om inlichtingen.' },
  }),
  supervisoryEntryDocument: async () => {
    const caseId = await supervisoryCaseOf(world);
    return { method: 'GET', url: `/api/supervision/cases/${caseId}/entries/${await recommendationOf(world, caseId)}/document` };
  },
  addSupervisoryAction: async () => ({
    method: 'POST',
    url: `/api/supervision/cases/${await supervisoryCaseOf(world)}/actions`,
    payload: { description: 'Procedure aanpassen.', dueOn: supervisionToday(world) },
  }),
  completeSupervisoryAction: async () => {
    const caseId = await supervisoryCaseOf(world);
    const actionId = await supervisoryActionOf(world, caseId, supervisionToday(world));
    return {
      method: 'POST',
      url: `/api/supervision/cases/${caseId}/actions/${actionId}/completion`,
      payload: { note: 'Procedure aangepast.' },
    };
  },
  inviteControllerPosition: async () => ({
    method: 'POST',
    url: `/api/supervision/cases/${await supervisoryCaseOf(world)}/positions`,
    payload: { invitedOn: supervisionToday(world), deadlineOn: supervisionToday(world) },
  }),
  submitControllerPosition: async () => {
    const caseId = await supervisoryCaseOf(world);
    const positionId = await positionOf(world, caseId, supervisionToday(world));
    return {
      method: 'POST',
      url: `/api/supervision/cases/${caseId}/positions/${positionId}/submission`,
      payload: { submittedOn: supervisionToday(world), document: LETTER },
    };
  },
  controllerPositionDocument: async () => {
    const caseId = await supervisoryCaseOf(world);
    return {
      method: 'GET',
      url: `/api/supervision/cases/${caseId}/positions/${await submittedPositionOf(world, caseId)}/document`,
    };
  },
  closeSupervisoryCase: async () => ({
    method: 'POST',
    url: `/api/supervision/cases/${await supervisoryCaseOf(world)}/closure`,
    payload: { closure: 'withdrawn' },
  }),
  openSupervisoryItems: () => ({ method: 'GET', url: '/api/supervision/open-items' }),
  listRepeatInstructions: () => ({ method: 'GET', url: '/api/supervision/repeat-instructions' }),
  recordRepeatInstruction: async () => ({
    method: 'POST',
    url: '/api/supervision/repeat-instructions',
    payload: {
      partId: (await policeRightsPart()).partId,
      commissionReference: `CO-R-${unique()}`,
      issuedOn: supervisionToday(world),
      intervalMonths: 0,
    },
  }),
  listInspectorGrants: () => ({ method: 'GET', url: '/api/supervision/inspector-grants' }),
  grantInspectorAccess: () => ({ method: 'POST', url: '/api/supervision/inspector-grants', payload: inspectorGrant(world) }),
  revokeInspectorAccess: async () => ({
    method: 'POST',
    url: `/api/supervision/inspector-grants/${(await grantOf(world)).grantId}/revocation`,
  }),
  getInspection: () => ({ method: 'GET', url: '/api/inspection?language=nl' }),
  acknowledgeInspectionNotice: () => ({ method: 'POST', url: '/api/inspection/acknowledgement', payload: { language: 'nl' } }),
  exportInspection: () => ({ method: 'GET', url: '/api/inspection/export' }),
  inspectionAuditEvents: () => ({ method: 'GET', url: '/api/inspection/audit-events?limit=10' }),
  listManagementProhibitions: () => ({ method: 'GET', url: '/api/admin/management-prohibitions' }),
  recordManagementProhibition: async () => ({
    method: 'POST',
    url: '/api/admin/management-prohibitions',
    payload: prohibitionOrder(world, [await freshUser()]),
  }),
  linkProhibitedAccount: async () => {
    const recorded = await world.request(
      world.people.operator,
      'POST',
      '/api/admin/management-prohibitions',
      prohibitionOrder(world, [await freshUser()]),
    );
    if (recorded.statusCode !== 201) throw new Error(`recordManagementProhibition: ${recorded.body}`);
    return {
      method: 'POST',
      url: `/api/admin/management-prohibitions/${recorded.json().id}/accounts`,
      payload: { userId: await freshUser() },
    };
  },
  prohibitedRoleAssignmentAttempts: () => ({ method: 'GET', url: '/api/admin/management-prohibitions/role-assignment-attempts' }),
  listEmergencyAuthorities: () => ({ method: 'GET', url: '/api/admin/emergency-authorities' }),
  designateEmergencyAuthority: async () => ({
    method: 'POST',
    url: '/api/admin/emergency-authorities',
    payload: { userId: await freshUser(), royalDecreeReference: `KB ${unique()} (art. 45)` },
  }),
  revokeEmergencyAuthority: async () => {
    const designated = await world.request(world.people.operator, 'POST', '/api/admin/emergency-authorities', {
      userId: await freshUser(),
      royalDecreeReference: `KB ${unique()} (art. 45)`,
    });
    if (designated.statusCode !== 201) throw new Error(`designateEmergencyAuthority: ${designated.body}`);
    return { method: 'POST', url: `/api/admin/emergency-authorities/${designated.json().id}/revocation` };
  },
  listDeclarations: () => ({ method: 'GET', url: '/api/declarations' }),
  createDeclaration: async (cell) => ({
    method: 'POST',
    url: '/api/declarations',
    payload: {
      purposes: ['P1', 'P2', 'P3'],
      language: 'fr',
      frameworks: [
        {
          frameworkId: cell.subject === 'dpo' ? await draftFramework(true) : world.frameworkId,
          processingName: { fr: 'Concertation', nl: 'Casusoverleg' },
        },
      ],
    },
  }),
  getDeclaration: async () => ({ method: 'GET', url: `/api/declarations/${(await policeDeclaration()).id}` }),
  updateDeclaration: async () => ({
    method: 'PATCH',
    url: `/api/declarations/${(await policeDeclaration()).id}`,
    payload: { purposeDescription: 'Toegangsmatrix: beschrijving van de doeleinden.' },
  }),
  previewDeclaration: async () => ({ method: 'GET', url: `/api/declarations/${(await policeDeclaration()).id}/preview?format=json` }),
  submitDeclaration: async (cell) => ({
    method: 'POST',
    url: `/api/declarations/${(await declarationFor(cell, 'draft')).id}/versions`,
    payload: { submittedOn: brusselsDateOf(world.clock.now()) },
  }),
  getDeclarationVersionDocument: async () => {
    const { id, versionId } = await policeDeclaration();
    return { method: 'GET', url: `/api/declarations/${id}/versions/${versionId}/document?format=json` };
  },
  acknowledgeDeclarationVersion: async (cell) => {
    const { id, versionId } = await declarationFor(cell);
    return {
      method: 'POST',
      url: `/api/declarations/${id}/versions/${versionId}/acknowledgement`,
      payload: { acknowledgedOn: brusselsDateOf(world.clock.now()) },
    };
  },
  recordDeclarationIncomplete: async (cell) => {
    const { id, versionId } = await declarationFor(cell);
    return {
      method: 'POST',
      url: `/api/declarations/${id}/versions/${versionId}/incompleteness`,
      payload: { notifiedOn: brusselsDateOf(world.clock.now()), reason: 'Toegangsmatrix: onvolledig.' },
    };
  },
  recordDeclarationPayment: async (cell) => {
    const { id, versionId } = await declarationFor(cell);
    return {
      method: 'POST',
      url: `/api/declarations/${id}/versions/${versionId}/payment`,
      payload: { notRequired: { reason: 'Toegangsmatrix.' } },
    };
  },
  completeDeclarationVersion: async (cell) => {
    const { id, versionId } = await declarationFor(cell, 'paid');
    return {
      method: 'POST',
      url: `/api/declarations/${id}/versions/${versionId}/completion`,
      payload: { completedOn: brusselsDateOf(world.clock.now()) },
    };
  },
  ceaseDeclaration: async (cell) => ({
    method: 'POST',
    url: `/api/declarations/${(await declarationFor(cell)).id}/cessation`,
    payload: { submittedOn: brusselsDateOf(world.clock.now()) },
  }),
  setDeclarationRegisterNumber: async (cell) => ({
    method: 'PUT',
    url: `/api/declarations/${(await declarationFor(cell)).id}/register-number`,
    payload: { registerNumber: `VT-${unique()}` },
  }),
  checkDeclarationConformity: async () => ({
    method: 'POST',
    url: `/api/declarations/${(await policeDeclaration()).id}/conformity-check`,
  }),
  fulfilDeclarationRiskCondition: async (cell) => {
    const { id } = await declarationFor(cell, 'draft', {
      specificRisk: { royalDecree: 'KB van 1 januari 2026 (toegangsmatrix)', conditions: ['Voorafgaande risicoanalyse.'] },
    });
    const condition = await world.db.adminDb
      .selectFrom('declaration_risk_conditions')
      .select('id')
      .where('declaration_id', '=', id)
      .executeTakeFirst();
    return {
      method: 'POST',
      url: `/api/declarations/${id}/risk-conditions/${condition?.id ?? crypto.randomUUID()}/fulfilment`,
      payload: {},
    };
  },
  giveExemptionSheet: async (cell) => ({
    method: 'POST',
    url: `/api/declarations/${
      (
        await declarationFor(cell, 'submitted', {
          mode: 'royal_decree_exemption',
          royalDecreeExemption: { royalDecree: 'KB van 1 januari 2026 (toegangsmatrix)' },
        })
      ).id
    }/sheet-requests`,
    payload: { channel: 'post', receivedOn: brusselsDateOf(world.clock.now()) },
  }),
  getProcessingStatement: () => ({ method: 'GET', url: '/api/processing-statement?from=2026-03-01&to=2026-03-02' }),
  getInformationPack: () => ({ method: 'GET', url: '/api/information-pack' }),
  getManualFileSheet: () => ({ method: 'GET', url: '/api/manual-file-sheet' }),
  getPenalEvidencePack: () => ({ method: 'GET', url: '/api/penal-evidence/art-38-pack?from=2026-03-01&to=2026-03-02' }),
  getUninformedCollections: () => ({ method: 'GET', url: '/api/penal-evidence/uninformed-collections' }),
  getMinimisationGrounds: () => ({ method: 'GET', url: '/api/penal-evidence/minimisation' }),
  getOverdueInformation: () => ({ method: 'GET', url: '/api/penal-evidence/overdue-information' }),
  getAccessRequestSla: () => ({ method: 'GET', url: '/api/penal-evidence/access-request-sla' }),
  getDeclarationCoverage: () => ({ method: 'GET', url: '/api/penal-evidence/declaration-coverage' }),
  getDeclarationConformity: () => ({ method: 'GET', url: '/api/penal-evidence/declaration-conformity' }),
  getTemplateInventory: () => ({ method: 'GET', url: '/api/penal-evidence/template-inventory' }),
  getLeakTrace: () => ({ method: 'GET', url: `/api/penal-evidence/leak-trace?sha256=${'0'.repeat(64)}` }),
  getFrameworkDeclarations: () => ({ method: 'GET', url: `/api/frameworks/${world.frameworkId}/declarations` }),
  getPublicRegister: () => ({ method: 'GET', url: '/api/public/register' }),
  getPublicRegisterEntry: async () => ({ method: 'GET', url: `/api/public/register/${(await policeDeclaration()).id}` }),
  getPublicRegisterEntryPdf: async () => ({
    method: 'GET',
    url: `/api/public/register/${(await policeDeclaration()).id}/pdf`,
  }),
  listSecurityPlanReviews: () => ({ method: 'GET', url: '/api/compliance/security-plan-reviews' }),
  recordSecurityPlanReview: () => ({
    method: 'POST',
    url: '/api/compliance/security-plan-reviews',
    payload: planReview(brusselsDateOf(world.clock.now())),
  }),
  listRestoreTests: () => ({ method: 'GET', url: '/api/compliance/restore-tests' }),
  recordRestoreTest: () => ({
    method: 'POST',
    url: '/api/compliance/restore-tests',
    payload: { testedOn: brusselsDateOf(world.clock.now()), outcome: 'succeeded', reference: `Matrix ${unique()}` },
  }),
  getFederalUseGate: () => ({ method: 'GET', url: '/api/compliance/federal-use-gate' }),
  getComplianceDashboard: () => ({ method: 'GET', url: '/api/compliance/dashboard' }),
  // The DPO names itself: a member named here would read the dashboard in the cells that follow.
  designateComplianceOwner: () => ({
    method: 'PUT',
    url: '/api/compliance/owner',
    payload: { userId: world.people.policeDpo.actor.userId },
  }),
  listNormSets: () => ({ method: 'GET', url: '/api/compliance/norm-sets' }),
  importNormSet: () => ({ method: 'POST', url: '/api/compliance/norm-sets', payload: normSet() }),
  assessNormControl: async () => {
    const imported = await world.request(world.people.policeDpo, 'POST', '/api/compliance/norm-sets', normSet());
    if (imported.statusCode !== 201) throw new Error(`importNormSet: ${imported.body}`);
    const { id, controls } = imported.json() as { id: string; controls: { id: string }[] };
    return {
      method: 'PUT',
      url: `/api/compliance/norm-sets/${id}/controls/${controls[0]!.id}/status`,
      payload: { status: 'implemented', note: 'Access matrix: the control is met.' },
    };
  },
  listStatisticsFrameworks: () => ({ method: 'GET', url: '/api/statistics/frameworks' }),
  getFrameworkStatistics: () => ({ method: 'GET', url: `/api/statistics/frameworks/${world.frameworkId}` }),
  getTransferCountries: () => ({ method: 'GET', url: '/api/cross-border/countries' }),
  getTransferRegister: () => ({ method: 'GET', url: '/api/cross-border/register' }),
  exportTransferRegister: () => ({ method: 'GET', url: '/api/cross-border/register/export' }),
  registerTransferDestination: () => ({ method: 'POST', url: '/api/cross-border/destinations', payload: transferDestination() }),
  endTransferDestination: async () => ({
    method: 'POST',
    url: `/api/cross-border/destinations/${await registerDestination(world)}/end`,
    payload: REASON,
  }),
  getTransferClauses: async () => ({
    method: 'GET',
    url: `/api/cross-border/destinations/${await registerDestination(world, royalDecreeDestination())}/clauses`,
  }),
  recordAdequacyAssessment: () => ({
    method: 'POST',
    url: '/api/cross-border/adequacy-assessments',
    payload: adequacyAssessment(),
  }),
  withdrawAdequacyAssessment: async () => ({
    method: 'POST',
    url: `/api/cross-border/adequacy-assessments/${await recordAssessment(world)}/withdrawal`,
    payload: REASON,
  }),
  listTransferDenyRules: () => ({ method: 'GET', url: '/api/cross-border/deny-rules' }),
  addTransferDenyRule: () => ({ method: 'POST', url: '/api/cross-border/deny-rules', payload: denyRule() }),
  repealTransferDenyRule: async () => ({
    method: 'POST',
    url: `/api/cross-border/deny-rules/${await addDenyRule(world)}/repeal`,
    payload: REASON,
  }),
  listBlockedTransfers: () => ({ method: 'GET', url: '/api/cross-border/blocked-transfers' }),

  setSessionJustification: () => ({
    method: 'PUT',
    url: '/api/session/justification',
    payload: { justification: 'access matrix' },
  }),
  listFrameworks: () => ({ method: 'GET', url: '/api/frameworks' }),
  createFramework: () => ({ method: 'POST', url: '/api/frameworks', payload: { name: `Kader ${unique()}` } }),
  getFramework: () => ({ method: 'GET', url: `/api/frameworks/${world.frameworkId}` }),
  updateFramework: async () => ({
    method: 'PATCH',
    url: `/api/frameworks/${await draftFramework()}`,
    payload: { modalities: 'Tweemaandelijks overleg.' },
  }),
  uploadAuthorisationDocument: async () => ({
    method: 'PUT',
    url: `/api/frameworks/${await draftFramework()}/authorisation-document`,
    payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
    contentType: 'application/pdf',
  }),
  activateFramework: async () => ({
    method: 'POST',
    url: `/api/frameworks/${await draftFramework(true)}/activation`,
  }),
  addFrameworkParticipant: async () => ({
    method: 'POST',
    url: `/api/frameworks/${await draftFramework()}/participants`,
    payload: { organisationId: world.org.youth },
  }),
  removeFrameworkParticipant: async () => ({
    method: 'POST',
    url: `/api/frameworks/${await draftFramework(true)}/participants/${world.org.police}/removal`,
  }),
  changeUserPermissions: async () => ({
    method: 'PUT',
    url: `/api/admin/users/${await freshUser()}/permissions`,
    payload: { crossCaseSearch: true },
  }),

  listOrganisations: () => ({ method: 'GET', url: '/api/admin/organisations' }),
  createOrganisation: () => ({
    method: 'POST',
    url: '/api/admin/organisations',
    payload: { ...WELFARE_AGENCY, legalName: `Dienst ${unique()}` },
  }),
  getOrganisation: () => ({ method: 'GET', url: `/api/admin/organisations/${world.org.police}` }),
  updateOrganisation: () => ({
    method: 'PATCH',
    url: `/api/admin/organisations/${world.org.youth}`,
    payload: { address: `Hallepoortlaan ${serial++}, 1060 Brussel` },
  }),
  recordRoyalDecree: async () => ({
    method: 'POST',
    url: `/api/admin/organisations/${await freshOrganisation()}/royal-decrees`,
    payload: ROYAL_DECREE(),
  }),
  updateRoyalDecree: async () => {
    const organisationId = await freshOrganisation();
    const recorded = await world.request(
      world.people.operator,
      'POST',
      `/api/admin/organisations/${organisationId}/royal-decrees`,
      ROYAL_DECREE(),
    );
    if (recorded.statusCode !== 201) throw new Error(`recordRoyalDecree: ${recorded.body}`);
    return {
      method: 'PATCH',
      url: `/api/admin/organisations/${organisationId}/royal-decrees/${recorded.json().royalDecrees[0].id}`,
      payload: { validUntil: '2026-12-31' },
    };
  },
  listUsers: () => ({ method: 'GET', url: `/api/admin/users?organisationId=${world.org.cpas}` }),
  createUser: () => ({
    method: 'POST',
    url: '/api/admin/users',
    payload: {
      organisationId: world.org.cpas,
      email: `new.${unique()}@cpas.example`,
      displayName: 'Bram Smets',
      roles: ['participant'],
    },
  }),
  getUser: () => ({ method: 'GET', url: `/api/admin/users/${world.people.socialWorker.actor.userId}` }),
  changeUserRoles: async () => ({
    method: 'PUT',
    url: `/api/admin/users/${await freshUser()}/roles`,
    payload: { roles: ['organiser'] },
  }),
  deactivateUser: async () => ({ method: 'POST', url: `/api/admin/users/${await freshUser()}/deactivate` }),
  inviteUser: async () => ({
    method: 'POST',
    url: `/api/admin/users/${await freshUser()}/invitation`,
    payload: { language: 'nl' },
  }),
  publishUndertakingVersion: async () => ({
    method: 'POST',
    url: '/api/admin/undertakings',
    payload: {
      kind: 'controller_awareness',
      // A new module makes its staff acknowledge again: publish for an organisation of nobody here.
      organisationId: await freshOrganisation(),
      texts: { fr: 'Module.', nl: 'Module.', de: 'Modul.', en: 'Module.' },
    },
  }),

  getUndertaking: () => ({ method: 'GET', url: '/api/undertaking?language=nl' }),
  acceptUndertaking: () => ({
    method: 'POST',
    url: '/api/undertaking/acceptance',
    payload: { versionId: world.versions.secrecy, language: 'nl' },
  }),

  listRepresentations: () => ({ method: 'GET', url: '/api/representations' }),
  designateRepresentative: (cell) => ({
    method: 'POST',
    url: '/api/representations',
    payload: {
      representativeId: world.people.representative.actor.userId,
      validFrom: '2026-03-02',
      validTo: '2026-03-31',
      representedPersonIds: [world.people[cell.person].actor.userId],
    },
  }),
  getRepresentation: (cell) => ({ method: 'GET', url: `/api/representations/${representationOf(cell)}` }),
  endRepresentation: async () => ({
    method: 'POST',
    url: `/api/representations/${await world.newRepresentation()}/end`,
  }),
  acceptRepresentativeUndertaking: (cell) => ({
    method: 'POST',
    url: `/api/representations/${representationOf(cell)}/acceptance`,
    payload: { versionId: world.versions.representative, language: 'nl' },
    // After the period the representative is let through and told it has ended (409).
    ...(cell.subject === 'expired_representation' ? { checkedAfterAccess: true } : {}),
  }),
  recordBriefing: (cell) => ({
    method: 'POST',
    url: `/api/representations/${representationOf(cell)}/briefings`,
    payload: { consultationId: crypto.randomUUID(), contentSha256: 'a'.repeat(64) },
  }),
  recordDebriefing: (cell) => ({
    method: 'POST',
    url: `/api/representations/${representationOf(cell)}/debriefings`,
    payload: {
      consultationId: crypto.randomUUID(),
      recipientIds: [world.people.socialWorker.actor.userId],
      contentSha256: 'b'.repeat(64),
    },
  }),
  acknowledgeDebriefSecrecy: (cell) => ({
    method: 'POST',
    url: `/api/representations/${representationOf(cell)}/secrecy-acknowledgement`,
    payload: { versionId: world.versions.secrecy, language: 'nl' },
  }),
  listRestrictions: () => ({ method: 'GET', url: '/api/restrictions' }),
  // The world's framework is a decree: the prosecutor is let through to the art. 7 precondition (409).
  createRestriction: (cell) => ({
    method: 'POST',
    url: '/api/restrictions',
    payload: { caseId: cell.caseId, personId: recordsOf(cell.subject).personId, scope: 'person', rights: ['information'], grounds: ['R1'], justification: ART7_JUSTIFICATION },
    checkedAfterAccess: true,
  }),
  getRestriction: async () => ({ method: 'GET', url: `/api/restrictions/${(await officeRecords()).restrictionId}` }),
  restrictionReport: async () => ({ method: 'GET', url: `/api/restrictions/${(await officeRecords()).restrictionId}/report` }),
  reviewRestriction: async () => ({
    method: 'POST',
    url: `/api/restrictions/${(await officeRecords()).restrictionId}/reviews`,
    payload: { decision: 'confirm', reason: ART7_JUSTIFICATION },
  }),
  restrictionFlags: (cell) => ({ method: 'GET', url: `/api/restrictions/cases/${cell.caseId}/flags` }),
  listProsecutorList: () => ({ method: 'GET', url: '/api/prosecutor-list' }),
  lookUpProsecutorList: async () => ({
    method: 'POST',
    url: '/api/prosecutor-list/lookups',
    payload: { restrictionId: (await officeRecords()).restrictionId, nationalRegisterNumber: '88.02.03-123.97' },
  }),
  validateListEntry: async (cell) => ({
    method: 'POST',
    url: `/api/prosecutor-list/${cell.subject === 'reviewer' ? await listProposal() : (await officeRecords()).entryId}/validation`,
  }),
  removeListEntry: async (cell) => ({
    method: 'POST',
    url: `/api/prosecutor-list/${cell.subject === 'reviewer' ? await listProposal() : (await officeRecords()).entryId}/removal`,
    payload: REASON,
  }),
  // No identity was rectified: the prosecutor is let through to the 409.
  applyListIdentityUpdate: async () => ({
    method: 'POST',
    url: `/api/prosecutor-list/${(await officeRecords()).entryId}/identity-update`,
    checkedAfterAccess: true,
  }),
  // The processor registry (SPEC PRC): the police's records, on the host's side so that the operator acts too.
  listProcessorRecords: () => ({ method: 'GET', url: '/api/processors' }),
  getHostCoverage: () => ({ method: 'GET', url: '/api/processors/host-coverage' }),
  createProcessorRecord: async () => ({ method: 'POST', url: '/api/processors', payload: await subProcessorBody(world) }),
  getProcessorRecord: async () => ({ method: 'GET', url: `/api/processors/${await hostRecordOf(world, 'police')}` }),
  updateProcessorRecord: async () => ({
    method: 'PATCH',
    url: `/api/processors/${(await matrixSubProcessor()).id}`,
    payload: { reviewIntervalMonths: 6 + (serial++ % 6) },
  }),
  approveProcessorRecord: async () => ({
    method: 'POST',
    url: `/api/processors/${await completeSubProcessor(world)}/approval`,
  }),
  uploadProcessorDocument: async () => ({
    method: 'POST',
    url: `/api/processors/${(await matrixSubProcessor()).id}/documents?kind=security_plan&documentDate=2026-02-01&filename=plan.pdf`,
    payload: SIGNED_PDF,
    contentType: 'application/pdf',
  }),
  downloadProcessorDocument: async () => {
    const { id, documentId } = await matrixSubProcessor();
    return { method: 'GET', url: `/api/processors/${id}/documents/${documentId}` };
  },
  recordProcessorReview: async () => ({
    method: 'POST',
    url: `/api/processors/${await hostRecordOf(world, 'police')}/reviews`,
    payload: { kind: 'compliance', reviewedOn: brusselsDateOf(world.clock.now()), outcome: 'compliant', findings: 'Jaarlijkse nazicht: in orde.' },
  }),
  // Break-glass (SPEC SEC-12): grants to read the police's records of the police's draft case.
  listBreakGlassGrants: () => ({ method: 'GET', url: '/api/break-glass' }),
  requestBreakGlass: () => ({
    method: 'POST',
    url: '/api/break-glass',
    payload: {
      controllerOrganisationId: world.org.police,
      caseId: cases.draft.id,
      supportTicket: `SUP-${unique()}`,
      reason: 'Toegangsmatrix: de bijlage opent niet bij de politie.',
      hours: 2,
    },
  }),
  getBreakGlassGrant: async () => ({ method: 'GET', url: `/api/break-glass/${await pendingBreakGlass(world, cases.draft.id)}` }),
  approveBreakGlass: async () => ({
    method: 'POST',
    url: `/api/break-glass/${await pendingBreakGlass(world, cases.draft.id)}/approval`,
    payload: { instructionReference: `INSTR-${unique()}` },
  }),
  refuseBreakGlass: async () => ({
    method: 'POST',
    url: `/api/break-glass/${await pendingBreakGlass(world, cases.draft.id)}/refusal`,
    payload: { reason: 'Toegangsmatrix: geen instructie.' },
  }),
  closeBreakGlass: async () => ({
    method: 'POST',
    url: `/api/break-glass/${await approvedBreakGlass(world, cases.draft.id)}/closure`,
  }),
  readBreakGlassContent: async () => ({
    method: 'GET',
    url: `/api/break-glass/${await approvedBreakGlass(world, cases.draft.id)}/content`,
  }),
  listInterconnections: () => ({ method: 'GET', url: '/api/interconnections' }),
  registerInterconnection: () => ({
    method: 'POST',
    url: '/api/interconnections',
    payload: focusRegistration(world, connectedSystem(), { partyIds: [] }),
  }),
  interconnectionRegistrationOptions: () => ({ method: 'GET', url: '/api/interconnections/registration-options' }),
  exportInterconnectionRegister: () => ({ method: 'GET', url: '/api/interconnections/register' }),
  getInterconnection: async () => ({
    method: 'GET',
    url: `/api/interconnections/${(await matrixInterconnections()).withCoordination}`,
  }),
  approveInterconnection: async () => ({
    method: 'POST',
    url: `/api/interconnections/${await cpasInterconnection()}/approval`,
  }),
  suspendInterconnection: async () => ({
    method: 'POST',
    url: `/api/interconnections/${await cpasInterconnection()}/suspension`,
    payload: REASON,
  }),
  resumeInterconnection: async () => {
    const id = await cpasInterconnection();
    const off = await world.request(world.people.policeDpo, 'POST', `/api/interconnections/${id}/suspension`, REASON);
    expect(off.statusCode, off.body).toBe(200);
    return { method: 'POST', url: `/api/interconnections/${id}/resumption` };
  },
  retireInterconnection: async () => {
    const { id } = await registerInterconnection(world, focusRegistration(world, connectedSystem(), { partyIds: [] }));
    return { method: 'POST', url: `/api/interconnections/${id}/retirement`, payload: REASON };
  },
  listInterconnectionExchanges: async () => ({
    method: 'GET',
    url: `/api/interconnections/${(await matrixInterconnections()).withCoordination}/exchanges`,
  }),
  listInterconnectionLinks: (cell) => ({ method: 'GET', url: `/api/cases/${cell.caseId}/interconnection-links` }),
  linkInterconnection: async (cell) => ({
    method: 'POST',
    url: `/api/cases/${cell.caseId}/interconnection-links`,
    payload: {
      interconnectionId: (await matrixInterconnections()).active,
      reference: `PZ Gent 2026/${unique()}`,
      personIds: [recordsOf(cell.subject).personId],
      missionConfirmed: true,
    },
  }),
  endInterconnectionLink: async (cell) => {
    // The police links the case (the organiser's family is moved on to where the police contributes).
    const kase = cell.subject === 'organiser' ? await freshCase(cell, { organiser: 'accepted' }) : recordsOf(cell.subject);
    const linked = await linkFile(world, kase.id, {
      interconnectionId: (await matrixInterconnections()).active,
      personIds: [kase.personId],
    });
    expect(linked.statusCode, linked.body).toBe(201);
    return { method: 'POST', url: `/api/cases/${kase.id}/interconnection-links/${linked.json().id}/end` };
  },
  deliverThroughInterconnection: () => ({
    method: 'POST',
    url: `/api/interconnections/${crypto.randomUUID()}/deliveries`,
    payload: focusDelivery('PZ Gent 2026/0001'),
  }),
};

/**
 * The police's interconnections of the matrix: one awaiting the coordination's approval (seen by
 * the police and the coordination), one of the police alone, active (cases are linked through it).
 */
let interconnectionFixtures: Promise<{ withCoordination: string; active: string }> | undefined;
function matrixInterconnections(): Promise<{ withCoordination: string; active: string }> {
  interconnectionFixtures ??= (async () => ({
    withCoordination: (
      await registerInterconnection(
        world,
        focusRegistration(world, connectedSystem(), { partyIds: [world.org.coordination] }),
      )
    ).id,
    active: (
      await registerInterconnection(
        world,
        focusRegistration(world, connectedSystem(), {
          partyIds: [],
          fieldMapping: [{ field: 'situationReport', category: 'C06' }],
        }),
      )
    ).id,
  }))();
  return interconnectionFixtures;
}

/** An interconnection of the CPAS's connected system with the police as a party still to approve. */
async function cpasInterconnection(): Promise<string> {
  const body = focusRegistration(world, connectedSystem(), { partyIds: [world.org.police] });
  return (await registerInterconnection(world, body, world.people.cpasDpo)).id;
}

const ART7_JUSTIFICATION = 'Toegangsmatrix: de beperking is noodzakelijk en evenredig voor het lopende onderzoek.';
let authorisedFrameworkId: Promise<string> | undefined;
let office: Promise<{ restrictionId: string; entryId: string }> | undefined;

/** bill arts 7-8: a framework authorised by the parquet (created once). */
function authorisedFramework(): Promise<string> {
  authorisedFrameworkId ??= (async () => {
    const created = await world.request(world.people.operator, 'POST', '/api/frameworks', {
      ...completeFramework(world, { basisKind: 'prosecutor_authorisation', basisCitation: null }),
      authorisingOrganisationId: world.org.parquet,
      authorisation: { reference: 'PK/2026/090', date: '2026-02-01', motivation: 'Toegangsmatrix.' },
    });
    const id: string = created.json().id;
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    await rawRequest(world, world.people.operator, 'PUT', `/api/frameworks/${id}/authorisation-document`, pdf, 'application/pdf');
    await world.request(world.people.operator, 'POST', `/api/frameworks/${id}/activation`);
    await declareFrameworkParties(world.db.adminDb, id, world.clock);
    return id;
  })();
  return authorisedFrameworkId;
}

/** A proposal for the parquet's list: a subject added to a draft of an authorised case (SPEC LST-01). */
async function listProposal(): Promise<string> {
  const kase = await newCase(world, { items: 0, frameworkId: await authorisedFramework() });
  const entries = (await world.request(world.people.prosecutor, 'GET', '/api/prosecutor-list')).json().entries as { id: string; caseId: string }[];
  return entries.find((entry) => entry.caseId === kase.id)!.id;
}

/** The parquet's restriction on an accepted authorised case, and a list entry (created once). */
function officeRecords(): Promise<{ restrictionId: string; entryId: string }> {
  office ??= (async () => {
    const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['parquet'], frameworkId: await authorisedFramework() });
    const created = await world.request(world.people.prosecutor, 'POST', '/api/restrictions', {
      caseId: kase.id, personId: kase.subjectId, scope: 'person', rights: ['information'], grounds: ['R1'], justification: ART7_JUSTIFICATION,
    });
    const entries = (await world.request(world.people.prosecutor, 'GET', '/api/prosecutor-list')).json().entries as { id: string; caseId: string }[];
    return { restrictionId: created.json().id, entryId: entries.find((entry) => entry.caseId === kase.id)!.id };
  })();
  return office;
}

let subProcessor: Promise<{ id: string; documentId: string }> | undefined;

/** A sub-processor of the police's host record with its signed contract (created once). */
function matrixSubProcessor(): Promise<{ id: string; documentId: string }> {
  subProcessor ??= (async () => {
    const id = await completeSubProcessor(world);
    const record = await uploadProcessorDocument(world, world.people.policeDpo, id, 'contract');
    return { id, documentId: record.documents.find((d: { kind: string; current: boolean }) => d.kind === 'contract' && d.current).id };
  })();
  return subProcessor;
}

function representationOf(cell: Cell): string {
  return cell.subject === 'expired_representation'
    ? world.representations.lapsed
    : world.representations.active;
}

/** Refusals of access; anything else means the caller was let through to the route's own checks. */
const ACCESS_REFUSALS = new Set([401, 403, 404]);

function verdict(
  expected: Outcome,
  res: LightMyRequestResponse,
  caseId: string,
  example: Example,
): string | undefined {
  const status = res.statusCode;
  switch (expected) {
    case 'allow':
    case 'allow_without_case': {
      const served = example.checkedAfterAccess ? !ACCESS_REFUSALS.has(status) && status < 500 : status < 300;
      if (!served) return `expected to be served, got ${status} ${res.body.slice(0, 160)}`;
      // A list of cases (not a document that names its cases elsewhere, e.g. an erasure order).
      const cases: unknown =
        res.headers['content-type']?.toString().includes('json') && status < 300 && res.body.includes('"cases"')
          ? res.json().cases
          : undefined;
      if (Array.isArray(cases) && cases.every((c) => typeof c === 'object' && c !== null && 'id' in c)) {
        const listed = (cases as { id: string }[]).some((c) => c.id === caseId);
        if (listed !== (expected === 'allow')) return `case ${listed ? 'listed' : 'missing'} in the list`;
      }
      return undefined;
    }
    case 'public':
      return undefined; // compared across callers below
    case 'forbidden':
      return status === 403 ? undefined : `expected 403, got ${status} ${res.body.slice(0, 160)}`;
    case 'not_found':
      return status === 404 ? undefined : `expected 404, got ${status} ${res.body.slice(0, 160)}`;
    case 'unauthenticated':
      return status === 401 ? undefined : `expected 401, got ${status} ${res.body.slice(0, 160)}`;
  }
}

beforeAll(async () => {
  world = await createAccessWorld();
  cases = {} as Record<Family, FixtureCase>;
  for (const [family, { state, options }] of Object.entries(FAMILY_CASES) as [Family, (typeof FAMILY_CASES)[Family]][]) {
    cases[family] = await world.policeCaseWithRecords(state, options);
  }
});
afterAll(async () => {
  await world?.close();
});

describe('the access matrix', () => {
  it('declares every route the app serves, and only those', () => {
    const served = world.app.routeTable
      .filter((route) => !route.url.startsWith('/api/test/') && route.url !== '/' && route.url !== '/*')
      .map((route) => `${route.operationId ?? '(no operationId)'} ${route.method} ${route.url}`)
      .sort();
    const declared = Object.entries(ACCESS_MATRIX)
      .map(([operationId, policy]) => `${operationId} ${policy.method} ${policy.path}`)
      .sort();
    expect(served).toEqual(declared);
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(ACCESS_MATRIX).sort());
  });

  it('is rendered into docs/access-matrix.md from the code (run npm run access-matrix)', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'access-matrix.md'), 'utf8');
    expect(doc).toBe(renderAccessMatrix());
  });

  it('SEC-06 holds cell by cell through the HTTP API, with no unexpected 2xx', async () => {
    const failures: string[] = [];
    let unexpectedSuccess = 0;
    let cells = 0;
    for (const [operationId, policy] of Object.entries(ACCESS_MATRIX)) {
      const statuses = new Map<Subject, number>();
      for (const subject of SUBJECT_IDS) {
        const person = PERSON[subject];
        const cell: Cell = {
          subject,
          person,
          who: subject === 'no_session' ? null : world.people[person],
          caseId: caseOf(subject),
          address: `198.51.100.${(serial++ % 250) + 1}`,
        };
        const example = await EXAMPLES[operationId]!(cell);
        const who = example.who === undefined ? cell.who : example.who;
        const res = await world.request(
          who,
          example.method,
          example.url,
          example.payload,
          cell.address,
          example.contentType,
        );
        cells++;
        statuses.set(subject, res.statusCode);
        const expected = policy.outcomes[subject];
        const problem = verdict(expected, res, cell.caseId, example);
        if (problem) {
          failures.push(`${operationId} × ${subject}: ${problem}`);
          if (res.statusCode < 300 && !['allow', 'allow_without_case', 'public'].includes(expected))
            unexpectedSuccess++;
        }
      }
      if (Object.values(policy.outcomes).every((o) => o === 'public')) {
        const distinct = new Set(statuses.values());
        if (distinct.size !== 1)
          failures.push(
            `${operationId}: public, but answers depend on the caller: ${JSON.stringify(Object.fromEntries(statuses))}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(unexpectedSuccess).toBe(0);
    expect(cells).toBe(Object.keys(ACCESS_MATRIX).length * SUBJECT_IDS.length);
  }, 900_000);
});
