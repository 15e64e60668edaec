import { describe, expect, it } from 'vitest';
import { emptyRegistration, registrationBody } from './registration-draft.js';

const framework = {
  id: 'fw-1',
  name: 'Veilig Huis',
  mappableCategories: ['C01', 'C14'] as const,
  parties: [
    { id: 'police', legalName: 'Police' },
    { id: 'cpas', legalName: 'CPAS' },
  ],
};

describe('the registration of a connection between file environments', () => {
  it('INT-01 INT-03 sends the royal decree only when regulated, matching off by default, and only parties of the framework', () => {
    const draft = {
      ...emptyRegistration(),
      name: ' Focus ',
      frameworkId: 'fw-1',
      system: 'Focus',
      operator: 'Integrated police',
      partyIds: ['cpas', 'other-framework-party'],
      legalBasis: 'Decree art. 3',
      royalDecreeReference: 'ignored while not regulated',
      securityMeasures: 'Signed requests, TLS, per-field mapping',
      fieldMapping: [{ field: ' incident.text ', category: 'C14' as const }],
      rateLimitPerMinute: '30',
      publicKey: '  -----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
    };
    const body = registrationBody(draft, {
      ...framework,
      mappableCategories: [...framework.mappableCategories],
    });
    expect(body).toEqual({
      name: 'Focus',
      frameworkId: 'fw-1',
      counterpart: { system: 'Focus', operator: 'Integrated police' },
      direction: 'inbound',
      partyIds: ['cpas'],
      legalBasis: 'Decree art. 3',
      royalDecree: null,
      securityMeasures: 'Signed requests, TLS, per-field mapping',
      fieldMapping: [{ field: 'incident.text', category: 'C14' }],
      personMatching: { rule: 'off' },
      rateLimitPerMinute: 30,
      publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----',
    });
    const regulated = registrationBody(
      {
        ...draft,
        regulatedByRoyalDecree: true,
        royalDecreeReference: 'RD 1 March 2026',
        matching: 'national_register_number',
        matchingBasis: 'Decree art. 5',
      },
      undefined,
    );
    expect(regulated.royalDecree).toEqual({ reference: 'RD 1 March 2026' });
    expect(regulated.personMatching).toEqual({ rule: 'national_register_number', basis: 'Decree art. 5' });
    expect(regulated.partyIds).toEqual([]);
  });
});
