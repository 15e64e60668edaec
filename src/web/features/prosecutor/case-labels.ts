/** How the desk names what a case holds: a person by name, an item by category and content. */
import type { TFunction } from 'i18next';
import type { CaseDetail } from '../../../contracts/cases.js';
import type { Item } from '../../../contracts/items.js';
import { personName } from '../cases/persons/person-name.js';

/** The person's name in the case, if the office can read the case. */
export function personIn(kase: CaseDetail | undefined, personId: string): string | undefined {
  const person = kase?.persons.find((candidate) => candidate.id === personId);
  return person ? personName(person) : undefined;
}

export function itemLabel(t: TFunction, item: Pick<Item, 'category' | 'content'>): string {
  return `${item.category} ${t(`categories.${item.category}`)}: ${item.content ?? t('prosecutor.itemNotShown')}`;
}

/** bill art. 6: art. 7 restricts no judicial item, so only the others are offered. */
export const restrictableItems = (kase: CaseDetail, personId: string): Item[] =>
  kase.items.filter((item) => item.personIds.includes(personId) && item.judicial === null && !item.erased);
