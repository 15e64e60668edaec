/** The cases the restriction form offers (bill art. 7 al. 1; SPEC RGT-RST-01, WFL-12). */
import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../contracts/cases.js';
import { authorisedCases } from './authorised-cases.js';

const kase = (id: string, frameworkId: string) => ({ id, frameworkId }) as CaseSummary;
const cases = [kase('prison', 'f-prison'), kase('decree', 'f-decree'), kase('other-office', 'f-other')];
const frameworks = [
  {
    id: 'f-prison',
    basisKind: 'prosecutor_authorisation' as const,
    authorisingOffice: { id: 'parquet', legalName: 'P' },
  },
  { id: 'f-decree', basisKind: 'decree' as const, authorisingOffice: null },
  {
    id: 'f-other',
    basisKind: 'prosecutor_authorisation' as const,
    authorisingOffice: { id: 'elsewhere', legalName: 'E' },
  },
];

describe('the cases offered for a restriction', () => {
  it('RGT-RST-01 WFL-12 only those of a framework resting on the authorisation this office gave', () => {
    expect(authorisedCases(cases, frameworks, 'parquet').map((c) => c.id)).toEqual(['prison']);
  });

  it('RGT-RST-01 every case when the frameworks could not be read: the server names the failing precondition', () => {
    expect(authorisedCases(cases, undefined, 'parquet')).toHaveLength(3);
  });
});
