/**
 * Data for the "open a case" benchmark (issue 4): the app on the benchmark's database with the
 * organisations, people and framework of a Veilige Huizen consultation; a few cases built
 * through the HTTP API, so that every shape is the real one (framework, audience, data keys,
 * versions, history); and many more cloned from one of them in bulk as the owner role, each
 * re-encrypted under a data key of its own with the record names of `case-fields.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Insertable, sql } from 'kysely';
import type { CreateOrganisation, UserRole } from '../src/contracts/identity.js';
import type { Identity } from '../src/contracts/persons.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Db, Tx } from '../src/server/db/database.js';
import type { DB } from '../src/server/db/schema.js';
import { createAuditLog } from '../src/server/kernel/audit/index.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { createBlindIndex } from '../src/server/kernel/crypto/blind-index.js';
import { createKeyProvider } from '../src/server/kernel/crypto/create-key-provider.js';
import { createEnvelope, type ScopeCipher } from '../src/server/kernel/crypto/envelope.js';
import type { KeyProvider } from '../src/server/kernel/crypto/key-provider.js';
import { createAccessRepository } from '../src/server/modules/access/access.repository.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/modules/auth/session-guard.js';
import { csrfTokenFor, newSessionSecret } from '../src/server/modules/auth/session-tokens.js';
import { FIELDS } from '../src/server/modules/cases/case-fields.js';
import type { ItemPayload } from '../src/server/modules/cases/case-presenter.js';
import {
  PLATFORM_HOST,
  POLICE_ZONE,
  WELFARE_AGENCY,
} from '../src/server/modules/identity/identity-fixtures.js';
import { createIdentityRepository } from '../src/server/modules/identity/identity.repository.js';
import { createIdentityService } from '../src/server/modules/identity/identity.service.js';
import type { Actor } from '../src/server/modules/identity/platform-access.js';
import { createUndertakingsRepository } from '../src/server/modules/undertakings/undertakings.repository.js';
import { createUndertakingService } from '../src/server/modules/undertakings/undertakings.service.js';
import { CONSULTATION_SECRECY_TEXTS } from '../src/server/modules/undertakings/undertaking-texts.js';
import { declareFrameworkParties } from '../test/support/declaration-steps.js';
import type { TestDatabase } from '../test/support/postgres-cluster.js';
import { approvedHostRecords } from '../test/support/processor-steps.js';

const ORGANISATIONS = {
  police: POLICE_ZONE,
  coordination: {
    ...WELFARE_AGENCY,
    kind: 'administrative_authority',
    legalName: 'Veilig Huis Oost-Vlaanderen',
    enterpriseNumber: '0201.234.517',
    rightsContact: 'privacy@veilighuis.example',
  },
  cpas: {
    ...WELFARE_AGENCY,
    kind: 'administrative_authority',
    legalMission: { basis: 'gdpr_art6_1e', citation: 'Organic Law of 8 July 1976 on the CPAS/OCMW' },
    legalName: 'OCMW Gent',
    enterpriseNumber: '0207.654.333',
    rightsContact: 'privacy@ocmw.example',
  },
  youth: { ...WELFARE_AGENCY, enterpriseNumber: '0209.988.766' },
  host: PLATFORM_HOST,
} as const satisfies Record<string, CreateOrganisation>;
type OrganisationName = keyof typeof ORGANISATIONS;

const PEOPLE = {
  policeOfficer: { name: 'Karel Wouters', organisation: 'police', roles: ['participant'] },
  socialWorker: { name: 'Fatima El Amrani', organisation: 'cpas', roles: ['participant'] },
  cpasDpo: { name: 'Mieke Janssens', organisation: 'cpas', roles: ['dpo'] },
  coordinator: { name: 'Sara Claes', organisation: 'coordination', roles: ['organiser'] },
  operator: { name: 'Jan Claes', organisation: 'host', roles: ['operator'] },
} as const satisfies Record<string, { name: string; organisation: OrganisationName; roles: UserRole[] }>;
type PersonName = keyof typeof PEOPLE;

export interface Signed {
  userId: string;
  cookie: string;
  csrf: string;
}

export interface CaseWorld {
  app: FastifyInstance;
  keys: KeyProvider;
  org: Record<OrganisationName, string>;
  users: Record<PersonName, string>;
  frameworkId: string;
  /** A new working session of `name`, with its justification (issue 4 scope 7). */
  signIn(name: PersonName): Promise<Signed>;
  request(
    who: Signed,
    method: 'GET' | 'POST',
    url: string,
    payload?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Requests per client address: below the global limit of 300 a minute (app.ts). */
const REQUESTS_PER_ADDRESS = 250;

export async function createCaseWorld(database: TestDatabase): Promise<CaseWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-bench-'));
  const config = loadConfig({ CONCERTO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const keys = await createKeyProvider(config);
  const app = await buildApp({
    config,
    db: database.appDb,
    keys,
    engine: 'server',
    webRoot: path.join(dataDir, 'no-web-build'),
  });
  await app.ready();

  const clock = systemClock;
  const audit = createAuditLog({ clock });
  const bootstrap: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
  const identity = createIdentityService({
    db: database.appDb,
    identity: createIdentityRepository(),
    audit,
    clock,
  });
  const undertakings = createUndertakingService({
    db: database.appDb,
    undertakings: createUndertakingsRepository(),
    audit,
    clock,
  });
  const org = {} as Record<OrganisationName, string>;
  for (const [name, input] of Object.entries(ORGANISATIONS)) {
    org[name as OrganisationName] = (await identity.createOrganisation(bootstrap, input)).id;
  }
  const secrecy = await undertakings.publishUndertakingVersion(bootstrap, {
    kind: 'consultation_secrecy',
    texts: CONSULTATION_SECRECY_TEXTS,
  });
  const users = {} as Record<PersonName, string>;
  // One awareness module per controller: a later version would ask its earlier readers again.
  const awareness = new Map<OrganisationName, string>();
  for (const [name, person] of Object.entries(PEOPLE) as [PersonName, (typeof PEOPLE)[PersonName]][]) {
    const user = await identity.createUser(bootstrap, {
      organisationId: org[person.organisation],
      email: `${person.name.toLowerCase().replaceAll(' ', '.')}@${person.organisation}.example`,
      displayName: person.name,
      roles: [...person.roles],
    });
    const actor: Actor = { userId: user.id, organisationId: user.organisationId, roles: user.roles };
    // bill art. 458ter §2 secrecy, and the controller's awareness module (SPEC SEC-09), as in the access world.
    await undertakings.acceptUndertaking(actor, secrecy.id, 'nl');
    if (person.organisation !== 'host') {
      let module = awareness.get(person.organisation);
      if (!module) {
        module = (
          await undertakings.publishUndertakingVersion(bootstrap, {
            kind: 'controller_awareness',
            organisationId: org[person.organisation],
            texts: { fr: 'Module.', nl: 'Module.', de: 'Modul.', en: 'Module.' },
          })
        ).id;
        awareness.set(person.organisation, module);
      }
      await undertakings.acceptUndertaking(actor, module, 'nl');
    }
    users[name] = user.id;
  }

  async function signIn(name: PersonName): Promise<Signed> {
    const secret = newSessionSecret();
    const now = clock.now();
    await database.adminDb
      .insertInto('sessions')
      .values({
        id_hash: secret.idHash,
        user_id: users[name],
        session_epoch: 0,
        created_at: now,
        last_seen_at: now,
        mfa_at: now,
        purpose: 'full',
        user_agent_summary: 'bench',
        justification: 'Voorbereiding casusoverleg',
      })
      .execute();
    return { userId: users[name], cookie: secret.cookieValue, csrf: csrfTokenFor(secret.cookieValue) };
  }

  let sent = 0;
  function request(who: Signed, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
    const n = Math.floor(sent++ / REQUESTS_PER_ADDRESS);
    return app.inject({
      method,
      url,
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      cookies: { [SESSION_COOKIE]: who.cookie },
      headers: { [CSRF_HEADER]: who.csrf },
      ...(payload === undefined ? {} : { payload }),
    });
  }

  // SPEC PRC-01: no controller goes live without having approved the host's processor record.
  type HostApprovers = Parameters<typeof approvedHostRecords>[2];
  await approvedHostRecords(
    database.adminDb,
    org as Parameters<typeof approvedHostRecords>[1],
    {
      police: users.policeOfficer,
      cpas: users.cpasDpo,
      coordination: users.coordinator,
      youth: users.coordinator,
    } as unknown as HostApprovers,
    clock.now(),
  );
  const operator = await signIn('operator');
  const framework = await request(operator, 'POST', '/api/frameworks', {
    name: 'Ketenaanpak intrafamiliaal geweld Oost-Vlaanderen',
    template: 'intrafamily_violence',
    basisCitation: {
      title: 'Decreet tot oprichting en regeling van de Veilige Huizen',
      date: '2023-06-30',
      article: 'art. 5',
    },
    organiserOrganisationId: org.coordination,
    participantIds: [org.police, org.cpas, org.youth],
    modalities: 'Maandelijks casusoverleg.',
    defaultRetention: { months: 60 },
  });
  if (framework.statusCode !== 201) throw new Error(`createFramework failed: ${framework.body}`);
  const frameworkId: string = framework.json().id;
  const activated = await request(operator, 'POST', `/api/frameworks/${frameworkId}/activation`);
  if (activated.statusCode !== 200) throw new Error(`activateFramework failed: ${activated.body}`);
  // SPEC DCL-01: every party declared its processing in the framework before entering data.
  await declareFrameworkParties(database.adminDb, frameworkId, clock);

  return {
    app,
    keys,
    org,
    users,
    frameworkId,
    signIn,
    request,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SURNAMES =
  'Dewaele,Peeters,Janssens,Maes,Jacobs,Mertens,Willems,Claes,Goossens,Wouters,De Smet,Dubois,Lambert,Dupont,Martin,Leroy,Hermans,Aerts,Vermeulen,El Amrani'.split(
    ',',
  );
const FIRST_NAMES =
  'Kevin,Sarah,Mohamed,Lotte,Tom,Inès,Pieter,Fatima,Lucas,Emma,Noah,Marie,Arthur,Louise,Jules,Nora,Adam,Elise,Victor,Yasmine'.split(
    ',',
  );

/** A valid national register number for a birth date before 2000 (modulo 97, SPEC DAT-01). */
function nationalNumber(birthDate: string, sequence: number): string {
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(sequence).padStart(3, '0')}`;
  const check = String(97 - (Number(nine) % 97)).padStart(2, '0');
  return `${nine.slice(0, 2)}.${nine.slice(2, 4)}.${nine.slice(4, 6)}-${nine.slice(6, 9)}.${check}`;
}

/** A different fictional person for every case and role. */
function identityFor(template: Identity, n: number): Identity {
  const birth = new Date(Date.UTC(1950, 0, 1) + ((n * 7919) % 18_000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    ...template,
    surname: SURNAMES[n % SURNAMES.length]!,
    firstNames: FIRST_NAMES[Math.floor(n / SURNAMES.length) % FIRST_NAMES.length]!,
    ...(template.birthDate ? { birthDate: birth } : {}),
    ...(template.nationalRegisterNumber
      ? { nationalRegisterNumber: nationalNumber(birth, 1 + (n % 997)) }
      : {}),
  };
}

/** An ordinary item (risk behaviour) about the given persons, as a police officer records it. */
function riskItem(personIds: string[], n: number) {
  return {
    category: 'C11',
    personIds,
    content: `Vaststelling ${n}: dreigend gedrag tegenover de partner, gemeld door een buurtbewoner.`,
    classification: 'non_classified',
    relevance: 'Nodig om het risico voor de partner in te schatten.',
    provenance: {
      kind: 'already_held',
      sourceReference: `PV GE.55.L1.${String(12345 + n).padStart(6, '0')}/2026`,
    },
    missionConfirmed: true,
  };
}

async function expectStatus(
  response: Promise<LightMyRequestResponse>,
  status: number,
): Promise<LightMyRequestResponse> {
  const res = await response;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/**
 * One case through the API as the people would build it: pre-registered by the police (or, with
 * `author` 'socialWorker', by the CPAS, which then controls its persons and items) with a
 * subject, a relation and `items` items, signalled in full, accepted by the organiser (the
 * framework's retention becomes the first proposal) and the CPAS and youth care admitted, less
 * the author's own organisation.
 */
export async function caseThroughApi(
  world: CaseWorld,
  items: number,
  n: number,
  author: 'policeOfficer' | 'socialWorker' = 'policeOfficer',
): Promise<string> {
  const creator = await world.signIn(author);
  const coordinator = await world.signIn('coordinator');
  const created = await expectStatus(
    world.request(creator, 'POST', '/api/cases', {
      frameworkId: world.frameworkId,
      title: `Gezin ${SURNAMES[n % SURNAMES.length]}, dreigend gedrag`,
      purposes: ['P1'],
    }),
    201,
  );
  const id: string = created.json().id;
  const subject = await expectStatus(
    world.request(creator, 'POST', `/api/cases/${id}/persons`, {
      role: 'subject',
      identity: {
        surname: 'Dewaele',
        firstNames: 'Kevin',
        birthDate: '1990-04-12',
        address: 'Korenmarkt 1, 9000 Gent',
        nationalRegisterNumber: '90.04.12-123.77',
      },
    }),
    201,
  );
  const subjectId: string = subject.json().id;
  const relation = await expectStatus(
    world.request(creator, 'POST', `/api/cases/${id}/persons`, {
      role: 'relation',
      subjectIds: [subjectId],
      necessity: 'De partner is het potentiële slachtoffer.',
      identity: { surname: 'Claes', firstNames: 'Lotte', birthDate: '1992-09-03' },
    }),
    201,
  );
  const relationId: string = relation.json().id;
  const itemIds: string[] = [];
  for (let i = 0; i < items; i++) {
    // One item in five concerns the partner too.
    const persons = i % 5 === 0 ? [subjectId, relationId] : [subjectId];
    const item = await expectStatus(
      world.request(creator, 'POST', `/api/cases/${id}/items`, riskItem(persons, i + 1)),
      201,
    );
    itemIds.push(item.json().id);
  }
  await expectStatus(
    world.request(creator, 'POST', `/api/cases/${id}/signal`, {
      selection: { personIds: [subjectId, relationId], itemIds },
      necessityConfirmed: true,
    }),
    200,
  );
  await expectStatus(
    world.request(coordinator, 'POST', `/api/cases/${id}/signal-decision`, {
      decision: 'accept',
      reason: 'Ernstig risico voor de partner; ketenaanpak aangewezen.',
    }),
    200,
  );
  const admitted = author === 'socialWorker' ? (['youth'] as const) : (['cpas', 'youth'] as const);
  for (const name of admitted) {
    await expectStatus(
      world.request(coordinator, 'POST', `/api/cases/${id}/participants`, {
        organisationId: world.org[name],
        ground: 'knowledge_of_person',
        justification: 'Kent het gezin sinds 2024.',
      }),
      200,
    );
  }
  return id;
}

/** Everything of one case, as the owner reads it. */
async function readTemplate(db: Db, caseId: string) {
  const [kase, audience, participants, history, approvals, persons, links, items, itemPersons] =
    await Promise.all([
      db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
      db.selectFrom('case_audience').selectAll().where('case_id', '=', caseId).execute(),
      db.selectFrom('case_participants').selectAll().where('case_id', '=', caseId).execute(),
      db.selectFrom('case_history').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
      db.selectFrom('case_retention_approvals').selectAll().where('case_id', '=', caseId).execute(),
      db.selectFrom('persons').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
      db
        .selectFrom('person_links')
        .innerJoin('persons', 'persons.id', 'person_links.relation_id')
        .select(['relation_id', 'subject_id'])
        .where('persons.case_id', '=', caseId)
        .execute(),
      db.selectFrom('items').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
      db
        .selectFrom('item_persons')
        .innerJoin('items', 'items.id', 'item_persons.item_id')
        .select(['item_id', 'person_id'])
        .where('items.case_id', '=', caseId)
        .execute(),
    ]);
  const itemVersions = await db
    .selectFrom('item_versions')
    .selectAll()
    .where(
      'item_id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  const personVersions = await db
    .selectFrom('person_versions')
    .selectAll()
    .where(
      'person_id',
      'in',
      persons.map((p) => p.id),
    )
    .execute();
  // The clone below writes first versions only, as the API does for new records.
  const later = [...persons, ...items, ...itemVersions, ...personVersions].some((r) => r.version !== 1);
  const attachments = await db
    .selectFrom('item_attachments')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  if (
    later ||
    attachments.length > 0 ||
    kase.review_reason ||
    kase.closure_reason ||
    participants.some((p) => p.revoked_at)
  ) {
    throw new Error(
      'the template case has later versions, attachments or reasons the clone does not rewrite',
    );
  }
  return {
    kase,
    audience,
    participants,
    history,
    approvals,
    persons,
    personVersions,
    links,
    items,
    itemVersions,
    itemPersons,
  };
}
type Template = Awaited<ReturnType<typeof readTemplate>>;

interface Plaintexts {
  title: string;
  signalDecisionReason: string | null;
  justifications: Map<string, string>;
  identities: Map<string, Identity>;
  necessities: Map<string, string>;
  payloads: Map<string, ItemPayload>;
}

async function decryptTemplate(cipher: ScopeCipher, t: Template): Promise<Plaintexts> {
  const text = (field: readonly [string, number], data: Buffer) =>
    cipher.decryptText(field[0], field[1], data);
  return {
    title: await text(FIELDS.title, t.kase.title),
    signalDecisionReason: t.kase.signal_decision_reason
      ? await text(FIELDS.signalDecisionReason, t.kase.signal_decision_reason)
      : null,
    justifications: new Map(
      await Promise.all(
        t.participants.map(
          async (p) =>
            [p.organisation_id, await text(FIELDS.admission(p.organisation_id), p.justification)] as const,
        ),
      ),
    ),
    identities: new Map(
      await Promise.all(
        t.persons.map(
          async (p) =>
            [p.id, JSON.parse(await text(FIELDS.identity(p.id, 1), p.identity)) as Identity] as const,
        ),
      ),
    ),
    necessities: new Map(
      await Promise.all(
        t.persons.flatMap((p) =>
          p.necessity
            ? [(async () => [p.id, await text(FIELDS.necessity(p.id), p.necessity!)] as const)()]
            : [],
        ),
      ),
    ),
    payloads: new Map(
      await Promise.all(
        t.items.map(
          async (i) =>
            [i.id, JSON.parse(await text(FIELDS.item(i.id, 1), i.payload!)) as ItemPayload] as const,
        ),
      ),
    ),
  };
}

/** Rows of every table for the clones of one batch. */
interface Batch {
  audience: Insertable<DB['case_audience']>[];
  cases: Insertable<DB['cases']>[];
  participants: Insertable<DB['case_participants']>[];
  history: Insertable<DB['case_history']>[];
  approvals: Insertable<DB['case_retention_approvals']>[];
  persons: Insertable<DB['persons']>[];
  personVersions: Insertable<DB['person_versions']>[];
  links: Insertable<DB['person_links']>[];
  items: Insertable<DB['items']>[];
  itemVersions: Insertable<DB['item_versions']>[];
  itemPersons: Insertable<DB['item_persons']>[];
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/** Inserts `rows` in statements of at most MAX_PARAMETERS parameters. */
async function inChunks<R extends object>(rows: R[], insert: (part: R[]) => Promise<unknown>): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let from = 0; from < rows.length; from += per) await insert(rows.slice(from, from + per));
}

const shift = (at: Date, by: number): Date => new Date(at.getTime() + by);

/**
 * `count` copies of the template case, `perBatch` per transaction, acting for the compartment
 * (the template's creator). Each copy has its own ids, a data key of its own, its own title and
 * persons, its content encrypted under that key bound to the new record ids, and timestamps
 * moved back by 45 minutes per case. The same audience, history and admissions as the template.
 * With `samePersons`, every copy keeps the template's persons as they are (same national number,
 * so the same blind indexes): one person present in every case, as a request of that person
 * finds them (issue 5); otherwise each copy has persons of its own.
 */
export async function cloneCases(
  world: CaseWorld,
  db: Db,
  templateId: string,
  count: number,
  options: { perBatch?: number; concurrency?: number; samePersons?: boolean } = {},
): Promise<string[]> {
  const perBatch = options.perBatch ?? 200;
  const concurrency = options.concurrency ?? 2;
  const envelope = createEnvelope({ keys: world.keys });
  const blindIndex = createBlindIndex({ keys: world.keys });
  const access = createAccessRepository();
  const t = await readTemplate(db, templateId);
  const plain = await db.transaction().execute(async (tx) => {
    await access.actFor(tx, t.kase.created_by, [t.kase.compartment_organisation_id]);
    return decryptTemplate(await envelope.openScope(tx, `case:${templateId}`), t);
  });

  async function cloneOne(tx: Tx, n: number, batch: Batch): Promise<string> {
    const id = randomUUID();
    const by = -(n + 1) * 45 * 60_000;
    const cipher = await envelope.openScope(tx, `case:${id}`);
    const seal = (field: readonly [string, number], text: string) => cipher.encrypt(field[0], field[1], text);
    const createdAt = shift(t.kase.created_at, by);
    batch.audience.push(...t.audience.map((a) => ({ ...a, case_id: id, case_created_at: createdAt })));
    batch.cases.push({
      ...t.kase,
      id,
      title: await seal(FIELDS.title, `${plain.title} (${n})`),
      signal_decision_reason: plain.signalDecisionReason
        ? await seal(FIELDS.signalDecisionReason, plain.signalDecisionReason)
        : null,
      created_at: createdAt,
      updated_at: shift(t.kase.updated_at, by),
      signalled_at: t.kase.signalled_at && shift(t.kase.signalled_at, by),
      signal_decided_at: t.kase.signal_decided_at && shift(t.kase.signal_decided_at, by),
    });
    for (const p of t.participants) {
      batch.participants.push({
        ...p,
        case_id: id,
        justification: await seal(
          FIELDS.admission(p.organisation_id),
          plain.justifications.get(p.organisation_id)!,
        ),
        admitted_at: shift(p.admitted_at, by),
      });
    }
    const personIds = new Map(t.persons.map((p) => [p.id, randomUUID()]));
    const itemIds = new Map(t.items.map((i) => [i.id, randomUUID()]));
    const newId = (old: string | null) => (old && (personIds.get(old) ?? itemIds.get(old))) ?? old;
    batch.history.push(
      ...t.history.map(({ id: _, ...h }) => ({
        ...h,
        case_id: id,
        at: shift(h.at, by),
        subject_id: newId(h.subject_id),
      })),
    );
    batch.approvals.push(
      ...t.approvals.map((a) => ({ ...a, case_id: id, approved_at: shift(a.approved_at, by) })),
    );
    for (const [index, p] of t.persons.entries()) {
      const pid = personIds.get(p.id)!;
      const held = plain.identities.get(p.id)!;
      const identity = options.samePersons ? held : identityFor(held, n * t.persons.length + index);
      const sealed = await seal(FIELDS.identity(pid, 1), JSON.stringify(identity));
      batch.persons.push({
        ...p,
        id: pid,
        case_id: id,
        identity: sealed,
        necessity: p.necessity ? await seal(FIELDS.necessity(pid), plain.necessities.get(p.id)!) : null,
        nrn_index: identity.nationalRegisterNumber
          ? await blindIndex.nrn(identity.nationalRegisterNumber)
          : null,
        name_dob_index: identity.birthDate
          ? await blindIndex.nameAndBirthDate(
              `${identity.surname} ${identity.firstNames}`,
              identity.birthDate,
            )
          : null,
        created_at: shift(p.created_at, by),
        updated_at: shift(p.updated_at, by),
      });
      const v = t.personVersions.find((version) => version.person_id === p.id)!;
      batch.personVersions.push({
        ...v,
        person_id: pid,
        identity: sealed,
        changed_at: shift(v.changed_at, by),
      });
    }
    batch.links.push(
      ...t.links.map((l) => ({ relation_id: newId(l.relation_id)!, subject_id: newId(l.subject_id)! })),
    );
    for (const [index, i] of t.items.entries()) {
      const iid = itemIds.get(i.id)!;
      const template = plain.payloads.get(i.id)!;
      // The shape of case-presenter's ItemPayload, with the content of this case.
      const payload: ItemPayload = {
        ...template,
        content: `${template.content} Dossier ${n}, feit ${index + 1}.`,
      };
      const sealed = await seal(FIELDS.item(iid, 1), JSON.stringify(payload));
      batch.items.push({
        ...i,
        id: iid,
        case_id: id,
        payload: sealed,
        annotates_item_id: newId(i.annotates_item_id),
        mission_confirmed_at: shift(i.mission_confirmed_at, by),
        created_at: shift(i.created_at, by),
        updated_at: shift(i.updated_at, by),
      });
      const v = t.itemVersions.find((version) => version.item_id === i.id)!;
      batch.itemVersions.push({ ...v, item_id: iid, payload: sealed, changed_at: shift(v.changed_at, by) });
    }
    batch.itemPersons.push(
      ...t.itemPersons.map((l) => ({ item_id: newId(l.item_id)!, person_id: newId(l.person_id)! })),
    );
    return id;
  }

  async function cloneBatch(from: number, to: number): Promise<string[]> {
    return db.transaction().execute(async (tx) => {
      await access.actFor(tx, t.kase.created_by, [t.kase.compartment_organisation_id]);
      const batch: Batch = {
        audience: [],
        cases: [],
        participants: [],
        history: [],
        approvals: [],
        persons: [],
        personVersions: [],
        links: [],
        items: [],
        itemVersions: [],
        itemPersons: [],
      };
      // Each case's first encryption creates its data key: in parallel, for the key files' I/O.
      const ids = await Promise.all(
        Array.from({ length: to - from }, (_, k) => cloneOne(tx, from + k, batch)),
      );
      // The audience first, as createCase writes it (its foreign key to the case is deferred).
      await inChunks(batch.audience, (part) => tx.insertInto('case_audience').values(part).execute());
      await inChunks(batch.cases, (part) => tx.insertInto('cases').values(part).execute());
      await inChunks(batch.participants, (part) => tx.insertInto('case_participants').values(part).execute());
      await inChunks(batch.history, (part) => tx.insertInto('case_history').values(part).execute());
      await inChunks(batch.approvals, (part) =>
        tx.insertInto('case_retention_approvals').values(part).execute(),
      );
      await inChunks(batch.persons, (part) => tx.insertInto('persons').values(part).execute());
      await inChunks(batch.personVersions, (part) => tx.insertInto('person_versions').values(part).execute());
      await inChunks(batch.links, (part) => tx.insertInto('person_links').values(part).execute());
      await inChunks(batch.items, (part) => tx.insertInto('items').values(part).execute());
      await inChunks(batch.itemVersions, (part) => tx.insertInto('item_versions').values(part).execute());
      await inChunks(batch.itemPersons, (part) => tx.insertInto('item_persons').values(part).execute());
      return ids;
    });
  }

  const starts = Array.from({ length: Math.ceil(count / perBatch) }, (_, k) => k * perBatch);
  const ids: string[] = [];
  let next = 0;
  // Two batches at a time: one encrypts in Node while PostgreSQL inserts the other.
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < starts.length) {
        const from = starts[next++]!;
        ids.push(...(await cloneBatch(from, Math.min(count, from + perBatch))));
      }
    }),
  );
  // Settle the bulk load before anything is measured: otherwise autovacuum visits the new rows
  // (and the first readers set their hint bits) in the middle of the measurement.
  await sql`VACUUM (ANALYZE)`.execute(db);
  return ids;
}
