/**
 * Where the information obligation meets the rest of the shared file, inside the caller's
 * transaction (ARCHITECTURE §3.1): a new person opens its controller's obligation (SPEC
 * RGT-INF-01, RGT-INF-02, RGT-IND-01), and the first communication of a person's data to a third
 * party waits for an obligation whose controller envisaged it (L2007 art. 9 §2 al. 1).
 *
 * A third party is anyone but the person, the controller, its processor and those under their
 * direct authority (L2007 art. 1 §6). Each participant is the controller of the data it introduces
 * (bill art. 3 §1 al. 2), so the other participants of a case are third parties to it: sharing a
 * person beyond the compartment (the signal, bill art. 2 §3 1°, and later sharing, SPEC WFL-09)
 * communicates the person's data to them, and so does an own-file export (bill art. 4). The host
 * is the processor (bill art. 3 §1 al. 2), not a third party.
 */
import type { PersonInformation } from '../../../contracts/information-notices.js';
import type { Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { activeRestrictions } from '../restrictions/active-restrictions.js';
import { createInformationObligationsRepository } from './information-obligations.repository.js';
import { DISCLOSURE_RULE, newObligation } from './information-rules.js';

/** Stateless queries under the caller's transaction and row-level security. */
const obligations = createInformationObligationsRepository();

/**
 * RGT-INF-07: the persons whose information an active bill art. 7 restriction suspends (one of
 * the items about the person is covered for 'information'), with the restriction named.
 */
export async function restrictedPersons(
  tx: Tx,
  personIds: readonly string[],
  at: Date,
): Promise<Map<string, string>> {
  const links = await obligations.itemsAbout(tx, personIds);
  const covered = await activeRestrictions(
    tx,
    links.map((link) => link.item_id),
    at,
  );
  const restricted = new Map<string, string>();
  for (const link of links) {
    const restriction = covered.get(link.item_id);
    if (restriction?.rights.includes('information') && !restricted.has(link.person_id)) {
      restricted.set(link.person_id, restriction.restrictionId);
    }
  }
  return restricted;
}

export interface RecordedPerson {
  caseId: string;
  personId: string;
  role: 'subject' | 'relation';
  controllerId: string;
  userId: string;
  at: Date;
  information: PersonInformation | undefined;
}

/** RGT-INF-01, RGT-INF-02: the controller's obligation towards a person it just recorded. */
export async function openInformationObligation(tx: Tx, person: RecordedPerson): Promise<void> {
  const controller = await obligations.organisation(tx, person.controllerId);
  const opened = newObligation(person.information, controller!.dp_regime);
  await obligations.insert(tx, {
    case_id: person.caseId,
    person_id: person.personId,
    controller_organisation_id: person.controllerId,
    person_role: person.role,
    collection: opened.collection,
    recorded_on: brusselsDateOf(person.at),
    disclosure_envisaged_by: opened.disclosureEnvisaged ? person.userId : null,
    disclosure_envisaged_at: opened.disclosureEnvisaged ? person.at : null,
    status: opened.status,
    notice_version: opened.informed?.noticeVersion ?? null,
    informed_on: opened.informed?.informedOn ?? null,
    channel: opened.informed?.channel ?? null,
    closed_by: opened.informed ? person.userId : null,
    closed_at: opened.informed ? person.at : null,
    created_by: person.userId,
    created_at: person.at,
  });
}

/**
 * RGT-INF-02: refuses a communication to third parties of persons (and of items about persons)
 * whose controller envisaged it and has not yet closed its obligation (informed or exempted).
 */
export async function refuseUninformedDisclosure(
  tx: Tx,
  disclosed: { personIds: readonly string[]; itemIds: readonly string[] },
  at: Date,
): Promise<void> {
  const persons = [
    ...new Set([...disclosed.personIds, ...(await obligations.personsOfItems(tx, disclosed.itemIds))]),
  ];
  // A restricted person's information is suspended by the prosecutor (bill art. 7): it does not hold the disclosure.
  const restricted = await restrictedPersons(tx, persons, at);
  const waiting = (await obligations.awaitingFirstDisclosure(tx, persons)).filter(
    (o) => !restricted.has(o.person_id),
  );
  if (waiting.length === 0) return;
  throw new DomainError('conflict', {
    detail: `The person must first be informed, or the information obligation closed, before this first disclosure to a third party (obligations ${waiting.map((o) => o.id).join(', ')})`,
    rule: DISCLOSURE_RULE,
  });
}
