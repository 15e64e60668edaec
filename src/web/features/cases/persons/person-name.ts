import type { Person } from '../../../../contracts/persons.js';

/** How a person is named on the page: surname, then first names. */
export function personName(person: Pick<Person, 'identity'>): string {
  return `${person.identity.surname}, ${person.identity.firstNames}`;
}
