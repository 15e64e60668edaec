/**
 * The paper parts of a demo case (SPEC SCO-09), registered through the paper-part service by a
 * member of the organisation that holds them, and destroyed on its decision where the data says so.
 */
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { DemoCase } from './demo-cases.js';
import { caseOf, type SeedContext, staffActor } from './seed-context.js';

export async function addPaperParts(context: SeedContext, spec: DemoCase): Promise<void> {
  const { id: caseId, persons } = caseOf(context, spec.key);
  for (const part of spec.paperParts ?? []) {
    const holder = staffActor(context, part.by ?? spec.author);
    const { id } = await context.services.paperParts.registerPaperPart(holder, caseId, {
      description: part.description,
      contentIndex: part.contentIndex,
      pageCount: part.pageCount,
      categories: part.categories,
      personIds: part.about.map((person) => persons.get(person)!),
      location: part.location,
      custodianUserId: holder.userId,
      custodianFunction: part.custodianFunction,
    });
    if (part.destroyed) {
      await context.services.paperParts.confirmDestruction(holder, caseId, id, {
        destroyedOn: brusselsDateOf(context.now),
        reason: part.destroyed,
      });
    }
  }
}
