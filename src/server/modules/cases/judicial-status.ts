/**
 * SPEC RGT-JUD-02 (bill arts 6-7): when an item enters or leaves a judicial file, requests of the
 * persons concerned that are still open must follow it to its new route. The cases module only
 * says that it happened; the rights module, which depends on this one, listens (app.ts wires it),
 * so the dependency keeps pointing one way.
 */
import type { Tx } from '../../db/database.js';
import type { AccessContext } from '../access/access.service.js';

export type JudicialStatusListener = (
  tx: Tx,
  context: AccessContext,
  item: { id: string; caseId: string; controllerId: string },
) => Promise<void>;
