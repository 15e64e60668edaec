/**
 * A small world for the access tests: the app on a real test database, one organisation of
 * each part a case consultation has, one signed-in user per relation of the access matrix,
 * and cases in the states that matter. Sessions are opened directly in the sessions table:
 * login itself is tested in modules/auth; here the session guard, the access module and
 * row-level security are under test.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CreateOrganisation, UserRole } from '../../src/contracts/identity.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Transaction } from 'kysely';
import type { CaseState, DB } from '../../src/server/db/schema.js';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { ManualClock } from '../../src/server/kernel/clock.js';
import { createKeyProvider } from '../../src/server/kernel/crypto/create-key-provider.js';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { caseAudience } from '../../src/server/modules/access/case-audience.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/modules/auth/session-guard.js';
import { csrfTokenFor, newSessionSecret } from '../../src/server/modules/auth/session-tokens.js';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hash.js';
import { generateTotpSecret } from '../../src/server/modules/auth/credentials/totp.js';
import { createTotpSecretBox } from '../../src/server/modules/auth/credentials/totp-secret-box.js';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import {
  PLATFORM_HOST,
  POLICE_ZONE,
  WELFARE_AGENCY,
} from '../../src/server/modules/identity/identity-fixtures.js';
import { createIdentityRepository } from '../../src/server/modules/identity/identity.repository.js';
import { createIdentityService } from '../../src/server/modules/identity/identity.service.js';
import type { Actor } from '../../src/server/modules/identity/platform-access.js';
import { createUndertakingsRepository } from '../../src/server/modules/undertakings/undertakings.repository.js';
import { createUndertakingService } from '../../src/server/modules/undertakings/undertakings.service.js';
import {
  CONSULTATION_SECRECY_TEXTS,
  REPRESENTATIVE_TEXTS,
} from '../../src/server/modules/undertakings/undertaking-texts.js';
import { approvedHostRecords } from './processor-steps.js';
import { recordPlanReview } from './compliance-steps.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { declareFrameworkParties } from './declaration-steps.js';

const PARQUET: CreateOrganisation = {
  kind: 'judicial_authority',
  dpRegime: 'law2018_title2',
  legalMission: { basis: 'law2018_arts33_34', citation: 'Code of Criminal Procedure, art. 22' },
  lawfulGround: 'c',
  legalName: 'Parket van de procureur des Konings Oost-Vlaanderen',
  address: 'Opgeëistenlaan 401, 9000 Gent',
  enterpriseNumber: '0201.611.035',
  establishmentCountry: 'BE',
  rightsContact: 'privacy@parket.example',
  dpo: { name: 'Koen Verbeke', contact: 'dpo@parket.example' },
  complianceOwner: 'Hilde Bauwens',
};

const COORDINATION: CreateOrganisation = {
  ...WELFARE_AGENCY,
  kind: 'administrative_authority',
  legalName: 'Veilig Huis Oost-Vlaanderen',
  enterpriseNumber: '0201.234.517',
  rightsContact: 'privacy@veilighuis.example',
};

const CPAS: CreateOrganisation = {
  ...WELFARE_AGENCY,
  kind: 'administrative_authority',
  legalMission: { basis: 'gdpr_art6_1e', citation: 'Organic Law of 8 July 1976 on the CPAS/OCMW' },
  legalName: 'OCMW Gent',
  enterpriseNumber: '0207.654.333',
  rightsContact: 'privacy@ocmw.example',
};

const YOUTH = { ...WELFARE_AGENCY, enterpriseNumber: '0209.988.766' };

export const ORGANISATIONS = {
  police: POLICE_ZONE,
  parquet: PARQUET,
  coordination: COORDINATION,
  cpas: CPAS,
  youth: YOUTH,
  host: PLATFORM_HOST,
} as const;
export type OrganisationName = keyof typeof ORGANISATIONS;

/** One signed-in user per relation the access matrix distinguishes. */
export const PEOPLE = {
  policeOfficer: { name: 'Karel Wouters', organisation: 'police', roles: ['participant'], secrecy: true },
  policeDpo: { name: 'An Peeters', organisation: 'police', roles: ['dpo'], secrecy: true },
  cpasDpo: { name: 'Mieke Janssens', organisation: 'cpas', roles: ['dpo'], secrecy: true },
  prosecutor: { name: 'Hilde Bauwens', organisation: 'parquet', roles: ['prosecutor'], secrecy: true },
  coordinator: { name: 'Sara Claes', organisation: 'coordination', roles: ['organiser'], secrecy: true },
  socialWorker: { name: 'Fatima El Amrani', organisation: 'cpas', roles: ['participant'], secrecy: true },
  newSocialWorker: { name: 'Tom Jacobs', organisation: 'cpas', roles: ['participant'], secrecy: false },
  youthWorker: { name: 'Lien Maes', organisation: 'youth', roles: ['participant'], secrecy: true },
  representative: { name: 'Pieter Goossens', organisation: 'cpas', roles: ['representative'], secrecy: true },
  formerRepresentative: {
    name: 'Eva Willems',
    organisation: 'cpas',
    roles: ['representative'],
    secrecy: true,
  },
  operator: { name: 'Jan Claes', organisation: 'host', roles: ['operator'], secrecy: true },
  unenrolled: { name: 'Ines Dubois', organisation: 'cpas', roles: ['participant'], secrecy: true },
} as const satisfies Record<
  string,
  { name: string; organisation: OrganisationName; roles: UserRole[]; secrecy: boolean }
>;
export type PersonName = keyof typeof PEOPLE;

export interface CaseOptions {
  reviewer?: OrganisationName;
  admitted?: OrganisationName[];
  revoked?: OrganisationName[];
}

export interface FixtureCase {
  id: string;
  personId: string;
  itemId: string;
  attachmentId: string;
}

export interface Signed {
  actor: Actor;
  cookie: string;
  csrf: string;
}

export interface AccessWorld {
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock;
  /** The key provider the app encrypts with. */
  keys: KeyProvider;
  org: Record<OrganisationName, string>;
  people: Record<PersonName, Signed>;
  /** The current art. 458ter §2 secrecy text and the representative's undertaking (bill art. 5 al. 2). */
  versions: { secrecy: string; representative: string };
  /** The CPAS's running representation, and the earlier one whose period is over. */
  representations: { active: string; lapsed: string };
  /** The active framework every case here is opened under: organised by the coordination, the others taking part. */
  frameworkId: string;
  /** Each person's TOTP secret (all but `unenrolled` have one). */
  totpSecrets: Record<PersonName, string>;
  /** A new user like `name` (organisation, roles, secrecy, second factor) with a session of its own. */
  newcomer(name: PersonName): Promise<Signed & { totpSecret: string }>;
  /** Another session of the same user, and its public id. */
  extraSession(name: PersonName): Promise<Signed & { publicId: string }>;
  /** A new representation of the CPAS by `people.representative`, running this month. */
  newRepresentation(): Promise<string>;
  /** A case pre-registered by the police officer, then moved to `state` with its audience rewritten. */
  policeCase(state: CaseState, options?: CaseOptions): Promise<string>;
  /** The same, with a subject (with a national register number), a risk item and its attachment, added as a draft. */
  policeCaseWithRecords(state: CaseState, options?: CaseOptions): Promise<FixtureCase>;
  /** A consultation of the coordination with `caseIds` on its agenda (written as the owner). */
  consultationOf(caseIds: readonly string[], state?: 'scheduled' | 'open' | 'closed'): Promise<string>;
  /** A follow-up action of `caseId` assigned to `assignee` (written as the owner). */
  actionOf(caseId: string, assignee: OrganisationName): Promise<string>;
  /** An own-file transfer of the case's item (controlled by the police) requested by `requester`. */
  transferOf(kase: FixtureCase, requester: OrganisationName): Promise<string>;
  /** An open notification for the members of `organisation`. */
  notificationFor(organisation: OrganisationName): Promise<string>;
  /** A request as the browser sends it; a Buffer or string payload with `contentType` is sent raw. */
  request(
    who: Signed | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    address?: string,
    contentType?: string,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createAccessWorld(): Promise<AccessWorld> {
  const db = await createTestDatabase();
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-access-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const keys = await createKeyProvider(config);
  const app = await buildApp({
    config,
    db: db.appDb,
    keys,
    engine: 'server',
    clock,
    webRoot: path.join(dataDir, 'no-web-build'),
  });
  await app.ready();

  const audit = createAuditLog({ clock });
  const bootstrap: Actor = {
    userId: crypto.randomUUID(),
    organisationId: crypto.randomUUID(),
    roles: ['operator'],
  };
  const identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit,
    clock,
  });
  const org = {} as Record<OrganisationName, string>;
  for (const [name, input] of Object.entries(ORGANISATIONS)) {
    org[name as OrganisationName] = (await identity.createOrganisation(bootstrap, input)).id;
  }

  const undertakings = createUndertakingService({
    db: db.appDb,
    undertakings: createUndertakingsRepository(),
    audit,
    clock,
  });
  const secrecy = await undertakings.publishUndertakingVersion(bootstrap, {
    kind: 'consultation_secrecy',
    texts: CONSULTATION_SECRECY_TEXTS,
  });
  const representativeText = await undertakings.publishUndertakingVersion(bootstrap, {
    kind: 'representative',
    texts: REPRESENTATIVE_TEXTS,
  });

  const envelope = createEnvelope({ keys });
  const totpBox = createTotpSecretBox(envelope);
  const passwordHash = await hashPassword('matrix-password-not-used');

  async function openSession(userId: string, enrolment: boolean): Promise<Signed & { publicId: string }> {
    const secret = newSessionSecret();
    const now = clock.now();
    const row = await db.adminDb
      .insertInto('sessions')
      .values({
        id_hash: secret.idHash,
        user_id: userId,
        session_epoch: 0,
        created_at: now,
        last_seen_at: now,
        mfa_at: enrolment ? null : now,
        purpose: enrolment ? 'mfa_enrolment' : 'full',
        user_agent_summary: 'test',
        // Issue 4 scope 7: the working session says why case files are read.
        justification: enrolment ? null : 'access matrix',
      })
      .returning('public_id')
      .executeTakeFirstOrThrow();
    const user = await db.adminDb
      .selectFrom('users')
      .select(['organisation_id', 'roles'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return {
      actor: { userId, organisationId: user.organisation_id, roles: user.roles as UserRole[] },
      cookie: secret.cookieValue,
      csrf: csrfTokenFor(secret.cookieValue),
      publicId: row.public_id,
    };
  }

  let created = 0;
  async function addPerson(name: PersonName): Promise<Signed & { totpSecret: string }> {
    const person: {
      name: string;
      organisation: OrganisationName;
      roles: readonly UserRole[];
      secrecy: boolean;
    } = PEOPLE[name];
    const enrolment = name === 'unenrolled';
    const user = await identity.createUser(bootstrap, {
      organisationId: org[person.organisation],
      email: `${person.name.toLowerCase().replaceAll(' ', '.')}.${created++}@${person.organisation}.example`,
      displayName: person.name,
      roles: [...person.roles],
    });
    const actor: Actor = { userId: user.id, organisationId: user.organisationId, roles: user.roles };
    if (person.secrecy) {
      await undertakings.acceptUndertaking(actor, secrecy.id, 'nl');
      const module = awareness[person.organisation];
      if (module) await undertakings.acceptUndertaking(actor, module, 'nl');
    }
    const totpSecret = enrolment ? '' : generateTotpSecret();
    await db.adminDb.transaction().execute(async (tx) => {
      const now = clock.now();
      await tx
        .insertInto('user_credentials')
        .values({
          user_id: user.id,
          password_hash: passwordHash,
          totp_secret: enrolment ? null : await totpBox.seal(tx, user.id, totpSecret),
          mfa_enrolled_at: enrolment ? null : now,
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    const { publicId: _, ...signed } = await openSession(user.id, enrolment);
    return { ...signed, totpSecret };
  }

  // Each controller informs its staff (L2007 art. 16 §2 3°, SPEC SEC-09); the host is no controller of case data.
  const awareness = {} as Partial<Record<OrganisationName, string>>;
  for (const name of Object.keys(ORGANISATIONS) as OrganisationName[]) {
    if (name === 'host') continue;
    awareness[name] = (
      await undertakings.publishUndertakingVersion(bootstrap, {
        kind: 'controller_awareness',
        organisationId: org[name],
        texts: { fr: 'Module.', nl: 'Module.', de: 'Modul.', en: 'Module.' },
      })
    ).id;
  }

  const people = {} as Record<PersonName, Signed>;
  const totpSecrets = {} as Record<PersonName, string>;
  for (const name of Object.keys(PEOPLE) as PersonName[]) {
    const { totpSecret, ...signed } = await addPerson(name);
    people[name] = signed;
    totpSecrets[name] = totpSecret;
  }

  // bill art. 5: the CPAS designates a permanent representative for this month; an earlier
  // representative's period ended last month. Both accepted the representative's undertaking.
  async function designate(who: Signed, from: string, to: string, represented: Signed[]): Promise<string> {
    const representation = await db.adminDb
      .insertInto('representations')
      .values({
        authority_id: org.cpas,
        representative_id: who.actor.userId,
        designated_by: people.socialWorker.actor.userId,
        designated_at: new Date('2026-01-15T10:00:00Z'),
        valid_from: from,
        valid_to: to,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (represented.length > 0) {
      await db.adminDb
        .insertInto('represented_persons')
        .values(represented.map((p) => ({ representation_id: representation.id, user_id: p.actor.userId })))
        .execute();
    }
    await db.adminDb
      .insertInto('undertaking_acceptances')
      .values({
        version_id: representativeText.id,
        user_id: who.actor.userId,
        language: 'nl',
        representation_id: representation.id,
        accepted_at: new Date('2026-01-16T10:00:00Z'),
      })
      .execute();
    return representation.id;
  }
  const representations = {
    active: await designate(people.representative, '2026-03-01', '2026-03-31', [people.socialWorker]),
    lapsed: await designate(people.formerRepresentative, '2026-02-01', '2026-02-28', []),
  };
  // The represented social worker acknowledged the art. 458ter §2 secrecy for debriefs (bill art. 5 al. 3).
  await db.adminDb
    .insertInto('undertaking_acceptances')
    .values({
      version_id: secrecy.id,
      user_id: people.socialWorker.actor.userId,
      language: 'nl',
      representation_id: representations.active,
      accepted_at: new Date('2026-03-01T10:00:00Z'),
    })
    .execute();

  function request(
    who: Signed | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    address = '192.0.2.10',
    contentType?: string,
  ) {
    const headers: Record<string, string> = {
      ...(who ? { [CSRF_HEADER]: who.csrf } : {}),
      ...(contentType ? { 'content-type': contentType } : {}),
    };
    return app.inject({
      method,
      url,
      remoteAddress: address,
      headers,
      ...(who ? { cookies: { [SESSION_COOKIE]: who.cookie } } : {}),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }

  const accessRepository = createAccessRepository();

  // SPEC PRC-01: no controller goes live without having approved the host's processor record.
  await approvedHostRecords(
    db.adminDb,
    org,
    {
      police: people.policeDpo.actor.userId,
      cpas: people.cpasDpo.actor.userId,
      parquet: people.prosecutor.actor.userId,
      coordination: people.coordinator.actor.userId,
      youth: people.youthWorker.actor.userId,
    },
    clock.now(),
  );

  // The consultation's framework (issue 4 scope 1): the coordination organises, the others take part.
  const framework = await request(people.operator, 'POST', '/api/frameworks', {
    name: 'Ketenaanpak intrafamiliaal geweld Oost-Vlaanderen',
    template: 'intrafamily_violence',
    basisCitation: { title: 'Decreet tot oprichting en regeling van de Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
    organiserOrganisationId: org.coordination,
    participantIds: [org.police, org.parquet, org.cpas, org.youth],
    modalities: 'Maandelijks casusoverleg; het parket beoordeelt politiedossiers vóór aanmelding.',
    defaultRetention: { months: 60 },
  });
  if (framework.statusCode !== 201) throw new Error(`createFramework failed: ${framework.body}`);
  const frameworkId: string = framework.json().id;
  const activated = await request(people.operator, 'POST', `/api/frameworks/${frameworkId}/activation`);
  if (activated.statusCode !== 200) throw new Error(`activateFramework failed: ${activated.body}`);
  // SPEC DCL-01: every party declared its processing in the framework before entering data.
  await declareFrameworkParties(db.adminDb, frameworkId, clock);
  // SPEC SCO-08, SEC-03: a live instance's security plan is reviewed, so its federal-use gate is green.
  await recordPlanReview((method, url, payload) => request(people.operator, method, url, payload), brusselsDateOf(clock.now()));

  /** Runs `work` as the owner role acting for the police compartment (to encrypt under a case key). */
  async function asCompartment(work: (tx: Transaction<DB>) => Promise<void>): Promise<void> {
    await db.adminDb.transaction().execute(async (tx) => {
      await accessRepository.actFor(tx, people.policeOfficer.actor.userId, [org.police]);
      await work(tx);
    });
  }

  // Fixture requests come from addresses of their own: the global rate limit counts per address.
  let fixtureRequests = 0;
  const fixtureAddress = () => {
    fixtureRequests++;
    return `198.18.${(fixtureRequests >> 8) & 255}.${fixtureRequests & 255}`;
  };

  async function makeCase(state: CaseState, options: CaseOptions, records: boolean): Promise<FixtureCase> {
    const police = people.policeOfficer;
    const res = await request(police, 'POST', '/api/cases', {
      frameworkId,
      title: 'Situatieschets gezin V.',
      purposes: ['P1'],
    }, fixtureAddress());
    if (res.statusCode !== 201) throw new Error(`createCase failed: ${res.body}`);
    const id: string = res.json().id;
    const made: FixtureCase = { id, personId: '', itemId: '', attachmentId: '' };
    if (records) {
      const person = await request(police, 'POST', `/api/cases/${id}/persons`, {
        role: 'subject',
        identity: { surname: 'Verbeke', firstNames: 'Jonas', birthDate: '1988-02-03', nationalRegisterNumber: '88.02.03-123.97' },
      }, fixtureAddress());
      if (person.statusCode !== 201) throw new Error(`addPerson failed: ${person.body}`);
      made.personId = person.json().id;
      const item = await request(police, 'POST', `/api/cases/${id}/items`, {
        category: 'C11',
        personIds: [made.personId],
        content: 'Risico-inschatting van de politie.',
        classification: 'non_classified',
        relevance: 'Nodig om het risico in te schatten.',
        provenance: { kind: 'already_held', sourceReference: 'PV GE.55.L1.000001/2026' },
        missionConfirmed: true,
      }, fixtureAddress());
      if (item.statusCode !== 201) throw new Error(`addItem failed: ${item.body}`);
      made.itemId = item.json().id;
      const attachment = await request(
        police,
        'POST',
        `/api/cases/${id}/items/${made.itemId}/attachments?filename=verslag.txt&classification=non_classified`,
        Buffer.from('Verslag van de interventie.'),
        fixtureAddress(),
        'text/plain',
      );
      if (attachment.statusCode !== 201) throw new Error(`addAttachment failed: ${attachment.body}`);
      made.attachmentId = attachment.json().id;
    }
    const reviewer = options.reviewer ? org[options.reviewer] : null;
    // The fixture moves the case as the workflow would have (tested in test/cases/case-workflow.test.ts).
    await db.adminDb.transaction().execute(async (tx) => {
      const ended = state === 'closed' || state === 'not_signalled' || state === 'refused';
      const open = ['accepted', 'in_consultation', 'follow_up', 'closed'].includes(state);
      await tx
        .updateTable('cases')
        .set({
          state,
          reviewer_organisation_id: reviewer,
          closed_at: ended ? clock.now() : null,
          closed_by: ended ? people.coordinator.actor.userId : null,
          // The framework's default as the first proposal, as the acceptance makes it (SPEC FIL-01).
          retention_months: open ? 60 : null,
          retention_proposal: open ? 1 : 0,
        })
        .where('id', '=', id)
        .execute();
      // Beyond the compartment, the records were shared with the signal (SPEC WFL-03).
      if (!['pre_registered', 'under_evaluation', 'not_signalled'].includes(state)) {
        await tx.updateTable('persons').set({ shared: true }).where('case_id', '=', id).execute();
        await tx.updateTable('items').set({ shared: true }).where('case_id', '=', id).execute();
      }
      const participants = [
        ...(options.admitted ?? []).map((name) => ({ name, revoked: false })),
        ...(options.revoked ?? []).map((name) => ({ name, revoked: true })),
      ];
      // The admission's justification is content: encrypted under the case key, acting for its compartment.
      await accessRepository.actFor(tx, police.actor.userId, [org.police]);
      for (const { name, revoked } of participants) {
        const at = clock.now();
        const justification = await envelope.encrypt(
          tx,
          { scope: `case:${id}`, record: `participant:${org[name]}`, version: 1 },
          'Kent het gezin sinds 2024.',
        );
        await tx
          .insertInto('case_participants')
          .values({
            case_id: id,
            organisation_id: org[name],
            justification,
            ground: 'knowledge_of_person',
            admitted_by: people.coordinator.actor.userId,
            admitted_at: at,
            revoked_by: revoked ? people.coordinator.actor.userId : null,
            revoked_at: revoked ? at : null,
          })
          .execute();
      }
      const facts = await accessRepository.caseFacts(tx, id);
      const { created_at } = await tx
        .selectFrom('cases')
        .select('created_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await accessRepository.replaceAudience(tx, id, created_at, caseAudience(facts!));
    });
    return made;
  }

  return {
    app,
    db,
    clock,
    keys,
    org,
    people,
    versions: { secrecy: secrecy.id, representative: representativeText.id },
    representations,
    frameworkId,
    totpSecrets,
    newcomer: addPerson,
    extraSession: (name) => openSession(people[name].actor.userId, name === 'unenrolled'),
    newRepresentation: () =>
      designate(people.representative, '2026-03-01', '2026-03-31', [people.socialWorker]),
    request,
    policeCase: async (state, options = {}) => (await makeCase(state, options, false)).id,
    policeCaseWithRecords: (state, options = {}) => makeCase(state, options, true),
    async consultationOf(caseIds, state = 'scheduled') {
      const now = clock.now();
      const row = await db.adminDb
        .insertInto('consultations')
        .values({
          framework_id: frameworkId,
          organiser_organisation_id: org.coordination,
          scheduled_for: now,
          state,
          opened_at: state === 'scheduled' ? null : now,
          opened_by: state === 'scheduled' ? null : people.coordinator.actor.userId,
          closed_at: state === 'closed' ? now : null,
          closed_by: state === 'closed' ? people.coordinator.actor.userId : null,
          created_by: people.coordinator.actor.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [index, caseId] of caseIds.entries()) {
        await db.adminDb
          .insertInto('consultation_agenda')
          .values({
            consultation_id: row.id,
            case_id: caseId,
            position: index + 1,
            added_by: people.coordinator.actor.userId,
            added_at: now,
          })
          .execute();
      }
      return row.id;
    },
    async actionOf(caseId, assignee) {
      const id = crypto.randomUUID();
      const now = clock.now();
      await asCompartment(async (tx) => {
        await tx
          .insertInto('case_actions')
          .values({
            id,
            case_id: caseId,
            consultation_id: null,
            assignee_organisation_id: org[assignee],
            due_on: '2026-03-20',
            description: await envelope.encrypt(tx, { scope: `case:${caseId}`, record: `action:${id}`, version: 1 }, 'Huisbezoek.'),
            created_by: people.coordinator.actor.userId,
            created_at: now,
            updated_by: people.coordinator.actor.userId,
            updated_at: now,
          })
          .execute();
      });
      return id;
    },
    async transferOf(kase, requester) {
      const id = crypto.randomUUID();
      await asCompartment(async (tx) => {
        await tx
          .insertInto('own_file_transfers')
          .values({
            id,
            case_id: kase.id,
            requester_organisation_id: org[requester],
            requested_by: people.socialWorker.actor.userId,
            purpose: 'P1',
            justification: await envelope.encrypt(
              tx,
              { scope: `case:${kase.id}`, record: `transfer:${id}`, version: 1 },
              'Nodig voor de eigen opvolging.',
            ),
            created_at: clock.now(),
          })
          .execute();
        await tx
          .insertInto('own_file_transfer_items')
          .values({ transfer_id: id, item_id: kase.itemId, controller_organisation_id: org.police })
          .execute();
      });
      return id;
    },
    async notificationFor(organisation) {
      const row = await db.adminDb
        .insertInto('notifications')
        .values({ organisation_id: org[organisation], kind: 'case_signalled', created_at: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
