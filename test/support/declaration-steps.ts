/**
 * SPEC DCL-01: no controller enters data in a framework before its declaration is submitted. The
 * test worlds' frameworks are declared by every party as its DPO would have done, written as the
 * owner with the content the real generator gives (declarations tested in test/declarations/).
 */
import type { Db } from '../../src/server/db/database.js';
import type { Clock } from '../../src/server/kernel/clock.js';
import { brusselsDateOf, createLegalRules } from '../../src/server/kernel/legal-rules/index.js';
import { serialiseContent } from '../../src/server/modules/declarations/declaration-conformity.js';
import { generateFor } from '../../src/server/modules/declarations/declaration-facts.js';
import { DECLARATION_TEXTS } from '../../src/server/modules/declarations/declaration-texts.js';
import { createDeclarationsRepository } from '../../src/server/modules/declarations/declarations.repository.js';

/** Every party of `frameworkId` (not the host) declares its processing in it, submitted today. */
export async function declareFrameworkParties(adminDb: Db, frameworkId: string, clock: Clock): Promise<void> {
  const declarations = createDeclarationsRepository();
  const rules = createLegalRules({ clock });
  await adminDb.transaction().execute(async (tx) => {
    const [framework] = await declarations.frameworks(tx, [frameworkId]);
    if (!framework) throw new Error(`no framework ${frameworkId}`);
    const parties = (await declarations.parties(tx, [frameworkId])).filter(
      (p) => p.kind !== 'platform_operator',
    );
    const today = brusselsDateOf(clock.now());
    for (const party of parties) {
      const declared = await declarations.mappedElsewhere(tx, party.organisation_id, [frameworkId], null);
      if (declared.size > 0) continue;
      const user = await tx
        .selectFrom('users')
        .select('id')
        .orderBy((eb) => eb('organisation_id', '=', party.organisation_id), 'desc')
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      const now = clock.now();
      const row = await declarations.insert(tx, {
        organisation_id: party.organisation_id,
        purposes: [...framework.purposes].sort(),
        language: 'nl',
        security_description: DECLARATION_TEXTS.nl.defaultSecurity,
        created_by: user.id,
        created_at: now,
        updated_by: user.id,
        updated_at: now,
      });
      await declarations.replaceMappings(tx, row.id, [
        {
          framework_id: frameworkId,
          organisation_id: party.organisation_id,
          name_fr: framework.name,
          name_nl: framework.name,
          added_by: user.id,
          added_at: now,
        },
      ]);
      const generated = await generateFor({ declarations, rules }, tx, row, today);
      if (!generated.content) throw new Error(`declaration fixture: ${JSON.stringify(generated.issues)}`);
      const { json, sha256 } = serialiseContent(generated.content);
      await declarations.insertVersion(tx, {
        declaration_id: row.id,
        number: 1,
        kind: 'declaration',
        content: json,
        content_sha256: sha256,
        purposes: row.purposes,
        framework_ids: [frameworkId],
        submitted_on: today,
        submitted_by: user.id,
        recorded_at: now,
      });
    }
  });
}
