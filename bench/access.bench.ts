/**
 * The cost of need-to-know (issue 3):
 * - one access decision as a service makes it (load the actor's facts, tell PostgreSQL whom
 *   the transaction acts for, load the case's facts, decide) against a raw read of the same
 *   case by primary key, each in its own transaction;
 * - the authorised case list (audience filter + row-level security) over 100,000 cases
 *   against the same query without any access filtering, as the owner.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction } from '../src/server/db/database.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { createAccessRepository } from '../src/server/modules/access/access.repository.js';
import { createAccess } from '../src/server/modules/access/access.service.js';
import { createCasesRepository } from '../src/server/modules/cases/cases.repository.js';
import { createRepresentationRepository } from '../src/server/modules/representation/representation.repository.js';
import { createUndertakingsRepository } from '../src/server/modules/undertakings/undertakings.repository.js';
import type { BenchContext, BenchRow } from './types.js';

const CASES = 100_000;
const ORGANISATIONS = 50;
const DECISIONS = 2_000;
const LISTS = 300;
const PAGE = 200;

async function perSecond(count: number, one: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await one(i);
  return count / ((performance.now() - start) / 1000);
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const database = await ctx.createDatabase();
  const admin = database.adminDb;
  const app = database.appDb;

  // 50 organisations; every case has its compartment, an organiser and two participants among them.
  await sql`INSERT INTO organisations (id, kind, dp_regime, mission_basis, mission_citation, lawful_ground, legal_name,
      address, establishment_country, rights_contact, compliance_owner, created_at, updated_at)
    SELECT gen_random_uuid(), 'administrative_authority', 'gdpr', 'gdpr_art6_1e', 'bench', 'e', 'Org ' || g, 'Street 1',
      'BE', 'privacy@org.example', 'Owner', now(), now() FROM generate_series(1, ${ORGANISATIONS}) g`.execute(
    admin,
  );
  const orgs = (await admin.selectFrom('organisations').select('id').orderBy('legal_name').execute()).map(
    (r) => r.id,
  );
  const creator = randomUUID();
  await sql`INSERT INTO users (id, organisation_id, email, display_name, roles, created_at, updated_at)
    VALUES (${creator}, ${orgs[0]}, 'bench@org.example', 'Bench User', ARRAY['participant'], now(), now())`.execute(
    admin,
  );
  await admin.transaction().execute(async (tx) => {
    await sql`CREATE TEMP TABLE bench_orgs ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY legal_name) - 1)::int AS n, id FROM organisations`.execute(tx);
    await sql`INSERT INTO cases (id, state, compartment_organisation_id, organiser_organisation_id, title, created_by, created_at, updated_at)
      SELECT gen_random_uuid(), 'in_consultation', c.id, o.id, decode(md5(g::text) || md5(g::text), 'hex'), ${creator},
        now() - g * interval '1 minute', now()
      FROM generate_series(1, ${CASES}) g
      JOIN bench_orgs c ON c.n = g % ${ORGANISATIONS}
      JOIN bench_orgs o ON o.n = (g * 7 + 1) % ${ORGANISATIONS}`.execute(tx);
    await sql`INSERT INTO case_audience (case_id, organisation_id, relation, case_created_at)
      SELECT id, compartment_organisation_id, 'compartment', created_at FROM cases
      UNION SELECT id, organiser_organisation_id, 'organiser', created_at FROM cases
      UNION SELECT c.id, p.id, 'participant', c.created_at FROM cases c JOIN bench_orgs p
        ON p.n IN ((hashtext(c.id::text) & 65535) % ${ORGANISATIONS}, (hashtext(c.id::text) >> 16 & 65535) % ${ORGANISATIONS})`.execute(
      tx,
    );
  });
  await sql`ANALYZE`.execute(admin);

  const access = createAccess({
    access: createAccessRepository(),
    representations: createRepresentationRepository(),
    undertakings: createUndertakingsRepository(),
    clock: systemClock,
  });
  const cases = createCasesRepository();
  const ids = (await admin.selectFrom('cases').select('id').limit(DECISIONS).execute()).map((r) => r.id);
  const actor = { userId: creator, organisationId: orgs[0]!, roles: ['participant'] as const };

  const decision = (i: number) =>
    inTransaction(app, async (tx) => {
      const context = await access.enter(tx, actor);
      const facts = await access.caseFacts(tx, ids[i % ids.length]!);
      // The facts are what matter here; secrecy acceptance is not seeded, so decide() refuses.
      return facts && context.acting;
    });
  const rawRead = (i: number) =>
    inTransaction(admin, (tx) =>
      tx
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', ids[i % ids.length]!)
        .executeTakeFirst(),
    );

  const authorisedList = (i: number) =>
    inTransaction(app, async (tx) => {
      await createAccessRepository().actFor(tx, creator, [orgs[i % ORGANISATIONS]!]);
      return cases.casesOf(tx, [orgs[i % ORGANISATIONS]!], PAGE);
    });
  const unfilteredList = () =>
    inTransaction(admin, (tx) =>
      tx.selectFrom('cases').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(PAGE).execute(),
    );

  // Warm up both sides, then measure them interleaved in halves so machine noise hits both.
  await perSecond(200, decision);
  await perSecond(200, rawRead);
  await perSecond(20, authorisedList);
  await perSecond(20, unfilteredList);
  const half = (n: number) => Math.floor(n / 2);
  const decisions =
    ((await perSecond(half(DECISIONS), decision)) + (await perSecond(half(DECISIONS), decision))) / 2;
  const reads =
    ((await perSecond(half(DECISIONS), rawRead)) + (await perSecond(half(DECISIONS), rawRead))) / 2;
  const listed = await perSecond(LISTS, authorisedList);
  const unfiltered = await perSecond(LISTS, unfilteredList);
  const sample = await authorisedList(0);

  return [
    {
      scenario: 'access decision (facts + RLS settings + case facts, 1 per transaction)',
      unit: 'decisions/s',
      value: decisions,
      baseline: reads,
      ratio: decisions / reads,
      note: 'vs raw read of the case by primary key, 1 per transaction',
    },
    {
      scenario: `authorised case list over ${CASES.toLocaleString('en')} cases (page of ${PAGE})`,
      unit: 'queries/s',
      value: listed,
      baseline: unfiltered,
      ratio: listed / unfiltered,
      note: `audience filter + row-level security vs the same query unfiltered; ${sample.length} rows per page`,
    },
  ];
}
