/** An identity as the list shows it: surname, first names, then birth date and national number when known. */
import type { Identity } from '../../../contracts/persons.js';
import { formatDate } from '../../i18n/format.js';

export function identityWords(identity: Identity, language: string): string {
  return [
    `${identity.surname}, ${identity.firstNames}`,
    identity.birthDate && formatDate(identity.birthDate, language),
    identity.nationalRegisterNumber,
  ]
    .filter(Boolean)
    .join(' – ');
}
