/** The body of a lookup on the list (bill art. 8; SPEC LST-02): the one link it serves, and the person. */
import type { ListLookup } from '../../../contracts/prosecutor-list.js';

export const LOOKUP_FIELDS = [
  'link',
  'nationalRegisterNumber',
  'surname',
  'firstNames',
  'birthDate',
] as const;

/** `link` is `restriction:<id>` or `request:<id>`. */
export type LookupDraft = Record<(typeof LOOKUP_FIELDS)[number], string>;

/** The body: the link as the one id it names, and the person by number or by name and birth date. */
export function lookupBody(draft: LookupDraft): ListLookup {
  const [kind, id] = draft.link.split(':');
  const given = (name: 'nationalRegisterNumber' | 'surname' | 'firstNames' | 'birthDate') =>
    draft[name].trim() !== '' ? { [name]: draft[name].trim() } : {};
  return {
    ...(kind === 'restriction' && id && { restrictionId: id }),
    ...(kind === 'request' && id && { rightsRequestId: id }),
    ...given('nationalRegisterNumber'),
    ...given('surname'),
    ...given('firstNames'),
    ...given('birthDate'),
  };
}
