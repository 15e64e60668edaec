/**
 * PEN-17 (L1992 art. 41 §2): whether a prohibition from managing a processing forbids giving an
 * account the roles asked, for the module that assigns roles (identity, the operator's console). A
 * prohibition counts from its start to its end, both included, in Brussels civil dates; one that
 * starts later already forbids the assignment (the role would be held into the period). This file
 * imports nothing of the identity module: it calls it.
 */
import type { Tx } from '../../db/database.js';
import type { CivilDate } from '../../kernel/legal-rules/civil-date.js';
import { managingRolesIn } from './prohibition-rules.js';
import { createProhibitionsRepository } from './prohibitions.repository.js';

const prohibitions = createProhibitionsRepository();

export interface BlockingProhibition {
  prohibitionId: string;
  judgmentReference: string;
  endsOn: string;
  /** The managing roles asked for that it forbids. */
  roles: string[];
}

/** The prohibition that forbids giving `userId` the managing roles among `roles` now, or undefined. */
export async function prohibitionBlocking(
  tx: Tx,
  userId: string,
  roles: readonly string[],
  today: CivilDate,
): Promise<BlockingProhibition | undefined> {
  const managing = managingRolesIn(roles);
  if (managing.length === 0) return undefined;
  const [first] = await prohibitions.ofAccount(tx, userId, today);
  return (
    first && {
      prohibitionId: first.id,
      judgmentReference: first.judgment_reference,
      endsOn: first.ends_on,
      roles: managing,
    }
  );
}
