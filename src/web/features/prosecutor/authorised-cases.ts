/**
 * The cases in which the office may restrict rights (bill art. 7 al. 1; SPEC RGT-RST-01, WFL-12):
 * those of a framework resting on a motivated authorisation that this office gave. The server
 * checks it again; the form offers only these, or every case when the frameworks could not be read.
 */
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Framework } from '../../../contracts/frameworks.js';

export function authorisedCases(
  cases: readonly CaseSummary[],
  frameworks: readonly Pick<Framework, 'id' | 'basisKind' | 'authorisingOffice'>[] | undefined,
  officeId: string,
): CaseSummary[] {
  if (!frameworks) return [...cases];
  const authorised = new Set(
    frameworks
      .filter(
        (framework) =>
          framework.basisKind === 'prosecutor_authorisation' && framework.authorisingOffice?.id === officeId,
      )
      .map((framework) => framework.id),
  );
  return cases.filter((kase) => authorised.has(kase.frameworkId));
}
