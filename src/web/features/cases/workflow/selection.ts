/**
 * What a signalling discloses (bill art. 2 §3 1°; SPEC WFL-03): the records the signaller
 * checks. Checking an item checks the persons it is about, and a relation its subjects, so that
 * the organiser sees exactly the selection, never an item without its person; unchecking a
 * person unchecks what needs it.
 */
import type { CaseDetail, Selection } from '../../../../contracts/cases.js';

type Records = Pick<CaseDetail, 'persons' | 'items'>;

function withSubjects(records: Records, personIds: Iterable<string>): Set<string> {
  const chosen = new Set(personIds);
  for (const id of [...chosen]) {
    for (const subject of records.persons.find((person) => person.id === id)?.subjectIds ?? [])
      chosen.add(subject);
  }
  return chosen;
}

export function checkPerson(
  records: Records,
  selection: Selection,
  personId: string,
  checked: boolean,
): Selection {
  if (checked) {
    return { ...selection, personIds: [...withSubjects(records, [...selection.personIds, personId])] };
  }
  // Without the person, its relations and the items about it cannot be disclosed either.
  const removed = new Set([personId]);
  for (const person of records.persons) if (person.subjectIds.includes(personId)) removed.add(person.id);
  return {
    personIds: selection.personIds.filter((id) => !removed.has(id)),
    itemIds: selection.itemIds.filter(
      (id) => !records.items.find((item) => item.id === id)?.personIds.some((person) => removed.has(person)),
    ),
  };
}

export function checkItem(
  records: Records,
  selection: Selection,
  itemId: string,
  checked: boolean,
): Selection {
  if (!checked) return { ...selection, itemIds: selection.itemIds.filter((id) => id !== itemId) };
  const item = records.items.find((candidate) => candidate.id === itemId);
  return {
    personIds: [...withSubjects(records, [...selection.personIds, ...(item?.personIds ?? [])])],
    itemIds: [...selection.itemIds, itemId],
  };
}
