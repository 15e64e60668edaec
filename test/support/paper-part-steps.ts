/**
 * Paper parts for the tests (SPEC SCO-09): the body of a registration, and a paper part of the
 * police written straight into a fixture case, whose state may not let the police register one now.
 */
import { randomUUID } from 'node:crypto';
import { createEnvelope } from '../../src/server/kernel/crypto/envelope.js';
import { createAccessRepository } from '../../src/server/modules/access/access.repository.js';
import { PAPER_FIELDS } from '../../src/server/modules/paper-parts/paper-part-presenter.js';
import type { AccessWorld, FixtureCase } from './access-world.js';

/** A paper annex about `personId`, kept by a function of the registering organisation. */
export function paperAnnex(personId: string) {
  return {
    description: 'Origineel proces-verbaal',
    contentIndex: 'PV met foto’s (12 blz.).',
    categories: ['C11'],
    personIds: [personId],
    location: { building: 'Politiehuis Gent', room: 'Archief 0.14' },
    custodianFunction: 'Archivaris',
  };
}

/**
 * A paper part the police holds on `kase`, about its person, shared when the person is (the
 * fixture shares the records with the signal), written as the owner acting for the police
 * compartment, encrypted as the service encrypts it.
 */
export async function paperPartOf(world: AccessWorld, kase: FixtureCase): Promise<string> {
  const id = randomUUID();
  const envelope = createEnvelope({ keys: world.keys });
  const police = world.people.policeOfficer.actor;
  await world.db.adminDb.transaction().execute(async (tx) => {
    await createAccessRepository().actFor(tx, police.userId, [world.org.police]);
    const seal = ([record, version]: readonly [string, number], value: unknown) =>
      envelope.encrypt(tx, { scope: `case:${kase.id}`, record, version }, JSON.stringify(value));
    const { shared } = await tx
      .selectFrom('persons')
      .select('shared')
      .where('id', '=', kase.personId)
      .executeTakeFirstOrThrow();
    const now = world.clock.now();
    const annex = paperAnnex(kase.personId);
    await tx
      .insertInto('paper_parts')
      .values({
        id,
        case_id: kase.id,
        controller_organisation_id: world.org.police,
        shared,
        categories: annex.categories,
        content: await seal(PAPER_FIELDS.content(id, 1), {
          description: annex.description,
          contentIndex: annex.contentIndex,
        }),
        custody: await seal(PAPER_FIELDS.custody(id, 1), {
          location: annex.location,
          custodianFunction: annex.custodianFunction,
        }),
        registered_by: police.userId,
        registered_at: now,
        updated_by: police.userId,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('paper_part_persons')
      .values({ paper_part_id: id, person_id: kase.personId })
      .execute();
  });
  return id;
}
