/**
 * The order of the journeys. They share one server and its demo users, and some of them need a
 * demo user's first login: the secrecy undertaking still due (login, undertaking), no session
 * but their own (sessions), the home page after login (representation). The case journeys take
 * the same users past all of that, so they run after every other journey; otherwise Vitest's
 * own order (by past duration and size) applies.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Journeys that leave demo users past their first login, with open sessions. */
const AFTER_FIRST_LOGINS = [
  'case-veilig-huis.e2e.ts',
  'case-radicalisation.e2e.ts',
  'own-file-transfer.e2e.ts',
  'rights-access-request.e2e.ts',
  'prosecutor-restriction.e2e.ts',
  'rights-rectification.e2e.ts',
  'cross-border-transfer.e2e.ts',
  'compliance-screens.e2e.ts',
];

/**
 * Journeys that move the demo's calendar forward (`concerto jobs run --as-of`): every daily job then
 * counts as done up to that day, so they run after all the others.
 */
const AFTER_EVERYTHING = ['retention-destruction.e2e.ts'];

const named =
  (names: readonly string[]) =>
  (file: TestSpecification): boolean =>
    names.some((name) => file.moduleId.endsWith(`/${name}`));
const last = named(AFTER_FIRST_LOGINS);
const final = named(AFTER_EVERYTHING);

export default class JourneySequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [
      ...sorted.filter((file) => !last(file) && !final(file)),
      ...sorted.filter(last),
      ...sorted.filter(final),
    ];
  }
}
