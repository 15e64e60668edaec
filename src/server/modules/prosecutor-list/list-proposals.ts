/**
 * What the person-writing use cases of the cases module do for the prosecutor's list, in their
 * transaction (bill art. 8; SPEC LST-01, LST-04). The contributor acts for the case's controller
 * and may not read the list: it encrypts the identity under the entry's own scope and hands it to
 * the SECURITY DEFINER functions of migration 0024, which decide whether a proposal is due (a
 * subject – never a relation, SPEC A-15 – of a case organised by motivated authorisation) and
 * write it for the authorising office.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Identity } from '../../../contracts/persons.js';
import type { Tx } from '../../db/database.js';
import type { AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';

/** Each entry has a key of its own: erasing it shreds that key, backups included (SPEC RET-07). */
export const listEntryScope = (entryId: string): string => `prosecutor-list:${entryId}`;

/** The encrypted fields of an entry, as `[record, version]` under its scope. */
export const LIST_FIELDS = {
  identity: (version: number) => ['identity', version] as const,
  pendingIdentity: () => ['pending-identity', 1] as const,
};

export interface ListHookDeps {
  envelope: Envelope;
  audit: AuditLog;
}

/**
 * LST-01: proposes the new person to the authorising office's list when it is a subject of a case
 * organised by motivated authorisation; the disclosure to the office is audited (identity never).
 */
export async function proposeListEntry(
  tx: Tx,
  { envelope, audit }: ListHookDeps,
  person: { id: string; caseId: string; identity: Identity; who: UserActor; at: Date },
): Promise<void> {
  const { rows } = await sql<{ organisation_id: string }>`
    SELECT organisation_id FROM concerto_list_proposal_target(${person.id}::uuid)`.execute(tx);
  const office = rows[0]?.organisation_id;
  if (!office) return;
  const entryId = randomUUID();
  const sealed = await envelope.encrypt(
    tx,
    { scope: listEntryScope(entryId), record: LIST_FIELDS.identity(1)[0], version: 1 },
    JSON.stringify(person.identity),
  );
  await sql`SELECT concerto_propose_list_entry(${entryId}::uuid, ${person.id}::uuid, ${sealed}, ${person.at})`.execute(
    tx,
  );
  await audit.record(tx, {
    actor: person.who,
    action: 'disclose',
    outcome: 'success',
    caseId: person.caseId,
    records: [
      { type: 'person', id: person.id, category: 1 },
      { type: 'prosecutor_list_entry', id: entryId },
    ],
    recipients: [{ organisationId: office }],
    justification: "bill art. 8: proposal for the prosecutor's list",
  });
}

/** LST-04: the rectified identity waits on each list entry of the person, flagged "update pending". */
export async function flagListUpdate(
  tx: Tx,
  { envelope }: Pick<ListHookDeps, 'envelope'>,
  person: { id: string; identity: Identity; nrnIndex: Buffer | null; nameDobIndex: Buffer | null },
): Promise<void> {
  const { rows } = await sql<{ entry_id: string }>`
    SELECT entry_id FROM concerto_list_entries_of_person(${person.id}::uuid)`.execute(tx);
  for (const { entry_id: entryId } of rows) {
    const [record, version] = LIST_FIELDS.pendingIdentity();
    const sealed = await envelope.encrypt(
      tx,
      { scope: listEntryScope(entryId), record, version },
      JSON.stringify(person.identity),
    );
    await sql`SELECT concerto_flag_list_update(${entryId}::uuid, ${person.id}::uuid, ${sealed},
      ${person.nrnIndex}, ${person.nameDobIndex})`.execute(tx);
  }
}
