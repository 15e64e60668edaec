import { describe, expect, it } from 'vitest';
import { DP_REGIMES, ORGANISATION_KINDS } from '../../../contracts/identity.js';
import { REGIMES } from '../../kernel/legal-rules/index.js';
import { POLICE_ZONE } from './identity-fixtures.js';
import {
  bill0485Applies,
  hasValidEnterpriseChecksum,
  isIsoCountry,
  organisationIssues,
} from './organisation-rules.js';
import { isGenericMailbox, isPersonalName, roleProblem } from './user-rules.js';

describe('organisation rules', () => {
  it('SCO-01 bill 0485 applies to the four kinds of bill art. 2 §1 only', () => {
    const applies = ORGANISATION_KINDS.filter(bill0485Applies);
    expect(applies).toEqual([
      'administrative_authority',
      'judicial_authority',
      'federal_service',
      'police_service',
    ]);
  });

  it('SCO-07 offers the regimes of the legal rules, with the same ids', () => {
    expect([...DP_REGIMES]).toEqual([...REGIMES]);
  });

  it('checks the KBO/BCE check digits (97 minus the first eight digits mod 97)', () => {
    expect(hasValidEnterpriseChecksum('0216.222.403')).toBe(true);
    expect(hasValidEnterpriseChecksum('0202239951')).toBe(true);
    expect(hasValidEnterpriseChecksum('1000.000.021')).toBe(true);
    expect(hasValidEnterpriseChecksum('0216.222.404')).toBe(false);
    expect(hasValidEnterpriseChecksum('2216.222.403')).toBe(false);
  });

  it('knows ISO 3166-1 alpha-2 countries, not other region codes', () => {
    expect(['BE', 'CH', 'US', 'NO'].every(isIsoCountry)).toBe(true);
    expect(['EU', 'UN', 'ZZ', 'XX', 'be'].some(isIsoCountry)).toBe(false);
  });

  it('SCO-11 needs a Belgian representative outside the EU/EEA only', () => {
    const abroad = (country: string) =>
      organisationIssues({ ...POLICE_ZONE, establishmentCountry: country, enterpriseNumber: null });
    expect(abroad('NL')).toEqual([]);
    expect(abroad('NO')).toEqual([]);
    expect(abroad('US').map((issue) => issue.field)).toEqual(['/body/belgianRepresentative']);
  });
});

describe('user rules', () => {
  it('SEC-01 recognises shared mailboxes, also with a suffix or a tag', () => {
    for (const email of [
      'info@cpas.example',
      'Secretariaat.OCMW@gent.example',
      'noreply+x@a.example',
      'admin-it@a.example',
    ]) {
      expect(isGenericMailbox(email), email).toBe(true);
    }
    for (const email of ['an.peeters@gent.example', 'information.officer@a.example', 'marc@a.example']) {
      expect(isGenericMailbox(email), email).toBe(false);
    }
  });

  it('SEC-01 wants a first name and a surname', () => {
    expect(isPersonalName('An Peeters')).toBe(true);
    expect(isPersonalName('Jean-Luc  Van den Bossche')).toBe(true);
    expect(isPersonalName('Secretariaat')).toBe(false);
    expect(isPersonalName('Team 2')).toBe(false);
  });

  it('keeps the operator role to the host and alone', () => {
    expect(roleProblem('platform_operator', ['operator'])).toBeUndefined();
    expect(roleProblem('platform_operator', ['operator', 'dpo'])).toMatch(/host is not a participant/);
    expect(roleProblem('platform_operator', ['participant'])).toMatch(/host is not a participant/);
    expect(roleProblem('police_service', ['operator'])).toMatch(/ARCHITECTURE §3.6/);
    expect(roleProblem('police_service', ['participant', 'dpo'])).toBeUndefined();
  });
});
